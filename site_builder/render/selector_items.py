"""The version selector's items, each rendered once for all of a document's version pages.

Every version page lists all of its document's versions: the same list on each of them but
for the item of the page's own version. Rendered item by item on every page, the lists cost
the square of a document's versions (7-10% of the CPU of a cold 1,000-version build).
``version_items`` renders an item the first time a page needs it as it is there (its link,
and whether it is the page's own version) and gives the same markup to the next pages.

It holds the items of the last list it was given only (a document's pages are rendered
together), and only while that list and the item macro are the very objects they were made
from: a view or a theme made anew never shows an item made from the old one. A site's theme
may call it too; in the sandbox, its calls go through the sandbox's checks.
"""

from __future__ import annotations

from functools import partial
from typing import Callable

from jinja2 import pass_context
from jinja2.runtime import Context


def version_items_global() -> Callable:
    """A template global for one environment: version_items(item, versions, url, selected),
    the markup of ``item(version, link, current)`` for each of ``versions``."""
    held: list = [None]  # (versions, item, their items): taken whole, as two threads may ask

    @pass_context
    def version_items(context: Context, item, versions, url, selected) -> list:
        environment = context.environment
        call = partial(environment.call, context) if environment.sandboxed else _called
        last = held[0]
        if last is None or last[0] is not versions or last[1] is not item:
            last = held[0] = (versions, item, {})
        items, listed = last[2], []
        for index, version in enumerate(versions):
            link = call(url, environment.getattr(version, "url"))
            current = environment.getattr(version, "effective") == selected
            key = (index, link, current)
            if key not in items:
                items[key] = call(item, version, link, current)
            listed.append(items[key])
        return listed

    return version_items


def _called(function, *arguments):
    return function(*arguments)
