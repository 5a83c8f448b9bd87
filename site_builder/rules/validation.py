"""Everything ``check`` and ``build`` both refuse: one function, so they can never disagree."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from site_builder.base.problems import Problem, has_errors, sorted_problems
from site_builder.cache.memo import NO_MEMO, Memo
from site_builder.model.site import Site
from site_builder.rules.notice import check_site
from site_builder.rules.references import check_references
from site_builder.rules.text import check_reasons, check_refusals
from site_builder.rules.translations import check_translations
from site_builder.rules.unfinished import check_unfinished
from site_builder.sources.loader import load_site


@dataclass(frozen=True)
class Validation:
    site: Site  # as far as it could be read; publish it only when ``ok``
    today: date
    problems: list[Problem]

    @property
    def ok(self) -> bool:
        return not has_errors(self.problems)


def validate(root: Path, today: date, memo: Memo = NO_MEMO, saved: frozenset[Path] | None = None,
             hashes: dict[str, str] | None = None) -> Validation:
    """Load the sources, apply the notice rule and refuse Markdown that would lose text."""
    loaded = load_site(root, memo, saved, hashes)
    site = loaded.site
    problems = (loaded.problems + check_site(site, today) + check_translations(site, today)
                + check_refusals(site, memo) + check_reasons(site, memo)
                + check_unfinished(site, today) + check_references(site, memo))
    return Validation(site, today, sorted_problems(problems))
