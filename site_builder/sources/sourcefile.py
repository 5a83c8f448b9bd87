"""Reading one source file as text: encoding, line endings, hostile characters, front matter."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from site_builder.base.messages import say
from site_builder.base.untrusted import read_regular, unreadable
from site_builder.base.problems import WARNING, PolicyError, Problem
from site_builder.sources.yamlfields import Fields, compose_mapping

MAX_FRONT_MATTER_BYTES = 64 * 1024
MAX_SOURCE_BYTES = 16 * 1024 * 1024

# Control characters other than tab and newline can corrupt feeds (XML 1.0 forbids them) and
# hide text from a reader; they are refused outright.
# Noncharacters (U+FDD0-U+FDEF, and the last two code points of every plane) are refused too:
# they are not text, and XML forbids U+FFFE and U+FFFF.
# Two quick scans instead of one slow one: a class that also lists the other planes'
# noncharacters scans a text 12x slower, and few texts hold a character beyond U+FFFF at all.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_ASTRAL_NONCHARACTER = re.compile("[" + "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(1, 17))
    + "]")
# Bidi overrides and zero-width characters can make text read differently from what it says
# (the "Trojan Source" trick); legal text should not carry them unnoticed.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
_FENCE = re.compile(r"^---[ \t]*$")
_FENCE_BYTES = re.compile(rb"---[ \t]*")  # a whole line, in the file's bytes
_LINE_BREAK = re.compile(rb"\r\n|\r|\n")


@dataclass(frozen=True)
class SourceText:
    """A decoded source with LF line endings; ``problems`` holds warnings about it."""

    text: str
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class FrontMatter:
    """The YAML between the ``---`` lines and the Markdown body after it."""

    yaml: str
    yaml_first_line: int
    body: str
    body_first_line: int


@dataclass(frozen=True)
class VersionSource:
    """A version file (an original or a translation) read as far as its settings."""

    text: SourceText
    parts: FrontMatter
    fields: Fields


def read_version_source(data: bytes, rel: str) -> VersionSource | list[Problem]:
    """Decode, split and compose the front matter, or the problems that stopped it."""
    source = decode_source(data, rel)
    if isinstance(source, Problem):
        return [source]
    parts = split_front_matter(source.text, rel)
    if isinstance(parts, Problem):
        return [*source.problems, parts]
    fields = compose_mapping(parts.yaml, rel, parts.yaml_first_line)
    if isinstance(fields, Problem):
        return [*source.problems, fields]
    return VersionSource(source, parts, fields)


def line_of_offset(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def read_bytes(path: Path, rel: str) -> bytes | Problem:
    """A source's bytes, or why it cannot be one: not a regular file, or too large."""
    try:
        return read_regular(path, MAX_SOURCE_BYTES)
    except OSError as error:
        return Problem(rel, None, unreadable(error))


def read_source(path: Path, rel: str) -> SourceText | Problem:
    data = read_bytes(path, rel)
    return data if isinstance(data, Problem) else decode_source(data, rel)


def decode_source(data: bytes, rel: str) -> SourceText | Problem:
    """Decode a source as UTF-8 (BOM and CRLF accepted) or say where it is not usable text
    (its size was limited while it was read)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        return Problem(rel, line, say("not valid UTF-8 (byte 0x{byte}); save the file as UTF-8",
                                      byte=f"{data[error.start]:02x}"))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _checked_characters(text, rel)


def _refused_character(text: str) -> re.Match | None:
    """The first control character or noncharacter."""
    found = [match for match in (_CONTROL.search(text),
                                 _ASTRAL.search(text) and _ASTRAL_NONCHARACTER.search(text))
             if match]
    return min(found, key=lambda match: match.start(), default=None)


def _checked_characters(text: str, rel: str) -> SourceText | Problem:
    bad = _refused_character(text)
    if bad:
        code = f"U+{ord(bad.group()):04X}"
        return Problem(rel, line_of_offset(text, bad.start()),
                       say("character {code} (a control character or noncharacter) is not "
                           "allowed; delete it (it may be invisible in your editor)", code=code),
                       column=_column(text, bad.start()))
    warnings = []
    seen_lines = set()
    for match in _INVISIBLE.finditer(text):
        line = line_of_offset(text, match.start())
        if line not in seen_lines:
            seen_lines.add(line)
            warnings.append(Problem(
                rel, line, say("invisible character U+{code} (bidi control or zero-width) in the "
                               "text; remove it unless you mean it",
                               code=f"{ord(match.group()):04X}"),
                rule="invisible-character", severity=WARNING, column=_column(text, match.start())))
    return SourceText(text, tuple(warnings))


def _column(text: str, offset: int) -> int:
    return offset - (text.rfind("\n", 0, offset) + 1) + 1


def split_front_matter(text: str, rel: str) -> FrontMatter | Problem:
    """Split ``---`` YAML ``---`` from the body; the opening fence must be the first line."""
    lines = text.split("\n")
    if not lines or not _FENCE.match(lines[0]):
        return Problem(rel, 1, say("missing front matter: start the file with a line '---', "
                                   "the settings (effective: YYYY-MM-DD, ...), then another "
                                   "'---'"))
    for index in range(1, len(lines)):
        if _FENCE.match(lines[index]):
            yaml_text = "\n".join(lines[1:index])
            if len(yaml_text.encode("utf-8")) > MAX_FRONT_MATTER_BYTES:
                return Problem(rel, 2, say("front matter is larger than {size} KiB; it holds "
                                           "settings only, the text goes below it",
                                           size=MAX_FRONT_MATTER_BYTES // 1024))
            return FrontMatter(yaml_text, 2, "\n".join(lines[index + 1:]), index + 2)
    return Problem(rel, 1, say("front matter is not closed: add a line '---' after the settings"))


def body_start(data: bytes, first_line: int) -> int | None:
    """Where line ``first_line`` starts in the file's bytes, its lines broken as decode_source
    breaks them (CRLF, CR, LF); None unless the line before it closes the front matter. With
    :func:`body_text`, the body split_front_matter cuts from these bytes, without decoding
    the rest of the file first."""
    if first_line < 3:
        return None
    breaks = _LINE_BREAK.finditer(data)
    start = 0
    for _ in range(first_line - 2):  # to the start of the line before the body
        found = next(breaks, None)
        if found is None:
            return None
        start = found.end()
    found = next(breaks, None)
    end = len(data) if found is None else found.start()  # the fence is the last line: no body
    if not _FENCE_BYTES.fullmatch(data, start, end):
        return None
    return len(data) if found is None else found.end()


def read_judged_bytes(path: Path, rel: str, sha256: str) -> bytes:
    """A version file's bytes read again after the build judged them (by their SHA-256): a
    file saved since then (an editor's autosave) stops the build, as publishing it would show
    or attest text the rest of the build never saw."""
    data = read_bytes(path, rel)
    if isinstance(data, Problem):
        raise PolicyError([data])
    if hashlib.sha256(data).hexdigest() != sha256:
        raise PolicyError([Problem(rel, None, say(
            "this file changed while the build was reading it; run the build again"))])
    return data


def read_body(path: Path, rel: str, sha256: str, first_line: int, parse: Callable) -> str:
    """The body of a version whose parse came from the cache, from its file read again (the
    build holds no text it does not read). A parse whose lines do not fit the bytes (planted)
    gives way to ``parse(data, rel)``'s."""
    data = read_judged_bytes(path, rel, sha256)
    start = body_start(data, first_line)
    if start is not None:
        return body_text(data, start, rel)
    version, problems = parse(data, rel)
    if version is None:
        raise PolicyError(problems)
    return version.body


def body_text(data: bytes, start: int, rel: str) -> str:
    """The body from ``start`` (body_start) as text. Bytes that are not UTF-8 cannot have had
    a parse (a cache entry planted for them): the error a parse gives them."""
    try:
        text = data[start:].decode("utf-8")
    except UnicodeDecodeError:  # then the whole file does not decode either: its Problem
        raise PolicyError([decode_source(data, rel)]) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def without_keys(text: str, keys: tuple[str, ...]) -> str:
    """The text with these top-level front-matter keys (and their indented lines) cut out."""
    lines = text.split("\n")
    closing = next((i for i in range(1, len(lines)) if _FENCE.match(lines[i])), 0)
    starts = tuple(f"{key}:" for key in keys)
    kept, cutting = [lines[0]], False
    for line in lines[1:closing]:  # the front matter; the body below is kept as it is
        if line.replace(" ", "").startswith(starts) and not line[:1].isspace():
            cutting = True
            continue
        if cutting and (line[:1].isspace() or not line.strip()):
            continue
        cutting = False
        kept.append(line)
    return "\n".join([*kept, *lines[max(closing, 1):]])
