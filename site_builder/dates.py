"""Calendar days in the site's timezone: parsing --as-of, today, and how dates are written."""

from __future__ import annotations

import re
from datetime import date, datetime, time
from email.utils import format_datetime
from zoneinfo import ZoneInfo

from site_builder.problems import UsageError

_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")


def parse_as_of(text: str, flag: str = "--as-of") -> date:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise UsageError(f"{flag} {text}: write the date as YYYY-MM-DD")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"{flag} {text}: not a real calendar date") from None


def today_in(timezone: str) -> date:
    return datetime.now(ZoneInfo(timezone)).date()


def midnight(day: date, timezone: str) -> datetime:
    return datetime.combine(day, time(0, 0), tzinfo=ZoneInfo(timezone))


def rfc822(day: date, timezone: str) -> str:
    """00:00 of the day in the site's timezone, as RSS wants it: 'Sun, 15 Feb 2015 00:00:00 +0900'."""
    return format_datetime(midnight(day, timezone))


def long_date(day: date, language: str) -> str:
    if language == "ko":
        return f"{day.year}년 {day.month}월 {day.day}일"
    return f"{_MONTHS_EN[day.month - 1]} {day.day}, {day.year}"
