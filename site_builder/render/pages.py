"""HTML pages: Python decides what is on each page, the theme's templates how it looks.

Each page is a :class:`PageJob`: a key naming everything the page is made from, the rendered
bodies and comparisons it needs, and a function that renders it. The build looks the keys up
first and renders (and prepares inputs for) only the pages it does not already have.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from typing import Callable

from markupsafe import Markup

from site_builder.render import urls
from site_builder.base.dates import long_date
from site_builder.render.editions import (ARCHIVE, CHANGES, COMPARE, COMPARE_DATA, DOCUMENT, VERSION,
                                   Edition)
from site_builder.text.markup import unit_key
from site_builder.base.digest import digest
from site_builder.cache.memo import NO_MEMO, Memo
from site_builder.model.site import Document, Site
from site_builder.model.publication import WITHDRAWN, PublishedVersion, Timeline
from site_builder.render.theme import Theme


@dataclass(frozen=True)
class RenderInputs:
    """What the pages are made from. ``bodies`` and ``comparisons`` (by version path) are
    filled by the build with what the pages to render need, before they are rendered."""

    site: Site
    timelines: tuple[Timeline, ...]
    bodies: dict = field(default_factory=dict)
    comparisons: dict = field(default_factory=dict)
    live_reload: str = ""  # a script tag only `serve` adds

    def release(self) -> None:
        """Forget the bodies and comparisons once the page renderers have their own copy."""
        self.bodies.clear()
        self.comparisons.clear()


@dataclass(frozen=True)
class PageJob:
    key: str
    render: Callable[[], bytes]  # the file's bytes, encoded where it is rendered
    bodies: tuple[str, ...] = ()  # version paths whose rendered body the page shows
    comparisons: tuple[str, ...] = ()  # version paths whose comparison it shows


class PageRenderer:
    """The pages of one edition: the original's, or one translation's (``edition``), each
    linking to its counterparts in the other ``editions``, whose languages are called by
    ``autonyms`` (한국어, English)."""

    def __init__(self, inputs: RenderInputs, theme: Theme, edition: Edition | None = None,
                 editions: tuple[Edition, ...] = (), autonyms: dict[str, str] | None = None,
                 memo: Memo = NO_MEMO):
        self.inputs = inputs
        self.memo = memo
        self.site = inputs.site
        self.theme = theme
        self.t = theme.strings
        self.edition = edition or Edition(self.site.language, is_original=True)
        self.editions = editions or (self.edition,)
        self.autonyms = autonyms or {}
        self.views: dict[str, dict] = {}
        self.view_keys: dict[str, str] = {}
        self.links_keys: dict[str, str] = {}
        self.identities: dict[str, str] = {}
        self.site_key = digest(theme.fingerprint(), self.site.title, self.site.language,
                               self.site.base_url, inputs.live_reload,
                               repr(sorted(self.autonyms.items())))

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

    def alternates(self, page: str) -> list[dict]:
        """The page in every language that has it, for hreflang links and the switcher."""
        return [{"language": e.language, "name": self.autonyms.get(e.language, e.language),
                 "page": e.output(page), "current": e is self.edition}
                for e in self.editions if e.has(page)]

    def translation_note(self, page: str, version=None) -> dict | None:
        """What a translated page says about itself: which original prevails, where it is,
        and whether the original changed after the translation was made."""
        if self.edition.is_original:
            return None
        original = self.editions[0].language
        return {"original": self.t[f"language_{original}"], "original_url": page,
                "original_language": original,
                "outdated": bool(version is not None and version.outdated)}

    def fmt(self, key: str, **values) -> str:
        return self.t[key].format(**values)

    def written(self, day: date | None) -> str:
        """A date as the site's language writes it: 2015년 2월 15일 / February 15, 2015."""
        return long_date(day, self.site.language) if day else ""

    def page(self, template: str, page: str, canonical: str, title: str,
             inputs: tuple[str, ...], context: Callable[[], dict], **needs) -> PageJob:
        """A page whose key is the template, its folder, the site and theme, and ``inputs``:
        the document's view (every version's dates, status and summary) and the hashes of the
        version files whose text the page shows."""
        location = self.edition.output(page)
        alternates = self.alternates(page)

        def url(target: str) -> str:
            return urls.relative_url(location, self.edition.place(target))

        def render() -> bytes:
            data = context()
            return self.theme.render(template, {
                "site": {"title": self.site.title, "language": self.site.language},
                "t": self.t,
                "url": url,
                "here": lambda target: urls.relative_url(location, target),
                "asset": lambda name: url("assets/" + name),
                "canonical": urls.absolute_url(self.site.base_url, self.edition.place(canonical)),
                "absolute": partial(urls.absolute_url, self.site.base_url),
                "alternates": alternates if len(alternates) > 1 else [],
                "translation": data.pop("translation", self.translation_note(page)),
                "page_title": title,
                "feeds": data.pop("feeds", [feed_links(self.fmt("site_feed_title",
                                                                 title=self.site.title),
                                                        urls.SITE_FEED)]),
                "live_reload": Markup(self.inputs.live_reload),
                **data,
            }).encode("utf-8")

        links = self.links_key(page.partition("/")[0] + "/" if "/" in page else "")
        return PageJob(digest(template, page, self.site_key, links, *inputs), render, **needs)

    def doc_feeds(self, document: Document) -> list[dict]:
        return [feed_links(self.fmt("feed_title", title=document.title),
                           urls.feed_path(document.slug))]

    def version_view(self, document: Document, entry: PublishedVersion) -> dict:
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
            self.views[slug] = self.memo.get("view", self.document_identity(timeline),
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

        Cheaper than the document's view: its settings, and each shown version's file hash
        (which covers its dates and summary), status and period.
        """
        document = timeline.document
        if document.slug not in self.identities:  # asked for by the home page and each page
            self.identities[document.slug] = digest(
                self.site_key, self.edition.language, self.links_key(document.slug + "/"),
                repr((document.slug, document.title, document.description, document.noun)),
                *(f"{e.version.sha256}:{e.status}:{e.last_day}:{e.previous is not None}"
                  for e in timeline.entries))
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

    def index_page(self) -> PageJob:
        shown = [t for t in self.inputs.timelines if t.entries]
        return self.page("index.html", "", "", self.site.title,
                         tuple(self.document_identity(t) for t in shown),
                         lambda: {"documents": [self.document_view(t) for t in shown]})

    def version_page(self, timeline: Timeline, entry: PublishedVersion,
                     as_document: bool) -> PageJob:
        document = timeline.document
        view = self.version_view(document, entry)
        path = entry.version.path
        page = urls.document_path(document.slug) if as_document else view["url"]

        # A translation's document page may show an older translation while the version in
        # effect has none yet: it says so, and links to the original in effect.
        stand_in = as_document and entry is not timeline.shown

        def context() -> dict:
            body = self.inputs.bodies[path]
            return {
                "feeds": self.doc_feeds(document),
                "document": self.document_view(timeline),
                "version": view,
                "is_document_page": as_document,
                "stands_in_for": self.version_view(document, timeline.shown) if stand_in else None,
                "translation": self.translation_note(page, entry.version),
                "selector_label": self.fmt("previous_versions", title=document.title),
                "contents": [{"id": h.id, "text": h.text} for h in body.contents],
                # Only this page shows its own hash: the document's shared view must not
                # change when one version's text does, or every page of it would. The ledger
                # records originals only: a translation binds nobody.
                "record": ({"sha256": entry.version.sha256,
                            "source_url": urls.source_path(document.slug, entry.effective)}
                           if self.edition.is_original else None),
                "body": Markup(body.html),
            }

        return self.page("version.html", page, view["url"], view["title"],
                         (self.document_key(timeline), entry.version.sha256, str(stand_in)),
                         context, bodies=(path,))

    def changes_page(self, timeline: Timeline, entry: PublishedVersion) -> PageJob:
        document = timeline.document
        view = self.version_view(document, entry)
        previous = next(e for e in timeline.entries if e.version is entry.previous)
        path = entry.version.path

        reasons = {unit_key(label): text for label, text, _ in entry.version.reasons}

        def context() -> dict:
            comparison = self.inputs.comparisons[path]
            return {
                "feeds": self.doc_feeds(document),
                "document": self.document_view(timeline),
                "version": view,
                "previous": self.version_view(document, previous),
                "rows": [{"key": r.key, "kind": r.kind, "heading": Markup(r.heading),
                          "reason": reasons.get(r.key),
                          "segments": [{"same": s.same, "before": Markup(s.before),
                                        "after": Markup(s.after)} for s in r.segments]}
                         for r in comparison.changes],
                "has_reasons": bool(reasons),
                "unchanged": comparison.unchanged,
                "translation": self.translation_note(
                    view["changes_url"], entry.version if entry.version.outdated
                    else entry.previous),
            }

        return self.page("changes.html", view["changes_url"], view["changes_url"],
                         self.fmt("changes_title", title=view["title"], date=view["effective_text"]),
                         (self.document_key(timeline), previous.version.sha256,
                          entry.version.sha256), context, comparisons=(path,))

    def archive_page(self, timeline: Timeline) -> PageJob:
        document = timeline.document
        page = urls.archive_path(document.slug)
        return self.page("archive.html", page, page,
                         self.fmt("archive_title", title=document.title),
                         (self.document_key(timeline),),
                         lambda: {"feeds": self.doc_feeds(document),
                                  "document": self.document_view(timeline)})

    def compare_page(self, timeline: Timeline) -> PageJob:
        document = timeline.document
        page = urls.compare_path(document.slug)
        keys = ("article", "before", "after", "added", "removed", "unchanged_lines",
                "omitted_lines", "heading_only", "unchanged_count", "no_changes", "compare_heading",
                "compare_between", "compare_unknown", "compare_swapped", "compare_same")

        def context() -> dict:
            view = self.document_view(timeline)
            versions = [{k: v[k] for k in ("effective", "effective_text", "summary")}
                        for v in reversed(view["comparable"])]
            return {"feeds": self.doc_feeds(document), "document": view,
                    "js_strings": json.dumps({k: self.t[k] for k in keys}, ensure_ascii=False),
                    "js_versions": json.dumps(versions, ensure_ascii=False)}

        return self.page("compare.html", page, page, self.t["compare_title"],
                         (self.document_key(timeline),), context)

    def compare_data(self, entry: PublishedVersion) -> PageJob:
        """A version's articles as a script, for comparing any two versions in the browser."""
        path = entry.version.path
        effective = entry.effective.isoformat()

        def render() -> bytes:
            articles = [{"key": a.key, "heading": a.heading, "lines": list(a.lines)}
                        for a in self.inputs.bodies[path].articles]
            return ("(window.POLICY_VERSIONS = window.POLICY_VERSIONS || {})[" + json.dumps(effective)
                    + "] = " + json.dumps({"articles": articles}, ensure_ascii=False) + ";\n"
                    ).encode("utf-8")

        return PageJob(digest("compare-data", effective, entry.version.sha256), render,
                       bodies=(path,))


def feed_links(title: str, rss: str) -> dict:
    """A feed in its three formats, for the page's <link rel="alternate"> elements."""
    return {"title": title, "url": rss, "atom": urls.atom_path(rss),
            "json": urls.json_feed_path(rss)}


def document_jobs(renderer: PageRenderer, timeline: Timeline,
                  plan: dict[str, tuple[str, PublishedVersion | None]]) -> dict[str, PageJob]:
    """Every page of one document (and its versions' compare data) in the renderer's edition,
    by path in the original's layout."""
    makers = {
        DOCUMENT: lambda entry: renderer.version_page(timeline, entry, as_document=True),
        ARCHIVE: lambda entry: renderer.archive_page(timeline),
        COMPARE: lambda entry: renderer.compare_page(timeline),
        COMPARE_DATA: renderer.compare_data,
        VERSION: lambda entry: renderer.version_page(timeline, entry, as_document=False),
        CHANGES: lambda entry: renderer.changes_page(timeline, entry),
    }
    return {path: makers[kind](entry) for path, (kind, entry) in plan.items()}
