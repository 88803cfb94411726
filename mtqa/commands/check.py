"""`mtqa check PATH...`: run the rules and report."""

from __future__ import annotations

import os
from collections.abc import Iterable
from contextlib import contextmanager
from typing import TYPE_CHECKING

from mtqa.commands.exits import EXIT_CLEAN, EXIT_USAGE, UsageError, exit_code, final_code
from mtqa.commands.gate import (
    FormatAction,
    OutputAction,
    add_gate_options,
    apply_baseline,
    format_pairs,
    output_path,
    show_config,
    write_baseline,
)
from mtqa.commands.output import add_terminal_options, check_requested_reports, text_options, write_reports
from mtqa.terminal import print_error

if TYPE_CHECKING:
    from mtqa.model import Document, InputProblem

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
        help="text (default), json, jsonl, sarif, junit, github, github-summary, gitlab or html; "
        "repeat for several reports",
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
        help="skip files named on the command line that exclude or git's ignore files (.gitignore, "
        ".git/info/exclude, core.excludesFile) leave out (for pre-commit)",
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


def run(args) -> int:
    """Check the paths, score them when asked, apply the baselines, write the reports; the exit
    code. Usage and input errors raise UsageError (mtqa.cli prints it)."""
    from mtqa.commands.discovery import ConfigFinder, merge

    formats, outputs = format_pairs(args)
    check_requested_reports(formats, outputs)
    _check_exonyms(args)
    finder = ConfigFinder(args)
    if args.show_config or not args.paths:
        return _show_config(args, finder)
    groups, problems = _prepare_groups(args, finder)
    from mtqa.commands.check_stream import stream_check, streamable

    if streamable(args, formats, groups):  # flat memory: each result written as it comes
        with _usage_errors():
            return stream_check(args, groups, problems, formats, outputs)
    with _usage_errors():
        runs = [_check_group(group) for group in groups]
    report = merge([r for _, r, _ in runs], problems)
    for problem in report.problems:
        print_error(str(problem))
    first_args = runs[0][0] if runs else args
    score_status, report = _scores(args, first_args, report)
    if args.write_baseline:
        return write_baseline(report, args.write_baseline)
    report, code = _apply_baselines(report, runs)
    _write_reports(args, report, runs, formats, outputs)
    return final_code(max(code, score_status), args.exit_zero)


def _check_exonyms(args) -> None:
    from mtqa.rules.source_name_mismatch import ExonymFileError, read_exonyms

    for f in args.exonyms or ():
        if not os.path.isfile(f):
            raise UsageError(f"--exonyms {f}: no such file")
        try:
            read_exonyms(f)  # a malformed row is a usage error now, not a row skipped mid-check
        except (ExonymFileError, OSError, UnicodeDecodeError) as e:
            raise UsageError(f"--exonyms {e}") from None


def _show_config(args, finder) -> int:
    """--show-config (the config of the first PATH, else of the working directory); without it,
    no PATH is a usage error."""
    with _usage_errors():
        config = build_config(finder.args_for(finder.key_for(args.paths[0])) if args.paths else args)
    if not args.show_config:
        raise UsageError("the following arguments are required: PATH")
    return show_config(config)


def _prepare_groups(args, finder):
    """Each group of files sharing a config, ready to check (check_stream.Group), and the walk's
    problems."""
    with _usage_errors():
        groups, problems = finder.groups(args.paths)
        return [_prepare_group(gargs, files) for gargs, files in groups], problems


@contextmanager
def _usage_errors():
    """A bad configuration, --source or selector ends the run as a usage error."""
    from mtqa.config import ConfigError
    from mtqa.io.pairing import PairingError

    try:
        yield
    except (ConfigError, PairingError, ValueError) as exc:
        raise UsageError(str(exc)) from None


def _scores(args, first_args, report):
    """--ref/--metrics/--comet-model: (EXIT_FAILED when a score threshold fails else EXIT_CLEAN,
    the report with the scores)."""
    from mtqa.commands.score import score_check_paths, wants_scores

    if not wants_scores(args):
        return EXIT_CLEAN, report
    status, report = score_check_paths(first_args, report)
    return status or EXIT_CLEAN, report


def _apply_baselines(report, runs):
    """Each group's baseline and fail-on (its closest config): (the report without the findings a
    baseline accepts, the exit code the findings left give)."""
    from dataclasses import replace

    code = EXIT_USAGE if report.problems else EXIT_CLEAN
    for _, group_report, config in runs:
        filtered = apply_baseline(group_report, config)
        kept, still = set(map(id, group_report.findings)), set(map(id, filtered.findings))
        findings = tuple(f for f in report.findings if id(f) in still or id(f) not in kept)
        report = replace(report, findings=findings).with_notes(filtered.notes)
        code = max(code, exit_code(filtered, config.fail_on))
    return report, code


def _write_reports(args, report, runs, formats, outputs) -> None:
    # JUnit's failures are the findings that fail the run (each file's fail-on)
    fail_on = {f.path: config.fail_on for _, r, config in runs for f in r.findings}

    def options(fmt: str, path: str | None) -> dict:
        if fmt == "text":
            return text_options(args, path)
        return {"fail_on": fail_on} if fmt == "junit" else {}

    padded = [*outputs, *[None] * (len(formats) - len(outputs))]
    # output_path runs as each report is written: its "HTML report written to" line comes then
    targets = ((fmt, output_path(fmt, out)) for fmt, out in zip(formats, padded, strict=True))
    write_reports(report, targets, options)


def _prepare_group(args, files: list[str]):
    """The files that share one config, with their config, rules and (lazily read) inputs."""
    from dataclasses import replace

    from mtqa.commands.check_stream import Group
    from mtqa.io import read_inputs
    from mtqa.io.pairing import attach_sources, source_spec
    from mtqa.rules import select_rules

    config = build_config(args)
    rules = select_rules(config.select, config.ignore, config.extend_select)
    inputs: Iterable[Document | InputProblem] = read_inputs(
        files, config.lang, stdin_filename=args.stdin_filename
    )
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
    return Group(args, config, rules, inputs, notes)


def _check_group(group):
    """Check the files that share one config: (their args, Report, Config)."""
    from mtqa.model import Note
    from mtqa.parallel import run_checks
    from mtqa.progress import track, wanted

    args = group.args
    report = run_checks(
        track(group.inputs, "checking", enabled=wanted(getattr(args, "quiet", False))),
        group.rules,
        group.config,
        jobs=getattr(args, "jobs", None),
        scheduler=getattr(args, "dask_scheduler", None),
    )
    return args, report.with_notes(Note(n, "input") for n in group.notes), group.config
