"""A build with nothing to do (build_stamp.py): it says what the last build said, writes
nothing, and any change of what the output is made from, or of the output, means a full build."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess

import pytest

from tests.sitekit import BODY, SiteKit

AS_OF = "2026-11-28"


@pytest.fixture
def built(kit) -> SiteKit:
    kit.two_versions()
    kit.version("2026-12-01", body=BODY + "\n초안\n")  # a draft too late to announce: a warning
    first = kit.build(AS_OF)
    assert first.code == 0 and "warning: draft can no longer be announced" in first.text
    return kit


def stats(kit: SiteKit) -> dict:
    return {path: (p.stat().st_ino, p.stat().st_mtime_ns)
            for path, p in ((p.relative_to(kit.out).as_posix(), p)
                            for p in kit.out.rglob("*") if p.is_file())}


def test_a_build_with_nothing_to_do_reports_the_same_and_touches_nothing(built):
    before, tree = stats(built), built.tree()
    first = built.build(AS_OF)
    again = built.build(AS_OF)
    assert again.code == 0
    assert again.err == first.err and "warning: draft can no longer be announced" in again.err
    assert again.out.split(" in ")[0] == first.out.split(" in ")[0]  # the same counts
    assert again.out.rstrip().endswith("(nothing changed since the last build)")
    assert stats(built) == before and built.tree() == tree


def test_the_shortcut_speaks_the_sites_language(built, monkeypatch):
    built.build(AS_OF)
    monkeypatch.setenv("POLICY_SITE_MESSAGES", "ko")
    result = built.build(AS_OF)
    assert "초안을 시행일 2026-12-01에 맞춰 공고하기에는 이미 늦었습니다" in result.err
    assert "만들었습니다" in result.out


# A build with nothing to do that listed every folder keeps their times, and the next one
# compares those instead of listing: each case is tried after such a build too.
NOTHING_TO_DO_FIRST = pytest.mark.parametrize("nothing_to_do_first", [False, True])


@NOTHING_TO_DO_FIRST
@pytest.mark.parametrize("change", [
    "edit a version", "add a theme file", "another day", "delete an output file",
    "edit an output file", "delete the output folder", "leftover of a killed build",
    "journal of a killed build",
])
def test_anything_changed_means_a_full_build(built, change, nothing_to_do_first):
    reference = built.tree()
    for _ in range(2 if nothing_to_do_first else 0):
        assert "nothing changed" in built.build(AS_OF).out
    as_of = AS_OF
    if change == "edit a version":
        path = built.root / "policies/privacy/2015-02-15.md"
        path.write_text(path.read_text().replace("필수 항목", "필수 항목들"))
    elif change == "add a theme file":
        built.write("themes/default/strings/ko.yaml", 'go: "가기"\n')
    elif change == "another day":
        as_of = "2026-11-29"
    elif change == "delete an output file":
        (built.out / "privacy/2015-02-15/index.html").unlink()
    elif change == "delete the output folder":
        shutil.rmtree(built.out)
    elif change == "edit an output file":
        (built.out / "privacy/index.html").write_text("defaced")
    elif change == "leftover of a killed build":
        (built.root / ".output.tmp-4242").mkdir()
    elif change == "journal of a killed build":  # killed before its commit step: rolled back
        (built.root / ".output.journal.json").write_text('{"state": "writing", "changed": []}')
    result = built.build(as_of)
    assert result.code == 0, result.text
    assert "nothing changed" not in result.out
    if change == "edit a version":
        assert "필수 항목들" in built.read("privacy/2015-02-15/index.html")
    elif change == "add a theme file":
        assert ">가기<" in built.read("privacy/index.html")
    elif change == "another day":
        assert built.read("feed.xml") != reference["feed.xml"].decode()
    else:
        assert built.tree() == reference
    assert not (built.root / ".output.tmp-4242").exists()
    assert not (built.root / ".output.journal.json").exists()


@NOTHING_TO_DO_FIRST
@pytest.mark.parametrize("change", ["add a file to the output", "add a file to a folder",
                                    "remove the manifest"])
def test_an_output_that_is_no_longer_ours_is_refused_as_before(built, change,
                                                                nothing_to_do_first):
    for _ in range(2 if nothing_to_do_first else 0):
        assert "nothing changed" in built.build(AS_OF).out
    if change == "add a file to the output":
        built.write("output/privacy/extra.html", "someone else's")
    elif change == "add a file to a folder":
        built.write("output/privacy/2016-03-01/changes/extra.html", "someone else's")
    else:
        (built.root / ".output.manifest.json").unlink()
    result = built.build(AS_OF)
    assert result.code == 2 and "which no earlier policy-site build wrote" in result.err


def test_a_copied_tree_with_its_record_is_built_again(built, tmp_path):
    """Copies get new inodes: a tree planted with a forged record is never trusted."""
    copy = SiteKit.__new__(SiteKit)
    copy.root = tmp_path / "copy"
    subprocess.run(["cp", "-a", str(built.root), str(copy.root)], check=True)
    page = copy.out / "privacy/index.html"
    stat = page.stat()
    page.write_bytes(b"x" * stat.st_size)
    os.utime(page, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert copy.build(AS_OF).code == 0
    assert copy.tree() == built.tree()


def test_no_cache_and_ledger_builds_always_build(built):
    (built.out / "privacy/index.html").write_text("defaced")
    os.utime(built.out / "privacy/index.html", ns=(0, 0))
    assert built.build(AS_OF, "--no-cache").code == 0
    assert "defaced" not in built.read("privacy/index.html")


def test_the_shortcut_loads_no_template_or_markdown_library(built):
    assert built.libraries_a_build_loads(AS_OF, "jinja2", "markdown_it", "sqlite3", "msgspec",
                                         "urllib.request", "subprocess", "yaml") == []


@pytest.mark.parametrize("cached", ["kept", "planted with other bytes' hash", "of another shape"])
def test_a_changed_site_yaml_speaks_its_new_language_at_once(built, monkeypatch, cached):
    """What site.yaml states (its language, its timezone) is kept by its bytes' hash for the
    next command: an edit of it, or a kept answer that is not for these bytes, is read anew."""
    monkeypatch.delenv("POLICY_SITE_MESSAGES")
    built.site_yaml(language="en")
    assert built.build(AS_OF).out.startswith("built ")
    [kept] = built.cache.glob("site-basics.json")
    if cached != "kept":
        kept.write_text(json.dumps({"sha256": "0" * 64, "language": "en", "timezone": "UTC"})
                        if cached.startswith("planted") else "[1, 2]")
    built.site_yaml(language="ko")
    assert "만들었습니다" in built.build(AS_OF).out
    assert "만들었습니다" in built.build(AS_OF).out  # the shortcut, in the same words


def test_a_removed_cache_folder_is_only_a_full_build(built):
    shutil.rmtree(built.cache)
    tree = built.tree()
    assert built.build(AS_OF).code == 0 and built.tree() == tree
    assert (built.cache / "last-build.json").exists()


@pytest.mark.parametrize("record", ['"inputs"', '{"inputs": "x", "out": 1}', "[]", "{", "null",
                                    "SHORT_INPUTS",
                                    '{"out": "%s", "today": "2026-11-28", "timezone": "Nowhere"}'])
def test_a_damaged_or_foreign_record_is_only_a_full_build(built, record):
    path = built.cache / "last-build.json"
    if record == "SHORT_INPUTS":  # a real record whose file entries lost their hashes
        real = json.loads(path.read_text())
        real["inputs"] = {k: v[:3] if isinstance(v, list) else v
                          for k, v in real["inputs"].items()}
        record = json.dumps(real)
    path.write_text(record.replace("%s", str(built.out.resolve())))
    (built.out / "privacy/index.html").write_text("defaced")
    result = built.build(AS_OF)
    assert result.code == 0, result.text
    assert "defaced" not in built.read("privacy/index.html")


def test_a_record_whose_warnings_are_not_ours_is_a_full_build(built):
    """Everything else matches: only the recorded warning is malformed."""
    path = built.cache / "last-build.json"
    record = json.loads(path.read_text())
    record["warnings"][0]["path"] = 7
    path.write_text(json.dumps(record))
    result = built.build(AS_OF)
    assert result.code == 0, result.text
    assert "nothing changed" not in result.out
    assert "policies/privacy/2026-12-01.md:2: warning: draft" in result.err


@pytest.mark.parametrize("template", ["{reason:>99999999}", "{reason.__class__}", "{0}"])
def test_a_recorded_warning_whose_template_is_not_ours_is_a_full_build(built, template):
    """A template may only name its values: a width would take memory to format (100 MB
    here), an attribute would reach into a value."""
    path = built.cache / "last-build.json"
    record = json.loads(path.read_text())
    record["warnings"][0]["message"] = {"template": template, "values": {"reason": "x"}}
    path.write_text(json.dumps(record))
    result = built.build(AS_OF)
    assert result.code == 0, result.text
    assert "nothing changed" not in result.out and len(result.err) < 10_000
    assert "policies/privacy/2026-12-01.md:2: warning: draft" in result.err


def test_a_rebuild_asks_git_nothing_of_the_manifest_its_record_vouches_for(built, monkeypatch):
    """Whether git tracks a state file (a pull request can add one with git add -f) is asked
    of bytes the build record does not vouch for: once for a planted manifest, never for the
    one the last build wrote, however many times the build reads it (a git process each)."""
    from site_builder.sources import git

    asked = []
    monkeypatch.setattr(git, "is_tracked", lambda path: asked.append(path.name) or False)
    path = built.root / "policies/privacy/2016-03-01.md"
    path.write_text(path.read_text().replace("아래의 목적", "아래 목적"))
    assert built.build(AS_OF).code == 0
    assert asked == []
    manifest = built.root / ".output.manifest.json"
    manifest.write_text(json.dumps(json.loads(manifest.read_text())))  # other bytes: planted?
    path.write_text(path.read_text().replace("아래 목적", "아래의 목적"))
    assert built.build(AS_OF).code == 0
    assert asked == [".output.manifest.json"]


def test_check_and_a_build_without_the_cache_keep_nothing_of_site_yaml(kit):
    kit.two_versions()
    assert kit.check(AS_OF).code == 0
    assert kit.build(AS_OF, "--no-cache").code == 0
    assert not list(kit.cache.glob("site-basics.json"))
    assert kit.build(AS_OF).code == 0
    assert list(kit.cache.glob("site-basics.json"))


def test_a_record_of_other_code_vouches_for_no_manifest(built):
    """A manifest another version of policy-site wrote may have another shape: a record left
    by that version does not spare it the check (a manifest lost, not a crash)."""
    manifest = built.out.parent / f".{built.out.name}.manifest.json"
    entries = json.loads(manifest.read_text())
    other_shape = json.dumps({name: entry[:3] for name, entry in entries.items()})
    manifest.write_text(other_shape)
    path = built.cache / "last-build.json"
    record = json.loads(path.read_text())
    record["manifest"] = hashlib.sha256(other_shape.encode()).hexdigest()
    record["inputs"]["code"] = "an older version"
    path.write_text(json.dumps(record))
    result = built.build(AS_OF)
    assert result.code == 2 and "which no earlier policy-site build wrote" in result.err
    shutil.rmtree(built.out)  # what the refusal says to do with a folder whose manifest is lost
    assert built.build(AS_OF).code == 0


def _edit_in_place_keeping_size_and_time(path) -> None:
    """What `cp -p`, rsync --inplace or an editor's restore of times can leave: other bytes,
    the same size, the same inode and modification time."""
    before = os.stat(path)
    data = path.read_bytes()
    edited = data.replace("아래의 목적".encode(), "위쪽 목적".encode().ljust(len("아래의 목적".encode())))
    assert edited != data and len(edited) == len(data)
    with open(path, "r+b") as file:
        file.write(edited)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = os.stat(path)
    assert (after.st_ino, after.st_size, after.st_mtime_ns) == (
        before.st_ino, before.st_size, before.st_mtime_ns)


def test_an_edit_that_keeps_size_and_modification_time_is_built(built, monkeypatch):
    """The record trusts a file's times only with its change time, which no one can set back."""
    from site_builder.base import file_times

    monkeypatch.setattr(file_times, "SETTLING_NS", -10**12)  # every file long settled
    built.build(AS_OF)
    assert built.build(AS_OF).out.rstrip().endswith("(nothing changed since the last build)")
    _edit_in_place_keeping_size_and_time(built.root / "policies/privacy/2016-03-01.md")
    result = built.build(AS_OF)
    assert result.code == 0 and "nothing changed" not in result.out, result.text
    assert "위쪽 목적" in built.read("privacy/index.html")


def test_a_file_changed_just_before_it_is_read_is_read_again_until_settled(built, monkeypatch):
    """Within one tick of a coarse file system clock, a second edit can keep even the change
    time: a file changed that recently is not trusted by its times."""
    from site_builder.base import file_times
    from site_builder.commands import build_record

    read_again = []
    hash_file = build_record._file_hash
    monkeypatch.setattr(build_record, "_file_hash",
                        lambda path: read_again.append(path) or hash_file(path))
    edited = str(built.root / "policies/privacy/2016-03-01.md")
    just_written = build_record.read_inputs(built.root)  # the sources were written just now
    read_again.clear()
    unsettled = build_record.read_inputs(built.root, just_written)
    assert edited in read_again
    monkeypatch.setattr(file_times, "SETTLING_NS", -10**12)  # long after
    read_again.clear()
    settled = build_record.read_inputs(built.root, unsettled)
    assert edited in read_again  # its times were not trusted: read once more
    read_again.clear()
    assert build_record.read_inputs(built.root, settled) == settled and read_again == []


def test_a_build_with_nothing_to_do_keeps_the_times_it_read_sources_at(built, monkeypatch):
    """Sources read again with the same contents (a checkout, files settled since the last
    build) are remembered with their new times: the next build does not read them again."""
    from site_builder.base import file_times
    from site_builder.commands import build_record

    monkeypatch.setattr(file_times, "SETTLING_NS", -10**12)
    for path in (built.root / "policies").rglob("*.md"):
        os.utime(path)  # new times, the same bytes
    assert built.build(AS_OF).out.rstrip().endswith("(nothing changed since the last build)")
    read_again = []
    hash_file = build_record._file_hash
    monkeypatch.setattr(build_record, "_file_hash",
                        lambda path: read_again.append(path) or hash_file(path))
    assert built.build(AS_OF).out.rstrip().endswith("(nothing changed since the last build)")
    assert read_again == []
