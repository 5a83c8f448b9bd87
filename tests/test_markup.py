"""Markdown for legal text: CommonMark + tables, nothing executable, stable article ids."""

from __future__ import annotations

import pytest

from site_builder.text.markup import render_body
from tests.pages import parse, text_of


def html_of(markdown: str) -> str:
    return render_body(markdown).html


def test_raw_html_is_shown_as_text():
    html = html_of('<script>alert(1)</script>\n\n<img src=x onerror="alert(1)"> 본문 <b>굵게</b>')
    assert "<script" not in html and "<img" not in html and "<b>" not in html
    assert "&lt;script&gt;" in html


@pytest.mark.parametrize("link", [
    "[x](javascript:alert(1))", "[x](JAVASCRIPT:alert(1))", "[x](vbscript:msgbox)",
    "[x](data:text/html;base64,PHNjcmlwdD4=)", "[x](data:image/png;base64,AAAA)",
    "[x](&#106;avascript:alert(1))", "[x](&#x6A;avascript:alert(1))",
    "<javascript:alert(1)>", "[x](<java\tscript:alert(1)>)", "![x](javascript:alert(1))",
])
def test_dangerous_links_are_not_links(link):
    tree = parse(f"<!DOCTYPE html><body>{html_of(link)}</body>")
    hrefs = [a.get("href") for a in tree.iter("a")] + [i.get("src") for i in tree.iter("img")]
    assert all(h and not h.lower().replace("\t", "").startswith(("javascript", "vbscript", "data"))
               for h in hrefs), hrefs


def test_ordinary_links_stay_links():
    assert '<a href="https://privacy.kisa.or.kr">' in html_of("[KISA](https://privacy.kisa.or.kr)")


def test_article_numbers_give_stable_ids():
    body = render_body("## 1. 목적\n\n## 제2조 (정의)\n\n## 부칙\n\n## 1. 다시\n")
    assert [h.id for h in body.headings] == ["article-1", "article-2", "addenda",
                                             "addenda-article-1"]


def test_korean_numbering_renders_as_written():
    html = html_of("가. 첫째\n\n① 동그라미\n\n1) 하나\n2) 둘\n")
    text = text_of(parse(f"<!DOCTYPE html><body>{html}</body>"))
    assert "가. 첫째" in text and "① 동그라미" in text and "1) 하나" in text and "2) 둘" in text


def test_tables_are_rendered():
    assert "<table>" in html_of("| 항목 | 기간 |\n|---|---|\n| 회원 정보 | 탈퇴 시 |\n")


def test_articles_split_for_comparison():
    body = render_body("머리말\n\n## 1. 목적\n\n본문 하나\n\n### 세부\n\n세부 본문\n\n## 2. 항목\n\n둘\n")
    assert [(a.key, a.lines) for a in body.articles] == [
        ("preamble", ("머리말",)), ("article-1", ("본문 하나", "세부", "세부 본문")),
        ("article-2", ("둘",))]


def test_nesting_beyond_the_limit_is_refused_with_its_line(kit):
    kit.version("2015-02-15", body="첫 줄\n\n" + ">" * 30 + " 깊은 인용\n\n마지막 문단\n")
    result = kit.check()
    assert result.code == 1
    assert "policies/privacy/2015-02-15.md:7: error: lists or quotes are nested" in result.out


def test_nesting_within_the_limit_renders_completely():
    html = html_of(">" * 15 + " 깊은 인용\n\n마지막 문단\n")
    assert "깊은 인용" in html and "마지막 문단" in html


@pytest.mark.parametrize("body", [
    ">" * 25 + " 인용", "- " * 12 + "목록", "\t" * 5 + "- 들여쓰기", "1. " * 8 + "번호",
    "\n".join("  " * depth + "- 항목" for depth in range(15))])
def test_screen_never_misses_a_body_the_parser_refuses(body):
    from site_builder.text.markup import NestingTooDeep, may_nest_too_deep
    try:
        render_body(body)
    except NestingTooDeep:
        assert may_nest_too_deep(body)


def test_screen_passes_ordinary_policy_text():
    from site_builder.text.markup import may_nest_too_deep
    text = (__import__("pathlib").Path(__file__).parent.parent / "policies/privacy/2015-02-15.md").read_text()
    assert not may_nest_too_deep(text)


def test_check_and_build_refuse_the_same_deep_nesting(kit):
    kit.version("2015-02-15", body="- " * 12 + "목록\n")
    assert kit.check().code == 1 and kit.build().code == 1


def test_heading_ids_never_take_the_templates_ids():
    body = render_body("## Content\n\n## toc-title\n\n## 목차\n")
    assert [h.id for h in body.headings] == ["content-2", "toc-title-2", "목차"]


def test_headings_are_compared_in_nfc():
    nfd = render_body("## 1. \u1112\u1161\u11ab\u1100\u1173\u11af\n\n본문")
    nfc = render_body("## 1. 한글\n\n본문")
    assert nfd.articles == nfc.articles
