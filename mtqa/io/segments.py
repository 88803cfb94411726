"""JSONL segment files, streamed one document at a time so memory does not grow with the corpus.

Each row is validated by mtqa.io.rows.parse_row (shared with `mtqa score` and `mtqa compare`).
Rows of one document must be contiguous (as every MT toolkit writes them); rows without `doc_id`
are each a document of their own. Within a document, rows are ordered by `seg_idx`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from mtqa.io.errors import InputError, encoding_problem, open_file
from mtqa.io.rows import RowError, parse_row
from mtqa.model import Document, InputProblem, Segment

# A file that is not JSONL at all would otherwise print one error per line.
MAX_LINE_PROBLEMS = 20


def _document(path: str, doc_id: str | None, rows: list[tuple[int, Segment]], lang: str | None) -> Document:
    rows.sort(key=lambda r: r[0])
    # Each segment was numbered by its arrival (read_jsonl); rows out of seg_idx order, or a guess
    # made before the row's doc_id was known, are numbered again here.
    segs = tuple(s if s.index == i else replace(s, index=i) for i, (_, s) in enumerate(rows))
    tgt = lang or next((s.tgt_lang for s in segs if s.tgt_lang), None)
    src_lang = next((s.src_lang for s in segs if s.src_lang), None)
    return Document(path=path, segments=segs, doc_id=doc_id, lang=tgt, src_lang=src_lang, kind="segments")


def read_jsonl(path: str | Path, lang: str | None = None) -> Iterator[Document | InputProblem]:
    """Yield Documents, and an InputProblem for each malformed line (the rest is still read)."""
    name = str(path)
    try:
        handle = open_file(path)
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except OSError as exc:
        raise InputError(name, f"cannot read ({exc.strerror})") from None
    current: str | None = None
    rows: list[tuple[int, Segment]] = []
    seen_any = False
    bad_lines = 0
    with handle:
        for lineno, raw in enumerate(handle, start=1):
            where = f"line {lineno}"
            if lineno == 1:
                problem = encoding_problem(raw)
                if problem:
                    raise InputError(name, problem.replace("UTF-8 text", "UTF-8 JSON lines"))
                raw = raw.removeprefix(b"\xef\xbb\xbf")  # a byte-order mark is not JSON
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                problem = f"{where}: invalid UTF-8 at byte offset {exc.start} of the line"
            else:
                if not line.strip():
                    continue
                try:
                    row = parse_row(line, lineno, index=len(rows))  # right if it joins `rows`
                    doc_id, seg_idx, seg = row.doc_id, row.seg_idx, row.segment
                    problem = None
                except RowError as exc:
                    problem = str(exc)
            if problem is not None:
                bad_lines += 1
                if bad_lines <= MAX_LINE_PROBLEMS:
                    yield InputProblem(name, problem)
                continue
            seen_any = True
            if rows and (doc_id is None or doc_id != current):
                yield _document(name, current, rows, lang)
                rows = []
            current = doc_id
            rows.append((seg_idx, seg))
    if rows:
        yield _document(name, current, rows, lang)
    elif not seen_any and not bad_lines:  # a file of bad lines already said what is wrong with it
        yield InputProblem(name, "no segments (empty JSONL file)")
    if bad_lines > MAX_LINE_PROBLEMS:
        yield InputProblem(
            name,
            f"{bad_lines - MAX_LINE_PROBLEMS} more bad lines not listed "
            f"({bad_lines} in all; is this a JSONL file?)",
        )
