"""Shared fixtures: a helper that writes a small site inline, the CLI run in-process, and a
headless Chromium for the tests that look at pages the way a visitor does."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sitekit import SiteKit

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture
def kit(tmp_path) -> SiteKit:
    return SiteKit(tmp_path / "site")


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright
    if not Path(CHROMIUM).exists():
        pytest.fail("browser tests need Debian's chromium: apt-get install chromium fonts-nanum")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()
