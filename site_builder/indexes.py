"""Machine-readable indexes: versions.json for tools, sitemap.xml for search engines."""

from __future__ import annotations

import json
from datetime import date
from xml.sax.saxutils import escape

from site_builder import urls
from site_builder.model import Site
from site_builder.publication import WITHDRAWN, Timeline

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def render_versions_json(site: Site, today: date, timelines: tuple[Timeline, ...]) -> bytes:
    documents = []
    for timeline in timelines:
        if not timeline.entries:
            continue
        slug = timeline.document.slug
        current = timeline.current
        documents.append({
            "slug": slug,
            "title": timeline.document.title,
            "url": urls.document_path(slug),
            "current": current.effective.isoformat() if current else None,
            "versions": [{
                "effective": e.effective.isoformat(),
                "announced": e.version.announced.isoformat() if e.version.announced else None,
                "summary": e.version.summary,
                "material": e.version.material,
                "status": e.status,
                "withdrawn": (e.version.withdrawn.isoformat() if e.status == WITHDRAWN
                              else None),
                "withdrawn_reason": e.version.withdrawn_reason if e.status == WITHDRAWN else None,
                "url": urls.version_path(slug, e.effective),
                "changes_url": urls.changes_path(slug, e.effective) if e.previous else None,
                "sha256": e.version.sha256,
            } for e in reversed(timeline.published)],
        })
    index = {"site": {"title": site.title, "base_url": site.base_url}, "as_of": today.isoformat(),
             "documents": documents}
    return (json.dumps(index, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def render_sitemap(site: Site, timelines: tuple[Timeline, ...]) -> bytes:
    """Every public page, with ``lastmod`` the last day its content changed (never later than
    today): every page of a document lists all its versions with their status, so each one
    changes whenever a version of it is announced, takes effect or is withdrawn."""
    lines = ["<?xml version='1.0' encoding='utf-8'?>", f'<urlset xmlns="{SITEMAP_NS}">']
    shown = [t for t in timelines if t.published]
    changed = {t.document.slug: last_change(t) for t in shown}
    lines.append(_url(site, "", max(changed.values(), default=None)))
    for timeline in shown:
        slug = timeline.document.slug
        day = changed[slug]
        lines.append(_url(site, urls.document_path(slug), day))
        lines.append(_url(site, urls.archive_path(slug), day))
        for entry in timeline.published:
            lines.append(_url(site, urls.version_path(slug, entry.effective), day))
            if entry.previous:
                lines.append(_url(site, urls.changes_path(slug, entry.effective), day))
    return ("\n".join(lines + ["</urlset>", ""])).encode("utf-8")


def last_change(timeline: Timeline) -> date:
    """The latest day, up to today, on which a version was announced, took effect or was
    withdrawn."""
    days = []
    for entry in timeline.published:
        version = entry.version
        days += [d for d in (version.announced, version.effective, version.withdrawn) if d]
    return max(d for d in days if d <= timeline.today)


def _url(site: Site, page: str, lastmod: date | None) -> str:
    modified = f"<lastmod>{lastmod.isoformat()}</lastmod>" if lastmod else ""
    return f"  <url><loc>{escape(urls.absolute_url(site.base_url, page))}</loc>{modified}</url>"
