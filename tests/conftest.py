"""Shared fixtures: a helper that writes a small site inline, the CLI run in-process, and a
headless Chromium for the tests that look at pages the way a visitor does."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.gitkit import GitSite
from tests.sitekit import SiteKit

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
REPOSITORY = Path(__file__).resolve().parent.parent
# CI sets this, so that browser tests never pass by being skipped there.
REQUIRE_BROWSER = "POLICY_SITE_REQUIRE_BROWSER"


@pytest.fixture(autouse=True, scope="session")
def session_cache(tmp_path_factory):
    """What fixtures shared by a module build (before each test's own folder is set) caches
    in a folder of the session's, never in the cache of whoever runs the tests."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("session-cache")))
        patch.delenv("POLICY_SITE_CACHE", raising=False)
        yield


@pytest.fixture(autouse=True)
def user_cache(monkeypatch, tmp_path_factory):
    """Each test's caches in a folder of its own, as each user's are in theirs."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("user-cache")))
    monkeypatch.delenv("POLICY_SITE_CACHE", raising=False)


@pytest.fixture(autouse=True)
def english_messages(monkeypatch):
    """The tests read messages in English; tests/test_messages.py checks the Korean ones."""
    monkeypatch.setenv("POLICY_SITE_MESSAGES", "en")


@pytest.fixture
def kit(tmp_path) -> SiteKit:
    return SiteKit(tmp_path / "site")


@pytest.fixture
def repo(tmp_path) -> GitSite:
    """A site in a git repository whose first policy was committed on 2015-02-10."""
    site = GitSite(tmp_path / "site")
    site.version("2015-02-15")
    site.commit("2015-02-10", "first policy")
    return site


@pytest.fixture(scope="session")
def wheel(tmp_path_factory) -> Path:
    """The package as it is released: a wheel built from a copy of the files git would commit
    (the checkout gets no build/ folder, and a file only this checkout has cannot make it pass)."""
    source, folder = tmp_path_factory.mktemp("source"), tmp_path_factory.mktemp("wheel")
    listed = subprocess.run(["git", "-C", str(REPOSITORY), "ls-files", "-z", "--cached",
                             "--others", "--exclude-standard"], capture_output=True, check=True)
    for name in filter(None, listed.stdout.decode().split("\0")):
        if (REPOSITORY / name).is_file():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPOSITORY / name, source / name)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(folder),
                    str(source)], check=True, capture_output=True)
    return next(folder.glob("policy_site-*.whl"))


def _executables() -> list[str | None]:
    """Where a Chromium may be: POLICY_SITE_BROWSER, one on PATH, then Playwright's own
    (None: Playwright's managed browser, if `playwright install chromium` was run)."""
    named = os.environ.get("POLICY_SITE_BROWSER")
    found = [shutil.which(name) for name in ("chromium", "chromium-browser", "google-chrome",
                                             "google-chrome-stable")]
    return ([named] if named else []) + [path for path in found if path] + [None]


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import Error, sync_playwright
    with sync_playwright() as playwright:
        for executable in _executables():
            try:
                chromium = playwright.chromium.launch(executable_path=executable, args=ARGS)
            except Error:
                continue
            yield chromium
            chromium.close()
            return
    reason = ("no Chromium found for the browser tests: install one (Debian: apt-get install "
              "chromium fonts-nanum; elsewhere: playwright install chromium) or name it in "
              "POLICY_SITE_BROWSER")
    if os.environ.get(REQUIRE_BROWSER):
        pytest.fail(reason)
    pytest.skip(reason)
