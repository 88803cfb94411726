"""Writing files: atomically (a temporary file in the same folder, then a rename), and only over a
new path or a regular file.

A FIFO, a device or a directory is refused, since the rename would replace it with a regular file
(as root, a real /dev node). Text that cannot be encoded (a lone surrogate in a file name read
from the disk) is written as a backslash escape rather than failing the whole file.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO


class OutputError(OSError):
    """An --output path that must not be written; strerror says why, in one line."""


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


@contextmanager
def atomic_writer(path: str) -> Iterator[TextIO]:
    """A text file to write `path` through: a temporary file beside it, renamed over it when the
    block ends normally, removed when it does not."""
    check_output_path(path)
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:  # BaseException: Ctrl-C, and SIGTERM (cli.main turns it into Terminated), remove the file
        with os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace", newline="") as fh:
            yield fh
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; a report is an ordinary file (CI uploads it)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_atomic(path: str, content: str) -> None:
    with atomic_writer(path) as fh:
        fh.write(content)


__all__ = ["OutputError", "atomic_writer", "check_output_path", "write_atomic"]
