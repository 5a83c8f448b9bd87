"""The notice rule (SPEC 4): every change announced a full window before it takes effect.

``check`` and ``build`` both call :func:`check_site`, so nothing ``check`` refuses is published.
"""

from __future__ import annotations

from datetime import date, timedelta

from site_builder.base.messages import say
from site_builder.model.site import Document, PolicyVersion, Site
from site_builder.base.problems import WARNING, Problem


def check_site(site: Site, today: date) -> list[Problem]:
    problems = []
    if site.adopted and site.adopted > today:
        problems.append(Problem("policies/site.yaml", None, say(
            "adopted {day} is in the future; it is the day this repository started using "
            "policy-site, at the latest today", day=site.adopted), rule="adopted-in-future"))
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
        return [Problem(version.path, version.line_of("withdrawn_reason"), say(
            "withdrawn_reason without withdrawn: add 'withdrawn: YYYY-MM-DD' (the day the "
            "change is called off) or remove the reason"), rule="withdrawal")]
    line = version.line_of("withdrawn")
    if version.announced is None:
        return [Problem(version.path, line, say(
            "only an announced change can be withdrawn; a draft was never public: delete the "
            "file instead"), rule="withdrawal")]
    problems = []
    if not version.announced <= version.withdrawn < version.effective:
        problems.append(Problem(version.path, line, say(
            "withdrawn {withdrawn} must be on or after announced {announced} and before "
            "effective {effective}: a change already in effect is not withdrawn but replaced by "
            "a new version (policy-site new)", withdrawn=version.withdrawn,
            announced=version.announced, effective=version.effective), rule="withdrawal"))
    if not version.withdrawn_reason:
        problems.append(Problem(version.path, line, say(
            "a withdrawal needs its reason: add 'withdrawn_reason: ...' (shown to readers)"),
            rule="withdrawal"))
    return problems


def _window_words(version: PolicyVersion, window: int) -> str:
    if version.material:
        return say("a material change needs {window} days' notice", window=window)
    return say("a change needs {window} days' notice", window=window)


def _announced_in_time(version: PolicyVersion, window: int, today: date) -> list[Problem]:
    problems = []
    notice_days = (version.effective - version.announced).days
    if notice_days < window:
        problems.append(Problem(
            version.path, version.line_of("announced"), _short_notice(
                version, notice_days, _window_words(version, window),
                _notice_advice(version, window, today)), rule="notice-window"))
    if not version.summary:
        problems.append(Problem(
            version.path, version.key_lines.get("summary") or version.line_of("announced"), say(
                "an announced change needs a summary: add 'summary: ...' saying what changes "
                "(shown in the feeds, the archive and the changes page)"),
            rule="summary-required"))
    return problems


def _notice_advice(version: PolicyVersion, window: int, today: date) -> str:
    """What would fix a short notice, naming no day before today: the notice may still move
    earlier only while its latest day is ahead."""
    latest = version.effective - timedelta(days=window)
    earliest = max(version.announced, today) + timedelta(days=window)
    if latest >= today:
        return say("announce by {latest} or move effective to {earliest} or later",
                   latest=latest, earliest=earliest)
    return say("move effective to {earliest} or later", earliest=earliest)


def _draft_deadline(version: PolicyVersion, window: int, today: date) -> Problem:
    latest = version.effective - timedelta(days=window)
    if today > latest:
        return Problem(version.path, version.line_of("effective"), say(
            "draft can no longer be announced in time for effective {effective}: {window}; if "
            "announced today ({today}) it could take effect on {earliest} at the earliest: move "
            "effective there or later before announcing it", effective=version.effective,
            window=_window_words(version, window), today=today,
            earliest=today + timedelta(days=window)), rule="draft-too-late", severity=WARNING)
    return Problem(version.path, version.line_of("effective"), say(
        "draft: announce it by {latest} (add 'announced: YYYY-MM-DD') to take effect on "
        "{effective}", latest=latest, effective=version.effective), rule="draft-deadline",
        severity=WARNING)


def _short_notice(version: PolicyVersion, days: int, window: str, advice: str) -> str:
    values = dict(announced=version.announced, effective=version.effective, days=abs(days),
                  s="s" if abs(days) != 1 else "", window=window, advice=advice)
    if days == 0:
        return say("announced {announced} is the same day as effective {effective}; {window}: "
                   "{advice}", **values)
    if days > 0:
        return say("announced {announced} is only {days} day{s} before effective {effective}; "
                   "{window}: {advice}", **values)
    return say("announced {announced} is {days} day{s} after effective {effective}; {window}: "
               "{advice}", **values)
