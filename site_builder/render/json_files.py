"""The output's JSON files (versions.json, feed.json, notices): indented, UTF-8, a newline at
the end.

msgspec writes them, byte for byte what Python's ``json`` writes with ``ensure_ascii=False``
and the same indent (tests/test_json_files.py compares the two on random values): Python's
encoder is pure Python once it indents, and versions.json alone took 12 ms of every build of
the 1,000-version archive (0.7 ms now). The files hold text, whole numbers, booleans and
null, never a float (whose exponent msgspec writes ``1e20``, not ``1e+20``).
"""

from __future__ import annotations

import msgspec


def json_file(value, indent: int, sort_keys: bool = False) -> bytes:
    # One expression: the compact bytes are freed before the newline is added (held till
    # then, they were a third more at the peak).
    return msgspec.json.format(msgspec.json.encode(value, order="sorted" if sort_keys else None),
                               indent=indent) + b"\n"
