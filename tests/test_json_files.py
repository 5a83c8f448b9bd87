"""The output's JSON files (render/json_files.py): json.dumps's bytes, without its peak."""

from __future__ import annotations

import json
import tracemalloc

from hypothesis import given, settings, strategies as st

from site_builder.render.json_files import json_file

# What the files hold: text of any character (controls, DEL, line separators, emoji), whole
# numbers of 64 bits at most, booleans and null.
_TEXT = st.text(alphabet="가나다abc\"\\\n\t\x00\x1f\x7f\u2028\u2029\ufeff\U0001F600 ")
_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-2**63, 2**64 - 1) | _TEXT,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(_TEXT, inner,
                                                                max_size=5),
    max_leaves=40)


@settings(max_examples=300, deadline=None)
@given(_VALUES, st.sampled_from([1, 2]), st.booleans())
def test_the_bytes_are_json_dumps_bytes(value, indent, sort_keys):
    expected = json.dumps(value, ensure_ascii=False, indent=indent, sort_keys=sort_keys) + "\n"
    assert json_file(value, indent, sort_keys) == expected.encode("utf-8")


def test_a_large_index_is_made_in_little_more_than_its_size():
    """versions.json of 5,000 versions took 22.6 MB to make 3.3 MB through json.dumps."""
    versions = [{"id": f"privacy/{n}", "title": "개인정보처리방침", "summary": "목적을 고칩니다",
                 "material": n % 7 == 0} for n in range(20_000)]
    tracemalloc.start()
    try:
        data = json_file({"documents": versions}, indent=2)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 2.5 * len(data)
