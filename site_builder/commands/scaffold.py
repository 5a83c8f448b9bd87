"""The files ``init`` writes from the templates in site_builder/scaffold/, and the first version
it writes, so that ``import`` can tell init's untouched template from an editor's draft."""

from __future__ import annotations

from datetime import date
from importlib import resources
from pathlib import Path

from site_builder.base.dates import long_date

SCAFFOLD = Path(str(resources.files("site_builder"))) / "scaffold"


def scaffold(name: str, values: dict) -> str:
    text = (SCAFFOLD / name).read_text(encoding="utf-8")
    for key, value in values.items():
        text = text.replace("{" + key + "}", value)
    return text


def template_values(title: str, effective: date, language: str) -> dict:
    return {"title": title, "effective_text": long_date(effective, language)}


def first_version(title: str, effective: date, language: str) -> str:
    """init's first version of the privacy policy: a marked template (``title``: the site's)."""
    return (f"---\neffective: {effective}\n---\n\n"
            + scaffold(f"privacy-{language}.md", template_values(title, effective, language)))
