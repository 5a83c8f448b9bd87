"""The theme: Jinja2 templates, UI strings and static files, a site's own over the built-in.

A site's theme may come from a pull request, so it is untrusted: templates run in Jinja2's
immutable sandbox (no access to Python internals, no changing data), every template, string and
static file must lie inside its theme folder after following links, and every mistake in a
theme is a problem naming its file and line, never a crash.
"""

from __future__ import annotations

import hashlib
import os
import traceback
from pathlib import Path

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment

from site_builder.base.messages import say
from site_builder.base.paths import BUILTIN_THEME as BUILTIN, is_inside, real_path
from site_builder.base.problems import Problem
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


_COMPILED = _CompiledTemplates()


class _ContainedLoader(jinja2.FileSystemLoader):
    """Templates from the theme folders only: a link leading out of its folder is refused,
    and a file that is not UTF-8 is a problem with its path."""

    def __init__(self, folders: list[Path], rel):
        super().__init__([str(f) for f in folders])
        self.real_folders = [real_path(f) for f in folders]
        self.rel = rel

    def get_source(self, environment, template):
        source, filename, uptodate = _source_or_problem(super().get_source, environment, template,
                                                        self.rel)
        real = real_path(Path(filename))
        if real is None or not any(f and is_inside(real, f) for f in self.real_folders):
            raise ThemeError(Problem(self.rel(filename), None, say(
                "template links to a file outside its theme folder; copy the file into the "
                "theme instead")))
        return source, filename, uptodate


def _source_or_problem(get_source, environment, template, rel):
    try:
        return get_source(environment, template)
    except UnicodeDecodeError as error:
        raise ThemeError(Problem(rel(_find(environment, template)), None, say(
            "template is not valid UTF-8 (byte 0x{byte}); save it as UTF-8",
            byte=f"{error.object[error.start]:02x}"))) from None
    except OSError as error:
        raise ThemeError(Problem(template, None, say("cannot read this template ({reason})",
                                                     reason=error.strerror))) from None


def _find(environment, template: str) -> str:
    for folder in environment.loader.searchpath:
        candidate = os.path.join(folder, template)
        if os.path.exists(candidate):
            return candidate
    return template




class Theme:
    def __init__(self, root: Path, name: str, language: str, builtin_only: bool = False):
        self.root = root
        self.folders = [BUILTIN] if builtin_only else self._folders(root, name)
        self.language = language
        self.env = ImmutableSandboxedEnvironment(
            loader=_ContainedLoader([f / "templates" for f in self.folders], self._rel),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
            bytecode_cache=_COMPILED,
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
                if real.is_file():
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
            return path.read_bytes()
        except OSError as error:
            raise ThemeError(Problem(self._rel(path), None, say(
                "cannot read this theme file ({reason})", reason=error.strerror))) from None

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
        try:
            return self.env.get_template(template).render(context)
        except ThemeError:
            raise
        except jinja2.TemplateSyntaxError as error:
            raise ThemeError(Problem(self._rel(error.filename or template), error.lineno, say(
                "template syntax error: {reason}", reason=error.message))) from None
        except jinja2.TemplateError as error:
            path, line = self._template_frame(error)
            raise ThemeError(Problem(path or template, line, say(
                "template error: {reason}; check the name against the default theme's templates",
                reason=str(error)))) from None
        except RecursionError:
            raise ThemeError(Problem(self._rel(_find(self.env, template)), None, say(
                "templates extend or include each other in a loop; break the loop"))) from None
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
