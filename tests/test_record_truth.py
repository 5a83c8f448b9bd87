"""The public record on a bad day (issue 23): a missed deploy recovers by following the advice
literally, and the pull-request check judges by the same live ledger as the deploy."""

from __future__ import annotations

import functools
import http.server
import json
import re
import shutil
import subprocess
import threading
from pathlib import Path

import pytest

from tests.gitkit import GitSite
from tests.sitekit import BODY

CHANGED = BODY.replace("다음의", "아래의")


@pytest.fixture
def live(tmp_path):
    """A live site served on 127.0.0.1: (its folder, the ledger's address)."""
    folder = tmp_path / "www"
    folder.mkdir()
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
    handler.log_message = lambda *args: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield folder, f"http://127.0.0.1:{httpd.server_address[1]}/ledger.json"
    httpd.shutdown()


def team_repository(folder) -> GitSite:
    """A policy repository as init makes one: the build and its state files are ignored."""
    repo = GitSite(folder)
    repo.write(".gitignore", "output/\n.*.lock\n.*.manifest*\n.*.journal*\n")
    return repo


def deploy(repo: GitSite, folder, day: str, ledger: str | None = None):
    """What the deploy job does: check --git (with the live ledger), build, publish."""
    flags = ("--ledger", ledger) if ledger else ()
    checked = repo.check(day, "--git", *flags)
    built = repo.build(day, *flags)
    if checked.code == 0 and built.code == 0:
        shutil.rmtree(folder)
        shutil.copytree(repo.out, folder)
    return checked, built


@pytest.fixture
def missed(tmp_path, live):
    """A change announced 2026-11-20 to take effect 2026-11-27 (exactly 7 days); the last deploy
    ran on 11-19 and the next runs on 11-21: the public first sees the notice a day late."""
    folder, ledger = live
    repo = team_repository(tmp_path / "site")
    repo.version("2015-02-15")
    repo.commit("2015-02-10", "first policy")
    checked, built = deploy(repo, folder, "2026-11-19")
    assert checked.code == 0 and built.code == 0, built.text
    repo.version("2026-11-27", announced="2026-11-20", summary="목적 조항 수정", body=CHANGED)
    repo.commit("2026-11-20", "announce 2026-11-27")
    checked, built = deploy(repo, folder, "2026-11-21", ledger)
    assert built.code == 1, built.text
    return repo, folder, ledger, built


def test_a_missed_deploy_is_refused_at_the_version_with_both_ways_out(missed):
    _, _, _, built = missed
    line = next(l for l in built.err.splitlines() if "sees this notice first today" in l)
    assert line.startswith("policies/privacy/2026-11-27.md:3: error:")
    assert "rename the file to 2026-11-28.md" in line and "withdrawn: 2026-11-21" in line


def test_a_missed_deploy_recovers_by_withdrawal_as_the_advice_says(missed):
    repo, folder, ledger, _ = missed
    path = repo.root / "policies/privacy/2026-11-27.md"
    text = path.read_text()
    path.write_text(text.replace("summary:", "withdrawn: 2026-11-21\nwithdrawn_reason: 공지가 "
                                 "늦게 게시되어 철회합니다\nsummary:"))
    repo.commit("2026-11-21", "withdraw the late notice")
    checked, built = deploy(repo, folder, "2026-11-21", ledger)
    assert checked.code == 0, checked.text
    assert built.code == 0, built.text
    events = re.findall(r'"event": "(\w+)", "document": "privacy", "effective": "2026-11-27".*?'
                        r'"published": "([0-9-]+)"', (folder / "ledger.json").read_text())
    assert events == [("announced", "2026-11-21"), ("withdrawn", "2026-11-21")]


def test_a_missed_deploy_recovers_by_postponement_as_the_advice_says(missed):
    repo, folder, ledger, _ = missed
    old = repo.root / "policies/privacy/2026-11-27.md"
    repo.git("mv", "policies/privacy/2026-11-27.md", "policies/privacy/2026-11-28.md")
    new = repo.root / "policies/privacy/2026-11-28.md"
    new.write_text(new.read_text().replace("effective: 2026-11-27", "effective: 2026-11-28")
                   .replace("announced: 2026-11-20", "announced: 2026-11-21"))
    repo.commit("2026-11-21", "postpone the late notice")
    assert not old.exists()
    checked, built = deploy(repo, folder, "2026-11-21", ledger)
    assert checked.code == 0, checked.text
    assert built.code == 0, built.text
    assert "2026-11-28" in (folder / "versions.json").read_text()


def test_without_the_ledger_the_history_check_still_refuses_the_rename(missed):
    """Without the live ledger, git can only assume the public saw the notice on its day."""
    repo, _, _, _ = missed
    repo.git("mv", "policies/privacy/2026-11-27.md", "policies/privacy/2026-11-28.md")
    repo.commit("2026-11-21", "rename")
    assert "published version was renamed" in repo.check("2026-11-21", "--git").out


def test_a_force_pushed_back_dated_notice_fails_the_pull_request_check_with_the_ledger(
        tmp_path, live):
    folder, ledger = live
    repo = team_repository(tmp_path / "site")
    repo.version("2015-02-15")
    repo.commit("2015-02-10", "first policy")
    deploy(repo, folder, "2026-11-19")
    # Written on 11-21, but committed with a clock that says 11-15: git believes it.
    repo.version("2026-11-27", announced="2026-11-20", summary="목적 조항 수정", body=CHANGED)
    repo.commit("2026-11-15", "announce (back-dated)")
    assert repo.check("2026-11-21", "--git").code == 0  # git alone is fooled
    result = repo.check("2026-11-21", "--git", "--ledger", ledger)
    assert result.code == 1 and "sees this notice first today, 2026-11-21" in result.out
    github = repo.check("2026-11-21", "--git", "--ledger", ledger, "--format", "github")
    assert "::error file=policies/privacy/2026-11-27.md,line=3,title=ledger::" in github.out


def test_the_pull_request_check_refuses_an_edit_the_deploy_would_refuse(tmp_path, live):
    folder, ledger = live
    repo = team_repository(tmp_path / "site")
    repo.two_versions()
    repo.commit("2016-02-15", "policies")
    deploy(repo, folder, "2026-11-19")
    path = repo.root / "policies/privacy/2016-03-01.md"
    path.write_text(path.read_text().replace("아래의", "그 아래의"))
    result = repo.check("2026-11-21", "--ledger", ledger)
    assert result.code == 1 and "policies/privacy/2016-03-01.md:1: error:" in result.out
    assert "the published text" in result.out


def test_the_action_passes_the_live_ledger_to_the_check(tmp_path):
    script = tmp_path / "policy-site"
    script.write_text("#!/bin/sh\necho \"$@\" >> \"$LOG\"\n")
    script.chmod(0o755)
    log = tmp_path / "log"
    action = subprocess.run(["bash", "action/run.sh"], capture_output=True, text=True,
                            env={"PATH": f"{tmp_path}:/usr/bin:/bin", "LOG": str(log),
                                 "EVENT": "pull_request", "BASE_REF": "main",
                                 "LEDGER": "https://x.example/ledger.json"},
                            cwd=str(Path(__file__).parent.parent))
    assert action.returncode == 0, action.stderr
    assert "check --git --base origin/main --ledger https://x.example/ledger.json" in log.read_text()


# verify checks what a visitor reads, over HTTP as from a folder.

@pytest.fixture
def published(tmp_path, live):
    """A site built and deployed where it is served; (kit, served folder, address)."""
    from tests.sitekit import SiteKit
    folder, ledger = live
    kit = SiteKit(tmp_path / "src")
    kit.two_versions()
    kit.version("2016-03-01", announced="2016-02-15", summary="파기 조항 수정",
                body=CHANGED + "\n## 3. 파기\n\n개인정보는 목적을 달성하면 지체 없이 파기합니다.\n")
    assert kit.build("2026-11-28").code == 0
    shutil.rmtree(folder)
    shutil.copytree(kit.out, folder)
    return kit, folder, ledger.removesuffix("ledger.json")


def verify(kit, where: str, *flags: str):
    return kit.run("verify", where, "--as-of", "2026-11-28", *flags, root=False)


def test_an_untouched_site_verifies_over_http(published):
    kit, _, url = published
    result = verify(kit, url)
    assert result.code == 0 and "verify passed: 0 mismatch(es)" in result.out, result.out
    assert "privacy's page (the version in effect on 2026-11-28): shows 2016-03-01" in result.out


def test_a_word_changed_on_a_version_page_is_found_and_quoted(published):
    kit, folder, url = published
    page = folder / "privacy/2016-03-01/index.html"
    page.write_text(page.read_text().replace("지체 없이 파기합니다", "영구 보관합니다"))
    result = verify(kit, url)
    assert result.code == 1
    assert ('mismatch: privacy 2016-03-01: the page reads "목적을 달성하면 영구 보관합니다."' in
            result.out), result.out
    assert "where the published text reads" in result.out and "지체 없이 파기합니다" in result.out


@pytest.mark.parametrize("page, words", [
    ("privacy/index.html", "privacy's page (the version in effect on 2026-11-28): the page "
                           "holds no policy text"),
    ("index.html", "the home page gives privacy as in effect from nothing; the ledger has "
                   "2016-03-01"),
])
def test_a_replaced_document_page_or_home_page_is_found(published, page, words):
    kit, folder, url = published
    (folder / page).write_text("<!DOCTYPE html><title>hacked</title><p>hacked</p>")
    result = verify(kit, url)
    assert result.code == 1 and f"mismatch: {words}" in result.out, result.out


def test_the_document_page_must_show_the_version_in_effect(published):
    """A page that shows the old version where the new one is in effect is not the record."""
    kit, folder, url = published
    shutil.copy(folder / "privacy/2015-02-15/index.html", folder / "privacy/index.html")
    result = verify(kit, url)
    assert result.code == 1 and "privacy's page (the version in effect on 2026-11-28): the " \
        "page reads" in result.out


def test_a_rewritten_chain_passes_alone_and_fails_against_a_kept_copy(published, tmp_path):
    from site_builder.rules import ledger
    kit, folder, url = published
    kept = tmp_path / "kept-ledger.json"
    shutil.copy(folder / "ledger.json", kept)
    document = json.loads(kept.read_text())
    entries = document["entries"]
    entries[1]["published"] = "2016-01-01"  # the notice moved back six weeks
    previous = ledger.GENESIS
    for entry in entries:
        entry["previous"] = previous
        entry["hash"] = previous = ledger.entry_hash(entry)
    (folder / "ledger.json").write_text(json.dumps(document))
    assert verify(kit, url).code == 0  # a chain rewritten whole is a valid chain
    result = verify(kit, url, "--against", str(kept))
    assert result.code == 1 and "entry 1 differs from the copy kept in" in result.out
    original = json.loads(kept.read_text())
    (folder / "ledger.json").write_text(json.dumps(dict(original,
                                                        entries=original["entries"][:2])))
    cut = verify(kit, url, "--against", str(kept))
    assert cut.code == 1 and "entries were removed" in cut.out


def test_verify_speaks_the_site_language_unless_told(published, monkeypatch):
    kit, _, url = published
    monkeypatch.delenv("POLICY_SITE_MESSAGES")
    assert "검증 통과" in verify(kit, url).out
    english = verify(kit, url, "--language", "en")
    assert "verify passed" in english.out and "검증" not in english.out


# Feeds and banners say which changes are material.

def test_a_material_change_is_marked_in_every_feed_and_banner(kit):
    import feedparser
    kit.two_versions(material=True, announced="2016-01-15")
    kit.version("2016-06-01", announced="2016-05-20", summary="오타 수정",
                body=CHANGED + "\n추가\n")
    assert kit.build("2016-02-01").code == 0
    rss = feedparser.parse(kit.read("privacy/feed.xml"))
    [item] = rss.entries
    assert item.title == "[중요 변경] 개인정보처리방침 변경 안내 (2016-03-01 시행)"
    assert [tag.term for tag in item.tags] == ["중요한 변경"]
    atom = feedparser.parse(kit.read("privacy/atom.xml"))
    assert atom.entries[0].tags[0].term == "material"
    [entry] = json.loads(kit.read("privacy/feed.json"))["items"]
    assert entry["tags"] == ["중요한 변경"]
    assert "status-material" in kit.read("privacy/index.html")  # the upcoming-change banner
    assert kit.build("2016-05-25").code == 0
    items = feedparser.parse(kit.read("privacy/feed.xml")).entries
    assert items[0].title == "개인정보처리방침 변경 안내 (2016-06-01 시행)"  # a typo fix
    assert "tags" not in items[0]


def test_a_plain_build_never_silently_publishes_an_edit_of_recorded_text(kit):
    kit.two_versions()
    assert kit.build("2026-11-28").code == 0
    path = kit.root / "policies/privacy/2016-03-01.md"
    path.write_text(path.read_text().replace("아래의", "그 아래의"))
    result = kit.build("2026-11-28")
    assert result.code == 0
    [line] = [l for l in result.err.splitlines() if "recorded it as published" in l]
    assert line.startswith("policies/privacy/2016-03-01.md:1: warning:")
    assert "a deploy with --ledger refuses it" in line


# Every refusal of the history check, followed literally, gives a passing check.

def test_a_back_dated_notice_passes_once_its_advice_is_followed(tmp_path):
    repo = team_repository(tmp_path / "site")
    repo.version("2015-02-15")
    repo.commit("2015-02-10", "first policy")
    repo.version("2016-03-01", announced="2016-02-15", summary="s", body=CHANGED)
    repo.commit("2016-02-20", "late")
    result = repo.check("2016-02-20", "--git")
    advice = re.search(r"set announced to (\S+) or later \(and effective at least a notice "
                       r"window after it\)", result.out)
    assert result.code == 1 and advice, result.out
    day = advice.group(1)
    effective = "2016-02-27"  # the notice window (7 days) after it
    repo.git("mv", "policies/privacy/2016-03-01.md", f"policies/privacy/{effective}.md")
    path = repo.root / f"policies/privacy/{effective}.md"
    path.write_text(path.read_text().replace("announced: 2016-02-15", f"announced: {day}")
                    .replace("effective: 2016-03-01", f"effective: {effective}"))
    repo.commit("2016-02-20", "follow the advice")
    assert repo.check("2016-02-20", "--git").code == 0


def test_an_edit_of_published_text_passes_once_its_advice_is_followed(tmp_path):
    repo = team_repository(tmp_path / "site")
    repo.two_versions()
    repo.commit("2016-02-15", "policies")
    path = repo.root / "policies/privacy/2016-03-01.md"
    path.write_text(path.read_text().replace("아래의", "그 아래의"))
    repo.commit("2016-03-05", "an edit")
    result = repo.check("2016-03-05", "--git")
    command = re.search(r"restore it \((git checkout \S+ -- \S+)\)", result.out)
    assert result.code == 1 and command, result.out
    repo.git(*command.group(1).split()[1:])
    repo.commit("2016-03-06", "restore")
    assert repo.check("2016-03-06", "--git").code == 0


def test_a_source_saved_while_the_build_runs_is_never_published_half_old(kit, monkeypatch):
    """The pages are made from the bytes the build read; a version file saved after that
    (an editor's autosave) must not be published as source.md beside them, under the old
    bytes' hash in the ledger: the build stops, writes nothing, and the next one is whole."""
    import site_builder.commands.build_steps as build_steps

    kit.two_versions()
    assert kit.build().code == 0
    before = kit.tree()
    saved = kit.root / "policies/privacy/2016-03-01.md"
    render_site = build_steps.render_site

    def saving_midway(*args, **kwargs):
        saved.write_text(saved.read_text(encoding="utf-8").replace("아래의", "그 아래의"),
                         encoding="utf-8")
        return render_site(*args, **kwargs)

    monkeypatch.setattr(build_steps, "render_site", saving_midway)
    kit.version("2016-03-01", announced="2016-02-15", summary="목적 조항을 고칩니다",
                body=CHANGED + "\n추가 문단\n")  # the build has something to write
    result = kit.build()
    assert result.code == 1, result.text
    assert ("policies/privacy/2016-03-01.md: error: this file changed while the build was "
            "reading it; run the build again" in result.err), result.err
    assert kit.tree() == before
    monkeypatch.undo()
    assert kit.build().code == 0
    ledger = json.loads(kit.read("ledger.json"))
    published = (kit.out / "privacy/2016-03-01/source.md").read_bytes()
    import hashlib
    assert hashlib.sha256(published).hexdigest() in json.dumps(ledger)


def test_a_source_saved_before_its_text_is_read_stops_the_build(kit, monkeypatch):
    """A parse from the cache reads its file's text only when a page needs it: a file saved
    between the judging and that reading stops the build rather than show other text."""
    import site_builder.commands.build_steps as build_steps

    kit.two_versions()
    assert kit.build().code == 0
    kit.site_yaml(title="새 이름")  # every page made again: every text read
    before = kit.tree()
    saved = kit.root / "policies/privacy/2015-02-15.md"
    render_site = build_steps.render_site

    def saving_midway(*args, **kwargs):
        saved.write_text(saved.read_text(encoding="utf-8") + "\n끝 문단\n", encoding="utf-8")
        return render_site(*args, **kwargs)

    with monkeypatch.context() as patch:
        patch.setattr(build_steps, "render_site", saving_midway)
        result = kit.build()
    assert result.code == 1, result.text
    assert ("policies/privacy/2015-02-15.md: error: this file changed while the build was "
            "reading it; run the build again" in result.err), result.err
    assert kit.tree() == before
    assert kit.build().code == 0  # the advice, followed
    assert "끝 문단" in kit.read("privacy/2015-02-15/index.html")
