"""The shipped privacy policy is the seed, verbatim, and the default build shows it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.pages import find_class, parse, text_of, visible_text
from tests.sitekit import SiteKit

REPO = Path(__file__).resolve().parent.parent
# The seed as it was handed over (shared/seed/privacy-2015-02-15.txt), kept with the tests.
SEED = REPO / "tests" / "fixtures" / "seed-privacy-2015-02-15.txt"
HEADER_LINES = 3  # 이전 개인정보처리방침 / 개인정보처리방침 / 시행일자: shown by the page itself


@pytest.fixture
def shipped(tmp_path) -> SiteKit:
    return SiteKit.shipped(tmp_path / "site")


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_every_line_of_the_seed_is_on_the_first_version_page_in_order(shipped):
    assert shipped.build().code == 0
    page = visible_text(shipped.read("privacy/2015-02-15/index.html"))
    position = 0
    for line in SEED.read_text(encoding="utf-8").splitlines()[HEADER_LINES:]:
        line = _normal(line)
        if not line:
            continue
        line = line[2:] if line.startswith("- ") else line  # a Markdown bullet shows as a dot
        found = page.find(line, position)
        assert found >= 0, f"missing or out of order: {line}"
        position = found + len(line)


def test_shipped_site_builds_with_article_ids_and_the_stray_heading_kept(shipped):
    assert shipped.build().code == 0
    page = shipped.read("privacy/2015-02-15/index.html")
    ids = [h.get("id") for h in parse(page).iter("h2") if (h.get("id") or "").startswith("article-")]
    assert ids == [f"article-{n}" for n in range(1, 12)]
    assert "(www.netan.go.kr)10. 고지의 의무" in visible_text(page)
    meta = text_of(find_class(page, "policy-meta")[0])
    assert "2015년 2월 15일" in meta


def test_shipped_amendment_is_marked_as_illustrative(shipped):
    shipped.build()
    changes = visible_text(shipped.read("privacy/2016-03-01/changes/index.html"))
    assert "예시" in changes and "실제 개정이 아님" in changes
