"""Messages exist in both languages, and a Korean site's editors read them in Korean (issue 14)."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import polib
import pytest

from site_builder.base.messages import CATALOGUES, OVERRIDE, catalogue, in_language, say

KO = {entry.msgid: entry.msgstr for entry in polib.pofile(str(CATALOGUES / "ko.po"))
      if entry.msgstr and not entry.obsolete and "fuzzy" not in entry.flags}

PACKAGE = Path(__file__).resolve().parent.parent / "site_builder"


def _literals(node) -> list[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _literals(node.body) + _literals(node.orelse)
    raise AssertionError(f"line {node.lineno}: a message template must be a literal")


def templates() -> dict[str, str]:
    """Every template the package says, with where it is said."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("say", "_say"):
                argument = node.args[0 if node.func.id == "say" else 1]
                if isinstance(argument, ast.Name):
                    continue  # say() and _say() passing their own parameter on
                for template in _literals(argument):
                    found[template] = f"{path.relative_to(PACKAGE)}:{node.lineno}"
    return found


def names(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_message_exists_in_korean_with_the_same_values():
    said = templates()
    missing = {t: where for t, where in said.items() if t not in KO}
    assert not missing, f"messages without Korean text: {missing}"
    for template, korean in KO.items():
        assert names(korean) <= names(template), template
    stale = set(KO) - set(said)
    assert not stale, f"Korean texts no message uses: {stale}"


def test_the_compiled_catalogue_is_the_catalogue():
    """ko.mo is what the tool reads; ko.po what a translator edits. After editing ko.po:
    python -c "import polib; polib.pofile('site_builder/base/locale/ko.po').save_as_mofile(
    'site_builder/base/locale/ko.mo')" """
    compiled = catalogue("ko")
    assert {template: compiled.gettext(template) for template in KO} == KO
    assert len(compiled._catalog) - 1 == len(KO)  # the header is an entry of its own


def test_nested_messages_are_said_in_the_same_language():
    inner = say("draft: announce it by {day}", day="2026-12-01")
    outer = say("wrote {path}: effective {effective} ({notice}).\nNext: write the summary, "
                "edit the text, then run policy-site check.", path="a.md",
                effective="2026-12-08", notice=inner)
    assert str(outer).startswith("wrote a.md: effective 2026-12-08 (draft: announce it by")
    korean = in_language(outer, "ko")
    assert "2026-12-01" in korean and "draft" not in korean


def test_a_korean_site_gets_korean_messages_in_the_same_shape(kit, monkeypatch):
    monkeypatch.delenv(OVERRIDE, raising=False)
    kit.two_versions(announced="2016-02-28")
    result = kit.check()
    assert result.code == 1
    assert "policies/privacy/2016-03-01.md:3: error: 공고일 2016-02-28" in result.out
    assert "검사 실패" in result.out
    kit.site_yaml(language="en")
    assert "check failed" in kit.check().out


SAMPLES = ("site.yaml", "2026-11-10", "개인정보처리방침", "policies/privacy", "7", "철회", "md")


@pytest.mark.parametrize("sample", SAMPLES)
def test_no_korean_message_shows_a_particle_placeholder(sample):
    """이(가), 을(를), (으)로 ...: the particle fits the word before it (issue 25)."""
    for template in KO:
        text = in_language(say(template, **dict.fromkeys(names(template), sample)), "ko")
        assert not re.search(r"\((가|이|를|을|는|은|와|과|으)\)", text), (template, text)


@pytest.mark.parametrize("word, particles", [
    ("site.yaml", "을 이 은 로"), ("2026-11-10", "을 이 은 으로"), ("파일", "을 이 은 로"),
    ("폴더", "를 가 는 로"), ("2026-11-27.md", "를 가 는 로"), ("항목 3", "을 이 은 으로")])
def test_particles_fit_the_sound_the_word_ends_with(word, particles):
    from site_builder.base.messages import fit_particles
    said = fit_particles(f"{word}을(를) {word}이(가) {word}은(는) {word}(으)로")
    assert said.split(word)[1:] == [p + (" " if i < 3 else "") for i, p in
                                    enumerate(particles.split())]
