"""The cache's codec (cache/codec.py): every kind comes back as it went in, and an entry of
any other shape is a miss, even one whose checksum is right."""

from __future__ import annotations

import dataclasses
import hashlib
import shutil
import sqlite3
import sys
import zlib

import msgspec
import pytest

from site_builder.base.messages import Message, in_language
from site_builder.cache import codec
from site_builder.cache.memo import BODY, COMPARISON, INDEXES, PAGE, PDF, SOURCE
from site_builder.sources.loader import load_site
from site_builder.text.comparison import compare_articles
from site_builder.text.markup import NestingTooDeep, TableTooLarge, render_body
from tests.sitekit import BODY as TEXT, SiteKit
from tests.test_cache import DAY, cache_file, cached, plain, with_versions


@pytest.fixture
def site(kit) -> SiteKit:
    return with_versions(kit, 20)


@pytest.fixture
def varied(kit) -> SiteKit:
    """Reasons, a translation, a misspelt key (a problem with a message in a message)."""
    kit.site_yaml(extra="languages: [ko, en]\n")
    kit.write("policies/site.en.yaml", "title: Test policies\n")
    kit.write("policies/privacy/document.en.yaml", "title: Privacy Policy\n")
    kit.version("2015-02-15")
    kit.write("policies/privacy/2016-03-01.md", "---\neffective: 2016-03-01\nannounced: "
              "2016-02-15\nsummary: 목적을 고칩니다\nreasons:\n  제1조: 목적을 분명히 합니다\n"
              "anounced: 2016-02-15\n---\n" + TEXT.replace("다음의 목적", "아래의 목적"))
    kit.write("policies/privacy/2015-02-15.en.md", "---\neffective: 2015-02-15\n---\n\n"
              "## Article 1 (Purpose)\n\nThe purpose.\n")
    return kit


def again(kind: str, value):
    return codec.decode(kind, codec.encode(kind, value))


def test_every_kind_comes_back_as_it_went_in(varied):
    loaded = load_site(varied.root)
    [document] = loaded.site.documents
    [translation] = document.translations
    first, second = document.versions
    assert second.reasons and second.misspelt and loaded.problems
    sources = [(first, []), (second, loaded.problems), (translation, []),
               (None, loaded.problems)]
    for value in sources:
        version, problems = again(SOURCE, value)
        if version is not None:  # the body is the loader's to cut from the file again
            assert version.body is None
            version = dataclasses.replace(version, body=value[0].body)
        assert (version, problems) == value and type(version) is type(value[0])
        assert version is None or version.key_lines == value[0].key_lines
        for before, after in zip(value[1], problems):  # said again in the site's language
            assert isinstance(after.message, Message) and after.message.template
            assert in_language(after.message, "ko") == in_language(before.message, "ko")
    assert type(again(SOURCE, sources[1])[0].reasons[0]) is tuple
    hash(again(SOURCE, sources[1])[0])  # frozen and hashable, as parsed
    bodies = [render_body(v.body) for v in document.versions]
    assert again(BODY, bodies[0]) == bodies[0]
    assert again(BODY, NestingTooDeep(3)).line == 3
    table = again(BODY, TableTooLarge(4, 70))
    assert isinstance(table, TableTooLarge) and (table.line, table.columns) == (4, 70)
    comparison = compare_articles(bodies[0].articles, bodies[1].articles)
    assert comparison.changes and again(COMPARISON, comparison) == comparison
    assert again(SOURCE, sources[1])[0].screens == second.screens
    assert second.screens.numbered_headings and again(SOURCE, sources[2])[0].screens
    assert again(PAGE, "a" * 64) == "a" * 64
    feeds = {"feed.xml": b"<rss/>" * 1000, "atom.xml": b""}
    assert again(INDEXES, feeds) == feeds and again(PDF, b"%PDF" * 500) == b"%PDF" * 500


def test_encoding_a_version_leaves_its_body_as_small_as_it_was(varied):
    """CPython keeps the UTF-8 copy of a str that msgspec encodes; the bodies live for the
    whole build, so each would carry its text twice."""
    version = load_site(varied.root).site.documents[0].versions[0]
    size = sys.getsizeof(version.body)
    codec.encode(SOURCE, (version, []))
    assert sys.getsizeof(version.body) == size


def test_feeds_are_compressed_one_by_one_not_copied_whole():
    """The 5,000-version archive's indexes are 22 MB: packed whole before compressing, the
    cache held a second copy of them at the build's peak."""
    import tracemalloc

    feeds = {f"d{n}/feed.xml": b"<item><title>%d</title></item>" % n * 40_000 for n in range(20)}
    tracemalloc.start()
    try:
        entry = codec.encode(INDEXES, feeds)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < sum(map(len, feeds.values())) / 4 and codec.decode(INDEXES, entry) == feeds


def _entry(value) -> bytes:
    """An entry as the codec writes one, checksum and all, of any value."""
    data = msgspec.msgpack.encode(value)
    return hashlib.sha256(data).digest() + data


@pytest.mark.parametrize("kind, value", [
    (SOURCE, [[1, {"effective": "2015-02-15", "body": 7}], []]),  # a body that is a number
    (SOURCE, [None, [["a.md", 1, {"template": "{x:>99999999}", "values": {"x": "a"}},
                      "r", "error", None]]]),
    (SOURCE, [None, [["a.md", 1, {"template": "{x.__class__}", "values": {"x": "a"}},
                      "r", "error", None]]]),
    (SOURCE, [None, [["a.md", 1, {"template": "{missing}", "values": {}},
                      "r", "error", None]]]),
    (SOURCE, [None, [["a.md", 1, "m", "r", "fatal", None]]]),  # a severity of no one's
    (BODY, [9, "<p>x</p>"]),  # a class of no one's
    (COMPARISON, {"changes": "x", "unchanged": 0}),
    (PAGE, 42),
])
def test_an_entry_of_another_shape_is_a_miss(kind, value):
    with pytest.raises(codec.Damaged):
        codec.decode(kind, _entry(value))


@pytest.mark.parametrize("screens", [
    None,  # no screens: a rule would have nothing to go by
    {"may_be_refused": False, "holds_marks": False, "numbered_headings": [["목적", "제1조"]]},
    {"may_be_refused": "no", "holds_marks": False, "numbered_headings": {}},
])
def test_a_version_whose_screens_are_missing_or_of_another_shape_is_a_miss(varied, screens):
    """The screens are the rules' first look at a text: an entry without them, or with them
    in another shape, is recomputed like a damaged one, never read as "nothing found"."""
    [document] = load_site(varied.root).site.documents
    tag, (version,) = 1, msgspec.msgpack.decode(
        codec.encode(SOURCE, (document.versions[0], []))[32:])[0][1:]
    assert codec.decode(SOURCE, _entry([[tag, version], []]))[0].screens == \
        document.versions[0].screens
    if screens is None:
        del version["screens"]
    else:
        version["screens"] = screens
    with pytest.raises(codec.Damaged):
        codec.decode(SOURCE, _entry([[tag, version], []]))


def test_a_message_nested_past_the_stack_is_a_miss():
    depth = 200_000  # each level: {"template": "t", "values": {"v": <the next level>}}
    said = b"\x82\xa8template\xa1t\xa6values\x81\xa1v" * depth + b"\xc0"
    problem = b"\x96\xa4a.md\x01" + said + b"\xa1r\xa5error\xc0"
    data = b"\x92\xc0\x91" + problem  # (no version, [problem])
    with pytest.raises(codec.Damaged):
        codec.decode(SOURCE, hashlib.sha256(data).digest() + data)


def test_an_entry_decoded_as_another_kind_or_cut_short_is_a_miss():
    entry = codec.encode(PAGE, "a" * 64)
    with pytest.raises(codec.Damaged):
        codec.decode(BODY, entry)
    with pytest.raises(codec.Damaged):
        codec.decode(PAGE, entry[:-3])
    bomb = zlib.compress(b"\0" * (codec.MAX_INFLATED + 1), 9)  # 64 KB that inflate to 64 MB
    with pytest.raises(codec.Damaged):
        codec.decode(INDEXES, _entry({"feed.xml": bomb}))
    with pytest.raises(codec.Damaged):
        codec.decode(PDF, _entry(bomb))
    assert codec.decode(PDF, _entry(zlib.compress(b"%PDF", 1))) == b"%PDF"


def test_forged_sources_of_the_right_checksum_change_no_output(site):
    """A cache restored from elsewhere whose parsed versions are numbers where text should be:
    every entry is a miss, the build is the plain build, nothing crashes."""
    reference = plain(site, "plain")
    cached(site)
    with sqlite3.connect(cache_file(site)) as db:
        db.execute("UPDATE entry SET value = ? WHERE key LIKE 'source:%'",
                   (_entry([[1, {"effective": "2015-01-01", "body": 7}], []]),))
    shutil.rmtree(site.out)
    result = site.run("build", "--as-of", DAY, "--jobs", "1")
    assert result.code == 0, result.err
    assert site.tree() == reference
    assert "damaged cache entries" in result.out
