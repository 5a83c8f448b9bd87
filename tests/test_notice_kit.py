"""The notice kit of each announced change (issue 27, item 1): notice.json for tools and
ready-to-send bodies (notice.txt, e-mail-safe notice.html) in the page's language, the same
bytes whatever day the site is built, the line a material change needs, and a translation's
kit in its own language."""

from __future__ import annotations

import json

from tests.pages import parse
from tests.sitekit import BODY, SiteKit

KIT = "privacy/2016-03-01/notice/"


def site(kit: SiteKit, **second) -> None:
    kit.version("2015-02-15")
    kit.version("2016-03-01", announced="2016-01-15", summary='"목적 조항을 고칩니다"',
                body=BODY.replace("다음의 목적", "아래의 목적"),
                reasons="{1. 목적: 표현을 정리}", **second)


def test_a_change_has_its_kit_for_tools_and_for_mail(kit):
    site(kit)
    assert kit.build("2016-02-01").code == 0
    data = json.loads(kit.read(KIT + "notice.json"))
    assert data["subject"] == "개인정보처리방침 변경 안내 (2016년 3월 1일 시행)"
    assert (data["id"], data["effective"], data["announced"]) == (
        "privacy/2016-03-01", "2016-03-01", "2016-01-15")
    assert data["changed_articles"] == [{"key": "article-1", "kind": "changed", "heading": "1. 목적"}]
    assert data["reasons"] == [{"article": "1. 목적", "reason": "표현을 정리"}]
    assert data["links"]["changes"] == "https://example.com/policies/privacy/2016-03-01/changes/"
    assert data["material"] is False and len(data["sha256"]) == 64
    text = kit.read(KIT + "notice.txt")
    assert text.startswith("개인정보처리방침 변경 안내 (2016년 3월 1일 시행)\n")
    assert "시행일자: 2016년 3월 1일" in text and "- 1. 목적" in text
    assert "중요한 변경" not in text
    html = kit.read(KIT + "notice.html")
    page = parse(html)
    assert not [e for e in page.iter() if e.tag in ("script", "img", "link", "style", "iframe")]
    assert "신구대비표" in html and 'href="https://example.com/policies/privacy/2016-03-01/changes/"' in html


def test_a_material_change_says_what_a_user_can_do_and_the_kit_never_changes(kit):
    site(kit, material=True)
    assert kit.build("2016-01-20").code == 0
    before = {name: kit.read(KIT + name) for name in ("notice.json", "notice.txt", "notice.html")}
    assert "[중요 변경]" in before["notice.txt"].splitlines()[0]
    assert "탈퇴" in before["notice.txt"] and "탈퇴" in before["notice.html"]
    assert kit.build("2017-06-01").code == 0  # in force, then past: the kit is as announced
    assert {name: kit.read(KIT + name) for name in before} == before


def test_a_translation_has_its_kit_in_its_language(kit):
    kit.site_yaml(languages="[ko, en]")
    site(kit)
    for day in ("2015-02-15", "2016-03-01"):
        kit.write(f"policies/privacy/{day}.en.md",
                  "---\nsummary: Purpose reworded\n---\n\n" + "## 1. Purpose\n\n"
                  + ("We process data for the purposes below." if day == "2016-03-01" else
                     "We process data for the following purposes."))
    assert kit.build("2016-02-01").code == 0
    data = json.loads(kit.read("privacy/en/2016-03-01/notice/notice.json"))
    assert data["language"] == "en" and data["summary"] == "Purpose reworded"
    assert data["subject"].startswith("Privacy Policy") or "update" in data["subject"].lower()
    assert data["links"]["changes"].endswith("/privacy/en/2016-03-01/changes/")
    assert "Effective date: March 1, 2016" in kit.read("privacy/en/2016-03-01/notice/notice.txt")


def test_a_translations_feed_says_when_a_change_is_in_the_original_only(kit):
    """The English feed used to show a Korean summary bare; now it says the change is in
    Korean only, marks the summary's language, and links the original's pages."""
    kit.site_yaml(languages="[ko, en]")
    site(kit)
    kit.write("policies/privacy/2015-02-15.en.md", "---\n---\n\n## 1. Purpose\n\nWe process data.\n")
    assert kit.build("2016-02-01").code == 0
    feed = kit.read("en/feed.xml")
    assert "(Korean only)" in feed
    assert '&lt;p lang="ko"&gt;목적 조항을 고칩니다' in feed
    assert "<link>https://example.com/policies/privacy/2016-03-01/</link>" in feed


def test_a_change_not_yet_translated_has_a_kit_that_says_so(kit):
    kit.site_yaml(languages="[ko, en]")
    site(kit)
    kit.write("policies/privacy/2015-02-15.en.md", "---\n---\n\n## 1. Purpose\n\nWe process data.\n")
    assert kit.build("2016-02-01").code == 0
    data = json.loads(kit.read("privacy/en/2016-03-01/notice/notice.json"))
    assert data["language"] == "en" and data["original_only"] == "(Korean only)"
    assert data["summary"] == "목적 조항을 고칩니다" and data["summary_language"] == "ko"
    assert data["links"]["changes"] == "https://example.com/policies/privacy/2016-03-01/changes/"
    text = kit.read("privacy/en/2016-03-01/notice/notice.txt")
    assert text.splitlines()[2] == "(Korean only)" and "Effective date: March 1, 2016" in text
    assert '<span lang="ko">목적 조항을 고칩니다</span>' in kit.read("privacy/en/2016-03-01/notice/notice.html")
