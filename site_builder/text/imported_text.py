"""A policy as a team already has it, as lines of text (a copy of a web page, or what the HTML
and Word readers make of one), written as the Markdown the README's sources section describes:
article headings (``N.``, 제N조, 제N조의M, 제N장, 부칙) become headings with stable ids, Korean
numbering (가., ①, 1), ※, ▶) stays as written and starts a paragraph, a line break stays a line
break (a contact block keeps its lines), ``- `` lines become a list, and nothing in the text is
read as Markdown syntax it did not mean."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from site_builder.text.outline import ADDENDA, ARTICLE, DIVISION, heading_kind
from site_builder.text.stated_dates import stated_dates

# A numbered article heading "3. 개인정보의 처리 및 보유기간": only in sequence (1, 2, 3, ...), so
# a numbered line inside an article is not taken for one.
_NUMBERED = re.compile(r"^(\d{1,3})\.\s+(\S.*)$")
# 제1조(목적) 이 약관은 ...: the heading, and the text that follows it on the same line.
_ARTICLE_LINE = re.compile(r"^(제\s*\d+\s*조(?:\s*의\s*\d+)?\s*(?:\([^)]*\)|（[^）]*）)?)\s*(.*)$")
_SHORT_HEADING = 40  # a 장 or 부칙 line longer than this is a sentence, not a heading
# What starts a paragraph of its own: Korean item labels and the marks of notes and blocks.
_LABEL = re.compile(r"^(?:[가나다라마바사아자차카타파하]\s*[.)]|\([가나다라마바사아자차카타파하]\)|[\u2460-\u2473\u3260-\u327b]|[※▶►■□●○◆◇★☆ㅁ]"
                    r"|-\S|\[[^\]]+\]$|<[^>]+>$)")
_ITEM = re.compile(r"^\d{1,3}\)\s")  # 1) 2) 3): a list whose items may run on over lines
_BULLET = re.compile(r"^[-*+]\s+\S")
# Markdown that plain text must not turn into: escaped where it would take effect.
# Every "[" too: a link or a reference can close on a later line of the paragraph.
_INLINE_SYNTAX = re.compile(r"([\\`*_<\[])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_ORDERED_START = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")
_BLOCK_START = re.compile(r"^(#|>|[-+*]\s|[-+*]$|\d{1,9}[.)](\s|$)|=+\s*$|[-_*\s]{3,}$|\|)")


@dataclass(frozen=True)
class Line:
    """One line of the source: its text, or a Markdown block made already (a table)."""

    text: str
    markdown: bool = False
    heading: bool = False  # a heading element of a web page or a Word heading style
    shows: str = ""  # a Markdown block's text as a reader sees it (a table's cells)


@dataclass
class Converted:
    """The Markdown, and the numbers of the source lines that became article headings."""

    markdown: str
    headings: list[str] = field(default_factory=list)


def to_markdown(lines: list[Line]) -> Converted:
    blocks: list[list[str]] = []
    kinds: list[str] = []
    headings: list[str] = []
    expected = 1
    for line in lines:
        text = line.text.strip()
        if line.markdown:
            blocks.append([line.text.rstrip("\n")])
            kinds.append("markdown")
            continue
        if not text:
            kinds.append("gap")  # a blank line ends the paragraph
            blocks.append([])
            continue
        heading, rest, expected = _heading(text, expected, line.heading)
        if heading:
            headings.append(heading)
            blocks.append([heading])
            kinds.append("heading")
            if rest:
                blocks.append([_escaped(rest)])
                kinds.append("paragraph")
            continue
        kind = _kind_of(text)
        previous = kinds[-1] if kinds else "gap"
        if kind == "bullet":
            if previous != "bullet":
                blocks.append([])
                kinds.append("bullet")
            blocks[-1].append("- " + _escaped(bullet_text(text)))
        elif kind == "item" or kind == "label" or previous in ("gap", "heading", "markdown", "bullet"):
            blocks.append([_escaped_item(text) if kind == "item" else _escaped(text)])
            kinds.append("items" if kind == "item" else "paragraph")
            if kind == "item" and previous == "items":
                item = blocks.pop()  # the next item of the same list
                kinds.pop()
                blocks[-1].extend(item)
        elif previous == "paragraph" and _ends_sentence(blocks[-1][-1]) \
                and not _LABEL.match(blocks[-1][0]):
            blocks.append([_escaped(text)])  # a sentence ended the unlabelled paragraph
            kinds.append("paragraph")
        else:
            blocks[-1].append(_escaped(text))
    return Converted(_joined(blocks, kinds), headings)


def _ends_sentence(line: str) -> bool:
    return line.endswith(("다.", "다", "요.", "."))


# A line this long that stops mid-sentence was wrapped by the page, not broken by its author:
# it runs on (a space); a shorter one, or one that ends a sentence, keeps its break.
_WRAPPED = 60


def _break_after(line: str) -> str:
    return "\n" if len(line) >= _WRAPPED and not _ends_sentence(line) else "\\\n"


def _heading(text: str, expected: int, marked: bool) -> tuple[str | None, str, int]:
    """The Markdown heading a line is (with text after a 제N조(...) label), or None; and the
    number the next numbered heading must have. A line ``marked`` as a heading is one."""
    numbered = _NUMBERED.match(text)
    if numbered and (int(numbered.group(1)) == expected or marked):
        return f"## {inline_markdown(text)}", "", int(numbered.group(1)) + 1
    if marked:
        return f"## {inline_markdown(text)}", "", expected
    article = _ARTICLE_LINE.match(text)
    if article and heading_kind(text) == ARTICLE and (article.group(2) == "" or "(" in article.group(1)
                                                     or "（" in article.group(1)):
        return f"## {inline_markdown(article.group(1))}", article.group(2), expected
    if heading_kind(text) in (DIVISION, ADDENDA) and len(text) <= _SHORT_HEADING \
            and not text.endswith("다."):
        return f"## {inline_markdown(text)}", "", expected
    return None, "", expected


def _kind_of(text: str) -> str:
    if _BULLET.match(text):
        return "bullet"
    if _ITEM.match(text):
        return "item"
    if _LABEL.match(text):
        return "label"
    return "text"


def inline_markdown(text: str) -> str:
    """Plain text as Markdown inline text that shows it unchanged."""
    return _ENTITY.sub("&amp;", _INLINE_SYNTAX.sub(r"\\\1", text))


def _escaped(text: str) -> str:
    """A line of plain text that starts a Markdown line: not a list, quote or heading either."""
    text = inline_markdown(text)
    if _ORDERED_START.match(text):  # "5." -> "5\.": a backslash escapes punctuation only
        return _ORDERED_START.sub(r"\1\\\2", text, count=1)
    return "\\" + text if _BLOCK_START.match(text) else text


def bullet_text(text: str) -> str | None:
    """What a "- " (or "* ", "+ ") line shows once it is a list item: the marker becomes the
    list's bullet."""
    return text[1:].strip() if _BULLET.match(text) else None


def _escaped_item(text: str) -> str:
    """``1) text``: the number stays a list marker (shown as written), the rest is text."""
    number, rest = text.split(")", 1)
    return f"{number}) {_escaped(rest.strip())}"


def _joined(blocks: list[list[str]], kinds: list[str]) -> str:
    """Blocks apart by a blank line; inside a paragraph each line break kept (a trailing
    ``\\``), and in a 1) 2) list a new item starts a line of its own."""
    parts = []
    for block, kind in zip(blocks, kinds):
        if not block:
            continue
        if kind in ("heading", "bullet", "markdown"):
            parts.append("\n".join(block))
            continue
        text = block[0]
        for before, line in zip(block, block[1:]):
            text += ("\n" if kind == "items" and _ITEM.match(line) else _break_after(before)) + line
        parts.append(text)
    return "\n\n".join(parts) + "\n"


_HEADER_LINES = 5  # a page's header (its title, "이전 개인정보처리방침", 시행일자) is this short


def split_header(lines: list[Line]) -> tuple[list[str], list[Line]]:
    """The page's header lines (left out: the page shows the title and the effective date of
    its own) and the rest. The header ends at a labelled effective date ("시행일자 : ...")
    among the first lines when every line before it is short and no sentence."""
    texts = [line.text.strip() for line in lines]
    filled = [index for index, text in enumerate(texts) if text][:_HEADER_LINES]
    for position, index in enumerate(filled):
        if any(stated.labelled for stated in stated_dates(texts[index])):
            before = [texts[i] for i in filled[:position]]
            if all(len(text) <= _SHORT_HEADING and not text.endswith(".") for text in before):
                return before + [texts[index]], lines[index + 1:]
            break
    return [], lines


def title_of(header: list[str]) -> str | None:
    """The document's name as the header gives it: the line before the effective date."""
    return header[-2] if len(header) >= 2 else None


def effective_days(lines: list[Line]) -> list[date]:
    """The days the text says it takes effect, outside its 부칙's record of earlier versions;
    labelled statements ("시행일자 : ...") first."""
    body = "\n".join(line.text for line in lines if not line.markdown)
    stated = [s for s in stated_dates(body) if not s.in_addenda]
    ordered = [s.day for s in stated if s.labelled] + [s.day for s in stated if not s.labelled]
    return list(dict.fromkeys(ordered))
