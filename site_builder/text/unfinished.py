"""Marks of text not yet written: the templates' own (``[작성 필요]``, ``(작성하세요)``,
``[To be written]``) and the TODO-style marks editors leave. The README lists them; a version
that still holds one is refused once published (rules/unfinished.py), and a text the build
refused was never public, so history lets it change (rules/history.py)."""

from __future__ import annotations

import re

# Korean marks as init and new write them, with or without the space; English ones in any
# case; TODO, TBD and FIXME only as capitalised whole words (a sentence may say "todo").
_MARK = re.compile(r"\[\s*작성\s*필요\s*\]|[(\[]\s*작성하세요\s*[)\]]"
                   r"|(?i:[(\[]\s*to be written\s*[)\]])"
                   r"|(?<![A-Za-z0-9_])(?:TODO|TBD|FIXME)(?![A-Za-z0-9_])")


# Each mark holds one of these words (the English one in any case): a text with none of them,
# as almost every text is, is screened by quick substring scans (the pattern scans 3x slower).
_WORDS = ("작성", "TODO", "TBD", "FIXME")
_WRITTEN = re.compile("(?i)written")


def _holds_mark(text: str) -> bool:
    return ((any(word in text for word in _WORDS) or _WRITTEN.search(text) is not None)
            and _MARK.search(text) is not None)


def unfinished_marks(text: str) -> list[tuple[int, str]]:
    """(line offset from the text's first line, the mark as written), in reading order."""
    if not _holds_mark(text):  # almost every text: no lines split
        return []
    found = []
    for offset, line in enumerate(text.split("\n")):
        found += [(offset, match.group(0)) for match in _MARK.finditer(line)]
    return found


# The front matter values a reader sees, checked like the body; comments are not.
CHECKED_FIELDS = ("title", "summary")


def is_unfinished(body: str, *fields: str | None) -> bool:
    return any(_holds_mark(text) for text in (body, *fields) if text)
