"""The repository's history of policies/, read with one ``git log`` for the whole site.

Which date counts: a commit's *committer* date, as a calendar day in the site's timezone. The
committer date is set whenever a commit is created, amended, rebased or cherry-picked, so a
rewritten history cannot keep an earlier day. Uncommitted changes in the working tree count as
made today, so ``check --git`` also catches an edit before it is committed.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from site_builder.problems import UsageError
from site_builder.sourcefile import FrontMatter, split_front_matter
from site_builder.yamlfields import Fields, compose_mapping

ADDED, MODIFIED, DELETED, RENAMED = "A", "M", "D", "R"


@dataclass(frozen=True)
class Commit:
    sha: str
    short: str
    day: date
    subject: str

    def describe(self) -> str:
        if not self.sha:
            return "uncommitted changes (counted as made today)"
        return f"{self.short} ({self.day}, \"{self.subject}\")"


@dataclass(frozen=True)
class Change:
    """One commit's change to one file; ``path`` is the file's name after the commit."""

    commit: Commit
    status: str
    path: str
    old_path: str | None = None
    same_content: bool = False  # a pure rename (similarity 100)


@dataclass(frozen=True)
class Removal:
    """A version file deleted or renamed away, with the dates its last text stated."""

    change: Change
    path: str  # site path of the file that is gone
    new_path: str | None  # where a rename moved it
    effective: date | None
    announced: date | None


@dataclass
class History:
    changes: dict[str, list[Change]] = field(default_factory=dict)  # site path -> oldest first
    removals: list[Removal] = field(default_factory=list)


def _git(repo: Path, *args: str, stdin: str | None = None) -> str:
    try:
        done = subprocess.run(["git", "-C", str(repo), *args], input=stdin, capture_output=True,
                              text=True, encoding="utf-8", errors="surrogateescape")
    except FileNotFoundError:
        raise UsageError("--git needs the git command; install git") from None
    if done.returncode != 0:
        raise UsageError(f"git {args[0]} failed: {done.stderr.strip()}")
    return done.stdout


def repository_of(root: Path) -> Path:
    """The top of the repository holding root; refuses a non-repository and a shallow clone."""
    try:
        top = _git(root, "rev-parse", "--show-toplevel").strip()
    except UsageError:
        raise UsageError(f"--git needs a git repository, and {root} is not inside one; run "
                         "check without --git, or in a clone of the policy repository") from None
    if _git(root, "rev-parse", "--is-shallow-repository").strip() == "true":
        raise UsageError("this clone is shallow, so the history --git checks is incomplete; "
                         "fetch it all (GitHub Actions: actions/checkout with 'fetch-depth: 0'; "
                         "elsewhere: git fetch --unshallow)")
    return Path(top)


def read_history(root: Path, timezone: str, today: date) -> History:
    repo = repository_of(root)
    prefix = root.resolve().relative_to(repo.resolve()).as_posix()
    prefix = "" if prefix == "." else prefix + "/"
    zone = ZoneInfo(timezone)
    changes = _logged_changes(repo, prefix, zone) + _uncommitted_changes(repo, prefix, today)
    return _assemble(repo, prefix, changes)


def _has_commits(repo: Path) -> bool:
    done = subprocess.run(["git", "-C", str(repo), "rev-parse", "--verify", "--quiet", "HEAD"],
                          capture_output=True)
    return done.returncode == 0


def _logged_changes(repo: Path, prefix: str, zone: ZoneInfo) -> list[Change]:
    """Every change under policies/, oldest first, from a single git log."""
    if not _has_commits(repo):  # a new repository: everything is uncommitted, made today
        return []
    output = _git(repo, "log", "--reverse", "--no-merges", "-M", "--name-status", "-z",
                  "--format=%x1e%H%x1f%h%x1f%ct%x1f%s", "--", f"{prefix}policies")
    changes = []
    for record in output.split("\x1e")[1:]:
        header, _, files = record.partition("\x00\n")
        sha, short, stamp, subject = header.split("\x1f", 3)
        commit = Commit(sha, short, datetime.fromtimestamp(int(stamp), zone).date(), subject)
        changes.extend(_parse_name_status(commit, files.split("\x00")))
    return changes


def _parse_name_status(commit: Commit, fields: list[str]) -> list[Change]:
    changes, index = [], 0
    while index < len(fields) and fields[index]:
        status = fields[index]
        if status[0] in "RC":
            old, new = fields[index + 1], fields[index + 2]
            changes.append(Change(commit, RENAMED if status[0] == "R" else ADDED, new, old,
                                  same_content=status[1:] == "100"))
            index += 3
        else:
            changes.append(Change(commit, status[0] if status[0] in "ADM" else MODIFIED,
                                  fields[index + 1]))
            index += 2
    return changes


def _uncommitted_changes(repo: Path, prefix: str, today: date) -> list[Change]:
    output = _git(repo, "status", "--porcelain=v1", "-z", "--untracked-files=all", "--",
                  f"{prefix}policies")
    now = Commit(sha="", short="", day=today, subject="")  # see Commit.describe
    fields = output.split("\x00")
    changes, index = [], 0
    while index < len(fields) and fields[index]:
        code, path = fields[index][:2], fields[index][3:]
        if "R" in code:
            changes.append(Change(now, RENAMED, path, fields[index + 1]))
            index += 2
            continue
        status = ADDED if code in ("??", "A ", "AM") else DELETED if "D" in code else MODIFIED
        changes.append(Change(now, status, path))
        index += 1
    return changes


def _assemble(repo: Path, prefix: str, changes: list[Change]) -> History:
    """Follow renames so a file's history starts where it was first added."""
    history = History()
    removed: list[Change] = []
    for change in changes:
        path = change.path[len(prefix):]
        if change.status == RENAMED:
            old = change.old_path[len(prefix):]
            history.changes[path] = history.changes.pop(old, []) + [change]
            removed.append(change)
        elif change.status == DELETED:
            history.changes.pop(path, None)
            removed.append(change)
        else:
            history.changes.setdefault(path, []).append(change)
    history.removals = _removals(repo, prefix, removed)
    return history


def _removals(repo: Path, prefix: str, removed: list[Change]) -> list[Removal]:
    """Read each removed file's last text (one git cat-file for all) for its dates."""
    if not removed:
        return []
    gone = [(c, c.old_path if c.status == RENAMED else c.path) for c in removed]
    requests = "".join(f"{c.commit.sha or 'HEAD'}{'^' if c.commit.sha else ''}:{p}\n"
                       for c, p in gone)
    texts = _cat_files(repo, requests)
    return [Removal(change, path[len(prefix):],
                    change.path[len(prefix):] if change.status == RENAMED else None,
                    *_dates_in(text))
            for (change, path), text in zip(gone, texts)]


def _cat_files(repo: Path, requests: str) -> list[str]:
    output = subprocess.run(["git", "-C", str(repo), "cat-file", "--batch"], input=requests.encode(),
                            capture_output=True).stdout
    texts, position = [], 0
    for _ in requests.splitlines():
        header_end = output.index(b"\n", position)
        header = output[position:header_end].split()
        if header[-1] == b"missing":
            texts.append("")
            position = header_end + 1
            continue
        size = int(header[2])
        texts.append(output[header_end + 1:header_end + 1 + size].decode("utf-8", "replace"))
        position = header_end + 1 + size + 1
    return texts


def _dates_in(text: str) -> tuple[date | None, date | None]:
    parts = split_front_matter(text.replace("\r\n", "\n").lstrip("\ufeff"), "")
    if not isinstance(parts, FrontMatter):
        return None, None
    fields = compose_mapping(parts.yaml, "", 2)
    if not isinstance(fields, Fields):
        return None, None
    return fields.date("effective"), fields.date("announced")
