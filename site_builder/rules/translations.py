"""The rules translations answer to.

The original's ``announced`` governs the notice: a translation may come later, but ``check``
warns while an announced change has none, and when the original changed after it.
"""

from __future__ import annotations

from datetime import date

from site_builder.base.messages import say
from site_builder.model.site import Document, PolicyVersion, Site, Translation
from site_builder.base.problems import WARNING, Problem
from site_builder.model.publication import timeline
from site_builder.model.translated import matches_original


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
