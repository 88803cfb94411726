"""The sentence units the aligner (mtqa.align) pairs: a text's sentences, cut further where scraped
text glued two together or a CJK sentence ends without a space, numbered by paragraph or row."""

from __future__ import annotations

from functools import lru_cache

from mtqa.align import Sentence
from mtqa.text.regex_store import compile_stored
from mtqa.text.sentences import split_sentences

# Scraped text glues sentences together ("retention.In addition", "Demo.The blade"): a lower-case
# letter, a full stop and a capitalised word is a boundary too, for alignment purposes.
_GLUED = compile_stored(r"(?<=[\p{Ll}\d)\"”][.!?]+)(?=\p{Lu}\p{Ll})")
# CJK sentences end in 。！？ with no space after: a boundary, after any closing bracket or quote,
# unless the quotation goes on as the object of a verb of saying (「本当？」と聞いた).
_CJK_END = compile_stored(r"(?<=[。！？][」』）】〕]*)(?=[^\s」』）】〕。！？とっ])")


# What every glued boundary inside [a, b) shows (a mark and a capital right after it): one cheap scan
# spares the look-behind of _GLUED at every offset of the many sentences that have none.
_GLUED_HINT = compile_stored(r"[.!?]\p{Lu}")


def _unglue(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    cjk = "。" in text or "！" in text or "？" in text
    if not cjk and _GLUED_HINT.search(text) is None:
        return list(spans)  # no span holds a hint: one scan of the text, not one per sentence
    out = []
    for a, b in spans:
        if not cjk and _GLUED_HINT.search(text, a, b) is None:
            out.append((a, b))
            continue
        patterns = (_GLUED, _CJK_END) if cjk else (_GLUED,)  # _CJK_END needs a 。！？ to match
        cuts = sorted({m.start() for p in patterns for m in p.finditer(text, a, b)} - {a})
        for cut in cuts:
            out.append((a, cut))
            a = cut
        out.append((a, b))
    return out


def sentences_of(texts: list[str], spans: list[list[tuple[int, int]]] | None = None) -> list[Sentence]:
    """Sentence units of paragraphs `texts` (sentence spans given, or split here)."""
    out: list[Sentence] = []
    for seg, text in enumerate(texts):
        out.extend(_paragraph_sentences(text, seg, spans[seg] if spans is not None else None))
    return out


def _paragraph_sentences(text: str, seg: int, spans: list[tuple[int, int]] | None = None) -> list[Sentence]:
    """Sentence units of one paragraph (or row), numbered as segment `seg`."""
    units = _unglue(text, spans if spans is not None else split_sentences(text))
    return [Sentence(seg, a, b, text[a:b], k == 0) for k, (a, b) in enumerate(units)]


# Corpora repeat rows (catalogue items, boilerplate, a segment sent twice): each distinct row is
# split once. Keyed on the text, of which the spans are a function.
@lru_cache(maxsize=4096)
def row_units(text: str) -> tuple[tuple[int, int], ...]:
    """The sentence spans of a row's source (what _paragraph_sentences splits)."""
    return tuple(_unglue(text, split_sentences(text)))
