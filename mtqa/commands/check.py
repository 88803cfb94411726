"""`mtqa check PATH...`: run the rules and report."""

from __future__ import annotations

import sys

FAIL_ON = ("error", "warning", "info", "never")


def _csv(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def add_parser(sub) -> None:
    p = sub.add_parser("check", help="find machine-translation artifacts")
    p.add_argument("paths", nargs="+", metavar="PATH", help="article (.txt/.md), directory, .jsonl, or -")
    p.add_argument("--lang", help="target language (ISO 639-1); detected when absent")
    p.add_argument("--format", action="append", dest="formats", metavar="FMT",
                   help="text (default) or json; repeat with --output for several reports")
    p.add_argument("--output", action="append", dest="outputs", metavar="FILE",
                   help="write the matching --format to FILE (atomically)")
    p.add_argument("--fail-on", choices=FAIL_ON, help="lowest severity that makes the exit code 1")
    p.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings fail the run")
    p.add_argument("--select", type=_csv, help="rule codes, code prefixes or names to run")
    p.add_argument("--ignore", type=_csv, default=[], help="rule codes, prefixes or names to skip")
    p.add_argument("--extend-select", type=_csv, default=[], help="add rules to the selection")
    p.add_argument("--statistics", action="store_true", default=None, help="print counts per rule")
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    p.set_defaults(run=run)


def build_config(args):
    from mtqa.config import Config

    return Config(
        select=tuple(args.select) if args.select else None,
        ignore=tuple(args.ignore),
        extend_select=tuple(args.extend_select),
        fail_on=args.fail_on or "error",
        lang=args.lang,
    )


def exit_code(report, fail_on: str) -> int:
    from mtqa.model import Severity

    if report.problems:
        return 2
    if fail_on == "never":
        return 0
    worst = report.worst()
    return 1 if worst is not None and worst >= Severity.parse(fail_on) else 0


def run(args) -> int:
    from mtqa.commands.output import emit
    from mtqa.engine import check
    from mtqa.io import read_inputs
    from mtqa.reporters import FORMATS, render
    from mtqa.rules import select_rules

    formats = args.formats or ["text"]
    outputs = args.outputs or []
    if len(outputs) > len(formats):
        print("mtqa: error: more --output than --format options", file=sys.stderr)
        return 2
    for fmt in formats:
        if fmt not in FORMATS:
            print(f"mtqa: error: unknown format {fmt!r} (choose from {', '.join(FORMATS)})", file=sys.stderr)
            return 2
    config = build_config(args)
    try:
        rules = select_rules(config.select, config.ignore, config.extend_select)
    except ValueError as exc:
        print(f"mtqa: error: {exc}", file=sys.stderr)
        return 2
    report = check(read_inputs(args.paths, config.lang), rules, config)
    for problem in report.problems:
        print(f"mtqa: error: {problem}", file=sys.stderr)
    for i, fmt in enumerate(formats):
        path = outputs[i] if i < len(outputs) else None
        opts = {}
        if fmt == "text":
            tty = path is None and sys.stdout.isatty()
            opts = {"color": args.color == "always" or (args.color == "auto" and tty),
                    "statistics": args.statistics is not False}
        emit(render(fmt, report, **opts), path)
    code = exit_code(report, config.fail_on)
    return 0 if args.exit_zero and code == 1 else code
