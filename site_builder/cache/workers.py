"""Run independent jobs on every core, results in the order of the jobs.

Jobs are plain callables that close over the build's data. The worker processes are forked,
so they inherit that data instead of receiving it pickled; only results travel back. Forking
is only safe in a process without other threads, which is why ``serve`` never uses it.

A worker that dies (the out-of-memory killer, a kill -9) fails the build at once instead of
leaving it waiting for results that will never come; Ctrl-C is the parent's alone to handle,
and ends every worker.

``Background`` is the other way to use a core: one job, forked without a pool, whose output
this process takes as far as it got when it needs it.
"""

from __future__ import annotations

import contextlib
import os
import signal
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, TypeVar

from site_builder.base.messages import say
from site_builder.base.problems import UsageError

if TYPE_CHECKING:  # loaded when processes are started (_pool)
    from concurrent.futures import ProcessPoolExecutor

T = TypeVar("T")
MIN_JOBS_PER_WORKER = 16  # below this, starting processes costs more than it saves
_PR_SET_PDEATHSIG = 1  # Linux prctl: a signal for this process when its parent dies

_jobs: list[Callable] = []


class WorkerDied(UsageError):
    """A render process ended without its results: exit 2, nothing written."""


def _run(start: int, stop: int) -> list:
    return [_jobs[index]() for index in range(start, stop)]


def _start_worker(parent: int) -> None:
    """Ctrl-C is the parent's to handle; and a worker must not outlive a killed parent, or it
    would hold the output lock (inherited with the fork) forever."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})  # blocked since the fork
    import ctypes  # in the worker: a build that starts none loads none

    set_death_signal = getattr(ctypes.CDLL(None), "prctl", None)
    if set_death_signal is not None:
        set_death_signal(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the death signal was set
        os._exit(1)


class Background:
    """A job's output, made piece by piece in a forked process while this one goes on: this
    process takes what is made when it needs it, never waits, and does the rest itself. A bare
    fork and a pipe: no pool, no thread, no multiprocessing to import (a deploy loads none)."""

    def __init__(self, job: Callable[[], Iterable[bytes]]):
        self._owner, self._pid = os.getpid(), None
        self._reader, writer = os.pipe()
        interrupts = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            self._pid = os.fork()
            if self._pid == 0:
                _run_in_background(job, writer, self._owner)  # never returns
        except OSError:  # no process to be had (a limit, no memory): the caller goes without
            os.close(self._reader)
            raise
        finally:
            os.close(writer)
            try:  # a Ctrl-C that came meanwhile is raised here: the process must not be left
                signal.pthread_sigmask(signal.SIG_SETMASK, interrupts)
            except BaseException:
                self.stop()
                raise

    def so_far(self) -> bytes:
        """What the job has made until now, without waiting for more; its process is ended.
        Nothing in a process forked from this one, which cannot end another's child."""
        if self._pid is None or os.getpid() != self._owner:
            return b""
        os.set_blocking(self._reader, False)
        chunks = []
        try:
            while chunk := os.read(self._reader, 1 << 16):
                chunks.append(chunk)
        except BlockingIOError:  # the rest is not made yet
            pass
        finally:
            self.stop()
        return b"".join(chunks)

    def stop(self) -> None:
        """End it, done or not."""
        if self._pid is not None and os.getpid() == self._owner:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self._pid, signal.SIGKILL)
            pid, self._pid = self._pid, None
            os.close(self._reader)
            os.waitpid(pid, 0)


def _run_in_background(job: Callable[[], Iterable[bytes]], writer: int, parent: int) -> None:
    """The forked process: each piece into the pipe as it is made, and out without any of the
    parent's clean-up (its buffers, its locks and its files are the parent's). What it wrote is
    all the parent takes from it, however it ends."""
    try:
        _start_worker(parent)
        for piece in job():
            view = memoryview(piece)
            while view:
                view = view[os.write(writer, view):]
    finally:
        os._exit(0)


def can_fork() -> bool:
    """Where processes can be forked (not Windows): otherwise every job runs here."""
    return hasattr(os, "fork")


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def run_jobs(jobs: list[Callable[[], T]], workers: int,
             forked: Callable[[], None] | None = None) -> list[T]:
    """The jobs' results in order. ``forked`` runs once the workers have their own copy of
    the data, so this process can let go of what only the jobs need."""
    return list(iterate_jobs(jobs, min(workers, len(jobs) // MIN_JOBS_PER_WORKER), forked))


def iterate_jobs(jobs: list[Callable[[], T]], workers: int,
                 forked: Callable[[], None] | None = None,
                 chunk: int | None = None) -> Iterator[T]:
    """The jobs' results in order, each as soon as it and those before it are done, from
    ``workers`` processes forked once for all of the jobs (a few large jobs: one each).
    Jobs go to a worker ``chunk`` at a time, their results back as one message: many small
    jobs by default; large ones should pass 1, or a chunk's results are in memory at once."""
    global _jobs
    if workers <= 1 or len(jobs) <= 1 or not can_fork():
        yield from (job() for job in jobs)
        return
    from concurrent.futures.process import BrokenProcessPool

    _jobs = jobs
    pool = _pool(min(workers, len(jobs)))
    try:
        # With fork, every worker starts at the first submission, so after map() they all hold
        # their copy of the jobs. Ctrl-C waits until then: a worker must never see it.
        interrupts = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            batches = _submitted(pool, len(jobs), chunk or max(1, len(jobs) // (workers * 8)))
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, interrupts)
        if forked:
            forked()
        while batches:
            yield from batches.pop().result()
    except BrokenProcessPool:
        raise WorkerDied(say("a render process died (killed by the system, perhaps for lack of "
                             "memory); nothing was written: run the build again, with --jobs 1 "
                             "if memory is short")) from None
    except BaseException:
        _stop(pool)
        raise
    finally:
        # Interrupted while starting, the pool cannot be joined; its workers are already gone.
        with contextlib.suppress(RuntimeError):
            pool.shutdown(wait=True, cancel_futures=True)
        _jobs = []


def _submitted(pool: ProcessPoolExecutor, count: int, chunk: int) -> list:
    """The batches' futures, last first. Not ``pool.map``: its iterator, interrupted, cancels
    the futures in this thread while the pool's own thread fails them for the killed workers,
    and Python 3.11 then prints that thread's InvalidStateError (2 Ctrl-C in 60, traced)."""
    batches = [pool.submit(_run, start, min(start + chunk, count))
               for start in range(0, count, chunk)]
    batches.reverse()
    return batches


def _pool(workers: int) -> ProcessPoolExecutor:
    """Loaded only here, with multiprocessing (pickle, sockets: 13-15 ms to import): a build
    with little to render, as most are, starts no process."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                               initializer=_start_worker, initargs=(os.getpid(),))


def _stop(pool: ProcessPoolExecutor) -> None:
    """End every worker now: after Ctrl-C nothing they compute will be used.

    A worker killed while it sends a batch's pages leaves half a message in the results pipe;
    the pool's thread then waits for the rest, and shutting the pool down waits for that
    thread, forever (1 Ctrl-C in 29 during rendering, traced). This process holds the pipe's
    other end too, so it closes it: the thread reads the end of the pipe and stops."""
    for process in list((pool._processes or {}).values()):  # no public way to kill workers
        process.kill()
    pool._result_queue._writer.close()
