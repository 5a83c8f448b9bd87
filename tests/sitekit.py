"""Write a whole small site into a temporary folder and drive the real CLI against it."""

from __future__ import annotations

import ast
import contextlib
import io
import shutil
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

from site_builder.base.paths import cache_folder
from site_builder.cli import main

BODY = """\
머리말 문단입니다.

## 1. 목적

회사는 개인정보를 다음의 목적을 위해 처리합니다.

## 2. 항목

필수 항목 : 아이디, 비밀번호
"""


@dataclass
class Result:
    code: int
    out: str
    err: str

    @property
    def text(self) -> str:
        return self.out + self.err


def front_matter(**keys) -> str:
    lines = []
    for key, value in keys.items():
        if value is None:
            continue
        if isinstance(value, bool):
            value = "true" if value else "false"
        lines.append(f"{key}: {value}")
    return "---\n" + "\n".join(lines) + "\n---\n"


REPOSITORY = Path(__file__).resolve().parent.parent


class SiteKit:
    def __init__(self, root: Path):
        self.root = root
        self.root.mkdir(parents=True, exist_ok=True)
        self.site_yaml()

    @classmethod
    def shipped(cls, root: Path) -> "SiteKit":
        """A site holding this repository's own policies (the seed and the example terms)."""
        kit = cls(root)
        shutil.rmtree(kit.root / "policies")
        shutil.copytree(REPOSITORY / "policies", kit.root / "policies")
        return kit

    @property
    def cache(self) -> Path:
        """Where the build keeps this site's cache and build record: the user's cache folder."""
        return cache_folder(self.root)

    @property
    def out(self) -> Path:
        return self.root / "output"

    def write(self, relative: str, text: str | bytes) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    def site_yaml(self, extra: str = "", **overrides) -> None:
        settings = {"title": "테스트 정책", "base_url": "https://example.com/policies/"}
        settings.update(overrides)
        text = "".join(f"{k}: {v}\n" for k, v in settings.items() if v is not None)
        self.write("policies/site.yaml", text + textwrap.dedent(extra))

    def document(self, slug: str = "privacy", title: str = "개인정보처리방침",
                 extra: str = "") -> None:
        self.write(f"policies/{slug}/document.yaml", f"title: {title}\n" + textwrap.dedent(extra))

    def version(self, name: str, body: str = BODY, slug: str = "privacy",
                raw_front: str | None = None, **keys) -> Path:
        """A version file named by date; keys become front matter (``effective`` = the name)."""
        if not (self.root / f"policies/{slug}/document.yaml").exists():
            self.document(slug)
        front = raw_front if raw_front is not None else front_matter(
            effective=keys.pop("effective", name), **keys)
        return self.write(f"policies/{slug}/{name}.md", front + "\n" + body)

    def two_versions(self, announced: str = "2016-02-15", **second) -> None:
        """The usual pair: a first version and an announced change 2016-03-01."""
        self.version("2015-02-15")
        second.setdefault("summary", "목적 조항을 고칩니다")
        self.version("2016-03-01", announced=announced,
                     body=BODY.replace("다음의 목적", "아래의 목적"), **second)

    def run(self, *args: str, root: bool = True) -> Result:
        argv = list(args) + (["--root", str(self.root)] if root else [])
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(argv)
        return Result(code, out.getvalue(), err.getvalue())

    def build(self, as_of: str = "2026-11-28", *extra: str) -> Result:
        return self.run("build", "--as-of", as_of, *extra)

    def libraries_a_build_loads(self, as_of: str, *names: str) -> list[str]:
        """Which of these modules a build in a fresh process imports (this one has them all)."""
        probe = ("import sys; from site_builder.cli import main; "
                 f"code = main(['build', '--as-of', '{as_of}', '--root', {str(self.root)!r}]); "
                 f"print('LOADED', [m for m in {names!r} if m in sys.modules]); sys.exit(code)")
        done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        return ast.literal_eval(done.stdout.rsplit("LOADED ", 1)[1])

    def check(self, as_of: str = "2026-11-28", *extra: str) -> Result:
        return self.run("check", "--as-of", as_of, *extra)

    def read(self, relative: str) -> str:
        return (self.out / relative).read_text(encoding="utf-8")

    def tree(self) -> dict[str, bytes]:
        """Every output file and its bytes, to compare whole builds."""
        return {p.relative_to(self.out).as_posix(): p.read_bytes()
                for p in sorted(self.out.rglob("*")) if p.is_file()}
