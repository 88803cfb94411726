"""mtqa's sacrebleu path gives exactly sacrebleu's corpus and sentence scores."""

from __future__ import annotations

import pytest
from sacrebleu.metrics import BLEU, CHRF, TER

from mtqa.scoring.sacrebleu_metrics import score_metric

HYPS = ["Le chat est assis sur le tapis.", "Il fait très beau aujourd'hui.", "", "Les troupes sont entrées."]
REFS = [
    ["Le chat est sur le tapis.", "Il fait beau aujourd'hui.", "", "Ses combattants sont entrés."],
    ["Un chat est assis sur le tapis.", "Le temps est magnifique.", "", "Les troupes sont entrées en ville."],
]
METRICS = {
    "bleu": (BLEU, BLEU(effective_order=True)),
    "chrf": (CHRF, CHRF()),
    "chrf++": (lambda: CHRF(word_order=2), CHRF(word_order=2)),
    "ter": (TER, TER()),
}


@pytest.mark.parametrize("key", list(METRICS))
@pytest.mark.parametrize("refs", [REFS[:1], REFS], ids=["one-ref", "two-refs"])
def test_corpus_and_segments_equal_sacrebleu(key, refs):
    make, sentence_metric = METRICS[key]
    result = score_metric(key, HYPS, refs)
    corpus = make().corpus_score(HYPS, refs)
    assert result.corpus == corpus.score
    assert result.name == corpus.name
    expected = [sentence_metric.sentence_score(h, [r[i] for r in refs]).score for i, h in enumerate(HYPS)]
    assert list(result.segments) == expected


def test_signatures_say_how_scores_were_computed():
    bleu = score_metric("bleu", HYPS, REFS)
    assert bleu.signature.startswith("nrefs:2|case:mixed|eff:no|tok:13a")
    assert "eff:yes" in bleu.segment_signature  # sentence BLEU uses effective order
    assert "nw:2" in score_metric("chrf++", HYPS, REFS).signature
    assert score_metric("ter", HYPS, REFS).higher_is_better is False


def test_variable_number_of_references():
    refs = [REFS[0], [REFS[1][0], None, None, REFS[1][3]]]
    result = score_metric("chrf", HYPS, refs)
    assert result.signature.startswith("nrefs:var")
    assert result.segments[1] == CHRF().sentence_score(HYPS[1], [REFS[0][1]]).score
