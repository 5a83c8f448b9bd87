"""Where each page lives in the output, and links between pages that work from any base path.

Pages are folders with index.html. Links between pages are relative and name index.html
explicitly, so the output also works opened from disk (file://), where a folder link would
show a directory listing instead of the page.
"""

from __future__ import annotations

import posixpath
from datetime import date

SITE_FEED = "feed.xml"
VERSIONS_JSON = "versions.json"
SITEMAP = "sitemap.xml"


def document_path(slug: str) -> str:
    return f"{slug}/"


def version_path(slug: str, effective: date) -> str:
    return f"{slug}/{effective.isoformat()}/"


def changes_path(slug: str, effective: date) -> str:
    return f"{slug}/{effective.isoformat()}/changes/"


def archive_path(slug: str) -> str:
    return f"{slug}/versions/"


def compare_path(slug: str) -> str:
    return f"{slug}/compare/"


def compare_data_path(slug: str) -> str:
    return f"{slug}/compare/versions.js"


def feed_path(slug: str) -> str:
    return f"{slug}/feed.xml"


def page_file(page: str) -> str:
    """The file a page folder is written to: 'privacy/' -> 'privacy/index.html'."""
    return f"{page}index.html"


def relative_url(from_page: str, target: str) -> str:
    """A link from the page folder ``from_page`` to ``target`` (a page folder or a file)."""
    target, hash_mark, fragment = target.partition("#")
    is_page = target == "" or target.endswith("/")
    path = posixpath.relpath(target or ".", from_page or ".")
    if is_page:
        path = ("" if path == "." else path + "/") + "index.html"
    return path + hash_mark + fragment


def absolute_url(base_url: str, target: str) -> str:
    return base_url + target
