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

import math
import weakref
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from mtqa.data import word_list
from mtqa.model import Category, Severity
from mtqa.rules.base import Context, DataFile, Example, Hit, Parameter, Rule
from mtqa.text import foreign_words as fw
from mtqa.text import lang as langid
from mtqa.text import lexicon, word_table
from mtqa.text.nonwords import NonWords
from mtqa.text.regex_store import compile_stored
from mtqa.text.scripts import (
    KNOWN_LANGUAGES,
    SCRIPT_LANGUAGE,
    foreign_script_runs,
    glued_inside_latin,
    script_of_language,
)
from mtqa.text.word_sets import WordSets, masks
from mtqa.text.word_table import WordTable

LANGUAGES = frozenset(langid.SUPPORTED)  # languages whose words are judged (a lexicon and a lingua model)
_FOREIGN, _TARGET, _SHARED, _NAME = "F", "T", "S", "N"
MIN_OTHER_ZIPF = Parameter(
    "min_other_zipf",
    3.0,
    "Zipf frequency a word must reach in the other language to be foreign (3: about once per million words).",
)
MARGIN = Parameter(
    "margin",
    1.0,
    "How much more frequent (in zipf, log10 units) a foreign word must be in the other language "
    "than in the article's.",
)
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
_GAP = compile_stored(r"[\s'’,-]*")  # what may stand between two words of one run
_QUOTE_MARKS = '«»“”„"'
_CODE_CHARS = frozenset("@#/\\_=&;|<>{}")
_ITALICS = compile_stored(r"(?<![\p{L}*_])([*_])(?!\s)[^*_\n]+?(?<!\s)\1(?![\p{L}*_])")
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


@dataclass(frozen=True)
class _Settings:
    """The parameter values one analysis of a segment runs with (a key of the per-segment cache)."""

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


_PAREN_OPEN, _PAREN_CLOSE = "(（[", ")）]"
_NAMES = fw.LANGUAGE_NAMES
_CAPITALISED_NOUNS = frozenset({"de", "lb"})  # languages that write every noun with a capital


@cache
def _loanwords(lang: str) -> frozenset[str]:
    return frozenset(word_list(lang, "loanwords"))


def _word_class(word: str, lang: str, other: str, thresholds: tuple[float, float]) -> str:
    """Foreign, target, shared or name; `thresholds` is (min_other_zipf, margin)."""
    min_zipf, margin = thresholds
    w = lexicon.normalise(word)
    if w in _loanwords(lang):
        return _TARGET
    zt, zo = lexicon.zipf(w, lang), _zipf(w, other)
    if zt == 0 and zo == 0 and "-" in w:
        parts = [_word_class(p, lang, other, thresholds) for p in w.split("-") if p]
        if parts and all(p in (_FOREIGN, _SHARED) for p in parts) and _FOREIGN in parts:
            return _FOREIGN
        return _TARGET if _TARGET in parts else _SHARED
    if zo >= min_zipf and zo - zt >= margin:
        return _FOREIGN
    if zt - zo >= margin or (zt > 0 and zo == 0):
        return _TARGET
    return _SHARED


def _glued_to_code(text: str, start: int, end: int) -> bool:
    """A word touching a digit, @, #, /, &, _ or a dotted name is part of a URL, handle, entity or
    model number, not prose."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if before in _CODE_CHARS or after in _CODE_CHARS or before.isdigit() or after.isdigit():
        return True
    if before == "." and start > 1 and text[start - 2].isalnum():
        return True
    return after in ".:" and end + 1 < len(text) and (text[end + 1].isalnum() or text[end + 1] == "/")


def _zipf(word: str, lang: str) -> float:
    f = fw.frequencies(lang).get(word)
    return math.log10(f * 1e9) if f else 0.0


@cache
def _foreign_words(lang: str, other: str, thresholds: tuple[float, float]) -> frozenset[str]:
    """Every lower-case word `_word_class` can call foreign: the common words of the other language
    that are much rarer in the article's. Built once, it lets most segments be cleared by a set
    lookup per token instead of a classification per word."""
    floor = 10 ** (thresholds[0] - 9)
    return frozenset(
        w
        for w, f in fw.frequencies(other).items()
        if f >= floor and w.isalpha() and _word_class(w, lang, other, thresholds) == _FOREIGN
    )


@cache
def _trigger_words(lang: str, other: str, thresholds: tuple[float, float]) -> frozenset[str]:
    """Built once per machine (seconds: every word of a frequency list is classified) and read back
    from the user cache on later runs (mtqa.cache)."""
    from mtqa.cache import cached

    name = _trigger_cache_name("foreign-words", lang, other, thresholds)
    depends = _trigger_depends(lang, (other,))
    return frozenset(cached(name, lambda: sorted(_build_triggers(lang, other, thresholds)), depends))


def _build_triggers(lang: str, other: str, thresholds: tuple[float, float]) -> frozenset[str]:
    """The foreign words of `other` that single a segment out for a closer look. For English (French
    in English articles) all of them; for the other languages only the words that language uses
    more than any other suspected one ("het", "und", "sono", not "in" or "museum", which English
    explains better): a run in those languages always holds several, and the pre-check stays cheap."""
    words = _foreign_words(lang, other, thresholds)
    if other == fw.default_other(lang):
        return words
    rivals = [fw.frequencies(o) for o in fw.SUSPECTED if o not in (lang, other)]
    own = fw.frequencies(other)
    return frozenset(w for w in words if all(r.get(w, 0.0) < own[w] for r in rivals))


def _trigger_cache_name(kind: str, lang: str, other: str, thresholds: tuple[float, float]) -> str:
    name = f"{kind}-{lang}-{other}"
    if thresholds != (MIN_OTHER_ZIPF.default, MARGIN.default):
        name += f"-zipf{thresholds[0]}-margin{thresholds[1]}"
    return name


def _trigger_depends(lang: str, others: tuple[str, ...]) -> tuple[object, ...]:
    loanwords = (" ".join(sorted(_loanwords(x))) for x in (lang, *others, *fw.SUSPECTED))
    return (Path(__file__), Path(fw.__file__), Path(lexicon.__file__), *loanwords)


@cache
def _triggers(lang: str, others: tuple[str, ...], thresholds: tuple[float, float]) -> WordSets:
    """How many of a segment's tokens are trigger words of each language in `others` (in order). A
    short run reads one table of word -> languages (cached per machine) instead of building the six
    sets of tens of thousands of words: most of the rule's start-up."""

    def load_table() -> WordTable:
        from mtqa.cache import cached

        name = _trigger_cache_name("trigger-masks", lang, "-".join(others), thresholds)
        build = lambda: word_table.encode(masks(load_sets()))  # noqa: E731
        return WordTable(cached(name, build, _trigger_depends(lang, others)))

    def load_sets() -> list[frozenset[str]]:
        return [_trigger_words(lang, o, thresholds) for o in others]

    return WordSets(len(others), load_table, load_sets)


@cache
def _class_cache(lang: str, other: str, thresholds: tuple[float, float]) -> dict[str, str]:
    return {}  # word -> class, a plain dict: this lookup runs for every word of every segment


def _cached_class(word: str, lang: str, other: str, thresholds: tuple[float, float]) -> str:
    cache = _class_cache(lang, other, thresholds)
    cls = cache.get(word)
    if cls is None:
        cls = cache[word] = _word_class(word, lang, other, thresholds)
    return cls


def _classified(seg, lang: str, other: str, thresholds: tuple[float, float]):
    """(start, end, class) for the words of a segment, in order."""
    text = seg.text
    starts = None
    italic = None
    out = []
    for a, b, w in seg.words:
        if w.islower():
            key = w
        elif w[1:].islower() or len(w) == 1:
            if starts is None:
                starts = {x for x, _ in seg.sentences}
            key = w.lower()
            if a not in starts:
                # A name or a title inside the sentence; in a language that capitalises its nouns
                # a foreign noun links the words of a run around it without counting as one.
                noun = (
                    other in _CAPITALISED_NOUNS
                    and len(w) > 1
                    and _cached_class(key, lang, other, thresholds) != _TARGET
                )
                out.append((a, b, _SHARED if noun else _NAME))
                continue
        else:
            out.append((a, b, _NAME))  # acronyms, camel-cased product names
            continue
        if len(w) < 2:
            out.append((a, b, _SHARED))
            continue
        cls = _cached_class(key, lang, other, thresholds)
        if cls == _FOREIGN:
            if italic is None:
                italic = [m.span() for m in _ITALICS.finditer(text)] if ("*" in text or "_" in text) else []
            if _glued_to_code(text, a, b) or any(x <= a < y for x, y in italic):
                cls = _NAME
        out.append((a, b, cls))
    return out


def _runs(text: str, words: list[tuple[int, int, str]]):
    """Maximal runs of foreign or shared words joined only by spaces, hyphens or commas, trimmed to
    start and end on a foreign word: (start, end, foreign count)."""
    run: list[tuple[int, int, str]] = []

    def flush():
        while run and run[-1][2] != _FOREIGN:
            run.pop()
        while run and run[0][2] != _FOREIGN:
            run.pop(0)
        if run:
            yield run[0][0], run[-1][1], sum(1 for w in run if w[2] == _FOREIGN)
        run.clear()

    for word in words:
        joined = not run or _GAP.fullmatch(text, run[-1][1], word[0]) is not None
        if word[2] in (_FOREIGN, _SHARED) and joined:
            run.append(word)
            continue
        yield from flush()
        if word[2] in (_FOREIGN, _SHARED):
            run.append(word)
    yield from flush()


def _severity(seg, start: int, end: int) -> Severity | None:
    # An English phrase inside quotation marks is often quoted on purpose (a slogan, a title).
    quoted = any(q in seg.text for q in _QUOTE_MARKS) and seg.quotes.inside(start, end)
    return Severity.INFO if quoted else None


def _findings(seg, ctx: Context, settings: _Settings, last: bool = False) -> list[tuple[str, Hit]]:
    """("sentence" | "run", Hit) pairs, computed once per segment for both rules (once more only
    where the two rules run with different parameter values). `last`: the reader that runs second
    (MTQ602) drops the segment's entry, so a long document does not hold one per paragraph until
    its view dies (para200k: about 0.8 KB a paragraph)."""
    if last:
        entry = _CACHE.pop(seg, None)
        found = entry[1].get(settings) if entry is not None and entry[0] == ctx.lang else None
        return list(_compute(seg, ctx, settings)) if found is None else found
    cached: tuple[str | None, dict[_Settings, list[tuple[str, Hit]]]] | None = _CACHE.get(seg)
    if cached is None or cached[0] != ctx.lang:
        cached = (ctx.lang, {})
        _CACHE[seg] = cached
    found = cached[1].get(settings)
    if found is None:
        found = cached[1][settings] = list(_compute(seg, ctx, settings))
    return found


# Both rules read the same analysis of a segment; keyed weakly so it dies with the segment view.
_CACHE: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _hint(seg, ctx: Context) -> str | None:
    """The source language, when the row or the document says it."""
    doc = getattr(ctx.document, "document", None)
    return seg.segment.src_lang or getattr(doc, "src_lang", None)


def _compute(seg, ctx: Context, settings: _Settings):
    """Script evidence first, then word evidence language by language, the most likely first; a
    stretch already reported (a sentence, or a run) is not reported again."""
    lang = ctx.lang
    if lang is None:
        return
    hint = _hint(seg, ctx)
    reported: list[tuple[int, int]] = []
    for variant, hit in _script_hits(seg, lang, hint, settings):
        reported.append((hit.start, hit.end))
        yield variant, hit
    if lang not in LANGUAGES or not lexicon.has_lexicon(lang):
        return
    others = fw.suspected(lang, hint)
    thresholds, minimum = settings.word_class, settings.min_foreign
    # Fewer than `minimum` tokens that could be foreign words, whatever their case or context:
    # nothing to report. The common case, decided by one lookup per token.
    counts = _triggers(lang, others, thresholds).counts(seg.lower_letter_runs, minimum)
    if counts is None:
        return
    likely = (hint, fw.default_other(lang))
    classified = [
        (other, other in likely, _classified(seg, lang, other, thresholds))
        for other, count in zip(others, counts, strict=True)
        if count >= minimum
    ]
    yield from _word_hits(seg, lang, classified, reported, settings)


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(a < end and start < b for a, b in spans)


def _script_hits(seg, lang: str, hint: str | None, settings: _Settings):
    """Letters in a script `lang` is not written in: a sentence made mostly of them (MTQ601), or a
    run of them (MTQ602)."""
    text = seg.text
    if text.isascii() or lang not in KNOWN_LANGUAGES:
        return
    runs = foreign_script_runs(text, lang)
    if not runs:
        return
    nonwords = NonWords(text)
    kept = [
        r
        for r in runs
        if not nonwords.covers(r.start, r.end)
        and not glued_inside_latin(text, r.start, r.end)
        and not (r.script == "Greek" and r.letters < settings.min_greek_letters)
    ]
    if not kept:
        return
    target_name = _NAMES.get(lang, lang)

    def source_name(script: str) -> str:
        if hint is not None and script_of_language(hint) == script:
            return _NAMES.get(hint, hint)
        return SCRIPT_LANGUAGE[script]

    sentences = []
    for s_start, s_end in seg.sentences:
        inside = [r for r in kept if s_start <= r.start < s_end]
        foreign = sum(r.letters for r in inside)
        letters = sum(ch.isalpha() for ch in text[s_start:s_end])
        if (
            foreign >= settings.script_sentence_min_letters
            and foreign >= settings.script_sentence_share * letters
        ):
            sentences.append((s_start, s_end))
            name = source_name(max(inside, key=lambda r: r.letters).script)
            yield (
                "sentence",
                Hit(
                    s_start,
                    s_end,
                    f"sentence in {name}, not {target_name}: left untranslated",
                    severity=_severity(seg, s_start, s_end),
                ),
            )
    for r in kept:
        if _overlaps(r.start, r.end, sentences):
            continue
        yield (
            "run",
            Hit(
                r.start,
                r.end,
                f"'{text[r.start : r.end]}' is written in {r.script} script ({source_name(r.script)}), "
                f"not translated into {target_name}",
                severity=_script_run_severity(seg, r.start, r.end),
            ),
        )


def _script_run_severity(seg, start: int, end: int) -> Severity | None:
    """Info for the original spelling of a name in parentheses after its transliteration ("Alexei
    Navalny (Алексей Навальный)"), a practice of some outlets; the rule's severity otherwise."""
    text = seg.text
    before = text[:start].rstrip()
    after = text[end:].lstrip()
    if before[-1:] in _PAREN_OPEN and after[:1] in _PAREN_CLOSE:
        return Severity.INFO
    return _severity(seg, start, end)


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
        if _overlaps(s_start, s_end, reported):
            continue
        for (other, likely, words), starts in zip(classified, word_starts, strict=True):
            inside = words[bisect_left(starts, s_start) : bisect_left(starts, s_end)]
            foreign = sum(1 for w in inside if w[2] == _FOREIGN)
            native = sum(1 for w in inside if w[2] == _TARGET)
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
                Hit(s_start, s_end, message + "left untranslated", severity=_severity(seg, s_start, s_end)),
            )
            break
    candidates = sorted(
        (-foreign, rank, start, end, other)
        for rank, (other, likely, words) in enumerate(classified)
        for start, end, foreign in _runs(text, words)
        if foreign >= (settings.run_min_foreign if likely else settings.run_warn_foreign)
    )
    for minus_foreign, _, start, end, other in candidates:
        quiet = -minus_foreign < settings.run_warn_foreign
        if _overlaps(start, end, reported):
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
                severity=_severity(seg, start, end) or (Severity.INFO if quiet else None),
            ),
        )


def check_sentence(seg, ctx: Context):
    settings = _settings(ctx, tuple(ctx.param(p) for p in _SENTENCE_PARAMETERS))
    return (hit for variant, hit in _findings(seg, ctx, settings) if variant == "sentence")


def check_run(seg, ctx: Context):
    # A run inside a sentence MTQ601 reports is MTQ601's: its sentence parameters, as configured.
    configured = (ctx.options.get("parameters") or {}).get(RULES[0].code)
    if configured:
        sentence_values = RULES[0].parameter_values(configured)
        sentence = tuple(sentence_values[p.name] for p in _SENTENCE_PARAMETERS)
    else:
        sentence = tuple(p.default for p in _SENTENCE_PARAMETERS)
    settings = _settings(ctx, sentence)
    return (hit for variant, hit in _findings(seg, ctx, settings, last=True) if variant == "run")


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
