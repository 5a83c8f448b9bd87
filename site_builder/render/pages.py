"""HTML pages: Python decides what is on each page, the theme's templates how it looks.

Each page is a :class:`PageJob`: a key naming everything the page is made from, the rendered
bodies and comparisons it needs, and a function that renders it. The build looks the keys up
first and renders (and prepares inputs for) only the pages it does not already have.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import partial
from typing import Callable

from markupsafe import Markup

from site_builder.base.digest import digest
from site_builder.cache.memo import NO_MEMO, Memo
from site_builder.model.publication import Timeline
from site_builder.model.site import Document, Site
from site_builder.render import urls
from site_builder.render.editions import Edition, compare_chunks
from site_builder.render.theme import Theme
from site_builder.render.views import DocumentViews


@dataclass(frozen=True)
class RenderInputs:
    """What the pages are made from. ``bodies`` and ``comparisons`` (by version path) are
    filled by the build with what the pages to render need, before they are rendered."""

    site: Site
    timelines: tuple[Timeline, ...]
    bodies: dict = field(default_factory=dict)
    comparisons: dict = field(default_factory=dict)
    live_reload: str = ""  # a script tag only `serve` adds
    pdf: bool = False  # build --pdf: version and changes pages link their PDFs

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
        site_key = digest(theme.fingerprint(), self.site.title, self.site.language,
                          self.site.base_url, inputs.live_reload,
                          repr(sorted(self.autonyms.items())))
        self.views = DocumentViews(self.site, self.t, self.edition, self.editions, memo,
                                   site_key)

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
                "canonical": self.address(canonical),
                "absolute": partial(urls.absolute_url, self.site.base_url),
                "alternates": alternates if len(alternates) > 1 else [],
                "translation": data.pop("translation", self.translation_note(page)),
                "page_title": title,
                "feeds": data.pop("feeds", [feed_links(
                    self.views.fmt("site_feed_title", title=self.site.title), urls.SITE_FEED)]),
                "live_reload": Markup(self.inputs.live_reload),
                **data,
            }).encode("utf-8")

        links = self.views.links_key(page.partition("/")[0] + "/" if "/" in page else "")
        made_with = ("pdf",) if self.inputs.pdf else ()
        return PageJob(digest(template, page, self.views.site_key, links, *made_with, *inputs),
                       render, **needs)

    def address(self, target: str) -> str:
        """The absolute address of ``target`` as this edition's pages link it."""
        return urls.absolute_url(self.site.base_url, self.edition.place(target))

    def doc_feeds(self, document: Document) -> list[dict]:
        return [feed_links(self.views.fmt("feed_title", title=document.title),
                           urls.feed_path(document.slug))]

    def index_page(self) -> PageJob:
        shown = [t for t in self.inputs.timelines if t.entries]
        return self.page("index.html", "", "", self.site.title,
                         tuple(self.views.document_identity(t) for t in shown),
                         lambda: {"documents": [self.views.document_view(t) for t in shown]})

    def archive_page(self, timeline: Timeline) -> PageJob:
        document = timeline.document
        page = urls.archive_path(document.slug)
        return self.page("archive.html", page, page,
                         self.views.fmt("archive_title", title=document.title),
                         (self.views.document_key(timeline),),
                         lambda: {"feeds": self.doc_feeds(document),
                                  "document": self.views.document_view(timeline)})

    def compare_page(self, timeline: Timeline) -> PageJob:
        document = timeline.document
        page = urls.compare_path(document.slug)
        keys = ("before", "after", "added", "removed", "unchanged_lines", "omitted_lines",
                "heading_only", "unchanged_count", "no_changes", "compare_heading",
                "compare_between", "compare_unknown", "compare_swapped", "compare_same",
                "column_current", "column_former", "column_proposed", "column_amended",
                "moved_from")

        def context() -> dict:
            view = self.views.document_view(timeline)
            versions = [{k: v[k] for k in ("effective", "effective_text", "summary", "status")}
                        for v in reversed(view["comparable"])]
            for chunk in compare_chunks(versions):  # which file holds each one's text
                for v in chunk:
                    v["data"] = chunk[0]["effective"] + ".js"
            return {"feeds": self.doc_feeds(document), "document": view,
                    "js_strings": json.dumps({k: self.t[k] for k in keys}, ensure_ascii=False),
                    "js_versions": json.dumps(versions, ensure_ascii=False)}

        return self.page("compare.html", page, page, self.t["compare_title"],
                         (self.views.document_key(timeline),), context)

def feed_links(title: str, rss: str) -> dict:
    """A feed in its three formats, for the page's <link rel="alternate"> elements."""
    return {"title": title, "url": rss, "atom": urls.atom_path(rss),
            "json": urls.json_feed_path(rss)}
