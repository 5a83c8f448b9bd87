"""The command line's flags: every command, its options and their help, in one place."""

from __future__ import annotations

import argparse
import os

from site_builder import __version__
from site_builder.base import problem_formats as report
from site_builder.base.languages import DEFAULT_LANGUAGE, LANGUAGES


def build_parser() -> argparse.ArgumentParser:
    debugging = argparse.ArgumentParser(add_help=False)
    debugging.add_argument("--debug", action="store_true",
                           help="show tracebacks of internal errors")
    common = argparse.ArgumentParser(add_help=False, parents=[debugging])
    common.add_argument("--as-of", metavar="YYYY-MM-DD",
                        help="the day to build for (default: today in the site's timezone)")
    common.add_argument("--root", default=".", metavar="DIR",
                        help="the site folder holding policies/ (default: the current folder)")

    parser = argparse.ArgumentParser(
        prog="policy-site", description="Publish legal policies with every version kept.")
    parser.add_argument("--version", action="version", version=f"policy-site {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    build_cmd = commands.add_parser("build", parents=[common], help="render the site into output/")
    build_cmd.add_argument("--out", metavar="DIR", help="output folder (default: ROOT/output)")
    build_cmd.add_argument("--no-cache", action="store_true",
                           help="ignore and do not write ROOT/.cache (the output is the same)")
    build_cmd.add_argument("--jobs", type=int, metavar="N",
                           help="worker processes (default: one per core; 1: no workers)")
    build_cmd.add_argument("--ledger", metavar="URL|PATH",
                           help="continue the live site's ledger.json (default: start a new one)")
    build_cmd.add_argument("--pdf", action="store_true",
                           help="also a PDF of every version and every 신구대비표 (needs "
                                "pip install 'policy-site[pdf]')")

    check_cmd = commands.add_parser("check", parents=[common],
                                    help="validate sources and the notice rule; write nothing")
    check_cmd.add_argument("--git", action="store_true",
                           help="also check history: no back-dated notices, no edits of published text")
    check_cmd.add_argument("--base", metavar="REF",
                           help="with --git, for a pull request: judge this branch as if merged "
                                "into REF today (e.g. origin/main)")
    check_cmd.add_argument("--format", choices=report.FORMATS, default="text")
    check_cmd.add_argument("--ledger", metavar="URL|PATH",
                           help="judge what was published, and when, by the live site's "
                                "ledger.json, as the deploy will")

    serve_cmd = commands.add_parser("serve", parents=[common],
                                    help="preview with drafts, rebuilding and reloading on save")
    serve_cmd.add_argument("--host", default="127.0.0.1")
    serve_cmd.add_argument("--port", type=_port, default=8000,
                           help="0 to 65535 (0: any free port)")

    init_cmd = commands.add_parser("init", parents=[debugging],
                                   help="start a new policy site in a new or empty folder")
    init_cmd.add_argument("folder", nargs="?", default=".", metavar="DIR")
    init_cmd.add_argument("--language", choices=LANGUAGES, default=DEFAULT_LANGUAGE)
    init_cmd.add_argument("--title", metavar="T", help="the site's title")
    init_cmd.add_argument("--base-url", metavar="URL", help="the site's address")
    init_cmd.add_argument("--force", action="store_true",
                          help="add the missing files to a folder that is not empty (never "
                               "overwrites a file)")
    init_cmd.add_argument("--as-of", metavar="YYYY-MM-DD",
                          help="the day init runs (default: today in the site's timezone)")
    init_cmd.add_argument("--effective", metavar="YYYY-MM-DD",
                          help="the first version's effective day (default: a notice window, "
                               "7 days, after today)")
    init_cmd.add_argument("--tool-source", metavar="URL|PATH",
                          help="where CI installs policy-site from: a git URL or a path in the "
                               "repository (default: this version from the package index)")

    verify_cmd = commands.add_parser(
        "verify", parents=[debugging],
        help="check a published site (URL or folder) against its ledger.json")
    verify_cmd.add_argument("site", metavar="URL|PATH")
    verify_cmd.add_argument("--against", metavar="FILE|URL",
                            help="a copy of the ledger kept earlier, which the live one must extend")
    verify_cmd.add_argument("--as-of", metavar="YYYY-MM-DD",
                            help="the day verified (default: today in UTC, or the site's day)")
    verify_cmd.add_argument("--language", choices=LANGUAGES,
                            help="of the report (default: the site's)")

    new_cmd = commands.add_parser("new", parents=[common],
                                  help="start the next version of a document from its latest text")
    new_cmd.add_argument("document", metavar="DOC", help="the document's slug, e.g. privacy")
    new_cmd.add_argument("--effective", metavar="YYYY-MM-DD",
                         help="when it takes effect (default: the earliest the window allows)")
    new_cmd.add_argument("--material", action="store_true",
                         help="a change that reduces users' rights: the longer window applies")
    new_cmd.add_argument("--announce", nargs="?", const="today", metavar="YYYY-MM-DD",
                         help="set 'announced' (today, or the given day); without it: a draft")
    new_cmd.add_argument("--title", metavar="T",
                         help="create a new document with this title and its first version")
    new_cmd.add_argument("--translate", metavar="LANG",
                         help="start the LANG translation of a version (--effective, default: "
                              "the latest) from the original's text")

    notify_cmd = commands.add_parser(
        "notify", parents=[common],
        help="POST each notice the live ledger records as announced today to a webhook, once")
    notify_cmd.add_argument("--ledger", required=True, metavar="URL|PATH",
                            help="the live site's ledger.json (or its address, or its folder)")
    notify_cmd.add_argument("--webhook", metavar="URL", default=os.environ.get("POLICY_SITE_WEBHOOK"),
                            help="where to POST notice.json (default: $POLICY_SITE_WEBHOOK)")

    import_cmd = commands.add_parser(
        "import", parents=[common],
        help="turn a policy you have (text, saved web page, .docx) into version files")
    import_cmd.add_argument("files", nargs="+", metavar="FILE",
                            help="one file a version: .txt, .html or .docx")
    import_cmd.add_argument("--document", required=True, metavar="DOC",
                            help="the document's slug, e.g. privacy")
    import_cmd.add_argument("--effective", metavar="YYYY-MM-DD",
                            help="the version's effective day (one file; default: the day "
                                 "its text states)")
    import_cmd.add_argument("--announced", metavar="YYYY-MM-DD",
                            help="the day its change was announced (one file, not the first)")
    import_cmd.add_argument("--title", metavar="T",
                            help="the document's title (default: the one the file shows)")
    return parser


def _port(text: str) -> int:
    if not text.isdigit() or int(text) > 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port: give a number from 0 to 65535")
    return int(text)
