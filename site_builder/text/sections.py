"""A body parsed a section at a time, each section kept for the next body: a new version
rewrites a few articles and keeps the rest word for word, and parsing is most of the time a
body takes to render.

A body is cut before each line that is an ATX heading at the left margin (``## 제3조``). Every
block markdown-it has open there ends (a paragraph, a list, a quote, a table, indented code: a
heading interrupts each, and none continues past it lazily), so each section parsed alone
gives the tokens the whole body gives, but for what can reach across a heading: a fenced code
block (it may hold ``# comment`` lines) and link reference definitions (they serve the whole
body). A body with either is parsed whole, as is one the parser may refuse (markup.py asks).
Tokens are read, never changed, by the renderer and the outline, except a heading's id: each
body gets its own copy of every heading token.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # markdown-it-py is loaded only to render (text/markdown_parser.py)
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

_SECTION_START = re.compile(r"^(?=#{1,6}(?:[ \t\r\n]|$))", re.M)
_REACHES_ACROSS = re.compile(r"```|~~~|\]:")
# The sections kept, in characters of text: their tokens take some 45 times as many bytes.
KEPT_CHARACTERS = 512 * 1024
_kept: list[dict[str, list[Token]]] = []  # the sections of the last two bodies, newest first


def parse(md: MarkdownIt, markdown: str) -> list[Token]:
    """The tokens of ``md.parse(markdown)``, from the sections already parsed where it can."""
    if _REACHES_ACROSS.search(markdown):
        return md.parse(markdown)
    sections: dict[str, list[Token]] = {}
    tokens: list[Token] = []
    for section in _SECTION_START.split(markdown):
        parsed = sections.get(section) or _recall(section) or md.parse(section)
        sections[section] = parsed
        tokens += (token.copy(attrs=dict(token.attrs)) if token.type == "heading_open" else token
                   for token in parsed)
    _keep(sections)
    return tokens


def _recall(section: str) -> list[Token] | None:
    return next((kept[section] for kept in _kept if section in kept), None)


def _keep(sections: dict[str, list[Token]]) -> None:
    """This body's sections and the last body's (a translation's versions may alternate with
    the original's), while they stay within KEPT_CHARACTERS."""
    _kept[:] = [sections, *_kept[:1]]
    while _kept and sum(len(text) for kept in _kept for text in kept) > KEPT_CHARACTERS:
        _kept.pop()
