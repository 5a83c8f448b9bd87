"""Benchmark policy-site on a generated policy archive, against Hugo in the same run.

    python benchmarks/run.py                 # 20 documents x 50 versions, 5 pairs a case
    python benchmarks/run.py --scale         # also 5,000 versions, for the growth ratio

Every case is measured as pairs: the real command (a fresh process each time) and Hugo's same
case back to back, alternating which goes first; the figures are the ratios of each pair
(min / median / max), with the machine's load at the start and the end, so they hold even on a
noisy shared machine. What a case would delete before it runs (the previous output, the cache,
Hugo's public/) is moved aside and deleted at the end (trash.py: a deploy on a CI runner starts on
a fresh disk; deleting just before made every folder cost 15x on ext4); one row measures the
deploy with the output deleted just before, as round 5 did. Measuring starts once making a
folder costs what it does on a quiet disk (trash.settle: a previous run's deleted folder slows
the next few minutes), and the run prints that cost at the start and the end. Peak memory is the command's own
maximum resident set (its forked workers share most of its pages).
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from archive import PARTICLES, article, commit_history, generate, sentence  # noqa: E402
from trash import Trash, folder_cost, settle  # noqa: E402

AS_OF = "2026-11-28"
POLICY_SITE = [sys.executable, "-m", "site_builder"]


@dataclass
class Run:
    seconds: float
    peak_mb: float


def run(command: list[str], cwd: Path, check: bool = True) -> Run:
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    error = process.stderr.read().decode(errors="replace")
    process.stderr.close()
    if check and process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}):\n{error}")
    return Run(seconds, usage.ru_maxrss / 1024)


def median(runs: list[Run]) -> Run:
    return Run(statistics.median(r.seconds for r in runs), max(r.peak_mb for r in runs))


def clean_output(site: Path, trash: Trash) -> None:
    for leftover in [site / "output", site / ".cache", *site.glob(".output*")]:
        trash.discard(leftover)


class Edits:
    """Change one word of one version's body, alternately, and put the file back after."""

    def __init__(self, path: Path):
        self.path = path
        self.original = path.read_text(encoding="utf-8")
        self.count = 0

    def edit(self, marker: str | None = None) -> str:
        self.count += 1
        marker = marker or f"측정{self.count}"
        self.path.write_text(self.original.rstrip("\n") + f"\n\n{marker}\n", encoding="utf-8")
        return marker

    def restore(self) -> None:
        self.path.write_text(self.original, encoding="utf-8")


def edited_document(documents: int) -> str:
    """The document whose version the benchmark edits: one in the middle of the archive."""
    return f"policy-{documents // 2:02d}"


@dataclass
class Paired:
    """One case measured as pairs, each pair ours then Hugo's back to back (alternating which
    goes first), so that a slow minute slows both: the ratios are the figures."""

    ours: list[float]
    hugo: list[float]
    peak_mb: float

    @property
    def ratios(self) -> list[float]:
        return [a / b for a, b in zip(self.ours, self.hugo)] if self.hugo else []


def measure(pairs: int, ours, hugo=None) -> Paired:
    """``ours``/``hugo``: callables that prepare their case and return a Run."""
    mine, theirs, peak = [], [], 0.0
    for index in range(pairs):
        order = [("ours", ours), ("hugo", hugo)] if index % 2 == 0 else [("hugo", hugo), ("ours", ours)]
        for who, step in order:
            if step is None:
                continue
            result = step()
            (mine if who == "ours" else theirs).append(result.seconds)
            if who == "ours":
                peak = max(peak, result.peak_mb)
    return Paired(mine, theirs, peak)


def cases(site: Path, hugo: Path | None, document: str, pairs: int,
          trash: Trash) -> dict[str, Paired]:
    build = POLICY_SITE + ["build", "--as-of", AS_OF]
    cache = Path(os.environ["XDG_CACHE_HOME"])
    edits = Edits(sorted((site / "policies" / document).glob("*.md"))[10])
    hugo_edits = Edits(sorted((hugo / "content" / document).glob("*.md"))[10]) if hugo else None

    def ours_cold():
        clean_output(site, trash)
        trash.discard(cache)
        return run(build, site)

    def ours_deploy(deleted: bool = False):
        if not cache.exists():
            run(build, site)
        if deleted:
            shutil.rmtree(site / "output")
        clean_output(site, trash)
        return run(build, site)

    def ours_changed():
        edits.edit()
        result = run(build, site)
        edits.restore()
        run(build, site)
        return result

    def hugo_cold(deleted: bool = False):
        for made in (hugo / "public", hugo / "resources"):
            if deleted:
                shutil.rmtree(made, ignore_errors=True)
            trash.discard(made)
        return run(["hugo", "--quiet"], hugo)

    def hugo_changed():
        hugo_edits.edit()
        result = run(["hugo", "--quiet"], hugo)
        hugo_edits.restore()
        run(["hugo", "--quiet"], hugo)
        return result

    with_hugo = hugo is not None
    found = {"cold build, no cache": measure(pairs, ours_cold, hugo_cold if with_hugo else None),
             "warm cache, empty output folder (a CI deploy)":
                 measure(pairs, ours_deploy, hugo_cold if with_hugo else None),
             "the same, output deleted just before (round 5's method)":
                 measure(pairs, partial(ours_deploy, deleted=True),
                         partial(hugo_cold, deleted=True) if with_hugo else None)}
    run(build, site)
    if with_hugo:
        run(["hugo", "--quiet"], hugo)
    found["one version changed"] = measure(pairs, ours_changed, hugo_changed if with_hugo else None)
    found["nothing changed"] = measure(pairs, lambda: run(build, site),
                                       (lambda: run(["hugo", "--quiet"], hugo)) if with_hugo else None)
    found["check"] = measure(pairs, lambda: run(POLICY_SITE + ["check", "--as-of", AS_OF], site))
    found["check --git"] = measure(pairs, lambda: run(POLICY_SITE + ["check", "--git", "--as-of",
                                                                    AS_OF], site))
    return found


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(port: int, path: str) -> str:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        connection.request("GET", path)
        return connection.getresponse().read().decode("utf-8", "replace")
    finally:
        connection.close()


def save_to_served(command: list[str], cwd: Path, page: str, edits: Edits, saves: int) -> float:
    """Median seconds from writing a file to the server answering with the new text."""
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                fetch(port_of(command), page)
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise SystemExit(f"{' '.join(command)} did not start")
                time.sleep(0.05)
        latencies = []
        for _ in range(saves):
            time.sleep(0.3)  # let the previous rebuild settle, as between real saves
            started = time.perf_counter()
            marker = edits.edit()
            while marker not in fetch(port_of(command), page):
                if time.perf_counter() - started > 30:
                    raise SystemExit(f"{command[0]}: the edit never appeared")
                time.sleep(0.002)
            latencies.append(time.perf_counter() - started)
        return statistics.median(latencies)
    finally:
        edits.restore()
        process.terminate()
        process.wait()


def port_of(command: list[str]) -> int:
    return int(command[command.index("--port") + 1])


def hugo_site(site: Path, target: Path) -> None:
    """The same versions as plain Hugo pages (one page per version, no comparisons or feeds)."""
    (target / "layouts/_default").mkdir(parents=True)
    (target / "hugo.toml").write_text(
        'baseURL = "https://bench.example.com/"\ntitle = "bench"\n'
        'disableKinds = ["taxonomy", "term"]\n', encoding="utf-8")
    layouts = {
        "baseof.html": '<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8"><title>'
                       '{{ .Title }}</title></head><body>{{ block "main" . }}{{ end }}</body></html>',
        "single.html": '{{ define "main" }}<h1>{{ .Title }}</h1><nav>{{ .TableOfContents }}</nav>'
                       "{{ .Content }}{{ end }}",
        "list.html": '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="'
                     '{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}',
    }
    for name, text in layouts.items():
        (target / "layouts/_default" / name).write_text(text, encoding="utf-8")
    for version in sorted((site / "policies").glob("*/*.md")):
        body = version.read_text(encoding="utf-8").split("---\n", 2)[2]
        page = target / "content" / version.parent.name / version.name
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(f'---\ntitle: "{version.parent.name} {version.stem}"\ndate: '
                        f"{version.stem}\n---\n{body}", encoding="utf-8")


TARGETS = {  # case: most allowed, as a ratio to Hugo's same case (or seconds)
    "cold build, no cache": ("ratio", 2.5),
    "warm cache, empty output folder (a CI deploy)": ("ratio", 0.6),
    "one version changed": ("ratio", 0.3),
    "nothing changed": ("ratio", 0.1),
    "serve: save to served (median)": ("seconds", 0.050),
    "check --git": ("seconds", 2.0),
    "term replaced in 100 paragraphs, build --no-cache": ("seconds", 1.0),
    "1 MB version, every paragraph changed: comparison": ("seconds", 1.0),
}


def term_replacement_site(folder: Path) -> Path:
    """The most common amendment: one article of 100 paragraphs (about 46 KB), the term
    회원 replaced by 이용자 in every one of them."""
    rng = random.Random(20261129)
    paragraphs = "\n\n".join(
        " ".join(f"회원{rng.choice(PARTICLES)} {sentence(rng)}" for _ in range(4))
        for _ in range(100))
    site = folder / "term"
    (site / "policies/terms").mkdir(parents=True)
    (site / "policies/site.yaml").write_text("title: t\nbase_url: https://example.com/\n")
    (site / "policies/terms/document.yaml").write_text("title: 이용약관\n")
    old = "## 제1조 (회원)\n\n" + paragraphs
    (site / "policies/terms/2020-01-01.md").write_text(f"---\neffective: 2020-01-01\n---\n{old}\n")
    (site / "policies/terms/2020-03-01.md").write_text(
        "---\neffective: 2020-03-01\nannounced: 2020-02-01\nsummary: 용어 변경\n---\n"
        + old.replace("회원", "이용자") + "\n")
    print(f"term replacement: {len(old.encode())} bytes per version", flush=True)
    return site


def megabyte_comparison(repeat: int) -> Run:
    """Compare a 1 MB version with one whose every paragraph changed, in this process."""
    from site_builder.text.comparison import compare_articles
    from site_builder.text.markup import render_body

    rng = random.Random(2)
    sections, size = [], 0
    while size < 1_000_000:
        sections.append(article(len(sections) + 1, rng))
        size += len(sections[-1].encode())
    old = render_body("\n\n".join(sections)).articles
    new = render_body("\n\n".join(
        "\n\n".join(p if i == 0 else p.replace("개인정보", "개인 정보", 1)
                    for i, p in enumerate(s.split("\n\n"))) for s in sections)).articles
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        compare_articles(old, new)
        runs.append(Run(time.perf_counter() - started, 0))
    return median(runs)


def table(found: dict[str, Paired]) -> str:
    rows = ["| case | policy-site (median) | peak MB | Hugo (median) | ratio min / median / max "
            "| target | met |", "|---|---|---|---|---|---|---|"]
    for name, paired in found.items():
        ours = statistics.median(paired.ours)
        ratios = sorted(paired.ratios)
        kind, limit = TARGETS.get(name, (None, None))
        value = statistics.median(ratios) if kind == "ratio" and ratios else \
            ours if kind == "seconds" else None
        target = (f"<= {limit}x Hugo" if kind == "ratio" else
                  f"<= {limit * 1000:.0f} ms" if kind == "seconds" else "")
        met = "" if value is None else "yes" if value <= limit else "no"
        spread = (f"{ratios[0]:.2f}x / {statistics.median(ratios):.2f}x / {ratios[-1]:.2f}x"
                  if ratios else "")
        rows.append(f"| {name} | {ours * 1000:.0f} ms | "
                    f"{f'{paired.peak_mb:.0f}' if paired.peak_mb else ''} | "
                    f"{f'{statistics.median(paired.hugo) * 1000:.0f} ms' if paired.hugo else ''} | "
                    f"{spread} | {target} | {met} |")
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--documents", type=int, default=20)
    parser.add_argument("--versions", type=int, default=50)
    parser.add_argument("--commits", type=int, default=5000)
    parser.add_argument("--pairs", type=int, default=5, help="pairs per case (at least 5)")
    parser.add_argument("--saves", type=int, default=10)
    parser.add_argument("--scale", action="store_true", help="also build 5x the versions")
    arguments = parser.parse_args()
    # An installed package has its bytecode (pip compiles it); a checkout run with
    # PYTHONDONTWRITEBYTECODE (as on this project's machines) would compile every module anew in
    # every measured process: 50 ms that no user pays.
    package = Path(__file__).resolve().parent.parent / "site_builder"
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(package)], check=True)
    with tempfile.TemporaryDirectory(prefix="policy-site-bench-") as folder:
        os.environ["XDG_CACHE_HOME"] = str(Path(folder) / "cache")
        site, hugo = Path(folder) / "site", Path(folder) / "hugo"
        files = generate(site, arguments.documents, arguments.versions)
        commit_history(site, files, max(0, arguments.commits - len(files)))
        load = os.getloadavg()
        print(f"archive: {arguments.documents} documents x {arguments.versions} versions, "
              f"{arguments.commits} commits, in {folder}; {os.cpu_count()} cores; "
              f"load {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}", flush=True)
        document = edited_document(arguments.documents)
        with_hugo = shutil.which("hugo") is not None
        if with_hugo:
            hugo_site(site, hugo)
        trash = Trash(Path(folder) / "trash")  # emptied with the folder, after all is measured
        print(f"disk: {settle(trash.folder)}", flush=True)
        found = cases(site, hugo if with_hugo else None, document, arguments.pairs, trash)
        saves = {"ours": [], "hugo": []}
        for _ in range(arguments.pairs if with_hugo else 1):
            edits = Edits(sorted((site / "policies" / document).glob("*.md"))[10])
            saves["ours"].append(save_to_served(
                POLICY_SITE + ["serve", "--port", str(free_port()), "--as-of", AS_OF], site,
                f"/{document}/{edits.path.stem}/", edits, arguments.saves))
            if with_hugo:
                edits = Edits(sorted((hugo / "content" / document).glob("*.md"))[10])
                saves["hugo"].append(save_to_served(
                    ["hugo", "server", "--port", str(free_port()), "--bind", "127.0.0.1",
                     "--disableLiveReload"], hugo, f"/{document}/{edits.path.stem}/", edits,
                    arguments.saves))
        found["serve: save to served (median)"] = Paired(saves["ours"], saves["hugo"], 0)
        term = term_replacement_site(Path(folder))
        found["term replaced in 100 paragraphs, build --no-cache"] = measure(
            arguments.pairs, lambda: run(POLICY_SITE + ["build", "--as-of", AS_OF, "--no-cache"], term))
        found["1 MB version, every paragraph changed: comparison"] = Paired(
            [megabyte_comparison(1).seconds for _ in range(arguments.pairs)], [], 0)
        if arguments.scale:
            big = Path(folder) / "big"
            generate(big, arguments.documents * 5, arguments.versions)
            clean_output(big, trash)
            scaled = run(POLICY_SITE + ["build", "--as-of", AS_OF, "--no-cache"], big)
            versions = arguments.documents * 5 * arguments.versions
            found[f"cold build, no cache, {versions} versions"] = Paired([scaled.seconds], [],
                                                                        scaled.peak_mb)
            growth = scaled.seconds / statistics.median(found["cold build, no cache"].ours)
            clean_output(big, trash)  # a user's first build, which writes the cache as it goes
            cached = run(POLICY_SITE + ["build", "--as-of", AS_OF], big)
            found[f"cold build, cache written, {versions} versions"] = Paired([cached.seconds], [],
                                                                             cached.peak_mb)
            print(f"growth: 5x the versions took {growth:.2f}x the time (target <= 5x), "
                  f"peak {scaled.peak_mb:.0f} MB, {cached.peak_mb:.0f} MB writing the cache "
                  f"(target <= 250 MB)")
        load = os.getloadavg()
        print(f"load at the end {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}; making a folder "
              f"took {folder_cost(trash.folder):.0f} µs")
        print(table(found))
        if not with_hugo:
            print("hugo is not installed (Debian package 'hugo'): no ratios")


if __name__ == "__main__":
    main()
