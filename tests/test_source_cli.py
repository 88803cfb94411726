"""`mtqa check --source`: pairing files and directories, options, and one-line errors."""

from __future__ import annotations

import json

import pytest

from mtqa.cli import main
from tests.conftest import ROOT, SEED

SOURCE = ROOT / "references" / "000_d71c614b73ba7402.en.txt"
EN = (
    "Turkey took responsibility for Idlib in 2018, promising to separate the terrorists from the rebels. "
    "At least 200 militants were killed in the past 24 hours."
)
FR_BAD = (
    "La Turquie a pris la responsabilité d'Idlib en 2018, promettant de séparer les terroristes des "
    "rebelles. Au moins 300 militants ont été tués au cours des dernières 24 heures."
)
FR_GOOD = FR_BAD.replace("300", "200")


def json_report(capsys, *argv) -> tuple[int, dict]:
    code = main(["check", *argv, "--format", "json", "--fail-on", "never"])
    return code, json.loads(capsys.readouterr().out)


@pytest.fixture
def trees(tmp_path):
    src, tgt = tmp_path / "originals", tmp_path / "translated"
    (src / "world").mkdir(parents=True)
    (tgt / "world").mkdir(parents=True)
    (src / "world" / "idlib.txt").write_text(EN, encoding="utf-8")
    (tgt / "world" / "idlib.txt").write_text(FR_BAD, encoding="utf-8")
    (tgt / "world" / "orphan.txt").write_text(FR_GOOD, encoding="utf-8")
    return src, tgt


def test_directories_pair_by_relative_path(trees, capsys):
    src, tgt = trees
    code, report = json_report(capsys, str(tgt), "--source", str(src), "--select", "MTQ9")
    assert code == 0
    numbers = [f for f in report["findings"] if f["code"] == "MTQ901"]
    assert [(f["path"].endswith("idlib.txt"), f["text"], f["suggestion"]) for f in numbers] == [
        (True, "300", "200")
    ]
    assert any("orphan.txt: no source file" in n for n in report["notes"])
    (doc,) = report["documents"]
    assert doc["alignment"]["source_path"].endswith("idlib.txt")


def test_name_pattern_pairs_language_tagged_files(tmp_path, capsys):
    (tmp_path / "en").mkdir()
    (tmp_path / "fr").mkdir()
    (tmp_path / "en" / "story.en.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "fr" / "story.fr.txt").write_text(FR_BAD, encoding="utf-8")
    for pattern in ("{stem}.en.txt", "{stem}.fr.txt={stem}.en.txt"):
        _, report = json_report(
            capsys,
            str(tmp_path / "fr"),
            "--source",
            str(tmp_path / "en"),
            "--source-pattern",
            pattern,
            "--select",
            "MTQ901",
        )
        assert [f["text"] for f in report["findings"]] == ["300"], pattern


def test_a_target_without_a_source_is_checked_target_only(trees, capsys):
    src, tgt = trees
    code, report = json_report(
        capsys, str(tgt / "world" / "orphan.txt"), "--source", str(src), "--select", "MTQ901"
    )
    assert code == 0 and report["findings"] == []
    assert report["notes"]


def test_src_lang_and_json_alignment_on_a_single_pair(tmp_path, capsys):
    s, t = tmp_path / "a.en.txt", tmp_path / "a.fr.txt"
    s.write_text(EN, encoding="utf-8")
    t.write_text(FR_GOOD, encoding="utf-8")
    code, report = json_report(capsys, str(t), "--source", str(s), "--src-lang", "en", "--select", "MTQ9")
    assert code == 0 and report["findings"] == []
    al = report["documents"][0]["alignment"]
    assert al["source_lang"] == "en" and [b["type"] for b in al["beads"]] == ["1-1", "1-1"]


def test_source_rules_are_skipped_with_a_note_without_source(capsys):
    code, report = json_report(capsys, str(SEED), "--select", "MTQ901")
    assert report["findings"] == []
    assert any("MTQ901" in n and "no source" in n for n in report["notes"])


def test_empty_source_file_is_a_warning_not_a_crash(tmp_path, capsys):
    empty = tmp_path / "empty.en.txt"
    empty.write_bytes(b"")
    code, report = json_report(capsys, str(SEED), "--source", str(empty))
    assert code == 0
    (f,) = [f for f in report["findings"] if f["code"] == "MTQ921"]
    assert "empty" in f["message"]
    assert not [f for f in report["findings"] if f["code"] in ("MTQ111", "MTQ901", "MTQ911", "MTQ912")]


@pytest.mark.parametrize(
    "argv, message",
    [
        (["--source", "does/not/exist.txt"], "no such file or directory"),
        ([str(SOURCE), "--source", str(SOURCE)], "exactly one target file"),
        (["--source", str(ROOT / "references"), "--source-pattern", "{name}.en.txt"], "must contain {stem}"),
        (["--exonyms", "missing.tsv"], "--exonyms missing.tsv: no such file"),
    ],
)
def test_bad_source_options_are_one_line_errors(argv, message, capsys):
    assert main(["check", str(SEED), *argv]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


def test_jsonl_rows_use_their_own_src(tmp_path, capsys):
    rows = [
        {
            "id": "r1",
            "doc_id": "d",
            "seg_idx": 0,
            "src": EN,
            "mt": FR_BAD,
            "src_lang": "en",
            "tgt_lang": "fr",
        },
        {"id": "r2", "doc_id": "d", "seg_idx": 1, "src": "It was 2020.", "mt": "C'était en 2020."},
    ]
    path = tmp_path / "rows.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    _, report = json_report(capsys, str(path), "--select", "MTQ901")
    assert [(f["segment_id"], f["text"]) for f in report["findings"]] == [("r1", "300")]
    assert report["findings"][0]["source"] == "At least 200 militants were killed in the past 24 hours."
