"""Reading what the tool did not just write (sources, themes, its own state files, a published
site): regular files only and within a size, JSON that cannot exhaust the stack, and text that
cannot drive the terminal it is printed on.

A FIFO would block a read forever and a device (a link to /dev/zero) never ends, so every file
is opened without blocking and refused unless ``fstat`` says it is a regular file; the size
limit holds while reading, so a file that grows (or lies about its size) stops at the limit.
"""

from __future__ import annotations

import errno
import json
import os
import re
import stat
from pathlib import Path

from site_builder.base.messages import say

_KINDS = ((stat.S_ISFIFO, say("a FIFO (named pipe)")), (stat.S_ISCHR, say("a device")),
          (stat.S_ISBLK, say("a device")), (stat.S_ISSOCK, say("a socket")),
          (stat.S_ISDIR, say("a folder")))
# C0 and C1 controls but tab and line feed; lone surrogates (bytes that were not UTF-8).
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


class NotRegularFile(OSError):
    """A FIFO, device, socket or folder where a file was expected."""

    def __init__(self, path: Path | str, kind: str):
        super().__init__(errno.EINVAL, kind, str(path))
        self.kind = kind


class TooLarge(OSError):
    def __init__(self, path: Path | str, size: int, limit: int):
        super().__init__(errno.EFBIG, "too large", str(path))
        self.size, self.limit = size, limit


def read_regular(path: Path | str, limit: int, follow: bool = True) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; ``follow=False`` refuses a
    symbolic link (ELOOP) instead of reading its target."""
    flags = os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC | (0 if follow else os.O_NOFOLLOW)
    try:
        descriptor = os.open(path, flags)
    except OSError as error:
        if error.errno == errno.ENXIO:  # open() of a socket
            raise NotRegularFile(path, say("a socket")) from None
        raise
    try:
        status = os.fstat(descriptor)
        kind = kind_of(status.st_mode)
        if kind:
            raise NotRegularFile(path, kind)
        if status.st_size > limit:
            raise TooLarge(path, status.st_size, limit)
        # Asking for the size it has, not the limit: a read of the limit allocates (and gives
        # back) that much memory for every file, 3x the time of reading a page.
        data = _read_at_most(descriptor, status.st_size + 1)
        if len(data) > status.st_size:  # it grew since: still never past the limit
            data += _read_at_most(descriptor, limit + 1 - len(data))
    finally:
        os.close(descriptor)
    if len(data) > limit:
        raise TooLarge(path, len(data), limit)
    return data


def _read_at_most(descriptor: int, count: int) -> bytes:
    """Up to ``count`` bytes, fewer only at the end of the file (a read may return less).
    Unbuffered: a buffered file object per file cost a fifth of reading 6,115 stored pages."""
    chunks = []
    while count > 0:
        chunk = os.read(descriptor, count)
        if not chunk:
            break
        chunks.append(chunk)
        count -= len(chunk)
    return b"".join(chunks)


def kind_of(mode: int) -> str | None:
    """What a file of this mode is, when it is not a regular file."""
    if stat.S_ISREG(mode):
        return None
    return next((name for test, name in _KINDS if test(mode)), say("not a regular file"))


def unreadable(error: OSError) -> str:
    """What to tell an editor about a file that could not be read."""
    if isinstance(error, NotRegularFile):
        return say("is {kind}, not a regular file; policy-site reads only plain files: replace "
                   "it with the file itself, or remove it", kind=error.kind)
    if isinstance(error, TooLarge):
        return say("file is {size} bytes; the limit is {limit}: split the text or remove "
                   "embedded data", size=f"{error.size:,}", limit=f"{error.limit:,}")
    return say("cannot read this file ({reason}); check its permissions",
               reason=error.strerror or str(error))


def load_json(data: bytes | str):
    """JSON from anywhere: a value nested deeper than the stack is a ValueError like any other
    malformed document, never a RecursionError."""
    try:
        return json.loads(data)
    except RecursionError:
        raise ValueError("JSON nested too deeply") from None


def printable(text: str) -> str:
    """Text with control characters (an escape sequence that retitles or clears a terminal)
    and bytes that were not UTF-8 shown as \\x.. instead of sent; line breaks and tabs stay."""
    return _CONTROLS.sub(lambda match: f"\\x{ord(match.group()) & 0xff:02x}", text)
