"""The CI workflow in docs/ci.md is valid YAML and runs the commands the tests run."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent


def workflow() -> dict:
    text = (REPO / "docs/ci.md").read_text(encoding="utf-8")
    [block] = re.findall(r"```yaml\n(name: policies\n.*?)```", text, re.S)
    return yaml.safe_load(block)


def commands(job: dict) -> list[str]:
    return [step["run"] for step in job["steps"] if "run" in step]


def test_workflow_checks_every_pull_request_with_full_history():
    flow = workflow()
    triggers = flow[True] if True in flow else flow["on"]  # YAML 1.1 reads `on` as true
    assert "pull_request" in triggers and triggers["push"]["branches"] == ["main"]
    check = flow["jobs"]["check"]
    checkout = next(s for s in check["steps"] if s.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0
    [gate] = [s for s in check["steps"] if "policy-site check" in s.get("run", "")]
    assert gate["env"]["BASE_REF"] == "${{ github.base_ref }}"  # --base on pull requests
    assert '${BASE_REF:+--base "origin/$BASE_REF"}' in gate["run"]
    # judged by the live ledger, as the deploy is (issue 23): one LEDGER for both jobs
    [build] = [s for s in flow["jobs"]["build"]["steps"] if "policy-site build" in s.get("run", "")]
    assert all('${LEDGER:+--ledger "$LEDGER"}' in step["run"] for step in (gate, build))
    assert "ledger.json" in flow["env"]["LEDGER"]


def test_workflow_keeps_its_schedule_alive_and_configures_pages():
    jobs = workflow()["jobs"]
    alive = jobs["keep-schedule-alive"]
    assert alive["permissions"] == {"actions": "write"}
    assert "gh workflow enable policies.yml" in commands(alive)[0]
    assert any(s.get("uses", "").startswith("actions/configure-pages")
               for s in jobs["build"]["steps"])


def test_workflow_builds_daily_just_after_midnight_in_seoul():
    flow = workflow()
    triggers = flow[True] if True in flow else flow["on"]
    [schedule] = triggers["schedule"]
    minute, hour = schedule["cron"].split()[:2]
    assert (int(hour) + 9) % 24 == 0 and int(minute) < 30
    build = flow["jobs"]["build"]
    assert any(run.startswith("policy-site build") for run in commands(build))
    assert build["if"] == "github.event_name != 'pull_request'"
    assert flow["jobs"]["deploy"]["steps"][0]["uses"].startswith("actions/deploy-pages")


def test_pre_commit_hook_runs_the_check():
    [hook] = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())
    assert hook["entry"] == "policy-site check --git" and hook["pass_filenames"] is False


def test_only_the_deploy_restores_and_saves_the_cache():
    jobs = workflow()["jobs"]
    uses = {job: [s.get("uses", "") for s in jobs[job]["steps"]] for job in ("check", "build")}
    assert not any(u.startswith("actions/cache") for u in uses["check"])  # pull requests
    restore = uses["build"].index("actions/cache/restore@v4")
    save = uses["build"].index("actions/cache/save@v4")
    built = next(i for i, s in enumerate(jobs["build"]["steps"])
                 if s.get("run", "").startswith("policy-site build"))
    assert restore < built < save
    assert jobs["build"]["if"] == "github.event_name != 'pull_request'"
