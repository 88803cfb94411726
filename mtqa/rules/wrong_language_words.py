"""Word evidence of the wrong-language rules (mtqa.rules.wrong_language): the class of each word
(foreign, target, shared or name) and the trigger words whose count singles a segment out for a
closer look. The classes are remembered per word; the trigger sets are built once per machine and
read back from the user cache (mtqa.cache)."""

from __future__ import annotations

import math
from functools import cache
from pathlib import Path

from mtqa.data import word_list
from mtqa.rules.base import Parameter
from mtqa.text import foreign_words as fw
from mtqa.text import lexicon, word_table
from mtqa.text.regex_store import compile_stored
from mtqa.text.word_sets import WordSets, masks
from mtqa.text.word_table import WordTable

FOREIGN, TARGET, SHARED, NAME = "F", "T", "S", "N"
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
_CODE_CHARS = frozenset("@#/\\_=&;|<>{}")
_ITALICS = compile_stored(r"(?<![\p{L}*_])([*_])(?!\s)[^*_\n]+?(?<!\s)\1(?![\p{L}*_])")
_CAPITALISED_NOUNS = frozenset({"de", "lb"})  # languages that write every noun with a capital


@cache
def loanwords(lang: str) -> frozenset[str]:
    return frozenset(word_list(lang, "loanwords"))


def word_class(word: str, lang: str, other: str, thresholds: tuple[float, float]) -> str:
    """Foreign, target, shared or name; `thresholds` is (min_other_zipf, margin)."""
    min_zipf, margin = thresholds
    w = lexicon.normalise(word)
    if w in loanwords(lang):
        return TARGET
    zt, zo = lexicon.zipf(w, lang), _zipf(w, other)
    if zt == 0 and zo == 0 and "-" in w:
        parts = [word_class(p, lang, other, thresholds) for p in w.split("-") if p]
        if parts and all(p in (FOREIGN, SHARED) for p in parts) and FOREIGN in parts:
            return FOREIGN
        return TARGET if TARGET in parts else SHARED
    if zo >= min_zipf and zo - zt >= margin:
        return FOREIGN
    if zt - zo >= margin or (zt > 0 and zo == 0):
        return TARGET
    return SHARED


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
def foreign_words(lang: str, other: str, thresholds: tuple[float, float]) -> frozenset[str]:
    """Every lower-case word `word_class` can call foreign: the common words of the other language
    that are much rarer in the article's. Built once, it lets most segments be cleared by a set
    lookup per token instead of a classification per word."""
    floor = 10 ** (thresholds[0] - 9)
    return frozenset(
        w
        for w, f in fw.frequencies(other).items()
        if f >= floor and w.isalpha() and word_class(w, lang, other, thresholds) == FOREIGN
    )


@cache
def trigger_words(lang: str, other: str, thresholds: tuple[float, float]) -> frozenset[str]:
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
    words = foreign_words(lang, other, thresholds)
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
    loans = (" ".join(sorted(loanwords(x))) for x in (lang, *others, *fw.SUSPECTED))
    return (Path(__file__), Path(fw.__file__), Path(lexicon.__file__), *loans)


@cache
def triggers(lang: str, others: tuple[str, ...], thresholds: tuple[float, float]) -> WordSets:
    """How many of a segment's tokens are trigger words of each language in `others` (in order). A
    short run reads one table of word -> languages (cached per machine) instead of building the six
    sets of tens of thousands of words: most of the rule's start-up."""

    def load_table() -> WordTable:
        from mtqa.cache import cached

        name = _trigger_cache_name("trigger-masks", lang, "-".join(others), thresholds)
        build = lambda: word_table.encode(masks(load_sets()))  # noqa: E731
        return WordTable(cached(name, build, _trigger_depends(lang, others)))

    def load_sets() -> list[frozenset[str]]:
        return [trigger_words(lang, o, thresholds) for o in others]

    return WordSets(len(others), load_table, load_sets)


@cache
def _class_cache(lang: str, other: str, thresholds: tuple[float, float]) -> dict[str, str]:
    return {}  # word -> class, a plain dict: this lookup runs for every word of every segment


def cached_class(word: str, lang: str, other: str, thresholds: tuple[float, float]) -> str:
    cache = _class_cache(lang, other, thresholds)
    cls = cache.get(word)
    if cls is None:
        cls = cache[word] = word_class(word, lang, other, thresholds)
    return cls


def classify_words(seg, lang: str, other: str, thresholds: tuple[float, float]):
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
                    and cached_class(key, lang, other, thresholds) != TARGET
                )
                out.append((a, b, SHARED if noun else NAME))
                continue
        else:
            out.append((a, b, NAME))  # acronyms, camel-cased product names
            continue
        if len(w) < 2:
            out.append((a, b, SHARED))
            continue
        cls = cached_class(key, lang, other, thresholds)
        if cls == FOREIGN:
            if italic is None:
                italic = [m.span() for m in _ITALICS.finditer(text)] if ("*" in text or "_" in text) else []
            if _glued_to_code(text, a, b) or any(x <= a < y for x, y in italic):
                cls = NAME
        out.append((a, b, cls))
    return out


_GAP = compile_stored(r"[\s'’,-]*")  # what may stand between two words of one run


def runs(text: str, words: list[tuple[int, int, str]]):
    """Maximal runs of foreign or shared words joined only by spaces, hyphens or commas, trimmed to
    start and end on a foreign word: (start, end, foreign count)."""
    run: list[tuple[int, int, str]] = []

    def flush():
        while run and run[-1][2] != FOREIGN:
            run.pop()
        while run and run[0][2] != FOREIGN:
            run.pop(0)
        if run:
            yield run[0][0], run[-1][1], sum(1 for w in run if w[2] == FOREIGN)
        run.clear()

    for word in words:
        joined = not run or _GAP.fullmatch(text, run[-1][1], word[0]) is not None
        if word[2] in (FOREIGN, SHARED) and joined:
            run.append(word)
            continue
        yield from flush()
        if word[2] in (FOREIGN, SHARED):
            run.append(word)
    yield from flush()
