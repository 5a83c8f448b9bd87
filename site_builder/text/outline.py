"""The structure of Korean legal text: which headings are articles (제N조, 제N조의M, N.),
chapters (장, 절, ...) or addenda (부칙), the stable id of each, and a body split into the units
a 신구대비표 compares."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # markdown-it-py is loaded only to render (text/markdown_parser.py)
    from markdown_it.token import Token


# Korean legal numbering, and the English of its official translations (Article 6-2 for
# 제6조의2, Chapter 2 for 제2장, Addenda for 부칙), so a translation's articles get the same ids.
# Hangul has no case: matched case-sensitively (?-i:), its 11,172 syllables are not case-folded
# one by one when the pattern is compiled (the three patterns: 6.0 ms -> 2.4 ms to compile).
_ARTICLE_NUMBER = re.compile(r"^\s*(?:제\s*(\d+)\s*조(?:\s*의\s*(\d+))?(?!(?-i:[가-힣]))|(\d+)\s*\."
                             r"|Article\s+(\d+)(?:-(\d+))?(?![\w-]))", re.I)
_DIVISION = re.compile(r"^\s*(?:제\s*(\d+)\s*(편|장|절|관)(?!(?-i:[가-힣]))"
                       r"|(Part|Chapter|Section|Sub-?section)\s+(\d+)(?![\w-]))", re.I)
_DIVISION_NAMES = {"편": "part", "장": "chapter", "절": "section", "관": "subsection",
                   "part": "part", "chapter": "chapter", "section": "section",
                   "subsection": "subsection", "sub-section": "subsection"}
_ADDENDA = re.compile(r"^\s*(?:부\s*칙(?!(?-i:[가-힣]))|(?:Addenda|Addendum|Supplementary\s+Provisions)"
                      r"(?!\w))", re.I)
ARTICLE, DIVISION, ADDENDA, OTHER = "article", "division", "addenda", "other"
# Ids the templates use: a heading that would take one gets a suffix instead.
TEMPLATE_IDS = frozenset({"content", "toc-title", "summary-title", "version-select",
                          "compare-form", "compare-from", "compare-to", "comparison-result"})
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


_NUMBER_LABEL = re.compile(r"^\s*((?:부\s*칙\s+|Addenda\s+)?(?:제\s*\d+\s*조(?:\s*의\s*\d+)?"
                           r"|제\s*\d+\s*[편장절관]|\d+\s*\.|(?:Article|Part|Chapter|Section)\s+\d+"
                           r"(?:-\d+)?))", re.I)


def number_label(heading: str) -> str:
    """How a heading numbers its unit, as written: "제9조", "부칙 제1조", "3.", "Article 9"."""
    match = _NUMBER_LABEL.match(heading)
    return match.group(1) if match else heading


def heading_kind(text: str) -> str:
    """ARTICLE, DIVISION, ADDENDA or OTHER: what a heading with this text would be."""
    return _Outline().id_of(unicodedata.normalize("NFC", text).strip())[0]


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


def assign_heading_ids(tokens: list[Token]) -> list[Heading]:
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


def split_articles(tokens: list[Token], headings: list[Heading]) -> list[Article]:
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
