"""The live site's ledger, which the deploy continues and the pull-request check judges by:
one reading of it for both, so they judge the same facts."""

from __future__ import annotations

from pathlib import Path

from site_builder.base.messages import say
from site_builder.base.problems import PolicyError
from site_builder.base.untrusted import load_json, read_regular
from site_builder.render import urls
from site_builder.rules import ledger
from site_builder.sources import published as fetch


def read_live_ledger(location: str, out: Path | None = None) -> list[dict]:
    """The live site's ledger entries, refused when they are not a chain that continues what
    the output folder ``out`` (a build's) last published: a site rolled back to an older
    deploy."""
    site, name = fetch.site_and_file(location, urls.LEDGER)
    where = f"{site.rstrip('/')}/{name}"
    try:
        entries = ledger.entries_of(load_json(fetch.read(site, name)))
    except fetch.NotFound:
        raise fetch.FetchError(say("{where}: no ledger there; the first deploy of a site builds "
                                   "without --ledger, later ones pass the live ledger",
                                   where=where)) from None
    except ValueError as error:
        raise PolicyError([ledger.ledger_problem(say("{where} is not a ledger: {reason}",
                                                     where=where, reason=str(error)))]) from None
    earlier = local_ledger(out) if out else None
    broken = ledger.chain_problems(entries)  # reported by continue_chain, with what to do
    if earlier and not broken and not ledger.extends(entries, earlier):
        raise PolicyError([ledger.ledger_problem(say(
            "{where} has {live} entries and does not continue the {earlier} this output folder "
            "last published: the live site was rolled back or replaced; redeploy the last build "
            "before continuing the chain", where=where, live=len(entries),
            earlier=len(earlier)))])
    return entries


def local_ledger(out: Path) -> list | None:
    try:
        return ledger.entries_of(load_json(read_regular(out / urls.LEDGER, fetch.MAX_BYTES)))
    except (OSError, ValueError):
        return None
