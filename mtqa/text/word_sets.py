"""Counting a segment's tokens in a few large word sets, without building the sets for a short run.

The wrong-language rules ask, for every segment, how many of its tokens are trigger words of each
language suspected (six sets of 20,000-30,000 words for a French article). Building those sets as
frozensets costs most of a tenth of a second, more than checking a short article. A `WordSets`
answers first from a mtqa.text.word_table.WordTable of word -> bit mask (one bit per set; ready as
soon as its bytes are read, a microsecond a lookup) and builds the frozensets only once enough tokens
have been looked up for the C-speed set lookups to repay them. Both give the same counts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from mtqa.text.word_table import WordTable

# Tokens looked up through the table before the frozensets are built: about 10 ms of lookups, a
# tenth of the cost of building the sets, so a long run pays at most a tenth more than sets alone.
MATERIALISE_AFTER = 20_000


def masks(sets: Sequence[frozenset[str]]) -> dict[str, int]:
    """word -> bit mask of the sets holding it (bit i: sets[i]), the table `WordSets` reads."""
    out: dict[str, int] = {}
    for bit, words in enumerate(sets):
        for w in words:
            out[w] = out.get(w, 0) | (1 << bit)
    return out


class WordSets:
    """Per-set counts of tokens, from `load_table()` (a WordTable of `masks`) until MATERIALISE_AFTER
    tokens were looked up, then from `load_sets()` (the sets themselves, in the same order)."""

    def __init__(
        self,
        size: int,
        load_table: Callable[[], WordTable],
        load_sets: Callable[[], Sequence[frozenset[str]]],
        materialise_after: int = MATERIALISE_AFTER,
    ) -> None:
        self._size = size
        self._load_table, self._load_sets = load_table, load_sets
        self._table: WordTable | None = None
        self._sets: tuple[frozenset[str], tuple[frozenset[str], ...]] | None = None  # (union, sets)
        self._budget = materialise_after

    def counts(self, tokens: Sequence[str], minimum: int) -> list[int] | None:
        """How many of `tokens` each set holds; None when fewer than `minimum` are in any set."""
        if self._sets is None and self._budget <= 0:
            sets = tuple(self._load_sets())
            self._sets = (frozenset().union(*sets), sets)
        if self._sets is not None:
            union, sets = self._sets
            if sum(map(union.__contains__, tokens)) < minimum:
                return None
            return [sum(map(s.__contains__, tokens)) for s in sets]
        self._budget -= len(tokens)
        if self._table is None:
            self._table = self._load_table()
        get = self._table.get
        found = [m for m in (get(t, 0) for t in tokens) if m]
        if len(found) < minimum:
            return None
        return [sum(1 for m in found if m >> bit & 1) for bit in range(self._size)]
