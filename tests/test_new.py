"""``policy-site new``: the next version with the right dates and body, refusing what it must."""

from __future__ import annotations

from tests.sitekit import BODY


def test_new_version_starts_from_the_latest_text_with_earliest_allowed_date(kit):
    kit.two_versions()
    result = kit.run("new", "privacy", "--announce", "--as-of", "2026-11-28")
    assert result.code == 0, result.err
    written = kit.root / "policies/privacy/2026-12-05.md"
    assert "wrote policies/privacy/2026-12-05.md" in result.out
    text = written.read_text(encoding="utf-8")
    assert text.startswith('---\neffective: 2026-12-05\nannounced: 2026-11-28\nsummary: ""\n---\n')
    assert "아래의 목적" in text  # the latest version's body, not the first's
    check = kit.check()
    assert check.code == 1 and "2026-12-05.md:4: error: an announced change needs a summary" in check.out


def test_material_change_uses_the_longer_window(kit):
    kit.two_versions()
    assert kit.run("new", "privacy", "--material", "--as-of", "2026-11-28").code == 0
    text = (kit.root / "policies/privacy/2026-12-28.md").read_text()
    assert "material: true" in text


def test_effective_inside_the_window_is_refused_with_the_earliest_date(kit):
    kit.two_versions()
    result = kit.run("new", "privacy", "--effective", "2026-12-04", "--as-of", "2026-11-28")
    assert result.code == 2
    assert "inside the 7-day notice window" in result.err and "earliest allowed is 2026-12-05" in result.err
    assert not (kit.root / "policies/privacy/2026-12-04.md").exists()


def test_exactly_the_window_is_allowed(kit):
    kit.two_versions()
    assert kit.run("new", "privacy", "--effective", "2026-12-05", "--as-of", "2026-11-28").code == 0


def test_a_new_version_is_a_draft_by_default(kit):
    kit.two_versions()
    result = kit.run("new", "privacy", "--effective", "2027-03-01", "--as-of", "2026-11-28")
    assert result.code == 0 and "announce it by 2027-02-22" in result.out
    text = (kit.root / "policies/privacy/2027-03-01.md").read_text()
    assert "announced" not in text
    assert kit.build().code == 0 and not (kit.out / "privacy/2027-03-01").exists()


def test_existing_file_is_refused(kit):
    kit.two_versions()
    kit.version("2027-03-01", body=BODY)
    result = kit.run("new", "privacy", "--effective", "2027-03-01", "--as-of", "2026-11-28")
    assert result.code == 2 and "already exists" in result.err


def test_default_date_follows_a_later_scheduled_version(kit):
    kit.two_versions()
    kit.version("2027-01-10", announced="2026-11-01", summary="예정")
    assert kit.run("new", "privacy", "--as-of", "2026-11-28").code == 0
    assert (kit.root / "policies/privacy/2027-01-11.md").exists()


def test_announce_takes_a_day_and_measures_the_window_from_it(kit):
    kit.two_versions()
    result = kit.run("new", "privacy", "--announce", "2026-12-01", "--as-of", "2026-11-28")
    assert result.code == 0, result.err
    text = (kit.root / "policies/privacy/2026-12-08.md").read_text()
    assert "announced: 2026-12-01" in text


def test_title_creates_a_document_whose_template_is_a_draft_until_written(kit):
    kit.two_versions()
    result = kit.run("new", "terms", "--title", "이용약관: 예시", "--as-of", "2026-11-28")
    assert result.code == 0, result.err
    assert (kit.root / "policies/terms/document.yaml").read_text() == 'title: "이용약관: 예시"\n'
    first = kit.root / "policies/terms/2026-12-05.md"  # a notice window away: a draft until then
    checked = kit.check()
    assert checked.code == 0 and "policies/terms/2026-12-05.md:5: warning: '[작성 필요]'" in checked.out
    assert kit.build().code == 0 and not (kit.root / "output/terms").exists()
    assert kit.build("2026-12-05").code == 1  # the template is never published
    first.write_text("---\neffective: 2026-12-05\n---\n\n## 제1조 (목적)\n\n이 약관은 예시입니다.\n")
    assert kit.build("2026-12-05").code == 0
    assert "이용약관: 예시" in kit.read("terms/index.html")
    again = kit.run("new", "terms", "--title", "또", "--as-of", "2026-11-28")
    assert again.code == 2 and "already exists" in again.err


def test_unknown_document_and_bad_date(kit):
    kit.two_versions()
    missing = kit.run("new", "terms", "--as-of", "2026-11-28").err
    assert "no document 'terms'" in missing and "--title" in missing
    assert kit.run("new", "privacy", "--effective", "2027-02-30").code == 2
