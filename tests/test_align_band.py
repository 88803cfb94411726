"""The alignment band follows the path, not the diagonal: long articles whose sentence counts drift
apart are aligned in one pass of a fixed band (linear), with the same beads."""

from __future__ import annotations

from mtqa.align import Sentence, _banded_dp, _Costs, align_sentences

_WORDS = ("rapport", "conseil", "ville", "budget", "projet", "quartier", "école", "port")


def _drifting(n: int) -> tuple[list[Sentence], list[Sentence], list[tuple[tuple, tuple]]]:
    """n source sentences; every fifth is split in two by the translation, so the target is 20%
    longer and the path ends n / 5 cells off the diagonal."""
    src, tgt, gold = [], [], []
    for k in range(n):
        first = f"Le {_WORDS[k % 8]} {k} présente la situation{' en détail' * (k % 4)}."
        second = f"Il compte {k * 7} pages{' et des annexes' * (k % 3)}."
        if k % 5 == 0:
            src.append(Sentence(k, 0, 0, f"{first} {second}", False))
            tgt += [Sentence(len(tgt), 0, 0, first, False), Sentence(len(tgt) + 1, 0, 0, second, False)]
            gold.append(((k,), (len(tgt) - 2, len(tgt) - 1)))
        else:
            src.append(Sentence(k, 0, 0, first, False))
            tgt.append(Sentence(len(tgt), 0, 0, first, False))
            gold.append(((k,), (len(tgt) - 1,)))
    return src, tgt, gold


def test_band_follows_a_path_far_from_the_diagonal():
    src, tgt, gold = _drifting(600)
    assert len(tgt) - len(src) == 120  # four times the band below
    beads, touched = _banded_dp(_Costs(src, tgt, "fr", "fr"), len(src), len(tgt), 30)
    assert not touched  # one pass: the band never had to widen
    assert [(b.src, b.tgt) for b in beads] == gold


def test_drifting_article_aligned_exactly():
    src, tgt, gold = _drifting(300)
    assert [(b.src, b.tgt) for b in align_sentences(src, tgt, "fr", "fr")] == gold


def test_a_block_added_in_the_middle_widens_the_band_and_is_found():
    # 80 target sentences with no source after source sentence 80: more than the band, so it doubles.
    src, tgt, gold = _drifting(200)
    cut = gold[80][1][-1] + 1
    extra = [Sentence(0, 0, 0, "Abonnez-vous à notre lettre du matin.", False) for _ in range(80)]
    tgt = tgt[:cut] + extra + tgt[cut:]
    beads = align_sentences(src, tgt, "fr", "fr", band=30)
    found = {b.src[0]: b.tgt for b in beads if len(b.src) == 1}
    assert all(found[k] == gold[k][1] for k in range(80))
    assert all(found[k] == tuple(j + 80 for j in gold[k][1]) for k in range(82, 200))
    assert sum(1 for b in beads if not b.src) >= 78


def test_short_lists_and_empty_sides():
    one = [Sentence(0, 0, 0, "Le conseil a voté le budget.", False)]
    assert [(b.src, b.tgt) for b in align_sentences(one, one)] == [((0,), (0,))]
    assert [(b.src, b.tgt) for b in align_sentences(one, [])] == [((0,), ())]
    assert [(b.src, b.tgt) for b in align_sentences([], one)] == [((), (0,))]
