"""COMET's speed-ups keep the scores: the duplicate cache scores each distinct (src, mt, ref) once and
gives duplicates identical scores; int8 quantisation of the encoder keeps the segment scores
correlated with the float model's."""

from __future__ import annotations

import warnings

import pytest

SRC = [
    "Russian warplanes stationed in Syria carried out air strikes.",
    "The government said its troops had inflicted heavy losses.",
    "Local media reported that the army had regained control of several districts.",
    "The reviewer said the product arrived broken.",
]
HYP = [
    "Des avions de guerre russes ont mené des frappes.",
    "Le gouvernement a dit que ses troupes avaient infligé de lourdes pertes aux assaillants.",
    "Les médias locaux.",
    "Le produit est arrivé cassé.",
]
REF = [
    "Des avions russes stationnés en Syrie ont mené des frappes aériennes.",
    "Le gouvernement a déclaré que ses troupes avaient infligé de lourdes pertes.",
    "Les médias locaux ont rapporté que l'armée avait repris plusieurs quartiers.",
    "Le critique a dit que le produit était arrivé cassé.",
]


def test_distinct_samples_keep_their_order_and_map_back():
    from mtqa.scoring.comet_metric import _distinct

    samples = [{"mt": "bbbb", "ref": "x"}, {"mt": "a", "ref": "x"}, {"mt": "bbbb", "ref": "x"}]
    distinct, position = _distinct(samples)
    assert distinct == [{"mt": "bbbb", "ref": "x"}, {"mt": "a", "ref": "x"}]
    assert position == [0, 1, 0]


def test_same_mt_with_another_reference_is_a_distinct_sample():
    from mtqa.scoring.comet_metric import _distinct

    samples = [{"mt": "a", "ref": "x"}, {"mt": "a", "ref": "y"}, {"src": "s", "mt": "a", "ref": "x"}]
    distinct, position = _distinct(samples)
    assert distinct == samples and position == [0, 1, 2]


@pytest.mark.slow
def test_duplicates_are_scored_once_with_identical_scores(tiny_comet, monkeypatch):
    from mtqa.scoring import comet_metric

    loaded = comet_metric.load(str(tiny_comet["reference"]))
    order = [0, 1, 0, 2, 3, 1, 0, 2]  # 8 segments, 4 distinct triples
    hyps, refs, srcs = ([xs[i] for i in order] for xs in (HYP, REF, SRC))
    seen: list[int] = []
    predict = loaded.model.predict

    def counting(samples, **kwargs):
        seen.append(len(samples))
        return predict(samples, **kwargs)

    monkeypatch.setattr(loaded.model, "predict", counting)
    out = comet_metric.predict(loaded, hyps, refs, srcs).result
    assert seen == [4]
    scores = out.segments
    for i, a in enumerate(order):
        for j, b in enumerate(order):
            if a == b:
                assert scores[i] == scores[j]
    assert out.corpus == pytest.approx(sum(scores) / len(scores))
    alone = comet_metric.predict(loaded, HYP, REF, SRC).result.segments
    assert [scores[order.index(k)] for k in range(4)] == pytest.approx(alone, abs=1e-5)
    # and COMET's own predict, in the input order, agrees
    monkeypatch.undo()
    samples = [{"src": s, "mt": m, "ref": r} for s, m, r in zip(SRC, HYP, REF, strict=True)]
    with warnings.catch_warnings():  # Lightning's own deprecations
        warnings.simplefilter("ignore")
        own = loaded.model.predict(samples, batch_size=16, gpus=0, progress_bar=False, num_workers=0).scores
    assert list(alone) == own  # without duplicates, exactly COMET's predict()


@pytest.mark.slow
def test_quantised_scores_correlate_with_float_scores(tiny_comet):
    import numpy as np

    from mtqa.scoring import comet_metric

    plain = comet_metric.load(str(tiny_comet["reference"]))
    quant = comet_metric.load(str(tiny_comet["reference"]), quantize=True)
    assert (plain.quantized, quant.quantized) == ("", "int8-dynamic")
    import torch

    assert not [m for m in quant.model.encoder.modules() if type(m) is torch.nn.Linear]  # all replaced
    assert any(type(m) is torch.nn.Linear for m in plain.model.encoder.modules())
    words = " ".join(SRC + HYP + REF).split()
    hyps = [" ".join(words[i : i + 4 + i % 9]) for i in range(0, 60)]
    refs = [" ".join(words[i + 3 : i + 10 + i % 5]) for i in range(0, 60)]
    srcs = [" ".join(words[i + 1 : i + 8]) for i in range(0, 60)]
    a = comet_metric.predict(plain, hyps, refs, srcs)
    b = comet_metric.predict(quant, hyps, refs, srcs)
    assert np.corrcoef(a.result.segments, b.result.segments)[0, 1] >= 0.99
    assert "quant:int8" in b.result.signature and "quant:" not in a.result.signature


@pytest.mark.slow
def test_score_cli_comet_quantize(tiny_comet, data_dir, capsys):
    import json

    from mtqa.cli import main

    argv = [
        "score",
        str(data_dir / "hyp.fr.txt"),
        "--ref",
        str(data_dir / "ref1.fr.txt"),
        "--source",
        str(data_dir / "src.en.txt"),
        "--metrics",
        "comet",
        "--comet-model",
        str(tiny_comet["reference"]),
        "--format",
        "json",
    ]
    reports = []
    for extra in ([], ["--comet-quantize"]):
        assert main([*argv, *extra]) == 0, capsys.readouterr().err
        report = json.loads(capsys.readouterr().out)
        reports.append([s for s in report["scores"] if s["metric"] == "COMET" and s["scope"] == "segment"])
    plain, quant = reports
    assert len(plain) == len(quant) == 10
    assert "quant:int8-dynamic" in quant[0]["signature"] and "quant:" not in plain[0]["signature"]
    assert [s["value"] for s in quant] == pytest.approx([s["value"] for s in plain], abs=0.05)
