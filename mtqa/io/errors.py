"""Input errors carry a one-line message; the CLI prints it and moves on to the next input."""

from __future__ import annotations

import os
import stat
from typing import BinaryIO

# A paragraph or JSONL row beyond this many characters is not news text (a scraped page without
# line breaks, a runaway decoder): checking it would take minutes and gigabytes, so it is reported
# as an input error, one line, and the rest of the input is checked.
MAX_SEGMENT_CHARS = 1_000_000


def oversize(what: str, length: int) -> str:
    return (
        f"{what} holds {length:,} characters, over the {MAX_SEGMENT_CHARS:,} a segment may hold; "
        "not checked (split it into paragraphs)"
    )


class InputError(Exception):
    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


class NotRegularFile(OSError):
    """A FIFO, device or socket named as an input: reading it could block forever or never end."""


def open_file(path: str | os.PathLike) -> BinaryIO:
    """A regular file opened for reading in binary. A FIFO, device or socket raises NotRegularFile
    at once: it is opened without blocking and checked on the open descriptor, so nothing can be
    swapped in between the check and the read."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(21, "is a directory", str(path))
        kind = "a FIFO" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else "a device"
        raise NotRegularFile(0, f"not a regular file: {kind}", str(path))
    if hasattr(os, "set_blocking"):
        os.set_blocking(fd, True)
    return os.fdopen(fd, "rb")


def read_file(path: str | os.PathLike) -> bytes:
    """The bytes of a regular file (see open_file)."""
    with open_file(path) as fh:
        return fh.read()


def encoding_problem(data: bytes) -> str | None:
    """Why bytes cannot be UTF-8 text: UTF-16/32 (said so, with the cure) or binary; else None."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "UTF-32 text (byte-order mark); convert it to UTF-8 (iconv -f UTF-32 -t UTF-8)"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16 text (byte-order mark); convert it to UTF-8 (iconv -f UTF-16 -t UTF-8)"
    head = data[:8192]
    if b"\x00" not in head:
        return None
    # UTF-16 without a mark: Latin text puts a NUL in every other byte, and only there.
    pairs = len(head) // 2
    even, odd = head[0 : 2 * pairs : 2].count(0), head[1 : 2 * pairs : 2].count(0)
    if pairs >= 4 and min(even, odd) == 0 and max(even, odd) >= pairs * 3 // 4:
        order = "LE" if odd else "BE"
        return (
            f"UTF-16{order} text (no byte-order mark); convert it to UTF-8 (iconv -f UTF-16{order} -t UTF-8)"
        )
    return "binary file (contains NUL bytes), expected UTF-8 text"


def decode(path: str, data: bytes) -> str:
    """Decode UTF-8 strictly: a wrong byte is evidence, so it is reported, never replaced."""
    if not data:
        raise InputError(path, "empty file")
    problem = encoding_problem(data)
    if problem:
        raise InputError(path, problem)
    # A byte-order mark is an encoding marker, not text: dropping it keeps column 1 on the first
    # character. Offsets then count characters of the text after the mark (as editors do).
    bom = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    try:
        return data[bom:].decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(path, f"invalid UTF-8 at byte offset {exc.start + bom}") from None
