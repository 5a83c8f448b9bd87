"""Whether the output folder is ours to replace: empty, or holding only what an earlier build
wrote (the manifest lists it). The swap replaces the whole folder, so a file anyone else put
there makes the build refuse.

Walking it lists every folder (3,000 for the 1,000-version archive): 30 ms of a build that
changed one version. When nothing is left to recover from a killed build and
another core is free, a forked process walks it while this one reads and judges the sources,
and the verdict is taken just before anything is written; a walk not finished by then (or a
process that died) is done here, as it always was.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from site_builder.base.messages import say
from site_builder.base.problems import UsageError
from site_builder.cache.workers import Background, can_fork
from site_builder.output import siblings
from site_builder.output.manifest import PreviousOutput
from site_builder.output.siblings import NEW_SUFFIX, is_settled

_OURS = b"ours"  # the walk found nothing foreign; otherwise it sends the foreign file's path
_LENGTH = 8  # bytes of the verdict's length before it: a long path may arrive in pieces


@contextmanager
def foreign_files_refused(real: Path, workers: int) -> Iterator[Callable[[], None]]:
    """A check to call before the output is written: it raises if the folder holds a file no
    earlier build wrote. Made on another core meanwhile where it can be (see above);
    otherwise here and now, before a killed build's leftovers are touched."""
    walk = _walk_elsewhere(real) if workers > 1 and can_fork() else None
    if walk is None:
        refuse_foreign_files(real)
        yield lambda: None
        return
    try:
        yield lambda: refuse_foreign_files(real, _unframed(walk.so_far()))
    finally:
        walk.stop()


def _walk_elsewhere(real: Path) -> Background | None:
    """The walk in a forked process, or None: a killed build's leftovers to recover first,
    nothing the last build wrote to walk, or no process to be had."""
    if not is_settled(real) or not PreviousOutput(real).manifest:
        return None
    try:
        return Background(lambda: [_framed(_verdict(real))])
    except OSError:
        return None


def _verdict(real: Path) -> bytes:
    stranger = _foreign_file(real)
    return _OURS if stranger is None else os.fsencode(stranger)


def _framed(verdict: bytes) -> bytes:
    return len(verdict).to_bytes(_LENGTH, "little") + verdict


def _unframed(sent: bytes) -> bytes:
    """The verdict, or b"" if the walk has not sent all of it."""
    length = int.from_bytes(sent[:_LENGTH], "little")
    return sent[_LENGTH:] if len(sent) >= _LENGTH and len(sent) == _LENGTH + length else b""


def refuse_foreign_files(real: Path, verdict: bytes = b"") -> None:
    """The swap replaces the whole folder, so it must be ours: empty, or holding only what an
    earlier build wrote (its manifest lists). ``verdict``: a finished walk's, if there is one."""
    if verdict == _OURS:
        return
    stranger = os.fsdecode(verdict) if verdict else _foreign_file(real)
    if stranger:
        raise UsageError(say("output folder {out} holds {stranger}, which no earlier policy-site "
                             "build wrote; the build replaces the whole folder, so it refuses to. "
                             "Choose an empty or new folder with --out, or move that folder's "
                             "files away (an earlier build whose manifest {manifest} was lost: "
                             "delete the folder)", out=real, stranger=stranger,
                             manifest=siblings.manifest_path(real).name))


def _foreign_file(out: Path) -> str | None:
    """A file in ``out`` that the last build's manifest does not list (its path), if any: the
    first in name order, folder by folder. Each entry's kind comes with the folder's listing
    (a link to a folder is a file here, not entered): no system call a file."""
    if not out.is_dir():
        return None
    listed = PreviousOutput(out).manifest
    folders = [(str(out), "")]  # paths below out, as the manifest names them
    while folders:  # a loop: a planted tree thousands of folders deep is only a long walk
        folder, below = folders.pop()
        try:
            with os.scandir(folder) as scan:
                found = sorted(scan, key=lambda entry: entry.name)
        except OSError:
            continue  # skipped, as os.walk skipped it: only root's own folders, or none
        inner = []
        for entry in found:
            relative = below + entry.name
            if entry.is_dir(follow_symlinks=False):
                inner.append((entry.path, relative + "/"))
            elif relative not in listed and not relative.endswith(NEW_SUFFIX):
                return relative
        folders.extend(reversed(inner))
    return None
