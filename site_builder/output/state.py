"""The state files beside an output folder (the manifest, the journal), read as untrusted input.

They sit in the repository's folder, so a pull request can plant them (``git add -f`` of an
ignored file). A state file is used only if git does not track it and everything in it is of
the shape this package writes: every path it names relative, without ``..``, and lying inside
the output folder without passing through a symbolic link. Anything else is ignored, with one
warning (:func:`state_warnings`), and left where it is: it is not ours to delete.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from functools import partial
from pathlib import Path

from site_builder.base.messages import say
from site_builder.base.problems import WARNING, Problem
from site_builder.base.untrusted import load_json, read_regular
from site_builder.output.siblings import journal_path, manifest_path

MAX_STATE_BYTES = 256 * 1024 * 1024  # the manifest of a very large site is some megabytes
# Parts joined by single slashes, none empty, '.' or '..', no NUL or backslash: one match a
# name (a manifest names every file, and is checked on every build, even one with no work).
_PART = r"(?!\.\.?(?:/|\Z))[^/\0\\]+"
_RELATIVE = re.compile(rf"{_PART}(?:/{_PART})*")
# (path, SHA-256) of state files git was asked about and does not track: a build reads the
# manifest several times, and asks git once for the same bytes.
_UNTRACKED: set[tuple[str, str]] = set()
_MANIFESTS: dict[tuple[str, str], dict] = {}  # the last manifest read, by path and SHA-256
WRITING, COMMIT = "writing", "commit"  # the journal's two states (journal.py)


class Untrusted(ValueError):
    """A state file that is not what this package writes; its message says why."""


def safe_relative(name: object) -> bool:
    """A path below a folder as the writer names it: 'privacy/index.html'."""
    return isinstance(name, str) and _RELATIVE.fullmatch(name) is not None


def all_inside(out: Path, names) -> bool:
    """Every name lies inside ``out`` and no folder on the way to it is a symbolic link (the
    file itself may be one: renaming or unlinking a link never touches its target). Each
    folder is looked at once: a journal names every file of a large site."""
    seen: dict[str, bool | None] = {}  # folder -> a link (True), missing (None), or a folder
    for name in names:
        if not safe_relative(name):
            return False
        parts = name.split("/")[:-1]
        for depth in range(1, len(parts) + 1):
            folder = "/".join(parts[:depth])
            if folder not in seen:
                seen[folder] = _is_link(out / folder)
            if seen[folder]:
                return False
            if seen[folder] is None:
                break  # nothing below a missing folder can be reached through a link
    return True


def _is_link(path: Path) -> bool | None:
    try:
        return stat.S_ISLNK(os.lstat(path).st_mode)
    except FileNotFoundError:
        return None


def read_state(path: Path, vouched: str | None = None) -> object | None:
    """The JSON of a state file; None when there is none; Untrusted when git tracks it or it
    cannot be what this package wrote. ``vouched``: the SHA-256 the trusted build record says
    the last build wrote; a file with exactly those bytes is that build's, and git need not be
    asked (a build with nothing to do stays light)."""
    found = _read_untracked(path, vouched)
    return None if found is None else _json(found[1])


def _read_untracked(path: Path, vouched: str | None) -> tuple[tuple[str, str], bytes] | None:
    """((path, SHA-256), bytes) of a state file git does not track; None when there is none."""
    if not os.path.lexists(path):
        return None
    try:
        data = read_regular(path, MAX_STATE_BYTES, follow=False)
    except OSError as error:
        raise Untrusted(say("cannot be read ({reason})", reason=error.strerror or str(error)))
    seen = (str(path), hashlib.sha256(data).hexdigest())
    if seen[1] == vouched:
        _UNTRACKED.add(seen)  # the build's later reads of the same bytes need not ask either
    elif seen not in _UNTRACKED:
        from site_builder.sources.git import is_tracked  # starting git: only when it must ask

        if is_tracked(path):
            raise Untrusted(say("is tracked by git, and policy-site's state is never committed"))
        _UNTRACKED.add(seen)
    return seen, data


def _json(data: bytes) -> object:
    try:
        return load_json(data)
    except ValueError:
        raise Untrusted(say("is not valid JSON")) from None


def manifest_entries(out: Path, vouched: str | None = None) -> dict[str, list]:
    """The manifest's entries: path -> [key, inode, size, time]. One build reads it several
    times (the folder is ours, what it keeps, what it replaces): the same bytes are parsed and
    checked once; the entries are for reading only. Bytes the build record vouches for are
    the ones the last build wrote, so of its shape: checking 6,000 entries is not needed."""
    found = _read_untracked(manifest_path(out), vouched)
    if found is None:
        return {}
    seen, data = found
    if seen not in _MANIFESTS:
        entries = _json(data)
        # The shape of every name, not the folders on the way: a manifest is only read from
        # (a kept file is the regular file itself, lstat), and read on every build.
        if seen[1] != vouched and (not isinstance(entries, dict) or not all(
                safe_relative(name) and _is_entry(entry) for name, entry in entries.items())):
            raise Untrusted(say("names a file outside the output folder, or is not a manifest"))
        _MANIFESTS.clear()  # one output folder's, at a time
        _MANIFESTS[seen] = entries
    return _MANIFESTS[seen]


def _is_entry(entry: object) -> bool:
    return (isinstance(entry, list) and len(entry) == 4 and isinstance(entry[0], str)
            and all(isinstance(n, int) and not isinstance(n, bool) for n in entry[1:]))


def journal_entries(out: Path) -> dict | None:
    """The journal of an interrupted in-place update, checked through and through."""
    journal = read_state(journal_path(out))
    if journal is None:
        return None
    names = [*journal.get("changed", ()), *journal.get("removed", ())] \
        if isinstance(journal, dict) else None
    if (names is None or journal.get("state") not in (WRITING, COMMIT)
            or not all(isinstance(journal.get(k, []), list) for k in ("changed", "removed"))
            or not all_inside(out, names)):
        raise Untrusted(say("names a file outside the output folder, or is not a journal"))
    if journal["state"] == COMMIT:
        manifest = journal.get("manifest")
        if (not isinstance(manifest, dict) or not all_inside(out, manifest)
                or not all(_is_entry(entry) for entry in manifest.values())):
            raise Untrusted(say("names a file outside the output folder, or is not a journal"))
    return journal


def state_warnings(root: Path, out: Path, vouched: str | None = None) -> list[Problem]:
    """One warning for each state file beside ``out`` that will be ignored; ``vouched``: the
    manifest's SHA-256 as the build record has it."""
    warnings = []
    for path, read in ((manifest_path(out), partial(manifest_entries, vouched=vouched)),
                       (journal_path(out), journal_entries)):
        try:
            read(out)
        except Untrusted as error:
            warnings.append(Problem(_shown(root, path), None, say(
                "{reason}: what it says is ignored, and the build writes its own in its place; "
                "if git tracks it, remove it from the repository (git rm --cached {name})",
                reason=error.args[0], name=path.name), rule="untrusted-state", severity=WARNING))
    return warnings


def _shown(root: Path, path: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)
