"""Reading sources: every front-matter mistake reported as path:line with what to do."""

from __future__ import annotations

import pytest

from tests.sitekit import BODY


def first_error(result) -> str:
    return next(line for line in result.err.splitlines() if ": error: " in line)


def test_unknown_key_gets_a_did_you_mean_hint(kit):
    kit.version("2015-02-15", raw_front="---\nefective: 2015-02-15\n---\n")
    result = kit.check()
    assert result.code == 1
    assert "policies/privacy/2015-02-15.md:2: error: unknown key 'efective'; did you mean " \
           "'effective'?" in result.out


def test_file_name_must_equal_effective(kit):
    kit.version("2015-02-15", effective="2015-02-16")
    out = kit.check().out
    assert "2015-02-15.md:2: error: effective 2015-02-16 does not match the file name" in out


@pytest.mark.parametrize("value, words", [
    ("2015-02-30", "not a real calendar date"),
    ("2015-2-15", "write it as YYYY-MM-DD"),
    ("2015/02/15", "write it as YYYY-MM-DD"),
    ("2015-02-15 09:00:00", "has a time of day"),
    ("2015-02-15T00:00:00+09:00", "has a time of day"),
    ("20150215", "write it as YYYY-MM-DD"),
])
def test_bad_dates_are_reported_on_their_line(kit, value, words):
    kit.version("2015-02-15", raw_front=f"---\neffective: {value}\n---\n")
    result = kit.check()
    assert result.code == 1 and "2015-02-15.md:2:" in result.out and words in result.out


def test_quoted_iso_date_is_accepted(kit):
    kit.version("2015-02-15", raw_front='---\neffective: "2015-02-15"\n---\n')
    assert kit.check().code == 0


def test_leap_day_is_a_date(kit):
    kit.version("2016-02-29")
    assert kit.check().code == 0


def test_duplicate_keys_are_refused(kit):
    kit.version("2015-02-15", raw_front="---\neffective: 2015-02-15\neffective: 2015-02-15\n---\n")
    assert "2015-02-15.md:3: error: duplicate key 'effective' (first on line 2)" in kit.check().out


@pytest.mark.parametrize("line", ["summary: no", "summary: 010", "title: yes", "title: 1.5"])
def test_yaml_non_text_where_text_is_expected(kit, line):
    kit.version("2015-02-15")
    kit.version("2016-03-01", raw_front=f"---\neffective: 2016-03-01\nannounced: 2016-02-01\n{line}\n---\n")
    out = kit.check().out
    assert "2016-03-01.md:4:" in out and "put the text in quotes" in out


def test_anchors_and_aliases_are_refused(kit):
    kit.version("2015-02-15", raw_front="---\neffective: &d 2015-02-15\ntitle: *d\n---\n")
    assert "anchors and aliases" in kit.check().out


def test_material_must_be_true_or_false(kit):
    kit.version("2015-02-15", raw_front="---\neffective: 2015-02-15\nmaterial: yes\n---\n")
    assert "2015-02-15.md:3: error: 'material: yes' must be true or false" in kit.check().out


def test_bom_and_crlf_give_the_same_html_as_lf(kit):
    kit.version("2015-02-15")
    kit.build()
    plain = kit.read("privacy/2015-02-15/index.html")
    path = kit.root / "policies/privacy/2015-02-15.md"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    assert kit.build().code == 0
    from tests.pages import without_file_hash
    assert without_file_hash(kit.read("privacy/2015-02-15/index.html")) == without_file_hash(plain)


def test_every_problem_is_reported_in_one_run(kit):
    kit.version("2015-02-15", raw_front="---\nefective: 2015-02-15\n---\n")
    kit.version("2016-03-01", announced="2016-02-28", summary="x")
    kit.write("policies/Terms/document.yaml", "title: 약관\n")
    out = kit.check().out
    assert "unknown key 'efective'" in out
    assert "2016-03-01.md:3: error: announced 2016-02-28" in out
    assert "policies/Terms: error: folder name 'Terms' is not a valid document slug" in out


def test_site_without_documents_is_an_error(kit):
    (kit.root / "policies").mkdir(exist_ok=True)
    result = kit.build()
    assert result.code == 1 and "no documents" in result.err
    assert not kit.out.exists()


def test_document_without_versions_is_an_error(kit):
    kit.document()
    assert "has no versions" in kit.check().out


def test_root_without_policies_is_a_usage_error(tmp_path):
    from tests.sitekit import SiteKit
    kit = SiteKit(tmp_path / "x")
    (kit.root / "policies/site.yaml").unlink()
    (kit.root / "policies").rmdir()
    result = kit.check()
    assert result.code == 2 and "no policies/ folder" in result.err


def test_symlink_outside_policies_is_refused(kit, tmp_path):
    kit.version("2015-02-15")
    outside = tmp_path / "elsewhere.md"
    outside.write_text("---\neffective: 2016-03-01\n---\n" + BODY)
    (kit.root / "policies/privacy/2016-03-01.md").symlink_to(outside)
    out = kit.check().out
    assert "policies/privacy/2016-03-01.md: error: links to" in out and "outside policies/" in out


def test_version_file_not_named_by_a_date(kit):
    kit.version("2015-02-15")
    kit.write("policies/privacy/latest.md", "---\neffective: 2015-02-15\n---\n")
    assert "'latest.md' is not named by a date" in kit.check().out


def test_missing_required_site_keys(kit):
    kit.write("policies/site.yaml", "title: x\n")
    kit.version("2015-02-15")
    assert "policies/site.yaml:1: error: missing required key 'base_url'" in kit.check().out


def test_relative_base_url_is_refused(kit):
    kit.site_yaml(base_url="/policies/")
    kit.version("2015-02-15")
    assert "must be absolute" in kit.check().out


def test_check_writes_nothing(kit):
    kit.two_versions()
    assert kit.check().code == 0
    assert not kit.out.exists()
