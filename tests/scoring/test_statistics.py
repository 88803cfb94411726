"""Scores from the statistics held per segment (mtqa.scoring.statistics) equal sacrebleu's own
corpus_score, sentence_score and paired tests, bit for bit, on random inputs with several
references, extracted in chunks smaller than the corpus."""

from __future__ import annotations

import random

import pytest
from sacrebleu.significance import PairedTest

from mtqa.scoring import statistics as stats_module
from mtqa.scoring.sacrebleu_metrics import extract_statistics as statistics
from mtqa.scoring.sacrebleu_metrics import make_metric, paired_test, score_metric
from mtqa.scoring.statistics import merge

WORDS = "le la un une chat chien ministre ville accord armée jeudi a dit que sur dans pour et , . ! ?".split()


def _sentence(rnd: random.Random) -> str:
    return " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(0, 18)))


def _corpus(seed: int, n: int, n_refs: int, holes: bool = False):
    """Hypotheses and `n_refs` reference streams; `holes`: some references missing (None), so the
    number of references varies by segment as sacrebleu allows."""
    rnd = random.Random(seed)
    hyps = [_sentence(rnd) for _ in range(n)]
    streams = [[_sentence(rnd) for _ in range(n)] for _ in range(n_refs)]
    if holes:
        for stream in streams[1:]:
            for i in rnd.sample(range(n), n // 3):
                stream[i] = None
    return hyps, streams


@pytest.fixture(autouse=True)
def small_chunks(monkeypatch):
    monkeypatch.setattr(stats_module, "STATS_CHUNK", 7)  # many chunks, a ragged last one


@pytest.mark.parametrize("key", ["bleu", "chrf", "chrf++", "ter"])
@pytest.mark.parametrize(
    "seed, n, n_refs, holes",
    [(1, 60, 1, False), (2, 45, 2, False), (3, 50, 3, True), (4, 1, 2, False)],
    ids=["one-ref", "two-refs", "varying-refs", "one-segment"],
)
def test_corpus_and_segment_scores_equal_sacrebleu(key, seed, n, n_refs, holes):
    hyps, streams = _corpus(seed, n, n_refs, holes)
    result = score_metric(key, hyps, streams)
    metric = make_metric(key)
    expected = metric.corpus_score(hyps, streams)
    assert result.corpus == expected.score
    assert result.signature == metric.get_signature().format()
    sentence = make_metric(key, sentence=True)
    for i in range(n):
        refs = [s[i] for s in streams if s[i] is not None]
        assert result.segments[i] == sentence.sentence_score(hyps[i], refs).score


@pytest.mark.parametrize("key", ["bleu", "chrf++", "ter"])
def test_slices_merged_equal_one_extraction_and_documents_equal_corpus_score(key):
    hyps, streams = _corpus(5, 40, 2)
    whole = statistics([key], hyps, streams)[key]
    cuts = [0, 3, 17, 18, 40]
    parts = [
        statistics([key], hyps[a:b], [s[a:b] for s in streams], offset=a)
        for a, b in zip(cuts, cuts[1:], strict=False)
    ]
    merged = merge(parts)[key]
    assert (merged.rows == whole.rows).all() and (merged.kept == whole.kept).all()
    assert merged.num_refs == whole.num_refs == 2
    doc = [2, 5, 11, 30]
    result = score_metric(key, hyps, streams, groups={"d": doc}, stats=merged)
    expected = make_metric(key).corpus_score([hyps[i] for i in doc], [[s[i] for i in doc] for s in streams])
    assert result.documents == (("d", expected.score),)


def test_bootstrap_interval_equals_sacrebleu():
    hyps, streams = _corpus(6, 50, 1)
    result = score_metric("chrf", hyps, streams, n_bootstrap=100)
    expected = make_metric("chrf").corpus_score(hyps, streams, n_bootstrap=100)
    assert (result.mean, result.ci) == (expected._mean, expected._ci)


@pytest.mark.parametrize("test", ["bs", "ar"])
def test_paired_tests_from_chunked_statistics_equal_sacrebleu(test):
    base, streams = _corpus(7, 40, 2)
    other, _ = _corpus(8, 40, 1)
    systems = [("base", base), ("other", other)]
    keys = ["bleu", "chrf", "ter"]
    _, mine = paired_test(keys, systems, streams, test=test, n_samples=200)
    metrics = {k: make_metric(k) for k in keys}
    _, theirs = PairedTest(systems, metrics, streams, test_type=test, n_samples=200)()
    for name in theirs:
        if name == "System":
            continue
        for a, b in zip(mine[name], theirs[name], strict=True):
            assert (a.score, a.p_value, a.mean, a.ci) == (b.score, b.p_value, b.mean, b.ci)
