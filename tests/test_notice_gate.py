"""The notice gate against the way teams really work: branches, late merges, reverts, renames,
withdrawals and adoption, each in a real git repository (issue 10)."""

from __future__ import annotations

import json
import os


from tests.gitkit import GitSite
from tests.sitekit import BODY

NEW = "policies/privacy/2020-06-01.md"


def announce(repo: GitSite, announced: str = "2020-05-20", effective: str = "2020-06-01",
             **keys) -> None:
    repo.version(effective, announced=announced, summary="제3조 위탁업체 변경",
                 body=BODY.replace("다음의", "아래의"), **keys)


def findings(repo: GitSite, *extra: str, as_of: str = "2026-11-28") -> list[dict]:
    return json.loads(repo.check(as_of, "--git", "--format", "json", *extra).out)["findings"]


def rules(repo: GitSite, *extra: str, as_of: str = "2026-11-28") -> set[str]:
    """The rules of the errors check --git reports."""
    return {f["rule"] for f in findings(repo, *extra, as_of=as_of) if f["severity"] == "error"}


def merge(repo: GitSite, branch: str, day: str) -> None:
    repo.git("checkout", "-q", "main")
    repo.git("merge", "-q", "--no-ff", "--no-edit", branch, day=day)


def pull_request(repo: GitSite, written: str = "2020-05-20", **keys) -> None:
    repo.git("checkout", "-q", "-b", "notice")
    announce(repo, **keys)
    repo.commit(written, "announce 2020-06-01")


# 1. A notice is dated by the day it reached the published branch.

def test_a_pull_request_merged_on_time_passes(repo):
    pull_request(repo)
    merge(repo, "notice", "2020-05-20")
    result = repo.check_git()
    assert result.code == 0, result.out


def test_a_pull_request_merged_late_is_a_back_dated_notice(repo):
    pull_request(repo)
    merge(repo, "notice", "2020-05-30")
    result = repo.check_git()
    assert result.code == 1
    assert (f"{NEW}:3: error: announced 2020-05-20 is earlier than the day this notice reached "
            "the checked-out branch, 2020-05-30 in ") in result.out
    assert "Merge branch 'notice'" in result.out


def test_a_commit_dated_before_its_parent_still_arrives_after_it(repo):
    repo.write("policies/privacy/document.yaml", "title: 개인정보처리방침\ndescription: 설명\n")
    repo.commit("2020-05-30", "unrelated change")
    announce(repo)
    repo.commit("2020-05-20", "announce with an old clock")
    assert "reached the checked-out branch, 2020-05-30" in repo.check_git().out


def test_with_base_a_pull_request_counts_as_merged_today(repo):
    pull_request(repo)
    on_time = repo.check("2020-05-20", "--git", "--base", "main")
    late = repo.check("2020-05-25", "--git", "--base", "main")
    assert on_time.code == 0, on_time.out
    assert late.code == 1
    assert ("announced 2020-05-20 is earlier than the day this notice reached main, 2020-05-25 "
            "in this branch's changes to main (counted as merged today)") in late.out


def test_with_base_a_branch_behind_main_is_judged_as_merged(repo):
    pull_request(repo)
    repo.git("checkout", "-q", "main")
    repo.version("2019-01-01", announced="2018-12-01", summary="다른 변경")
    repo.commit("2018-12-01", "an earlier change on main")
    repo.git("checkout", "-q", "notice")
    result = repo.check("2020-05-20", "--git", "--base", "main")
    assert result.code == 0, result.out


def test_with_base_edits_are_compared_with_the_base(repo):
    announce(repo)
    repo.commit("2020-05-20", "announce")
    repo.git("checkout", "-q", "-b", "edit")
    path = repo.root / NEW
    path.write_text(path.read_text().replace("아래의", "그 아래의"))
    repo.commit("2020-05-21", "edit published text")
    result = repo.check("2020-05-22", "--git", "--base", "main")
    assert "published-text-changed" in rules(repo, "--base", "main", as_of="2020-05-22")
    assert "this branch's changes to main" in result.out


def test_an_unknown_base_is_a_usage_error(repo):
    result = repo.check("2020-05-22", "--git", "--base", "origin/nope")
    assert result.code == 2 and "--base origin/nope: no such branch" in result.err


def test_base_without_git_is_a_usage_error(repo):
    assert repo.check("2020-05-22", "--base", "main").code == 2


def test_a_draft_announced_later_is_dated_by_its_announcement(repo):
    repo.version("2020-06-01", summary="초안", body=BODY.replace("다음의", "아래의"))
    repo.commit("2020-05-01", "draft")
    announce(repo)
    repo.commit("2020-05-28", "announce the draft")
    assert "reached the checked-out branch, 2020-05-28" in repo.check_git().out


def test_a_renamed_version_keeps_the_day_it_arrived(repo):
    announce(repo, announced="2020-05-20", effective="2020-07-01")
    repo.commit("2020-05-20", "announce")
    repo.git("mv", "policies/privacy/2020-07-01.md", "policies/privacy/2020-07-02.md")
    path = repo.root / "policies/privacy/2020-07-02.md"
    path.write_text(path.read_text().replace("effective: 2020-07-01", "effective: 2020-07-02"))
    repo.commit("2020-05-20", "fix the date the same day")
    assert repo.check_git("2020-05-21").code == 0


# 2. Immutability is about what the public saw; a revert is a warning.

def publish_and_edit(repo: GitSite) -> None:
    announce(repo)
    repo.commit("2020-05-20", "announce")
    path = repo.root / NEW
    path.write_text(path.read_text().replace("아래의", "그 아래의"))
    repo.commit("2020-05-22", "edit published text")


def test_an_edit_of_published_text_names_the_published_hash(repo):
    publish_and_edit(repo)
    result = repo.check_git()
    assert result.code == 1
    [line] = [l for l in result.out.splitlines() if "published-text" in l or "published text" in l]
    assert "after it became public on 2020-05-20 (sha256 " in line
    assert "it is now sha256 " in line and "git checkout " in line


def test_a_reverted_edit_is_a_warning_naming_both_commits(repo):
    publish_and_edit(repo)
    repo.git("revert", "--no-edit", "HEAD", day="2020-05-23")
    result = repo.check_git()
    assert result.code == 0, result.out
    [finding] = findings(repo)
    assert finding["severity"] == "warning" and finding["rule"] == "published-text-restored"
    assert "\"edit published text\"" in finding["message"]
    assert "Revert \"edit published text\"" in finding["message"]


def test_an_edit_inside_a_merge_commit_is_an_edit(repo):
    announce(repo)
    repo.commit("2020-05-20", "announce")
    repo.git("checkout", "-q", "-b", "other")
    repo.write("policies/privacy/document.yaml", "title: 개인정보처리방침\ndescription: 설명\n")
    repo.commit("2020-05-21", "describe")
    repo.git("checkout", "-q", "main")
    repo.git("merge", "-q", "--no-ff", "--no-commit", "other")
    path = repo.root / NEW
    path.write_text(path.read_text().replace("아래의", "몰래 고친"))
    repo.commit("2020-05-22", "Merge branch 'other'")
    assert "published-text-changed" in rules(repo)


def test_delete_and_restore_byte_for_byte_is_a_warning(repo):
    announce(repo)
    repo.commit("2020-05-20", "announce")
    text = (repo.root / NEW).read_bytes()
    (repo.root / NEW).unlink()
    repo.commit("2020-05-21", "oops, deleted")
    (repo.root / NEW).write_bytes(text)
    repo.commit("2020-05-22", "restore")
    result = repo.check_git()
    assert result.code == 0, result.out
    assert "restored in" in result.out and "back-dated" not in result.out


def test_rename_away_and_back_is_a_warning(repo):
    announce(repo)
    repo.commit("2020-05-20", "announce")
    repo.git("mv", NEW, "policies/privacy/2020-06-01.md.bak")
    repo.commit("2020-05-21", "move away")
    repo.git("mv", "policies/privacy/2020-06-01.md.bak", NEW)
    repo.commit("2020-05-22", "move back")
    result = repo.check_git()
    assert result.code == 0, result.out
    assert "warning" in result.out and "restored in" in result.out


def test_deleting_an_announced_version_is_refused_with_the_withdrawal_hint(repo):
    announce(repo)
    repo.commit("2020-05-20", "announce")
    (repo.root / NEW).unlink()
    repo.commit("2020-05-25", "call it off")
    result = repo.check_git()
    assert "published version was deleted" in result.out
    assert "withdrawn: YYYY-MM-DD" in result.out


# 3. Withdrawal.

def withdraw(repo: GitSite, day: str = "2020-05-25", extra: str = "") -> None:
    path = repo.root / NEW
    text = path.read_text().replace(
        "\n---\n", f"\nwithdrawn: {day}\nwithdrawn_reason: 위탁업체 계약이 취소되었습니다\n---\n", 1)
    path.write_text(text.replace("아래의", "아래의" + extra))


def test_withdrawal_is_the_one_edit_allowed_to_published_text(repo):
    announce(repo)
    repo.commit("2020-05-20", "announce")
    withdraw(repo)
    repo.commit("2020-05-25", "withdraw")
    result = repo.check_git()
    assert result.code == 0, result.out


def test_a_withdrawal_with_another_edit_is_refused(repo):
    announce(repo)
    repo.commit("2020-05-20", "announce")
    withdraw(repo, extra=" 그리고")
    repo.commit("2020-05-25", "withdraw and edit")
    assert "published-text-changed" in rules(repo)


def test_a_back_dated_withdrawal_is_refused(repo):
    announce(repo)
    repo.commit("2020-05-20", "announce")
    withdraw(repo, day="2020-05-25")
    repo.commit("2020-06-03", "withdraw late")
    assert "back-dated-withdrawal" in rules(repo)


def test_a_withdrawn_version_never_takes_effect_and_says_so(repo):
    announce(repo)
    withdraw(repo)
    assert repo.build("2020-06-10").code == 0
    page = repo.read("privacy/2020-06-01/index.html")
    assert "철회" in page and "위탁업체 계약이 취소되었습니다" in page and "2020년 5월 25일" in page
    current = repo.read("privacy/index.html")
    assert "2015년 2월 15일" in current and "2020-06-01" not in current.split("policy-body")[1]
    assert "철회" in repo.read("privacy/versions/index.html")
    data = json.loads(repo.read("versions.json"))["documents"][0]
    assert data["current"] == "2015-02-15"
    [withdrawn] = [v for v in data["versions"] if v["effective"] == "2020-06-01"]
    assert (withdrawn["status"], withdrawn["withdrawn"]) == ("withdrawn", "2020-05-25")
    feed = repo.read("privacy/feed.xml")
    assert feed.count("<item>") == 2 and "변경 철회 안내" in feed
    assert "2020-06-01/#withdrawn</guid>" in feed


def test_before_its_withdrawal_day_a_version_is_still_upcoming(repo):
    announce(repo)
    withdraw(repo)
    repo.build("2020-05-24")
    assert "철회" not in repo.read("privacy/2020-06-01/index.html")


# 4. adopted exempts only what the adopting commit held.

def test_adopted_does_not_exempt_files_added_after_adoption(repo):
    repo.site_yaml(adopted="2020-05-01")
    repo.commit("2020-05-01", "adopt")
    announce(repo, announced="2020-04-01", effective="2020-06-01")
    repo.commit("2020-05-10", "a back-dated notice after adoption")
    assert "back-dated-notice" in rules(repo)


def test_adopted_cannot_be_moved_forward(repo):
    repo.site_yaml(adopted="2020-05-01")
    repo.commit("2020-05-01", "adopt")
    announce(repo, announced="2020-05-10")
    repo.site_yaml(adopted="2020-05-30")
    repo.commit("2020-05-30", "back-date and move adopted")
    result = repo.check_git()
    assert {"adopted-changed", "back-dated-notice"} <= rules(repo)
    assert "policies/site.yaml:3: error: adopted was set to 2020-05-01" in result.out


def test_adopted_exempts_the_imported_history(repo):
    announce(repo, announced="2020-05-20")
    repo.site_yaml(adopted="2026-11-01")
    repo.commit("2026-11-01", "import the policy history")
    assert repo.check_git().code == 0


# 5. Drafts never block.

def test_a_forgotten_draft_is_a_warning_and_the_build_goes_on(repo):
    repo.version("2020-06-01", summary="잊힌 초안")
    result = repo.check("2020-05-30")
    assert result.code == 0, result.out
    assert ("warning: draft can no longer be announced in time for effective 2020-06-01" in
            result.out and "could take effect on 2020-06-06" in result.out)
    built = repo.build("2020-05-30")
    assert built.code == 0 and "2020-06-06" in built.err


# 6. check --git refuses what it cannot see through.

def test_policies_as_a_symbolic_link_is_refused(tmp_path):
    site = GitSite(tmp_path / "site")
    site.version("2015-02-15")
    (site.root / "policies").rename(site.root / "real")
    os.symlink("real", site.root / "policies")
    site.commit("2015-02-10")
    result = site.check_git()
    assert result.code == 2 and "symbolic link" in result.err


def test_a_version_file_that_is_a_link_is_refused(repo):
    announce(repo)
    repo.commit("2020-05-20", "announce")
    (repo.root / "policies/privacy/2020-06-01.md").rename(repo.root / "policies/privacy/x.txt")
    os.symlink("x.txt", repo.root / NEW)
    assert "symbolic-link" in rules(repo)


def test_policies_as_a_submodule_is_refused(tmp_path, repo):
    outer = GitSite(tmp_path / "outer")
    (outer.root / "policies").rename(tmp_path / "unused")
    outer.git("-c", "protocol.file.allow=always", "submodule", "add", "-q", str(repo.root),
              "policies")
    outer.commit("2020-05-20", "policies as a submodule")
    result = outer.check_git()
    assert result.code == 2 and "submodule" in result.err
