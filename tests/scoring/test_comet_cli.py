"""COMET end to end through the CLI with tiny models built offline (tests/comet_tiny.py):
reference-based, reference-free (QE) and error-span models, and the errors around them."""

from __future__ import annotations

import json
import shutil

import pytest

from mtqa.cli import main

pytestmark = pytest.mark.slow


def paths(data_dir):
    return {
        k: str(data_dir / v)
        for k, v in {
            "hyp": "hyp.fr.txt",
            "ref": "ref1.fr.txt",
            "src": "src.en.txt",
            "b": "sys_b.fr.txt",
            "rows": "rows.jsonl",
        }.items()
    }


def run_json(argv, capsys) -> dict:
    assert main([*argv, "--format", "json"]) == 0, capsys.readouterr().err
    return json.loads(capsys.readouterr().out)


def comet_scores(report) -> tuple[dict, list[dict]]:
    corpus = next(s for s in report["scores"] if s["metric"] == "COMET" and s["scope"] == "corpus")
    segments = [s for s in report["scores"] if s["metric"] == "COMET" and s["scope"] == "segment"]
    return corpus, segments


def test_reference_based_model(tiny_comet, data_dir, capsys):
    p = paths(data_dir)
    argv = [
        "score",
        p["hyp"],
        "--ref",
        p["ref"],
        "--source",
        p["src"],
        "--comet-model",
        str(tiny_comet["reference"]),
    ]
    report = run_json(argv, capsys)
    corpus, segments = comet_scores(report)
    assert len(segments) == 10
    assert corpus["value"] == pytest.approx(sum(s["value"] for s in segments) / 10)
    assert corpus["signature"].startswith("model:reference|kind:ref|refs:first")
    assert "BLEU" in {s["metric"] for s in report["scores"]}  # sacrebleu metrics still computed
    entry = next(d for d in report["documents"] if d.get("kind") == "scores")
    assert entry["comet"] == {"model": "reference", "kind": "reference-based"}
    assert entry["ranked_by"] == "COMET"
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "COMET model: reference (reference-based)" in out and "COMET|model:reference|kind:ref" in out


def test_model_directory_can_move(tiny_comet, data_dir, tmp_path, capsys):
    moved = tmp_path / "moved-model"
    shutil.copytree(tiny_comet["reference"], moved)
    hparams = moved / "hparams.yaml"  # the encoder path written at build time no longer exists
    text = hparams.read_text(encoding="utf-8")
    hparams.write_text(text.replace(str(tiny_comet["reference"]), "/nowhere"), encoding="utf-8")
    p = paths(data_dir)
    report = run_json(
        [
            "score",
            p["hyp"],
            "--ref",
            p["ref"],
            "--source",
            p["src"],
            "--metrics",
            "comet",
            "--comet-model",
            str(moved / "checkpoints" / "model.ckpt"),
        ],
        capsys,
    )
    corpus, _ = comet_scores(report)
    assert corpus["signature"].startswith("model:moved-model|")
    assert [s["metric"] for s in report["scores"] if s["scope"] == "corpus"] == ["COMET"]


def test_reference_free_model(tiny_comet, data_dir, capsys):
    p = paths(data_dir)
    report = run_json(
        [
            "score",
            p["hyp"],
            "--source",
            p["src"],
            "--metrics",
            "comet",
            "--comet-model",
            str(tiny_comet["qe"]),
        ],
        capsys,
    )
    corpus, segments = comet_scores(report)
    assert "kind:qe" in corpus["signature"] and len(segments) == 10
    entry = next(d for d in report["documents"] if d.get("kind") == "scores")
    assert entry["comet"]["kind"] == "reference-free (QE)"


def test_reference_free_model_needs_a_source(tiny_comet, data_dir, capsys):
    p = paths(data_dir)
    assert (
        main(
            [
                "score",
                p["hyp"],
                "--ref",
                p["ref"],
                "--metrics",
                "comet",
                "--comet-model",
                str(tiny_comet["qe"]),
            ]
        )
        == 2
    )
    err = capsys.readouterr().err
    assert "needs the source" in err and err.count("\n") == 1


def test_reference_based_model_needs_references(tiny_comet, data_dir, capsys):
    p = paths(data_dir)
    code = main(
        [
            "score",
            p["hyp"],
            "--source",
            p["src"],
            "--metrics",
            "comet",
            "--comet-model",
            str(tiny_comet["reference"]),
        ]
    )
    assert code == 2 and "needs references" in capsys.readouterr().err


def test_error_spans_become_findings(tiny_comet, data_dir, capsys):
    p = paths(data_dir)
    report = run_json(
        ["score", p["rows"], "--comet-model", str(tiny_comet["spans"]), "--metrics", "chrf,comet"], capsys
    )
    spans = [f for f in report["findings"] if f["code"] == "MTQ952"]
    assert spans, "the tiny XCOMET model labels some tokens as major errors"
    rows = [json.loads(line) for line in (data_dir / "rows.jsonl").read_text(encoding="utf-8").splitlines()]
    by_id = {r["id"]: r["mt"] for r in rows}
    for f in spans:
        assert f["rule"] == "comet-error-span" and f["category"] == "score"
        assert f["severity"] == "warning" and f["comet_severity"] == "major"
        assert by_id[f["segment_id"]][f["start"] : f["end"]] == f["text"] == f["text"].strip()


def test_error_spans_on_an_article_point_into_the_file(tiny_comet, data_dir, tmp_path, capsys):
    hyp = data_dir / "article.hyp.fr.txt"
    src = tmp_path / "src.en.txt"  # same paragraph structure as the translation
    src.write_text(
        "Russian jets strike near Aleppo\n\nRussian warplanes struck. The ministry spoke.\n\n"
        "Related Post\n\nResidents reported shelling. The government spoke. Villages.\n\n"
        "The United Nations called for an end to the fighting.\n",
        encoding="utf-8",
    )
    report = run_json(
        [
            "check",
            str(hyp),
            "--ref",
            str(data_dir / "article.ref.fr.txt"),
            "--source",
            str(src),
            "--comet-model",
            str(tiny_comet["spans"]),
            "--fail-on",
            "never",
        ],
        capsys,
    )
    text = hyp.read_text(encoding="utf-8")
    spans = [f for f in report["findings"] if f["code"] == "MTQ952"]
    assert spans
    lines = text.split("\n")
    for f in spans:
        assert text[f["start"] : f["end"]] == f["text"]
        assert lines[f["line"] - 1][f["column"] - 1 :].startswith(f["text"].split("\n")[0])


def test_check_with_ref_and_comet_lists_spans_next_to_rule_findings(tiny_comet, data_dir, capsys):
    p = paths(data_dir)
    report = run_json(
        ["check", p["rows"], "--comet-model", str(tiny_comet["spans"]), "--fail-on", "never"], capsys
    )
    codes = {f["code"] for f in report["findings"]}
    assert "MTQ952" in codes
    assert any(s["metric"] == "COMET" for s in report["scores"])


def test_unreadable_model_is_one_line_error(tmp_path, data_dir, capsys):
    pytest.importorskip("comet", reason="unbabel-comet is not installed")
    broken = tmp_path / "broken"
    (broken / "checkpoints").mkdir(parents=True)
    (broken / "checkpoints" / "model.ckpt").write_bytes(b"not a checkpoint")
    (broken / "hparams.yaml").write_text("class_identifier: regression_metric\n", encoding="utf-8")
    p = paths(data_dir)
    assert (
        main(["score", p["hyp"], "--ref", p["ref"], "--source", p["src"], "--comet-model", str(broken)]) == 2
    )
    err = capsys.readouterr().err
    assert err.startswith("mtqa: error: cannot load COMET model") and err.count("\n") == 1


def test_compare_with_comet_statistics(tiny_comet, data_dir, capsys):
    p = paths(data_dir)
    argv = ["compare", p["hyp"], p["b"], "--ref", p["ref"], "--source", p["src"], "--num-splits", "100"]
    report = run_json([*argv, "--comet-model", str(tiny_comet["reference"])], capsys)
    comet = report["comet"]
    (pair,) = comet["pairs"]
    stats = pair["bootstrap_resampling"]
    assert (pair["x"], pair["y"]) == (p["hyp"], p["b"]) and comet["num_splits"] == 100
    assert stats["x_wins (%)"] + stats["y_wins (%)"] + stats["ties (%)"] == pytest.approx(1.0)
    assert 0 <= pair["paired_t-test"]["p_value"] <= 1
    assert comet["kind"] == "reference-based"
