"""Standard version links (issue 27, item 5): RFC 5829 relations on every version page, a
Memento TimeMap per document (RFC 7089), and JSON-LD, read with a Link-header parser and a
JSON parser as the tools that use them do."""

from __future__ import annotations

import json

import pytest
from requests.utils import parse_header_links

from tests.pages import parse
from tests.sitekit import SiteKit

BASE = "https://policies.example.com/"


@pytest.fixture(scope="module")
def shipped(tmp_path_factory) -> SiteKit:
    kit = SiteKit.shipped(tmp_path_factory.mktemp("links") / "site")
    assert kit.build("2026-12-01").code == 0
    return kit


def head_links(html: str) -> dict[str, str]:
    return {link.get("rel"): link.get("href") for link in parse(html).iter("link")}


def json_ld(html: str) -> dict:
    [script] = [s for s in parse(html).iter("script") if s.get("type") == "application/ld+json"]
    return json.loads(script.text)


def test_a_version_page_links_its_predecessor_successor_latest_and_history(shipped):
    first = head_links(shipped.read("privacy/2015-02-15/index.html"))
    assert first["successor-version"] == BASE + "privacy/2016-03-01/"
    assert first["latest-version"] == BASE + "privacy/2016-03-01/"
    assert first["version-history"] == BASE + "privacy/versions/"
    assert first["timemap"] == BASE + "privacy/timemap.link"
    assert "predecessor-version" not in first
    second = head_links(shipped.read("privacy/2016-03-01/index.html"))
    assert second["predecessor-version"] == BASE + "privacy/2015-02-15/"
    assert "successor-version" not in second


def test_the_timemap_lists_every_version_with_the_moment_it_took_effect(shipped):
    text = (shipped.out / "privacy/timemap.link").read_text(encoding="utf-8")
    links = parse_header_links(text.replace("\n", ""))
    assert links[0] == {"url": BASE + "privacy/", "rel": "original"}
    assert links[1]["rel"] == "self" and links[1]["type"] == "application/link-format"
    mementos = links[2:]
    assert [m["url"] for m in mementos] == [BASE + "privacy/2015-02-15/", BASE + "privacy/2016-03-01/"]
    assert [m["rel"] for m in mementos] == ["first memento", "last memento"]
    assert mementos[0]["datetime"] == "Sat, 14 Feb 2015 15:00:00 GMT"  # midnight in Seoul


def test_json_ld_names_the_version_and_a_translation_its_binding_original(shipped):
    original = json_ld(shipped.read("privacy/2016-03-01/index.html"))
    assert original["@type"] == "DigitalDocument" and original["name"] == "개인정보처리방침"
    assert original["version"] == "2016-03-01" and original["inLanguage"] == "ko"
    assert original["datePublished"] == "2016-02-15" and original["dateModified"] == "2016-03-01"
    assert original["identifier"]["propertyID"] == "SHA-256"
    assert "isBasedOn" not in original
    translated = json_ld(shipped.read("privacy/en/2015-02-15/index.html"))
    assert translated["inLanguage"] == "en"
    assert translated["isBasedOn"]["url"] == BASE + "privacy/2015-02-15/"
    assert "binds" in translated["isBasedOn"]["description"]


def test_json_ld_cannot_be_closed_by_a_title(kit):
    kit.document(title='"</script><script>alert(1)</script>"')
    kit.version("2015-02-15")
    assert kit.build().code == 0
    page = kit.read("privacy/2015-02-15/index.html")
    assert "</script><script>alert" not in page
    assert json_ld(page)["name"] == "</script><script>alert(1)</script>"


def test_versions_json_answers_what_a_product_backend_asks(kit):
    """Issue 27, item 4: the version in force and the next one (as Mastodon's API), stable ids
    with their hashes, and whether a user who accepted an earlier version must accept again."""
    kit.version("2015-01-01")
    kit.version("2016-01-01", announced="2015-12-01", summary="minor")
    kit.version("2017-01-01", announced="2016-11-01", summary="material", material=True)
    kit.version("2018-01-01", announced="2017-12-01", summary="minor again")
    kit.version("2019-01-01", announced="2018-12-20", summary="upcoming")
    assert kit.build("2018-12-25").code == 0
    [document] = json.loads(kit.read("versions.json"))["documents"]
    assert document["current_id"] == "privacy/2018-01-01"
    assert document["next"] == {"id": "privacy/2019-01-01", "effective": "2019-01-01",
                                "announced": "2018-12-20", "material": False}
    versions = {v["id"]: v for v in document["versions"]}
    assert all(len(v["sha256"]) == 64 for v in versions.values())

    def reaccept_required(accepted: str, now: str) -> bool:  # the README's recipe
        latest = versions[now]["last_material"]
        return latest is not None and latest > accepted

    assert reaccept_required("privacy/2016-01-01", "privacy/2018-01-01")  # 2017 was material
    assert not reaccept_required("privacy/2017-01-01", "privacy/2018-01-01")
    assert not reaccept_required("privacy/2015-01-01", "privacy/2016-01-01")
