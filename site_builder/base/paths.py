"""Paths a user controls, resolved the way the operating system would follow them."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from site_builder.base.messages import say
from site_builder.base.problems import UsageError

# The default theme ships inside the package (pyproject.toml maps themes/ to site_builder.themes).
BUILTIN_THEME = Path(str(resources.files("site_builder.themes"))) / "default"


def real_path(path: Path) -> Path | None:
    """The path with every symbolic link followed; None for a loop of links."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # RuntimeError: Python before 3.13 on a loop
        return None


def is_inside(path: Path, folder: Path) -> bool:
    """Whether ``path`` (resolved) is ``folder`` or lies below it."""
    return path == folder or folder in path.parents


def cache_folder(root: Path) -> Path | None:
    """``root/.cache/policy-site`` when neither level is a symbolic link or a file: a
    repository could plant a link there to make a build write, or prune old caches, anywhere.
    None means: work without a cache."""
    folder = root
    for part in (".cache", "policy-site"):
        folder = folder / part
        if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
            return None
    return folder


def policies_dir(root: Path) -> Path:
    folder = root / "policies"
    if not root.is_dir():
        raise UsageError(say("{root}: no such folder; pass the site's folder with --root",
                             root=root))
    if not folder.is_dir():
        raise UsageError(say("{root}: no policies/ folder here; run in the site's folder or "
                             "pass --root (see README: Sources)", root=root.absolute()))
    return folder
