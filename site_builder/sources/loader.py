"""Read ``policies/`` into the model, collecting every problem with its file and line."""

from __future__ import annotations

import difflib
import hashlib
import os
import re
from functools import lru_cache, partial
from typing import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from site_builder.base.digest import digest
from site_builder.cache.memo import NO_MEMO, Memo
from site_builder.base.messages import say
from site_builder.base.dates import FIRST_DAY, LAST_DAY, MAX_NOTICE_DAYS
from site_builder.model.site import WITHDRAWAL_KEYS, Document, Names, NoticePolicy, PolicyVersion, Site
from site_builder.base.paths import is_inside, real_path
from site_builder.base.problems import WARNING, PolicyError, Problem, UsageError, has_errors
from site_builder.text.stated_dates import misstated
from site_builder.sources.translation_files import (language_problem, parse_names, parse_translation,
                                           translation_problems)
from site_builder.sources.sourcefile import read_bytes, read_source, read_version_source, without_keys
from site_builder.sources.yamlfields import Fields, compose_mapping

SLUG = re.compile(r"\A[a-z0-9]+(?:-[a-z0-9]+)*\Z")
THEME_NAME = re.compile(r"\A[A-Za-z0-9][A-Za-z0-9_-]*\Z")
VERSION_NAME = re.compile(r"\A(\d{4}-\d{2}-\d{2})(?:\.([^.]+))?\.md\Z")
NAMES_FILE = re.compile(r"\A(site|document)\.([^.]+)\.yaml\Z")
SITE_KEYS = ["title", "base_url", "language", "timezone", "theme", "notice", "adopted",
             "languages", "translation_fallback"]
TRANSLATION_FALLBACKS = ("previous", "none")
DOCUMENT_KEYS = ["title", "description", "notice", "order", "noun"]
VERSION_KEYS = ["effective", "announced", "summary", "material", "title", "withdrawn",
                "withdrawn_reason", "reasons"]
NOTICE_KEYS = ["days", "material_days"]
LANGUAGES = ("ko", "en")  # of the originals and of messages; translations may be in others
LANGUAGE_TAG = re.compile(r"\A[a-z]{2,3}(?:-[a-z0-9]{2,8})*\Z")  # ja, zh-hant: folder names
RESERVED_SLUGS = ("assets",)
# Files in the time zone database that name no place: the machine's own zone, and fillers.
NOT_TIMEZONES = ("localtime", "posixrules", "Factory")  # the theme's static files live in output/assets/


@dataclass(frozen=True)
class LoadResult:
    """The site as far as it could be read (defaults where a file was unusable) and problems.

    The site is returned even with errors, so the notice rule still runs on every version
    that could be read and one run reports every problem.
    """

    site: Site
    problems: list[Problem]


def policies_dir(root: Path) -> Path:
    folder = root / "policies"
    if not root.is_dir():
        raise UsageError(say("{root}: no such folder; pass the site's folder with --root",
                             root=root))
    if not folder.is_dir():
        raise UsageError(say("{root}: no policies/ folder here; run in the site's folder or "
                             "pass --root (see README: Sources)", root=root.absolute()))
    return folder


def load_site(root: Path, memo: Memo = NO_MEMO, saved: frozenset[Path] | None = None) -> LoadResult:
    """Read settings, documents and versions, each version file remembered by its bytes.

    With ``saved`` (serve, which is told of every save) a file is remembered by its inode,
    size and modification time instead, so an unchanged file is not even read, and once read
    it is not even stat-ed until the watcher reports it; the files in ``saved`` (absolute
    paths, or folders above them) are read all the same.
    """
    reader = _Reader(root, policies_dir(root), memo, saved)
    site = reader.read_site()
    return LoadResult(site, reader.problems)


class _Reader:
    def __init__(self, root: Path, folder: Path, memo: Memo, saved: frozenset[Path] | None):
        self.root = root
        self.root_prefix = "" if root == Path(".") else root.as_posix().rstrip("/") + "/"
        self.memo = memo
        self.trust_stat = saved is not None
        top = root.absolute()
        self.saved = {p.relative_to(top).as_posix() for p in saved or () if p.is_relative_to(top)}
        self.folder = folder
        self.real_folder = real_path(folder)
        self.problems: list[Problem] = []

    def rel(self, path: Path) -> str:
        """The path as messages show it; every path here starts with the site root."""
        return path.as_posix()[len(self.root_prefix):]

    def error(self, path: Path, line: int | None, message: str, rule: str = "source") -> None:
        self.problems.append(Problem(self.rel(path), line, message, rule=rule))

    def warn(self, path: Path, message: str) -> None:
        self.problems.append(Problem(self.rel(path), None, message, rule="ignored-file",
                                     severity=WARNING))

    def escapes(self, path: Path) -> bool:
        """A symlink that leads outside policies/ would publish a file nobody reviewed here.

        Folders are checked before their files, so only a link itself needs resolving.
        """
        if not path.is_symlink():
            return False
        real = real_path(path)
        if real is None:
            self.error(path, None, say("is a loop of symbolic links; replace the link with the "
                                       "file itself"), rule="outside-root")
            return True
        if is_inside(real, self.real_folder):
            return False
        self.error(path, None, say("links to {target}, outside policies/; replace the link with "
                                   "the file itself", target=real), rule="outside-root")
        return True

    def fields_of(self, path: Path) -> Fields | None:
        if not path.exists() and not path.is_symlink():
            self.error(path, None, say("missing {name}; create it with at least 'title: ...'",
                                       name=path.name))
            return None
        if self.escapes(path):
            return None
        source = read_source(path, self.rel(path))
        if isinstance(source, Problem):
            self.problems.append(source)
            return None
        self.problems.extend(source.problems)
        fields = compose_mapping(source.text, self.rel(path), 1)
        if isinstance(fields, Problem):
            self.problems.append(fields)
            return None
        return fields

    def read_site(self) -> Site:
        path = self.folder / "site.yaml"
        read = self.fields_of(path)
        # An unusable site.yaml is already reported; defaults let the documents be checked too.
        fields = read or Fields({}, self.rel(path), 1, 1)
        fields.refuse_unknown(SITE_KEYS)
        notice = self.notice(fields, NoticePolicy())
        language = self.language(fields)
        theme = self.theme(fields)
        languages = self.languages(fields, language, theme)
        documents = self.read_documents(notice, languages)
        site = Site(
            title=fields.text("title", required=True) or "",
            base_url=self.base_url(fields),
            language=language,
            timezone=self.timezone(fields),
            theme=theme,
            notice=notice,
            documents=tuple(documents),
            adopted=fields.date("adopted"),
            adopted_line=fields.line("adopted"),
            languages=languages,
            names=self.read_names(self.folder, "site", languages),
            translation_fallback=self.choice(fields, "translation_fallback",
                                             TRANSLATION_FALLBACKS),
        )
        if read:
            self.problems.extend(fields.problems)
        return site

    def base_url(self, fields: Fields) -> str:
        url = fields.text("base_url", required=True)
        wrong = base_url_problem(url) if url else None
        if wrong:
            fields.problems.append(Problem(fields.rel, fields.line("base_url"), say(
                "base_url '{url}' {reason}; write the site's address like "
                "https://example.com/policies/", url=url, reason=wrong)))
        return (url or "").rstrip("/") + "/"

    def theme(self, fields: Fields) -> str:
        """A folder under themes/ by its plain name: never a path, which could publish or run
        files from anywhere."""
        name = fields.text("theme") or "default"
        themes = self.root / "themes"
        if not THEME_NAME.match(name):
            fields.problems.append(Problem(fields.rel, fields.line("theme"), say(
                "theme '{name}' must be the name of a folder under themes/ (letters, digits, - "
                "and _), not a path", name=name)))
            return "default"
        if name != "default" and not (themes / name).is_dir():
            known = sorted(p.name for p in themes.iterdir() if p.is_dir()) if themes.is_dir() else []
            close = difflib.get_close_matches(name, known, n=1)
            hint = (say("did you mean '{key}'?", key=close[0]) if close else
                    say("create themes/{name}/", name=name))
            fields.problems.append(Problem(fields.rel, fields.line("theme"), say(
                "theme '{name}' not found (no folder themes/{name}/); {hint} or remove 'theme' to "
                "use the default", name=name, hint=hint)))
            return "default"
        return name

    def language(self, fields: Fields) -> str:
        language = fields.text("language") or "ko"
        if language not in LANGUAGES:
            fields.problems.append(Problem(fields.rel, fields.line("language"), say(
                "language '{language}' is not supported; use ko or en", language=language)))
            return "ko"
        return language

    def languages(self, fields: Fields, original: str, theme: str) -> tuple[str, ...]:
        """The original's language, then the translations' (``languages: [ko, en]``): ko and
        en, or any language the site's theme has words for (themes/<theme>/strings/ja.yaml)."""
        listed = fields.texts("languages") or [original]
        known = [language for language in listed if language in LANGUAGES or (
            LANGUAGE_TAG.match(language)
            and (self.root / "themes" / theme / "strings" / f"{language}.yaml").is_file())]
        for language in (language for language in listed if language not in known):
            fields.problems.append(Problem(fields.rel, fields.line("languages"), say(
                "languages: the theme has no words in '{language}'; add themes/{theme}/strings/"
                "{language}.yaml (the default theme's en.yaml, translated), or use ko or en",
                language=language, theme=theme)))
        if original not in listed:
            fields.problems.append(Problem(fields.rel, fields.line("languages"), say(
                "languages must list the site's language '{language}' (the originals' "
                "language), e.g. languages: [{language}, {other}]", language=original,
                other=next(iter(set(LANGUAGES) - {original})))))
        return tuple(dict.fromkeys([original, *known]))

    @staticmethod
    def choice(fields: Fields, key: str, choices: tuple[str, ...]) -> str:
        value = fields.text(key) or choices[0]
        if value not in choices:
            fields.problems.append(Problem(fields.rel, fields.line(key), say(
                "'{key}: {value}' must be one of: {choices}", key=key, value=value,
                choices=", ".join(choices))))
            return choices[0]
        return value

    def read_names(self, folder: Path, kind: str, languages: tuple[str, ...]) -> tuple[Names, ...]:
        """``site.en.yaml`` / ``document.en.yaml``: what the site or document is called in
        the other languages."""
        names = []
        for path in sorted(folder.glob(f"{kind}.*.yaml")):
            match = NAMES_FILE.match(path.name)
            if match and self.is_translation_language(path, match.group(2), languages):
                fields = self.fields_of(path)  # refuses a link out of policies/
                if fields:
                    names.append(parse_names(fields, kind, match.group(2)))
                    self.problems.extend(fields.problems)
        return tuple(names)

    def is_translation_language(self, path: Path, language: str,
                                languages: tuple[str, ...]) -> bool:
        wrong = language_problem(language, languages)
        if wrong:
            self.error(path, None, wrong)
        return wrong is None

    def timezone(self, fields: Fields) -> str:
        name = fields.text("timezone") or "Asia/Seoul"
        try:
            ZoneInfo(name)
            if name not in _known_timezones() or name in NOT_TIMEZONES:
                raise ZoneInfoNotFoundError(name)
        except (ZoneInfoNotFoundError, ValueError):
            fields.problems.append(Problem(fields.rel, fields.line("timezone"), say(
                "unknown timezone '{name}'; use an IANA name such as Asia/Seoul", name=name)))
            return "Asia/Seoul"
        return name

    def notice(self, fields: Fields, inherited: NoticePolicy) -> NoticePolicy:
        """The notice settings a file states, each falling back to the inherited one."""
        nested = fields.mapping("notice")
        if nested is None:
            return inherited
        nested.refuse_unknown(NOTICE_KEYS)
        return NoticePolicy(nested.integer("days", inherited.days, 1, MAX_NOTICE_DAYS),
                            nested.integer("material_days", inherited.material_days, 1,
                                           MAX_NOTICE_DAYS))

    def read_documents(self, site_notice: NoticePolicy,
                       languages: tuple[str, ...]) -> list[Document]:
        documents = []
        for entry in sorted(self.folder.iterdir()):
            if (entry.name.startswith(".") or entry.name == "site.yaml"
                    or _is_names_file(entry.name, "site")):
                continue
            if entry.is_dir():
                if self.escapes(entry):
                    continue
                document = self.read_document(entry, site_notice, languages)
                if document:
                    documents.append(document)
            else:
                self.warn(entry, say("ignored: policies/ holds site.yaml and one folder per "
                                     "document"))
        if not documents and not has_errors(self.problems):
            self.error(self.folder, None, say("no documents: add a folder such as policies/privacy/ "
                                              "with document.yaml and a first version "
                                              "YYYY-MM-DD.md"))
        return documents

    def read_document(self, folder: Path, site_notice: NoticePolicy,
                      languages: tuple[str, ...]) -> Document | None:
        if not SLUG.match(folder.name):
            self.error(folder, None, say("folder name '{name}' is not a valid document slug; use "
                                         "lower-case letters, digits and hyphens (e.g. privacy)",
                                         name=folder.name))
            return None
        if folder.name in RESERVED_SLUGS:
            self.error(folder, None, say("'{name}' is reserved for the theme's files; rename the "
                                         "folder", name=folder.name))
            return None
        if folder.name in languages[1:]:  # translations live in <lang>/
            self.error(folder, None, say("'{name}' is one of the site's languages, whose pages "
                                         "live in {name}/; rename the folder", name=folder.name))
            return None
        fields = self.fields_of(folder / "document.yaml")
        versions, translations = self.read_versions(folder, languages)
        names = self.read_names(folder, "document", languages)
        if fields is None:
            return None
        fields.refuse_unknown(DOCUMENT_KEYS)
        document = Document(
            slug=folder.name, path=self.rel(folder),
            title=fields.text("title", required=True) or folder.name,
            description=fields.text("description"), order=fields.integer("order", 0),
            noun=fields.text("noun"),
            notice=self.notice(fields, site_notice), versions=versions,
            translations=translations, names=names)
        self.problems.extend(fields.problems)
        return document

    def read_versions(self, folder: Path, languages: tuple[str, ...]):
        """The document's versions, oldest first, and their translations."""
        versions, translations = [], []
        errors_before = sum(1 for p in self.problems if p.is_error)
        # os.scandir knows each entry's kind without a system call: serve rereads this
        # folder on every save.
        for entry in sorted(os.scandir(folder), key=lambda e: e.name):
            name = entry.name
            if (name.startswith(".") or name.endswith("~") or name == "document.yaml"
                    or _is_names_file(name, "document")):
                continue
            path = folder / name
            match = VERSION_NAME.match(name)
            if _is_folder(entry) or not name.endswith(".md"):
                self.warn(path, say("ignored: a document folder holds document.yaml and "
                                    "YYYY-MM-DD.md files only"))
            elif not match or not _is_date(match.group(1)):
                self.error(path, None, say("'{name}' is not named by a date; name each version "
                                           "by its effective date ({first} to {last}), e.g. "
                                           "2024-03-01.md", name=name, first=FIRST_DAY,
                                           last=LAST_DAY))
            elif match.group(2) and not self.is_translation_language(path, match.group(2),
                                                                     languages):
                continue
            elif not (entry.is_symlink() and self.escapes(path)):
                named, language = date.fromisoformat(match.group(1)), match.group(2)
                parse = (partial(parse_translation, effective=named, language=language)
                         if language else partial(parse_version, named=named))
                read = self.read_version(path, parse, entry)
                if read:
                    (translations if language else versions).append(read)
        if not versions and errors_before == sum(1 for p in self.problems if p.is_error):
            self.error(folder, None, say("this document has no versions; add its first version as "
                                         "YYYY-MM-DD.md (the date it takes effect)"))
        versions.sort(key=lambda v: v.effective)
        translations.sort(key=lambda t: (t.effective, t.language))
        self.problems.extend(translation_problems(tuple(versions), tuple(translations)))
        return tuple(versions), tuple(translations)

    def read_version(self, path: Path, parse: Callable, entry: os.DirEntry):
        """A version or translation file parsed by ``parse(data, rel)``, remembered."""
        rel = self.rel(path)
        if self.trust_stat:
            return self.read_watched(path, rel, parse, entry)
        data = read_bytes(path, rel)
        if isinstance(data, Problem):
            self.problems.append(data)
            return None
        version, problems = self.memo.get("source", digest(rel, data), partial(parse, data, rel))
        self.problems.extend(problems)
        return version

    def read_watched(self, path: Path, rel: str, parse: Callable, entry: os.DirEntry):
        """serve: a file the watcher has not reported since it was read is taken as it was,
        without even a stat (a link is not: its target may change unreported); the others
        are remembered by inode, size and time, and those the watcher reported read anew."""
        saved = self.was_saved(rel)
        known = None if saved or entry.is_symlink() else self.memo.recall("watched", rel)
        if known is None:
            try:
                stat = entry.stat()
            except OSError as error:
                self.error(path, None, say("cannot read this file ({reason}); a link whose "
                                           "target is gone? restore the file or remove the link",
                                           reason=error.strerror))
                return None
            key = f"{rel}\0{stat.st_ino}:{stat.st_size}:{stat.st_mtime_ns}"  # in memory only
            if saved:  # a save can keep size and time: read it anew
                known = _read_and_parse(path, rel, parse)
                self.memo.remember("source", key, known)
            else:
                known = self.memo.get("source", key, partial(_read_and_parse, path, rel, parse))
        self.memo.remember("watched", rel, known)
        version, problems = known
        self.problems.extend(problems)
        return version

    def was_saved(self, rel: str) -> bool:
        """Reported by the watcher, itself or a folder above it (a folder moved into place)."""
        while True:
            if rel in self.saved:
                return True
            if "/" not in rel:
                return False
            rel = rel.rsplit("/", 1)[0]


def read_source_bytes(root: Path, rel: str) -> bytes:
    """A version file's bytes again, to publish it; it was read and hashed moments ago."""
    data = read_bytes(root / rel, rel)
    if isinstance(data, Problem):
        raise PolicyError([data])
    return data


def _read_and_parse(path: Path, rel: str, parse: Callable):
    data = read_bytes(path, rel)
    return (None, [data]) if isinstance(data, Problem) else parse(data, rel)


@lru_cache(maxsize=1)
def _known_timezones() -> frozenset[str]:
    """Walking the time zone database takes longer than a whole rebuild in serve: once."""
    return frozenset(available_timezones())


def _is_folder(entry: os.DirEntry) -> bool:
    """As Path.is_dir: a loop of links or a vanished target is not a folder (escapes() and
    the reader report those)."""
    try:
        return entry.is_dir()
    except OSError:
        return False


def _is_names_file(name: str, kind: str) -> bool:
    match = NAMES_FILE.match(name)
    return bool(match) and match.group(1) == kind


def parse_version(data: bytes, rel: str, named: date) -> tuple[PolicyVersion | None, list[Problem]]:
    """One version file's settings and text, with every problem found in it."""
    read = read_version_source(data, rel)
    if isinstance(read, list):
        return None, read
    source, parts, fields = read.text, read.parts, read.fields
    fields.refuse_unknown(VERSION_KEYS)
    effective = fields.date("effective", required=True)
    if effective and effective != named:
        fields.problems.append(Problem(rel, fields.line("effective"), say(
            "effective {effective} does not match the file name {named}.md; rename the file to "
            "{effective}.md or correct the date", effective=effective, named=named)))
    if not parts.body.strip():
        fields.problems.append(Problem(rel, parts.body_first_line - 1,
                                       say("the version has no text below the front matter")))
    version = PolicyVersion(
        effective=named, announced=fields.date("announced"), summary=fields.text("summary"),
        material=fields.boolean("material"), title=fields.text("title"), body=parts.body,
        withdrawn=fields.date("withdrawn"), withdrawn_reason=fields.text("withdrawn_reason"),
        reasons=fields.labelled_texts("reasons"),
        path=rel, body_first_line=parts.body_first_line, sha256=hashlib.sha256(data).hexdigest(),
        content_sha256=hashlib.sha256(
            without_keys(source.text, WITHDRAWAL_KEYS).encode("utf-8")).hexdigest(),
        key_lines={key: fields.line(key) for key in fields.nodes},
        misspelt=frozenset(fields.suggested))
    return version, [*source.problems, *fields.problems,
                     *_stated_date_warning(parts.body, named, rel, parts.body_first_line)]


def _stated_date_warning(body: str, effective: date, rel: str, first_line: int) -> list[Problem]:
    """The text's own "시행일자 : ..." must name the version's effective day (a file's own
    property, so it is found once per text, with the parse)."""
    stated = misstated(body, effective)
    if stated is None:
        return []
    return [Problem(rel, first_line + stated.line,
                    say("the text says it takes effect on {stated}, but effective is "
                        "{effective}; correct the text or the date", stated=stated.day,
                        effective=effective),
                    rule="stated-effective-date", severity=WARNING)]


def base_url_problem(url: str) -> str | None:
    """Why a base_url cannot be the prefix of every feed, sitemap and canonical link."""
    if re.search(r"\s", url):
        return say("contains a space or line break")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return say("must be absolute (http:// or https:// and a host)")
    if parts.username is not None or parts.password is not None:
        return say("must not carry a user name or password")
    if parts.query or parts.fragment or url.endswith(("?", "#")):
        return say("must not have a query (?) or a fragment (#)")
    try:
        parts.port
    except ValueError:
        return say("has a port that does not exist (1 to 65535)")
    return None


def _is_date(text: str) -> bool:
    try:
        return FIRST_DAY <= date.fromisoformat(text) <= LAST_DAY
    except ValueError:
        return False
