"""`mtqa compare --comet-model` against unbabel-comet's own `comet-compare`, on the same data and
seed with a tiny offline model (tests/comet_tiny.py); and mtqa's COMET segment scores against
`predict()`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from mtqa.cli import main

pytestmark = pytest.mark.slow


def files(data_dir, tmp_path) -> dict[str, str]:
    third = tmp_path / "third.fr.txt"  # a third system: the baseline with every other line lowercased
    lines = (data_dir / "hyp.fr.txt").read_text(encoding="utf-8").splitlines()
    third.write_text(
        "".join((ln.lower() if i % 2 else ln) + "\n" for i, ln in enumerate(lines)), encoding="utf-8"
    )
    return {
        "hyp": str(data_dir / "hyp.fr.txt"),
        "b": str(data_dir / "sys_b.fr.txt"),
        "c": str(third),
        "ref": str(data_dir / "ref1.fr.txt"),
        "src": str(data_dir / "src.en.txt"),
    }


def run_comet_compare(model_dir, f, out_json, monkeypatch, capsys) -> dict:
    """comet-compare itself, in-process, offline (a .ckpt path is never downloaded)."""
    from comet.cli.compare import compare_command

    ckpt = str(model_dir / "checkpoints" / "model.ckpt")
    argv = ["comet-compare", "-s", f["src"], "-r", f["ref"], "-t", f["hyp"], f["b"], f["c"]]
    argv += ["--model", ckpt, "--gpus", "0", "--quiet", "--num_workers", "0", "--to_json", str(out_json)]
    monkeypatch.setattr(sys, "argv", argv)
    compare_command()
    capsys.readouterr()
    return json.loads(out_json.read_text(encoding="utf-8"))


def test_statistics_equal_comet_compare_on_the_same_segment_scores(
    tiny_comet, data_dir, tmp_path, monkeypatch, capsys
):
    from mtqa.scoring.comet_metric import compare_statistics

    f = files(data_dir, tmp_path)
    theirs = run_comet_compare(tiny_comet["reference"], f, tmp_path / "cc.json", monkeypatch, capsys)
    scores = [t["scores"] for t in theirs["translations"]]
    assert [t["name"] for t in theirs["translations"]] == [f["hyp"], f["b"], f["c"]]
    mine = dict(compare_statistics(scores))  # comet-compare's defaults: 300 splits, 0.4, seed 1
    expected = {
        j: r
        for r in theirs["statistical_results"]
        for j, name in ((1, f["b"]), (2, f["c"]))
        if (r["x_name"], r["y_name"]) == (f["hyp"], name)
    }
    assert set(mine) == set(expected) == {1, 2}
    for j in (1, 2):
        assert mine[j]["bootstrap_resampling"] == expected[j]["bootstrap_resampling"]
        assert mine[j]["paired_t-test"]["statistic"] == float(expected[j]["paired_t-test"]["statistic"])
        assert mine[j]["paired_t-test"]["p_value"] == float(expected[j]["paired_t-test"]["p_value"])


def test_mtqa_compare_several_systems_with_comet(tiny_comet, data_dir, tmp_path, capsys):
    from mtqa.scoring import comet_metric

    f = files(data_dir, tmp_path)
    argv = ["compare", f["hyp"], f["b"], f["c"], "--ref", f["ref"], "--source", f["src"], "--metrics", "bleu"]
    assert main([*argv, "--comet-model", str(tiny_comet["reference"]), "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    comet = out["comet"]
    assert [p["y"] for p in comet["pairs"]] == [f["b"], f["c"]]
    assert (comet["num_splits"], comet["sample_ratio"], comet["seed"]) == (300, 0.4, 1)
    # mtqa's segment scores are predict()'s, bit for bit; the statistics are computed on them
    loaded = comet_metric.load(str(tiny_comet["reference"]))
    per_system = []

    def lines(path: str) -> list[str]:
        return [ln.rstrip() for ln in Path(path).read_text(encoding="utf-8").split("\n")[:-1]]

    for name in (f["hyp"], f["b"], f["c"]):
        hyps, refs, srcs = lines(name), lines(f["ref"]), lines(f["src"])
        samples = [{"src": s, "mt": h, "ref": r} for s, h, r in zip(srcs, hyps, refs, strict=True)]
        raw = loaded.model.predict(samples, batch_size=16, gpus=0, progress_bar=False, num_workers=0)
        per_system.append([float(x) for x in raw.scores])
        assert comet["scores"][name] == float(raw.system_score)
    expected = dict(comet_metric.compare_statistics(per_system))
    for j, pair in enumerate(comet["pairs"], start=1):
        assert pair["bootstrap_resampling"] == expected[j]["bootstrap_resampling"]
        assert pair["paired_t-test"] == expected[j]["paired_t-test"]
    text_argv = [*argv, "--comet-model", str(tiny_comet["reference"])]
    assert main(text_argv) == 0
    assert "t-test p = " in capsys.readouterr().out
