"""Exact pre-checks for rules that look up a sentence's tokens in a word list (MTQ211, MTQ212).

Those rules cut a sentence into tokens with the pattern `[\\p{L}\\p{M}]+(?:[-‐][\\p{L}\\p{M}]+)*(?:['’]s)?`
on the lower-cased text and look each token up in a list of lower-case words. Most sentences of news
hold none of the words, and the segment's lower-cased runs of letters (SegmentView.lower_letter_runs,
read by several rules) already say so, without a regex pass per sentence:

a token equal to a word starts with that word's first run of letters ("let" for "let's"), and that
run is a whole run of letters of the segment too, because
- a token starts after a character that is no letter or mark (the pattern would have taken it in),
  except right after a token's glued "'s" ("x'sme": token "me", run "sme"): `clears` looks for that;
- a token ends before a character that is no letter or mark, or the word's run ends inside it;
- a sentence of the alignment is a slice of its segment cut between runs of letters (sentence ends
  are punctuation, starts follow blanks or punctuation): `cut_between_runs` checks each slice;
- lowering the segment or the sentence alone gives the same characters (Python's only
  context-sensitive lowering is the Greek final sigma: `first_runs` refuses words with a sigma), and
  no character outside letters and marks lowers into one (checked over all of Unicode in the tests).
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from mtqa.text.regex_store import compile_stored

_LETTERS = compile_stored(r"\p{L}+")
# A token right after a glued "'s" starts inside a run of letters; IGNORECASE also takes "'S".
_GLUED_S = compile_stored(r"['’]s[\p{L}\p{M}]", regex.IGNORECASE)
_INSIDE_RUN = compile_stored(r"[\p{L}\p{M}]{2}")


def first_runs(words: Iterable[str]) -> frozenset[str] | None:
    """The first run of letters of each word ("let" for "let's", "je" for "je"); None when a word
    does not start with a letter or holds a sigma, for which the pre-check would not be exact."""
    runs = set()
    for word in words:
        m = _LETTERS.match(word)
        if m is None or "σ" in word or "ς" in word:
            return None
        runs.add(m.group())
    return frozenset(runs)


def clears(seg, runs: frozenset[str] | None) -> bool:
    """True when no sentence of the segment view `seg` can hold a token equal to a word whose first
    run of letters is in `runs` (from `first_runs`); False when it may."""
    if runs is None:
        return False
    return runs.isdisjoint(seg.lower_letter_runs) and _GLUED_S.search(seg.text) is None


def cut_between_runs(text: str, start: int, end: int) -> bool:
    """Whether the slice [start, end) of `text` neither starts nor ends inside a run of letters and
    marks: its tokens are then tokens of `text` too."""
    if start > 0 and _INSIDE_RUN.match(text, start - 1):
        return False
    return not (0 < end < len(text) and _INSIDE_RUN.match(text, end - 1))
