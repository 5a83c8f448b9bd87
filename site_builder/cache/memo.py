"""Remember results of pure functions by a hash of their inputs.

Rendering Markdown, comparing versions and rendering pages are pure functions of their inputs,
so a result can be reused whenever the same inputs come back: in ``serve`` between saves, and
across builds through the on-disk cache. Keys include everything the result depends on, so a
stale entry is never found, only never used again.
"""

from __future__ import annotations

from functools import partial
from typing import Callable, Iterator, TypeVar

from site_builder.cache.workers import iterate_jobs, run_jobs

T = TypeVar("T")
_MISSING = object()

# The kinds of results, each a namespace of keys. The disk store keeps those the codec has a
# shape for (cache/codec.py SHAPES); the others live only in serve's memory.
SOURCE = "source"  # a version file parsed: (version, problems), by path and bytes
BODY = "body"  # a body rendered, by its text
COMPARISON = "comparison"  # two bodies compared, by both texts
WATCHED = "watched"  # serve: a file's last parse, by path, until the watcher reports it
VIEW = "view"  # serve: a document's view, by its identity
DOCUMENT = "document"  # serve: a document's pages, by its identity
PAGE = "page"  # a page, by its key
PAGE_KEYS = "page-keys"  # a build: a document's pages' keys by path, by its identity
INDEXES = "indexes"  # feeds, versions.json and sitemap, by what they show
PDF = "pdf"  # build --pdf: a page printed, by its key and WeasyPrint's version


class Memo:
    """Results by key in ``store`` (a dict or the disk cache); ``None`` remembers nothing."""

    def __init__(self, store=None, workers: int = 1):
        self.store = store
        self.workers = workers

    def flush(self) -> None:
        """Write pending results to the store's disk, if it has one, to free their memory."""
        if hasattr(self.store, "flush"):
            self.store.flush()

    def recall(self, kind: str, key: str):
        """A remembered result, or None."""
        return self.recall_many(kind, [key])[0]

    def recall_many(self, kind: str, keys: list[str]) -> list:
        """Remembered results (None where there is none), looked up together."""
        return [None] * len(keys) if self.store is None else self._lookup(kind, keys, None)

    def _lookup(self, kind: str, keys: list[str], default) -> list:
        names = [f"{kind}:{key}" for key in keys]
        if hasattr(self.store, "get_many"):  # the disk store: one query for many
            return self.store.get_many(names, default)
        return [self.store.get(name, default) for name in names]

    def keep(self, kind: str, keys: list[str]) -> None:
        """These results are still wanted, though not read: the files made from them are kept
        from the previous output (the store's pruning spares them)."""
        if hasattr(self.store, "keep"):
            self.store.keep(f"{kind}:{key}" for key in keys)

    def remember(self, kind: str, key: str, value) -> None:
        if self.store is not None:
            self.store[f"{kind}:{key}"] = value

    def get(self, kind: str, key: str, compute: Callable[[], T]) -> T:
        return self.get_many(kind, [(key, compute)], here=True)[0]

    def get_many(self, kind: str, jobs: list[tuple[str, Callable[[], T]]],
                 forked: Callable[[], None] | None = None, here: bool = False) -> list[T]:
        """Results for (key, compute) pairs, looked up together; the missing ones computed on
        every core (see ``run_jobs`` for ``forked``), or ``here``: in this process, for
        results cheaper to compute than a process is to start (one result, asked for alone)."""
        workers = 1 if here else self.workers
        if self.store is None:
            return run_jobs([compute for _, compute in jobs], workers, forked)
        results = self._lookup(kind, [key for key, _ in jobs], _MISSING)
        missing = [index for index, result in enumerate(results) if result is _MISSING]
        computed = run_jobs([jobs[index][1] for index in missing], workers, forked)
        for index, value in zip(missing, computed):
            results[index] = self.store[f"{kind}:{jobs[index][0]}"] = value
        if computed and hasattr(self.store, "flush_if_large"):
            self.store.flush_if_large()  # so the build does not hold a second copy of it all
        return results

    def map_forked(self, tasks: list[Callable[["Memo"], T]]) -> Iterator[T]:
        """Each task's result, in order, the tasks shared out among processes forked once for
        them all. A task gets the memo to use: in a worker, one that reads this memo's store
        and sends what the task computed back with its result, into this memo."""
        if (self.workers <= 1 or len(tasks) <= 1
                or not (self.store is None or hasattr(self.store, "for_worker"))):
            yield from (task(self) for task in tasks)  # one task: no process to fork for it
            return
        self.flush()  # what a worker reads from the disk must be there
        # A task is a batch of pages already: sent in chunks of 7, their pages came back as one
        # message, pickled and unpickled whole (+40-60 MB at the peak of 5,000 versions).
        for result, report in iterate_jobs([partial(_in_worker, self.store, task)
                                            for task in tasks], self.workers, chunk=1):
            if report is not None:
                self.store.merge(report)
            yield result


def _in_worker(store, task: Callable[["Memo"], T]) -> tuple[T, object]:
    """In a forked worker: the task with its own view of ``store`` (a forked process must not
    use its parent's database connection), and what the task added to it."""
    if store is None:
        return task(Memo(None, 1)), None
    view = store.for_worker()
    try:
        return task(Memo(view, 1)), view.report()
    finally:
        view.close()


class SessionStore(dict):
    """Serve's memory: after each good rebuild, what that rebuild did not use is dropped, so a
    long editing session holds one site's worth of results, not one per save."""

    def __init__(self):
        super().__init__()
        self.used: set[str] = set()

    def get(self, key, default=None):
        self.used.add(key)
        return super().get(key, default)

    def __setitem__(self, key, value) -> None:
        self.used.add(key)
        super().__setitem__(key, value)

    def sweep(self) -> None:
        for key in [k for k in self if k not in self.used]:
            del self[key]
        self.used = set()


NO_MEMO = Memo(None)
