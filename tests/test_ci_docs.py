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
    [action] = [s for s in check["steps"] if "policy-site" in s.get("uses", "")]
    assert action["with"]["command"] == "check"  # action/run.sh: --base on pull requests
    # judged by the live ledger, as the deploy is (issue 23)
    build = next(s for s in flow["jobs"]["build"]["steps"] if "policy-site" in s.get("uses", ""))
    assert action["with"]["ledger"] == build["with"]["ledger"]


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
    [action] = [s for s in build["steps"] if "policy-site" in s.get("uses", "")]
    assert action["with"]["command"] == "build" and "ledger.json" in action["with"]["ledger"]
    assert build["if"] == "github.event_name != 'pull_request'"
    assert flow["jobs"]["deploy"]["steps"][0]["uses"].startswith("actions/deploy-pages")


def test_pre_commit_hook_runs_the_check():
    [hook] = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())
    assert hook["entry"] == "policy-site check --git" and hook["pass_filenames"] is False
