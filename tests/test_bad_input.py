"""A catalogue of broken and hostile input: one case a test, each with its exact outcome.

Every refusal is checked the same way: the exit code, the `path:line` message, no traceback,
and the previously built site left exactly as it was.
"""

from __future__ import annotations

import feedparser
import pytest

from tests.pages import parse, visible_text
from tests.sitekit import BODY, front_matter

VERSION = "policies/privacy/2016-03-01.md"


@pytest.fixture
def site(kit):
    """A good two-version site, already built once."""
    kit.two_versions()
    assert kit.build().code == 0
    return kit


def refused(kit, *fragments: str, code: int = 1, command: str = "build"):
    """Run the command; assert it refused with every fragment and changed nothing."""
    before = kit.tree() if kit.out.exists() else None
    result = kit.build() if command == "build" else kit.check()
    text = result.out + result.err
    assert result.code == code, text
    for fragment in fragments:
        assert fragment in text, text
    assert "Traceback" not in text
    if before is not None:
        assert kit.tree() == before
    assert not list(kit.root.glob(".output.tmp-*")) and not list(kit.root.glob(".output.old-*"))
    return result


def write_version(kit, text: str | bytes) -> None:
    kit.write(VERSION, text)


# --- front matter ----------------------------------------------------------------------------

def test_missing_front_matter(site):
    write_version(site, BODY)
    refused(site, f"{VERSION}:1: error: missing front matter")


def test_unclosed_front_matter(site):
    write_version(site, "---\neffective: 2016-03-01\n" + BODY)
    refused(site, f"{VERSION}:1: error: front matter is not closed")


@pytest.mark.parametrize("yaml_text, words", [
    ("- effective: 2016-03-01\n", "found a list"),
    ("just some text\n", "found a single value"),
])
def test_front_matter_that_is_not_a_mapping(site, yaml_text, words):
    write_version(site, f"---\n{yaml_text}---\n{BODY}")
    refused(site, f"{VERSION}:2: error: settings must be 'key: value' lines, {words}")


def test_yaml_syntax_error_names_line_and_column(site):
    write_version(site, "---\neffective: 2016-03-01\nsummary: \"unclosed\n---\n" + BODY)
    result = refused(site, f"{VERSION}:3:19:", "YAML syntax error")
    assert ":3:19: error:" in result.err


@pytest.mark.parametrize("value", ["[안내] 제3조: 위탁업체 변경", "제3조: 위탁업체 변경",
                                   "{중요} 변경", "*중요* 변경", "&변경", "!중요", "| 제3조",
                                   "> 제3조", "%50 할인", "@회사 안내", "`제3조` 변경"])
def test_text_that_yaml_reads_as_syntax_gets_a_quoting_hint_at_its_key(site, value):
    write_version(site, f"---\neffective: 2016-03-01\nannounced: 2016-02-15\nsummary: {value}\n"
                        "---\n" + BODY)
    result = site.check()
    assert result.code == 1
    assert f"{VERSION}:4: error: " in result.out, result.out
    assert "quotes" in result.out and f'summary: "{value}"' in result.out, result.out


def test_tab_indentation_is_explained(site):
    write_version(site, "---\neffective: 2016-03-01\n\tannounced: 2016-02-15\n---\n" + BODY)
    refused(site, f"{VERSION}:3:", "YAML does not allow tabs")


def test_duplicate_keys(site):
    write_version(site, "---\neffective: 2016-03-01\neffective: 2016-03-01\n---\n" + BODY)
    refused(site, f"{VERSION}:3: error: duplicate key 'effective' (first on line 2)")


def test_unknown_key_with_did_you_mean(site):
    write_version(site, "---\neffective: 2016-03-01\nanounced: 2016-02-15\n---\n" + BODY)
    result = refused(site, f"{VERSION}:3: error: unknown key 'anounced'; did you mean 'announced'?")
    assert result.err.count(": error: ") == 1  # not also "a draft announced too late"


def test_missing_required_key(site):
    write_version(site, "---\nannounced: 2016-02-15\nsummary: s\n---\n" + BODY)
    refused(site, f"{VERSION}:2: error: missing required key 'effective'")


@pytest.mark.parametrize("value, words", [
    ("2016-3-1", "is not a date; write it as YYYY-MM-DD"),
    ("2016/03/01", "is not a date; write it as YYYY-MM-DD"),
    ("2016-03-01 09:00", "has a time of day"),
    ("2016-03-01T00:00:00+09:00", "has a time of day"),
    ("2016-02-30", "is not a real calendar date"),
    ("2015-02-29", "is not a real calendar date"),
    ("'2016-02-30'", "is not a real calendar date"),
    ("yesterday", "is not a date"),
])
def test_bad_dates(site, value, words):
    write_version(site, f"---\neffective: 2016-03-01\nannounced: {value}\nsummary: s\n---\n{BODY}")
    refused(site, f"{VERSION}:3: error: 'announced: ", words)


def test_quoted_date_and_leap_day_are_accepted(site):
    site.version("2016-02-29", announced='"2016-02-01"', summary="윤일")
    assert site.build().code == 0


@pytest.mark.parametrize("line, kind", [
    ("summary: no", "a yes/no value"), ("summary: 010", "a number"),
    ("title: yes", "a yes/no value"), ("title: 1.5", "a number"), ("summary: ~", None),
])
def test_yaml_11_values_where_text_is_expected(site, line, kind):
    write_version(site, f"---\neffective: 2016-03-01\nannounced: 2016-02-15\n{line}\n---\n{BODY}")
    if kind:
        refused(site, f"{VERSION}:4: error: YAML reads", kind, "put the text in quotes")
    else:
        refused(site, f"{VERSION}:4: error: an announced change needs a summary")


def test_anchors_and_aliases(site):
    write_version(site, "---\neffective: &day 2016-03-01\nannounced: *day\n---\n" + BODY)
    refused(site, f"{VERSION}:2: error: YAML anchors and aliases")


def test_front_matter_over_64_kib(site):
    write_version(site, "---\neffective: 2016-03-01\n" + "# 주석\n" * 12000 + "---\n" + BODY)
    refused(site, f"{VERSION}:2: error: front matter is larger than 64 KiB")


def test_deeply_nested_yaml(site):
    write_version(site, "---\neffective: 2016-03-01\nsummary: " + "[" * 5000 + "]" * 5000
                  + "\n---\n" + BODY)
    result = refused(site, f"{VERSION}:3")
    # PyYAML 6.0.4 stops at its own depth limit; earlier versions compose it and the field
    # refuses the list: either way a clear message on the line.
    assert "nest" in result.err or "'summary' must be a single value" in result.err


# --- files -----------------------------------------------------------------------------------

def test_not_utf8_names_the_line_of_the_first_bad_byte(site):
    text = front_matter(effective="2016-03-01", announced="2016-02-15", summary="s") + BODY
    data = text.encode("utf-8").replace("필수 항목".encode(), "필수 항목".encode("euc-kr"))
    write_version(site, data)
    line = text.splitlines().index("필수 항목 : 아이디, 비밀번호") + 1
    refused(site, f"{VERSION}:{line}: error: not valid UTF-8", "save the file as UTF-8")


def test_bom_and_crlf_give_the_same_html(site):
    from tests.pages import without_file_hash

    plain = site.read("privacy/2016-03-01/index.html")
    path = site.root / VERSION
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    assert site.build().code == 0
    assert without_file_hash(site.read("privacy/2016-03-01/index.html")) == without_file_hash(plain)


@pytest.mark.parametrize("character", ["\x00", "\x07", "\x1b", "\x7f", "\x85"])
def test_control_characters_are_refused(site, character):
    write_version(site, front_matter(effective="2016-03-01", announced="2016-02-15", summary="s")
                  + BODY.replace("아이디", "아이" + character + "디"))
    refused(site, f"{VERSION}:14:11: error: character")


@pytest.mark.parametrize("character", ["\u202e", "\u200b", "\u2066", "\ufeff"])
def test_invisible_characters_are_warned_about_and_published(site, character):
    write_version(site, front_matter(effective="2016-03-01", announced="2016-02-15", summary="s")
                  + BODY.replace("아이디", "아이" + character + "디"))
    result = site.build()
    assert result.code == 0
    assert f"{VERSION}:14:11: warning: invisible character" in result.err


def test_ten_megabyte_body_builds(site):
    paragraph = "회사는 개인정보를 안전하게 처리합니다. " * 40 + "\n\n"
    body = BODY + paragraph * (10 * 1024 * 1024 // len(paragraph.encode()))
    site.version("2017-01-01", announced="2016-12-01", summary="큰 문서", body=body)
    assert site.build().code == 0
    assert (site.out / "privacy/2017-01-01/index.html").stat().st_size > 10 * 1024 * 1024


def test_body_over_the_size_limit_is_refused(site):
    site.version("2017-01-01", announced="2016-12-01", summary="너무 큼",
                 body="가" * (6 * 1024 * 1024))
    refused(site, "policies/privacy/2017-01-01.md: error: file is", "the limit is")


def test_empty_policies_folder(kit):
    (kit.root / "policies/site.yaml").unlink()
    refused(kit, "policies/site.yaml: error: missing site.yaml")
    assert not kit.out.exists()


def test_site_without_documents(kit):
    refused(kit, "policies: error: no documents")


def test_document_without_versions(site):
    site.document("terms", "이용약관")
    refused(site, "policies/terms: error: this document has no versions")


@pytest.mark.parametrize("name", ["Privacy", "my policy", "terms_of_use", "-x", "약관"])
def test_invalid_slugs(site, name):
    site.write(f"policies/{name}/document.yaml", "title: x\n")
    refused(site, f"policies/{name}: error: folder name '{name}' is not a valid document slug")


def test_reserved_slug(site):
    site.write("policies/assets/document.yaml", "title: x\n")
    refused(site, "policies/assets: error: 'assets' is reserved")


def test_symlinked_file_outside_policies(site, tmp_path):
    outside = tmp_path / "outside.md"
    outside.write_text(front_matter(effective="2017-01-01", announced="2016-12-01", summary="s")
                       + BODY)
    (site.root / "policies/privacy/2017-01-01.md").symlink_to(outside)
    refused(site, "policies/privacy/2017-01-01.md: error: links to", "outside policies/")


def test_symlinked_folder_outside_policies(site, tmp_path):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "document.yaml").write_text("title: 밖\n")
    (site.root / "policies/terms").symlink_to(outside, target_is_directory=True)
    refused(site, "policies/terms: error: links to", "outside policies/")


def test_symlink_inside_policies_is_fine(site):
    (site.root / "policies/privacy/2017-01-01.md").write_text(
        front_matter(effective="2017-01-01", announced="2016-12-01", summary="s") + BODY)
    (site.root / "policies/alias").symlink_to(site.root / "policies/privacy",
                                              target_is_directory=True)
    site.write("policies/alias/document.yaml", "title: 같은 문서\n")
    assert site.build().code == 0


@pytest.mark.parametrize("name", ["latest.md", "2016-13-01.md", "2016-3-1.md", "v2.md"])
def test_version_file_not_named_by_a_date(site, name):
    site.write(f"policies/privacy/{name}", front_matter(effective="2016-03-01") + BODY)
    refused(site, f"policies/privacy/{name}: error: '{name}' is not named by a date")


def test_other_files_are_ignored_with_a_warning(site):
    site.write("policies/privacy/notes.txt", "memo")
    result = site.build()
    assert result.code == 0 and "policies/privacy/notes.txt: warning: ignored" in result.err


# --- content ---------------------------------------------------------------------------------

HOSTILE = """\
<script>alert(1)</script>

<img src=x onerror="alert(2)"> <a href="javascript:alert(3)" onclick="alert(4)">x</a>

[a](javascript:alert(5)) [b](vbscript:msgbox(6)) [c](data:text/html;base64,PHNjcmlwdD4=)
[d](&#106;avascript:alert(7)) [e](&#x6a;&#x61;vascript:alert(8)) [f](JaVaScRiPt:alert(9))
<javascript:alert(10)> ![g](javascript:alert(11))
"""


def test_hostile_markup_is_inert(site):
    site.version("2017-01-01", announced="2016-12-01", summary="s", body=BODY + HOSTILE)
    assert site.build().code == 0
    tree = parse(site.read("privacy/2017-01-01/index.html"))
    body = tree.find("body")
    assert [s.get("src") for s in body.iter("script")] == ["../../assets/print.js",
                                                           "../../assets/selector.js"]
    for element in body.iter():
        assert not any(name.startswith("on") for name in element.attrib), element.attrib
        for attribute in ("href", "src"):
            value = (element.get(attribute) or "").lower()
            assert not value.startswith(("javascript", "vbscript", "data")), value
    assert "<script>alert(1)</script>" in visible_text(site.read("privacy/2017-01-01/index.html"))


@pytest.mark.parametrize("text", ["A & B <C> ]]> \"D\" 'E'", "<![CDATA[x]]>", "&amp; &#60;"])
def test_markup_characters_in_titles_and_summaries(site, text):
    quoted = text.replace("\\", "\\\\").replace('"', '\\"')
    site.document(title=f'"{quoted}"')
    site.version("2017-01-01", announced="2016-12-01", summary=f'"{quoted}"',
                 title=f'"{quoted}"', body=BODY)
    assert site.build().code == 0
    page = site.read("privacy/2017-01-01/index.html")
    assert text in parse(page).find("head").find("title").text
    assert text in visible_text(page)
    for feed_name in ("feed.xml", "privacy/feed.xml"):
        feed = feedparser.parse(site.read(feed_name))
        assert feed.bozo == 0, feed.bozo_exception
        assert text in feed.entries[0].title
    changes = site.read("privacy/2017-01-01/changes/index.html")
    assert text in visible_text(changes)


def test_nesting_beyond_the_parser_limit(site):
    site.version("2017-01-01", announced="2016-12-01", summary="s",
                 body="시작\n\n" + "> " * 25 + "깊음\n\n끝\n")
    refused(site, "policies/privacy/2017-01-01.md:9: error: lists or quotes are nested")


# --- command line and environment ------------------------------------------------------------

@pytest.mark.parametrize("args, words", [
    (["build", "--as-of", "2026-02-30"], "not a real calendar date"),
    (["build", "--as-of", "tomorrow"], "write the date as YYYY-MM-DD"),
    (["check", "--git"], "not inside one"),
])
def test_usage_errors_exit_2(site, args, words):
    result = site.run(*args)
    assert result.code == 2 and words in result.err and "Traceback" not in result.err


def test_missing_root_exits_2(tmp_path):
    from tests.sitekit import SiteKit
    kit = SiteKit(tmp_path / "x")
    result = kit.run("build", "--root", str(tmp_path / "nowhere"), root=False)
    assert result.code == 2 and "no such folder" in result.err


def test_a_billion_laughs_site_yaml_is_refused_without_being_expanded(kit):
    laughs = "".join(f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9) if i else 'x'}]\n"
                     for i in range(9))
    kit.site_yaml(extra=laughs)
    kit.two_versions()
    result = kit.check()
    assert result.code == 1 and "anchors and aliases" in result.out
