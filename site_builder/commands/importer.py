"""``policy-site import FILE... --document DOC``: the policy a team already has (plain text, a
saved web page, a Word file; one file a version) as version files, in date order.

Each file's effective day is ``--effective`` or the day its text states ("시행일자 :
2015-02-15", "2015년 2월 15일부터 시행"); a text that states two days is refused rather than
guessed. Nothing is written unless every file can be: no half-imported history. The Markdown is
checked against the source before it is written: it must show every word, in order.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from site_builder.base.files import write_new_file
from site_builder.base.messages import Message, say
from site_builder.base.problems import UsageError
from site_builder.base.untrusted import unreadable
from site_builder.commands.scaffold import first_version
from site_builder.sources.imported_files import ImportRefused, read_lines
from site_builder.sources.loader import SLUG, load_site
from site_builder.text.imported_text import (Line, bullet_text, effective_days, split_header,
                                             title_of, to_markdown)
from site_builder.text.markup import render_body
from site_builder.text.visible import first_difference, visible_words


@dataclass(frozen=True)
class Imported:
    source: Path
    effective: date
    markdown: str
    header: list[str]
    title: str | None
    articles: int


def import_files(root: Path, today: date, files: list[Path], slug: str,
                 effective: date | None, announced: date | None,
                 title: str | None) -> list[Message]:
    """Write the version files; what to tell the editor, file by file, then what to do next."""
    if not SLUG.match(slug):
        raise UsageError(say("'{slug}' is not a document slug (lower-case letters, digits, "
                             "hyphens)", slug=slug))
    if len(files) > 1 and (effective or announced):
        raise UsageError(say("--effective and --announced name one version's days: import the "
                             "files one at a time to give them"))
    imported = sorted((_imported(path, effective) for path in files), key=lambda i: i.effective)
    _refuse_same_day(imported)
    site = load_site(root).site
    document = next((d for d in site.documents if d.slug == slug), None)
    folder = root / "policies" / slug
    earlier = [v.effective for v in document.versions] if document else []
    replaced = _untouched_template(folder, site, document)
    name = title or (document.title if document else None) or imported[0].title
    if name is None:
        raise UsageError(say("the files do not name the document; give its title with --title "
                             "(e.g. --title 개인정보처리방침)"))
    files_to_write = {}
    if document is None:
        files_to_write[folder / "document.yaml"] = f"title: {json.dumps(name, ensure_ascii=False)}\n"
    kept = [day for day in earlier if folder / f"{day}.md" not in replaced]
    for position, version in enumerate(imported):
        is_first = not [day for day in kept if day < version.effective] and position == 0
        files_to_write[folder / f"{version.effective}.md"] = _version_file(
            version, is_first, announced)
    _refuse_existing(root, files_to_write, replaced)
    _write_all(files_to_write, replaced)
    adopted = _adopt(root, today) if site.adopted is None else None
    return _report(root, slug, imported, replaced, adopted, announced)


def _imported(path: Path, effective: date | None) -> Imported:
    try:
        lines = read_lines(path)
    except ImportRefused as refused:
        raise UsageError(say("{path} {reason}; nothing was imported", path=path,
                             reason=refused.args[0])) from None
    except OSError as error:
        raise UsageError(say("{path}: {reason}; nothing was imported", path=path,
                             reason=unreadable(error))) from None
    header, body = split_header(lines)
    title = title_of(header)
    body = _without_leading_title(body, title)
    day = effective or _stated_day(path, lines)
    converted = to_markdown(body)
    _check_every_word_shown(path, body, converted.markdown)
    return Imported(path, day, converted.markdown, header, title, len(converted.headings))


def _stated_day(path: Path, lines: list[Line]) -> date:
    days = effective_days(lines)
    if not days:
        raise UsageError(say("{path} does not say when it takes effect (as in '시행일자 : "
                             "2015-02-15' or '2015년 2월 15일부터 시행'); give the day with "
                             "--effective YYYY-MM-DD; nothing was imported", path=path))
    if len(days) > 1:
        raise UsageError(say("{path} states more than one effective day ({days}); give the "
                             "right one with --effective YYYY-MM-DD (one file at a time); nothing was "
                             "imported", path=path,
                             days=", ".join(str(day) for day in days)))
    return days[0]


def _without_leading_title(body: list[Line], title: str | None) -> list[Line]:
    """A page that opens with its own title as a heading: the version page shows the title."""
    first = next((i for i, line in enumerate(body) if line.text.strip()), None)
    if first is not None and title and body[first].text.strip() == title:
        return body[first + 1:]
    return body


def _check_every_word_shown(path: Path, body: list[Line], markdown: str) -> None:
    """The Markdown, rendered, reads word for word as the source: an escaping mistake of ours
    must not change a policy's text."""
    expected = []
    for line in body:
        text = line.shows if line.markdown else line.text.strip()
        bullet = None if line.markdown else bullet_text(text)
        expected += (text if bullet is None else bullet).split()
    shown = visible_words(render_body(markdown).html) or []
    if shown != expected:
        was, now = first_difference(expected, shown)
        raise AssertionError(f"import of {path} would change the text: {was!r} -> {now!r}")


def _refuse_same_day(imported: list[Imported]) -> None:
    for before, after in zip(imported, imported[1:]):
        if before.effective == after.effective:
            raise UsageError(say("{first} and {second} both take effect on {day}; import one of "
                                 "them, or give the other's day with --effective",
                                 first=before.source, second=after.source, day=after.effective))


def _untouched_template(folder: Path, site, document) -> set[Path]:
    """init's first version, byte for byte as init wrote it and never published: the imported
    history replaces it (anything an editor changed is kept)."""
    if document is None or len(document.versions) != 1:
        return set()
    version = document.versions[0]
    path = folder / f"{version.effective}.md"
    written = first_version(site.title, version.effective, site.language)
    try:
        return {path} if path.read_text(encoding="utf-8") == written else set()
    except OSError:
        return set()


def _version_file(version: Imported, is_first: bool, announced: date | None) -> str:
    lines = ["---", f"effective: {version.effective}"]
    if not is_first:
        if announced:
            lines.append(f"announced: {announced}")
        else:
            lines.append("# announced: YYYY-MM-DD  # the day this change was announced; "
                         "without it the version is a draft")
        lines.append('summary: "[작성 필요] 무엇이 바뀌는지 적으세요"')
    return "\n".join(lines + ["---", "", version.markdown])


def _refuse_existing(root: Path, files: dict[Path, str], replaced: set[Path]) -> None:
    for path in files:
        if os.path.lexists(path) and path not in replaced:
            raise UsageError(say("{path} already exists; nothing was imported (a version file "
                                 "is never overwritten)", path=path.relative_to(root)))


def _write_all(files: dict[Path, str], replaced: set[Path]) -> None:
    written: list[Path] = []
    try:
        for path in replaced:
            path.unlink()
        for path, text in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            write_new_file(path, text)
            written.append(path)
    except OSError as error:
        for path in written:
            path.unlink(missing_ok=True)
        raise UsageError(say("cannot write {path}: {reason}; nothing was imported",
                             path=error.filename or "policies", reason=unreadable(error))) from None


def _adopt(root: Path, today: date) -> date:
    """``adopted`` in site.yaml: the notices of an imported history predate the repository, so
    check --git must not call them back-dated; it exempts what the commit setting it holds."""
    settings = root / "policies" / "site.yaml"
    text = settings.read_text(encoding="utf-8")
    addition = ("" if text.endswith("\n") else "\n") + (
        f"adopted: {today}  # imported history: commit it together with this line\n")
    with open(settings, "a", encoding="utf-8") as handle:
        handle.write(addition)
    return today


def _report(root: Path, slug: str, imported: list[Imported], replaced: set[Path],
            adopted: date | None, announced: date | None) -> list[Message]:
    lines = [say("removed {path}: init's template, never edited, is replaced by the imported "
                 "history", path=path.relative_to(root)) for path in sorted(replaced)]
    for version in imported:
        lines.append(say("wrote {path} from {source}: effective {effective}, {count} article(s)",
                         path=f"policies/{slug}/{version.effective}.md", source=version.source.name,
                         effective=version.effective, count=version.articles))
        if version.header:
            lines.append(say("  left out the page's header: {lines}",
                             lines=" / ".join(version.header)))
    if adopted:
        lines.append(say("added adopted: {day} to policies/site.yaml, so that check --git does "
                         "not call the imported notices back-dated; commit it together with the "
                         "imported versions", day=adopted))
    if len(imported) > 1 or (imported and announced):
        lines.append(say("Next, before you commit: in each later version set announced (the "
                         "day its notice went out) and write summary in place of its [작성 필요]."))
    return lines + [say("Next: policy-site serve, compare each version with the original, then "
                        "policy-site check.")]

