"""The theme: Jinja2 templates, UI strings and static files, a site's own over the built-in.

A site's theme may come from a pull request, so it is untrusted: templates run in Jinja2's
immutable sandbox (no access to Python internals, no changing data), every template, string and
static file must lie inside its theme folder after following links, and every mistake in a
theme is a problem naming its file and line, never a crash.
"""

from __future__ import annotations

import hashlib
import os
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from site_builder.base.messages import say
from site_builder.base.paths import BUILTIN_THEME as BUILTIN, is_inside, real_path
from site_builder.base.problems import Problem
from site_builder.base.untrusted import read_regular, unreadable
from site_builder.render.theme_strings import MAX_THEME_FILE_BYTES, ThemeError, read_strings

if TYPE_CHECKING:
    import jinja2


class Theme:
    def __init__(self, root: Path, name: str, language: str, builtin_only: bool = False):
        self.root = root
        self.folders = [BUILTIN] if builtin_only else self._folders(root, name)
        self.language = language
        self.strings = read_strings(self.folders, language, self._rel)

    def _folders(self, root: Path, name: str) -> list[Path]:
        """The site's theme folder first, then the built-in default as the fallback. The loader
        has already refused a name that is not a folder under themes/."""
        own = root / "themes" / name
        if not own.is_dir():
            return [BUILTIN]
        real_own, real_themes = real_path(own), real_path(root / "themes")
        if real_own is None or real_themes is None or not is_inside(real_own, real_themes):
            raise ThemeError(Problem(self._rel(own), None, say(
                "the theme folder links outside themes/; put the theme itself there")))
        return ([own] if real_own != real_path(BUILTIN) else []) + [BUILTIN]

    def _rel(self, path) -> str:
        path = Path(path)
        try:
            return path.absolute().relative_to(self.root.absolute()).as_posix()
        except ValueError:
            return path.as_posix()

    def _files(self, folder: Path, theme_folder: Path):
        """(relative name, path) of every file below ``folder``; a link leading out of the
        theme folder is refused rather than followed."""
        theme = real_path(theme_folder)
        for current, names, files in os.walk(folder, followlinks=False):
            for name in sorted(files + [n for n in names if os.path.islink(os.path.join(current, n))]):
                path = Path(current, name)
                real = real_path(path)
                if real is None or theme is None or not is_inside(real, theme):
                    raise ThemeError(Problem(self._rel(path), None, say(
                        "links outside its theme folder, so it is not published; copy the file "
                        "into the theme instead")))
                if not real.is_dir():  # a FIFO or device too: reading it says what it is
                    yield path.relative_to(folder).as_posix(), path

    def static_files(self) -> dict[str, bytes]:
        """Every file of every static/ folder, the site's overriding the built-in by name."""
        files: dict[str, bytes] = {}
        for folder in reversed(self.folders):
            static = folder / "static"
            if static.is_dir():
                for name, path in self._files(static, folder):
                    files[name] = self._read(path)
        return files

    def _read(self, path: Path) -> bytes:
        try:
            return read_regular(path, MAX_THEME_FILE_BYTES)
        except OSError as error:
            raise ThemeError(Problem(self._rel(path), None, unreadable(error))) from None

    def fingerprint(self) -> str:
        """Changes whenever any theme file does; part of every cache key."""
        digest = hashlib.sha256(self.language.encode())
        for folder in self.folders:
            for name, path in self._files(folder, folder):
                if "__pycache__" not in name:
                    digest.update(name.encode())
                    digest.update(self._read(path))
        return digest.hexdigest()

    @cached_property
    def env(self) -> "jinja2.Environment":
        """The templates, made ready when a page is first rendered (render/templates.py);
        sandboxed whenever a template may come from the site's own theme folder."""
        from site_builder.render import templates

        own = any(os.path.lexists(f / "templates") for f in self.folders if f != BUILTIN)
        return templates.environment([f / "templates" for f in self.folders], own, self._rel)

    def render(self, template: str, context: dict) -> str:
        from site_builder.render import templates

        return templates.render(self.env, template, context, self._rel)
