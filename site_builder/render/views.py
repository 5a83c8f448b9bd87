"""What one edition's pages say about its documents and versions: each document's view
(every version's dates, status, summary and links), computed once per build and shared by all
of the document's pages, and the keys that change exactly when a view does."""

from __future__ import annotations

import json
from datetime import date
from functools import partial

from site_builder.base.dates import long_date
from site_builder.base.digest import digest
from site_builder.cache.memo import VIEW, Memo
from site_builder.model.publication import WITHDRAWN, PublishedVersion, Timeline
from site_builder.model.site import Document, Site
from site_builder.render import urls
from site_builder.render.editions import Edition


class DocumentViews:
    """The views of one edition (the original's, or a translation's), which links to its
    counterparts in the other ``editions``; ``site_key`` names the site and theme."""

    def __init__(self, site: Site, strings: dict, edition: Edition,
                 editions: tuple[Edition, ...], memo: Memo, site_key: str):
        self.site = site
        self.t = strings
        self.edition = edition
        self.editions = editions
        self.memo = memo
        self.site_key = site_key
        self.views: dict[str, dict] = {}
        self.version_views: dict[tuple[str, str], dict] = {}
        self.view_keys: dict[str, str] = {}
        self.links_keys: dict[str, str] = {}
        self.identities: dict[str, str] = {}

    @property
    def original_only(self) -> str:
        """How a translation marks what it links to in the original only: 한국어 원문만."""
        if self.edition.is_original:
            return ""
        return self.fmt("original_only", original=self.t[f"language_{self.editions[0].language}"])

    def owns(self, version) -> bool:
        """Whether this edition shows the version in its own language."""
        return self.edition.is_original or version.language == self.edition.language

    def links_key(self, prefix: str) -> str:
        """Which pages below ``prefix`` every edition has: where links and alternates go."""
        if prefix not in self.links_keys:
            self.links_keys[prefix] = digest(*(f"{e.language}:{e.links_key(prefix)}"
                                               for e in self.editions))
        return self.links_keys[prefix]

    def fmt(self, key: str, **values) -> str:
        return self.t[key].format(**values)

    def written(self, day: date | None) -> str:
        """A date as the site's language writes it: 2015년 2월 15일 / February 15, 2015."""
        return long_date(day, self.site.language) if day else ""

    def version_view(self, document: Document, entry: PublishedVersion) -> dict:
        """One version's dates, status and links, made once: a version's page, its 신구대비표,
        its notice kit and its document's view share it (made for each, the planned pages of
        5,000 versions held six copies: 22 MB)."""
        key = (document.slug, entry.version.path)
        if key not in self.version_views:
            self.version_views[key] = self._version_view(document, entry)
        return self.version_views[key]

    def _version_view(self, document: Document, entry: PublishedVersion) -> dict:
        version = entry.version
        return {
            "effective": version.effective.isoformat(),
            "effective_text": self.written(version.effective),
            "announced": version.announced.isoformat() if version.announced else None,
            "announced_text": self.written(version.announced),
            "last_day_text": self.written(entry.last_day),
            "summary": version.summary,
            # The language of the summary where it is not the page's (WCAG 3.1.2).
            "summary_lang": (None if self.edition.is_original
                             else version.summary_language if self.owns(version)
                             else self.editions[0].language),
            "material": version.material,
            "withdrawn": version.withdrawn.isoformat() if entry.status == WITHDRAWN else None,
            "withdrawn_text": self.written(version.withdrawn) if entry.status == WITHDRAWN else "",
            "withdrawn_reason": version.withdrawn_reason if entry.status == WITHDRAWN else None,
            "status": entry.status,
            "status_text": self.t[f"status_{entry.status}"],
            "title": version.title or document.title,
            "url": urls.version_path(document.slug, version.effective),
            # In a translation: whether this version is translated (else links lead to the
            # original), and whether its original changed after the translation was made.
            "own": self.owns(version),
            "original_only": "" if self.owns(version) else self.original_only,
            "outdated": version.outdated,

            "changes_url": (urls.changes_path(document.slug, version.effective)
                            if entry.previous else None),
        }

    def document_view(self, timeline: Timeline) -> dict:
        """The document with every version's dates and status, computed once per build, and
        recalled between serve's rebuilds while the document's identity stays the same (the
        home page shows every document: one saved file must not cost them all)."""
        slug = timeline.document.slug
        if slug not in self.views:
            self.views[slug] = self.memo.get(VIEW, self.document_identity(timeline),
                                             partial(self._document_view, timeline))
        return self.views[slug]

    def document_key(self, timeline: Timeline) -> str:
        slug = timeline.document.slug
        if slug not in self.view_keys:
            self.view_keys[slug] = digest(json.dumps(self.document_view(timeline),
                                                     sort_keys=True))
        return self.view_keys[slug]

    def document_identity(self, timeline: Timeline) -> str:
        """Everything one document's pages are made from: if it is unchanged, so are they.

        Cheaper than the document's view: its settings, and for each shown version its file's
        hash, status, period and the version it follows, with what a translation takes from
        its original (the summary it lacks, the dates, ``material``, the withdrawal, whether
        the original changed since): a save of the original alone changes those.
        """
        document = timeline.document
        if document.slug not in self.identities:  # asked for by the home page and each page
            self.identities[document.slug] = digest(
                self.site_key, self.edition.language, self.site.translation_fallback,
                self.links_key(document.slug + "/"),
                repr((document.slug, document.title, document.description, document.noun)),
                *(_entry_identity(e) for e in timeline.entries))
        return self.identities[document.slug]

    def _document_view(self, timeline: Timeline) -> dict:
        document = timeline.document
        shown = timeline.shown
        versions = [self.version_view(document, e) for e in timeline.newest_first()]
        return {
            "slug": document.slug,
            "title": document.title,
            "noun": document.noun or self.t["default_noun"],
            "description": document.description,
            "url": urls.document_path(document.slug),
            "own": self.edition.has(urls.document_path(document.slug)),
            "original_only": self.original_only,
            "archive_url": urls.archive_path(document.slug),
            "compare_url": (urls.compare_path(document.slug)
                            if sum(v["own"] for v in versions) > 1 else None),
            "feed_url": urls.feed_path(document.slug),
            "current": self.version_view(document, shown) if shown else None,
            "versions": versions,
            "comparable": [v for v in versions if v["own"]],
            "upcoming": [self.version_view(document, e) for e in timeline.upcoming],
        }


def _entry_identity(entry: PublishedVersion) -> str:
    """An original's file hash covers all it shows; a translation's does not cover what it
    takes from its original."""
    version, previous = entry.version, entry.previous
    own = (f"{version.sha256}:{entry.status}:{entry.last_day}:"
           f"{previous.sha256 if previous else ''}:{previous.language if previous else ''}")
    if version.language is None:
        return own
    return own + repr((version.summary, version.summary_language, version.announced,
                       version.material, version.withdrawn, version.withdrawn_reason,
                       version.outdated, version.title))
