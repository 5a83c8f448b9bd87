"""The rules ``check --git`` adds: no back-dated notice, no edit of published text (SPEC 4).

Pure functions of the site and its history; reading git is history.py's job.
"""

from __future__ import annotations

from datetime import date

from site_builder.history import ADDED, RENAMED, Change, History, Removal
from site_builder.model import Document, PolicyVersion, Site
from site_builder.problems import Problem

NEW_VERSION_FIX = "publish the correction as a new version (policy-site new) instead"


def check_history(site: Site, history: History) -> list[Problem]:
    problems = []
    for document in site.documents:
        for version in document.versions:
            changes = history.changes.get(version.path, [])
            if not (site.adopted and version.announced and version.announced < site.adopted):
                problems.extend(_back_dated(version, changes))
            problems.extend(_edited_after_publication(document, version, changes))
    problems.extend(_removed_after_publication(r) for r in history.removals
                    if _removed_text_was_public(site, r))
    return problems


def published_day(document: Document, version: PolicyVersion) -> date | None:
    """From which day the text is public record; drafts have none and may change freely."""
    if version.announced is not None:
        return version.announced
    return version.effective if document.is_first(version) else None


def _back_dated(version: PolicyVersion, changes: list[Change]) -> list[Problem]:
    added = next((c for c in changes if c.status == ADDED), None)
    if version.announced is None or added is None or version.announced >= added.commit.day:
        return []
    return [Problem(
        version.path, version.line_of("announced"),
        f"announced {version.announced} is earlier than the day this file was first committed, "
        f"{added.commit.day} in {added.commit.describe()}: a notice cannot be back-dated; set "
        f"announced to {added.commit.day} or later (and effective at least a notice window "
        "after it)", rule="back-dated-notice")]


def _edited_after_publication(document: Document, version: PolicyVersion,
                              changes: list[Change]) -> list[Problem]:
    public_from = published_day(document, version)
    if public_from is None:
        return []
    return [Problem(
        version.path, 1,
        f"published text was changed in {change.commit.describe()}, after it became public on "
        f"{public_from}; published text is immutable: revert that change and {NEW_VERSION_FIX}",
        rule="published-text-changed")
        for change in changes
        if change.status != ADDED and change.commit.day > public_from
        and not (change.status == RENAMED and change.same_content)]


def _removed_text_was_public(site: Site, removal: Removal) -> bool:
    """A removed file without a notice was public only if it was its document's first version."""
    if removal.announced is not None:
        public_from = removal.announced
    elif removal.effective is not None and not _has_earlier_version(site, removal):
        public_from = removal.effective
    else:
        return False
    return removal.change.commit.day > public_from


def _has_earlier_version(site: Site, removal: Removal) -> bool:
    folder = removal.path.rsplit("/", 1)[0]
    return any(v.effective < removal.effective for d in site.documents if d.path == folder
               for v in d.versions)


def _removed_after_publication(removal: Removal) -> Problem:
    change = removal.change
    what = f"renamed to {removal.new_path}" if removal.new_path else "deleted"
    return Problem(
        removal.path, None,
        f"published version was {what} in {change.commit.describe()}; published versions "
        f"stay where they are: restore {removal.path} and {NEW_VERSION_FIX}",
        rule="published-version-removed")
