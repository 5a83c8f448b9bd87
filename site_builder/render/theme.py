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
import re
import string
import traceback
from pathlib import Path

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment

from site_builder.cache.fingerprint import BUILTIN_THEME as BUILTIN
from site_builder.base.messages import say
from site_builder.base.paths import is_inside, real_path
from site_builder.base.problems import Problem
from site_builder.sources.sourcefile import read_source
from site_builder.sources.yamlfields import Fields, compose_mapping



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


class ThemeError(Exception):
    """A template or theme file that cannot be used, as a problem naming file and line."""

    def __init__(self, problem: Problem):
        super().__init__(problem)  # the only argument, so the error survives pickling
        self.problem = problem

    def __str__(self) -> str:
        return self.problem.as_text()


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


# What a language is called (language_ja: 日本語): a theme may name languages the default does not.
_LANGUAGE_NAME = re.compile(r"\Alanguage_[a-z]{2,3}(?:-[a-z0-9]{2,8})*\Z")


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
        self.strings = self._strings()

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

    def _strings(self) -> dict[str, str]:
        """UI strings, the site theme's overriding the default's key by key; each may use only
        the placeholders the default's string has."""
        builtin = BUILTIN / "strings" / f"{self.language}.yaml"
        # A language the default theme has no words for starts from English; the site's theme
        # gives its own (the loader checked that it has a strings file for it).
        default = self._read_strings(builtin if builtin.is_file()
                                     else BUILTIN / "strings" / "en.yaml")
        strings = dict(default)
        for folder in self.folders[:-1]:
            path = folder / "strings" / f"{self.language}.yaml"
            if path.is_file() or path.is_symlink():
                strings.update(self._own_strings(path, default))
        return strings

    def _own_strings(self, path: Path, default: dict[str, str]) -> dict[str, str]:
        fields = self._fields(path)
        strings = self._texts(fields)
        for key, text in strings.items():
            line = fields.line(key)
            if key not in default and not _LANGUAGE_NAME.match(key):
                close = difflib.get_close_matches(key, list(default), n=1)
                hint = (say("did you mean '{key}'?", key=close[0]) if close else
                        say("see the default theme's strings"))
                raise ThemeError(Problem(fields.rel, line, say("unknown string '{key}'; {hint}",
                                                               key=key, hint=hint)))
            allowed = _placeholders(default.get(key, ""))
            used = _placeholders(text, fields.rel, line)
            if not used <= allowed:
                names = ", ".join("{" + n + "}" for n in sorted(allowed)) or say("none")
                raise ThemeError(Problem(fields.rel, line, say(
                    "'{key}' uses {used}, which this string does not have; it can use: {names}",
                    key=key, used=", ".join("{" + n + "}" for n in sorted(used - allowed)),
                    names=names)))
        return strings

    def _read_strings(self, path: Path) -> dict[str, str]:
        return self._texts(self._fields(path))

    def _fields(self, path: Path) -> Fields:
        """Read with the same strictness as the sources: a duplicate key is an error, not a win."""
        rel = self._rel(path)
        real = real_path(path)
        if real is None or not any(is_inside(real, r) for r in map(real_path, self.folders) if r):
            raise ThemeError(Problem(rel, None, say("strings file links outside its theme folder; "
                                                "put the file itself there")))
        source = read_source(path, rel)
        fields = source if isinstance(source, Problem) else compose_mapping(source.text, rel, 1)
        if isinstance(fields, Problem):
            raise ThemeError(fields)
        return fields

    @staticmethod
    def _texts(fields: Fields) -> dict[str, str]:
        strings = {key: fields.text(key, required=True) for key in fields.nodes}
        if fields.problems:
            raise ThemeError(fields.problems[0])
        return strings

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


def _placeholders(text: str, rel: str = "", line: int | None = None) -> set[str]:
    """The names a string's ``{...}`` placeholders use; unbalanced braces are a problem."""
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError as error:
        raise ThemeError(Problem(rel, line, say(
            "string has a broken placeholder ({reason}); write {{name}} for a value, {{{{ or }}}} "
            "for a brace", reason=str(error)))) from None
