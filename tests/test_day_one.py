"""Day one (issue 25, in part): a fresh clone is a place to start, an English site gets English
templates, and a usage error reaches GitHub's run summary."""

from __future__ import annotations

import contextlib
import io
import subprocess

import pytest

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
    text = (kit.root / "policies/terms/2026-12-08.md").read_text()
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


# Marks of unwritten text (issue 25, item 2)

def test_a_mark_is_a_warning_in_a_draft_and_an_error_at_its_line_once_published(kit):
    kit.two_versions()
    kit.version("2016-04-01", summary="준비 중", body="## 1. 목적\n\n(작성하세요)\n\nTODO 확인\n")
    checked = kit.check("2016-03-10")  # a draft: one warning naming both lines
    assert checked.code == 0
    assert ("policies/privacy/2016-04-01.md:8: warning: '(작성하세요)' marks text not yet "
            "written (2 mark(s), on lines 8, 10)") in checked.out
    kit.version("2016-04-01", announced="2016-03-20", summary="준비 중",
                body="## 1. 목적\n\n(작성하세요)\n\nTODO 확인\n")
    built = kit.build("2016-03-20")
    assert built.code == 1 and not kit.out.exists()
    assert "policies/privacy/2016-04-01.md:9: error: '(작성하세요)' marks text" in built.text
    assert "policies/privacy/2016-04-01.md:11: error: 'TODO' marks text" in built.text


@pytest.mark.parametrize("mark", ["[TO BE WRITTEN]", "( To Be wRiTTen )", "[작성 필요]", "FIXME"])
def test_a_mark_is_found_whatever_its_case_allows(kit, mark):
    kit.two_versions()
    kit.version("2016-04-01", summary="준비 중", body=f"## 1. 목적\n\n내용 {mark} 끝\n")
    checked = kit.check("2016-03-10")
    assert f"2016-04-01.md:8: warning: '{mark}' marks text not yet written" in checked.out


def test_marks_in_the_summary_and_in_a_translation_count_and_ordinary_words_do_not(kit):
    kit.site_yaml(languages="[ko, en]")
    kit.two_versions(summary='"목적 [작성 필요]"')
    kit.write("policies/privacy/2016-03-01.en.md",
              "---\nsummary: Purpose changes\n---\n\n## 1. Purpose\n\n(To be written)\n")
    kit.version("2015-02-15", body="todo와 TODOS, 02-XXX-XXXX 안내는 표시가 아닙니다\n")
    built = kit.build("2016-03-01")
    lines = [line for line in built.text.splitlines() if "marks text" in line]
    assert [line.split(": error:")[0] for line in lines] == [
        "policies/privacy/2016-03-01.en.md:7", "policies/privacy/2016-03-01.md:4"]


def test_a_template_whose_day_passed_unwritten_can_be_written_without_a_deadlock(repo):
    """check --git: the template was never published (no build publishes a mark), so writing
    it is not an edit of published text; the advice of the error, followed, passes."""
    repo.write("policies/terms/document.yaml", "title: 이용약관\n")
    repo.write("policies/terms/2016-03-01.md", "---\neffective: 2016-03-01\n---\n\n(작성하세요)\n")
    repo.commit("2016-02-20", "a new document, its template")
    refused = repo.check_git("2016-03-05")
    assert refused.code == 1 and "policies/terms/2016-03-01.md:5: error: '(작성하세요)'" in refused.out
    repo.write("policies/terms/2016-03-01.md",
               "---\neffective: 2016-03-01\n---\n\n제1조 이 약관은 회사의 서비스에 적용합니다.\n")
    repo.commit("2016-03-05", "write the terms")
    passed = repo.check_git("2016-03-05")
    assert passed.code == 0, passed.out
    assert "published-text" not in passed.out and repo.build("2016-03-05").code == 0
    repo.write("policies/terms/2016-03-01.md",
               "---\neffective: 2016-03-01\n---\n\n제1조 이 약관은 모든 서비스에 적용합니다.\n")
    repo.commit("2016-03-06", "an edit after publication is still refused")
    assert "published text was changed" in repo.check_git("2016-03-06").out


def test_inits_template_is_refused_on_its_day_and_passes_once_written(tmp_path):
    folder = tmp_path / "s"
    assert run("init", str(folder), "--as-of", "2026-12-01")[0] == 0
    template = folder / "policies/privacy/2026-12-08.md"
    code, out, err = run("build", "--root", str(folder), "--as-of", "2026-12-08")
    assert code == 1 and "2026-12-08.md:5: error: '[작성 필요]' marks text" in err
    assert not (folder / "output").exists()
    template.write_text("---\neffective: 2026-12-08\n---\n\n## 제1조 (개인정보의 처리 목적)\n\n"
                        "회사는 회원 관리를 위하여 개인정보를 처리합니다.\n", encoding="utf-8")
    assert run("build", "--root", str(folder), "--as-of", "2026-12-08")[0] == 0
