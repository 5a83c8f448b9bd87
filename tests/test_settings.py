"""Settings and output details a careless teammate gets wrong (issue 17)."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from email.utils import parsedate_tz

import pytest

from tests.sitekit import BODY


@pytest.mark.parametrize("url, words", [
    ("https://example.com/my policies/", "contains a space"),
    ("https://example.com/?lang=ko", "must not have a query"),
    ("https://example.com/#top", "must not have a query"),
    ("https://editor:secret@example.com/", "must not carry a user name or password"),
    ("https://example.com:99999/", "has a port that does not exist"),
    ("example.com/policies/", "must be absolute"),
    ("ftp://example.com/", "must be absolute"),
])
def test_a_base_url_that_cannot_prefix_links_is_refused(kit, url, words):
    kit.site_yaml(base_url=f'"{url}"')
    kit.two_versions()
    result = kit.check()
    assert result.code == 1 and f"policies/site.yaml:2: error: base_url '{url}' {words}" in result.out


@pytest.mark.parametrize("zone", ["localtime", "Factory", "Seoul", "KST", "Asia", "posix/Asia/Seoul"])
def test_timezone_must_be_an_iana_place(kit, zone):
    """"Asia" is a folder of the time zone database: it was an OSError, exit 2."""
    kit.site_yaml(timezone=zone)
    kit.two_versions()
    result = kit.check()
    assert result.code == 1 and "unknown timezone" in result.out


def test_a_folder_name_ending_in_a_line_break_is_not_a_slug(kit):
    kit.two_versions()
    kit.version("2015-02-15", slug="terms\n")
    assert "is not a valid document slug" in kit.check().out


@pytest.mark.parametrize("character", ["\uffff", "\ufffe", "\ufdd0", "\U0001fffe"])
def test_noncharacters_are_refused_with_their_line(kit, character):
    kit.two_versions()
    kit.version("2017-01-01", announced="2016-12-01", summary="s", body=BODY + f"\n끝{character}\n")
    result = kit.check()
    assert result.code == 1 and "policies/privacy/2017-01-01.md:17:2: error: character U+" in result.out


@pytest.mark.parametrize("first, later", [("\U0001fffe", "\x01"), ("\x01", "\U0010ffff")])
def test_the_first_refused_character_is_the_one_named(kit, first, later):
    kit.two_versions()
    kit.version("2017-01-01", announced="2016-12-01", summary="s",
                body=BODY + f"\n\U0001F600 {first}\n끝{later}\n")
    result = kit.check()
    assert result.code == 1, result.text
    assert (f"2017-01-01.md:17:3: error: character U+{ord(first):04X}" in result.out), result.out


def test_pubdate_offsets_are_whole_minutes_even_before_standard_time(kit):
    kit.version("1900-01-01")
    kit.version("1900-03-01", announced="1900-01-15", summary="s",
                body=BODY.replace("다음의", "아래의"))
    assert kit.build("1901-01-01").code == 0
    [pub_date] = [e.text for e in ElementTree.fromstring(kit.read("feed.xml")).iter("pubDate")]
    assert pub_date == "Mon, 15 Jan 1900 00:00:00 +0828"
    assert parsedate_tz(pub_date)[9] == (8 * 60 + 28) * 60


def lastmods(kit) -> dict[str, str]:
    namespace = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    tree = ElementTree.fromstring(kit.read("sitemap.xml"))
    return {u.find(f"{namespace}loc").text: u.find(f"{namespace}lastmod").text
            for u in tree.iter(f"{namespace}url")}


def test_sitemap_lastmod_is_when_the_page_last_changed_never_in_the_future(kit):
    kit.two_versions()
    kit.version("2026-12-15", announced="2026-11-20", summary="s", body=BODY + "\n추가\n")
    kit.build("2026-11-28")
    before = lastmods(kit)
    assert max(before.values()) == "2026-11-20"  # the announcement, not the future effective day
    assert before["https://example.com/policies/privacy/2015-02-15/"] == "2026-11-20"
    kit.build("2026-12-20")
    assert set(lastmods(kit).values()) == {"2026-12-15"}  # the banners changed that day


def test_every_zone_of_the_database_is_known_and_nothing_else():
    """The shortcut through tzdata's list must accept exactly what the database lists."""
    from zoneinfo import available_timezones

    from site_builder.sources.settings import is_known_timezone

    listed = available_timezones()
    assert all(is_known_timezone(name) for name in listed)
    loading_but_unlisted = ["posix/Asia/Seoul", "right/UTC", "posixrules", "Asia", "Seoul"]
    assert not any(is_known_timezone(name) for name in loading_but_unlisted)
