"""Write a whole output tree atomically: build beside it, then swap it in.

The writer knows nothing about policies: it takes a mapping of relative paths to bytes, each
with an opaque key naming its content. Until the swap the live folder is untouched; the swap
exchanges the two folders in one system call where Linux offers it (renameat2
RENAME_EXCHANGE), so a visitor or a killed build never sees a half-written site. Leftovers of
a killed build are cleaned up by the next one.

A file whose key equals the key it had in the previous output, and whose old file is intact,
is hard-linked into the new tree instead of being rendered and written again. The keys of the
last output live beside it in ``.<name>.manifest.json``, never inside it.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import json
import os
import shutil
import time
from pathlib import Path, PurePosixPath

from site_builder.problems import UsageError

LOCK_TIMEOUT_SECONDS = 300
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


class WriteError(UsageError):
    """The output folder could not be written (permissions, full disk): exit 2."""


class _Keep:
    def __repr__(self) -> str:
        return "KEEP"


KEEP = _Keep()  # a file value meaning: link the identical file of the previous output


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


def write_site(files: dict[str, bytes | _Keep], out: Path, keys: dict[str, str] | None = None) -> None:
    """Write ``files`` as the new ``out``; call it inside :func:`output_lock`."""
    out = out.absolute()
    try:
        _recover_and_clean(out)
        if _already_there(files, out):
            return
        staging = out.parent / f".{out.name}.tmp-{os.getpid()}"
        try:
            _write_tree(files, staging, out)
            _swap_in(staging, out)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        _write_manifest(out, keys or {})
    except OSError as error:
        raise WriteError(f"cannot write {error.filename or out}: {error.strerror}; the previous "
                         "output was left as it was") from None


def output_lock(out: Path) -> "_locked":
    """Held for a whole build: a second build waits instead of interleaving."""
    out = out.absolute()
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise WriteError(f"cannot create {out.parent}: {error.strerror}") from None
    return _locked(out)


def _already_there(files: dict, out: Path) -> bool:
    """Every file kept and nothing else in the output: writing would change nothing."""
    if not out.is_dir() or any(content is not KEEP for content in files.values()):
        return False
    present = {os.path.relpath(os.path.join(folder, name), out)
               for folder, _, names in os.walk(out) for name in names}
    return present == set(files)


def _manifest_path(out: Path) -> Path:
    return out.parent / f".{out.name}.manifest.json"


class PreviousOutput:
    """What the last build wrote, as its manifest says, to reuse identical files."""

    def __init__(self, out: Path):
        self.out = out.absolute()
        try:
            self.manifest = json.loads(_manifest_path(self.out).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.manifest = {}

    def kept(self, keys: dict[str, str]) -> set[str]:
        """Paths whose previous file was written from the same key and is still as written."""
        kept = set()
        for path, key in keys.items():
            entry = self.manifest.get(path)
            if not entry or entry[0] != key:
                continue
            try:
                stat = os.stat(self.out / path)
            except OSError:
                continue
            if [stat.st_ino, stat.st_size, stat.st_mtime_ns] == entry[1:]:
                kept.add(path)
        return kept


def _write_manifest(out: Path, keys: dict[str, str]) -> None:
    """Best effort: without a manifest the next build only writes every file again."""
    target = _manifest_path(out)
    try:
        entries = {}
        for path, key in keys.items():
            stat = os.stat(out / path)
            entries[path] = [key, stat.st_ino, stat.st_size, stat.st_mtime_ns]
        temporary = target.with_name(target.name + f".{os.getpid()}")
        temporary.write_text(json.dumps(entries, sort_keys=True), encoding="utf-8")
        os.replace(temporary, target)
    except OSError:
        target.unlink(missing_ok=True)


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


def _write_tree(files: dict[str, bytes | _Keep], staging: Path, out: Path) -> None:
    staging.mkdir()
    folders = {parent for relative in files for parent in PurePosixPath(relative).parents}
    for folder in sorted(folders - {PurePosixPath(".")}, key=lambda f: len(f.parts)):
        (staging / folder).mkdir()  # parents first: one system call per folder
    for relative in sorted(files):
        target = staging / relative
        content = files[relative]
        if content is KEEP:
            _link_or_copy(out / relative, target)
        else:
            target.write_bytes(content)


def _link_or_copy(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError as error:
        if error.errno not in (errno.EXDEV, errno.EPERM, errno.EMLINK, errno.ENOTSUP):
            raise
        shutil.copy2(source, target)


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
