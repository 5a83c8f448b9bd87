"""Reading a published site: over HTTP(S) from its address, or from a folder on disk."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

from site_builder.base.deadline import OutOfTime, deadline
from site_builder.base.messages import say
from site_builder.base.untrusted import read_regular, unreadable
from site_builder.base.problems import UsageError

TIMEOUT_SECONDS = 30
MAX_BYTES = 64 * 1024 * 1024  # more than any ledger, page or source: a site is not a stream


class FetchError(UsageError):
    """The site could not be read (network, missing file): exit 2, naming the address."""


class NotFound(FetchError):
    pass


def is_url(location: str) -> bool:
    return location.startswith(("http://", "https://"))


def site_and_file(location: str, default_name: str) -> tuple[str, str]:
    """A site's address (or folder) and the file within it: ``https://x/ledger.json`` or
    ``https://x/`` (then ``default_name``)."""
    if location.endswith(".json"):
        base, slash, name = location.rpartition("/")
        return (base + slash if slash else "."), name
    return location, default_name


def read(site: str, relative: str) -> bytes:
    """The bytes of ``relative`` (a path inside the site) from a URL or a folder."""
    if is_url(site):
        return _read_url(urljoin(site if site.endswith("/") else site + "/", relative))
    path = Path(site) / relative
    try:
        return read_regular(path, MAX_BYTES)
    except FileNotFoundError:
        raise NotFound(say("{path}: no such file", path=path)) from None
    except OSError as error:
        raise FetchError(say("{path}: {reason}", path=path, reason=unreadable(error))) from None


def _read_url(url: str) -> bytes:
    """The whole answer within TIMEOUT_SECONDS: a server that sends a byte every other second
    keeps every single read alive, so the deadline is for the fetch as a whole."""
    # Loaded when a URL is read: every build imports this module (for --ledger), and
    # urllib.request with http.client and email is 13 ms of a build that never fetches.
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url, headers={"User-Agent": "policy-site"})
    try:
        with deadline(TIMEOUT_SECONDS), urllib.request.urlopen(request,
                                                              timeout=TIMEOUT_SECONDS) as response:
            data = response.read(MAX_BYTES + 1)
    except OutOfTime:
        raise FetchError(say("{url}: no complete answer within {seconds} s; try again later, or "
                             "check the address", url=url, seconds=TIMEOUT_SECONDS)) from None
    except urllib.error.HTTPError as error:
        if error.code == 404:
            raise NotFound(say("{url}: not found (HTTP 404)", url=url)) from None
        raise FetchError(say("{url}: HTTP {code} {reason}", url=url, code=error.code,
                             reason=error.reason)) from None
    except (urllib.error.URLError, OSError, ValueError) as error:
        reason = getattr(error, "reason", error)
        raise FetchError(say("{url}: cannot connect ({reason})", url=url,
                             reason=str(reason))) from None
    if len(data) > MAX_BYTES:
        raise FetchError(say("{url}: more than {limit} MiB; not a policy site's file", url=url,
                             limit=MAX_BYTES // (1024 * 1024)))
    return data
