"""The banner a product embeds (issue 27, item 3): notice.js from the policy site on a page of
another origin shows each change in its notice window in the page's language, in a labelled
region the host page's CSS does not reach, dismissed by button or Escape and remembered, gone
after the effective day; it asks the site for notice.json only, and stays under 4 KB."""

from __future__ import annotations

import functools
import http.server
import threading
from datetime import datetime

import pytest

from tests.sitekit import BODY, SiteKit

HOST_PAGE = """<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">
<style>p {{ color: rgb(255, 0, 0) !important; font-size: 40px }}</style></head>
<body><p>제품 화면</p><script src="{site}assets/notice.js"></script></body></html>"""


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class WithCors(Quiet):
    """The policy site as a host would serve it for other origins (README: CORS advice)."""

    def end_headers(self):
        self.send_header("Access-Control-Allow-Origin", "*")
        super().end_headers()


def serve(folder, handler) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture
def origins(kit: SiteKit, tmp_path):
    kit.site_yaml(languages="[ko, en]")
    kit.version("2015-02-15")
    kit.version("2016-03-01", announced="2016-01-15", summary='"목적 조항을 고칩니다"',
                body=BODY.replace("다음의 목적", "아래의 목적"))
    kit.write("policies/privacy/document.en.yaml", "title: Privacy Policy\n")
    kit.write("policies/privacy/2015-02-15.en.md", "---\n---\n\n## 1. Purpose\n\nWe process data.\n")
    assert kit.build("2016-02-01").code == 0
    site_server, site = serve(kit.out, WithCors)
    product = tmp_path / "product"
    product.mkdir()
    for lang in ("ko", "en"):
        (product / f"{lang}.html").write_text(HOST_PAGE.format(lang=lang, site=site), encoding="utf-8")
    product_server, host = serve(product, Quiet)
    yield kit, site, host
    site_server.shutdown()
    product_server.shutdown()


def open_product(browser, host: str, page_name: str, day: datetime):
    context = browser.new_context()
    page = context.new_page()
    page.clock.install(time=day)
    asked = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(host + page_name)
    return context, page, asked


def test_the_banner_shows_the_change_isolated_and_asks_for_nothing_else(browser, origins):
    kit, site, host = origins
    assert (kit.out / "assets/notice.js").stat().st_size < 4096
    context, page, asked = open_product(browser, host, "ko.html", datetime(2016, 2, 1, 12))
    region = page.get_by_role("region", name="정책 변경 안내")
    region.wait_for()
    assert "개인정보처리방침이 2016년 3월 1일부터 변경됩니다" in region.inner_text()
    link = region.get_by_role("link", name="신구대비표")
    assert link.get_attribute("href") == "https://example.com/policies/privacy/2016-03-01/changes/"
    assert region.locator("p").evaluate("p => getComputedStyle(p).color") != "rgb(255, 0, 0)"
    assert [url for url in asked if url.startswith(site)] == [site + "assets/notice.js",
                                                               site + "notice.json"]
    assert page.evaluate("PolicySiteNotice.needsAcceptance('privacy/2015-02-15')") is False
    region.get_by_role("button", name="닫기").click()
    assert region.count() == 0
    page.reload()
    page.wait_for_timeout(300)
    assert page.get_by_role("region", name="정책 변경 안내").count() == 0  # remembered
    context.close()


def test_escape_dismisses_english_pages_get_english_and_the_day_after_it_is_gone(browser, origins):
    kit, site, host = origins
    context, page, _ = open_product(browser, host, "en.html", datetime(2016, 2, 1, 12))
    region = page.get_by_role("region", name="Policy change notice")
    region.wait_for()
    assert region.inner_text().startswith("The Privacy Policy changes on March 1, 2016")
    region.get_by_role("button", name="Dismiss").focus()
    page.keyboard.press("Escape")
    assert region.count() == 0
    context.close()
    context, page, _ = open_product(browser, host, "ko.html", datetime(2016, 3, 2, 12))
    page.wait_for_timeout(500)
    assert page.get_by_role("region", name="정책 변경 안내").count() == 0  # in effect: no banner
    context.close()
