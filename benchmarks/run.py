"""Benchmark policy-site on a generated policy archive, against Hugo in the same run.

    python benchmarks/run.py                 # 20 documents x 50 versions, 3 repetitions
    python benchmarks/run.py --scale         # also 5,000 versions, for the growth ratio

Every figure is the median of several runs of the real command (a fresh process each time),
measured in this run, so ratios to Hugo hold even on a noisy shared machine. Peak memory is
the command's own maximum resident set (its forked workers share most of its pages).
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
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from archive import PARTICLES, article, commit_history, generate, sentence  # noqa: E402

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


def clean_output(site: Path) -> None:
    for leftover in [site / "output", site / ".cache", *site.glob(".output*")]:
        if leftover.is_dir():
            shutil.rmtree(leftover)
        elif leftover.exists():
            leftover.unlink()


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


def build_figures(site: Path, repeat: int, document: str) -> dict[str, Run]:
    build = POLICY_SITE + ["build", "--as-of", AS_OF]
    figures = {}
    cold = []
    for _ in range(repeat):
        clean_output(site)
        cold.append(run(build, site))
    figures["cold build"] = median(cold)
    clean_output(site)
    figures["cold build, --no-cache --jobs 1"] = median(
        [run(build + ["--no-cache", "--jobs", "1"], site) for _ in range(1)])
    run(build, site)
    figures["rebuild, nothing changed"] = median([run(build, site) for _ in range(repeat)])
    edits = Edits(sorted((site / "policies" / document).glob("*.md"))[10])
    changed = []
    for _ in range(repeat):
        edits.edit()
        changed.append(run(build, site))
    edits.restore()
    run(build, site)
    figures["rebuild, one version changed"] = median(changed)
    figures["check"] = median([run(POLICY_SITE + ["check", "--as-of", AS_OF], site)
                               for _ in range(repeat)])
    figures["check --git"] = median([run(POLICY_SITE + ["check", "--git", "--as-of", AS_OF], site)
                                     for _ in range(repeat)])
    return figures


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


def hugo_figures(site: Path, hugo: Path, repeat: int, saves: int, document: str) -> dict[str, Run]:
    hugo_site(site, hugo)
    figures = {}
    cold = []
    for _ in range(repeat):
        shutil.rmtree(hugo / "public", ignore_errors=True)
        shutil.rmtree(hugo / "resources", ignore_errors=True)
        cold.append(run(["hugo", "--quiet"], hugo))
    figures["cold build"] = median(cold)
    figures["rebuild, nothing changed"] = median([run(["hugo", "--quiet"], hugo)
                                                  for _ in range(repeat)])
    edits = Edits(sorted((hugo / "content" / document).glob("*.md"))[10])
    changed = []
    for _ in range(repeat):
        edits.edit()
        changed.append(run(["hugo", "--quiet"], hugo))
    edits.restore()
    figures["rebuild, one version changed"] = median(changed)
    port = free_port()
    page = f"/{document}/{edits.path.stem}/"
    figures["serve: save to served (median)"] = Run(save_to_served(
        ["hugo", "server", "--port", str(port), "--bind", "127.0.0.1", "--disableLiveReload"],
        hugo, page, edits, saves), 0)
    return figures


TARGETS = {  # figure: most allowed, as a ratio to Hugo's same figure (or seconds / MB)
    "cold build": ("ratio", 1.0),
    "rebuild, nothing changed": ("ratio", 0.2),
    "rebuild, one version changed": ("ratio", 0.15),
    "serve: save to served (median)": ("seconds", 0.060),
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


def table(ours: dict[str, Run], hugo: dict[str, Run]) -> str:
    rows = ["| figure | policy-site | peak MB | Hugo | ratio to Hugo | target | met |",
            "|---|---|---|---|---|---|---|"]
    for name, mine in ours.items():
        theirs = hugo.get(name)
        ratio = mine.seconds / theirs.seconds if theirs else None
        kind, limit = TARGETS.get(name, (None, None))
        value = ratio if kind == "ratio" else mine.seconds if kind == "seconds" else None
        target = (f"<= {limit}x Hugo" if kind == "ratio" else
                  f"<= {limit * 1000:.0f} ms" if kind == "seconds" else "")
        met = "" if value is None else "yes" if value <= limit else "no"
        rows.append(f"| {name} | {mine.seconds * 1000:.0f} ms | "
                    f"{f'{mine.peak_mb:.0f}' if mine.peak_mb else ''} | "
                    f"{f'{theirs.seconds * 1000:.0f} ms' if theirs else ''} | "
                    f"{f'{ratio:.2f}x' if ratio else ''} | {target} | {met} |")
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--documents", type=int, default=20)
    parser.add_argument("--versions", type=int, default=50)
    parser.add_argument("--commits", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--saves", type=int, default=10)
    parser.add_argument("--scale", action="store_true", help="also build 5x the versions")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="policy-site-bench-") as folder:
        site, hugo = Path(folder) / "site", Path(folder) / "hugo"
        files = generate(site, arguments.documents, arguments.versions)
        commit_history(site, files, max(0, arguments.commits - len(files)))
        print(f"archive: {arguments.documents} documents x {arguments.versions} versions, "
              f"{arguments.commits} commits, in {folder}; {os.cpu_count()} cores", flush=True)
        document = edited_document(arguments.documents)
        ours = build_figures(site, arguments.repeat, document)
        port = free_port()
        edits = Edits(sorted((site / "policies" / document).glob("*.md"))[10])
        ours["serve: save to served (median)"] = Run(save_to_served(
            POLICY_SITE + ["serve", "--port", str(port), "--as-of", AS_OF], site,
            f"/{document}/{edits.path.stem}/", edits, arguments.saves), 0)
        theirs = hugo_figures(site, hugo, arguments.repeat, arguments.saves, document) \
            if shutil.which("hugo") else {}
        # The same edit in a site of one document: the cost of a save should not depend on
        # how many other documents the site has.
        small = Path(folder) / "small"
        generate(small, 1, arguments.versions)
        edits = Edits(sorted((small / "policies/policy-00").glob("*.md"))[10])
        ours["serve: save to served, 1-document site"] = Run(save_to_served(
            POLICY_SITE + ["serve", "--port", str(free_port()), "--as-of", AS_OF], small,
            f"/policy-00/{edits.path.stem}/", edits, arguments.saves), 0)
        term = term_replacement_site(Path(folder))
        ours["term replaced in 100 paragraphs, build --no-cache"] = median(
            [run(POLICY_SITE + ["build", "--as-of", AS_OF, "--no-cache"], term)
             for _ in range(arguments.repeat)])
        ours["1 MB version, every paragraph changed: comparison"] = megabyte_comparison(
            arguments.repeat)
        if arguments.scale:
            big = Path(folder) / "big"
            generate(big, arguments.documents * 5, arguments.versions)
            clean_output(big)
            scaled = run(POLICY_SITE + ["build", "--as-of", AS_OF], big)
            ours[f"cold build, {arguments.documents * 5 * arguments.versions} versions"] = scaled
            growth = scaled.seconds / ours["cold build"].seconds
            print(f"growth: 5x the versions took {growth:.2f}x the time (target <= 5.5x)")
        print(table(ours, theirs))
        if not theirs:
            print("hugo is not installed (Debian package 'hugo'): no ratios")


if __name__ == "__main__":
    main()
