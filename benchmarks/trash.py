"""Previous outputs moved aside instead of deleted while a benchmark measures.

On ext4 (this project's machines), a folder made within about three minutes of many folders
being deleted costs 0.5 ms instead of 0.03 ms: the allocator skips each recently freed inode
(`recently_deleted` in fs/ext4/ialloc.c). Deleting the previous output right before a build
would make every build pay that, and a real deploy never does: a CI runner starts on a fresh
disk. So the cases move what they would delete here, and it is deleted once all is measured.

The same holds between runs: a run's folder deleted at its end (or a test suite's) slows the
next run's first minutes. :func:`settle` waits until making a folder costs what it does on a
quiet disk (on this machine kind, 23-40 µs a folder; 110-210 µs for about four minutes after
9,000 files were deleted), and the runs print what it cost, so that two runs compare.
"""

from __future__ import annotations

import itertools
import shutil
import time
from pathlib import Path

QUIET_FOLDER_US = 60  # making a folder on a quiet disk of this machine kind: 23-40 µs
SETTLE_SECONDS = 360  # inodes freed within five minutes are skipped as recent


class Trash:
    def __init__(self, folder: Path):
        self.folder = folder
        self.count = itertools.count()

    def discard(self, path: Path) -> None:
        """Move ``path`` (a file or a folder, if it exists) out of the way, on the same disk."""
        if path.exists() or path.is_symlink():
            self.folder.mkdir(parents=True, exist_ok=True)
            path.rename(self.folder / f"{next(self.count)}-{path.name}")

    def empty(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def folder_cost(folder: Path, count: int = 200) -> float:
    """Microseconds to make a folder in ``folder`` now (they stay there, for the trash)."""
    probe = folder / f"probe-{time.time_ns()}"
    probe.mkdir(parents=True)
    started = time.perf_counter()
    for index in range(count):
        (probe / str(index)).mkdir()
    return (time.perf_counter() - started) / count * 1e6


def settle(folder: Path) -> str:
    """Wait, up to SETTLE_SECONDS, until making folders costs what it does on a quiet disk;
    say what it cost before and after."""
    started, first = time.monotonic(), folder_cost(folder)
    cost = first
    while cost > QUIET_FOLDER_US and time.monotonic() - started < SETTLE_SECONDS:
        time.sleep(15)
        cost = folder_cost(folder)
    return (f"making a folder took {first:.0f} µs, {cost:.0f} µs after waiting "
            f"{time.monotonic() - started:.0f} s")
