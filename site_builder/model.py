"""The site as data: settings, documents and their versions, read once and never changed."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


# The one edit allowed to published front matter: calling off a change not yet in effect.
WITHDRAWAL_KEYS = ("withdrawn", "withdrawn_reason")


@dataclass(frozen=True)
class NoticePolicy:
    """How many days before taking effect a change must be announced."""

    days: int = 7
    material_days: int = 30

    def window_for(self, material: bool) -> int:
        return self.material_days if material else self.days


@dataclass(frozen=True)
class PolicyVersion:
    """One Markdown file: the text of a document in force from ``effective``."""

    effective: date
    announced: date | None
    summary: str | None
    material: bool
    title: str | None
    body: str
    path: str  # relative to the site root, for messages
    body_first_line: int
    sha256: str
    content_sha256: str = ""  # of the decoded text less WITHDRAWAL_KEYS: what must never change
    withdrawn: date | None = None  # an announced change called off before it took effect
    withdrawn_reason: str | None = None
    reasons: tuple = ()  # (article label, 개정 사유) pairs: the 비고 column of the 신구대비표
    key_lines: dict = field(default_factory=dict, compare=False, hash=False)
    # Settings a did-you-mean hint pointed at (`anounced` -> announced): their value is unknown,
    # so rules that depend on them stay quiet rather than add a misleading second error.
    misspelt: frozenset = frozenset()

    def is_withdrawn_by(self, today: date) -> bool:
        return self.withdrawn is not None and self.withdrawn <= today

    def line_of(self, key: str) -> int:
        """The line of a front-matter key, or the opening fence when the key is absent."""
        return self.key_lines.get(key) or 1


@dataclass(frozen=True)
class Document:
    """A policy (privacy, terms, ...) with all its versions, oldest first."""

    slug: str
    title: str
    description: str | None
    notice: NoticePolicy
    order: int
    versions: tuple[PolicyVersion, ...]
    path: str
    noun: str | None = None  # what the UI calls the document: 방침, 약관 (strings' {noun})

    def is_first(self, version: PolicyVersion) -> bool:
        return bool(self.versions) and version is self.versions[0]


@dataclass(frozen=True)
class Site:
    title: str
    base_url: str
    language: str
    timezone: str
    theme: str
    notice: NoticePolicy
    documents: tuple[Document, ...]
    adopted: date | None = None  # the day the repository started using policy-site
    adopted_line: int | None = None
