"""markdown-it-py set up for legal text (text/markup.py renders with it): CommonMark and tables,
no raw HTML, no unsafe links, numbers kept as written, and text that would be lost or cost
minutes refused."""

from __future__ import annotations

import re
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.parser_block import ParserBlock
from markdown_it.rules_block.table import table as table_rule

from site_builder.text.markup import (MAX_NESTING, MAX_TABLE_CELLS, MAX_TABLE_COLUMNS,
                                      NestingTooDeep, TableTooLarge)

_UNSAFE_SCHEMES = ("javascript:", "vbscript:", "data:", "file:")
_INVISIBLE_IN_URL = re.compile(r"[\x00-\x20\x7f-\x9f\u200b-\u200f\u2060\ufeff]|%0[9ad]|%20", re.I)


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


def _is_safe_link(url: str) -> bool:
    """Browsers ignore spaces and control characters inside a scheme, so strip them first."""
    squeezed = _INVISIBLE_IN_URL.sub("", url).lower()
    return not squeezed.startswith(_UNSAFE_SCHEMES)


@lru_cache(maxsize=1)
def parser() -> MarkdownIt:
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
