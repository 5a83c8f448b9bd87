"""Paths a user controls, resolved the way the operating system would follow them."""

from __future__ import annotations

from pathlib import Path


def real_path(path: Path) -> Path | None:
    """The path with every symbolic link followed; None for a loop of links."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # RuntimeError: Python before 3.13 on a loop
        return None


def is_inside(path: Path, folder: Path) -> bool:
    """Whether ``path`` (resolved) is ``folder`` or lies below it."""
    return path == folder or folder in path.parents
