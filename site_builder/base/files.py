"""Files a command writes for the user: whole or not at all, never over an existing one; a
file placed as a hard link where the file system allows; and the tool's own small JSON files
in its cache folder, replaced whole."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import shutil
import tempfile
from pathlib import Path

from site_builder.base.messages import say
from site_builder.base.problems import UsageError

# Where linking cannot work: another file system, one without links, a link limit, or a file
# the kernel will not let this user link (fs.protected_hardlinks).
_NO_LINK = (errno.EXDEV, errno.EPERM, errno.EMLINK, errno.ENOTSUP, errno.EOPNOTSUPP)


def link_or_copy(source: Path, target: Path) -> None:
    """``source`` at the new name ``target``: a hard link, or a copy where one cannot be made;
    a link at ``source`` is placed as the link, never followed."""
    try:
        os.link(source, target, follow_symlinks=False)
    except OSError as error:
        if error.errno not in _NO_LINK:
            raise
        shutil.copy2(source, target, follow_symlinks=False)


def write_new_file(path: Path, text: str) -> None:
    """Write a file that must not exist yet, whole or not at all: the text goes to a temporary
    file first, which is then linked into place (failing if the name was taken meanwhile)."""
    try:
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        try:
            with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                handle.write(text)
                os.fchmod(handle.fileno(), 0o644)  # a source file, not mkstemp's private one
            os.link(temporary, path)
        finally:
            with contextlib.suppress(OSError):  # a hidden leftover is ignored by the loader
                os.unlink(temporary)
    except FileExistsError:
        raise UsageError(say("{path} already exists; edit it or choose another date",
                             path=path)) from None
    except OSError as error:
        raise UsageError(say("cannot write {path}: {reason}; nothing was written",
                             path=error.filename or path, reason=error.strerror)) from None


def replace_with_json(path: Path, value) -> None:
    """``value`` as JSON at ``path``, whole or not at all: written beside it, then renamed over
    whatever the name held (never written through it); its folder made first. OSError when
    it cannot be."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-")
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            json.dump(value, handle)
        os.replace(temporary, path)
    finally:
        with contextlib.suppress(FileNotFoundError):  # renamed, or a failed write's leftover
            os.unlink(temporary)
