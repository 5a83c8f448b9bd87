"""Effective dates that a policy's own text states: "시행일자 : 2016년 3월 1일", "이 약관은
2016년 3월 1일부터 시행합니다". A text that names another day than its ``effective`` misleads
its readers, so check warns about it and ``new`` restates it in the copy it writes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_DAY = r"(\d{4})\s*(년|\.|-|/)\s*(\d{1,2})\s*(?:월|\.|-|/)\s*(\d{1,2})\s*(?:일|\.)?"
# A heading-like statement of the version's own day: what `new` may restate.
_LABELLED = re.compile(r"(?:시행\s*일자|시행일|효력\s*발생일)\s*[:：]?\s*" + _DAY)
# A sentence of the 부칙 kind; older versions' 부칙 keep theirs, so only their absence of the
# right day counts.
_FROM = re.compile(_DAY + r"\s*부터\s*(?:시행|적용)")


_ADDENDA_HEADING = re.compile(r"^#+\s*부\s*칙", re.M)


@dataclass(frozen=True)
class StatedDate:
    line: int  # 0-based within the body
    day: date
    labelled: bool
    start: int  # where the year starts in the body
    end: int  # where the day's digits end
    in_addenda: bool  # under a 부칙 heading: the record of an earlier amendment, kept as is


def stated_dates(body: str) -> list[StatedDate]:
    found = []
    addenda = _ADDENDA_HEADING.search(body)
    for pattern, labelled in ((_LABELLED, True), (_FROM, False)):
        for match in pattern.finditer(body):
            try:
                day = date(int(match.group(1)), int(match.group(3)), int(match.group(4)))
            except ValueError:
                continue
            found.append(StatedDate(body.count("\n", 0, match.start(1)), day, labelled,
                                    match.start(1), match.end(4),
                                    bool(addenda) and addenda.start() < match.start()))
    return sorted(found, key=lambda s: s.start)


def misstated(body: str, effective: date) -> StatedDate | None:
    """The statement that contradicts ``effective``: a labelled one with another day, or, when
    no sentence names ``effective``, the first one naming another."""
    stated = stated_dates(body)
    labelled = [s for s in stated if s.labelled and s.day != effective]
    if labelled:
        return labelled[0]
    if stated and not any(s.day == effective for s in stated):
        return stated[0]
    return None


def restate(body: str, old: date, new: date) -> str:
    """The body with its statements of ``old`` saying ``new``, in the same style; sentences
    under a 부칙 heading stay: they record when earlier versions took effect."""
    restated = [s for s in stated_dates(body)
                if s.day == old and (s.labelled or not s.in_addenda)]
    for stated in reversed(restated):
        text = body[stated.start:stated.end]
        body = body[:stated.start] + _same_style(text, new) + body[stated.end:]
    return body


def _same_style(text: str, day: date) -> str:
    """``text`` (a written day) with its three numbers replaced, padding kept."""
    numbers = iter((day.year, day.month, day.day))

    def replace(match: re.Match) -> str:
        value = next(numbers)
        return f"{value:0{len(match.group())}d}" if match.group().startswith("0") else str(value)

    return re.sub(r"\d+", replace, text, count=3)
