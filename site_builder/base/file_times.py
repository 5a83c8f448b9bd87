"""When a file's times can stand for its contents: a record that found a file's bytes keeps
its inode, size, modification and change times, and a later look that finds them all again
need not read the file. The change time cannot be set back; but a file changed just before it
was looked at may change again within one tick of a coarse file system clock (a second on
some, two on FAT) with the same times, so its times stand for nothing until it has settled."""

from __future__ import annotations

import os
import time

SETTLING_NS = 2_000_000_000


def settled_before() -> int:
    """The moment (ns) a file must not have changed after for its times to stand for it."""
    return time.time_ns() - SETTLING_NS


def has_settled(stat: os.stat_result, moment: int) -> bool:
    return max(stat.st_mtime_ns, stat.st_ctime_ns) <= moment
