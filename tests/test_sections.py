"""A body parsed a section at a time (text/sections.py) renders exactly as the body parsed
whole, whatever the editor wrote; the sections a new version keeps are not parsed or rendered
again."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from site_builder.text import markup, sections
from site_builder.text.markdown_parser import parser

REPOSITORY = Path(__file__).resolve().parents[1]
SEED = REPOSITORY.parent / "shared" / "seed"
# Lines that might carry a block past a heading: lazy lines of lists, quotes and paragraphs,
# table rows, indented code, setext underlines, headings that are not (#tag, seven #, "#\u3000").
LINES = st.sampled_from([
    "## 제1조 (목적)", "# 제1장 총칙", "###### 여섯", "####### 일곱", "#tag", "#", "#\t탭", "#\u3000전각",
    " ## 들여쓴 제목", "  ## 항목 속 제목", "    ## 코드 속", "가. 항목", "① 항목", "1) 하나", "2. 둘", "- 점", "  - 안쪽",
    "* 별", "> 인용", "> - 인용 속 목록", "| 구분 | 내용 |", "|---|---|", "| 1 | 2 |", "a | b",
    "---", "===", "***", "본문 문장입니다.", "**굵게** _기울임_ `코드`", "줄 끝 역슬래시\\",
    "줄 끝 공백  ", "\t탭으로 시작", "[링크](https://example.com)", "&amp; &#44032;", "",
])
NEWLINES = st.sampled_from(["\n", "\r\n"])
BODIES = st.builds(lambda lines, newline: newline.join(lines),
                   st.lists(LINES, max_size=25), NEWLINES)


@pytest.fixture
def every_heading_cuts(monkeypatch):
    """Short sections are parsed with the one before; these tests cut at every heading."""
    monkeypatch.setattr(sections, "MIN_SECTION", 0)


def whole(markdown: str) -> markup.RenderedBody:
    """What render_body gave before sections: the body parsed in one piece."""
    md = parser()
    tokens = md.parse(markdown)
    headings = markup.assign_heading_ids(tokens)
    return markup.RenderedBody(md.renderer.render(tokens, md.options, {}), tuple(headings),
                               tuple(markup.split_articles(tokens, headings)))


def shape(tokens) -> list[dict]:
    """Every field of every token but its line numbers, which no renderer reads."""
    return [token.as_dict(filter=lambda key, value: key != "map") for token in tokens]


def parsed_from_now_on(monkeypatch) -> tuple[list[str], list[str]]:
    """The texts markdown-it-py parses from here on, and the headings of what it renders."""
    parsed, rendered, md = [], [], parser()
    parse, render = md.parse, md.renderer.render
    monkeypatch.setattr(md, "parse", lambda text, env=None: parsed.append(text) or parse(text, env))
    monkeypatch.setattr(md.renderer, "render", lambda tokens, *args: rendered.extend(
        t.content for t in tokens if t.type == "inline" and t.content.startswith("제"))
        or render(tokens, *args))
    return parsed, rendered


CUT_EVERYWHERE = [HealthCheck.too_slow, HealthCheck.function_scoped_fixture]


@settings(max_examples=600, deadline=None, suppress_health_check=CUT_EVERYWHERE)
@given(BODIES)
def test_any_body_parses_in_sections_as_it_does_whole(every_heading_cuts, body):
    assert shape(sections.parse(parser(), body).tokens) == shape(parser().parse(body))
    assert markup.render_body(body) == whole(body)


@given(st.lists(BODIES, min_size=2, max_size=4))
@settings(max_examples=150, deadline=None, suppress_health_check=CUT_EVERYWHERE)
def test_sections_kept_from_earlier_bodies_render_each_body_as_its_own(every_heading_cuts,
                                                                       bodies):
    """Heading ids are each body's own (제1조 twice is article-1-2 in one body, not in the next)."""
    for body in bodies:
        assert markup.render_body(body) == whole(body)


@pytest.mark.parametrize("body", [
    "## 1. 목적\n\n```\n# 주석\n## 제2조 아님\n```\n\n## 2. 항목\n",  # a heading inside a fence
    "~~~\n# 주석\n~~~\n",
    "## 1. 정의\n\n[위원회]를 말한다.\n\n## 2. 참고\n\n[위원회]: https://www.pipc.go.kr\n",
    "- 항목\n```\n# 주석\n",  # a fence left open runs to the end
])
def test_what_reaches_across_a_heading_is_parsed_whole(every_heading_cuts, body):
    assert shape(sections.parse(parser(), body).tokens) == shape(parser().parse(body))
    assert markup.render_body(body) == whole(body)


def test_real_policies_render_as_they_do_whole(every_heading_cuts):
    texts = [path.read_text(encoding="utf-8") for path in sorted(SEED.glob("*.txt"))]
    texts += [path.read_text(encoding="utf-8").split("---", 2)[-1]
              for path in sorted((REPOSITORY / "policies").rglob("*.md"))]
    assert texts
    for text in texts:
        assert markup.render_body(text) == whole(text)


def test_a_new_version_parses_and_renders_only_the_sections_it_changed(monkeypatch):
    clause = "이용자의 개인정보를 안전하게 처리합니다. " * 6
    articles = [f"## 제{n}조 (조항 {n})\n\n① 회사는 {n}번째 의무를 집니다. {clause}\n\n1. 하나\n2. 둘\n"
                for n in range(1, 13)]
    markup.render_body("머리말\n\n" + "\n".join(articles))
    parsed, rendered = parsed_from_now_on(monkeypatch)
    articles[4] = articles[4].replace("의무를", "책임을")
    body = "머리말\n\n" + "\n".join(articles)
    made = markup.render_body(body)
    assert parsed == [articles[4] + "\n"] and rendered == ["제5조 (조항 5)"]
    assert made == whole(body)


def test_one_line_articles_are_parsed_with_the_article_before(monkeypatch):
    articles = [f"## 제{n}조 (삭제)\n" for n in range(2, 40)]
    body = f"## 제1조 (목적)\n\n{'회사는 개인정보를 처리합니다. ' * 10}\n" + "".join(articles)
    parsed, rendered = parsed_from_now_on(monkeypatch)
    made = markup.render_body(body)
    assert parsed == [body] and made == whole(body)  # one parse: 39 would cost more


def test_bodies_past_the_kept_size_are_not_kept(monkeypatch):
    """Two bodies that fit only together: the older is let go. One that does not fit alone is
    parsed whole (cut, its sections would cost more than the whole and never be used again)."""
    monkeypatch.setattr(sections, "KEPT_CHARACTERS", 6000)
    first, second = ("".join(f"## 제{n}조\n\n{word * 150}\n\n" for n in range(1, 30))
                     for word in "가나")
    markup.render_body(first)
    markup.render_body(second)
    parsed, rendered = parsed_from_now_on(monkeypatch)
    made = markup.render_body(first)
    assert len(parsed) == len(rendered) == 29  # every section again
    assert made == whole(first)
    larger = first + second
    parsed.clear()
    made = markup.render_body(larger)
    assert parsed == [larger] and made == whole(larger)
