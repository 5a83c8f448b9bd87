"""``policy-site serve``: a live preview that rebuilds on save and reloads open pages.

The preview lives in memory and is never written to output/: it shows drafts, which must never
reach a folder that could be deployed. Files are served from that in-memory mapping only, so no
request can reach a file outside the site, whatever its path.
"""

from __future__ import annotations

import contextlib
import errno
import queue
import sys
import threading
import time
from datetime import date
from pathlib import Path
from typing import Callable

from markupsafe import Markup

from site_builder.base.dates import Clock
from site_builder.base.messages import language_for, say
from site_builder.base.problems import PolicyError, Problem, UsageError
from site_builder.cache.memo import Memo, SessionStore
from site_builder.commands.serve_http import RELOAD_SCRIPT, Handler, Server
from site_builder.commands.serve_watch import Watcher
from site_builder.render.site import render_site
from site_builder.render.theme import Theme, ThemeError
from site_builder.rules.validation import validate
from site_builder.sources.site_basics import peek_site

REBUILD_SWITCH_INTERVAL = 0.05
REBUILD_WAIT_SECONDS = 2.0  # past this, a request during a long rebuild gets the pages there are


class Preview:
    """The current rendering of the site, or the problems that prevent one."""

    def __init__(self, root: Path, clock: Clock, log: Callable[[str], None]):
        self.root = root
        self.clock = clock
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
        today = self.clock.today(peek_site(self.root).timezone)  # each rebuild is a new run
        validation = validate(self.root, today, self.memo, saved=saved)
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

    def settled(self) -> None:
        """Wait, for at most REBUILD_WAIT_SECONDS, for a rebuild in progress: a page asked for
        while the sources are rebuilt is answered from what the rebuild makes, and the waiting
        requests leave the interpreter to the rebuild (a browser reloading, or a script polling
        every few milliseconds, slowed each rebuild by a fifth)."""
        if self.rebuilding.acquire(timeout=REBUILD_WAIT_SECONDS):
            self.rebuilding.release()

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
    instead of 5, so that the threads that answer requests (a browser, a link checker
    polling; they wait for the rebuild, see Preview.settled) do not double its time."""
    usual = sys.getswitchinterval()
    sys.setswitchinterval(REBUILD_SWITCH_INTERVAL)
    try:
        yield
    finally:
        sys.setswitchinterval(usual)


def serve(root: Path, clock: Clock, host: str, port: int,
          log: Callable[[str], None]) -> None:
    """Build, serve and watch until interrupted (Ctrl-C raises KeyboardInterrupt here)."""
    preview = Preview(root, clock, log)
    preview.rebuild()
    handler = type("Handler", (Handler,), {"preview": preview})
    try:
        server = Server((host, port), handler, log)
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            raise UsageError(say("port {port} on {host} is in use; stop the other server or pass "
                                 "--port {next}", port=port, host=host, next=port + 1)) from None
        raise UsageError(say("cannot listen on {host}:{port}: {reason}", host=host, port=port,
                             reason=error.strerror)) from None
    saves: queue.Queue[frozenset[Path]] = queue.Queue()
    watcher = Watcher(root.absolute(), saves.put)
    watcher.start()
    answering = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.2},
                                 daemon=True)
    answering.start()
    log(say("serving http://{host}:{port}/ (drafts shown; Ctrl-C stops)", host=host,
            port=server.server_address[1]))
    try:
        _rebuild_on_save(preview, saves)
    finally:
        watcher.stop()
        server.shutdown()
        server.server_close()


def _rebuild_on_save(preview: Preview, saves: queue.Queue) -> None:
    """Rebuilds run here, in the main thread, where a theme's page can be stopped after its
    time (base/deadline.py); saves that arrive during a rebuild are taken together."""
    while True:
        try:
            saved = saves.get(timeout=0.5)
        except queue.Empty:
            continue
        while not saves.empty():
            saved |= saves.get_nowait()
        preview.rebuild(saved)
