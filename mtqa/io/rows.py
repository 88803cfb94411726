"""One JSONL row -> one Segment: the single place where a row's fields are validated.

`mtqa check` (mtqa.io.segments), `mtqa score` and `mtqa compare` (mtqa.scoring.inputs) all read rows
through `parse_row`, so the same row is accepted or refused alike, with the same one-line message
("line N: 'field' ..."; the caller puts the file name in front). The rules, decided once:

- the row is a JSON object; `mt` a string (required);
- `src` a string or absent/null; `ref` a string, a non-empty list of strings, or absent/null;
- `id` and `doc_id` a string or an integer (kept as text); `seg_idx` an integer;
- `src_lang`/`tgt_lang` an ISO 639-1 code (mtqa.io.languages);
- no text value holds a lone surrogate ("\\ud800" decodes to no Unicode text) or a NUL character
  (no news text holds one; it marks a binary or truncated record);
- `mt` and `src` hold at most MAX_SEGMENT_CHARS characters.
What each command does with a valid row (grouping by doc_id, pairing references) is its own affair.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from mtqa.io.errors import MAX_SEGMENT_CHARS, oversize
from mtqa.io.languages import language_code
from mtqa.model import Segment


class RowError(ValueError):
    """A row that cannot be used: the message names the line and the key, on one line."""


@dataclass(frozen=True)
class SegmentRow:
    """A valid row: its Segment (text = `mt`), and where it belongs in its document."""

    segment: Segment
    doc_id: str | None
    seg_idx: int


_NOT_TEXT = re.compile("[\x00\ud800-\udfff]")


def _no_bad_character(value: str, where: str) -> None:
    m = _NOT_TEXT.search(value)
    if m is None:
        return
    if m.group() == "\x00":
        raise RowError(f"{where} holds a NUL character at character {m.start()}, which is not text")
    raise RowError(
        f"{where} holds a lone surrogate (\\u{ord(m.group()):04x}) at character {m.start()}, "
        "which is not Unicode text"
    )


def _text(row: dict, key: str, where: str, required: bool = False) -> str | None:
    value = row.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str):
        if required:
            raise RowError(f"{where}: missing or non-string {key!r}")
        raise RowError(f"{where}: {key!r} must be a string")
    _no_bad_character(value, f"{where}: {key!r}")
    if len(value) > MAX_SEGMENT_CHARS:
        raise RowError(oversize(f"{where}: {key!r}", len(value)))
    return value


def _refs(row: dict, where: str) -> tuple[str, ...]:
    value = row.get("ref")
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if isinstance(value, list) and not value:
        raise RowError(f"{where}: 'ref' is an empty list (leave it out, or give a reference)")
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RowError(f"{where}: 'ref' must be a string or a non-empty list of strings")
    for i, v in enumerate(value):
        _no_bad_character(v, f"{where}: 'ref'[{i}]")
    return tuple(value)


def _identifier(row: dict, key: str, where: str) -> str | None:
    value = row.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise RowError(f"{where}: {key!r} must be a string or an integer, got {type(value).__name__}")
    if isinstance(value, str):
        _no_bad_character(value, f"{where}: {key!r}")
    return str(value)


# Valid language values already read, and their codes: a corpus repeats one or two tags on every row.
_CODES: dict[str, str] = {}
_MAX_CODES = 256  # tags are few; a file of odd ones must not grow this without end


def _language(row: dict, key: str, where: str) -> str | None:
    value = row.get(key)
    if value is None:
        return None
    if isinstance(value, str) and value in _CODES:
        return _CODES[value]
    try:
        code = language_code(value)
    except ValueError as exc:
        raise RowError(f"{where}: {key!r}: {exc}") from None
    if isinstance(value, str) and len(_CODES) < _MAX_CODES:
        _CODES[value] = code
    return code


def _json_object(line: str, where: str) -> dict:
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


def parse_row(line: str, lineno: int, index: int = 0) -> SegmentRow:
    """The row on line `lineno` (1-based) of a JSONL file, its segment numbered `index` (a caller
    that knows the segment's place in its document saves a copy). Raises RowError("line N: ...")."""
    where = f"line {lineno}"
    # without the line end and trailing blanks (no part of the JSON), so that a column in an error is
    # the same whether the caller split the file keeping line ends (check) or not (score)
    row = _json_object(line.rstrip(), where)
    mt = _text(row, "mt", where, required=True)
    src = _text(row, "src", where)
    seg_idx = row.get("seg_idx", 0)
    if isinstance(seg_idx, bool) or not isinstance(seg_idx, int):
        raise RowError(f"{where}: 'seg_idx' must be an integer")
    segment = Segment(
        text=mt,  # type: ignore[arg-type]  # required=True: never None
        index=index,
        offset=0,
        line=lineno,
        column=1,
        id=_identifier(row, "id", where),
        src=src,
        ref=_refs(row, where),
        src_lang=_language(row, "src_lang", where),
        tgt_lang=_language(row, "tgt_lang", where),
    )
    return SegmentRow(segment, _identifier(row, "doc_id", where), seg_idx)
