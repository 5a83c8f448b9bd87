"""``policy-site notify --ledger URL --webhook URL``: on the day a notice first goes public,
POST its notice.json to a webhook, once.

What is new is the live ledger's to say: the entries it records as announced (or withdrawn)
on today's date. Each is sent with its ledger entry's hash as the ``Idempotency-Key`` (a
receiver drops a repeat), and remembered in the user's cache folder so a rerun sends nothing
twice. A failing endpoint is retried with back-off (1, 2, 4 s); one that refuses the notice
(a 4xx answer) stops the run with exit 2 and what it said; notices sent before stay sent.
With ``POLICY_SITE_WEBHOOK_SECRET`` set, the body is signed: ``X-Policy-Site-Signature:
sha256=<HMAC-SHA256 of the body, hex>``, as GitHub signs its webhooks.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import time
import urllib.error
import urllib.request
from datetime import date
from pathlib import Path

from site_builder.base.files import replace_with_json
from site_builder.base.messages import Message, say
from site_builder.base.paths import cache_folder
from site_builder.base.problems import PolicyError, UsageError
from site_builder.base.untrusted import load_json, read_regular
from site_builder.render import urls
from site_builder.render.notices import notice_path
from site_builder.rules import ledger
from site_builder.sources import published as fetch

SECRET_VARIABLE = "POLICY_SITE_WEBHOOK_SECRET"
RETRY_SECONDS = (1, 2, 4)
TIMEOUT_SECONDS = 10
_SENT = "notified.json"


def notify(root: Path, today: date, location: str, webhook: str) -> list[Message]:
    if not webhook.startswith(("https://", "http://")):
        raise UsageError(say("--webhook {url} is not an http(s) address", url=webhook))
    site, name = fetch.site_and_file(location, urls.LEDGER)
    entries = ledger.entries_of(load_json(fetch.read(site, name)))
    broken = ledger.chain_problems(entries)
    if broken:
        raise PolicyError([ledger.ledger_problem(say(
            "the ledger at {where} is not an unbroken chain ({reason}); nothing was sent",
            where=location, reason=broken[0]))])
    due = [e for e in entries if e.get("event") in (ledger.ANNOUNCED, ledger.WITHDRAWAL)
           and e.get("published") == today.isoformat()]
    if not due:
        return [say("nothing was announced or withdrawn on {day}: nothing to send", day=today)]
    sent = _sent_keys(root)
    lines = []
    for entry in due:
        label = f"{entry['document']}/{entry['effective']}"
        if entry["hash"] in sent:
            lines.append(say("{notice} ({event}): sent before, not again", notice=label,
                             event=_event_word(entry)))
            continue
        body = fetch.read(site, notice_path(entry["document"],
                                            date.fromisoformat(entry["effective"]), "notice.json"))
        _post(webhook, body, entry, label)
        sent.add(entry["hash"])
        _remember(root, sent)
        lines.append(say("{notice} ({event}): sent to {url}", notice=label,
                         event=_event_word(entry), url=webhook))
    return lines


def _event_word(entry: dict) -> Message:
    return say("announcement") if entry["event"] == ledger.ANNOUNCED else say("withdrawal")


def _post(webhook: str, body: bytes, entry: dict, label: str) -> None:
    headers = {"Content-Type": "application/json; charset=utf-8",
               "Idempotency-Key": entry["hash"], "X-Policy-Site-Event": entry["event"],
               "User-Agent": "policy-site"}
    secret = os.environ.get(SECRET_VARIABLE)
    if secret:
        signature = hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()
        headers["X-Policy-Site-Signature"] = f"sha256={signature}"
    reason = ""
    for wait in (*RETRY_SECONDS, None):
        request = urllib.request.Request(webhook, data=body, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
                if 200 <= response.status < 300:
                    return
                reason = f"HTTP {response.status}"
        except urllib.error.HTTPError as error:
            reason = f"HTTP {error.code}"
            if 400 <= error.code < 500 and error.code != 429:
                raise _refused(webhook, label, reason) from None
        except (urllib.error.URLError, OSError) as error:
            reason = str(getattr(error, "reason", error))
        if wait is None:
            break
        time.sleep(wait)
    raise _refused(webhook, label, reason)


def _refused(webhook: str, label: str, reason: str) -> UsageError:
    return UsageError(say("the webhook {url} did not take the notice {notice} ({reason}); fix "
                          "the endpoint and run notify again: what was sent is not sent twice",
                          url=webhook, notice=label, reason=reason))


def _sent_keys(root: Path) -> set[str]:
    """The ledger entries sent before; a damaged record sends again (receivers drop repeats
    by their Idempotency-Key)."""
    folder = cache_folder(root)
    if folder is None:  # no usable cache folder: nothing was remembered (see _remember)
        return set()
    try:
        keys = load_json(read_regular(folder / _SENT, fetch.MAX_BYTES))
    except (OSError, ValueError):
        return set()
    return {k for k in keys if isinstance(k, str)} if isinstance(keys, list) else set()


def _remember(root: Path, sent: set[str]) -> None:
    folder = cache_folder(root)
    if folder is None:
        raise UsageError(say(
            "cannot remember what was sent: the cache folder lies inside the site, or a level of "
            "it is a link or a file; set XDG_CACHE_HOME (or POLICY_SITE_CACHE) to a folder "
            "outside the site. The receiver still drops a repeat by its Idempotency-Key"))
    try:
        replace_with_json(folder / _SENT, sorted(sent))
    except OSError as error:
        raise UsageError(say("cannot remember what was sent in {folder}: {reason}; the receiver "
                             "still drops a repeat by its Idempotency-Key", folder=folder,
                             reason=error.strerror)) from None
