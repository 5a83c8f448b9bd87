"""The output guard: the build replaces only a folder it made, and never follows a link it did
not make (issue 11)."""

from __future__ import annotations

import os
import subprocess

import pytest

from tests.sitekit import SiteKit


@pytest.fixture
def site(kit: SiteKit) -> SiteKit:
    kit.two_versions()
    return kit


def refused(result, *words: str) -> None:
    assert result.code == 2, result.text
    assert "Traceback" not in result.text and "internal error" not in result.text
    for word in words:
        assert word in result.err, result.err


def test_out_dot_git_is_refused_and_the_repository_survives(site):
    subprocess.run(["git", "init", "-q", str(site.root)], check=True)
    head = (site.root / ".git/HEAD").read_bytes()
    refused(site.build("2026-11-28", "--out", str(site.root / ".git")), ".git")
    assert (site.root / ".git/HEAD").read_bytes() == head


def test_out_inside_dot_git_is_refused(site):
    subprocess.run(["git", "init", "-q", str(site.root)], check=True)
    refused(site.build("2026-11-28", "--out", str(site.root / ".git/site")), ".git")
    assert not (site.root / ".git/site").exists()


def test_an_existing_folder_of_other_files_is_refused(site):
    docs = site.write("docs/guide.md", "팀 문서")
    refused(site.build("2026-11-28", "--out", str(site.root / "docs")),
            "holds guide.md, which no earlier policy-site build wrote")
    assert docs.read_text() == "팀 문서"


def test_an_empty_folder_and_an_earlier_build_are_replaced(site):
    (site.root / "public").mkdir()
    assert site.build("2026-11-28", "--out", str(site.root / "public")).code == 0
    assert site.build("2026-11-28", "--out", str(site.root / "public")).code == 0
    assert (site.root / "public/index.html").exists()


def test_symlinked_policies_cannot_be_the_output(site):
    (site.root / "policies").rename(site.root / "real-policies")
    os.symlink("real-policies", site.root / "policies")
    refused(site.build("2026-11-28", "--out", str(site.root / "real-policies")), "policies/")
    assert (site.root / "real-policies/site.yaml").exists()


@pytest.mark.parametrize("target", ["", "themes", "themes/default"])
def test_the_root_and_the_themes_cannot_be_the_output(site, target):
    (site.root / "themes/default").mkdir(parents=True)
    refused(site.build("2026-11-28", "--out", str(site.root / target)))


def test_a_linked_lock_file_is_never_followed_or_truncated(site, tmp_path):
    victim = tmp_path / "precious.txt"
    victim.write_text("내용")
    os.symlink(victim, site.root / ".output.lock")
    refused(site.build(), ".output.lock is a symbolic link")
    assert victim.read_text() == "내용"
    assert not site.out.exists()


def test_a_folder_named_like_the_lock_is_a_message(site):
    (site.root / ".output.lock").mkdir()
    refused(site.build(), ".output.lock is a folder")


def test_a_linked_manifest_is_replaced_not_written_through(site, tmp_path):
    victim = tmp_path / "precious.txt"
    victim.write_text("내용")
    os.symlink(victim, site.root / ".output.manifest.json")
    assert site.build().code == 0
    assert victim.read_text() == "내용"
    assert not (site.root / ".output.manifest.json").is_symlink()


def test_a_link_named_like_a_leftover_is_not_followed(site, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "keep.txt").write_text("x")
    os.symlink(elsewhere, site.root / ".output.old-1")
    assert site.build().code == 0
    assert (elsewhere / "keep.txt").read_text() == "x"
    assert site.out.is_dir() and not site.out.is_symlink()


def test_a_symlinked_output_updates_the_folder_it_points_to(site, tmp_path):
    docroot = tmp_path / "www" / "policies"
    docroot.mkdir(parents=True)
    os.symlink(docroot, site.out)
    assert site.build("2016-02-01").code == 0
    assert site.out.is_symlink() and (docroot / "index.html").exists()
    assert site.build("2026-11-28").code == 0
    assert site.out.is_symlink() and os.readlink(site.out) == str(docroot)
    assert "2016-03-01" in (docroot / "privacy/index.html").read_text()
    assert not list(docroot.parent.glob(".policies.*-*")) and not list(site.root.glob(".output.*-*"))


def test_a_symlinked_output_to_a_folder_of_other_files_is_refused(site, tmp_path):
    docroot = tmp_path / "www"
    docroot.mkdir()
    (docroot / "index.php").write_text("<?php")
    os.symlink(docroot, site.out)
    refused(site.build(), "index.php")
    assert (docroot / "index.php").read_text() == "<?php"


def test_an_output_link_loop_is_a_message(site):
    os.symlink("output", site.out)
    refused(site.build(), "loop of symbolic links")


@pytest.mark.parametrize("level", [0, 1, 2])
def test_a_cache_folder_planted_as_a_link_is_not_used_and_what_it_points_to_survives(
        site, tmp_path, level):
    """A link where the cache belongs (the site's folder, sites/, policy-site/): the build
    would have written its database there and pruned every other *.sqlite in it."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "precious.sqlite").write_bytes(b"someone's database")
    planted = [site.cache, site.cache.parent, site.cache.parent.parent][level]
    planted.parent.mkdir(parents=True, exist_ok=True)
    planted.symlink_to(elsewhere, target_is_directory=True)
    for _ in range(2):
        result = site.build()
        assert result.code == 0, result.text
    assert site.check().code == 0
    assert sorted(p.name for p in elsewhere.iterdir()) == ["precious.sqlite"]
    assert (elsewhere / "precious.sqlite").read_bytes() == b"someone's database"


@pytest.mark.parametrize("name", ["privacy/index.html", "a", ".well-known/x", "a/.b", "a/..b",
                                  "a/b..", "...", "한글/파일.html", "a b/c"])
def test_a_state_file_may_name_a_file_below_the_output(name):
    from site_builder.output.state import safe_relative
    assert safe_relative(name)


@pytest.mark.parametrize("name", ["", "/a", "a/", "a//b", ".", "..", "./a", "a/./b", "a/../b",
                                  "a/..", "a/.", "../x", "a\0b", "a\\b", "..\\x", None, 3, ["a"]])
def test_a_state_file_never_names_a_path_outside_or_around_the_output(name):
    from site_builder.output.state import safe_relative
    assert not safe_relative(name)


def test_a_file_planted_in_a_new_folder_deep_below_the_output_is_named(site):
    assert site.build("2026-11-28").code == 0
    deep = site.out / "/".join(["a"] * 40)
    deep.mkdir(parents=True)
    (deep / "메모.txt").write_text("팀 메모")
    refused(site.build("2026-11-28"), f"holds {'a/' * 40}메모.txt, which no earlier")
    assert (deep / "메모.txt").read_text() == "팀 메모"


def test_a_link_to_a_folder_planted_in_the_output_is_named_not_entered(site, tmp_path):
    assert site.build("2026-11-28").code == 0
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "keep.txt").write_text("남의 파일")
    os.symlink(elsewhere, site.out / "shared")
    refused(site.build("2026-11-28"), "holds shared, which no earlier policy-site build wrote")
    assert (elsewhere / "keep.txt").read_text() == "남의 파일"


@pytest.mark.parametrize("walk", ["here", "elsewhere", "elsewhere, too slow", "elsewhere, died"])
def test_a_file_planted_in_the_output_is_refused_however_the_walk_goes(site, monkeypatch, walk):
    """The walk that finds it runs in a forked process while the sources are judged (two
    cores, nothing to recover) or here (--jobs 1); a walk that is not done when the build is
    about to write, or whose process died, is made here: the refusal is the same, and
    nothing is written."""
    import time

    from site_builder.output import foreign

    assert site.build("2026-11-28").code == 0
    before = site.tree()
    site.write("output/privacy/2016-03-01/메모.txt", "팀 메모")
    if walk == "elsewhere, too slow":
        monkeypatch.setattr(foreign, "_verdict", lambda real: time.sleep(30) or b"")
    elif walk == "elsewhere, died":
        monkeypatch.setattr(foreign, "_verdict", lambda real: os._exit(9))
    jobs = ["--jobs", "1" if walk == "here" else "2"]
    started = time.monotonic()
    refused(site.build("2026-11-29", *jobs),
            "holds privacy/2016-03-01/메모.txt, which no earlier policy-site build wrote")
    assert time.monotonic() - started < 10
    assert site.tree() == {**before, "privacy/2016-03-01/메모.txt": "팀 메모".encode()}
    (site.out / "privacy/2016-03-01/메모.txt").rename(site.root / "메모.txt")  # the advice
    assert site.build("2026-11-29", *jobs).code == 0
