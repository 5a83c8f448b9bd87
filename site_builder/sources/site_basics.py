"""What a command needs to know of a site before loading it, read with the least work: the
language of its messages and the timezone its days are counted in (settings.py declares
these settings; this is the light way to peek at them, for a build that may have nothing to
do)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from site_builder.base.languages import DEFAULT_LANGUAGE, LANGUAGES
from site_builder.base.untrusted import read_regular
from site_builder.sources.yamlfields import Fields, compose_mapping

DEFAULT_TIMEZONE = "Asia/Seoul"
# Files in the time zone database that name no place: the machine's own zone, and fillers.
NOT_TIMEZONES = ("localtime", "posixrules", "Factory")
PEEK_BYTES = 64 * 1024  # settings, not text: a larger site.yaml is the loader's to refuse


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


def peek_site(root: Path) -> SiteBasics:
    """site.yaml's language and timezone, read as strictly as the loader reads them (no
    anchors: the file may come from anyone), with the loader's fallbacks when they are
    unusable; the loader reports what is wrong. The timezone is only loaded, not looked up in
    the list of zones (a walk of the time zone database, longer than a whole build with
    nothing to do): a zone that loads but is not listed is an error that stops the build
    anyway."""
    try:  # a FIFO or a device is refused (and reported by the loader), never waited on
        text = read_regular(root / "policies" / "site.yaml", PEEK_BYTES).decode("utf-8")
        fields = compose_mapping(text, "site.yaml", 1)
    except (OSError, ValueError):
        return SiteBasics()
    if not isinstance(fields, Fields):
        return SiteBasics()
    stated = fields.text("language") or DEFAULT_LANGUAGE
    zone = fields.text("timezone") or DEFAULT_TIMEZONE
    return SiteBasics(stated if stated in LANGUAGES else None,
                      zone if loads_as_timezone(zone) else DEFAULT_TIMEZONE)
