"""Read ``policies/`` into the model, collecting every problem with its file and line.

The settings files are read through their schemas (settings.py); the version files of each
document folder by version_files.py. Nothing here raises for a mistake in the sources: the
site is returned as far as it could be read, with every problem found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from site_builder.base.messages import say
from site_builder.base.paths import is_inside, policies_dir, real_path
from site_builder.base.problems import WARNING, Problem, has_errors
from site_builder.cache.memo import NO_MEMO, Memo
from site_builder.model.site import Document, Names, Site
from site_builder.sources import settings
from site_builder.sources.settings import Context
from site_builder.sources.sourcefile import read_source
from site_builder.sources.translation_files import language_problem
from site_builder.sources.version_files import NAMES_FILE, Listing, VersionReader, is_names_file
from site_builder.sources.yamlfields import Fields, compose_mapping

SLUG = re.compile(r"\A[a-z0-9]+(?:-[a-z0-9]+)*\Z")
RESERVED_SLUGS = ("assets",)  # the theme's static files live in output/assets/


@dataclass(frozen=True)
class LoadResult:
    """The site as far as it could be read (defaults where a file was unusable) and problems.

    The site is returned even with errors, so the notice rule still runs on every version
    that could be read and one run reports every problem.
    """

    site: Site
    problems: list[Problem]


def load_site(root: Path, memo: Memo = NO_MEMO, saved: frozenset[Path] | None = None,
              hashes: dict[str, str] | None = None) -> LoadResult:
    """Read settings, documents and versions, each version file remembered by its bytes.

    With ``saved`` (serve, which is told of every save) a file is remembered by its inode,
    size and modification time instead, so an unchanged file is not even read, and once read
    it is not even stat-ed until the watcher reports it; the files in ``saved`` (absolute
    paths, or folders above them) are read all the same. ``hashes``: the SHA-256 of files
    the build has read already, by path as os.scandir names them under ``root``: the parse
    the memo holds for those bytes is taken without reading the file.
    """
    folder = policies_dir(root)
    report = SourceReport(root, folder)
    site = _SiteReader(report, VersionReader(report, memo, saved, hashes)).read_site()
    return LoadResult(site, report.problems)


class SourceReport:
    """Where the sources are, how messages name them, and the problems found so far."""

    def __init__(self, root: Path, folder: Path):
        self.root = root
        self.root_prefix = "" if root == Path(".") else root.as_posix().rstrip("/") + "/"
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

    def is_translation_language(self, path: Path, language: str,
                                languages: tuple[str, ...]) -> bool:
        wrong = language_problem(language, languages)
        if wrong:
            self.error(path, None, wrong)
        return wrong is None

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


class _SiteReader:
    def __init__(self, report: SourceReport, versions: VersionReader):
        self.report = report
        self.versions = versions

    def read_site(self) -> Site:
        report = self.report
        path = report.folder / "site.yaml"
        read = report.fields_of(path)
        # An unusable site.yaml is already reported; defaults let the documents be checked too.
        fields = read or Fields({}, report.rel(path), 1, 1)
        values = settings.SITE.read(fields, Context(report.root))
        languages = values["languages"]
        documents = self.read_documents(values["notice"], languages)
        site = Site(title=values["title"] or "", base_url=values["base_url"],
                    language=values["language"], timezone=values["timezone"],
                    theme=values["theme"], notice=values["notice"], documents=tuple(documents),
                    adopted=values["adopted"], adopted_line=fields.line("adopted"),
                    languages=languages,
                    names=self.read_names(report.folder, "site", languages),
                    translation_fallback=values["translation_fallback"])
        if read:
            report.problems.extend(fields.problems)
        return site

    def read_names(self, folder: Path, kind: str, languages: tuple[str, ...]) -> tuple[Names, ...]:
        """``site.en.yaml`` / ``document.en.yaml``: what the site or document is called in
        the other languages."""
        names = []
        for path in sorted(folder.glob(f"{kind}.*.yaml")):
            match = NAMES_FILE.match(path.name)
            language = match.group(2) if match else None
            if language and self.report.is_translation_language(path, language, languages):
                fields = self.report.fields_of(path)  # refuses a link out of policies/
                if fields:
                    values = settings.NAMES[kind].read(fields)
                    names.append(Names(language, values["title"], values.get("description"),
                                       values.get("noun")))
                    self.report.problems.extend(fields.problems)
        return tuple(names)

    def read_documents(self, site_notice, languages: tuple[str, ...]) -> list[Document]:
        """Every document folder listed first, then the version files of all of them read
        together (those the cache does not hold parsed on every core), then each document."""
        report = self.report
        listed = []
        for entry in sorted(report.folder.iterdir()):
            if (entry.name.startswith(".") or entry.name == "site.yaml"
                    or is_names_file(entry.name, "site")):
                continue
            if entry.is_dir():
                if not report.escapes(entry):
                    listed.append(self.list_document(entry, languages))
            else:
                report.warn(entry, say("ignored: policies/ holds site.yaml and one folder per "
                                       "document"))
        listed = [item for item in listed if item]
        documents = []
        for (fields, listing), read in zip(listed, self.versions.read_listed(
                [listing for _, listing in listed])):
            document = self.read_document(fields, listing, read, site_notice, languages)
            if document:
                documents.append(document)
        if not documents and not has_errors(report.problems):
            report.error(report.folder, None, say(
                "no documents: add a folder such as policies/privacy/ with document.yaml and a "
                "first version YYYY-MM-DD.md"))
        return documents

    def list_document(self, folder: Path,
                      languages: tuple[str, ...]) -> tuple[Fields | None, Listing] | None:
        """A document folder's settings and its version files, not read yet."""
        wrong = _folder_problem(folder.name, languages)
        if wrong:
            self.report.error(folder, None, wrong)
            return None
        return (self.report.fields_of(folder / "document.yaml"),
                self.versions.list_versions(folder, languages))

    def read_document(self, fields: Fields | None, listing: Listing, read: list[tuple],
                      site_notice, languages: tuple[str, ...]) -> Document | None:
        folder = listing.folder
        versions, translations = self.versions.versions_of(listing, read)
        names = self.read_names(folder, "document", languages)
        if fields is None:
            return None
        values = settings.DOCUMENT.read(fields, Context(self.report.root, site_notice))
        document = Document(
            slug=folder.name, path=self.report.rel(folder),
            title=values["title"] or folder.name, description=values["description"],
            order=values["order"], noun=values["noun"], notice=values["notice"],
            versions=versions, translations=translations, names=names)
        self.report.problems.extend(fields.problems)
        return document


def _folder_problem(name: str, languages: tuple[str, ...]) -> str | None:
    """Why a folder of policies/ cannot be a document."""
    if not SLUG.match(name):
        return say("folder name '{name}' is not a valid document slug; use lower-case letters, "
                   "digits and hyphens (e.g. privacy)", name=name)
    if name in RESERVED_SLUGS:
        return say("'{name}' is reserved for the theme's files; rename the folder", name=name)
    if name in languages[1:]:  # translations live in <lang>/
        return say("'{name}' is one of the site's languages, whose pages live in {name}/; "
                   "rename the folder", name=name)
    return None

