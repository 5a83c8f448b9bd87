"""Every setting a source file may state, declared once with its type and default.

As MkDocs' ``config_options``: a :class:`Schema` lists the keys of one kind of file (site.yaml,
document.yaml, a version's front matter, a translation's, a names file), each with the reader
that checks its value, so a key, its default and its check are written in one place. Reading
never raises: a wrong value becomes a problem at its line and the default is used, so one run
reports every mistake.
"""

from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable
from urllib.parse import urlsplit
from zoneinfo import available_timezones

from site_builder.base.dates import MAX_NOTICE_DAYS
from site_builder.base.languages import DEFAULT_LANGUAGE, LANGUAGES
from site_builder.base.messages import say
from site_builder.base.problems import Problem
from site_builder.model.site import NoticePolicy
from site_builder.sources.site_basics import DEFAULT_TIMEZONE, loads_as_timezone
from site_builder.sources.yamlfields import Fields

DEFAULT_THEME = "default"
DEFAULT_NOTICE = NoticePolicy()  # the model's 7 and 30 days (SPEC 2)
TRANSLATION_FALLBACKS = ("previous", "none")
THEME_NAME = re.compile(r"\A[A-Za-z0-9][A-Za-z0-9_-]*\Z")
LANGUAGE_TAG = re.compile(r"\A[a-z]{2,3}(?:-[a-z0-9]{2,8})*\Z")  # ja, zh-hant: folder names


@dataclass
class Context:
    """What a reader may need besides its key: the site folder (themes live there), the
    notice settings inherited from above, and the values read before it in the same file."""

    root: Path = Path(".")
    notice: NoticePolicy = DEFAULT_NOTICE
    values: dict = field(default_factory=dict)


Reader = Callable[[Fields, str, Context], object]


@dataclass(frozen=True)
class Option:
    key: str
    read: Reader


class Schema:
    """The keys of one kind of settings file, read in the order they are declared."""

    def __init__(self, *options: Option):
        self.options = options
        self.keys = [option.key for option in options]

    def read(self, fields: Fields, context: Context | None = None,
             also_known: tuple[str, ...] = ()) -> dict:
        """The values by key; ``also_known``: keys another rule reports (a translation's
        dates), not to be called unknown."""
        context = context or Context()
        fields.refuse_unknown(self.keys + list(also_known))
        for option in self.options:
            context.values[option.key] = option.read(fields, option.key, context)
        return context.values


def text(required: bool = False) -> Reader:
    return lambda fields, key, context: fields.text(key, required=required)


def day(required: bool = False) -> Reader:
    return lambda fields, key, context: fields.date(key, required=required)


def flag(fields: Fields, key: str, context: Context) -> bool:
    return fields.boolean(key)


def whole_number(default: int) -> Reader:
    return lambda fields, key, context: fields.integer(key, default)


def labelled_texts(fields: Fields, key: str, context: Context) -> tuple[tuple[str, str, int], ...]:
    """``reasons: {제6조: 삭제 요청 방법 추가}``: (label, text, line) for each entry."""
    nested = fields.mapping(key)
    if nested is None:
        return ()
    entries = []
    for label in nested.nodes:
        value = nested.text(label, required=True)
        if value:
            entries.append((label, value, nested.line(label)))
    return tuple(entries)


def one_of(choices: tuple[str, ...]) -> Reader:
    def read(fields: Fields, key: str, context: Context) -> str:
        value = fields.text(key) or choices[0]
        if value not in choices:
            fields.problems.append(Problem(fields.rel, fields.line(key), say(
                "'{key}: {value}' must be one of: {choices}", key=key, value=value,
                choices=", ".join(choices))))
            return choices[0]
        return value
    return read


def window(maximum_default: Callable[[NoticePolicy], int]) -> Reader:
    def read(fields: Fields, key: str, context: Context) -> int:
        return fields.integer(key, maximum_default(context.notice), 1, MAX_NOTICE_DAYS)
    return read


NOTICE = Schema(Option("days", window(lambda inherited: inherited.days)),
                Option("material_days", window(lambda inherited: inherited.material_days)))


def notice(fields: Fields, key: str, context: Context) -> NoticePolicy:
    """The notice settings a file states, each falling back to the inherited one."""
    nested = fields.mapping(key)
    if nested is None:
        return context.notice
    values = NOTICE.read(nested, Context(context.root, context.notice))
    return NoticePolicy(values["days"], values["material_days"])


def base_url(fields: Fields, key: str, context: Context) -> str:
    url = fields.text(key, required=True)
    wrong = base_url_problem(url) if url else None
    if wrong:
        fields.problems.append(Problem(fields.rel, fields.line(key), say(
            "base_url '{url}' {reason}; write the site's address like "
            "https://example.com/policies/", url=url, reason=wrong)))
    return (url or "").rstrip("/") + "/"


def base_url_problem(url: str) -> str | None:
    """Why a base_url cannot be the prefix of every feed, sitemap and canonical link."""
    if re.search(r"\s", url):
        return say("contains a space or line break")
    odd = re.search(r'["<>\\^`{|}]', url)
    if odd:
        return say("contains {character}, which an address cannot hold as it is; write it "
                   "percent-encoded", character=odd.group())
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return say("must be absolute (http:// or https:// and a host)")
    if parts.username is not None or parts.password is not None:
        return say("must not carry a user name or password")
    if parts.query or parts.fragment or url.endswith(("?", "#")):
        return say("must not have a query (?) or a fragment (#)")
    try:
        parts.port
    except ValueError:
        return say("has a port that does not exist (1 to 65535)")
    return None


def language(fields: Fields, key: str, context: Context) -> str:
    value = fields.text(key) or DEFAULT_LANGUAGE
    if value not in LANGUAGES:
        fields.problems.append(Problem(fields.rel, fields.line(key), say(
            "language '{language}' is not supported; use ko or en", language=value)))
        return DEFAULT_LANGUAGE
    return value


def timezone(fields: Fields, key: str, context: Context) -> str:
    name = fields.text(key) or DEFAULT_TIMEZONE
    if not (loads_as_timezone(name) and is_known_timezone(name)):
        fields.problems.append(Problem(fields.rel, fields.line(key), say(
            "unknown timezone '{name}'; use an IANA name such as Asia/Seoul", name=name)))
        return DEFAULT_TIMEZONE
    return name


def is_known_timezone(name: str) -> bool:
    """Listed by zoneinfo.available_timezones() (so not 'posix/Asia/Seoul', which loads too).
    That list starts from tzdata's list of zones, one file: a site's zone is nearly always in
    it, and the system's database is walked (11 ms, every build) only for one that is not."""
    return name in _tzdata_zones() or name in _known_timezones()


@lru_cache(maxsize=1)
def _tzdata_zones() -> frozenset[str]:
    try:
        import tzdata

        listed = os.path.join(os.path.dirname(tzdata.__file__), "zones")
        with open(listed, encoding="utf-8") as zones:
            return frozenset(line.strip() for line in zones if line.strip()) - {"posixrules"}
    except (ImportError, OSError, ValueError):  # no tzdata: the system's database alone
        return frozenset()


@lru_cache(maxsize=1)
def _known_timezones() -> frozenset[str]:
    """Walking the time zone database takes longer than a whole rebuild in serve: once."""
    return frozenset(available_timezones())


def theme(fields: Fields, key: str, context: Context) -> str:
    """A folder under themes/ by its plain name: never a path, which could publish or run
    files from anywhere."""
    name = fields.text(key) or DEFAULT_THEME
    themes = context.root / "themes"
    if not THEME_NAME.match(name):
        fields.problems.append(Problem(fields.rel, fields.line(key), say(
            "theme '{name}' must be the name of a folder under themes/ (letters, digits, - "
            "and _), not a path", name=name)))
        return DEFAULT_THEME
    if name != DEFAULT_THEME and not (themes / name).is_dir():
        known = sorted(p.name for p in themes.iterdir() if p.is_dir()) if themes.is_dir() else []
        close = difflib.get_close_matches(name, known, n=1)
        hint = (say("did you mean '{key}'?", key=close[0]) if close else
                say("create themes/{name}/", name=name))
        fields.problems.append(Problem(fields.rel, fields.line(key), say(
            "theme '{name}' not found (no folder themes/{name}/); {hint} or remove 'theme' to "
            "use the default", name=name, hint=hint)))
        return DEFAULT_THEME
    return name


def languages(fields: Fields, key: str, context: Context) -> tuple[str, ...]:
    """The original's language, then the translations' (``languages: [ko, en]``): ko and
    en, or any language the site's theme has words for (themes/<theme>/strings/ja.yaml)."""
    original, chosen_theme = context.values["language"], context.values["theme"]
    listed = fields.texts(key) or [original]
    known = [code for code in listed if code in LANGUAGES or (
        LANGUAGE_TAG.match(code)
        and (context.root / "themes" / chosen_theme / "strings" / f"{code}.yaml").is_file())]
    for code in (code for code in listed if code not in known):
        fields.problems.append(Problem(fields.rel, fields.line(key), say(
            "languages: the theme has no words in '{language}'; add themes/{theme}/strings/"
            "{language}.yaml (the default theme's en.yaml, translated), or use ko or en",
            language=code, theme=chosen_theme)))
    if original not in listed:
        fields.problems.append(Problem(fields.rel, fields.line(key), say(
            "languages must list the site's language '{language}' (the originals' "
            "language), e.g. languages: [{language}, {other}]", language=original,
            other=next(iter(set(LANGUAGES) - {original})))))
    return tuple(dict.fromkeys([original, *known]))


# Declared in the order "allowed keys: ..." lists them; a reader may use the values read
# before it (languages needs language and theme).
SITE = Schema(
    Option("title", text(required=True)), Option("base_url", base_url),
    Option("language", language), Option("timezone", timezone), Option("theme", theme),
    Option("notice", notice), Option("adopted", day()), Option("languages", languages),
    Option("translation_fallback", one_of(TRANSLATION_FALLBACKS)))
DOCUMENT = Schema(
    Option("title", text(required=True)), Option("description", text()),
    Option("notice", notice), Option("order", whole_number(0)), Option("noun", text()))
VERSION = Schema(
    Option("effective", day(required=True)), Option("announced", day()),
    Option("summary", text()), Option("material", flag), Option("title", text()),
    Option("withdrawn", day()), Option("withdrawn_reason", text()),
    Option("reasons", labelled_texts))
ORIGINAL_ONLY_KEYS = ("effective", "announced", "material", "withdrawn")
_SHA256 = re.compile(r"\A[0-9a-f]{12,64}\Z")


def translates(fields: Fields, key: str, context: Context) -> str | None:
    """The hash as text: unquoted, YAML would read an all-digit hash as a number."""
    written = fields.as_written(key)
    if written is None or _SHA256.match(written.lower()):
        return written.lower() if written else None
    fields.problems.append(Problem(fields.rel, fields.line(key), say(
        "translates '{value}' is not a SHA-256: write the original's hash as its version page "
        "and versions.json show it (64 hex digits, or the first 12 or more); policy-site new "
        "DOC --translate LANGUAGE writes it for you", value=written)))
    return None


# A translation holds only what may differ from its original; ORIGINAL_ONLY_KEYS are its
# original's (the text that binds).
TRANSLATION = Schema(
    Option("title", text()), Option("summary", text()), Option("reasons", labelled_texts),
    Option("withdrawn_reason", text()), Option("translates", translates))
NAMES = {"site": Schema(Option("title", text())),
         "document": Schema(Option("title", text()), Option("description", text()),
                            Option("noun", text()))}
