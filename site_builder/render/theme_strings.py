"""A theme's UI strings (``strings/<language>.yaml``): the site theme's words over the
default's, key by key, each checked against the placeholders the default's string has."""

from __future__ import annotations

import difflib
import re
import string
from pathlib import Path
from typing import Callable

from site_builder.base.messages import say
from site_builder.base.paths import BUILTIN_THEME, is_inside, real_path
from site_builder.base.problems import Problem
from site_builder.sources.sourcefile import read_source
from site_builder.sources.yamlfields import Fields, compose_mapping

# What a language is called (language_ja: 日本語): a theme may name languages the default does not.
_LANGUAGE_NAME = re.compile(r"\Alanguage_[a-z]{2,3}(?:-[a-z0-9]{2,8})*\Z")
MAX_THEME_FILE_BYTES = 64 * 1024 * 1024  # a template, a font or an image; more is no theme's


class ThemeError(Exception):
    """A template or theme file that cannot be used, as a problem naming file and line."""

    def __init__(self, problem: Problem):
        super().__init__(problem)  # the only argument, so the error survives pickling
        self.problem = problem

    def __str__(self) -> str:
        return self.problem.as_text()


def read_strings(folders: list[Path], language: str, rel: Callable[[Path], str]) -> dict[str, str]:
    """UI strings, the site theme's (``folders`` but the last, the built-in) overriding the
    default's key by key; each may use only the placeholders the default's string has."""
    builtin = BUILTIN_THEME / "strings" / f"{language}.yaml"
    # A language the default theme has no words for starts from English; the site's theme
    # gives its own (the loader checked that it has a strings file for it).
    default = _texts(_fields(builtin if builtin.is_file()
                             else BUILTIN_THEME / "strings" / "en.yaml", folders, rel))
    strings = dict(default)
    for folder in folders[:-1]:
        path = folder / "strings" / f"{language}.yaml"
        if path.is_file() or path.is_symlink():
            strings.update(_own_strings(_fields(path, folders, rel), default))
    return strings


def _own_strings(fields: Fields, default: dict[str, str]) -> dict[str, str]:
    strings = _texts(fields)
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


def _fields(path: Path, folders: list[Path], rel: Callable[[Path], str]) -> Fields:
    """Read with the same strictness as the sources: a duplicate key is an error, not a win."""
    shown = rel(path)
    real = real_path(path)
    if real is None or not any(is_inside(real, r) for r in map(real_path, folders) if r):
        raise ThemeError(Problem(shown, None, say("strings file links outside its theme folder; "
                                                  "put the file itself there")))
    source = read_source(path, shown)
    fields = source if isinstance(source, Problem) else compose_mapping(source.text, shown, 1)
    if isinstance(fields, Problem):
        raise ThemeError(fields)
    return fields


def _texts(fields: Fields) -> dict[str, str]:
    strings = {key: fields.text(key, required=True) for key in fields.nodes}
    if fields.problems:
        raise ThemeError(fields.problems[0])
    return strings


def _placeholders(text: str, rel: str = "", line: int | None = None) -> set[str]:
    """The names a string's ``{...}`` placeholders use; unbalanced braces, and a format or
    conversion after a name (``{title:>200000000}`` would make a 200 MB title, ``{title:d}``
    fails on text), are problems."""
    try:
        fields = [(name, spec, conversion)
                  for _, name, spec, conversion in string.Formatter().parse(text)
                  if name is not None]
    except ValueError as error:
        raise ThemeError(Problem(rel, line, say(
            "string has a broken placeholder ({reason}); write {{name}} for a value, {{{{ or }}}} "
            "for a brace", reason=str(error)))) from None
    for name, spec, conversion in fields:
        if spec or conversion:
            raise ThemeError(Problem(rel, line, say(
                "string formats a value ('{{{name}{format}}}'); write {{{name}}} alone: a string "
                "only places values, the templates decide how they look", name=name,
                format=(f"!{conversion}" if conversion else "") + (f":{spec}" if spec else ""))))
    return {name for name, _, _ in fields}
