"""The files policy-site keeps beside an output folder ``out``, all named here and nowhere
else: the lock, the manifest, the in-place journal, a build's staging tree, the retired tree
of a swap, and the temporary files they are written through (``.<out>.<kind>-<pid>``)."""

from __future__ import annotations

import os
from pathlib import Path

NEW_SUFFIX = ".policy-site-new"  # a changed file written beside its target (journal.py)
STAGING, RETIRED = "tmp", "old"  # folders: the new tree before the swap, the old one after


def lock_path(out: Path) -> Path:
    return out.parent / f".{out.name}.lock"


def manifest_path(out: Path) -> Path:
    return out.parent / f".{out.name}.manifest.json"


def journal_path(out: Path) -> Path:
    return out.parent / f".{out.name}.journal.json"


def temporary_prefix(out: Path, kind: str) -> str:
    """The name a temporary file of ``kind`` (manifest, journal) starts with, before it is
    renamed over its target."""
    return f".{out.name}.{kind}-"


def own_folder(out: Path, kind: str) -> Path:
    """This process's staging (STAGING) or retired (RETIRED) tree."""
    return out.parent / f".{out.name}.{kind}-{os.getpid()}"


def leftovers(out: Path, kind: str) -> list[Path]:
    """Folders of ``kind`` a killed build left beside the output, oldest first; a link with
    such a name is not one."""
    found = [p for p in out.parent.glob(f".{out.name}.{kind}-*")
             if p.name[len(out.name) + len(kind) + 3:].isdigit() and not p.is_symlink()
             and p.is_dir()]
    return sorted(found, key=lambda p: p.stat().st_mtime)


def temporary_files(out: Path, kind: str) -> list[Path]:
    return list(out.parent.glob(temporary_prefix(out, kind) + "*"))


def is_settled(out: Path) -> bool:
    """Nothing an interrupted build would have to finish or undo: no journal, no leftovers."""
    return not journal_path(out).exists() and not any(out.parent.glob(f".{out.name}.*-*"))
