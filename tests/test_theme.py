"""A site's own theme overrides the default template by template, with clear errors."""

from __future__ import annotations

import os
import sys

import pytest

from tests.pages import visible_text


def own_theme(kit, template: str, text: str) -> None:
    kit.site_yaml(theme="house")
    kit.write(f"themes/house/templates/{template}", text)


def test_site_theme_overrides_one_template_and_keeps_the_rest(kit):
    own_theme(kit, "archive.html", '{% extends "base.html" %}{% block main %}'
                                   "<h1>우리 회사 보관함</h1>{% endblock %}")
    kit.write("themes/house/static/house.css", "body { color: black; }")
    kit.write("themes/house/strings/ko.yaml", "feed: 새 소식 받기\n")
    kit.two_versions()
    assert kit.build().code == 0
    assert "우리 회사 보관함" in visible_text(kit.read("privacy/versions/index.html"))
    document = visible_text(kit.read("privacy/index.html"))
    assert "이전 개인정보처리방침" in document and "새 소식 받기" in document
    assert (kit.out / "assets/house.css").exists() and (kit.out / "assets/style.css").exists()


def test_misspelt_variable_names_template_and_line(kit):
    own_theme(kit, "archive.html", '{% extends "base.html" %}{% block main %}\n\n'
                                   "<h1>{{ documnet.title }}</h1>{% endblock %}")
    kit.two_versions()
    kit.build()
    before = kit.tree()
    result = kit.build("2026-11-29")
    assert result.code == 1
    assert "themes/house/templates/archive.html:3: error: template error: 'documnet' is " \
           "undefined" in result.err
    assert "Traceback" not in result.err
    assert kit.tree() == before


def test_template_syntax_error_names_template_and_line(kit):
    own_theme(kit, "index.html", "{% extends 'base.html' %}\n{% block main %}{% if %}{% endblock %}")
    kit.two_versions()
    result = kit.build()
    assert result.code == 1 and "themes/house/templates/index.html:2: error: template syntax" in result.err


def test_missing_theme_folder_is_reported(kit):
    kit.site_yaml(theme="nowhere")
    kit.two_versions()
    assert "theme 'nowhere' not found" in kit.build().err


def test_duplicate_string_in_theme_is_an_error(kit):
    kit.site_yaml(theme="house")
    kit.write("themes/house/strings/ko.yaml", "feed: 하나\nfeed: 둘\n")
    kit.two_versions()
    assert "themes/house/strings/ko.yaml:2: error: duplicate key 'feed'" in kit.build().err


# Themes from a pull request are untrusted input (issue 11).

def theme_refused(kit, *words: str, command: str = "build"):
    kit.two_versions()
    result = kit.build() if command == "build" else kit.check()
    assert result.code == 1, result.text
    assert "Traceback" not in result.text and "internal error" not in result.text
    for word in words:
        assert word in result.text, result.text
    return result


def test_a_template_cannot_reach_python_internals(kit, tmp_path):
    marker = tmp_path / "ran"
    own_theme(kit, "index.html", "{{ cycler.__init__.__globals__.os.popen('touch %s') }}" % marker)
    theme_refused(kit, "themes/house/templates/index.html:1: error: template error:")
    assert not marker.exists()


@pytest.mark.parametrize("name", ["/etc", "../elsewhere", "house/../../x", "."])
def test_theme_must_be_a_plain_folder_name(kit, name):
    kit.site_yaml(theme=f'"{name}"')
    theme_refused(kit, "policies/site.yaml:3: error: theme", "not a path")


def test_misspelt_theme_is_caught_by_check_too(kit):
    kit.write("themes/house/templates/index.html", "x")
    kit.site_yaml(theme="hosue")
    theme_refused(kit, "policies/site.yaml:3: error: theme 'hosue' not found",
                  "did you mean 'house'?", command="check")


def test_a_static_file_linking_out_of_the_theme_is_refused(kit, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("비밀")
    kit.site_yaml(theme="house")
    (kit.root / "themes/house/static").mkdir(parents=True)
    os.symlink(secret, kit.root / "themes/house/static/leak.txt")
    theme_refused(kit, "themes/house/static/leak.txt: error: links outside its theme folder")
    assert not (kit.out / "assets/leak.txt").exists()


def test_a_template_linking_out_of_the_theme_is_refused(kit, tmp_path):
    secret = tmp_path / "secret.html"
    secret.write_text("비밀")
    kit.site_yaml(theme="house")
    (kit.root / "themes/house/templates").mkdir(parents=True)
    os.symlink(secret, kit.root / "themes/house/templates/index.html")
    result = theme_refused(kit, "outside its theme folder")
    assert "비밀" not in result.text


@pytest.mark.parametrize("template, words", [
    ("{% extends 'index.html' %}", "in a loop"),
    ("{% extends 'base.html' %}{% block main %}\n{{ 1 // 0 }}{% endblock %}",
     "index.html:2: error: template failed: ZeroDivisionError"),
    ("{% extends 'base.html' %}{% block main %}\n\n{{ documents[99].title }}{% endblock %}",
     "index.html:3: error: template error:"),
    ("{% extends 'base.html' %}{% block main %}{{ t.previous_versions.format(x=1) }}{% endblock %}",
     "index.html:1: error: template failed: KeyError"),
])
def test_a_failing_template_is_a_message_at_its_line(kit, template, words):
    own_theme(kit, "index.html", template)
    theme_refused(kit, words)


def test_a_template_that_is_not_utf8_is_a_message(kit):
    kit.site_yaml(theme="house")
    kit.write("themes/house/templates/index.html", "{{ '한글' }}".encode("euc-kr"))
    theme_refused(kit, "themes/house/templates/index.html: error: template is not valid UTF-8")


@pytest.mark.parametrize("strings, words", [
    ("upcoming_banner: \"{date 부터\"\n", "ko.yaml:1: error: string has a broken placeholder"),
    ("upcoming_banner: \"{day}부터\"\n", "ko.yaml:1: error: 'upcoming_banner' uses {day}"),
    ("past_baner: 이전 버전\n", "ko.yaml:1: error: unknown string 'past_baner'; did you mean "
                                "'past_banner'?"),
])
def test_theme_strings_are_checked_against_the_default(kit, strings, words):
    kit.site_yaml(theme="house")
    kit.write("themes/house/strings/ko.yaml", strings)
    theme_refused(kit, "themes/house/strings/" + words)


def test_check_renders_every_page_so_a_template_mistake_fails_check_too(kit):
    own_theme(kit, "archive.html", '{% extends "base.html" %}{% block main %}\n'
                                   "<h1>{{ documnet.title }}</h1>{% endblock %}")
    theme_refused(kit, "themes/house/templates/archive.html:2: error: template error: "
                       "'documnet' is undefined", command="check")
    assert not (kit.root / "output").exists() and not kit.cache.exists()
    assert kit.build().code == 1


def test_the_builtin_theme_runs_unchecked_and_a_site_template_stays_sandboxed(kit, tmp_path):
    """Issue 24: the built-in templates are our code and skip the sandbox's checks; a site's
    own templates stay sandboxed. The two compile templates differently (the sandbox checks
    arithmetic), so code compiled for one never runs in the other, in either order."""
    from site_builder.render.sandbox import BuiltinEnvironment, ThemeSandbox
    from site_builder.render.theme import Theme

    kit.version("2015-02-15")
    own_theme(kit, "archive.html", '{% extends "base.html" %}{% block main %}{% endblock %}')
    assert type(Theme(kit.root, "house", "ko").env) is ThemeSandbox
    assert kit.build().code == 0  # base.html and the rest compiled for the sandbox
    kit.site_yaml(theme="default")
    assert type(Theme(kit.root, "default", "ko").env) is BuiltinEnvironment
    built = kit.build()
    assert built.code == 0, built.text  # and now for the built-in environment
    marker = tmp_path / "ran"
    own_theme(kit, "index.html", "{{ cycler.__init__.__globals__.os.popen('touch %s') }}" % marker)
    theme_refused(kit, "themes/house/templates/index.html:1: error: template error:")
    assert not marker.exists()


@pytest.mark.parametrize("value, name", [
    ({"effective": "2015-02-15"}, "effective"),  # a view's field
    ({"items": "항목"}, "items"),  # a key named like a dict method: the method, as in Jinja
    ({"get": 1}, "get"), ({}, "missing"), ({"a": 1}, "__class__"),
    ({1: "one"}, "1"), ([1, 2], "append"), ("text", "upper"), (None, "effective"),
])
def test_the_builtin_theme_looks_names_up_as_jinja_does(value, name):
    """The built-in environment asks a dict for the item first (a dict has no other
    attributes than dict's); the answer is Jinja's own in every case."""
    import jinja2

    from site_builder.render.sandbox import BuiltinEnvironment

    ours, jinjas = BuiltinEnvironment(), jinja2.Environment()
    found, expected = ours.getattr(value, name), jinjas.getattr(value, name)
    if isinstance(expected, jinja2.Undefined):
        assert isinstance(found, jinja2.Undefined) and str(found) == str(expected)
        assert found._undefined_name == expected._undefined_name
    else:
        assert found == expected


def _selectors(kit) -> dict[str, list[tuple[str, str | None, bool]]]:
    """Each version page's selector as a visitor reads it: (date, the page a link leads to,
    whether it is marked as the page itself), by page."""
    from tests.pages import find_class, parse, text_of

    found = {}
    for page in sorted(kit.out.glob("*/20*/index.html")):
        [listed] = find_class(page.read_text(encoding="utf-8"), "version-list")
        items = []
        for item in parse(f"<!DOCTYPE html><title>t</title>{_html(listed)}").iter("li"):
            link, current = item.find("a"), item.find("strong")
            target = link.get("href") if link is not None else None
            items.append((text_of(link if link is not None else current),
                          str((page.parent / target).resolve().relative_to(kit.out))
                          if target else None,
                          current is not None and current.get("aria-current") == "page"))
        found[str(page.relative_to(kit.out))] = items
    return found


def _html(element) -> str:
    import xml.etree.ElementTree as ElementTree

    return ElementTree.tostring(element, encoding="unicode", method="html")


def test_every_version_page_lists_its_own_documents_versions_marking_itself(kit):
    """The selector's items are rendered once for a document's pages (selector_items.py):
    each page still marks its own version and links the others, in the built-in theme and in
    the sandbox (a site's theme that keeps the built-in selector), with two documents in one
    process."""
    for slug, days in (("privacy", ("2015-02-15", "2016-03-01", "2017-05-01")),
                       ("terms", ("2015-02-15", "2018-01-10"))):
        for day in days:
            kit.version(day, slug=slug, **({} if day == "2015-02-15" else
                                           {"announced": "2014-01-01", "summary": "고칩니다"}))
    assert kit.build("2026-11-28", "--jobs", "1").code == 0
    builtin = _selectors(kit)
    assert len(builtin) == 5
    for page, items in builtin.items():
        document, day = page.split("/")[:2]
        assert len(items) == (3 if document == "privacy" else 2)
        for text, target, current in items:
            assert current == (target is None)
            assert target is None or (target.startswith(document + "/")
                                      and (kit.out / target).is_file())
        [own] = [text for text, _, current in items if current]
        assert own == _written(day)
    own_theme(kit, "archive.html", '{% extends "base.html" %}{% block main %}{% endblock %}')
    assert kit.build("2026-11-28", "--jobs", "1").code == 0
    assert _selectors(kit) == builtin


def _written(day: str) -> str:
    year, month, date = (int(part) for part in day.split("-"))
    return f"{year}년 {month}월 {date}일"


def test_the_shipped_compiled_templates_are_the_built_in_ones_as_jinja_compiles_them():
    """What ships in compiled_templates/ must be what this Jinja2 makes of the built-in
    templates now: after editing one, run `python -m site_builder.render.shipped_templates`.
    Under another Jinja2 release none of them is used (each names the release that made it)."""
    import jinja2

    from site_builder.render import shipped_templates as shipped
    from site_builder.render.templates import environment

    made = shipped.compiled_forms(environment([shipped.BUILTIN_TEMPLATES], False, str))
    shipped_now = {path.name: path.read_text(encoding="utf-8")
                   for path in shipped.FOLDER.glob("*.py")}
    assert set(shipped_now) == set(made) and len(made) >= 10
    if all(f"jinja2 {jinja2.__version__} " in text for text in shipped_now.values()):
        assert shipped_now == made, "run: python -m site_builder.render.shipped_templates"
    for name, text in made.items():
        checksum = text.partition("\n")[0].rsplit(" ", 1)[1]
        used = shipped.shipped_code(name.removesuffix(".py"), checksum, None)
        assert (used is not None) == (shipped_now[name] == text)
        assert shipped.shipped_code(name.removesuffix(".py"), "0" * 40, None) is None


def test_a_build_with_the_built_in_theme_compiles_no_template_and_builds_the_same(kit, monkeypatch):
    """The shipped forms are used (Jinja2 compiles nothing) and make the same pages as
    templates compiled from their source; an error in a page still names the template."""
    import jinja2

    from site_builder.render import shipped_templates, templates

    kit.two_versions()
    compiled = []
    real = jinja2.Environment.compile
    monkeypatch.setattr(jinja2.Environment, "compile",
                        lambda self, *a, **k: compiled.append(a[1]) or real(self, *a, **k))
    monkeypatch.setattr(templates, "_COMPILED", {kind: type(cache)() for kind, cache
                                                 in templates._COMPILED.items()})
    assert kit.build("2026-11-28", "--jobs", "1").code == 0
    assert compiled == []
    shipped = kit.tree()
    monkeypatch.setattr(shipped_templates, "FOLDER", kit.root / "none")
    monkeypatch.setattr(templates, "_COMPILED", {kind: type(cache)() for kind, cache
                                                 in templates._COMPILED.items()})
    assert kit.build("2026-11-28", "--jobs", "1", "--no-cache").code == 0
    assert "version.html" in compiled and kit.tree() == shipped


def test_a_shipped_form_is_loaded_from_its_bytecode_and_names_its_template(tmp_path, monkeypatch):
    """Python's bytecode of a shipped form (as pip's install and compileall write it) is used,
    not compiled again; without it the form is compiled. Either way its code, nested
    functions too, names the template's file, as code compiled from the template would."""
    import builtins
    import compileall
    import shutil
    from types import CodeType

    from site_builder.render import shipped_templates as shipped

    folder = tmp_path / "compiled_templates"
    shutil.copytree(shipped.FOLDER, folder, ignore=shutil.ignore_patterns("__pycache__"))
    assert compileall.compile_dir(folder, quiet=1)
    monkeypatch.setattr(shipped, "FOLDER", folder)
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    compiled, real = [], builtins.compile
    monkeypatch.setattr(builtins, "compile", lambda *a, **k: compiled.append(a[1]) or real(*a, **k))
    checksum = (folder / "version.html.py").read_text(encoding="utf-8").split("\n", 1)[0][-40:]

    def filenames(code: CodeType):
        yield code.co_filename
        for constant in code.co_consts:
            if isinstance(constant, CodeType):
                yield from filenames(constant)

    for bytecode_kept in (True, False):
        if not bytecode_kept:
            shutil.rmtree(folder / "__pycache__")
        code = shipped.shipped_code("version.html", checksum, "/theme/version.html")
        assert code is not None and len(list(filenames(code))) > 5
        assert set(filenames(code)) == {"/theme/version.html"}
        assert (compiled == []) == bytecode_kept


def test_a_failure_in_a_shipped_template_names_its_file_and_line():
    from site_builder.render import shipped_templates
    from site_builder.render.templates import environment, render
    from site_builder.render.theme_strings import ThemeError

    env = environment([shipped_templates.BUILTIN_TEMPLATES], False, str)
    with pytest.raises(ThemeError) as refused:
        render(env, "notice.html", {"t": {}}, str)
    problem = refused.value.problem
    assert problem.path.endswith("themes/default/templates/notice.html") and problem.line > 1
