"""The site as each of its other languages shows it.

A translation edition is the same site, dates and statuses, with every version that has a
translation replaced by it; versions without one stay the original (and the pages say so).
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial

from site_builder.model.site import Document, Names, PolicyVersion, Site, Translation


def edition_site(site: Site, language: str) -> Site:
    """The site as its pages in ``language`` show it."""
    names = _names_in(site.names, language)
    return replace(site, language=language,
                   title=names.title if names and names.title else site.title,
                   documents=tuple(edition_document(d, language, site.language)
                                   for d in site.documents))


def edition_document(document: Document, language: str, original_language: str) -> Document:
    translated = {t.effective: t for t in document.translations if t.language == language}
    names = _names_in(document.names, language)
    return replace(
        document,
        title=names.title if names and names.title else document.title,
        description=names.description if names else None,
        noun=names.noun if names else None,
        versions=tuple(_translated(v, translated[v.effective], original_language)
                       if v.effective in translated else v for v in document.versions))


def _names_in(names: tuple[Names, ...], language: str) -> Names | None:
    return next((n for n in names if n.language == language), None)


def _translated(original: PolicyVersion, translation: Translation,
                original_language: str) -> PolicyVersion:
    """The original's dates and settings with the translation's words (its summary, until
    the translation has one of its own, in the original's language)."""
    return replace(
        original, language=translation.language, title=translation.title,
        summary=translation.summary or original.summary,
        summary_language=None if translation.summary else original_language,
        body=partial(getattr, translation, "body"),  # decoded if read (DeferredText)
        path=translation.path, body_first_line=translation.body_first_line,
        sha256=translation.sha256, content_sha256=translation.sha256,
        screens=translation.screens,
        reasons=translation.reasons,
        withdrawn_reason=translation.withdrawn_reason or original.withdrawn_reason,
        outdated=matches_original(translation, original) is False,
        key_lines=translation.key_lines)


def matches_original(translation: Translation, original: PolicyVersion) -> bool | None:
    """Whether ``translates`` names the original's current text (a withdrawal added later does
    not count as a change); None when the translation does not say what it translates."""
    if translation.translates is None:
        return None
    return any(full.startswith(translation.translates)
               for full in (original.sha256, original.content_sha256))
