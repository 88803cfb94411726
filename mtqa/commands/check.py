"""`mtqa check PATH...`: run the rules and report."""

from __future__ import annotations

import os
import sys

from mtqa.commands.gate import (
    FormatAction,
    OutputAction,
    add_gate_options,
    apply_baseline,
    format_pairs,
    output_path,
    show_config,
)
from mtqa.terminal import print_error

FAIL_ON = ("error", "warning", "info", "never")


def _csv(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def add_parser(sub) -> None:
    p = sub.add_parser("check", help="find machine-translation artifacts")
    p.add_argument("paths", nargs="*", metavar="PATH", help="article (.txt/.md), directory, .jsonl, or -")
    p.add_argument("--lang", help="target language (ISO 639-1); detected when absent")
    p.add_argument(
        "--format",
        action=FormatAction,
        dest="formats",
        metavar="FMT",
        help="text (default), json, sarif, junit, github or html; repeat for several reports",
    )
    p.add_argument(
        "--output",
        action=OutputAction,
        dest="outputs",
        metavar="FILE",
        help="write the --format just before (or after) it to FILE, atomically",
    )
    p.add_argument("--fail-on", choices=FAIL_ON, help="lowest severity that makes the exit code 1")
    p.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings fail the run")
    p.add_argument("--select", type=_csv, help="rule codes, code prefixes or names to run")
    p.add_argument("--ignore", type=_csv, default=[], help="rule codes, prefixes or names to skip")
    p.add_argument("--extend-select", type=_csv, default=[], help="add rules to the selection")
    p.add_argument("--statistics", action="store_true", default=None, help="print counts per rule")
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    src = p.add_argument_group("source-aware checks (numbers, names, omissions... against the source)")
    src.add_argument(
        "--source",
        metavar="PATH",
        help="the source article (for one target file), or a "
        "directory of sources paired with the targets by relative path",
    )
    src.add_argument("--src-lang", metavar="LANG", help="source language (ISO 639-1); detected when absent")
    src.add_argument(
        "--source-pattern",
        metavar="PAT",
        help="source file name for a target, e.g. "
        '"{stem}.en.txt" or "{stem}.fr.txt={stem}.en.txt" (target=source)',
    )
    src.add_argument(
        "--exonyms",
        action="append",
        metavar="FILE",
        default=None,
        help="extra exonym table (TSV: source name, target forms separated by |)",
    )
    add_gate_options(p)
    from mtqa.commands.score import add_scoring_options

    add_scoring_options(p, for_check=True)  # --ref, --metrics, thresholds, --comet-model...
    p.set_defaults(run=run)


def build_config(args):
    """Defaults <- [tool.mtqa] in the nearest pyproject.toml/mtqa.toml <- these command-line values
    (None: not given). Raises mtqa.config.ConfigError."""
    from mtqa.commands.gate import config_from_args

    return config_from_args(
        args,
        {
            "select": tuple(args.select) if args.select else None,
            "ignore": tuple(args.ignore),
            "extend_select": tuple(args.extend_select),
            "fail_on": args.fail_on,
            "lang": args.lang,
        },
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

    formats, outputs = format_pairs(args)
    if len(outputs) > len(formats):
        print_error("more --output than --format options")
        return 2
    for fmt in formats:
        if fmt not in FORMATS:
            print_error(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
            return 2
    from mtqa.commands.output import OutputError, check_output_path

    for out in outputs:  # before the run: a refused --output must not cost the whole check
        try:
            if out not in (None, "-"):
                check_output_path(out)
        except OutputError as exc:
            print_error(f"cannot write {out}: {exc.strerror}")
            return 2
    from mtqa.config import ConfigError

    try:
        config = build_config(args)
    except ConfigError as exc:
        print_error(str(exc))
        return 2
    if args.show_config:
        return show_config(config)
    if not args.paths:
        print_error("the following arguments are required: PATH")
        return 2
    try:
        rules = select_rules(config.select, config.ignore, config.extend_select)
    except ValueError as exc:
        print_error(str(exc))
        return 2
    inputs = read_inputs(args.paths, config.lang)
    pairing_notes: list[str] = []
    if args.source or args.exonyms:
        from dataclasses import replace

        from mtqa.io.pairing import PairingError, attach_sources

        for f in args.exonyms or ():
            if not os.path.isfile(f):
                print_error(f"--exonyms {f}: no such file")
                return 2
        config = replace(config, options={**config.options, "exonyms": tuple(args.exonyms or ())})
        if args.source:
            try:
                inputs = list(
                    attach_sources(
                        inputs, args.paths, args.source, args.src_lang, args.source_pattern, pairing_notes
                    )
                )
            except PairingError as exc:
                print_error(str(exc))
                return 2
    report = check(inputs, rules, config)
    report.notes.extend(pairing_notes)
    for problem in report.problems:
        print_error(str(problem))
    from mtqa.commands.score import score_check_paths, wants_scores

    score_status = score_check_paths(args, report) if wants_scores(args) else None
    if score_status == 2:
        return 2
    ended = apply_baseline(report, args, config)
    if ended is not None:
        return ended
    for i, fmt in enumerate(formats):
        path = output_path(fmt, outputs[i] if i < len(outputs) else None)
        opts = {}
        if fmt == "text":
            tty = path is None and sys.stdout.isatty()
            opts = {
                "color": args.color == "always" or (args.color == "auto" and tty),
                "statistics": args.statistics is not False,
            }
        try:
            emit(render(fmt, report, **opts), path)
        except BrokenPipeError:
            raise  # the reader went away (| head): cli.main ends quietly
        except OSError as exc:  # an unwritable --output: one line, not a traceback
            print_error(f"cannot write {path or 'stdout'}: {exc.strerror or exc}")
            return 2
    code = max(exit_code(report, config.fail_on), score_status or 0)  # 1 when a score threshold fails
    return 0 if args.exit_zero and code == 1 else code
