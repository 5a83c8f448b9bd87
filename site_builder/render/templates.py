"""The theme's templates through Jinja2: loaded from the theme folders only, compiled once a
process, and rendered with every failure a problem naming the template's file and line.

Loaded when a page is first rendered (render/theme.py): a build that finds every page in the
cache (a CI deploy) renders none, and importing Jinja2 takes 21 ms.
"""

from __future__ import annotations

import difflib
import traceback
from pathlib import Path

import jinja2
from jinja2.loaders import split_template_path

from site_builder.base.deadline import OutOfTime, deadline
from site_builder.base.messages import say
from site_builder.base.paths import is_inside, real_path
from site_builder.base.problems import Problem
from site_builder.base.untrusted import read_regular, unreadable
from site_builder.render.sandbox import (PAGE_SECONDS, BuiltinEnvironment, SandboxLimit,
                                         ThemeSandbox)
from site_builder.render.selector_items import version_items_global
from site_builder.render.shipped_templates import shipped_code
from site_builder.render.theme_strings import MAX_THEME_FILE_BYTES, ThemeError


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


class _ShippedOrCompiled(_CompiledTemplates):
    """The built-in environment's: a template not compiled in this process yet comes from its
    shipped form where that is still its own (shipped_templates.py)."""

    def get_bucket(self, environment, name, filename, source):
        bucket = super().get_bucket(environment, name, filename, source)
        if bucket.code is None:
            bucket.code = shipped_code(name, bucket.checksum, filename)
            if bucket.code is not None:
                self.set_bucket(bucket)
        return bucket


# One cache per kind of environment: the sandbox compiles templates differently (its
# arithmetic is checked), so code compiled for one must never run in the other.
_COMPILED = {ThemeSandbox: _CompiledTemplates(), BuiltinEnvironment: _ShippedOrCompiled()}


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


def environment(folders: list[Path], sandboxed: bool, rel) -> jinja2.Environment:
    """The templates of ``folders`` (the site's theme first), in the sandbox whenever a
    template may come from the site's own theme folder."""
    kind = ThemeSandbox if sandboxed else BuiltinEnvironment
    made = kind(
        loader=_ContainedLoader(folders, rel),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        bytecode_cache=_COMPILED[kind],
    )
    made.globals["version_items"] = version_items_global()
    return made


def render(env: jinja2.Environment, template: str, context: dict, rel) -> str:
    """One page, within PAGE_SECONDS; ``rel`` names a template's file as messages show it."""
    env.page_started()
    try:
        with deadline(PAGE_SECONDS):
            return env.get_template(template).render(context)
    except ThemeError:
        raise
    except SandboxLimit as error:
        path, line = _template_frame(error, rel)
        raise ThemeError(Problem(path or template, line, say(
            "template refused: {reason}", reason=error.reason))) from None
    except OutOfTime as error:
        path, line = _template_frame(error, rel)
        raise ThemeError(Problem(path or template, line, say(
            "template ran for more than {seconds} s (a loop that does not end?); a page "
            "renders in milliseconds", seconds=f"{PAGE_SECONDS:g}"))) from None
    except jinja2.TemplateNotFound as error:
        path, line = _template_frame(error, rel)
        raise ThemeError(Problem(path or template, line, _not_found(error.name, env)))
    except RecursionError:
        raise ThemeError(Problem(path_of(env, template, rel), None, say(
            "templates extend or include each other in a loop; break the loop"))) from None
    except jinja2.TemplateSyntaxError as error:
        raise ThemeError(Problem(rel(error.filename or template), error.lineno, say(
            "template syntax error: {reason}", reason=error.message))) from None
    except jinja2.TemplateError as error:
        path, line = _template_frame(error, rel)
        raise ThemeError(Problem(path or template, line, say(
            "template error: {reason}; check the name against the default theme's templates",
            reason=str(error)))) from None
    except Exception as error:  # noqa: BLE001 - any failure inside a template is the theme's
        path, line = _template_frame(error, rel)
        raise ThemeError(Problem(path or template, line, say(
            "template failed: {kind}: {reason}", kind=type(error).__name__,
            reason=str(error)))) from None


def _template_frame(error: Exception, rel) -> tuple[str | None, int | None]:
    """Jinja rewrites tracebacks so template frames carry the template's file and line."""
    for frame in reversed(traceback.extract_tb(error.__traceback__)):
        if frame.filename.endswith((".html", ".xml", ".j2")):
            return rel(frame.filename), frame.lineno
    return None, None


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
