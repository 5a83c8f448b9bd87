"""The notice rule at its edges: pure functions of dates (SPEC 4)."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

from site_builder.model.site import Document, NoticePolicy, PolicyVersion
from site_builder.model.publication import is_published, timeline
from site_builder.rules.notice import check_notice_window
from site_builder.text.screens import screened

EFFECTIVE = date(2016, 3, 1)


def version(effective: date, announced: date | None = None, material: bool = False,
            summary: str | None = "요약", **withdrawal) -> PolicyVersion:
    return PolicyVersion(effective=effective, announced=announced, summary=summary,
                         material=material, title=None, body="본문", path=f"p/{effective}.md",
                         body_first_line=5, sha256="0", screens=screened("본문", {"summary": summary}),
                         **withdrawal,
                         key_lines={"announced": 3, "effective": 2, "withdrawn": 6})


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
    [problem] = errors(doc, today=date(2016, 2, 20))
    assert (problem.path, problem.line, problem.rule) == ("p/2016-03-01.md", 3, "notice-window")
    assert "announce by 2016-02-23" in problem.message
    assert "move effective to 2016-03-03 or later" in problem.message


DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@pytest.mark.parametrize("material", [False, True])
def test_advice_never_names_a_day_before_today(material):
    # On 2020-06-01, effective 06-05 announced 06-01: "announce by 05-29" would be back-dating.
    today = date(2020, 6, 1)
    doc = document(FIRST, version(date(2020, 6, 5), today, material=material))
    [problem] = errors(doc, today=today)
    advice = problem.message.split("notice: ", 1)[1]
    assert "announce by" not in advice
    assert [date.fromisoformat(d) for d in DAY.findall(advice)] == [
        date(2020, 7, 1) if material else date(2020, 6, 8)]


def test_advice_for_a_notice_in_the_future_keeps_both_fixes():
    today = date(2020, 6, 1)
    [problem] = errors(document(FIRST, version(date(2020, 6, 12), date(2020, 6, 10))), today)
    assert "announce by 2020-06-05 or move effective to 2020-06-17 or later" in problem.message


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


def test_draft_past_its_last_notice_day_is_a_warning_naming_the_earliest_day():
    doc = document(FIRST, version(EFFECTIVE))
    [problem] = check_notice_window(doc, today=date(2016, 2, 24))
    assert not problem.is_error and problem.rule == "draft-too-late"
    assert "if announced today (2016-02-24) it could take effect on 2016-03-02" in problem.message


def test_material_draft_uses_material_window():
    doc = document(FIRST, version(EFFECTIVE, material=True))
    [in_time] = check_notice_window(doc, today=date(2016, 1, 31))
    [too_late] = check_notice_window(doc, today=date(2016, 2, 1))
    assert (in_time.rule, too_late.rule) == ("draft-deadline", "draft-too-late")
    assert "take effect on 2016-03-02" in too_late.message


def test_withdrawn_change_is_not_held_to_the_window():
    late = version(EFFECTIVE, date(2016, 2, 28), withdrawn=date(2016, 2, 29),
                   withdrawn_reason="공지 기간 부족")
    assert errors(document(FIRST, late)) == []


@pytest.mark.parametrize("withdrawal, words", [
    ({"withdrawn": date(2016, 3, 1), "withdrawn_reason": "r"}, "before effective 2016-03-01"),
    ({"withdrawn": date(2016, 2, 1), "withdrawn_reason": "r"}, "on or after announced"),
    ({"withdrawn": date(2016, 2, 20)}, "needs its reason"),
    ({"withdrawn_reason": "r"}, "withdrawn_reason without withdrawn"),
])
def test_withdrawal_must_be_before_effect_and_say_why(withdrawal, words):
    doc = document(FIRST, version(EFFECTIVE, date(2016, 2, 15), **withdrawal))
    [problem] = errors(doc)
    assert problem.rule == "withdrawal" and words in problem.message


def test_a_draft_cannot_be_withdrawn():
    doc = document(FIRST, version(EFFECTIVE, withdrawn=date(2016, 2, 20), withdrawn_reason="r"))
    assert any("delete the file instead" in p.message for p in errors(doc, date(2016, 1, 1)))


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
