"""The theme: Jinja2 templates, UI strings and static files, a site's own over the built-in."""

from __future__ import annotations

import hashlib
import traceback
from importlib import resources
from pathlib import Path

import jinja2

from site_builder.problems import Problem
from site_builder.sourcefile import read_source
from site_builder.yamlfields import compose_mapping

BUILTIN = Path(str(resources.files("site_builder.themes"))) / "default"


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


class Theme:
    def __init__(self, root: Path, name: str, language: str, builtin_only: bool = False):
        self.root = root
        self.folders = [BUILTIN] if builtin_only else self._folders(root, name)
        self.language = language
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader([str(f / "templates") for f in self.folders]),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
            bytecode_cache=_COMPILED,
        )
        self.strings = self._strings()

    @staticmethod
    def _folders(root: Path, name: str) -> list[Path]:
        """The site's theme folder first, then the built-in default as the fallback."""
        own = root / "themes" / name
        if name != "default" and not own.is_dir():
            raise ThemeError(Problem("policies/site.yaml", None, f"theme '{name}' not found: "
                                     f"create themes/{name}/templates/ or remove 'theme'"))
        folders = [own] if own.is_dir() and own.resolve() != BUILTIN.resolve() else []
        return folders + [BUILTIN]

    def _strings(self) -> dict[str, str]:
        """UI strings, the site theme's overriding the default's key by key."""
        strings: dict[str, str] = {}
        for folder in reversed(self.folders):
            path = folder / "strings" / f"{self.language}.yaml"
            if path.is_file():
                strings.update(self._read_strings(path))
        return strings

    def _read_strings(self, path: Path) -> dict[str, str]:
        """Read with the same strictness as the sources: a duplicate key is an error, not a win."""
        rel = self._rel(path)
        source = read_source(path, rel)
        fields = source if isinstance(source, Problem) else compose_mapping(source.text, rel, 1)
        if isinstance(fields, Problem):
            raise ThemeError(fields)
        strings = {key: fields.text(key, required=True) for key in fields.nodes}
        if fields.problems:
            raise ThemeError(fields.problems[0])
        return strings

    def _rel(self, path: Path) -> str:
        path = Path(path)
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()

    def static_files(self) -> dict[str, bytes]:
        """Every file of every static/ folder, the site's overriding the built-in by name."""
        files: dict[str, bytes] = {}
        for folder in reversed(self.folders):
            static = folder / "static"
            if static.is_dir():
                for path in sorted(static.rglob("*")):
                    if path.is_file():
                        files[path.relative_to(static).as_posix()] = path.read_bytes()
        return files

    def fingerprint(self) -> str:
        """Changes whenever any theme file does; part of every cache key."""
        digest = hashlib.sha256(self.language.encode())
        for folder in self.folders:
            for path in sorted(folder.rglob("*")):
                if path.is_file() and "__pycache__" not in path.parts:
                    digest.update(path.relative_to(folder).as_posix().encode())
                    digest.update(path.read_bytes())
        return digest.hexdigest()

    def render(self, template: str, context: dict) -> str:
        try:
            return self.env.get_template(template).render(context)
        except jinja2.TemplateSyntaxError as error:
            raise ThemeError(Problem(self._rel(error.filename or template), error.lineno,
                                     f"template syntax error: {error.message}")) from None
        except jinja2.TemplateError as error:
            path, line = self._template_frame(error)
            raise ThemeError(Problem(path or template, line,
                                     f"template error: {error}; check the name against the "
                                     "default theme's templates")) from None

    def _template_frame(self, error: Exception) -> tuple[str | None, int | None]:
        """Jinja rewrites tracebacks so template frames carry the template's file and line."""
        for frame in reversed(traceback.extract_tb(error.__traceback__)):
            if frame.filename.endswith((".html", ".xml", ".j2")):
                return self._rel(frame.filename), frame.lineno
        return None, None
