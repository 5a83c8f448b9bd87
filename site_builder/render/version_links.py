"""Standard version links, so archives, crawlers and tools find every version without reading
our pages: RFC 5829 link relations on each version page, a Memento TimeMap per document (RFC
7089, link format), and JSON-LD (schema.org) describing the version, a translation pointing at
the original that binds.

``latest-version`` is the version in force (a legal text's latest binding version), not an
announced one still to come; ``version-history`` is the archive page. Addresses are absolute:
these are read by machines, like the canonical link.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone

from markupsafe import Markup

from site_builder.base.dates import midnight
from site_builder.model.publication import WITHDRAWN, PublishedVersion, Timeline
from site_builder.render import urls

TIMEMAP_TYPE = "application/link-format"


def timemap_path(slug: str) -> str:
    return f"{slug}/timemap.link"


def relations(timeline: Timeline, entry: PublishedVersion, absolute) -> list[dict]:
    """(rel, href) of the RFC 5829 relations of ``entry``'s page, and its TimeMap."""
    slug = timeline.document.slug
    in_force = [e for e in timeline.entries if e.status != WITHDRAWN]
    found = []
    if entry.previous is not None:
        found.append(("predecessor-version", urls.version_path(slug, entry.previous.effective)))
    following = next((e for e in in_force if e.previous is entry.version), None)
    if following is not None:
        found.append(("successor-version", urls.version_path(slug, following.effective)))
    if timeline.current is not None:
        found.append(("latest-version", urls.version_path(slug, timeline.current.effective)))
    found.append(("version-history", urls.archive_path(slug)))
    links = [{"rel": rel, "href": absolute(target), "type": ""} for rel, target in found]
    return links + [{"rel": "timemap", "href": absolute(timemap_path(slug)),
                     "type": TIMEMAP_TYPE}]


def render_timemap(timeline: Timeline, base_url: str, zone: str) -> bytes:
    """Every published version's permalink with the moment it took effect (RFC 7089)."""
    slug = timeline.document.slug
    absolute = lambda target: urls.absolute_url(base_url, target)  # noqa: E731
    mementos = [e for e in timeline.published if e.status != WITHDRAWN]
    lines = [f'<{absolute(urls.document_path(slug))}>;rel="original"',
             f'<{absolute(timemap_path(slug))}>;rel="self";type="{TIMEMAP_TYPE}"']
    for index, entry in enumerate(mementos):
        rel = " ".join(filter(None, ["first" if index == 0 else "",
                                     "last" if index == len(mementos) - 1 else "", "memento"]))
        lines.append(f'<{absolute(urls.version_path(slug, entry.effective))}>;rel="{rel}";'
                     f'datetime="{_http_date(entry, zone)}"')
    return (",\n".join(lines) + "\n").encode("utf-8")


def _http_date(entry: PublishedVersion, zone: str) -> str:
    moment = midnight(entry.effective, zone).astimezone(timezone.utc)
    return datetime.strftime(moment, "%a, %d %b %Y %H:%M:%S GMT")


def json_ld(view: dict, entry: PublishedVersion, page_url: str, original_url: str | None,
            language: str) -> Markup:
    """The version as schema.org sees a legal text: its name, version (the effective day),
    when it was published and took effect, its language; a translation is based on the
    original, which binds."""
    version = entry.version
    data = {"@context": "https://schema.org", "@type": "DigitalDocument",
            "name": view["title"], "version": view["effective"], "url": page_url,
            "datePublished": (version.announced or version.effective).isoformat(),
            "dateModified": version.effective.isoformat(), "inLanguage": language,
            "identifier": {"@type": "PropertyValue", "propertyID": "SHA-256",
                           "value": version.sha256}}
    if original_url:
        data["isBasedOn"] = {"@type": "DigitalDocument", "url": original_url,
                             "description": "the original text, which binds; this translation "
                                            "is for reference"}
        data["translationOfWork"] = {"@id": original_url}
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    # Inside <script>: nothing in the text may close the element or start a comment.
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))
