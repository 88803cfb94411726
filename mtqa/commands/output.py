"""Writing reports: stdout, or files written atomically (temporary file, then rename).

`--output` names a new path or a regular file: a FIFO, a device or a directory is refused, since
the rename would replace it with a regular file (as root, a real /dev node). Text that cannot be
encoded (a lone surrogate in a file name read from the disk) is written as a backslash escape
rather than failing the whole report.
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from pathlib import Path


class OutputError(OSError):
    """An --output path that must not be written; strerror says why, in one line."""


def add_terminal_options(parser) -> None:
    """--color and -q/--quiet, as every command that writes to a terminal takes them."""
    parser.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="auto (default): colour on a terminal, off under NO_COLOR, on under FORCE_COLOR",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar")


def check_output_path(path: str) -> None:
    """Raise OutputError unless `path` is new or a regular file (followed through links)."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise OutputError(exc.errno or 0, exc.strerror or str(exc), path) from None
    if stat.S_ISREG(mode):
        return
    kind = (
        "a directory"
        if stat.S_ISDIR(mode)
        else "a FIFO"
        if stat.S_ISFIFO(mode)
        else "a socket"
        if stat.S_ISSOCK(mode)
        else "a device"
    )
    raise OutputError(0, f"is {kind}, not a regular file; give a new path or a regular file", path)


def write_atomic(path: str, content: str) -> None:
    check_output_path(path)
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:  # BaseException: Ctrl-C, and SIGTERM (cli.main turns it into Terminated), remove the file
        with os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace", newline="") as fh:
            fh.write(content)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; a report is an ordinary file (CI uploads it)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def emit(content: str, path: str | None) -> None:
    if path is None or path == "-":
        try:
            sys.stdout.write(content)
        except UnicodeEncodeError:  # a lone surrogate from a file name, or a narrow locale
            encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
            sys.stdout.write(content.encode(encoding, "backslashreplace").decode(encoding))
        sys.stdout.flush()
    else:
        write_atomic(path, content)


# Formats that are one document each: two of them on one stream make a file no consumer can read.
DOCUMENT_FORMATS = ("json", "sarif", "junit", "html", "gitlab")


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
