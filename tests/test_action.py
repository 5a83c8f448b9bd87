"""The reusable GitHub Action: its steps' commands, run in a shell as the runner would."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import yaml

from tests.gitkit import GitSite
from tests.sitekit import BODY

REPO = Path(__file__).resolve().parent.parent


def run_action(site: GitSite, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", str(REPO / "action/run.sh")], cwd=site.root, text=True,
                          capture_output=True, env={**os.environ, "ROOT": ".", **env})


def test_action_yml_runs_the_script_with_the_runner_environment():
    action = yaml.safe_load((REPO / "action.yml").read_text())
    assert action["runs"]["using"] == "composite"
    [step] = [s for s in action["runs"]["steps"] if s.get("name") == "Check (and build)"]
    assert step["run"] == 'bash "${{ github.action_path }}/action/run.sh"'
    assert step["env"]["BASE_REF"] == "${{ github.base_ref }}"
    assert set(action["inputs"]) == {"root", "python-version", "as-of", "command", "ledger"}


def test_on_a_pull_request_it_checks_as_if_merged_today_with_annotations(tmp_path):
    site = GitSite(tmp_path / "site")
    site.version("2015-02-15")
    site.commit("2015-02-10")
    site.git("update-ref", "refs/remotes/origin/main", "main")
    site.git("checkout", "-q", "-b", "change")
    site.version("2026-12-01", announced="2026-11-20", summary="s", body=BODY + "\n추가\n")
    site.commit("2026-11-20")
    late = run_action(site, EVENT="pull_request", BASE_REF="main", AS_OF="2026-11-28")
    assert late.returncode == 1
    assert "::error file=policies/privacy/2026-12-01.md,line=3,title=back-dated-notice::" in late.stdout
    on_time = run_action(site, EVENT="pull_request", BASE_REF="main", AS_OF="2026-11-20")
    assert on_time.returncode == 0, on_time.stdout + on_time.stderr
    assert not (site.root / "output").exists()


def test_on_push_it_checks_and_builds(tmp_path):
    site = GitSite(tmp_path / "site")
    site.version("2015-02-15")
    site.commit("2015-02-10")
    done = run_action(site, EVENT="push", AS_OF="2026-11-28")
    assert done.returncode == 0, done.stdout + done.stderr
    assert (site.root / "output/ledger.json").exists()
