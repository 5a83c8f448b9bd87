"""build --pdf (issue 26): a PDF of every version and every 신구대비표, linked from their pages,
as a legal team files them: A4, every sheet naming the document, the effective day, the
permanent address, the hash and the page number; fonts embedded and Hangul that extracts as
text; the same bytes on every build; nothing fetched from elsewhere; and without WeasyPrint, a
refusal that says what to install."""

from __future__ import annotations

import hashlib
import http.server
import re
import shutil
import sys
import threading
from pathlib import Path

import pypdf
import pytest

from tests.sitekit import SiteKit

AS_OF = "2026-12-01"


@pytest.fixture
def shipped(tmp_path) -> SiteKit:
    return SiteKit.shipped(tmp_path / "site")


def sheets(path: Path) -> list[str]:
    return [re.sub(r"\s+", " ", page.extract_text()) for page in pypdf.PdfReader(path).pages]


def embedded_fonts(path: Path) -> set[tuple[str, bool]]:
    found = set()
    for page in pypdf.PdfReader(path).pages:
        for font in page["/Resources"].get("/Font", {}).values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = descendant["/FontDescriptor"].get_object()
            found.add((str(font["/BaseFont"]), any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))))
    return found


def test_every_version_and_every_comparison_is_a_pdf_linked_from_its_page(shipped):
    result = shipped.build(AS_OF, "--pdf")
    assert result.code == 0, result.err
    version = shipped.out / "privacy/2015-02-15/privacy-2015-02-15.pdf"
    changes = shipped.out / "privacy/2016-03-01/changes/privacy-2016-03-01-신구대비표.pdf"
    assert 'href="privacy-2015-02-15.pdf"' in shipped.read("privacy/2015-02-15/index.html")
    assert 'href="privacy-2016-03-01-신구대비표.pdf"' in shipped.read("privacy/2016-03-01/changes/index.html")
    digest = hashlib.sha256((shipped.out / "privacy/2015-02-15/source.md").read_bytes()).hexdigest()
    pages = sheets(version)
    assert len(pages) > 1 and pypdf.PdfReader(version).pages[0].mediabox[2:] == [595.275591, 841.889764]
    for number, sheet in enumerate(pages, 1):
        assert "개인정보처리방침 · 시행일자 2015년 2월 15일" in sheet
        assert f"SHA-256 {digest[:16]}" in sheet
        assert "https://policies.example.com/privacy/2015-02-15/" in sheet
        assert f"{number} / {len(pages)}" in sheet
    assert digest in "".join(pages).replace(" ", "")
    assert "(주)큐솔루션&아이엠솔루션은 개인정보를 다음의 목적을 위해 처리합니다" in "".join(pages)
    assert all(embedded for _, embedded in embedded_fonts(version))
    assert any("Nanum" in name for name, _ in embedded_fonts(version))
    table = " ".join(sheets(changes))
    assert "개인정보처리방침 신구대비표 (2016년 3월 1일 시행)" in table
    assert "종전 (2015년 2월 15일)" in table and "개정 (2016년 3월 1일)" in table


def test_the_same_sources_make_the_same_pdf_bytes_and_a_plain_build_removes_them(shipped):
    assert shipped.build(AS_OF, "--pdf").code == 0
    pdf = shipped.out / "privacy/2016-03-01/privacy-2016-03-01.pdf"
    first = pdf.read_bytes()
    shutil.rmtree(shipped.out)
    assert shipped.build(AS_OF, "--pdf", "--no-cache").code == 0
    assert pdf.read_bytes() == first
    assert shipped.build(AS_OF).code == 0  # the build record knows --pdf made the last output
    assert not pdf.exists() and ".pdf" not in shipped.read("privacy/2016-03-01/index.html")


class Counting(http.server.BaseHTTPRequestHandler):
    asked: list[str] = []

    def do_GET(self):
        Counting.asked.append(self.path)
        self.send_response(404)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_a_pdf_fetches_nothing_a_policy_names(kit):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Counting)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    address = f"http://127.0.0.1:{server.server_address[1]}"
    kit.version("2015-02-15", body=f"## 1. 목적\n\n![추적]({address}/pixel.png)\n\n[링크]({address}/page)\n")
    try:
        assert kit.build(AS_OF, "--pdf").code == 0
    finally:
        server.shutdown()
    assert Counting.asked == []
    assert (kit.out / "privacy/2015-02-15/privacy-2015-02-15.pdf").is_file()


def test_without_weasyprint_pdf_says_what_to_install_and_writes_nothing(kit, monkeypatch):
    kit.version("2015-02-15")
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # as if it were not installed
    result = kit.build(AS_OF, "--pdf")
    assert result.code == 2 and "pip install 'policy-site[pdf]'" in result.err
    assert not kit.out.exists()


def test_pages_already_written_to_the_new_tree_print_the_same(shipped, monkeypatch, tmp_path):
    """A large build writes its pages out before the PDFs are made from them (issue 24)."""
    assert shipped.build(AS_OF, "--pdf", "--no-cache", "--out", str(tmp_path / "held")).code == 0
    monkeypatch.setattr("site_builder.output.staged.SPILL_BYTES", 1)
    assert shipped.build(AS_OF, "--pdf", "--no-cache").code == 0
    for pdf in (tmp_path / "held").rglob("*.pdf"):
        assert (shipped.out / pdf.relative_to(tmp_path / "held")).read_bytes() == pdf.read_bytes()
    assert len(list(shipped.out.rglob("*.pdf"))) == len(list((tmp_path / "held").rglob("*.pdf"))) > 2
