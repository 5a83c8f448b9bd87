"""Where each page lives in the output, and links between pages that work from any base path.

Pages are folders with index.html. Links between pages are relative and name index.html
explicitly, so the output also works opened from disk (file://), where a folder link would
show a directory listing instead of the page.
"""

from __future__ import annotations

from datetime import date

SITE_FEED = "feed.xml"
ATOM_FEED = "atom.xml"
JSON_FEED = "feed.json"
VERSIONS_JSON = "versions.json"
SITEMAP = "sitemap.xml"
LEDGER = "ledger.json"


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


def compare_data_path(slug: str, effective: date) -> str:
    """A script holding the texts of some versions, named by the first of them (editions.py's
    compare_chunks): the compare page loads only the files of the two it compares."""
    return f"{slug}/compare/{effective.isoformat()}.js"


def source_path(slug: str, effective: date) -> str:
    """The version's source file as published, for checking against the ledger's hash."""
    return f"{slug}/{effective.isoformat()}/source.md"


def version_pdf_path(slug: str, effective: date) -> str:
    """A version as a document a legal team files: beside its page, named for itself."""
    return f"{version_path(slug, effective)}{slug}-{effective.isoformat()}.pdf"


def changes_pdf_path(slug: str, effective: date, language: str) -> str:
    name = "신구대비표" if language == "ko" else "comparison"
    return f"{changes_path(slug, effective)}{slug}-{effective.isoformat()}-{name}.pdf"


def feed_path(slug: str) -> str:
    return f"{slug}/feed.xml"


def atom_path(rss: str) -> str:
    """The Atom twin of an RSS feed: feed.xml -> atom.xml, in the same folder."""
    return rss.replace(SITE_FEED, ATOM_FEED)


def json_feed_path(rss: str) -> str:
    """The JSON Feed twin of an RSS feed: feed.xml -> feed.json, in the same folder."""
    return rss.replace(SITE_FEED, JSON_FEED)


def page_file(page: str) -> str:
    """The file a page folder is written to: 'privacy/' -> 'privacy/index.html'."""
    return f"{page}index.html"


def relative_url(from_page: str, target: str) -> str:
    """A link from the page folder ``from_page`` to ``target`` (a page folder or a file).

    Both are relative to the output root and never contain '.' or '..', so plain string work
    is enough (and a build makes some hundred thousand of these links).
    """
    target, hash_mark, fragment = target.partition("#")
    here = from_page.split("/")[:-1]
    folders, _, name = target.rpartition("/")
    there = folders.split("/") if folders else []
    common = 0
    while common < min(len(here), len(there)) and here[common] == there[common]:
        common += 1
    parts = [".."] * (len(here) - common) + there[common:] + [name or "index.html"]
    return "/".join(parts) + hash_mark + fragment


def absolute_url(base_url: str, target: str) -> str:
    return base_url + target
