"""MTQ611 copied-source: a target sentence identical or nearly identical to its source sentence, or
a run of source words copied through untranslated inside it.

Names, numbers and brand names legitimately pass through unchanged, so a copy only counts when it
carries ordinary words that belong to the source language rather than the target one (word
frequencies from wordfreq decide, not a hand list).
"""

from __future__ import annotations

import regex
from rapidfuzz import fuzz

from mtqa.model import Category, Severity
from mtqa.rules.base import Example, Rule
from mtqa.rules.source_pairs import NEEDS_SOURCE, hit, pairs
from mtqa.text.lexicon import has_lexicon, zipf

_TOKEN = regex.compile(r"[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*|\d+")
_NEAR_COPY = 90.0  # rapidfuzz ratio of the whole sentence
_MIN_RUN = 4  # tokens in a copied run
_MIN_SOURCE_WORDS = 2  # ordinary source-language words a copy must carry


def _source_words(tokens: list[str], src_lang: str | None, tgt_lang: str | None) -> int:
    """How many tokens are ordinary lower-case words of the source language, not of the target's."""
    if not (src_lang and tgt_lang and has_lexicon(src_lang) and has_lexicon(tgt_lang)):
        return 0
    count = 0
    for t in tokens:
        if len(t) < 2 or not t.islower():
            continue
        zs, zt = zipf(t, src_lang), zipf(t, tgt_lang)
        if zs >= 3.0 and zs - zt >= 1.0:
            count += 1
    return count


def _copied_run(src_tokens: list[str], tgt: list[regex.Match]) -> tuple[int, int] | None:
    """(first, last) indices into `tgt` of the longest run of tokens also consecutive in the source."""
    positions: dict[str, list[int]] = {}
    for i, t in enumerate(src_tokens):
        positions.setdefault(t, []).append(i)
    best, best_len = None, 0
    prev: dict[int, int] = {}  # source index -> run length ending there, for the previous target token
    for j, m in enumerate(tgt):
        cur = {i: prev.get(i - 1, 0) + 1 for i in positions.get(m.group(), ())}
        for length in cur.values():
            if length > best_len:
                best, best_len = (j - length + 1, j), length
        prev = cur
    return best if best_len >= _MIN_RUN else None


def check_copies(view, ctx):
    al = view.alignment
    src_lang = al.source_lang if al is not None else None
    if src_lang is not None and src_lang == view.lang:
        return
    for pair in pairs(view):
        src_tokens = [m.group() for m in _TOKEN.finditer(pair.source_text)]
        for sentence in pair.target:
            tgt = list(_TOKEN.finditer(sentence.text))
            if len(tgt) < 3:
                continue
            if fuzz.ratio(sentence.text.casefold(), pair.source_text.casefold()) >= _NEAR_COPY:
                if _source_words([m.group() for m in tgt], src_lang, view.lang) >= _MIN_SOURCE_WORDS:
                    yield hit(
                        sentence, 0, len(sentence.text), "sentence copied from the source, untranslated", pair
                    )
                continue
            run = _copied_run(src_tokens, tgt)
            if run is None:
                continue
            words = [m.group() for m in tgt[run[0] : run[1] + 1]]
            start, end = tgt[run[0]].start(), tgt[run[1]].end()
            if sum(w.islower() for w in words) <= 0.5 * len(words):
                continue  # mostly capitalised: a title or a name kept in the original (The Lord of the Rings)
            if view.segments[sentence.segment].quotes.inside(sentence.start + start, sentence.start + end):
                continue  # a quotation or a title quoted in the original language
            if _source_words(words, src_lang, view.lang) >= _MIN_SOURCE_WORDS:
                yield hit(sentence, start, end, "words copied from the source, untranslated", pair)


RULES = (
    Rule(
        code="MTQ611",
        name="copied-source",
        category=Category.UNTRANSLATED,
        severity=Severity.WARNING,
        summary="A target sentence identical or nearly identical to its source sentence, or a run of "
        "source words copied through untranslated.",
        why="MT systems pass text through when they fail; the copy looks like a quotation or a "
        "proper name to a reader who does not have the source.",
        flagged=(
            Example(
                "The army said it had retaken several districts.",
                "fr",
                source="The army said it had retaken several districts.",
            ),
            Example(
                "Le groupe a dit qu'il had taken control of the area.",
                "fr",
                source="The group said it had taken control of the area.",
            ),
            Example(
                "Le gouvernement a dit que ses troupes avaient repris la ville.",
                "en",
                source="Le gouvernement a dit que ses troupes avaient repris la ville.",
            ),
        ),
        passing=(
            Example(
                "Hayat Tahrir al-Sham (HTS) a parlé à Al Jazeera.",
                "fr",
                source="Hayat Tahrir al-Sham (HTS) spoke to Al Jazeera.",
            ),
            Example(
                "Le Premier ministre Boris Johnson s'est rendu à Downing Street.",
                "fr",
                source="Prime Minister Boris Johnson went to Downing Street.",
            ),
            Example(
                "The Russian Center for Reconciliation said so on Friday.",
                "en",
                source="Le Centre russe de réconciliation l'a dit vendredi.",
            ),
        ),
        check=check_copies,
        scope="document",
        requires=NEEDS_SOURCE,
    ),
)
