"""What changed between two versions: articles matched by number, words marked in each.

The rows form the 신구대비표 (변경 전 | 변경 후). Words are runs of letters and digits, so a
changed Korean particle (회사는 -> 회사가) marks that word, not the sentence around it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from html import escape

from site_builder.markup import Article

CHANGED = "changed"
ADDED = "added"
REMOVED = "removed"
_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")


@dataclass(frozen=True)
class Segment:
    """A run of paragraphs: unchanged ones are only counted, changed ones carry marked HTML."""

    same: bool
    before: str
    after: str


@dataclass(frozen=True)
class ArticleChange:
    key: str
    kind: str
    before_heading: str  # HTML with <del> marks; empty for an added article
    after_heading: str  # HTML with <ins> marks; empty for a removed article
    segments: tuple[Segment, ...]


@dataclass(frozen=True)
class Comparison:
    changes: tuple[ArticleChange, ...]
    unchanged: int


def compare_articles(old: tuple[Article, ...], new: tuple[Article, ...]) -> Comparison:
    old_by_key = {a.key: a for a in old}
    new_by_key = {a.key: a for a in new}
    rows: list[ArticleChange] = []
    unchanged = 0
    for key in _merged_order(old, new):
        before, after = old_by_key.get(key), new_by_key.get(key)
        if before is None:
            rows.append(_added(after))
        elif after is None:
            rows.append(_removed(before))
        elif before.heading == after.heading and before.lines == after.lines:
            unchanged += 1
        else:
            rows.append(_changed(before, after))
    return Comparison(tuple(rows), unchanged)


def _merged_order(old: tuple[Article, ...], new: tuple[Article, ...]) -> list[str]:
    """The new order, each removed article placed after its nearest earlier neighbour."""
    order = [a.key for a in new]
    for position, article in enumerate(old):
        if article.key not in order:
            anchor = next((o.key for o in reversed(old[:position]) if o.key in order), None)
            order.insert(order.index(anchor) + 1 if anchor else 0, article.key)
    return order


def _text(article: Article) -> str:
    return "\n".join(article.lines)


def _added(article: Article) -> ArticleChange:
    return ArticleChange(article.key, ADDED, "", _mark(article.heading, "ins"),
                         (Segment(False, "", _mark(_text(article), "ins")),))


def _removed(article: Article) -> ArticleChange:
    return ArticleChange(article.key, REMOVED, _mark(article.heading, "del"), "",
                         (Segment(False, _mark(_text(article), "del"), ""),))


def _changed(old: Article, new: Article) -> ArticleChange:
    before_heading, after_heading = word_diff(old.heading, new.heading)
    return ArticleChange(new.key, CHANGED, before_heading, after_heading,
                         tuple(paragraph_diff(old.lines, new.lines)))


def paragraph_diff(old: tuple[str, ...], new: tuple[str, ...]) -> list[Segment]:
    """Unchanged paragraphs collapse (현행과 같음); changed ones are compared word by word."""
    segments = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if op == "equal":
            segments.append(Segment(True, "", ""))
        else:
            before, after = word_diff("\n".join(old[i1:i2]), "\n".join(new[j1:j2]))
            segments.append(Segment(False, before, after))
    return segments


def _mark(text: str, tag: str) -> str:
    return f"<{tag}>{_html(text)}</{tag}>" if text else ""


def _html(text: str) -> str:
    return escape(text, quote=False).replace("\n", "<br>\n")


def word_diff(old: str, new: str) -> tuple[str, str]:
    """Both sides as HTML: removed words in <del> on the left, added words in <ins> on the right."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    before, after = [], []
    for changed, i1, i2, j1, j2 in _runs(SequenceMatcher(None, a, b, autojunk=False), a):
        left, right = "".join(a[i1:i2]), "".join(b[j1:j2])
        before.append(_mark(left, "del") if changed else _html(left))
        after.append(_mark(right, "ins") if changed else _html(right))
    return "".join(before), "".join(after)


def _runs(matcher: SequenceMatcher, a: list[str]) -> list[tuple[bool, int, int, int, int]]:
    """Opcodes as (changed, ranges), a lone space between two changes joined into one mark."""
    runs: list[list] = []
    opcodes = matcher.get_opcodes()
    for index, (op, i1, i2, j1, j2) in enumerate(opcodes):
        changed = op != "equal"
        between_changes = 0 < index < len(opcodes) - 1
        if not changed and between_changes and not "".join(a[i1:i2]).strip():
            changed = True
        if runs and runs[-1][0] and changed:
            runs[-1][2], runs[-1][4] = i2, j2
        else:
            runs.append([changed, i1, i2, j1, j2])
    return [tuple(run) for run in runs]
