"""Rendered bodies, the result every stage after the loader asks for: the rules (nesting,
reasons), the pages and the comparisons."""

from __future__ import annotations

from functools import partial

from site_builder.base.digest import digest
from site_builder.cache.memo import BODY, Memo
from site_builder.text.markup import RenderedBody, render_or_refuse


def rendered_bodies(memo: Memo, texts: list[str]) -> list[RenderedBody | Exception]:
    """Markdown bodies rendered (or refused: markup.Refused), on every core, remembered by
    their text."""
    return memo.get_many(BODY, [(digest(text), partial(render_or_refuse, text)) for text in texts])
