"""Rules about the text itself: Markdown that would lose text, and 비고 (reasons) that must
name an article the version changes."""

from __future__ import annotations

import re

from site_builder.base.messages import say
from site_builder.base.problems import Problem
from site_builder.cache.bodies import rendered_bodies
from site_builder.cache.memo import Memo
from site_builder.model.site import Site
from site_builder.model.translated import edition_site
from site_builder.text.comparison import compare_articles
from site_builder.text.markup import (MAX_NESTING, MAX_TABLE_CELLS, MAX_TABLE_COLUMNS, NestingTooDeep,
                                      Refused, TableTooLarge)
from site_builder.text.outline import unit_key


def check_reasons(site: Site, memo: Memo) -> list[Problem]:
    """Each 비고 must name an article that this version changes; a translation's, an article
    its translation changes from the translation before it."""
    problems = []
    for language in site.languages or (site.language,):
        shown = site if language == site.language else edition_site(site, language)
        problems += _reason_problems(shown, memo, None if shown is site else language)
    return problems


def _reason_problems(site: Site, memo: Memo, language: str | None) -> list[Problem]:
    problems = []
    for document in site.documents:
        in_force = [v for v in document.versions if v.withdrawn is None]
        for version in (v for v in document.versions if v.reasons and v.language == language):
            earlier = [v for v in in_force if v.effective < version.effective]
            if earlier and earlier[-1].language != language:
                continue  # no translated changes page shows these reasons
            changed = _changed_units(earlier[-1], version, memo) if earlier else {}
            for label, _, line in version.reasons:
                problem = _reason_problem(label, changed, bool(earlier))
                if problem:
                    problems.append(Problem(version.path, line, problem, rule="reasons"))
    return problems


def _changed_units(old, new, memo: Memo) -> dict[str, str]:
    """The keys and headings of the articles ``new`` changes from ``old``."""
    bodies = rendered_bodies(memo, [old.body, new.body])
    if any(isinstance(body, Refused) for body in bodies):
        return {}
    comparison = compare_articles(bodies[0].articles, bodies[1].articles)
    return {row.key: _plain_heading(row.heading) or say("the text before the first article")
            for row in comparison.changes}


def _plain_heading(html: str) -> str:
    return re.sub(r"<ins>.*?</ins>|</?del>", "", html)


def _reason_problem(label: str, changed: dict[str, str], has_previous: bool) -> str | None:
    key = unit_key(label)
    if not has_previous:
        return say("a first version changes nothing, so it has no reasons; remove 'reasons'")
    if key is None:
        return say("'{label}' does not name an article; write it as 제6조, 제1조의2, 부칙 제1조 or "
                   "제2장 (in an English translation: Article 6, Article 1-2, Addenda Article 1 or "
                   "Chapter 2)", label=label)
    if key not in changed:
        return say("'{label}' is not changed by this version, so it needs no reason; the changed "
                   "articles are: {listed}", label=label,
                   listed=", ".join(changed.values()) or say("none"))
    return None


def check_refusals(site: Site, memo: Memo) -> list[Problem]:
    """Parse every body the cheap screen cannot clear (drafts too: check warns early): text
    nested so deep it would be lost, tables so large they would take minutes."""
    versions = [v for d in site.documents for v in (*d.versions, *d.translations)
                if v.screens.may_be_refused]
    results = rendered_bodies(memo, [v.body for v in versions])
    return [Problem(version.path, version.body_first_line + result.line, _refusal(result),
                    rule="markdown-nesting" if isinstance(result, NestingTooDeep)
                    else "markdown-table")
            for version, result in zip(versions, results) if isinstance(result, Refused)]


def _refusal(result: NestingTooDeep | TableTooLarge) -> str:
    if isinstance(result, NestingTooDeep):
        return say("lists or quotes are nested too deeply here (the limit is {lists} lists "
                   "inside each other, or {quotes} quotes); the text after this line would be "
                   "lost, so flatten the nesting", lists=MAX_NESTING // 2, quotes=MAX_NESTING)
    if result.columns:
        return say("this table has {columns} columns; a table may have {limit} at most: split "
                   "it into narrower tables", columns=f"{result.columns:,}",
                   limit=MAX_TABLE_COLUMNS)
    return say("with this table the text's tables have more than {limit} cells; split the "
               "large tables up, or publish their data as a document of its own",
               limit=f"{MAX_TABLE_CELLS:,}")
