"""The visitor's side in a real browser: headless Debian Chromium driven by Playwright.

These tests must run, not skip, in CI (.ci/run installs chromium and fonts-nanum). Screenshots
of every page kind at 360 and 1280 px are written to test-artifacts/screenshots/.
"""

from __future__ import annotations

import hashlib
import io
import re
import shutil
from pathlib import Path

import pypdf
import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.sitekit import SiteKit

REPO = Path(__file__).resolve().parent.parent
SCREENSHOTS = REPO / "test-artifacts" / "screenshots"
AS_OF = "2026-11-28"
PAGES = {
    "document": "privacy/index.html",
    "past-version": "privacy/2015-02-15/index.html",
    "upcoming-version": "privacy/2026-12-15/index.html",
    "changes": "privacy/2016-03-01/changes/index.html",
    "archive": "privacy/versions/index.html",
    "compare": "privacy/compare/index.html",
    "index": "index.html",
    "terms-changes": "terms/2016-03-01/changes/index.html",
    "en-document": "privacy/en/index.html",
    "en-version": "privacy/en/2015-02-15/index.html",
    "en-changes": "terms/en/2016-03-01/changes/index.html",
    "en-compare": "terms/en/compare/index.html",
    "en-index": "en/index.html",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> SiteKit:
    """The shipped policies plus an announced upcoming change, built for AS_OF."""
    kit = SiteKit(tmp_path_factory.mktemp("browser") / "site")
    shutil.rmtree(kit.root / "policies")
    shutil.copytree(REPO / "policies", kit.root / "policies")
    current = (kit.root / "policies/privacy/2016-03-01.md").read_text(encoding="utf-8")
    body = current.split("---\n", 2)[2].replace("제품발송을 위한 위탁 : 현대택배",
                                                 "제품발송을 위한 위탁 : 현대택배, 우체국택배")
    kit.write("policies/privacy/2026-12-15.md",
              "---\neffective: 2026-12-15\nannounced: 2026-11-10\nmaterial: true\n"
              "summary: \"[예시] 제5조 위탁업체에 우체국택배를 추가합니다.\"\n---\n" + body)
    result = kit.build(AS_OF)
    assert result.code == 0, result.err
    return kit


def open_page(browser, site: SiteKit, relative: str, width: int = 1280, javascript: bool = True):
    page = browser.new_page(viewport={"width": width, "height": 900}, java_script_enabled=javascript)
    page.goto((site.out / relative).as_uri())
    return page


def test_selector_leads_to_an_earlier_version_and_the_banner_back(browser, site):
    page = open_page(browser, site, PAGES["document"])
    assert not page.locator(".version-list").is_visible()  # one selector, not two
    page.focus("#version-select")
    page.keyboard.press("ArrowDown")  # choosing alone never leaves the page (WCAG 3.2.2)
    page.wait_for_timeout(300)
    assert page.url.endswith("/privacy/index.html")
    page.select_option("#version-select", label="2015년 2월 15일 (이전 버전)")
    page.get_by_role("button", name="이동").click()
    page.wait_for_url("**/privacy/2015-02-15/index.html")
    banner = page.locator(".banner-past")
    assert "이전 버전의 방침입니다" in banner.inner_text()
    banner.get_by_role("link").click()
    page.wait_for_url("**/privacy/index.html")
    assert page.locator("h1").inner_text() == "개인정보처리방침"
    page.close()


def test_document_page_announces_the_upcoming_change(browser, site):
    page = open_page(browser, site, PAGES["document"])
    banner = page.locator(".banner-upcoming")
    assert "2026년 12월 15일부터" in banner.inner_text()
    banner.get_by_role("link", name="변경 내용 보기").click()
    page.wait_for_url("**/privacy/2026-12-15/changes/index.html")
    assert page.locator("ins", has_text="우체국택배").count() == 1
    page.close()


def test_changes_page_marks_the_changed_words(browser, site):
    page = open_page(browser, site, PAGES["changes"])
    # within the changed word only the changed syllable is marked (issue 26)
    old = page.locator("td.before p", has_text="익스플로어의")
    new = page.locator("td.after p", has_text="익스플로러의")
    assert old.locator("del").first.inner_text() == "어" and old.is_visible()
    assert new.locator("ins").first.inner_text() == "러" and new.is_visible()
    assert "변경되지 않은 조항 9개" in page.inner_text("main")
    page.close()


def compare_from_the_archive(browser, site: SiteKit, older: str, newer: str):
    """The archive's compare form, used as a visitor does: choose two versions, press 비교."""
    page = open_page(browser, site, PAGES["archive"])
    page.select_option("#compare-from", older)
    page.select_option("#compare-to", newer)
    page.get_by_role("button", name="비교").click()
    return page


def test_compare_form_compares_any_two_versions(browser, site):
    page = compare_from_the_archive(browser, site, "2015-02-15", "2026-12-15")
    page.wait_for_url("**/privacy/compare/index.html?from=2015-02-15&to=2026-12-15")
    result = page.locator("#comparison-result")
    assert result.locator("ins", has_text="우체국택배").count() == 1
    assert result.locator("td.before p", has_text="익스플로어의").locator("del").first.inner_text() == "어"
    page.close()


def test_version_list_works_without_javascript(browser, site):
    page = open_page(browser, site, PAGES["document"], javascript=False)
    assert not page.locator("#version-select").is_visible()
    page.locator(".version-list summary").click()
    page.get_by_role("link", name="2015년 2월 15일").click()
    page.wait_for_url("**/privacy/2015-02-15/index.html")
    assert page.locator(".banner-past").is_visible()
    page.close()


def test_the_language_switch_keeps_the_version_and_the_article(browser, site):
    page = open_page(browser, site, PAGES["en-version"])
    page.goto(page.url + "#article-6")
    assert "the Korean original prevails" in page.locator(".banner-translation").inner_text()
    page.get_by_role("link", name="한국어").click()
    page.wait_for_url("**/privacy/2015-02-15/index.html#article-6")
    assert page.locator("html").get_attribute("lang") == "ko"
    page.get_by_role("link", name="English").click()
    page.wait_for_url("**/privacy/en/2015-02-15/index.html#article-6")
    page.close()


def test_comparing_two_translations_in_the_browser(browser, site):
    page = open_page(browser, site, PAGES["en-compare"])
    page.goto(page.url + "?from=2015-02-15&to=2016-03-01")
    result = page.locator("#comparison-result")
    result.locator("ins").first.wait_for()
    assert "Article 3-2 (Individual Notice)" in result.inner_text()
    assert "제3조의2" not in result.inner_text()
    page.close()


@pytest.mark.parametrize("kind", PAGES)
def test_nothing_scrolls_sideways_at_360px(browser, site, kind):
    page = open_page(browser, site, PAGES[kind], width=360)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{kind} is {overflow}px wider than a 360px screen"
    page.close()


def test_print_hides_navigation_and_prints_link_addresses(browser, site):
    page = open_page(browser, site, PAGES["past-version"])
    page.emulate_media(media="print")
    for selector in (".site-header", ".breadcrumb", ".version-selector", ".toc", ".policy-links",
                     ".skip-link", ".site-footer"):
        assert not page.locator(selector).first.is_visible(), selector
    assert page.locator(".banner-past").is_visible()
    assert page.locator(".record code").is_visible()  # the hash is on paper, not folded away
    page.close()


def printed(browser, site: SiteKit, relative: str, query: str = "") -> list[str]:
    """The text of each sheet of the page printed to PDF by Chromium (print media, A4)."""
    page = open_page(browser, site, relative)
    if query:
        page.goto((site.out / relative).as_uri() + query)
        page.locator("#comparison-result table").wait_for()
    document = pypdf.PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
    page.close()
    # Chromium's PDF maps some spaces of a Korean font to U+0001: compare without any spaces
    return [re.sub(r"[\s\x01]+", "", sheet.extract_text()) for sheet in document.pages]


def test_every_printed_sheet_names_the_document_the_day_the_address_and_the_page(browser, site):
    sheets = printed(browser, site, PAGES["past-version"])
    assert len(sheets) > 1
    sha = (site.out / "privacy/2015-02-15/source.md").read_bytes()
    digest = hashlib.sha256(sha).hexdigest()
    for number, sheet in enumerate(sheets, 1):
        assert sheet.startswith("개인정보처리방침·시행일자2015년2월15일"), sheet[:200]
        assert "https://policies.example.com/privacy/2015-02-15/" in sheet
        assert f"{number}/{len(sheets)}" in sheet
        assert f"SHA-256{digest[:16]}" in sheet
        assert re.search(r"인쇄일\d{4}년\d{1,2}월\d{1,2}일", sheet)  # the site's date style
    assert digest in "".join(sheets)  # in full, in the record


def test_a_short_page_prints_on_one_sheet_and_the_compare_page_names_its_pair(browser, site):
    for kind in ("changes", "terms-changes"):  # no sheet holds only the margins
        *_, last = printed(browser, site, PAGES[kind])
        assert "변경되지않은조항" in last, kind  # the page's last line
    short = SiteKit(site.root.parent / "short")
    short.version("2015-02-15", body="## 제1조 (목적)\n\n목적")
    short.version("2016-03-01", announced="2016-02-15", summary="s", body="## 제1조 (목적)\n\n새 목적")
    assert short.build(AS_OF).code == 0
    assert len(printed(browser, short, "privacy/2016-03-01/changes/index.html")) == 1
    [sheet, *_] = printed(browser, site, PAGES["compare"], "?from=2015-02-15&to=2016-03-01")
    assert "privacy/compare/?from=2015-02-15&to=2016-03-01" in sheet


@pytest.mark.parametrize("kind", PAGES)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_accessibility_violation(browser, site, kind, scheme):
    page = open_page(browser, site, PAGES[kind])
    page.emulate_media(color_scheme=scheme)
    violations = Axe().run(page).response["violations"]
    serious = [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in violations
               if v["impact"] in ("serious", "critical")]
    assert serious == []
    page.close()


@pytest.mark.parametrize("kind", ["document", "past-version", "changes", "archive",
                                  "terms-changes", "compare", "en-version", "en-changes"])
@pytest.mark.parametrize("width", [360, 1280])
def test_screenshots_for_review(browser, site, kind, width):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page = open_page(browser, site, PAGES[kind], width=width)
    path = SCREENSHOTS / f"{kind}-{width}.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 10_000
    page.close()


def test_the_language_switch_follows_the_article_in_view(browser, site):
    page = open_page(browser, site, PAGES["document"])
    page.locator("#article-7").evaluate("h => h.scrollIntoView()")
    page.wait_for_function("location.hash === '#article-7'")  # the address follows the reader
    page.locator(".language-switch").get_by_role("link", name="English").click()
    page.wait_for_url("**/privacy/en/**")
    assert page.url.endswith("#article-7")
    page.close()


def test_after_comparing_focus_lands_on_the_result(browser, site):
    page = compare_from_the_archive(browser, site, "2015-02-15", "2016-03-01")
    page.locator("#comparison-result h2").wait_for()
    assert page.evaluate("document.activeElement.closest('#comparison-result') !== null")
    assert "비교" in page.evaluate("document.activeElement.textContent")
    page.close()
