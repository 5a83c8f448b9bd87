"""The workflow ``init`` writes works on the first push (issue 25): its shell steps, run as they
are written, install the pinned policy-site from a package index (here a local one holding the
wheel built from this checkout and its dependencies, and nothing else), check and build the new
site; then a pull request that writes the policy is checked as if merged, and the push builds it."""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import yaml

from site_builder import __version__

LEDGER = "${{ vars.POLICY_SITE_URL && format('{0}ledger.json', vars.POLICY_SITE_URL) || '' }}"
# The steps GitHub runs for us: the checkout is the test's repository, setup-python its venv.
PROVIDED = ("actions/checkout@", "actions/setup-python@", "actions/configure-pages@",
            "actions/upload-pages-artifact@", "actions/cache/restore@", "actions/cache/save@")


@pytest.fixture(scope="module")
def index(wheel, tmp_path_factory):
    """A PEP 503 index over HTTP on 127.0.0.1: the wheel and what it depends on."""
    files = tmp_path_factory.mktemp("files")
    subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--dest", str(files),
                    str(wheel)], check=True, capture_output=True)
    root = tmp_path_factory.mktemp("index")
    for found in files.iterdir():
        project = re.sub(r"[-_.]+", "-", found.name.split("-")[0]).lower()
        (root / "simple" / project).mkdir(parents=True, exist_ok=True)
        shutil.copy2(found, root / "simple" / project / found.name)
    handler = functools.partial(QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/simple/"
    server.shutdown()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def runner(index, tmp_path_factory):
    """A runner's environment: a fresh Python with no policy-site, pip told of our index only."""
    venv = tmp_path_factory.mktemp("runner") / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    variables = {k: v for k, v in os.environ.items()
                 if not k.startswith(("PIP_", "POLICY_SITE_", "VIRTUAL_ENV", "PYTHON"))}
    variables.update(PATH=f"{venv / 'bin'}{os.pathsep}{os.environ['PATH']}",
                     PIP_CONFIG_FILE=os.devnull, PIP_INDEX_URL=index,
                     PIP_DISABLE_PIP_VERSION_CHECK="1", GIT_AUTHOR_NAME="CI",
                     GIT_AUTHOR_EMAIL="ci@example.com", GIT_COMMITTER_NAME="CI",
                     GIT_COMMITTER_EMAIL="ci@example.com",
                     # the runner's own cache folder, never the user's who runs the tests
                     XDG_CACHE_HOME=str(tmp_path_factory.mktemp("runner-cache")))
    return variables


def git(root: Path, variables: dict, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), *args], env=variables, check=True,
                   capture_output=True)


def commit(root: Path, variables: dict, message: str) -> None:
    git(root, variables, "add", "-A")
    git(root, variables, "commit", "-q", "-m", message)


def run_job(root: Path, variables: dict, job: str, base_ref: str = "") -> list[str]:
    """Each ``run:`` of the job in bash as GitHub runs it, with the workflow's and the step's
    ``env:`` (their expressions given this event's values); the outputs, in order."""
    flow = yaml.safe_load((root / ".github/workflows/policies.yml").read_text())
    values = {LEDGER: "", "${{ github.base_ref }}": base_ref}
    outputs = []
    for step in flow["jobs"][job]["steps"]:
        if "uses" in step:
            assert step["uses"].startswith(PROVIDED), step["uses"]
            continue
        assert "${{" not in step["run"]  # every expression is an env value
        env = {**flow.get("env", {}), **step.get("env", {})}
        env = {key: values[value] if "${{" in value else value for key, value in env.items()}
        done = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c",
                               step["run"]], cwd=root, env={**variables, **env},
                              capture_output=True, text=True)
        assert done.returncode == 0, f"{step.get('name', step['run'])}:\n{done.stdout}{done.stderr}"
        outputs.append(done.stdout + done.stderr)
    return outputs


def test_the_generated_workflow_installs_the_pin_checks_and_builds(runner, tmp_path):
    root = tmp_path / "policies-repo"
    today = datetime.now(ZoneInfo("Asia/Seoul")).date()  # the site's day, as the workflow's
    git(tmp_path, runner, "init", "-q", "-b", "main", str(root))
    done = subprocess.run([sys.executable, "-m", "site_builder", "init", str(root)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    flow = yaml.safe_load((root / ".github/workflows/policies.yml").read_text())
    assert flow["env"]["POLICY_SITE"] == f"policy-site=={__version__}"
    commit(root, runner, "policy-site init")

    install, check = run_job(root, runner, "check")
    assert f"policy_site-{__version__}-py3-none-any.whl" in install
    assert "warning" in check and "[작성 필요]" in check  # the draft template, not an error
    run_job(root, runner, "build")
    assert (root / "output/index.html").is_file()
    assert not (root / "output/privacy").exists()  # nothing unfinished is published

    git(root, runner, "update-ref", "refs/remotes/origin/main", "HEAD")
    git(root, runner, "checkout", "-q", "-b", "write-the-policy")
    for template in (root / "policies/privacy").glob("*.md"):
        template.unlink()
    (root / f"policies/privacy/{today}.md").write_text(
        f"---\neffective: {today}\n---\n\n## 제1조 (개인정보의 처리 목적)\n\n"
        "회사는 회원 관리를 위하여 개인정보를 처리합니다.\n", encoding="utf-8")
    commit(root, runner, "write the policy")
    run_job(root, runner, "check", base_ref="main")
    git(root, runner, "checkout", "-q", "main")
    git(root, runner, "merge", "-q", "--no-ff", "-m", "merge", "write-the-policy")
    run_job(root, runner, "check")
    run_job(root, runner, "build")
    page = (root / "output/privacy/index.html").read_text(encoding="utf-8")
    assert "회원 관리를 위하여" in page and "작성" not in page


def test_a_tool_source_is_pinned_to_this_version_unless_it_names_a_ref(tmp_path):
    def pinned(source: str) -> str:
        folder = tmp_path / str(len(list(tmp_path.iterdir())))
        subprocess.run([sys.executable, "-m", "site_builder", "init", str(folder),
                        "--tool-source", source], check=True, capture_output=True)
        return yaml.safe_load((folder / ".github/workflows/policies.yml").read_text())["env"][
            "POLICY_SITE"]

    url = "https://github.com/acme/policy-site"
    assert pinned(url) == f"policy-site @ git+{url}@v{__version__}"
    assert pinned(f"git+{url}@main") == f"policy-site @ git+{url}@main"
    assert pinned("tools/policy_site-1.0-py3-none-any.whl") == "tools/policy_site-1.0-py3-none-any.whl"


def test_the_first_version_is_a_draft_a_notice_window_away(tmp_path):
    folder = tmp_path / "s"
    subprocess.run([sys.executable, "-m", "site_builder", "init", str(folder), "--as-of",
                    "2026-12-01"], check=True, capture_output=True)
    [first] = (folder / "policies/privacy").glob("*.md")
    assert first.name == f"{date(2026, 12, 1) + timedelta(days=7)}.md"
    assert "announced" not in first.read_text()
