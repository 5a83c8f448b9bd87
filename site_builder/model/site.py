"""The site as data: settings, documents and their versions, read once and never changed."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


# The one edit allowed to published front matter: calling off a change not yet in effect.
WITHDRAWAL_KEYS = ("withdrawn", "withdrawn_reason")
# 개정 사유: (article label, reason, line of the reason in the front matter) for each article.
Reasons = tuple[tuple[str, str, int | None], ...]


@dataclass(frozen=True)
class Screens:
    """What the rules' cheap screens found in one text (text/screens.py): found with its parse,
    on every core, and cached with it, so that the rules look closer only where they say."""

    may_be_refused: bool  # rendering might refuse it: nested too deep, tables too large
    holds_marks: bool  # the body, title or summary may hold a mark of text not yet written
    numbered_headings: dict[str, str]  # a heading's words -> its number as written ("제9조")


@dataclass(frozen=True)
class NoticePolicy:
    """How many days before taking effect a change must be announced."""

    days: int = 7
    material_days: int = 30

    def window_for(self, material: bool) -> int:
        return self.material_days if material else self.days


class DeferredText:
    """A text field that may be given as a function that makes it: called the first time the
    text is read, and the text kept. The loader gives a cached version's body so: read from
    its file again only if something reads it (most of a build's versions are never read:
    decoding the archive's 13 MB was 29 ms of every build, and holding 5,000 versions' texts
    45 MB of its peak). A required field."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, instance, owner: type | None = None) -> str:
        if instance is None:
            raise AttributeError(self.name)  # for dataclasses: the field has no default
        value = instance.__dict__[self.name]
        if callable(value):
            value = instance.__dict__[self.name] = value()
        return value

    def __set__(self, instance, value) -> None:
        instance.__dict__[self.name] = value


@dataclass(frozen=True)
class PolicyVersion:
    """One Markdown file: the text of a document in force from ``effective``."""

    effective: date
    announced: date | None
    summary: str | None
    material: bool
    title: str | None
    body: str = DeferredText()
    path: str  # relative to the site root, for messages
    body_first_line: int
    sha256: str
    screens: Screens = field(compare=False, hash=False)  # derived from the text and settings
    content_sha256: str = ""  # of the decoded text less WITHDRAWAL_KEYS: what must never change
    withdrawn: date | None = None  # an announced change called off before it took effect
    withdrawn_reason: str | None = None
    reasons: Reasons = ()  # the 비고 column of the 신구대비표
    key_lines: dict[str, int | None] = field(default_factory=dict, compare=False, hash=False)
    # Settings a did-you-mean hint pointed at (`anounced` -> announced): their value is unknown,
    # so rules that depend on them stay quiet rather than add a misleading second error.
    misspelt: frozenset[str] = frozenset()

    language: str | None = None  # None for the original; a translation's language otherwise
    outdated: bool = False  # a translation whose original changed after it was made
    summary_language: str | None = None  # a translation showing its original's summary: its language

    def is_withdrawn_by(self, today: date) -> bool:
        return self.withdrawn is not None and self.withdrawn <= today

    def line_of(self, key: str) -> int:
        """The line of a front-matter key, or the opening fence when the key is absent."""
        return self.key_lines.get(key) or 1


@dataclass(frozen=True)
class Translation:
    """A version's text in another language, for reference: the original is what binds, so
    dates, ``material`` and withdrawal always come from it."""

    effective: date
    language: str
    title: str | None
    summary: str | None
    withdrawn_reason: str | None
    reasons: Reasons
    translates: str | None  # the original's SHA-256 (or its first 12+ hex digits) it renders
    body: str = DeferredText()
    path: str
    body_first_line: int
    sha256: str
    screens: Screens = field(compare=False, hash=False)
    key_lines: dict[str, int | None] = field(default_factory=dict, compare=False, hash=False)

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key) or 1


@dataclass(frozen=True)
class Names:
    """What a site or document is called in one of its other languages (``*.<lang>.yaml``)."""

    language: str
    title: str | None
    description: str | None = None
    noun: str | None = None


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
    translations: tuple[Translation, ...] = ()
    names: tuple[Names, ...] = ()  # from document.<lang>.yaml

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
    # What a language's document page shows while the version in effect is not translated:
    # the translation of the version before it ("previous"), or no page ("none").
    translation_fallback: str
    adopted: date | None = None  # the day the repository started using policy-site
    adopted_line: int | None = None
    languages: tuple[str, ...] = ()  # the original's language first, then the translations'
    names: tuple[Names, ...] = ()  # from site.<lang>.yaml

    @property
    def translation_languages(self) -> tuple[str, ...]:
        return tuple(language for language in self.languages if language != self.language)
