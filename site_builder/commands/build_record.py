"""A build with nothing to do says so at once, before loading any template or Markdown library.

After a successful build, ``record`` writes what it was built from (the bytes of every file
under policies/ and themes/ and of the built-in theme, policy-site's code and the code of
the libraries that shape the output, the day, the output folder) and what it reported. The
next build calls ``unchanged`` first: if all of that is the same, and the output folder is
still exactly the tree the manifest lists (the same files with the same inodes, sizes and
times, which a copied or planted tree cannot have; and, once a build with nothing to do has
listed the folders, each folder's times), then the output already is what a build would
write. Any difference or doubt means a full build. The record lives in the cache folder;
``--no-cache`` and ``--ledger`` (whose live ledger may have moved) never use it.
"""

from __future__ import annotations

import hashlib
import os
from stat import S_ISLNK
from datetime import date
from pathlib import Path

from site_builder.commands.build_summary import BuildSummary
from site_builder.base.paths import BUILTIN_THEME
from site_builder.base.file_times import has_settled, settled_before
from site_builder.cache import fingerprint
from site_builder.base.files import replace_with_json
from site_builder.base.untrusted import load_json, read_regular
from site_builder.output.manifest import read_manifest
from site_builder.output.state import MAX_STATE_BYTES, manifest_entries
from site_builder.output.siblings import is_settled
from site_builder.base.messages import message_data, message_from_data
from site_builder.base.paths import cache_folder
from site_builder.base.problems import Problem

_RECORD = "last-build.json"  # in the cache folder (paths.cache_folder)
MAX_INPUT_BYTES = 64 * 1024 * 1024  # a source's or a theme file's limit, and more
_UNSETTLED = -1  # no file's change time: the file is read again by the next build


def read_inputs(root: Path, known: dict | None = None) -> dict | None:
    """Every input of a build: policy-site's code, and each file under policies/, themes/ and
    the built-in theme with its inode, size, times and SHA-256, read again only when one of
    those differs from ``known`` (base/file_times.py). The change time is one of them: an
    edit in place that keeps the size and puts the modification time back (``touch -d``,
    ``cp -p``) still changes it. A file that has not settled is recorded so that the next
    build reads it again. None when a file cannot be read."""
    known = known if isinstance(known, dict) else {}  # a record from elsewhere: no help
    files, moment = {"code": fingerprint.code_fingerprint()}, settled_before()
    try:
        for folder in sorted({root / "policies", root / "themes", BUILTIN_THEME}, key=str):
            for path, entry in _tree(folder):
                stat = entry.stat()
                seen = [stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns]
                was = known.get(path)
                if isinstance(was, list) and len(was) == 5 and was[:4] == seen:
                    files[path] = was
                    continue
                if not has_settled(stat, moment):
                    seen[3] = _UNSETTLED
                files[path] = seen + [_file_hash(entry.path)]
    except OSError:
        return None
    return files


def _tree(folder: Path):
    """(name, entry) of every file below ``folder``, links named by their target; links to
    folders are not entered (the loader refuses those that lead out of policies/)."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except FileNotFoundError:
        return
    for entry in entries:
        if entry.is_symlink():
            yield f"{entry.path} -> {os.readlink(entry.path)}", entry
        elif entry.is_dir(follow_symlinks=False):
            yield from _tree(Path(entry.path))
        else:
            yield entry.path, entry


def _file_hash(path: str) -> str:
    """A FIFO or a device (a link to /dev/zero, hidden or not) is refused here, before any
    rule runs: the build goes on without the record, and the loader says what is wrong."""
    return hashlib.sha256(read_regular(path, MAX_INPUT_BYTES)).hexdigest()


def _record_path(root: Path) -> Path:
    folder = cache_folder(root)
    if folder is None:  # a link planted where the cache belongs: no record, read or written
        raise OSError("the cache folder is a link")
    return folder / _RECORD


def _read_record(root: Path) -> dict:
    return load_json(read_regular(_record_path(root), MAX_STATE_BYTES, follow=False))


def record(root: Path, out: Path, today: date, inputs: dict, report: BuildSummary,
           options: dict) -> None:
    """Remember a finished build; the record only saves time, so failing to write it is fine.
    ``options``: the flags that change the output (--pdf)."""
    try:
        manifest = hashlib.sha256(read_manifest(out)).hexdigest()
        stamp = {"inputs": inputs, "out": str(out), "today": today.isoformat(),
                 "options": options,
                 "manifest": manifest,
                 "code_files": fingerprint.seen_code(),
                 "report": [report.documents, report.versions, report.change_pages,
                            report.feeds, report.translations],
                 "warnings": [_problem_data(p) for p in report.warnings]}
        replace_with_json(_record_path(root), stamp)
    except OSError:
        return


def last_record(root: Path) -> dict | None:
    """The record of the last build, or None (a damaged or foreign one is no record). What it
    says of the code files' times vouches for the code's fingerprint while they keep them."""
    try:
        stamp = _read_record(root)
    except (OSError, ValueError):
        return None
    if not isinstance(stamp, dict):
        return None
    fingerprint.vouch(stamp.get("code_files"))
    return stamp


def recorded_manifest(stamp: dict | None) -> str | None:
    """The SHA-256 of the manifest the recorded build wrote, if the code that wrote it is this
    code: another version of policy-site may write manifests of another shape."""
    manifest = stamp.get("manifest") if stamp else None
    inputs = stamp.get("inputs") if stamp else None
    ours = isinstance(inputs, dict) and inputs.get("code") == fingerprint.code_fingerprint()
    return manifest if isinstance(manifest, str) and ours else None


def unchanged(root: Path, out: Path, today: date, stamp: dict, options: dict,
              inputs: dict | None) -> BuildSummary | None:
    """The last build's report if building now would write exactly the output there is;
    ``inputs``: what the build is made from now (read_inputs)."""
    try:
        if stamp["out"] != str(out) or stamp["today"] != today.isoformat() \
                or stamp.get("options") != options:
            return None
        manifest = read_manifest(out)
        if hashlib.sha256(manifest).hexdigest() != stamp["manifest"]:
            return None
        # The sources first: after an edit, this is where a build goes on with its work.
        if _contents(inputs) != _contents(stamp["inputs"]):
            return None
        left = _output_as_left(out, stamp)
        if left is None:
            return None
        documents, versions, changes, feeds, translations = stamp["report"]
        warnings = [_problem(data) for data in stamp["warnings"]]
    except (OSError, ValueError, LookupError, TypeError, AttributeError):
        return None  # a damaged or foreign record is only a full build
    # The same contents under new times (a checkout, a file read again after it settled):
    # remembered, so that the next build does not read those files again.
    times = {"inputs": inputs, "code_files": fingerprint.seen_code()}
    _remember(root, stamp, {**left, **{key: value for key, value in times.items()
                                       if value != stamp.get(key)}})
    return BuildSummary(documents, versions, changes, feeds, 0.0, out, warnings,
                       translations=translations, unchanged=True)


def _output_as_left(out: Path, stamp: dict) -> dict | None:
    """What the record should keep besides (``{}``: nothing) if the output folder holds
    exactly the files the manifest lists, as the last build left them, and nothing an
    interrupted build would have to finish or undo; None if not. Listing every folder is most
    of a build with nothing to do; once a listing has found the tree as it should be, the
    record keeps each folder's times, and the next build compares those instead: a file
    added, removed or renamed in a folder changes the folder's times, and ``ctime`` cannot be
    set back."""
    if not is_settled(out):
        return None
    manifest = manifest_entries(out, stamp["manifest"])
    if _same_folders(out, manifest, stamp.get("folders")):
        return {} if _same_files(out, manifest) else None  # the same names: the files decide
    folders = _listed_tree(out, manifest)
    if folders is None:
        return None
    # Not with an empty folder someone made: the next build lists again.
    return {"folders": folders} if folders.keys() == _folders_of(manifest) else {}


def _same_folders(out: Path, manifest: dict, folders: object) -> bool:
    """Every folder of the manifest's files, and no other, has the times the record keeps."""
    if not isinstance(folders, dict) or folders.keys() != _folders_of(manifest):
        return False
    for name, seen in folders.items():
        stat = os.lstat(f"{out}/{name}")
        if seen != [stat.st_ino, stat.st_mtime_ns, stat.st_ctime_ns]:
            return False
    return True


def _folders_of(manifest: dict) -> set[str]:
    """'' for the output folder, and every folder on the way to each file ('a/b/')."""
    found = {""}
    for name in manifest:
        folder = name[:name.rfind("/") + 1]
        while folder not in found:
            found.add(folder)
            folder = folder[:folder.rfind("/", 0, -1) + 1]
    return found


def _same_files(out: Path, manifest: dict) -> bool:
    for name, listed in manifest.items():
        stat = os.lstat(f"{out}/{name}")
        if listed[1:] != [stat.st_ino, stat.st_size, stat.st_mtime_ns] or S_ISLNK(stat.st_mode):
            return False
    return True


def _listed_tree(out: Path, manifest: dict) -> dict[str, list] | None:
    """Each folder's times, if the folder holds exactly the files the manifest lists as the
    last build left them; None if not. A folder's times are read before it is listed: what
    changes it after that changes them too."""
    seen, folders, times = 0, [(str(out), "")], {}
    while folders:  # a loop, not a recursive generator: thousands of folders per build
        folder, below = folders.pop()
        try:
            stat = os.lstat(folder)
            entries = list(os.scandir(folder))
        except OSError:
            return None
        times[below] = [stat.st_ino, stat.st_mtime_ns, stat.st_ctime_ns]
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                folders.append((entry.path, f"{below}{entry.name}/"))
                continue
            listed = manifest.get(below + entry.name)
            stat = entry.stat(follow_symlinks=False)
            if (entry.is_symlink() or not listed
                    or listed[1:] != [stat.st_ino, stat.st_size, stat.st_mtime_ns]):
                return None
            seen += 1
    return times if seen == len(manifest) else None


def _remember(root: Path, stamp: dict, fresher: dict) -> None:
    if not fresher:
        return
    try:
        replace_with_json(_record_path(root), {**stamp, **fresher})
    except OSError:
        return


def _contents(inputs: dict | None) -> dict | None:
    """What the inputs hold: paths and hashes, whatever their inodes and times."""
    if inputs is None:
        return None
    return {path: value[-1] if isinstance(value, list) else value for path, value in inputs.items()}


def source_hashes(inputs: dict | None) -> dict[str, str]:
    """The SHA-256 of each file as ``inputs`` read it, by path: the loader takes the cache's
    parse of such a version file without reading it again."""
    return {path: sha256 for path, sha256 in (_contents(inputs) or {}).items()
            if isinstance(sha256, str) and sha256}


def _problem_data(problem: Problem) -> dict:
    return {"path": problem.path, "line": problem.line, "rule": problem.rule,
            "severity": problem.severity, "column": problem.column,
            "message": message_data(problem.message)}


def _problem(data: dict) -> Problem:
    problem = Problem(data["path"], data["line"], message_from_data(data["message"]),
                      rule=data["rule"], severity=data["severity"], column=data["column"])
    if not (isinstance(problem.path, str) and isinstance(problem.rule, str)
            and problem.severity in ("error", "warning") and isinstance(problem.message, str)
            and all(isinstance(n, int) or n is None for n in (problem.line, problem.column))):
        raise TypeError("not a problem this module recorded")
    return problem
