"""Nothing unfinished is published: a template's mark or a TODO left in a version (or its
translation) is an error once the version is public, and a warning while it is a draft, at the
mark's line, so an editor learns early and the public never reads "(작성하세요)"."""

from __future__ import annotations

from datetime import date

from site_builder.base.messages import say
from site_builder.base.problems import WARNING, Problem
from site_builder.model.publication import is_published
from site_builder.model.site import PolicyVersion, Site, Translation
from site_builder.text.unfinished import CHECKED_FIELDS, unfinished_marks


def check_unfinished(site: Site, today: date) -> list[Problem]:
    problems = []
    for document in site.documents:
        public = {v.effective: is_published(v, document.is_first(v), today)
                  for v in document.versions}
        # Whether a text holds a mark at all was screened with its parse (text/screens.py).
        for version in (*document.versions, *document.translations):
            if version.screens.holds_marks:
                problems += _marks_in(version, public.get(version.effective, False))
    return problems


def _marks_in(version: PolicyVersion | Translation, public: bool) -> list[Problem]:
    """Published: an error at every mark, so each lands on its line in a pull request. A
    draft: one warning at the first mark, naming the others' lines (a template has a dozen)."""
    located = [(version.body_first_line + offset, mark)
               for offset, mark in unfinished_marks(version.body)]
    for key in CHECKED_FIELDS:
        located += [(version.line_of(key), mark)
                    for _, mark in unfinished_marks(getattr(version, key) or "")]
    located.sort()
    if public:
        return [Problem(version.path, line, say(
            "'{mark}' marks text not yet written, and this version is published: write the "
            "text and delete the mark (a version that still holds it is never built)",
            mark=mark), rule="unfinished-text") for line, mark in located]
    if not located:
        return []
    line, mark = located[0]
    return [Problem(version.path, line, say(
        "'{mark}' marks text not yet written ({count} mark(s), on lines {lines}): write the "
        "text and delete the marks before this version is published; until then build "
        "refuses it", mark=mark, count=len(located),
        lines=", ".join(str(line) for line, _ in located)),
        rule="unfinished-text", severity=WARNING)]
