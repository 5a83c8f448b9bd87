"""Markdown to HTML for legal text: CommonMark + tables, no raw HTML, stable article ids.

Also splits a body into articles (조) so versions can be compared article by article.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.parser_block import ParserBlock
from markdown_it.token import Token

MAX_NESTING = 20
# Korean legal numbering, and the English of its official translations (Article 6-2 for
# 제6조의2, Chapter 2 for 제2장, Addenda for 부칙), so a translation's articles get the same ids.
_ARTICLE_NUMBER = re.compile(r"^\s*(?:제\s*(\d+)\s*조(?:\s*의\s*(\d+))?(?![가-힣])|(\d+)\s*\."
                             r"|Article\s+(\d+)(?:-(\d+))?(?![\w-]))", re.I)
_DIVISION = re.compile(r"^\s*(?:제\s*(\d+)\s*(편|장|절|관)(?![가-힣])"
                       r"|(Part|Chapter|Section|Sub-?section)\s+(\d+)(?![\w-]))", re.I)
_DIVISION_NAMES = {"편": "part", "장": "chapter", "절": "section", "관": "subsection",
                   "part": "part", "chapter": "chapter", "section": "section",
                   "subsection": "subsection", "sub-section": "subsection"}
_ADDENDA = re.compile(r"^\s*(?:부\s*칙(?![가-힣])|(?:Addenda|Addendum|Supplementary\s+Provisions)"
                      r"(?!\w))", re.I)
ARTICLE, DIVISION, ADDENDA, OTHER = "article", "division", "addenda", "other"
# Ids the templates use: a heading that would take one gets a suffix instead.
TEMPLATE_IDS = frozenset({"content", "toc-title", "summary-title", "version-select",
                          "compare-form", "compare-from", "compare-to", "comparison-result"})
_UNSAFE_SCHEMES = ("javascript:", "vbscript:", "data:", "file:")
# Leading markers and indentation of at least MAX_NESTING columns (a tab can count for four).
_LONG_CONTAINER_PREFIX = re.compile(r"^[ \t>*+\-0-9.)]{%d,}" % (MAX_NESTING // 4), re.M)
_INVISIBLE_IN_URL = re.compile(r"[\x00-\x20\x7f-\x9f\u200b-\u200f\u2060\ufeff]|%0[9ad]|%20", re.I)


class NestingTooDeep(Exception):
    """Lists or quotes nested deeper than the parser keeps; ``line`` is 0-based in the body."""

    def __init__(self, line: int):
        super().__init__(line)  # the only argument, so the error survives pickling
        self.line = line

    def __str__(self) -> str:
        return f"nesting deeper than {MAX_NESTING} levels at body line {self.line + 1}"


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    id: str
    kind: str  # ARTICLE (제N조, 제N조의M, N.), DIVISION (편, 장, 절, 관), ADDENDA (부칙), OTHER

    @property
    def is_article(self) -> bool:
        return self.kind == ARTICLE


@dataclass(frozen=True)
class Article:
    """One section of a body: the key stays the same across versions when its number does."""

    key: str
    heading: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class RenderedBody:
    html: str
    headings: tuple[Heading, ...]
    articles: tuple[Article, ...]

    @property
    def contents(self) -> tuple[Heading, ...]:
        """The headings a table of contents lists: the articles, or all top-level headings."""
        top = min((h.level for h in self.headings), default=2)
        return tuple(h for h in self.headings if h.kind != OTHER or h.level == top)


class _GuardedBlockParser(ParserBlock):
    """markdown-it silently drops everything past ``maxNesting``; for legal text, refuse instead."""

    def tokenize(self, state, startLine: int, endLine: int) -> None:
        if state.level >= state.md.options.maxNesting:
            line = state.skipEmptyLines(startLine)
            if line < endLine and state.sCount[line] >= state.blkIndent:
                raise NestingTooDeep(line)
        super().tokenize(state, startLine, endLine)


def may_nest_too_deep(markdown: str) -> bool:
    """A cheap, conservative screen: False means the body cannot reach ``MAX_NESTING``.

    Every open list or quote costs at least one column of the line's leading markers and
    indentation (a quote one '>', a list two levels for at least two columns), so a body whose
    every line has fewer leading columns than the limit cannot reach it.
    """
    return any(len(prefix.expandtabs(4)) >= MAX_NESTING
               for prefix in _LONG_CONTAINER_PREFIX.findall(markdown))


def _is_safe_link(url: str) -> bool:
    """Browsers ignore spaces and control characters inside a scheme, so strip them first."""
    squeezed = _INVISIBLE_IN_URL.sub("", url).lower()
    return not squeezed.startswith(_UNSAFE_SCHEMES)


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "maxNesting": MAX_NESTING}).enable("table")
    guarded = _GuardedBlockParser()
    guarded.ruler = md.block.ruler
    md.block = guarded
    md.validateLink = _is_safe_link
    md.add_render_rule("list_item_open", _render_list_item_open)
    md.add_render_rule("ordered_list_open", _render_ordered_list_open)
    md.add_render_rule("table_open", lambda *args: '<div class="table-wrap"><table>\n')
    md.add_render_rule("table_close", lambda *args: "</table></div>\n")
    return md


def _render_ordered_list_open(self, tokens, idx, options, env) -> str:
    return '<ol class="as-written">\n'


def _render_list_item_open(self, tokens, idx, options, env) -> str:
    """Numbered items keep the number as written (1) 2) stay "1)", not "1.")."""
    token = tokens[idx]
    if token.info:
        return f'<li><span class="marker">{token.info}{token.markup}</span> '
    return "<li>"


def render_body(markdown: str) -> RenderedBody:
    md = _parser()
    tokens = md.parse(markdown)
    headings = _assign_heading_ids(tokens)
    html = md.renderer.render(tokens, md.options, {})
    return RenderedBody(html, tuple(headings), tuple(_articles(tokens, headings)))


def render_or_refuse(markdown: str) -> RenderedBody | NestingTooDeep:
    """The refusal is a result too: the same text is refused the same way every time, so both
    can be remembered by the text's hash."""
    try:
        return render_body(markdown)
    except NestingTooDeep as error:
        return error


def article_number(text: str) -> str | None:
    match = _ARTICLE_NUMBER.match(text)
    if not match:
        return None
    if match.group(3):
        return match.group(3)
    number, branch = (match.group(1), match.group(2)) if match.group(1) else match.group(4, 5)
    return number + (f"-{branch}" if branch else "")


def unit_key(label: str) -> str | None:
    """The key of the article or chapter a label names: 제6조 -> article-6, 제1조의2 ->
    article-1-2, 부칙 제1조 -> addenda-article-1, 제2장 -> chapter-2; None for other text."""
    outline = _Outline()
    text = unicodedata.normalize("NFC", label).strip()
    addenda = _ADDENDA.match(text)
    if addenda:
        outline.id_of(text)
        text = text[addenda.end():].strip()
        if not text:
            return "addenda"
    kind, key = outline.id_of(text)
    return None if kind in (OTHER, ADDENDA) else key


def slugify(text: str) -> str:
    text = unicodedata.normalize("NFC", text).lower()
    text = re.sub(r"[^\w\s-]", "", text)
    return re.sub(r"[\s_-]+", "-", text).strip("-") or "section"


class _Outline:
    """Where a heading stands in the structure of Korean legal text, for its id: 제2장 is
    chapter-2, its 제1절 chapter-2-section-1, an article after a 부칙 heading addenda-article-N
    (the addenda have their own 제1조), a second 부칙 addenda-2."""

    def __init__(self):
        self.divisions: list[tuple[str, str]] = []  # (kind, number), outermost first
        self.addenda = 0

    def id_of(self, text: str) -> tuple[str, str]:
        """The heading's kind and its id before making it unique."""
        division = _DIVISION.match(text)
        if division:
            number = division.group(1) or division.group(4)
            name = _DIVISION_NAMES[(division.group(2) or division.group(3)).lower()]
            rank = list(_DIVISION_NAMES.values()).index(name)
            self.divisions = [d for d in self.divisions
                              if list(_DIVISION_NAMES.values()).index(d[0]) < rank]
            self.divisions.append((name, number))
            self.addenda = 0
            return DIVISION, "-".join(f"{kind}-{number}" for kind, number in self.divisions)
        if _ADDENDA.match(text):
            self.addenda += 1
            self.divisions = []
            return ADDENDA, self._addenda_prefix()
        number = article_number(text)
        if number:
            prefix = f"{self._addenda_prefix()}-" if self.addenda else ""
            return ARTICLE, f"{prefix}article-{number}"
        return OTHER, slugify(text)

    def _addenda_prefix(self) -> str:
        return "addenda" if self.addenda == 1 else f"addenda-{self.addenda}"


def _assign_heading_ids(tokens: list[Token]) -> list[Heading]:
    seen: dict[str, int] = dict.fromkeys(TEMPLATE_IDS, 1)
    outline = _Outline()
    headings = []
    for index, token in enumerate(tokens):
        if token.type != "heading_open":
            continue
        text = unicodedata.normalize("NFC", _plain(tokens[index + 1]).strip())
        kind, base = outline.id_of(text)
        seen[base] = seen.get(base, 0) + 1
        unique = base if seen[base] == 1 else f"{base}-{seen[base]}"
        token.attrSet("id", unique)
        headings.append(Heading(int(token.tag[1]), text, unique, kind))
    return headings


def _unit_level(headings: list[Heading]) -> int | None:
    levels = [h.level for h in headings if h.is_article] or [h.level for h in headings]
    return min(levels, default=None)


def _articles(tokens: list[Token], headings: list[Heading]) -> list[Article]:
    """Split into the units a 신구대비표 compares: every article, and every chapter or 부칙
    heading with the text below it up to the next article; text before them is the preamble.
    Headings below the article level stay inside their article, as lines."""
    level = _unit_level(headings)
    sections: list[tuple[str, str, list[str]]] = [("preamble", "", [])]
    heading_iter = iter(headings)
    opened = False  # the next inline is the text of the heading that opened a unit
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            heading = next(heading_iter)
            opened = heading.level <= level or heading.kind in (DIVISION, ADDENDA)
            if opened:
                sections.append((heading.id, _unit_label(heading), []))
        elif token.type == "inline":
            if not opened:
                line = _marker_before(tokens, index) + _plain(token)
                sections[-1][2].append(unicodedata.normalize("NFC", line))
            opened = False
    return [Article(key, heading, tuple(lines)) for key, heading, lines in sections
            if key != "preamble" or lines]


def _unit_label(heading: Heading) -> str:
    """The heading as a 신구대비표 names it: 부칙's own 제1조 is "부칙 제1조 (시행일)"."""
    if heading.is_article and heading.id.startswith("addenda") and not _ADDENDA.match(heading.text):
        return f"{'부칙' if re.search('[가-힣]', heading.text) else 'Addenda'} {heading.text}"
    return heading.text


def _marker_before(tokens: list[Token], index: int) -> str:
    """The list marker of the item an inline belongs to, so a diff shows "1)" changes too."""
    for back in range(index - 1, max(index - 3, -1), -1):
        if tokens[back].type == "list_item_open":
            item = tokens[back]
            return f"{item.info}{item.markup} "
    return ""


def _plain(inline: Token) -> str:
    parts = []
    for child in inline.children or []:
        if child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif child.type == "image":
            parts.append(_plain(child) if child.children else child.content)
        else:
            parts.append(child.content)
    return "".join(parts)
