"""The 신구대비표 a Korean legal team files as is (issue 26), on real edits of the seed: titled
"<문서> 신구대비표", two columns named by status (현행 | 개정안 before the change, 종전 | 개정 after),
each cell opening with the article's heading, an inserted article as one ‹신설› row with the
rest noted as moved rather than rewritten, finer marks inside a Hangul word; and check warns
about a reference the renumbering left behind."""

from __future__ import annotations

import re

from tests.pages import parse, text_of
from tests.sitekit import SiteKit
from tests.test_comparison_parity import SEED_BODY, moved_seventh_after_ninth, renumbered



def seed_site(kit: SiteKit, new_body: str, language: str = "ko") -> None:
    if language != "ko":
        kit.site_yaml(language=language)
    kit.version("2015-02-15", body=SEED_BODY)
    kit.version("2016-03-01", announced="2016-02-15", summary="조항을 고칩니다", body=new_body)


def table_rows(kit: SiteKit, as_of: str) -> list[dict]:
    assert kit.build(as_of).code == 0
    page = parse(kit.read("privacy/2016-03-01/changes/index.html"))
    found = []
    for row in page.iter("tr"):
        cells = {c.get("class"): c for c in row if c.tag == "td"}
        if "before" in cells:
            found.append({"kind": row.get("class"), **{k: text_of(v) for k, v in cells.items()},
                          "cells": cells})
    return found


def headers(kit: SiteKit) -> list[str]:
    page = parse(kit.read("privacy/2016-03-01/changes/index.html"))
    return [re.sub(r"\s+", " ", text_of(th)) for th in page.iter("th") if th.get("scope") == "col"]


def test_an_inserted_article_is_one_new_row_and_the_rest_are_noted_as_moved(kit):
    seed_site(kit, renumbered(SEED_BODY, 3, "개인정보의 국외 이전",
                              "회사는 개인정보를 국외로 이전하지 않습니다."))
    rows = table_rows(kit, "2016-02-20")
    assert [r["kind"] for r in rows] == ["row-added"] + ["row-moved"] * 8
    assert rows[0]["before"] == "‹신설›" and rows[0]["after"].startswith("4. 개인정보의 국외 이전")
    moved = rows[1]
    assert moved["before"].startswith("4. 개인정보의 제 3자 제공")
    assert moved["after"].startswith("5. 개인정보의 제 3자 제공에 관한 사항 (종전 4.에서 이동)")
    assert "(현행과 같음)" in moved["after"] and "(생략)" in moved["before"]
    assert [text_of(e) for e in moved["cells"]["after"].iter("ins")] == ["5"]
    # before the effective day: 현행 | 개정안, with the dates
    assert headers(kit) == ["현행 (2015년 2월 15일)", "개정안 (2016년 3월 1일)"]
    title = text_of(parse(kit.read("privacy/2016-03-01/changes/index.html")).find(".//h1"))
    assert title == "개인정보처리방침 신구대비표 (2016년 3월 1일 시행)"


def test_a_moved_article_with_one_word_changed_shows_that_word_only(kit):
    seed_site(kit, moved_seventh_after_ninth(SEED_BODY))
    rows = table_rows(kit, "2016-03-10")
    assert headers(kit) == ["종전 (2015년 2월 15일)", "개정 (2016년 3월 1일)"]
    [cookies] = [r for r in rows if "자동수집" in r["after"]]
    assert "(종전 7.에서 이동)" in cookies["after"]
    assert [text_of(e) for e in cookies["cells"]["before"].iter("del")] == ["7", "어"]
    assert [text_of(e) for e in cookies["cells"]["after"].iter("ins")] == ["9", "러"]
    assert "익스플로러의" in cookies["after"] and "익스플로어의" in cookies["before"]


def test_a_grown_chapter_heading_marks_only_what_was_added(kit):
    kit.version("2015-02-15", body="## 제2장 이용계약\n\n## 제5조 (신청)\n\n이용 신청 방법")
    kit.version("2016-03-01", announced="2016-02-15", summary="장 제목",
                body="## 제2장 이용계약의 체결\n\n## 제5조 (신청)\n\n이용 신청 방법")
    [row] = table_rows(kit, "2016-03-10")
    assert not list(row["cells"]["before"].iter("del"))
    assert [text_of(e) for e in row["cells"]["after"].iter("ins")] == ["의 체결"]


def test_an_english_site_keeps_its_words_and_the_redline(kit, browser):
    seed_site(kit, SEED_BODY.replace("익스플로어", "익스플로러"), language="en")
    table_rows(kit, "2016-03-10")
    assert headers(kit) == ["Former (February 15, 2015)", "Amended (March 1, 2016)"]
    page = browser.new_page()
    page.goto((kit.out / "privacy/2016-03-01/changes/index.html").as_uri())
    style = "e => getComputedStyle(e).textDecorationLine"
    assert page.locator("del").first.evaluate(style) == "line-through"
    page.close()


def test_a_korean_site_underlines_both_columns(kit, browser):
    seed_site(kit, SEED_BODY.replace("익스플로어", "익스플로러"))
    table_rows(kit, "2016-03-10")
    page = browser.new_page()
    page.goto((kit.out / "privacy/2016-03-01/changes/index.html").as_uri())
    style = "e => getComputedStyle(e).textDecorationLine"
    assert page.locator("del").first.evaluate(style) == "underline"
    assert page.locator("ins").first.evaluate(style) == "underline"
    assert page.locator("del").count() == 1  # assistive technology still hears a deletion
    page.close()


def test_the_compare_page_builds_the_same_table(kit, browser):
    seed_site(kit, renumbered(SEED_BODY, 3, "개인정보의 국외 이전",
                              "회사는 개인정보를 국외로 이전하지 않습니다."))
    table_rows(kit, "2016-02-20")
    built = parse(kit.read("privacy/2016-03-01/changes/index.html"))
    [expected] = [t for t in built.iter("table")]
    page = browser.new_page()
    page.goto((kit.out / "privacy/compare/index.html").as_uri() + "?from=2015-02-15&to=2016-03-01")
    page.locator("#comparison-result table").wait_for()
    shown = page.locator("#comparison-result table").evaluate(
        "t => Array.from(t.querySelectorAll('th, td p')).map(c => c.textContent.replace(/\\s+/g, ' ').trim())")
    cells = [re.sub(r"\s+", " ", text_of(c)).strip() for row in expected.iter("tr")
             for cell in row for c in ([cell] if cell.tag == "th" else cell.iter("p"))]
    assert shown == cells and len(cells) > 20
    page.close()


def test_check_warns_about_a_reference_the_renumbering_left_behind(kit):
    old = ("## 제1조 (목적)\n\n이 방침은 제9조에 따라 개인정보를 파기하는 방법을 정합니다.\n\n"
           "## 제9조 (개인정보의 파기)\n\n회사는 보유기간이 지난 개인정보를 지체 없이 파기합니다.\n")
    new = old.replace("## 제9조 (개인정보의 파기)", "## 제9조 (가명정보의 처리)\n\n회사는 통계작성을 위하여 "
                      "가명정보를 처리할 수 있습니다.\n\n## 제10조 (개인정보의 파기)")
    kit.version("2015-02-15", body=old)
    kit.version("2016-03-01", announced="2016-02-01", summary="가명정보 조항 신설", body=new)
    checked = kit.check("2016-03-10")
    assert checked.code == 0
    assert ("policies/privacy/2016-03-01.md:9: warning: '제9조' was written for the former 제9조, "
            "which this version renumbers to 제10조") in checked.out
    kit.version("2016-03-01", announced="2016-02-01", summary="가명정보 조항 신설",
                body=new.replace("제9조에 따라", "제10조에 따라"))
    assert "renumbers" not in kit.check("2016-03-10").out


def test_versions_in_different_data_files_compare_from_disk(kit, browser):
    """Compare data holds 25 versions a file (issue 24: 1,000 versions, 40 files, not 1,000);
    two versions from different files compare, opened from disk."""
    kit.version("2015-01-01", body=SEED_BODY)
    for index in range(1, 30):
        kit.version(f"{2015 + index}-01-01", announced=f"{2014 + index}-12-01",
                    summary=f"개정 {index}", body=SEED_BODY.replace("현대택배", f"택배 {index}"))
    assert kit.build("2046-01-01").code == 0
    data = sorted(p.name for p in (kit.out / "privacy/compare").glob("*.js"))
    assert data == ["2015-01-01.js", "2040-01-01.js"]
    page = browser.new_page()
    page.goto((kit.out / "privacy/compare/index.html").as_uri() + "?from=2016-01-01&to=2044-01-01")
    page.locator("#comparison-result table").wait_for()
    assert page.locator("#comparison-result ins").first.inner_text() == "29"  # 택배 1 -> 택배 29
    assert page.locator("#comparison-result del").first.inner_text() == "1"
    page.close()
