"""Markdown to HTML for legal text: CommonMark + tables, no raw HTML, stable article ids.

Also splits a body into articles (조) so versions can be compared article by article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.parser_block import ParserBlock
from markdown_it.rules_block.table import table as table_rule

from site_builder.text.outline import (OTHER, Article, Heading, assign_heading_ids,
                                       split_articles)

MAX_NESTING = 20
# A table costs markdown-it-py some 20 microseconds a cell, and every row gets as many cells as
# the header has: 50,000 columns took minutes. A policy's tables have a handful of columns.
MAX_TABLE_COLUMNS = 100
MAX_TABLE_CELLS = 100_000  # in all the tables of one text
_WIDE_ROW = re.compile(r"^(?:[^|\n]*\|){%d}" % MAX_TABLE_COLUMNS, re.M)
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


class TableTooLarge(Exception):
    """A table wider than MAX_TABLE_COLUMNS (``columns``), or one that takes the text's tables
    past MAX_TABLE_CELLS (``columns`` 0); ``line`` is 0-based in the body."""

    def __init__(self, line: int, columns: int = 0):
        super().__init__(line, columns)  # the arguments, so the error survives pickling
        self.line, self.columns = line, columns


Refused = (NestingTooDeep, TableTooLarge)  # text that would lose content, or cost minutes


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


def _guarded_table(rule):
    """markdown-it's table rule, refusing a table before it parses too many cells."""

    def table(state, start: int, end: int, silent: bool) -> bool:
        if start + 1 < end:
            delimiter = state.src[state.bMarks[start + 1]:state.eMarks[start + 1]]
            columns = delimiter.count("|") + 1
            if columns > MAX_TABLE_COLUMNS and set(delimiter) <= set("|-: \t"):
                columns = sum(1 for cell in delimiter.split("|") if cell.strip())
                if columns > MAX_TABLE_COLUMNS:
                    raise TableTooLarge(start, columns)
            if not silent and "|" in delimiter:
                rows = next((line for line in range(start, end) if state.isEmpty(line)), end)
                cells = state.env.get("table_cells", 0) + (rows - start) * columns
                if cells > MAX_TABLE_CELLS:
                    raise TableTooLarge(start)
                state.env["table_cells"] = cells
        return rule(state, start, end, silent)

    return table


def may_be_refused(markdown: str) -> bool:
    """A cheap, conservative screen: False means rendering cannot refuse the body."""
    return may_nest_too_deep(markdown) or (
        "|" in markdown and (len(markdown) > MAX_TABLE_CELLS or bool(_WIDE_ROW.search(markdown))))


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
    # With html off, raw HTML is text either way; without these rules it is found faster.
    md.disable(["html_block", "html_inline"])
    guarded = _GuardedBlockParser()
    guarded.ruler = md.block.ruler
    md.block = guarded
    md.block.ruler.at("table", _guarded_table(table_rule), {"alt": ["paragraph", "reference"]})
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
    headings = assign_heading_ids(tokens)
    html = md.renderer.render(tokens, md.options, {})
    return RenderedBody(html, tuple(headings), tuple(split_articles(tokens, headings)))


def render_or_refuse(markdown: str) -> RenderedBody | NestingTooDeep | TableTooLarge:
    """The refusal is a result too: the same text is refused the same way every time, so both
    can be remembered by the text's hash."""
    try:
        return render_body(markdown)
    except Refused as error:
        return error


