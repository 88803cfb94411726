"""mtqa.text.word_sets: per-set token counts, from the table of bit masks and from the sets alike."""

from __future__ import annotations

import random

import pytest

from mtqa.text.word_sets import WordSets, masks
from mtqa.text.word_table import WordTable

SETS = [
    frozenset({"the", "and", "would", "said", "been"}),
    frozenset({"und", "die", "nicht", "been"}),
    frozenset({"het", "een", "niet", "die"}),
]


def _expected(tokens: list[str], minimum: int) -> list[int] | None:
    if sum(any(t in s for s in SETS) for t in tokens) < minimum:
        return None
    return [sum(t in s for t in tokens) for s in SETS]


def test_masks_mark_each_set():
    table = masks(SETS)
    assert table["the"] == 0b001 and table["been"] == 0b011 and table["die"] == 0b110
    assert "Die" not in table


@pytest.mark.parametrize("materialise_after", [0, 10, 1_000_000])
def test_counts_are_those_of_the_sets(materialise_after):
    vocabulary = sorted(set().union(*SETS)) + ["maison", "Die", "THE", "", "été"]
    rng = random.Random(7)
    words = WordSets(len(SETS), lambda: WordTable.of(masks(SETS)), lambda: SETS, materialise_after)
    for _ in range(300):
        tokens = [rng.choice(vocabulary) for _ in range(rng.randrange(0, 12))]
        minimum = rng.randrange(0, 4)
        assert words.counts(tokens, minimum) == _expected(tokens, minimum)


def test_short_run_never_builds_the_sets():
    def no_sets():
        raise AssertionError("sets built for a short run")

    words = WordSets(len(SETS), lambda: WordTable.of(masks(SETS)), no_sets, materialise_after=100)
    assert words.counts(["the", "und", "maison", "been"], 2) == [2, 2, 0]
    assert words.counts(["maison"], 1) is None


def test_largest_items_of_a_word_table():
    freqs = {f"w{k}": (k % 97) / 97 for k in range(2000)}
    table = WordTable.of(freqs)
    expected = sorted(freqs.items(), key=lambda item: -item[1])[:50]
    assert table.largest(50) == expected
    assert WordTable.of({}).largest(3) == []
