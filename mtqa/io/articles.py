"""Plain-text and Markdown articles: paragraphs separated by blank lines become segments."""

from __future__ import annotations

from pathlib import Path

from mtqa.io.errors import MAX_SEGMENT_CHARS, InputError, decode, oversize, read_file
from mtqa.model import Document, InputProblem, Segment

# Characters a line may end with before its newline and still run on into the next line's paragraph.
_LINE_END_BLANKS = frozenset(" \t\r\f\v")


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: consecutive non-blank lines. A paragraph starts at its first
    line's first character and ends at its last non-space one, so a CRLF file's trailing "\r" (or
    trailing spaces) never ends up in a segment. One pass over the lines (a regex scanning a line of
    spaces for a non-space backtracks quadratically in the line's length)."""
    spans: list[tuple[int, int]] = []
    start = end = -1  # the open paragraph; end is just after its last non-space character
    joinable = False  # the open paragraph's last line ends with [ \t\r\f\v]* before its newline
    pos, n = 0, len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        stop = n if nl < 0 else nl
        last = len(text[pos:stop].rstrip())  # length of the line up to its last non-space character
        if last:
            if start >= 0 and not joinable:
                spans.append((start, end))
                start = -1
            if start < 0:
                start = pos
            end = pos + last
            joinable = all(ch in _LINE_END_BLANKS for ch in text[end:stop])
        elif start >= 0:
            spans.append((start, end))
            start = -1
        if nl < 0:
            break
        pos = nl + 1
    if start >= 0:
        spans.append((start, end))
    return spans


def article_from_text(
    text: str, path: str = "<text>", lang: str | None = None, problems: list[InputProblem] | None = None
) -> Document:
    """Split an article into paragraph segments, keeping every offset into `text`. With a
    `problems` list, a paragraph over MAX_SEGMENT_CHARS is left out and reported there."""
    segments: list[Segment] = []
    line = 1
    last = 0
    for start, end in _paragraph_spans(text):
        line += text.count("\n", last, start)
        last = start
        if problems is not None and end - start > MAX_SEGMENT_CHARS:
            problems.append(InputProblem(path, oversize(f"line {line}: the paragraph", end - start)))
            continue
        body = text[start:end]
        starts = tuple(j + 1 for j, ch in enumerate(body) if ch == "\n")
        segments.append(
            Segment(
                text=body, index=len(segments), offset=start, line=line, line_starts=starts, tgt_lang=lang
            )
        )
    if not segments:
        if problems:
            raise InputError(path, problems.pop().message)
        raise InputError(path, "no text (the file holds only whitespace)")
    return Document(path=path, segments=tuple(segments), lang=lang, text=text, kind="article")


def read_article(
    path: str | Path, lang: str | None = None, problems: list[InputProblem] | None = None
) -> Document:
    try:
        data = read_file(path)
    except FileNotFoundError:
        raise InputError(str(path), "no such file") from None
    except IsADirectoryError:
        raise InputError(str(path), "is a directory") from None
    except OSError as exc:
        raise InputError(str(path), f"cannot read ({exc.strerror})") from None
    return article_from_text(decode(str(path), data), str(path), lang, problems)
