"""Cached, parallel and plain builds write identical trees, whatever changed in between."""

from __future__ import annotations

import hashlib
import shutil
import sys
from pathlib import Path

import pytest

from tests.sitekit import BODY, SiteKit

DAY = "2026-11-28"


def with_versions(kit: SiteKit, count: int) -> SiteKit:
    """A first version and ``count - 1`` announced changes, one a year from 2015."""
    kit.version("2015-01-01")
    for index in range(1, count):
        kit.version(f"{2015 + index}-01-01", announced=f"{2014 + index}-12-01",
                    summary=f"개정 {index}", body=BODY.replace("아이디", f"아이디 {index}"))
    return kit


@pytest.fixture
def site(kit) -> SiteKit:
    return with_versions(kit, 20)


def plain(kit: SiteKit, name: str) -> dict[str, bytes]:
    """A build with no cache, no workers and no previous output."""
    out = kit.root.parent / name
    shutil.rmtree(out, ignore_errors=True)
    result = kit.run("build", "--as-of", DAY, "--no-cache", "--jobs", "1", "--out", str(out))
    assert result.code == 0, result.err
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file()}


def cached(kit: SiteKit) -> dict[str, bytes]:
    result = kit.run("build", "--as-of", DAY, "--jobs", "2")
    assert result.code == 0, result.err
    return kit.tree()


def test_parallel_cached_and_plain_builds_are_identical(site):
    reference = plain(site, "plain")
    assert cached(site) == reference  # cold: parallel workers, cache written
    assert site.cache.is_dir()
    assert cached(site) == reference  # warm: nothing changed, nothing written


@pytest.mark.parametrize("change", ["body", "summary", "new version", "site title", "template",
                                    "strings", "delete cache", "delete output"])
def test_every_kind_of_change_gives_the_plain_result(site, change):
    cached(site)
    if change == "body":
        path = site.root / "policies/privacy/2020-01-01.md"
        path.write_text(path.read_text().replace("아이디 5", "아이디 다섯"))
    elif change == "summary":
        path = site.root / "policies/privacy/2020-01-01.md"
        path.write_text(path.read_text().replace("개정 5", "개정 다섯"))
    elif change == "new version":
        site.version("2026-01-01", announced="2025-12-01", summary="새 판", body=BODY + "\n추가\n")
    elif change == "site title":
        site.site_yaml(title="새 이름")
    elif change == "template":
        site.site_yaml(theme="house")
        site.write("themes/house/templates/changes.html", '{% extends "base.html" %}'
                   "{% block main %}<p>{{ version.summary }}</p>{% endblock %}")
    elif change == "strings":
        site.site_yaml(theme="house")
        site.write("themes/house/strings/ko.yaml", "feed: 새 소식\n")
    elif change == "delete cache":
        shutil.rmtree(site.cache)
    else:
        shutil.rmtree(site.out)
    assert cached(site) == plain(site, "plain")


@pytest.mark.parametrize("change", ["summary", "new version", "document title",
                                    "description", "site title", "the day"])
def test_a_change_to_one_document_gives_the_plain_feeds_of_every_document(kit, change):
    """Each document's feeds are cached on their own: what one document changes reaches its
    feeds and the site's, and the other document's stay right."""
    with_versions(kit, 4)
    kit.document("terms", title="이용약관")
    kit.version("2015-01-01", slug="terms")
    kit.version("2016-01-01", slug="terms", announced="2015-12-01", summary="약관 개정")
    day = DAY
    cached(kit)
    if change == "summary":
        path = kit.root / "policies/terms/2016-01-01.md"
        path.write_text(path.read_text().replace("약관 개정", "약관을 고칩니다"))
    elif change == "new version":
        kit.version("2027-01-01", slug="terms", announced="2026-11-20", summary="새 약관",
                    body=BODY + "\n추가\n")
    elif change == "document title":
        kit.document("terms", title="서비스 이용약관")
    elif change == "description":
        kit.document("terms", title="이용약관", extra="description: 서비스를 쓰는 조건\n")
    elif change == "site title":
        kit.site_yaml(title="새 이름")
    else:
        day = "2026-11-29"
    result = kit.run("build", "--as-of", day, "--jobs", "2")
    assert result.code == 0, result.err
    out = kit.root.parent / "plain"
    shutil.rmtree(out, ignore_errors=True)
    assert kit.run("build", "--as-of", day, "--no-cache", "--out", str(out)).code == 0
    feeds = [p.relative_to(out).as_posix() for p in out.rglob("feed*")]
    assert "terms/feed.xml" in feeds and "privacy/feed.json" in feeds and "feed.xml" in feeds
    assert {name: kit.read(name) for name in feeds} == {
        name: (out / name).read_text(encoding="utf-8") for name in feeds}
    assert kit.tree() == {p.relative_to(out).as_posix(): p.read_bytes()
                          for p in sorted(out.rglob("*")) if p.is_file()}


def test_an_edited_output_file_is_rewritten(site):
    reference = plain(site, "plain")
    cached(site)
    (site.out / "privacy/2016-01-01/index.html").write_text("tampered")
    assert cached(site) == reference


# A cache that arrives with the sources is untrusted (issue 17).

def cache_file(kit: SiteKit):
    [path] = kit.cache.glob("*.sqlite")
    return path


def test_a_planted_pickle_in_the_cache_never_runs(site, tmp_path):
    import pickle
    import sqlite3

    marker = tmp_path / "ran"

    class Exploit:
        def __reduce__(self):
            return (open, (str(marker), "w"))

    cached(site)
    reference = site.tree()
    with sqlite3.connect(cache_file(site)) as db:
        db.execute("UPDATE entry SET value = ?", (pickle.dumps(Exploit()),))
    shutil.rmtree(site.out)
    result = site.run("build", "--as-of", DAY, "--jobs", "1")
    assert result.code == 0, result.err
    assert not marker.exists()
    assert site.tree() == reference
    assert "damaged cache entries" in result.out


def test_entries_cut_in_half_are_misses_not_errors(site):
    import sqlite3

    cached(site)
    reference = site.tree()
    with sqlite3.connect(cache_file(site)) as db:
        db.execute("UPDATE entry SET value = substr(value, 1, length(value) / 2)")
    shutil.rmtree(site.out)
    for _ in range(2):
        result = site.run("build", "--as-of", DAY, "--jobs", "1")
        assert result.code == 0, result.err
        assert site.tree() == reference


def test_the_cache_key_covers_the_libraries_that_shape_output(monkeypatch, tmp_path):
    """Another markdown-it-py (any change to its code) is another cache; so is none at all."""
    import markdown_it

    from site_builder.cache import fingerprint

    before = fingerprint.code_fingerprint()
    copy = shutil.copytree(Path(markdown_it.__file__).parent, tmp_path / "markdown_it",
                           ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "markdown_it")  # a module loaded is found where it was
    fingerprint.code_fingerprint.cache_clear()  # computed once a process
    assert fingerprint.code_fingerprint() == before  # the same code, found elsewhere
    (copy / "renderer.py").write_text((copy / "renderer.py").read_text() + "\n# changed\n")
    fingerprint.code_fingerprint.cache_clear()
    changed = fingerprint.code_fingerprint()
    assert changed != before
    shutil.rmtree(copy)
    fingerprint.code_fingerprint.cache_clear()
    with monkeypatch.context() as patch:  # undo() would undo the test's own cache folder too
        patch.setattr(fingerprint, "find_spec", lambda name: None)
        absent = fingerprint.code_fingerprint()
    assert absent not in (before, changed)
    fingerprint.code_fingerprint.cache_clear()
    odd = type(sys)("markdown_it")  # loaded without a spec: find_spec raises ValueError
    monkeypatch.setitem(sys.modules, "markdown_it", odd)
    assert fingerprint.code_fingerprint() not in (before, changed, absent)
    fingerprint.code_fingerprint.cache_clear()


def _stored_keys(kit: SiteKit) -> set[str]:
    import sqlite3

    [path] = kit.cache.glob("*.sqlite")
    with sqlite3.connect(path) as db:
        return {key for (key,) in db.execute("SELECT key FROM entry")}


def test_the_cache_forgets_what_no_build_uses_once_it_is_many(site, monkeypatch):
    from site_builder.cache import store as cache

    monkeypatch.setattr(cache, "PRUNE_SLACK", 0)
    site.build()
    first = _stored_keys(site)
    for round_ in range(4):  # every version changes: each build leaves the last one's stale
        for path in (site.root / "policies/privacy").glob("*.md"):
            path.write_text(path.read_text() + f"\n추가 {round_}\n")
        site.build()
        assert len(_stored_keys(site)) <= 2 * len(first) + 2
    # Pruned, not kept forever; only pages that are still in the output as they were (the
    # home page, the archive) keep their entries, for a deploy into an empty folder.
    kept_pages = {key for key in first & _stored_keys(site) if key.startswith("page:")}
    assert len(kept_pages) <= 5
    assert not (first - kept_pages) & _stored_keys(site)


def test_a_deploy_with_the_cache_restored_renders_nothing_it_rendered_before(site, monkeypatch):
    """Every CI deploy: an empty output folder and the cache restored (issue 24). Pages and
    indexes come from the cache: no template and no Markdown renders, and the files are the
    ones a build from nothing makes."""
    reference = plain(site, "plain")
    cached(site)
    shutil.rmtree(site.out)

    def refuse(*args, **kwargs):
        raise AssertionError("rendered again")

    monkeypatch.setattr("site_builder.render.theme.Theme.render", refuse)
    monkeypatch.setattr("site_builder.text.markup.render_or_refuse", refuse)
    result = site.run("build", "--as-of", DAY, "--jobs", "1")
    assert result.code == 0, result.err
    assert site.tree() == reference


def test_a_deploy_from_the_cache_loads_no_template_or_markdown_library(site):
    """Their imports alone were 45 ms of a deploy, multiprocessing's 13-15 ms more; they load
    when something renders, and on many cores; urllib's (13 ms) when a URL is read."""
    cached(site)
    shutil.rmtree(site.out)
    assert site.libraries_a_build_loads(DAY, "jinja2", "markdown_it", "multiprocessing",
                                        "urllib.request") == []
    assert (site.out / "privacy/2016-01-01/index.html").exists()


# The file store (issue 24): pages and sources a build wrote are kept by their SHA-256 and
# hard-linked into a later build's output instead of being written again.

def _store(kit: SiteKit):
    return kit.cache / "files"


def _deploy(kit: SiteKit) -> dict[str, bytes]:
    """What every CI deploy does: the cache restored, the output folder empty."""
    shutil.rmtree(kit.out)
    return cached(kit)


def test_documents_with_the_same_texts_keep_their_own_notice_kits(site):
    """A notice kit names its document: recalled from the cache it must still be its own."""
    for slug in ("terms", "location"):
        site.version("2015-01-01", slug=slug)
        site.version("2016-01-01", slug=slug, announced="2015-12-01", summary="개정",
                     body=BODY.replace("아이디", "계정"))
    reference = plain(site, "plain")
    cached(site)
    assert _deploy(site) == reference
    assert '"slug": "terms"' in site.read("terms/2016-01-01/notice/notice.json")


def test_a_deploy_links_the_pages_and_sources_it_wrote_before(site):
    import hashlib
    import os

    reference = plain(site, "plain")
    cached(site)
    assert _deploy(site) == reference
    for page in ("privacy/2016-01-01/index.html", "privacy/2016-01-01/changes/index.html",
                 "privacy/2016-01-01/source.md", "privacy/2016-01-01/notice/notice.json"):
        stored = _store(site) / hashlib.sha256(reference[page]).hexdigest()
        assert os.stat(site.out / page).st_ino == os.stat(stored).st_ino, page


def test_a_page_edited_in_place_is_never_linked_again(site):
    """Output and store share the file: an edit through the output (an append, rsync
    --inplace) edits the stored copy, whose bytes then no longer match its name."""
    reference = plain(site, "plain")
    cached(site)
    with open(site.out / "privacy/2016-01-01/index.html", "r+b") as page:
        page.write(b"<!-- tampered -->")
    with open(site.out / "privacy/2016-01-01/source.md", "ab") as source:
        source.write(b"tampered")
    assert cached(site) == reference  # the same output folder
    with open(site.out / "privacy/2017-01-01/index.html", "r+b") as page:
        page.write(b"<!-- tampered -->")
    assert _deploy(site) == reference  # an empty one


def test_planted_files_in_the_store_are_never_followed_or_used(site, tmp_path):
    import hashlib
    import os

    reference = plain(site, "plain")
    cached(site)
    outside = tmp_path / "outside.html"
    outside.write_bytes(reference["privacy/2016-01-01/index.html"])  # the right bytes, even
    planted = {
        "privacy/2016-01-01/index.html": lambda path: path.symlink_to(outside),
        "privacy/2017-01-01/index.html": lambda path: os.mkfifo(path),
        "privacy/2018-01-01/index.html": lambda path: path.write_bytes(b"<p>planted</p>"),
        "privacy/2019-01-01/source.md": lambda path: path.mkdir(),
    }
    for page, plant in planted.items():
        path = _store(site) / hashlib.sha256(reference[page]).hexdigest()
        path.unlink()
        plant(path)
    assert _deploy(site) == reference
    assert not any(p.is_symlink() for p in site.out.rglob("*"))
    assert outside.read_bytes() == reference["privacy/2016-01-01/index.html"]
    assert _deploy(site) == reference  # replaced by the pages written: linked this time
    page = site.out / "privacy/2018-01-01/index.html"
    assert os.stat(page).st_nlink == 2


def _checks_here(monkeypatch) -> list[str]:
    """The stored files this process checks itself (not a process it forked)."""
    import os

    from site_builder.cache.files import FileStore

    here, check, seen = os.getpid(), FileStore._check, []

    def counted(store, sha256):
        if os.getpid() == here:
            seen.append(sha256)
        return check(store, sha256)

    monkeypatch.setattr(FileStore, "_check", counted)
    return seen


def test_a_deploy_on_two_cores_checks_the_stored_files_in_another_process(site, monkeypatch):
    """Reading and hashing every stored file was a sixth of a deploy, with one core idle:
    it runs there while this process validates the sources."""
    reference = plain(site, "plain")
    cached(site)
    shutil.rmtree(site.out)
    here = _checks_here(monkeypatch)
    assert cached(site) == reference
    assert here == []
    shutil.rmtree(site.out)
    assert site.run("build", "--as-of", DAY, "--jobs", "1").code == 0
    assert len(here) > 40  # one process: every page and source checked here, as before


def test_a_deploy_whose_checking_process_dies_checks_here_and_links_the_same(site, monkeypatch):
    import hashlib
    import os

    from site_builder.cache.files import FileStore

    reference = plain(site, "plain")
    cached(site)
    monkeypatch.setattr(FileStore, "_marks", lambda store, names: os._exit(9))
    here = _checks_here(monkeypatch)
    assert _deploy(site) == reference
    assert len(here) > 40
    page = "privacy/2016-01-01/index.html"
    stored = _store(site) / hashlib.sha256(reference[page]).hexdigest()
    assert os.stat(site.out / page).st_ino == os.stat(stored).st_ino


def test_a_deploy_never_waits_for_its_checking_process(site, monkeypatch):
    """What the other process has not checked when the pages are looked up is checked here:
    a slow or stuck one costs no more than checking them all here."""
    import time

    from site_builder.cache.files import FileStore

    def stuck(store, names):
        time.sleep(60)
        yield b""

    reference = plain(site, "plain")
    cached(site)
    monkeypatch.setattr(FileStore, "_marks", stuck)
    started = time.monotonic()
    assert _deploy(site) == reference
    assert time.monotonic() - started < 30


def test_files_no_entry_names_are_pruned_after_the_deploy_that_found_them(site):
    """Kept for no page (a cache from another site, planted, left by an old layout), each one
    would be read again by every deploy's check."""
    import os
    import secrets

    reference = plain(site, "plain")
    cached(site)
    for _ in range(3000):
        (_store(site) / secrets.token_hex(32)).write_bytes(b"not a page")
    assert _deploy(site) == reference
    left = os.listdir(_store(site))
    assert len(left) < 200, len(left)
    assert _deploy(site) == reference
    page = "privacy/2016-01-01/index.html"
    assert os.stat(site.out / page).st_nlink == 2  # still linked from the store


def test_a_deploy_that_fails_leaves_no_process_behind(site):
    import os

    def children() -> set[str]:
        return set(open(f"/proc/{os.getpid()}/task/{os.getpid()}/children").read().split())

    cached(site)
    before = children()
    site.version("2030-01-01", announced="2029-12-01", summary="개정",
                 body=BODY + "\n\n[작성 필요]\n")
    shutil.rmtree(site.out)
    result = site.run("build", "--as-of", "2030-01-01", "--jobs", "2")
    assert result.code == 1, result.err
    assert children() == before


def test_where_the_store_cannot_link_the_build_copies(site, monkeypatch):
    """Cache and output on different file systems: link() fails with EXDEV."""
    import errno
    import os

    reference = plain(site, "plain")
    link = os.link

    def other_file_system(source, target, *args, **kwargs):
        if str(_store(site)) in (str(source) + str(target)):
            raise OSError(errno.EXDEV, "Invalid cross-device link")
        return link(source, target, *args, **kwargs)

    monkeypatch.setattr(os, "link", other_file_system)
    cached(site)
    assert _deploy(site) == reference
    assert all(os.stat(p).st_nlink == 1 for p in site.out.rglob("*") if p.is_file())


def test_the_store_forgets_files_no_build_uses_and_no_output_holds(site, monkeypatch, tmp_path):
    import hashlib

    from site_builder.cache import store as cache

    monkeypatch.setattr(cache, "PRUNE_SLACK", 0)
    site.build()
    first = {p.name for p in _store(site).iterdir()}
    outside = tmp_path / "outside"
    outside.write_text("not the cache's")
    (_store(site) / ("0" * 64)).symlink_to(outside)
    (_store(site) / "README").write_text("not a stored file's name")
    for round_ in range(3):
        for path in (site.root / "policies/privacy").glob("*.md"):
            path.write_text(path.read_text() + f"\n추가 {round_}\n")
        site.build()
    names = {p.name for p in _store(site).iterdir()}
    assert len(names) <= 2 * len(first) + 2
    assert outside.read_text() == "not the cache's"
    assert "README" in names and "0" * 64 not in names
    path = site.root / "policies/privacy/2020-01-01.md"
    path.write_text(path.read_text() + "\n한 판만 고침\n")
    assert site.build().code == 0 and site.tree() == plain(site, "plain")
    # The unchanged pages were linked from the previous output, not from the store: the
    # store keeps them still, for the next deploy into an empty folder.
    names = {p.name for p in _store(site).iterdir()}
    assert {hashlib.sha256(data).hexdigest() for data in site.tree().values()} <= names


def test_pages_rendered_by_workers_forked_once_reach_the_cache(site, monkeypatch):
    """Batches of pages go to two processes forked once (issue 24, item 1); what they render
    comes back into the cache, so the next deploy renders nothing."""
    from site_builder.cache import workers

    for slug in ("terms", "location", "youth"):  # a batch holds whole documents
        site.version("2015-01-01", slug=slug)
        site.version("2016-01-01", slug=slug, announced="2015-12-01", summary="개정",
                     body=BODY.replace("아이디", "계정"))
    reference = plain(site, "plain")
    monkeypatch.setattr("site_builder.render.batches.BATCH_JOBS", 10)
    forks = []
    pool = workers._pool
    monkeypatch.setattr(workers, "_pool", lambda count: forks.append(count) or pool(count))
    assert cached(site) == reference
    assert forks  # the batches did go to workers
    shutil.rmtree(site.out)

    def refuse(*args, **kwargs):
        raise AssertionError("rendered again")

    monkeypatch.setattr("site_builder.render.theme.Theme.render", refuse)
    monkeypatch.setattr("site_builder.text.markup.render_or_refuse", refuse)
    assert cached(site) == reference


def test_a_small_build_keeps_the_cached_pages_a_later_deploy_needs(site, monkeypatch):
    """The pages a small build links from its previous output are not read from the cache,
    but a deploy into an empty folder will want them: pruning must spare them."""
    from site_builder.cache import store as cache

    monkeypatch.setattr(cache, "PRUNE_SLACK", 0)
    cached(site)
    for year in range(2016, 2026):  # small builds, each leaving a few stale entries
        path = site.root / f"policies/privacy/{year}-01-01.md"
        path.write_text(path.read_text() + f"\n{year}년에 고침\n")
        cached(site)
    reference = plain(site, "plain")

    def refuse(*args, **kwargs):
        raise AssertionError("rendered again")

    monkeypatch.setattr("site_builder.render.theme.Theme.render", refuse)
    monkeypatch.setattr("site_builder.text.markup.render_or_refuse", refuse)
    assert _deploy(site) == reference


def test_an_edit_undone_leaves_nothing_beside_the_pages_and_the_next_build_has_nothing_to_do(site):
    """Undone, the edit's pages come back from the cache's store as the very files the output
    links already; the update in place must still leave no '.policy-site-new' behind."""
    cached(site)
    path = site.root / "policies/privacy/2020-01-01.md"
    original = path.read_text()
    path.write_text(original + "\n잠시 고침\n")
    cached(site)
    path.write_text(original)
    assert cached(site) == plain(site, "plain")
    assert not [p for p in site.out.rglob("*") if p.name.endswith(".policy-site-new")]
    again = site.run("build", "--as-of", DAY, "--jobs", "2")
    assert again.out.rstrip().endswith("(nothing changed since the last build)"), again.text


@pytest.mark.parametrize("planted", ["link", "file"])
def test_a_store_planted_as_a_link_or_a_file_is_no_store(site, tmp_path, planted):
    """The store's own folder replaced by a link to another folder: the build must neither
    link files into that folder nor prune what it holds."""
    reference = plain(site, "plain")
    cached(site)
    shutil.rmtree(_store(site))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    foreign = elsewhere / ("a" * 64)
    foreign.write_text("someone else's")
    if planted == "link":
        _store(site).symlink_to(elsewhere)
    else:
        _store(site).write_text("not a folder")
    assert _deploy(site) == reference
    assert [p.name for p in elsewhere.iterdir()] == ["a" * 64]
    assert foreign.read_text() == "someone else's"


def test_the_sources_of_every_document_are_parsed_together_on_every_core(kit, monkeypatch):
    """The loader lists every document folder, then parses the site's version files in one
    share-out to the workers (issue 24: it parsed them one document at a time, in this
    process). Each document still gets its own files and problems: the same report as one
    process makes, and a folder whose only file is broken is not also "without versions"."""
    from site_builder.cache import workers

    for slug in ("privacy", "terms", "youth"):
        kit.version("2015-01-01", slug=slug)
        for index in range(1, 14):
            kit.version(f"{2015 + index}-01-01", slug=slug, announced=f"{2014 + index}-12-01",
                        summary=f"개정 {index}", body=BODY.replace("아이디", f"{slug} {index}"))
    kit.site_yaml("languages: [ko, en]\n")
    kit.version("2030-01-01", slug="terms", raw_front="---\neffective: 2030-01-02\n---\n")
    kit.version("2015-01-01", slug="broken", raw_front="---\nannounced: [\n---\n")
    kit.write("policies/broken/2015-01-01.en.md", "---\ntitle: Broken\n---\nText\n")
    kit.write("policies/youth/2040-01-01.en.md", "---\ntitle: Youth\n---\nText\n")
    kit.write("policies/empty/document.yaml", "title: 빈 문서\n")
    alone = kit.run("build", "--as-of", DAY, "--no-cache", "--jobs", "1")
    forks = []
    pool = workers._pool
    monkeypatch.setattr(workers, "_pool", lambda count: forks.append(count) or pool(count))
    together = kit.run("build", "--as-of", DAY, "--no-cache", "--jobs", "2")
    assert forks == [2]  # refused before rendering: the one share-out is the parse
    assert together.code == alone.code == 1 and together.err == alone.err
    assert "terms/2030-01-01.md:2" in together.err and "broken/2015-01-01.md:2" in together.err
    assert together.err.count("policies/empty: ") == 1  # "no versions"
    no_original = [line for line in together.err.splitlines() if "no original" in line]
    assert no_original == [line for line in no_original if "youth/2040-01-01.en.md" in line] != []
    assert "policies/broken: error" not in together.err  # its one file's error is the one


def test_the_sources_are_read_a_bounded_number_of_bytes_at_a_time(site, monkeypatch):
    """Files at the 16 MB limit must not be held a thousand at a time: the loader parses what
    it holds once it passes READ_BYTES, and the result is the same."""
    from site_builder.cache.memo import SOURCE, Memo
    from site_builder.sources import version_files

    reference = plain(site, "plain")
    monkeypatch.setattr(version_files, "READ_BYTES", 3 * len(BODY.encode()))
    held = []
    get_many = Memo.get_many
    monkeypatch.setattr(Memo, "get_many", lambda self, kind, jobs, *args, **kwargs: (
        held.append(len(jobs)) if kind == SOURCE else None) or get_many(self, kind, jobs,
                                                                       *args, **kwargs))
    assert plain(site, "bounded") == reference
    # Every file is larger than BODY: the third passes the bound, and the three are parsed.
    assert sum(held) == 20 and max(held) == 3


@pytest.mark.parametrize("endings", ["\n", "\r\n", "\r", "BOM and \r\n"])
def test_a_cached_parse_gives_the_body_the_file_holds_whatever_its_line_endings(kit, endings):
    """The cache keeps a parse without its body (the file's bytes are at hand): it is cut
    from them again, as the parse cut it, for Windows and old Mac line endings and a BOM."""
    newline = endings.removeprefix("BOM and ")
    with_versions(kit, 3)
    for path in (kit.root / "policies/privacy").glob("*.md"):
        text = path.read_text(encoding="utf-8").replace("\n", newline)
        path.write_bytes(("\ufeff" if endings.startswith("BOM") else "").encode()
                         + text.encode("utf-8"))
    assert cached(kit) == plain(kit, "plain")  # the parses cached
    kit.site_yaml(title="새 이름")  # every page made again, from the parses the cache holds
    assert cached(kit) == plain(kit, "plain")
    assert "아이디 2" in kit.read("privacy/2017-01-01/index.html")


@pytest.mark.parametrize("first_line", [0, 1, 2, 4, 999])
def test_a_cached_parse_whose_lines_do_not_fit_the_file_is_parsed_again(site, first_line):
    """Where the cache says the body starts decides which text is cut from the file: an entry
    whose line is not the one after the front matter (damaged, planted) is no parse."""
    import dataclasses
    import sqlite3

    from site_builder.base.digest import digest
    from site_builder.cache import codec
    from site_builder.cache.memo import SOURCE
    from site_builder.sources.loader import load_site

    cached(site)
    rel = "policies/privacy/2020-01-01.md"
    [document] = load_site(site.root).site.documents
    [version] = [v for v in document.versions if v.path == rel]
    planted = dataclasses.replace(version, body_first_line=first_line)
    key = f"{SOURCE}:{digest(rel, hashlib.sha256((site.root / rel).read_bytes()).hexdigest())}"
    with sqlite3.connect(cache_file(site)) as db:
        db.execute("INSERT OR REPLACE INTO entry VALUES (?, ?)",
                   (key, codec.encode(SOURCE, (planted, []))))
    site.site_yaml(title="새 이름")
    assert cached(site) == plain(site, "plain")


def three_documents(kit: SiteKit, versions: int = 4) -> SiteKit:
    """Three documents of ``versions`` versions each, one a year from 2015."""
    for slug in ("privacy", "terms", "location"):
        kit.document(slug, title=f"{slug} 정책")
        for index, year in enumerate(range(2015, 2015 + versions)):
            kit.version(f"{year}-01-01", slug=slug, **({} if index == 0 else {
                "announced": f"{year - 1}-12-01", "summary": f"개정 {index}"}),
                body=BODY.replace("아이디", f"아이디 {slug} {index}"))
    return kit


def test_a_rebuild_reads_again_only_the_texts_it_needs(kit):
    """Parses come from the cache without their bodies: a build after one version changed
    reads again and decodes the texts the pages it makes again need, not the other
    documents'."""
    from site_builder.sources import sourcefile, version_files

    three_documents(kit, 6)
    reference = plain(kit, "plain")
    assert cached(kit) == reference
    decoded = []
    read_body = sourcefile.read_body
    kit.version("2020-01-01", slug="terms", announced="2019-12-01", summary="개정 5",
                body=BODY.replace("아이디", "아이디 terms 5, 이름"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(version_files, "read_body", lambda path, rel, *rest: decoded.append(
            rel) or read_body(path, rel, *rest))
        result = kit.run("build", "--as-of", DAY, "--jobs", "1")
    assert result.code == 0, result.err
    assert decoded and all(rel.startswith("policies/terms/") for rel in decoded), decoded
    assert "이름" in kit.read("terms/index.html")
    assert kit.tree() == plain(kit, "after")


@pytest.mark.parametrize("settled", [True, False])
def test_a_rebuild_reads_only_the_version_files_that_changed(kit, monkeypatch, settled):
    """The build record has just hashed every file (the changed ones read, the others known
    by their inode, size and times, once they have settled): the loader takes the cache's
    parse of those bytes without reading the file a second time."""
    from site_builder.base import file_times
    from site_builder.sources import version_files

    if settled:
        monkeypatch.setattr(file_times, "SETTLING_NS", -10**12)
    three_documents(kit)
    assert cached(kit) == plain(kit, "plain")
    kit.version("2018-01-01", slug="terms", announced="2017-12-01", summary="개정 3",
                body=BODY.replace("아이디", "아이디 terms 3, 이름"))
    read, read_bytes = [], version_files.read_bytes
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(version_files, "read_bytes", lambda path, rel: read.append(rel) or
                      read_bytes(path, rel))
        assert kit.run("build", "--as-of", DAY, "--jobs", "1").code == 0
    assert read == ["policies/terms/2018-01-01.md"]
    assert "이름" in kit.read("terms/index.html")
    assert kit.tree() == plain(kit, "after")


def test_a_file_saved_after_the_build_hashed_it_is_built_as_hashed_then_anew(kit):
    """A save after the build record hashed the files (and before the loader would have read
    them): this build is of one of the two texts, in its pages, source.md and ledger alike,
    and the record it leaves names the bytes it hashed, so the next build publishes the
    saved text."""
    import json

    from site_builder.commands import build_record

    three_documents(kit)
    assert cached(kit) == plain(kit, "plain")
    saved = kit.root / "policies/location/2016-01-01.md"
    hashed = saved.read_bytes()
    read_inputs = build_record.read_inputs

    def saving_after(*args):
        inputs = read_inputs(*args)
        saved.write_bytes(hashed.replace("아이디".encode(), "아이디, 주소".encode()))
        return inputs

    kit.version("2018-01-01", slug="terms", announced="2017-12-01", summary="개정 3",
                body=BODY.replace("아이디", "아이디 terms 3, 이름"))  # something to build
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(build_record, "read_inputs", saving_after)
        assert kit.run("build", "--as-of", DAY, "--jobs", "1").code == 0
    shown = "주소" in kit.read("location/2016-01-01/index.html")
    published = (kit.out / "location/2016-01-01/source.md").read_bytes()
    assert published == (saved.read_bytes() if shown else hashed)
    assert hashlib.sha256(published).hexdigest() in kit.read("ledger.json")
    result = kit.run("build", "--as-of", DAY, "--jobs", "1")
    assert result.code == 0, result.err
    assert "주소" in kit.read("location/2016-01-01/index.html")
    assert "주소" in (kit.out / "location/2016-01-01/source.md").read_text(encoding="utf-8")
    ledger = json.loads(kit.read("ledger.json"))
    assert hashlib.sha256(saved.read_bytes()).hexdigest() in json.dumps(ledger)


def test_a_record_that_claims_other_bytes_for_the_files_changes_nothing(kit, monkeypatch):
    """A build record is trusted for a file's hash while the file keeps its inode, size and
    times; one planted with other hashes (or no hash a parse has) finds no parse in the cache,
    and the files are read as they are."""
    import json

    from site_builder.base import file_times

    monkeypatch.setattr(file_times, "SETTLING_NS", -10**12)  # every file long settled
    three_documents(kit)
    assert cached(kit) == plain(kit, "plain")
    path = kit.cache / "last-build.json"
    record = json.loads(path.read_text())
    for name, value in record["inputs"].items():
        if name.endswith(".md") and isinstance(value, list):
            value[-1] = "0" * 64 if "privacy" in name else ["not", "a", "hash"]
    path.write_text(json.dumps(record))
    kit.site_yaml(title="새 이름")  # every page made again
    assert cached(kit) == plain(kit, "plain")
    assert "아이디 terms 3" in kit.read("terms/2018-01-01/index.html")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_parse_planted_for_bytes_that_are_not_utf8_is_refused_as_the_file_is(site, jobs):
    """A cache entry can claim a parse for any bytes; its body is decoded only when read, and
    bytes that are not UTF-8 then fail as a parse of them fails: the file and its line, and
    advice that works (in a render process too)."""
    import dataclasses
    import sqlite3

    from site_builder.base.digest import digest
    from site_builder.cache import codec
    from site_builder.cache.memo import SOURCE
    from site_builder.sources.loader import load_site

    cached(site)
    rel = "policies/privacy/2020-01-01.md"
    [document] = load_site(site.root).site.documents
    [version] = [v for v in document.versions if v.path == rel]
    path = site.root / rel
    good = path.read_bytes()
    broken = good.replace("아이디 5".encode(), b"\xff\xfe 5")
    path.write_bytes(broken)
    with sqlite3.connect(cache_file(site)) as db:
        db.execute("INSERT OR REPLACE INTO entry VALUES (?, ?)",
                   (f"{SOURCE}:{digest(rel, hashlib.sha256(broken).hexdigest())}",
                    codec.encode(SOURCE, (dataclasses.replace(
                        version, sha256=hashlib.sha256(broken).hexdigest()), []))))
    site.site_yaml(title="새 이름")  # every page made again: every body read
    result = site.run("build", "--as-of", DAY, "--jobs", jobs)
    line = broken[:broken.index(b"\xff")].count(b"\n") + 1
    assert result.code == 1, result.text
    assert (f"{rel}:{line}: error: not valid UTF-8 (byte 0xff); save the file as UTF-8"
            in result.err), result.err
    path.write_bytes(good)  # saved as UTF-8
    assert cached(site) == plain(site, "plain")
