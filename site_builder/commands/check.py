"""``policy-site check``: the validation ``build`` runs, plus the history rules with --git."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from site_builder.base.problems import PolicyError, Problem, has_errors, sorted_problems
from site_builder.cache.memo import Memo
from site_builder.cache.store import open_store
from site_builder.cache.workers import default_workers
from site_builder.commands.live_ledger import read_live_ledger
from site_builder.model.publication import Timeline, site_timelines
from site_builder.render import urls
from site_builder.render.editions import compare_data_file
from site_builder.render.site import render_site
from site_builder.rules.history import check_history
from site_builder.rules.ledger import continue_chain
from site_builder.rules.validation import Validation, validate
from site_builder.sources.history import read_history


@dataclass(frozen=True)
class CheckResult:
    today: date
    problems: list[Problem]
    documents: int
    versions: int

    @property
    def ok(self) -> bool:
        return not has_errors(self.problems)


def run_check(root: Path, today: date, with_git: bool, base: str | None = None,
              ledger: str | None = None) -> CheckResult:
    """What an earlier build cached (parsed sources, bodies, comparisons) is used, read-only:
    a check writes nothing. With ``ledger`` (the live site's), the check judges what was
    published, and when, by it, as the deploy that continues it will."""
    live = read_live_ledger(ledger) if ledger else None
    store = open_store(root, read_only=True)
    try:
        memo = Memo(store, default_workers())
        validation = validate(root, today, memo)
        problems = list(validation.problems)
        if validation.ok:
            problems += render_problems(root, validation, memo)
    finally:
        if store:
            store.close()
    site = validation.site
    if live is not None:
        problems += continue_chain(live, site_timelines(site, today), today)[1]
    if with_git:
        history = read_history(root, site.timezone, today, base)
        problems += check_history(site, history, today, ledger_judges=live is not None)
    problems = sorted_problems(problems)
    return CheckResult(today, problems, len(site.documents),
                       sum(len(d.versions) for d in site.documents))


def representative_pages(timelines: tuple[Timeline, ...]) -> set[str]:
    pages = {urls.page_file("")}
    for timeline in timelines:
        slug = timeline.document.slug
        pages |= {urls.page_file(urls.document_path(slug)), urls.page_file(urls.archive_path(slug)),
                  urls.page_file(urls.compare_path(slug))}
        first_of_status = {}
        for entry in timeline.entries:
            first_of_status.setdefault((entry.status, entry.previous is None,
                                        entry.version.language), entry)
        for entry in first_of_status.values():
            pages.add(urls.page_file(urls.version_path(slug, entry.effective)))
            own = [e for e in timeline.entries if e.version.language == entry.version.language]
            pages.add(compare_data_file(slug, own, entry))
            if entry.previous:
                pages.add(urls.page_file(urls.changes_path(slug, entry.effective)))
    return pages


def render_problems(root: Path, validation: Validation, memo: Memo) -> list[Problem]:
    """Render in memory what runs every part of the theme, so that a template mistake fails
    check as it fails build: the site's index, feeds and indexes, and for every document its
    page, archive and compare page and, for each status a version can have, one version page
    and one changes page. That costs what the documents cost, not what the versions do."""
    try:
        render_site(root, validation, memo=memo, only=representative_pages)
    except PolicyError as error:
        return error.problems
    return []
