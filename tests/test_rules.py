"""The notice rule at its edges: pure functions of dates (SPEC 4)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from site_builder.model import Document, NoticePolicy, PolicyVersion
from site_builder.publication import is_published, timeline
from site_builder.rules import check_notice_window

EFFECTIVE = date(2016, 3, 1)


def version(effective: date, announced: date | None = None, material: bool = False,
            summary: str | None = "요약") -> PolicyVersion:
    return PolicyVersion(effective=effective, announced=announced, summary=summary,
                         material=material, title=None, body="본문", path=f"p/{effective}.md",
                         body_first_line=5, sha256="0", key_lines={"announced": 3, "effective": 2})


def document(*versions: PolicyVersion, notice: NoticePolicy = NoticePolicy()) -> Document:
    return Document("privacy", "개인정보처리방침", None, notice, 0, tuple(versions), "p")


FIRST = version(date(2015, 2, 15))


def errors(doc: Document, today: date = date(2026, 1, 1)) -> list:
    return [p for p in check_notice_window(doc, today) if p.is_error]


@pytest.mark.parametrize("days, ok", [(6, False), (7, True), (8, True)])
def test_ordinary_change_needs_seven_days(days, ok):
    doc = document(FIRST, version(EFFECTIVE, EFFECTIVE - timedelta(days=days)))
    assert (errors(doc) == []) is ok


@pytest.mark.parametrize("days, ok", [(7, False), (29, False), (30, True)])
def test_material_change_needs_thirty_days(days, ok):
    doc = document(FIRST, version(EFFECTIVE, EFFECTIVE - timedelta(days=days), material=True))
    assert (errors(doc) == []) is ok


def test_violation_names_line_and_both_fixes():
    doc = document(FIRST, version(EFFECTIVE, date(2016, 2, 25)))
    [problem] = errors(doc)
    assert (problem.path, problem.line, problem.rule) == ("p/2016-03-01.md", 3, "notice-window")
    assert "announce by 2016-02-23" in problem.message
    assert "move effective to 2016-03-03 or later" in problem.message


def test_announced_after_effective_is_refused():
    [problem] = errors(document(FIRST, version(EFFECTIVE, date(2016, 3, 2))))
    assert "1 day after" in problem.message


def test_document_notice_override_applies():
    doc = document(FIRST, version(EFFECTIVE, EFFECTIVE - timedelta(days=10)),
                   notice=NoticePolicy(days=14, material_days=30))
    assert errors(doc)


def test_first_version_is_exempt_even_without_notice():
    assert check_notice_window(document(version(EFFECTIVE, EFFECTIVE)), date(2026, 1, 1)) == []
    assert check_notice_window(document(version(EFFECTIVE)), date(2026, 1, 1)) == []


def test_draft_with_time_left_is_a_warning_with_deadline():
    doc = document(FIRST, version(EFFECTIVE))
    [problem] = check_notice_window(doc, today=date(2016, 2, 23))
    assert not problem.is_error and "announce it by 2016-02-23" in problem.message


def test_draft_past_its_last_notice_day_is_an_error():
    doc = document(FIRST, version(EFFECTIVE))
    [problem] = errors(doc, today=date(2016, 2, 24))
    assert "last day to announce it was 2016-02-23" in problem.message
    assert "move effective to 2016-03-02 or later" in problem.message


def test_material_draft_uses_material_window():
    doc = document(FIRST, version(EFFECTIVE, material=True))
    assert errors(doc, today=date(2016, 1, 31)) == []
    assert errors(doc, today=date(2016, 2, 1))


def test_announced_change_needs_summary():
    doc = document(FIRST, version(EFFECTIVE, date(2016, 2, 1), summary=None))
    [problem] = errors(doc)
    assert problem.rule == "summary-required"


@pytest.mark.parametrize("today, published", [
    (date(2016, 2, 14), False), (date(2016, 2, 15), True), (date(2016, 3, 1), True)])
def test_published_from_announced_day(today, published):
    assert is_published(version(EFFECTIVE, date(2016, 2, 15)), False, today) is published


def test_first_version_without_notice_published_when_in_force():
    assert not is_published(FIRST, True, date(2015, 2, 14))
    assert is_published(FIRST, True, date(2015, 2, 15))


def test_draft_is_never_published():
    assert not is_published(version(EFFECTIVE), False, date(2030, 1, 1))


def test_statuses_and_periods():
    second = version(EFFECTIVE, date(2016, 2, 15))
    third = version(date(2017, 1, 1), date(2016, 12, 1))
    draft = version(date(2018, 1, 1))
    doc = document(FIRST, second, third, draft)
    line = timeline(doc, date(2016, 12, 5))
    assert [(e.effective, e.status) for e in line.entries] == [
        (FIRST.effective, "past"), (EFFECTIVE, "current"), (third.effective, "upcoming")]
    assert line.entries[0].last_day == date(2016, 2, 29)
    assert line.current.version is second and line.upcoming[0].version is third
    assert timeline(doc, date(2016, 11, 30)).upcoming == ()
