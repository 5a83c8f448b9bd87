"""The version files of a document folder: ``2016-03-01.md`` and its translations
``2016-03-01.en.md``, each parsed once and remembered by its bytes (or, in serve, by what the
watcher saw)."""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from site_builder.base.dates import FIRST_DAY, LAST_DAY
from site_builder.base.digest import digest
from site_builder.base.messages import say
from site_builder.base.problems import WARNING, Problem
from site_builder.cache.memo import SOURCE, WATCHED, Memo
from site_builder.model.site import WITHDRAWAL_KEYS, PolicyVersion
from site_builder.sources import settings
from site_builder.sources.sourcefile import (read_body, read_bytes, read_version_source,
                                             without_keys)
from site_builder.sources.translation_files import parse_translation, translation_problems
from site_builder.text.screens import screened
from site_builder.text.stated_dates import misstated

if TYPE_CHECKING:
    from site_builder.sources.loader import SourceReport

VERSION_NAME = re.compile(r"\A(\d{4}-\d{2}-\d{2})(?:\.([^.]+))?\.md\Z")
NAMES_FILE = re.compile(r"\A(site|document)\.([^.]+)\.yaml\Z")
# Files read before their cache entries are looked up and the rest parsed on every core:
# the benchmark archive's 1,000 files are 13 MB; files at the 16 MB limit go three at a time
# (parsed once their bytes pass READ_BYTES).
READ_TOGETHER = 1000
READ_BYTES = 32 * 1024 * 1024


@dataclass
class Listing:
    """A document folder's version files, named and sorted, before they are read: the loader
    lists every folder first, so that the files of the whole site are parsed together."""

    folder: Path
    files: list  # (rel, parse, entry, language)
    originals: set  # the effective days of its files in the original language
    errors: int  # how many errors listing it found


class VersionReader:
    def __init__(self, report: "SourceReport", memo: Memo, saved: frozenset[Path] | None,
                 hashes: dict[str, str] | None = None):
        self.report = report
        self.memo = memo
        self.trust_stat = saved is not None
        self.hashes = hashes or {}
        top = report.root.absolute()
        self.saved = {p.relative_to(top).as_posix() for p in saved or () if p.is_relative_to(top)}

    def list_versions(self, folder: Path, languages: tuple[str, ...]) -> Listing:
        """The document's version and translation files; a name that cannot be one is
        reported here."""
        report = self.report
        reported_before = len(report.problems)
        # os.scandir knows each entry's kind without a system call, and a Path is made only
        # where one is needed: serve rereads this folder on every save.
        folder_rel = report.rel(folder)
        files, originals = [], set()
        for entry in sorted(os.scandir(folder), key=lambda e: e.name):
            name = entry.name
            if (name.startswith(".") or name.endswith("~") or name == "document.yaml"
                    or is_names_file(name, "document")):
                continue
            match = VERSION_NAME.match(name)
            if _is_folder(entry) or not name.endswith(".md"):
                report.warn(Path(entry.path), say("ignored: a document folder holds "
                                                  "document.yaml and YYYY-MM-DD.md files only"))
            elif not match or not _is_date(match.group(1)):
                report.error(Path(entry.path), None, say(
                    "'{name}' is not named by a date; name each version by its effective date "
                    "({first} to {last}), e.g. 2024-03-01.md", name=name, first=FIRST_DAY,
                    last=LAST_DAY))
            elif match.group(2) and not report.is_translation_language(
                    Path(entry.path), match.group(2), languages):
                continue
            elif not (entry.is_symlink() and report.escapes(Path(entry.path))):
                named, language = date.fromisoformat(match.group(1)), match.group(2)
                if not language:
                    originals.add(named)
                parse = (partial(parse_translation, effective=named, language=language)
                         if language else partial(parse_version, named=named))
                files.append((f"{folder_rel}/{name}", parse, entry, language))
        errors = sum(1 for p in report.problems[reported_before:] if p.is_error)
        return Listing(folder, files, originals, errors)

    def read_listed(self, listings: list[Listing]) -> list[list[tuple]]:
        """Every listed file of the site read and parsed, listing by listing: (version or
        None, problems) of each of its files."""
        read = iter(self.read_many([file for listing in listings for file in listing.files]))
        return [[next(read) for _ in listing.files] for listing in listings]

    def versions_of(self, listing: Listing, read: list[tuple]) -> tuple[tuple, tuple]:
        """The document's versions, oldest first, and their translations, from its files as
        read_listed read them."""
        report = self.report
        versions, translations, errors = [], [], listing.errors
        for (_, _, _, language), (version, problems) in zip(listing.files, read):
            report.problems.extend(problems)
            errors += sum(1 for p in problems if p.is_error)
            if version:
                (translations if language else versions).append(version)
        if not versions and not errors:
            report.error(listing.folder, None, say(
                "this document has no versions; add its first version as YYYY-MM-DD.md (the "
                "date it takes effect)"))
        versions.sort(key=lambda v: v.effective)
        translations.sort(key=lambda t: (t.effective, t.language))
        report.problems.extend(translation_problems(listing.originals, tuple(translations)))
        return tuple(versions), tuple(translations)

    def read_many(self, files: list[tuple[str, Callable, os.DirEntry, str | None]]) -> list:
        """(version, problems) of each version or translation file, parsed by
        ``parse(data, rel)`` and remembered; (None, [why]) for a file that could not be read."""
        if self.trust_stat:
            return [self.read_watched(rel, parse, entry) for rel, parse, entry, _ in files]
        recalled = self._recalled(files)
        parsed = iter(self._read_and_parse([file for file, found in zip(files, recalled)
                                            if found is None]))
        return [next(parsed) if found is None else found for found in recalled]

    def _recalled(self, files: list[tuple[str, Callable, os.DirEntry, str | None]]) -> list:
        """The cache's parses of the files whose SHA-256 the build already knows (``hashes``),
        without reading them (half of the validation of a build with one version changed); None
        for the others."""
        hashes = [self.hashes.get(entry.path) for _, _, entry, _ in files]
        found = iter(self.memo.recall_many(SOURCE, [
            digest(rel, sha256) for (rel, _, _, _), sha256 in zip(files, hashes) if sha256]))
        return [_with_body(next(found), Path(entry.path), sha256, parse) if sha256 else None
                for (rel, parse, entry, _), sha256 in zip(files, hashes)]

    def _read_and_parse(self, files: list[tuple[str, Callable, os.DirEntry, str | None]]) -> list:
        read, held, size = [], [], 0
        for rel, parse, entry, _ in files:
            data = read_bytes(Path(entry.path), rel)
            held.append((rel, parse, Path(entry.path), data))
            size += 0 if isinstance(data, Problem) else len(data)
            if len(held) == READ_TOGETHER or size > READ_BYTES:
                read += self._parse_together(held)
                held, size = [], 0
        return read + self._parse_together(held)

    def _parse_together(self, files: list[tuple[str, Callable, Path, bytes | Problem]]) -> list:
        """Files whose cache entries are looked up in one query (one query a file was a fifth
        of a CI deploy's validation), by their bytes' SHA-256; those it does not hold are
        parsed on every core."""
        hashes = [None if isinstance(data, Problem) else hashlib.sha256(data).hexdigest()
                  for _, _, _, data in files]
        parsed = iter(self.memo.get_many(SOURCE, [
            (digest(rel, sha256), partial(parse, data, rel))
            for (rel, parse, _, data), sha256 in zip(files, hashes) if sha256]))
        return [(None, [data]) if sha256 is None
                else _with_body(next(parsed), path, sha256, parse) or parse(data, rel)
                for (rel, parse, path, data), sha256 in zip(files, hashes)]

    def read_watched(self, rel: str, parse: Callable, entry: os.DirEntry) -> tuple:
        """serve: a file the watcher has not reported since it was read is taken as it was,
        without even a stat (a link is not: its target may change unreported); the others
        are remembered by inode, size and time, and those the watcher reported read anew."""
        saved = self.was_saved(rel)
        known = None if saved or entry.is_symlink() else self.memo.recall(WATCHED, rel)
        if known is None:
            path = Path(entry.path)
            try:
                stat = entry.stat()
            except OSError as error:
                return None, [Problem(self.report.rel(path), None, say(
                    "cannot read this file ({reason}); a link whose target is gone? restore "
                    "the file or remove the link", reason=error.strerror))]
            key = f"{rel}\0{stat.st_ino}:{stat.st_size}:{stat.st_mtime_ns}"  # in memory only
            if saved:  # a save can keep size and time: read it anew
                known = _read_and_parse(path, rel, parse)
                self.memo.remember(SOURCE, key, known)
            else:
                known = self.memo.get(SOURCE, key, partial(_read_and_parse, path, rel, parse))
        self.memo.remember(WATCHED, rel, known)
        return known

    def was_saved(self, rel: str) -> bool:
        """Reported by the watcher, itself or a folder above it (a folder moved into place)."""
        while True:
            if rel in self.saved:
                return True
            if "/" not in rel:
                return False
            rel = rel.rsplit("/", 1)[0]


def _with_body(parsed: tuple | None, path: Path, sha256: str, parse: Callable) -> tuple | None:
    """A parse as the cache keeps it, without the body (codec.py), given a body read from the
    file again and cut as the parse cut it when it is first read (model.site.DeferredText),
    most never are; None for no parse, or one made from other bytes."""
    version = parsed[0] if parsed else None
    if version is None or version.body is not None:
        return parsed
    if version.sha256 != sha256:
        return None
    # Frozen, and only the loader's yet.
    object.__setattr__(version, "body", partial(read_body, path, version.path, sha256,
                                                version.body_first_line, parse))
    return parsed


def _read_and_parse(path: Path, rel: str, parse: Callable):
    data = read_bytes(path, rel)
    return (None, [data]) if isinstance(data, Problem) else parse(data, rel)


def _is_folder(entry: os.DirEntry) -> bool:
    """As Path.is_dir: a loop of links or a vanished target is not a folder (escapes() and
    the reader report those)."""
    try:
        return entry.is_dir()
    except OSError:
        return False


def is_names_file(name: str, kind: str) -> bool:
    match = NAMES_FILE.match(name)
    return bool(match) and match.group(1) == kind


def _is_date(text: str) -> bool:
    try:
        return FIRST_DAY <= date.fromisoformat(text) <= LAST_DAY
    except ValueError:
        return False


def parse_version(data: bytes, rel: str, named: date) -> tuple[PolicyVersion | None, list[Problem]]:
    """One version file's settings and text, with every problem found in it."""
    read = read_version_source(data, rel)
    if isinstance(read, list):
        return None, read
    source, parts, fields = read.text, read.parts, read.fields
    values = settings.VERSION.read(fields)
    effective = values["effective"]
    if effective and effective != named:
        fields.problems.append(Problem(rel, fields.line("effective"), say(
            "effective {effective} does not match the file name {named}.md; rename the file to "
            "{effective}.md or correct the date", effective=effective, named=named)))
    if not parts.body.strip():
        fields.problems.append(Problem(rel, parts.body_first_line - 1,
                                       say("the version has no text below the front matter")))
    version = PolicyVersion(
        effective=named, announced=values["announced"], summary=values["summary"],
        material=values["material"], title=values["title"], body=parts.body,
        withdrawn=values["withdrawn"], withdrawn_reason=values["withdrawn_reason"],
        reasons=values["reasons"],
        path=rel, body_first_line=parts.body_first_line, sha256=hashlib.sha256(data).hexdigest(),
        screens=screened(parts.body, values),
        content_sha256=hashlib.sha256(
            without_keys(source.text, WITHDRAWAL_KEYS).encode("utf-8")).hexdigest(),
        key_lines={key: fields.line(key) for key in fields.nodes},
        misspelt=frozenset(fields.suggested))
    return version, [*source.problems, *fields.problems,
                     *_stated_date_warning(parts.body, named, rel, parts.body_first_line)]


def _stated_date_warning(body: str, effective: date, rel: str, first_line: int) -> list[Problem]:
    """The text's own "시행일자 : ..." must name the version's effective day (a file's own
    property, so it is found once per text, with the parse)."""
    stated = misstated(body, effective)
    if stated is None:
        return []
    return [Problem(rel, first_line + stated.line,
                    say("the text says it takes effect on {stated}, but effective is "
                        "{effective}; correct the text or the date", stated=stated.day,
                        effective=effective),
                    rule="stated-effective-date", severity=WARNING)]
