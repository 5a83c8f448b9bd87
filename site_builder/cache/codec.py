"""What the on-disk cache stores: plain JSON, never code.

A ``.cache`` folder can arrive from anywhere (committed by mistake, restored from a shared CI
cache), so reading it must not be able to run anything: values are written as JSON, and read
back only into the project's own frozen dataclasses, named in ``TYPES``, by their constructors.
Each entry carries a hash of its JSON: a damaged or foreign entry is a miss, never an error.
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import json
import zlib
from datetime import date

from site_builder.text.comparison import ArticleChange, Comparison, Segment
from site_builder.text.markup import NestingTooDeep, RenderedBody, TableTooLarge
from site_builder.text.outline import Article, Heading
from site_builder.base.messages import Message
from site_builder.base.untrusted import load_json
from site_builder.model.site import PolicyVersion, Translation
from site_builder.base.problems import Problem

TYPES = {cls.__name__: cls for cls in (PolicyVersion, Translation, Problem, RenderedBody, Heading,
                                       Article, Comparison, ArticleChange, Segment)}
# Each type's field names, looked up once: a cold build encodes 600,000 values.
_FIELDS = {cls: tuple(f.name for f in dataclasses.fields(cls)) for cls in TYPES.values()}
_SCALARS = (bool, int, float, str)


COMPRESS_FROM = 1024
MAX_INFLATED = 64 * 1024 * 1024  # an entry that would inflate past this is no entry of ours


def _inflated(data: bytes) -> bytes:
    inflater = zlib.decompressobj()
    try:
        value = inflater.decompress(data, MAX_INFLATED)
    except zlib.error as error:
        raise Damaged(str(error)) from None
    if inflater.unconsumed_tail or not inflater.eof:
        raise Damaged("too large or cut short")
    return value


class Damaged(Exception):
    """An entry that is not what this module wrote: treat it as missing."""


def encode(value) -> bytes:
    text = json.dumps(_plain(value), ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    data = text.encode("utf-8")
    return hashlib.sha256(data).hexdigest().encode() + b"\n" + data


def decode(blob: bytes):
    checksum, _, data = bytes(blob).partition(b"\n")
    if hashlib.sha256(data).hexdigest().encode() != checksum:
        raise Damaged("checksum")
    try:
        return _value(load_json(data.decode("utf-8")))
    except (ValueError, TypeError, KeyError, RecursionError) as error:
        raise Damaged(str(error)) from None


def _plain(value):
    kind = type(value)
    if kind is Message:  # before str: it is one, and keeps how to say it again
        return {"t": "Message", "v": [value.template, _plain(value.values)]}
    if value is None or kind in _SCALARS:
        return value
    fields = _FIELDS.get(kind)
    if fields:
        return {"t": kind.__name__, "v": {name: _plain(getattr(value, name)) for name in fields}}
    if kind is tuple or kind is list:
        return {"t": kind.__name__, "v": [_plain(v) for v in value]}
    if kind is frozenset:
        return {"t": "frozenset", "v": sorted(_plain(v) for v in value)}
    if kind is dict:
        return {"t": "dict", "v": [[_plain(k), _plain(v)] for k, v in value.items()]}
    if kind is bytes:  # indexes and PDFs: compressed, they cost a fifth on disk
        if len(value) >= COMPRESS_FROM:
            return {"t": "zbytes", "v": base64.b64encode(zlib.compress(value, 1)).decode()}
        return {"t": "bytes", "v": base64.b64encode(value).decode()}
    if kind is date:
        return {"t": "date", "v": value.isoformat()}
    if kind is NestingTooDeep:
        return {"t": "NestingTooDeep", "v": value.line}
    if kind is TableTooLarge:
        return {"t": "TableTooLarge", "v": [value.line, value.columns]}
    raise TypeError(f"the cache does not store {kind.__name__}")


def _value(plain):
    if not isinstance(plain, dict):
        if isinstance(plain, list):
            raise Damaged("a bare list")
        return plain
    kind, value = plain["t"], plain["v"]
    if kind in ("tuple", "list"):
        items = [_value(v) for v in value]
        return tuple(items) if kind == "tuple" else items
    if kind == "frozenset":
        return frozenset(_value(v) for v in value)
    if kind == "dict":
        return {_value(k): _value(v) for k, v in value}
    if kind == "bytes":
        return base64.b64decode(value, validate=True)
    if kind == "zbytes":
        return _inflated(base64.b64decode(value, validate=True))
    if kind == "date":
        return date.fromisoformat(value)
    if kind == "NestingTooDeep":
        return NestingTooDeep(int(value))
    if kind == "TableTooLarge":
        return TableTooLarge(int(value[0]), int(value[1]))
    if kind == "Message":
        return Message(value[0], _value(value[1]))
    cls = TYPES.get(kind)
    if cls is None or not isinstance(value, dict):
        raise Damaged(f"unknown kind {kind!r}")
    return cls(**{name: _value(v) for name, v in value.items()})
