"""The output's JSON files (versions.json, feed.json, notices): indented, UTF-8, a newline at
the end.

Encoded a few thousand pieces at a time: ``json.dumps(...).encode()`` listed every piece (a
key, a comma, a value), joined them into one str (two bytes a character once one Korean title
is in it) and then encoded a copy, 20 MB at the peak for versions.json's 3.3 MB at 5,000
versions. The bytes and the time are the same.
"""

from __future__ import annotations

import json
from itertools import islice

_PIECES = 4096  # joined and encoded together: a call per piece would cost a third more time


def json_file(value, indent: int, sort_keys: bool = False) -> bytes:
    pieces = json.JSONEncoder(ensure_ascii=False, indent=indent,
                              sort_keys=sort_keys).iterencode(value)
    encoded = []
    while batch := list(islice(pieces, _PIECES)):
        encoded.append("".join(batch).encode("utf-8"))
    encoded.append(b"\n")
    return b"".join(encoded)
