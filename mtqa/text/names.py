"""Name mentions and transliteration keys: which spellings of a name are the same name.

Two mentions are spellings of one name when their transliteration keys are equal: the key folds
diacritics and case and the alternations transliteration systems disagree on (u/ou/o, y/i, j/dj/zh,
kh/h, sh/ch/sch, q/k, w/v, doubled letters, al-/el-, hyphen/space/apostrophe). The key never drops
letters that make a different word (a demonym's ending, a plural -s), so Syrie/Syrien, Paris/Parisien
and Iran/Irak keep different keys, and no edit distance is needed.

`drift_clusters` works on a DocumentView or on a plain list of texts, so the same function serves
one article (rule MTQ101) and a corpus of articles (a glossary of preferred spellings).
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import groupby

from mtqa.data import table, word_list
from mtqa.text.regex_store import compile_stored
from mtqa.text.sentences import split_sentences

# A name token: a capitalised word, possibly hyphenated (Tahrir-al-Sham), or a lower-case Arabic
# article glued to a capitalised name (al-Nusra, el-Sissi).
_NAME = compile_stored(
    r"(?<![\p{L}\p{M}\d])(?:(?:al|el|ul)[-‐])?\p{Lu}[\p{L}\p{M}]*(?:['’][\p{Lu}][\p{L}\p{M}]*)?"
    r"(?:[-‐][\p{L}\p{M}]+)*(?![\p{L}\p{M}\d])"
)
_NAME_GAP = compile_stored(r" (?:(?:ben|bin|ibn|bint|abu|de|da|del|van|von|al|el) )?")  # Mohammed ben Salmane
_MAY_HOLD_NAME = compile_stored(r"\p{Lu}")
_SPACED_PARTICLE = compile_stored(r"(?:al|el|Al|El)")
_SEPARATORS = compile_stored(r"[-‐'’ʼ\s]+")
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


_MIN_KEY = 3


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
    key = _SEPARATORS.sub("", key)
    for old, new in _alternations():
        key = key.replace(old, new)
    return _undouble(key)


@dataclass(frozen=True)
class Mention:
    text: str  # the surface form, exactly as written
    source: int  # index of the text (segment) it was found in
    start: int
    end: int
    next_name: str | None = field(default=None, compare=False)  # the name token right after it


@dataclass
class Cluster:
    """Mentions of one name written in more than one way."""

    key: str
    mentions: list[Mention] = field(default_factory=list)

    @property
    def counts(self) -> Counter:
        return Counter(spelling(m.text) for m in self.mentions)

    @property
    def variants(self) -> list[str]:
        """Distinct spellings, the dominant one first (most mentions, then earliest)."""
        first: dict[str, int] = {}
        for i, m in enumerate(self.mentions):
            first.setdefault(spelling(m.text), i)
        counts = self.counts
        return sorted(counts, key=lambda v: (-counts[v], first[v]))

    @property
    def dominant(self) -> str:
        return self.variants[0]

    def minority(self) -> list[Mention]:
        dominant = self.dominant
        return [m for m in self.mentions if spelling(m.text) != dominant]


def spelling(text: str) -> str:
    """A spelling up to letter case (SportBrain / Sportbrain, al-Qaïda / Al-Qaïda at a sentence
    start: case is how sources style a name, not a transliteration) and the apostrophe or hyphen
    character used."""
    return text.lower().replace("’", "'").replace("‐", "-").replace("ʼ", "'")


def separators_only(a: str, b: str) -> bool:
    """Whether two spellings differ only by spaces, hyphens or apostrophes (Al Jazeera / Al-Jazeera)."""
    return _SEPARATORS.sub("", spelling(a)) == _SEPARATORS.sub("", spelling(b))


def _sentence_starts(text: str) -> set[int]:
    return {a for a, _ in split_sentences(text)}


def mentions(text: str, source: int = 0) -> list[Mention]:
    """Name tokens of one text, plus spaced multi-word names that may be written as one token
    elsewhere ("Al Jazeera" / "Al-Jazeera"). Sentence-initial words are kept as candidates; the
    caller decides whether they count (see `drift_clusters`)."""
    return [Mention(w, source, a, b, following) for w, a, b, following in _raw_mentions(text)]


def _raw_mentions(text: str) -> list[tuple[str, int, int, str | None]]:
    """`mentions` as plain (text, start, end, next name) tuples: most mentions never join a
    cluster, so drift_clusters makes Mention objects only for those that do."""
    tokens = [(m.start(), m.end(), m.group()) for m in _NAME.finditer(text)]
    out: list[tuple[str, int, int, str | None]] = []
    last = len(tokens) - 1
    for i, (a, b, w) in enumerate(tokens):
        following = tokens[i + 1][2] if i < last and _NAME_GAP.fullmatch(text, b, tokens[i + 1][0]) else None
        out.append((w, a, b, following))
    # Spaced pairs of name tokens ("Al Jazeera", "Tahrir al-Sham"), and "al Nusra" with a spaced
    # lower-case article.
    for i, (a, b, w) in enumerate(tokens):
        if i < last and len(w) > 1:
            c, d, _ = tokens[i + 1]
            if text[b:c] == " " and d - c > 1:
                out.append((text[a:d], a, d, None))
        before = text[max(0, a - 3) : a]
        if len(before) == 3 and before[2] == " " and _SPACED_PARTICLE.fullmatch(before[:2]):
            if a - 4 < 0 or not text[a - 4].isalpha():
                out.append((text[a - 3 : b], a - 3, b, None))
    return out


def _is_candidate(m: Mention, starts: set[int], named_keys: set[str]) -> bool:
    """Sentence-initial words count only when the same name (same key) is capitalised elsewhere
    in mid-sentence: "Les" or "Plus" at a sentence start are not names."""
    key = translit_key(m.text)
    if len(key) < _MIN_KEY:
        return False
    if m.text.isupper() and len(m.text) <= 5:
        return False  # acronyms: HTS, OTAN, UN
    return m.start not in starts or key in named_keys


_PARTICLES = ("al ", "el ", "Al ", "El ")  # the spaced articles `mentions` joins to a name


def _surfaces(texts: list[str]) -> set[str]:
    """A superset of the texts of `mentions(text)` over all `texts`, found in one scan of them joined
    by line breaks (no name token holds one, so the tokens are each text's own): the name tokens,
    neighbouring tokens joined by one space, and tokens after a spaced particle, read where they
    stand (the pairs and particles `mentions` makes, and a few more)."""
    joined = "\n".join(texts)
    spans = [m.span() for m in _NAME.finditer(joined)]
    out = {joined[a:b] for a, b in spans}
    # Indexing before slicing: one space between (c == b + 1) and a space before every particle's
    # name are what the slices compare, tested without making a string for each of the many spans.
    out.update(
        joined[a:d]
        for (a, b), (c, d) in zip(spans, spans[1:], strict=False)
        if c == b + 1 and joined[b] == " "
    )
    out.update(
        joined[a - 3 : b]
        for a, b in spans
        if a >= 3 and joined[a - 1] == " " and joined[a - 3 : a] in _PARTICLES
    )
    return out


@lru_cache(maxsize=50_000)
def _key_and_spelling(name: str) -> tuple[str, str]:
    return translit_key(name), spelling(name)


def _contested_keys(surfaces: set[str]) -> set[str]:
    """Keys written in more than one spelling, at least one of them a single token: only these can
    make a cluster (the candidate filter only removes mentions), so only their mentions need the
    sentence starts and Mention objects. Fed a superset of the mention texts, it returns a superset
    of the keys, which is all the callers need."""
    spellings: dict[str, set[str]] = {}
    single: set[str] = set()
    for w in surfaces:
        key, written = _key_and_spelling(w)
        spellings.setdefault(key, set()).add(written)
        if " " not in w:
            single.add(key)
    return {key for key in single if len(spellings[key]) > 1}


def drift_clusters(texts) -> list[Cluster]:
    """Names spelled more than one way across `texts` (a DocumentView, or an iterable of strings).

    Each cluster keeps every mention of the name, so callers can report the minority spellings
    (`Cluster.minority()`) with the dominant one (`Cluster.dominant`) as the suggestion.
    """
    if hasattr(texts, "segments"):  # a DocumentView: reuse the sentences it has already split
        units = [(s.text, lambda s=s: {a for a, _ in s.sentences}) for s in texts.segments]
    else:
        units = [(t, lambda t=t: _sentence_starts(t)) for t in texts]
    named = [i for i, (text, _) in enumerate(units) if _MAY_HOLD_NAME.search(text)]
    contested = _contested_keys(_surfaces([units[i][0] for i in named]))
    if not contested:
        return []  # the common case, decided cheaply: every name is spelled one way
    found: list[tuple[Mention, set[int]]] = []
    named_keys: set[str] = set()
    for i in named:
        text, sentence_starts = units[i]
        ms = [m for m in _raw_mentions(text) if translit_key(m[0]) in contested]
        if not ms:
            continue
        starts = sentence_starts()
        for w, a, b, following in ms:
            found.append((Mention(w, i, a, b, following), starts))
            if a not in starts:
                named_keys.add(translit_key(w))
    by_key: dict[str, list[Mention]] = {}
    for m, starts in found:
        if _is_candidate(m, starts, named_keys):
            by_key.setdefault(translit_key(m.text), []).append(m)
    clusters = []
    for key, mentions in by_key.items():
        # Spaced pairs only matter against a one-token spelling (Al Jazeera / Al-Jazeera); pairs
        # that differ inside a token (Jabhat al-Nusra / Jabhat al-Nosra) are that token's drift.
        if all(" " in m.text for m in mentions):
            continue
        if len({spelling(m.text) for m in mentions}) > 1 and not _different_people(mentions):
            clusters.append(Cluster(key, sort_mentions(mentions)))
    return clusters


def _different_people(ms: list[Mention]) -> bool:
    """Mohamed Salah and Mohammed bin Salman: first names spelled differently because they belong
    to different people. True when every mention is followed by a surname and no surname is shared
    between two spellings."""
    if any(m.next_name is None for m in ms):
        return False
    surnames: dict[str, set[str]] = {}
    for m in ms:
        surnames.setdefault(spelling(m.text), set()).add(translit_key(m.next_name))
    seen: set[str] = set()
    for keys in surnames.values():
        if keys & seen:
            return False
        seen |= keys
    return True


def sort_mentions(ms: Iterable[Mention]) -> list[Mention]:
    return sorted(ms, key=lambda m: (m.source, m.start))


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
