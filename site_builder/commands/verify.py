"""``policy-site verify URL|PATH``: check a published site against its own ledger.

For anyone (an auditor, a journalist, an archive): the ledger's hash chain must be intact, and
each version it lists must still be published with the text the ledger hashed: its
``source.md`` hashes to the ledger's SHA-256, its page shows that hash, and versions.json
agrees.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from site_builder.sources import published as fetch
from site_builder.rules import ledger
from site_builder.base.untrusted import load_json
from site_builder.render import urls

_SLUG = re.compile(r"\A[a-z0-9]+(?:-[a-z0-9]+)*\Z")
_DAY = re.compile(r"\A\d{4}-\d{2}-\d{2}\Z")


@dataclass
class Verification:
    checked: list[str] = field(default_factory=list)
    mismatches: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.mismatches


def verify(location: str) -> Verification:
    site, name = fetch.site_and_file(location, urls.LEDGER)
    result = Verification()
    try:
        entries = ledger.entries_of(load_json(fetch.read(site, name)))
    except ValueError as error:
        result.mismatches.append(f"{name}: not a policy-site ledger ({error})")
        return result
    broken = ledger.chain_problems(entries)
    if broken:
        result.mismatches.append(f"{name}: {broken[0]}")
        return result
    result.checked.append(f"{name}: {len(entries)} entries, chain intact")
    latest = {}
    for entry in entries:
        latest[(entry["document"], entry["effective"])] = entry["sha256"]
    for (document, effective), sha256 in sorted(latest.items()):
        _check_version(site, document, effective, sha256, result)
    _check_index(site, latest, result)
    return result


def _check_version(site: str, document: str, effective: str, sha256: str,
                   result: Verification) -> None:
    label = f"{document} {effective}"
    if not (_SLUG.match(document) and _DAY.match(effective)):
        result.mismatches.append(f"{label}: the ledger names no valid version")
        return
    folder = f"{document}/{effective}/"
    try:
        source = fetch.read(site, folder + "source.md")
    except fetch.NotFound:
        result.mismatches.append(f"{label}: source.md is missing")
        return
    actual = hashlib.sha256(source).hexdigest()
    if actual != sha256:
        result.mismatches.append(f"{label}: source.md has sha256 {actual[:12]}, the ledger says "
                                 f"{sha256[:12]}: the published text was altered")
    try:
        page = fetch.read(site, folder if fetch.is_url(site) else folder + "index.html")
    except fetch.NotFound:
        page = b""
    if sha256.encode() not in page:
        result.mismatches.append(f"{label}: the page does not show the ledger's sha256 "
                                 f"{sha256[:12]}: the page was replaced or altered")
    if not result.mismatches or not result.mismatches[-1].startswith(label):
        result.checked.append(f"{label}: text and page match the ledger")


def _check_index(site: str, latest: dict, result: Verification) -> None:
    try:
        index = load_json(fetch.read(site, urls.VERSIONS_JSON))
        listed = {(d["slug"], v["effective"]): v["sha256"]
                  for d in index["documents"] for v in d["versions"]}
    except (ValueError, KeyError, TypeError):
        result.mismatches.append("versions.json: missing or not readable")
        return
    for key, sha256 in sorted(listed.items()):
        if key in latest and latest[key] != sha256:
            result.mismatches.append(f"versions.json: {key[0]} {key[1]} has sha256 "
                                     f"{sha256[:12]}, the ledger says {latest[key][:12]}")
