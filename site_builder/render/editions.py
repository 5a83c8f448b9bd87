"""Which pages each language has, and where they live.

The original's pages keep their places (``privacy/2016-03-01/``). A translation's copy of a
page sits below the document's folder (``privacy/en/2016-03-01/``); the site's own pages and
indexes (home, feeds, versions.json) below the language (``en/``). A translation edition has
a page only where it has something to show: a version page where that version is translated,
a changes page where both versions are. Every link in a translated page goes to the translated
page when there is one, and to the original's otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence, TypeVar

from site_builder.render import urls
from site_builder.render.notices import NOTICE_FILES, has_notice, notice_path
from site_builder.model.publication import DRAFT, WITHDRAWN, PublishedVersion, Timeline

DOCUMENT, ARCHIVE, COMPARE, COMPARE_DATA, VERSION, CHANGES, NOTICE = (
    "document", "archive", "compare", "compare-data", "version", "changes", "notice")


def in_language(target: str, language: str) -> str:
    """privacy/2016-03-01/ -> privacy/en/2016-03-01/; feed.xml -> en/feed.xml; '' -> en/."""
    folder, slash, rest = target.partition("/")
    return f"{folder}/{language}/{rest}" if slash else f"{language}/{target}"


@dataclass(frozen=True)
class Edition:
    """One language's pages. ``own``: the files (in the original's layout) a translation has
    its own copy of; the original's edition has every page."""

    language: str
    is_original: bool
    own: frozenset[str] = frozenset()

    def has(self, target: str) -> bool:
        if self.is_original:
            return True
        path = target.partition("#")[0]
        return path in self.own or urls.page_file(path) in self.own

    def place(self, target: str) -> str:
        """Where a link to ``target`` goes from this edition's pages."""
        if self.is_original or not self.has(target):
            return target
        path, mark, fragment = target.partition("#")
        return in_language(path, self.language) + mark + fragment

    def output(self, path: str) -> str:
        """Where this edition writes its copy of ``path``."""
        return path if self.is_original else in_language(path, self.language)

    def links_key(self, prefix: str) -> str:
        """The files below ``prefix`` this edition has: what its links there depend on."""
        return ",".join(sorted(p for p in self.own if p.startswith(prefix)))


def document_plan(timeline: Timeline, language: str | None,
                  fallback: str = "previous") -> dict[str, tuple[str, PublishedVersion | None]]:
    """Every page of one document in one language, by path in the original's layout: what it
    shows (its kind) and of which version. ``language`` None is the original."""
    own = [e for e in timeline.entries if e.version.language == language]
    if not own:
        return {}
    slug = timeline.document.slug
    plan: dict[str, tuple[str, PublishedVersion | None]] = {}
    shown = shown_in(timeline, own, fallback)
    if shown:
        plan[urls.page_file(urls.document_path(slug))] = (DOCUMENT, shown)
    plan[urls.page_file(urls.archive_path(slug))] = (ARCHIVE, None)
    comparable = len(own) > 1
    if comparable:
        plan[urls.page_file(urls.compare_path(slug))] = (COMPARE, None)
    if comparable:
        for chunk in compare_chunks(own):
            plan[urls.compare_data_path(slug, chunk[0].effective)] = (COMPARE_DATA, chunk)
    for entry in own:
        plan[urls.page_file(urls.version_path(slug, entry.effective))] = (VERSION, entry)
        if entry.previous and entry.previous.language == language:
            plan[urls.page_file(urls.changes_path(slug, entry.effective))] = (CHANGES, entry)
            if has_notice(entry):
                plan.update({notice_path(slug, entry.effective, name): (NOTICE, entry)
                             for name in NOTICE_FILES})
    if language is not None:  # a change not translated yet: its kit says so, in this language
        for entry in (e for e in timeline.entries if has_notice(e) and e not in own
                      and e.status != DRAFT):
            plan.update({notice_path(slug, entry.effective, name): (NOTICE, entry)
                         for name in NOTICE_FILES})
    return plan


# Versions one compare data file holds: the compare page loads the one or two files holding the
# versions it compares (about 13 KB each), and the site has one file per this many versions,
# not one per version (a file costs a file system round trip to write and to deploy).
COMPARE_CHUNK = 25
T = TypeVar("T")


def compare_chunks(own: Sequence[T]) -> list[tuple[T, ...]]:
    """One language's versions, oldest first, in files of COMPARE_CHUNK; a new version joins
    the last file, so older files keep their names and contents."""
    return [tuple(own[i:i + COMPARE_CHUNK]) for i in range(0, len(own), COMPARE_CHUNK)]


def compare_data_file(slug: str, own: list[PublishedVersion], entry: PublishedVersion) -> str:
    """The compare data file that holds ``entry``."""
    chunk = next(c for c in compare_chunks(own) if any(e is entry for e in c))
    return urls.compare_data_path(slug, chunk[0].effective)


def shown_in(timeline: Timeline, own: list[PublishedVersion],
             fallback: str) -> PublishedVersion | None:
    """What the document page shows: the version in effect; in a translation while that is
    not translated, the translation of the last version before it that was in force (with
    ``fallback`` "previous"), or nothing."""
    shown = timeline.shown
    if shown is None or any(e is shown for e in own):
        return shown
    if fallback != "previous":
        return None
    earlier = [e for e in own if e.effective < shown.effective and e.status != WITHDRAWN]
    return earlier[-1] if earlier else None


def site_files(slugs: list[str]) -> set[str]:
    """The site's own pages and indexes of an edition whose documents are ``slugs``."""
    files = {urls.page_file(""), urls.VERSIONS_JSON}
    for rss in [urls.SITE_FEED, *(urls.feed_path(slug) for slug in slugs)]:
        files |= {rss, urls.atom_path(rss), urls.json_feed_path(rss)}
    return files
