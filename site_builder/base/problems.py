"""Problems found in a site's sources, kept as values until the CLI reports them."""

from __future__ import annotations

from dataclasses import dataclass

from site_builder.base.messages import in_language
from site_builder.base.untrusted import printable

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One finding: where it is, which rule found it, and what would fix it."""

    path: str
    line: int | None
    message: str
    rule: str = "source"
    severity: str = ERROR
    column: int | None = None

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def location(self) -> str:
        """``path:line:column`` with the parts that are known."""
        parts = [self.path]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def as_text(self, language: str = "en") -> str:
        """One report line; a name or text from the sources (a file name, a commit subject)
        cannot send a terminal its escape sequences."""
        return printable(f"{self.location()}: {self.severity}: "
                         f"{in_language(self.message, language)}")


def has_errors(problems: list[Problem]) -> bool:
    return any(problem.is_error for problem in problems)


def sorted_problems(problems: list[Problem]) -> list[Problem]:
    """Order by file, then line, so a report reads top to bottom like the sources."""
    return sorted(problems, key=lambda p: (p.path, p.line or 0, p.column or 0, p.message))


class PolicyError(Exception):
    """The sources have errors; nothing may be published."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems


class UsageError(Exception):
    """A bad flag, folder or environment: exit 2, the sources are not to blame."""
