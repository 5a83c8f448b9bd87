"""The build, top to bottom, as named stages: read and judge the sources, render the site,
add the public record, write the output, remember what was made."""

from __future__ import annotations

import sqlite3
from functools import partial
from pathlib import Path
from datetime import date
from typing import Callable, Iterator

from site_builder.base import collector
from site_builder.base.messages import say
from site_builder.base.problems import WARNING, PolicyError, Problem
from site_builder.model.site import PolicyVersion
from site_builder.render import urls
from site_builder.rules import ledger
from site_builder.cache.memo import Memo
from site_builder.cache.store import DiskStore, open_store
from site_builder.cache.workers import can_fork
from site_builder.commands import build_record
from site_builder.commands.build_summary import BuildSummary
from site_builder.commands.live_ledger import local_ledger, read_live_ledger
from site_builder.output.manifest import KEEP, PreviousOutput, read_previous
from site_builder.output.staged import StagedFiles, written
from site_builder.output.writer import write_site
from site_builder.render.pdf import add_pdfs, pdf_jobs
from site_builder.render.record import add_record
from site_builder.render.site import SiteFiles, render_site
from site_builder.rules.validation import Validation, validate
from site_builder.sources.sourcefile import read_judged_bytes


def build_site(root: Path, out: Path, today: date, use_cache: bool, workers: int,
               live_ledger: str | None, inputs: dict | None, pdf: bool = False,
               refuse_foreign: Callable[[], None] = lambda: None) -> BuildSummary:
    """Inside the output lock, with ``out`` resolved and recovered; ``refuse_foreign`` raises,
    before anything is written, if ``out`` holds what no earlier build wrote (foreign.py);
    ``inputs``: what the build is made from, read before the sources (build_record.py), for
    the record it leaves, or None for no record."""
    store = open_store(root) if use_cache else None
    previous = PreviousOutput(out) if store else None
    try:
        if previous and previous.holds_nothing() and workers > 1 and can_fork():
            store.files.check_ahead()  # a deploy: it links nearly everything the store holds
        return _build(root, out, today, store, workers, live_ledger, inputs if store else None,
                      previous.kept if previous else None, pdf, refuse_foreign)
    finally:
        if store:
            store.files.stop_checking()


def _build(root: Path, out: Path, today: date, store: DiskStore | None, workers: int,
           live_ledger: str | None, inputs: dict | None, reusable: Callable | None,
           pdf: bool, refuse_foreign: Callable[[], None]) -> BuildSummary:
    memo = Memo(store, workers)
    validation = judge_sources(root, today, memo, build_record.source_hashes(inputs))
    live = read_live_ledger(live_ledger, out) if live_ledger else None
    earlier = None if live_ledger else local_ledger(out)
    files = StagedFiles(out)
    try:
        with collector.kept_for_the_build():  # the site as read lives to the end
            site = render_site(root, validation, memo=memo, reusable=reusable, pdf=pdf,
                               files=files)
            if pdf:
                add_pdfs(site.files, site.kept, site.keys,
                         pdf_jobs(site.timelines, validation.site.language),
                         partial(read_previous, out), memo, reusable)
            chain = add_record(validation.site, today, site, live, partial(_sources, root, store),
                               reusable)
            if earlier:
                validation.problems.extend(_chain_warnings(earlier, chain, site.timelines, out))
            refuse_foreign()
            write_output(site, out)
    finally:
        files.discard()
    if store:
        store.files.adopt(out, written(site.files))
        _save_quietly(store)
    summary = _summary(site, validation, out, store.damaged if store else 0)
    if inputs:
        build_record.record(root, out, today, inputs, summary, {"pdf": pdf})
    return summary


def judge_sources(root: Path, today: date, memo: Memo, hashes: dict[str, str]) -> Validation:
    """Load the sources and apply every rule; nothing is published while an error stands.
    ``hashes``: of the files as the build record's inputs read them, by path."""
    validation = validate(root, today, memo, hashes=hashes)
    if not validation.ok:
        raise PolicyError(validation.problems)
    return validation


def _sources(root: Path, store: DiskStore | None, versions: list[PolicyVersion]) -> Iterator:
    """Version files to publish: the cache's copies of the same bytes, to link, or their
    bytes, read as they are asked for (5,000 versions' bytes at once are 65 MB), and still
    the bytes the pages were made from."""
    stored = store.files.find_many(v.sha256 for v in versions) if store else {}
    return (stored.get(v.sha256) or read_judged_bytes(root / v.path, v.path, v.sha256)
            for v in versions)


def _chain_warnings(earlier: list[dict], chain: list[dict], timelines,
                    out: Path) -> list[Problem]:
    """A build without --ledger never silently publishes an edit of text its output folder's
    ledger recorded as published, nor silently starts a ``chain`` that does not continue it."""
    if chain[:len(earlier)] == earlier:  # it goes on from the recorded one: nothing edited
        return []
    edits = ledger.edits_of_recorded_text(earlier, timelines)
    if edits or ledger.extends(chain, earlier):
        return edits
    return [Problem(str(out / urls.LEDGER), None, say(
        "this build's ledger starts a new chain: it does not continue the one this output "
        "folder held (a build without --ledger dates each event by its sources); a deploy "
        "continues the live site's chain with --ledger <base_url>/ledger.json"),
        rule="ledger", severity=WARNING)]


def write_output(site: SiteFiles, out: Path) -> None:
    """The rendered files, and links to the previous output's identical ones, swapped in."""
    site.files.update(dict.fromkeys(site.kept, KEEP))
    write_site(site.files, out, site.keys)


def _summary(site: SiteFiles, validation: Validation, out: Path, damaged: int) -> BuildSummary:
    timelines = site.timelines
    return BuildSummary(
        documents=sum(1 for t in timelines if t.entries),
        versions=sum(len(t.entries) for t in timelines),
        change_pages=sum(1 for t in timelines for e in t.entries if e.previous),
        feeds=sum(1 for name in site.keys if name.endswith("feed.xml")),
        seconds=0.0,
        out=out,
        warnings=validation.problems,
        damaged_cache_entries=damaged,
        translations=site.translated_versions,
    )


def _save_quietly(store: DiskStore) -> None:
    """The cache only saves time: a failure to write it must not fail a finished build."""
    try:
        store.save()
    except (OSError, sqlite3.Error):
        pass
    finally:
        store.close()
