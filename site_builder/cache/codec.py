"""What the on-disk cache stores: MessagePack data of a fixed shape per kind, never code.

A ``.cache`` folder can arrive from anywhere (committed by mistake, restored from a shared CI
cache), so reading it must not be able to run anything: values are written with msgspec and
read back only as their kind's type in ``SHAPES`` (the project's own frozen dataclasses, and
a few tagged wrappers for values of more than one class), checked field by field as they are
decoded. Each entry carries the SHA-256 of its data: a damaged entry, a foreign one, or one
of another shape is a miss, never an error.

msgspec rather than JSON walked by hand in Python: the archive's 11,000 entries encode in 70 ms
instead of 250 and decode in 111 instead of 226 (a deploy decodes 9,000 of them).
"""

from __future__ import annotations

import dataclasses
import hashlib
import zlib
from typing import Any, Literal, Union

import msgspec

from site_builder.base.messages import message_data, message_from_data
from site_builder.base.problems import Problem
from site_builder.cache.memo import BODY, COMPARISON, INDEXES, PAGE, PAGE_KEYS, PDF, SOURCE
from site_builder.model.site import PolicyVersion, Translation
from site_builder.text.comparison import Comparison
from site_builder.text.markup import NestingTooDeep, RenderedBody, TableTooLarge

MAX_INFLATED = 64 * 1024 * 1024  # a file that would inflate past this is no file of ours
_CHECKSUM = 32  # bytes of SHA-256 before the data


class Damaged(Exception):
    """An entry that is not what this module wrote: treat it as missing."""


class _Problem(msgspec.Struct, array_like=True):
    path: str
    line: Union[int, None]
    message: Union[str, dict[str, Any]]  # base.messages.message_data
    rule: str
    severity: Literal["error", "warning"]
    column: Union[int, None]


# A parsed version is kept without its body: the loader has read the file (the entry is
# found by its bytes' hash) and reads the body from it again if it is needed. Kept,
# the archive's bodies were 14 MB of its 22 MB cache, fetched, checked and decoded on every
# build; and encoding the str, msgspec had CPython keep a UTF-8 copy of it inside it.
class _Original(msgspec.Struct, array_like=True, tag=1):
    version: PolicyVersion


class _Translated(msgspec.Struct, array_like=True, tag=2):
    version: Translation


class _Rendered(msgspec.Struct, array_like=True, tag=1):
    body: RenderedBody

    def unwrapped(self) -> RenderedBody:
        return self.body


class _Nested(msgspec.Struct, array_like=True, tag=2):
    line: int

    def unwrapped(self) -> NestingTooDeep:
        return NestingTooDeep(self.line)


class _Wide(msgspec.Struct, array_like=True, tag=3):
    line: int
    columns: int

    def unwrapped(self) -> TableTooLarge:
        return TableTooLarge(self.line, self.columns)


SHAPES = {
    SOURCE: tuple[Union[_Original, _Translated, None], list[_Problem]],  # (version, problems)
    BODY: Union[_Rendered, _Nested, _Wide],
    COMPARISON: Comparison,
    PAGE: str,  # the page's SHA-256: its bytes are in the file store
    PAGE_KEYS: dict[str, str],  # a document's pages' keys, by output path
    INDEXES: dict[str, bytes],  # each file compressed (feeds cost a fifth on disk)
    PDF: bytes,  # compressed
}
_ENCODER = msgspec.msgpack.Encoder()
_DECODERS = {kind: msgspec.msgpack.Decoder(shape) for kind, shape in SHAPES.items()}


def encode(kind: str, value) -> bytes:
    data = _ENCODER.encode(_shaped(kind, value))
    return hashlib.sha256(data).digest() + data


def decode(kind: str, blob: bytes):
    entry = memoryview(blob)  # not copied: a body's entry is hashed and decoded where it is
    data = entry[_CHECKSUM:]
    if hashlib.sha256(data).digest() != entry[:_CHECKSUM]:
        raise Damaged("checksum")
    try:
        return _unshaped(kind, _DECODERS[kind].decode(data))
    except (ValueError, TypeError, LookupError, AttributeError, RecursionError) as error:
        raise Damaged(str(error)) from None


def _shaped(kind: str, value):
    """The value as its kind's shape holds it."""
    if kind == SOURCE:
        version, problems = value
        wrapped = None if version is None else (
            _Translated if isinstance(version, Translation) else _Original)(
                dataclasses.replace(version, body=""))
        return wrapped, [_Problem(p.path, p.line, message_data(p.message), p.rule, p.severity,
                                  p.column) for p in problems]
    if kind == BODY:
        if isinstance(value, NestingTooDeep):
            return _Nested(value.line)
        if isinstance(value, TableTooLarge):
            return _Wide(value.line, value.columns)
        return _Rendered(value)
    # Each file on its own: the whole entry compressed would first be packed whole, a second
    # copy of the 5,000-version archive's 22 MB of feeds at the build's peak.
    if kind == INDEXES:
        return {path: zlib.compress(data, 1) for path, data in value.items()}
    if kind == PDF:
        return zlib.compress(value, 1)
    return value


def _unshaped(kind: str, value):
    if kind == SOURCE:
        version, problems = value
        return None if version is None else _without_body(version.version), [
            Problem(p.path, p.line, message_from_data(p.message), p.rule, p.severity, p.column)
            for p in problems]
    if kind == INDEXES:
        return {path: _inflated(data) for path, data in value.items()}
    if kind == PDF:
        return _inflated(value)
    return value.unwrapped() if kind == BODY else value


def _without_body(version: PolicyVersion | Translation) -> PolicyVersion | Translation:
    """None where the body goes, for the loader to fill (never an empty text it would take
    for the file's)."""
    object.__setattr__(version, "body", None)  # frozen, and only ours yet
    return version


def _inflated(data: bytes) -> bytes:
    inflater = zlib.decompressobj()
    try:
        value = inflater.decompress(data, MAX_INFLATED)
    except zlib.error as error:
        raise Damaged(str(error)) from None
    if inflater.unconsumed_tail or not inflater.eof:
        raise Damaged("too large or cut short")
    return value
