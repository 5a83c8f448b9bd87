"""What policy-site's output depends on besides the sources: its own code and the versions of
the libraries that shape the output. Light to import: a build with nothing to do checks it
before loading any of those libraries."""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

from site_builder.base.digest import digest

SHAPING_LIBRARIES = ("markdown-it-py", "mdit-py-plugins", "Jinja2", "MarkupSafe", "PyYAML")


def code_fingerprint() -> str:
    """Changes whenever any module of policy-site, or a library that shapes output, changes."""
    versions = [f"{name}={_version(name)}" for name in SHAPING_LIBRARIES]
    package = Path(__file__).resolve().parent.parent
    return digest(*versions, *(f"{path.relative_to(package)}\0".encode() + path.read_bytes()
                               for path in sorted(package.rglob("*.py"))))[:16]


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "absent"
