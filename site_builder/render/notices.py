"""The notice kit of each announced change (``<doc>/<effective>/notice/``): what every channel
needs to tell users, made once and the same on every build. ``notice.json`` for tools (a
mailing system, a product backend, a webhook receiver), ``notice.txt`` and ``notice.html`` (an
e-mail body: inline styles, no scripts, no images) ready to send, in the page's language.

The wording comes from the theme's strings, so a team can change it; for a material change the
bodies add the line a Korean or EU notice needs (what changes, from when, how to object or
leave). Nothing in a kit depends on the build day, only on the version, the one before it and
the site's settings: a kit reads the same whenever it is sent.
"""

from __future__ import annotations

import re
from html import unescape

from site_builder.model.publication import WITHDRAWN, PublishedVersion, Timeline
from site_builder.render import urls
from site_builder.render.json_files import json_file

NOTICE_FILES = ("notice.json", "notice.txt", "notice.html")


def notice_path(slug: str, effective, name: str) -> str:
    return f"{urls.version_path(slug, effective)}notice/{name}"


def has_notice(entry: PublishedVersion) -> bool:
    """A change announced to the public: not a document's first version."""
    return entry.previous is not None and entry.version.announced is not None


def notice_data(timeline: Timeline, entry: PublishedVersion, comparison, view: dict,
                absolute, strings: dict, language: str, pdf: str | None,
                original_only: str = "") -> dict:
    """notice.json's content; the bodies are made from it. ``original_only``: in a
    translation, the words saying this change is in the original's language only."""
    slug, version = timeline.document.slug, entry.version
    title_key = "feed_item_title_material" if version.material else "feed_item_title"
    withdrawn = entry.status == WITHDRAWN
    return {
        "document": {"slug": slug, "title": view["title"]},
        "id": f"{slug}/{version.effective.isoformat()}",
        "subject": strings[title_key].format(title=view["title"], date=view["effective_text"]),
        "language": language,
        "effective": version.effective.isoformat(),
        "effective_text": view["effective_text"],
        "announced": version.announced.isoformat(),
        "announced_text": view["announced_text"],
        "summary": version.summary,
        "material": version.material,
        "withdrawn": version.withdrawn.isoformat() if withdrawn else None,
        "withdrawn_reason": version.withdrawn_reason if withdrawn else None,
        "reasons": [{"article": label, "reason": text} for label, text, _ in version.reasons],
        "changed_articles": [{"key": row.key, "kind": row.kind, "heading": _plain(row.heading)}
                             for row in comparison.changes],
        "links": {"version": absolute(view["url"]), "changes": absolute(view["changes_url"]),
                  "pdf": absolute(pdf) if pdf else None, "ledger": absolute(urls.LEDGER)},
        "sha256": version.sha256,
        "original_only": original_only or None,
        "summary_language": view.get("summary_lang") or language,
    }


def _plain(html: str) -> str:
    """An article heading as the new version writes it (the 신구대비표's marks left out)."""
    return unescape(re.sub(r"<[^>]+>", "", re.sub(r"<del>.*?</del>", "", html)))


def notice_json(data: dict) -> bytes:
    return json_file(data, indent=2, sort_keys=True)


def notice_text(data: dict, strings: dict) -> bytes:
    """The plain-text body (also the HTML body's alternative part)."""
    lines = [data["subject"], ""]
    if data["original_only"]:
        lines += [data["original_only"], ""]
    if data["withdrawn"]:
        lines += [strings["notice_withdrawn"].format(date=data["effective_text"]),
                  f"{strings['withdrawn_reason']}: {data['withdrawn_reason']}", ""]
    lines += [f"{strings['effective_date']}: {data['effective_text']}",
              f"{strings['announced_date']}: {data['announced_text']}", ""]
    if data["summary"]:
        lines += [f"{strings['summary']}: {data['summary']}", ""]
    if data["changed_articles"]:
        lines += [strings["notice_changed_articles"]]
        lines += [f"- {row['heading']}" for row in data["changed_articles"]] + [""]
    if data["reasons"]:
        lines += [strings["reason"]]
        lines += [f"- {row['article']}: {row['reason']}" for row in data["reasons"]] + [""]
    if data["material"] and not data["withdrawn"]:
        lines += [strings["notice_material"].format(date=data["effective_text"]), ""]
    lines += [f"{strings['changes']}: {data['links']['changes']}",
              f"{strings['notice_full_text']}: {data['links']['version']}"]
    if data["links"]["pdf"]:
        lines.append(f"PDF: {data['links']['pdf']}")
    return ("\n".join(lines) + "\n").encode("utf-8")
