"""The CI-gate options of `mtqa check`: configuration file, glossary, baseline, default HTML file.

Kept apart from check.py so the check command stays a thin sequence of steps.
"""

from __future__ import annotations

import argparse
import sys

from mtqa.commands.exits import EXIT_CLEAN, EXIT_USAGE, UsageError
from mtqa.terminal import print_status

DEFAULT_HTML = "reports/mtqa-report.html"


def add_gate_options(p) -> None:
    p.add_argument(
        "--config",
        metavar="FILE",
        help="use this mtqa.toml/pyproject.toml instead of the "
        "nearest one found from the working directory upwards",
    )
    p.add_argument("--isolated", action="store_true", help="ignore every configuration file")
    p.add_argument("--show-config", action="store_true", help="print the effective configuration and exit")
    p.add_argument(
        "--glossary",
        action="append",
        metavar="FILE",
        help="house-style glossary (TSV or TOML); adds to the configured ones",
    )
    p.add_argument("--baseline", metavar="FILE", help="accept the findings recorded in FILE; fail on new")
    p.add_argument("--write-baseline", metavar="FILE", help="record today's findings in FILE and exit 0")


def config_from_args(args, cli: dict):
    """The effective Config: file settings overridden by `cli` (values None mean 'not given')."""
    from mtqa.config_loading import load_config

    cli = {
        **cli,
        "glossary": tuple(getattr(args, "glossary", None) or ()),
        "baseline": getattr(args, "baseline", None),
        "src_lang": getattr(args, "src_lang", None),
        "source_pattern": getattr(args, "source_pattern", None),
    }
    config = load_config(
        cli, config_file=getattr(args, "config", None), isolated=getattr(args, "isolated", False)
    )
    # Options other commands read from args: the configured value where the command line is silent.
    for attr in ("src_lang", "source_pattern"):
        if hasattr(args, attr) and getattr(args, attr) is None:
            setattr(args, attr, getattr(config, attr))
    for name, value in config.thresholds.items():  # min-bleu -> args.min_bleu (mtqa/commands/score.py)
        attr = name.replace("-", "_")
        if hasattr(args, attr) and getattr(args, attr) is None:
            setattr(args, attr, value)
    _check_glossaries(config)
    # The HTML page shows the articles; JUnit lists clean files as passing cases.
    if {"html", "junit"} & set(getattr(args, "formats", None) or ()) and not config.keep_text:
        from dataclasses import replace

        config = replace(config, keep_text=True)
    if hasattr(args, "formats"):  # mtqa check: alignments only for the reports that print them
        from dataclasses import replace

        from mtqa.reporters.stream import WANT_ALIGNMENTS

        if not set(args.formats or ["text"]) & set(WANT_ALIGNMENTS):
            config = replace(config, keep_alignment=False)
    return config


def _check_glossaries(config) -> None:
    """Read the glossaries now, so a bad one is a usage error (exit 2) before any rule runs."""
    from mtqa.config import ConfigError
    from mtqa.glossary import GlossaryError, load

    for path in config.options.get("glossary", ()):
        try:
            load(path)
        except GlossaryError as exc:
            where = f" (listed in {config.config_file})" if config.config_file else ""
            raise ConfigError(f"glossary: {exc}{where}") from None


def show_config(config) -> int:
    from mtqa.config_show import show

    sys.stdout.write(show(config))
    return EXIT_CLEAN


def write_baseline(report, target: str) -> int:
    """--write-baseline FILE: record the report's findings in FILE; the run ends here (exit 2 when
    an input could not be read, else 0). An unwritable FILE raises UsageError."""
    from mtqa import baseline

    try:
        n = baseline.write(report.findings, target)
    except OSError as exc:
        raise UsageError(f"cannot write baseline {target}: {exc.strerror}") from None
    print_status(f"recorded {n} finding{'s' if n != 1 else ''} in {target}")
    return EXIT_USAGE if report.problems else EXIT_CLEAN


def apply_baseline(report, config):
    """The report without the findings the configured baseline accepts (with a note saying how
    many); unchanged without a baseline. A bad baseline file raises UsageError."""
    from dataclasses import replace

    from mtqa import baseline
    from mtqa.model import Note

    if not config.baseline:
        return report
    try:
        accepted = baseline.load(config.baseline)
    except baseline.BaselineError as exc:
        raise UsageError(str(exc)) from None
    findings, matched = baseline.filter_new(report.findings, accepted, config.baseline)
    report = replace(report, findings=tuple(findings))
    if matched:
        accepted_note = (
            f"{matched} finding{'s' if matched != 1 else ''} accepted by the baseline {config.baseline}"
        )
        report = report.with_notes([Note(accepted_note, "baseline")])
    return report


def output_path(fmt: str, path: str | None) -> str | None:
    """HTML goes to a file under reports/ unless --output says otherwise."""
    if fmt == "html" and path is None:
        print_status(f"HTML report written to {DEFAULT_HTML}")
        return DEFAULT_HTML
    return path


class FormatAction(argparse.Action):
    """`--format FMT`: a new report; an --output given right before or after it names its file."""

    def __call__(self, parser, ns, value, option_string=None):
        ns.formats = [*(ns.formats or []), value]
        ns.outputs = [*(ns.outputs or []), getattr(ns, "pending_output", None)]
        ns.pending_output = None


class OutputAction(argparse.Action):
    def __call__(self, parser, ns, value, option_string=None):
        outputs = list(ns.outputs or [])
        if outputs and outputs[-1] is None:
            outputs[-1] = value
            ns.outputs = outputs
        elif getattr(ns, "pending_output", None) is None:
            ns.pending_output = value  # for the next --format, or for the default text report
        else:
            parser.error("two --output options without a --format between them")


def format_pairs(args) -> tuple[list[str], list[str | None]]:
    """The requested formats and the file each goes to (None: stdout, or reports/ for html)."""
    formats = list(args.formats or [])
    outputs = list(args.outputs or [None] * len(formats))
    pending = getattr(args, "pending_output", None)
    if not formats:
        return ["text"], [pending]
    if pending is not None:  # `--format json --output a.json --output b.txt`: caught above; stray last one
        formats.append("text")
        outputs.append(pending)
    return formats, outputs
