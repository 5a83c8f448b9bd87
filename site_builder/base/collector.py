"""Python's cycle collector, tuned for a build: a short process that makes millions of objects
and keeps most of them until it ends.

By default a collection runs every 700 new objects and walks all the young ones, and the
oldest generation, the whole site as read, again and again: 62-97 ms of a one-second CI
deploy (1,000 versions), for cycles that hardly exist (objects are freed by their reference
counts). Collections still run, less often, and never walk what was read before rendering.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator

YOUNG_OBJECTS = 50_000  # new objects between collections (Python's default: 700)


def tune() -> None:
    gc.set_threshold(YOUNG_OBJECTS, *gc.get_threshold()[1:])


@contextmanager
def kept_for_the_build() -> Iterator[None]:
    """What exists now (the site as read) lives until the build ends: collections skip it.
    Let go after, so that a process that builds many times (serve, the tests) collects it."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
