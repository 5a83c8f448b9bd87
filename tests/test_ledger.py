"""The public notice ledger, verify, and the Atom and JSON feeds (issue 15)."""

from __future__ import annotations

import functools
import hashlib
import http.server
import json
import shutil
import threading
import xml.etree.ElementTree as ElementTree

import feedparser
import pytest
from hypothesis import given, settings, strategies as st

from site_builder.rules import ledger
from tests.sitekit import BODY

ATOM = "{http://www.w3.org/2005/Atom}"


def entries(kit, name: str = "output") -> list[dict]:
    return json.loads((kit.root / name / "ledger.json").read_text())["entries"]


def deploy(kit, name: str = "live") -> str:
    """Copy the output where the 'live site' is served from; its ledger's path."""
    live = kit.root.parent / name
    shutil.rmtree(live, ignore_errors=True)
    shutil.copytree(kit.out, live)
    return str(live / "ledger.json")


@pytest.fixture
def site(kit):
    kit.two_versions()
    return kit


def test_a_new_chain_dates_events_by_the_sources_and_is_deterministic(site):
    site.build("2026-11-28")
    first = entries(site)
    assert [(e["event"], e["effective"], e["published"]) for e in first] == [
        ("in_effect", "2015-02-15", "2015-02-15"), ("announced", "2016-03-01", "2016-02-15"),
        ("in_effect", "2016-03-01", "2016-03-01")]
    assert ledger.chain_problems(first) == []
    assert first[1]["previous"] == first[0]["hash"]
    shutil.rmtree(site.out)
    site.build("2026-11-28")
    assert entries(site) == first


def test_continuing_the_live_chain_dates_new_events_today(site):
    site.build("2026-11-28")
    live = deploy(site)
    site.version("2026-12-15", announced="2026-11-29", summary="s", body=BODY + "\n추가\n")
    assert site.build("2026-11-29", "--ledger", live).code == 0
    chain = entries(site)
    assert chain[:3] == json.loads(open(live).read())["entries"]
    assert (chain[3]["event"], chain[3]["published"]) == ("announced", "2026-11-29")


def test_a_notice_the_public_saw_too_late_is_refused(site):
    site.build("2026-11-28")
    live = deploy(site)
    # announced (in the file) on 11-20, but the live site never showed it before today
    site.version("2026-12-02", announced="2026-11-20", summary="s", body=BODY + "\n추가\n")
    before = site.tree()
    result = site.build("2026-11-29", "--ledger", live)
    assert result.code == 1, result.text
    assert ("policies/privacy/2026-12-02.md:3: error: the public sees this notice first today, "
            "2026-11-29") in result.err and "only 3 day(s) before it takes effect" in result.err
    assert site.tree() == before


def test_published_text_that_no_longer_matches_its_entry_is_refused(site):
    site.build("2026-11-28")
    live = deploy(site)
    path = site.root / "policies/privacy/2016-03-01.md"
    path.write_text(path.read_text().replace("아래의", "그 아래의"))
    result = site.build("2026-11-29", "--ledger", live)
    assert result.code == 1 and "privacy 2016-03-01: the published text" in result.err


def test_a_withdrawal_keeps_the_content_hash_and_is_appended(site):
    site.version("2026-12-15", announced="2026-11-20", summary="s", body=BODY + "\n추가\n")
    site.build("2026-11-28")
    live = deploy(site)
    path = site.root / "policies/privacy/2026-12-15.md"
    path.write_text(path.read_text().replace("summary:", "withdrawn: 2026-11-29\n"
                                                         "withdrawn_reason: 취소\nsummary:", 1))
    assert site.build("2026-11-29", "--ledger", live).code == 0
    assert entries(site)[-1]["event"] == "withdrawn"


# Values JSON allows that this tool never writes: a lone surrogate, a number past 64 bits.
ODD_VALUES = {"lone surrogate": "\ud800", "huge number": 2**70, "float": 1e20,
              "Korean text": "공고일"}


@pytest.mark.parametrize("tamper", ["edit", "drop", "reorder", *ODD_VALUES])
def test_a_broken_live_chain_is_refused(site, tamper):
    site.build("2026-11-28")
    live = deploy(site)
    document = json.loads(open(live).read())
    chain = document["entries"]
    if tamper == "edit":
        chain[0]["published"] = "2015-01-01"
    elif tamper in ODD_VALUES:
        chain[0]["published"] = ODD_VALUES[tamper]
    elif tamper == "drop":
        del chain[1]
    else:
        chain[0], chain[1] = chain[1], chain[0]
    open(live, "w").write(json.dumps(document))
    for result in (site.build("2026-11-29", "--ledger", live),
                   site.check("2026-11-29", "--ledger", live)):
        assert result.code == 1 and "the published ledger is broken" in result.text, result.text
        assert "restore the site's ledger.json from its last deploy" in result.text
    assert site.run("verify", str(site.root.parent / "live"), root=False).code == 1
    shutil.copy(site.out / "ledger.json", live)  # the advice, followed
    assert site.build("2026-11-29", "--ledger", live).code == 0


def test_a_live_chain_shorter_than_the_last_build_is_refused(site):
    site.build("2026-11-28")
    live = deploy(site)
    site.version("2026-12-15", announced="2026-11-29", summary="s", body=BODY + "\n추가\n")
    assert site.build("2026-11-29", "--ledger", live).code == 0
    result = site.build("2026-11-30", "--ledger", live)  # the live site is the older deploy
    assert result.code == 1 and "rolled back or replaced" in result.err
    assert "redeploy the last build before continuing the chain" in result.err
    live = deploy(site)  # the advice, followed
    assert site.build("2026-11-30", "--ledger", live).code == 0


@pytest.fixture
def server(tmp_path):
    folder = tmp_path / "www"
    folder.mkdir()
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    handler.log_message = lambda *args: None
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield folder, f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


def test_the_ledger_is_read_from_a_served_site_and_verified_there(site, server):
    folder, url = server
    site.build("2026-11-28")
    shutil.rmtree(folder)
    shutil.copytree(site.out, folder)
    site.version("2026-12-15", announced="2026-11-29", summary="s", body=BODY + "\n추가\n")
    assert site.build("2026-11-29", "--ledger", url + "ledger.json").code == 0
    result = site.run("verify", url, root=False)
    assert result.code == 0 and "verify passed" in result.out, result.out


def test_network_trouble_is_exit_2_naming_the_address_never_a_new_chain(site, server):
    _, url = server
    site.build("2026-11-28")
    before = site.tree()
    missing = site.build("2026-11-29", "--ledger", url + "ledger.json")
    assert missing.code == 2 and url + "ledger.json" in missing.err and "first deploy" in missing.err
    refused = site.build("2026-11-29", "--ledger", "http://127.0.0.1:9/ledger.json")
    assert refused.code == 2 and "http://127.0.0.1:9/ledger.json: cannot connect" in refused.err
    assert site.tree() == before


def test_verify_finds_a_tampered_source_and_a_tampered_page(site):
    site.build("2026-11-28")
    assert site.run("verify", str(site.out), root=False).code == 0
    source = site.out / "privacy/2016-03-01/source.md"
    source.write_text(source.read_text().replace("아래의", "그 아래의"))
    page = site.out / "privacy/2015-02-15/index.html"
    sha = entries(site)[0]["sha256"]
    page.write_text(page.read_text().replace(sha, "0" * 64))
    result = site.run("verify", str(site.out), root=False)
    assert result.code == 1
    assert "mismatch: privacy 2016-03-01: source.md has sha256" in result.out
    assert "mismatch: privacy 2015-02-15: the page does not show the ledger's sha256" in result.out


def test_the_version_page_shows_its_hash_and_links_the_ledger(site):
    site.build("2026-11-28")
    page = site.read("privacy/2016-03-01/index.html")
    assert entries(site)[-1]["sha256"] in page
    assert 'href="../../ledger.json"' in page and 'href="source.md"' in page


def test_atom_and_json_feed_carry_the_same_items_and_ids(site):
    site.build("2026-11-28")
    rss = feedparser.parse(site.read("privacy/feed.xml"))
    atom = ElementTree.fromstring(site.read("privacy/atom.xml"))
    for required in ("id", "title", "updated", "author"):
        assert atom.find(ATOM + required) is not None, required
    assert atom.find(ATOM + "link[@rel='self']").get("href") == \
        "https://example.com/policies/privacy/atom.xml"
    atom_entries = atom.findall(ATOM + "entry")
    for entry in atom_entries:
        for required in ("id", "title", "updated", "link"):
            assert entry.find(ATOM + required) is not None, required
    parsed_atom = feedparser.parse(site.read("privacy/atom.xml"))
    assert not parsed_atom.bozo
    feed = json.loads(site.read("privacy/feed.json"))
    assert feed["version"] == "https://jsonfeed.org/version/1.1" and feed["title"]
    assert feed["feed_url"] == "https://example.com/policies/privacy/feed.json"
    assert all(item["id"] and item["content_html"] for item in feed["items"])
    ids = [e.id for e in rss.entries]
    assert ids == [e.find(ATOM + "id").text for e in atom_entries] == \
        [item["id"] for item in feed["items"]]
    assert ids == ["https://example.com/policies/privacy/2016-03-01/"]
    page = site.read("privacy/index.html")
    assert 'type="application/atom+xml"' in page and 'type="application/feed+json"' in page


@pytest.mark.parametrize("ledger_text", ['{"format": "policy-site-ledger/1", "entries": 5}',
                                         '{"format": "policy-site-ledger/1", "entries": [{"seq": 0}]}',
                                         '[1, 2]', "not json"])
def test_a_malformed_ledger_is_a_message_for_build_and_verify(site, tmp_path, ledger_text):
    site.build("2026-11-28")
    live = tmp_path / "live"
    shutil.copytree(site.out, live)
    (live / "ledger.json").write_text(ledger_text)
    built = site.build("2026-11-29", "--ledger", str(live / "ledger.json"))
    verified = site.run("verify", str(live), root=False)
    for result in (built, verified):
        assert result.code == 1, result.text
        assert "internal error" not in result.text and "Traceback" not in result.text


def test_a_forged_entry_with_a_valid_hash_but_missing_fields_is_refused(site, tmp_path):
    site.build("2026-11-28")
    live = tmp_path / "live"
    shutil.copytree(site.out, live)
    entry = {"seq": 0, "previous": ledger.GENESIS}
    entry["hash"] = ledger.entry_hash(entry)
    (live / "ledger.json").write_text(json.dumps({"format": ledger.FORMAT, "entries": [entry]}))
    assert site.run("verify", str(live), root=False).code == 1
    assert site.build("2026-11-29", "--ledger", str(live / "ledger.json")).code == 1


def test_an_endless_answer_is_cut_off_with_a_message(site, server, monkeypatch):
    from site_builder.sources import published as fetch
    folder, url = server
    site.build("2026-11-28")
    shutil.rmtree(folder)
    shutil.copytree(site.out, folder)
    monkeypatch.setattr(fetch, "MAX_BYTES", 100)
    result = site.run("verify", url, root=False)
    assert result.code == 2 and "more than 0 MiB; not a policy site's file" in result.err


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.text(), st.text() | st.integers() | st.floats() | st.booleans()
                       | st.none(), max_size=9))
def test_an_entry_is_hashed_over_the_bytes_json_writes(body):
    """Published chains were hashed over json.dumps's bytes: whatever writes them now must
    write the same, for this tool's entries and for anything a live ledger holds."""
    text = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    assert ledger.entry_hash({**body, "hash": "x"}) == hashlib.sha256(
        text.encode("utf-8", "surrogatepass")).hexdigest()


def test_the_chain_of_a_build_is_hashed_as_json_writes_it(site):
    site.build("2026-11-28")
    for entry in entries(site):
        body = {key: value for key, value in entry.items() if key != "hash"}
        text = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        assert entry["hash"] == hashlib.sha256(text.encode("utf-8")).hexdigest()
