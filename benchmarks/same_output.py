"""Do two commits of policy-site build the same sites byte for byte?

For a change that must not change what is published (a regrouping of the package, a faster
renderer): each commit is checked out into a temporary worktree and installed from there
into a virtual environment of its own, and run (``python -m site_builder``) on the example
site of this repository and on the benchmark archive, with and without the cache, and with one
and two workers. Every file of every output tree is compared; the first differences are
printed.

    python benchmarks/same_output.py a05ec04 HEAD
    python benchmarks/same_output.py a05ec04 HEAD --documents 20 --versions 50

``--ignore GLOB`` leaves out files whose layout a change means to alter (e.g. the comparison
data of the compare page).
"""

from __future__ import annotations

import argparse
import fnmatch
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from archive import generate  # noqa: E402  (the benchmark's own archive generator)

REPOSITORY = Path(__file__).resolve().parent.parent
AS_OF = "2026-12-01"
BUILDS = (("cold, one process", ["--no-cache", "--jobs", "1"]),
          ("cold, two workers", ["--no-cache", "--jobs", "2"]),
          ("cache written", []),
          ("cache reused, output deleted", []))


def installed(commit: str, into: Path) -> Path:
    """The commit installed as a wheel would be (its built-in theme included) into a virtual
    environment of its own, with its own libraries; the environment's Python.

    Not one that shares this environment's packages: an editable install of this repository
    there (``pip install -e``) registers an import hook that wins over the environment's own
    copy, and every commit would run as the working tree."""
    source = into / "source"
    subprocess.run(["git", "-C", str(REPOSITORY), "worktree", "add", "--detach", "-q",
                    str(source), commit], check=True)
    try:
        subprocess.run([sys.executable, "-m", "venv", str(into / "env")], check=True)
        python = into / "env" / "bin" / "python"
        subprocess.run([str(python), "-m", "pip", "install", "-q", str(source)], check=True)
    finally:
        subprocess.run(["git", "-C", str(REPOSITORY), "worktree", "remove", "--force",
                        str(source)], check=False)
    where = subprocess.run([str(python), "-c", "import site_builder; print(site_builder.__file__)"],
                           capture_output=True, text=True, check=True, cwd=into).stdout.strip()
    if not where.startswith(str(into)):
        raise SystemExit(f"{commit} runs from {where}, not from its own environment")
    return python


def build(python: Path, site: Path, out: Path, flags: list[str]) -> None:
    """One build; the cache in the work folder beside the site, never the user's."""
    environment = {**os.environ, "POLICY_SITE_MESSAGES": "en",
                   "XDG_CACHE_HOME": str(site.parent / "cache")}
    done = subprocess.run([str(python), "-m", "site_builder", "build", "--as-of", AS_OF,
                           "--root", str(site), "--out", str(out), *flags],
                          capture_output=True, text=True, env=environment, cwd=site)
    if done.returncode != 0:
        raise SystemExit(f"build with {python} failed:\n{done.stderr}")


def tree(out: Path, ignored: list[str]) -> dict[str, str]:
    files = {}
    for path in sorted(out.rglob("*")):
        relative = path.relative_to(out).as_posix()
        if path.is_file() and not any(fnmatch.fnmatch(relative, g) for g in ignored):
            files[relative] = hashlib.sha256(path.read_bytes()).hexdigest()
    return files


def differences(a: dict[str, str], b: dict[str, str]) -> list[str]:
    found = [f"only in the first: {p}" for p in sorted(set(a) - set(b))]
    found += [f"only in the second: {p}" for p in sorted(set(b) - set(a))]
    found += [f"differs: {p}" for p in sorted(set(a) & set(b)) if a[p] != b[p]]
    return found


def sites(work: Path, documents: int, versions: int) -> dict[str, Path]:
    example = work / "example"
    shutil.copytree(REPOSITORY / "policies", example / "policies")
    # Not themes/default: that is the package's built-in theme, which each commit brings in
    # its own installation; copied from the working tree, it would override both commits'.
    for theme in (REPOSITORY / "themes").glob("*/"):
        if theme.name not in ("default", "__pycache__"):
            shutil.copytree(theme, example / "themes" / theme.name)
    archive = work / "archive"
    generate(archive, documents, versions)
    return {"example site": example, f"archive {documents} x {versions}": archive}


def outputs(python: Path, label: str, site: Path, work: Path,
            ignored: list[str]) -> dict[str, dict]:
    """The trees each kind of build writes; the cache is kept by the site's folder, so each
    commit gets its own copy of the site."""
    copy = work / f"{site.name}-{label}"
    shutil.copytree(site, copy)
    trees = {}
    for name, flags in BUILDS:
        out = work / f"out-{site.name}-{label}"
        if name.startswith("cache reused"):
            shutil.rmtree(out)
        build(python, copy, out, flags)
        trees[name] = tree(out, ignored)
    return trees


def two_commits(description: str) -> argparse.ArgumentParser:
    """A command line that names two commits to set against each other (before_after.py too)."""
    parser = argparse.ArgumentParser(description=description,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("first")
    parser.add_argument("second")
    return parser


def main() -> int:
    parser = two_commits(__doc__)
    parser.add_argument("--documents", type=int, default=5)
    parser.add_argument("--versions", type=int, default=20)
    parser.add_argument("--ignore", action="append", default=[], metavar="GLOB")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="same-output-") as temporary:
        work = Path(temporary)
        pythons = {f"commit-{index}": installed(commit, work / f"commit-{index}")
                   for index, commit in enumerate((args.first, args.second))}
        failed = False
        for label, site in sites(work, args.documents, args.versions).items():
            first, second = (outputs(python, name, site, work, args.ignore)
                             for name, python in pythons.items())
            for name in first:
                found = differences(first[name], second[name])
                if first[name] and first[name] == second[name]:
                    print(f"same: {label}, {name}: {len(first[name])} files")
                else:
                    failed = True
                    print(f"DIFFERENT: {label}, {name}:", *found[:20], sep="\n  ")
            for other in first.values():  # every kind of build writes the same tree too
                if other != first[BUILDS[0][0]]:
                    failed = True
                    print(f"DIFFERENT: {label}: the first commit's builds disagree")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
