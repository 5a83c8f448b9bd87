"""The on-disk memo: results of earlier builds in ``.cache/policy-site/`` (safe to delete).

Entries are keyed by hashes of their inputs (see memo.py) inside a file named after a hash of
policy-site's own code and of the code of the libraries that shape its output, so a new
version of either starts a new cache instead of trusting results an older one made. Values are
data of their kind's shape (cache_codec.py): a cache from elsewhere can cost time, never run
code or change output.
Entries no build has used lately are pruned once they are many (PRUNE_SLACK).

A page is kept as the SHA-256 of its bytes, the bytes themselves in the file store beside the
database (files.py), so that a build into an empty output folder links it instead of writing it.
"""

from __future__ import annotations

import hashlib
import sqlite3
from itertools import chain
from pathlib import Path

from site_builder.cache import codec as cache_codec
from site_builder.cache.files import FileStore
from site_builder.cache.fingerprint import code_fingerprint
from site_builder.cache.memo import PAGE
from site_builder.base.paths import cache_folder

# Parsing, rendering Markdown and comparing versions are kept, and the rendered pages (in the
# file store) and indexes (compressed) too: an unchanged page is usually linked from the
# previous output, but a build into an empty output folder (every CI deploy, with the cache
# restored) then renders nothing it rendered before, and links the pages from the store.
KEPT_KINDS = frozenset(cache_codec.SHAPES)  # every kind the codec has a shape for
# Unused entries are kept until the file holds twice what a build used, and this many more: a
# small rebuild uses few bodies, and the next full build will want the others.
PRUNE_SLACK = 1000
QUERY_KEYS = 500  # keys asked in one query (SQLite allows 32,766 parameters)
FLUSH_ENTRIES = 256  # written in batches: one transaction per entry would cost seconds


class DiskStore:
    """A dict-like store over SQLite: reads hit the database, writes are kept until ``save``."""

    def __init__(self, folder: Path, read_only: bool = False):
        self.path = folder / f"{code_fingerprint()}.sqlite"
        self.read_only = read_only  # check: use what a build left, write nothing
        if read_only:
            self.db = sqlite3.connect(f"{self.path.absolute().as_uri()}?mode=ro", uri=True,
                                      timeout=60)
        else:
            self.db = self._open_for_writing(folder)
        self.new: dict[str, object] = {}
        self.encoded: dict[str, bytes] = {}  # what workers made, as the database keeps it
        self.used: set[str] = set()
        self.damaged = 0  # entries that failed their checksum or did not decode: misses
        self.files = FileStore(folder / "files")

    def _open_for_writing(self, folder: Path) -> sqlite3.Connection:
        folder.mkdir(parents=True, exist_ok=True)
        for stale in folder.glob("*.sqlite"):
            if stale != self.path:
                stale.unlink(missing_ok=True)
        db = sqlite3.connect(self.path, timeout=60)
        # A cache needs no durability, only consistency: the write-ahead log survives a killed
        # build, and not waiting for the disk on every commit saves seconds on a cold build.
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute("CREATE TABLE IF NOT EXISTS entry (key TEXT PRIMARY KEY, value BLOB)")
        return db

    def get(self, key: str, default=None):
        return self.get_many([key], default)[0]

    def get_many(self, keys: list[str], default=None) -> list:
        """The values of these keys (``default`` where there is none), a page's hash replaced
        by its stored file (the files checked in one pass)."""
        values = dict(self._decoded(keys))
        pages = [key for key in values if _is_page(key) and key not in self.new]  # hashes
        stored = self.files.find_many(values[key] for key in pages)
        for key in pages:  # a hash that is not a str is a damaged entry: a miss
            values[key] = (isinstance(values[key], str) and stored.get(values[key])) or default
        return [values.get(key, default) for key in keys]

    def _decoded(self, keys: list[str]):
        """(key, value) of the keys this store has, new or in the database."""
        asked = [key for key in keys if _kept(key)]
        self.used.update(asked)
        stored = []
        for key in asked:
            if key in self.new:
                yield key, self.new[key]
            elif key in self.encoded:  # a worker's, not written yet
                yield from self._decode(key, self.encoded[key])
            else:
                stored.append(key)
        for start in range(0, len(stored), QUERY_KEYS):
            chunk = stored[start:start + QUERY_KEYS]
            marks = ",".join("?" * len(chunk))
            for key, value in self.db.execute(
                    f"SELECT key, value FROM entry WHERE key IN ({marks})", chunk):
                yield from self._decode(key, value)

    def _decode(self, key: str, value: bytes):
        try:
            yield key, cache_codec.decode(_kind(key), value)
        except cache_codec.Damaged:
            self.damaged += 1

    def __setitem__(self, key: str, value) -> None:
        if _kept(key):
            self.used.add(key)
            self.new[key] = value

    def keep(self, keys) -> None:
        self.used.update(keys)

    def flush_if_large(self) -> None:
        if len(self.new) + len(self.encoded) >= FLUSH_ENTRIES and not self.read_only:
            self.flush()

    def flush(self) -> None:
        if self.read_only:
            return
        with self.db:  # each entry encoded as it is written: a tuple of them all held 14 MB
            self.db.executemany("INSERT OR REPLACE INTO entry VALUES (?, ?)",
                                chain(self.encoded.items(), self._encoded_new()))
        self.new.clear()
        self.encoded.clear()

    def _encoded_new(self):
        return ((key, cache_codec.encode(_kind(key), _stored(key, value)))
                for key, value in self.new.items())

    def save(self) -> None:
        """Write the new entries, and forget the ones this build did not use once they are a
        fair share of the file (pruning on every build cost more than the rest of a small
        rebuild)."""
        self.flush()
        if _many(self.db.execute("SELECT count(*) FROM entry").fetchone()[0], len(self.used)):
            with self.db:
                self.db.execute("CREATE TEMP TABLE IF NOT EXISTS used (key TEXT PRIMARY KEY)")
                self.db.execute("DELETE FROM used")
                self.db.executemany("INSERT OR IGNORE INTO used VALUES (?)",
                                    ((k,) for k in self.used))
                self.db.execute("DELETE FROM entry WHERE key NOT IN (SELECT key FROM used)")
            self.files.prune()
        elif _many(self.files.listed, len(self.files.used)):  # files no entry names, which
            self.files.prune()  # a deploy would check again and again

    def close(self) -> None:
        self.db.close()

    def for_worker(self) -> "DiskStore":
        """A forked worker's store: its own read-only connection, its results kept for
        :meth:`report` (only this process writes the database)."""
        return DiskStore(self.path.parent, read_only=True)

    def report(self) -> tuple:
        """What a worker's store learnt, for the parent's :meth:`merge`: encoded here, where
        the workers share the work (and a page is sent as its hash, not its bytes again)."""
        return dict(self._encoded_new()), self.used, self.files.used, self.damaged

    def merge(self, report: tuple) -> None:
        encoded, used, files_used, damaged = report
        self.encoded.update(encoded)
        self.used |= used
        self.files.used |= files_used
        self.damaged += damaged
        self.flush_if_large()


def _many(kept: int, used: int) -> bool:
    """More than twice what a build used, and PRUNE_SLACK more: time to prune."""
    return kept > 2 * used + PRUNE_SLACK


def _kind(key: str) -> str:
    return key.split(":", 1)[0]


def _kept(key: str) -> bool:
    return _kind(key) in KEPT_KINDS


def _is_page(key: str) -> bool:
    return key.startswith(f"{PAGE}:")


def _stored(key: str, value):
    """What the database keeps of a value: a page's hash, for the file store to find it."""
    return hashlib.sha256(value).hexdigest() if _is_page(key) and isinstance(value, bytes) else value


def open_store(root: Path, read_only: bool = False) -> DiskStore | None:
    """The site's cache, or None where it cannot be used (read-only folder, damaged file, or
    no cache yet for a reader that writes nothing)."""
    folder = cache_folder(root)
    try:
        return DiskStore(folder, read_only) if folder else None
    except (OSError, sqlite3.Error):
        return None
