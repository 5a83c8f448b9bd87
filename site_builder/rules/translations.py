"""The site in each of its other languages, and the rules translations answer to.

A translation edition is the same site, dates and statuses, with every version that has a
translation replaced by it; versions without one stay the original (and the pages say so).
The original's ``announced`` governs the notice: a translation may come later, but ``check``
warns while an announced change has none, and when the original changed after it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from site_builder.base.messages import say
from site_builder.model.site import Document, Names, PolicyVersion, Site, Translation
from site_builder.base.problems import WARNING, Problem
from site_builder.model.publication import timeline
from site_builder.sources.translation_files import matches_original


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
        body=translation.body,
        path=translation.path, body_first_line=translation.body_first_line,
        sha256=translation.sha256, content_sha256=translation.sha256,
        reasons=translation.reasons,
        withdrawn_reason=translation.withdrawn_reason or original.withdrawn_reason,
        outdated=matches_original(translation, original) is False,
        key_lines=translation.key_lines)


def check_translations(site: Site, today: date) -> list[Problem]:
    problems = []
    for document in site.documents:
        originals = {v.effective: v for v in document.versions}
        for translation in document.translations:
            original = originals.get(translation.effective)
            if original:
                problems += _translation_problems(translation, original)
        for language in {t.language for t in document.translations}:
            problems += _missing_translations(document, language, today)
            problems += _unnamed(document, language)
    return problems


def _translation_problems(translation: Translation, original: PolicyVersion) -> list[Problem]:
    problems = []
    matches = matches_original(translation, original)
    if matches is False:
        problems.append(Problem(translation.path, translation.line_of("translates"), say(
            "the original {effective}.md changed after this translation was made (translates "
            "{given}, the original is now {actual}); bring the translation up to date, then set "
            "translates: {actual}", effective=translation.effective,
            given=translation.translates[:12], actual=original.sha256),
            rule="translation-outdated", severity=WARNING))
    elif matches is None:
        problems.append(Problem(translation.path, 1, say(
            "this translation does not say which text of the original it translates, so a "
            "later change of the original would go unnoticed; add translates: {actual}",
            actual=original.sha256), rule="translation-outdated", severity=WARNING))
    if translation.withdrawn_reason and original.withdrawn is None:
        problems.append(Problem(translation.path, translation.line_of("withdrawn_reason"), say(
            "withdrawn_reason, but the original is not withdrawn; remove it here, or withdraw "
            "the original"), rule="withdrawal"))
    return problems


def _missing_translations(document: Document, language: str, today: date) -> list[Problem]:
    """Announced changes (a notice scheduled for a later day too) that are or will be in force,
    with no translation while the document has others in ``language``: that language's
    readers would get them untranslated."""
    have = {t.effective for t in document.translations if t.language == language}
    current = timeline(document, today).current
    return [Problem(version.path, version.line_of("announced"), say(
        "announced for {announced}, but there is no '{language}' translation of it yet ({name}); "
        "until there is, '{language}' readers are shown the original text or an earlier "
        "translation",
        announced=version.announced, language=language,
        name=f"{version.effective}.{language}.md"), rule="translation-missing", severity=WARNING)
        for version in document.versions
        if version.announced and version.withdrawn is None and version.effective not in have
        and (version.effective > today or (current and version is current.version))]


def _unnamed(document: Document, language: str) -> list[Problem]:
    if any(n.language == language and n.title for n in document.names):
        return []
    return [Problem(document.path, None, say(
        "has '{language}' translations but no '{language}' title; add {path}/document.{language}"
        ".yaml with 'title: ...' (until then the '{language}' pages use the original's title)",
        language=language, path=document.path), rule="translation-missing", severity=WARNING)]
