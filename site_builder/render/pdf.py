"""PDF copies of every version and every 신구대비표 (``build --pdf``), as legal teams file them:
the pages as printed (the print stylesheet: A4, each sheet naming the document, its effective
day, permanent address, hash and page number), made by WeasyPrint from the very HTML this build
publishes, with the fonts embedded and the text selectable. Optional: pip install
'policy-site[pdf]' (and a Korean font, e.g. Debian's fonts-nanum).

WeasyPrint reads only this build's own files: a policy's text is untrusted, so an image or a
stylesheet it names elsewhere is never fetched. A PDF is made once for the bytes of its page
(the cache keeps it) and kept from the previous output while its page is unchanged.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Callable

from site_builder.base.digest import digest
from site_builder.base.messages import say
from site_builder.base.problems import UsageError
from site_builder.cache.memo import PDF, Memo
from site_builder.model.publication import Timeline
from site_builder.render import urls

_ORIGIN = "https://policy-site.invalid/"  # where the page is, for its relative links only


@dataclass(frozen=True)
class PdfJob:
    page: str  # the HTML file it prints
    pdf: str  # where the PDF goes, beside it


def pdf_jobs(timelines: tuple[Timeline, ...], language: str) -> list[PdfJob]:
    """Every published version and its 신구대비표, in the original's language."""
    jobs = []
    for timeline in timelines:
        slug = timeline.document.slug
        for entry in timeline.entries:
            jobs.append(PdfJob(urls.page_file(urls.version_path(slug, entry.effective)),
                               urls.version_pdf_path(slug, entry.effective)))
            if entry.previous:
                jobs.append(PdfJob(urls.page_file(urls.changes_path(slug, entry.effective)),
                                   urls.changes_pdf_path(slug, entry.effective, language)))
    return jobs


def require_weasyprint() -> str:
    """WeasyPrint's version (part of each PDF's key), or what to install."""
    try:
        import weasyprint
    except (ImportError, OSError) as error:  # OSError: the Pango library is missing
        raise UsageError(say("--pdf needs WeasyPrint: pip install 'policy-site[pdf]' (on Debian "
                             "also apt-get install libpango-1.0-0 libpangoft2-1.0-0 fonts-nanum); "
                             "it could not be loaded: {reason}", reason=error)) from None
    return weasyprint.__version__


def add_pdfs(files: dict[str, bytes], kept: set[str], keys: dict[str, str], jobs: list[PdfJob],
             previous: Callable[[str], bytes], memo: Memo,
             reusable: Callable[[dict[str, str]], set[str]] | None) -> None:
    """Add each job's PDF to ``files``, or to ``kept`` when the previous output holds it as it
    would be made now; ``previous`` reads a kept file's bytes from the previous output."""
    import logging  # WeasyPrint's loggers, here: a build without --pdf has no use for it

    version = require_weasyprint()
    logging.getLogger("weasyprint").setLevel(logging.ERROR)  # unsupported CSS is not news
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    wanted = {job.pdf: digest("pdf", version, keys[job.page]) for job in jobs}
    keys.update(wanted)
    reused = reusable(wanted) if reusable else set()
    kept.update(reused)
    for job in (job for job in jobs if job.pdf not in reused):
        files[job.pdf] = memo.get(PDF, wanted[job.pdf],
                                  partial(_printed, job.page, files, previous))


def _printed(page: str, files: dict, previous: Callable[[str], bytes]) -> bytes:
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class OwnFiles(URLFetcher):
        """Only the build's own files: anything else is refused, never fetched."""

        def fetch(self, url, headers=None):
            name = url.removeprefix(_ORIGIN).split("?")[0].split("#")[0]
            if not url.startswith(_ORIGIN) or ".." in name.split("/"):
                raise ValueError("not one of this build's files")
            data = _content(files, name, previous)
            return URLFetcherResponse(url, data, {"Content-Type": _mime(name)})

    html = _content(files, page, previous)
    document = HTML(string=html.decode("utf-8"), base_url=_ORIGIN + page,
                    url_fetcher=OwnFiles(), media_type="print")
    output = io.BytesIO()
    document.write_pdf(output, pdf_identifier=digest(page).encode()[:32])
    return output.getvalue()


def _content(files: dict, name: str, previous: Callable[[str], bytes]) -> bytes:
    """A file of this build: rendered (held, or already written to the new tree), linked from
    the cache's file store, or kept from the previous output."""
    if name not in files:
        return previous(name)
    content = files[name]
    return content if isinstance(content, bytes) else content.read()


def _mime(name: str) -> str:
    return {".css": "text/css", ".svg": "image/svg+xml", ".png": "image/png"}.get(
        Path(name).suffix, "application/octet-stream")
