"""Streaming writers: a report written while the run goes on, so memory does not grow with the corpus.

A writer takes the findings and document records one at a time, in input order, as
`mtqa.parallel.iter_results` yields them, and the rest of the report (counts, notes, errors, scores,
signature: a Report whose findings and documents it ignores) at `close`. The same writer renders a
whole Report (`write_report`), so a streamed report and a rendered one are the same text.

    with open_output(path) as out:
        writer = make_writer("jsonl", out)
        for finding in ...: writer.finding(finding)
        writer.close(summary)
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import import_module
from typing import Any, Protocol, TextIO

from mtqa.model import DocumentRecord, Finding, Report

# Formats whose writer holds nothing per finding (the text format keeps a count per rule).
STREAMING = ("text", "json", "jsonl", "sarif", "github")
# Formats that print the documents' records (alignments): the engine keeps them only for these.
WANT_ALIGNMENTS = ("json",)


class Writer(Protocol):
    def finding(self, f: Finding) -> None: ...

    def document(self, record: DocumentRecord) -> None: ...

    def close(self, summary: Report) -> None: ...


def make_writer(fmt: str, out: TextIO, **options: Any) -> Writer:
    """The streaming writer of `fmt` (one of STREAMING) writing to `out`."""
    if fmt not in STREAMING:
        raise ValueError(f"format {fmt!r} cannot be streamed (streaming formats: {', '.join(STREAMING)})")
    return import_module(f"mtqa.reporters.{fmt}_report").Writer(out, **options)


def dump(value: Any, level: int) -> str:
    """`value` as json.dumps(indent=2) writes it `level` levels deep (JSON and SARIF writers)."""
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * level)


def write_report(writer: Writer, report: Report) -> None:
    """A whole Report through a streaming writer."""
    for f in report.findings:
        writer.finding(f)
    for record in report.documents:
        writer.document(record)
    writer.close(report)


class _Stdout:
    """Standard output for a report: text that the terminal's encoding cannot carry (a lone
    surrogate from a file name, a narrow locale) is written as backslash escapes."""

    def write(self, text: str) -> int:
        try:
            return sys.stdout.write(text)
        except UnicodeEncodeError:
            encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
            return sys.stdout.write(text.encode(encoding, "backslashreplace").decode(encoding))

    def flush(self) -> None:
        sys.stdout.flush()


@contextmanager
def open_output(path: str | None) -> Iterator[TextIO]:
    """Where a streamed report goes: stdout (None or "-"), or `path` written atomically (a temporary
    file beside it, renamed over it when the report is complete; removed if the run fails)."""
    if path is None or path == "-":
        out = _Stdout()
        yield out  # type: ignore[misc]
        out.flush()
        return
    from mtqa.io.files import atomic_writer

    with atomic_writer(path) as fh:
        yield fh


def spool() -> Any:
    """A text buffer for records written after the findings (JSON's documents): in memory while
    small, on disk beyond a few megabytes."""
    return tempfile.SpooledTemporaryFile(
        max_size=4 << 20, mode="w+", encoding="utf-8", errors="surrogatepass"
    )
