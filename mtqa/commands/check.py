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
from mtqa.commands.output import add_terminal_options
from mtqa.terminal import print_error

FAIL_ON = ("error", "warning", "info", "never")


def _csv(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def add_parser(sub) -> None:
    p = sub.add_parser("check", help="find machine-translation artifacts")
    p.add_argument("paths", nargs="*", metavar="PATH", help="article (.txt/.md), directory, .jsonl, or -")
    p.add_argument("--lang", type=lang_arg, help="target language (ISO 639-1); detected when absent")
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
    # Repeated options accumulate, as in ruff: --select A --select B selects both.
    p.add_argument("--select", type=_csv, action="extend", help="rule codes, code prefixes or names to run")
    p.add_argument(
        "--ignore", type=_csv, action="extend", default=[], help="rule codes, prefixes or names to skip"
    )
    p.add_argument(
        "--extend-select", type=_csv, action="extend", default=[], help="add rules to the selection"
    )
    p.add_argument(
        "--statistics",
        action="store_true",
        default=None,
        help="print a table of counts per rule (count, code, name) instead of the findings",
    )
    add_terminal_options(p)
    src = p.add_argument_group("source-aware checks (numbers, names, omissions... against the source)")
    src.add_argument(
        "--source",
        metavar="PATH",
        help="the source article (for one target file), or a "
        "directory of sources paired with the targets by relative path",
    )
    src.add_argument(
        "--src-lang", metavar="LANG", type=lang_arg, help="source language (ISO 639-1); detected when absent"
    )
    src.add_argument(
        "--source-pattern",
        metavar="PAT",
        help="source file name for a target, e.g. "
        '"{stem}.en.txt" or "{stem}.fr.txt={stem}.en.txt" (target=source)',
    )
    src.add_argument(
        "--stdin-filename",
        metavar="PATH",
        help="the path of the text read from - (finds its config, per-path settings and source)",
    )
    src.add_argument(
        "--force-exclude",
        action="store_true",
        help="skip files named on the command line that exclude/.gitignore leave out (for pre-commit)",
    )
    src.add_argument(
        "--exonyms",
        action="append",
        metavar="FILE",
        default=None,
        help="extra exonym table (TSV: source name, target forms separated by |)",
    )
    par = p.add_argument_group("parallel and distributed checking")
    par.add_argument(
        "-j",
        "--jobs",
        type=jobs_arg,
        default=None,
        metavar="N",
        help="check documents on N processes (default: every core; 1: in this process)",
    )
    par.add_argument(
        "--dask-scheduler",
        metavar="ADDRESS",
        help='check on a Dask cluster: a scheduler address (tcp://host:8786) or "local" '
        '(needs pip install "mtqa[dask]")',
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


def lang_arg(value: str) -> str:
    """--lang/--src-lang: an ISO 639-1 code, else a usage error (an unknown code would silently
    switch off every rule written for the language)."""
    import argparse

    from mtqa.io.languages import language_code

    try:
        return language_code(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def jobs_arg(value: str) -> int:
    """--jobs: a whole number of processes, at least 1."""
    import argparse

    try:
        jobs = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if jobs < 1:
        raise argparse.ArgumentTypeError("--jobs must be at least 1")
    return jobs


def text_options(args, path: str | None) -> dict:
    """The text report's colour, width and layout: colour and width only on a terminal (and as
    NO_COLOR, FORCE_COLOR and COLUMNS say); --statistics prints the table instead of the findings."""
    from mtqa.terminal import color_wanted, width_for

    to_stdout = path in (None, "-")
    stream = sys.stdout if to_stdout else None
    return {
        "color": color_wanted(args.color, stream) if to_stdout or args.color == "always" else False,
        "width": width_for(stream) if to_stdout else None,
        "statistics": True,
        "listing": not getattr(args, "statistics", None),
    }


def exit_code(report, fail_on: str) -> int:
    from mtqa.model import Severity

    if report.problems:
        return 2
    if fail_on == "never":
        return 0
    worst = report.worst()
    return 1 if worst is not None and worst >= Severity.parse(fail_on) else 0


def run(args) -> int:
    from mtqa.reporters import FORMATS, render

    formats, outputs = format_pairs(args)
    if len(outputs) > len(formats):
        print_error("more --output than --format options")
        return 2
    for fmt in formats:
        if fmt not in FORMATS:
            print_error(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
            return 2
    from mtqa.commands.output import stdout_clash

    clash = stdout_clash(formats, outputs)
    if clash:
        print_error(clash)
        return 2
    from mtqa.commands.output import OutputError, check_output_path

    for out in outputs:  # before the run: a refused --output must not cost the whole check
        try:
            if out not in (None, "-"):
                check_output_path(out)
        except OutputError as exc:
            print_error(f"cannot write {out}: {exc.strerror}")
            return 2
    for f in args.exonyms or ():
        if not os.path.isfile(f):
            print_error(f"--exonyms {f}: no such file")
            return 2
    from mtqa.commands.discovery import ConfigFinder
    from mtqa.config import ConfigError
    from mtqa.io.pairing import PairingError

    finder = ConfigFinder(args)
    try:
        if args.show_config or not args.paths:
            config = build_config(finder.args_for(finder.key_for(args.paths[0])) if args.paths else args)
            if args.show_config:
                return show_config(config)
            print_error("the following arguments are required: PATH")
            return 2
        groups, problems = finder.groups(args.paths)
        runs = [_check_group(gargs, files, formats) for gargs, files in groups]
    except (ConfigError, PairingError, ValueError) as exc:
        print_error(str(exc))
        return 2
    from mtqa.commands.discovery import merge

    report = merge([r for _, r, _ in runs], problems)
    for problem in report.problems:
        print_error(str(problem))
    from mtqa.commands.score import score_check_paths, wants_scores

    first_args = runs[0][0] if runs else args
    score_status = score_check_paths(first_args, report) if wants_scores(args) else None
    if score_status == 2:
        return 2
    code = 2 if report.problems else 0
    if args.write_baseline:
        ended = apply_baseline(report, first_args, runs[0][2] if runs else build_config(args))
        if ended is not None:
            return ended
    for gargs, group_report, config in runs:  # each group's baseline and fail-on (closest config)
        kept = set(map(id, group_report.findings))
        ended = apply_baseline(group_report, gargs, config)
        if ended is not None:
            return ended
        still = set(map(id, group_report.findings))
        report.findings = [f for f in report.findings if id(f) in still or id(f) not in kept]
        report.notes.extend(n for n in group_report.notes if n not in report.notes)
        code = max(code, exit_code(group_report, config.fail_on))
    for i, fmt in enumerate(formats):
        path = output_path(fmt, outputs[i] if i < len(outputs) else None)
        opts = text_options(args, path) if fmt == "text" else {}
        if fmt == "junit":  # failures are the findings that fail the run (each file's fail-on)
            opts = {"fail_on": {f.path: config.fail_on for _, r, config in runs for f in r.findings}}
        try:
            from mtqa.commands.output import emit

            emit(render(fmt, report, **opts), path)
        except BrokenPipeError:
            raise  # the reader went away (| head): cli.main ends quietly
        except OSError as exc:  # an unwritable --output: one line, not a traceback
            print_error(f"cannot write {path or 'stdout'}: {exc.strerror or exc}")
            return 2
    code = max(code, score_status or 0)  # 1 when a score threshold fails
    return 0 if args.exit_zero and code == 1 else code


def _check_group(args, files: list[str], formats):
    """Check the files that share one config: (their args, Report, Config)."""
    from dataclasses import replace

    from mtqa.io import read_inputs
    from mtqa.io.pairing import attach_sources, source_spec
    from mtqa.rules import select_rules

    config = build_config(args)
    rules = select_rules(config.select, config.ignore, config.extend_select)
    inputs = read_inputs(files, config.lang, stdin_filename=args.stdin_filename)
    notes: list[str] = []
    if args.exonyms:
        config = replace(config, options={**config.options, "exonyms": tuple(args.exonyms)})
    if args.source:
        spec = source_spec(args.source, "--source", args.source_pattern, config.require_source)
    elif config.source:
        spec = source_spec(
            config.source, f"source in {config.config_file}", args.source_pattern, config.require_source
        )
    else:
        spec = None
    if spec is not None:
        inputs = list(attach_sources(inputs, args.paths, spec, args.src_lang, notes=notes))
    from mtqa.parallel import run_checks
    from mtqa.progress import track, wanted

    report = run_checks(
        track(inputs, "checking", enabled=wanted(getattr(args, "quiet", False))),
        rules,
        config,
        jobs=getattr(args, "jobs", None),
        scheduler=getattr(args, "dask_scheduler", None),
    )
    report.notes.extend(notes)
    return args, report, config
