"""Cached, parallel and plain builds write identical trees, whatever changed in between."""

from __future__ import annotations

import shutil

import pytest

from tests.sitekit import BODY, SiteKit

DAY = "2026-11-28"


@pytest.fixture
def site(kit) -> SiteKit:
    kit.version("2015-01-01")
    for index in range(1, 20):
        kit.version(f"{2015 + index}-01-01", announced=f"{2014 + index}-12-01",
                    summary=f"개정 {index}", body=BODY.replace("아이디", f"아이디 {index}"))
    return kit


def plain(kit: SiteKit, name: str) -> dict[str, bytes]:
    """A build with no cache, no workers and no previous output."""
    out = kit.root.parent / name
    shutil.rmtree(out, ignore_errors=True)
    result = kit.run("build", "--as-of", DAY, "--no-cache", "--jobs", "1", "--out", str(out))
    assert result.code == 0, result.err
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file()}


def cached(kit: SiteKit) -> dict[str, bytes]:
    result = kit.run("build", "--as-of", DAY, "--jobs", "2")
    assert result.code == 0, result.err
    return kit.tree()


def test_parallel_cached_and_plain_builds_are_identical(site):
    reference = plain(site, "plain")
    assert cached(site) == reference  # cold: parallel workers, cache written
    assert (site.root / ".cache/policy-site").is_dir()
    assert cached(site) == reference  # warm: nothing changed, nothing written


@pytest.mark.parametrize("change", ["body", "summary", "new version", "site title", "template",
                                    "strings", "delete cache", "delete output"])
def test_every_kind_of_change_gives_the_plain_result(site, change):
    cached(site)
    if change == "body":
        path = site.root / "policies/privacy/2020-01-01.md"
        path.write_text(path.read_text().replace("아이디 5", "아이디 다섯"))
    elif change == "summary":
        path = site.root / "policies/privacy/2020-01-01.md"
        path.write_text(path.read_text().replace("개정 5", "개정 다섯"))
    elif change == "new version":
        site.version("2026-01-01", announced="2025-12-01", summary="새 판", body=BODY + "\n추가\n")
    elif change == "site title":
        site.site_yaml(title="새 이름")
    elif change == "template":
        site.site_yaml(theme="house")
        site.write("themes/house/templates/changes.html", '{% extends "base.html" %}'
                   "{% block main %}<p>{{ version.summary }}</p>{% endblock %}")
    elif change == "strings":
        site.site_yaml(theme="house")
        site.write("themes/house/strings/ko.yaml", "feed: 새 소식\n")
    elif change == "delete cache":
        shutil.rmtree(site.root / ".cache")
    else:
        shutil.rmtree(site.out)
    assert cached(site) == plain(site, "plain")


def test_an_edited_output_file_is_rewritten(site):
    reference = plain(site, "plain")
    cached(site)
    (site.out / "privacy/2016-01-01/index.html").write_text("tampered")
    assert cached(site) == reference
