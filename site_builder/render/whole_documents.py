"""Documents a build finds whole from an earlier one, without planning their pages again.

A build remembers each document's pages' keys by the document's identity (views.py: all its
pages are made from). When the identity comes back and every one of those pages is in the
previous output as made from its key, or in the cache's file store, the document's pages are
kept or linked as they are: their views and keys are not made again. That planning was a
tenth of a build that changed one version of the 1,000-version archive, for the 19 documents
nothing had changed in. A page missing from both makes its document planned and rendered as
any other.
"""

from __future__ import annotations

from typing import Callable

from site_builder.base.digest import digest
from site_builder.cache.memo import PAGE, PAGE_KEYS, Memo


def pages_name(identity: str, pdf: bool) -> str:
    """What a document's pages' keys are remembered by: its identity, and whether its pages
    link PDFs (build --pdf)."""
    return digest(identity, "pdf" if pdf else "")


def recall_whole(memo: Memo, names: dict[str, str], paths: dict[str, set[str]],
                 reusable: Callable[[dict[str, str]], set[str]], files: dict,
                 kept: set) -> dict[str, dict[str, str]]:
    """For each document (``names``: slug -> pages_name) whose remembered pages are the ones
    it has now (``paths``: slug -> output paths) and are all kept or stored: their keys by
    path. Their files go into ``files``, or ``kept`` for those the previous output holds."""
    found = dict(zip(names, memo.recall_many(PAGE_KEYS, list(names.values()))))
    known = {slug: keys for slug, keys in found.items()
             if isinstance(keys, dict) and keys.keys() == paths[slug]}
    every = {path: key for keys in known.values() for path, key in keys.items()}
    reused = reusable(every)
    linked = [path for path in every if path not in reused]
    stored = dict(zip(linked, memo.recall_many(PAGE, [every[path] for path in linked])))
    whole = {slug: keys for slug, keys in known.items()
             if all(path in reused or stored[path] is not None for path in keys)}
    for keys in whole.values():
        kept.update(path for path in keys if path in reused)
        files.update((path, stored[path]) for path in keys if path not in reused)
    memo.keep(PAGE, [key for keys in whole.values() for path, key in keys.items()
                     if path in reused])  # for a deploy into an empty folder
    return whole
