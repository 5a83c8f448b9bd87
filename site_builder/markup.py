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
_ARTICLE_NUMBER = re.compile(r"^\s*(?:제\s*(\d+)\s*조(?:의\s*(\d+))?|(\d+)\s*\.)")
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
    is_article: bool


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
        return tuple(h for h in self.headings if h.is_article or h.level == top)


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
    if match.group(1):
        return match.group(1) + (f"-{match.group(2)}" if match.group(2) else "")
    return match.group(3)


def slugify(text: str) -> str:
    text = unicodedata.normalize("NFC", text).lower()
    text = re.sub(r"[^\w\s-]", "", text)
    return re.sub(r"[\s_-]+", "-", text).strip("-") or "section"


def _assign_heading_ids(tokens: list[Token]) -> list[Heading]:
    seen: dict[str, int] = {}
    headings = []
    for index, token in enumerate(tokens):
        if token.type != "heading_open":
            continue
        text = tokens[index + 1].content.strip()
        number = article_number(text)
        base = f"article-{number}" if number else slugify(text)
        seen[base] = seen.get(base, 0) + 1
        unique = base if seen[base] == 1 else f"{base}-{seen[base]}"
        token.attrSet("id", unique)
        headings.append(Heading(int(token.tag[1]), _plain(tokens[index + 1]), unique,
                                number is not None))
    return headings


def _article_level(headings: list[Heading]) -> int | None:
    levels = [h.level for h in headings if h.is_article] or [h.level for h in headings]
    return min(levels, default=None)


def _articles(tokens: list[Token], headings: list[Heading]) -> list[Article]:
    """Split at headings of the article level; text before the first is the preamble."""
    level = _article_level(headings)
    sections: list[tuple[str, str, list[str]]] = [("preamble", "", [])]
    heading_iter = iter(headings)
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            heading = next(heading_iter)
            if heading.level == level:
                sections.append((heading.id, heading.text, []))
                continue
        if token.type == "inline" and not (index and tokens[index - 1].type == "heading_open"
                                           and tokens[index - 1].tag == f"h{level}"):
            sections[-1][2].append(_marker_before(tokens, index) + _plain(token))
    return [Article(key, heading, tuple(lines)) for key, heading, lines in sections
            if key != "preamble" or lines]


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
