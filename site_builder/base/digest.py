"""The key of what something is made from: a hash of its parts, each framed by its length so
that ("ab", "c") and ("a", "bc") differ. Light to import: the build record uses it before the
renderer is loaded."""

from __future__ import annotations

import hashlib


def digest(*parts: str | bytes) -> str:
    hasher = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "little"))
        hasher.update(data)
    return hasher.hexdigest()
