"""Shared fixtures: a helper that writes a small site inline, and the CLI run in-process."""

from __future__ import annotations

import pytest

from tests.sitekit import SiteKit


@pytest.fixture
def kit(tmp_path) -> SiteKit:
    return SiteKit(tmp_path / "site")
