"""A body parsed and rendered a section at a time, each section kept for the next body: a new
version rewrites a few articles and keeps the rest word for word, and parsing and rendering
are most of the time a body takes.

A body is cut before each line that is an ATX heading at the left margin (``## 제3조``). Every
block markdown-it has open there ends (a paragraph, a list, a quote, a table, indented code: a
heading interrupts each, and none continues past it lazily), so each section parsed alone
gives the tokens the whole body gives, but for what can reach across a heading: a fenced code
block (it may hold ``# comment`` lines) and link reference definitions (they serve the whole
body). A body with either is parsed whole, as is one the parser may refuse (markup.py asks).
The renderer reads no token across the cut either (it looks back only past a tight list's
hidden paragraph, which never ends a section), so the page is its sections' HTML end to end.
Tokens are read, never changed, by the renderer and the outline, except a heading's id: each
body gets its own copy of every heading token, and a section's HTML is kept by its ids.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # markdown-it-py is loaded only to render (text/markdown_parser.py)
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

# A newline before a heading's line: found by its first character, where a pattern starting
# at any line start (^ with re.M) is tried at every character (16 MB: 44 ms against 116).
_BEFORE_HEADING = re.compile(r"\n(?=#{1,6}(?:[ \t\r\n]|$))")
_REACHES_ACROSS = ("```", "~~~", "]:")  # substrings: str's own search is the fastest scan
# The sections kept, in characters of text: their tokens take some 45 times as many bytes.
KEPT_CHARACTERS = 512 * 1024
MIN_SECTION = 128  # characters: "## 제5조 (삭제)" and the like are parsed with the article before


class _Section:
    """A section's tokens, and its HTML by the ids its headings had."""

    def __init__(self, tokens: list[Token]):
        self.tokens = tokens
        self.html: dict[tuple[str, ...], str] = {}

    def own_tokens(self) -> list[Token]:
        return [token.copy(attrs=dict(token.attrs)) if token.type == "heading_open" else token
                for token in self.tokens]

    def render(self, md: MarkdownIt, tokens: list[Token]) -> str:
        ids = tuple(t.attrs["id"] for t in tokens if t.type == "heading_open" and "id" in t.attrs)
        if ids not in self.html:
            self.html[ids] = md.renderer.render(tokens, md.options, {})
        return self.html[ids]


_kept: list[dict[str, _Section]] = []  # the sections of the last two bodies, newest first


class ParsedBody:
    """A body's tokens (``tokens``, for the outline to give headings their ids), and then its
    HTML (``render``)."""

    def __init__(self, sections: list[_Section]):
        self.sections = sections
        self.parts = [section.own_tokens() for section in sections]
        self.tokens = [token for part in self.parts for token in part]

    def render(self, md: MarkdownIt) -> str:
        return "".join(section.render(md, part) for section, part in zip(self.sections, self.parts))


def parse(md: MarkdownIt, markdown: str) -> ParsedBody:
    """``md.parse(markdown)``, from the sections already parsed where it can."""
    if len(markdown) > KEPT_CHARACTERS or any(mark in markdown for mark in _REACHES_ACROSS):
        return whole(md, markdown)  # too large to keep, or not to be cut
    texts = _sections(markdown)
    sections: dict[str, _Section] = {}
    for text in texts:
        sections[text] = sections.get(text) or _recall(text) or _Section(md.parse(text))
    _keep(sections)
    return ParsedBody([sections[text] for text in texts])


def _sections(markdown: str) -> list[str]:
    """The body cut before each heading at the left margin (and nowhere else), but for a
    section shorter than MIN_SECTION, parsed with the one before it: a parse of its own costs
    some 10 microseconds besides its text, and a body of 10,000 one-line articles parsed
    twice as slowly. The rule looks at the section alone, so an edit moves no other cut."""
    starts = [0, *(newline.end() for newline in _BEFORE_HEADING.finditer(markdown))]
    ends = [*starts[1:], len(markdown)]
    cuts = [start for start, end in zip(starts, ends) if not start or end - start >= MIN_SECTION]
    return [markdown[start:end] for start, end in zip(cuts, [*cuts[1:], len(markdown)])
            if end > start]


def whole(md: MarkdownIt, markdown: str) -> ParsedBody:
    """The body parsed in one piece, and kept for no other."""
    return ParsedBody([_Section(md.parse(markdown))])


def _recall(text: str) -> _Section | None:
    return next((kept[text] for kept in _kept if text in kept), None)


def _keep(sections: dict[str, _Section]) -> None:
    """This body's sections and the last body's (a translation's versions may alternate with
    the original's), while they stay within KEPT_CHARACTERS."""
    _kept[:] = [sections, *_kept[:1]]
    while _kept and sum(len(text) for kept in _kept for text in kept) > KEPT_CHARACTERS:
        _kept.pop()
