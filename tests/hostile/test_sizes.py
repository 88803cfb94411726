"""Inputs built to blow up a scan: a decoder loop, a huge word, a line of spaces. Each runs in a
child process with a generous timeout (hang detection only: a blow-up takes minutes; the speed
targets are measured by bench/bench_hostile.py), and must be reported like any other input."""

from __future__ import annotations

import json

from tests.hostile.conftest import run_process


def _check(path, good) -> tuple[int, dict]:
    done = run_process(["check", "--isolated", "--lang", "fr", "--format", "json", str(path), str(good)])
    assert done.stderr == ""
    return done.returncode, json.loads(done.stdout)


def test_decoder_loop_is_one_repetition_finding(tmp_path, good):
    loop = tmp_path / "loop.txt"
    loop.write_text("Il a dit. " + "Le président a parlé hier soir. " * 3000 + "\n", encoding="utf-8")
    code, report = _check(loop, good)
    repeats = [f for f in report["findings"] if f["path"] == str(loop) and f["code"] == "MTQ302"]
    assert code == 1 and len(repeats) == 1
    assert "3000 times" in repeats[0]["message"]
    assert {f["path"] for f in report["findings"]} == {str(loop), str(good)}


def test_huge_word_is_checked(tmp_path, good):
    word = tmp_path / "word.txt"
    word.write_text("Un mot " + "ab" * 50_000 + "é ici.\n", encoding="utf-8")
    code, report = _check(word, good)
    assert code == 1 and report["files_checked"] == 2
    for f in report["findings"]:  # whatever is found, it points at the input
        if f["path"] == str(word):
            assert word.read_text(encoding="utf-8")[f["start"] : f["end"]] == f["text"]


def test_line_of_spaces_splits_paragraphs_without_blowing_up(tmp_path, good):
    spaces = tmp_path / "spaces.txt"
    spaces.write_text(
        "Premier le le paragraphe.\n" + " " * 200_000 + "\nSecond le le paragraphe.\n", encoding="utf-8"
    )
    code, report = _check(spaces, good)
    assert code == 1 and report["segments_checked"] == 3  # two paragraphs, and the good file's one
    starts = sorted(
        f["start"] for f in report["findings"] if f["path"] == str(spaces) and f["code"] == "MTQ301"
    )
    assert starts == [8, 26 + 200_000 + 1 + 7]


def test_spaces_inside_a_paragraph(tmp_path, good):
    spaces = tmp_path / "inside.txt"
    spaces.write_text("Le début" + " " * 200_000 + "de la la phrase.\n", encoding="utf-8")
    code, report = _check(spaces, good)
    hits = [f for f in report["findings"] if f["path"] == str(spaces) and f["code"] == "MTQ301"]
    assert code == 1 and [f["start"] for f in hits] == [len("Le début") + 200_000 + 3]


def test_paragraph_over_the_segment_limit_is_one_error_and_the_rest_is_checked(tmp_path, good):
    from mtqa.io.errors import MAX_SEGMENT_CHARS

    big = tmp_path / "page.txt"
    line = "Mot " * (MAX_SEGMENT_CHARS // 4 + 10)
    big.write_text("Le le chat.\n\n" + line + "\n\nFin de de texte.\n", encoding="utf-8")
    done = run_process(["check", "--isolated", "--lang", "fr", "--format", "json", str(big), str(good)])
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        f"mtqa: error: {big}: line 3: the paragraph holds {len(line.rstrip()):,} characters, over the "
        f"{MAX_SEGMENT_CHARS:,} a segment may hold; not checked (split it into paragraphs)"
    ]
    report = json.loads(done.stdout)
    text = big.read_text(encoding="utf-8")
    starts = [f["start"] for f in report["findings"] if f["path"] == str(big)]
    assert 0 in starts  # "Le le", before the huge paragraph
    assert any(s >= text.index("Fin de de") for s in starts)  # after it, at its offset in the file
    assert str(good) in {f["path"] for f in report["findings"]}


def test_jsonl_row_over_the_segment_limit_is_one_error(tmp_path, good):
    from mtqa.io.errors import MAX_SEGMENT_CHARS

    rows = tmp_path / "rows.jsonl"
    huge = "Mot " * (MAX_SEGMENT_CHARS // 4 + 10)
    rows.write_text(
        json.dumps({"mt": huge}) + "\n" + json.dumps({"mt": "Le le chat."}) + "\n", encoding="utf-8"
    )
    done = run_process(["check", "--isolated", "--lang", "fr", "--format", "json", str(rows), str(good)])
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        f"mtqa: error: {rows}: line 1: 'mt' holds {len(huge):,} characters, over the "
        f"{MAX_SEGMENT_CHARS:,} a segment may hold; not checked (split it into paragraphs)"
    ]
    assert {f["path"] for f in json.loads(done.stdout)["findings"]} == {str(rows), str(good)}
