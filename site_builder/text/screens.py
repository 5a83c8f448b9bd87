"""The rules' cheap screens of one text, found when its file is parsed (on every core, and
cached with the parse) rather than by the rules one text after another in one process: 0.15 s
of a 1,000-version build in which the other core waited."""

from __future__ import annotations

import re
from typing import Mapping

from site_builder.model.site import Screens
from site_builder.text.markup import may_be_refused
from site_builder.text.outline import number_label
from site_builder.text.unfinished import CHECKED_FIELDS, is_unfinished

HEADING = re.compile(r"^\s{0,3}#+\s*(.*)$")


def screened(body: str, settings: Mapping[str, object]) -> Screens:
    """``settings``: the text's front matter as read; those a reader sees beside the body
    (unfinished.CHECKED_FIELDS) are screened for marks too."""
    shown = (settings.get(key) for key in CHECKED_FIELDS)
    return Screens(may_be_refused=may_be_refused(body), holds_marks=is_unfinished(body, *shown),
                   numbered_headings=numbered_headings(body))


def numbered_headings(body: str) -> dict[str, str]:
    """Each numbered heading's words and its number as written: a renumbering shows as the
    same words under another number (rules/references.py)."""
    found = {}
    for line in body.split("\n"):
        heading = HEADING.match(line)
        if heading:
            label = number_label(heading.group(1))
            if label != heading.group(1):
                found[heading.group(1)[len(label):].strip()] = label
    return found
