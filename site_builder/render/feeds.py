"""Notice feeds in RSS 2.0, Atom 1.0 and JSON Feed 1.1: one item per announced change (and
one per withdrawal), the same page list in other formats.

An item's guid is the version's permalink, chosen once and never changed: a changed guid would
re-announce an old change to every subscriber. Every text is XML-escaped where it is written.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import partial
from datetime import date
from html import escape as html_escape
from typing import Iterable, Iterator

import msgspec

from site_builder.render import urls
from site_builder.render.json_files import json_file
from site_builder.render.xml_text import escape, quoteattr
from site_builder.base.dates import rfc822, rfc3339
from site_builder.render.editions import Edition
from site_builder.model.site import Site
from site_builder.model.publication import WITHDRAWN, PublishedVersion, Timeline

ATOM = "http://www.w3.org/2005/Atom"
# The lines an item of a feed this module wrote starts and ends with: its text is escaped, so
# no line inside it is one of these.
_RSS_ITEM = (b"\n    <item>\n", b"\n    </item>")
_ATOM_ENTRY = (b"\n  <entry>\n", b"\n  </entry>")


@dataclass(frozen=True)
class _Item:
    document_title: str
    slug: str
    entry: PublishedVersion
    withdrawal: bool = False  # the notice that an announced change was called off

    @property
    def day(self) -> date:
        version = self.entry.version
        return version.withdrawn if self.withdrawal else version.announced


def _items(timelines: tuple[Timeline, ...]) -> list[_Item]:
    """Announced changes (a document's first version is no change) and withdrawals of them,
    newest first."""
    items = [_Item(t.document.title, t.document.slug, e)
             for t in timelines for e in t.published if e.previous is not None]
    items += [_Item(t.document.title, t.document.slug, e, withdrawal=True)
              for t in timelines for e in t.published if e.status == WITHDRAWN]
    return sorted(items, key=lambda i: (i.day, i.slug, i.entry.effective, i.withdrawal),
                  reverse=True)


@dataclass(frozen=True)
class _Channel:
    """One feed: its files, title, the page it belongs to, and its description."""

    rss: str
    title: str
    link: str
    description: str

    @property
    def atom(self) -> str:
        return urls.atom_path(self.rss)

    @property
    def json(self) -> str:
        return urls.json_feed_path(self.rss)


@dataclass(frozen=True)
class _Entry:
    """An item as every format shows it; ``id`` is chosen once and never changes."""

    id: str
    link: str
    title: str
    html: str
    day: date
    material: str = ""  # the theme's word for a material change, when this one is

def _entries(site: Site, strings: dict, timelines: tuple[Timeline, ...],
             edition: Edition) -> list[_Entry]:
    return [_entry(site, strings, item, edition) for item in _items(timelines)]


def _entry(site: Site, strings: dict, item: _Item, edition: Edition) -> _Entry:
    version = item.entry.version
    page = urls.version_path(item.slug, version.effective)
    permalink = urls.absolute_url(site.base_url, edition.place(page))
    changes = urls.absolute_url(site.base_url,
                                edition.place(urls.changes_path(item.slug, version.effective)))
    effective = version.effective.isoformat()
    material = version.material and not item.withdrawal
    title = strings["feed_withdrawn_title" if item.withdrawal else
                    "feed_item_title_material" if material else "feed_item_title"].format(
        title=version.title or item.document_title, date=effective)
    description = (
        f"<p>{html_escape(version.summary or '')}</p>"
        f"<p>{html_escape(strings['feed_item_effective'].format(date=effective))}</p>"
        f'<p><a href="{html_escape(changes)}">{html_escape(strings["feed_item_changes"])}</a></p>')
    if not edition.has(page):  # a change not yet translated: say so, in the reader's words
        original = (site.languages or (site.language,))[0]
        only = strings["original_only"].format(original=strings.get(f"language_{original}", original))
        description = (f"<p>{html_escape(only)}</p>"
                       + description.replace("<p>", f'<p lang="{original}">', 1))
    if item.withdrawal:
        withdrawn = strings["feed_withdrawn_on"].format(date=version.withdrawn.isoformat())
        description = (f"<p>{html_escape(withdrawn)}: {html_escape(version.withdrawn_reason)}</p>"
                       + description)
    # A withdrawal is news of its own: an id of its own, so readers see it as a new item.
    # A translation's item keeps the id of where its translation lives (or will), so adding
    # the translation later does not announce the change again.
    guid = (urls.absolute_url(site.base_url, edition.output(page))
            + ("#withdrawn" if item.withdrawal else ""))
    return _Entry(guid, permalink, title, description, item.day,
                  strings["material"] if material else "")


def render_rss(site: Site, today: date, channel: _Channel, entries: list[_Entry],
               permalinks: bool = True) -> bytes:
    permalink = str(permalinks).lower()
    return _rss(site, today, channel, (
        _encoded(_rss_item(entry, permalink, rfc822(entry.day, site.timezone)))
        for entry in entries))


def _rss(site: Site, today: date, channel: _Channel, items: Iterable[bytes]) -> bytes:
    absolute = partial(urls.absolute_url, site.base_url)
    lines = [
        "<?xml version='1.0' encoding='utf-8'?>",
        # Opened in a browser, the feed shows as a page; feed readers ignore the stylesheet.
        f'<?xml-stylesheet type="text/xsl" href="{urls.relative_url(channel.rss, "assets/feed.xsl")}"?>',
        f'<rss xmlns:atom="{ATOM}" version="2.0">',
        "  <channel>",
        f"    <title>{escape(channel.title)}</title>",
        f"    <link>{escape(absolute(channel.link))}</link>",
        f"    <description>{escape(channel.description)}</description>",
        f"    <language>{escape(site.language)}</language>",
        f"    <lastBuildDate>{rfc822(today, site.timezone)}</lastBuildDate>",
        "    <generator>policy-site</generator>",
        f"    <atom:link href={quoteattr(absolute(channel.rss))} rel=\"self\" "
        'type="application/rss+xml" />',
    ]
    return _joined(lines, items, ["  </channel>", "</rss>", ""])


def _rss_item(entry: _Entry, permalink: str, stamp: str) -> list[str]:
    return [
        "    <item>",
        f"      <title>{escape(entry.title)}</title>",
        f"      <link>{escape(entry.link)}</link>",
        f'      <guid isPermaLink="{permalink}">{escape(entry.id)}</guid>',
        *([f"      <category>{escape(entry.material)}</category>"] if entry.material else []),
        f"      <pubDate>{stamp}</pubDate>",
        f"      <description>{escape(entry.html)}</description>",
        "    </item>"]


def render_atom(site: Site, today: date, channel: _Channel, entries: list[_Entry]) -> bytes:
    """Atom 1.0 (RFC 4287): the same entries and ids as the RSS feed."""
    return _atom(site, today, channel, (
        _encoded(_atom_entry(entry, rfc3339(entry.day, site.timezone))) for entry in entries))


def _atom(site: Site, today: date, channel: _Channel, items: Iterable[bytes]) -> bytes:
    absolute = partial(urls.absolute_url, site.base_url)
    lines = [
        "<?xml version='1.0' encoding='utf-8'?>",
        f'<feed xmlns="{ATOM}" xml:lang={quoteattr(site.language)}>',
        f"  <title>{escape(channel.title)}</title>",
        f"  <subtitle>{escape(channel.description)}</subtitle>",
        f"  <id>{escape(absolute(channel.atom))}</id>",
        f"  <updated>{rfc3339(today, site.timezone)}</updated>",
        f"  <link rel=\"self\" type=\"application/atom+xml\" href={quoteattr(absolute(channel.atom))} />",
        f"  <link rel=\"alternate\" type=\"text/html\" href={quoteattr(absolute(channel.link))} />",
        f"  <author><name>{escape(site.title)}</name></author>",
        "  <generator>policy-site</generator>",
    ]
    return _joined(lines, items, ["</feed>", ""])


def _atom_entry(entry: _Entry, stamp: str) -> list[str]:
    return [
        "  <entry>",
        f"    <title>{escape(entry.title)}</title>",
        f"    <id>{escape(entry.id)}</id>",
        f"    <link rel=\"alternate\" type=\"text/html\" href={quoteattr(entry.link)} />",
        *([f'    <category term="material" label={quoteattr(entry.material)} />']
          if entry.material else []),
        f"    <published>{stamp}</published>",
        f"    <updated>{stamp}</updated>",
        f"    <summary type=\"html\">{escape(entry.html)}</summary>",
        "  </entry>"]


def _pieces(feed: bytes, first: bytes, last: bytes) -> Iterator[bytes]:
    """The items of a feed, each from its first line to its last, in order."""
    at = feed.find(first)
    while at >= 0 and (end := feed.find(last, at)) >= 0:
        end += len(last)
        yield feed[at + 1:end]
        at = feed.find(first, end)


def _encoded(lines: list[str]) -> bytes:
    return "\n".join(lines).encode("utf-8")


def _joined(head: list[str], items: Iterable[bytes], tail: list[str]) -> bytes:
    """The lines of a feed, one per line, as UTF-8: each item encoded as it is made (the
    site's feed at 5,000 versions held 20 MB of lines and their join to make 3 MB)."""
    return b"\n".join([_encoded(head), *items, _encoded(tail)])


def render_json_feed(site: Site, channel: _Channel, entries: list[_Entry]) -> bytes:
    """JSON Feed 1.1: the same entries and ids as the RSS feed."""
    return _json_feed(site, channel, [
        {"id": e.id, "url": e.link, "title": e.title, "content_html": e.html,
         "date_published": rfc3339(e.day, site.timezone),
         **({"tags": [e.material]} if e.material else {})} for e in entries])


def _json_feed(site: Site, channel: _Channel, items: list[dict]) -> bytes:
    absolute = partial(urls.absolute_url, site.base_url)
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": channel.title,
        "home_page_url": absolute(channel.link),
        "feed_url": absolute(channel.json),
        "description": channel.description,
        "language": site.language,
        "authors": [{"name": site.title}],
        "items": items,
    }
    return json_file(feed, indent=1)


def site_feeds(site: Site, strings: dict, today: date, timelines: tuple[Timeline, ...],
               edition: Edition, documents: dict[str, dict[str, bytes]] | None = None
               ) -> dict[str, bytes]:
    """The site's feeds of every notice, in RSS, Atom and JSON Feed, by output path. A
    translation's feeds announce every change too, in its words where it has them and linking
    to the original where it has not. ``documents``: each document's files as
    :func:`document_feeds` made them, by slug: the site's items are taken from them, in the
    site's order (an item is the same in both feeds), so that a change to one document makes
    only its own items again, not every document's."""
    channel = _Channel(edition.output(urls.SITE_FEED),
                       strings["site_feed_title"].format(title=site.title), edition.place(""),
                       site.title)
    order = [item.slug for item in _items(timelines)]
    taken = {slug: _items_of(documents.get(slug), edition, slug, count)
             for slug, count in Counter(order).items()} if documents is not None else None
    if not taken or None in taken.values():  # none given, or not as document_feeds makes them
        return _channel_files(site, strings, today, channel, timelines, edition)
    rss, atom, json_items = ({slug: iter(each[kind]) for slug, each in taken.items()}
                             for kind in range(3))
    return {channel.rss: _rss(site, today, channel, (next(rss[slug]) for slug in order)),
            channel.atom: _atom(site, today, channel, (next(atom[slug]) for slug in order)),
            channel.json: _json_feed(site, channel, [next(json_items[slug]) for slug in order])}


def _items_of(files: dict[str, bytes] | None, edition: Edition, slug: str,
              count: int) -> tuple[list, list, list] | None:
    """A document's items in RSS, Atom and JSON Feed, from its feeds; None unless each holds
    ``count`` of them (a cache entry is the user's: one of another shape is made again)."""
    own = edition.output(urls.feed_path(slug))
    try:
        found = (list(_pieces(files[own], *_RSS_ITEM)),
                 list(_pieces(files[urls.atom_path(own)], *_ATOM_ENTRY)),
                 msgspec.json.decode(files[urls.json_feed_path(own)])["items"])
    except (TypeError, LookupError, msgspec.DecodeError):
        return None
    return found if all(isinstance(each, list) and len(each) == count for each in found) \
        else None


def document_feeds(site: Site, strings: dict, today: date, timeline: Timeline,
                   edition: Edition) -> dict[str, bytes]:
    """One document's feeds of its notices, as ``site_feeds`` makes the site's."""
    document = timeline.document
    channel = _Channel(edition.output(urls.feed_path(document.slug)),
                       strings["feed_title"].format(title=document.title),
                       edition.place(urls.document_path(document.slug)),
                       document.description or document.title)
    return _channel_files(site, strings, today, channel, (timeline,), edition)


def _channel_files(site: Site, strings: dict, today: date, channel: _Channel,
                   timelines: tuple[Timeline, ...], edition: Edition) -> dict[str, bytes]:
    entries = _entries(site, strings, timelines, edition)
    return {channel.rss: render_rss(site, today, channel, entries, edition.is_original),
            channel.atom: render_atom(site, today, channel, entries),
            channel.json: render_json_feed(site, channel, entries)}
