"""Text bound for a terminal, made inert: control characters are shown, never interpreted.

An article, a file name or a JSONL value can hold ANSI/OSC escapes (colours, clear screen, window
title, hyperlinks), a newline that forges a second `mtqa: error:` line, or bidirectional overrides
that reorder what a reader sees. Every human-readable output (the text report, the score tables,
error and status lines) passes its input-derived text through `visible`, which writes each such
character as a Python-style escape: ESC becomes the four characters `\\x1b`, U+202E `\\u202e`.
Machine formats (JSON, SARIF, JUnit, HTML) escape by their own rules and keep the text as it is.
"""

from __future__ import annotations

import re
import sys

# C0 and C1 controls and DEL, bidirectional embeddings, overrides and isolates, and lone surrogates
# (which no terminal encoding can write).
_INVISIBLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape(m: re.Match) -> str:
    code = ord(m.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def visible(text: str) -> str:
    """`text` with every control character written as an escape (a newline too: one line out)."""
    return _INVISIBLE.sub(_escape, text)


def print_error(message: str, file=None) -> None:
    """The one-line error every command prints: `mtqa: error: MESSAGE`, made visible."""
    print(f"mtqa: error: {visible(message)}", file=file or sys.stderr)


def print_status(message: str, file=None) -> None:
    """A one-line status on stderr (`mtqa: recorded 3 findings in FILE`), made visible."""
    print(f"mtqa: {visible(message)}", file=file or sys.stderr)


def color_wanted(choice: str, stream=None) -> bool:
    """--color always/never decide; under auto, NO_COLOR (any non-empty value) turns colour off and
    FORCE_COLOR turns it on (https://no-color.org, https://force-color.org), else a terminal has it."""
    import os

    if choice in ("always", "never"):
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    stream = stream or sys.stdout
    return bool(getattr(stream, "isatty", lambda: False)())


def width_for(stream=None) -> int | None:
    """Columns to fit: COLUMNS when set, the terminal's width when `stream` is one, else None (no
    limit: a file or a pipe keeps one finding a line)."""
    import os
    import shutil

    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    stream = stream or sys.stdout
    if getattr(stream, "isatty", lambda: False)():
        return shutil.get_terminal_size().columns
    return None
