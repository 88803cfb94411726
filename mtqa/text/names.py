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
from functools import lru_cache

import regex

from mtqa.text.sentences import split_sentences

# A name token: a capitalised word, possibly hyphenated (Tahrir-al-Sham), or a lower-case Arabic
# article glued to a capitalised name (al-Nusra, el-Sissi).
_NAME = regex.compile(
    r"(?<![\p{L}\p{M}\d])(?:(?:al|el|ul)[-‐])?\p{Lu}[\p{L}\p{M}]*(?:['’][\p{Lu}][\p{L}\p{M}]*)?"
    r"(?:[-‐][\p{L}\p{M}]+)*(?![\p{L}\p{M}\d])"
)
_NAME_GAP = regex.compile(r" (?:(?:ben|bin|ibn|bint|abu|de|da|del|van|von|al|el) )?")  # Mohammed ben Salmane
_MAY_HOLD_NAME = regex.compile(r"\p{Lu}")
_SPACED_PARTICLE = regex.compile(r"(?:al|el|Al|El)")
_SEPARATORS = regex.compile(r"[-‐'’ʼ\s]+")
_FOLD_EXTRA = str.maketrans({"ß": "ss", "ø": "o", "ł": "l", "đ": "d", "ı": "i", "æ": "ae", "œ": "oe"})
_ALTERNATIONS = (  # applied in order to the folded, separator-free, lower-case name
    ("dzh", "j"),
    ("dj", "j"),
    ("zh", "j"),
    ("tch", "ch"),
    ("sch", "sh"),
    ("ch", "sh"),
    ("kh", "h"),
    ("ck", "k"),
    ("q", "k"),
    ("ph", "f"),
    ("w", "v"),
    ("ou", "u"),
    ("o", "u"),
    ("y", "i"),
)
_DOUBLED = regex.compile(r"(.)\1+")
_MIN_KEY = 3


def fold(name: str) -> str:
    """Lower case without diacritics: Erdoğan -> erdogan."""
    decomposed = unicodedata.normalize("NFKD", name.lower().translate(_FOLD_EXTRA))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=50_000)
def translit_key(name: str) -> str:
    """The key under which transliteration variants of a name coincide."""
    key = fold(name)
    key = regex.sub(r"^(?:el|ul)(?=[-‐'’\s])", "al", key)
    key = _SEPARATORS.sub("", key)
    for old, new in _ALTERNATIONS:
        key = key.replace(old, new)
    return _DOUBLED.sub(r"\1", key)


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
    out: list[Mention] = []
    tokens = [(m.start(), m.end(), m.group()) for m in _NAME.finditer(text)]
    for i, (a, b, w) in enumerate(tokens):
        following = (
            tokens[i + 1] if i + 1 < len(tokens) and _NAME_GAP.fullmatch(text, b, tokens[i + 1][0]) else None
        )
        out.append(Mention(w, source, a, b, following[2] if following else None))
    # Spaced pairs of name tokens ("Al Jazeera", "Tahrir al-Sham"), and "al Nusra" with a spaced
    # lower-case article.
    for i in range(len(tokens)):
        a, b, w = tokens[i]
        if (
            i + 1 < len(tokens)
            and text[b : tokens[i + 1][0]] == " "
            and len(w) > 1
            and tokens[i + 1][1] - tokens[i + 1][0] > 1
        ):
            out.append(Mention(text[a : tokens[i + 1][1]], source, a, tokens[i + 1][1]))
        before = text[max(0, a - 3) : a]
        if len(before) == 3 and before[2] == " " and _SPACED_PARTICLE.fullmatch(before[:2]):
            if a - 4 < 0 or not text[a - 4].isalpha():
                out.append(Mention(text[a - 3 : b], source, a - 3, b))
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


def drift_clusters(texts) -> list[Cluster]:
    """Names spelled more than one way across `texts` (a DocumentView, or an iterable of strings).

    Each cluster keeps every mention of the name, so callers can report the minority spellings
    (`Cluster.minority()`) with the dominant one (`Cluster.dominant`) as the suggestion.
    """
    if hasattr(texts, "segments"):  # a DocumentView: reuse the sentences it has already split
        units = [(s.text, lambda s=s: {a for a, _ in s.sentences}) for s in texts.segments]
    else:
        units = [(t, lambda t=t: _sentence_starts(t)) for t in texts]
    found: list[tuple[Mention, set[int]]] = []
    named_keys: set[str] = set()
    for i, (text, sentence_starts) in enumerate(units):
        if not _MAY_HOLD_NAME.search(text):
            continue
        starts = sentence_starts()
        for m in mentions(text, i):
            found.append((m, starts))
            if m.start not in starts:
                named_keys.add(translit_key(m.text))
    by_key: dict[str, list[Mention]] = {}
    for m, starts in found:
        if _is_candidate(m, starts, named_keys):
            by_key.setdefault(translit_key(m.text), []).append(m)
    clusters = []
    for key, ms in by_key.items():
        # Spaced pairs only matter against a one-token spelling (Al Jazeera / Al-Jazeera); pairs
        # that differ inside a token (Jabhat al-Nusra / Jabhat al-Nosra) are that token's drift.
        if all(" " in m.text for m in ms):
            continue
        if len({spelling(m.text) for m in ms}) > 1 and not _different_people(ms):
            clusters.append(Cluster(key, sort_mentions(ms)))
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
