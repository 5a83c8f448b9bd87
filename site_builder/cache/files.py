"""Output files kept in the cache by their content's SHA-256, to hard-link instead of writing.

On a virtual disk, creating a file costs far more than linking one: a build into an empty output
folder (every CI deploy, with the cache restored) spends most of its time creating thousands of
pages it made before. So after each build, the files it wrote are hard-linked into
``<cache>/files/<sha256>`` (a copy where the cache is on another file system), and a later
build that would make the same bytes links that file into its output instead.

The folder is as untrusted as the rest of the cache: a file is used only if it is a regular file
(never through a link, never a FIFO), not too large, and its bytes hash to its name. A page edited
in place in the output edits the linked copy too: its hash no longer matches, so it is a miss.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import stat
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Iterator

from site_builder.base.files import link_or_copy
from site_builder.base.untrusted import read_regular
from site_builder.cache.workers import Background

MAX_STORED_BYTES = 64 * 1024 * 1024  # a page or a source: far below this
_NAME = re.compile(r"[0-9a-f]{64}")
_TEMPORARY = re.compile(r"\.[0-9a-f]{64}\.[0-9]+")  # a file being adopted, left by a kill
_MARKS_AT_ONCE = 256  # check_ahead's verdicts in one write: what is done is what is used


@dataclass(frozen=True)
class StoredFile:
    """A file of an earlier build whose bytes were checked: link it rather than write it."""

    path: Path | str  # a str where tens of thousands are held (output/staged.py)
    sha256: str

    def read(self) -> bytes:
        return read_regular(self.path, MAX_STORED_BYTES, follow=False)


class FileStore:
    """``folder``'s files by SHA-256; ``used``: what this build found or added, kept by prune."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.used: set[str] = set()
        # A link or a file planted under the store's name would make the build link files
        # into, and prune, another folder: then there is no store at all.
        self.usable = not os.path.lexists(folder) or (folder.is_dir() and not folder.is_symlink())
        self._ahead: tuple[list[str], Background] | None = None  # check_ahead, running
        self._checked: dict[str, int] = {}  # ... and what it found
        self.listed = 0  # the stored files check_ahead found: pruned when many go unused

    def find_many(self, hashes) -> dict[str, StoredFile]:
        """The stored files with these bytes, checked, by hash."""
        if not self.usable:
            return {}
        wanted = {h for h in hashes if isinstance(h, str) and _NAME.fullmatch(h)}
        vouched = self._vouched() if wanted else {}  # taken when first needed
        stored = (self._found(sha256, vouched) for sha256 in wanted)
        found = {file.sha256: file for file in stored if file}
        self.used.update(found)
        return found

    def check_ahead(self) -> None:
        """Check every stored file in another process while this one goes on to validate the
        sources: a build with nothing to keep from its output folder (a CI deploy) links nearly
        all of them, and reading and hashing 6,000 took 85-90 ms of its 560 on one core while
        the other was idle. What it has not checked when a page is first looked up (a file
        added since, or all of them if it died) is checked here then."""
        if not self.usable:
            return
        with contextlib.suppress(OSError):  # no store yet, or no process to be had
            names = [entry.name for entry in os.scandir(self.folder) if _NAME.fullmatch(entry.name)]
            self.listed = len(names)
            if names:
                self._ahead = (names, Background(partial(self._marks, names)))

    def stop_checking(self) -> None:
        if self._ahead:
            self._ahead[1].stop()
            self._ahead = None

    def _marks(self, names: list[str]) -> Iterator[bytes]:
        """A byte a name, 1 if its file is good, sent a few hundred at a time."""
        for start in range(0, len(names), _MARKS_AT_ONCE):
            yield bytes(self._check(name) is not None
                        for name in names[start:start + _MARKS_AT_ONCE])

    def _vouched(self) -> dict[str, int]:
        """What the other process found (name -> 1 if good) until now: a store holding many
        more files than a build links (planted, or kept for other output folders) costs this
        build no wait, only the checks it would have made without that process."""
        if self._ahead:
            names, background = self._ahead
            self._ahead = None
            self._checked = dict(zip(names, background.so_far()))
        return self._checked

    def _found(self, sha256: str, vouched: dict[str, int]) -> StoredFile | None:
        if sha256 not in vouched:
            return self._check(sha256)
        return self._file(sha256) if vouched[sha256] else None

    def _check(self, sha256: str) -> StoredFile | None:
        stored = self._file(sha256)
        try:
            data = stored.read()
        except OSError:  # missing, a link, a FIFO, too large: not ours to use
            return None
        return stored if hashlib.sha256(data).hexdigest() == sha256 else None

    def _file(self, sha256: str) -> StoredFile:
        return StoredFile(os.path.join(self.folder, sha256), sha256)  # a str: thousands are used

    def adopt(self, tree: Path, files: dict[str, str]) -> None:
        """Keep the files ``tree`` now holds (relative path -> SHA-256 of the bytes written); a
        file that cannot be kept only costs the next build the time to write it again."""
        if not self.usable:
            return
        with contextlib.suppress(OSError):
            self.folder.mkdir(exist_ok=True)
        for relative, sha256 in files.items():
            self.used.add(sha256)
            with contextlib.suppress(OSError):
                self._adopt(tree / relative, sha256)

    def _adopt(self, source: Path, sha256: str) -> None:
        """The output's file becomes the stored one, even where the store has the same bytes
        already (a page rendered again, the same as before): pruning spares a stored file
        while an output links it, so it must be the output's own. Whatever held the name
        (damaged, planted) is replaced, never written through."""
        target = self.folder / sha256
        with contextlib.suppress(OSError):  # the name taken, or no links here: see below
            os.link(source, target, follow_symlinks=False)  # the usual case: one system call
            return
        with contextlib.suppress(OSError):
            if os.path.samestat(os.stat(source), os.lstat(target)):
                return
        temporary = self.folder / f".{sha256}.{os.getpid()}"
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        link_or_copy(source, temporary)
        os.replace(temporary, target)

    def prune(self) -> None:
        """Forget what this build did not use and no output still holds (a file linked into an
        output folder has another link): the next build of that output links it again."""
        if not self.usable:
            return
        with contextlib.suppress(OSError), os.scandir(self.folder) as entries:
            for entry in entries:
                if _TEMPORARY.fullmatch(entry.name):
                    with contextlib.suppress(OSError):
                        os.unlink(entry.path)
                if entry.name in self.used or not _NAME.fullmatch(entry.name):
                    continue
                with contextlib.suppress(OSError):
                    found = entry.stat(follow_symlinks=False)
                    if not stat.S_ISREG(found.st_mode) or found.st_nlink == 1:
                        os.unlink(entry.path)
