"""A site's own theme overrides the default template by template, with clear errors."""

from __future__ import annotations

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
