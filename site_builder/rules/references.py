"""Cross-references a renumbering should have updated: when a version moves 제9조 to 제10조, a
sentence it kept word for word that still says "제9조에 따라" now points at another article.
A warning (the old number may be meant, as in a 부칙's 경과조치), at the sentence's line."""

from __future__ import annotations

import re
from functools import partial

from site_builder.base.digest import digest
from site_builder.base.messages import say
from site_builder.base.problems import WARNING, Problem
from site_builder.cache.bodies import rendered_bodies
from site_builder.cache.memo import COMPARISON, Memo
from site_builder.model.site import PolicyVersion, Site
from site_builder.text.comparison import MOVED, compare_articles
from site_builder.text.markup import Refused
from site_builder.text.outline import ARTICLE, article_number, heading_kind, number_label
from site_builder.text.screens import HEADING


def check_references(site: Site, memo: Memo) -> list[Problem]:
    problems = []
    for document in site.documents:
        versions = [v for v in document.versions if v.withdrawn is None]
        for old, new in zip(versions, versions[1:]):
            if _may_renumber(old.screens.numbered_headings, new.screens.numbered_headings):
                problems += _stale_references(old, new, memo)
    return problems


def _may_renumber(before: dict[str, str], after: dict[str, str]) -> bool:
    """The cheap screen: some heading's words stand under another number in the new text
    (each text's numbered headings are read with its parse)."""
    return any(label != after[words] for words, label in before.items() if words in after)


def _stale_references(old: PolicyVersion, new: PolicyVersion, memo: Memo) -> list[Problem]:
    bodies = rendered_bodies(memo, [old.body, new.body])
    if any(isinstance(body, Refused) for body in bodies):
        return []
    comparison = memo.get(COMPARISON, digest(old.body, new.body),
                          partial(compare_articles, bodies[0].articles, bodies[1].articles))
    headings = {a.key: a.heading for a in bodies[1].articles}
    moves = {row.moved_from: number_label(headings[row.key])
             for row in comparison.changes if row.kind == MOVED and row.key in headings}
    patterns = {old_label: _reference(old_label) for old_label in moves}
    kept = set(old.body.split("\n"))
    problems = []
    for offset, line in enumerate(new.body.split("\n")):
        if HEADING.match(line) or line not in kept:
            continue
        for old_label, pattern in patterns.items():
            found = pattern.search(line) if pattern else None  # None: not an article
            if found:
                problems.append(Problem(new.path, new.body_first_line + offset, say(
                    "'{reference}' was written for the former {old}, which this version "
                    "renumbers to {new}: if it means that article, write {new}",
                    reference=found.group(0),
                    old=old_label, new=moves[old_label]), rule="reference-renumbered",
                    severity=WARNING))
    return problems


def _reference(label: str) -> re.Pattern | None:
    """How a sentence names the article: 제9조 (for a "9." heading too) or Article 9, not
    제19조 or 제9조의2. Chapters and 부칙's own articles are not checked."""
    if heading_kind(label) != ARTICLE:
        return None
    main, _, branch = article_number(label).partition("-")
    if label.lower().startswith("article"):
        return re.compile(rf"(?<![\w-])Article\s+{main}{'-' + branch if branch else ''}(?![\w-])")
    tail = rf"\s*의\s*{branch}" if branch else r"(?!\s*의\s*\d)"
    return re.compile(rf"(?<!\d)제\s*{main}\s*조{tail}")
