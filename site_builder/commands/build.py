"""The build, top to bottom: validate, decide the pages, render what is new, swap it in."""

from __future__ import annotations

import json
import sqlite3
import time
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path
from typing import Callable

from site_builder.commands import build_record as build_stamp
from site_builder.render import feeds
from site_builder.sources import published as fetch
from site_builder.render import indexes
from site_builder.rules import ledger
from site_builder.render import urls
from site_builder.commands.build_summary import BuildReport
from site_builder.cache.store import DiskStore, open_store
from site_builder.text.comparison import compare_articles
from site_builder.sources.loader import policies_dir, read_source_bytes
from site_builder.text.markup import render_or_refuse
from site_builder.base.digest import digest
from site_builder.cache.memo import NO_MEMO, Memo
from site_builder.base.messages import say
from site_builder.render.editions import VERSION, Edition, document_plan, site_files
from site_builder.model.site import Site
from site_builder.render.pages import PageJob, PageRenderer, RenderInputs, document_jobs
from site_builder.cache.workers import default_workers
from site_builder.base.problems import PolicyError, Problem
from site_builder.model.publication import Timeline, timeline
from site_builder.rules.translations import edition_site
from site_builder.render.theme import Theme, ThemeError
from site_builder.rules.validation import Validation, validate
from site_builder.output.manifest import PreviousOutput
from site_builder.output.writer import KEEP, output_lock, real_output, recover_output, write_site


BATCH_JOBS = 500  # pages rendered between two releases of bodies: enough to keep cores busy


@dataclass(frozen=True)
class SiteFiles:
    files: dict  # path -> bytes, or KEEP for a file identical to the previous output's
    keys: dict[str, str]  # path -> key of what the file was made from
    timelines: tuple[Timeline, ...]
    indexes: Callable[[], dict[str, bytes]]  # feeds, versions.json and sitemap, on demand
    translated_versions: int = 0  # version pages in other languages than the original's


def build(root: Path, out: Path, as_of: date | None, use_cache: bool = True,
          workers: int | None = None, ledger: str | None = None) -> BuildReport:
    """Validate, render what is new on every core, add the ledger and the published sources,
    and swap the new output in. ``ledger`` is the live site's ledger to continue (a URL or a
    path); without it the ledger starts anew from the sources."""
    started = time.perf_counter()
    policies_dir(root)  # a mistyped --root must not create folders before it is refused
    real_out = real_output(root, out)
    with output_lock(real_out):
        recover_output(real_out)  # a killed build's leftovers first: the reuse below trusts them
        store = open_store(root) if use_cache else None
        # Read before the sources are: a file changed during the build makes the record stale.
        inputs = (build_stamp.read_inputs(root, build_stamp.recorded_inputs(root))
                  if store and not ledger else None)
        memo = Memo(store, workers or default_workers())
        validation = validate(root, as_of, memo)
        if not validation.ok:
            raise PolicyError(validation.problems)
        live = read_live_ledger(ledger, real_out) if ledger else None
        previous = PreviousOutput(real_out) if store else None
        site = render_site(root, validation, memo=memo, previous=previous)
        _add_record(root, validation, site, live, previous)
        write_site(site.files, real_out, site.keys)
        if store:
            _save_quietly(store)
        report = _report(site, validation, out, time.perf_counter() - started,
                         store.damaged if store else 0)
        if inputs:
            build_stamp.record(root, real_out, validation.today, validation.site.timezone,
                               inputs, report)
    return report


def _report(site: "SiteFiles", validation: Validation, out: Path, seconds: float,
            damaged: int) -> BuildReport:
    timelines = site.timelines
    return BuildReport(
        documents=sum(1 for t in timelines if t.entries),
        versions=sum(len(t.entries) for t in timelines),
        change_pages=sum(1 for t in timelines for e in t.entries if e.previous),
        feeds=sum(1 for name in site.files if name.endswith("feed.xml")),
        seconds=seconds,
        out=out,
        warnings=validation.problems,
        damaged_cache_entries=damaged,
        translations=site.translated_versions,
    )


def read_live_ledger(location: str, out: Path) -> list[dict]:
    """The live site's ledger entries, refused when they are not a chain that continues what
    this output folder last published (a site rolled back to an older deploy)."""
    site, name = fetch.site_and_file(location, urls.LEDGER)
    where = f"{site.rstrip('/')}/{name}"
    try:
        entries = ledger.entries_of(json.loads(fetch.read(site, name)))
    except fetch.NotFound:
        raise fetch.FetchError(say("{where}: no ledger there; the first deploy of a site builds "
                                   "without --ledger, later ones pass the live ledger",
                                   where=where)) from None
    except ValueError as error:
        raise PolicyError([ledger.ledger_problem(say("{where} is not a ledger: {reason}",
                                                     where=where, reason=str(error)))]) from None
    earlier = _local_ledger(out)
    broken = ledger.chain_problems(entries)  # reported by continue_chain, with what to do
    if earlier and not broken and not ledger.extends(entries, earlier):
        raise PolicyError([ledger.ledger_problem(say(
            "{where} has {live} entries and does not continue the {earlier} this output folder "
            "last published: the live site was rolled back or replaced; redeploy the last build "
            "before continuing the chain", where=where, live=len(entries),
            earlier=len(earlier)))])
    return entries


def _local_ledger(out: Path) -> list | None:
    try:
        return ledger.entries_of(json.loads((out / urls.LEDGER).read_bytes()))
    except (OSError, ValueError):
        return None


def _add_record(root: Path, validation: Validation, site: "SiteFiles", live: list[dict] | None,
                previous: PreviousOutput | None) -> None:
    """ledger.json, and each published version's source as ``source.md`` beside its page, so
    that anyone can check the published text against the ledger's hash."""
    if live is None:
        entries = ledger.new_chain(site.timelines)
    else:
        entries, problems = ledger.continue_chain(live, site.timelines, validation.today)
        if problems:
            raise PolicyError(problems)
    data = ledger.render_ledger(validation.site, entries)
    site.files[urls.LEDGER], site.keys[urls.LEDGER] = data, digest(data)
    sources = {urls.source_path(t.document.slug, e.effective): e.version
               for t in site.timelines for e in t.published}
    keys = {path: version.sha256 for path, version in sources.items()}
    kept = previous.kept(keys) if previous else set()
    for path, version in sources.items():
        site.files[path] = KEEP if path in kept else read_source_bytes(root, version.path)
    site.keys.update(keys)


def _save_quietly(store: DiskStore) -> None:
    """The cache only saves time: a failure to write it must not fail a finished build."""
    try:
        store.save()
    except (OSError, sqlite3.Error):
        pass
    finally:
        store.close()


def document_timelines(validation: Validation, preview: bool = False) -> tuple[Timeline, ...]:
    return _timelines(validation.site, validation.today, preview)


def _timelines(site: Site, today: date, preview: bool) -> tuple[Timeline, ...]:
    documents = sorted(site.documents, key=lambda d: (d.order, d.slug))
    return tuple(timeline(d, today, preview) for d in documents)


@dataclass(frozen=True)
class _EditionPlan:
    """One language's pages: the site as they show it, and each document's page plan."""

    edition: Edition
    site: Site
    timelines: tuple[Timeline, ...]
    plans: dict[str, dict]  # document slug -> editions.document_plan


def plan_editions(validation: Validation, preview: bool = False) -> list[_EditionPlan]:
    """The original's pages, then each translation's (a language with no translation of a
    published version yet has none)."""
    site, today = validation.site, validation.today
    plans = []
    for language in site.languages or (site.language,):
        is_original = language == site.language
        shown = site if is_original else edition_site(site, language)
        timelines = _timelines(shown, today, preview)
        documents = {t.document.slug: document_plan(t, None if is_original else language,
                                                    site.translation_fallback)
                     for t in timelines}
        files = {path for plan in documents.values() for path in plan}
        if not is_original:
            if not files:
                continue
            files |= site_files([slug for slug, plan in documents.items() if plan])
        plans.append(_EditionPlan(Edition(language, is_original,
                                          frozenset() if is_original else frozenset(files)),
                                  shown, timelines, documents))
    return plans


def render_site(root: Path, validation: Validation, live_reload: str = "", preview: bool = False,
                memo: Memo = NO_MEMO, previous: PreviousOutput | None = None,
                with_indexes: bool = True,
                only: Callable[[tuple[Timeline, ...]], set[str]] | None = None) -> SiteFiles:
    """Every output file by relative path, in every language; nothing is written here.

    Files the ``previous`` output already holds unchanged are KEEP instead of bytes (pages are
    then not even rendered). Serve passes ``preview`` (drafts too, marked as such), its
    ``live_reload`` script, and ``with_indexes=False``: it makes feeds and indexes only when
    asked for them, so a save shows its page without waiting for them. ``check`` passes
    ``only``: which pages to render (the rest are left out).
    """
    plans = plan_editions(validation, preview)
    files, keys, index_makers = {}, {}, []
    try:
        themes = [Theme(root, validation.site.theme, plan.edition.language) for plan in plans]
        autonyms = {plan.edition.language: theme.strings.get(f"language_{plan.edition.language}",
                                                             plan.edition.language)
                    for plan, theme in zip(plans, themes)}
        editions = tuple(plan.edition for plan in plans)
        every_page = digest(*(e.links_key("") for e in editions))  # what indexes link to
        for plan, theme in zip(plans, themes):
            inputs = RenderInputs(plan.site, plan.timelines, live_reload=live_reload)
            renderer = PageRenderer(inputs, theme, plan.edition, editions, autonyms, memo)
            edition_keys = _render_edition(renderer, plan, memo, previous, only, files)
            keys.update(edition_keys)
            index_makers.append(_index_maker(validation.today, plan, theme, editions,
                                             (every_page, *edition_keys.values()), memo))
        others = {}
        if with_indexes:
            for make in index_makers:
                others.update(make())
        others.update({f"assets/{name}": data for name, data in themes[0].static_files().items()})
    except ThemeError as error:
        raise PolicyError([error.problem]) from None
    other_keys = {path: digest(data) for path, data in others.items()}
    kept_others = previous.kept(other_keys) if previous else set()
    files.update((path, KEEP if path in kept_others else data) for path, data in others.items())

    def make_indexes() -> dict[str, bytes]:
        return {path: data for make in index_makers for path, data in make().items()}

    return SiteFiles(files, {**keys, **other_keys}, plans[0].timelines, make_indexes,
                     _translated_versions(plans))


def _translated_versions(plans: list[_EditionPlan]) -> int:
    return sum(1 for plan in plans if not plan.edition.is_original
               for pages in plan.plans.values() for kind, _ in pages.values() if kind == VERSION)


def _render_edition(renderer: PageRenderer, plan: _EditionPlan, memo: Memo,
                    previous: PreviousOutput | None, only, files: dict) -> dict[str, str]:
    """One language's pages into ``files``, by output path; returns what each is made of."""
    known, keys, fresh = _recall_documents(renderer, plan, memo)
    files.update(known)
    jobs = {plan.edition.output(urls.page_file("")): renderer.index_page()}
    for document_pages in fresh.values():
        jobs.update(document_pages)
    if only:
        wanted = {plan.edition.output(path) for path in only(plan.timelines)}
        jobs = {path: job for path, job in jobs.items() if path in wanted}
    new_keys = {path: job.key for path, job in jobs.items()}
    keys.update(new_keys)
    rendered = _render_pages(renderer.inputs, jobs, memo,
                             previous.kept(new_keys) if previous else set())
    files.update(rendered)
    if not only:  # a document is remembered whole or not at all
        _remember_documents(memo, fresh, rendered, new_keys)
    return keys


def _index_maker(today: date, plan: _EditionPlan, theme: Theme, editions: tuple[Edition, ...],
                 made_of: tuple[str, ...], memo: Memo) -> Callable[[], dict[str, bytes]]:
    """Feeds and indexes show what the pages show (``made_of``: every page's key, and which
    pages each language has), plus the day and the timezone."""
    return partial(memo.get, "indexes",
                   digest(today.isoformat(), plan.site.timezone, plan.edition.language, *made_of),
                   partial(_indexes, plan, theme.strings, today, editions))


def _recall_documents(renderer: PageRenderer, plan: _EditionPlan, memo: Memo):
    """Files of documents nothing has changed in (serve, between saves), and page jobs for
    the others, by the identity of each document."""
    files, keys, fresh = {}, {}, {}
    for document_timeline in (t for t in plan.timelines if plan.plans[t.document.slug]):
        identity = renderer.document_identity(document_timeline)
        known = memo.recall("document", identity)
        if known:
            files.update(known[0])
            keys.update(known[1])
        else:
            jobs = document_jobs(renderer, document_timeline,
                                 plan.plans[document_timeline.document.slug])
            fresh[identity] = {plan.edition.output(path): job for path, job in jobs.items()}
    return files, keys, fresh


def _render_pages(inputs: RenderInputs, jobs: dict[str, PageJob], memo: Memo,
                  keep: set[str]) -> dict:
    """KEEP for the pages the previous output holds; the others rendered on every core, a few
    documents at a time, so that only those documents' bodies are in memory at once."""
    pages = dict.fromkeys(keep, KEEP)
    memo.flush()  # the pages will need the memory
    for batch in _document_batches({p: j for p, j in jobs.items() if p not in keep}):
        _prepare(inputs, [job for job in batch.values() if not memo.knows("page", job.key)], memo)
        rendered = memo.get_many("page", [(job.key, job.render) for job in batch.values()],
                                 forked=inputs.release)
        pages.update(zip(batch, rendered))
        inputs.release()
    return pages


def _document_batches(jobs: dict[str, PageJob]) -> list[dict[str, PageJob]]:
    """Jobs grouped by document (the first folder of their path), BATCH_JOBS or more a group."""
    batches: list[dict[str, PageJob]] = [{}]
    for path in sorted(jobs, key=lambda p: p.split("/", 1)[0]):
        if len(batches[-1]) >= BATCH_JOBS and not _same_document(path, batches[-1]):
            batches.append({})
        batches[-1][path] = jobs[path]
    return [batch for batch in batches if batch]


def _same_document(path: str, batch: dict) -> bool:
    return path.split("/", 1)[0] == next(reversed(batch)).split("/", 1)[0]


def _remember_documents(memo: Memo, fresh: dict, files: dict, keys: dict) -> None:
    for identity, rendered in fresh.items():
        if not any(files[path] is KEEP for path in rendered):
            memo.remember("document", identity, ({p: files[p] for p in rendered},
                                                 {p: keys[p] for p in rendered}))


def _indexes(plan: _EditionPlan, strings: dict, today: date,
             editions: tuple[Edition, ...]) -> dict:
    edition, site, timelines = plan.edition, plan.site, plan.timelines
    shown = tuple(t for t in timelines if plan.plans[t.document.slug])
    files = feeds.render_feeds(site, strings, today, shown, edition)
    files[edition.output(urls.VERSIONS_JSON)] = indexes.render_versions_json(
        site, today, timelines, edition, editions)
    if edition.is_original:
        files[urls.SITEMAP] = indexes.render_sitemap(site, timelines, editions)
    return files


def _prepare(inputs: RenderInputs, jobs: list[PageJob], memo: Memo) -> None:
    """Render the bodies and comparisons the given pages need, and only those."""
    entries = {e.version.path: e for t in inputs.timelines for e in t.entries}
    compared = sorted({path for job in jobs for path in job.comparisons})
    pairs = [(entries[path].previous, entries[path].version) for path in compared]
    comparison_keys = [digest(old.body, new.body) for old, new in pairs]
    needed = {path for job in jobs for path in job.bodies}
    for (old, new), key in zip(pairs, comparison_keys):
        if not memo.knows("comparison", key):
            needed.update((old.path, new.path))
    versions = [entries[path].version for path in sorted(needed)]
    bodies = memo.get_many("body", [(digest(v.body), partial(render_or_refuse, v.body))
                                    for v in versions])
    inputs.bodies.update(zip((v.path for v in versions), bodies))
    comparisons = memo.get_many("comparison", [
        (key, partial(_compare, inputs.bodies, old.path, new.path))
        for (old, new), key in zip(pairs, comparison_keys)])
    inputs.comparisons.update(zip(compared, comparisons))


def _compare(bodies: dict, old: str, new: str):
    return compare_articles(bodies[old].articles, bodies[new].articles)
