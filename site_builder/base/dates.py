"""Calendar days in the site's timezone: parsing --as-of, today, and how dates are written."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from site_builder.base.messages import say
from site_builder.base.problems import UsageError

MAX_NOTICE_DAYS = 3650  # ten years: a longer window is a typo
# Every date a source or a flag may state: far enough from the calendar's ends (0001-01-01,
# 9999-12-31) that adding or subtracting any notice window never leaves it.
FIRST_DAY, LAST_DAY = date(1900, 1, 1), date(9989, 12, 31)

_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")


def parse_as_of(text: str, flag: str = "--as-of") -> date:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise UsageError(say("{flag} {text}: write the date as YYYY-MM-DD", flag=flag, text=text))
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise UsageError(say("{flag} {text}: not a real calendar date", flag=flag,
                             text=text)) from None
    if not FIRST_DAY <= day <= LAST_DAY:
        raise UsageError(say("{flag} {text}: give a day from {first} to {last}", flag=flag,
                             text=text, first=FIRST_DAY, last=LAST_DAY))
    return day


@dataclass(frozen=True)
class Clock:
    """The one place "today" is decided (SPEC 3): ``--as-of``, or the current day in the
    site's timezone. A command asks once per run and passes the day on (Hugo's --clock)."""

    as_of: date | None = None

    def today(self, timezone: str) -> date:
        return self.as_of or datetime.now(ZoneInfo(timezone)).date()


def midnight(day: date, timezone: str) -> datetime:
    return datetime.combine(day, time(0, 0), tzinfo=ZoneInfo(timezone))


def rfc822(day: date, timezone: str) -> str:
    """00:00 of the day in the site's timezone, as RSS wants it: 'Sun, 15 Feb 2015 00:00:00 +0900'.

    RFC 822 zones are whole minutes; before standard time zones (Seoul until 1908: +08:27:52)
    the offset is rounded to the nearest minute.
    """
    weekday = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")[day.weekday()]
    return (f"{weekday}, {day.day:02d} {_MONTHS_EN[day.month - 1][:3]} {day.year:04d} 00:00:00 "
            f"{_offset(day, timezone, '')}")


def rfc3339(day: date, timezone: str) -> str:
    """00:00 of the day in the site's timezone for Atom and JSON Feed: '2015-02-15T00:00:00+09:00'."""
    return f"{day.isoformat()}T00:00:00{_offset(day, timezone, ':')}"


def _offset(day: date, timezone: str, separator: str) -> str:
    """The zone's offset at 00:00 of the day in whole minutes, rounded (both formats want
    minutes; Seoul before 1908 was +08:27:52)."""
    minutes = round(midnight(day, timezone).utcoffset().total_seconds() / 60)
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}{separator}{abs(minutes) % 60:02d}"


def long_date(day: date, language: str) -> str:
    """2015년 2월 15일, February 15, 2015; in any other language (a translation's theme words)
    the ISO date, which every reader can read."""
    if language == "ko":
        return f"{day.year}년 {day.month}월 {day.day}일"
    if language == "en":
        return f"{_MONTHS_EN[day.month - 1]} {day.day}, {day.year}"
    return day.isoformat()
