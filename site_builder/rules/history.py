"""The rules ``check --git`` adds (SPEC 4): judged by what reached the published branch.

- A notice is dated by the day its text reached the branch; ``announced`` must not be earlier.
- A published version's text must stay the text the public saw on the day it was published,
  except for adding a withdrawal; an edit that was later reverted is only a warning.
- ``adopted`` exempts from the first rule only the notices the commit that set it already held.

Pure functions of the site, the history and today; reading git is history.py's job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from site_builder.sources.history import Commit, FileState, History
from site_builder.sources.history_texts import Text
from site_builder.base.messages import say
from site_builder.model.site import PolicyVersion, Site
from site_builder.base.problems import WARNING, Problem

SITE_YAML = "policies/site.yaml"
_VERSION_PATH = re.compile(r"^policies/[^/]+/\d{4}-\d{2}-\d{2}\.md$")


@dataclass(frozen=True)
class DayState:
    """The last state of a file on a day: what a build that day would publish."""

    day: date  # the day it reached the branch (never before an earlier commit's day)
    state: FileState

    @property
    def text(self) -> Text | None:
        return self.state.text


def check_history(site: Site, history: History, today: date,
                  ledger_judges: bool = False) -> list[Problem]:
    """With ``ledger_judges`` (a live ledger is given), what was published and when is the
    ledger's to say (rules/ledger.py): git still dates notices, but edits and renames are
    judged against what the public saw, so a version it never saw may still change."""
    versions = {v.path: v for d in site.documents for v in d.versions}
    held, problems = _adoption(site, history)
    problems += [_link_problem(path) for path in history.links]
    for path, states in sorted(history.files.items()):
        if not _VERSION_PATH.match(path):
            continue
        days = day_states(states)
        first = _is_first_version(site, path, days)
        version = versions.get(path)
        if version and path not in held.get(version.announced, ()):
            problems += _back_dated(version, days, history.branch)
        if not ledger_judges:
            problems += _changed_after_publication(path, days, first, today)
    return problems + _translations_behind(site, history)


def _translations_behind(site: Site, history: History) -> list[Problem]:
    """A translation that does not name its original's hash is dated by git instead: the
    original's text changed (a withdrawal aside) in a commit after its last change."""
    problems = []
    for document in site.documents:
        originals = {v.effective: v for v in document.versions}
        for translation in (t for t in document.translations if t.translates is None):
            original = originals.get(translation.effective)
            changed = _last_change(history.files.get(original.path, [])) if original else None
            translated = _last_change(history.files.get(translation.path, []))
            if changed and translated and changed.index > translated.index:
                problems.append(Problem(translation.path, 1, say(
                    "the original {effective}.md changed in {changed}, after this translation "
                    "was last changed in {translated}; bring the translation up to date, and add "
                    "translates: {actual} so that build notices it too",
                    effective=translation.effective, changed=changed.describe(),
                    translated=translated.describe(), actual=original.sha256),
                    rule="translation-outdated", severity=WARNING))
    return problems


def _last_change(states: list[FileState]) -> Commit | None:
    """The commit that gave the file its present text (withdrawal keys not counted)."""
    present = [s for s in states if s.text is not None]
    if not present or states[-1].text is None:
        return None
    last = present[-1]
    for state in reversed(present):
        if state.text.comparable != last.text.comparable:
            break
        last = state
    return last.commit


def day_states(states: list[FileState]) -> list[DayState]:
    """One state a day, dated by when it reached the branch: a commit whose clock says an
    earlier day than a commit before it on the branch still arrived after that one."""
    days: list[DayState] = []
    for state in states:
        day = max(state.commit.day, days[-1].day) if days else state.commit.day
        if days and days[-1].day == day:
            days[-1] = DayState(day, state)
        else:
            days.append(DayState(day, state))
    return days


def public_from(text: Text, is_first: bool) -> date | None:
    """From which day a text is public record; drafts have none and may change freely, and so
    has a text still holding a mark of unwritten text: no build publishes it."""
    if text.unfinished:
        return None
    announced = text.date("announced")
    if announced is not None:
        return announced
    return text.date("effective") if is_first else None


def first_public(days: list[DayState], is_first: bool, today: date) -> tuple[int, date] | None:
    """Which day state the public saw first, and on which day: the first one in force on a day
    it was announced (a first version: in effect)."""
    for index, current in enumerate(days):
        start = public_from(current.text, is_first) if current.text else None
        if start is None:
            continue
        seen = max(current.day, start)
        ends = days[index + 1].day if index + 1 < len(days) else None
        if seen <= today and (ends is None or seen < ends):
            return index, seen
    return None


def _is_first_version(site: Site, path: str, days: list[DayState]) -> bool:
    effective = next((d.text.date("effective") for d in reversed(days) if d.text), None)
    folder = path.rsplit("/", 1)[0]
    return effective is not None and not any(
        v.effective < effective for d in site.documents if d.path == folder for v in d.versions)


def _arrival(days: list[DayState], key: str, value: date) -> DayState | None:
    """The first day the branch held this file stating ``key: value``."""
    return next((d for d in days if d.text and d.text.date(key) == value), None)


def _back_dated(version: PolicyVersion, days: list[DayState], branch: str) -> list[Problem]:
    problems = []
    for key, rule in (("announced", "back-dated-notice"), ("withdrawn", "back-dated-withdrawal")):
        stated = getattr(version, key)
        arrived = _arrival(days, key, stated) if stated else None
        if arrived is None or arrived.day <= stated:
            continue
        values = dict(stated=stated, branch=branch, day=arrived.day,
                      commit=arrived.state.commit.describe())
        problems.append(Problem(version.path, version.line_of(key), say(
            "announced {stated} is earlier than the day this notice reached {branch}, {day} in "
            "{commit}: the public could not see it before then, so a notice cannot be "
            "back-dated; set announced to {day} or later (and effective at least a notice "
            "window after it)" if key == "announced" else
            "withdrawn {stated} is earlier than the day this withdrawal reached {branch}, {day} "
            "in {commit}: the public could not see it before then, so a withdrawal cannot be "
            "back-dated; set withdrawn to {day} or later", **values), rule=rule))
    return problems


def _changed_after_publication(path: str, days: list[DayState], is_first: bool,
                               today: date) -> list[Problem]:
    found = first_public(days, is_first, today)
    if found is None:
        return []
    index, seen = found
    published = days[index].text
    later = [d.state for d in days[index + 1:]]
    departures = [s for s in later if not _as_published(s, path, published)]
    if not departures:
        return []
    final = days[-1].state
    if final.text is None:
        return [_removed(path, final)] if days[index].state.path == path else []
    values = dict(changed=departures[0].commit.describe(), seen=seen,
                  sha=published.sha256[:12])
    if _as_published(final, path, published):
        restored = later[later.index(departures[-1]) + 1]
        return [Problem(path, 1, say(
            "published text was changed in {changed}, after it became public on {seen} (sha256 "
            "{sha}), and restored in {restored}; it is the published text again, so nothing is "
            "to be done", restored=restored.commit.describe(), **values),
            rule="published-text-restored", severity=WARNING)]
    return [Problem(path, 1, say(
        "published text was changed in {changed}, after it became public on {seen} (sha256 "
        "{sha}); it is now sha256 {now}; published text is immutable: restore it (git checkout "
        "{before} -- {path}) and publish the correction as a new version (policy-site new) "
        "instead; to call off a change not yet in effect, add only 'withdrawn: YYYY-MM-DD' and "
        "'withdrawn_reason: ...'", now=final.text.sha256[:12],
        before=_commit_before(departures[0]), path=path, **values),
        rule="published-text-changed")]


def _as_published(state: FileState, path: str, published: Text) -> bool:
    """Still the published text, at its place; adding a withdrawal is the one edit allowed."""
    return (state.text is not None and state.path == path
            and state.text.comparable == published.comparable)


def _commit_before(departure: FileState) -> str:
    commit = departure.commit
    return f"{commit.short}^" if commit.sha else "HEAD"


def _removed(path: str, final: FileState) -> Problem:
    what = (say("renamed to {target}", target=final.moved_to) if final.moved_to else
            say("deleted"))
    return Problem(path, None, say(
        "published version was {what} in {commit}; published versions stay where they are: "
        "restore {path} and publish the correction as a new version (policy-site new) instead; "
        "to call off a change not yet in effect, add 'withdrawn: YYYY-MM-DD' and "
        "'withdrawn_reason: ...' to it instead", what=what, commit=final.commit.describe(),
        path=path), rule="published-version-removed")


def _adoption(site: Site, history: History) -> tuple[dict[date, set[str]], list[Problem]]:
    """The notices the commit that first set ``adopted`` held (by announced day), and an error
    if ``adopted`` changed since: moving it would exempt notices made after adoption."""
    settings = history.files.get(SITE_YAML, [])
    setting = next((s for s in settings if s.text and s.text.date("adopted")), None)
    if setting is None:
        return {}, []
    first = setting.text.date("adopted")
    problems = []
    if site.adopted != first:
        problems.append(Problem(SITE_YAML, site.adopted_line, say(
            "adopted was set to {first} in {commit} and cannot be changed: it exempts only the "
            "notices that commit held; set it back to adopted: {first}", first=first,
            commit=setting.commit.describe()), rule="adopted-changed"))
    return _held_at(history, setting.commit), problems


def _held_at(history: History, commit: Commit) -> dict[date, set[str]]:
    held: dict[date, set[str]] = {}
    for path, states in history.files.items():
        before = [s for s in states if s.commit.index <= commit.index]
        if _VERSION_PATH.match(path) and before and before[-1].text:
            announced = before[-1].text.date("announced")
            held.setdefault(announced, set()).add(path)
    return held


def _link_problem(path: str) -> Problem:
    return Problem(path, None, say("is a symbolic link: git records only the link, so check "
                                   "--git cannot see edits of the text behind it; replace the "
                                   "link with the file itself"), rule="symbolic-link")
