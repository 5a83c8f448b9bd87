"""Remember results of pure functions by a hash of their inputs.

Rendering Markdown, comparing versions and rendering pages are pure functions of their inputs,
so a result can be reused whenever the same inputs come back: in ``serve`` between saves, and
across builds through an on-disk store. Keys include everything the result depends on, so a
stale entry is never found, only never used again.
"""

from __future__ import annotations

import hashlib
from typing import Callable, TypeVar

T = TypeVar("T")


def digest(*parts: str | bytes) -> str:
    hasher = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "little"))
        hasher.update(data)
    return hasher.hexdigest()


class Memo:
    """A key-value store of results; ``None`` as the store turns remembering off."""

    def __init__(self, store: dict | None = None):
        self.store = store
        self.hits = 0
        self.misses = 0

    def get(self, kind: str, key: str, compute: Callable[[], T]) -> T:
        if self.store is None:
            return compute()
        full_key = f"{kind}:{key}"
        if full_key in self.store:
            self.hits += 1
            return self.store[full_key]
        self.misses += 1
        value = self.store[full_key] = compute()
        return value


NO_MEMO = Memo(None)
