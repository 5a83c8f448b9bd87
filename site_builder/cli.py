"""The command line: parse flags, run a command, print, and exit with the code SPEC 4 gives.

Only this module prints or exits. Exit codes: 0 clean, 1 errors in the policies, 2 usage or
environment errors, 3 an internal error (a bug).
"""

from __future__ import annotations

import argparse
import signal
import sys
import time
import traceback
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from site_builder import __version__
from site_builder.base import problem_formats as report
from site_builder.base.messages import in_language, language_for, say
from site_builder.base.dates import parse_as_of
from site_builder.base.problems import PolicyError, UsageError
from site_builder.sources.yamlfields import Fields, compose_mapping

# Each command imports its own modules when it runs: `check` in a pre-commit hook should not
# pay for loading the web server and the templates.

EXIT_OK, EXIT_POLICY, EXIT_USAGE, EXIT_BUG = 0, 1, 2, 3
LANGUAGE = "en"  # of the messages: the site's, once main() has found it


def _say(stream, template: str, **values) -> None:
    """One line of output, in the site's language."""
    stream.write(in_language(say(template, **values), LANGUAGE) + "\n")
    stream.flush()


def _site_language(args: argparse.Namespace) -> str | None:
    """The language of the site the command works on; None before a site is found."""
    if args.command == "init":
        return args.language
    settings = Path(getattr(args, "root", ".")) / "policies" / "site.yaml"
    try:  # read as strictly as the loader will (no anchors): the file may come from anyone
        fields = compose_mapping(settings.read_text(encoding="utf-8"), "site.yaml", 1)
    except (OSError, ValueError):
        return None
    if not isinstance(fields, Fields):
        return None
    language = fields.text("language") or "ko"
    return language if language in ("ko", "en") else None
ISSUES_URL = "https://github.com/policy-site/policy-site/issues"


def _parser() -> argparse.ArgumentParser:
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

    check_cmd = commands.add_parser("check", parents=[common],
                                    help="validate sources and the notice rule; write nothing")
    check_cmd.add_argument("--git", action="store_true",
                           help="also check history: no back-dated notices, no edits of published text")
    check_cmd.add_argument("--base", metavar="REF",
                           help="with --git, for a pull request: judge this branch as if merged "
                                "into REF today (e.g. origin/main)")
    check_cmd.add_argument("--format", choices=report.FORMATS, default="text")

    serve_cmd = commands.add_parser("serve", parents=[common],
                                    help="preview with drafts, rebuilding and reloading on save")
    serve_cmd.add_argument("--host", default="127.0.0.1")
    serve_cmd.add_argument("--port", type=int, default=8000)

    init_cmd = commands.add_parser("init", parents=[debugging],
                                   help="start a new policy site in a new or empty folder")
    init_cmd.add_argument("folder", nargs="?", default=".", metavar="DIR")
    init_cmd.add_argument("--language", choices=("ko", "en"), default="ko")
    init_cmd.add_argument("--title", metavar="T", help="the site's title")
    init_cmd.add_argument("--base-url", metavar="URL", help="the site's address")
    init_cmd.add_argument("--force", action="store_true",
                          help="add the missing files to a folder that is not empty (never "
                               "overwrites a file)")
    init_cmd.add_argument("--as-of", metavar="YYYY-MM-DD",
                          help="the first version's effective day (default: today)")

    verify_cmd = commands.add_parser(
        "verify", parents=[debugging],
        help="check a published site (URL or folder) against its ledger.json")
    verify_cmd.add_argument("site", metavar="URL|PATH")

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
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    global LANGUAGE
    LANGUAGE = language_for(_site_language(args))
    try:
        return _run(args)
    except PolicyError as error:
        sys.stderr.write(report.as_text(error.problems, LANGUAGE))
        _say(sys.stderr, "{command} failed: {counts}; nothing was written", command=args.command,
             counts=report.counts(error.problems))
        return EXIT_POLICY
    except UsageError as error:
        _say(sys.stderr, "policy-site: error: {reason}", reason=error.args[0])
        return EXIT_USAGE
    except KeyboardInterrupt:
        _say(sys.stderr, "policy-site: interrupted")
        return 130
    except OSError as error:  # the machine, not policy-site: a folder, a disk, a permission
        _say(sys.stderr, "policy-site: error: {where}{reason}; check that the folder exists and "
             "can be written, and that the disk has room",
             where=f"{error.filename}: " if error.filename else "",
             reason=error.strerror or str(error))
        return EXIT_USAGE
    except Exception as error:  # noqa: BLE001 - the last line of defence is the point
        if args.debug:
            traceback.print_exc()
        sys.stderr.write(f"policy-site: internal error ({type(error).__name__}: {error}). This is a "
                         f"bug; please report it at {ISSUES_URL} with the command you ran"
                         f"{'' if args.debug else ' and its output with --debug'}.\n")
        return EXIT_BUG


def _run(args: argparse.Namespace) -> int:
    root = Path(getattr(args, "root", "."))
    as_of = parse_as_of(args.as_of) if getattr(args, "as_of", None) else None
    if args.command == "build":
        out = Path(args.out) if args.out else root / "output"
        result = _unchanged_build(root, out, as_of, args)
        if result is None:
            from site_builder.commands.build import build

            result = build(root, out, as_of, use_cache=not args.no_cache, workers=args.jobs,
                           ledger=args.ledger)
        sys.stderr.write(report.as_text(result.warnings, LANGUAGE))
        print(in_language(result.summary(), LANGUAGE))
        return EXIT_OK
    if args.command == "check":
        return _check(root, as_of, args)
    if args.command == "serve":
        return _serve(root, as_of, args)
    if args.command == "new":
        return _new(root, as_of, args)
    if args.command == "verify":
        return _verify(args.site)
    if args.command == "init":
        return _init(args, as_of)
    raise UsageError(f"unknown command {args.command}")


def _unchanged_build(root: Path, out: Path, as_of, args: argparse.Namespace):
    """The last build's report when nothing it was made from has changed (build_stamp.py):
    checked before the libraries a real build needs are even loaded."""
    if args.no_cache or args.ledger:
        return None
    from site_builder.commands.build_record import unchanged
    from site_builder.output.writer import output_lock, real_output

    started = time.perf_counter()
    if not (root / "policies").is_dir():
        return None  # the build says what is wrong
    real_out = real_output(root, out, check_contents=False)  # unchanged() proves more
    with output_lock(real_out):
        found = unchanged(root, real_out, as_of)
    return replace(found, out=out, seconds=time.perf_counter() - started) if found else None


def _init(args: argparse.Namespace, as_of) -> int:
    from site_builder.base.dates import today_in
    from site_builder.commands.init import DEFAULTS, init_site

    folder = Path(args.folder)
    today = as_of or today_in(DEFAULTS[args.language]["timezone"])
    result = init_site(folder, args.language, args.title, args.base_url, today, args.force)
    for relative in result.written:
        _say(sys.stdout, "wrote {path}", path=relative)
    for relative in result.kept:
        _say(sys.stdout, "kept {path} (already there)", path=relative)
    _say(sys.stdout, "Next: {go}policy-site serve (preview), fill in policies/privacy/{day}.md, "
         "policy-site check, then commit and push.",
         go="" if folder == Path(".") else f"cd {folder} && ", day=today)
    return EXIT_OK


def _verify(location: str) -> int:
    from site_builder.commands.verify import verify

    result = verify(location)
    for line in result.checked:
        print(f"ok: {line}")
    for line in result.mismatches:
        print(f"mismatch: {line}")
    _say(sys.stdout, "verify passed: {count} mismatch(es)" if result.ok else
         "verify failed: {count} mismatch(es)", count=len(result.mismatches))
    return EXIT_OK if result.ok else EXIT_POLICY


def _new(root: Path, as_of, args: argparse.Namespace) -> int:
    from site_builder.commands.new import create_version

    effective = parse_as_of(args.effective, "--effective") if args.effective else None
    if args.translate is not None:
        return _new_translation(root, args, effective)
    announce = _announce_day(args.announce, root, as_of)
    created = create_version(root, args.document, effective, args.material, announce, as_of,
                             args.title)
    where = created.path.relative_to(root) if created.path.is_relative_to(root) else created.path
    if args.title is not None:
        _say(sys.stdout, "wrote {path}: the first version of '{title}', effective {effective}.\n"
             "Next: write the text, then run policy-site check.", path=where, title=args.title,
             effective=created.effective)
        return EXIT_OK
    if created.announced:
        notice = say("announced {day}, {window}-day notice", day=created.announced,
                     window=created.window)
    else:
        notice = say("draft: announce it by {day}",
                     day=created.effective - timedelta(days=created.window))
    _say(sys.stdout, "wrote {path}: effective {effective} ({notice}).\n"
         "Next: write the summary, edit the text, then run policy-site check.", path=where,
         effective=created.effective, notice=notice)
    return EXIT_OK


def _new_translation(root: Path, args: argparse.Namespace, effective) -> int:
    from site_builder.commands.new import create_translation

    if args.title is not None or args.announce is not None or args.material:
        raise UsageError(say("--translate takes no --title, --announce or --material: a "
                             "translation's dates and settings are its original's"))
    created = create_translation(root, args.document, args.translate, effective)
    _say(sys.stdout, "wrote {path}: the original's text, to translate; translates: names the "
         "original it renders.\nNext: translate the text (and the summary), then run "
         "policy-site check.", path=created.path.relative_to(root))
    return EXIT_OK


def _announce_day(value: str | None, root: Path, as_of):
    """--announce's day: the given one, or today (in the site's timezone)."""
    if value is None or value != "today":
        return parse_as_of(value, "--announce") if value else None
    if as_of:
        return as_of
    from site_builder.base.dates import today_in
    from site_builder.sources.loader import load_site
    return today_in(load_site(root).site.timezone)


def _serve(root: Path, as_of, args: argparse.Namespace) -> int:
    from site_builder.sources.loader import policies_dir
    from site_builder.commands.serve import serve

    policies_dir(root)  # a wrong --root is a usage error before anything starts

    def log(line: str) -> None:
        print(in_language(line, LANGUAGE), flush=True)

    def stop(*_) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)  # a service manager's stop is a clean stop too
    try:
        serve(root, as_of, args.host, args.port, log)
    except KeyboardInterrupt:
        _say(sys.stdout, "stopped")
    return EXIT_OK


def _check(root: Path, as_of, args: argparse.Namespace) -> int:
    from site_builder.commands.check import run_check

    if args.base and not args.git:
        raise UsageError(say("--base compares with the history of a branch; use it with --git"))
    result = run_check(root, as_of, args.git, args.base)
    problems = result.problems
    if args.format == "json":
        sys.stdout.write(report.as_json(problems, result.today.isoformat(), LANGUAGE))
    elif args.format == "github":
        sys.stdout.write(report.as_github(problems, LANGUAGE))
    else:
        sys.stdout.write(report.as_text(problems, LANGUAGE))
        _say(sys.stdout, "check passed as of {day}: {documents} document(s), {versions} "
             "version(s){git}; {counts}" if result.ok else "check failed as of {day}: "
             "{documents} document(s), {versions} version(s){git}; {counts}", day=result.today,
             documents=result.documents, versions=result.versions,
             git=say(", history checked") if args.git else "", counts=report.counts(problems))
    return EXIT_OK if result.ok else EXIT_POLICY
