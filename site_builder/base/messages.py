"""Messages for Korean legal editors, in the site's language.

A message is made with :func:`say` from an English template and its values; it *is* the
English text (a ``str``), and it keeps the template and values so that the command line can
show it in the site's language at the very edge (:func:`in_language`). The Korean wording of
every template is in the gettext catalogue ``locale/ko.po`` (msgid: the English template,
msgstr: the Korean), which a translator edits with any PO editor; ``ko.mo`` beside it is the
same catalogue compiled, which the standard library reads in a third of a millisecond (a PO
parser took four, a tenth of a build with nothing to do). tests/test_messages.py fails when a
template said here has no Korean text, uses values the English one does not, or when ko.mo is
not ko.po compiled.
``POLICY_SITE_MESSAGES=en|ko`` overrides the site's language (for a CI maintainer who reads
English, say).
"""

from __future__ import annotations

import gettext
import os
from functools import lru_cache
from pathlib import Path

from site_builder.base.languages import LANGUAGES, MESSAGE_SOURCE_LANGUAGE

OVERRIDE = "POLICY_SITE_MESSAGES"
CATALOGUES = Path(__file__).resolve().parent / "locale"


class Message(str):
    """English text that remembers how it was made, to be said again in another language."""

    template: str
    values: dict

    def __new__(cls, template: str, values: dict) -> "Message":
        message = super().__new__(cls, template.format(**values))
        message.template, message.values = template, values
        return message

    def __reduce__(self):  # problems travel back from worker processes pickled
        return Message, (self.template, self.values)


def say(template: str, **values) -> Message:
    return Message(template, values)


def language_for(site_language: str | None) -> str:
    """The language messages are shown in: the override, else the site's, else English."""
    chosen = os.environ.get(OVERRIDE) or site_language or MESSAGE_SOURCE_LANGUAGE
    return chosen if chosen in LANGUAGES else MESSAGE_SOURCE_LANGUAGE


@lru_cache(maxsize=None)
def catalogue(language: str) -> gettext.GNUTranslations:
    """The language's compiled catalogue ``locale/<language>.mo``; read when a message is
    first said in that language (an English run never opens it)."""
    with open(CATALOGUES / f"{language}.mo", "rb") as compiled:
        return gettext.GNUTranslations(compiled)


def in_language(text: str, language: str) -> str:
    if language == MESSAGE_SOURCE_LANGUAGE or not isinstance(text, Message):
        return str(text)
    translated = catalogue(language).gettext(text.template)
    if translated == text.template:  # not in the catalogue: said in English
        return str(text)
    values = {key: in_language(value, language) if isinstance(value, str) else value
              for key, value in text.values.items()}
    return translated.format(**values)
