"""The words of a translation's paragraphs as MTQ111 (source-name-mismatch) asks about them: folded
words, their transliteration keys, 4-letter prefixes and consonant skeletons, computed per paragraph
on first need; a pair's neighbourhood is asked paragraph by paragraph, the whole document as a union.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from mtqa.text.analysis import cached_property
from mtqa.text.name_keys import fold as _fold_name
from mtqa.text.name_keys import latin_script
from mtqa.text.name_keys import skeleton as _skeleton
from mtqa.text.name_keys import skeletons as _skeletons
from mtqa.text.name_keys import translit_key as _translit_key
from mtqa.text.regex_store import compile_stored

# Names recur in every pair of a document: fold each word once per process, not once per pair.
fold = lru_cache(maxsize=1 << 16)(_fold_name)
translit_key = lru_cache(maxsize=1 << 16)(_translit_key)


@lru_cache(maxsize=1 << 16)
def skeleton(word: str) -> str:
    """Consonant skeleton of a word of any script (non-Latin words romanised first)."""
    if latin_script(word):
        return _skeleton(word)
    from anyascii import anyascii

    return _skeleton(anyascii(word))


@lru_cache(maxsize=1 << 16)
def target_skeletons(word: str) -> frozenset[str]:
    """The skeletons of a target word under each Latin-script reading (see name_keys.skeletons)."""
    return _skeletons(word) if latin_script(word) else frozenset({skeleton(word)})


_WORD = compile_stored(r"[\p{L}\p{M}]+")


class _Words:
    """The folded words of some paragraphs, read on first use (a paragraph next only to sentences
    without names is never split); their transliteration keys, 4-letter prefixes and skeletons are
    computed only when a name is not found among the words themselves (most are), once per
    paragraph: a union (the whole document) joins its paragraphs' sets."""

    def __init__(self, read_words: Callable[[], set[str]], parts: tuple[_Words, ...] = ()) -> None:
        self._read_words = read_words
        self.parts = parts

    @cached_property
    def words(self) -> set[str]:
        return self._read_words()

    def _joined(self, name: str, compute) -> set[str]:
        if self.parts:
            return set().union(*(getattr(p, name) for p in self.parts))
        return compute(self.words)

    @cached_property
    def keys(self) -> set[str]:
        return self._joined("keys", lambda words: set(map(translit_key, words)))

    @cached_property
    def foreign_keys(self) -> set[str]:
        """The keys of the words that are not ASCII: only they can have a key that is not ASCII (an
        ASCII word folds to ASCII, and name_alternations.tsv writes ASCII), as a Cyrillic name's has."""
        return self._joined("foreign_keys", lambda words: {translit_key(w) for w in words if not w.isascii()})

    @cached_property
    def prefixes(self) -> set[str]:
        return self._joined("prefixes", lambda words: {w[:4] for w in words if len(w) >= 4})

    @cached_property
    def skeletons(self) -> set[str]:
        return self._joined("skeletons", lambda words: set().union(*map(target_skeletons, words)))

    def has_word(self, folded: str) -> bool:
        return folded in self.words

    def has_key(self, key: str) -> bool:
        return key in (self.keys if key.isascii() else self.foreign_keys)

    def has_prefix(self, prefix: str) -> bool:
        return prefix in self.prefixes

    def shares_skeleton(self, skeletons: set[str]) -> bool:
        return not skeletons.isdisjoint(self.skeletons)

    @classmethod
    def union(cls, parts: list[_Words]) -> _Words:
        if len(parts) == 1:
            return parts[0]  # shares what the part has computed already
        return cls(lambda: set().union(*(p.words for p in parts)), tuple(parts))


class _Nearby:
    """The paragraphs around a pair, asked part by part: a name is in their union when it is in one
    of them, so no per-pair union is built (a pair's neighbourhood is a few paragraphs)."""

    def __init__(self, parts: list[_Words]) -> None:
        self.parts = parts

    def has_word(self, folded: str) -> bool:
        return any(p.has_word(folded) for p in self.parts)

    def has_key(self, key: str) -> bool:
        return any(p.has_key(key) for p in self.parts)

    def has_prefix(self, prefix: str) -> bool:
        return any(p.has_prefix(prefix) for p in self.parts)

    def shares_skeleton(self, skeletons: set[str]) -> bool:
        return any(p.shares_skeleton(skeletons) for p in self.parts)


def _words_of(folded: Callable[[int], str], k: int) -> set[str]:
    return set(_WORD.findall(folded(k)))


def _joined_text(folded: Callable[[int], str], indices) -> str:
    return " ".join(map(folded, indices))


def _folded_words(text: str) -> set[str]:
    """The folded words of a source paragraph. ASCII text folds to its lower case letter for letter,
    so it is lowered once and split; other text is split first, as folding (NFKD) may turn a
    non-letter into letters (™ -> TM) and so join words."""
    if text.isascii():
        return set(_WORD.findall(text.lower()))
    return set(map(fold, _WORD.findall(text)))
