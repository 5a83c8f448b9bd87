"""The preview's web server: it answers from the preview in memory only (no request can
reach a file), to its own address only, and streams a reload message after every rebuild."""

from __future__ import annotations

import ipaddress
import mimetypes
import sys
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Callable
from urllib.parse import unquote, urlsplit

from site_builder.base.messages import say

if TYPE_CHECKING:
    from site_builder.commands.serve import Preview

EVENTS_PATH = "/__policy_site/events"
MAX_CONNECTIONS = 64  # open pages, each with its reload stream, and their requests
IDLE_SECONDS = 30  # longer than the reload stream's 15 s between messages
RELOAD_SCRIPT = (f'<script>new EventSource("{EVENTS_PATH}").onmessage = '
                 "function () { location.reload(); };</script>")


def resolve(url_path: str) -> str | None:
    """The key of a requested file, or None for anything that tries to leave the site."""
    path = unquote(url_path)
    parts = [part for part in path.split("/") if part]
    if "\x00" in path or "\\" in path or any(part in (".", "..") for part in parts):
        return None
    key = "/".join(parts)
    return f"{key}/index.html" if key and path.endswith("/") else key or "index.html"


def _content_type(key: str) -> str:
    if key.endswith(".xml"):
        return "application/xml; charset=utf-8"
    guessed = mimetypes.guess_type(key)[0] or "application/octet-stream"
    return f"{guessed}; charset=utf-8" if guessed.startswith("text/") or guessed.endswith(
        ("javascript", "json")) else guessed


class Handler(BaseHTTPRequestHandler):
    preview: "Preview"
    server_version = "policy-site"
    timeout = IDLE_SECONDS  # a connection that says nothing (or reads nothing) is closed

    def log_message(self, *args) -> None:  # the terminal shows rebuilds, not every request
        pass

    def do_HEAD(self) -> None:
        """Like GET without the body: link checkers ask this way."""
        self.do_GET(with_body=False)

    def do_GET(self, with_body: bool = True) -> None:
        self.with_body = with_body
        if not self._host_allowed():
            return self._send(HTTPStatus.MISDIRECTED_REQUEST, b"421 Misdirected Request: this "
                              b"preview answers only to its own address\n",
                              "text/plain; charset=utf-8")
        path = urlsplit(self.path).path
        if path == EVENTS_PATH:
            return self._events()
        preview = self.preview
        preview.settled()
        if preview.error_page is not None:
            return self._send(HTTPStatus.INTERNAL_SERVER_ERROR, preview.error_page,
                              "text/html; charset=utf-8")
        key = resolve(path)
        body = preview.file(key) if key is not None else None
        if body is None and key is not None and f"{key}/index.html" in preview.files:
            self.send_response(HTTPStatus.MOVED_PERMANENTLY)
            self.send_header("Location", path + "/")
            self.end_headers()
            return None
        if body is None:
            return self._send(HTTPStatus.NOT_FOUND, b"<!DOCTYPE html><title>404</title>"
                              b"<h1>404 Not Found</h1>", "text/html; charset=utf-8")
        return self._send(HTTPStatus.OK, body, _content_type(key))

    def _host_allowed(self) -> bool:
        """Only requests addressed to this server: a web page that points a name it controls
        at 127.0.0.1 (DNS rebinding) must not read the drafts."""
        host = self.headers.get("Host", "")
        listening, port = self.server.server_address[:2]
        if host.startswith("["):  # [::1]:8000
            name, _, rest = host[1:].partition("]")
            given_port = rest[1:] if rest.startswith(":") else ""
        elif host.count(":") == 1:
            name, given_port = host.split(":")
        else:
            name, given_port = host, ""
        if given_port and given_port != str(port):
            return False
        name = name.lower()
        if name in ("localhost", "127.0.0.1", "::1", str(listening).lower()):
            return True
        return listening in ("0.0.0.0", "::") and _is_ip_literal(name)

    def _send(self, status: HTTPStatus, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if getattr(self, "with_body", True):
            self.wfile.write(body)

    def _events(self) -> None:
        """Server-Sent Events: one 'reload' message after every rebuild."""
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        seen = self.preview.generation
        try:
            while True:
                current = self.preview.wait_for_change(seen, timeout=15)
                self.wfile.write(b"data: reload\n\n" if current != seen else b": idle\n\n")
                self.wfile.flush()
                seen = current
        except (BrokenPipeError, ConnectionResetError, TimeoutError):
            return


class Server(ThreadingHTTPServer):
    """At most MAX_CONNECTIONS at once (each a thread); a client that goes away mid-answer is
    one line in the terminal, not a traceback."""

    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128  # the listen backlog: a burst of requests waits, not refused

    def __init__(self, address, handler, log: Callable[[str], None]):
        super().__init__(address, handler)
        self.log = log
        self.slots = threading.BoundedSemaphore(MAX_CONNECTIONS)

    def process_request(self, request, client_address) -> None:
        if not self.slots.acquire(blocking=False):
            self.shutdown_request(request)  # too many at once: this one is closed unanswered
            return
        try:
            super().process_request(request, client_address)
        except BaseException:
            self.slots.release()
            raise

    def process_request_thread(self, request, client_address) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self.slots.release()

    def handle_error(self, request, client_address) -> None:
        error = sys.exc_info()[1]
        self.log(say("{client}: the connection ended mid-answer ({reason})",
                     client=client_address[0], reason=type(error).__name__))


def _is_ip_literal(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True
