"""A read-only word -> value table that is ready as soon as its bytes are read.

A frequency list of 300,000 words takes about a tenth of a second to turn into a dict (every word
becomes a string object and is hashed), on every run, while a document looks up a few thousand
distinct words. A `WordTable` keeps the words as one UTF-8 blob with an open-addressing hash index
(CRC-32, linear probing, at most half full), built once per machine and stored by mtqa.cache: loading
is a copy of a few bytes objects, and a lookup costs about a microsecond the first time a word is
asked and a dict lookup after that (answers are remembered, up to a bound).

The values are few and repeated (a few hundred frequencies, or "m"/"f"), so each entry stores the
index of its value in a short list. The encoded form is a tuple of bytes, lists and ints, which
`marshal` writes and reads directly.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Mapping
from typing import Any
from zlib import crc32

_MISSING = object()
_MEMO_LIMIT = 1_000_000  # remembered answers; past that the memo restarts (memory stays bounded)
_FORMAT = 1


def _key(word: str) -> bytes:
    # surrogatepass: a lone surrogate from a broken input is looked up (and not found), not an error
    return word.encode("utf-8", "surrogatepass")


def encode(mapping: Mapping[str, Any]) -> tuple:
    """The marshal-ready form of `mapping` (values must be marshal-able and hashable)."""
    values: dict[Any, int] = {}
    keys = [_key(w) for w in mapping]
    offsets = array("I", [0])
    index = array("H")
    blob = bytearray()
    for key, value in zip(keys, mapping.values(), strict=True):
        blob += key
        offsets.append(len(blob))
        index.append(values.setdefault(value, len(values)))
    if len(values) > 0xFFFF:
        raise ValueError("a word table holds at most 65,535 distinct values")
    size = 8
    while size < 2 * len(keys):
        size *= 2
    mask = size - 1
    slots = array("I", bytes(4 * size))
    for entry, key in enumerate(keys):
        i = crc32(key) & mask
        while slots[i]:
            i = (i + 1) & mask
        slots[i] = entry + 1
    return (_FORMAT, list(values), offsets.tobytes(), index.tobytes(), slots.tobytes(), bytes(blob))


class WordTable(Mapping):
    """A str -> value mapping decoded lazily from `encode`'s form; compares equal to a dict with the
    same items."""

    __slots__ = ("_values", "_offsets", "_index", "_slots", "_blob", "_mask", "_memo", "_len")

    def __init__(self, encoded: tuple) -> None:
        fmt, values, offsets, index, slots, blob = encoded
        if fmt != _FORMAT:
            raise ValueError(f"word table format {fmt}, expected {_FORMAT}")
        self._values = values
        self._offsets = memoryview(offsets).cast("I")
        self._index = memoryview(index).cast("H")
        self._slots = memoryview(slots).cast("I")
        self._blob = blob
        self._mask = len(self._slots) - 1
        self._len = len(self._index)
        self._memo: dict[str, Any] = {}

    @classmethod
    def of(cls, mapping: Mapping[str, Any]) -> WordTable:
        return cls(encode(mapping))

    def _find(self, word: str) -> Any:
        key = _key(word)
        slots, offsets, blob, mask = self._slots, self._offsets, self._blob, self._mask
        i = crc32(key) & mask
        while True:
            entry = slots[i]
            if not entry:
                return _MISSING
            entry -= 1
            if blob[offsets[entry] : offsets[entry + 1]] == key:
                return self._values[self._index[entry]]
            i = (i + 1) & mask

    def get(self, word: str, default: Any = None) -> Any:
        memo = self._memo
        found = memo.get(word, memo)
        if found is memo:
            if len(memo) >= _MEMO_LIMIT:
                memo.clear()
            found = memo[word] = self._find(word)
        return default if found is _MISSING else found

    def __getitem__(self, word: str) -> Any:
        found = self.get(word, _MISSING)
        if found is _MISSING:
            raise KeyError(word)
        return found

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.get(word, _MISSING) is not _MISSING

    def __len__(self) -> int:
        return self._len

    def __bool__(self) -> bool:
        return self._len > 0

    def __iter__(self) -> Iterator[str]:
        blob, offsets = self._blob, self._offsets
        for entry in range(self._len):
            yield blob[offsets[entry] : offsets[entry + 1]].decode("utf-8", "surrogatepass")

    def items(self):  # a generator rather than an ItemsView, fast enough for the one-off builds
        values, index = self._values, self._index
        return ((word, values[index[entry]]) for entry, word in enumerate(self))

    def largest(self, n: int) -> list[tuple[str, Any]]:
        """The `n` items with the largest values (numbers), largest first; only those words are decoded."""
        from heapq import nlargest

        values, index, blob, offsets = self._values, self._index, self._blob, self._offsets
        top = nlargest(n, range(self._len), key=lambda entry: values[index[entry]])
        words = (blob[offsets[e] : offsets[e + 1]].decode("utf-8", "surrogatepass") for e in top)
        return [(word, values[index[e]]) for word, e in zip(words, top, strict=True)]

    def __reduce__(self):
        # a worker process receiving a table gets the encoded bytes, not a rebuilt dict
        parts = (self._offsets, self._index, self._slots)
        return (WordTable, ((_FORMAT, self._values, *map(bytes, parts), self._blob),))
