"""Monolingual sentence alignment of a translation with its reference."""

from __future__ import annotations

from mtqa.scoring.article_align import Group, align, merge_streams

REF = [
    "Les forces syriennes ont levé le siège d'Alep en décembre 2016.",
    "Elles ont repoussé les rebelles vers la province d'Idlib.",
    "La Turquie a pris la responsabilité d'Idlib en 2018.",
    "Elle avait promis de séparer les terroristes des rebelles légitimes, mais ne l'a jamais fait.",
]


def labels(groups):
    return [g.label for g in groups]


def test_one_to_one():
    hyp = [s.replace("levé", "mis fin au") for s in REF]
    assert labels(align(hyp, REF)) == ["1-1"] * 4


def test_debris_and_dropped_sentence_stay_unaligned():
    hyp = [REF[0], "Related Post", REF[1], REF[3]]
    assert labels(align(hyp, REF)) == ["1-1", "1-0", "1-1", "0-1", "1-1"]


def test_sentence_split_in_two_is_a_two_to_one_match():
    hyp = [
        *REF[:3],
        "Elle avait promis de séparer les terroristes des rebelles légitimes.",
        "Mais elle ne l'a jamais fait.",
    ]
    assert labels(align(hyp, REF)) == ["1-1", "1-1", "1-1", "2-1"]


def test_english_pair():
    ref = ["The army lifted the siege in 2016.", "Rebels were pushed towards Idlib.", "Turkey took charge."]
    hyp = ["The army lifted the siege in 2016.", "Share this story on social media:", "Turkey took charge."]
    got = labels(align(hyp, ref))  # debris left out, the dropped sentence too (in either order)
    assert got[0] == got[-1] == "1-1" and sorted(got[1:-1]) == ["0-1", "1-0"]


def test_merge_streams_keeps_common_boundaries():
    one = [Group((0, 1), (0, 1)), Group((1, 3), (1, 2))]  # stream 1 joins hypothesis sentences 1 and 2
    two = [Group((0, 1), (0, 1)), Group((1, 2), (1, 2)), Group((2, 3), (2, 3))]
    assert merge_streams(3, [one, two]) == [((0, 1), [(0, 1), (0, 1)]), ((1, 3), [(1, 2), (1, 3)])]


def test_long_articles_align_in_near_linear_time():
    ref = [
        f"Le rapport numéro {i} décrit la situation dans la région {i % 17} avec {i * 3} témoins."
        for i in range(2000)
    ]
    hyp = [s.replace("décrit", "présente") for s in ref]
    del hyp[500]
    groups = align(hyp, ref)  # its speed is measured by bench/bench_score.py
    assert labels(groups).count("0-1") == 1 and labels(groups).count("1-1") == 1999
