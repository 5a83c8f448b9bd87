"""Korean legal documents as lawyers write them: 제N조의M, 장, 부칙, and a 신구대비표 that
follows the convention (issue 12). The shipped example policies/terms/ has every kind."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from site_builder.text.markup import render_body
from site_builder.text.outline import unit_key
from tests.pages import find_class, parse, text_of, visible_text
from tests.sitekit import SiteKit

REPO = Path(__file__).resolve().parent.parent
AS_OF = "2026-11-28"


@pytest.fixture(scope="module")
def example(tmp_path_factory) -> SiteKit:
    kit = SiteKit.shipped(tmp_path_factory.mktemp("terms") / "site")
    result = kit.build(AS_OF)
    assert result.code == 0, result.err
    return kit


def rows(html: str) -> dict[str, dict]:
    """The 신구대비표 rows by the article's heading (as the new column writes it, or the old
    one for a deleted article), with the text of each column."""
    table = {}
    for row in parse(html).iter("tr"):
        cells = {c.get("class"): c for c in row if c.tag == "td"}
        if "before" in cells:
            headings = [text_of(p) for side in ("after", "before") for p in cells[side].iter("p")
                        if p.get("class") == "article-heading"]
            table[headings[0]] = {name: text_of(cell) for name, cell in cells.items()}
    return table


def test_every_id_on_every_page_is_unique(example):
    for page in example.out.rglob("*.html"):
        ids = [e.get("id") for e in parse(page.read_text()).iter() if e.get("id")]
        assert not [i for i, n in Counter(ids).items() if n > 1], page


def test_article_ids_follow_korean_numbering(example):
    ids = {e.get("id") for e in parse(example.read("terms/2016-03-01/index.html")).iter()}
    assert {"chapter-1", "article-1", "article-2-2", "article-3-2", "chapter-2", "article-10",
            "addenda", "addenda-article-1"} <= ids


def test_every_change_of_every_kind_is_in_the_table(example):
    table = rows(example.read("terms/2016-03-01/changes/index.html"))
    assert list(table) == ["제2조의2 (약관 외 준칙)", "제3조의2 (개별 통지)",
                           "제2장 이용계약의 체결", "제5조 (회원정보의 변경)",
                           "제6조 (이용의 제한)", "부칙 <2016.3.1.>", "부칙 제1조 (시행일)"]
    assert "해석에 관하여는" in table["제2조의2 (약관 외 준칙)"]["after"]
    assert table["제3조의2 (개별 통지)"]["before"] == "‹신설›"
    assert table["제6조 (이용의 제한)"]["after"] == "‹삭제›"
    assert "2016년 3월 1일부터" in table["부칙 제1조 (시행일)"]["after"]


def test_the_table_follows_the_convention(example):
    html = example.read("terms/2016-03-01/changes/index.html")
    headers = [text_of(th) for th in parse(html).iter("th") if th.get("scope") == "col"]
    # two past versions: 종전 | 개정 (법제처's pair), each with its date
    assert headers == ["종전 (2015년 2월 15일)", "개정 (2016년 3월 1일)", "비고"]
    table = rows(html)
    assert table["제5조 (회원정보의 변경)"]["reason"] == "회원정보 변경 방법에 홈페이지를 추가"
    changed = table["제5조 (회원정보의 변경)"]  # each cell opens with the heading as written
    assert changed["before"].startswith("제5조") and changed["after"].startswith("제5조")
    privacy = rows(example.read("privacy/2016-03-01/changes/index.html"))
    omitted = [c for c in privacy.values() if "(생략)" in c["before"]]
    assert omitted and all("(현행과 같음)" in c["after"] for c in omitted)
    assert all("(현행과 같음)" not in c["before"] for c in privacy.values())


def test_the_page_shows_both_dates_in_one_style(example):
    text = visible_text(example.read("terms/2016-03-01/changes/index.html"))
    assert "공고일2016년 1월 30일" in text and "시행일자2016년 3월 1일" in text
    assert not re.search(r"\d{4}-\d{2}-\d{2}", text.replace("https://policies.example.com/terms/"
                                                         "2016-03-01/changes/", ""))


def test_no_count_of_zero_unchanged_articles(kit):
    kit.version("2015-02-15", body="## 제1조 (목적)\n\n목적")
    kit.version("2016-03-01", announced="2016-02-15", summary="s", body="## 제1조 (목적)\n\n바뀐 목적")
    assert kit.build().code == 0
    assert "변경되지 않은 조항" not in kit.read("privacy/2016-03-01/changes/index.html")


def test_a_change_to_article_1_2_is_not_hidden_by_the_addenda(kit):
    old = "## 제1조의2 (정의)\n\n정의 문단\n\n## 부칙\n\n## 제1조 (시행일)\n\n2015년 2월 15일부터 시행합니다."
    kit.version("2015-02-15", body=old)
    kit.version("2016-03-01", announced="2016-02-15", summary="s",
                body=old.replace("정의 문단", "바뀐 정의 문단").replace("2015년 2월 15일", "2016년 3월 1일"))
    assert kit.build().code == 0
    assert list(rows(kit.read("privacy/2016-03-01/changes/index.html"))) == [
        "제1조의2 (정의)", "부칙 제1조 (시행일)"]


def test_article_ten_follows_article_nine():
    body = render_body("## 제9조 (a)\n\n가\n\n## 제10조 (b)\n\n나\n\n## 제11조 (c)\n\n다")
    assert [a.key for a in body.articles] == ["article-9", "article-10", "article-11"]


@pytest.mark.parametrize("label, key", [("제6조", "article-6"), ("제1조의2", "article-1-2"),
                                        ("제 1 조의 2", "article-1-2"), ("부칙 제1조", "addenda-article-1"),
                                        ("제2장", "chapter-2"), ("6.", "article-6"), ("목적", None)])
def test_reason_labels_name_articles(label, key):
    assert unit_key(label) == key


@pytest.mark.parametrize("reasons, words", [
    ("  제9조: 이유\n", "'제9조' is not changed by this version"),
    ("  목적 조항: 이유\n", "'목적 조항' does not name an article"),
])
def test_reasons_must_name_changed_articles(kit, reasons, words):
    kit.version("2015-02-15", body="## 제1조 (목적)\n\n목적\n\n## 제9조 (기타)\n\n기타")
    kit.write("policies/privacy/2016-03-01.md", "---\neffective: 2016-03-01\nannounced: 2016-02-15\n"
              "summary: s\nreasons:\n" + reasons + "---\n## 제1조 (목적)\n\n새 목적\n\n## 제9조 (기타)\n\n기타")
    result = kit.check()
    assert result.code == 1 and "policies/privacy/2016-03-01.md:6: error: " + words in result.out


def test_document_noun_replaces_policy_in_the_pages(example):
    text = visible_text(example.read("terms/2015-02-15/index.html"))
    assert "이전 버전의 약관입니다" in text and "현재 시행 중인 약관 보기" in text
    assert "방침" not in text


def test_a_stated_effective_date_that_disagrees_is_a_warning_at_its_line(kit):
    kit.version("2015-02-15", body="## 1. 목적\n\n목적\n\n- 시행일자 : 2015년 2월 15일\n")
    kit.version("2016-03-01", announced="2016-02-15", summary="s",
                body="## 1. 목적\n\n새 목적\n\n- 시행일자 : 2015년 2월 15일\n")
    result = kit.check()
    assert result.code == 0
    assert ("policies/privacy/2016-03-01.md:11: warning: the text says it takes effect on "
            "2015-02-15, but effective is 2016-03-01") in result.out


def test_new_restates_the_effective_date_in_its_copy(kit):
    kit.version("2015-02-15", body="## 1. 목적\n\n목적\n\n- 시행일자 : 2015년 2월 15일\n")
    assert kit.run("new", "privacy", "--effective", "2026-12-15", "--as-of", AS_OF).code == 0
    text = (kit.root / "policies/privacy/2026-12-15.md").read_text()
    assert "- 시행일자 : 2026년 12월 15일" in text and "2015년" not in text


def test_pages_offer_favicon_feed_stylesheet_and_the_title_once(example):
    home = example.read("index.html")
    assert not find_class(home, "site-title")  # its header holds the language switch only
    assert [text_of(h) for h in find_class(home, "site-header")] == ["한국어 English"]
    assert visible_text(home).count("(주)큐솔루션&아이엠솔루션 정책") == 1  # h1 (print margins name it on paper)
    assert text_of(parse(home).find(".//h1")) == "(주)큐솔루션&아이엠솔루션 정책"
    assert 'rel="icon"' in home and (example.out / "assets/favicon.svg").exists()
    feed = example.read("terms/feed.xml")
    assert '<?xml-stylesheet type="text/xsl" href="../assets/feed.xsl"?>' in feed
    assert (example.out / "assets/feed.xsl").exists()
    version = example.read("terms/2016-03-01/index.html")
    [meta] = find_class(version, "policy-meta")
    assert "변경 내용 보기" in text_of(meta)


def test_compare_page_names_versions_swaps_and_lists_summaries(browser, example):
    page = browser.new_page()
    base = (example.out / "terms/compare/index.html").as_uri()
    page.goto(base + "?from=2016-03-01&to=2015-02-15")
    result = page.locator("#comparison-result")
    result.locator("table").wait_for()
    assert "바꾸어 비교합니다" in result.inner_text()
    assert "2015년 2월 15일 시행 버전과 2016년 3월 1일 시행 버전 비교" in page.title()
    assert "[예시] 시연용 예시 개정안" in result.inner_text()
    python_rows = rows(example.read("terms/2016-03-01/changes/index.html"))
    browser_rows = [re.sub(r"\s+", " ", t).strip() for t in result.locator(
        "tbody tr").evaluate_all("rows => rows.map(r => (r.querySelector('td.after p.article-heading')"
                                " || r.querySelector('td.before p.article-heading')).textContent)")]
    assert browser_rows == list(python_rows)
    page.goto(base + "?from=2014-01-01&to=2015-02-15")
    assert "2014-01-01 시행 버전은 없습니다" in page.locator("#comparison-result").inner_text()
    page.close()


def test_without_javascript_the_compare_page_leads_to_the_changes_pages(browser, example):
    page = browser.new_page(java_script_enabled=False)
    page.goto((example.out / "terms/compare/index.html").as_uri())
    page.get_by_role("link", name="이용약관 신구대비표 (2016년 3월 1일 시행)").click()
    page.wait_for_url("**/terms/2016-03-01/changes/index.html")
    page.close()


def test_a_version_compared_with_both_neighbours_has_its_words_gathered_once():
    """Moved articles are found by their words; the middle version's are gathered once."""
    from site_builder.text import moves
    from site_builder.text.comparison import compare_articles

    versions = [render_body(f"## 제1조 (목적)\n\n{word} 목적입니다.\n\n## 제2조 (정의)\n\n용어 {word}\n")
                .articles for word in ("가", "나", "다")]
    moves._words.cache_clear()
    compare_articles(versions[0], versions[1])
    compare_articles(versions[1], versions[2])
    assert moves._words.cache_info().misses == 6  # three versions' two articles, once each
