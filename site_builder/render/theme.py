"""The theme: Jinja2 templates, UI strings and static files, a site's own over the built-in.

A site's theme may come from a pull request, so it is untrusted: templates run in Jinja2's
immutable sandbox (no access to Python internals, no changing data), every template, string and
static file must lie inside its theme folder after following links, and every mistake in a
theme is a problem naming its file and line, never a crash.
"""

from __future__ import annotations

import difflib
import hashlib
import os
import traceback
from pathlib import Path

import jinja2
from jinja2.loaders import split_template_path

from site_builder.base.messages import say
from site_builder.base.paths import BUILTIN_THEME as BUILTIN, is_inside, real_path
from site_builder.base.problems import Problem
from site_builder.base.untrusted import read_regular, unreadable
from site_builder.base.deadline import OutOfTime, deadline
from site_builder.render.sandbox import (PAGE_SECONDS, BuiltinEnvironment, SandboxLimit,
                                         ThemeSandbox)
from site_builder.render.theme_strings import ThemeError, read_strings



class _CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates kept in memory for the life of the process, so a new theme object
    (one per rebuild in serve) does not compile them again. Entries are keyed by the
    template's source checksum, so an edited template is compiled anew."""

    def __init__(self):
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


# One cache per kind of environment: the sandbox compiles templates differently (its
# arithmetic is checked), so code compiled for one must never run in the other.
_COMPILED = {ThemeSandbox: _CompiledTemplates(), BuiltinEnvironment: _CompiledTemplates()}


class _ContainedLoader(jinja2.BaseLoader):
    """Templates from the theme folders only, the site's before the built-in: a link leading
    out of its folder is refused, and so is a file that is not a regular file (a FIFO would
    hang the build), too large, or not UTF-8, each as a problem with its path."""

    def __init__(self, folders: list[Path], rel):
        self.folders = folders
        self.real_folders = [real_path(f) for f in folders]
        self.rel = rel

    def get_source(self, environment, template):
        pieces = split_template_path(template)  # refuses '..' and absolute names
        for folder in self.folders:
            path = folder.joinpath(*pieces)
            if path.exists() or path.is_symlink():
                return self._source(path)
        raise jinja2.TemplateNotFound(template)

    def _source(self, path: Path):
        real = real_path(path)
        if real is None or not any(f and is_inside(real, f) for f in self.real_folders):
            raise ThemeError(Problem(self.rel(path), None, say(
                "template links to a file outside its theme folder; copy the file into the "
                "theme instead")))
        try:
            data = read_regular(path, MAX_THEME_FILE_BYTES)
            # Up to date for the life of this theme: one build, or one rebuild in serve.
            return data.decode("utf-8"), str(path), lambda: True
        except UnicodeDecodeError as error:
            raise ThemeError(Problem(self.rel(path), None, say(
                "template is not valid UTF-8 (byte 0x{byte}); save it as UTF-8",
                byte=f"{error.object[error.start]:02x}"))) from None
        except OSError as error:
            raise ThemeError(Problem(self.rel(path), None, unreadable(error))) from None

    def list_templates(self) -> list[str]:
        return sorted({p.relative_to(f).as_posix() for f in self.folders if f.is_dir()
                       for p in f.rglob("*") if p.suffix in (".html", ".xml", ".j2")})


class Theme:
    def __init__(self, root: Path, name: str, language: str, builtin_only: bool = False):
        self.root = root
        self.folders = [BUILTIN] if builtin_only else self._folders(root, name)
        self.language = language
        # Sandboxed whenever a template may come from the site's own theme folder.
        own_templates = any(os.path.lexists(f / "templates") for f in self.folders if f != BUILTIN)
        environment = ThemeSandbox if own_templates else BuiltinEnvironment
        self.env = environment(
            loader=_ContainedLoader([f / "templates" for f in self.folders], self._rel),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
            bytecode_cache=_COMPILED[environment],
        )
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

    def render(self, template: str, context: dict) -> str:
        self.env.page_started()
        try:
            with deadline(PAGE_SECONDS):
                return self.env.get_template(template).render(context)
        except ThemeError:
            raise
        except SandboxLimit as error:
            path, line = self._template_frame(error)
            raise ThemeError(Problem(path or template, line, say(
                "template refused: {reason}", reason=error.reason))) from None
        except OutOfTime as error:
            path, line = self._template_frame(error)
            raise ThemeError(Problem(path or template, line, say(
                "template ran for more than {seconds} s (a loop that does not end?); a page "
                "renders in milliseconds", seconds=f"{PAGE_SECONDS:g}"))) from None
        except jinja2.TemplateNotFound as error:
            path, line = self._template_frame(error)
            raise ThemeError(Problem(path or template, line, _not_found(error.name, self.env)))
        except RecursionError:
            raise ThemeError(Problem(path_of(self.env, template, self._rel), None, say(
                "templates extend or include each other in a loop; break the loop"))) from None
        except jinja2.TemplateSyntaxError as error:
            raise ThemeError(Problem(self._rel(error.filename or template), error.lineno, say(
                "template syntax error: {reason}", reason=error.message))) from None
        except jinja2.TemplateError as error:
            path, line = self._template_frame(error)
            raise ThemeError(Problem(path or template, line, say(
                "template error: {reason}; check the name against the default theme's templates",
                reason=str(error)))) from None
        except Exception as error:  # noqa: BLE001 - any failure inside a template is the theme's
            path, line = self._template_frame(error)
            raise ThemeError(Problem(path or template, line, say(
                "template failed: {kind}: {reason}", kind=type(error).__name__,
                reason=str(error)))) from None

    def _template_frame(self, error: Exception) -> tuple[str | None, int | None]:
        """Jinja rewrites tracebacks so template frames carry the template's file and line."""
        for frame in reversed(traceback.extract_tb(error.__traceback__)):
            if frame.filename.endswith((".html", ".xml", ".j2")):
                return self._rel(frame.filename), frame.lineno
        return None, None


MAX_THEME_FILE_BYTES = 64 * 1024 * 1024  # a font or an image; more is no theme's


def path_of(env: ThemeSandbox, template: str, rel) -> str:
    """Where a template is, as messages show it."""
    for folder in env.loader.folders:
        if (folder / template).exists():
            return rel(folder / template)
    return template


def _not_found(name: str, env: ThemeSandbox) -> str:
    known = env.loader.list_templates()
    close = difflib.get_close_matches(name, known, n=1)
    hint = (say("did you mean '{key}'?", key=close[0]) if close else
            say("the templates are: {listed}", listed=", ".join(known)))
    return say("no template '{name}' in the theme or the default theme; {hint}", name=name,
               hint=hint)
