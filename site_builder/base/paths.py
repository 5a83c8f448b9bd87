"""Paths a user controls, resolved the way the operating system would follow them."""

from __future__ import annotations

import hashlib
import os
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
    except RecursionError:  # not about the path: the caller recursed too deep
        raise
    except (OSError, RuntimeError):  # RuntimeError: Python before 3.13 on a loop
        return None


def is_inside(path: Path, folder: Path) -> bool:
    """Whether ``path`` (resolved) is ``folder`` or lies below it."""
    return path == folder or folder in path.parents


def cache_folder(root: Path) -> Path | None:
    """This site's cache: ``<user cache>/policy-site/sites/<hash of the site's folder>``, where
    the user cache is ``POLICY_SITE_CACHE`` (the policy-site level itself), else
    ``$XDG_CACHE_HOME`` or ``~/.cache``. Never inside the site's folder: a pull request can
    commit files there (``git add -f``), and a planted cache or build record must not decide
    what is published. None means: work without a cache (no home folder, a cache folder
    inside the site, or a level of it that is a link or a file, which could make a build
    write, or prune, anywhere)."""
    top = os.environ.get("POLICY_SITE_CACHE")
    if not top:
        home = os.environ.get("XDG_CACHE_HOME") or (Path.home() / ".cache" if _has_home() else None)
        if not home:
            return None
        top = Path(home) / "policy-site"
    site = real_path(root.absolute())
    if site is None:
        return None
    folder = Path(top).absolute() / "sites" / hashlib.sha256(os.fsencode(site)).hexdigest()[:16]
    for level in (folder.parent.parent, folder.parent, folder):
        if level.is_symlink() or (level.exists() and not level.is_dir()):
            return None
    real = real_path(folder)
    return None if real is None or is_inside(real, site) else folder


def _has_home() -> bool:
    try:
        Path.home()
    except RuntimeError:  # no HOME and no password entry: a bare container
        return False
    return True


def policies_dir(root: Path) -> Path:
    folder = root / "policies"
    if not root.is_dir():
        raise UsageError(say("{root}: no such folder; pass the site's folder with --root",
                             root=root))
    if not folder.is_dir():
        raise UsageError(say("{root}: no policies/ folder here; run in the site's folder or "
                             "pass --root (see README: Sources)", root=root.absolute()))
    return folder
