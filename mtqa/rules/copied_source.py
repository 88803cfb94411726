"""MTQ611 copied-source: a target sentence identical or nearly identical to its source sentence, or
a run of source words copied through untranslated inside it.

Names, numbers and brand names legitimately pass through unchanged, so a copy only counts when it
carries ordinary words that belong to the source language rather than the target one (word
frequencies from wordfreq decide, not a hand list).
"""

from __future__ import annotations

from collections.abc import Callable

import regex
from rapidfuzz import fuzz

from mtqa.model import Category, Severity
from mtqa.rules.base import Example, Parameter, Rule
from mtqa.rules.source_pairs import NEEDS_SOURCE, hit, pairs
from mtqa.text.lexicon import has_lexicon, zipf
from mtqa.text.nonwords import NonWords
from mtqa.text.regex_store import compile_stored

_TOKEN = compile_stored(r"[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*|\d+")
NEAR_COPY = Parameter(
    "near_copy", 90.0, "rapidfuzz ratio (0-100) of a target sentence to its source at which it is a copy."
)
MIN_RUN = Parameter("min_run", 4, "Tokens in a run copied from the source sentence before it is reported.")
MIN_SOURCE_WORDS = Parameter(
    "min_source_words",
    2,
    "Ordinary source-language words (not shared with the target language, not names) a copy must carry.",
)
SOURCE_WORD_ZIPF = Parameter(
    "source_word_zipf", 3.0, "Zipf frequency in the source language from which a copied word is ordinary."
)
SOURCE_WORD_MARGIN = Parameter(
    "source_word_margin",
    1.0,
    "How much more frequent (zipf) a copied word must be in the source language than in the target "
    "language to count as the source's (a word both languages share is no copy).",
)
MIN_SENTENCE_TOKENS = Parameter("min_sentence_tokens", 3, "Tokens of the shortest target sentence judged.")
MIN_LOWER_SHARE = Parameter(
    "min_lower_share",
    0.5,
    "Share of lower-case words a copied run must exceed: mostly capitalised runs are titles and names "
    "kept in the original.",
)


def _source_words(
    tokens: list[str], src_lang: str | None, tgt_lang: str | None, min_zipf: float, margin: float
) -> int:
    """How many tokens are ordinary lower-case words of the source language, not of the target's."""
    if src_lang is None or tgt_lang is None:
        return 0
    count = 0
    for t in tokens:
        if len(t) < 2 or not t.islower():
            continue
        zs, zt = zipf(t, src_lang), zipf(t, tgt_lang)
        if zs >= min_zipf and zs - zt >= margin:
            count += 1
    return count


_SRC_NONWORD, _TGT_NONWORD = "\x00", "\x01"  # stand-ins that never match each other


def _token_strings(text: str, matches: list[regex.Match], stand_in: str) -> list[str]:
    """The strings of word tokens `matches` of `text`; a token inside a URL, an e-mail address, a
    handle or a code (mtqa.text.nonwords) is legitimately copied, so its string is a stand-in that
    matches nothing on the other side."""
    nonwords = NonWords(text)
    if not nonwords.spans:  # most sentences hold none: no membership test per token
        return [m.group() for m in matches]
    return [stand_in if nonwords.covers(m.start(), m.end()) else m.group() for m in matches]


def _in_a_row(tokens: list[str], shared: Callable[[str], bool], count: int) -> bool:
    """Whether `count` tokens in a row are `shared`: what a copied run of that length needs."""
    if count <= 0:
        return bool(tokens)
    # the flags as bytes, searched in C for `count` ones in a row
    return bytes(map(shared, tokens)).find(b"\x01" * count) >= 0


def _copied_run(src_tokens: list[str], tgt: list[str], min_run: int) -> tuple[int, int] | None:
    """(first, last) indices into `tgt` of the longest run of tokens also consecutive in the source."""
    if not _in_a_row(tgt, set(src_tokens).__contains__, min_run):
        return None
    positions: dict[str, list[int]] = {}
    for i, t in enumerate(src_tokens):
        positions.setdefault(t, []).append(i)
    best, best_len = None, 0
    prev: dict[int, int] = {}  # source index -> run length ending there, for the previous target token
    for j, token in enumerate(tgt):
        cur = {i: prev.get(i - 1, 0) + 1 for i in positions.get(token, ())}
        for length in cur.values():
            if length > best_len:
                best, best_len = (j - length + 1, j), length
        prev = cur
    return best if best_len >= min_run else None


def check_copies(view, ctx):
    al = view.alignment
    src_lang = al.source_lang if al is not None else None
    if al is None or not al.ok or (src_lang is not None and src_lang == view.lang):
        return
    if not (has_lexicon(src_lang) and has_lexicon(view.lang)):
        # Telling a copied ordinary word from a shared name needs both languages' word frequencies.
        al.notes.add(f"MTQ611 skipped: no word frequencies for {src_lang!r} -> {view.lang!r}")
        return
    near_copy, min_run, min_words = ctx.param(NEAR_COPY), ctx.param(MIN_RUN), ctx.param(MIN_SOURCE_WORDS)
    word_zipf, margin = ctx.param(SOURCE_WORD_ZIPF), ctx.param(SOURCE_WORD_MARGIN)
    min_tokens, lower_share = ctx.param(MIN_SENTENCE_TOKENS), ctx.param(MIN_LOWER_SHARE)
    for pair in pairs(view):
        source_text = pair.source_text
        src_matches: list[regex.Match] | None = None  # tokenised for the first sentence needing it
        src_plain: set[str] = set()
        src_words = None  # the plain token strings, read for the first sentence sharing enough tokens
        src_tokens = None  # with stand-ins for non-words: read for the first sentence that may hold a run
        src_folded = None  # casefolded for the first sentence with enough tokens
        for sentence in pair.target:
            tgt_words = _TOKEN.findall(sentence.text)  # the strings; offsets only for a finding
            if len(tgt_words) < min_tokens:
                continue
            if src_folded is None:
                src_folded = source_text.casefold()
            # score_cutoff: rapidfuzz gives up early on pairs below it (and returns 0 for them)
            if fuzz.ratio(sentence.text.casefold(), src_folded, score_cutoff=near_copy) >= near_copy:
                tgt = list(_TOKEN.finditer(sentence.text))
                tgt_tokens = _token_strings(sentence.text, tgt, _TGT_NONWORD)
                if _source_words(tgt_tokens, src_lang, view.lang, word_zipf, margin) >= min_words:
                    yield hit(
                        sentence, 0, len(sentence.text), "sentence copied from the source, untranslated", pair
                    )
                continue
            # Stand-ins only take matches away: a run they would allow is a run of the plain tokens
            # too, so fewer than min_run shared tokens, or no plain run, rule one out (and spare the
            # non-word scans of most sentences).
            # A source token is a substring of the source text: without min_run target tokens in a
            # row found there, no run (and most pairs never tokenise their source).
            if not _in_a_row(tgt_words, source_text.__contains__, min_run):
                continue
            if src_matches is None:
                src_matches = list(_TOKEN.finditer(source_text))
                src_plain = {m.group() for m in src_matches}
            shared = [w for w in tgt_words if w in src_plain]
            if len(shared) < min_run:
                continue
            # The words of any run are target words among the source's: fewer than min_words
            # source-language words among all of these rule a finding out (most runs are codes).
            if _source_words(shared, src_lang, view.lang, word_zipf, margin) < min_words:
                continue
            if src_words is None:
                src_words = [m.group() for m in src_matches]
            if _copied_run(src_words, tgt_words, min_run) is None:
                continue
            if src_tokens is None:
                src_tokens = _token_strings(source_text, src_matches, _SRC_NONWORD)
            tgt = list(_TOKEN.finditer(sentence.text))
            tgt_tokens = _token_strings(sentence.text, tgt, _TGT_NONWORD)
            run = _copied_run(src_tokens, tgt_tokens, min_run)
            if run is None:
                continue
            words = [m.group() for m in tgt[run[0] : run[1] + 1]]
            start, end = tgt[run[0]].start(), tgt[run[1]].end()
            if sum(w.islower() for w in words) <= lower_share * len(words):
                continue  # mostly capitalised: a title or a name kept in the original (The Lord of the Rings)
            if view.segments[sentence.segment].quotes.inside(sentence.start + start, sentence.start + end):
                continue  # a quotation or a title quoted in the original language
            if _source_words(words, src_lang, view.lang, word_zipf, margin) >= min_words:
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
                spans=("The army said it had retaken several districts.",),
            ),
            Example(
                "Le groupe a dit qu'il had taken control of the area.",
                "fr",
                source="The group said it had taken control of the area.",
                spans=("had taken control of the area",),
            ),
            Example(
                "Le gouvernement a dit que ses troupes avaient repris la ville.",
                "en",
                source="Le gouvernement a dit que ses troupes avaient repris la ville.",
                spans=("Le gouvernement a dit que ses troupes avaient repris la ville.",),
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
        inputs=NEEDS_SOURCE,
        parameters=(
            NEAR_COPY,
            MIN_RUN,
            MIN_SOURCE_WORDS,
            SOURCE_WORD_ZIPF,
            SOURCE_WORD_MARGIN,
            MIN_SENTENCE_TOKENS,
            MIN_LOWER_SHARE,
        ),
    ),
)
