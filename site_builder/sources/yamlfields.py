"""Typed settings read from YAML with the line of every key, avoiding PyYAML's pitfalls.

PyYAML alone would silently keep the last of two duplicate keys, read ``summary: no`` as False
and ``title: 010`` as 8, expand anchors, and raise on ``2015-02-30`` without a line. Here the YAML
is only *composed* into nodes; every value is interpreted by the field that expects it, so each
mistake becomes a problem naming its line.
"""

from __future__ import annotations

import difflib
import re
from datetime import date

import yaml

from site_builder.base.dates import FIRST_DAY, LAST_DAY
from site_builder.base.messages import say
from site_builder.base.problems import Problem

_KEY_LINE = re.compile(r"^\s*([^\s:#][^:]*?)\s*:\s+(\S.*)$")
# Text that YAML reads as syntax: an indicator first, or a ': ' inside (a second mapping).
_NEEDS_QUOTES = re.compile(r"^[\[\]{}*&!|>%@`]|: ")
# ASCII digits only: \d would also take full-width ２０１６, which no calendar reads.
_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_HAS_TIME = re.compile(r"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ]|\s)")
_STR = "tag:yaml.org,2002:str"
_BOOL = "tag:yaml.org,2002:bool"
_INT = "tag:yaml.org,2002:int"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_YAML_TYPE_NAMES = {
    _BOOL: say("a yes/no value"), _INT: say("a number"), "tag:yaml.org,2002:float": say("a number"),
    "tag:yaml.org,2002:null": say("empty"), _TIMESTAMP: say("a date"),
}

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def compose_mapping(text: str, rel: str, first_line: int) -> "Fields | Problem":
    """Compose YAML text into a mapping of fields, or the first problem that prevents it."""
    try:
        problem = _refuse_anchors(text, rel, first_line)
        if problem:
            return problem
        root = yaml.compose(text, Loader=Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = first_line + mark.line if mark else first_line
        column = mark.column + 1 if mark else None
        reason = yaml_reason((error.problem or "invalid YAML").strip())
        quoting = quote_hint(text, mark.line if mark else 0)
        if quoting:
            return Problem(rel, first_line + quoting[0], say("YAML syntax error: {reason}; {hint}",
                                                             reason=reason, hint=quoting[1]))
        hint = say(" (YAML does not allow tabs for indentation; use spaces)") if "\t" in text else ""
        return Problem(rel, line, say("YAML syntax error: {reason}{hint}", reason=reason, hint=hint),
                       column=column)
    except yaml.YAMLError as error:
        return Problem(rel, first_line, say("YAML error: {reason}", reason=str(error)))
    except RecursionError:
        return Problem(rel, first_line, say("YAML is nested too deeply; settings are flat key: "
                                            "value pairs"))
    if root is None:
        return Fields({}, rel, first_line, first_line)
    if not isinstance(root, yaml.MappingNode):
        kind = say("a list") if isinstance(root, yaml.SequenceNode) else say("a single value")
        return Problem(rel, first_line + root.start_mark.line,
                       say("settings must be 'key: value' lines, found {kind}", kind=kind))
    return Fields.from_node(root, rel, first_line)


# PyYAML's own words for the mistakes editors make, said again as messages, so that a Korean
# line does not end in English; the English stays PyYAML's, word for word.
_YAML_REASONS = (
    (re.compile(r"\Adid not find expected (.+)\Z"), lambda m: say(
        "did not find expected {what}", what=m.group(1))),
    (re.compile(r"\Acould not find expected (.+)\Z"), lambda m: say(
        "could not find expected {what}", what=m.group(1))),
    (re.compile(r"\Aexpected (.+), but found (.+)\Z"), lambda m: say(
        "expected {expected}, but found {found}", expected=m.group(1), found=m.group(2))),
    (re.compile(r"\Afound character (.+) that cannot start any token\Z"), lambda m: say(
        "found character {what} that cannot start any token", what=m.group(1))),
    (re.compile(r"\Amapping values are not allowed here\Z"), lambda m: say(
        "mapping values are not allowed here")),
    (re.compile(r"\Afound unexpected end of stream\Z"), lambda m: say(
        "found unexpected end of stream")),
    (re.compile(r"\Afound unknown escape character (.+)\Z"), lambda m: say(
        "found unknown escape character {what}", what=m.group(1))),
)


def yaml_reason(problem: str) -> str:
    return next((said(_Alternatives(match)) for pattern, said in _YAML_REASONS
                 if (match := pattern.match(problem))), problem)


class _Alternatives:
    """A match whose groups say "',' or ']'" as a message, so it can be said in Korean too."""

    def __init__(self, match: re.Match):
        self.match = match

    def group(self, number: int) -> str:
        text = self.match.group(number)
        first, separator, second = text.partition(" or ")
        return say("{first} or {second}", first=first, second=second) if separator else text


def _refuse_anchors(text: str, rel: str, first_line: int) -> Problem | None:
    for event in yaml.parse(text, Loader=Loader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            quoting = quote_hint(text, event.start_mark.line)
            return Problem(rel, first_line + event.start_mark.line, say(
                "YAML anchors and aliases (& and *) are not allowed; {hint}",
                hint=quoting[1] if quoting else say("write the value out")))
    return None


def quote_hint(text: str, error_line: int) -> tuple[int, str] | None:
    """For text that YAML reads as syntax (``summary: [안내] 제3조: 변경``): the line of its key
    and the same line with the text in quotes."""
    lines = text.split("\n")
    for index in range(min(error_line, len(lines) - 1), -1, -1):
        match = _KEY_LINE.match(lines[index])
        if match:
            key, value = match.group(1), match.group(2).rstrip()
            if not _NEEDS_QUOTES.search(value):
                return None
            quoted = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
            return index, say("if this is text, put it in quotes: {key}: {quoted}", key=key,
                              quoted=quoted)
    return None


class Fields:
    """The keys of one YAML mapping; typed readers append problems instead of raising."""

    def __init__(self, nodes: dict, rel: str, first_line: int, line: int,
                 problems: list[Problem] | None = None):
        self.nodes = nodes
        self.rel = rel
        self.first_line = first_line
        self.own_line = line
        self.problems: list[Problem] = [] if problems is None else problems
        self.suggested: set[str] = set()  # keys a did-you-mean hint already pointed at

    @classmethod
    def from_node(cls, node: yaml.MappingNode, rel: str, first_line: int,
                  problems: list[Problem] | None = None) -> "Fields":
        fields = cls({}, rel, first_line, first_line + node.start_mark.line, problems)
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.value)
            if key in fields.nodes:
                fields._problem(key_node, say("duplicate key '{key}' (first on line {line}); keep "
                                              "one of them", key=key, line=fields.line(key)))
                continue
            fields.nodes[key] = (key_node, value_node)
        return fields

    def line(self, key: str) -> int | None:
        entry = self.nodes.get(key)
        return self.first_line + entry[0].start_mark.line if entry else None

    def _problem(self, node: yaml.Node, message: str) -> None:
        self.problems.append(Problem(self.rel, self.first_line + node.start_mark.line, message))

    def _missing(self, key: str, example: str) -> None:
        if key in self.suggested:
            return
        if key in self.nodes:
            if isinstance(self.nodes[key][1], yaml.ScalarNode):  # else already reported
                self._problem(self.nodes[key][0], say("'{key}' is empty; write it as '{example}'",
                                                      key=key, example=example))
        else:
            self.problems.append(Problem(self.rel, self.own_line, say(
                "missing required key '{key}'; add a line '{example}'", key=key, example=example)))

    def refuse_unknown(self, allowed: list[str]) -> None:
        for key, (key_node, _) in self.nodes.items():
            if key not in allowed:
                close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
                hint = (say("did you mean '{key}'?", key=close[0]) if close else
                        say("allowed keys: {keys}", keys=", ".join(allowed)))
                self.suggested.update(close)
                self._problem(key_node, say("unknown key '{key}'; {hint}", key=key, hint=hint))

    def _scalar(self, key: str) -> yaml.ScalarNode | None:
        entry = self.nodes.get(key)
        if entry is None:
            return None
        node = entry[1]
        if not isinstance(node, yaml.ScalarNode):
            self._problem(node, say("'{key}' must be a single value, not a list or mapping",
                                    key=key))
            return None
        if node.tag == "tag:yaml.org,2002:null":
            return None
        return node

    def date(self, key: str, required: bool = False) -> date | None:
        node = self._scalar(key)
        if node is None:
            if required:
                self._missing(key, f"{key}: YYYY-MM-DD")
            return None
        day = _day_of(node, key)
        if isinstance(day, str):
            self._problem(node, day)
            return None
        return day

    def text(self, key: str, required: bool = False) -> str | None:
        node = self._scalar(key)
        if node is None or (node.tag == _STR and not node.value.strip()):
            if required:
                self._missing(key, f"{key}: ...")
            return None
        if node.tag != _STR:
            kind = _YAML_TYPE_NAMES.get(node.tag) or say(
                "a value of the YAML type {tag}", tag="!!" + node.tag.rsplit(":", 1)[-1])
            self._problem(node, say("YAML reads '{key}: {value}' as {kind}, not text; put the "
                                    "text in quotes: {key}: \"{value}\"", key=key,
                                    value=node.value, kind=kind))
            return None
        return node.value.strip()

    def as_written(self, key: str) -> str | None:
        """The value's text whatever YAML would make of it (a hash of digits, a number)."""
        node = self._scalar(key)
        return node.value.strip() or None if node is not None else None

    def boolean(self, key: str, default: bool = False) -> bool:
        node = self._scalar(key)
        if node is None:
            return default
        if node.tag == _BOOL and node.value.lower() in ("true", "false"):
            return node.value.lower() == "true"
        self._problem(node, say("'{key}: {value}' must be true or false", key=key,
                                value=node.value))
        return default

    def integer(self, key: str, default: int, minimum: int = 0, maximum: int = 10**9) -> int:
        node = self._scalar(key)
        if node is None:
            return default
        if (node.tag == _INT and re.fullmatch(r"[0-9]{1,10}", node.value)
                and minimum <= int(node.value) <= maximum):
            return int(node.value)
        self._problem(node, say("'{key}: {value}' must be a whole number from {minimum} to "
                                "{maximum}", key=key, value=node.value, minimum=minimum,
                                maximum=maximum))
        return default

    def texts(self, key: str) -> list[str] | None:
        """A list of short values, ``languages: [ko, en]``."""
        entry = self.nodes.get(key)
        if entry is None:
            return None
        node = entry[1]
        if not (isinstance(node, yaml.SequenceNode)
                and all(isinstance(item, yaml.ScalarNode) for item in node.value)):
            self._problem(node, say("'{key}' must be a list in brackets, e.g. {key}: [ko, en]",
                                    key=key))
            return None
        return [item.value.strip() for item in node.value]

    def mapping(self, key: str) -> "Fields | None":
        entry = self.nodes.get(key)
        if entry is None:
            return None
        if not isinstance(entry[1], yaml.MappingNode):
            self._problem(entry[1], say("'{key}' must hold 'key: value' lines indented below it",
                                        key=key))
            return None
        return Fields.from_node(entry[1], self.rel, self.first_line, self.problems)


def _day_of(node: yaml.ScalarNode, key: str) -> date | str:
    """The calendar day a value states, or what is wrong with it."""
    value = node.value.strip()
    if _HAS_TIME.match(value) or (node.tag == _TIMESTAMP and not _ISO_DATE.match(value)):
        return say("'{key}: {value}' has a time of day; give the calendar day only, as "
                   "YYYY-MM-DD (days count in the site's timezone)", key=key, value=value)
    if any(c.isdigit() and not c.isascii() for c in value):
        return say("'{key}: {value}' is written with digits other than 0-9 (full-width ones?); "
                   "write the date with ASCII digits, e.g. 2024-03-01", key=key, value=value)
    if node.tag not in (_TIMESTAMP, _STR) or not _ISO_DATE.match(value):
        return say("'{key}: {value}' is not a date; write it as YYYY-MM-DD, e.g. 2024-03-01",
                   key=key, value=value)
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return say("'{key}: {value}' is not a real calendar date; check the month and day",
                   key=key, value=value)
    if not FIRST_DAY <= day <= LAST_DAY:
        return say("'{key}: {value}' is outside the days policy-site handles ({first} to "
                   "{last}, so that every notice window stays inside the calendar); check the "
                   "year", key=key, value=value, first=FIRST_DAY, last=LAST_DAY)
    return day
