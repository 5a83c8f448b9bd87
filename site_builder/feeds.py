"""RSS 2.0 notice feeds: one item per announced change, the same page list in another format.

An item's guid is the version's permalink, chosen once and never changed: a changed guid would
re-announce an old change to every subscriber. Every text is XML-escaped where it is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from html import escape as html_escape
from xml.sax.saxutils import escape, quoteattr

from site_builder import urls
from site_builder.dates import rfc822
from site_builder.model import Site
from site_builder.publication import WITHDRAWN, PublishedVersion, Timeline

ATOM = "http://www.w3.org/2005/Atom"


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


def render_feed(site: Site, strings: dict, today: date, timelines: tuple[Timeline, ...],
                feed: str, title: str, link: str, description: str) -> bytes:
    lines = [
        "<?xml version='1.0' encoding='utf-8'?>",
        # Opened in a browser, the feed shows as a page; feed readers ignore the stylesheet.
        f'<?xml-stylesheet type="text/xsl" href="{urls.relative_url(feed, "assets/feed.xsl")}"?>',
        f'<rss xmlns:atom="{ATOM}" version="2.0">',
        "  <channel>",
        f"    <title>{escape(title)}</title>",
        f"    <link>{escape(urls.absolute_url(site.base_url, link))}</link>",
        f"    <description>{escape(description)}</description>",
        f"    <language>{escape(site.language)}</language>",
        f"    <lastBuildDate>{rfc822(today, site.timezone)}</lastBuildDate>",
        "    <generator>policy-site</generator>",
        f"    <atom:link href={quoteattr(urls.absolute_url(site.base_url, feed))} rel=\"self\" "
        'type="application/rss+xml" />',
    ]
    lines.extend(_item(site, strings, item) for item in _items(timelines))
    lines += ["  </channel>", "</rss>", ""]
    return "\n".join(lines).encode("utf-8")


def _item(site: Site, strings: dict, item: _Item) -> str:
    version = item.entry.version
    permalink = urls.absolute_url(site.base_url, urls.version_path(item.slug, version.effective))
    changes = urls.absolute_url(site.base_url, urls.changes_path(item.slug, version.effective))
    effective = version.effective.isoformat()
    title = strings["feed_withdrawn_title" if item.withdrawal else "feed_item_title"].format(
        title=version.title or item.document_title, date=effective)
    description = (
        f"<p>{html_escape(version.summary or '')}</p>"
        f"<p>{html_escape(strings['feed_item_effective'].format(date=effective))}</p>"
        f'<p><a href="{html_escape(changes)}">{html_escape(strings["feed_item_changes"])}</a></p>')
    if item.withdrawal:
        withdrawn = strings["feed_withdrawn_on"].format(date=version.withdrawn.isoformat())
        description = (f"<p>{html_escape(withdrawn)}: {html_escape(version.withdrawn_reason)}</p>"
                       + description)
    # A withdrawal is news of its own: an id of its own, so readers see it as a new item.
    guid = permalink + ("#withdrawn" if item.withdrawal else "")
    return "\n".join([
        "    <item>",
        f"      <title>{escape(title)}</title>",
        f"      <link>{escape(permalink)}</link>",
        f'      <guid isPermaLink="true">{escape(guid)}</guid>',
        f"      <pubDate>{rfc822(item.day, site.timezone)}</pubDate>",
        f"      <description>{escape(description)}</description>",
        "    </item>"])


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
