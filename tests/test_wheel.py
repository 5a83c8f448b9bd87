"""The package as it is released (issue 21): a wheel built from this checkout, installed in an
environment of its own, builds a site that lies outside the checkout, with its built-in theme,
its Korean messages and every stage folder; and a change of any module in any folder changes
the fingerprint the cache and the build record are keyed by."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parent.parent


def test_the_wheel_holds_every_stage_the_theme_and_the_catalogue(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for folder in [p for p in (REPOSITORY / "site_builder").iterdir() if (p / "__init__.py").exists()]:
        for module in folder.glob("*.py"):
            assert f"site_builder/{folder.name}/{module.name}" in names
    assert "site_builder/base/locale/ko.po" in names
    assert "site_builder/themes/default/templates/version.html" in names
    assert "site_builder/render/compiled_templates/version.html.py" in names


def test_the_installed_wheel_builds_a_site_outside_the_checkout(wheel, tmp_path):
    environment = tmp_path / "env"
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(environment)],
                   check=True)
    python = environment / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-deps", str(wheel)],
                   check=True, capture_output=True)
    site = tmp_path / "site"
    shutil.copytree(REPOSITORY / "policies", site / "policies")
    variables = {k: v for k, v in os.environ.items() if k != "POLICY_SITE_MESSAGES"}
    done = subprocess.run([str(environment / "bin" / "policy-site"), "build", "--as-of",
                           "2026-12-01"], cwd=site, capture_output=True, text=True, env=variables)
    assert done.returncode == 0, done.stderr
    assert "만들었습니다" in done.stdout  # the Korean catalogue came with the wheel
    where = subprocess.run([str(python), "-c", "import site_builder; print(site_builder.__file__)"],
                           capture_output=True, text=True, cwd=tmp_path).stdout
    assert str(environment) in where and str(REPOSITORY) not in where
    page = (site / "output/privacy/2016-03-01/index.html").read_text(encoding="utf-8")
    assert "개인정보처리방침" in page and (site / "output/assets/style.css").is_file()


def test_a_change_in_any_stage_folder_changes_the_code_fingerprint(tmp_path):
    package = tmp_path / "site_builder"
    shutil.copytree(REPOSITORY / "site_builder", package,
                    ignore=shutil.ignore_patterns("__pycache__"))
    probe = ("import sys; sys.path.insert(0, sys.argv[1]); "
             "from site_builder.cache.fingerprint import code_fingerprint; print(code_fingerprint())")

    def fingerprint() -> str:
        return subprocess.run([sys.executable, "-c", probe, str(tmp_path)], capture_output=True,
                              text=True, check=True, cwd=tmp_path).stdout.strip()

    before = fingerprint()
    for changed in (package / "rules" / "notice.py",
                    package / "render" / "compiled_templates" / "version.html.py"):
        changed.write_text(changed.read_text(encoding="utf-8") + "\n# changed\n",
                           encoding="utf-8")
        assert fingerprint() != before
        before = fingerprint()


def test_no_file_of_the_package_is_ignored_by_git():
    """A module git ignores is missing from every clean clone (and so from CI and releases),
    while the checkout it was written in keeps working: .gitignore's 'output/' once hid the
    whole output stage."""
    if not (REPOSITORY / ".git").exists():
        pytest.skip("not a git checkout")
    listed = subprocess.run(["git", "-C", str(REPOSITORY), "ls-files", "-z", "--others",
                             "--ignored", "--exclude-standard", "--", "site_builder", "themes"],
                            capture_output=True, check=True).stdout.decode().split("\0")
    hidden = [name for name in listed if name and "__pycache__" not in name]
    assert not hidden, f"ignored by git, so missing from a clean clone: {hidden}"


def test_code_edited_in_place_with_its_times_put_back_is_read_again(tmp_path, kit):
    """A build takes the code's fingerprint from the last build's record while the code files
    keep the times it recorded: an edit that keeps a module's size and modification time
    still changes its change time, so the code is read and the fingerprint is another."""
    package = tmp_path / "copy" / "site_builder"
    shutil.copytree(REPOSITORY / "site_builder", package,
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(REPOSITORY / "themes", package / "themes")
    kit.two_versions()
    probe = ("import sys; sys.path.insert(0, sys.argv[1]); "
             "from site_builder.base import file_times; "
             "file_times.SETTLING_NS = -10**12; "  # every file long settled
             "from site_builder.cache import fingerprint; "
             "read = []; real = fingerprint._file; "
             "fingerprint._file = lambda *part: read.append(part) or real(*part); "
             "from site_builder.cli import main; "
             "main(['build', '--as-of', '2026-11-28', '--root', sys.argv[2]]); "
             "print(fingerprint.code_fingerprint(), len(read))")

    def build() -> tuple[str, int, str]:
        done = subprocess.run([sys.executable, "-c", probe, str(package.parent), str(kit.root)],
                              capture_output=True, text=True, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        *said, last = done.stdout.strip().splitlines()
        fingerprint, read = last.split()
        return fingerprint, int(read), "\n".join(said)

    first, read, _ = build()
    assert read > 100
    assert build()[:2] == (first, 0)  # vouched for by the record: nothing read
    module = package / "rules" / "notice.py"
    before = os.stat(module)
    text = module.read_bytes()
    module.write_bytes(text.replace(b"the ", b"thE ", 1))
    os.utime(module, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (os.stat(module).st_size, os.stat(module).st_mtime_ns) == (
        before.st_size, before.st_mtime_ns)
    edited, read, said = build()
    assert edited != first and read > 100
    assert "nothing changed" not in said
