"""Translations' source files: ``2016-03-01.en.md`` beside its original ``2016-03-01.md``, and
what a site or document is called in another language (``site.en.yaml``, ``document.en.yaml``).

A translation holds only what may differ from its original: its text, title, summary and the
reasons of its 신구대비표. Dates, ``material`` and withdrawal are the original's: the original
is the text that binds.
"""

from __future__ import annotations

import hashlib
from datetime import date

from site_builder.base.messages import say
from site_builder.model.site import Translation
from site_builder.sources import settings
from site_builder.base.problems import Problem
from site_builder.sources.sourcefile import read_version_source
from site_builder.text.screens import screened



def parse_translation(data: bytes, rel: str, effective: date,
                      language: str) -> tuple[Translation | None, list[Problem]]:
    read = read_version_source(data, rel)
    if isinstance(read, list):
        return None, read
    fields = read.fields
    for key in settings.ORIGINAL_ONLY_KEYS:
        if key in fields.nodes:
            fields.problems.append(Problem(rel, fields.line(key), say(
                "a translation takes '{key}' from its original ({effective}.md); remove it here",
                key=key, effective=effective)))
    values = settings.TRANSLATION.read(fields, also_known=settings.ORIGINAL_ONLY_KEYS)
    if not read.parts.body.strip():
        fields.problems.append(Problem(rel, read.parts.body_first_line - 1,
                                       say("the translation has no text below the front matter")))
    translation = Translation(
        effective=effective, language=language, title=values["title"],
        summary=values["summary"], withdrawn_reason=values["withdrawn_reason"],
        reasons=values["reasons"], translates=values["translates"],
        body=read.parts.body, path=rel, body_first_line=read.parts.body_first_line,
        sha256=hashlib.sha256(data).hexdigest(),
        screens=screened(read.parts.body, values),
        key_lines={key: fields.line(key) for key in fields.nodes})
    return translation, [*read.text.problems, *fields.problems]


def language_problem(language: str, languages: tuple[str, ...]) -> str | None:
    """Why a file named for ``language`` cannot be a translation of this site."""
    if language == languages[0]:
        return say("is named for the site's own language '{language}'; the original has no "
                   "language in its name (YYYY-MM-DD.md, site.yaml, document.yaml)",
                   language=language)
    if language not in languages:
        return say("'{language}' is not one of the site's languages ({listed}); add it to "
                   "'languages:' in policies/site.yaml, or name the file for one of them "
                   "(e.g. 2024-03-01.en.md)", language=language, listed=", ".join(languages))
    return None


def translation_problems(originals: set[date],
                         translations: tuple[Translation, ...]) -> list[Problem]:
    """A translation is published with its original, so it cannot exist without one;
    ``originals``: the days of the original files there are (a broken one too: its own
    error is the one to fix)."""
    return [Problem(t.path, None, say(
        "no original {effective}.md beside this translation; a translation is published with "
        "the version it translates: add the original, or rename this file to the date of one",
        effective=t.effective)) for t in translations if t.effective not in originals]
