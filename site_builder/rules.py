"""The notice rule (SPEC 4): every change announced a full window before it takes effect.

``check`` and ``build`` both call :func:`check_site`, so nothing ``check`` refuses is published.
"""

from __future__ import annotations

from datetime import date, timedelta

from site_builder.model import Document, PolicyVersion, Site
from site_builder.problems import WARNING, Problem


def check_site(site: Site, today: date) -> list[Problem]:
    problems = []
    if site.adopted and site.adopted > today:
        problems.append(Problem("policies/site.yaml", None, f"adopted {site.adopted} is in the "
                                "future; it is the day this repository started using "
                                "policy-site, at the latest today", rule="adopted-in-future"))
    for document in site.documents:
        problems.extend(check_notice_window(document, today))
    return problems


def check_notice_window(document: Document, today: date) -> list[Problem]:
    """Problems with the notice of each version after the document's first."""
    problems = []
    for version in document.versions[1:]:
        window = document.notice.window_for(version.material)
        if version.announced is None and "announced" in version.misspelt:
            continue  # the misspelt key is the error; calling it a late draft would mislead
        if version.announced is None:
            problems.append(_draft_deadline(version, window, today))
        else:
            problems.extend(_announced_in_time(version, window))
    return problems


def _window_words(version: PolicyVersion, window: int) -> str:
    kind = "a material change" if version.material else "a change"
    return f"{kind} needs {window} days' notice"


def _announced_in_time(version: PolicyVersion, window: int) -> list[Problem]:
    problems = []
    notice_days = (version.effective - version.announced).days
    if notice_days < window:
        latest = version.effective - timedelta(days=window)
        earliest = version.announced + timedelta(days=window)
        problems.append(Problem(
            version.path, version.line_of("announced"),
            f"announced {version.announced} is {_gap(notice_days)} effective "
            f"{version.effective}; {_window_words(version, window)}: announce by {latest} "
            f"or move effective to {earliest} or later", rule="notice-window"))
    if not version.summary:
        problems.append(Problem(
            version.path, version.key_lines.get("summary") or version.line_of("announced"),
            "an announced change needs a summary: add 'summary: ...' saying what changes "
            "(shown in the feeds, the archive and the changes page)", rule="summary-required"))
    return problems


def _draft_deadline(version: PolicyVersion, window: int, today: date) -> Problem:
    latest = version.effective - timedelta(days=window)
    if today > latest:
        return Problem(
            version.path, version.line_of("effective"),
            f"draft can no longer be announced in time for effective {version.effective}: "
            f"{_window_words(version, window)}, so the last day to announce it was {latest}; "
            f"move effective to {today + timedelta(days=window)} or later",
            rule="draft-too-late")
    return Problem(
        version.path, version.line_of("effective"),
        f"draft: announce it by {latest} (add 'announced: YYYY-MM-DD') to take effect on "
        f"{version.effective}", rule="draft-deadline", severity=WARNING)


def _gap(days: int) -> str:
    if days == 0:
        return "the same day as"
    plural = "s" if abs(days) != 1 else ""
    return f"only {days} day{plural} before" if days > 0 else f"{-days} day{plural} after"
