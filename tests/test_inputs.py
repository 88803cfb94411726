"""Reading inputs: bad files give one line on stderr and exit 2 while every other input is still
checked; offsets, lines and columns are right for LF, CRLF and BOM files; JSONL is grouped by doc_id
in seg_idx order; nothing is ever written to an input file."""

from __future__ import annotations

import hashlib
import io
import json
import sys

import pytest

import mtqa.rules
from mtqa.cli import main
from mtqa.config import Config
from mtqa.engine import check
from mtqa.io import article_from_text, read_inputs, read_jsonl
from mtqa.io.errors import decode
from mtqa.model import Document, InputProblem
from tests.fakes import between_paragraphs_rule, word_rule

GOOD = "Le ministre a présenté le budget mardi.\n\nLe texte sera examiné au Parlement en juin.\n"


@pytest.fixture
def fake_rules(monkeypatch):
    """Make the CLI run one known rule (flags 'budget', warning) instead of the real catalogue."""
    rules = (word_rule("budget"),)
    monkeypatch.setattr(mtqa.rules, "select_rules", lambda *a, **k: rules)
    return rules


def run_json(argv, capsys):
    code = main(["check", *argv, "--format", "json"])
    out, err = capsys.readouterr()
    return code, json.loads(out), err


def good_file(tmp_path, name="good.txt"):
    p = tmp_path / name
    p.write_text(GOOD, encoding="utf-8")
    return p


# --- bad inputs: one line, exit 2, the rest still checked ------------------------------------------


def _missing(tmp_path):
    return tmp_path / "nope.txt", "no such file"


def _empty_dir(tmp_path):
    d = tmp_path / "pictures"
    d.mkdir()
    (d / "photo.png").write_bytes(b"\x89PNG\r\n")
    return d, "no text files"


def _binary(tmp_path):
    p = tmp_path / "blob.txt"
    p.write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00" + bytes(range(256)))
    return p, "binary"


def _bad_utf8(tmp_path):
    p = tmp_path / "latin1.txt"
    p.write_bytes("Le président a déclaré.".encode("latin-1"))  # é is byte 0xE9 at offset 5
    return p, "invalid UTF-8 at byte offset 5"


def _empty(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    return p, "empty file"


def _blank(tmp_path):
    p = tmp_path / "blank.md"
    p.write_text("\n  \n\t\n", encoding="utf-8")
    return p, "no text"


def _bad_jsonl(tmp_path):
    p = tmp_path / "segments.jsonl"
    p.write_text(
        json.dumps({"mt": "Le budget a été voté.", "doc_id": "a"})
        + "\n"
        + '{"mt": "Ligne cassée", \n'
        + json.dumps({"mt": "Le budget reste serré.", "doc_id": "b"})
        + "\n",
        encoding="utf-8",
    )
    return p, "line 2: malformed JSON"


BAD_INPUTS = [
    pytest.param(_missing, id="missing-path"),
    pytest.param(_empty_dir, id="directory-without-text-files"),
    pytest.param(_binary, id="binary-file"),
    pytest.param(_bad_utf8, id="invalid-utf8"),
    pytest.param(_empty, id="empty-file"),
    pytest.param(_blank, id="whitespace-only-file"),
    pytest.param(_bad_jsonl, id="malformed-jsonl-line"),
]


@pytest.mark.parametrize("make", BAD_INPUTS)
def test_bad_input_is_one_line_exit_2_and_the_others_are_checked(make, tmp_path, capsys, fake_rules):
    bad, expected = make(tmp_path)
    before = good_file(tmp_path, "before.txt")
    after = good_file(tmp_path, "after.txt")
    code, report, err = run_json([str(before), str(bad), str(after)], capsys)
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("mtqa: error: ") and str(bad) in lines[0] and expected in lines[0]
    assert "Traceback" not in err
    flagged = {f["path"] for f in report["findings"]}
    assert {str(before), str(after)} <= flagged
    assert [e["path"] for e in report["errors"]] == [str(bad)]


def test_malformed_jsonl_line_keeps_the_good_rows(tmp_path, capsys, fake_rules):
    bad, _ = _bad_jsonl(tmp_path)
    code, report, err = run_json([str(bad)], capsys)
    assert code == 2 and "line 2" in err
    assert report["segments_checked"] == 2
    assert [(f["doc_id"], f["text"]) for f in report["findings"]] == [("a", "budget"), ("b", "budget")]


@pytest.mark.parametrize(
    "payload, expected",
    [
        pytest.param("[1, 2]\n", "line 1: expected a JSON object", id="not-an-object"),
        pytest.param('{"src": "no mt"}\n', "line 1: missing or non-string 'mt'", id="no-mt"),
        pytest.param(
            '{"mt": "x", "seg_idx": "3"}\n', "line 1: 'seg_idx' must be an integer", id="seg-idx-type"
        ),
        pytest.param(b'{"mt": "caf\xe9"}\n', "line 1: invalid UTF-8", id="bad-bytes"),
        pytest.param("\n\n", "no segments", id="no-rows"),
    ],
)
def test_jsonl_row_problems(tmp_path, payload, expected, capsys, fake_rules):
    p = tmp_path / "rows.jsonl"
    p.write_bytes(payload if isinstance(payload, bytes) else payload.encode())
    code, _, err = run_json([str(p)], capsys)
    assert code == 2 and expected in err and len(err.strip().splitlines()) == 1


def test_decode_reports_the_byte_offset_after_a_bom():
    with pytest.raises(Exception, match="byte offset 5"):
        decode("f", b"\xef\xbb\xbfab\xffc")


def test_inputs_are_never_modified(tmp_path, capsys, fake_rules):
    files = [good_file(tmp_path), _bad_jsonl(tmp_path)[0], _bad_utf8(tmp_path)[0]]
    crlf = tmp_path / "crlf.txt"
    crlf.write_bytes(b"\xef\xbb\xbfLe budget.\r\n\r\nSuite.\r\n")
    files.append(crlf)

    def digest():
        return {p: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns) for p in files}

    before = digest()
    for fmt in ("text", "json"):
        main(["check", str(tmp_path), "--format", fmt])
    capsys.readouterr()
    assert digest() == before


def test_directory_is_read_recursively_skipping_hidden_and_other_suffixes(tmp_path, capsys, fake_rules):
    (tmp_path / "a" / "b").mkdir(parents=True)
    good_file(tmp_path / "a" / "b", "deep.md")
    good_file(tmp_path, "top.txt")
    (tmp_path / ".git").mkdir()
    good_file(tmp_path / ".git", "hidden.txt")
    (tmp_path / "notes.rst").write_text(GOOD, encoding="utf-8")
    code, report, _ = run_json([str(tmp_path)], capsys)
    assert code == 0  # warnings only, and --fail-on defaults to error
    assert sorted({f["path"] for f in report["findings"]}) == sorted(
        [str(tmp_path / "a" / "b" / "deep.md"), str(tmp_path / "top.txt")]
    )


def test_stdin(monkeypatch, capsys, fake_rules):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(GOOD.encode("utf-8"))))
    code, report, err = run_json(["-"], capsys)
    assert code == 0 and err == ""
    [f] = report["findings"]
    assert (f["path"], f["line"], f["column"], f["text"]) == ("<stdin>", 1, 27, "budget")


def test_empty_stdin_is_an_input_error(monkeypatch, capsys, fake_rules):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    code, _, err = run_json(["-"], capsys)
    assert code == 2 and err.strip() == "mtqa: error: <stdin>: empty file"


# --- positions -------------------------------------------------------------------------------------


def _positions(text: str, word: str = "budget"):
    doc = article_from_text(text, "<t>", "fr")
    return [
        (f.line, f.column, f.start, f.end, f.text)
        for f in check([doc], (word_rule(word),), Config(lang="fr")).findings
    ]


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_lines_columns_and_offsets(newline):
    text = newline.join(["Titre", "", "Un budget.", "Le budget", "  du budget.", "", "", "", "Fin budget."])
    found = _positions(text)
    assert [(line, col, t) for line, col, *_, t in found] == [
        (3, 4, "budget"),
        (4, 4, "budget"),
        (5, 6, "budget"),
        (9, 5, "budget"),
    ]
    for _, _, start, end, t in found:
        assert text[start:end] == t


def test_segments_hold_no_carriage_return_or_trailing_space():
    doc = article_from_text("Un.  \r\nDeux.\r\n\r\n \r\nTrois.\t\r\n")
    assert [s.text for s in doc.segments] == ["Un.  \r\nDeux.", "Trois."]
    assert [(s.line, s.offset) for s in doc.segments] == [(1, 0), (5, 19)]


def test_bom_is_not_text(tmp_path, capsys, fake_rules):
    p = tmp_path / "bom.txt"
    p.write_bytes("\ufeffbudget voté.\r\n".encode("utf-8"))
    code, report, _ = run_json([str(p)], capsys)
    [f] = report["findings"]
    assert (f["line"], f["column"], f["start"], f["end"], f["text"]) == (1, 1, 0, 6, "budget")


def test_span_between_paragraphs_is_placed_in_the_file():
    text = "Premier.\n\n\n\n\nSecond.\n"
    doc = article_from_text(text, "<t>", "fr")
    [f] = check([doc], (between_paragraphs_rule(),), Config(lang="fr")).findings
    assert (f.line, f.column, f.start, f.end) == (1, 9, 8, 13)
    assert f.text == "\n" * 5 and f.context == f.text


# --- JSONL documents -------------------------------------------------------------------------------


def test_jsonl_groups_rows_by_doc_id_in_seg_idx_order(tmp_path):
    rows = [
        {"mt": "deux", "doc_id": "d1", "seg_idx": 2, "id": "d1-2"},
        {"mt": "zéro", "doc_id": "d1", "seg_idx": 0, "id": "d1-0"},
        {"mt": "un", "doc_id": "d1", "seg_idx": 1, "id": "d1-1", "tgt_lang": "fr", "extra": [1]},
        {"mt": "seul", "doc_id": "d2", "seg_idx": 0},
        {"mt": "sans document"},
        {"mt": "sans document non plus"},
    ]
    p = tmp_path / "s.jsonl"
    p.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    docs = list(read_jsonl(p))
    assert all(isinstance(d, Document) for d in docs)
    assert [(d.doc_id, [s.text for s in d.segments]) for d in docs] == [
        ("d1", ["zéro", "un", "deux"]),
        ("d2", ["seul"]),
        (None, ["sans document"]),
        (None, ["sans document non plus"]),
    ]
    d1 = docs[0]
    assert [s.id for s in d1.segments] == ["d1-0", "d1-1", "d1-2"]
    assert [s.index for s in d1.segments] == [0, 1, 2]
    assert [s.line for s in d1.segments] == [2, 3, 1]  # the JSONL line each row came from
    assert d1.lang == "fr"


def test_jsonl_is_streamed_document_by_document(tmp_path):
    p = tmp_path / "s.jsonl"
    rows = [{"mt": "a", "doc_id": "1"}, {"mt": "b", "doc_id": "2"}]
    p.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    stream = read_inputs([str(p)])
    first = next(stream)
    assert isinstance(first, Document) and first.doc_id == "1"
    with open(p, "a", encoding="utf-8") as fh:  # rows written after the first document was handed out
        fh.write(json.dumps({"mt": "c", "doc_id": "3"}) + "\n")
    assert [d.doc_id for d in stream] == ["2", "3"]


def test_jsonl_finding_fields(tmp_path, capsys, fake_rules):
    p = tmp_path / "s.jsonl"
    row = {"id": "s7", "doc_id": "doc", "seg_idx": 0, "mt": "Le budget, le budget."}
    p.write_text(json.dumps(row) + "\n", encoding="utf-8")
    _, report, _ = run_json([str(p)], capsys)
    assert [
        (f["segment_id"], f["doc_id"], f["start"], f["end"], f["line"], f["column"])
        for f in report["findings"]
    ] == [("s7", "doc", 3, 9, 1, 4), ("s7", "doc", 14, 20, 1, 15)]


# --- language ------------------------------------------------------------------------------------


FR_ARTICLE = GOOD + "\nLes députés de l’opposition ont annoncé qu’ils voteraient contre le texte.\n"
EN_ARTICLE = (
    "The minister presented the budget on Tuesday.\n\nParliament will debate it in June, and "
    "opposition members have already said they will vote against it.\n"
)


def test_language_is_detected_when_not_given():
    fr_only = word_rule("budget", languages=frozenset({"fr"}))
    en_only = word_rule("budget", code="MTQ992", languages=frozenset({"en"}), name="test-en-word")
    fr = article_from_text(FR_ARTICLE, "fr.txt")
    en = article_from_text(EN_ARTICLE, "en.txt")
    report = check([fr, en], (fr_only, en_only), Config())
    assert sorted((f.path, f.code) for f in report.findings) == [("en.txt", "MTQ992"), ("fr.txt", "MTQ990")]
    assert not report.notes


def test_too_short_to_detect_runs_only_language_independent_rules():
    """A product title is too short to identify its language; a guess would apply the wrong rules."""
    fr_only = word_rule("Soccer", languages=frozenset({"fr"}))
    any_lang = word_rule("Soccer", code="MTQ992", name="test-any-word")
    title = article_from_text("But de Soccer Franklin sport compétition\n", "title.txt")
    report = check([title], (fr_only, any_lang), Config())
    assert [f.code for f in report.findings] == ["MTQ992"]
    assert len(report.notes) == 1 and "--lang" in str(report.notes[0])
    assert [f.code for f in check([title], (fr_only,), Config(lang="fr")).findings] == ["MTQ990"]


def test_lang_option_and_tgt_lang_win_over_detection(tmp_path):
    fr_only = word_rule("budget", languages=frozenset({"fr"}))
    en_text = article_from_text("The minister presented the budget on Tuesday in parliament.\n", "en.txt")
    assert check([en_text], (fr_only,), Config(lang="fr")).findings
    p = tmp_path / "s.jsonl"
    row = {"mt": "The budget was voted by parliament on Tuesday.", "tgt_lang": "fr"}
    p.write_text(json.dumps(row) + "\n", encoding="utf-8")
    assert check(read_jsonl(p), (fr_only,), Config()).findings


def test_problem_objects_are_reported_not_raised():
    items = list(read_inputs(["/definitely/not/here.txt"]))
    assert items == [InputProblem("/definitely/not/here.txt", "no such file or directory")]


def test_binary_jsonl_is_one_problem(tmp_path, capsys, fake_rules):
    p = tmp_path / "model.jsonl"
    p.write_bytes(b"\x00\x01\x02\n" * 500)
    code, _, err = run_json([str(p)], capsys)
    assert code == 2 and err.strip().splitlines() == [
        f"mtqa: error: {p}: binary file (contains NUL bytes), expected UTF-8 JSON lines"
    ]


def test_jsonl_with_a_byte_order_mark(tmp_path, capsys, fake_rules):
    p = tmp_path / "bom.jsonl"
    p.write_bytes(b"\xef\xbb\xbf" + json.dumps({"mt": "Le budget."}).encode() + b"\r\n")
    code, report, err = run_json([str(p)], capsys)
    assert (code, err) == (0, "")
    assert [(f["start"], f["text"]) for f in report["findings"]] == [(3, "budget")]


def test_a_file_that_is_not_jsonl_is_not_one_error_per_line(tmp_path, capsys, fake_rules):
    p = tmp_path / "article.jsonl"
    p.write_text("Un paragraphe.\n" * 300, encoding="utf-8")
    code, _, err = run_json([str(p)], capsys)
    lines = err.strip().splitlines()
    assert code == 2 and len(lines) == 21
    assert "line 20: malformed JSON" in lines[19] and "280 more bad lines" in lines[20]


def test_unwritable_output_is_one_line(tmp_path, capsys, fake_rules):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    code = main(["check", str(good_file(tmp_path)), "--format", "json", "--output", str(blocker / "r.json")])
    err = capsys.readouterr().err
    assert code == 2 and err.startswith("mtqa: error: cannot write") and len(err.strip().splitlines()) == 1
