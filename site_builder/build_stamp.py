"""A build with nothing to do says so at once, before loading any template or Markdown library.

After a successful build, ``record`` writes what it was built from (the bytes of every file
under policies/ and themes/ and of the built-in theme, policy-site's code and the versions of
the libraries that shape the output, the day, the output folder) and what it reported. The
next build calls ``unchanged`` first: if all of that is the same, and the output folder is
still exactly the tree the manifest lists (the same files with the same inodes, sizes and
times, which a copied or planted tree cannot have), then the output already is what a build
would write. Any difference or doubt means a full build. The record lives in the cache folder;
``--no-cache`` and ``--ledger`` (whose live ledger may have moved) never use it.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from datetime import date
from pathlib import Path

from site_builder.build_report import BuildReport
from site_builder.dates import today_in
from site_builder.fingerprint import BUILTIN_THEME, code_fingerprint
from site_builder.manifest import manifest_path, read_no_follow
from site_builder.messages import Message
from site_builder.problems import Problem

_RECORD = Path(".cache") / "policy-site" / "last-build.json"


def inputs_digest(root: Path) -> str | None:
    """Every input of a build by path and content; None when one cannot be read."""
    hasher = hashlib.sha256(code_fingerprint().encode())
    folders = {root / "policies", root / "themes", BUILTIN_THEME}
    try:
        for folder in sorted(folders, key=str):
            hasher.update(f"\0folder {folder}\0".encode("utf-8", "surrogateescape"))
            _hash_tree(folder, hasher)
    except OSError:
        return None
    return hasher.hexdigest()


def _hash_tree(folder: Path, hasher) -> None:
    for here, folders, files in os.walk(folder):  # links to folders are named, not entered
        folders.sort()
        for name in sorted(files + [f for f in folders if os.path.islink(os.path.join(here, f))]):
            path = os.path.join(here, name)
            hasher.update(f"\0{os.path.relpath(path, folder)}\0".encode("utf-8", "surrogateescape"))
            if os.path.islink(path):
                hasher.update(os.readlink(path).encode("utf-8", "surrogateescape") + b"\0")
            if os.path.isfile(path):
                with open(path, "rb") as handle:
                    hasher.update(hashlib.sha256(handle.read()).digest())


def record(root: Path, out: Path, today: date, timezone: str, inputs: str,
           report: BuildReport) -> None:
    """Remember a finished build; the record only saves time, so failing to write it is fine."""
    try:
        manifest = hashlib.sha256(read_no_follow(manifest_path(out))).hexdigest()
        stamp = {"inputs": inputs, "out": str(out), "today": today.isoformat(),
                 "timezone": timezone, "manifest": manifest,
                 "report": [report.documents, report.versions, report.change_pages,
                            report.feeds, report.translations],
                 "warnings": [_problem_data(p) for p in report.warnings]}
        target = root / _RECORD
        target.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=".last-build-")
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            json.dump(stamp, handle)
        os.replace(temporary, target)
    except OSError:
        return


def unchanged(root: Path, out: Path, as_of: date | None) -> BuildReport | None:
    """The last build's report if building now would write exactly the output there is."""
    try:
        stamp = json.loads(read_no_follow(root / _RECORD))
        if stamp["out"] != str(out):
            return None
        if (as_of or today_in(stamp["timezone"])).isoformat() != stamp["today"]:
            return None
        manifest = read_no_follow(manifest_path(out))
        if hashlib.sha256(manifest).hexdigest() != stamp["manifest"]:
            return None
        if not _is_listed_tree(out, json.loads(manifest)):
            return None
        if inputs_digest(root) != stamp["inputs"]:
            return None
        documents, versions, changes, feeds, translations = stamp["report"]
        warnings = [_problem(data) for data in stamp["warnings"]]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return BuildReport(documents, versions, changes, feeds, 0.0, out, warnings,
                       translations=translations)


def _is_listed_tree(out: Path, manifest: dict) -> bool:
    """The folder holds exactly the files the manifest lists, as the last build left them,
    and nothing an interrupted build would have to finish or undo."""
    parent = out.parent
    if any(parent.glob(f".{out.name}.*-*")):  # leftovers or a journal of a killed build
        return False
    seen = 0
    for here, folders, files in os.walk(out):
        for name in files + folders:
            if os.path.islink(os.path.join(here, name)):
                return False
        for name in files:
            relative = os.path.relpath(os.path.join(here, name), out).replace(os.sep, "/")
            entry = manifest.get(relative)
            stat = os.stat(os.path.join(here, name))
            if not entry or entry[1:] != [stat.st_ino, stat.st_size, stat.st_mtime_ns]:
                return False
            seen += 1
    return seen == len(manifest)


def _problem_data(problem: Problem) -> dict:
    return {"path": problem.path, "line": problem.line, "rule": problem.rule,
            "severity": problem.severity, "column": problem.column,
            "message": _message_data(problem.message)}


def _message_data(text: str):
    if isinstance(text, Message):
        return {"template": text.template,
                "values": {key: _message_data(value) if isinstance(value, str) else str(value)
                           for key, value in text.values.items()}}
    return str(text)


def _problem(data: dict) -> Problem:
    return Problem(data["path"], data["line"], _message(data["message"]), rule=data["rule"],
                   severity=data["severity"], column=data["column"])


def _message(data) -> str:
    if isinstance(data, dict):
        return Message(data["template"], {key: _message(value)
                                          for key, value in data["values"].items()})
    return data
