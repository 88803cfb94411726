"""`mtqa check` in flat memory: read -> check -> write, one document at a time.

When every requested report can be streamed (mtqa.reporters.stream.STREAMING: text, json, jsonl,
sarif, github) and nothing needs the whole run's findings at once (a baseline to write or apply,
scores against references), the results go to the writers as `mtqa.parallel.iter_results` yields
them, in input order; only the totals are kept (mtqa.engine.ReportBuilder(keep=False)), and the exit
code comes from the worst severity seen so far. The reports are the same text as the ones rendered
from a whole Report.
"""

from __future__ import annotations

from contextlib import ExitStack
from dataclasses import dataclass
from typing import Any

from mtqa.commands.exits import EXIT_CLEAN, EXIT_USAGE, UsageError, final_code, severity_code
from mtqa.config import Config
from mtqa.model import InputProblem, Note
from mtqa.rules import Rule
from mtqa.terminal import print_error


@dataclass
class Group:
    """Files that share one configuration, ready to check: `inputs` is read lazily."""

    args: Any
    config: Config
    rules: tuple[Rule, ...]
    inputs: Any  # an iterable of Document | InputProblem
    notes: list[str]  # notes of the source pairing


def streamable(args, formats: list[str], groups: list[Group]) -> bool:
    from mtqa.commands.score import wants_scores
    from mtqa.reporters.stream import STREAMING

    return (
        all(fmt in STREAMING for fmt in formats)
        and not getattr(args, "write_baseline", None)
        and not wants_scores(args)
        and not any(g.config.baseline for g in groups)
    )


def stream_check(
    args, groups: list[Group], problems: list[InputProblem], formats: list[str], outputs: list[str | None]
) -> int:
    """Check `groups` and write every report as the results come; the exit code."""
    from mtqa.commands.discovery import merge
    from mtqa.commands.output import text_options
    from mtqa.engine import ReportBuilder
    from mtqa.parallel import iter_results
    from mtqa.progress import track, wanted
    from mtqa.reporters.stream import make_writer, open_output
    from mtqa.signature import check_signature

    for problem in problems:
        print_error(str(problem))
    code = EXIT_USAGE if problems else EXIT_CLEAN
    padded = [*outputs, *[None] * (len(formats) - len(outputs))]
    summaries = []
    path: str | None = None
    try:
        with ExitStack() as stack:
            writers = []
            for fmt, path in zip(formats, padded, strict=True):
                out = stack.enter_context(open_output(path))
                writers.append(make_writer(fmt, out, **(text_options(args, path) if fmt == "text" else {})))
            path = None
            for group in groups:
                builder = ReportBuilder(keep=False)
                inputs = track(group.inputs, "checking", enabled=wanted(getattr(args, "quiet", False)))
                jobs, scheduler = getattr(args, "jobs", None), getattr(args, "dask_scheduler", None)
                for result in iter_results(inputs, group.rules, group.config, jobs, scheduler):
                    builder.add(result)
                    if isinstance(result, InputProblem):
                        print_error(str(result))
                        continue
                    for f in result.findings:
                        for w in writers:
                            w.finding(f)
                    for record in result.documents:
                        for w in writers:
                            w.document(record)
                summary = builder.build(check_signature(group.rules, group.config))
                summaries.append(summary.with_notes(Note(n, "input") for n in group.notes))
                code = max(code, severity_code(builder.worst, bool(builder.problems), group.config.fail_on))
            report = merge(summaries, problems)
            for w in writers:
                w.close(report)
    except BrokenPipeError:
        raise  # the reader went away (| head): cli.main ends quietly
    except OSError as exc:  # an unwritable --output: one line, not a traceback
        raise UsageError(f"cannot write {path or 'the report'}: {exc.strerror or exc}") from None
    return final_code(code, args.exit_zero)
