"""Two commits of policy-site timed against each other on the benchmark archive, in pairs.

    python benchmarks/before_after.py fa55942 HEAD            # 5 pairs a case
    python benchmarks/before_after.py fa55942 HEAD --scale    # also 5,000 versions

Each commit is installed into a virtual environment of its own (same_output.installed) and
builds its own copy of the same archive; every case runs as pairs, the two commits back to
back with the order alternating, and the figure is the ratio second / first of each pair
(min / median / max), with the peak resident memory. Cases: a cold build (no cache, no
output), a deploy (the cache kept, the output folder empty), one version changed, nothing
changed, and with --scale 5,000 versions built with --no-cache.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from archive import generate  # noqa: E402
from same_output import installed, two_commits  # noqa: E402
from trash import Trash, folder_cost, settle  # noqa: E402

AS_OF = "2026-11-28"


def build(python: Path, site: Path, cache: Path, *flags: str) -> tuple[float, float]:
    """Seconds and peak MB of one build, in a fresh process run from the site's folder (not
    this repository's: the working folder comes first on sys.path)."""
    environment = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    started = time.perf_counter()
    process = subprocess.Popen([str(python), "-m", "site_builder", "build", "--as-of", AS_OF,
                                "--root", str(site), *flags], stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, env=environment, cwd=site)
    _, status, usage = os.wait4(process.pid, 0)
    error = process.stderr.read().decode(errors="replace")
    process.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"build with {python} failed:\n{error}")
    return time.perf_counter() - started, usage.ru_maxrss / 1024


class Commit:
    """One commit's environment, archive copies and caches."""

    def __init__(self, commit: str, work: Path, scale: bool):
        self.python = installed(commit, work / "env")
        self.sites = {"archive": work / "archive"}
        generate(self.sites["archive"], 20, 50)
        if scale:
            self.sites["scaled"] = work / "scaled"
            generate(self.sites["scaled"], 100, 50)
        self.work = work
        self.trash = Trash(work / "trash")  # see trash.py: deleting just before costs folders

    def cache(self, case: str) -> Path:
        return self.work / f"cache-{case}"

    def prepare(self, case: str, site: Path) -> None:
        cache = self.cache(case)
        if case in ("cold build", "5,000 versions --no-cache"):
            self.trash.discard(site / "output")
            self.trash.discard(cache)
            return
        if not cache.exists():  # made from nothing: a build into an output folder that is
            self.trash.discard(site / "output")  # there caches none of the pages it keeps
        if not cache.exists() or not (site / "output").exists():
            build(self.python, site, cache)
        if case == "a deploy":
            self.trash.discard(site / "output")
        elif case == "one version changed":
            path = sorted((site / "policies" / "policy-05").glob("*.md"))[10]
            path.write_text(path.read_text().rstrip("\n") + f"\n\n측정{time.time_ns()}\n")
        elif case == "nothing changed":
            build(self.python, site, cache)


def main() -> None:
    parser = two_commits(__doc__)
    parser.add_argument("--pairs", type=int, default=5)
    parser.add_argument("--scale", action="store_true")
    arguments = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="policy-site-before-after-"))
    commits = [Commit(name, work / str(index), arguments.scale)
               for index, name in enumerate((arguments.first, arguments.second))]
    cases = [("cold build", "archive", ()), ("a deploy", "archive", ()),
             ("one version changed", "archive", ()), ("nothing changed", "archive", ())]
    if arguments.scale:
        cases.append(("5,000 versions --no-cache", "scaled", ("--no-cache",)))
    print(f"disk: {settle(work / 'trash')}", flush=True)
    print(f"| case | {arguments.first} (median) | {arguments.second} (median) "
          "| ratio min / median / max |\n|---|---|---|---|")
    for case, site, flags in cases:
        runs: list[list[tuple[float, float]]] = [[], []]
        for pair in range(arguments.pairs):
            for index in ((0, 1) if pair % 2 == 0 else (1, 0)):
                commit = commits[index]
                commit.prepare(case, commit.sites[site])
                runs[index].append(build(commit.python, commit.sites[site], commit.cache(case),
                                         *flags))
        ratios = [b[0] / a[0] for a, b in zip(*runs)]
        shown = [f"{statistics.median(t for t, _ in r) * 1000:.0f} ms, "
                 f"{max(m for _, m in r):.0f} MB" for r in runs]
        print(f"| {case} | {shown[0]} | {shown[1]} | {min(ratios):.2f}x / "
              f"{statistics.median(ratios):.2f}x / {max(ratios):.2f}x |", flush=True)
    load = os.getloadavg()
    print(f"load at the end {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}; making a folder took "
          f"{folder_cost(work / 'trash'):.0f} µs")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
