"""``policy-site init``: from nothing to a site that builds and passes check (issue 14)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from tests.sitekit import SiteKit

REPO = Path(__file__).resolve().parent.parent


def init(kit: SiteKit, folder: Path, *flags: str):
    return kit.run("init", str(folder), "--as-of", "2026-11-29", *flags, root=False)


@pytest.mark.parametrize("language", ["ko", "en"])
def test_a_new_site_builds_and_passes_check_at_once(kit, tmp_path, language):
    folder = tmp_path / "mysite"
    result = init(kit, folder, "--language", language, "--title", "예시 회사 정책")
    assert result.code == 0, result.text
    site = SiteKit.__new__(SiteKit)
    site.root = folder
    assert site.check("2026-11-29").code == 0
    assert site.build("2026-11-29").code == 0
    assert "예시 회사 정책" in site.read("index.html")
    settings = yaml.safe_load((folder / "policies/site.yaml").read_text())
    assert settings["language"] == language and settings["title"] == "예시 회사 정책"
    assert (folder / "README.md").exists() and "output/" in (folder / ".gitignore").read_text()


def test_the_korean_template_has_the_pipc_headings_marked_as_a_template(kit, tmp_path):
    init(kit, tmp_path / "s")
    text = (tmp_path / "s/policies/privacy/2026-12-06.md").read_text()
    assert text.count("(작성하세요)") == 12 and "[작성 필요]" in text
    for heading in ("개인정보의 처리 목적", "처리하는 개인정보의 항목", "개인정보의 파기 절차 및 방법",
                    "개인정보 보호책임자", "개인정보 처리방침의 변경"):
        assert heading in text


def test_the_workflow_is_the_one_docs_ci_describes(kit, tmp_path):
    init(kit, tmp_path / "s")
    written = (tmp_path / "s/.github/workflows/policies.yml").read_text()
    [documented] = re.findall(r"```yaml\n(name: policies\n.*?)```",
                              (REPO / "docs/ci.md").read_text(), re.S)
    assert written == documented and yaml.safe_load(written)["jobs"]["check"]


def test_a_folder_that_is_not_empty_is_refused(kit, tmp_path):
    folder = tmp_path / "busy"
    folder.mkdir()
    (folder / "notes.txt").write_text("메모")
    result = init(kit, folder)
    assert result.code == 2 and "is not empty" in result.err
    assert sorted(p.name for p in folder.iterdir()) == ["notes.txt"]


def test_force_adds_what_is_missing_and_never_overwrites(kit, tmp_path):
    folder = tmp_path / "busy"
    (folder / "policies").mkdir(parents=True)
    (folder / "README.md").write_text("우리 README")
    result = init(kit, folder, "--force")
    assert result.code == 0 and "kept README.md (already there)" in result.out
    assert (folder / "README.md").read_text() == "우리 README"
    assert (folder / "policies/site.yaml").exists()


def test_a_base_url_that_cannot_be_the_site_address_is_refused_before_writing(kit, tmp_path):
    result = init(kit, tmp_path / "s", "--base-url", "ftp://example.com")
    assert result.code == 2 and "--base-url ftp://example.com must be absolute" in result.err
    assert not (tmp_path / "s").exists()
