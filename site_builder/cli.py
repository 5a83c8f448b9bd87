"""The command line: parse flags, run a command, print, and exit with the code SPEC 4 gives.

Only this module prints or exits. Exit codes: 0 clean, 1 errors in the policies, 2 usage or
environment errors, 3 an internal error (a bug).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
from pathlib import Path

from site_builder.base import collector, problem_formats as report
from site_builder.cli_arguments import build_parser
from site_builder.base.dates import Clock, parse_as_of
from site_builder.base.languages import MESSAGE_SOURCE_LANGUAGE
from site_builder.base.messages import in_language, language_for, say
from site_builder.base.problems import PolicyError, Problem, UsageError
from site_builder.sources.site_basics import SiteBasics, peek_site

# Each command imports its own modules when it runs: `check` in a pre-commit hook should not
# pay for loading the web server and the templates.

EXIT_OK, EXIT_POLICY, EXIT_USAGE, EXIT_BUG = 0, 1, 2, 3
LANGUAGE = MESSAGE_SOURCE_LANGUAGE  # of the messages: the site's, once main() has found it


def _say(stream, template: str, **values) -> None:
    """One line of output, in the site's language."""
    _print(stream, say(template, **values))


def _print(stream, message: str) -> None:
    stream.write(in_language(message, LANGUAGE) + "\n")
    stream.flush()


# What the commands are called in a message, so a Korean line stays Korean ("빌드 실패").
COMMAND_WORDS = {"build": say("build"), "check": say("check"), "serve": say("serve"),
                 "new": say("new"), "init": say("init"), "verify": say("verify"),
                 "import": say("import"), "notify": say("notify")}
ISSUES_URL = "https://github.com/policy-site/policy-site/issues"


def run() -> None:
    """``policy-site`` and ``python -m site_builder``: the command, then out at once. All it
    wrote is closed by then (files, the cache's database, its processes ended); what Python
    would still do is free the site as read, object by object: 40 ms of a build that changed
    one version of the 1,000-version archive, 15 ms of one with nothing to do. ``main``
    itself returns, for the tests and for anyone calling it."""
    code = main()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe: nothing more to say
            stream.flush()
    os._exit(code)


def main(argv: list[str] | None = None) -> int:
    collector.tune()
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    global LANGUAGE
    site = SiteBasics() if args.command == "init" else peek_site(
        Path(getattr(args, "root", ".")), remember=args.command == "build" and not args.no_cache)
    LANGUAGE = language_for(args.language if args.command == "init" else site.language)
    try:
        return _run(args, site)
    except PolicyError as error:
        sys.stderr.write(report.as_text(error.problems, LANGUAGE))
        _say(sys.stderr, "{command} failed: {counts}; nothing was written",
             command=COMMAND_WORDS[args.command], counts=report.counts(error.problems))
        return EXIT_POLICY
    except UsageError as error:
        _say(sys.stderr, "policy-site: error: {reason}", reason=error.args[0])
        if getattr(args, "format", None) == "github":  # so the run's summary shows it too
            sys.stdout.write(report.as_github([Problem("", None, error.args[0], rule="usage")],
                                              LANGUAGE))
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
            import traceback  # only for our bugs

            traceback.print_exc()
        sys.stderr.write(f"policy-site: internal error ({type(error).__name__}: {error}). This is a "
                         f"bug; please report it at {ISSUES_URL} with the command you ran"
                         f"{'' if args.debug else ' and its output with --debug'}.\n")
        return EXIT_BUG


def _run(args: argparse.Namespace, site: SiteBasics) -> int:
    """One command function, called with what the flags say, and what it found printed."""
    root = Path(getattr(args, "root", "."))
    clock = Clock(_day(args, "as_of"))
    if args.command == "serve":
        return _serve(root, clock, args)
    if args.command == "init":
        return _init(args, clock)
    if args.command == "verify":
        return _verify(args, clock)
    today = clock.today(site.timezone)  # the day this run is for: decided once, here
    if args.command == "build":
        return _build(root, today, args)
    if args.command == "check":
        return _check(root, today, args)
    if args.command == "new":
        return _new(root, today, args)
    if args.command == "import":
        return _import(root, today, args)
    if args.command == "notify":
        return _notify(root, today, args)
    raise UsageError(f"unknown command {args.command}")


def _day(args: argparse.Namespace, name: str):
    """A date flag's day (--as-of, --effective, --announce), or None when not given."""
    value = getattr(args, name, None)
    return parse_as_of(value, "--" + name.replace("_", "-")) if value else None


def _build(root: Path, today, args: argparse.Namespace) -> int:
    from site_builder.commands.build import build

    out = Path(args.out) if args.out else root / "output"
    summary = build(root, out, today, use_cache=not args.no_cache, workers=args.jobs,
                    ledger=args.ledger, pdf=args.pdf)
    sys.stderr.write(report.as_text(summary.warnings, LANGUAGE))
    print(in_language(summary.summary(), LANGUAGE))
    return EXIT_OK


def _init(args: argparse.Namespace, clock: Clock) -> int:
    from site_builder.commands.init import Request, init

    request = Request(Path(args.folder), args.language, args.title, args.base_url,
                      _day(args, "effective"), args.tool_source, args.force)
    for line in init(request, clock):
        _print(sys.stdout, line)
    return EXIT_OK


def _verify(args: argparse.Namespace, clock: Clock) -> int:
    from site_builder.commands.verify import verify

    global LANGUAGE
    result = verify(args.site, clock.as_of, args.against)
    LANGUAGE = language_for(args.language or result.language)
    for line in result.checked:
        _say(sys.stdout, "ok: {line}", line=line)
    for line in result.mismatches:
        _say(sys.stdout, "mismatch: {line}", line=line)
    _say(sys.stdout, "verify passed: {count} mismatch(es)" if result.ok else
         "verify failed: {count} mismatch(es)", count=len(result.mismatches))
    return EXIT_OK if result.ok else EXIT_POLICY


def _new(root: Path, today, args: argparse.Namespace) -> int:
    from site_builder.commands.new import new

    effective = _day(args, "effective")
    announce = today if args.announce == "today" else _day(args, "announce")
    for line in new(root, today, args.document, effective, args.material, announce, args.title,
                    args.translate):
        _print(sys.stdout, line)
    return EXIT_OK


def _import(root: Path, today, args: argparse.Namespace) -> int:
    from site_builder.commands.importer import import_files

    for line in import_files(root, today, [Path(name) for name in args.files], args.document,
                             _day(args, "effective"), _day(args, "announced"), args.title):
        _print(sys.stdout, line)
    return EXIT_OK


def _notify(root: Path, today, args: argparse.Namespace) -> int:
    from site_builder.commands.notify import notify

    if not args.webhook:
        raise UsageError(say("notify needs --webhook URL (or POLICY_SITE_WEBHOOK)"))
    for line in notify(root, today, args.ledger, args.webhook):
        _print(sys.stdout, line)
    return EXIT_OK


def _serve(root: Path, clock: Clock, args: argparse.Namespace) -> int:
    from site_builder.commands.serve import serve
    from site_builder.base.paths import policies_dir

    policies_dir(root)  # a wrong --root is a usage error before anything starts

    def log(line: str) -> None:
        print(in_language(line, LANGUAGE), flush=True)

    def stop(*_) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)  # a service manager's stop is a clean stop too
    try:
        serve(root, clock, args.host, args.port, log)
    except KeyboardInterrupt:
        _say(sys.stdout, "stopped")
    return EXIT_OK


def _check(root: Path, today, args: argparse.Namespace) -> int:
    from site_builder.commands.check import run_check

    if args.base and not args.git:
        raise UsageError(say("--base compares with the history of a branch; use it with --git"))
    result = run_check(root, today, args.git, args.base, args.ledger)
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
