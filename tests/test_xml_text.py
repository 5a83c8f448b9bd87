"""XML escaping (render/xml_text.py): the bytes xml.sax.saxutils writes."""

from __future__ import annotations

from xml.sax.saxutils import escape as sax_escape, quoteattr as sax_quoteattr

from hypothesis import given, settings, strategies as st

from site_builder.render.xml_text import escape, quoteattr

_TEXT = st.text(alphabet="&<>\"'\n\r\t가a; #")


@settings(max_examples=500, deadline=None)
@given(_TEXT)
def test_text_and_attributes_are_escaped_as_saxutils_escapes_them(text):
    assert escape(text) == sax_escape(text)
    assert quoteattr(text) == sax_quoteattr(text)
