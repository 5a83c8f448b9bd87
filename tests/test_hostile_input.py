"""What a pull request can plant must not delete, rewrite, leak or hang (issue 22).

Each test reproduces one observed failure: a forged journal, a forged cache, quotes in the
sitemap, file names with line breaks and replace refs in git, devices and FIFOs, huge sources,
themes that loop or allocate, huge tables, a server that drips, deeply nested JSON, a serve
that prints tracebacks, escape sequences in commit subjects, and the messages that misled.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import xml.dom.minidom

import pytest

from site_builder.base.untrusted import TooLarge, read_regular
from site_builder.cli import main
from tests.gitkit import GitSite
from tests.sitekit import BODY, SiteKit

AS_OF = "2026-11-28"


@pytest.fixture
def built(kit) -> SiteKit:
    kit.two_versions()
    assert kit.build(AS_OF).code == 0
    return kit


# 1. A forged journal beside the output deleted and replaced files anywhere.

@pytest.mark.parametrize("state", ["commit", "writing"])
def test_a_forged_journal_deletes_and_replaces_nothing(built, tmp_path, state):
    victim = tmp_path / "victim"
    victim.write_text("someone's file")
    source = built.root / "policies/privacy/2016-03-01.md"
    settings = built.root / "policies/site.yaml"
    (built.root / "policies/site.yaml.policy-site-new").write_text("title: hacked\n")
    journal = {"state": state, "changed": ["../policies/site.yaml"],
               "removed": [str(victim), "../policies/privacy/2016-03-01.md"], "manifest": {}}
    (built.root / ".output.journal.json").write_text(json.dumps(journal))
    before = settings.read_text()
    result = built.build(AS_OF)
    assert result.code == 0, result.text
    assert victim.read_text() == "someone's file" and source.exists()
    assert settings.read_text() == before
    assert ".output.journal.json: warning:" in result.err
    assert "names a file outside the output folder" in result.err


def test_a_journal_through_a_linked_folder_is_not_followed(built, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "precious").write_text("keep me")
    (built.out / "privacy" / "linked").symlink_to(elsewhere)
    (built.root / ".output.journal.json").write_text(json.dumps(
        {"state": "commit", "changed": [], "removed": ["privacy/linked/precious"],
         "manifest": {}}))
    built.build(AS_OF)
    assert (elsewhere / "precious").read_text() == "keep me"


def test_a_state_file_git_tracks_is_ignored_with_one_warning(tmp_path):
    repo = GitSite(tmp_path / "site")
    repo.two_versions()
    repo.write(".output.manifest.json", json.dumps({"privacy/index.html": ["k", 1, 2, 3]}))
    repo.git("add", "-f", ".output.manifest.json")
    repo.commit("2016-02-15", "plant a manifest")
    result = repo.build(AS_OF)
    assert result.code == 0, result.text
    assert result.err.count(".output.manifest.json: warning: is tracked by git") == 1
    assert "git rm --cached .output.manifest.json" in result.err


def test_a_manifest_that_names_a_planted_link_links_nothing_in(built):
    """A kept file must be the regular file the last build wrote, never a link put in its
    place (its target would be published)."""
    page = built.out / "privacy/index.html"
    secret = built.root / "secret.txt"
    secret.write_text("password")
    manifest_path = built.root / ".output.manifest.json"
    manifest = json.loads(manifest_path.read_text())
    page.unlink()
    page.symlink_to(secret)
    status = os.stat(secret)
    manifest["privacy/index.html"][1:] = [status.st_ino, status.st_size, status.st_mtime_ns]
    manifest_path.write_text(json.dumps(manifest))
    built.build(AS_OF, "--jobs", "1")
    assert not (built.out / "privacy/index.html").is_symlink()
    assert "password" not in built.read("privacy/index.html")


# 2. A forged cache changed published text: the cache is no longer in the repository.

def test_a_cache_planted_in_the_repository_changes_no_output(built):
    reference = built.tree()
    planted = built.root / ".cache/policy-site"
    planted.mkdir(parents=True)
    for database in built.cache.glob("*.sqlite"):
        copy = planted / database.name
        copy.write_bytes(database.read_bytes())
        with sqlite3.connect(copy) as db:
            for key, value in db.execute("SELECT key, value FROM entry WHERE key LIKE 'body:%'"):
                forged = value.replace(b"\\uc81c", b"<script>alert(1)</script>")
                db.execute("UPDATE entry SET value = ? WHERE key = ?", (forged, key))
    shutil.rmtree(built.out)
    assert built.build(AS_OF).code == 0
    assert built.tree() == reference
    assert built.cache.is_dir() and not str(built.cache).startswith(str(built.root))


# 3. Quotes in base_url made the sitemap not well-formed.

def test_a_base_url_that_would_break_markup_is_refused_at_its_line(kit):
    kit.site_yaml(base_url="'https://x.example/\"><script>'")
    kit.two_versions()
    result = kit.check(AS_OF)
    assert result.code == 1 and 'policies/site.yaml:2: error: base_url' in result.out
    assert "contains \"" in result.out


def test_the_sitemap_stays_well_formed_with_any_allowed_address(kit):
    kit.site_yaml(base_url="\"https://x.example/a&b'c/\"")
    kit.two_versions()
    assert kit.build(AS_OF).code == 0
    document = xml.dom.minidom.parse(str(kit.out / "sitemap.xml"))
    locations = [n.firstChild.data for n in document.getElementsByTagName("loc")]
    assert "https://x.example/a&b'c/privacy/" in locations


# 4, 5, 14. git: names with line breaks, replace refs, escape sequences in subjects.

@pytest.mark.parametrize("name", [".a.md\nREADME.md", 'we"ird\nname.md'])
def test_a_file_name_with_a_line_break_shifts_no_blob(repo, name):
    repo.version("2016-03-01", announced="2016-02-15", summary="s",
                 body=BODY.replace("다음의", "아래의"))
    repo.commit("2016-02-15", "announce")
    (repo.root / "policies/privacy" / name).write_text("x")
    result = repo.check_git()
    assert "changed" not in result.out and "git hash-object" not in result.text, result.text
    assert result.code in (0, 1) and "Traceback" not in result.text


def test_a_replace_ref_cannot_back_date_a_notice(repo):
    repo.version("2016-03-01", announced="2016-02-15", summary="s",
                 body=BODY.replace("다음의", "아래의"))
    repo.commit("2016-02-25", "a late notice")
    assert repo.check_git().code == 1
    late = repo.git("rev-parse", "HEAD").strip()
    tree = repo.git("rev-parse", "HEAD^{tree}").strip()
    parent = repo.git("rev-parse", "HEAD^").strip()
    forged = subprocess.run(["git", "-C", str(repo.root), "commit-tree", tree, "-p", parent,
                             "-m", "forged"], capture_output=True, text=True, check=True,
                            env={**os.environ, "GIT_AUTHOR_NAME": "x", "GIT_AUTHOR_EMAIL": "x@x",
                                 "GIT_COMMITTER_NAME": "x", "GIT_COMMITTER_EMAIL": "x@x",
                                 "GIT_COMMITTER_DATE": "2016-02-10T10:00:00+09:00",
                                 "GIT_AUTHOR_DATE": "2016-02-10T10:00:00+09:00"}).stdout.strip()
    repo.git("replace", late, forged)
    assert repo.git("log", "-1", "--format=%s") == "forged\n"  # git itself is fooled
    result = repo.check_git()
    assert result.code == 1 and "2016-02-25" in result.out


def test_commit_subjects_reach_the_terminal_without_escape_sequences(repo):
    repo.version("2016-03-01", announced="2016-02-15", summary="s",
                 body=BODY.replace("다음의", "아래의"))
    repo.commit("2016-02-25", "late\x1b]0;pwned\x07 notice")
    result = repo.check_git()
    assert result.code == 1 and "\x1b" not in result.out and "\x07" not in result.out
    assert "late\\x1b]0;pwned\\x07 notice" in result.out


def test_a_document_folder_that_is_a_submodule_is_named_as_one(tmp_path):
    inner = GitSite(tmp_path / "inner")  # a repository whose top is a document folder
    inner.write("document.yaml", "title: 개인정보처리방침\n")
    inner.write("2015-02-15.md", "---\neffective: 2015-02-15\n---\n\n" + BODY)
    (inner.root / "policies/site.yaml").unlink()
    inner.commit("2016-02-10", "inner")
    outer = GitSite(tmp_path / "outer")
    outer.git("-c", "protocol.file.allow=always", "submodule", "add", "-q", str(inner.root),
              "policies/privacy")
    outer.commit("2016-02-15", "submodule")
    result = outer.check_git()
    assert result.code == 2 and "is a git submodule" in result.err, result.text
    assert "uncommitted" not in result.text


# 6, 7, 8. Devices, FIFOs and huge files are refused with their path, at once.

@pytest.mark.parametrize("where", ["policies/privacy/2016-03-01.md", "policies/.hidden",
                                   "themes/house/static/x.css", "policies/privacy/document.yaml"])
@pytest.mark.parametrize("target", ["/dev/zero", "/dev/urandom"])
def test_a_link_to_a_device_ends_at_once(kit, where, target):
    kit.two_versions()
    kit.site_yaml(theme="house")
    (kit.root / "themes/house/static").mkdir(parents=True)
    path = kit.root / where
    if path.exists():
        path.unlink()
    path.symlink_to(target)
    started = time.monotonic()
    for result in (kit.check(AS_OF), kit.build(AS_OF)):
        assert result.code in (0, 1), result.text
        assert "Traceback" not in result.text and "internal error" not in result.text
    assert time.monotonic() - started < 20
    if not where.startswith("policies/."):  # the link itself is refused, before any read
        assert f"{where}: error: links" in kit.build(AS_OF).text


def test_a_file_longer_than_its_stated_size_is_read_to_the_end_never_past_the_limit():
    # procfs says 0 bytes for a file that holds more: what a file that grew after its stat
    # looks like to the reader (it asks for the stated size, then reads on to the limit).
    status = "/proc/self/status"
    assert os.stat(status).st_size == 0
    assert read_regular(status, 1 << 20).startswith(b"Name:")
    with pytest.raises(TooLarge):
        read_regular(status, 10)


@pytest.mark.parametrize("where", ["policies/privacy/2016-03-01.md", "policies/privacy/.swap",
                                   "themes/house/templates/index.html", "policies/site.yaml"])
def test_a_fifo_never_blocks_build_or_check(kit, where):
    kit.two_versions()
    kit.site_yaml(theme="house")
    path = kit.root / where
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        path.unlink()
    os.mkfifo(path)
    script = ("import sys; from site_builder.cli import main; "
              "sys.exit(main(sys.argv[1:]))")
    for command in ("check", "build"):
        done = subprocess.run([sys.executable, "-c", script, command, "--as-of", AS_OF,
                               "--root", str(kit.root)], capture_output=True, text=True,
                              timeout=60, env={**os.environ, "POLICY_SITE_MESSAGES": "en"})
        assert done.returncode in (0, 1, 2), done.stderr
        assert "Traceback" not in done.stderr
    if not where.endswith(".swap"):
        assert "is a FIFO" in done.stdout + done.stderr


def test_a_fifo_as_the_ledger_is_refused(kit, tmp_path):
    kit.two_versions()
    fifo = tmp_path / "ledger.json"
    os.mkfifo(fifo)
    result = kit.build(AS_OF, "--ledger", str(fifo))
    assert result.code == 2 and "is a FIFO" in result.err
    verify = kit.run("verify", str(fifo), root=False)
    assert verify.code == 2 and "is a FIFO" in verify.err


def test_a_huge_sparse_version_is_refused_before_it_is_read(kit):
    kit.two_versions()
    with open(kit.root / "policies/privacy/2016-03-01.md", "r+b") as handle:
        handle.truncate(2 * 1024 ** 3)
    started = time.monotonic()
    result = kit.check(AS_OF)
    assert result.code == 1 and "the limit is 16,777,216" in result.out
    assert time.monotonic() - started < 10


# 9, 12. Themes have time and size bounds; theme strings cannot format values.

@pytest.mark.parametrize("template, words", [
    ("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
     "loops go through"),
    ("{{ 'a' * 3000000000 }}", "a repetition is larger"),
    ('{{ "{:>3000000000}".format("a") }}', "a width of 3,000,000,000"),
    ("{{ 'a'.ljust(3000000000) }}", "a width of 3,000,000,000"),
    ('{{ "%3000000000s" % "a" }}', "a width of 3,000,000,000"),
    ('{{ "a"|center(3000000000) }}', "a width of 3,000,000,000"),
    ("{{ 9 ** 900000000 }}", "bits of a power"),
    # the selector's helper calls what it is given through the sandbox, as a template would
    ("{% macro m(v, l, c) %}{% endmacro %}{{ version_items(m, [{'url': 3000000000, "
     "'effective': 1}], 'a'.ljust, 0) }}", "a width of 3,000,000,000"),
])
def test_a_theme_that_would_run_for_hours_or_take_gigabytes_is_refused(kit, template, words):
    kit.two_versions()
    kit.site_yaml(theme="house")
    kit.write("themes/house/templates/index.html", template)
    started = time.monotonic()
    result = kit.check(AS_OF)
    assert result.code == 1 and "themes/house/templates/index.html:1: error:" in result.out
    assert words in result.out and time.monotonic() - started < 10


def test_a_page_that_loops_too_long_is_stopped_at_its_template(kit, monkeypatch):
    from site_builder.render import templates
    monkeypatch.setattr(templates, "PAGE_SECONDS", 1.0)
    kit.two_versions()
    kit.site_yaml(theme="house")
    kit.write("themes/house/templates/index.html",
              '{% for a in "x" * 100000 %}{% for b in "x" * 100000 %}{% endfor %}{% endfor %}')
    result = kit.check(AS_OF)
    assert result.code == 1 and "index.html:1: error: template ran for more than 1 s" in result.out


@pytest.mark.parametrize("string", ['"{title:>200000000} {date}"', '"{title:d} {date}"'])
def test_a_theme_string_cannot_format_its_values(kit, string):
    kit.two_versions()
    kit.site_yaml(theme="house")
    kit.write("themes/house/strings/ko.yaml", f"changes_title: {string}\n")
    result = kit.build(AS_OF)
    assert result.code == 1 and "themes/house/strings/ko.yaml:1: error: string formats" in result.err


def test_a_missing_template_names_the_template_that_asked(kit):
    kit.two_versions()
    kit.site_yaml(theme="house")
    kit.write("themes/house/templates/index.html", '{% extends "bse.html" %}')
    result = kit.check(AS_OF)
    assert ("themes/house/templates/index.html:1: error: no template 'bse.html' in the theme "
            "or the default theme; did you mean 'base.html'?") in result.out


# 10. Tables and other constructs are bounded.

@pytest.mark.parametrize("rows", [1, 80])
def test_a_table_of_fifty_thousand_columns_is_refused_quickly(kit, rows):
    header = "|" + "|".join("h" for _ in range(50_000)) + "|"
    rule = "|" + "|".join("-" for _ in range(50_000)) + "|"
    table = "\n".join([header, rule] + [header] * rows)
    kit.version("2015-02-15", body="## 1. 표\n\n" + table + "\n")
    started = time.monotonic()
    result = kit.check(AS_OF)
    assert result.code == 1 and "columns" in result.out, result.out
    assert time.monotonic() - started < 10


# 11. verify has a deadline for each fetch.

def test_verify_gives_up_on_a_server_that_drips(kit, monkeypatch):
    from site_builder.sources import published
    monkeypatch.setattr(published, "TIMEOUT_SECONDS", 2)
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    stop = threading.Event()

    def drip():
        connection, _ = listener.accept()
        connection.recv(4096)
        connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n")
        while not stop.wait(0.5):
            try:
                connection.sendall(b"x")
            except OSError:
                return
    threading.Thread(target=drip, daemon=True).start()
    started = time.monotonic()
    result = kit.run("verify", f"http://127.0.0.1:{listener.getsockname()[1]}/", root=False)
    stop.set()
    assert result.code == 2 and "no complete answer within 2 s" in result.err
    assert time.monotonic() - started < 8


# 12. Deeply nested JSON is a message, never exit 3.

DEEP = "[" * 100_000 + "]" * 100_000


def test_deep_json_anywhere_is_a_message(built, tmp_path):
    ledger = tmp_path / "ledger.json"
    ledger.write_text(DEEP)
    assert built.build(AS_OF, "--ledger", str(ledger)).code == 1
    (built.out / "versions.json").write_text(DEEP)
    assert built.run("verify", str(built.out), root=False).code == 1
    (built.cache / "last-build.json").write_text(DEEP)
    assert built.build(AS_OF).code == 0
    (built.out / "ledger.json").write_text(DEEP)
    assert built.run("verify", str(built.out), root=False).code == 1


def test_a_deep_cache_entry_is_a_miss(built):
    [database] = built.cache.glob("*.sqlite")
    data = DEEP.encode()
    blob = hashlib.sha256(data).hexdigest().encode() + b"\n" + data
    with sqlite3.connect(database) as db:
        db.execute("UPDATE entry SET value = ? WHERE key LIKE 'body:%'", (blob,))
    shutil.rmtree(built.out)
    for _ in range(2):
        result = built.build(AS_OF)
        assert result.code == 0, result.text


@pytest.mark.parametrize("port", ["99999", "-1", "http"])
def test_serve_on_a_port_that_cannot_be_is_a_usage_error(kit, port):
    kit.two_versions()
    with pytest.raises(SystemExit) as stopped:
        kit.run("serve", "--port", port)
    assert stopped.value.code == 2


# 13. serve: one line per broken client, a cap on connections, idle ones closed.

def test_serve_survives_half_open_clients_with_one_line_each(kit):
    kit.two_versions()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "site_builder", "serve", "--root",
                               str(kit.root), "--port", str(port), "--as-of", AS_OF],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                              env={**os.environ, "POLICY_SITE_MESSAGES": "en"})
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        clients = []
        for _ in range(200):  # more than the cap: the rest are closed unanswered
            client = socket.create_connection(("127.0.0.1", port))
            client.sendall(b"GET /privacy/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
            clients.append(client)
        for client in clients:
            client.close()  # a reset, before the answer is read
        time.sleep(1)
        with socket.create_connection(("127.0.0.1", port), timeout=5) as client:
            client.sendall(b"GET /privacy/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
            answer = b""
            while chunk := client.recv(65536):
                answer += chunk
        assert answer.startswith(b"HTTP/1.0 200") or answer.startswith(b"HTTP/1.1 200")
    finally:
        server.terminate()
        out, err = server.communicate(timeout=30)
    assert "Traceback" not in out + err and "Error" not in err
    broken = [line for line in out.splitlines() if "the connection ended mid-answer" in line]
    assert len(broken) <= 200 and all(line.startswith("127.0.0.1: ") for line in broken)


# 15. Messages that misled.

def test_a_binary_summary_is_named_for_what_it_is(kit):
    kit.two_versions(summary="!!binary aGVsbG8=")
    result = kit.check(AS_OF)
    assert "as a value of the YAML type !!binary, not text" in result.out
    assert "not text, not text" not in result.out


def test_full_width_digits_in_a_date_ask_for_ascii_digits(kit):
    kit.version("2015-02-15", effective="２０１５-０２-１５")
    result = kit.check(AS_OF)
    assert "write the date with ASCII digits" in result.out
    assert "not a real calendar date" not in result.out


def test_a_broken_original_does_not_orphan_its_translation(kit):
    kit.site_yaml(languages="[ko, en]")
    kit.two_versions()
    kit.write("policies/privacy/2016-03-01.en.md", "---\ntitle: Privacy\n---\n\nText\n")
    kit.write("policies/privacy/2016-03-01.md", "---\neffective: [2016-03-01\n---\n\nText\n")
    result = kit.check(AS_OF)
    assert result.code == 1 and "2016-03-01.md:2: error: YAML syntax error" in result.out
    assert "no original" not in result.out


def test_new_near_the_last_day_says_so_instead_of_writing_a_refused_file(kit):
    kit.two_versions()
    result = kit.run("new", "privacy", "--as-of", "9989-12-30")
    assert result.code == 2 and "after the last day policy-site handles (9989-12-31)" in result.err
    assert not list((kit.root / "policies/privacy").glob("9990-*"))


@pytest.mark.parametrize("link", [".gitignore", "policies", ".github/workflows"])
def test_init_force_writes_through_no_link(tmp_path, link):
    folder = tmp_path / "site"
    target = tmp_path / "target"
    target.mkdir()
    (folder / link).parent.mkdir(parents=True, exist_ok=True)
    (folder / link).symlink_to(target if link != ".gitignore" else tmp_path / "nowhere")
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(["init", str(folder), "--force"])
    assert code == 2 and "is a symbolic link" in err.getvalue()
    assert list(target.iterdir()) == [] and not (tmp_path / "nowhere").exists()
    assert not (folder / "README.md").exists()  # refused before anything was written


def test_serve_shows_a_fifo_as_an_error_page_and_keeps_rebuilding(kit):
    from site_builder.base.dates import Clock
    from site_builder.commands.serve import Preview

    kit.two_versions()
    said = []
    preview = Preview(kit.root, Clock(None), said.append)
    preview.rebuild()
    assert preview.error_page is None
    fifo = kit.root / "policies/privacy/2017-01-01.md"
    os.mkfifo(fifo)
    preview.rebuild(frozenset({fifo}))
    assert b"is a FIFO" in preview.error_page
    fifo.unlink()
    preview.rebuild(frozenset({fifo}))
    assert preview.error_page is None  # the next good save brings the site back


def test_serve_closes_a_connection_that_says_nothing(kit, monkeypatch):
    from site_builder.commands import serve_http

    monkeypatch.setattr(serve_http.Handler, "timeout", 0.5)
    server = serve_http.Server(("127.0.0.1", 0), serve_http.Handler, lambda line: None)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                     daemon=True).start()
    try:
        with socket.create_connection(server.server_address[:2], timeout=10) as idle:
            started = time.monotonic()
            assert idle.recv(1) == b""  # closed by the server, not by this test's timeout
            assert time.monotonic() - started < 5
    finally:
        server.shutdown()
        server.server_close()


def test_a_fifo_where_the_lock_belongs_is_named_and_left_alone(kit):
    kit.two_versions()
    os.mkfifo(kit.root / ".output.lock")
    result = kit.build(AS_OF)
    assert result.code == 2 and ".output.lock is a FIFO (named pipe), not policy-site's lock " \
        "file; remove it" in result.err
    assert (kit.root / ".output.lock").exists() and not kit.out.exists()
