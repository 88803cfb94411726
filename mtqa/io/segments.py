"""JSONL segment files, streamed one document at a time so memory does not grow with the corpus.

Rows of one document must be contiguous (as every MT toolkit writes them); rows without `doc_id`
are each a document of their own. Within a document, rows are ordered by `seg_idx`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from mtqa.io.errors import InputError
from mtqa.model import Document, InputProblem, Segment

# A file that is not JSONL at all would otherwise print one error per line.
MAX_LINE_PROBLEMS = 20


def _refs(value, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ValueError(f"{where}: 'ref' must be a string or a list of strings")


def _segment(row: dict, lineno: int, where: str) -> tuple[str | None, int, Segment]:
    mt = row.get("mt")
    if not isinstance(mt, str):
        raise ValueError(f"{where}: missing or non-string 'mt'")
    src = row.get("src")
    if src is not None and not isinstance(src, str):
        raise ValueError(f"{where}: 'src' must be a string")
    seg_idx = row.get("seg_idx", 0)
    if not isinstance(seg_idx, int):
        raise ValueError(f"{where}: 'seg_idx' must be an integer")
    seg_id = row.get("id")
    segment = Segment(
        text=mt,
        index=0,
        offset=0,
        line=lineno,
        column=1,
        id=None if seg_id is None else str(seg_id),
        src=src,
        ref=_refs(row.get("ref"), where),
        src_lang=row.get("src_lang"),
        tgt_lang=row.get("tgt_lang"),
    )
    doc_id = row.get("doc_id")
    return (None if doc_id is None else str(doc_id)), seg_idx, segment


def _document(path: str, doc_id: str | None, rows: list[tuple[int, Segment]], lang: str | None) -> Document:
    rows.sort(key=lambda r: r[0])
    segs = tuple(Segment(**{**s.__dict__, "index": i}) for i, (_, s) in enumerate(rows))
    tgt = lang or next((s.tgt_lang for s in segs if s.tgt_lang), None)
    src_lang = next((s.src_lang for s in segs if s.src_lang), None)
    return Document(path=path, segments=segs, doc_id=doc_id, lang=tgt, src_lang=src_lang, kind="segments")


def read_jsonl(path: str | Path, lang: str | None = None) -> Iterator[Document | InputProblem]:
    """Yield Documents, and an InputProblem for each malformed line (the rest is still read)."""
    name = str(path)
    try:
        handle = open(path, "rb")
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
                if b"\x00" in raw[:8192]:
                    raise InputError(name, "binary file (contains NUL bytes), expected UTF-8 JSON lines")
                raw = raw.removeprefix(b"\xef\xbb\xbf")  # a byte-order mark is not JSON
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                problem = f"{where}: invalid UTF-8 at byte offset {exc.start} of the line"
            else:
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                    if not isinstance(row, dict):
                        raise ValueError(f"{where}: expected a JSON object")
                    doc_id, seg_idx, seg = _segment(row, lineno, where)
                    problem = None
                except json.JSONDecodeError as exc:
                    problem = f"{where}: malformed JSON ({exc.msg}, column {exc.colno})"
                except ValueError as exc:
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
