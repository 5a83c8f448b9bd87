"""How problems are shown: plain text, GitHub Actions annotations, or one JSON document."""

from __future__ import annotations

import json

from site_builder.base.messages import in_language, say
from site_builder.base.problems import Problem

FORMATS = ("text", "github", "json")


def counts(problems: list[Problem]) -> str:
    errors = sum(1 for p in problems if p.is_error)
    warnings = len(problems) - errors
    return say("{errors} error{es}, {warnings} warning{ws}", errors=errors, warnings=warnings,
               es="s" if errors != 1 else "", ws="s" if warnings != 1 else "")


def as_text(problems: list[Problem], language: str = "en") -> str:
    return "".join(problem.as_text(language) + "\n" for problem in problems)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def as_github(problems: list[Problem], language: str = "en") -> str:
    """Workflow commands that GitHub Actions turns into annotations on the pull request."""
    lines = []
    for problem in problems:
        properties = [f"file={_escape_property(problem.path)}"] if problem.path else []
        if problem.line is not None:
            properties.append(f"line={problem.line}")
        if problem.column is not None:
            properties.append(f"col={problem.column}")
        properties.append(f"title={_escape_property(problem.rule)}")
        message = in_language(problem.message, language)
        lines.append(f"::{problem.severity} {','.join(properties)}::{_escape_data(message)}\n")
    return "".join(lines)


def as_json(problems: list[Problem], as_of: str, language: str = "en") -> str:
    document = {
        "ok": not any(p.is_error for p in problems),
        "as_of": as_of,
        "errors": sum(1 for p in problems if p.is_error),
        "warnings": sum(1 for p in problems if not p.is_error),
        "findings": [{"path": p.path, "line": p.line, "column": p.column, "rule": p.rule,
                      "severity": p.severity, "message": in_language(p.message, language)}
                     for p in problems],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
