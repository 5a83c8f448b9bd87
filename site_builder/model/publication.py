"""Which versions the public sees on a given day: one pure function of dates and "today"."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from site_builder.model.site import Document, PolicyVersion, Site

CURRENT = "current"
UPCOMING = "upcoming"
PAST = "past"
WITHDRAWN = "withdrawn"  # announced, then called off before it took effect
DRAFT = "draft"  # only in `serve`'s preview: not yet published


def is_published(version: PolicyVersion, is_first: bool, today: date) -> bool:
    """Published once its notice is out; a first version without one, once in force."""
    if version.announced is not None:
        return version.announced <= today
    return is_first and version.effective <= today


@dataclass(frozen=True)
class PublishedVersion:
    version: PolicyVersion
    status: str
    last_day: date | None  # the day before the next published version takes effect
    previous: PolicyVersion | None  # the published version this one replaces

    @property
    def effective(self) -> date:
        return self.version.effective


@dataclass(frozen=True)
class Timeline:
    """A document's published versions on one day, oldest first."""

    document: Document
    today: date
    entries: tuple[PublishedVersion, ...]

    @property
    def published(self) -> tuple[PublishedVersion, ...]:
        return tuple(e for e in self.entries if e.status != DRAFT)

    @property
    def current(self) -> PublishedVersion | None:
        return next((e for e in self.entries if e.status == CURRENT), None)

    @property
    def upcoming(self) -> tuple[PublishedVersion, ...]:
        return tuple(e for e in self.entries if e.status == UPCOMING)

    @property
    def shown(self) -> PublishedVersion | None:
        """What the document page shows: the version in effect, else the next to take effect;
        in serve's preview of a document with nothing published yet (a new site's template),
        its first draft, so the editor's first link leads somewhere."""
        return (self.current or next(iter(self.upcoming), None)
                or next((e for e in self.entries if e.status == DRAFT), None))

    def newest_first(self) -> tuple[PublishedVersion, ...]:
        return tuple(reversed(self.entries))


def timeline(document: Document, today: date, preview: bool = False) -> Timeline:
    """The published versions; with ``preview`` the unpublished ones too, marked as drafts.

    Periods and comparisons of published versions ignore drafts, so a preview shows the public
    pages exactly as they will be, plus the drafts.
    """
    published = [v for v in document.versions if is_published(v, document.is_first(v), today)]
    in_force = [v for v in published if not v.is_withdrawn_by(today)]
    current = max((v for v in in_force if v.effective <= today), default=None,
                  key=lambda v: v.effective)
    public, takes_effect = {id(v) for v in published}, {id(v) for v in in_force}
    following_of, following = {}, None
    for version in reversed(document.versions):  # the next version in force after each one
        following_of[id(version)] = following
        if id(version) in takes_effect:
            following = version
    entries, last_in_force, last_shown = [], None, None
    for version in document.versions:  # oldest first
        is_public = id(version) in public
        if not (is_public or preview):
            continue
        following = following_of[id(version)]
        entries.append(PublishedVersion(
            version=version,
            status=_status(version, current, today) if is_public else DRAFT,
            last_day=(following.effective - timedelta(days=1)
                      if following and id(version) in takes_effect else None),
            previous=last_in_force if is_public else last_shown,
        ))
        last_shown = version
        if id(version) in takes_effect:
            last_in_force = version
    return Timeline(document, today, tuple(entries))


def site_timelines(site: Site, today: date, preview: bool = False) -> tuple[Timeline, ...]:
    """Every document's timeline, in the order the site lists them."""
    documents = sorted(site.documents, key=lambda d: (d.order, d.slug))
    return tuple(timeline(d, today, preview) for d in documents)


def _status(version: PolicyVersion, current: PolicyVersion | None, today: date) -> str:
    if version.is_withdrawn_by(today):
        return WITHDRAWN
    if version is current:
        return CURRENT
    return UPCOMING if version.effective > today else PAST
