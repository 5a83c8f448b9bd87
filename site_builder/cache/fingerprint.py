"""What policy-site's output depends on besides the sources: its own code and the code of the
libraries that shape the output. Light to import: a build with nothing to do checks it before
loading any of those libraries."""

from __future__ import annotations

import os
from functools import lru_cache
from importlib.util import find_spec

from site_builder.base.digest import digest

# By their import names; a library's code, not its version number, is what shapes the output
# (and reading the installed versions, importlib.metadata took 22-34 ms of every build).
SHAPING_LIBRARIES = ("markdown_it", "mdit_py_plugins", "jinja2", "markupsafe", "yaml")
_TEXTS = (".py", ".compiled")  # read whole
_CODE_FILES = (*_TEXTS, ".so", ".pyd")  # compiled extensions: by their size


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Changes whenever any module of policy-site (in any of its folders), or of a library that
    shapes output, changes; computed once a process."""
    package = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
    return digest(*_code(package), *(part for name in SHAPING_LIBRARIES
                                     for part in _library(name)))[:16]


def _library(name: str) -> list[bytes]:
    try:
        spec = find_spec(name)  # a module already loaded is found where it was loaded from
        if spec is None or not spec.submodule_search_locations:
            return [f"{name}: absent".encode()]
        return [name.encode(), *_code(spec.submodule_search_locations[0])]
    except (ImportError, ValueError, OSError):  # loaded oddly, or a file gone: another cache
        return [f"{name}: unreadable".encode()]


def _code(folder: str) -> list[bytes]:
    """Every file below the folder, in a fixed order: a module (and a built-in template's
    shipped compiled form, render/shipped_templates.py) by its text, a compiled extension (a
    library's) by its size."""
    found = []
    for below, folders, files in os.walk(folder):
        folders[:] = [f for f in folders if f != "__pycache__"]
        found += [os.path.join(below, f) for f in files if f.endswith(_CODE_FILES)]
    return [_file(folder, path) for path in sorted(found)]


def _file(folder: str, path: str) -> bytes:
    name = os.path.relpath(path, folder).encode() + b"\0"
    if not path.endswith(_TEXTS):
        return name + str(os.path.getsize(path)).encode()
    with open(path, "rb") as module:
        return name + module.read()
