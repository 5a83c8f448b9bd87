"""What policy-site's output depends on besides the sources: its own code and the code of the
libraries that shape the output. Light to import: a build with nothing to do checks it before
loading any of those libraries.

Reading the code (some 270 files, 1.6 MB) is a few milliseconds of every build. The build
record keeps the fingerprint with the files' inodes, sizes and times (:func:`seen_code`); a
later build whose code files have exactly those (base/file_times.py) takes the fingerprint
from it (:func:`vouch`) instead of reading them."""

from __future__ import annotations

import os
from functools import lru_cache
from importlib.util import find_spec

from site_builder.base.digest import digest
from site_builder.base.file_times import has_settled, settled_before

# By their import names; a library's code, not its version number, is what shapes the output
# (and reading the installed versions, importlib.metadata took 22-34 ms of every build).
SHAPING_LIBRARIES = ("markdown_it", "mdit_py_plugins", "jinja2", "markupsafe", "yaml")
_TEXTS = (".py",)  # read whole
_CODE_FILES = (*_TEXTS, ".so", ".pyd")  # compiled extensions: by their size
_VOUCHED: dict[str, str] = {}  # fingerprint by what the code files' times were (a record's)
_TIMES: list[str | None] = []  # the code files' times when this process took the fingerprint


def vouch(seen: object) -> None:
    """``seen``: what :func:`seen_code` returned in an earlier build, as its record kept it."""
    if (isinstance(seen, list) and len(seen) == 2
            and all(isinstance(part, str) for part in seen)):
        _VOUCHED[seen[0]] = seen[1]


def seen_code() -> list[str] | None:
    """[the code files' times, the fingerprint], for a later build to vouch with; None while
    a file was too recently changed to be known by its times."""
    fingerprint = code_fingerprint()
    return [_TIMES[0], fingerprint] if _TIMES and _TIMES[0] else None


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Changes whenever any module of policy-site (in any of its folders), or of a library that
    shapes output, changes; computed once a process."""
    files = _code_files()
    _TIMES[:] = [_times(files)]  # before reading: a file changed meanwhile is not vouched for
    vouched = _VOUCHED.get(_TIMES[0]) if _TIMES[0] else None
    return vouched or digest(*(part if isinstance(part, bytes) else _file(*part)
                               for part in files))[:16]


def _code_files() -> list[bytes | tuple[str, str]]:
    """What the fingerprint is made of, in a fixed order: names, and (folder, path) of each
    file to read."""
    package = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
    return [*_code(package), *(part for name in SHAPING_LIBRARIES for part in _library(name))]


def _times(files: list[bytes | tuple[str, str]]) -> str | None:
    """What the files' times are; None while one has not settled (base/file_times.py)."""
    moment = settled_before()
    parts = []
    for part in files:
        if isinstance(part, bytes):
            parts.append(part)
            continue
        try:
            stat = os.lstat(part[1])
        except OSError:
            return None
        if not has_settled(stat, moment):
            return None
        parts.append(f"{part[1]}\0{stat.st_ino}:{stat.st_size}:{stat.st_mtime_ns}:"
                     f"{stat.st_ctime_ns}")
    return digest(*parts)


def _library(name: str) -> list[bytes | tuple[str, str]]:
    try:
        spec = find_spec(name)  # a module already loaded is found where it was loaded from
        if spec is None or not spec.submodule_search_locations:
            return [f"{name}: absent".encode()]
        return [name.encode(), *_code(spec.submodule_search_locations[0])]
    except (ImportError, ValueError, OSError):  # loaded oddly, or a file gone: another cache
        return [f"{name}: unreadable".encode()]


def _code(folder: str) -> list[tuple[str, str]]:
    """Every file below the folder, in a fixed order: a module (the built-in templates'
    shipped forms among them, render/shipped_templates.py) by its text, a compiled extension (a
    library's) by its size."""
    found = []
    for below, folders, files in os.walk(folder):
        folders[:] = [f for f in folders if f != "__pycache__"]
        found += [os.path.join(below, f) for f in files if f.endswith(_CODE_FILES)]
    return [(folder, path) for path in sorted(found)]


def _file(folder: str, path: str) -> bytes:
    name = os.path.relpath(path, folder).encode() + b"\0"
    if not path.endswith(_TEXTS):
        return name + str(os.path.getsize(path)).encode()
    with open(path, "rb") as module:
        return name + module.read()
