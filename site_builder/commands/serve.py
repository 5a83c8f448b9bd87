"""``policy-site serve``: a live preview that rebuilds on save and reloads open pages.

The preview lives in memory and is never written to output/: it shows drafts, which must never
reach a folder that could be deployed. Files are served from that in-memory mapping only, so no
request can reach a file outside the site, whatever its path.
"""

from __future__ import annotations

import contextlib
import errno
import ipaddress
import mimetypes
import sys
import threading
import time
from datetime import date
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable
from urllib.parse import unquote, urlsplit

from markupsafe import Markup
from watchdog.events import FileSystemEventHandler
from watchdog.observers import Observer

from site_builder.commands.build import render_site
from site_builder.cache.memo import Memo, SessionStore
from site_builder.base.messages import language_for, say
from site_builder.base.problems import PolicyError, Problem, UsageError
from site_builder.render.theme import Theme, ThemeError
from site_builder.rules.validation import validate

EVENTS_PATH = "/__policy_site/events"
RELOAD_SCRIPT = (f'<script>new EventSource("{EVENTS_PATH}").onmessage = '
                 "function () { location.reload(); };</script>")
DEBOUNCE_SECONDS = 0.03  # an editor's save-by-rename is a burst of events within a few ms
REBUILD_SWITCH_INTERVAL = 0.05


class Preview:
    """The current rendering of the site, or the problems that prevent one."""

    def __init__(self, root: Path, as_of: date | None, log: Callable[[str], None]):
        self.root = root
        self.as_of = as_of
        self.log = log
        self.memo = Memo(SessionStore())
        self.files: dict[str, bytes] = {}
        self.language = "ko"
        self.indexes: Callable[[], dict[str, bytes]] = dict
        self.error_page: bytes | None = None
        self.generation = 0
        self.changed = threading.Condition()
        self.rebuilding = threading.Lock()

    def rebuild(self, saved: frozenset[Path] = frozenset()) -> None:
        """Rebuild and publish; whatever goes wrong becomes the error page, never a dead server.
        ``saved`` are the files the watcher saw change: they are read whatever their stat says."""
        with self.rebuilding, _undisturbed():
            started = time.perf_counter()
            try:
                files, today = self._render(saved)
            except PolicyError as error:
                self._show_problems(error.problems)
            except UsageError as error:  # e.g. policies/ was removed while serving
                self._show_problems([Problem("policies", None, error.args[0])])
            except OSError as error:  # a file that vanished or cannot be read mid-rebuild
                self._show_problems([Problem(str(error.filename or "policies"), None,
                                             say("cannot read this file ({reason})",
                                                 reason=error.strerror))])
            else:
                self.log(say("rebuilt in {seconds} s as of {today}; {files} files",
                             seconds=f"{time.perf_counter() - started:.3f}", today=today,
                             files=len(files)))

    def _render(self, saved: frozenset[Path]) -> tuple[dict[str, bytes], date]:
        validation = validate(self.root, self.as_of, self.memo, saved=saved)
        self.language = validation.site.language
        if not validation.ok:
            raise PolicyError(validation.problems)
        site = render_site(self.root, validation, RELOAD_SCRIPT, preview=True, memo=self.memo,
                           with_indexes=False)
        self.indexes = site.indexes
        self._publish(site.files, None)
        self.memo.store.sweep()
        return site.files, validation.today

    def _show_problems(self, problems: list[Problem]) -> None:
        self._publish(self.files, self._error_page(problems, self.language))
        said = language_for(self.language)
        self.log("".join(p.as_text(said) + "\n" for p in problems).rstrip())

    def _publish(self, files: dict[str, bytes], error_page: bytes | None) -> None:
        with self.changed:
            if files == self.files and error_page == self.error_page:
                return  # the tail of a burst of events: no reload for the same pages
            self.files, self.error_page = files, error_page
            self.generation += 1
            self.changed.notify_all()

    def _error_page(self, problems: list[Problem], language: str) -> bytes:
        """Rendered with the built-in theme: the site's own theme may be what is broken."""
        theme = Theme(self.root, "default", language, builtin_only=True)
        try:
            html = theme.render("error.html", {
                "language": language, "t": theme.strings, "live_reload": Markup(RELOAD_SCRIPT),
                "problems": [{"severity": p.severity, "text": p.as_text(language_for(language))}
                             for p in problems]})
        except ThemeError as error:
            html = f"<pre>{Markup.escape(error.problem.as_text())}</pre>{RELOAD_SCRIPT}"
        return html.encode("utf-8")

    def file(self, key: str) -> bytes | None:
        """A page, or a feed or index (made on the first request after a rebuild)."""
        found = self.files.get(key)
        if found is None:
            with self.rebuilding:
                found = self.indexes().get(key)  # remembered by the memo until sources change
        return found

    def wait_for_change(self, seen: int, timeout: float) -> int:
        with self.changed:
            self.changed.wait_for(lambda: self.generation != seen, timeout=timeout)
            return self.generation


@contextlib.contextmanager
def _undisturbed():
    """A rebuild is the one busy thread: let it keep the interpreter for 50 ms at a time
    instead of 5, so that requests for the old pages (a browser, a link checker polling) do
    not double its time; they wait a few milliseconds more, and only while it runs."""
    usual = sys.getswitchinterval()
    sys.setswitchinterval(REBUILD_SWITCH_INTERVAL)
    try:
        yield
    finally:
        sys.setswitchinterval(usual)


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


class _Handler(BaseHTTPRequestHandler):
    preview: Preview
    server_version = "policy-site"

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
        except (BrokenPipeError, ConnectionResetError):
            return


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128  # the listen backlog: a burst of requests waits, not refused


def _is_ip_literal(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


class _Watcher(FileSystemEventHandler):
    """Watches policies/ and themes/, and the site folder for those two being created, removed
    or renamed (a watch follows a folder, not its name). Editors save through temporary files
    and renames, so a rebuild waits until a burst of events is over."""

    SOURCES = ("policies", "themes")

    def __init__(self, root: Path, action: Callable[[frozenset[Path]], None]):
        self.root = root
        self.action = action
        self.saved: set[Path] = set()
        self.observer = Observer()
        self.watches: list = []
        self.timer: threading.Timer | None = None
        self.lock = threading.Lock()

    def start(self) -> None:
        self.observer.schedule(self, str(self.root), recursive=False)
        self._watch_sources()
        self.observer.start()

    def stop(self) -> None:
        self.observer.stop()
        self.observer.join(timeout=2)

    def _watch_sources(self) -> None:
        for watch in self.watches:
            self.observer.unschedule(watch)
        self.watches = [self.observer.schedule(self, str(self.root / name), recursive=True)
                        for name in self.SOURCES if (self.root / name).is_dir()]

    def _affects_sources(self, event) -> bool:
        paths = [Path(event.src_path)]
        if getattr(event, "dest_path", ""):
            paths.append(Path(event.dest_path))
        if self.root in paths:
            return False
        beside = [path for path in paths if path.parent == self.root]
        if not beside:
            return True  # inside policies/ or themes/
        if any(path.name in self.SOURCES for path in beside):
            self._watch_sources()
            return True
        return False  # output/, .cache/ and other neighbours of the sources

    def on_any_event(self, event) -> None:
        if (event.event_type in ("opened", "closed_no_write")
                or (event.is_directory and event.event_type == "modified")  # says nothing new
                or not self._affects_sources(event)):
            return
        with self.lock:
            self.saved.update(Path(p) for p in (event.src_path, getattr(event, "dest_path", ""))
                              if p)
            if self.timer:
                self.timer.cancel()
            # A source written and closed, or renamed into place, is complete: rebuild now.
            # Anything else may be the start of a burst (an editor's temporary file): wait.
            wait = 0 if _completes_a_save(event) else DEBOUNCE_SECONDS
            self.timer = threading.Timer(wait, self._fire)
            self.timer.daemon = True
            self.timer.start()

    def _fire(self) -> None:
        with self.lock:
            saved, self.saved = frozenset(self.saved), set()
        self.action(saved)


def _completes_a_save(event) -> bool:
    """A file closed after writing, or renamed to its name, that is not an editor's scratch
    file (.name.swp, name~, #name#, .goutputstream-...)."""
    if event.is_directory or event.event_type not in ("closed", "moved"):
        return False
    name = Path(getattr(event, "dest_path", "") or event.src_path).name
    return not name.startswith((".", "#")) and not name.endswith("~") and "." in name


def serve(root: Path, as_of: date | None, host: str, port: int,
          log: Callable[[str], None]) -> None:
    """Build, serve and watch until interrupted (Ctrl-C raises KeyboardInterrupt here)."""
    preview = Preview(root, as_of, log)
    preview.rebuild()
    handler = type("Handler", (_Handler,), {"preview": preview})
    try:
        server = _Server((host, port), handler)
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            raise UsageError(say("port {port} on {host} is in use; stop the other server or pass "
                                 "--port {next}", port=port, host=host, next=port + 1)) from None
        raise UsageError(say("cannot listen on {host}:{port}: {reason}", host=host, port=port,
                             reason=error.strerror)) from None
    watcher = _Watcher(root.absolute(), preview.rebuild)
    watcher.start()
    log(say("serving http://{host}:{port}/ (drafts shown; Ctrl-C stops)", host=host,
            port=server.server_address[1]))
    try:
        server.serve_forever(poll_interval=0.2)
    finally:
        watcher.stop()
        server.server_close()
