"""``policy-site verify URL|PATH``: check a published site against its own ledger.

For anyone (an auditor, a journalist, an archive). The ledger's hash chain must be intact (and,
with ``--against``, extend a copy of it kept earlier, entry for entry). For each version it
lists, ``source.md`` must hash to the ledger's SHA-256, and the words a visitor reads in the
version page's policy text must be that source rendered by this policy-site: text, not
markup, so a theme or a later release does not make an honest old page fail. Each document's
page must show the version the ledger has in effect on the day verified, with the same words;
the home page and versions.json must name that version, and versions.json the ledger's hashes.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timezone

from site_builder.base.messages import say
from site_builder.base.untrusted import load_json
from site_builder.render import urls
from site_builder.rules import ledger
from site_builder.sources import published as fetch
from site_builder.sources.sourcefile import decode_source, split_front_matter
from site_builder.text.markup import render_or_refuse
from site_builder.text.visible import first_difference, links_and_times, visible_words

BODY_CLASS = "policy-body"  # the element of a version page that holds the policy's text
_SLUG = re.compile(r"\A[a-z0-9]+(?:-[a-z0-9]+)*\Z")


@dataclass
class Verification:
    checked: list[str] = field(default_factory=list)
    mismatches: list[str] = field(default_factory=list)
    language: str | None = None  # the site's, from its versions.json

    @property
    def ok(self) -> bool:
        return not self.mismatches


@dataclass(frozen=True)
class _Version:
    document: str
    effective: str
    sha256: str
    withdrawn: bool


def verify(location: str, as_of: date | None = None, against: str | None = None) -> Verification:
    """``as_of``: the day verified; by default today in UTC, but never before the day the site
    says it was built for (a site east of UTC starts its day earlier)."""
    site, name = fetch.site_and_file(location, urls.LEDGER)
    result = Verification()
    try:
        entries = ledger.entries_of(load_json(fetch.read(site, name)))
    except ValueError as error:
        result.mismatches.append(say("{name}: not a policy-site ledger ({reason})", name=name,
                                     reason=str(error)))
        return result
    broken = ledger.chain_problems(entries)
    if broken:
        result.mismatches.append(say("{name}: {reason}", name=name, reason=broken[0]))
        return result
    result.checked.append(say("{name}: {count} entries, chain intact", name=name,
                              count=len(entries)))
    if against:
        _check_against(entries, against, result)
    versions = _versions(entries)
    # The words each version's published source reads as, fetched and rendered once.
    published = {key: _check_version(site, version, result) for key, version in versions.items()}
    index = _index(site, result)
    built_for = _day(str(index.get("as_of"))) if index else None
    day = as_of or max(datetime.now(timezone.utc).date(), built_for or date.min)
    current = _in_effect(versions, day)
    for document, version in sorted(current.items()):
        words = published[(version.document, version.effective)]
        if words is not None:  # else reported with the version
            _check_page(site, urls.document_path(document), words, version, result,
                        say("{document}'s page (the version in effect on {day})",
                            document=document, day=day))
    _check_home(site, current, result)
    if index:
        _check_index(index, versions, current, result)
    return result


def _versions(entries: list[dict]) -> dict[tuple[str, str], _Version]:
    """Each version the ledger lists, with its latest hash and whether it was withdrawn."""
    found: dict[tuple[str, str], _Version] = {}
    for entry in entries:
        key = (entry["document"], entry["effective"])
        withdrawn = entry["event"] == ledger.WITHDRAWAL or (key in found and found[key].withdrawn)
        found[key] = _Version(*key, entry["sha256"], withdrawn)
    return found


def _in_effect(versions: dict, day: date) -> dict[str, _Version]:
    """By document, the version the ledger has in force on ``day``."""
    current: dict[str, _Version] = {}
    for version in sorted(versions.values(), key=lambda v: v.effective):
        if not version.withdrawn and _day(version.effective) and _day(version.effective) <= day:
            current[version.document] = version
    return current


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _check_against(entries: list[dict], against: str, result: Verification) -> None:
    """The live chain must be the kept copy with entries appended, never rewritten or cut."""
    kept_site, kept_name = fetch.site_and_file(against, urls.LEDGER)
    try:
        kept = ledger.entries_of(load_json(fetch.read(kept_site, kept_name)))
    except ValueError as error:
        raise fetch.FetchError(say("{where}: not a policy-site ledger ({reason})",
                                   where=against, reason=str(error))) from None
    differs = next((i for i, (a, b) in enumerate(zip(entries, kept))
                    if not isinstance(b, dict) or a.get("hash") != b.get("hash")), None)
    if differs is not None:
        result.mismatches.append(say(
            "entry {seq} differs from the copy kept in {where}: the chain was rewritten from "
            "there on", seq=differs, where=against))
    elif len(entries) < len(kept):
        result.mismatches.append(say(
            "the live chain has {live} entries and the copy kept in {where} has {kept}: entries "
            "were removed", live=len(entries), where=against, kept=len(kept)))
    else:
        result.checked.append(say("the chain extends the copy kept in {where} ({kept} entries)",
                                  where=against, kept=len(kept)))


def _check_version(site: str, version: _Version, result: Verification) -> list[str] | None:
    """The version's source and page against the ledger; the words its source reads as, or
    None when the source is missing or altered."""
    label = f"{version.document} {version.effective}"
    if not (_SLUG.match(version.document) and _day(version.effective)):
        result.mismatches.append(say("{label}: the ledger names no valid version", label=label))
        return None
    folder = f"{version.document}/{version.effective}/"
    try:
        source = fetch.read(site, folder + "source.md")
    except fetch.NotFound:
        result.mismatches.append(say("{label}: source.md is missing", label=label))
        return None
    actual = hashlib.sha256(source).hexdigest()
    if actual != version.sha256:
        result.mismatches.append(say(
            "{label}: source.md has sha256 {actual}, the ledger says {sha}: the published text "
            "was altered", label=label, actual=actual[:12], sha=version.sha256[:12]))
        return None
    page = _page(site, folder)
    if version.sha256.encode() not in page:
        result.mismatches.append(say(
            "{label}: the page does not show the ledger's sha256 {sha}: the page was replaced "
            "or altered", label=label, sha=version.sha256[:12]))
    words = _source_words(source)
    if _same_words(page, words, label, result):
        result.checked.append(say("{label}: text and page match the ledger", label=label))
    return words


def _check_page(site: str, page: str, words: list[str], version: _Version,
                result: Verification, label: str) -> None:
    if _same_words(_page(site, page), words, label, result):
        result.checked.append(say("{label}: shows {effective}", label=label,
                                  effective=version.effective))


def _page(site: str, page: str) -> bytes:
    try:
        return fetch.read(site, page if fetch.is_url(site) else urls.page_file(page))
    except fetch.NotFound:
        return b""


def _same_words(page: bytes, expected: list[str], label: str, result: Verification) -> bool:
    """Whether the page's policy text reads as ``expected``; says where it does not."""
    found = visible_words(page.decode("utf-8", "replace"), BODY_CLASS)
    if found is None:
        result.mismatches.append(say("{label}: the page holds no policy text (no element of "
                                     "class {name}): it was replaced", label=label,
                                     name=BODY_CLASS))
        return False
    if found != expected:
        wanted, shown = first_difference(expected, found)
        result.mismatches.append(say(
            "{label}: the page reads \"{shown}\" where the published text reads \"{wanted}\"",
            label=label, shown=shown, wanted=wanted))
        return False
    return True


def _source_words(source: bytes) -> list[str]:
    text = decode_source(source, "source.md")
    parts = split_front_matter(getattr(text, "text", ""), "source.md")
    body = render_or_refuse(getattr(parts, "body", ""))
    return visible_words(getattr(body, "html", "")) or []


def _check_home(site: str, current: dict[str, _Version], result: Verification) -> None:
    """The home page links each document and gives the day its version in effect began."""
    found = links_and_times(_page(site, "").decode("utf-8", "replace"))
    for document, version in sorted(current.items()):
        link = next((i for i, (tag, a) in enumerate(found) if tag == "a"
                     and (a.get("href") or "").rstrip("/").removesuffix("/index.html")
                     .endswith(document)), None)
        shown = next((a.get("datetime") for tag, a in found[link:] if tag == "time"), None) \
            if link is not None else None
        if shown != version.effective:
            result.mismatches.append(say(
                "the home page gives {document} as in effect from {shown}; the ledger has "
                "{effective}", document=document, shown=shown or say("nothing"),
                effective=version.effective))


def _index(site: str, result: Verification) -> dict:
    """The site's versions.json, or {} (and a mismatch) when it is not one."""
    try:
        index = load_json(fetch.read(site, urls.VERSIONS_JSON))
    except (ValueError, fetch.NotFound):
        index = None
    if not _well_formed(index):
        result.mismatches.append(say("versions.json: missing or not readable"))
        return {}
    result.language = index.get("language") if isinstance(index.get("language"), str) else None
    return index


def _well_formed(index: object) -> bool:
    return isinstance(index, dict) and isinstance(index.get("documents"), list) and all(
        isinstance(d, dict) and "slug" in d and "current" in d
        and isinstance(d.get("versions"), list)
        and all(isinstance(v, dict) and "effective" in v and "sha256" in v for v in d["versions"])
        for d in index["documents"])


def _check_index(index: dict, versions: dict, current: dict[str, _Version],
                 result: Verification) -> None:
    listed = {(d["slug"], v["effective"]): v["sha256"]
              for d in index["documents"] for v in d["versions"]}
    says_current = {d["slug"]: d["current"] for d in index["documents"]}
    for key, sha256 in sorted(listed.items()):
        if key in versions and versions[key].sha256 != sha256:
            result.mismatches.append(say(
                "versions.json: {document} {effective} has sha256 {sha}, the ledger says "
                "{ledger}", document=key[0], effective=key[1], sha=sha256[:12],
                ledger=versions[key].sha256[:12]))
    for document, version in sorted(current.items()):
        if says_current.get(document) != version.effective:
            result.mismatches.append(say(
                "versions.json: {document} is in effect from {shown}; the ledger has {effective}",
                document=document, shown=says_current.get(document) or say("nothing"),
                effective=version.effective))
