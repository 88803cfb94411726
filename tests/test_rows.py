"""One JSONL row parser (mtqa.io.rows) for check, score and compare: each rule tested once on the
parser, then every bad row through each command, which must print the same error line."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mtqa.cli import main
from mtqa.io.errors import MAX_SEGMENT_CHARS
from mtqa.io.rows import RowError, parse_row

# (row as written in the file, a part of the error message)
BAD_ROWS = [
    pytest.param('{"mt": "ok", ', "malformed JSON", id="malformed"),
    pytest.param('["mt", "ok"]', "expected a JSON object", id="not-an-object"),
    pytest.param('{"src": "ok"}', "missing or non-string 'mt'", id="mt-missing"),
    pytest.param('{"mt": 5}', "missing or non-string 'mt'", id="mt-int"),
    pytest.param('{"mt": "ok", "src": 5}', "'src' must be a string", id="src-int"),
    pytest.param('{"mt": "ok", "src": ["a"]}', "'src' must be a string", id="src-list"),
    pytest.param('{"mt": "ok", "ref": []}', "'ref' is an empty list", id="ref-empty-list"),
    pytest.param('{"mt": "ok", "ref": 3}', "'ref' must be a string or a non-empty list", id="ref-int"),
    pytest.param(
        '{"mt": "ok", "ref": ["a", 3]}', "'ref' must be a string or a non-empty list", id="ref-mixed"
    ),
    pytest.param(
        '{"mt": "ok", "ref": [null]}', "'ref' must be a string or a non-empty list", id="ref-null-item"
    ),
    pytest.param('{"mt": "ok", "id": 1.5}', "'id' must be a string or an integer, got float", id="id-float"),
    pytest.param('{"mt": "ok", "id": true}', "'id' must be a string or an integer, got bool", id="id-bool"),
    pytest.param('{"mt": "ok", "doc_id": [1]}', "'doc_id' must be a string or an integer", id="doc-id-list"),
    pytest.param('{"mt": "ok", "seg_idx": "3"}', "'seg_idx' must be an integer", id="seg-idx-string"),
    pytest.param('{"mt": "ok", "tgt_lang": "french"}', "'tgt_lang': expected an ISO 639-1", id="tgt-lang"),
    pytest.param('{"mt": "ok", "src_lang": 7}', "'src_lang': expected an ISO 639-1", id="src-lang-int"),
    pytest.param(
        '{"mt": "a \\ud800 b"}', "'mt' holds a lone surrogate (\\ud800) at character 2", id="mt-surrogate"
    ),
    pytest.param('{"mt": "ok", "src": "\\udfff"}', "'src' holds a lone surrogate", id="src-surrogate"),
    pytest.param(
        '{"mt": "ok", "ref": ["x", "\\udc00"]}', "'ref'[1] holds a lone surrogate", id="ref-surrogate"
    ),
    pytest.param(
        '{"mt": "ok", "doc_id": "\\ud83d"}', "'doc_id' holds a lone surrogate", id="doc-id-surrogate"
    ),
    pytest.param('{"mt": "a\\u0000b"}', "'mt' holds a NUL character at character 1", id="mt-nul"),
    pytest.param('{"mt": "ok", "ref": "x\\u0000"}', "'ref'[0] holds a NUL character", id="ref-nul"),
    pytest.param('{"mt": "ok", "id": "\\u0000"}', "'id' holds a NUL character", id="id-nul"),
    pytest.param(
        json.dumps({"mt": "x" * (MAX_SEGMENT_CHARS + 1)}), f"over the {MAX_SEGMENT_CHARS:,}", id="mt-oversize"
    ),
]


@pytest.mark.parametrize("line, message", BAD_ROWS)
def test_bad_row_is_refused_with_line_and_field(line, message):
    with pytest.raises(RowError) as info:
        parse_row(line, 7)
    text = str(info.value)
    assert text.startswith("line 7: ") and message in text and "\n" not in text


@pytest.mark.parametrize(
    "line, field, expected",
    [
        pytest.param('{"mt": "ok", "ref": "r"}', "ref", ("r",), id="ref-string"),
        pytest.param('{"mt": "ok", "ref": ["r", "s"]}', "ref", ("r", "s"), id="ref-list"),
        pytest.param('{"mt": "ok", "ref": null}', "ref", (), id="ref-null"),
        pytest.param('{"mt": "ok", "src": null}', "src", None, id="src-null"),
        pytest.param('{"mt": "ok", "id": 12}', "id", "12", id="id-int"),
        pytest.param('{"mt": "ok", "tgt_lang": "fr-CA"}', "tgt_lang", "fr", id="lang-region"),
        pytest.param('{"mt": "caf\\u00e9 \\ud83d\\ude00"}', "text", "café \U0001f600", id="surrogate-pair"),
    ],
)
def test_good_row_fields(line, field, expected):
    assert getattr(parse_row(line, 1).segment, field) == expected


def test_doc_id_and_seg_idx():
    row = parse_row('{"mt": "ok", "doc_id": 4, "seg_idx": 2}', 3)
    assert (row.doc_id, row.seg_idx, row.segment.line) == ("4", 2, 3)


# --- the same bad row through each command: the same error line --------------------------------------

GOOD_ROW = json.dumps({"mt": "Le ministre a présenté le budget.", "ref": "Le ministre a présenté le budget."})


def _error_lines(capsys, argv: list[str]) -> tuple[int, list[str]]:
    code = main(argv)
    return code, [line for line in capsys.readouterr().err.splitlines() if line.startswith("mtqa: error:")]


@pytest.mark.parametrize("line, message", BAD_ROWS)
def test_check_score_and_compare_print_the_same_error(tmp_path, capsys, line, message):
    rows = tmp_path / "rows.jsonl"
    rows.write_text(f"{GOOD_ROW}\n{line}\n{GOOD_ROW}\n", encoding="utf-8")
    other = tmp_path / "other.jsonl"
    other.write_text(f"{GOOD_ROW}\n" * 3, encoding="utf-8")
    ref = tmp_path / "ref.txt"
    ref.write_text("Le ministre a présenté le budget.\n" * 3, encoding="utf-8")
    check_code, check_err = _error_lines(capsys, ["check", str(rows), "--isolated", "--lang", "fr", "-q"])
    score_code, score_err = _error_lines(capsys, ["score", str(rows), "--ref", str(ref), "--isolated", "-q"])
    compare_code, compare_err = _error_lines(capsys, ["compare", str(rows), str(other), "--ref", str(ref)])
    expected = f"mtqa: error: {rows}: line 2: "
    assert check_code == score_code == compare_code == 2
    assert len(check_err) == 1 and check_err[0].startswith(expected) and message in check_err[0]
    assert score_err == check_err
    assert compare_err == check_err


# letters that spell escapes ("\\u0000", "\\ud800") as text, the bad characters themselves, an emoji
_CHARACTERS = ["a", "é", "\\", "u", "0", "d", "8", "\x00", "\ud800", "\udfff", "😀"]
_FIELD_TEXT = st.text(alphabet=st.sampled_from(_CHARACTERS))


@settings(max_examples=300, deadline=None)
@given(
    mt=_FIELD_TEXT,
    src=st.none() | _FIELD_TEXT,
    ref=st.none() | st.lists(_FIELD_TEXT, min_size=1, max_size=2),
    doc_id=st.none() | _FIELD_TEXT,
    ascii_only=st.booleans(),
)
def test_not_text_refused_however_the_line_writes_it(mt, src, ref, doc_id, ascii_only):
    # A NUL or lone surrogate is refused whether the line escapes it or holds it raw, and a line
    # without one is accepted: the quick test of the whole line decides nothing on its own.
    line = json.dumps({"mt": mt, "src": src, "ref": ref, "doc_id": doc_id}, ensure_ascii=ascii_only)
    # the values as the line holds them: escaped "\ud800\udfff" is one valid character, a pair
    row = json.loads(line)
    values = [row["mt"], row["src"], *(row["ref"] or []), row["doc_id"]]
    bad = any(v is not None and any(c == "\x00" or "\ud800" <= c <= "\udfff" for c in v) for v in values)
    try:
        parsed = parse_row(line, 1)
    except RowError as exc:
        assert bad, str(exc)
        assert "NUL" in str(exc) or "surrogate" in str(exc)
    else:
        assert not bad
        assert parsed.segment.text == row["mt"] and parsed.segment.src == row["src"]
