"""Where a finding ends, for formats that want an end line and column (SARIF, GitHub).

Finding.line/column locate the first character (1-based, columns in code points). The span text is
the exact text between start and end, so the end position follows from it; SARIF's endColumn is
the column *after* the last character.
"""

from __future__ import annotations

from mtqa.text.positions import line_col


def is_segment_file(f) -> bool:
    """JSONL rows: line is the row's line in the file, column counts inside the `mt` string."""
    return f.path.endswith(".jsonl")


def end_position(f) -> tuple[int, int]:
    """(endLine, endColumn) with endColumn exclusive; an empty span ends where it starts."""
    text = f.text or ""
    return line_col(text, len(text), f.line, f.column)
