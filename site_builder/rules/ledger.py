"""The public notice ledger: an append-only hash chain of what the site published, and when.

git proves what a repository holds; the ledger, published with the site as ``ledger.json``,
is evidence from the site itself. Each entry records one event (a change ``announced``, a
version ``in_effect``, a change ``withdrawn``) for one version: its document, effective date,
the SHA-256 of its source, the day the site first published the event, and the hash of the
entry before it. Changing or dropping any entry breaks every hash after it.

A build without ``--ledger`` starts a new chain, dating each event by the day its sources
state. A build with ``--ledger`` continues the live chain: entries already there stay as they
are, new events are dated today (the day the public can first see them), and the build is
refused when the live chain is broken, when published text no longer matches its entry, or
when a notice reaches the public fewer days before it takes effect than its window.

Pure functions of the site, the timelines and the previous chain; fetching is fetch.py's job.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, timedelta

import msgspec

from site_builder.base.messages import say
from site_builder.base.problems import WARNING, Problem
from site_builder.model.publication import WITHDRAWN, Timeline

FORMAT = "policy-site-ledger/1"
GENESIS = "0" * 64
ANNOUNCED, WITHDRAWAL, IN_EFFECT = "announced", "withdrawn", "in_effect"
_RANK = {ANNOUNCED: 0, WITHDRAWAL: 1, IN_EFFECT: 2}
ENTRY_KEYS = ("event", "document", "effective", "sha256", "content_sha256", "published",
              "previous", "hash")
LEDGER = "policies/site.yaml"  # where ledger problems point: the site as a whole
_CANONICAL = msgspec.json.Encoder(order="sorted")


@dataclass(frozen=True)
class Event:
    kind: str
    document: str
    effective: date
    sha256: str  # of the source file
    content_sha256: str  # of its text less withdrawal keys: what a withdrawal may not change
    day: date  # the day the sources date it
    window: int  # the notice window of the version, for announcements
    path: str = ""  # the version file, and the line a problem with this event points at
    line: int | None = None

    @property
    def key(self) -> tuple[str, str, str]:
        return self.kind, self.document, self.effective.isoformat()


def events(timelines: tuple[Timeline, ...]) -> list[Event]:
    """Every event that has happened by the timelines' day, in chain order."""
    found = []
    for timeline in timelines:
        document = timeline.document
        for entry in timeline.published:
            version = entry.version
            window = document.notice.window_for(version.material)

            def event(kind: str, day: date) -> Event:
                return Event(kind, document.slug, version.effective, version.sha256,
                             version.content_sha256, day, window, version.path,
                             version.line_of("effective" if kind == IN_EFFECT else kind))

            if not document.is_first(version):
                found.append(event(ANNOUNCED, version.announced))
            if entry.status == WITHDRAWN:
                found.append(event(WITHDRAWAL, version.withdrawn))
            elif version.effective <= timeline.today:
                found.append(event(IN_EFFECT, version.effective))
    return sorted(found, key=lambda e: (e.day, _RANK[e.kind], e.document, e.effective))


def entry_hash(entry: dict) -> str:
    body = {key: value for key, value in entry.items() if key != "hash"}
    return hashlib.sha256(_hashed_bytes(body)).hexdigest()


def _hashed_bytes(body: dict) -> bytes:
    """What an entry's hash is of: its JSON with sorted keys and no spaces, in UTF-8. For the
    ASCII text and whole numbers of this tool's entries msgspec writes those bytes, three
    times faster than json (a build hashes the chain it reads and the one it makes); anything
    else a live ledger may hold goes through json, a lone surrogate as it stands (no entry
    this tool made holds one, so its hash cannot match: the chain is refused as altered)."""
    if all(key.isascii() and (type(value) is str and value.isascii()
                              or type(value) is int and -2**63 <= value < 2**63)
           for key, value in body.items()):
        return _CANONICAL.encode(body)
    text = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return text.encode("utf-8", "surrogatepass")


def chain_problems(entries: list) -> list[str]:
    """What is wrong with a chain: each entry must hash to its ``hash`` and name the one before."""
    if not isinstance(entries, list):
        return ["'entries' is not a list"]
    previous = GENESIS
    for seq, entry in enumerate(entries):
        if not isinstance(entry, dict) or entry.get("seq") != seq:
            return [say("entry {seq} is missing or out of order", seq=seq)]
        if not all(isinstance(entry.get(key), str) for key in ENTRY_KEYS):
            return [say("entry {seq} lacks one of {keys}", seq=seq, keys=", ".join(ENTRY_KEYS))]
        if entry.get("previous") != previous:
            return [say("entry {seq} does not follow entry {before}: the chain was cut or "
                        "reordered", seq=seq, before=seq - 1)]
        if entry.get("hash") != entry_hash(entry):
            return [say("entry {seq} was altered after it was published: its hash does not "
                        "match", seq=seq)]
        previous = entry["hash"]
    return []


def new_chain(timelines: tuple[Timeline, ...]) -> list[dict]:
    """A chain from the sources alone, each event on the day they state."""
    entries: list[dict] = []
    for event in events(timelines):
        _append(entries, event, event.day)
    return entries


def continue_chain(live: list[dict], timelines: tuple[Timeline, ...],
                   today: date) -> tuple[list[dict], list[Problem]]:
    """The live chain with today's new events appended, and why it must not be published."""
    broken = chain_problems(live)
    if broken:
        return live, [ledger_problem(say("the published ledger is broken: {reason}; restore the "
                                         "site's ledger.json from its last deploy",
                                         reason=broken[0]))]
    current = events(timelines)
    problems = _changed_since_published(live, {e.key: e for e in current})
    entries = [dict(entry) for entry in live]
    known = {(e["event"], e["document"], e["effective"]) for e in live}
    fresh = sorted((e for e in current if e.key not in known),
                   key=lambda e: (_RANK[e.kind], e.document, e.effective))
    # A notice withdrawn by today never takes effect: that it came late harms nobody.
    withdrawn = {(e.document, e.effective) for e in current if e.kind == WITHDRAWAL}
    for event in fresh:
        if (event.kind == ANNOUNCED and (event.effective - today).days < event.window
                and (event.document, event.effective) not in withdrawn):
            problems.append(_late_notice(event, today))
        _append(entries, event, today)
    return entries, problems


def _late_notice(event: Event, today: date) -> Problem:
    later = today + timedelta(days=event.window)
    return Problem(event.path, event.line, say(
        "the public sees this notice first today, {today} (the site was not deployed since it "
        "was announced), only {days} day(s) before it takes effect on {effective}; it needs "
        "{window}. The public never saw it, so postpone it: rename the file to {later}.md and "
        "set effective: {later} and announced: {today}; or withdraw it: add withdrawn: {today} "
        "and withdrawn_reason: ... (and announce the change again in a new version)",
        today=today, days=(event.effective - today).days, effective=event.effective,
        window=event.window, later=later), rule="ledger")


def edits_of_recorded_text(earlier: list[dict], timelines: tuple[Timeline, ...]) -> list[Problem]:
    """What a build without the live ledger says out loud, judged by the ledger its output
    folder holds: text that chain recorded as published, changed or gone (warnings: a local
    output folder is not the live site, whose deploy with --ledger refuses the same)."""
    if chain_problems(earlier):
        return []
    return [Problem(p.path, p.line, say(
        "{reason}: this output folder's ledger.json recorded it as published; this build "
        "starts a new chain, and a deploy with --ledger refuses it", reason=p.message),
        rule="ledger", severity=WARNING)
        for p in _changed_since_published(earlier, {e.key: e for e in events(timelines)})]


def _changed_since_published(live: list[dict], current: dict) -> list[Problem]:
    """One problem a version (its first entry names it), however many events it has."""
    problems, seen = [], set()
    for entry in live:
        if entry["event"] == WITHDRAWAL or (entry["document"], entry["effective"]) in seen:
            continue
        seen.add((entry["document"], entry["effective"]))
        now = next((e for kind in (ANNOUNCED, IN_EFFECT, WITHDRAWAL)
                    if (e := current.get((kind, entry["document"], entry["effective"])))), None)
        label = f"{entry['document']} {entry['effective']}"
        if now is None:
            problems.append(Problem(f"policies/{entry['document']}/{entry['effective']}.md", None,
                                    say("{label} was published (ledger entry {seq}) and is gone "
                                        "from the sources; published versions stay: restore the "
                                        "file", label=label, seq=entry["seq"]), rule="ledger"))
        elif now.content_sha256 != entry["content_sha256"]:
            problems.append(Problem(now.path, 1, say(
                "{label}: the published text (sha256 {sha}, ledger entry {seq}) was changed (now "
                "{now}); restore it and publish the correction as a new version", label=label,
                sha=entry["content_sha256"][:12], seq=entry["seq"],
                now=now.content_sha256[:12]), rule="ledger"))
    return problems


def extends(live: list[dict], earlier: list[dict]) -> bool:
    """Whether ``live`` is ``earlier`` with entries appended (the site was not rolled back)."""
    return len(live) >= len(earlier) and all(
        a.get("hash") == b.get("hash") for a, b in zip(live, earlier))


def _append(entries: list[dict], event: Event, day: date) -> None:
    entry = {"seq": len(entries), "event": event.kind, "document": event.document,
             "effective": event.effective.isoformat(), "sha256": event.sha256,
             "content_sha256": event.content_sha256, "published": day.isoformat(),
             "previous": entries[-1]["hash"] if entries else GENESIS}
    entry["hash"] = entry_hash(entry)
    entries.append(entry)


def ledger_problem(message: str) -> Problem:
    return Problem(LEDGER, None, message, rule="ledger")


def entries_of(ledger: object) -> list:
    """The entries of a parsed ledger.json, or a reason it is not one."""
    if not isinstance(ledger, dict) or ledger.get("format") != FORMAT:
        raise ValueError(f"not a policy-site ledger (format {FORMAT})")
    return ledger.get("entries")
