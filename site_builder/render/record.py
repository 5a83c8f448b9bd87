"""The public record published with the site: ``ledger.json`` and each published version's
source as ``source.md`` beside its page, so that anyone can check the text against the
ledger's hash (commands/verify.py)."""

from __future__ import annotations

import json
from datetime import date
from typing import Callable, Iterator

from site_builder.base.digest import digest
from site_builder.base.problems import PolicyError
from site_builder.model.site import PolicyVersion, Site
from site_builder.render import urls
from site_builder.render.site import Reusable, SiteFiles
from site_builder.rules import ledger

_LINE = json.JSONEncoder(ensure_ascii=False)


def add_record(site: Site, today: date, files: SiteFiles, live: list[dict] | None,
               sources_of: Callable[[list[PolicyVersion]], Iterator], reusable: Reusable | None
               ) -> list[dict]:
    """Add the ledger (continuing the ``live`` chain, when given) and the sources to
    ``files``; ``sources_of`` gives version files' contents to publish: their bytes, or stored
    copies to link (the sources are the build's to read, not the renderer's). Returns the
    ledger's entries."""
    if live is None:
        entries = ledger.new_chain(files.timelines)
    else:
        entries, problems = ledger.continue_chain(live, files.timelines, today)
        if problems:
            raise PolicyError(problems)
    data = render_ledger(site, entries)
    files.files[urls.LEDGER], files.keys[urls.LEDGER] = data, digest(data)
    sources = {urls.source_path(t.document.slug, e.effective): e.version
               for t in files.timelines for e in t.published}
    keys = {path: version.sha256 for path, version in sources.items()}
    kept = reusable(keys) if reusable else set()
    files.kept.update(kept)
    wanted = {path: version for path, version in sources.items() if path not in kept}
    for path, content in zip(wanted, sources_of(list(wanted.values()))):
        files.files[path] = content  # one at a time: a large build writes them as they pass
    files.keys.update(keys)
    return entries


def render_ledger(site: Site, entries: list[dict]) -> bytes:
    """One entry a line: readable, diffable, and written by JSON's fast encoder (one for all:
    ``json.dumps`` with an option makes a new one for every line)."""
    head = _LINE.encode({"format": ledger.FORMAT,
                         "site": {"title": site.title, "base_url": site.base_url}})
    lines = ",\n".join(map(_LINE.encode, entries))
    return f'{head[:-1]}, "entries": [\n{lines}\n]}}\n'.encode("utf-8")
