"""``policy-site check``: the validation ``build`` runs, plus the history rules with --git."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from site_builder.history import read_history
from site_builder.history_rules import check_history
from site_builder.problems import Problem, has_errors, sorted_problems
from site_builder.build import render_site
from site_builder.cache import open_store
from site_builder.memo import Memo
from site_builder.parallel import default_workers
from site_builder.problems import PolicyError
from site_builder.validation import Validation, validate


@dataclass(frozen=True)
class CheckResult:
    today: date
    problems: list[Problem]
    documents: int
    versions: int

    @property
    def ok(self) -> bool:
        return not has_errors(self.problems)


def run_check(root: Path, as_of: date | None, with_git: bool, base: str | None = None) -> CheckResult:
    validation = validate(root, as_of)
    site = validation.site
    problems = list(validation.problems)
    if validation.ok:
        problems += render_problems(root, validation)
    if with_git:
        history = read_history(root, site.timezone, validation.today, base)
        problems = sorted_problems(problems + check_history(site, history, validation.today))
    return CheckResult(validation.today, problems, len(site.documents),
                       sum(len(d.versions) for d in site.documents))


def render_problems(root: Path, validation: Validation) -> list[Problem]:
    """Render every page in memory, as build would, so that nothing check passes can fail
    build (a mistake in a theme's template shows only when the template runs). What an
    earlier build cached is used; nothing is written."""
    store = open_store(root, read_only=True)
    try:
        render_site(root, validation, memo=Memo(store, default_workers()))
    except PolicyError as error:
        return error.problems
    finally:
        if store:
            store.close()
    return []
