"""Read HTML the way a visitor sees it: parsed, with text and links."""

from __future__ import annotations

import re

import html5lib


def parse(html: str):
    """Parse strictly: a malformed page fails the test rather than being silently repaired."""
    return html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(html)


def text_of(element) -> str:
    return re.sub(r"\s+", " ", "".join(element.itertext())).strip()


def visible_text(html: str) -> str:
    tree = parse(html)
    body = tree.find("body")
    for script in body.iter("script"):
        script.text = ""
    return text_of(body)


def without_file_hash(html: str) -> str:
    """A version page less the SHA-256 of its source file's bytes (which a BOM changes)."""
    html = re.sub(r'<code class="source-sha256">\w+</code>', "", html)
    html = re.sub(r'"value": "[0-9a-f]{64}"', "", html)  # in the JSON-LD
    return re.sub(r"SHA\\2d 256 \w+\\2026 ", "", html)  # and its first digits, for print


def links(html: str) -> list[str]:
    return [a.get("href") for a in parse(html).iter("a") if a.get("href") is not None]


def find_class(html: str, class_name: str) -> list:
    return [e for e in parse(html).iter() if class_name in (e.get("class") or "").split()]
