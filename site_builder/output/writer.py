"""Write a whole output tree atomically: build beside it, then swap it in.

The writer replaces a folder only if it is empty or is an earlier policy-site build: the
manifest beside it lists every file of that build, and the folder holds nothing else. An
``output`` that is a symbolic link (a web server's document root) is followed: the folder it
points to is replaced, and the link stays. Lock, manifest and leftovers live beside the real
folder and are opened without following links, so a link named like one of them cannot make
the build write or delete anything else.

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

import contextlib
import errno
import fcntl
import os
import shutil
import time
from pathlib import Path

from site_builder.output import journal, siblings
from site_builder.output.manifest import KEEP, PreviousOutput, entries, write_manifest
from site_builder.output.siblings import RETIRED, STAGING
from site_builder.output.staged import StagingTree, WriteError, cannot_write
from site_builder.base.messages import say
from site_builder.base.paths import is_inside, real_path
from site_builder.base.problems import UsageError
from site_builder.base.untrusted import kind_of

LOCK_TIMEOUT_SECONDS = 300
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def real_output(root: Path, out: Path) -> Path:
    """The folder the build will replace, links followed, once it is known that it is no
    place to replace: never the sources, the root, a git repository or a file. Whether it
    holds only what an earlier build wrote is :func:`refuse_foreign_files`' question."""
    real, real_root = real_path(out.absolute()), real_path(root.absolute())
    if real is None or real_root is None:
        raise UsageError(say("{path} is a loop of symbolic links; point it at a real folder",
                             path=out if real is None else root))
    if real == real_root:
        raise UsageError(say("output folder {out} is the site root; the build replaces the "
                             "whole output folder, so choose another, e.g. --out output", out=real))
    if ".git" in real.parts:
        raise UsageError(say("output folder {out} is a git repository's .git folder or lies "
                             "inside one; choose another, e.g. --out output", out=real))
    for name in ("policies", "themes"):
        source = real_path(real_root / name)
        if source and (is_inside(real, source) or is_inside(source, real)):
            raise UsageError(say("output folder {out} would replace or lie inside {name}/; choose "
                                 "a folder outside the sources, e.g. --out output", out=real,
                                 name=name))
    if real.exists() and not real.is_dir():
        raise UsageError(say("output {out} is a file, not a folder; remove it or choose another "
                             "--out", out=real))
    return real


def write_site(files: dict, out: Path, keys: dict[str, str]) -> None:
    """Write ``files`` as the new ``out`` (from :func:`real_output`), inside :func:`output_lock`
    and after :func:`recover_output`.

    The manifest is written before the swap and lists the old files too, so whichever tree a
    crash leaves in place is still known to be ours; after the swap it lists the new tree only.
    """
    try:
        if _already_there(files, out):
            return
        owned_before = PreviousOutput(out).manifest
        if not getattr(files, "tree", None) and journal.suits(files, out, owned_before):
            _update_in_place(files, out, keys, owned_before)
            return
        tree = getattr(files, "tree", None) or StagingTree(out)
        try:
            tree.write(files)
            written = entries(tree.path, files, keys)
            write_manifest(out, written, owned_before)
            _swap_in(tree.path, out)
        finally:
            tree.remove()
    except OSError as error:
        raise cannot_write(error, out) from None
    try:
        write_manifest(out, written)
    except OSError:
        pass  # the manifest written before the swap lists this tree too


def _update_in_place(files: dict, out: Path, keys: dict[str, str], manifest: dict) -> None:
    """Few files changed: write them beside their targets and rename them in (journal.py)."""
    try:
        journal.update_in_place(files, out, keys, manifest)
    except OSError:
        with contextlib.suppress(OSError):
            journal.recover(out)  # before the commit: back to the old site
        raise


def output_lock(out: Path) -> "_locked":
    """Held for a whole build: a second build waits instead of interleaving."""
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise WriteError(say("cannot create {path}: {reason}", path=out.parent,
                             reason=error.strerror)) from None
    return _locked(out)


def _already_there(files: dict, out: Path) -> bool:
    """Every file kept and nothing else in the output: writing would change nothing."""
    if not out.is_dir() or any(content is not KEEP for content in files.values()):
        return False
    present = {os.path.relpath(os.path.join(folder, name), out)
               for folder, _, names in os.walk(out) for name in names}
    return present == set(files)


class _locked:
    """An exclusive lock beside the output: a second build waits instead of interleaving."""

    def __init__(self, out: Path):
        self.path = siblings.lock_path(out)

    def __enter__(self):
        try:  # never through a link, never truncating: git's lockfile.c does the same
            descriptor = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC,
                                 0o644)
        except OSError as error:
            kind = {errno.ELOOP: say("a symbolic link"), errno.EISDIR: say("a folder")}.get(
                error.errno)
            if kind:
                raise WriteError(say("{path} is {kind}, not policy-site's lock file; remove it "
                                     "(policy-site creates the lock itself)", path=self.path,
                                     kind=kind)) from None
            raise WriteError(say("cannot open the lock file {path}: {reason}", path=self.path,
                                 reason=error.strerror)) from None
        kind = kind_of(os.fstat(descriptor).st_mode)
        if kind:  # a FIFO planted under the lock's name cannot be locked, nor opened as a file
            os.close(descriptor)
            raise WriteError(say("{path} is {kind}, not policy-site's lock file; remove it "
                                 "(policy-site creates the lock itself)", path=self.path,
                                 kind=kind))
        self.handle = os.fdopen(descriptor, "r+b")
        deadline = time.monotonic() + LOCK_TIMEOUT_SECONDS
        while True:
            try:
                fcntl.flock(self.handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return self
            except BlockingIOError:
                if time.monotonic() > deadline:
                    self.handle.close()
                    raise UsageError(say("another build has held {path} for {seconds} s; is one "
                                         "stuck?", path=self.path,
                                         seconds=LOCK_TIMEOUT_SECONDS)) from None
                time.sleep(0.05)

    def __exit__(self, *exc):
        fcntl.flock(self.handle, fcntl.LOCK_UN)
        self.handle.close()


def recover_output(out: Path) -> None:
    """Undo or finish what a killed build left: restore the old site if a swap lost it, tidy
    leftovers, and roll an interrupted in-place update back or forward (journal.py)."""
    old = siblings.leftovers(out, RETIRED)
    if old and not out.exists():
        old.pop().rename(out)
    for leftover in old + siblings.leftovers(out, STAGING):
        shutil.rmtree(leftover, ignore_errors=True)
    # A manifest or journal a killed build was writing; unlink never follows a link.
    for kind in ("manifest", "journal"):
        for temporary in siblings.temporary_files(out, kind):
            temporary.unlink()
    if out.is_dir():
        journal.recover(out)


def _swap_in(staging: Path, out: Path) -> None:
    if not out.exists():
        staging.rename(out)
    elif not _exchange(staging, out):
        retired = siblings.own_folder(out, RETIRED)
        out.rename(retired)
        staging.rename(out)
        shutil.rmtree(retired, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders atomically; False where the system or file system cannot."""
    import ctypes  # here: a build with nothing to do swaps nothing

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
