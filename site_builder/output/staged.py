"""The build's files on their way to the output: the staging tree, and the files held for it.

The renderer fills a mapping of relative paths to contents. A large site's pages would not fit
in memory all at once, so :class:`StagedFiles` writes the pages it holds into the staging tree
beside the output (the writer's, which is swapped in at the end) whenever they pass
``SPILL_BYTES``, and keeps only their names; the rest are written with them at the end. A
small build never spills, and may still be applied in place (journal.py).
"""

from __future__ import annotations

import hashlib
import os
import shutil
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from site_builder.base.files import link_or_copy
from site_builder.base.messages import say
from site_builder.base.problems import UsageError
from site_builder.cache.files import StoredFile
from site_builder.output import siblings
from site_builder.output.manifest import KEEP

if TYPE_CHECKING:  # loaded when files are written: a build with nothing to do writes none
    from concurrent.futures import ThreadPoolExecutor

SPILL_BYTES = 16 * 1024 * 1024
# Creating a file costs a file system round trip that a thread can wait for while others work:
# several in flight write a 4,000-file site in half the time on a virtual disk.
WRITING_THREADS = 8
_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC


class WriteError(UsageError):
    """The output folder could not be written (permissions, full disk): exit 2."""


def cannot_write(error: OSError, out: Path) -> WriteError:
    return WriteError(say("cannot write {path}: {reason}; the previous output was left as it "
                          "was", path=error.filename or out, reason=error.strerror))


class Spilled(StoredFile):
    """A file already written into the staging tree, in place: nothing to link."""


class StagingTree:
    """A new output tree being written beside ``out``: each folder made once, the files by
    several threads; content KEEP links the previous output's file, a StoredFile the cache's."""

    def __init__(self, out: Path):
        self.out = out
        self.path = siblings.own_folder(out, siblings.STAGING)
        self.path.mkdir()
        self.root = str(self.path)
        self.folders: set[str] = set()

    def write(self, files: dict) -> None:
        depths: dict[int, list[str]] = {}
        for folder in self._new_folders(files):
            depths.setdefault(folder.count("/"), []).append(folder)
        contents, links = self._writes_and_links(files)
        root = self.root
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(WRITING_THREADS) as pool:
            for depth in sorted(depths):  # parents first: one system call per folder
                list(_shared_out(pool, lambda name: os.mkdir(os.path.join(root, name)),
                                 sorted(depths[depth])))
            written = _shared_out(pool, partial(self._write_bytes, files), contents)
            # Links are made here while the threads write: a link is quick, and links made
            # from several threads take twice as long (6,115 of them: 0.05 s against 0.11 s).
            for relative, source in links:
                link_or_copy(source, os.path.join(root, relative))
            list(written)

    def _writes_and_links(self, files: dict) -> tuple[list[str], list[tuple[str, str]]]:
        """The paths to write, and (path, file to link) for the others; spilled files are
        written already."""
        contents, links, out = [], [], str(self.out)
        for relative, content in sorted(files.items()):
            if isinstance(content, bytes):
                contents.append(relative)
            elif content is KEEP:
                links.append((relative, os.path.join(out, relative)))
            elif not isinstance(content, Spilled):
                links.append((relative, content.path))  # a StoredFile
        return contents, links

    def remove(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)

    def _new_folders(self, files: dict) -> list[str]:
        """The folders the files lie in that are not made yet (strings: a path object per
        file cost more than the mkdirs on a large site)."""
        new = []
        for relative in files:
            folder = os.path.dirname(relative)
            while folder and folder not in self.folders:
                self.folders.add(folder)
                new.append(folder)
                folder = os.path.dirname(folder)
        return new

    def _write_bytes(self, files: dict, relative: str) -> None:
        """As Path.write_bytes, without its path object and buffered file (6,000 pages on a
        tmpfs: 94-102 ms of CPU against 125-150), in threads sharing the renderers' cores."""
        descriptor = os.open(os.path.join(self.root, relative), _NEW_FILE, 0o666)
        try:
            data = memoryview(files[relative])
            while data:
                data = data[os.write(descriptor, data):]
        finally:
            os.close(descriptor)


def _shared_out(pool: ThreadPoolExecutor, action, items: list) -> Iterator[None]:
    """``action`` on every item, the items dealt out to the pool's threads: one task per
    thread, as a task per item cost more to hand over than a folder costs to make (3,040
    folders: 77-113 ms against 168-207, and 98-148 ms in this thread alone)."""
    def each(share: list) -> None:
        for item in share:
            action(item)
    return pool.map(each, [items[start::WRITING_THREADS] for start in range(WRITING_THREADS)])


class StagedFiles(dict):
    """The build's files by relative path (the renderer's mapping): pages held past
    ``SPILL_BYTES`` go to the staging tree (:attr:`tree`, None until then) as :class:`Spilled`."""

    def __init__(self, out: Path):
        super().__init__()
        self.out = out
        self.tree: StagingTree | None = None
        self.held = 0

    def __setitem__(self, relative: str, content) -> None:
        super().__setitem__(relative, content)
        if isinstance(content, bytes):
            self.held += len(content)
            if self.held > SPILL_BYTES:
                self.spill()

    def update(self, *others, **more) -> None:
        for other in (*others, more):
            for relative, content in dict(other).items():
                self[relative] = content

    def spill(self) -> None:
        held = {path: data for path, data in self.items() if isinstance(data, bytes)}
        try:
            self.tree = self.tree or StagingTree(self.out)
            self.tree.write(held)
        except OSError as error:  # the build's finally removes the tree (discard)
            raise cannot_write(error, self.out) from None
        for path, data in held.items():
            super().__setitem__(path, Spilled(os.path.join(self.tree.path, path),
                                              hashlib.sha256(data).hexdigest()))
        self.held = 0
        del held
        _return_freed_memory()

    def discard(self) -> None:
        """A build that failed after spilling: its staging tree goes."""
        if self.tree:
            self.tree.remove()


def _return_freed_memory() -> None:
    """glibc keeps freed pages for the process; the pages just written are many megabytes
    freed in the middle of the heap, which only malloc_trim gives back (5,000 versions: a peak
    of 266 MB instead of 300 MB, for 400,000 page faults instead of 240,000: about 0.5 s)."""
    import ctypes

    trim = getattr(ctypes.CDLL(None), "malloc_trim", None)
    if trim is not None:
        trim(0)


def written(files: dict) -> dict[str, str]:
    """The SHA-256 of each file this build wrote itself (not linked), by relative path."""
    return {path: (content.sha256 if isinstance(content, Spilled)
                   else hashlib.sha256(content).hexdigest())
            for path, content in files.items() if isinstance(content, (bytes, Spilled))}
