"""``policy-site serve`` as a subprocess on a free port: live rebuilds, errors, safety."""

from __future__ import annotations

import http.client
import signal
import socket
import subprocess
import sys
import time

import pytest
from watchdog.events import (FileClosedEvent, FileCreatedEvent, FileModifiedEvent,
                               FileMovedEvent)

from tests.sitekit import BODY

TIMEOUT = 20


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(port: int, path: str) -> tuple[int, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    connection.request("GET", path)
    response = connection.getresponse()
    body = response.read().decode("utf-8", "replace")
    connection.close()
    return response.status, body


def wait_for(condition, what: str):
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        try:
            value = condition()
            if value:
                return value
        except (ConnectionError, OSError):
            pass
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture
def server(kit):
    kit.two_versions()
    kit.version("2027-03-01", body=BODY.replace("아이디", "아이디, 초안문구"))
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "site_builder", "serve", "--root", str(kit.root), "--port",
         str(port), "--as-of", "2026-11-28"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        text=True)
    wait_for(lambda: get(port, "/")[0] == 200, "the server to start")
    yield kit, port, process
    if process.poll() is None:
        process.kill()
    process.wait()


def test_saved_edit_is_served(server):
    kit, port, _ = server
    path = kit.root / "policies/privacy/2016-03-01.md"
    path.write_text(path.read_text().replace("필수 항목", "필수 수집 항목"))
    wait_for(lambda: "필수 수집 항목" in get(port, "/privacy/2016-03-01/")[1], "the edit")


def test_broken_source_shows_error_page_and_fix_recovers(server):
    kit, port, process = server
    path = kit.root / "policies/privacy/2016-03-01.md"
    good = path.read_text()
    path.write_text(good.replace("announced:", "anounced:"))
    status, page = wait_for(lambda: (lambda r: r if r[0] == 500 else None)(get(port, "/privacy/")),
                            "the error page")
    assert "policies/privacy/2016-03-01.md:3: error: unknown key &#39;anounced&#39;" in page
    assert "EventSource" in page
    assert get(port, "/anything/else")[0] == 500
    assert process.poll() is None
    path.write_text(good)
    wait_for(lambda: get(port, "/privacy/")[0] == 200, "recovery")


def test_a_dangling_link_saved_while_serving_is_an_error_page(server):
    kit, port, process = server
    link = kit.root / "policies/privacy/2026-12-25.md"
    link.symlink_to("nowhere.md")
    status, page = wait_for(lambda: (lambda r: r if r[0] == 500 else None)(get(port, "/privacy/")),
                            "the error page")
    assert "policies/privacy/2026-12-25.md: error: cannot read this file" in page
    assert process.poll() is None
    link.unlink()
    wait_for(lambda: get(port, "/privacy/")[0] == 200, "recovery")
    process.send_signal(signal.SIGINT)
    output = process.communicate(timeout=TIMEOUT)[0]
    assert "Traceback" not in output


def test_drafts_are_previewed_and_marked(server):
    kit, port, _ = server
    status, page = get(port, "/privacy/2027-03-01/")
    assert status == 200 and "초안문구" in page and "banner-draft" in page
    assert "미공개 초안" in get(port, "/privacy/versions/")[1]
    assert "2027-03-01" not in get(port, "/feed.xml")[1]


def test_reload_hook_only_in_serve(server):
    kit, port, _ = server
    assert "EventSource" in get(port, "/privacy/")[1]
    kit.build()
    built = b"".join(kit.tree().values()).decode()
    assert "EventSource" not in built and "초안문구" not in built


@pytest.mark.parametrize("path", ["/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd",
                                  "/privacy/..%2f..%2f..%2fetc/passwd", "/..\\..\\etc\\passwd",
                                  "/%2e%2e%5c%2e%2e%5cetc%5cpasswd", "/policies/site.yaml",
                                  "/privacy/%00", "//etc/passwd"])
def test_paths_outside_the_site_get_404(server, path):
    _, port, _ = server
    status, body = get(port, path)
    assert status == 404 and "root:" not in body


def test_port_in_use_is_a_clear_error(server):
    kit, port, _ = server
    done = subprocess.run([sys.executable, "-m", "site_builder", "serve", "--root", str(kit.root),
                           "--port", str(port)], capture_output=True, text=True, timeout=30)
    assert done.returncode == 2
    assert f"port {port} on 127.0.0.1 is in use" in done.stderr and "Traceback" not in done.stderr


def test_ctrl_c_stops_cleanly(server):
    _, _, process = server
    process.send_signal(signal.SIGINT)
    output, _ = process.communicate(timeout=10)
    assert process.returncode == 0
    assert "stopped" in output and "Traceback" not in output


def test_removed_policies_folder_shows_an_error_and_recovers(server):
    kit, port, process = server
    (kit.root / "policies").rename(kit.root / "moved")
    status, page = wait_for(lambda: (lambda r: r if r[0] == 500 else None)(get(port, "/")),
                            "the error page")
    assert "no policies/ folder" in page and process.poll() is None
    (kit.root / "moved").rename(kit.root / "policies")
    (kit.root / "policies/site.yaml").write_text((kit.root / "policies/site.yaml").read_text())
    wait_for(lambda: get(port, "/")[0] == 200, "recovery")


# Robustness (issue 17).

def request(port: int, method: str, path: str, host: str | None = None) -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    headers = {"Host": host} if host else {}
    connection.request(method, path, headers=headers)
    response = connection.getresponse()
    response.body = response.read()
    connection.close()
    return response


@pytest.mark.parametrize("host", ["evil.example.com", "evil.example.com:{port}", "127.0.0.1:1"])
def test_a_foreign_host_header_gets_421(server, host):
    _, port, _ = server
    response = request(port, "GET", "/privacy/2027-03-01/", host.format(port=port))
    assert response.status == 421 and "초안문구" not in response.body.decode()


@pytest.mark.parametrize("host", ["localhost:{port}", "127.0.0.1:{port}", "localhost"])
def test_its_own_addresses_are_answered(server, host):
    _, port, _ = server
    assert request(port, "GET", "/", host.format(port=port)).status == 200


def test_head_is_get_without_the_body(server):
    _, port, _ = server
    head, get_ = request(port, "HEAD", "/privacy/"), request(port, "GET", "/privacy/")
    assert head.status == 200 and head.body == b""
    assert head.getheader("Content-Length") == str(len(get_.body))
    assert request(port, "HEAD", "/nowhere/").status == 404


def test_a_burst_of_clients_is_served(server):
    from concurrent.futures import ThreadPoolExecutor
    _, port, _ = server

    def timed(_):
        started = time.monotonic()
        status = request(port, "GET", "/privacy/").status
        return status, time.monotonic() - started

    with ThreadPoolExecutor(200) as pool:
        results = list(pool.map(timed, range(200)))
    assert all(status == 200 for status, _ in results)
    assert sorted(seconds for _, seconds in results)[197] < 2.0


def test_a_save_that_keeps_size_and_time_is_still_seen(server):
    import os
    kit, port, _ = server
    path = kit.root / "policies/privacy/2027-03-01.md"
    stat = path.stat()
    text = path.read_text()
    assert "초안문구" in text
    path.write_text(text.replace("초안문구", "수정문구"))  # same length in bytes
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert path.stat().st_size == stat.st_size
    wait_for(lambda: "수정문구" in get(port, "/privacy/2027-03-01/")[1], "the new text")


@pytest.mark.parametrize("event, now", [
    (FileClosedEvent("/site/policies/privacy/2016-03-01.md"), True),
    (FileMovedEvent("/site/policies/privacy/.2016-03-01.md.swp", "/site/policies/privacy/2016-03-01.md"), True),
    (FileModifiedEvent("/site/policies/privacy/2016-03-01.md"), False),  # the close follows
    (FileCreatedEvent("/site/policies/privacy/2016-03-01.md"), False),
    (FileClosedEvent("/site/policies/privacy/.2016-03-01.md.swp"), False),
    (FileClosedEvent("/site/policies/privacy/2016-03-01.md~"), False),
    (FileClosedEvent("/site/policies/privacy/#2016-03-01.md#"), False),
    (FileClosedEvent("/site/policies/privacy/4913"), False),  # vim's probe file
])
def test_a_completed_save_rebuilds_at_once_and_anything_else_waits_for_the_burst(event, now):
    from site_builder.commands.serve_watch import _completes_a_save

    assert _completes_a_save(event) is now


@pytest.mark.parametrize("reported", ["policies/privacy/2016-03-01.md", "policies/privacy",
                                      "policies"])
def test_a_rebuild_rereads_what_the_watcher_reports_and_what_lies_below_it(kit, reported):
    from site_builder.sources.loader import load_site
    from site_builder.cache.memo import Memo, SessionStore

    kit.two_versions()
    memo = Memo(SessionStore())
    load_site(kit.root, memo, saved=frozenset())
    path = kit.root / "policies/privacy/2016-03-01.md"
    path.write_text(path.read_text().replace("아래의 목적", "새로운 목적"))
    site = load_site(kit.root, memo, saved=frozenset({kit.root.absolute() / reported})).site
    assert "새로운 목적" in site.documents[0].versions[1].body


def test_a_new_sites_preview_shows_its_draft_template_at_the_documents_address(tmp_path):
    """Day one (issue 25): init's first version is a draft a week away; the preview's link to
    the document must lead to it, marked as a draft, while a build publishes nothing."""
    folder = tmp_path / "new"
    subprocess.run([sys.executable, "-m", "site_builder", "init", str(folder), "--as-of",
                    "2026-12-01"], check=True, capture_output=True)
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "site_builder", "serve", "--root",
                                str(folder), "--port", str(port), "--as-of", "2026-12-01"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(lambda: get(port, "/")[0] == 200, "the server to start")
        assert 'href="privacy/index.html"' in get(port, "/")[1]
        status, page = get(port, "/privacy/index.html")
        assert status == 200 and "(작성하세요)" in page and "banner-draft" in page
    finally:
        process.kill()
        process.wait()


def test_a_page_asked_for_during_a_rebuild_is_answered_from_what_it_makes(kit, monkeypatch):
    from concurrent.futures import ThreadPoolExecutor
    from datetime import date
    from threading import Thread

    from site_builder.base.dates import Clock
    from site_builder.commands import serve
    from site_builder.commands.serve_http import Handler, Server

    kit.two_versions()
    preview = serve.Preview(kit.root, Clock(as_of=date(2026, 11, 28)), lambda _: None)
    preview.rebuild()
    server = Server(("127.0.0.1", 0), type("Handler", (Handler,), {"preview": preview}),
                    lambda _: None)
    Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    try:
        with ThreadPoolExecutor(1) as pool:
            with preview.rebuilding:  # a rebuild under way
                answer = pool.submit(get, port, "/privacy/")
                time.sleep(0.3)
                assert not answer.done()
                preview.files = {**preview.files, "privacy/index.html": "새 문서".encode()}
            assert answer.result(timeout=5) == (200, "새 문서")
        monkeypatch.setattr(serve, "REBUILD_WAIT_SECONDS", 0.2)
        with preview.rebuilding:  # one that takes longer: the pages there are, after a while
            assert get(port, "/privacy/") == (200, "새 문서")
    finally:
        server.shutdown()
        server.server_close()
