"""Day one (issue 25, in part): a fresh clone is a place to start, an English site gets English
templates, and a usage error reaches GitHub's run summary."""

from __future__ import annotations

import contextlib
import io
import subprocess

from site_builder.cli import main
from tests.sitekit import SiteKit


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def test_init_starts_in_a_fresh_clone_and_adds_to_its_gitignore(tmp_path):
    folder = tmp_path / "clone"
    subprocess.run(["git", "init", "-q", str(folder)], check=True)
    (folder / "README.md").write_text("# our policies\n")
    (folder / "LICENSE").write_text("MIT\n")
    (folder / ".gitignore").write_text("node_modules/\n")
    code, out, err = run("init", str(folder), "--as-of", "2026-12-01")
    assert code == 0, err
    assert "kept README.md (already there)" in out
    assert "added the lines policy-site needs to .gitignore" in out
    ignored = (folder / ".gitignore").read_text().splitlines()
    assert ignored[0] == "node_modules/" and "output/" in ignored and ".*.manifest*" in ignored
    assert (folder / "README.md").read_text() == "# our policies\n"
    assert run("check", "--root", str(folder), "--as-of", "2026-12-01")[0] == 0


def test_init_still_refuses_a_folder_with_other_files(tmp_path):
    folder = tmp_path / "busy"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine")
    code, _, err = run("init", str(folder))
    assert code == 2 and "is not empty" in err


def test_new_document_on_an_english_site_gets_an_english_first_version(kit):
    kit.site_yaml(language="en")
    kit.two_versions()
    code, out, err = run("new", "terms", "--title", "Terms of Service", "--as-of", "2026-12-01",
                         "--root", str(kit.root))
    assert code == 0, err
    text = (kit.root / "policies/terms/2026-12-01.md").read_text()
    assert "Article 1 (Purpose)" in text and not any("가" <= c <= "힣" for c in text)


def test_a_usage_error_is_an_annotation_under_format_github(kit: SiteKit, tmp_path):
    code, out, err = run("check", "--git", "--format", "github", "--root", str(kit.root))
    assert code == 2 and out.startswith("::error title=usage::--git needs a git repository")
    assert "policy-site: error:" in err


def test_a_korean_line_stays_korean_for_yaml_mistakes_and_failed_builds(kit, monkeypatch):
    monkeypatch.delenv("POLICY_SITE_MESSAGES")
    kit.two_versions(summary="[a, b")
    code, out, err = run("build", "--root", str(kit.root), "--as-of", "2026-11-28")
    assert code == 1
    yaml_line = next(line for line in err.splitlines() if "YAML" in line)
    assert "있어야 할 ',' 또는 ']' 기호가 없습니다" in yaml_line
    assert "did not find" not in yaml_line and " or " not in yaml_line
    assert "빌드 실패: 오류 1건" in err and "build 실패" not in err
    monkeypatch.setenv("POLICY_SITE_MESSAGES", "en")
    code, out, err = run("build", "--root", str(kit.root), "--as-of", "2026-11-28")
    assert "YAML syntax error: did not find expected ',' or ']'" in err  # PyYAML's words
    assert "build failed: 1 error" in err
