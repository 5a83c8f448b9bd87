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
        elif version.withdrawn is None:  # a withdrawn change never takes effect
            problems.extend(_announced_in_time(version, window, today))
    for version in document.versions:
        problems.extend(check_withdrawal(version))
    return problems


def check_withdrawal(version: PolicyVersion) -> list[Problem]:
    """A withdrawal calls off an announced change before it takes effect, and says why."""
    if version.withdrawn is None:
        if version.withdrawn_reason is None:
            return []
        return [Problem(version.path, version.line_of("withdrawn_reason"),
                        "withdrawn_reason without withdrawn: add 'withdrawn: YYYY-MM-DD' (the "
                        "day the change is called off) or remove the reason", rule="withdrawal")]
    line = version.line_of("withdrawn")
    if version.announced is None:
        return [Problem(version.path, line, "only an announced change can be withdrawn; a draft "
                        "was never public: delete the file instead", rule="withdrawal")]
    problems = []
    if not version.announced <= version.withdrawn < version.effective:
        problems.append(Problem(
            version.path, line, f"withdrawn {version.withdrawn} must be on or after announced "
            f"{version.announced} and before effective {version.effective}: a change already in "
            "effect is not withdrawn but replaced by a new version (policy-site new)",
            rule="withdrawal"))
    if not version.withdrawn_reason:
        problems.append(Problem(version.path, line, "a withdrawal needs its reason: add "
                                "'withdrawn_reason: ...' (shown to readers)", rule="withdrawal"))
    return problems


def _window_words(version: PolicyVersion, window: int) -> str:
    kind = "a material change" if version.material else "a change"
    return f"{kind} needs {window} days' notice"


def _announced_in_time(version: PolicyVersion, window: int, today: date) -> list[Problem]:
    problems = []
    notice_days = (version.effective - version.announced).days
    if notice_days < window:
        problems.append(Problem(
            version.path, version.line_of("announced"),
            f"announced {version.announced} is {_gap(notice_days)} effective "
            f"{version.effective}; {_window_words(version, window)}: "
            f"{_notice_advice(version, window, today)}", rule="notice-window"))
    if not version.summary:
        problems.append(Problem(
            version.path, version.key_lines.get("summary") or version.line_of("announced"),
            "an announced change needs a summary: add 'summary: ...' saying what changes "
            "(shown in the feeds, the archive and the changes page)", rule="summary-required"))
    return problems


def _notice_advice(version: PolicyVersion, window: int, today: date) -> str:
    """What would fix a short notice, naming no day before today: the notice may still move
    earlier only while its latest day is ahead."""
    latest = version.effective - timedelta(days=window)
    earliest = max(version.announced, today) + timedelta(days=window)
    move = f"move effective to {earliest} or later"
    return f"announce by {latest} or {move}" if latest >= today else move


def _draft_deadline(version: PolicyVersion, window: int, today: date) -> Problem:
    latest = version.effective - timedelta(days=window)
    if today > latest:
        return Problem(
            version.path, version.line_of("effective"),
            f"draft can no longer be announced in time for effective {version.effective}: "
            f"{_window_words(version, window)}; if announced today ({today}) it could take "
            f"effect on {today + timedelta(days=window)} at the earliest: move effective there "
            "or later before announcing it", rule="draft-too-late", severity=WARNING)
    return Problem(
        version.path, version.line_of("effective"),
        f"draft: announce it by {latest} (add 'announced: YYYY-MM-DD') to take effect on "
        f"{version.effective}", rule="draft-deadline", severity=WARNING)


def _gap(days: int) -> str:
    if days == 0:
        return "the same day as"
    plural = "s" if abs(days) != 1 else ""
    return f"only {days} day{plural} before" if days > 0 else f"{-days} day{plural} after"
