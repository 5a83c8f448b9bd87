"""The release workflow publishes only the version the package says (issue 25): its version
check, run as written, accepts the matching tag and refuses another; publishing needs the build
and the tests and uses trusted publishing, not a stored token."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import yaml

from site_builder import __version__

REPOSITORY = Path(__file__).resolve().parent.parent
FLOW = yaml.safe_load((REPOSITORY / ".github/workflows/release.yml").read_text())


def version_check(tag: str) -> subprocess.CompletedProcess:
    [step] = [s for s in FLOW["jobs"]["build"]["steps"] if "TAG" in s.get("env", {})]
    return subprocess.run(["bash", "-eo", "pipefail", "-c", step["run"]], cwd=REPOSITORY,
                          env={**os.environ, "TAG": tag}, capture_output=True, text=True)


def test_the_tag_must_name_the_packages_version():
    assert version_check(f"v{__version__}").returncode == 0
    refused = version_check("v99.0.0")
    assert refused.returncode == 1 and f"site_builder.__version__ is {__version__}" in refused.stdout


def test_the_changelog_has_the_version_and_publishing_is_trusted():
    assert f"\n## {__version__}" in (REPOSITORY / "CHANGELOG.md").read_text()
    triggers = FLOW[True] if True in FLOW else FLOW["on"]
    assert triggers == {"push": {"tags": ["v*"]}}
    publish = FLOW["jobs"]["publish"]
    assert publish["needs"] == ["build", "test"] and publish["permissions"] == {"id-token": "write"}
    assert "secrets." not in (REPOSITORY / ".github/workflows/release.yml").read_text()
