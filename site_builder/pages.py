"""HTML pages: Python decides what is on each page, the theme's templates how it looks.

Each page is a :class:`PageJob`: a key naming everything the page is made from, the rendered
bodies and comparisons it needs, and a function that renders it. The build looks the keys up
first and renders (and prepares inputs for) only the pages it does not already have.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from typing import Callable

from markupsafe import Markup

from site_builder import urls
from site_builder.dates import long_date
from site_builder.markup import unit_key
from site_builder.memo import digest
from site_builder.model import Document, Site
from site_builder.publication import WITHDRAWN, PublishedVersion, Timeline
from site_builder.theme import Theme


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
    def __init__(self, inputs: RenderInputs, theme: Theme):
        self.inputs = inputs
        self.site = inputs.site
        self.theme = theme
        self.t = theme.strings
        self.views: dict[str, dict] = {}
        self.view_keys: dict[str, str] = {}
        self.site_key = digest(theme.fingerprint(), self.site.title, self.site.language,
                               self.site.base_url, inputs.live_reload)

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
        def url(target: str) -> str:
            return urls.relative_url(page, target)

        def render() -> bytes:
            data = context()
            return self.theme.render(template, {
                "site": {"title": self.site.title, "language": self.site.language},
                "t": self.t,
                "url": url,
                "asset": lambda name: url("assets/" + name),
                "canonical": urls.absolute_url(self.site.base_url, canonical),
                "page_title": title,
                "feeds": data.pop("feeds", [feed_links(self.fmt("site_feed_title",
                                                                 title=self.site.title),
                                                        urls.SITE_FEED)]),
                "live_reload": Markup(self.inputs.live_reload),
                **data,
            }).encode("utf-8")

        return PageJob(digest(template, page, self.site_key, *inputs), render, **needs)

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
            "material": version.material,
            "withdrawn": version.withdrawn.isoformat() if entry.status == WITHDRAWN else None,
            "withdrawn_text": self.written(version.withdrawn) if entry.status == WITHDRAWN else "",
            "withdrawn_reason": version.withdrawn_reason if entry.status == WITHDRAWN else None,
            "status": entry.status,
            "status_text": self.t[f"status_{entry.status}"],
            "title": version.title or document.title,
            "url": urls.version_path(document.slug, version.effective),

            "changes_url": (urls.changes_path(document.slug, version.effective)
                            if entry.previous else None),
        }

    def document_view(self, timeline: Timeline) -> dict:
        """The document with every version's dates and status, computed once per build."""
        slug = timeline.document.slug
        if slug not in self.views:
            self.views[slug] = self._document_view(timeline)
            self.view_keys[slug] = digest(json.dumps(self.views[slug], sort_keys=True))
        return self.views[slug]

    def document_key(self, timeline: Timeline) -> str:
        self.document_view(timeline)
        return self.view_keys[timeline.document.slug]

    def document_identity(self, timeline: Timeline) -> str:
        """Everything one document's pages are made from: if it is unchanged, so are they.

        Cheaper than the document's view: its settings, and each shown version's file hash
        (which covers its dates and summary), status and period.
        """
        document = timeline.document
        return digest(self.site_key, repr((document.slug, document.title, document.description,
                                           document.noun)),
                      *(f"{e.version.sha256}:{e.status}:{e.last_day}:{e.previous is not None}"
                        for e in timeline.entries))

    def _document_view(self, timeline: Timeline) -> dict:
        document = timeline.document
        shown = timeline.shown
        return {
            "slug": document.slug,
            "title": document.title,
            "noun": document.noun or self.t["default_noun"],
            "description": document.description,
            "url": urls.document_path(document.slug),
            "archive_url": urls.archive_path(document.slug),
            "compare_url": urls.compare_path(document.slug) if len(timeline.entries) > 1 else None,
            "feed_url": urls.feed_path(document.slug),
            "current": self.version_view(document, shown) if shown else None,
            "versions": [self.version_view(document, e) for e in timeline.newest_first()],
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

        def context() -> dict:
            body = self.inputs.bodies[path]
            return {
                "feeds": self.doc_feeds(document),
                "document": self.document_view(timeline),
                "version": view,
                "is_document_page": as_document,
                "selector_label": self.fmt("previous_versions", title=document.title),
                "contents": [{"id": h.id, "text": h.text} for h in body.contents],
                # Only this page shows its own hash: the document's shared view must not
                # change when one version's text does, or every page of it would.
                "record": {"sha256": entry.version.sha256,
                           "source_url": urls.source_path(document.slug, entry.effective)},
                "body": Markup(body.html),
            }

        return self.page("version.html", page, view["url"], view["title"],
                         (self.document_key(timeline), entry.version.sha256), context,
                         bodies=(path,))

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
                        for v in reversed(view["versions"])]
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


def document_jobs(renderer: PageRenderer, timeline: Timeline) -> dict[str, PageJob]:
    """Every page of one document (and its versions' compare data), by output path."""
    slug = timeline.document.slug
    jobs = {
        urls.page_file(urls.document_path(slug)): renderer.version_page(
            timeline, timeline.shown, as_document=True),
        urls.page_file(urls.archive_path(slug)): renderer.archive_page(timeline),
    }
    comparable = len(timeline.entries) > 1
    if comparable:
        jobs[urls.page_file(urls.compare_path(slug))] = renderer.compare_page(timeline)
    for entry in timeline.entries:
        if comparable:
            jobs[urls.compare_data_path(slug, entry.effective)] = renderer.compare_data(entry)
        jobs[urls.page_file(urls.version_path(slug, entry.effective))] = \
            renderer.version_page(timeline, entry, as_document=False)
        if entry.previous:
            jobs[urls.page_file(urls.changes_path(slug, entry.effective))] = \
                renderer.changes_page(timeline, entry)
    return jobs
