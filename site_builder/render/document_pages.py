"""A document's pages in one edition: the version pages (and the document page, the version
in effect), the 신구대비표 of each change, and each version's articles for the compare page."""

from __future__ import annotations

import json
from functools import partial

from markupsafe import Markup

from site_builder.base.digest import digest
from site_builder.model.publication import CURRENT, UPCOMING, PublishedVersion, Timeline
from site_builder.render import notices, urls, version_links
from site_builder.render.editions import (ARCHIVE, CHANGES, COMPARE, COMPARE_DATA, DOCUMENT,
                                          NOTICE, VERSION)
from site_builder.render.pages import PageJob, PageRenderer
from site_builder.text.outline import unit_key


def document_jobs(renderer: PageRenderer, timeline: Timeline,
                  plan: dict[str, tuple[str, PublishedVersion | None]]) -> dict[str, PageJob]:
    """Every page of one document (and its versions' compare data) in the renderer's edition,
    by path in the original's layout."""
    makers = {
        DOCUMENT: lambda entry: version_page(renderer, timeline, entry, as_document=True),
        ARCHIVE: lambda entry: renderer.archive_page(timeline),
        COMPARE: lambda entry: renderer.compare_page(timeline),
        COMPARE_DATA: partial(compare_data, renderer),
        VERSION: lambda entry: version_page(renderer, timeline, entry, as_document=False),
        CHANGES: lambda entry: changes_page(renderer, timeline, entry),
    }
    jobs = {path: makers[kind](entry) for path, (kind, entry) in plan.items() if kind != NOTICE}
    jobs.update({path: notice_file(renderer, timeline, entry, path.rsplit("/", 1)[1])
                 for path, (kind, entry) in plan.items() if kind == NOTICE})
    return jobs


def version_page(renderer: PageRenderer, timeline: Timeline, entry: PublishedVersion,
                 as_document: bool) -> PageJob:
    document, views = timeline.document, renderer.views
    view = views.version_view(document, entry)
    path = entry.version.path
    page = urls.document_path(document.slug) if as_document else view["url"]

    # A translation's document page may show an older translation while the version in
    # effect has none yet: it says so, and links to the original in effect.
    stand_in = as_document and entry is not timeline.shown

    original_url = (None if renderer.edition.is_original
                    else urls.absolute_url(renderer.site.base_url, view["url"]))

    def context() -> dict:
        body = renderer.inputs.bodies[path]
        return {
            "version_links": version_links.relations(timeline, entry, renderer.address),
            "json_ld": version_links.json_ld(view, entry, renderer.address(view["url"]),
                                             original_url, renderer.edition.language),
            "feeds": renderer.doc_feeds(document),
            "document": views.document_view(timeline),
            "version": view,
            "is_document_page": as_document,
            "stands_in_for": views.version_view(document, timeline.shown) if stand_in else None,
            "translation": renderer.translation_note(page, entry.version),
            "selector_label": views.fmt("previous_versions", title=document.title),
            "contents": [{"id": h.id, "text": h.text} for h in body.contents],
            # Only this page shows its own hash: the document's shared view must not
            # change when one version's text does, or every page of it would. The ledger
            # records originals only: a translation binds nobody.
            "record": ({"sha256": entry.version.sha256,
                        "source_url": urls.source_path(document.slug, entry.effective)}
                       if renderer.edition.is_original else None),
            "body": Markup(body.html),
            "pdf_url": (urls.version_pdf_path(document.slug, entry.effective)
                        if renderer.inputs.pdf else None),
        }

    return renderer.page("version.html", page, view["url"], view["title"],
                         (views.document_key(timeline), entry.version.sha256, str(stand_in)),
                         context, bodies=(path,))


def changes_page(renderer: PageRenderer, timeline: Timeline,
                 entry: PublishedVersion) -> PageJob:
    document, views = timeline.document, renderer.views
    view = views.version_view(document, entry)
    previous = next(e for e in timeline.entries if e.version is entry.previous)
    path = entry.version.path

    reasons = {unit_key(label): text for label, text, _ in entry.version.reasons}

    def context() -> dict:
        comparison = renderer.inputs.comparisons[path]
        return {
            "feeds": renderer.doc_feeds(document),
            "document": views.document_view(timeline),
            "version": view,
            "previous": views.version_view(document, previous),
            "columns": comparison_columns(previous.status, entry.status),
            "rows": [{"key": r.key, "kind": r.kind, "heading_before": Markup(r.heading_before),
                      "heading_after": Markup(r.heading_after), "moved_from": r.moved_from,
                      "reason": reasons.get(r.key),
                      "segments": [{"same": s.same, "before": Markup(s.before),
                                    "after": Markup(s.after)} for s in r.segments]}
                     for r in comparison.changes],
            "has_reasons": bool(reasons),
            "pdf_url": (urls.changes_pdf_path(document.slug, entry.effective,
                                              renderer.site.language)
                        if renderer.inputs.pdf else None),
            "unchanged": comparison.unchanged,
            "translation": renderer.translation_note(
                view["changes_url"], entry.version if entry.version.outdated
                else entry.previous),
        }

    return renderer.page("changes.html", view["changes_url"], view["changes_url"],
                         views.fmt("changes_title", title=view["title"],
                                   date=view["effective_text"]),
                         (views.document_key(timeline), previous.version.sha256,
                          entry.version.sha256), context, comparisons=(path,))


def notice_file(renderer: PageRenderer, timeline: Timeline, entry: PublishedVersion,
                name: str) -> PageJob:
    """One file of a change's notice kit (render/notices.py), in the renderer's language."""
    document, views = timeline.document, renderer.views
    view = views.version_view(document, entry)
    path = entry.version.path
    pdf = (urls.version_pdf_path(document.slug, entry.effective)
           if renderer.inputs.pdf else None)

    def render() -> bytes:
        data = notices.notice_data(timeline, entry, renderer.inputs.comparisons[path], view,
                                   renderer.address, renderer.t, renderer.edition.language, pdf,
                                   view["original_only"])
        if name == "notice.json":
            return notices.notice_json(data)
        text = notices.notice_text(data, renderer.t)
        if name == "notice.txt":
            return text
        return renderer.theme.render("notice.html", {
            "notice": data, "t": renderer.t, "text": text.decode("utf-8")}).encode("utf-8")

    # The document's view names it (its address) and holds every version's dates, status and
    # translation note: two documents with the same texts must not share a kit.
    return PageJob(digest("notice", name, views.site_key, renderer.edition.language,
                          views.document_key(timeline), entry.version.sha256,
                          entry.previous.sha256, str(bool(pdf))), render, comparisons=(path,))


def comparison_columns(before_status: str, after_status: str) -> tuple[str, str]:
    """The 신구대비표's column headings (string keys) by status, as Korean tables name them:
    현행 | 개정안 while the change is to come, 종전 | 개정 once both are history."""
    return ("column_current" if before_status == CURRENT else "column_former",
            "column_proposed" if after_status == UPCOMING else "column_amended")


def compare_data(renderer: PageRenderer, chunk: tuple[PublishedVersion, ...]) -> PageJob:
    """Some versions' articles as a script, for comparing any two versions in the browser
    (a script, not JSON, so that the compare page works opened from disk too)."""
    paths = [entry.version.path for entry in chunk]

    def render() -> bytes:
        lines = ["window.POLICY_VERSIONS = window.POLICY_VERSIONS || {};"]
        for entry in chunk:
            articles = [{"key": a.key, "heading": a.heading, "lines": list(a.lines)}
                        for a in renderer.inputs.bodies[entry.version.path].articles]
            lines.append(f"window.POLICY_VERSIONS[{json.dumps(entry.effective.isoformat())}] = "
                         + json.dumps({"articles": articles}, ensure_ascii=False) + ";")
        return ("\n".join(lines) + "\n").encode("utf-8")

    return PageJob(digest("compare-data", *(f"{e.effective}:{e.version.sha256}" for e in chunk)),
                   render, bodies=tuple(paths))
