"""The whole site rendered in memory: every page in every language, its feeds and indexes.

The pages are planned per language (editions.py), recalled where nothing they are made from
changed, and the rest rendered on every core, a few documents at a time; only what the pages
to render need (bodies, comparisons) is prepared for them. Nothing here touches the output
folder: what the previous output already holds is named by ``kept``, for the writer to link.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path
from typing import Callable

from site_builder.base.digest import digest
from site_builder.base.problems import PolicyError
from site_builder.cache.bodies import rendered_bodies
from site_builder.cache.memo import (COMPARISON, DOCUMENT, INDEXES, NO_MEMO, PAGE, PAGE_KEYS,
                                      Memo)
from site_builder.model.publication import Timeline, site_timelines
from site_builder.model.site import Site
from site_builder.model.translated import edition_site
from site_builder.render import feeds, indexes, urls, version_links
from site_builder.render.editions import VERSION, Edition, document_plan, site_files
from site_builder.render.batches import batches as page_batches
from site_builder.render.document_pages import document_jobs
from site_builder.render.pages import PageJob, PageRenderer, RenderInputs
from site_builder.render.product_notice import PRODUCT_NOTICES, render_product_notices
from site_builder.render.theme import Theme, ThemeError
from site_builder.render.whole_documents import pages_name, recall_whole
from site_builder.rules.validation import Validation
from site_builder.text.comparison import compare_articles

# Which of these files (path -> key) the previous output holds as they would be made now.
Reusable = Callable[[dict[str, str]], set[str]]


@dataclass(frozen=True)
class SiteFiles:
    files: dict[str, bytes]  # path -> bytes of every file rendered
    kept: set[str]  # paths of files the previous output holds as they would be made now
    keys: dict[str, str]  # path -> key of what the file was made from (kept files too)
    timelines: tuple[Timeline, ...]
    indexes: Callable[[], dict[str, bytes]]  # feeds, versions.json and sitemap, on demand
    translated_versions: int = 0  # version pages in other languages than the original's


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
        timelines = site_timelines(shown, today, preview)
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
                memo: Memo = NO_MEMO, reusable: Reusable | None = None,
                with_indexes: bool = True,
                only: Callable[[tuple[Timeline, ...]], set[str]] | None = None,
                pdf: bool = False, files: dict | None = None) -> SiteFiles:
    """Every output file by relative path, in every language; nothing is written here.

    Files the previous output already holds as they would be made now (``reusable``: which
    of these paths and keys) are listed in ``kept`` instead of being rendered. Serve passes
    ``preview`` (drafts too, marked as such), its ``live_reload`` script, and
    ``with_indexes=False``: it makes feeds and indexes only when asked for them, so a save
    shows its page without waiting for them. ``check`` passes ``only``: which pages to render
    (the rest are left out). ``pdf``: the original's version and changes pages link the PDFs
    the build makes of them (render/pdf.py). ``files``: the mapping to fill, page by page as
    they are made (the build's writes its pages out as they pass a size).
    """
    plans = plan_editions(validation, preview)
    files = {} if files is None else files
    kept, keys, index_makers = set(), {}, []
    try:
        themes = [Theme(root, validation.site.theme, plan.edition.language) for plan in plans]
        autonyms = {plan.edition.language: theme.strings.get(f"language_{plan.edition.language}",
                                                             plan.edition.language)
                    for plan, theme in zip(plans, themes)}
        editions = tuple(plan.edition for plan in plans)
        every_page = digest(*(e.links_key("") for e in editions))  # what indexes link to
        for plan, theme in zip(plans, themes):
            inputs = RenderInputs(plan.site, plan.timelines, live_reload=live_reload,
                                  pdf=pdf and plan.edition.is_original)
            renderer = PageRenderer(inputs, theme, plan.edition, editions, autonyms, memo)
            edition_keys = _render_edition(renderer, plan, memo, reusable, only, files, kept)
            keys.update(edition_keys)
            index_makers.append(_index_maker(validation.today, plan, theme, editions,
                                             every_page, edition_keys, memo))
        others = {}
        if with_indexes:
            for make in index_makers:
                others.update(make())
        others.update({f"assets/{name}": data for name, data in themes[0].static_files().items()})
    except ThemeError as error:
        raise PolicyError([error.problem]) from None
    other_keys = {path: digest(data) for path, data in others.items()}
    kept_others = reusable(other_keys) if reusable else set()
    kept |= kept_others
    files.update((path, data) for path, data in others.items() if path not in kept_others)

    def make_indexes() -> dict[str, bytes]:
        return {path: data for make in index_makers for path, data in make().items()}

    return SiteFiles(files, kept, {**keys, **other_keys}, plans[0].timelines, make_indexes,
                     _translated_versions(plans))


def _translated_versions(plans: list[_EditionPlan]) -> int:
    return sum(1 for plan in plans if not plan.edition.is_original
               for pages in plan.plans.values() for kind, _ in pages.values() if kind == VERSION)


def _render_edition(renderer: PageRenderer, plan: _EditionPlan, memo: Memo,
                    reusable: Reusable | None, only, files: dict, kept: set) -> dict[str, str]:
    """One language's pages into ``files`` (or ``kept``), by output path; returns what each
    is made of."""
    whole_from = reusable if reusable and not only else None  # a build's, of every page
    known, keys, fresh = _recall_documents(renderer, plan, memo, whole_from, files, kept)
    files.update(known)
    jobs = {plan.edition.output(urls.page_file("")): renderer.index_page()}
    for document_pages in fresh.values():
        jobs.update(document_pages)
    if only:
        wanted = {plan.edition.output(path) for path in only(plan.timelines)}
        jobs = {path: job for path, job in jobs.items() if path in wanted}
    new_keys = {path: job.key for path, job in jobs.items()}
    keys.update(new_keys)
    reused = reusable(new_keys) if reusable else set()
    memo.keep(PAGE, [new_keys[path] for path in reused])  # for a deploy into an empty folder
    rendered = _render_pages(renderer.inputs, jobs, memo, reused, files)
    kept |= reused
    if whole_from:
        for identity, document_pages in fresh.items():
            memo.remember(PAGE_KEYS, pages_name(identity, renderer.inputs.pdf),
                          {path: new_keys[path] for path in document_pages})
    elif not only:  # a document is remembered whole or not at all
        _remember_documents(memo, fresh, rendered, files, new_keys)
    return keys


def _index_maker(today: date, plan: _EditionPlan, theme: Theme, editions: tuple[Edition, ...],
                 every_page: str, keys: dict[str, str], memo: Memo) -> Callable[[], dict]:
    """Feeds and indexes show what the pages show (``keys``: every page's, by path; and
    ``every_page``: which pages each language has), plus the day and the timezone. Each
    document's feeds and TimeMap are remembered on their own, by its pages' keys: a change
    to one document makes its own and the site-wide ones again, not every document's, and
    the site's feeds take their items from the documents'. The keys are hashed when they are
    asked for (serve asks only when a feed is requested)."""
    def make() -> dict[str, bytes]:
        shared = (today.isoformat(), plan.site.timezone, plan.edition.language, every_page)
        shown = [t for t in plan.timelines if plan.plans[t.document.slug]]
        jobs = []
        for timeline in shown:
            pages = sorted(plan.edition.output(p) for p in plan.plans[timeline.document.slug])
            jobs.append((digest(*shared, *(f"{p}={keys.get(p)}" for p in pages)),
                         partial(_document_indexes, plan, theme.strings, today, timeline)))
        documents = memo.get_many(INDEXES, jobs, here=True)
        # In path order: which documents a build found whole changes the order of ``keys``.
        site_wide = memo.get(INDEXES, digest(*shared, *(keys[path] for path in sorted(keys))),
                             partial(_site_indexes, plan, theme.strings, today, editions, shown,
                                     dict(zip((t.document.slug for t in shown), documents))))
        return {path: data for files in (site_wide, *documents) for path, data in files.items()}
    return make


def _recall_documents(renderer: PageRenderer, plan: _EditionPlan, memo: Memo,
                      whole_from: Reusable | None, files: dict, kept: set):
    """Files of documents nothing has changed in (serve, between saves; a build: those it
    finds whole, whole_documents.py, whose files go into ``files`` or ``kept``), their keys,
    and page jobs for the others, by the identity of each document."""
    known, keys, fresh = {}, {}, {}
    shown = [t for t in plan.timelines if plan.plans[t.document.slug]]
    identities = {t.document.slug: renderer.views.document_identity(t) for t in shown}
    whole = recall_whole(
        memo, {slug: pages_name(i, renderer.inputs.pdf) for slug, i in identities.items()},
        {slug: {plan.edition.output(p) for p in plan.plans[slug]} for slug in identities},
        whole_from, files, kept) if whole_from else {}
    for timeline in shown:
        slug = timeline.document.slug
        if slug in whole:
            keys.update(whole[slug])
        elif remembered := memo.recall(DOCUMENT, identities[slug]):
            known.update(remembered[0])
            keys.update(remembered[1])
        else:
            jobs = document_jobs(renderer, timeline, plan.plans[slug])
            fresh[identities[slug]] = {plan.edition.output(path): job
                                       for path, job in jobs.items()}
    return known, keys, fresh


def _render_pages(inputs: RenderInputs, jobs: dict[str, PageJob], memo: Memo,
                  reused: set[str], files: dict) -> set[str]:
    """The pages the previous output does not hold (``reused``) into ``files``, recalled or
    rendered a batch at a time (so that only its bodies are in memory at once) by processes
    forked once for all of them; returns their paths."""
    wanted = {path: job for path, job in jobs.items() if path not in reused}
    # Cached pages are read once, here: one that will not decode is rendered like any other.
    known = dict(zip(wanted, memo.recall_many(PAGE, [job.key for job in wanted.values()])))
    files.update((path, page) for path, page in known.items() if page is not None)
    batches = page_batches({p: j for p, j in wanted.items() if known[p] is None}, memo.workers)
    for rendered in memo.map_forked([partial(_render_batch, inputs, batch) for batch in batches]):
        files.update(rendered)
    return set(wanted)


def _render_batch(inputs: RenderInputs, batch: dict[str, PageJob], memo: Memo) -> dict:
    """One batch's pages, with the bodies and comparisons they need, forgotten after."""
    _prepare(inputs, list(batch.values()), memo)
    try:
        return dict(zip(batch, memo.get_many(PAGE, [(job.key, job.render)
                                                    for job in batch.values()])))
    finally:
        inputs.release()


def _remember_documents(memo: Memo, fresh: dict, rendered_paths: set[str], files: dict,
                        keys: dict) -> None:
    for identity, rendered in fresh.items():
        if all(path in rendered_paths for path in rendered):
            memo.remember(DOCUMENT, identity, ({p: files[p] for p in rendered},
                                               {p: keys[p] for p in rendered}))


def _site_indexes(plan: _EditionPlan, strings: dict, today: date, editions: tuple[Edition, ...],
                  shown: list[Timeline], documents: dict[str, dict]) -> dict[str, bytes]:
    """``documents``: each shown document's files (_document_indexes), by slug."""
    edition, site, timelines = plan.edition, plan.site, plan.timelines
    files = feeds.site_feeds(site, strings, today, tuple(shown), edition, documents)
    files[edition.output(urls.VERSIONS_JSON)] = indexes.render_versions_json(
        site, today, timelines, edition, editions)
    files[edition.output(PRODUCT_NOTICES)] = render_product_notices(
        site, strings, today, timelines, edition, editions)
    if edition.is_original:
        files[urls.SITEMAP] = indexes.render_sitemap(site, timelines, editions)
    return files


def _document_indexes(plan: _EditionPlan, strings: dict, today: date,
                      timeline: Timeline) -> dict[str, bytes]:
    """A document's feeds (when it has a version to show) and, in the original, its TimeMap."""
    edition, site = plan.edition, plan.site
    files = (feeds.document_feeds(site, strings, today, timeline, edition)
             if timeline.entries else {})
    if edition.is_original and timeline.published:
        files[version_links.timemap_path(timeline.document.slug)] = \
            version_links.render_timemap(timeline, site.base_url, site.timezone)
    return files


def _prepare(inputs: RenderInputs, jobs: list[PageJob], memo: Memo) -> None:
    """Render the bodies and comparisons the given pages need, and only those: a comparison
    the cache holds needs no bodies (one that will not decode is made like any other)."""
    entries = {e.version.path: e for t in inputs.timelines for e in t.entries}
    compared = sorted({path for job in jobs for path in job.comparisons})
    pairs = {path: (entries[path].previous, entries[path].version) for path in compared}
    keys = {path: digest(old.body, new.body) for path, (old, new) in pairs.items()}
    known = dict(zip(compared, memo.recall_many(COMPARISON, [keys[path] for path in compared])))
    missing = [path for path in compared if known[path] is None]
    needed = {path for job in jobs for path in job.bodies}
    needed.update(version.path for path in missing for version in pairs[path])
    versions = [entries[path].version for path in sorted(needed)]
    bodies = rendered_bodies(memo, [v.body for v in versions])
    inputs.bodies.update(zip((v.path for v in versions), bodies))
    made = memo.get_many(COMPARISON, [
        (keys[path], partial(_compare, inputs.bodies, pairs[path][0].path, pairs[path][1].path))
        for path in missing])
    inputs.comparisons.update({**known, **dict(zip(missing, made))})


def _compare(bodies: dict, old: str, new: str):
    return compare_articles(bodies[old].articles, bodies[new].articles)
