"""The build, top to bottom: validate, decide the pages, render them, swap the output in."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from site_builder import feeds, indexes, urls
from site_builder.comparison import compare_articles
from site_builder.memo import NO_MEMO, Memo, digest
from site_builder.pages import RenderInputs, render_pages
from site_builder.problems import PolicyError, Problem
from site_builder.publication import Timeline, timeline
from site_builder.theme import Theme, ThemeError
from site_builder.validation import Validation, validate
from site_builder.writer import refuse_unsafe_output, write_site


@dataclass(frozen=True)
class BuildReport:
    documents: int
    versions: int
    change_pages: int
    feeds: int
    seconds: float
    out: Path
    warnings: list[Problem]

    def summary(self) -> str:
        return (f"built {self.documents} document(s), {self.versions} version(s), "
                f"{self.change_pages} change page(s), {self.feeds} feed(s) in "
                f"{self.seconds:.2f} s -> {self.out}")


def build(root: Path, out: Path, as_of: date | None, live_reload: str = "") -> BuildReport:
    started = time.perf_counter()
    refuse_unsafe_output(root, out)
    validation = validate(root, as_of)
    if not validation.ok:
        raise PolicyError(validation.problems)
    files, timelines = render_site(root, validation, live_reload)
    write_site(files, out)
    return BuildReport(
        documents=sum(1 for t in timelines if t.entries),
        versions=sum(len(t.entries) for t in timelines),
        change_pages=sum(1 for t in timelines for e in t.entries if e.previous),
        feeds=sum(1 for name in files if name.endswith("feed.xml")),
        seconds=time.perf_counter() - started,
        out=out,
        warnings=validation.problems,
    )


def document_timelines(validation: Validation, preview: bool = False) -> tuple[Timeline, ...]:
    documents = sorted(validation.site.documents, key=lambda d: (d.order, d.slug))
    return tuple(timeline(d, validation.today, preview) for d in documents)


def compare_versions(timelines: tuple[Timeline, ...], bodies: dict, memo: Memo) -> dict:
    """Each version against the one before it, remembered by the two texts."""
    comparisons = {}
    for entry in (e for t in timelines for e in t.entries if e.previous):
        old, new = entry.previous, entry.version
        comparisons[new.path] = memo.get(
            "comparison", digest(old.body, new.body),
            lambda old=old, new=new: compare_articles(bodies[old.path].articles,
                                                      bodies[new.path].articles))
    return comparisons


def render_site(root: Path, validation: Validation, live_reload: str = "", preview: bool = False,
                memo: Memo = NO_MEMO) -> tuple[dict[str, bytes], tuple[Timeline, ...]]:
    """Every output file by relative path; nothing touches the disk here.

    ``preview`` (serve only) adds drafts, marked as such; ``live_reload`` is serve's script.
    """
    site, today, bodies = validation.site, validation.today, validation.bodies
    timelines = document_timelines(validation, preview)
    comparisons = compare_versions(timelines, bodies, memo)
    try:
        theme = Theme(root, site.theme, site.language)
        inputs = RenderInputs(site, today, timelines, bodies, comparisons, live_reload)
        files = {path: html.encode("utf-8")
                 for path, html in render_pages(inputs, theme, memo).items()}
        files.update(feeds.render_feeds(site, theme.strings, today, timelines))
    except ThemeError as error:
        raise PolicyError([error.problem]) from None
    files[urls.VERSIONS_JSON] = indexes.render_versions_json(site, today, timelines)
    files[urls.SITEMAP] = indexes.render_sitemap(site, timelines)
    files.update({f"assets/{name}": data for name, data in theme.static_files().items()})
    return files, timelines
