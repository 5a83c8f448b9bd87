"""What a command needs to know of a site before loading it, read with the least work: the
language of its messages and the timezone its days are counted in (settings.py declares
these settings; this is the light way to peek at them, for a build that may have nothing to
do)."""

from __future__ import annotations

import contextlib
import hashlib
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from site_builder.base.files import replace_with_json
from site_builder.base.languages import DEFAULT_LANGUAGE, LANGUAGES
from site_builder.base.paths import cache_folder
from site_builder.base.untrusted import load_json, read_regular

DEFAULT_TIMEZONE = "Asia/Seoul"
# Files in the time zone database that name no place: the machine's own zone, and fillers.
NOT_TIMEZONES = ("localtime", "posixrules", "Factory")
PEEK_BYTES = 64 * 1024  # settings, not text: a larger site.yaml is the loader's to refuse
_MEMO = "site-basics.json"  # in the cache folder: what site.yaml's bytes state, by their hash


def loads_as_timezone(name: str) -> bool:
    if name in NOT_TIMEZONES:
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: "Asia", a folder
        return False
    return True


@dataclass(frozen=True)
class SiteBasics:
    """What a command needs before the site is loaded: the language its messages are in (None
    when site.yaml does not say a usable one: then English) and the timezone "today" is
    counted in."""

    language: str | None = None
    timezone: str = DEFAULT_TIMEZONE


def peek_site(root: Path, remember: bool = False) -> SiteBasics:
    """site.yaml's language and timezone, read as strictly as the loader reads them (no
    anchors: the file may come from anyone), with the loader's fallbacks when they are
    unusable; the loader reports what is wrong. The timezone is only loaded, not looked up in
    the list of zones (a walk of the time zone database, longer than a whole build with
    nothing to do): a zone that loads but is not listed is an error that stops the build
    anyway. What these bytes state is kept in the cache folder (``remember``: a build's, as
    its other results): a build with nothing to do then never loads the YAML library (12 ms
    of one)."""
    try:  # a FIFO or a device is refused (and reported by the loader), never waited on
        data = read_regular(root / "policies" / "site.yaml", PEEK_BYTES)
    except (OSError, ValueError):
        return SiteBasics()
    key, folder = hashlib.sha256(data).hexdigest(), cache_folder(root)
    stated = _recalled(folder, key)
    if stated is None:
        stated = _stated(data)
        if remember and folder:
            _remember(folder, key, stated)
    language, zone = stated
    return SiteBasics(language if language in LANGUAGES else None,
                      zone if loads_as_timezone(zone) else DEFAULT_TIMEZONE)


def _stated(data: bytes) -> tuple[str, str]:
    """The language and the timezone site.yaml states ('' for a language it cannot)."""
    from site_builder.sources.yamlfields import Fields, compose_mapping  # PyYAML: 12 ms

    try:
        fields = compose_mapping(data.decode("utf-8"), "site.yaml", 1)
    except ValueError:  # not UTF-8 (UnicodeDecodeError), not YAML
        return "", DEFAULT_TIMEZONE
    if not isinstance(fields, Fields):
        return "", DEFAULT_TIMEZONE
    return (fields.text("language") or DEFAULT_LANGUAGE,
            fields.text("timezone") or DEFAULT_TIMEZONE)


def _recalled(folder: Path | None, key: str) -> tuple[str, str] | None:
    """What site.yaml with these bytes states, as a build found it; None if not known (the
    file is the user's cache: a value of another shape is no value)."""
    if folder is None:
        return None
    try:
        known = load_json(read_regular(folder / _MEMO, PEEK_BYTES, follow=False))
    except (OSError, ValueError):
        return None
    if (isinstance(known, dict) and known.get("sha256") == key
            and all(isinstance(known.get(name), str) for name in ("language", "timezone"))):
        return known["language"], known["timezone"]
    return None


def _remember(folder: Path, key: str, stated: tuple[str, str]) -> None:
    """Kept for the next command; failing to keep it only costs that one the 12 ms."""
    with contextlib.suppress(OSError):
        replace_with_json(folder / _MEMO,
                          {"sha256": key, "language": stated[0], "timezone": stated[1]})
