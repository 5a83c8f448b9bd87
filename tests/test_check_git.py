"""``check --git``: back-dated notices and edits of published text, read from real history."""

from __future__ import annotations

import json
import subprocess

import pytest

from tests.gitkit import GitSite
from tests.sitekit import BODY


def announce(repo: GitSite, day: str, announced: str = "2016-02-15", **keys) -> None:
    repo.version("2016-03-01", announced=announced, summary="목적 조항 수정",
                 body=BODY.replace("다음의", "아래의"), **keys)
    repo.commit(day, "announce 2016-03-01")


def test_honest_notice_passes(repo):
    announce(repo, "2016-02-15")
    result = repo.check_git()
    assert result.code == 0, result.out
    assert "history checked" in result.out


def test_back_dated_notice_names_both_dates(repo):
    announce(repo, "2016-02-20")
    result = repo.check_git()
    assert result.code == 1
    line = result.out.splitlines()[0]
    assert line.startswith("policies/privacy/2016-03-01.md:3: error: announced 2016-02-15 is "
                           "earlier than the day this notice reached the checked-out branch, 2016-02-20")
    assert "set announced to 2016-02-20 or later" in line


def test_commit_day_is_read_in_the_site_timezone(repo):
    # 2016-02-14 20:00 UTC is already 2016-02-15 05:00 in Seoul: an honest notice there...
    repo.version("2016-03-01", announced="2016-02-15", summary="s")
    repo.commit("2016-02-14T20:00:00+00:00")
    assert repo.check_git().code == 0
    # ...but still 2016-02-14 in New York, where the notice would be a day late.
    repo.site_yaml(timezone="America/New_York")
    repo.commit("2016-02-14T20:00:00+00:00", "site settings")
    assert repo.check_git().code == 0
    repo.version("2017-01-01", announced="2016-12-01", summary="s")
    repo.commit("2016-12-02T03:00:00+00:00")
    assert "first committed, 2016-12-01" not in repo.check_git().out
    assert repo.check_git().code == 0


@pytest.mark.parametrize("day", ["2016-02-20", "2016-04-01"])
def test_silent_edit_of_published_body_fails_before_and_after_effective(repo, day):
    announce(repo, "2016-02-15")
    path = repo.root / "policies/privacy/2016-03-01.md"
    path.write_text(path.read_text().replace("아래의", "그 아래의"))
    repo.commit(day, "fix a word")
    result = repo.check_git()
    assert result.code == 1
    assert "policies/privacy/2016-03-01.md:1: error: published text was changed in " in result.out
    assert f"({day}, \"fix a word\")" in result.out
    assert "publish the correction as a new version" in result.out


def test_silent_edit_of_front_matter_fails(repo):
    announce(repo, "2016-02-15")
    path = repo.root / "policies/privacy/2016-03-01.md"
    path.write_text(path.read_text().replace("목적 조항 수정", "목적 조항을 고침"))
    repo.commit("2016-02-16", "reword summary")
    assert "published text was changed" in repo.check_git().out


def test_edit_on_the_announced_day_itself_passes(repo):
    announce(repo, "2016-02-15")
    path = repo.root / "policies/privacy/2016-03-01.md"
    path.write_text(path.read_text() + "\n추가 문장\n")
    repo.commit("2016-02-15", "same-day fix")
    assert repo.check_git().code == 0


def test_first_version_is_immutable_after_its_effective_day(repo):
    path = repo.root / "policies/privacy/2015-02-15.md"
    path.write_text(path.read_text() + "\n추가\n")
    repo.commit("2015-02-16", "edit after effective")
    assert "published text was changed" in repo.check_git().out


def test_edits_of_a_draft_pass(repo):
    repo.version("2027-03-01", body=BODY + "\n초안\n")
    repo.commit("2026-11-01", "draft")
    (repo.root / "policies/privacy/2027-03-01.md").write_text(
        "---\neffective: 2027-03-01\n---\n" + BODY + "\n초안 수정\n")
    repo.commit("2026-11-20", "edit draft")
    result = repo.check_git()
    assert result.code == 0, result.out
    assert "draft: announce it by 2027-02-22" in result.out


def test_rename_of_a_published_version_fails(repo):
    announce(repo, "2016-02-15")
    repo.git("mv", "policies/privacy/2016-03-01.md", "policies/privacy/2016-03-02.md")
    path = repo.root / "policies/privacy/2016-03-02.md"
    path.write_text(path.read_text().replace("effective: 2016-03-01", "effective: 2016-03-02"))
    repo.commit("2016-02-20", "move the date")
    out = repo.check_git().out
    assert "policies/privacy/2016-03-01.md: error: published version was renamed to " \
           "policies/privacy/2016-03-02.md" in out


def test_deletion_of_a_published_version_fails(repo):
    announce(repo, "2016-02-15")
    (repo.root / "policies/privacy/2016-03-01.md").unlink()
    repo.commit("2016-02-20", "withdraw")
    out = repo.check_git().out
    assert "policies/privacy/2016-03-01.md: error: published version was deleted in" in out


def test_deleting_a_draft_passes(repo):
    repo.version("2027-03-01")
    repo.commit("2026-11-01", "draft")
    (repo.root / "policies/privacy/2027-03-01.md").unlink()
    repo.commit("2026-11-20", "drop draft")
    assert repo.check_git().code == 0


def test_uncommitted_edit_of_published_text_fails(repo):
    announce(repo, "2016-02-15")
    path = repo.root / "policies/privacy/2016-03-01.md"
    path.write_text(path.read_text() + "\n몰래 추가\n")
    assert "published text was changed in uncommitted changes" in repo.check_git().out


def test_several_problems_are_reported_in_one_run(repo):
    announce(repo, "2016-02-20")
    first = repo.root / "policies/privacy/2015-02-15.md"
    first.write_text(first.read_text() + "\n추가\n")
    repo.commit("2016-03-05", "edit first")
    repo.version("2017-01-01", announced="2016-12-30", summary="늦은 공지")
    repo.commit("2016-12-30", "late")
    result = repo.check_git()
    rules = {f["rule"] for f in json.loads(repo.check_git("2026-11-28", "--format", "json").out)["findings"]}
    assert rules == {"back-dated-notice", "published-text-changed", "notice-window"}
    assert result.out.count(": error: ") == 3


def test_shallow_clone_is_a_usage_error(repo, tmp_path):
    announce(repo, "2016-02-15")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo.root}", str(clone)],
                   check=True)
    result = repo.run("check", "--as-of", "2026-11-28", "--git", "--root", str(clone), root=False)
    assert result.code == 2
    assert "shallow" in result.err and "fetch-depth: 0" in result.err


def test_outside_a_repository_is_a_usage_error(kit):
    kit.version("2015-02-15")
    result = kit.check("2026-11-28", "--git")
    assert result.code == 2 and "not inside one" in result.err


def test_site_in_a_subfolder_of_the_repository(tmp_path):
    repo = GitSite(tmp_path / "repo")
    (repo.root / "policies").rename(tmp_path / "moved")
    repo.root.joinpath("legal").mkdir()
    (tmp_path / "moved").rename(repo.root / "legal" / "policies")
    site = GitSite.__new__(GitSite)
    site.root = repo.root / "legal"
    site.version("2015-02-15")
    repo.commit("2015-02-10")
    site.version("2016-03-01", announced="2016-02-15", summary="s")
    repo.commit("2016-02-20")
    assert "back-dated" in json.dumps(json.loads(site.check_git("2026-11-28", "--format", "json").out))


def test_text_format_is_exact(kit):
    kit.two_versions(announced="2016-02-25")
    assert kit.check().out == (
        "policies/privacy/2016-03-01.md:3: error: announced 2016-02-25 is only 5 days before "
        "effective 2016-03-01; a change needs 7 days' notice: move effective to 2026-12-05 or "
        "later\n"
        "check failed as of 2026-11-28: 1 document(s), 2 version(s); 1 error, 0 warnings\n")


def test_github_format_is_exact(kit):
    kit.two_versions(announced="2016-02-25")
    kit.version("2027-03-01")
    assert kit.check("2026-11-28", "--format", "github").out == (
        "::error file=policies/privacy/2016-03-01.md,line=3,title=notice-window::announced "
        "2016-02-25 is only 5 days before effective 2016-03-01; a change needs 7 days' notice: "
        "move effective to 2026-12-05 or later\n"
        "::warning file=policies/privacy/2027-03-01.md,line=2,title=draft-deadline::draft: "
        "announce it by 2027-02-22 (add 'announced: YYYY-MM-DD') to take effect on 2027-03-01\n")


def test_github_format_escapes_percent_and_newlines():
    from site_builder.base.problems import Problem
    from site_builder.base.problem_formats import as_github
    line = as_github([Problem("a,b:c.md", 1, "100% sure\nsecond", rule="r")])
    assert line == "::error file=a%2Cb%3Ac.md,line=1,title=r::100%25 sure%0Asecond\n"


def test_json_format_is_exact(kit):
    kit.two_versions(announced="2016-02-25")
    kit.version("2027-03-01")
    result = kit.check("2026-11-28", "--format", "json")
    assert result.code == 1
    assert json.loads(result.out) == {
        "ok": False, "as_of": "2026-11-28", "errors": 1, "warnings": 1,
        "findings": [
            {"path": "policies/privacy/2016-03-01.md", "line": 3, "column": None,
             "rule": "notice-window", "severity": "error",
             "message": "announced 2016-02-25 is only 5 days before effective 2016-03-01; a "
                        "change needs 7 days' notice: move effective to 2026-12-05 or later"},
            {"path": "policies/privacy/2027-03-01.md", "line": 2, "column": None,
             "rule": "draft-deadline", "severity": "warning",
             "message": "draft: announce it by 2027-02-22 (add 'announced: YYYY-MM-DD') to "
                        "take effect on 2027-03-01"}]}


def test_warnings_never_change_the_exit_code(kit):
    kit.two_versions()
    kit.version("2027-03-01")
    for fmt in ("text", "github", "json"):
        assert kit.check("2026-11-28", "--format", fmt).code == 0


def test_bad_flag_is_a_usage_error(kit):
    import contextlib
    import io
    from site_builder.cli import main
    with contextlib.redirect_stderr(io.StringIO()), pytest.raises(SystemExit) as exit_info:
        main(["check", "--format", "xml"])
    assert exit_info.value.code == 2
    assert kit.check("2026-13-01").code == 2


def test_notices_before_adoption_were_imported_and_are_not_back_dated(repo):
    announce(repo, "2026-11-28")
    assert repo.check_git().code == 1
    repo.site_yaml(adopted="2026-11-28")
    repo.commit("2026-11-28", "adopt policy-site")
    assert repo.check_git().code == 0
    path = repo.root / "policies/privacy/2016-03-01.md"
    path.write_text(path.read_text() + "\n수정\n")
    repo.commit("2026-11-29", "edit imported text")
    assert "published text was changed" in repo.check_git("2026-11-29").out


def test_adoption_day_cannot_be_in_the_future(repo):
    repo.site_yaml(adopted="2027-01-01")
    assert "adopted 2027-01-01 is in the future" in repo.check().out


def test_repository_without_commits_counts_everything_as_made_today(tmp_path):
    site = GitSite(tmp_path / "fresh")
    site.version("2015-02-15")
    site.version("2016-03-01", announced="2016-02-15", summary="s")
    result = site.check_git()
    assert result.code == 1 and "reached the checked-out branch, 2026-11-28 in uncommitted changes" in result.out
    site.site_yaml(adopted="2026-11-28")
    assert site.check_git().code == 0
