"""Reading hypotheses, references and sources: line files, JSONL rows, articles; one-line errors."""

from __future__ import annotations

import json

import pytest

from mtqa.scoring.inputs import load, split_lines
from mtqa.scoring.units import ScoringInputError


def write(path, text: str):
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_split_lines_reads_like_sacrebleu():
    # sacrebleu opens files with newline="\n" and rstrip()s: CRLF loses its \r, a lone \r stays inside
    assert split_lines("a b \r\nc\rd\n\ne") == [(0, "a b"), (6, "c\rd"), (10, ""), (11, "e")]


def test_line_files_with_two_references(data_dir):
    s = load(
        str(data_dir / "hyp.fr.txt"),
        [str(data_dir / "ref1.fr.txt"), str(data_dir / "ref2.fr.txt")],
        str(data_dir / "src.en.txt"),
    )
    assert s.mode == "lines" and len(s.units) == 10 and s.n_refs == 2 and s.has_source
    u = s.units[6]
    assert (u.hyp, u.line, u.column) == ("Related Post", 7, 1)
    assert u.refs[1].startswith("Les organisations humanitaires")


def test_line_count_mismatch_is_one_line_error(tmp_path, data_dir):
    ref = write(tmp_path / "ref.txt", "une ligne\n")
    with pytest.raises(ScoringInputError, match=r"has 1 lines but .*hyp.fr.txt has 10"):
        load(str(data_dir / "hyp.fr.txt"), [ref])


def test_empty_reference_lines_are_data_a_zero_byte_file_is_an_error(tmp_path, data_dir):
    ref = write(tmp_path / "ref.txt", "\n" * 10)
    s = load(str(data_dir / "hyp.fr.txt"), [ref])  # sacrebleu scores empty references
    assert s.mode == "lines" and [u.refs for u in s.units] == [("",)] * 10
    empty = write(tmp_path / "empty.txt", "")
    with pytest.raises(ScoringInputError, match="empty file"):
        load(str(data_dir / "hyp.fr.txt"), [empty])


def test_blank_lines_never_turn_line_files_into_articles(tmp_path):
    # a tenth of the lines blank, the same count on both sides: a line-aligned corpus, as sacrebleu reads it
    hyp = write(
        tmp_path / "hyp.txt", "".join(f"Phrase {i} du texte.\n" if i % 5 else "\n" for i in range(20))
    )
    ref = write(
        tmp_path / "ref.txt", "".join(f"Phrase {i} de ce texte.\n" if i % 5 else "\n" for i in range(20))
    )
    s = load(hyp, [ref])
    assert s.mode == "lines" and len(s.units) == 20 and s.units[0].hyp == ""


def test_bom_is_dropped_and_recorded(tmp_path):
    hyp = tmp_path / "hyp.txt"
    hyp.write_bytes(b"\xef\xbb\xbfLe chat.\nLe chien.\n")
    ref = write(tmp_path / "ref.txt", "Le chat.\nUn chien.\n")
    s = load(str(hyp), [ref])
    assert s.units[0].hyp == "Le chat." and s.bom_dropped == (str(hyp),)
    assert load(ref, [ref]).bom_dropped == ()


def test_gzip_and_other_encodings(tmp_path):
    import gzip

    hyp = tmp_path / "hyp.txt.gz"
    hyp.write_bytes(gzip.compress("Élection à Paris.\n".encode()))
    latin = tmp_path / "ref.latin1.txt"
    latin.write_bytes("Élection à Paris.\n".encode("latin-1"))
    assert (
        load(str(hyp), [write(tmp_path / "ref.txt", "Élection à Paris.\n")]).units[0].hyp
        == "Élection à Paris."
    )
    with pytest.raises(ScoringInputError, match="invalid UTF-8 at byte offset 0"):
        load(str(hyp), [str(latin)])
    assert load(str(latin), [str(latin)], encoding="latin-1").units[0].refs == ("Élection à Paris.",)
    with pytest.raises(ScoringInputError, match="unknown encoding"):
        load(str(latin), [str(latin)], encoding="klingon")
    bad = tmp_path / "bad.gz"
    bad.write_bytes(b"not gzip")
    with pytest.raises(ScoringInputError, match="not a readable gzip file"):
        load(str(bad), [str(latin)])


def test_jsonl_rows_carry_references_and_sources(data_dir):
    s = load(str(data_dir / "rows.jsonl"))
    assert s.mode == "jsonl" and s.n_refs == 2 and s.has_source
    assert s.units[0].segment_id == "s1" and s.units[0].doc_id == "aleppo" and s.units[0].line == 1


def test_jsonl_reference_list_of_wrong_length(tmp_path):
    rows = [{"mt": "Bonjour.", "ref": ["Bonjour.", "Salut."]}, {"mt": "Merci.", "ref": ["Merci."]}]
    path = write(tmp_path / "rows.jsonl", "".join(json.dumps(r) + "\n" for r in rows))
    with pytest.raises(ScoringInputError, match=r"line 2: 'ref' has 1 reference\(s\), expected 2"):
        load(path)


@pytest.mark.parametrize(
    "row, message",
    [
        ({"mt": "Bonjour."}, "no 'ref'"),
        ({"mt": "Bonjour.", "ref": []}, "empty list"),
        ({"mt": "Bonjour.", "ref": 3}, "string or a non-empty list"),
        ({"ref": "Bonjour."}, "string 'mt'"),
    ],
)
def test_jsonl_bad_rows(tmp_path, row, message):
    path = write(tmp_path / "rows.jsonl", json.dumps(row) + "\n")
    with pytest.raises(ScoringInputError, match=message):
        load(path)


def test_jsonl_with_line_file_references(tmp_path):
    path = write(tmp_path / "rows.jsonl", '{"mt": "Bonjour."}\n{"mt": "Merci."}\n')
    ref = write(tmp_path / "ref.txt", "Bonjour !\nMerci bien.\n")
    s = load(path, [ref])
    assert [u.refs for u in s.units] == [("Bonjour !",), ("Merci bien.",)]


def test_articles_are_aligned_by_sentence(data_dir):
    s = load(str(data_dir / "article.hyp.fr.txt"), [str(data_dir / "article.ref.fr.txt")])
    assert s.mode == "articles" and "aligned sentence by sentence" in s.notes[0]
    by_label = {}
    for u in s.units:
        by_label.setdefault(u.alignment, []).append(u)
    debris = [u for u in by_label["1-0"] if u.hyp == "Related Post"]
    assert debris and debris[0].line == 5 and debris[0].refs == ("",)
    dropped = by_label["0-1"][0]
    assert dropped.hyp == "" and dropped.refs[0].startswith("Des organisations humanitaires")
    text = (data_dir / "article.hyp.fr.txt").read_text(encoding="utf-8")
    for u in s.units:  # offsets point into the original file
        assert text[u.start : u.end] == u.original


def test_articles_with_the_same_line_count_are_aligned_when_asked(data_dir):
    hyp, ref = str(data_dir / "article.hyp.en.txt"), str(data_dir / "article.ref.en.txt")
    assert load(hyp, [ref]).mode == "lines"  # line counts agree: line-aligned, as sacrebleu reads them
    s = load(hyp, [ref], align="articles")
    assert s.mode == "articles"
    share = next(u for u in s.units if u.hyp.startswith("Share this story"))
    assert share.alignment == "1-0"


def test_force_line_mode_on_articles_reports_mismatch(data_dir):
    with pytest.raises(ScoringInputError, match="use --align articles"):
        load(str(data_dir / "article.hyp.fr.txt"), [str(data_dir / "article.ref.fr.txt")], align="lines")


def test_source_article_is_aligned_even_when_its_paragraphs_differ(tmp_path, data_dir):
    # The source groups its sentences into other paragraphs and has no debris line: each unit still
    # gets the source sentences it translates, and the debris gets none.
    src = write(
        tmp_path / "src.txt",
        "Russian planes strike near Aleppo\n\n"
        "Russian warplanes struck militant positions near Aleppo on Thursday.\n\n"
        "The Defence Ministry said at least 200 fighters had been killed in 24 hours. "
        "Local residents reported heavy shelling in western districts.\n\n"
        "The government said its troops had retaken control. It covers several villages.\n\n"
        "The United Nations called for an immediate end to the fighting.\n",
    )
    units = load(str(data_dir / "article.hyp.fr.txt"), [str(data_dir / "article.ref.fr.txt")], src).units
    by_hyp = {u.hyp: u.src for u in units}
    assert by_hyp["Related Post"] == ""
    assert by_hyp["Les Nations unies ont appelé à une fin immédiate des combats."] == (
        "The United Nations called for an immediate end to the fighting."
    )
    troops = next(src for hyp, src in by_hyp.items() if "son troupe" in hyp)
    assert troops == "The government said its troops had retaken control."
