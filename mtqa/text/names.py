"""Name mentions in a text, and the clusters of one name spelled more than one way.

Two mentions are spellings of one name when their transliteration keys are equal
(mtqa.text.name_keys.translit_key).

`drift_clusters` works on a DocumentView or on a plain list of texts, so the same function serves
one article (rule MTQ101) and a corpus of articles (a glossary of preferred spellings).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from mtqa.text.name_keys import SEPARATORS, translit_key
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

_MIN_KEY = 3


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
    return SEPARATORS.sub("", spelling(a)) == SEPARATORS.sub("", spelling(b))


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
