"""Markdown to HTML for legal text: CommonMark + tables, no raw HTML, stable article ids.

Also splits a body into articles (조) so versions can be compared article by article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from site_builder.text import sections
from site_builder.text.outline import (OTHER, Article, Heading, assign_heading_ids,
                                       split_articles)

MAX_NESTING = 20
# A table costs markdown-it-py some 20 microseconds a cell, and every row gets as many cells as
# the header has: 50,000 columns took minutes. A policy's tables have a handful of columns.
MAX_TABLE_COLUMNS = 100
MAX_TABLE_CELLS = 100_000  # in all the tables of one text
_WIDE_ROW = re.compile(r"^(?:[^|\n]*\|){%d}" % MAX_TABLE_COLUMNS, re.M)
# Leading markers and indentation of at least MAX_NESTING columns (a tab can count for four).
_LONG_CONTAINER_PREFIX = re.compile(r"^[ \t>*+\-0-9.)]{%d,}" % (MAX_NESTING // 4), re.M)


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


def render_body(markdown: str) -> RenderedBody:
    # Loaded when a body is first rendered: a build that finds every body in the cache (a CI
    # deploy) renders none, and importing markdown-it-py takes 24 ms.
    from site_builder.text.markdown_parser import parser

    md = parser()
    # A body the parser may refuse is parsed whole, so that the refusal names its line.
    parse = sections.whole if may_be_refused(markdown) else sections.parse
    body = parse(md, markdown)
    headings = assign_heading_ids(body.tokens)
    return RenderedBody(body.render(md), tuple(headings),
                        tuple(split_articles(body.tokens, headings)))


def render_or_refuse(markdown: str) -> RenderedBody | NestingTooDeep | TableTooLarge:
    """The refusal is a result too: the same text is refused the same way every time, so both
    can be remembered by the text's hash."""
    try:
        return render_body(markdown)
    except Refused as error:
        return error


