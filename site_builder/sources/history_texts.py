"""What the history rules read from one version file, in a commit or in the working tree: the
dates it states and its hashes. Only files named as the loader reads them count, and only
regular files are read (a FIFO would make git wait forever)."""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
import datetime
from pathlib import Path

from site_builder.base.untrusted import read_regular
from site_builder.model.site import WITHDRAWAL_KEYS
from site_builder.sources.sourcefile import (MAX_SOURCE_BYTES, FrontMatter, split_front_matter,
                                             without_keys)
from site_builder.sources.version_files import VERSION_NAME
from site_builder.sources.yamlfields import Fields, compose_mapping
from site_builder.text.unfinished import CHECKED_FIELDS, is_unfinished

_DATE_KEYS = ("effective", "announced", "withdrawn", "adopted")


@dataclass(frozen=True)
class Text:
    """One file content: its hash, the dates it states, and its hash without withdrawal."""

    sha256: str
    comparable: str  # sha256 of the text less `withdrawn` and `withdrawn_reason`
    dates: dict
    unfinished: bool = False  # holds a mark of text not yet written: never built, never public

    def date(self, key: str) -> datetime.date | None:
        return self.dates.get(key)


def is_source(policies_path: str) -> bool:
    """site.yaml and the documents' version files (and translations), named as the loader
    reads them: what the history rules look at."""
    parts = policies_path.split("/")
    return policies_path == "site.yaml" or (len(parts) == 2
                                            and VERSION_NAME.match(parts[1]) is not None)


def is_regular(path: Path) -> bool:
    """Not a FIFO or device: git would wait on one forever (the loader reports it)."""
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def contents_of(path: Path) -> bytes:
    try:
        return read_regular(path, MAX_SOURCE_BYTES)
    except OSError:  # the loader says why; history sees an empty text
        return b""


def parse_text(data: bytes) -> Text:
    """The dates a version file's front matter (or site.yaml) states, and its hashes."""
    text = data.decode("utf-8", "replace").replace("\r\n", "\n").lstrip("\ufeff")
    parts = split_front_matter(text, "")
    yaml_text = parts.yaml if isinstance(parts, FrontMatter) else text
    fields = compose_mapping(yaml_text, "", 1)
    dates, shown = {}, []
    if isinstance(fields, Fields):
        for key in _DATE_KEYS:
            if key in fields.nodes:
                dates[key] = fields.date(key)
        shown = [fields.text(key) for key in CHECKED_FIELDS]
    comparable = without_keys(text, WITHDRAWAL_KEYS) if isinstance(parts, FrontMatter) else text
    return Text(hashlib.sha256(data).hexdigest(),
                hashlib.sha256(comparable.encode("utf-8")).hexdigest(), dates,
                isinstance(parts, FrontMatter) and is_unfinished(parts.body, *shown))
