"""One comparison: the build's 신구대비표 (Python) and the compare page (JavaScript in Chromium)
give the same marks for the same pair of versions, on a shared set of fixtures (issue 12)."""

from __future__ import annotations

import dataclasses
import random
import re
import sys
from pathlib import Path

import pytest

from site_builder.text.comparison import compare_articles
from site_builder.text.markup import render_body

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))
import archive  # noqa: E402  (the benchmark archive's text generator)

SEED = REPO / "policies/privacy"


def body_of(path: Path) -> str:
    return path.read_text(encoding="utf-8").split("---\n", 2)[2]


def paragraphs(count: int, word: str) -> str:
    return "\n\n".join(f"{i}) {word}은 서비스를 이용하는 {word}의 권리를 보호합니다." for i in range(count))


def archive_pairs(count: int) -> list[tuple[str, str]]:
    rng = random.Random(20261129)
    pairs = []
    for _ in range(count):
        sections = archive.first_body(rng)
        amended = archive.amend(sections, rng)
        pairs.append(("\n\n".join(sections), "\n\n".join(amended)))
    return pairs


FIXTURES = {
    "seed": (body_of(SEED / "2015-02-15.md"), body_of(SEED / "2016-03-01.md")),
    "term-replaced-everywhere": ("## 제1조 (회원)\n\n" + paragraphs(60, "회원"),
                                 "## 제1조 (이용자)\n\n" + paragraphs(60, "이용자")),
    "whitespace": ("## 1. 공백\n\n가\t나\u00a0다\u3000라  마\n\n끝 문단",
                   "## 1. 공백\n\n가 나\u00a0다 라\t마\n\n끝  문단"),
    "paragraph-inserted-and-removed": ("## 1. 목적\n\n하나 둘 셋\n\n넷 다섯 여섯\n\n일곱 여덟",
                                       "## 1. 목적\n\n하나 둘 셋 넷\n\n완전히 새로운 문단입니다\n\n일곱 여덟 아홉"),
    "articles-added-removed-renumbered": (
        "## 제1조 (목적)\n\n목적\n\n## 제2조 (정의)\n\n정의\n\n## 제9조 (기타)\n\n기타",
        "## 제1조 (목적)\n\n목적\n\n## 제1조의2 (용어)\n\n용어\n\n## 제9조 (기타 사항)\n\n기타\n\n"
        "## 제10조 (관할)\n\n관할"),
    "korean-structure": (
        "## 제1장 총칙\n\n### 제1조 (목적)\n\n목적\n\n## 부칙\n\n### 제1조 (시행일)\n\n"
        "이 약관은 2015년 2월 15일부터 시행합니다.",
        "## 제1장 총칙 및 정의\n\n### 제1조 (목적)\n\n목적을 정합니다\n\n## 부칙\n\n### 제1조 (시행일)\n\n"
        "이 약관은 2016년 3월 1일부터 시행합니다."),
    "symbols-and-markup": ("## 1. 기호\n\n<b>굵게</b> & \"따옴표\" 😀 ①②\n\n- 항목 1\n- 항목 2",
                           "## 1. 기호\n\n<i>기울임</i> & '따옴표' 😃 ①③\n\n- 항목 1\n- 항목 3"),
    "nfd-heading": ("## 1. 한글", "## 1. \u1112\u1161\u11ab\u1100\u1173\u11af"),
}
SEED_BODY = body_of(SEED / "2015-02-15.md")


def renumbered(body: str, inserted_after: int, heading: str, text: str) -> str:
    """The seed with a new article after ``inserted_after`` and the ones after it renumbered."""
    def shift(match):
        number = int(match.group(1))
        return f"## {number + 1 if number > inserted_after else number}."
    shifted = re.sub(r"^## (\d+)\.", shift, body, flags=re.M)
    marker = f"## {inserted_after + 2}."
    return shifted.replace(marker, f"## {inserted_after + 1}. {heading}\n\n{text}\n\n{marker}", 1)


def moved_seventh_after_ninth(body: str) -> str:
    """Article 7 (cookies) moved behind article 9, with one word corrected (익스플로어 -> 익스플로러)."""
    parts = re.split(r"(?m)^(?=## \d+\.)", body)
    seventh = parts[7].replace("## 7.", "## 9.").replace("익스플로어", "익스플로러")
    eighth, ninth = parts[8].replace("## 8.", "## 7."), parts[9].replace("## 9.", "## 8.")
    return "".join(parts[:7] + [eighth, ninth, seventh] + parts[10:])


FIXTURES.update({
    "seed-article-inserted-and-renumbered": (SEED_BODY, renumbered(
        SEED_BODY, 3, "개인정보의 국외 이전", "회사는 개인정보를 국외로 이전하지 않습니다.")),
    "seed-article-moved-with-a-word-changed": (SEED_BODY, moved_seventh_after_ninth(SEED_BODY)),
    "chapter-heading-grows": ("## 제2장 이용계약\n\n### 제5조 (신청)\n\n이용 신청 방법",
                              "## 제2장 이용계약의 체결\n\n### 제5조 (신청)\n\n이용 신청 방법"),
    "branch-articles-and-addenda-moves": (
        "## 제1조 (목적)\n\n이 약관의 목적을 정합니다\n\n## 제1조의2 (정의)\n\n이 약관에서 쓰는 용어의 뜻은 다음과 같습니다\n\n"
        "## 부칙\n\n## 제1조 (시행일)\n\n이 약관은 공포한 날부터 시행합니다\n\n## 제2조 (경과조치)\n\n종전의 약관에 따라 가입한 회원에게도 적용합니다",
        "## 제1조 (목적)\n\n이 약관의 목적을 정합니다\n\n## 제1조의2 (적용 범위)\n\n모든 서비스에 적용합니다\n\n"
        "## 제1조의3 (정의)\n\n이 약관에서 쓰는 용어의 뜻은 다음과 같습니다\n\n## 부칙\n\n## 제1조 (시행일)\n\n"
        "이 약관은 공포한 날부터 시행합니다\n\n## 제2조 (다른 약관의 폐지)\n\n이용안내는 폐지합니다\n\n"
        "## 제3조 (경과조치)\n\n종전의 약관에 따라 가입한 회원에게도 적용합니다"),
})
for index, pair in enumerate(archive_pairs(4)):
    FIXTURES[f"archive-{index}"] = pair


def articles(markdown: str) -> list[dict]:
    return [{"key": a.key, "heading": a.heading, "lines": list(a.lines)}
            for a in render_body(markdown).articles]


def python_comparison(old: str, new: str) -> dict:
    comparison = compare_articles(render_body(old).articles, render_body(new).articles)
    return {"changes": [dataclasses.asdict(change) for change in comparison.changes],
            "unchanged": comparison.unchanged}


@pytest.fixture(scope="module")
def page(browser):
    page = browser.new_page()
    page.goto("about:blank")
    page.add_script_tag(path=str(REPO / "themes/default/static/compare.js"))
    yield page
    page.close()


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_python_and_javascript_give_the_same_marks(page, name):
    old, new = FIXTURES[name]
    expected = python_comparison(old, new)
    actual = page.evaluate("([a, b]) => PolicyCompare.compareArticles(a, b)",
                           [articles(old), articles(new)])
    for change in expected["changes"]:
        change["segments"] = [dict(s) for s in change["segments"]]
    assert actual == expected
    assert expected["changes"] or name == "nfd-heading"


def test_a_heading_changed_only_in_normalisation_is_no_change():
    assert python_comparison(*FIXTURES["nfd-heading"])["changes"] == []


def test_the_browser_marks_the_words_that_changed(page):
    before, after = page.evaluate("() => PolicyCompare.wordDiff('회사는 개인정보를 처리합니다.', "
                                  "'회사가 개인정보를 처리합니다.')")
    assert (before, after) == ("회사<del>는</del> 개인정보를 처리합니다.",
                               "회사<ins>가</ins> 개인정보를 처리합니다.")
