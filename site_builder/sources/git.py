"""Running git on the repository that holds the sources: the one place that starts it.

git's plumbing can rewrite history without touching a commit: a replace ref (``git replace``)
or a graft swaps one commit for another with an earlier date. Every call here runs without
either, so the history the rules judge is the one the branch really holds.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from site_builder.base.messages import say
from site_builder.base.problems import UsageError
from site_builder.base.untrusted import printable

_SUBMODULE = "160000"


def run_git(repo: Path, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    environment = {**os.environ, "GIT_NO_REPLACE_OBJECTS": "1", "GIT_GRAFT_FILE": os.devnull,
                   "GIT_TERMINAL_PROMPT": "0"}
    try:
        return subprocess.run(["git", "--no-replace-objects", "-C", str(repo), *args],
                              input=stdin, capture_output=True, env=environment)
    except FileNotFoundError:
        raise UsageError(say("--git needs the git command; install git")) from None


def git(repo: Path, *args: str, stdin: bytes | None = None) -> bytes:
    done = run_git(repo, *args, stdin=stdin)
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip()
        raise UsageError(say("git {command} failed: {reason}", command=args[0], reason=message))
    return done.stdout


def repository_of(root: Path) -> Path:
    """The top of the repository holding root; refuses a non-repository and a shallow clone."""
    try:
        top = git(root, "rev-parse", "--show-toplevel").decode().strip()
    except UsageError:
        raise UsageError(say("--git needs a git repository, and {root} is not inside one; run "
                             "check without --git, or in a clone of the policy repository",
                             root=root)) from None
    if git(root, "rev-parse", "--is-shallow-repository").strip() == b"true":
        raise UsageError(say("this clone is shallow, so the history --git checks is incomplete; "
                             "fetch it all (GitHub Actions: actions/checkout with 'fetch-depth: "
                             "0'; elsewhere: git fetch --unshallow)"))
    return Path(top)


def policies_in(repo: Path, root: Path) -> Path:
    """policies/ as git sees it: a real folder of this repository, not a link or submodule."""
    policies = root / "policies"
    if policies.is_symlink():
        raise UsageError(say("{policies} is a symbolic link; git records the link, not the "
                             "versions, so --git cannot see their history: make policies/ a real "
                             "folder (git mv the target folder to policies/)", policies=policies))
    real = policies.resolve()
    if not real.is_relative_to(repo.resolve()):
        raise UsageError(say("{real} is not inside the repository {repo}; run check --git in "
                             "the repository that holds policies/", real=real, repo=repo))
    relative = real.relative_to(repo.resolve()).as_posix()
    listed = git(repo, "ls-files", "-s", "-z", "--", relative).split(b"\0")
    modules = [entry.partition(b"\t")[2].decode("utf-8", "replace") for entry in listed
               if entry.startswith(_SUBMODULE.encode())]
    if relative in modules:
        raise UsageError(say("{policies} is a git submodule; its history lives in another "
                             "repository: run check --git inside that repository",
                             policies=policies))
    if modules:  # a document folder: its versions' commits are another repository's
        raise UsageError(say("{module} is a git submodule; check --git cannot date the versions "
                             "in it, whose history lives in another repository: make it a "
                             "folder of this repository (git rm --cached {module}, then git add "
                             "its files)", module=printable(modules[0])))
    return real


def has_commits(repo: Path) -> bool:
    done = run_git(repo, "rev-parse", "--verify", "--quiet", "HEAD")
    return done.returncode == 0


def resolve(repo: Path, ref: str) -> str:
    done = run_git(repo, "rev-parse", "--verify", "--quiet", "--end-of-options",
                   f"{ref}^{{commit}}")
    if done.returncode != 0:
        raise UsageError(say("--base {ref}: no such branch or commit here; fetch it first "
                             "(GitHub Actions: actions/checkout with 'fetch-depth: 0' fetches "
                             "every branch)", ref=ref))
    return done.stdout.decode().strip()


def merge_base(repo: Path, tip: str, base: str) -> str | None:
    if not has_commits(repo):
        return None
    done = run_git(repo, "merge-base", tip, "HEAD")
    if done.returncode != 0:
        raise UsageError(say("--base {base} shares no history with the checked-out branch; "
                             "compare with the branch this one was started from", base=base))
    return done.stdout.decode().strip()


def is_tracked(path: Path) -> bool:
    """Whether git tracks this file (a state file a pull request added with git add -f)."""
    try:
        done = run_git(path.parent, "ls-files", "-z", "--error-unmatch", "--", path.name)
    except UsageError:  # no git on this machine: nothing can be tracked by it
        return False
    return done.returncode == 0
