"""``policy-site new DOC``: start the next version of a document, already inside the rule."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from site_builder.base.dates import LAST_DAY
from site_builder.base.files import write_new_file
from site_builder.base.messages import Message, in_language, say
from site_builder.base.problems import UsageError
from site_builder.sources.loader import SLUG, load_site
from site_builder.text.stated_dates import restate


@dataclass(frozen=True)
class NewVersion:
    path: Path
    effective: date
    announced: date | None
    window: int


def new(root: Path, today: date, slug: str, effective: date | None, material: bool,
        announce: date | None, title: str | None, translate: str | None) -> list[Message]:
    """Write the file the flags ask for; what to tell the editor."""
    if translate is not None:
        if title is not None or announce is not None or material:
            raise UsageError(say("--translate takes no --title, --announce or --material: a "
                                 "translation's dates and settings are its original's"))
        created = create_translation(root, slug, translate, effective)
        return [say("wrote {path}: the original's text, to translate; translates: names the "
                    "original it renders.\nNext: translate the text (and the summary), then run "
                    "policy-site check.", path=created.path.relative_to(root))]
    created = create_version(root, slug, effective, material, announce, today, title)
    where = created.path.relative_to(root) if created.path.is_relative_to(root) else created.path
    if title is not None:
        return [say("wrote {path}: the first version of '{title}', effective {effective}.\n"
                    "Next: write the text, then run policy-site check.", path=where, title=title,
                    effective=created.effective)]
    if created.announced:
        notice = say("announced {day}, {window}-day notice", day=created.announced,
                     window=created.window)
    else:
        notice = say("draft: announce it by {day}",
                     day=created.effective - timedelta(days=created.window))
    return [say("wrote {path}: effective {effective} ({notice}).\n"
                "Next: write the summary, edit the text, then run policy-site check.", path=where,
                effective=created.effective, notice=notice)]


def create_version(root: Path, slug: str, effective: date | None, material: bool,
                   announce: date | None, today: date, title: str | None = None) -> NewVersion:
    """The next version of a document, a draft unless ``announce`` gives its notice day; with
    ``title``, a new document and its first version."""
    if not SLUG.match(slug):
        raise UsageError(say("'{slug}' is not a document slug (lower-case letters, digits, "
                             "hyphens)", slug=slug))
    site = load_site(root).site
    document = next((d for d in site.documents if d.slug == slug), None)
    if title is not None:
        if document is not None or (root / "policies" / slug).exists():
            raise UsageError(say("document '{slug}' already exists; leave out --title to add a "
                                 "version to it", slug=slug))
        # A template takes effect a notice window away, so it is a draft until then.
        first_day = effective or today + timedelta(days=site.notice.days)
        return create_document(root, slug, title, first_day, site.language)
    if document is None:
        raise UsageError(say("no document '{slug}': create it with policy-site new {slug} "
                             "--title 'its title'", slug=slug))
    window = document.notice.window_for(material)
    earliest = max(today, announce or today) + timedelta(days=window)
    latest = document.versions[-1] if document.versions else None
    if effective is None:
        effective = max(earliest, latest.effective + timedelta(days=1)) if latest else earliest
    if effective > LAST_DAY:
        raise UsageError(say("the new version could take effect on {effective} at the earliest, "
                             "after the last day policy-site handles ({last}); check --as-of and "
                             "the dates of the latest version", effective=effective,
                             last=LAST_DAY))
    path = root / "policies" / slug / f"{effective}.md"
    if path.exists():
        raise UsageError(say("{path} already exists; edit it or choose another date",
                             path=path.relative_to(root)))
    if effective < earliest:
        raise UsageError(say(
            "effective {effective} is inside the {window}-day notice window for a material "
            "change announced {today}; the earliest allowed is {earliest}" if material else
            "effective {effective} is inside the {window}-day notice window for a change "
            "announced {today}; the earliest allowed is {earliest}", effective=effective,
            window=window, today=max(today, announce or today), earliest=earliest))
    if latest and effective <= latest.effective:
        raise UsageError(say("effective {effective} is not after the latest version ({latest}); "
                             "choose a later date", effective=effective, latest=latest.effective))
    body = restate(latest.body, latest.effective, effective) if latest else "\n"
    write_new_file(path, _front_matter(effective, announce, material) + body)
    return NewVersion(path, effective, announce, window)


# A new document's first version, in the site's language: an English site's editors never
# get Korean headings to translate back.
FIRST_VERSION_BODIES = {
    "ko": "> [작성 필요] 이 문서는 policy-site new로 만든 첫 버전입니다. 이 안내를 지우고 본문을 작성하세요.\n\n"
          "## 제1조 (목적)\n\n(작성하세요)\n",
    "en": "> [To be written] policy-site new made this first version. Delete this note and write "
          "the text.\n\n## Article 1 (Purpose)\n\n(To be written)\n",
}


def create_document(root: Path, slug: str, title: str, effective: date,
                    language: str) -> NewVersion:
    """document.yaml and a first version, written in a hidden folder and renamed into place,
    so that a failure never leaves half a document."""
    folder = root / "policies" / slug
    try:
        staging = Path(tempfile.mkdtemp(dir=folder.parent, prefix=f".new-{slug}-"))
    except OSError as error:
        raise UsageError(say("cannot write {path}: {reason}; nothing was written",
                             path=error.filename or folder.parent, reason=error.strerror)) from None
    try:
        write_new_file(staging / "document.yaml", f"title: {json.dumps(title, ensure_ascii=False)}\n")
        write_new_file(staging / f"{effective}.md",
                       f"---\neffective: {effective}\n---\n\n{FIRST_VERSION_BODIES[language]}")
        os.rename(staging, folder)
    except OSError as error:
        raise UsageError(say("cannot create {path}: {reason}; nothing was written", path=folder,
                             reason=error.strerror)) from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return NewVersion(folder / f"{effective}.md", effective, None, 0)


def create_translation(root: Path, slug: str, language: str, effective: date | None) -> NewVersion:
    """``<effective>.<language>.md``: the original's text to translate, with ``translates`` set
    to the original's hash, so ``check`` notices when the original changes afterwards."""
    site = load_site(root).site
    if language not in site.translation_languages:
        raise UsageError(say("'{language}' is not one of the site's translation languages "
                             "({listed}); add it to 'languages:' in policies/site.yaml first",
                             language=language,
                             listed=", ".join(site.translation_languages) or say("none")))
    document = next((d for d in site.documents if d.slug == slug), None)
    if document is None or not document.versions:
        raise UsageError(say("no document '{slug}' with a version to translate", slug=slug))
    original = next((v for v in document.versions if v.effective == effective), None) \
        if effective else document.versions[-1]
    if original is None:
        raise UsageError(say("no version {effective} of '{slug}' to translate; the versions are: "
                             "{listed}", effective=effective, slug=slug,
                             listed=", ".join(str(v.effective) for v in document.versions)))
    path = root / "policies" / slug / f"{original.effective}.{language}.md"
    lines = ["---", f"translates: {original.sha256}"]
    if original.summary:
        summary = " ".join(original.summary.split())  # a comment is one line
        lines += [f"# {in_language(say('the summary to translate'), site.language)}: {summary}",
                  'summary: ""']
    write_new_file(path, "\n".join(lines + ["---", ""]) + original.body)
    return NewVersion(path, original.effective, original.announced, 0)


def _front_matter(effective: date, announced: date | None, material: bool) -> str:
    lines = ["---", f"effective: {effective}"]
    if announced:
        lines.append(f"announced: {announced}")
    lines.append('summary: ""')
    if material:
        lines.append("material: true")
    return "\n".join(lines + ["---"]) + "\n"
