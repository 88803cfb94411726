"""Line and column of a character offset: the one place that counts newlines for every module."""

from __future__ import annotations


def line_col(text: str, offset: int, line: int = 1, column: int = 1) -> tuple[int, int]:
    """1-based line and column (in code points) of `offset` in `text`, when text[0] stands at
    (`line`, `column`): a JSONL `mt` string starts at column 1 of its row's line, a scoring unit
    wherever its sentence starts."""
    newlines = text.count("\n", 0, offset)
    if not newlines:
        return line, column + offset
    return line + newlines, offset - text.rfind("\n", 0, offset)
