"""Plain-text and Markdown articles: paragraphs separated by blank lines become segments."""

from __future__ import annotations

import re
from pathlib import Path

from mtqa.io.errors import InputError, decode
from mtqa.model import Document, Segment

# A paragraph: consecutive non-blank lines. It starts at the line's first character and ends at its
# last non-space one, so a CRLF file's trailing "\r" (or trailing spaces) never ends up in a segment.
_PARAGRAPH = re.compile(r"[^\n]*\S(?:[^\n]*\S)?(?:[ \t\r\f\v]*\n[^\n]*\S(?:[^\n]*\S)?)*")


def article_from_text(text: str, path: str = "<text>", lang: str | None = None) -> Document:
    """Split an article into paragraph segments, keeping every offset into `text`."""
    segments = []
    line = 1
    last = 0
    for i, m in enumerate(_PARAGRAPH.finditer(text)):
        line += text.count("\n", last, m.start())
        last = m.start()
        body = m.group()
        starts = tuple(j + 1 for j, ch in enumerate(body) if ch == "\n")
        segments.append(
            Segment(text=body, index=i, offset=m.start(), line=line, line_starts=starts, tgt_lang=lang)
        )
    if not segments:
        raise InputError(path, "no text (the file holds only whitespace)")
    return Document(path=path, segments=tuple(segments), lang=lang, text=text, kind="article")


def read_article(path: str | Path, lang: str | None = None) -> Document:
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError(str(path), "no such file") from None
    except IsADirectoryError:
        raise InputError(str(path), "is a directory") from None
    except OSError as exc:
        raise InputError(str(path), f"cannot read ({exc.strerror})") from None
    return article_from_text(decode(str(path), data), str(path), lang)
