"""What changed between two versions: articles matched by number, paragraphs aligned, words
marked in each.

The rows form the 신구대비표 (변경 전 | 변경 후). Inside a changed article the paragraphs are
aligned first, changed paragraphs are paired with their closest counterpart, and only then are
words compared, one pair of paragraphs at a time: a term replaced in every paragraph costs a
little per paragraph instead of one comparison of the whole article. Every step has a bound
(diff.py), so the time grows linearly with the text, whatever changed.

Words are runs of letters and digits, so a changed Korean particle (회사는 -> 회사가) marks that
word, not the sentence around it. themes/default/static/compare.js does the same in the
browser, step for step.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

from site_builder.text.diff import align
from site_builder.text.moves import alike, matched
from site_builder.text.outline import Article, number_label

CHANGED = "changed"
MOVED = "moved"  # continued under another number, its own changes marked
ADDED = "added"
REMOVED = "removed"
# Spelled out rather than \s, so that Python and JavaScript split text at the same characters.
SPACE = "\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_TOKEN = re.compile(f"[{SPACE}]+|\\w+|[^{SPACE}\\w]")
_SPACE_FIRST = re.compile(f"[{SPACE}]")
PAIRING_CELLS = 10_000  # changed paragraphs paired by similarity up to this many candidate pairs
PAIRING_THRESHOLD = 500  # per mille: paragraphs this alike or more are one paragraph changed


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
    heading: str  # HTML: the article's heading once, with <del>/<ins> where it changed
    heading_before: str  # HTML: the old heading, changed words in <del> ("" when added)
    heading_after: str  # HTML: the new heading, changed words in <ins> ("" when removed)
    segments: tuple[Segment, ...]
    moved_from: str = ""  # the old number, as written ("제9조"), when the article moved


@dataclass(frozen=True)
class Comparison:
    changes: tuple[ArticleChange, ...]
    unchanged: int


def compare_articles(old: tuple[Article, ...], new: tuple[Article, ...]) -> Comparison:
    """Rows in the new order, each removed article after its nearest earlier neighbour."""
    pairs = matched(old, new)
    continued = {i: j for j, i in pairs.items()}
    rows: list[ArticleChange] = []
    unchanged = 0
    for i in (i for i in range(len(old)) if i not in continued and not _anchored(i, continued)):
        rows.append(_removed(old[i]))  # before every article that continues one
    for j, article in enumerate(new):
        i = pairs.get(j)
        if i is None:
            rows.append(_added(article))
        elif old[i].key == article.key and old[i].heading == article.heading \
                and old[i].lines == article.lines:
            unchanged += 1
        else:
            rows.append(_changed(old[i], article))
        if i is not None:
            rows += [_removed(old[k]) for k in _removed_after(i, old, continued)]
    return Comparison(tuple(rows), unchanged)


def _anchored(i: int, continued: dict[int, int]) -> bool:
    return any(k in continued for k in range(i))


def _removed_after(i: int, old: tuple[Article, ...], continued: dict[int, int]) -> list[int]:
    """The removed articles that follow old article ``i`` up to the next one that continues."""
    after = []
    for k in range(i + 1, len(old)):
        if k in continued:
            break
        after.append(k)
    return after


def _added(article: Article) -> ArticleChange:
    heading = _mark(article.heading, "ins")
    return ArticleChange(article.key, ADDED, heading, "", heading,
                         tuple(Segment(False, "", _mark(line, "ins")) for line in article.lines))


def _removed(article: Article) -> ArticleChange:
    heading = _mark(article.heading, "del")
    return ArticleChange(article.key, REMOVED, heading, heading, "",
                         tuple(Segment(False, _mark(line, "del"), "") for line in article.lines))


def _changed(old: Article, new: Article) -> ArticleChange:
    before, after = _tokens(old.heading), _tokens(new.heading)
    heading = "".join(_html(before[i1:i2]) if same else
                      _mark("".join(before[i1:i2]), "del") + _mark("".join(after[j1:j2]), "ins")
                      for same, i1, i2, j1, j2 in _word_runs(before, after))
    heading_before, heading_after = word_diff(old.heading, new.heading)
    moved = number_label(old.heading) if old.key != new.key else ""
    return ArticleChange(new.key, MOVED if moved else CHANGED, heading, heading_before,
                         heading_after, tuple(paragraph_diff(old.lines, new.lines)), moved)


def paragraph_diff(old: tuple[str, ...], new: tuple[str, ...]) -> list[Segment]:
    """Unchanged paragraphs collapse (현행과 같음); changed ones are paired with their closest
    counterpart and compared word by word; the rest show as deleted or added."""
    segments = []
    for same, i1, i2, j1, j2 in align(old, new):
        if same:
            segments.append(Segment(True, "", ""))
            continue
        for i, j in pair_paragraphs(old[i1:i2], new[j1:j2]):
            if j is None:
                segments.append(Segment(False, _mark(old[i1 + i], "del"), ""))
            elif i is None:
                segments.append(Segment(False, "", _mark(new[j1 + j], "ins")))
            else:
                segments.append(Segment(False, *word_diff(old[i1 + i], new[j1 + j])))
    return segments


def pair_paragraphs(old: tuple[str, ...], new: tuple[str, ...]) -> list[tuple[int | None, int | None]]:
    """Changed paragraphs in order: (old, new) pairs of alike ones, (old, None) and (None, new)
    for the others. Alike is measured on the sets of words; past PAIRING_CELLS candidate pairs,
    paragraphs are paired by position."""
    if len(old) * len(new) > PAIRING_CELLS:
        pairs: list[tuple[int | None, int | None]] = list(zip(range(len(old)), range(len(new))))
        pairs += [(i, None) for i in range(len(new), len(old))]
        return pairs + [(None, j) for j in range(len(old), len(new))]
    old_words = [_word_set(p) for p in old]
    new_words = [_word_set(p) for p in new]
    n, m = len(old), len(new)
    best = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            score = alike(old_words[i], new_words[j])
            paired = best[i + 1][j + 1] + score if score >= PAIRING_THRESHOLD else -1
            best[i][j] = max(paired, best[i + 1][j], best[i][j + 1])
    pairs, i, j = [], 0, 0
    while i < n or j < m:
        score = alike(old_words[i], new_words[j]) if i < n and j < m else 0
        if score >= PAIRING_THRESHOLD and best[i][j] == best[i + 1][j + 1] + score:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif i < n and (j == m or best[i][j] == best[i + 1][j]):
            pairs.append((i, None))
            i += 1
        else:
            pairs.append((None, j))
            j += 1
    return pairs


def _word_set(paragraph: str) -> set[str]:
    return {token for token in _tokens(paragraph) if not _is_space(token)}


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _is_space(token: str) -> bool:
    """A token (of _TOKEN) is a run of spaces, a word, or one other character, so its first
    character says which; one precompiled match instead of a full match a call (the word diff
    asks a million times in a large build)."""
    return _SPACE_FIRST.match(token) is not None


def _mark(text: str, tag: str) -> str:
    return f"<{tag}>{_html([text])}</{tag}>" if text else ""


def _html(tokens: list[str]) -> str:
    return escape("".join(tokens), quote=False).replace("\n", "<br>\n")


def word_diff(old: str, new: str) -> tuple[str, str]:
    """Both sides as HTML: removed words in <del> on the left, added words in <ins> on the
    right; inside a changed Hangul word, the part both sides share stays unmarked."""
    a, b = _tokens(old), _tokens(new)
    before, after = [], []
    for same, i1, i2, j1, j2 in _word_runs(a, b):
        left, right = "".join(a[i1:i2]), "".join(b[j1:j2])
        if same:
            before.append(_html([left]))
            after.append(_html([right]))
            continue
        start, end = _shared_hangul(left, right)
        before.append(_html([left[:start]]) + _mark(left[start:len(left) - end], "del")
                      + _html([left[len(left) - end:]]))
        after.append(_html([right[:start]]) + _mark(right[start:len(right) - end], "ins")
                     + _html([right[len(right) - end:]]))
    return "".join(before), "".join(after)


def _shared_hangul(left: str, right: str) -> tuple[int, int]:
    """How many characters at the start and at the end of a changed run both sides share and
    may stay unmarked: a cut only next to a Hangul syllable (익스플로|어|의, 이용계약|의 체결),
    so a Latin word or a number is marked whole, and a syllable never in part."""
    start = 0
    while start < min(len(left), len(right)) and left[start] == right[start]:
        start += 1
    while start and not _is_hangul(left[start - 1]):
        start -= 1
    end = 0
    while end < min(len(left), len(right)) - start and left[-1 - end] == right[-1 - end]:
        end += 1
    while end and not _is_hangul(left[len(left) - end]):
        end -= 1
    return start, end


def _is_hangul(character: str) -> bool:
    return "\uac00" <= character <= "\ud7a3"


def _word_runs(a: list[str], b: list[str]) -> list[tuple[bool, int, int, int, int]]:
    """Aligned runs of words, a lone space between two changes joined into one mark."""
    runs: list[list] = []
    aligned = align(a, b)
    for index, (same, i1, i2, j1, j2) in enumerate(aligned):
        between_changes = 0 < index < len(aligned) - 1
        if same and between_changes and all(_is_space(t) for t in a[i1:i2]):
            same = False
        if runs and not runs[-1][0] and not same:
            runs[-1][2], runs[-1][4] = i2, j2
        else:
            runs.append([same, i1, i2, j1, j2])
    return [tuple(run) for run in runs]
