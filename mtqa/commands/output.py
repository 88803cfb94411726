"""Writing reports: stdout, or files written atomically (mtqa.reporters.stream.open_output).

`--output` names a new path or a regular file (mtqa.io.files.check_output_path). Text that cannot
be encoded (a lone surrogate in a file name read from the disk) is written as a backslash escape
rather than failing the whole report.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from mtqa.commands.exits import UsageError
from mtqa.io.files import OutputError, check_output_path

if TYPE_CHECKING:
    from mtqa.model import Report


def add_terminal_options(parser) -> None:
    """--color and -q/--quiet, as every command that writes to a terminal takes them."""
    parser.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="auto (default): colour on a terminal, off under NO_COLOR, on under FORCE_COLOR",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar")


def emit(content: str, path: str | None) -> None:
    """`content` to stdout (None or "-") or to `path`, as mtqa.reporters.stream.open_output writes."""
    from mtqa.reporters.stream import open_output

    with open_output(path) as out:
        out.write(content)


# Formats that are one document each: two of them on one stream make a file no consumer can read.
DOCUMENT_FORMATS = ("json", "jsonl", "sarif", "junit", "html", "gitlab")


def stdout_clash(formats: list[str], outputs: list[str | None]) -> str | None:
    """The one-line error for several reports bound for stdout when one of them is a machine
    format (`--format json --format sarif` would glue two documents into one invalid file), else
    None. HTML without --output goes to its default file, not to stdout."""
    to_stdout = [
        fmt
        for i, fmt in enumerate(formats)
        if (outputs[i] if i < len(outputs) else None) in (None, "-")
        and not (fmt == "html" and (outputs[i] if i < len(outputs) else None) is None)
    ]
    if len(to_stdout) > 1 and set(to_stdout) & set(DOCUMENT_FORMATS):
        return (
            f"{len(to_stdout)} reports ({', '.join(to_stdout)}) would share stdout; "
            "give all but one an --output FILE"
        )
    return None


def check_requested_reports(formats: list[str], outputs: list[str | None]) -> None:
    """Raise UsageError for a report that cannot be written, before the run (a refused --output
    must not cost a whole check): an unknown format, an --output without its --format, two
    documents bound for stdout, an --output that is not a new path or a regular file. `outputs`
    holds one entry a format at most (None: the format's default, "-": stdout)."""
    from mtqa.reporters import FORMATS

    if len(outputs) > len(formats):
        raise UsageError("more --output than --format options")
    for fmt in formats:
        if fmt not in FORMATS:
            raise UsageError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    clash = stdout_clash(formats, outputs)
    if clash:
        raise UsageError(clash)
    for out in outputs:
        if out in (None, "-"):
            continue
        try:
            check_output_path(out)
        except OutputError as exc:
            raise UsageError(f"cannot write {out}: {exc.strerror}") from None


def text_options(args: Any, path: str | None) -> dict[str, Any]:
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


def write_reports(
    report: Report,
    targets: Iterable[tuple[str, str | None]],
    options: Callable[[str, str | None], dict[str, Any]],
) -> None:
    """Render `report` once per (format, path) (None or "-": stdout) with the reporter options
    `options(format, path)` gives, each written by write_output."""
    from mtqa.reporters import render

    for fmt, path in targets:
        write_output(render(fmt, report, **options(fmt, path)), path)


def write_output(content: str, path: str | None) -> None:
    """emit(), with an unwritable path raised as UsageError (one line, not a traceback); a reader
    gone away (`| head`) raises BrokenPipeError, which cli.main ends quietly."""
    try:
        emit(content, path)
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise UsageError(f"cannot write {path or 'stdout'}: {exc.strerror or exc}") from None
