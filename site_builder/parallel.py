"""Run independent jobs on every core, results in the order of the jobs.

Jobs are plain callables that close over the build's data. The worker processes are forked,
so they inherit that data instead of receiving it pickled; only results travel back. Forking
is only safe in a process without other threads, which is why ``serve`` never uses it.
"""

from __future__ import annotations

import multiprocessing
import os
from typing import Callable, TypeVar

T = TypeVar("T")
MIN_JOBS_PER_WORKER = 16  # below this, starting processes costs more than it saves

_jobs: list[Callable] = []


def _run(index: int):
    return _jobs[index]()


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def run_jobs(jobs: list[Callable[[], T]], workers: int,
             forked: Callable[[], None] | None = None) -> list[T]:
    """The jobs' results in order. ``forked`` runs once the workers have their own copy of
    the data, so this process can let go of what only the jobs need."""
    global _jobs
    workers = min(workers, len(jobs) // MIN_JOBS_PER_WORKER)
    if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        return [job() for job in jobs]
    _jobs = jobs
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            if forked:
                forked()
            return pool.map(_run, range(len(jobs)), chunksize=max(1, len(jobs) // (workers * 8)))
    finally:
        _jobs = []
