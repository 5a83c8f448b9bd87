"""Which old article each new one continues: by number, or by content when it was renumbered
or moved. Korean amendments insert 제9조 and push the old 제9조 to 제10조 with its text
unchanged; matched by number only, the 신구대비표 would show a cascade of rewritten articles,
where the law's own tables write one ‹신설› row and "(종전 제9조에서 이동)".

The rule, in order: an article that kept its number and most of its words stays matched; then
the remaining pairs of the same kind (articles with articles, 부칙's articles with 부칙's,
chapters with chapters) whose words are at least MOVE_THRESHOLD alike are matched, the most
alike first; what is left is matched by number, then added or removed. Alike is Dice's
coefficient on the sets of words (punctuation and the unit's own number left out), in
integers. Past MATCHING_CELLS candidate pairs only numbers count. compare.js does the same.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import AbstractSet

from site_builder.text.outline import Article, number_label

MOVE_THRESHOLD = 600  # per mille
MOVE_MIN_WORDS = 3  # fewer distinct words are too little to recognise an article by
MATCHING_CELLS = 40_000
_WORD = re.compile(r"\w+")
_FAMILY = re.compile(r"\d+(?:-\d+)?$")


def matched(old: tuple[Article, ...], new: tuple[Article, ...]) -> dict[int, int]:
    """New article index -> old article index, for every new article that continues one."""
    old_index = {a.key: i for i, a in enumerate(old)}
    by_number = {j: old_index[a.key] for j, a in enumerate(new) if a.key in old_index}
    if len(old) * len(new) > MATCHING_CELLS:
        return by_number
    old_words, new_words = [_words(a) for a in old], [_words(a) for a in new]
    pairs: dict[int, int] = {}
    for j, i in by_number.items():
        if alike(old_words[i], new_words[j]) >= MOVE_THRESHOLD:
            pairs[j] = i
    candidates = sorted(
        (-score, j, i) for j, b in enumerate(new) if j not in pairs
        for i, a in enumerate(old) if i not in pairs.values() and _family(a) == _family(b)
        and (score := alike(old_words[i], new_words[j])) >= MOVE_THRESHOLD
        and min(len(old_words[i]), len(new_words[j])) >= MOVE_MIN_WORDS)
    for _, j, i in candidates:
        if j not in pairs and i not in pairs.values():
            pairs[j] = i
    taken = set(pairs.values())
    for j, i in by_number.items():
        if j not in pairs and i not in taken:
            pairs[j] = i
            taken.add(i)
    return pairs


def alike(a: AbstractSet[str], b: AbstractSet[str]) -> int:
    """Per mille: twice the shared words over all words (Dice's coefficient), in integers."""
    total = len(a) + len(b)
    return 2000 * len(a & b) // total if total else 0


# Made once for a version's articles, compared with the version before and the one after, and
# for the articles a version keeps as they were (a few versions' worth: some 10 KB each).
@lru_cache(maxsize=128)
def _words(article: Article) -> frozenset[str]:
    heading = article.heading[len(number_label(article.heading)):]
    return frozenset(_WORD.findall(heading + "\n" + "\n".join(article.lines)))


def _family(article: Article) -> str:
    """article-, addenda-article-, chapter-, ...: a unit moves only among its own kind."""
    return _FAMILY.sub("", article.key)
