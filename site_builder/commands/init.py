"""``policy-site init [DIR]``: a new site that builds and passes check at once.

It writes the settings, one document (개인정보처리방침, or a Privacy Policy for an English
site) whose first version is a clearly marked template that takes effect a notice window from
today (so nothing unfinished is public on day one, and build refuses it once it would be), a
.gitignore, the GitHub Actions workflow of docs/ci.md pinned to this policy-site, and a short
README for the team. It refuses a folder that holds anything but what a new repository holds,
unless --force, and then it still never overwrites a file.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from site_builder import __version__
from site_builder.base.dates import Clock
from site_builder.commands.scaffold import first_version, scaffold, template_values
from site_builder.sources.settings import DEFAULT_NOTICE, base_url_problem
from site_builder.sources.site_basics import DEFAULT_TIMEZONE
from site_builder.base.messages import Message, say
from site_builder.base.files import write_new_file
from site_builder.base.problems import UsageError

DEFAULTS = {
    "ko": {"title": "우리 회사 정책", "document": "개인정보처리방침", "timezone": DEFAULT_TIMEZONE},
    "en": {"title": "Our policies", "document": "Privacy Policy", "timezone": "UTC"},
}


@dataclass
class InitResult:
    written: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # files that were there already
    extended: list[str] = field(default_factory=list)  # a .gitignore that lacked our lines


@dataclass(frozen=True)
class Request:
    """What the user asked init for (the command line's flags)."""

    folder: Path
    language: str
    title: str | None = None
    base_url: str | None = None
    effective: date | None = None  # the first version's day; default a notice window on
    tool_source: str | None = None  # where CI installs policy-site from; default the index
    force: bool = False


def init(request: Request, clock: Clock) -> list[Message]:
    """Write the new site; what to tell the user, file by file, then what to do next."""
    today = clock.today(DEFAULTS[request.language]["timezone"])
    effective = request.effective or today + timedelta(days=DEFAULT_NOTICE.days)
    result = init_site(request, effective)
    folder = request.folder
    lines = [say("wrote {path}", path=relative) for relative in result.written]
    lines += [say("kept {path} (already there)", path=relative) for relative in result.kept]
    lines += [say("added the lines policy-site needs to {path}", path=relative)
              for relative in result.extended]
    return lines + [say("Next: {go}policy-site serve (preview), fill in policies/privacy/{day}.md "
                        "before it takes effect on {day}, policy-site check, then commit and "
                        "push.", go="" if folder == Path(".") else f"cd {folder} && ",
                        day=effective)]


def init_site(request: Request, effective: date) -> InitResult:
    folder, language, force = request.folder, request.language, request.force
    if folder.exists() and not folder.is_dir():
        raise UsageError(say("{folder} is a file; name a new or empty folder", folder=folder))
    if folder.is_dir() and not _is_fresh(folder) and not force:
        raise UsageError(say("{folder} is not empty; init makes a new site in a new or empty "
                             "folder (--force adds the missing files and never overwrites one)",
                             folder=folder))
    wrong = base_url_problem(request.base_url) if request.base_url else None
    if wrong:
        raise UsageError(say("--base-url {url} {reason}; give the site's address, like "
                             "https://example.com/policies/", url=request.base_url, reason=wrong))
    defaults = DEFAULTS[language]
    title = request.title or defaults["title"]
    values = template_values(title, effective, language)
    files = {
        "policies/site.yaml": _site_yaml(title, request.base_url, language, defaults["timezone"]),
        "policies/privacy/document.yaml": f"title: {_quoted(defaults['document'])}\n",
        f"policies/privacy/{effective}.md": first_version(title, effective, language),
        ".gitignore": scaffold("gitignore", {}),
        ".github/workflows/policies.yml": scaffold(
            "policies.yml", {"install": _quoted(install_requirement(request.tool_source))}),
        "README.md": scaffold(f"README-{language}.md", values),
    }
    _refuse_links(folder, files)
    result = InitResult()
    for relative, text in files.items():
        path = folder / relative
        if relative == ".gitignore" and path.is_file() and _add_missing_lines(path, text):
            result.extended.append(relative)
            continue
        if os.path.lexists(path):
            result.kept.append(relative)
            continue
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise UsageError(say("cannot create {path}: {reason}", path=path.parent,
                                 reason=error.strerror)) from None
        write_new_file(path, text)
        result.written.append(relative)
    return result


# What a repository usually holds right after it is created or cloned: init may start there.
FRESH_REPOSITORY = frozenset({".git", ".hg", ".svn", ".github", ".gitignore", ".gitattributes",
                              "README", "README.md", "README.rst", "README.txt", "LICENSE",
                              "LICENSE.md", "LICENSE.txt", "COPYING"})


def _is_fresh(folder: Path) -> bool:
    return all(entry.name in FRESH_REPOSITORY for entry in folder.iterdir())


def _add_missing_lines(path: Path, wanted: str) -> bool:
    """Append to a .gitignore the lines of ``wanted`` it lacks; whether it needed any."""
    had = path.read_text(encoding="utf-8")
    missing = [line for line in wanted.splitlines() if line and line not in had.splitlines()]
    if not [line for line in missing if not line.startswith("#")]:
        return False
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(("" if had.endswith("\n") or not had else "\n") + "\n".join(missing) + "\n")
    return True


def _refuse_links(folder: Path, files: dict[str, str]) -> None:
    """Before anything is written: a symbolic link where init writes (.gitignore, policies/,
    .github/workflows) would make it write into the link's target, or stop half-way."""
    for relative in files:
        path = folder
        for part in relative.split("/"):
            path = path / part
            if path.is_symlink():
                raise UsageError(say("{path} is a symbolic link; init writes only into real "
                                     "files and folders of the new site: put the real file or "
                                     "folder there (or remove the link), then run init again", path=path))


def install_requirement(tool_source: str | None) -> str:
    """What CI gives pip: this very version from the package index; a git URL pinned to this
    version's tag unless it names a ref; a path (a wheel or a checkout in the repository) as
    written."""
    if not tool_source:
        return f"policy-site=={__version__}"
    if not _GIT_URL.match(tool_source):
        return tool_source
    url = tool_source if tool_source.startswith("git+") else f"git+{tool_source}"
    pinned = re.search(r"@[^/@]+$", url.split("://", 1)[-1])
    return f"policy-site @ {url if pinned else f'{url}@v{__version__}'}"


_GIT_URL = re.compile(r"^(git\+)?(https?|ssh|git|file)://|^git@")


def _site_yaml(title: str, base_url: str | None, language: str, timezone: str) -> str:
    address = base_url or "https://example.com/policies/"
    note = "" if base_url else "  # the site's address: feeds, sitemap and links use it"
    other = "en" if language == "ko" else "ko"
    return (f"title: {_quoted(title)}\nbase_url: {_quoted(address)}{note}\n"
            f"language: {language}\n"
            f"# languages: [{language}, {other}]  # to publish translations (README)\n"
            f"timezone: {timezone}\n")


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML string
