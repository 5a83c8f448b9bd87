"""A bound on how long one step may take: a page a theme renders, a file fetched from a site.

An interval timer interrupts whatever runs inside, even a read that blocks on a server that
sends a byte every other second, by raising OutOfTime. It works in the main thread, where
every build, check, verify and serve rebuild runs its steps.
"""

from __future__ import annotations

import contextlib
import signal
import threading


class OutOfTime(Exception):
    """The step ran past its deadline."""


def _out_of_time(signum, frame):
    raise OutOfTime()


@contextlib.contextmanager
def deadline(seconds: float):
    """Raise OutOfTime in what runs inside once ``seconds`` have passed (nothing outside the
    main thread, where no timer can interrupt)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGALRM, _out_of_time)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
