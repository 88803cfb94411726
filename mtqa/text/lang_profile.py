"""Which of a few languages a text's frequent words point to, without a language detector.

Every language's most frequent words (articles, prepositions, pronouns, auxiliaries: the top
`TOP_WORDS` of its wordfreq list) make a small profile: for each such word, its frequency in each of
the languages. A text's profiled words are scored as a unigram model would (the sum of log10
frequencies per language) and a language wins only when it beats every other by `MIN_MARGIN` per
profiled word, on at least `MIN_PROFILED` of them: an article in French or German clears that by far;
a short or mixed text, or one in a language outside the profile (Catalan between Spanish and
Portuguese, Afrikaans beside Dutch, Danish beside German), does not, and is left to lingua.

The profile (a few thousand words) is built once per machine from the frequent-word tables
(mtqa.text.foreign_words) and read back from the user cache (mtqa.cache) in about a millisecond; the
seven full frequency tables would take a tenth of a second to load.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import cache, reduce
from operator import add
from pathlib import Path

TOP_WORDS = 1000
# log10 frequency given to a profiled word absent from a language's frequent words (Zipf < 2)
_FLOOR = -9.0
# A winner must beat the runner-up by this much (log10 frequency) per profiled word, on average, on
# at least MIN_PROFILED profiled words. Measured with bench/eval_lang_precheck.py on both sides of
# every dev-set row and tests/data: with 20 words the pre-check decides 4,363 of 6,288 document
# samples and 9,385 of 71,577 single segments, all as lingua's path does; with 10 it also took
# one-sentence segments that lingua misreads ("Europe is not ours to lose..." as German: 55 of 32,061).
MIN_MARGIN = 0.5
MIN_PROFILED = 20


@cache
def profile(languages: tuple[str, ...]) -> dict[str, tuple[float, ...]]:
    """word -> log10 frequency in each of `languages` (in order), for the top words of each."""
    from mtqa.cache import cached

    build = lambda: _build(languages)  # noqa: E731
    depends = ("lang-profile:2", TOP_WORDS, _FLOOR, *languages, Path(__file__))
    return cached("language-profile", build, depends)


def _build(languages: tuple[str, ...]) -> dict[str, tuple[float, ...]]:
    # The frequent-word tables (Zipf >= 2; the same frequencies as the full lists) are small and
    # built anyway by the wrong-language rules on a machine's first run: the full lists are not.
    from mtqa.text.foreign_words import frequencies

    tables = [frequencies(lang) for lang in languages]
    words: set[str] = set()
    for table in tables:
        words.update(w for w, _ in table.largest(TOP_WORDS))
    return {
        w: tuple(math.log10(f) if (f := table.get(w)) else _FLOOR for table in tables) for w in sorted(words)
    }


def clear_winner(words: list[str], languages: tuple[str, ...]) -> str | None:
    """The one of `languages` the lower-case `words` clearly belong to, or None when in doubt."""
    table = profile(languages)
    rows = [scores for scores in map(table.get, words) if scores is not None]
    profiled = len(rows)
    if profiled < MIN_PROFILED or len(languages) < 2:
        return None
    totals = running_totals(rows)
    ranked = sorted(range(len(languages)), key=lambda i: -totals[i])
    best, second = ranked[0], ranked[1]
    if totals[best] - totals[second] < MIN_MARGIN * profiled:
        return None
    return languages[best]


def running_totals(rows: Sequence[Sequence[float]]) -> list[float]:
    """Each column's total, adding its values one by one in order from 0.0 (a running sum's floats;
    not sum(), which compensates its rounding from Python 3.12 on), a column at a time at C speed."""
    return [reduce(add, column, 0.0) for column in zip(*rows, strict=True)]
