"""Translations (issue 16): the same version in several languages, the original binding."""

from __future__ import annotations

import hashlib
import json
import xml.etree.ElementTree as ET

import pytest

from tests.pages import find_class, links, parse, text_of, visible_text
from tests.sitekit import BODY, SiteKit

EN_BODY = """\
Preamble paragraph.

## 1. Purposes

The company processes personal information for the following purposes.

## 2. Items

Required items: ID, password
"""
EN_BODY_2 = EN_BODY.replace("the following purposes", "the purposes below")


def sha(kit: SiteKit, name: str, slug: str = "privacy") -> str:
    return hashlib.sha256((kit.root / f"policies/{slug}/{name}.md").read_bytes()).hexdigest()


def translated_site(kit: SiteKit, second: bool = True, **site) -> None:
    """ko originals 2015-02-15 and 2016-03-01 (announced 2016-02-15), English of the first and,
    with ``second``, of the second, each naming the original it translates."""
    kit.site_yaml(extra="languages: [ko, en]\n", **site)
    kit.two_versions()
    kit.write("policies/site.en.yaml", "title: Test policies\n")
    kit.write("policies/privacy/document.en.yaml", "title: Privacy Policy\nnoun: policy\n")
    translation(kit, "2015-02-15", EN_BODY)
    if second:
        translation(kit, "2016-03-01", EN_BODY_2, summary="Rewords the purposes article")


def translation(kit: SiteKit, name: str, body: str, slug: str = "privacy", **keys) -> None:
    keys.setdefault("translates", sha(kit, name, slug))
    front = "".join(f"{key}: {value}\n" for key, value in keys.items())
    kit.write(f"policies/{slug}/{name}.en.md", f"---\n{front}---\n\n{body}")


def alternates(html: str) -> dict[str, str]:
    return {link.get("hreflang"): link.get("href") for link in parse(html).iter("link")
            if link.get("rel") == "alternate" and link.get("hreflang")}


def switcher(html: str) -> dict[str, str | None]:
    """Language name -> link; the page's own language has none. No switcher: {}."""
    return {text_of(item): item.get("href") for nav in find_class(html, "language-switch")
            for item in nav.iter() if item.tag in ("a", "strong")}


# --- Output -----------------------------------------------------------------------------


def test_every_page_kind_has_its_translation_under_the_document_and_the_language(kit):
    translated_site(kit)
    assert kit.build().code == 0
    for page in ["privacy/en/index.html", "privacy/en/2015-02-15/index.html",
                 "privacy/en/2016-03-01/index.html", "privacy/en/2016-03-01/changes/index.html",
                 "privacy/en/versions/index.html", "privacy/en/compare/index.html",
                 "privacy/en/compare/2015-02-15.js", "en/index.html", "en/feed.xml",
                 "en/atom.xml", "en/feed.json", "en/versions.json", "privacy/en/feed.xml"]:
        assert (kit.out / page).is_file(), page
    page = kit.read("privacy/en/2016-03-01/index.html")
    assert parse(page).get("lang") == "en"
    text = visible_text(page)
    assert "the purposes below" in text and "아래의 목적" not in text
    assert "Effective date" in text and "March 1, 2016" in text  # UI and dates in English
    assert "Test policies" in text


def test_original_and_translation_name_each_other_and_the_switcher_keeps_the_version(kit):
    translated_site(kit)
    kit.build()
    original = kit.read("privacy/2015-02-15/index.html")
    english = kit.read("privacy/en/2015-02-15/index.html")
    assert alternates(original) == {
        "ko": "https://example.com/policies/privacy/2015-02-15/",
        "en": "https://example.com/policies/privacy/en/2015-02-15/",
        "x-default": "https://example.com/policies/privacy/2015-02-15/"}
    assert alternates(english) == alternates(original)
    assert switcher(original) == {"한국어": None, "English": "../en/2015-02-15/index.html"}
    assert switcher(english) == {"한국어": "../../2015-02-15/index.html", "English": None}
    changes = kit.read("privacy/en/2016-03-01/changes/index.html")
    assert switcher(changes)["한국어"] == "../../../2016-03-01/changes/index.html"


def test_a_translated_page_says_the_original_prevails_and_links_to_it(kit):
    translated_site(kit)
    kit.build()
    [banner] = find_class(kit.read("privacy/en/2015-02-15/index.html"), "banner-translation")
    assert "the Korean original prevails" in text_of(banner)
    assert [a.get("href") for a in banner.iter("a")] == ["../../2015-02-15/index.html"]
    assert not find_class(kit.read("privacy/2015-02-15/index.html"), "banner-translation")


def test_the_banner_comes_from_the_themes_strings_in_the_translations_language(kit):
    translated_site(kit, language="en", languages=None)
    kit.site_yaml(extra="languages: [en, ko]\n", language="en")
    for name in ("2015-02-15", "2016-03-01"):
        (kit.root / f"policies/privacy/{name}.en.md").rename(kit.root / f"policies/privacy/{name}.ko.md")
        text = (kit.root / f"policies/privacy/{name}.ko.md").read_text()
        (kit.root / f"policies/privacy/{name}.ko.md").write_text(
            text.replace("translates:", "translates: " + sha(kit, name) + "\n#"))
    (kit.root / "policies/site.en.yaml").rename(kit.root / "policies/site.ko.yaml")
    (kit.root / "policies/privacy/document.en.yaml").write_text("title: 개인정보처리방침\n")
    (kit.root / "policies/privacy/document.en.yaml").rename(
        kit.root / "policies/privacy/document.ko.yaml")
    assert kit.build().code == 0
    [banner] = find_class(kit.read("privacy/ko/2015-02-15/index.html"), "banner-translation")
    assert "번역본은 참고용이며 영어 원문이 우선합니다" in text_of(banner)
    kit.write("themes/default/strings/ko.yaml",
              'translation_banner: "참고용 번역입니다. {original} 원문이 우선합니다."\n')
    kit.build()
    [banner] = find_class(kit.read("privacy/ko/2015-02-15/index.html"), "banner-translation")
    assert "참고용 번역입니다. 영어 원문이 우선합니다." in text_of(banner)


def test_links_in_a_translation_go_to_translated_pages_or_else_to_the_original(kit):
    translated_site(kit, second=False)
    kit.build()
    archive = kit.read("privacy/en/versions/index.html")
    hrefs = links(archive)
    assert "../2015-02-15/index.html" in hrefs  # translated: privacy/en/2015-02-15/
    assert "../../2016-03-01/index.html" in hrefs  # not translated: the Korean page
    assert "(Korean only)" in visible_text(archive)
    # The Korean summary of the untranslated version is marked as Korean (WCAG 3.1.2).
    assert [p.get("lang") for p in find_class(archive, "summary-text")] == ["ko"]
    assert [p.get("lang") for p in find_class(kit.read("privacy/versions/index.html"),
                                              "summary-text")] == [None]
    assert "../../2016-03-01/changes/index.html" in hrefs
    # no page for the untranslated version, only its notice kit saying it is in Korean only
    assert [p.name for p in (kit.out / "privacy/en/2016-03-01").iterdir()] == ["notice"]
    # The Korean page of an untranslated version offers no English page that does not exist.
    assert "English" not in switcher(kit.read("privacy/2016-03-01/index.html"))


def test_the_changes_page_of_a_translation_compares_the_two_translations(kit):
    translated_site(kit)
    kit.build()
    page = kit.read("privacy/en/2016-03-01/changes/index.html")
    [row] = find_class(page, "change-row") or find_class(page, "comparison-row") or [None]
    text = visible_text(page)
    assert "following" in text and "below" in text
    assert "다음의" not in text
    dels = [text_of(d) for d in parse(page).iter("del")]
    inss = [text_of(i) for i in parse(page).iter("ins")]
    assert any("following" in d for d in dels) and any("below" in i for i in inss)
    assert "Rewords the purposes article" in text


# --- Staleness and fallback ---------------------------------------------------------------


def test_a_translation_older_than_its_original_is_a_warning_and_the_page_says_so(kit):
    translated_site(kit)
    translation(kit, "2015-02-15", EN_BODY, translates="0" * 64)
    result = kit.check()
    assert result.code == 0
    assert ("policies/privacy/2015-02-15.en.md:2: warning: the original 2015-02-15.md changed "
            "after this translation was made") in result.text
    kit.build()
    page = kit.read("privacy/en/2015-02-15/index.html")
    assert find_class(page, "translation-outdated")
    assert "may be out of date" in visible_text(page)
    assert not find_class(kit.read("privacy/en/2016-03-01/index.html"), "translation-outdated")
    versions = json.loads(kit.read("en/versions.json"))["documents"][0]["versions"]
    assert [v["outdated"] for v in versions] == [False, True]


def test_a_short_hash_prefix_is_enough_and_a_withdrawal_does_not_make_a_translation_outdated(kit):
    kit.site_yaml(extra="languages: [ko, en]\n")
    kit.version("2015-02-15")
    kit.version("2026-12-30", announced="2026-11-20", summary="s", body=BODY + "\n추가\n")
    kit.write("policies/privacy/document.en.yaml", "title: Privacy Policy\n")
    translation(kit, "2026-12-30", EN_BODY, translates=sha(kit, "2026-12-30")[:12])
    assert "translation-outdated" not in kit.check("2026-11-28", "--format", "json").text
    path = kit.root / "policies/privacy/2026-12-30.md"
    path.write_text(path.read_text().replace(
        "summary: s\n", "summary: s\nwithdrawn: 2026-11-27\nwithdrawn_reason: 재검토\n"))
    result = kit.check("2026-11-28")
    assert result.code == 0 and "changed after this translation" not in result.text
    kit.build("2026-11-28")
    assert "Withdrawn" in visible_text(kit.read("privacy/en/2026-12-30/index.html"))


def test_without_a_translation_of_the_version_in_effect_the_page_shows_the_one_before(kit):
    translated_site(kit, second=False)
    result = kit.build()
    assert result.code == 0
    assert ("policies/privacy/2016-03-01.md:3: warning: announced for 2016-02-15, but there is "
            "no 'en' translation of it yet (2016-03-01.en.md)") in result.text
    page = kit.read("privacy/en/index.html")
    text = visible_text(page)
    assert "The policy in effect since March 1, 2016 has not been translated yet" in text
    assert "following purposes" in text
    assert "../2016-03-01/index.html" in links(page)  # the original in effect


def test_with_fallback_none_a_language_has_no_page_for_an_untranslated_version_in_effect(kit):
    translated_site(kit, second=False)
    kit.site_yaml(extra="languages: [ko, en]\ntranslation_fallback: none\n")
    assert kit.build().code == 0
    assert not (kit.out / "privacy/en/index.html").exists()
    assert (kit.out / "privacy/en/2015-02-15/index.html").exists()
    home = kit.read("en/index.html")
    assert "../privacy/index.html" in links(home)  # the Korean page in effect
    assert "English" not in switcher(kit.read("privacy/index.html"))


def test_a_translation_of_an_unpublished_version_appears_nowhere(kit):
    translated_site(kit)
    kit.version("2026-12-30", body=BODY + "\n초안\n")  # a draft
    translation(kit, "2026-12-30", EN_BODY + "\nSECRET DRAFT WORDING\n")
    assert kit.build().code == 0
    for path, data in kit.tree().items():
        assert b"SECRET DRAFT WORDING" not in data, path
    assert not (kit.out / "privacy/en/2026-12-30").exists()


# --- Feeds and indexes ------------------------------------------------------------------------


def test_each_language_has_its_feeds_and_its_versions_json(kit):
    translated_site(kit, second=False)
    kit.build()
    rss = ET.fromstring(kit.read("privacy/en/feed.xml"))
    channel = rss.find("channel")
    assert channel.findtext("language") == "en"
    [item] = channel.findall("item")
    assert "Privacy Policy" in item.findtext("title")
    # Not translated yet: the item links to the Korean page, with the id its translation will
    # have, so adding the translation later does not announce the change again.
    assert item.findtext("link") == "https://example.com/policies/privacy/2016-03-01/"
    assert item.findtext("guid") == "https://example.com/policies/privacy/en/2016-03-01/"
    assert item.find("guid").get("isPermaLink") == "false"
    translation(kit, "2016-03-01", EN_BODY_2, summary="Rewords")
    kit.build()
    [item] = ET.fromstring(kit.read("privacy/en/feed.xml")).find("channel").findall("item")
    assert item.findtext("link") == "https://example.com/policies/privacy/en/2016-03-01/"
    assert item.findtext("guid") == "https://example.com/policies/privacy/en/2016-03-01/"
    index = json.loads(kit.read("en/versions.json"))
    assert index["language"] == "en"
    [document] = index["documents"]
    assert document["title"] == "Privacy Policy" and document["url"] == "privacy/en/"
    assert [(v["url"], v["language"]) for v in document["versions"]] == [
        ("privacy/en/2016-03-01/", "en"), ("privacy/en/2015-02-15/", "en")]
    original = json.loads(kit.read("versions.json"))["documents"][0]["versions"]
    assert original[0]["translations"] == {"en": "privacy/en/2016-03-01/"}
    assert original[0]["language"] == "ko"


def test_the_sitemap_lists_every_language_with_hreflang(kit):
    translated_site(kit)
    kit.build()
    sitemap = kit.read("sitemap.xml")
    tree = ET.fromstring(sitemap)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    locs = [u.findtext("s:loc", namespaces=ns) for u in tree.findall("s:url", ns)]
    assert "https://example.com/policies/privacy/en/2016-03-01/" in locs
    [entry] = [u for u in tree.findall("s:url", ns)
               if u.findtext("s:loc", namespaces=ns).endswith("/privacy/2015-02-15/")]
    assert {link.get("hreflang") for link in entry.findall("x:link", ns)} == {"ko", "en"}


# --- The notice rule and the ledger ---------------------------------------------------------


def test_a_translation_cannot_change_the_dates_and_the_originals_announced_governs(kit):
    translated_site(kit)
    kit.write("policies/privacy/2016-03-01.en.md", "---\neffective: 2016-03-01\n"
              "announced: 2016-01-01\nmaterial: true\n---\n\nText\n")
    result = kit.check()
    assert result.code == 1
    for line, key in ((2, "effective"), (3, "announced"), (4, "material")):
        assert (f"policies/privacy/2016-03-01.en.md:{line}: error: a translation takes '{key}' "
                f"from its original (2016-03-01.md); remove it here") in result.text


def test_a_translation_published_after_its_original_is_not_a_notice_problem(repo):
    repo.site_yaml(extra="languages: [ko, en]\n")
    repo.version("2015-02-15")
    repo.write("policies/privacy/document.en.yaml", "title: Privacy Policy\n")
    repo.commit("2015-02-10")
    repo.version("2016-03-01", announced="2016-02-15", summary="s", body=BODY + "\n추가\n")
    repo.commit("2016-02-15")
    digest = hashlib.sha256((repo.root / "policies/privacy/2016-03-01.md").read_bytes()).hexdigest()
    repo.write("policies/privacy/2016-03-01.en.md",
               f"---\ntranslates: {digest}\n---\n\n{EN_BODY}")
    repo.commit("2016-02-28")
    result = repo.check("2016-03-05", "--git")
    assert result.code == 0, result.text
    assert ": error:" not in result.text


def test_the_ledger_records_originals_only(kit):
    translated_site(kit)
    kit.build()
    ledger = json.loads(kit.read("ledger.json"))
    recorded = {entry.get("sha256") for entry in ledger["entries"]}
    assert sha(kit, "2016-03-01") in recorded
    assert hashlib.sha256((kit.root / "policies/privacy/2016-03-01.en.md").read_bytes()
                          ).hexdigest() not in recorded
    assert not find_class(kit.read("privacy/en/2016-03-01/index.html"), "record")
    assert kit.run("verify", str(kit.out), root=False).code == 0


# --- Mistakes -----------------------------------------------------------------------------


@pytest.mark.parametrize("name, files, expected", [
    ("no original", {"policies/privacy/2017-01-01.en.md": "---\n---\n\nText\n"},
     "policies/privacy/2017-01-01.en.md: error: no original 2017-01-01.md beside this translation"),
    ("language not listed", {"policies/privacy/2015-02-15.ja.md": "---\n---\n\nText\n"},
     "policies/privacy/2015-02-15.ja.md: error: 'ja' is not one of the site's languages (ko, en)"),
    ("the original's language", {"policies/privacy/2015-02-15.ko.md": "---\n---\n\nText\n"},
     "policies/privacy/2015-02-15.ko.md: error: is named for the site's own language 'ko'"),
    ("unknown key", {"policies/privacy/2015-02-15.en.md": "---\ntitel: X\n---\n\nText\n"},
     "policies/privacy/2015-02-15.en.md:2: error: unknown key 'titel'; did you mean 'title'?"),
    ("bad hash", {"policies/privacy/2015-02-15.en.md": "---\ntranslates: abc\n---\n\nText\n"},
     "policies/privacy/2015-02-15.en.md:2: error: translates 'abc' is not a SHA-256"),
    ("empty", {"policies/privacy/2015-02-15.en.md": "---\ntitle: X\n---\n\n"},
     "policies/privacy/2015-02-15.en.md:3: error: the translation has no text"),
    ("names file key", {"policies/privacy/document.en.yaml": "titel: Privacy\n"},
     "policies/privacy/document.en.yaml:1: error: unknown key 'titel'; did you mean 'title'?"),
    ("unsupported language", {"policies/site.yaml": "title: T\nbase_url: https://e.com/\n"
                                                    "languages: [ko, xx]\n"},
     "policies/site.yaml:3: error: languages: the theme has no words in 'xx'; add "
     "themes/default/strings/xx.yaml"),
    ("original missing from languages", {"policies/site.yaml": "title: T\nbase_url: https://e.com/\n"
                                                               "languages: [en]\n"},
     "policies/site.yaml:3: error: languages must list the site's language 'ko'"),
    ("a document named like a language", {"policies/en/document.yaml": "title: X\n",
                                            "policies/en/2015-02-15.md": "---\n---\n\nText\n"},
     "policies/en: error: 'en' is one of the site's languages, whose pages live in en/"),
    ("fallback", {"policies/site.yaml": "title: T\nbase_url: https://e.com/\nlanguages: [ko, en]\n"
                                        "translation_fallback: latest\n"},
     "policies/site.yaml:4: error: 'translation_fallback: latest' must be one of: previous, none"),
])
def test_mistakes_in_translations_are_errors_at_their_line(kit, name, files, expected):
    kit.site_yaml(extra="languages: [ko, en]\n")
    kit.version("2015-02-15")
    for path, text in files.items():
        kit.write(path, text)
    before = kit.build()
    assert before.code == 1, before.text
    assert expected in before.text
    assert not kit.out.exists()  # nothing published


def test_a_single_language_site_is_unchanged_by_translations_support(kit):
    kit.two_versions()
    kit.build()
    assert not find_class(kit.read("privacy/index.html"), "language-switch")
    assert alternates(kit.read("privacy/index.html")) == {}
    assert not any(path.startswith(("en/", "privacy/en/")) for path in kit.tree())


def test_cached_and_uncached_builds_of_a_translated_site_are_identical(kit):
    translated_site(kit)
    kit.build("2026-11-28", "--no-cache", "--jobs", "1")
    plain = kit.tree()
    kit.build("2026-11-28", "--no-cache")  # on every core
    assert kit.tree() == plain
    kit.build("2026-11-28")
    kit.build("2026-11-28")
    assert kit.tree() == plain
    translation(kit, "2016-03-01", EN_BODY_2 + "\nMore.\n", summary="Rewords the purposes article")
    kit.build("2026-11-28")
    cached = kit.tree()
    kit.build("2026-11-28", "--no-cache")
    assert kit.tree() == cached


# --- Starting a translation -------------------------------------------------------------------


def test_new_translate_starts_from_the_original_with_its_hash(kit):
    kit.site_yaml(extra="languages: [ko, en]\n")
    kit.two_versions()
    result = kit.run("new", "privacy", "--translate", "en")
    assert result.code == 0, result.text
    written = (kit.root / "policies/privacy/2016-03-01.en.md").read_text()
    assert written.startswith(f"---\ntranslates: {sha(kit, '2016-03-01')}\n")
    assert "# 번역할 요약: 목적 조항을 고칩니다\nsummary: \"\"\n---\n" in written  # the site's language
    assert written.endswith(BODY.replace("다음의 목적", "아래의 목적"))
    assert kit.run("new", "privacy", "--translate", "en", "--effective", "2015-02-15").code == 0
    assert (kit.root / "policies/privacy/2015-02-15.en.md").exists()
    check = kit.check()
    assert check.code == 0 and "translation-outdated" not in check.text


@pytest.mark.parametrize("args, expected", [
    (["--translate", "ja"], "'ja' is not one of the site's translation languages (en)"),
    (["--translate", "en", "--effective", "2017-01-01"],
     "no version 2017-01-01 of 'privacy' to translate; the versions are: 2015-02-15, 2016-03-01"),
    (["--translate", "en", "--announce"], "--translate takes no --title, --announce or --material"),
])
def test_new_translate_refuses_what_it_cannot_do(kit, args, expected):
    kit.site_yaml(extra="languages: [ko, en]\n")
    kit.two_versions()
    result = kit.run("new", "privacy", *args)
    assert result.code == 2 and expected in result.text
    assert not list((kit.root / "policies/privacy").glob("*.*.md"))


def test_a_translations_reasons_must_name_articles_its_translation_changes(kit):
    translated_site(kit)
    translation(kit, "2016-03-01", EN_BODY_2, reasons="\n  Article 2: Not changed\n  1.: Purposes")
    result = kit.check()
    assert result.code == 1
    assert ("policies/privacy/2016-03-01.en.md:3: error: 'Article 2' is not changed by this "
            "version, so it needs no reason; the changed articles are: 1. Purposes") in result.text
    translation(kit, "2016-03-01", EN_BODY_2, reasons="\n  Article 1: Clearer wording")
    assert kit.build().code == 0
    page = kit.read("privacy/en/2016-03-01/changes/index.html")
    assert "Clearer wording" in visible_text(page)


def test_without_translates_check_git_dates_a_translation_by_its_commits(repo):
    repo.site_yaml(extra="languages: [ko, en]\n")
    repo.version("2015-02-15")
    repo.version("2026-12-30", body=BODY + "\n초안\n")  # a draft, free to change
    repo.write("policies/privacy/document.en.yaml", "title: Privacy Policy\n")
    repo.write("policies/privacy/2026-12-30.en.md", f"---\n---\n\n{EN_BODY}")
    repo.commit("2026-11-01", "draft and its translation")
    assert "changed in" not in repo.check("2026-11-28", "--git").text
    repo.version("2026-12-30", body=BODY + "\n초안을 고침\n")
    repo.commit("2026-11-10", "edit the draft")
    result = repo.check("2026-11-28", "--git")
    assert result.code == 0
    assert ("policies/privacy/2026-12-30.en.md:1: warning: the original 2026-12-30.md changed in "
            in result.text) and '"edit the draft"), after this translation was last changed in' \
        in result.text
    repo.write("policies/privacy/2026-12-30.en.md", f"---\n---\n\n{EN_BODY}\nUpdated.\n")
    repo.commit("2026-11-12", "update the translation")
    assert "changed in" not in repo.check("2026-11-28", "--git").text


def test_a_language_the_site_theme_has_words_for_can_be_published(kit):
    kit.site_yaml(extra="languages: [ko, en, ja]\n")
    kit.two_versions()
    kit.write("themes/default/strings/ja.yaml",
              'language_ja: 日本語\nlanguage_ko: 韓国語\neffective_date: 施行日\n'
              'translation_banner: "この翻訳は参考用です。{original}の原文が優先します。"\n')
    kit.write("policies/privacy/document.ja.yaml", "title: 個人情報処理方針\n")
    kit.write("policies/privacy/2016-03-01.ja.md",
              f"---\ntranslates: {sha(kit, '2016-03-01')}\n---\n\n日本語の本文\n")
    result = kit.build()
    assert result.code == 0, result.text
    page = kit.read("privacy/ja/2016-03-01/index.html")
    assert parse(page).get("lang") == "ja"
    text = visible_text(page)
    assert "この翻訳は参考用です。韓国語の原文が優先します。" in text
    assert "施行日" in text and "2016-03-01" in text  # no Japanese date format: the ISO date
    assert switcher(kit.read("privacy/2016-03-01/index.html")) == {
        "한국어": None, "日本語": "../ja/2016-03-01/index.html"}


def test_a_notice_scheduled_for_a_later_day_already_asks_for_its_translation(kit):
    translated_site(kit)
    kit.version("2027-01-01", announced="2026-12-01", summary="s", body=BODY + "\n추가\n")
    result = kit.check("2026-11-28")  # the notice goes out on 2026-12-01: not yet published
    assert ("policies/privacy/2027-01-01.md:3: warning: announced for 2026-12-01, but there is "
            "no 'en' translation of it yet (2027-01-01.en.md)") in result.text
    assert "2016-03-01.md:3: warning: announced for" not in result.text  # translated
    assert "2015-02-15.md" not in result.text  # a first version was never announced


@pytest.mark.parametrize("change", ["summary", "material"])
def test_serve_shows_a_change_of_the_original_in_the_translations_pages_at_once(kit, change):
    """A translation without a summary of its own shows the original's, and takes its dates,
    ``material`` and whether it changed since from the original: a save of the original
    alone must reach the translation's pages as a build would make them."""
    from datetime import date

    from site_builder.base.dates import Clock
    from site_builder.commands.serve import Preview
    from site_builder.commands.serve_http import RELOAD_SCRIPT

    kit.site_yaml(extra="languages: [ko, en]\n")
    kit.two_versions()
    kit.write("policies/privacy/document.en.yaml", "title: Privacy Policy\n")
    translation(kit, "2015-02-15", EN_BODY)
    translation(kit, "2016-03-01", EN_BODY_2)  # no summary: the original's is shown
    preview = Preview(kit.root, Clock(as_of=date(2026, 11, 28)), lambda _: None)
    preview.rebuild()
    original = kit.root / "policies/privacy/2016-03-01.md"
    text = original.read_text()
    original.write_text(text.replace("목적 조항을 고칩니다", "목적 조항을 새로 고칩니다")
                        if change == "summary" else text.replace(
                            "announced: 2016-02-15", "announced: 2016-01-15\nmaterial: true"))
    preview.rebuild(frozenset({original}))
    assert preview.error_page is None
    assert kit.build().code == 0
    for page in ("privacy/en/2016-03-01/changes/index.html", "privacy/en/versions/index.html",
                 "privacy/en/index.html"):
        served = preview.files[page].decode().replace(RELOAD_SCRIPT, "")
        assert served == kit.read(page), page


def test_a_cached_build_shows_a_change_of_the_original_in_the_translations_pages(kit):
    """A build that finds a document's pages whole from the last one (by its identity) must
    still see what a translation takes from its original."""
    kit.site_yaml(extra="languages: [ko, en]\n")
    kit.two_versions()
    kit.document("terms", title="이용약관")
    kit.version("2015-02-15", slug="terms")
    translation(kit, "2015-02-15", EN_BODY)
    translation(kit, "2016-03-01", EN_BODY_2)  # no summary: the original's is shown
    assert kit.build().code == 0
    original = kit.root / "policies/privacy/2016-03-01.md"
    original.write_text(original.read_text().replace("목적 조항을 고칩니다", "목적 조항을 새로 고칩니다"))
    assert kit.build().code == 0
    plain = kit.root.parent / "plain"
    assert kit.run("build", "--as-of", "2026-11-28", "--no-cache", "--out", str(plain)).code == 0
    assert "목적 조항을 새로 고칩니다" in kit.read("privacy/en/versions/index.html")
    assert kit.tree() == {p.relative_to(plain).as_posix(): p.read_bytes()
                          for p in sorted(plain.rglob("*")) if p.is_file()}


def test_the_site_feeds_taken_from_the_documents_are_the_feeds_made_whole(kit):
    """The site's feeds take each item from its document's feeds: in every language, with a
    withdrawal, a material change, text to escape and two documents' notices interleaved,
    they are byte for byte the feeds rendered item by item."""
    from datetime import date

    from site_builder.render import feeds
    from site_builder.render.site import plan_editions
    from site_builder.render.theme import Theme
    from site_builder.rules.validation import validate

    translated_site(kit)
    kit.version("2017-01-01", announced="2016-12-01", material="true",
                summary='"<보관> 기간 & \\"항목\\"을 늘립니다"', body=BODY.replace("아이디", "아이디, 이름"))
    kit.version("2018-01-01", announced="2017-12-01", summary="철회될 변경",
                withdrawn="2017-12-20", withdrawn_reason='"다시 검토합니다"',
                body=BODY.replace("아이디", "전화번호"))
    kit.document("terms", title="이용약관")
    kit.version("2015-02-15", slug="terms")
    kit.version("2016-12-15", slug="terms", announced="2016-12-05", summary="약관 & 조건",
                body=BODY.replace("비밀번호", "주소"))
    assert kit.build("2026-11-28").code == 0
    today = date(2026, 11, 28)
    validation = validate(kit.root, today)
    for plan in plan_editions(validation):
        strings = Theme(kit.root, validation.site.theme, plan.edition.language).strings
        shown = tuple(t for t in plan.timelines if plan.plans[t.document.slug])
        documents = {t.document.slug: feeds.document_feeds(plan.site, strings, today, t,
                                                           plan.edition) for t in shown}
        whole = feeds.site_feeds(plan.site, strings, today, shown, plan.edition)
        assert feeds.site_feeds(plan.site, strings, today, shown, plan.edition, documents) == whole
        cut = {slug: {path: data[:len(data) // 2] for path, data in files.items()}
               for slug, files in documents.items()}  # a cache entry of another shape
        assert feeds.site_feeds(plan.site, strings, today, shown, plan.edition, cut) == whole
        assert feeds.site_feeds(plan.site, strings, today, shown, plan.edition, {}) == whole
        assert {path: (kit.out / path).read_bytes() for path in whole} == whole
        if plan.edition.is_original:  # the English feeds have the translated document's
            assert whole[plan.edition.output("feed.xml")].count(b"<item>") == 5  # a withdrawal
