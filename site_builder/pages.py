"""HTML pages: Python decides what is on each page, the theme's templates how it looks."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from markupsafe import Markup

from site_builder import urls
from site_builder.comparison import Comparison
from site_builder.dates import long_date
from site_builder.markup import RenderedBody
from site_builder.memo import NO_MEMO, Memo, digest
from site_builder.model import Document, Site
from site_builder.publication import PublishedVersion, Timeline
from site_builder.theme import Theme


@dataclass(frozen=True)
class RenderInputs:
    """Everything the pages are made from, gathered before anything is rendered."""

    site: Site
    today: date
    timelines: tuple[Timeline, ...]
    bodies: dict  # version path -> RenderedBody
    comparisons: dict  # version path -> Comparison with the previous published version
    live_reload: str = ""  # a script tag only `serve` adds


class PageRenderer:
    def __init__(self, inputs: RenderInputs, theme: Theme, memo: Memo = NO_MEMO):
        self.inputs = inputs
        self.site = inputs.site
        self.theme = theme
        self.t = theme.strings
        self.memo = memo
        self.theme_key = theme.fingerprint() if memo.store is not None else ""

    def fmt(self, key: str, **values) -> str:
        return self.t[key].format(**values)

    def date(self, day: date | None) -> str:
        return long_date(day, self.site.language) if day else ""

    def render(self, template: str, page: str, canonical: str, title: str, **context) -> str:
        """Render a template; a page whose data is unchanged is taken from the memo."""
        data = {
            "site": {"title": self.site.title, "language": self.site.language},
            "t": self.t,
            "canonical": urls.absolute_url(self.site.base_url, canonical),
            "page_title": title,
            "feeds": context.pop("feeds", [{"title": self.fmt("site_feed_title",
                                                               title=self.site.title),
                                             "url": urls.SITE_FEED}]),
            "live_reload": Markup(self.inputs.live_reload),
            **context,
        }

        def url(target: str) -> str:
            return urls.relative_url(page, target)

        def render() -> str:
            return self.theme.render(template, {**data, "url": url,
                                                "asset": lambda name: url("assets/" + name)})

        if self.memo.store is None:
            return render()
        key = digest(template, page, self.theme_key, json.dumps(data, sort_keys=True, default=str))
        return self.memo.get("page", key, render)

    def doc_feeds(self, document: Document) -> list[dict]:
        return [{"title": self.fmt("feed_title", title=document.title),
                 "url": urls.feed_path(document.slug)}]

    def version_view(self, document: Document, entry: PublishedVersion) -> dict:
        version = entry.version
        return {
            "effective": version.effective.isoformat(),
            "effective_text": self.date(version.effective),
            "announced": version.announced.isoformat() if version.announced else None,
            "announced_text": self.date(version.announced),
            "last_day_text": self.date(entry.last_day),
            "summary": version.summary,
            "material": version.material,
            "status": entry.status,
            "status_text": self.t[f"status_{entry.status}"],
            "title": version.title or document.title,
            "url": urls.version_path(document.slug, version.effective),
            "changes_url": (urls.changes_path(document.slug, version.effective)
                            if entry.previous else None),
        }

    def document_view(self, timeline: Timeline) -> dict:
        document = timeline.document
        shown = timeline.shown
        return {
            "slug": document.slug,
            "title": document.title,
            "description": document.description,
            "url": urls.document_path(document.slug),
            "archive_url": urls.archive_path(document.slug),
            "compare_url": urls.compare_path(document.slug) if len(timeline.entries) > 1 else None,
            "feed_url": urls.feed_path(document.slug),
            "current": self.version_view(document, shown) if shown else None,
            "versions": [self.version_view(document, e) for e in timeline.newest_first()],
            "upcoming": [self.version_view(document, e) for e in timeline.upcoming],
        }

    def index_page(self) -> str:
        documents = [self.document_view(t) for t in self.inputs.timelines if t.entries]
        return self.render("index.html", "", "", self.site.title, documents=documents)

    def version_page(self, timeline: Timeline, entry: PublishedVersion, as_document: bool) -> str:
        document = timeline.document
        view = self.version_view(document, entry)
        body: RenderedBody = self.inputs.bodies[entry.version.path]
        page = urls.document_path(document.slug) if as_document else view["url"]
        return self.render(
            "version.html", page, view["url"], view["title"],
            feeds=self.doc_feeds(document),
            document=self.document_view(timeline),
            version=view,
            is_document_page=as_document,
            selector_label=self.fmt("previous_versions", title=document.title),
            contents=[{"id": h.id, "text": h.text} for h in body.contents],
            body=Markup(body.html),
        )

    def changes_page(self, timeline: Timeline, entry: PublishedVersion) -> str:
        document = timeline.document
        view = self.version_view(document, entry)
        comparison: Comparison = self.inputs.comparisons[entry.version.path]
        previous = next(e for e in timeline.entries if e.version is entry.previous)
        return self.render(
            "changes.html", view["changes_url"], view["changes_url"],
            self.fmt("changes_title", title=view["title"], date=view["effective"]),
            feeds=self.doc_feeds(document),
            document=self.document_view(timeline),
            version=view,
            previous=self.version_view(document, previous),
            rows=[{"key": r.key, "kind": r.kind,
                   "before_heading": Markup(r.before_heading),
                   "after_heading": Markup(r.after_heading),
                   "segments": [{"same": s.same, "before": Markup(s.before),
                                 "after": Markup(s.after)} for s in r.segments]}
                  for r in comparison.changes],
            unchanged=comparison.unchanged,
        )

    def archive_page(self, timeline: Timeline) -> str:
        document = timeline.document
        page = urls.archive_path(document.slug)
        return self.render("archive.html", page, page,
                           self.fmt("archive_title", title=document.title),
                           feeds=self.doc_feeds(document),
                           document=self.document_view(timeline))


    def compare_page(self, timeline: Timeline) -> str:
        document = timeline.document
        page = urls.compare_path(document.slug)
        keys = ("before", "after", "added", "removed", "unchanged_lines", "unchanged_count",
                "no_changes")
        return self.render("compare.html", page, page, self.t["compare_title"],
                           feeds=self.doc_feeds(document),
                           document=self.document_view(timeline),
                           data_url=urls.compare_data_path(document.slug),
                           js_strings=json.dumps({k: self.t[k] for k in keys}, ensure_ascii=False))

    def compare_data(self, timeline: Timeline) -> str:
        """Every published version's articles, for comparing any two in the browser."""
        versions = {
            entry.effective.isoformat(): {"articles": [
                {"key": a.key, "heading": a.heading, "lines": list(a.lines)}
                for a in self.inputs.bodies[entry.version.path].articles]}
            for entry in timeline.entries}
        return "window.POLICY_VERSIONS = " + json.dumps(
            {"versions": versions}, ensure_ascii=False, sort_keys=True) + ";\n"


def render_pages(inputs: RenderInputs, theme: Theme, memo: Memo = NO_MEMO) -> dict[str, str]:
    """Every HTML page of the site (and the compare page's data), by output path."""
    renderer = PageRenderer(inputs, theme, memo)
    pages = {urls.page_file(""): renderer.index_page()}
    for timeline in inputs.timelines:
        if not timeline.entries:
            continue
        slug = timeline.document.slug
        pages[urls.page_file(urls.document_path(slug))] = renderer.version_page(
            timeline, timeline.shown, as_document=True)
        pages[urls.page_file(urls.archive_path(slug))] = renderer.archive_page(timeline)
        if len(timeline.entries) > 1:
            pages[urls.page_file(urls.compare_path(slug))] = renderer.compare_page(timeline)
            pages[urls.compare_data_path(slug)] = renderer.compare_data(timeline)
        for entry in timeline.entries:
            pages[urls.page_file(urls.version_path(slug, entry.effective))] = \
                renderer.version_page(timeline, entry, as_document=False)
            if entry.previous:
                pages[urls.page_file(urls.changes_path(slug, entry.effective))] = \
                    renderer.changes_page(timeline, entry)
    return pages

