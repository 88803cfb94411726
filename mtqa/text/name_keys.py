"""Name keys: which spellings of a name, in one script or across scripts, are the same name.

`translit_key` is the key under which Latin-script spellings of one name coincide: it folds
diacritics and case and the alternations transliteration systems disagree on (u/ou/o, y/i, j/dj/zh,
kh/h, sh/ch/sch, q/k, w/v, doubled letters, al-/el-, hyphen/space/apostrophe). It never drops
letters that make a different word (a demonym's ending, a plural -s), so Syrie/Syrien, Paris/Parisien
and Iran/Irak keep different keys, and no edit distance is needed.

`romanisations` and `skeleton` compare a name across scripts (see the section below).
"""

from __future__ import annotations

import unicodedata
from functools import cache, lru_cache
from itertools import groupby

from mtqa.data import table, word_list
from mtqa.text.regex_store import compile_stored

# Spaces, hyphens and apostrophes: how transliterations join a name's parts (Al Jazeera / Al-Jazeera).
SEPARATORS = compile_stored(r"[-‐'’ʼ\s]+")
_FOLD_EXTRA = str.maketrans({"ß": "ss", "ø": "o", "ł": "l", "đ": "d", "ı": "i", "æ": "ae", "œ": "oe"})
_FOLD_EXTRA_CHARS = "".join(map(chr, _FOLD_EXTRA))


def _undouble(key: str) -> str:
    """`key` with each run of one letter written once (Ignattyuk -> Ignatyuk): groupby runs in C,
    several times faster than a regex substitution with a template, on every word of a document."""
    return "".join(letter for letter, _ in groupby(key))


@cache
def _alternations() -> tuple[tuple[str, ...], ...]:
    """Spellings of one sound across transliterations (mtqa/data/any/name_alternations.tsv), in order."""
    return table("any", "name_alternations")


class _WithoutCombining(dict):
    """A str.translate table that drops combining characters: filled one code point at a time, on
    first sight, so whole paragraphs are folded in C rather than character by character."""

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.combining(chr(code)) else code
        self[code] = kept
        return kept


_DROP_COMBINING = _WithoutCombining()


def fold(name: str) -> str:
    """Lower case without diacritics: Erdoğan -> erdogan."""
    lowered = name.lower()
    if lowered.isascii():
        return lowered  # NFKD leaves ASCII as it is, and ASCII holds none of the seven letters below
    # str.translate raises and catches a LookupError for every character its table lacks: look for
    # the seven letters first (most text has none), so whole paragraphs fold at C speed.
    if any(c in lowered for c in _FOLD_EXTRA_CHARS):
        lowered = lowered.translate(_FOLD_EXTRA)
    if lowered.isascii():
        return lowered  # NFKD leaves ASCII as it is, and ASCII holds no combining character
    return unicodedata.normalize("NFKD", lowered).translate(_DROP_COMBINING)


_EL_UL = compile_stored(r"^(?:el|ul)(?=[-‐'’\s])")  # compiled once: called for every name


@lru_cache(maxsize=50_000)
def translit_key(name: str) -> str:
    """The key under which transliteration variants of a name coincide."""
    key = fold(name)
    key = _EL_UL.sub("al", key)
    key = SEPARATORS.sub("", key)
    for old, new in _alternations():
        key = key.replace(old, new)
    return _undouble(key)


# Names across scripts. A source name in Cyrillic, Greek... is romanised with the conventions of
# the target language (Игнатюк: Ignatyuk in English, Ignatiouk in French) and compared by its
# consonant skeleton: the letters every romanisation keeps. Vowels, y/w/v/h-like glides and the
# spellings of one sibilant (s/z/sh/ch/ts/zh) or velar (k/c/g/kh/h/q) are what schemes and
# re-borrowings disagree on (Вайгельдт -> Weigeldt, Гутерриш -> Guterres, Бербок -> Baerbock);
# a consonant inserted or changed is not (Ignatyuk -> Ignatnouk).


@cache
def _skeleton_steps() -> tuple[tuple[str, ...], ...]:
    return table("any", "name_skeleton_steps")


# "ch" ending a word is German or Slavic х/č as often as English ch (Bezbach / Безбах, Zbanic /
# Жбанич -> Zhbanich): read it as the velar there, on both sides alike.
_FINAL_CH = compile_stored(r"ch$")
_INITIAL_DH = compile_stored(r"^dh")  # Dhabi, Dhaka: Даби, Дакка
# Case endings of Russian, Ukrainian and Belarusian nouns and adjectives, longest first: a name in
# an oblique case (Хартвелла, Карнакского) is compared by its stem too.


@cache
def _slavic_endings() -> tuple[str, ...]:
    return word_list("any", "slavic_case_endings")


_CYRILLIC = compile_stored(r"\p{Script=Cyrillic}")
_NON_LATIN_LETTER = compile_stored(r"[^\P{L}\p{Script=Latin}]")


def latin_script(word: str) -> bool:
    """Whether every letter of `word` is a Latin one."""
    return _NON_LATIN_LETTER.search(word) is None


class _SkeletonLetters(dict):
    """A str.translate table that keeps the skeleton's letters and drops every other character
    (filled on first sight, like _WithoutCombining): the same as deleting [^bdfklmnprst]+, in C."""

    def __missing__(self, code: int) -> int | None:
        kept = code if chr(code) in "bdfklmnprst" else None
        self[code] = kept
        return kept


_KEEP_SKELETON = _SkeletonLetters()


def skeleton(romanised: str) -> str:
    """The consonant skeleton of a Latin-script word (see above): Ignatyuk -> kntk."""
    key = fold(romanised)
    if key.endswith(("ch", "ch\n")):  # the regexes only where they can match (`$` also before a final \n)
        key = _FINAL_CH.sub("k", key)
    if key.startswith("dh"):
        key = _INITIAL_DH.sub("d", key)
    for old, new in _skeleton_steps():
        key = key.replace(old, new)
    return _undouble(key.translate(_KEEP_SKELETON))


def skeletons(word: str) -> frozenset[str]:
    """The skeleton of a Latin-script word read as English and as Polish or Czech spell it
    (Morawiecki: -cki is Russian -цкий; Jablonski: j is Russian й), for the target side: a source
    romanised by a Russian scheme matches either reading."""
    folded = fold(word)
    polish = folded.replace("ck", "tsk").replace("j", "y")
    if polish == folded:
        return frozenset({skeleton(folded)})  # most words hold neither: one reading
    return frozenset({skeleton(folded), skeleton(polish)})


def _scheme_romanisations(word: str, target_lang: str | None) -> list[str]:
    from anyascii import anyascii  # romanises every script; loaded on the first non-Latin name

    out = [anyascii(word)]
    if _CYRILLIC.search(word):
        import iuliia  # Russian romanisation schemes, data shipped in the package

        scheme = iuliia.MVD_310_FR if target_lang == "fr" else iuliia.WIKIPEDIA
        out.insert(0, scheme.translate(word))
    return out


@lru_cache(maxsize=1 << 14)
def romanisations(word: str, target_lang: str | None) -> tuple[str, ...]:
    """Romanisations of a non-Latin `word` by the target language's conventions, the preferred
    first, for the word and (Cyrillic) its stems without a case ending."""
    forms = [word]
    if _CYRILLIC.search(word):
        low = word.lower()
        forms += [word[: -len(e)] for e in _slavic_endings() if low.endswith(e) and len(low) > len(e) + 2]
    out: list[str] = []
    for form in forms:
        for r in _scheme_romanisations(form, target_lang):
            if r and r not in out:
                out.append(r)
    return tuple(out)
