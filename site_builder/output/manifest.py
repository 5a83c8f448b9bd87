"""The manifest beside an output folder: every file the last build wrote, with the key of what
it was made from and its inode, size and time.

It makes the folder ours to replace (writer.real_output), and lets the next build link the
files that did not change instead of writing them again. It is read and written without ever
following a link: a link named like it cannot make the build read or write anything else.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from site_builder.output.siblings import manifest_path, temporary_prefix
from site_builder.base.untrusted import read_regular
from site_builder.output.state import MAX_STATE_BYTES, Untrusted, manifest_entries


class _Keep:
    def __repr__(self) -> str:
        return "KEEP"


KEEP = _Keep()  # a file's content meaning: link the identical file of the previous output


MAX_KEPT_BYTES = 64 * 1024 * 1024  # a page, a stylesheet: far below this


class PreviousOutput:
    """What the last build wrote, as its manifest says, to reuse identical files."""

    def __init__(self, out: Path):
        self.out = out.absolute()
        try:
            self.manifest = manifest_entries(self.out)
        except Untrusted:  # a planted or damaged manifest: nothing is ours to reuse
            self.manifest = {}

    def holds_nothing(self) -> bool:
        """No file the last build wrote is there to keep: a CI deploy's new output folder."""
        if not self.manifest:
            return True
        try:
            with os.scandir(self.out) as entries:
                return next(entries, None) is None
        except OSError:
            return True

    def kept(self, keys: dict[str, str]) -> set[str]:
        """Paths whose previous file was written from the same key and is still as written."""
        kept, out = set(), str(self.out)  # strings: a Path per file cost more than its lstat
        for path, key in keys.items():
            entry = self.manifest.get(path)
            if not entry or entry[0] != key:
                continue
            try:  # the file itself, never what a link planted in its place points to
                found = os.lstat(os.path.join(out, path))
            except OSError:
                continue
            if (stat.S_ISREG(found.st_mode)
                    and [found.st_ino, found.st_size, found.st_mtime_ns] == entry[1:]):
                kept.add(path)
        return kept


def read_previous(out: Path, path: str) -> bytes:
    """A file the previous output holds and this build keeps (its manifest vouched for it)."""
    return read_regular(out / path, MAX_KEPT_BYTES, follow=False)


def read_manifest(out: Path) -> bytes:
    """The manifest's bytes as they are (the build record hashes them); never through a link."""
    return read_regular(manifest_path(out), MAX_STATE_BYTES, follow=False)


def entries(tree: Path, files: dict, keys: dict[str, str]) -> dict[str, list]:
    """Each file's key, inode, size and time; they stay the same when ``tree`` is renamed."""
    entries, folder = {}, str(tree)
    for path in files:
        stat = os.stat(os.path.join(folder, path))  # strings: a Path per file cost more
        entries[path] = [keys.get(path, ""), stat.st_ino, stat.st_size, stat.st_mtime_ns]
    return entries


def write_manifest(out: Path, entries: dict[str, list], also_owned: dict | None = None) -> None:
    """The list of what this build wrote: it makes the folder ours to replace next time, and
    lets the next build reuse unchanged files. Written to a new file (never through a link)
    and renamed over the old one."""
    target = manifest_path(out)
    entries = {**(also_owned or {}), **entries}
    descriptor, temporary = tempfile.mkstemp(dir=out.parent,
                                             prefix=temporary_prefix(out, "manifest"))
    try:
        with os.fdopen(descriptor, "wb") as handle:
            # msgspec: json's encoder took 5 ms for the archive's 6,000 files, twice a build;
            # loaded here, not by a build with nothing to do, which only reads (8 ms)
            import msgspec

            handle.write(msgspec.json.encode(entries, order="sorted"))
        os.replace(temporary, target)
    finally:
        if os.path.lexists(temporary):
            os.unlink(temporary)
