"""Reference-free COMET (QE models) from `--source` alone (issue 12, point 7): no `--metrics comet`
needed, and the header names the source instead of an empty list of references."""

from __future__ import annotations

import json

import pytest

from mtqa.cli import main

pytestmark = pytest.mark.slow


def test_qe_model_runs_from_the_source_alone(tiny_comet, data_dir, capsys):
    hyp, src = str(data_dir / "hyp.fr.txt"), str(data_dir / "src.en.txt")
    argv = ["score", hyp, "--source", src, "--comet-model", str(tiny_comet["qe"])]
    assert main([*argv, "--format", "json"]) == 0, capsys.readouterr().err
    report = json.loads(capsys.readouterr().out)
    corpus = [s["metric"] for s in report["scores"] if s["scope"] == "corpus"]
    assert corpus == ["COMET"]  # sacrebleu's metrics need references: not attempted
    assert main(argv) == 0
    captured = capsys.readouterr()
    assert "no reference given" not in captured.err
    header = next(line for line in captured.out.splitlines() if line.startswith("Scores: "))
    assert header == f"Scores: {hyp} against the source {src}, no reference (lines, 10 segments)"
    assert "against  (" not in captured.out and "      ref: " not in captured.out
    assert "COMET model: qe (reference-free (QE))" in captured.out
