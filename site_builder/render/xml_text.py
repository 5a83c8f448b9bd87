"""Text and attribute values escaped for XML (feeds, the sitemap), as xml.sax.saxutils
escapes them (tested against it): importing saxutils imports urllib.request, and with it
http.client and email, 13 ms of every build, which fetches nothing."""

from __future__ import annotations

_IN_ATTRIBUTES = (("\n", "&#10;"), ("\r", "&#13;"), ("\t", "&#9;"))


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def quoteattr(text: str) -> str:
    """The value in quotes: double ones, or single ones where the value holds only double."""
    text = escape(text)
    for character, entity in _IN_ATTRIBUTES:
        text = text.replace(character, entity)
    if '"' not in text:
        return f'"{text}"'
    if "'" not in text:
        return f"'{text}'"
    return '"{}"'.format(text.replace('"', "&quot;"))
