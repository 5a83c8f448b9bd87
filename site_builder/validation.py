"""Everything ``check`` and ``build`` both refuse: one function, so they can never disagree."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path

from site_builder.dates import today_in
from site_builder.loader import load_site
from site_builder.markup import MAX_NESTING, NestingTooDeep, may_nest_too_deep, render_or_refuse
from site_builder.memo import NO_MEMO, Memo, digest
from site_builder.model import Site
from site_builder.problems import Problem, has_errors, sorted_problems
from site_builder.rules import check_site


@dataclass(frozen=True)
class Validation:
    site: Site  # as far as it could be read; publish it only when ``ok``
    today: date
    problems: list[Problem]

    @property
    def ok(self) -> bool:
        return not has_errors(self.problems)


def validate(root: Path, as_of: date | None, memo: Memo = NO_MEMO,
             trust_stat: bool = False) -> Validation:
    """Load the sources, apply the notice rule and refuse Markdown that would lose text."""
    loaded = load_site(root, memo, trust_stat)
    site = loaded.site
    today = as_of or today_in(site.timezone)
    problems = loaded.problems + check_site(site, today) + check_nesting(site, memo)
    return Validation(site, today, sorted_problems(problems))


def check_nesting(site: Site, memo: Memo) -> list[Problem]:
    """Parse every body the cheap screen cannot clear (drafts too: check warns early)."""
    versions = [v for d in site.documents for v in d.versions
                if memo.get("screen", v.sha256, partial(may_nest_too_deep, v.body))]
    results = memo.get_many("body", [(digest(v.body), partial(render_or_refuse, v.body))
                                     for v in versions])
    return [Problem(version.path, version.body_first_line + result.line,
                    f"lists or quotes are nested more than {MAX_NESTING} levels deep here; the "
                    "text after this line would be lost, so flatten the nesting",
                    rule="markdown-nesting")
            for version, result in zip(versions, results) if isinstance(result, NestingTooDeep)]
