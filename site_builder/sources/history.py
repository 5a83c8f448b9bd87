"""What the published branch held of policies/, day by day, read from git.

The published branch is the one checked out (or ``--base REF``). Its history is read along the
**first parent** only, with merge commits compared with their first parent: a file that a pull
request adds reaches the branch with the merge commit, on the merge day, whatever day it was
written on its own branch. Every commit's day is its committer date in the site's timezone.

On top of that history comes the pending change: what the working tree holds that the branch
does not. Without ``--base`` that is the uncommitted work; with ``--base REF`` it is everything
the checked-out branch changed since it left REF, as if it were merged today. Pending states are
dated today.

Each file's states are kept in order, a renamed file starting with the states of its old name,
so the rules can tell when the public first saw a text and whether it is still the same.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from site_builder.base.messages import say
from site_builder.base.untrusted import printable
from site_builder.sources.git import (git, has_commits, merge_base, policies_in, repository_of,
                                     resolve)
from site_builder.sources.history_texts import (Text, contents_of, is_regular, is_source,
                                                parse_text)

SHORT_SHA = 10  # --raw needs --no-abbrev, which also unabbreviates %h
HASHED_PER_CALL = 500  # file names one git hash-object is given: well inside ARG_MAX


@dataclass(frozen=True)
class Commit:
    sha: str  # empty for the pending change
    short: str
    day: date
    subject: str
    index: int  # position along the branch: later commits have larger numbers

    def describe(self) -> str:
        if not self.sha:
            return self.subject
        return f"{self.short} ({self.day}, \"{self.subject}\")"


@dataclass(frozen=True)
class FileState:
    """A file as a commit of the branch left it; ``text`` None: the file was gone."""

    commit: Commit
    path: str  # where the file was (site path): a renamed file's early states name the old path
    text: Text | None
    moved_to: str | None = None  # set on the state that renamed the file away


@dataclass
class History:
    branch: str
    files: dict[str, list[FileState]] = field(default_factory=dict)  # site path -> oldest first
    links: list[str] = field(default_factory=list)  # site paths of symbolic links under policies/


def read_history(root: Path, timezone: str, today: date, base: str | None = None) -> History:
    repo = repository_of(root)
    policies = policies_in(repo, root)
    prefix = policies.relative_to(repo.resolve()).as_posix() + "/"
    site_prefix = prefix[:-len("policies/")]
    reader = _Reader(repo, prefix, site_prefix, ZoneInfo(timezone))
    tip = resolve(repo, base) if base else ("HEAD" if has_commits(repo) else None)
    history = History(branch=base or say("the checked-out branch"))
    log = reader.logged_changes(tip) if tip else []
    for commit, changes in log:
        reader.apply(history, commit, changes)
    anchor = merge_base(repo, tip, base) if base else tip
    pending = Commit("", "", today, _pending_words(base), len(log))
    reader.apply(history, pending, reader.pending_changes(history, anchor, policies))
    history.links = reader.links
    return history


def _pending_words(base: str | None) -> str:
    if base:
        return say("this branch's changes to {base} (counted as merged today)", base=base)
    return say("uncommitted changes (counted as made today)")


@dataclass(frozen=True)
class _Change:
    status: str  # A, M, D or R
    path: str  # repository path after the change (before it, for D)
    blob: str | None  # the content after the change; None for D
    old_path: str | None = None  # for R


class _Reader:
    def __init__(self, repo: Path, prefix: str, site_prefix: str, zone: ZoneInfo):
        self.repo = repo
        self.prefix = prefix
        self.site_prefix = site_prefix
        self.zone = zone
        self.texts: dict[str, Text] = {}
        self.links: list[str] = []

    def site_path(self, repo_path: str) -> str:
        return repo_path[len(self.site_prefix):]

    def logged_changes(self, tip: str) -> list[tuple[Commit, list[_Change]]]:
        """Every change to policies/ along the branch's first parents, oldest first."""
        days = self.arrival_days(tip)
        output = git(self.repo, "log", "--no-show-signature", "--first-parent",
                     "--diff-merges=first-parent", "--full-history", "--reverse", "-M", "--raw",
                     "-z", "--no-abbrev", "--format=%x1e%H%x1f%s", tip, "--", self.prefix)
        log = []
        for index, record in enumerate(output.decode("utf-8", "surrogateescape").split("\x1e")[1:]):
            header, _, raw = record.partition("\x00")
            sha, subject = header.strip("\n").split("\x1f", 1)
            changes = [c for c in map(self.as_source_change, _parse_raw(raw)) if c]
            log.append((Commit(sha, sha[:SHORT_SHA], days[sha], printable(subject), index),
                        changes))
        self.read_blobs({c.blob for _, changes in log for c in changes if c.blob})
        return log

    def arrival_days(self, tip: str) -> dict[str, date]:
        """Each commit's day on the branch: its committer day, but never before the day of a
        commit before it, whose clock may have said a later day."""
        output = git(self.repo, "log", "--first-parent", "--reverse", "--format=%H %ct", tip)
        days, latest = {}, date.min
        for line in output.decode().splitlines():
            sha, stamp = line.split()
            latest = max(latest, datetime.fromtimestamp(int(stamp), self.zone).date())
            days[sha] = latest
        return days

    def as_source_change(self, change: _Change) -> _Change | None:
        """Only sources count; a source renamed to another kind of file was deleted."""
        new_is_source = is_source(change.path[len(self.prefix):])
        if change.status != "R":
            return change if new_is_source else None
        if not is_source(change.old_path[len(self.prefix):]):
            return _Change("A", change.path, change.blob) if new_is_source else None
        return change if new_is_source else _Change("D", change.old_path, None)

    def read_blobs(self, blobs: set[str]) -> None:
        """Parse every content not seen yet, with one git cat-file for all of them."""
        wanted = sorted(b for b in blobs if b not in self.texts)
        if not wanted:
            return
        output = git(self.repo, "cat-file", "--batch", stdin="".join(b + "\n" for b in wanted).encode())
        position = 0
        for blob in wanted:
            header_end = output.index(b"\n", position)
            header = output[position:header_end].split()
            if header[-1] == b"missing":
                self.texts[blob] = parse_text(b"")
                position = header_end + 1
                continue
            size = int(header[2])
            self.texts[blob] = parse_text(output[header_end + 1:header_end + 1 + size])
            position = header_end + 1 + size + 1

    def apply(self, history: History, commit: Commit, changes: list[_Change]) -> None:
        for change in changes:
            path = self.site_path(change.path)
            text = self.texts[change.blob] if change.blob else None
            if change.status == "R":
                old = self.site_path(change.old_path)
                states = history.files.setdefault(old, [])
                history.files[path] = list(states) + [FileState(commit, path, text)]
                states.append(FileState(commit, old, None, moved_to=path))
            else:
                history.files.setdefault(path, []).append(FileState(commit, path, text))

    def pending_changes(self, history: History, anchor: str | None,
                        policies: Path) -> list[_Change]:
        """What the working tree holds that the branch does not: the branch's own changes
        since ``anchor``, applied on top of the branch's last states. A file gone from one
        place and the same content new in another is a rename, as git would call it."""
        working = self.working_tree(policies)
        started = self.tree(anchor) if anchor else {}
        own = {p: b for p, b in working.items() if started.get(p) != b}
        own.update({p: None for p in started if p not in working})
        changes, gone = [], {}
        for repo_path, blob in sorted(own.items()):
            states = history.files.get(self.site_path(repo_path))
            last = states[-1].text if states else None
            if blob is None and last is not None:
                gone[repo_path] = last
            elif blob is not None and last is not self.texts[blob]:
                changes.append(_Change("M" if last else "A", repo_path, blob))
        for index, change in enumerate(changes):
            old = next((p for p, text in gone.items() if text is self.texts[change.blob]), None)
            if change.status == "A" and old:
                del gone[old]
                changes[index] = _Change("R", change.path, change.blob, old)
        return changes + [_Change("D", path, None) for path in gone]

    def working_tree(self, policies: Path) -> dict[str, str]:
        """Blob ids of the sources under policies/, as git would store them."""
        files = {}
        for folder, names, filenames in os.walk(policies):
            for name in [n for n in names if os.path.islink(os.path.join(folder, n))]:
                self.links.append(self.site_path(self._repo_path(Path(folder, name))))
            for name in filenames:
                path = Path(folder, name)
                if path.is_symlink():
                    self.links.append(self.site_path(self._repo_path(path)))
                elif is_source(self._repo_path(path)[len(self.prefix):]) and is_regular(path):
                    files[self._repo_path(path)] = path
        ordered = sorted(files)
        blobs = []
        # Names go to git as arguments, never as lines (a name may hold a line break); only
        # names the loader reads are sources, and those have none.
        for start in range(0, len(ordered), HASHED_PER_CALL):
            chunk = [str(files[p]) for p in ordered[start:start + HASHED_PER_CALL]]
            blobs += git(self.repo, "hash-object", "--", *chunk).decode().split()
        for repo_path, blob in zip(ordered, blobs):
            if blob not in self.texts:
                self.texts[blob] = parse_text(contents_of(files[repo_path]))
        return dict(zip(ordered, blobs))

    def _repo_path(self, path: Path) -> str:
        return path.relative_to(self.repo.resolve()).as_posix()

    def tree(self, commit: str) -> dict[str, str]:
        listing = git(self.repo, "ls-tree", "-r", "-z", "--full-tree", commit, "--", self.prefix)
        tree = {}
        for entry in listing.decode("utf-8", "surrogateescape").split("\0"):
            if entry:
                meta, _, path = entry.partition("\t")
                if is_source(path[len(self.prefix):]):
                    tree[path] = meta.split()[2]
        self.read_blobs(set(tree.values()))
        return tree


def _parse_raw(raw: str) -> list[_Change]:
    """``git log --raw -z`` entries: ':mode mode blob blob STATUS' then one or two paths."""
    fields = raw.lstrip("\n").split("\x00")
    changes, index = [], 0
    while index < len(fields) and fields[index].startswith(":"):
        meta = fields[index][1:].split()
        status, blob = meta[4][0], meta[3]
        if status in "RC":
            changes.append(_Change("R" if status == "R" else "A", fields[index + 2], blob,
                                   fields[index + 1]))
            index += 3
            continue
        changes.append(_Change("D" if status == "D" else "A" if status == "A" else "M",
                               fields[index + 1], None if status == "D" else blob))
        index += 2
    return changes


