"""Small changes to an output folder, applied in place through a journal.

Rebuilding a whole tree to swap it in costs a folder and a link for every page, however little
changed. When few files change, they are instead written beside their targets (``name`` +
``NEW_SUFFIX``), and a journal beside the output records the plan in two steps:

1. ``writing``: the files about to be written. A build killed now leaves the site exactly as
   it was; the next build deletes the half-written files (rolls back).
2. ``commit``: every file is written and the new manifest is known. From here on the next
   build, if this one is killed, renames the files into place and removes the deleted ones
   (rolls forward) before doing anything else.

So a killed build leaves the old site, or a journal that the next build completes to the new
one; while the renames run (milliseconds), a visitor may get some pages old and some new.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from site_builder.base.files import link_or_copy
from site_builder.cache.files import StoredFile
from site_builder.output.manifest import KEEP, write_manifest
from site_builder.output.state import COMMIT, WRITING, Untrusted, journal_entries
from site_builder.output.siblings import NEW_SUFFIX, journal_path, temporary_prefix

IN_PLACE_SHARE = 0.25  # more changed files than this share: a new tree is swapped in instead


def suits(files: dict, out: Path, manifest: dict) -> bool:
    """Whether this build is small enough to apply in place: an earlier build (``manifest``)
    is there, and few of its files change or go."""
    if not out.is_dir() or not manifest or os.path.islink(out):
        return False
    changed = sum(1 for content in files.values() if content is not KEEP)
    removed = sum(1 for path in manifest if path not in files)
    return changed + removed <= IN_PLACE_SHARE * max(len(files), 1)


def update_in_place(files: dict, out: Path, keys: dict[str, str], manifest: dict) -> None:
    changed = {path: content for path, content in files.items() if content is not KEEP}
    removed = sorted(path for path in manifest if path not in files)
    _write_journal(out, {"state": WRITING, "changed": sorted(changed), "removed": removed})
    for path, content in changed.items():
        _write_beside(out / path, content)
    entries = {path: manifest[path] for path in files if path not in changed and path in manifest}
    for path in changed:
        stat = os.stat(f"{out / path}{NEW_SUFFIX}")  # a rename keeps inode, size and time
        entries[path] = [keys.get(path, ""), stat.st_ino, stat.st_size, stat.st_mtime_ns]
    committed = {"state": COMMIT, "changed": sorted(changed), "removed": removed,
                 "manifest": entries}
    _write_journal(out, committed)
    _complete(out, committed)  # this build's own plan: it need not be read back and checked


def recover(out: Path) -> None:
    """Finish or undo what a killed build left in ``out``, as its journal says; a journal
    that is not one this package wrote is left alone (state_warnings says so)."""
    try:
        journal = journal_entries(out)
    except Untrusted:
        return
    if journal is not None:
        _complete(out, journal)


def _complete(out: Path, journal: dict) -> None:
    """Roll a committed journal forward, or an uncommitted one back, and remove it."""
    changed, removed = journal.get("changed", []), journal.get("removed", [])
    if journal.get("state") == COMMIT:
        for name in changed:
            new = f"{out / name}{NEW_SUFFIX}"
            with contextlib.suppress(FileNotFoundError):  # renamed before the kill
                os.replace(new, out / name)
                # Both names links to one file (a page linked from the cache's store that the
                # output already links): rename() then does nothing, and the new name stays.
                if os.path.lexists(new):
                    os.unlink(new)
        for name in removed:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(out / name)
            _remove_empty_folders(out, Path(name).parent)
        write_manifest(out, journal["manifest"])
    else:
        for name in changed:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(f"{out / name}{NEW_SUFFIX}")
    os.unlink(journal_path(out))


def _write_beside(target: Path, content) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = Path(f"{target}{NEW_SUFFIX}")
    with contextlib.suppress(FileNotFoundError):
        temporary.unlink()  # a leftover: never written through, whatever it is
    if isinstance(content, StoredFile):
        link_or_copy(content.path, temporary)
        return
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(content)


def _write_journal(out: Path, journal: dict) -> None:
    descriptor, temporary = tempfile.mkstemp(dir=out.parent,
                                             prefix=temporary_prefix(out, "journal"))
    try:
        with os.fdopen(descriptor, "wb") as handle:
            import msgspec  # not loaded by a build with nothing to do (8 ms)

            handle.write(msgspec.json.encode(journal))  # json took 5 ms for 6,000 files
            handle.flush()
            os.fsync(handle.fileno())  # the journal is what a crash is recovered from
        os.replace(temporary, journal_path(out))
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)


def _remove_empty_folders(out: Path, folder: Path) -> None:
    while folder != Path("."):
        try:
            os.rmdir(out / folder)
        except OSError:
            return
        folder = folder.parent
