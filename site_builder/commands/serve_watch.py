"""Watching the sources for saves: policies/ and themes/, and the site folder for those two
being created, removed or renamed."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Callable

from watchdog.events import FileSystemEventHandler
from watchdog.observers import Observer

DEBOUNCE_SECONDS = 0.03  # an editor's save-by-rename is a burst of events within a few ms


class Watcher(FileSystemEventHandler):
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
