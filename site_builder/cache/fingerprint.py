"""What policy-site's output depends on besides the sources: its own code and the versions of
the libraries that shape the output. Light to import: a build with nothing to do checks it
before loading any of those libraries."""

from __future__ import annotations

import os
from functools import lru_cache
from importlib import metadata

from site_builder.base.digest import digest

SHAPING_LIBRARIES = ("markdown-it-py", "mdit-py-plugins", "Jinja2", "MarkupSafe", "PyYAML")


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Changes whenever any module of policy-site (in any of its folders), or a library that
    shapes output, changes; computed once a process."""
    versions = [f"{name}={_version(name)}" for name in SHAPING_LIBRARIES]
    package = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
    return digest(*versions, *(_module(package, name) for name in _modules(package)))[:16]


def _modules(package: str) -> list[str]:
    """Every .py file below the package, by its path relative to it, in a fixed order."""
    found = []
    for folder, folders, files in os.walk(package):
        folders[:] = [f for f in folders if f != "__pycache__"]
        below = os.path.relpath(folder, package)
        found += [os.path.normpath(os.path.join(below, f)) for f in files if f.endswith(".py")]
    return sorted(found)


def _module(package: str, name: str) -> bytes:
    with open(os.path.join(package, name), "rb") as module:
        return name.encode() + b"\0" + module.read()


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "absent"
