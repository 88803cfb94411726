"""Untranslated or wrong-language text: whole sentences (MTQ601) and runs of words (MTQ602).

Two kinds of evidence. Script: letters in a script the article's language is not written in
(Cyrillic or kana in English) are left over whatever the word (mtqa.text.scripts). Words: a
lower-case word is foreign when it is common in another language and much rarer in the article's;
words common in both ("minute", "important", "document") are shared and prove nothing; capitalised
words inside a sentence are names and titles (RT, Al Jazeera, New York Times) and break a run. The
other languages suspected are the source language first, then English (French for English
articles), then the other Latin-script languages news is translated from (mtqa.text.foreign_words).
A sentence whose words are mostly foreign is confirmed by language identification; a run in the
source's language or in English/French is reported on word evidence alone; a run in a language
merely suspected needs three foreign words and lingua's confirmation. lingua only ever sees the few
segments the word evidence singles out.
"""

from __future__ import annotations

import weakref
from bisect import bisect_left
from dataclasses import dataclass

from mtqa.model import Category, Severity
from mtqa.rules.base import Context, DataFile, Example, Hit, Parameter, Rule
from mtqa.rules.context_settings import PerContext
from mtqa.rules.wrong_language_script import overlaps, script_hits, severity
from mtqa.rules.wrong_language_words import (
    FOREIGN,
    MARGIN,
    MIN_OTHER_ZIPF,
    TARGET,
    classify_words,
    runs,
    triggers,
)
from mtqa.text import foreign_words as fw
from mtqa.text import lang as langid
from mtqa.text import lexicon
from mtqa.text.scripts import KNOWN_LANGUAGES

LANGUAGES = frozenset(langid.SUPPORTED)  # languages whose words are judged (a lexicon and a lingua model)
RUN_MIN_FOREIGN = Parameter(
    "run_min_foreign",
    2,
    "Foreign words of a run in the source's language or English/French for it to be reported, as info "
    "below run_warn_foreign ('soft power' is also French news).",
)
RUN_WARN_FOREIGN = Parameter(
    "run_warn_foreign",
    3,
    "Foreign words of a run for the rule's severity; a run in a language merely suspected needs this many.",
)
SENTENCE_MIN_FOREIGN = Parameter(
    "sentence_min_foreign", 3, "Foreign words a sentence must hold to be a sentence in another language."
)
SENTENCE_MIN_SHARE = Parameter(
    "sentence_min_share",
    0.67,
    "Share (0-1) of a sentence's words with a language preference that must be foreign.",
)
SCRIPT_SENTENCE_SHARE = Parameter(
    "script_sentence_share",
    0.5,
    "Share (0-1) of a sentence's letters in a foreign script for the whole sentence to be foreign.",
)
SCRIPT_SENTENCE_MIN_LETTERS = Parameter(
    "script_sentence_min_letters", 4, "Letters in a foreign script a sentence must hold to be foreign."
)
MIN_GREEK_LETTERS = Parameter(
    "min_greek_letters",
    3,
    "Greek letters of a run for it to be Greek text (α, β, Δ, Ω, µ are symbols in science and finance news).",
)
# Runs inside a sentence MTQ601 reports are left to it: the sentence parameters are MTQ601's for both.
_SENTENCE_PARAMETERS = (
    SENTENCE_MIN_FOREIGN,
    SENTENCE_MIN_SHARE,
    SCRIPT_SENTENCE_SHARE,
    SCRIPT_SENTENCE_MIN_LETTERS,
)


@dataclass(frozen=True, eq=False)
class _Settings:
    """The parameter values one analysis of a segment runs with (a key of the per-segment cache).
    Compared and hashed by identity: _settings keeps one instance per distinct set of values."""

    min_other_zipf: float
    margin: float
    run_min_foreign: int
    run_warn_foreign: int
    sentence_min_foreign: int
    sentence_min_share: float
    script_sentence_share: float
    script_sentence_min_letters: int
    min_greek_letters: int

    @property
    def word_class(self) -> tuple[float, float]:
        return self.min_other_zipf, self.margin

    @property
    def min_foreign(self) -> int:
        """Fewer foreign-looking tokens than this and nothing word-based can be reported."""
        return min(self.run_min_foreign, self.run_warn_foreign, self.sentence_min_foreign)


def _settings(ctx: Context, sentence_values: tuple) -> _Settings:
    """The settings of `ctx` with `sentence_values` (those of _SENTENCE_PARAMETERS, in order). One
    instance per distinct set of values, kept: both rules ask for every segment, and building a frozen
    dataclass each time cost more than the lookups that decide most segments."""
    key = (*(ctx.param(p) for p in _OWN_PARAMETERS), *sentence_values)
    found = _SETTINGS.get(key)
    if found is None:
        names = [p.name for p in (*_OWN_PARAMETERS, *_SENTENCE_PARAMETERS)]
        found = _SETTINGS[key] = _Settings(**dict(zip(names, key, strict=True)))
    return found


_OWN_PARAMETERS = (MIN_OTHER_ZIPF, MARGIN, RUN_MIN_FOREIGN, RUN_WARN_FOREIGN, MIN_GREEK_LETTERS)


# The settings met so far by their values (a handful in a process: one per configuration).
_SETTINGS: dict[tuple, _Settings] = {}


_NAMES = fw.LANGUAGE_NAMES


def _findings(seg, ctx: Context, settings: _Settings, last: bool = False) -> list[tuple[str, Hit]]:
    """("sentence" | "run", Hit) pairs, computed once per segment for both rules (once more only
    where the two rules run with different parameter values). `last`: the reader that runs second
    (MTQ602) drops the segment's entry, so a long document does not hold one per paragraph until
    its view dies (para200k: about 0.8 KB a paragraph). A text already found quiet with the same
    language, source language and settings is answered by one lookup (_quiet_texts)."""
    text, lang, hint = seg.text, ctx.lang, _hint(seg, ctx)
    quiet = _quiet_texts(lang, hint, settings)
    if last:
        entry = _CACHE.pop(seg, None)
        found = entry[1].get(settings) if entry is not None and entry[0] == lang else None
        if found is not None:
            return found
        return [] if text in quiet else _computed(seg, ctx, settings, quiet, hint)
    if text in quiet:
        return []
    cached: tuple[str | None, dict[_Settings, list[tuple[str, Hit]]]] | None = _CACHE.get(seg)
    if cached is None or cached[0] != lang:
        cached = (lang, {})
        _CACHE[seg] = cached
    found = cached[1].get(settings)
    if found is None:
        found = cached[1][settings] = _computed(seg, ctx, settings, quiet, hint)
    return found


def _computed(
    seg, ctx: Context, settings: _Settings, quiet: set[str], hint: str | None
) -> list[tuple[str, Hit]]:
    found = list(_compute(seg, ctx, settings, hint))
    text = seg.text
    if not found and len(text) <= _QUIET_MAX_LEN:
        if len(quiet) >= _QUIET_MAX:
            quiet.clear()
        quiet.add(text)
    return found


# Both rules read the same analysis of a segment; keyed weakly so it dies with the segment view.
_CACHE: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

# What a segment yields is a function of its text, the article's language, the source language and
# the settings alone (every analysis read is one of the text and the language). JSONL files repeat
# rows (calls to action, bylines, menus: the 10,000 rows of bench/bench_issue11.py hold 2,768
# distinct texts), so the texts that yielded nothing are kept, per (language, source language,
# settings), up to _QUIET_MAX each (then cleared: memory stays flat), short ones only: a long
# paragraph rarely repeats and would be pinned after its document is done.
_QUIET: dict[tuple[str | None, str | None, _Settings], set[str]] = {}
_QUIET_MAX = 20_000
_QUIET_MAX_LEN = 1_000


def _quiet_texts(lang: str | None, hint: str | None, settings: _Settings) -> set[str]:
    key = (lang, hint, settings)
    found = _QUIET.get(key)
    if found is None:
        found = _QUIET[key] = set()
    return found


def _hint(seg, ctx: Context) -> str | None:
    """The source language, when the row or the document says it."""
    doc = getattr(ctx.document, "document", None)
    return seg.segment.src_lang or getattr(doc, "src_lang", None)


_NO_HINT = _MISSING = object()


def _compute(seg, ctx: Context, settings: _Settings, hint=_NO_HINT):
    """Script evidence first, then word evidence language by language, the most likely first; a
    stretch already reported (a sentence, or a run) is not reported again. `hint`: _hint's answer,
    when the caller has it."""
    lang = ctx.lang
    if lang is None:
        return
    if hint is _NO_HINT:
        hint = _hint(seg, ctx)
    reported: list[tuple[int, int]] = []
    if not seg.text.isascii():  # script_hits finds nothing in ASCII text: no generator to start
        for variant, hit in script_hits(seg, lang, hint, settings):
            reported.append((hit.start, hit.end))
            yield variant, hit
    words = _word_evidence(lang, hint, settings)
    if words is None:
        return
    others, word_sets, minimum = words
    # Fewer than `minimum` tokens that could be foreign words, whatever their case or context:
    # nothing to report. The common case, decided by one lookup per token.
    counts = word_sets.counts(seg.lower_letter_runs, minimum)
    if counts is None:
        return
    thresholds = settings.word_class
    likely = (hint, fw.default_other(lang))
    classified = [
        (other, other in likely, classify_words(seg, lang, other, thresholds))
        for other, count in zip(others, counts, strict=True)
        if count >= minimum
    ]
    yield from _word_hits(seg, lang, classified, reported, settings)


def _word_evidence(lang: str, hint: str | None, settings: _Settings):
    """(languages suspected, their trigger word sets, fewest foreign tokens worth a look) for word
    evidence in `lang`, or None where `lang`'s words are not judged. Worked out once per (language,
    source language, settings), not per segment: all three are functions of those alone."""
    key = (lang, hint, settings)
    found = _WORD_EVIDENCE.get(key, _MISSING)
    if found is _MISSING:
        found = None
        if lang in LANGUAGES and lexicon.has_lexicon(lang):
            others = fw.suspected(lang, hint)
            found = (others, triggers(lang, others, settings.word_class), settings.min_foreign)
        _WORD_EVIDENCE[key] = found
    return found


_WORD_EVIDENCE: dict[tuple[str, str | None, _Settings], tuple | None] = {}  # a handful of entries


def _word_hits(seg, lang: str, classified, reported: list[tuple[int, int]], settings: _Settings):
    """Sentences, then runs, of words of another language. `classified` holds, per language suspected
    (the likeliest first), whether it is likely (the source's, English or French) and the classes of
    the segment's words. A run is credited to the language with the most foreign words in it;
    outside the likely languages it needs three of them and lingua's agreement."""
    text = seg.text
    # Words are in text order: a sentence's words are found by bisection, not by a scan of the
    # segment per sentence (quadratic for a decoder loop of thousands of sentences).
    word_starts = [[w[0] for w in words] for _, _, words in classified]
    for s_start, s_end in seg.sentences:
        if overlaps(s_start, s_end, reported):
            continue
        for (other, likely, words), starts in zip(classified, word_starts, strict=True):
            inside = words[bisect_left(starts, s_start) : bisect_left(starts, s_end)]
            foreign = sum(1 for w in inside if w[2] == FOREIGN)
            native = sum(1 for w in inside if w[2] == TARGET)
            if foreign < settings.sentence_min_foreign or foreign < settings.sentence_min_share * (
                foreign + native
            ):
                continue
            detected = langid.detect(text[s_start:s_end])
            if detected is None or detected == lang or not (likely or detected == other):
                continue
            reported.append((s_start, s_end))
            message = f"sentence in {_NAMES.get(detected, detected)}, not {_NAMES.get(lang, lang)}: "
            yield (
                "sentence",
                Hit(s_start, s_end, message + "left untranslated", severity=severity(seg, s_start, s_end)),
            )
            break
    candidates = sorted(
        (-foreign, rank, start, end, other)
        for rank, (other, likely, words) in enumerate(classified)
        for start, end, foreign in runs(text, words)
        if foreign >= (settings.run_min_foreign if likely else settings.run_warn_foreign)
    )
    for minus_foreign, _, start, end, other in candidates:
        quiet = -minus_foreign < settings.run_warn_foreign
        if overlaps(start, end, reported):
            continue
        if other != fw.default_other(lang) and not fw.confirmed(text[start:end], lang, other):
            continue
        reported.append((start, end))
        yield (
            "run",
            Hit(
                start,
                end,
                f"'{text[start:end]}' looks {_NAMES.get(other, other)}, not {_NAMES.get(lang, lang)}: "
                "left untranslated",
                severity=severity(seg, start, end) or (Severity.INFO if quiet else None),
            ),
        )


def _sentence_settings(ctx: Context) -> _Settings:
    return _settings(ctx, tuple(ctx.param(p) for p in _SENTENCE_PARAMETERS))


def _run_settings(ctx: Context) -> _Settings:
    # A run inside a sentence MTQ601 reports is MTQ601's: its sentence parameters, as configured.
    configured = (ctx.options.get("parameters") or {}).get(RULES[0].code)
    if configured:
        sentence_values = RULES[0].parameter_values(configured)
        sentence = tuple(sentence_values[p.name] for p in _SENTENCE_PARAMETERS)
    else:
        sentence = tuple(p.default for p in _SENTENCE_PARAMETERS)
    return _settings(ctx, sentence)


_SENTENCE_SETTINGS, _RUN_SETTINGS = PerContext(_sentence_settings), PerContext(_run_settings)


def check_sentence(seg, ctx: Context):
    found = _findings(seg, ctx, _SENTENCE_SETTINGS(ctx))
    return (hit for variant, hit in found if variant == "sentence") if found else ()


def check_run(seg, ctx: Context):
    found = _findings(seg, ctx, _RUN_SETTINGS(ctx), last=True)
    return (hit for variant, hit in found if variant == "run") if found else ()


RULES = (
    Rule(
        code="MTQ601",
        data_files=(DataFile("*", "loanwords"),),
        name="wrong-language-sentence",
        category=Category.UNTRANSLATED,
        severity=Severity.WARNING,
        summary="A sentence in another language than the article's: English, German, Spanish... "
        "left in a French article, or a sentence written mostly in another script (Cyrillic, kana).",
        why="A sentence the engine skipped or copied stays unreadable for the audience the "
        "translation was made for, and it usually marks a gap in the pipeline (a missed segment).",
        flagged=(
            Example(
                "Les frappes ont repris mardi. The ministry said the strikes would continue "
                "until further notice. Le bilan reste incertain.",
                spans=("The ministry said the strikes would continue until further notice.",),
            ),
            Example(
                "The talks resumed on Monday. Les négociations ont repris lundi dans la "
                "capitale. Officials were cautious.",
                lang="en",
                spans=("Les négociations ont repris lundi dans la capitale.",),
            ),
            Example(
                "The ministry confirmed the figures. Министерство обороны сообщило об этом в понедельник.",
                lang="en",
                spans=("Министерство обороны сообщило об этом в понедельник.",),
            ),
        ),
        passing=(
            Example("Le document important a été publié à la minute près par le ministère."),
            Example("The document was published in a coup d'état atmosphere, officials said.", lang="en"),
        ),
        check=check_sentence,
        parameters=(MIN_OTHER_ZIPF, MARGIN, *_SENTENCE_PARAMETERS, MIN_GREEK_LETTERS),
        languages=KNOWN_LANGUAGES,
    ),
    Rule(
        code="MTQ602",
        data_files=(DataFile("*", "loanwords"),),
        name="wrong-language-run",
        category=Category.UNTRANSLATED,
        severity=Severity.WARNING,
        summary="A run of three or more words of another language inside a sentence of the "
        "article's language (two: info), or letters in a script the language is not written in "
        "(Cyrillic or kanji in English); names, titles, loanwords, URLs and symbols are left alone.",
        why="Phrases the engine did not translate break the sentence for the reader and are easy "
        "to miss in review because the sentence around them is fluent.",
        flagged=(
            Example(
                "Le fabricant affirme que le produit est built to last and easy to use, selon la notice.",
                spans=("built to last and easy to use",),
            ),
            Example(
                "The committee said the measure was une mesure de sécurité indispensable, "
                "according to the minister.",
                lang="en",
                spans=("une mesure de sécurité",),
            ),
            Example(
                "La commune a décidé que die Straße bis Ende Mai gesperrt bleibt, selon le maire.",
                spans=("die Straße bis Ende Mai gesperrt bleibt",),
            ),
            Example(
                "Police said the suspect fled after the attack in 佐賀市 on Sunday.",
                lang="en",
                spans=("佐賀市",),
            ),
        ),
        passing=(
            Example(
                "HTS avait déclaré à Al Jazeera et au New York Times que le week-end serait "
                "décisif pour les start-up."
            ),
            Example("The minister spoke to Le Monde and Libération about the coup d'état.", lang="en"),
            Example("Protesters used the hashtag #нетвойне; the α coefficient rose by 3 µg.", lang="en"),
            Example("Selon la Stiftung Wissenschaft und Politik, la Bundeswehr manque de moyens."),
        ),
        check=check_run,
        parameters=(MIN_OTHER_ZIPF, MARGIN, RUN_MIN_FOREIGN, RUN_WARN_FOREIGN, MIN_GREEK_LETTERS),
        languages=KNOWN_LANGUAGES,
    ),
)
