"""Throw-away git repositories with chosen commit dates, for ``check --git``."""

from __future__ import annotations

import os
import subprocess

from tests.sitekit import SiteKit


class GitSite(SiteKit):
    """A site that is also a git repository; ``commit`` takes the day it happens (Seoul time)."""

    def __init__(self, root):
        super().__init__(root)
        self.git("init", "-q", "-b", "main")

    def git(self, *args: str, day: str | None = None) -> str:
        env = {**os.environ, "GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "e@example.com",
               "GIT_COMMITTER_NAME": "Editor", "GIT_COMMITTER_EMAIL": "e@example.com"}
        if day:
            stamp = day if "T" in day else f"{day}T10:00:00+09:00"
            env.update(GIT_AUTHOR_DATE=stamp, GIT_COMMITTER_DATE=stamp)
        return subprocess.run(["git", "-C", str(self.root), *args], env=env, check=True,
                              capture_output=True, text=True).stdout

    def commit(self, day: str, message: str = "change") -> None:
        """Commit everything on ``day`` (10:00 in Seoul) or at an exact ISO timestamp."""
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message, day=day)

    def check_git(self, as_of: str = "2026-11-28", *extra: str):
        return self.check(as_of, "--git", *extra)
