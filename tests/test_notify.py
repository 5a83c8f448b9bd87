"""``policy-site notify`` (issue 27, item 2): on the day a notice goes public, its notice.json
is POSTed to a webhook once: not again on a second deploy, again after the endpoint failed,
signed with an HMAC the receiver checks, a withdrawal sent as one, and a refusal said with
exit 2. The receiver is a real HTTP server on 127.0.0.1; the site is served over HTTP too."""

from __future__ import annotations

import functools
import hashlib
import hmac
import http.server
import json
import threading

import pytest

from tests.sitekit import BODY, SiteKit

SECRET = "s3cret"


class Receiver(http.server.BaseHTTPRequestHandler):
    """Answers with the next planned status (200 when none is left) and keeps what came."""

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.server.received.append((dict(self.headers), body))
        status = self.server.plan.pop(0) if self.server.plan else 200
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def receiver():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    server.received, server.plan = [], []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def live(kit):
    """The site as deployed: built for the announce day and served over HTTP."""
    kit.version("2015-02-15")
    kit.version("2016-03-01", announced="2016-02-10", summary='"목적 조항을 고칩니다"',
                body=BODY.replace("다음의 목적", "아래의 목적"))
    assert kit.build("2016-02-10").code == 0
    handler = functools.partial(Quiet, directory=str(kit.out))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield kit, f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def notify(kit: SiteKit, site: str, hook, day: str = "2016-02-10"):
    return kit.run("notify", "--ledger", site, "--webhook",
                   f"http://127.0.0.1:{hook.server_address[1]}/hook", "--as-of", day)


def test_a_notice_is_sent_once_signed_and_as_published(live, receiver, monkeypatch):
    kit, site = live
    monkeypatch.setenv("POLICY_SITE_WEBHOOK_SECRET", SECRET)
    first = notify(kit, site, receiver)
    assert first.code == 0, first.err
    [(headers, body)] = receiver.received
    assert body == (kit.out / "privacy/2016-03-01/notice/notice.json").read_bytes()
    assert json.loads(body)["id"] == "privacy/2016-03-01"
    expected = "sha256=" + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
    assert hmac.compare_digest(headers["X-Policy-Site-Signature"], expected)
    assert headers["X-Policy-Site-Event"] == "announced" and len(headers["Idempotency-Key"]) == 64
    again = notify(kit, site, receiver)  # the second deploy of the day
    assert again.code == 0 and "sent before" in again.out and len(receiver.received) == 1
    assert "nothing was announced" in notify(kit, site, receiver, "2016-02-11").out


def test_a_failing_endpoint_is_retried_and_a_refusing_one_stops_with_exit_2(live, receiver):
    kit, site = live
    receiver.plan = [503]
    assert notify(kit, site, receiver).code == 0
    assert len(receiver.received) == 2  # retried after the 503
    (kit.cache / "notified.json").unlink()
    receiver.received.clear()
    receiver.plan = [400]
    refused = notify(kit, site, receiver)
    assert refused.code == 2 and "did not take the notice privacy/2016-03-01 (HTTP 400)" in refused.err
    assert len(receiver.received) == 1
    resent = notify(kit, site, receiver)  # fixed: the same notice goes out, once
    assert resent.code == 0 and len(receiver.received) == 2


def test_a_withdrawal_is_sent_as_one_and_drafts_never(kit, receiver):
    kit.version("2015-02-15")
    kit.version("2016-03-01", announced="2016-02-10", summary='"목적 조항을 고칩니다"',
                withdrawn="2016-02-20", withdrawn_reason='"다시 검토합니다"')
    kit.version("2017-01-01", body=BODY.replace("아이디", "초안"))  # a draft
    assert kit.build("2016-02-20").code == 0
    result = notify(kit, str(kit.out), receiver, "2016-02-20")
    assert result.code == 0, result.err
    [(headers, body)] = receiver.received
    assert headers["X-Policy-Site-Event"] == "withdrawn"
    assert json.loads(body)["withdrawn_reason"] == "다시 검토합니다"


def test_without_a_usable_cache_folder_notify_sends_and_says_how_to_remember(live, receiver,
                                                                              monkeypatch,
                                                                              tmp_path):
    """A cache folder inside the site (or a level of it planted as a link) is no cache folder:
    notify still sends, and says what to set so that it remembers (it ended with exit 3)."""
    kit, site = live
    monkeypatch.setenv("XDG_CACHE_HOME", str(kit.root / "policies" / ".cache"))
    result = notify(kit, site, receiver)
    assert result.code == 2, result.text
    assert "internal error" not in result.text and len(receiver.received) == 1
    assert "set XDG_CACHE_HOME" in result.err
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # the advice, followed
    assert notify(kit, site, receiver).code == 0
    assert "sent before" in notify(kit, site, receiver).out
