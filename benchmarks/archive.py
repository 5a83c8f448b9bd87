"""Generate a policy archive: documents x versions of Korean policy-like text, optionally with
a git history, for benchmarks (and tests that need a large site).

Each version is about 12 KB: articles (## N. ...), 가. 나. items, ① ② clauses, 1) 2) lists and a
table; every new version edits a few articles and is announced with a valid notice window.
"""

from __future__ import annotations

import argparse
import random
import subprocess
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

WORDS = ("개인정보 이용자 회사 서비스 처리 보유 기간 목적 제공 위탁 동의 법령 파기 안전성 조치 "
         "권리 열람 정정 삭제 요구 수집 항목 방법 고지 변경 시행 책임자 담당부서 관리 통제 암호화 "
         "접근 기록 보관 전자금융거래 계약 청약철회 대금결제 공급 분쟁조정 신고 상담").split()
PARTICLES = ("은", "는", "이", "가", "을", "를", "의", "에", "에서", "로", "와", "과")
ENDINGS = ("합니다.", "할 수 있습니다.", "하고 있습니다.", "하지 않습니다.", "됩니다.")
KOREAN_ITEMS = "가나다라마바사"
CIRCLED = "①②③④⑤⑥"
ZONE = ZoneInfo("Asia/Seoul")


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) + rng.choice(PARTICLES) for _ in range(rng.randint(5, 9))]
    return " ".join(words) + " " + rng.choice(ENDINGS)


def paragraph(rng: random.Random) -> str:
    return " ".join(sentence(rng) for _ in range(rng.randint(1, 3)))


def article(number: int, rng: random.Random) -> str:
    parts = [f"## {number}. {rng.choice(WORDS)}{rng.choice(PARTICLES)} {rng.choice(WORDS)}에 관한 사항",
             paragraph(rng)]
    for index in range(rng.randint(1, 2)):
        parts.append(f"{CIRCLED[index]} {paragraph(rng)}")
    parts.append("\n".join(f"{i}) {sentence(rng)}" for i in range(1, rng.randint(3, 5))))
    for letter in KOREAN_ITEMS[:rng.randint(1, 2)]:
        parts.append(f"{letter}. {rng.choice(WORDS)} {rng.choice(WORDS)}\\\n{sentence(rng)}")
    if number % 4 == 0:
        rows = "\n".join(f"| {rng.choice(WORDS)} | {rng.choice(WORDS)} | {rng.randint(1, 5)}년 |"
                         for _ in range(3))
        parts.append("| 항목 | 목적 | 보유기간 |\n|---|---|---|\n" + rows)
    return "\n\n".join(parts)


def first_body(rng: random.Random, articles: int = 12) -> list[str]:
    return [paragraph(rng)] + [article(n, rng) for n in range(1, articles + 1)]


def amend(sections: list[str], rng: random.Random) -> list[str]:
    """Edit two or three articles: change some words, or rewrite a paragraph."""
    sections = list(sections)
    for index in rng.sample(range(1, len(sections)), rng.randint(2, 3)):
        paragraphs = sections[index].split("\n\n")
        if rng.random() < 0.5:
            old = rng.choice(WORDS)
            paragraphs = [p.replace(old, rng.choice(WORDS), 1) for p in paragraphs]
        else:
            paragraphs[rng.randrange(1, len(paragraphs))] = paragraph(rng)
        sections[index] = "\n\n".join(paragraphs)
    return sections


def version_dates(count: int, rng: random.Random) -> list[tuple[date, date | None, bool]]:
    """(effective, announced, material) for each version, with valid notice windows."""
    dates, effective = [], date(2012, 1, 1)
    for index in range(count):
        material = index > 0 and rng.random() < 0.2
        announced = None if index == 0 else effective - timedelta(days=35 if material else 14)
        dates.append((effective, announced, material))
        effective += timedelta(days=rng.randint(20, 60))
    return dates


def front(effective: date, announced: date | None, material: bool, number: int) -> str:
    lines = [f"effective: {effective}"]
    if announced:
        lines += [f"announced: {announced}", f'summary: "제{number}차 개정: 일부 조항을 정비합니다."']
        if material:
            lines.append("material: true")
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def generate(root: Path, documents: int, versions: int, seed: int = 1) -> list[tuple[str, str, date]]:
    """Write the archive into root/policies; return (path, text, day) per file, in commit order."""
    rng = random.Random(seed)
    files = [("policies/site.yaml", "title: 벤치마크 정책\nbase_url: https://bench.example.com/\n",
              date(2011, 12, 1))]
    for doc in range(documents):
        slug = f"policy-{doc:02d}"
        files.append((f"policies/{slug}/document.yaml",
                      f"title: 정책 문서 {doc}\norder: {doc}\n", date(2011, 12, 1)))
        sections = first_body(rng)
        for number, (effective, announced, material) in enumerate(version_dates(versions, rng)):
            if number:
                sections = amend(sections, rng)
            text = front(effective, announced, material, number) + "\n\n".join(sections) + "\n"
            files.append((f"policies/{slug}/{effective}.md", text, announced or effective))
    for relative, text, _ in files:
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return files


def commit_history(root: Path, files: list[tuple[str, str, date]], extra_commits: int) -> None:
    """One commit per file on its announced day, plus edits of document.yaml, via fast-import."""
    stream, mark = bytearray(), 0
    events = [(day, path, text) for path, text, day in files]
    last_day = max(day for day, _, _ in events)
    documents = sum(1 for _, path, _ in events if path.endswith("document.yaml"))
    for index in range(extra_commits):
        day = date(2012, 1, 1) + timedelta(days=index % max(1, (last_day - date(2012, 1, 1)).days))
        doc = index % documents
        events.append((day, f"policies/policy-{doc:02d}/document.yaml",
                       f"title: 정책 문서 {doc}\norder: {doc}\ndescription: 설명 {index}\n"))
    events.sort(key=lambda e: (e[0], e[1]))
    latest: dict[str, str] = {}
    for day, path, text in events:
        mark += 1
        stamp = int(datetime.combine(day, time(10, 0), ZONE).timestamp())
        message = f"update {path}".encode()
        content = text.encode()
        latest[path] = text
        stream += (f"commit refs/heads/main\nmark :{mark}\n"
                   f"author Editor <e@example.com> {stamp} +0900\n"
                   f"committer Editor <e@example.com> {stamp} +0900\n"
                   f"data {len(message)}\n").encode() + message + b"\n"
        if mark > 1:
            stream += f"from :{mark - 1}\n".encode()
        stream += f"M 100644 inline {path}\ndata {len(content)}\n".encode() + content + b"\n"
    subprocess.run(["git", "init", "-q", "-b", "main", str(root)], check=True)
    subprocess.run(["git", "-C", str(root), "fast-import", "--quiet"], input=bytes(stream), check=True)
    subprocess.run(["git", "-C", str(root), "reset", "-q", "--hard", "main"], check=True)
    for path, text in latest.items():  # the work tree must match the last commit
        (root / path).write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("root", type=Path)
    parser.add_argument("--documents", type=int, default=20)
    parser.add_argument("--versions", type=int, default=50)
    parser.add_argument("--commits", type=int, default=0,
                        help="also make a git history with this many commits in all")
    args = parser.parse_args()
    files = generate(args.root, args.documents, args.versions)
    if args.commits:
        commit_history(args.root, files, max(0, args.commits - len(files)))
    print(f"wrote {len(files)} files to {args.root}")


if __name__ == "__main__":
    main()
