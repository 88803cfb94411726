"""JSONL segment files, streamed one document at a time so memory does not grow with the corpus.

Rows of one document must be contiguous (as every MT toolkit writes them); rows without `doc_id`
are each a document of their own. Within a document, rows are ordered by `seg_idx`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

from mtqa.io.errors import MAX_SEGMENT_CHARS, InputError, encoding_problem, open_file, oversize
from mtqa.io.languages import language_code
from mtqa.model import Document, InputProblem, Segment

# A file that is not JSONL at all would otherwise print one error per line.
MAX_LINE_PROBLEMS = 20


class RowError(ValueError):
    """A row that cannot be checked: the message names the line and the key."""


_SURROGATE = re.compile("[\ud800-\udfff]")


def _text(row: dict, key: str, where: str, required: bool = False) -> str | None:
    """A string value, refused when it holds a lone surrogate: JSON's "\\ud800" escape decodes to a
    code point that is no Unicode text (it cannot be written as UTF-8). The row is reported and
    skipped, as a row with invalid UTF-8 is, rather than checked with a replaced character."""
    value = row.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str):
        if required:
            raise RowError(f"{where}: missing or non-string {key!r}")
        raise RowError(f"{where}: {key!r} must be a string")
    _no_surrogate(value, f"{where}: {key!r}")
    return value


def _no_surrogate(value: str, where: str) -> None:
    m = _SURROGATE.search(value)
    if m:
        raise RowError(
            f"{where} holds a lone surrogate (\\u{ord(m.group()):04x}) at character {m.start()}, "
            "which is not Unicode text; row skipped"
        )


def _refs(row: dict, where: str) -> tuple[str, ...]:
    value = row.get("ref")
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RowError(f"{where}: 'ref' must be a string or a list of strings")
    for i, v in enumerate(value):
        _no_surrogate(v, f"{where}: 'ref'[{i}]")
    return tuple(value)


def _identifier(row: dict, key: str, where: str) -> str | None:
    value = row.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise RowError(f"{where}: {key!r} must be a string or an integer, got {type(value).__name__}")
    if isinstance(value, str):
        _no_surrogate(value, f"{where}: {key!r}")
    return str(value)


def _language(row: dict, key: str, where: str) -> str | None:
    value = row.get(key)
    if value is None:
        return None
    try:
        return language_code(value)
    except ValueError as exc:
        raise RowError(f"{where}: {key!r}: {exc}") from None


def _segment(row: dict, lineno: int, where: str) -> tuple[str | None, int, Segment]:
    """Every value this reader uses is type-checked here, at the boundary, with the line and key."""
    mt = _text(row, "mt", where, required=True)
    src = _text(row, "src", where)
    for key, value in (("mt", mt), ("src", src)):
        if value is not None and len(value) > MAX_SEGMENT_CHARS:
            raise RowError(oversize(f"{where}: {key!r}", len(value)))
    seg_idx = row.get("seg_idx", 0)
    if isinstance(seg_idx, bool) or not isinstance(seg_idx, int):
        raise RowError(f"{where}: 'seg_idx' must be an integer")
    segment = Segment(
        text=mt,
        index=0,
        offset=0,
        line=lineno,
        column=1,
        id=_identifier(row, "id", where),
        src=src,
        ref=_refs(row, where),
        src_lang=_language(row, "src_lang", where),
        tgt_lang=_language(row, "tgt_lang", where),
    )
    return _identifier(row, "doc_id", where), seg_idx, segment


def _parse(line: str, where: str) -> dict:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        raise RowError(f"{where}: malformed JSON ({exc.msg}, column {exc.colno})") from None
    except RecursionError:  # the parser's depth limit: a row is an object of strings and lists
        raise RowError(f"{where}: JSON nested too deeply") from None
    except ValueError as exc:  # e.g. an integer of thousands of digits
        raise RowError(f"{where}: unreadable JSON value ({str(exc).split(';')[0]})") from None
    if not isinstance(row, dict):
        raise RowError(f"{where}: expected a JSON object")
    return row


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
                    doc_id, seg_idx, seg = _segment(_parse(line, where), lineno, where)
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
