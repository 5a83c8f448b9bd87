"""Running git on the repository that holds the sources: the one place that starts it."""

from __future__ import annotations

import subprocess
from pathlib import Path

from site_builder.base.messages import say
from site_builder.base.problems import UsageError

_SUBMODULE = "160000"


def git(repo: Path, *args: str, stdin: bytes | None = None) -> bytes:
    try:
        done = subprocess.run(["git", "-C", str(repo), *args], input=stdin, capture_output=True)
    except FileNotFoundError:
        raise UsageError(say("--git needs the git command; install git")) from None
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
    if any(entry.startswith(_SUBMODULE.encode()) and entry.endswith(b"\t" + relative.encode())
           for entry in listed):
        raise UsageError(say("{policies} is a git submodule; its history lives in another "
                             "repository: run check --git inside that repository",
                             policies=policies))
    return real


def has_commits(repo: Path) -> bool:
    done = subprocess.run(["git", "-C", str(repo), "rev-parse", "--verify", "--quiet", "HEAD"],
                          capture_output=True)
    return done.returncode == 0


def resolve(repo: Path, ref: str) -> str:
    done = subprocess.run(["git", "-C", str(repo), "rev-parse", "--verify", "--quiet",
                           "--end-of-options", f"{ref}^{{commit}}"], capture_output=True)
    if done.returncode != 0:
        raise UsageError(say("--base {ref}: no such branch or commit here; fetch it first "
                             "(GitHub Actions: actions/checkout with 'fetch-depth: 0' fetches "
                             "every branch)", ref=ref))
    return done.stdout.decode().strip()


def merge_base(repo: Path, tip: str, base: str) -> str | None:
    if not has_commits(repo):
        return None
    done = subprocess.run(["git", "-C", str(repo), "merge-base", tip, "HEAD"], capture_output=True)
    if done.returncode != 0:
        raise UsageError(say("--base {base} shares no history with the checked-out branch; "
                             "compare with the branch this one was started from", base=base))
    return done.stdout.decode().strip()
