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
import re
import string
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


def message_data(text: str):
    """A message as data for a state file (the cache, the build record): its template and its
    values (text, or messages in turn), so that it can be said again in another language;
    plain text as it is. Values that are not text are written as text, which formats alike."""
    if isinstance(text, Message):
        return {"template": text.template,
                "values": {key: message_data(value) if isinstance(value, str) else str(value)
                           for key, value in text.values.items()}}
    return str(text)


def message_from_data(data) -> str:
    """:func:`message_data` read back from a state file, which may come from anywhere: a
    template may only name its values. ``{x:>999999999}`` would take a gigabyte to format and
    ``{x.__class__}`` reach into a value; no template of ours has either (ValueError)."""
    if not isinstance(data, dict):
        return data
    template = data["template"]
    for _, field, spec, conversion in string.Formatter().parse(template):
        if field is not None and (not field.isidentifier() or spec or conversion):
            raise ValueError("not a template of ours")
    return Message(template, {key: message_from_data(value)
                              for key, value in data["values"].items()})


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
    said = translated.format(**values)
    return fit_particles(said) if language == "ko" else said


# A Korean particle depends on the sound the word before it ends with: 파일이 / 폴더가. The
# catalogue writes both forms, 이(가), and the word decides once the values are in.
_PARTICLES = {"이(가)": ("이", "가"), "을(를)": ("을", "를"), "은(는)": ("은", "는"),
              "과(와)": ("과", "와"), "와(과)": ("과", "와"), "(으)로": ("으로", "로"),
              "(이)라고": ("이라고", "라고")}
_PARTICLE = re.compile("|".join(re.escape(p) for p in _PARTICLES))
_CLOSERS = "'\"’”)]}>»」』 "
# Digits as Korean reads them (영 일 이 삼 사 오 육 칠 팔 구): with a final sound, ㄹ for 1 7 8;
# Latin letters by their names: l (엘) ends in ㄹ, m (엠) and n (엔) in another final sound.
_FINAL_DIGITS, _RIEUL_DIGITS = set("013678"), set("178")
_FINAL_LETTERS, _RIEUL_LETTERS = set("lmnLMN"), set("lL")


def fit_particles(text: str) -> str:
    """Every 이(가)-style pair resolved by the word before it."""
    def choose(match: re.Match) -> str:
        before = text[:match.start()].rstrip(_CLOSERS)[-1:]
        final, rieul = _final_sound(before)
        with_final, without = _PARTICLES[match.group()]
        if match.group() == "(으)로" and rieul:
            return without
        return with_final if final else without
    return _PARTICLE.sub(choose, text)


def _final_sound(character: str) -> tuple[bool, bool]:
    """(ends in a final consonant, that consonant is ㄹ) for the last character of a word."""
    if "가" <= character <= "힣":
        final = (ord(character) - 0xAC00) % 28
        return final != 0, final == 8
    if character.isdigit():
        return character in _FINAL_DIGITS, character in _RIEUL_DIGITS
    return character in _FINAL_LETTERS, character in _RIEUL_LETTERS
