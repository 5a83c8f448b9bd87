"""The text a visitor reads on a page: what ``verify`` compares, rather than markup, so that a
theme or a later policy-site release does not make an honest old page look altered."""

from __future__ import annotations

from html.parser import HTMLParser

_SILENT = ("script", "style", "template", "head")
_VOID = ("br", "hr", "img", "input", "meta", "link", "wbr", "area", "base", "col", "embed",
         "source", "track")


class _Reader(HTMLParser):
    """Text inside the first element whose class list holds ``within`` (the whole page when
    None), without what a browser does not show."""

    def __init__(self, within: str | None):
        super().__init__(convert_charrefs=True)
        self.within = within
        self.depth = 0 if within is None else -1  # -1: not inside yet; -2: done
        self.silent = 0
        self.words: list[str] = []
        self.links: list[tuple[str, dict]] = []  # (tag, attributes) of every a and time

    def handle_starttag(self, tag: str, attributes) -> None:
        attributes = dict(attributes)
        if tag in ("a", "time"):
            self.links.append((tag, attributes))
        if tag in _VOID:
            return
        if self.depth == -1 and self.within in (attributes.get("class") or "").split():
            self.depth = 0
        if self.depth >= 0:
            self.depth += 1
        if tag in _SILENT:
            self.silent += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        if tag in _SILENT and self.silent:
            self.silent -= 1
        if self.depth > 0:
            self.depth -= 1
            if self.depth == 0 and self.within is not None:
                self.depth = -2

    def handle_data(self, data: str) -> None:
        if (self.depth > 0 or self.within is None) and not self.silent and self.depth != -2:
            self.words += data.split()


def visible_words(html: str, within: str | None = None) -> list[str] | None:
    """The words a visitor reads, inside the element of class ``within`` (None: the whole
    page); None when the page has no such element."""
    reader = _Reader(within)
    reader.feed(html)
    reader.close()
    if within is not None and reader.depth == -1:
        return None
    return reader.words


def links_and_times(html: str) -> list[tuple[str, dict]]:
    """Every link and time element of a page, in order, with its attributes."""
    reader = _Reader(None)
    reader.feed(html)
    reader.close()
    return reader.links


def first_difference(expected: list[str], found: list[str], width: int = 6) -> tuple[str, str]:
    """The words around the first place the two texts differ, from each."""
    index = next((i for i, (a, b) in enumerate(zip(expected, found)) if a != b),
                 min(len(expected), len(found)))
    start = max(0, index - 2)
    return (" ".join(expected[start:index + width]) or "(nothing)",
            " ".join(found[start:index + width]) or "(nothing)")
