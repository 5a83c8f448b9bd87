"""Whatever an editor writes, the build succeeds with well-formed pages and feeds, or refuses
with a `path:line` message: never a traceback, never partial output."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import feedparser
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.pages import parse
from tests.sitekit import SiteKit

KEYS = ["effective", "announced", "summary", "material", "title", "efective", "notes"]
SCALARS = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["2016-02-15", "2016-02-30", "2016-3-1", "yes", "no", "~", "010", "true",
                     "[1, 2", "&a x", "*a", "'quoted'", '"a: b"', "- item", "2016-02-15T00:00"]),
    st.dates().map(str),
)
MARKDOWN_PIECES = st.sampled_from([
    "## 1. 목적\n", "## 제2조 (정의)\n", "가. 항목\n", "① 항목\n", "1) 하나\n", "- 점\n", "> 인용\n",
    "| a | b |\n|---|---|\n| 1 | 2 |\n", "<script>x</script>\n", "[x](javascript:y)\n",
    "```\ncode\n```\n", "**굵게** _기울임_\n", "\n", "]]> & < >\n", "&#0; &#x110000;\n",
])
BODIES = st.lists(st.one_of(MARKDOWN_PIECES, st.text(max_size=40)), max_size=12).map("".join)


def front(pairs: list[tuple[str, str]]) -> str:
    return "---\n" + "".join(f"{key}: {value}\n" for key, value in pairs) + "---\n"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pairs=st.lists(st.tuples(st.sampled_from(KEYS), SCALARS), max_size=6), body=BODIES)
def test_any_version_builds_cleanly_or_is_refused_with_a_location(tmp_path_factory, pairs, body):
    kit = SiteKit(tmp_path_factory.mktemp("prop") / "site")
    kit.version("2015-02-15")
    assert kit.build("2016-03-01").code == 0
    before = kit.tree()
    kit.write("policies/privacy/2016-03-01.md", front(pairs) + body)
    result = kit.build("2026-11-28")
    assert "Traceback" not in result.err and result.code in (0, 1), result.err
    if result.code == 1:
        located = [line for line in result.err.splitlines() if ": error: " in line]
        assert located and all(re.match(r"^policies/\S+?(:\d+)*: error: ", line)
                               for line in located), result.err
        assert kit.tree() == before
        return
    for path, data in kit.tree().items():
        if path.endswith(".html"):
            parse(data.decode("utf-8"))
        elif path.endswith(".xml"):
            ET.fromstring(data)
            if path.endswith("feed.xml"):
                assert feedparser.parse(data).bozo == 0


def _body_as_the_parse_cuts_it(data: bytes, first_line: int) -> str | None:
    """The body below line ``first_line - 1`` of the decoded text, if that line is a fence:
    what split_front_matter gives a file, line by line on its text (the oracle)."""
    text = data.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if first_line < 3 or first_line - 2 >= len(lines):
        return None
    if not re.fullmatch(r"---[ \t]*", lines[first_line - 2]):
        return None
    return "\n".join(lines[first_line - 1:])


@given(lines=st.lists(st.sampled_from(["---", "--- ", "---\t", " ---", "----", "a: 1", "",
                                       "가나다", "\ufeff", "-- -"]), max_size=12),
       endings=st.lists(st.sampled_from(["\n", "\r\n", "\r", "\r\r\n", "\n\r"]), min_size=1,
                        max_size=12),
       bom=st.booleans(), last_ending=st.booleans(), first_line=st.integers(0, 15))
@settings(max_examples=3000, deadline=None)
def test_the_body_cut_from_the_bytes_is_the_body_cut_from_the_text(lines, endings, bom,
                                                                     last_ending, first_line):
    """A cached parse's body is cut from the file's bytes without decoding the rest first:
    for every mix of line endings, BOM and fences, the text the parse's own way would cut."""
    from site_builder.sources.sourcefile import body_start, body_text

    text = "".join(line + endings[index % len(endings)] for index, line in enumerate(lines))
    if lines and not last_ending:
        text = text[:len(text) - len(endings[(len(lines) - 1) % len(endings)])]
    data = ("\ufeff" if bom else "").encode() + text.encode("utf-8")
    start = body_start(data, first_line)
    cut = None if start is None else body_text(data, start, "policies/p/2020-01-01.md")
    assert cut == _body_as_the_parse_cuts_it(data, first_line)
