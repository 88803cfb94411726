"""Untranslated or wrong-language text: whole sentences (MTQ601) and runs of words (MTQ602).

Evidence is per word and cheap: a lower-case word is foreign when it is common in the other
language (English for a French article, French for an English one) and much rarer in the
article's language; words common in both ("minute", "important", "document", "transport") are
shared and prove nothing; capitalised words inside a sentence are names and titles (RT, Al Jazeera,
New York Times) and break a run. A sentence whose words are mostly foreign is then confirmed by
language identification (lingua, called only on those few sentences); shorter runs of three foreign
words or more are reported on word evidence alone.
"""

from __future__ import annotations

import weakref
from functools import cache

import regex

from mtqa.data import word_list
from mtqa.model import Category, Severity
from mtqa.rules.base import Context, Example, Hit, Rule
from mtqa.text import lang as langid
from mtqa.text import lexicon

LANGUAGES = frozenset(langid.SUPPORTED)
_FOREIGN, _TARGET, _SHARED, _NAME = "F", "T", "S", "N"
_MIN_OTHER_ZIPF = 3.0  # a foreign word is common in the other language...
_MARGIN = 1.0  # ...and at least ten times more frequent there than in the article's language
_RUN_MIN_FOREIGN = 2  # two foreign words are reported as info ("soft power" is also French news)
_RUN_WARN_FOREIGN = 3  # three or more as a warning
_SENTENCE_MIN_FOREIGN = 3
_SENTENCE_MIN_SHARE = 0.67  # of the words with a language preference
_GAP = regex.compile(r"[\s'’,-]*")  # what may stand between two words of one run
_QUOTE_MARKS = '«»“”„"'
_CODE_CHARS = frozenset("@#/\\_=&;|<>{}")
_ITALICS = regex.compile(r"(?<![\p{L}*_])([*_])(?!\s)[^*_\n]+?(?<!\s)\1(?![\p{L}*_])")
_NAMES = {
    "en": "English",
    "fr": "French",
    "de": "German",
    "es": "Spanish",
    "it": "Italian",
    "pt": "Portuguese",
    "nl": "Dutch",
}


def _other(lang: str) -> str:
    return "fr" if lang == "en" else "en"


@cache
def _loanwords(lang: str) -> frozenset[str]:
    return frozenset(word_list(lang, "loanwords"))


def _word_class(word: str, lang: str, other: str) -> str:
    w = lexicon.normalise(word)
    if w in _loanwords(lang):
        return _TARGET
    zt, zo = lexicon.zipf(w, lang), lexicon.zipf(w, other)
    if zt == 0 and zo == 0 and "-" in w:
        parts = [_word_class(p, lang, other) for p in w.split("-") if p]
        if parts and all(p in (_FOREIGN, _SHARED) for p in parts) and _FOREIGN in parts:
            return _FOREIGN
        return _TARGET if _TARGET in parts else _SHARED
    if zo >= _MIN_OTHER_ZIPF and zo - zt >= _MARGIN:
        return _FOREIGN
    if zt - zo >= _MARGIN or (zt > 0 and zo == 0):
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


@cache
def _foreign_words(lang: str, other: str) -> frozenset[str]:
    """Every lower-case word `_word_class` can call foreign: the common words of the other language
    that are much rarer in the article's. Built once, it lets most segments be cleared by a set
    lookup per token instead of a classification per word."""
    floor = 10 ** (_MIN_OTHER_ZIPF - 9)
    return frozenset(
        w for w, f in lexicon.frequencies(other).items()
        if f >= floor and w.isalpha() and _word_class(w, lang, other) == _FOREIGN
    )


def _may_hold_foreign_run(seg, lang: str, other: str) -> bool:
    """False when fewer than two tokens could be foreign words, whatever their case or context."""
    foreign = _foreign_words(lang, other)
    # One pass in C (map over the set's membership test) beats a Python loop with an early exit.
    return sum(map(foreign.__contains__, seg.lower_letter_runs)) >= _RUN_MIN_FOREIGN


@cache
def _class_cache(lang: str, other: str) -> dict[str, str]:
    return {}  # word -> class, a plain dict: this lookup runs for every word of every segment


def _classified(seg, lang: str, other: str):
    """(start, end, class) for the words of a segment, in order."""
    text = seg.text
    cache = _class_cache(lang, other)
    starts = None
    italic = None
    out = []
    for a, b, w in seg.words:
        if w.islower():
            key = w
        elif w[1:].islower() or len(w) == 1:
            if starts is None:
                starts = {x for x, _ in seg.sentences}
            if a not in starts:
                out.append((a, b, _NAME))  # a name or a title inside the sentence
                continue
            key = w.lower()
        else:
            out.append((a, b, _NAME))  # acronyms, camel-cased product names
            continue
        if len(w) < 2:
            out.append((a, b, _SHARED))
            continue
        cls = cache.get(key)
        if cls is None:
            cls = cache[key] = _word_class(key, lang, other)
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


def _findings(seg, ctx: Context) -> list[tuple[str, Hit]]:
    """("sentence" | "run", Hit) pairs, computed once per segment for both rules."""
    cached = _CACHE.get(seg)
    if cached is None or cached[0] != ctx.lang:
        cached = (ctx.lang, list(_compute(seg, ctx)))
        _CACHE[seg] = cached
    return cached[1]


# Both rules read the same analysis of a segment; keyed weakly so it dies with the segment view.
_CACHE: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _compute(seg, ctx: Context):
    """Runs inside a sentence already reported as a sentence are left out."""
    lang = ctx.lang
    if lang not in LANGUAGES or not lexicon.has_lexicon(lang):
        return
    other = _other(lang)
    text = seg.text
    if not _may_hold_foreign_run(seg, lang, other):
        return  # the common case, decided by one set lookup per token
    words = _classified(seg, lang, other)
    if sum(1 for w in words if w[2] == _FOREIGN) < _RUN_MIN_FOREIGN:
        return  # the common case, decided without looking further
    covered: list[tuple[int, int]] = []
    for s_start, s_end in seg.sentences:
        inside = [w for w in words if s_start <= w[0] < s_end]
        foreign = sum(1 for w in inside if w[2] == _FOREIGN)
        native = sum(1 for w in inside if w[2] == _TARGET)
        if foreign < _SENTENCE_MIN_FOREIGN or foreign < _SENTENCE_MIN_SHARE * (foreign + native):
            continue
        detected = langid.detect(text[s_start:s_end])
        if detected is None or detected == lang:
            continue
        covered.append((s_start, s_end))
        yield (
            "sentence",
            Hit(
                s_start,
                s_end,
                f"sentence in {_NAMES.get(detected, detected)}, not {_NAMES.get(lang, lang)}: "
                "left untranslated",
                severity=_severity(seg, s_start, s_end),
            ),
        )
    for start, end, foreign in _runs(text, words):
        if foreign < _RUN_MIN_FOREIGN or any(a <= start < b for a, b in covered):
            continue
        yield (
            "run",
            Hit(
                start,
                end,
                f"'{text[start:end]}' looks {_NAMES.get(other, other)}, not {_NAMES.get(lang, lang)}: "
                "left untranslated",
                severity=_severity(seg, start, end)
                or (None if foreign >= _RUN_WARN_FOREIGN else Severity.INFO),
            ),
        )


def check_sentence(seg, ctx: Context):
    return (hit for variant, hit in _findings(seg, ctx) if variant == "sentence")


def check_run(seg, ctx: Context):
    return (hit for variant, hit in _findings(seg, ctx) if variant == "run")


RULES = (
    Rule(
        code="MTQ601",
        name="wrong-language-sentence",
        category=Category.UNTRANSLATED,
        severity=Severity.WARNING,
        summary="A sentence in another language than the article's (English left in a French "
        "article, French in an English one).",
        why="A sentence the engine skipped or copied stays unreadable for the audience the "
        "translation was made for, and it usually marks a gap in the pipeline (a missed segment).",
        flagged=(
            Example(
                "Les frappes ont repris mardi. The ministry said the strikes would continue "
                "until further notice. Le bilan reste incertain."
            ),
            Example(
                "The talks resumed on Monday. Les négociations ont repris lundi dans la "
                "capitale. Officials were cautious.",
                lang="en",
            ),
        ),
        passing=(
            Example("Le document important a été publié à la minute près par le ministère."),
            Example("The document was published in a coup d'état atmosphere, officials said.", lang="en"),
        ),
        check=check_sentence,
        languages=LANGUAGES,
    ),
    Rule(
        code="MTQ602",
        name="wrong-language-run",
        category=Category.UNTRANSLATED,
        severity=Severity.WARNING,
        summary="A run of three or more words of another language inside a sentence of the "
        "article's language; names, titles and loanwords are left alone.",
        why="Phrases the engine did not translate break the sentence for the reader and are easy "
        "to miss in review because the sentence around them is fluent.",
        flagged=(
            Example(
                "Le fabricant affirme que le produit est built to last and easy to use, selon la notice."
            ),
            Example(
                "The committee said the measure was une mesure de sécurité indispensable, "
                "according to the minister.",
                lang="en",
            ),
        ),
        passing=(
            Example(
                "HTS avait déclaré à Al Jazeera et au New York Times que le week-end serait "
                "décisif pour les start-up."
            ),
            Example("The minister spoke to Le Monde and Libération about the coup d'état.", lang="en"),
        ),
        check=check_run,
        languages=LANGUAGES,
    ),
)
