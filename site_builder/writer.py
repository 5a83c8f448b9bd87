"""Write a whole output tree atomically: build beside it, then swap it in.

The writer knows nothing about policies: it takes a mapping of relative paths to bytes. Until
the swap the live folder is untouched; the swap exchanges the two folders in one system call
where Linux offers it (renameat2 RENAME_EXCHANGE), so a visitor or a killed build never sees a
half-written site. Leftovers of a killed build are cleaned up by the next one.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import shutil
import time
from pathlib import Path

from site_builder.problems import UsageError

LOCK_TIMEOUT_SECONDS = 300
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


class WriteError(UsageError):
    """The output folder could not be written (permissions, full disk): exit 2."""


def refuse_unsafe_output(root: Path, out: Path) -> None:
    """The swap replaces the whole folder, so it must never be one that holds the sources."""
    out, root = out.resolve(), root.resolve()
    sources = [root / "policies", root / "themes"]
    if out == root:
        raise UsageError(f"output folder {out} is the site root; the build replaces the whole "
                         "output folder, so choose another, e.g. --out output")
    for source in sources:
        if out == source or source.is_relative_to(out) or out.is_relative_to(source):
            raise UsageError(f"output folder {out} would replace or lie inside "
                             f"{source.name}/; choose a folder outside the sources")


def write_site(files: dict[str, bytes], out: Path) -> None:
    out = out.absolute()
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        with _locked(out):
            _recover_and_clean(out)
            staging = out.parent / f".{out.name}.tmp-{os.getpid()}"
            try:
                _write_tree(files, staging)
                _swap_in(staging, out)
            finally:
                shutil.rmtree(staging, ignore_errors=True)
    except OSError as error:
        raise WriteError(f"cannot write {error.filename or out}: {error.strerror}; the previous "
                         "output was left as it was") from None


class _locked:
    """An exclusive lock beside the output: a second build waits instead of interleaving."""

    def __init__(self, out: Path):
        self.path = out.parent / f".{out.name}.lock"

    def __enter__(self):
        self.handle = open(self.path, "w")
        deadline = time.monotonic() + LOCK_TIMEOUT_SECONDS
        while True:
            try:
                fcntl.flock(self.handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return self
            except BlockingIOError:
                if time.monotonic() > deadline:
                    self.handle.close()
                    raise UsageError(f"another build has held {self.path} for "
                                     f"{LOCK_TIMEOUT_SECONDS} s; is one stuck?") from None
                time.sleep(0.05)

    def __exit__(self, *exc):
        fcntl.flock(self.handle, fcntl.LOCK_UN)
        self.handle.close()


def _leftovers(out: Path, kind: str) -> list[Path]:
    return sorted(out.parent.glob(f".{out.name}.{kind}-*"), key=lambda p: p.stat().st_mtime)


def _recover_and_clean(out: Path) -> None:
    """Undo what a build killed mid-swap left: restore the old site if it is missing, then tidy."""
    old = _leftovers(out, "old")
    if old and not out.exists():
        old.pop().rename(out)
    for leftover in old + _leftovers(out, "tmp"):
        shutil.rmtree(leftover, ignore_errors=True)


def _write_tree(files: dict[str, bytes], staging: Path) -> None:
    staging.mkdir()
    for relative in sorted(files):
        target = staging / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(files[relative])


def _swap_in(staging: Path, out: Path) -> None:
    if not out.exists():
        staging.rename(out)
    elif not out.is_dir():
        raise UsageError(f"output {out} is a file, not a folder; remove it or choose another --out")
    elif not _exchange(staging, out):
        retired = out.parent / f".{out.name}.old-{os.getpid()}"
        out.rename(retired)
        staging.rename(out)
        shutil.rmtree(retired, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders atomically; False where the system or file system cannot."""
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if result != 0:
        code = ctypes.get_errno()
        if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EXDEV):
            return False
        raise OSError(code, os.strerror(code), str(b))
    return True
