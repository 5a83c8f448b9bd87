"""RSS 2.0 notice feeds: one item per announced change, the same page list in another format.

An item's guid is the version's permalink, chosen once and never changed: a changed guid would
re-announce an old change to every subscriber.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date
from html import escape

from site_builder import urls
from site_builder.dates import rfc822
from site_builder.model import Site
from site_builder.publication import PublishedVersion, Timeline

ATOM = "http://www.w3.org/2005/Atom"
ET.register_namespace("atom", ATOM)


@dataclass(frozen=True)
class _Item:
    document_title: str
    slug: str
    entry: PublishedVersion


def _items(timelines: tuple[Timeline, ...]) -> list[_Item]:
    """Announced changes (a document's first version is no change), newest notice first."""
    items = [_Item(t.document.title, t.document.slug, e)
             for t in timelines for e in t.published if e.previous is not None]
    return sorted(items, key=lambda i: (i.entry.version.announced, i.slug, i.entry.effective),
                  reverse=True)


def render_feed(site: Site, strings: dict, today: date, timelines: tuple[Timeline, ...],
                feed: str, title: str, link: str, description: str) -> bytes:
    rss = ET.Element("rss", {"version": "2.0"})
    channel = ET.SubElement(rss, "channel")
    _text(channel, "title", title)
    _text(channel, "link", urls.absolute_url(site.base_url, link))
    _text(channel, "description", description)
    _text(channel, "language", site.language)
    _text(channel, "lastBuildDate", rfc822(today, site.timezone))
    _text(channel, "generator", "policy-site")
    ET.SubElement(channel, f"{{{ATOM}}}link", {
        "href": urls.absolute_url(site.base_url, feed), "rel": "self",
        "type": "application/rss+xml"})
    for item in _items(timelines):
        _item(channel, site, strings, item)
    ET.indent(rss)
    buffer = io.BytesIO()
    ET.ElementTree(rss).write(buffer, encoding="utf-8", xml_declaration=True)
    return buffer.getvalue() + b"\n"


def _item(channel: ET.Element, site: Site, strings: dict, item: _Item) -> None:
    version = item.entry.version
    permalink = urls.absolute_url(site.base_url, urls.version_path(item.slug, version.effective))
    changes = urls.absolute_url(site.base_url, urls.changes_path(item.slug, version.effective))
    effective = version.effective.isoformat()
    node = ET.SubElement(channel, "item")
    _text(node, "title", strings["feed_item_title"].format(
        title=version.title or item.document_title, date=effective))
    _text(node, "link", permalink)
    _text(node, "guid", permalink).set("isPermaLink", "true")
    _text(node, "pubDate", rfc822(version.announced, site.timezone))
    _text(node, "description", (
        f"<p>{escape(version.summary or '')}</p>"
        f"<p>{escape(strings['feed_item_effective'].format(date=effective))}</p>"
        f'<p><a href="{escape(changes)}">{escape(strings["feed_item_changes"])}</a></p>'))


def _text(parent: ET.Element, tag: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, tag)
    element.text = text
    return element


def render_feeds(site: Site, strings: dict, today: date,
                 timelines: tuple[Timeline, ...]) -> dict[str, bytes]:
    """The site's feed of every notice, and one feed per document."""
    feeds = {urls.SITE_FEED: render_feed(
        site, strings, today, timelines, urls.SITE_FEED,
        strings["site_feed_title"].format(title=site.title), "", site.title)}
    for timeline in timelines:
        if not timeline.entries:
            continue
        document = timeline.document
        feed = urls.feed_path(document.slug)
        feeds[feed] = render_feed(
            site, strings, today, (timeline,), feed,
            strings["feed_title"].format(title=document.title), urls.document_path(document.slug),
            document.description or document.title)
    return feeds
