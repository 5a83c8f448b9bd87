"""``policy-site new DOC``: start the next version of a document, already inside the rule."""

from __future__ import annotations

import contextlib
import os
import tempfile
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from site_builder.dates import today_in
from site_builder.loader import SLUG, load_site
from site_builder.problems import UsageError
from site_builder.stated_dates import restate


@dataclass(frozen=True)
class NewVersion:
    path: Path
    effective: date
    announced: date | None
    window: int


def create_version(root: Path, slug: str, effective: date | None, material: bool, draft: bool,
                   as_of: date | None) -> NewVersion:
    if not SLUG.match(slug):
        raise UsageError(f"'{slug}' is not a document slug (lower-case letters, digits, hyphens)")
    site = load_site(root).site
    document = next((d for d in site.documents if d.slug == slug), None)
    if document is None:
        raise UsageError(f"no document '{slug}': create policies/{slug}/document.yaml and its "
                         "first version first")
    today = as_of or today_in(site.timezone)
    window = document.notice.window_for(material)
    earliest = today + timedelta(days=window)
    latest = document.versions[-1] if document.versions else None
    if effective is None:
        effective = max(earliest, latest.effective + timedelta(days=1)) if latest else earliest
    path = root / "policies" / slug / f"{effective}.md"
    if path.exists():
        raise UsageError(f"{path.relative_to(root)} already exists; edit it or choose another date")
    if effective < earliest:
        kind = "material change" if material else "change"
        raise UsageError(f"effective {effective} is inside the {window}-day notice window for a "
                         f"{kind} announced {today}; the earliest allowed is {earliest}")
    if latest and effective <= latest.effective:
        raise UsageError(f"effective {effective} is not after the latest version "
                         f"({latest.effective}); choose a later date")
    body = restate(latest.body, latest.effective, effective) if latest else "\n"
    write_new_file(path, _front_matter(effective, None if draft else today, material) + body)
    return NewVersion(path, effective, None if draft else today, window)


def write_new_file(path: Path, text: str) -> None:
    """Write a file that must not exist yet, whole or not at all: the text goes to a temporary
    file first, which is then linked into place (failing if the name was taken meanwhile)."""
    try:
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        try:
            with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                handle.write(text)
            os.link(temporary, path)
        finally:
            with contextlib.suppress(OSError):  # a hidden leftover is ignored by the loader
                os.unlink(temporary)
    except FileExistsError:
        raise UsageError(f"{path} already exists; edit it or choose another date") from None
    except OSError as error:
        raise UsageError(f"cannot write {error.filename or path}: {error.strerror}; nothing was "
                         "written") from None


def _front_matter(effective: date, announced: date | None, material: bool) -> str:
    lines = ["---", f"effective: {effective}"]
    if announced:
        lines.append(f"announced: {announced}")
    lines.append('summary: ""')
    if material:
        lines.append("material: true")
    return "\n".join(lines + ["---"]) + "\n"
