"""Machine-readable indexes: versions.json for tools, sitemap.xml for search engines."""

from __future__ import annotations

from datetime import date

from site_builder.render import urls
from site_builder.render.json_files import json_file
from site_builder.render.xml_text import escape
from site_builder.model.site import Site
from site_builder.render.editions import Edition
from site_builder.model.publication import WITHDRAWN, PublishedVersion, Timeline

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"


def render_versions_json(site: Site, today: date, timelines: tuple[Timeline, ...],
                         edition: Edition, editions: tuple[Edition, ...]) -> bytes:
    """The edition's documents and versions; ``url`` leads to the text in the edition's
    language where it has one (``language`` says which), and ``translations`` to the others."""
    documents = []
    for timeline in timelines:
        if not timeline.entries:
            continue
        slug = timeline.document.slug
        current = timeline.current
        upcoming = next((e for e in timeline.upcoming), None)
        material = last_material(timeline)
        documents.append({
            "slug": slug,
            "title": timeline.document.title,
            "url": edition.place(urls.document_path(slug)),
            "current": current.effective.isoformat() if current else None,
            "current_id": version_id(slug, current) if current else None,
            "next": ({"id": version_id(slug, upcoming), "effective": upcoming.effective.isoformat(),
                      "announced": upcoming.version.announced.isoformat(),
                      "material": upcoming.version.material} if upcoming else None),
            "versions": [{**_version_entry(slug, e, edition, editions),
                          "id": version_id(slug, e), "last_material": material.get(id(e))}
                         for e in reversed(timeline.published)],
        })
    index = {"site": {"title": site.title, "base_url": site.base_url}, "as_of": today.isoformat(),
             "language": site.language, "documents": documents}
    return json_file(index, indent=2)


def version_id(slug: str, entry: PublishedVersion) -> str:
    """A version's stable id, for a product that records which one a user accepted."""
    return f"{slug}/{entry.effective.isoformat()}"


def last_material(timeline: Timeline) -> dict[int, str | None]:
    """For each version, the id of the latest material change at or before it (withdrawn ones
    never took effect): a user who accepted version A must accept version V again exactly
    when V's last_material is later than A (README: acceptance by version)."""
    found, latest = {}, None
    for entry in timeline.published:
        if entry.version.material and entry.status != WITHDRAWN and entry.previous is not None:
            latest = version_id(timeline.document.slug, entry)
        found[id(entry)] = latest
    return found


def _version_entry(slug: str, entry: PublishedVersion, edition: Edition,
                   editions: tuple[Edition, ...]) -> dict:
    version = entry.version
    page = urls.version_path(slug, entry.effective)
    return {
        "effective": entry.effective.isoformat(),
        "announced": version.announced.isoformat() if version.announced else None,
        "summary": version.summary,
        "material": version.material,
        "status": entry.status,
        "withdrawn": version.withdrawn.isoformat() if entry.status == WITHDRAWN else None,
        "withdrawn_reason": version.withdrawn_reason if entry.status == WITHDRAWN else None,
        "url": edition.place(page),
        "changes_url": (edition.place(urls.changes_path(slug, entry.effective))
                        if entry.previous else None),
        "sha256": version.sha256,
        "language": version.language or editions[0].language,
        "outdated": version.outdated,
        "translations": {e.language: e.output(page) for e in editions
                         if not e.is_original and e.has(page)},
    }


def render_sitemap(site: Site, timelines: tuple[Timeline, ...],
                   editions: tuple[Edition, ...]) -> bytes:
    """Every public page in every language, with ``lastmod`` the last day its content changed
    (never later than today): every page of a document lists all its versions with their
    status, so each one changes whenever a version of it is announced, takes effect or is
    withdrawn. A page in several languages names them all (hreflang), as search engines ask."""
    lines = ["<?xml version='1.0' encoding='utf-8'?>",
             f'<urlset xmlns="{SITEMAP_NS}" xmlns:xhtml="{XHTML_NS}">']
    shown = [t for t in timelines if t.published]
    changed = {t.document.slug: last_change(t) for t in shown}
    pages = [("", max(changed.values(), default=None))]
    for timeline in shown:
        slug = timeline.document.slug
        day = changed[slug]
        pages += [(urls.document_path(slug), day), (urls.archive_path(slug), day)]
        for entry in timeline.published:
            pages.append((urls.version_path(slug, entry.effective), day))
            if entry.previous:
                pages.append((urls.changes_path(slug, entry.effective), day))
    for page, day in pages:
        lines += _urls(site, page, day, [e for e in editions if e.has(page)])
    return ("\n".join(lines + ["</urlset>", ""])).encode("utf-8")


def last_change(timeline: Timeline) -> date:
    """The latest day, up to today, on which a version was announced, took effect or was
    withdrawn."""
    days = []
    for entry in timeline.published:
        version = entry.version
        days += [d for d in (version.announced, version.effective, version.withdrawn) if d]
    return max(d for d in days if d <= timeline.today)


def _urls(site: Site, page: str, lastmod: date | None, editions: list[Edition]) -> list[str]:
    modified = f"<lastmod>{lastmod.isoformat()}</lastmod>" if lastmod else ""
    locations = [(e.language,
                  escape(urls.absolute_url(site.base_url, e.output(page))).replace('"', "&quot;"))
                 for e in editions]
    alternates = "".join(f'<xhtml:link rel="alternate" hreflang="{language}" href="{loc}"/>'
                         for language, loc in locations) if len(locations) > 1 else ""
    return [f"  <url><loc>{loc}</loc>{modified}{alternates}</url>" for _, loc in locations]
