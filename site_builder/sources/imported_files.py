"""Reading a policy a team already has, for ``policy-site import``: plain text, a saved web page
(HTML: its main content, not the site's menus) or a Word file (.docx, through mammoth's HTML),
as the lines text/imported_text.py writes as Markdown. Every file is untrusted: read only if
regular and not too large, a .docx refused when it would unpack to more than a policy could be."""

from __future__ import annotations

import io
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path

from site_builder.base.messages import say
from site_builder.base.untrusted import read_regular
from site_builder.text.imported_text import Line, inline_markdown

MAX_IMPORTED_BYTES = 16 * 1024 * 1024
MAX_UNPACKED_DOCX = 64 * 1024 * 1024
_SKIPPED = {"script", "style", "noscript", "template", "nav", "aside", "form", "button",
            "select", "svg", "iframe", "head", "title"}
_CHROME = {"header", "footer"}  # the site's, when the page marks no main content
_BLOCKS = {"p", "div", "section", "article", "main", "ul", "ol", "li", "dl", "dt", "dd",
           "blockquote", "pre", "address", "figure", "figcaption", "hr", "header", "footer",
           "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr", "body"}
_RUN_ON = {"li", "tr", "dt", "dd", "ul", "ol", "dl"}  # their lines belong to one block
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "area", "base", "col", "embed",
         "source", "track", "param"}


class ImportRefused(Exception):
    """A file import cannot read, with the reason in the user's words."""


def read_lines(path: Path) -> list[Line]:
    data = read_regular(path, MAX_IMPORTED_BYTES)
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return html_lines(_docx_html(data), whole=True)
    text = _decoded(data)
    if suffix in (".html", ".htm", ".xhtml") or text.lstrip()[:15].lower().startswith(("<!doctype", "<html")):
        return html_lines(text)
    return [Line(line) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]


def _decoded(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp949"):  # Korean pages saved on Windows are often CP949
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportRefused(say("is neither UTF-8 nor CP949 text: save it as UTF-8"))


def _docx_html(data: bytes) -> str:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        unpacked = sum(member.file_size for member in archive.infolist())
    except zipfile.BadZipFile:
        raise ImportRefused(say("is not a Word (.docx) file; an old .doc file must be saved as .docx first")) from None
    if unpacked > MAX_UNPACKED_DOCX:
        raise ImportRefused(say("unpacks to more than 64 MB, more than a policy could be"))
    import mammoth  # only import needs it, and only for Word files

    try:
        return mammoth.convert_to_html(io.BytesIO(data)).value
    except (KeyError, ValueError, zipfile.BadZipFile) as error:
        raise ImportRefused(say("is not a Word document that can be read ({error})", error=error)) from None


class _Node:
    __slots__ = ("tag", "attributes", "children", "ordinal")

    def __init__(self, tag: str, attributes: dict):
        self.tag, self.attributes, self.children = tag, attributes, []
        self.ordinal: int | None = None  # an <ol> item's number


class _Tree(HTMLParser):
    """The page as a tree, built from the parser's events (no recursion, so no depth limit)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = _Node("document", {})
        self.open = [self.root]

    def handle_starttag(self, tag, attributes):
        node = _Node(tag, dict(attributes))
        self.open[-1].children.append(node)
        if tag not in _VOID:
            self.open.append(node)

    def handle_endtag(self, tag):
        for depth in range(len(self.open) - 1, 0, -1):
            if self.open[depth].tag == tag:
                del self.open[depth:]
                return

    def handle_data(self, data):
        self.open[-1].children.append(data)


def html_lines(html: str, whole: bool = False) -> list[Line]:
    """The lines of the page's main content: <main> (or role=main), else its one <article>,
    else the body without its header, footer and menus; ``whole`` takes everything (Word)."""
    tree = _Tree()
    tree.feed(html)
    tree.close()
    root = tree.root if whole else _main_content(tree.root)
    writer = _LineWriter(skip=_SKIPPED | (_CHROME if root is tree.root or root.tag == "body" else set()))
    writer.write(root)
    return writer.lines()


def _main_content(root: _Node) -> _Node:
    nodes = list(_walk(root))
    marked = [n for n in nodes if n.tag == "main" or n.attributes.get("role") == "main"]
    articles = [n for n in nodes if n.tag == "article"]
    if marked:
        return marked[0]
    if len(articles) == 1:
        return articles[0]
    return next((n for n in nodes if n.tag == "body"), root)


def _walk(root: _Node):
    stack = [root]
    while stack:
        node = stack.pop()
        yield node
        stack += reversed([c for c in node.children if isinstance(c, _Node)])


class _LineWriter:
    """Text in reading order: a block element ends a line, <br> too; list items get "- " or
    "1) " (not "1.", which would read as an article number), headings stay headings and
    tables become Markdown tables."""

    def __init__(self, skip: set[str]):
        self.skip = skip
        self.done: list[Line] = []
        self.current = ""

    def write(self, root: _Node) -> None:
        stack: list = [root]
        while stack:
            item = stack.pop()
            if isinstance(item, str):
                self.current += re.sub(r"\s+", " ", item)
                continue
            if isinstance(item, tuple):
                self._end(*item)
                continue
            if item.tag in self.skip:
                continue
            if item.tag == "br":
                self._end()
                continue
            if item.tag == "table":
                self._end()
                markdown, shows = _table(item)
                self.done.append(Line(markdown, markdown=True, shows=shows))
                continue
            if item.tag == "ol":
                _number_items(item)
            if item.tag in _BLOCKS:
                self._end()
                self.current = _item_mark(item)
                stack.append((item.tag in _HEADINGS, item.tag not in _RUN_ON))
            stack += reversed(item.children)

    def _end(self, heading: bool = False, paragraph: bool = False) -> None:
        """End the line; at the end of a paragraph, a blank line too."""
        text = " ".join(self.current.split())
        if text:
            self.done.append(Line(text, heading=heading))
        if paragraph and self.done and self.done[-1].text:
            self.done.append(Line(""))
        self.current = ""

    def lines(self) -> list[Line]:
        self._end()
        return self.done


def _number_items(ordered: _Node) -> None:
    start = ordered.attributes.get("start") or "1"
    number = int(start) if start.isdigit() and len(start) < 9 else 1
    for child in ordered.children:
        if isinstance(child, _Node) and child.tag == "li":
            child.ordinal, number = number, number + 1


def _item_mark(node: _Node) -> str:
    if node.tag != "li":
        return ""
    return "- " if node.ordinal is None else f"{node.ordinal}) "


def _table(table: _Node) -> tuple[str, str]:
    """The table as Markdown, and the words its cells show."""
    cells = [[" ".join(_text(cell).split()) for cell in row.children
              if isinstance(cell, _Node) and cell.tag in ("td", "th")]
             for row in _walk(table) if row.tag == "tr"]
    cells = [row for row in cells if row]
    if not cells:
        return "", ""
    width = max(len(row) for row in cells)
    rows = [[inline_markdown(c).replace("|", "\\|") for c in row] + [""] * (width - len(row))
            for row in cells]
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * width]
    markdown = "\n".join(lines + ["| " + " | ".join(row) + " |" for row in rows[1:]])
    return markdown, " ".join(c for row in cells for c in row)


def _text(node: _Node) -> str:
    parts = []
    stack: list = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            parts.append(item)
        elif item.tag not in _SKIPPED:
            stack += reversed(item.children)
    return " ".join(parts)
