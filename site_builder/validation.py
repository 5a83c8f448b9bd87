"""Everything ``check`` and ``build`` both refuse: one function, so they can never disagree."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from site_builder.dates import today_in
from site_builder.loader import load_site
from site_builder.markup import (MAX_NESTING, NestingTooDeep, RenderedBody, may_nest_too_deep,
                                  render_body)
from site_builder.memo import NO_MEMO, Memo, digest
from site_builder.model import Site
from site_builder.problems import Problem, has_errors, sorted_problems
from site_builder.rules import check_site


@dataclass(frozen=True)
class Validation:
    site: Site  # as far as it could be read; publish it only when ``ok``
    today: date
    problems: list[Problem]
    bodies: dict[str, RenderedBody] = field(default_factory=dict)  # by version path

    @property
    def ok(self) -> bool:
        return not has_errors(self.problems)


def validate(root: Path, as_of: date | None, render: bool = True,
             memo: Memo = NO_MEMO) -> Validation:
    """Load the sources, apply the notice rule and parse the bodies, collecting all problems.

    With ``render=False`` (check) a body is parsed only when a cheap screen says it might be
    nested too deeply; the problems found are the same, the bodies are not kept.
    """
    loaded = load_site(root)
    site = loaded.site
    today = as_of or today_in(site.timezone)
    bodies: dict[str, RenderedBody] = {}
    problems = loaded.problems + check_site(site, today) + render_bodies(site, bodies, render, memo)
    return Validation(site, today, sorted_problems(problems), bodies)


def render_bodies(site: Site, bodies: dict[str, RenderedBody], render: bool,
                  memo: Memo) -> list[Problem]:
    """Render every version's Markdown (drafts too, so check catches what build would refuse)."""
    problems = []
    for document in site.documents:
        for version in document.versions:
            if not render and not may_nest_too_deep(version.body):
                continue
            try:
                bodies[version.path] = memo.get("body", digest(version.body),
                                                lambda body=version.body: render_body(body))
            except NestingTooDeep as error:
                problems.append(Problem(
                    version.path, version.body_first_line + error.line,
                    f"lists or quotes are nested more than {MAX_NESTING} levels deep here; the "
                    "text after this line would be lost, so flatten the nesting",
                    rule="markdown-nesting"))
    return problems
