"""``policy-site build`` end to end: run the CLI on a small site and read what it wrote."""

from __future__ import annotations

import json
import posixpath
import re
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime

import feedparser
import pytest

from tests.pages import find_class, links, parse, text_of, visible_text
from tests.sitekit import BODY


def test_layout_of_a_two_version_site(kit):
    kit.two_versions()
    result = kit.build()
    assert result.code == 0, result.err
    files = set(kit.tree())
    for expected in ["index.html", "privacy/index.html", "privacy/2015-02-15/index.html",
                     "privacy/2016-03-01/index.html", "privacy/2016-03-01/changes/index.html",
                     "privacy/versions/index.html", "privacy/feed.xml", "feed.xml",
                     "versions.json", "sitemap.xml", "assets/style.css"]:
        assert expected in files
    assert "privacy/2015-02-15/changes/index.html" not in files
    assert re.fullmatch(r"built 1 document\(s\), 2 version\(s\), 1 change page\(s\), 2 feed\(s\) "
                        r"in \d+\.\d\d s -> .*output\n", result.out)


def test_document_page_is_the_version_in_effect(kit):
    kit.two_versions()
    kit.build("2016-03-01")
    page = kit.read("privacy/index.html")
    assert "아래의 목적" in visible_text(page)
    canonical = [l for l in parse(page).iter("link") if l.get("rel") == "canonical"]
    assert canonical[0].get("href") == "https://example.com/policies/privacy/2016-03-01/"


def test_before_the_change_the_old_text_is_current_with_upcoming_banner(kit):
    kit.two_versions()
    kit.build("2016-02-20")
    page = kit.read("privacy/index.html")
    assert "다음의 목적" in visible_text(page)
    [banner] = find_class(page, "banner-upcoming")
    assert "2016년 3월 1일" in text_of(banner)
    assert "../privacy/2016-03-01/changes/index.html" not in links(page)
    assert "2016-03-01/changes/index.html" in links(page)
    upcoming = kit.read("privacy/2016-03-01/index.html")
    assert find_class(upcoming, "banner-upcoming")


def test_past_version_shows_period_and_banner(kit):
    kit.two_versions()
    kit.build()
    page = kit.read("privacy/2015-02-15/index.html")
    [banner] = find_class(page, "banner-past")
    assert "../index.html" in [a.get("href") for a in banner.iter("a")]
    meta = text_of(find_class(page, "policy-meta")[0])
    assert "2015년 2월 15일 ~ 2016년 2월 29일" in meta
    current = text_of(find_class(kit.read("privacy/2016-03-01/index.html"), "policy-meta")[0])
    assert "2016년 3월 1일 ~ 현재" in current


def test_unannounced_and_draft_versions_leave_no_trace(kit):
    kit.two_versions()
    kit.version("2027-01-01", announced="2026-12-01", summary="비밀 예고",
                body=BODY + "\n예고된비밀문구\n")
    kit.version("2027-06-01", summary=None, body=BODY + "\n초안비밀문구\n")
    assert kit.build("2026-11-28").code == 0
    everything = b"".join(kit.tree().values()).decode()
    for secret in ["예고된비밀문구", "초안비밀문구", "비밀 예고", "2027-01-01", "2027-06-01"]:
        assert secret not in everything
    assert not (kit.out / "privacy/2027-01-01").exists()


def test_scheduled_notice_appears_on_its_announced_day(kit):
    kit.two_versions()
    kit.version("2027-01-01", announced="2026-12-01", summary="예고", body=BODY + "\n새 문구\n")
    kit.build("2026-12-01")
    assert (kit.out / "privacy/2027-01-01/index.html").exists()
    assert find_class(kit.read("privacy/index.html"), "banner-upcoming")
    assert [i.link for i in feedparser.parse(kit.read("feed.xml")).entries][0].endswith("2027-01-01/")


def test_every_relative_link_resolves(kit):
    kit.two_versions()
    kit.build()
    for path, data in kit.tree().items():
        if not path.endswith(".html"):
            continue
        page = data.decode()
        tree = parse(page)
        targets = [a.get("href") for a in tree.iter("a")] + \
                  [l.get("href") for l in tree.iter("link") if l.get("rel") != "canonical"] + \
                  [s.get("src") for s in tree.iter("script") if s.get("src")]
        for href in targets:
            if href is None or href.startswith(("http", "#")):
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(path), href.split("#")[0]))
            assert (kit.out / target).is_file(), f"{path}: broken link {href}"


def test_feeds_are_valid_rss(kit):
    kit.two_versions()
    kit.version("2017-01-01", announced="2016-11-01", summary="두 번째 & <변경> ]]>",
                body=BODY + "\n추가\n")
    kit.build()
    for name in ("feed.xml", "privacy/feed.xml"):
        raw = kit.read(name)
        feed = feedparser.parse(raw)
        assert feed.bozo == 0, feed.bozo_exception
        assert feed.feed.title and feed.feed.link and feed.feed.description
        assert feed.feed.language == "ko"
        assert [e.title for e in feed.entries] == [
            "개인정보처리방침 변경 안내 (2017-01-01 시행)", "개인정보처리방침 변경 안내 (2016-03-01 시행)"]
        assert len({e.id for e in feed.entries}) == 2
        assert "두 번째 &amp; &lt;변경&gt; ]]&gt;" in feed.entries[0].description
        channel = ET.fromstring(raw.encode()).find("channel")
        self_link = channel.find("{http://www.w3.org/2005/Atom}link")
        assert self_link.get("rel") == "self"
        assert self_link.get("href") == f"https://example.com/policies/{name}"
        dates = [i.findtext("pubDate") for i in channel.findall("item")]
        assert dates == ["Tue, 01 Nov 2016 00:00:00 +0900", "Mon, 15 Feb 2016 00:00:00 +0900"]
        assert parsedate_to_datetime(dates[0]).weekday() == 1
        assert channel.findtext("lastBuildDate") == "Sat, 28 Nov 2026 00:00:00 +0900"
        item = channel.find("item")
        assert item.findtext("guid") == item.findtext("link") == \
            "https://example.com/policies/privacy/2017-01-01/"
        assert "privacy/2017-01-01/changes/" in item.findtext("description")


def test_feed_dates_follow_the_site_timezone(kit):
    kit.site_yaml(timezone="America/New_York", language="en")
    kit.two_versions()
    kit.build()
    channel = ET.fromstring(kit.read("feed.xml").encode()).find("channel")
    assert channel.find("item").findtext("pubDate") == "Mon, 15 Feb 2016 00:00:00 -0500"
    assert channel.findtext("language") == "en"


def test_versions_json(kit):
    kit.two_versions()
    kit.build()
    index = json.loads(kit.read("versions.json"))
    assert index["as_of"] == "2026-11-28"
    assert index["site"] == {"title": "테스트 정책", "base_url": "https://example.com/policies/"}
    [doc] = index["documents"]
    assert (doc["slug"], doc["url"], doc["current"]) == ("privacy", "privacy/", "2016-03-01")
    newest, first = doc["versions"]
    assert newest["changes_url"] == "privacy/2016-03-01/changes/"
    assert newest["status"] == "current" and first["status"] == "past"
    assert first["announced"] is None and first["changes_url"] is None
    import hashlib
    source = kit.root / "policies/privacy/2015-02-15.md"
    assert first["sha256"] == hashlib.sha256(source.read_bytes()).hexdigest()


def test_sitemap_lists_every_published_page(kit):
    kit.two_versions()
    kit.build()
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [e.text for e in ET.fromstring(kit.read("sitemap.xml").encode()).findall("s:url/s:loc", ns)]
    assert "https://example.com/policies/privacy/2016-03-01/changes/" in locs
    assert "https://example.com/policies/privacy/2015-02-15/" in locs
    assert len(locs) == len(set(locs)) == 6


def test_changes_page_marks_words(kit):
    kit.two_versions()
    kit.build()
    page = kit.read("privacy/2016-03-01/changes/index.html")
    assert [text_of(d) for d in parse(page).iter("del")] == ["다음"]  # 다음의 -> 아래의
    assert [text_of(i) for i in parse(page).iter("ins")] == ["아래"]
    assert "목적 조항을 고칩니다" in visible_text(page)
    assert "변경되지 않은 조항 2개" in visible_text(page)


def test_same_sources_give_byte_identical_output(kit):
    kit.two_versions()
    kit.build()
    first = kit.tree()
    kit.build()
    assert kit.tree() == first


def test_no_stale_file_survives_a_build(kit):
    kit.two_versions()
    kit.version("2017-01-01", announced="2016-12-01", summary="s", slug="terms")
    kit.build()
    assert (kit.out / "terms/2017-01-01/index.html").exists()
    import shutil
    shutil.rmtree(kit.root / "policies/terms")
    assert kit.build().code == 0
    assert not (kit.out / "terms").exists()


def test_a_file_the_build_did_not_write_is_never_replaced(kit):
    kit.two_versions()
    kit.build()
    (kit.out / "CNAME").write_text("policies.example.com")
    result = kit.build()
    assert result.code == 2
    assert "holds CNAME, which no earlier policy-site build wrote" in result.err
    assert (kit.out / "CNAME").read_text() == "policies.example.com"


def test_notice_violation_fails_build_and_keeps_previous_output(kit):
    kit.two_versions()
    kit.build()
    before = kit.tree()
    kit.version("2017-01-01", announced="2016-12-28", summary="너무 늦은 공지")
    result = kit.build()
    assert result.code == 1
    assert "policies/privacy/2017-01-01.md:3: error: announced 2016-12-28" in result.err
    assert "Traceback" not in result.err
    assert kit.tree() == before
    assert sorted(p.name for p in kit.root.iterdir()) == [
        ".output.lock", ".output.manifest.json", "output", "policies"]


def test_english_site_writes_dates_the_english_way(kit):
    kit.site_yaml(language="en")
    kit.two_versions()
    kit.build()
    page = kit.read("privacy/2015-02-15/index.html")
    assert parse(page).get("lang") == "en"
    assert "February 15, 2015" in visible_text(page)


@pytest.mark.parametrize("out", [".", "policies", "policies/out", "themes/x"])
def test_refuses_output_folder_over_sources(kit, out):
    kit.two_versions()
    result = kit.run("build", "--as-of", "2026-11-28", "--out", str(kit.root / out))
    assert result.code == 2 and "choose" in result.err
    assert (kit.root / "policies/site.yaml").exists()


def test_python_dash_m_runs_the_same_cli(kit):
    import subprocess
    import sys
    kit.two_versions()
    done = subprocess.run([sys.executable, "-m", "site_builder", "build", "--as-of", "2026-11-28",
                           "--root", str(kit.root)], capture_output=True, text=True)
    assert done.returncode == 0 and "built 1 document(s)" in done.stdout


def test_a_command_that_ends_at_once_says_everything_it_had_to(kit):
    """The CLI leaves without Python's clean-up (cli.run): what it printed, a long report
    through a pipe included, still arrives whole, with the exit code."""
    import os
    import subprocess
    import sys

    buffered = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}

    def policy_site(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "site_builder", *args, "--as-of",
                               "2026-11-28", "--root", str(kit.root)], capture_output=True,
                              text=True, env=buffered)

    kit.two_versions()
    built = policy_site("build")
    assert built.returncode == 0 and "built 1 document(s)" in built.stdout
    for day in range(2, 29):  # announced 10 days before: 27 errors, one report line each
        kit.version(f"2016-03-{day:02d}", announced=f"2016-02-{day:02d}", summary="s",
                    material=True)
    checked = policy_site("check", "--format", "json")
    assert checked.returncode == 1, checked.stderr
    assert len(json.loads(checked.stdout)["findings"]) >= 27
    built = policy_site("build")
    assert built.returncode == 1 and built.stderr.count("error:") >= 27
    assert built.stderr.rstrip().endswith("nothing was written")


def test_default_root_is_the_current_folder(kit):
    import subprocess
    import sys
    kit.two_versions(announced="2016-02-25")
    done = subprocess.run([sys.executable, "-m", "site_builder", "check", "--as-of", "2026-11-28"],
                          capture_output=True, text=True, cwd=kit.root)
    assert done.returncode == 1
    assert done.stdout.startswith("policies/privacy/2016-03-01.md:3: error: announced")
    built = subprocess.run([sys.executable, "-m", "site_builder", "build"], capture_output=True,
                           text=True, cwd=kit.root)
    assert built.returncode == 1 and "policies/privacy/2016-03-01.md:3:" in built.stderr


def test_every_page_links_a_feed_once(kit):
    """A document's pages link its own feed with the document's links; the site's feed is the
    home page's (issue 26: "RSS 구독" was at the foot of every page twice)."""
    kit.two_versions()
    assert kit.build().code == 0
    for page in ("index.html", "privacy/index.html", "privacy/2016-03-01/index.html",
                 "privacy/2016-03-01/changes/index.html", "privacy/versions/index.html"):
        assert kit.read(page).count(">RSS 구독</a>") == 1, page
