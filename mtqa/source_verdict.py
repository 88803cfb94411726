"""Is this plausibly the translation's source? The verdict behind MTQ921 (source-mismatch).

A false verdict switches off every source-aware rule for the document, so it is reserved for a source
that truly is another text or another language:
- empty: no letters at all;
- wrong-language: a declared source language the detector contradicts with high confidence on
  enough text (`mtqa.text.lang.contradicts`), or an undeclared source in the translation's language;
- mismatch (another text), for articles only: when the source's names and numbers and the
  translation's share nothing at all, when too few of the source's rare names reappear, when the
  lengths are far off the language pair's norm, or when too few sentences align. JSONL rows pair
  each source segment with its translation (the rows ARE the alignment): a row that shares nothing
  with its source is a failed translation, which the other rules report, not a wrong source.
Names are compared through `align.name_key` (Cyrillic and Greek transliterated), numbers by value,
so the tests hold across scripts; a script without case (CJK) simply has no name anchors.
"""

from __future__ import annotations

from functools import lru_cache, partial

from mtqa.align import Alignment, Sentence
from mtqa.align_anchors import _CAP_WORD, NOUN_CAPITALS, anchors, name_key
from mtqa.text.lengths import pair_norm

_SAME_LANGUAGE_LETTERS = 80
_SAME_LANGUAGE_CONFIDENCE = 0.9
_SAMPLE = 600  # characters: lingua is as sure on 600 as on 2,000 and 3x faster
# Median bead cost above which the texts are not translations of each other. On the dev data (bench/
# eval_source.py) 95% of articles with their own source have a mean bead cost below 1.1 and 95% of
# articles paired with another one's above 2.2; 3.5 keeps false alarms to 1 in 387 articles.
_MISMATCH_COST = 3.5


def _sample(al: Alignment) -> str:
    out, size = [], 0
    for s in al.source:
        out.append(s.text)
        size += len(s.text) + 1
        if size >= _SAMPLE:
            break
    return " ".join(out)[:_SAMPLE]


def _rare(text: str, lang) -> set[str]:
    """Capitalised words rare enough to be names: "Door Knob" in a product text is translated."""
    from mtqa.text.lexicon import has_lexicon, zipf

    out: set[str] = set()
    if lang in NOUN_CAPITALS:
        return out
    for m in _CAP_WORD.finditer(text):
        word = m.group()
        if (
            m.start()
            and len(word) >= 3
            and not (word.isupper() and len(word) <= 5)
            and not (lang and has_lexicon(lang) and zipf(word, lang) >= 3.0)
        ):
            out.add(name_key(word))
    return out


def _names(sentences: list[Sentence], lang) -> set[str]:
    """The sentences' numbers and names; in a language that capitalises every noun, numbers only:
    there neither the capital nor rarity marks a name (Bauernverband is a rare noun, Scholz a
    frequent name). Filtered once, on the union of the sentences' anchors: the test reads one anchor
    at a time, so that is the union of each sentence's filtered anchors, at one pass per document."""
    kinds = "n" if lang in NOUN_CAPITALS else "nw"
    found = set().union(*[anchors(s.text, lang) for s in sentences])
    return {a for a in found if a[0] in kinds}


def _wrong_language(al: Alignment, declared: str | None, tgt_lang: str | None) -> str | None:
    return _sample_language_reason(_sample(al), declared, tgt_lang)


# A function of the sample and the two tags alone. One source comes back with each system's
# translation of it (the WMT news set: 157 sources in 1,683 documents), and lingua's verdict on a
# Cyrillic or Japanese sample costs about a millisecond: each distinct sample is judged once.
@lru_cache(maxsize=1024)
def _sample_language_reason(sample: str, declared: str | None, tgt_lang: str | None) -> str | None:
    from mtqa.text import lang as langid

    if declared:
        other = langid.contradicts(sample, declared)
        if other is None:
            return None
        return f"the source looks like {other!r} text, expected {langid.primary(declared)!r}"
    target = langid.primary(tgt_lang)
    if target is None or sum(map(str.isalpha, sample)) < _SAME_LANGUAGE_LETTERS:
        return None
    conf = langid.identify_confidences(sample)
    if conf.get(target, 0.0) >= _SAME_LANGUAGE_CONFIDENCE:
        return f"the source looks like {target!r} text, the same language as the translation"
    return None


def _shared_anchors(al: Alignment, tgt_lang: str | None) -> tuple[set[str], set[str]]:
    """The source's names and numbers, and the translation's."""
    return _names(al.source, al.source_lang), _names(al.target, tgt_lang)


def _good_fraction(al: Alignment) -> float:
    """Share of the translation's sentences in paired beads of a plausible cost (a plausible length,
    few anchors missed)."""
    good = sum(len(b.tgt) for b in al.beads if b.src and b.tgt and b.cost < 3.5)
    return good / max(1, len(al.target))


def _confidence(al: Alignment, src_anchors: set[str], tgt_anchors: set[str]) -> float:
    shared = src_anchors & tgt_anchors
    recall = len(shared) / len(src_anchors) if src_anchors else None
    good_frac = _good_fraction(al)
    return good_frac if recall is None else (good_frac + recall) / 2


def row_confidence(al: Alignment, tgt_lang: str | None) -> float:
    """The confidence of JSONL rows' alignment: read only when a report shows it, as the rows'
    verdict does not depend on it (computing every row's anchors for nothing cost 6% of a run)."""
    src_anchors = _names(al.source, al.source_lang)
    # With no source anchor the confidence is the share of good beads alone: the translation's
    # anchors would be read for nothing.
    tgt_anchors = _names(al.target, tgt_lang) if src_anchors else set()
    return _confidence(al, src_anchors, tgt_anchors)


def assess(al: Alignment, declared: str | None, tgt_lang: str | None, rows: bool) -> None:
    """Set the alignment's status, reason and confidence."""
    if not any(any(map(str.isalpha, s.text)) for s in al.source):
        al.status, al.reason, al.confidence = "empty", "the source is empty", 0.0
        return
    reason = _wrong_language(al, declared, tgt_lang)
    if reason:
        al.status, al.reason, al.confidence = "wrong-language", reason, 0.0
        return
    if rows:
        # Each row pairs a source segment with its translation: a row sharing nothing with its
        # source is a failed translation (the number and coverage rules report it), not a wrong source.
        al.defer_confidence(partial(row_confidence, tgt_lang=tgt_lang))
        return
    src_lang = al.source_lang
    src_anchors, tgt_anchors = _shared_anchors(al, tgt_lang)
    src_rare = set().union(*(_rare(s.text, src_lang) for s in al.source))
    shared = src_anchors & tgt_anchors
    recall = len(shared) / len(src_anchors) if src_anchors else None
    rare_recall = len(src_rare & tgt_anchors) / len(src_rare) if src_rare else 1.0
    good_frac = _good_fraction(al)
    al.confidence = _confidence(al, src_anchors, tgt_anchors)
    nothing_shared = len(src_rare) >= 2 and len(src_anchors) >= 3 and len(tgt_anchors) >= 3 and not shared
    src_text = " ".join(s.text for s in al.source)
    tgt_text = " ".join(t.text for t in al.target)
    ls, lt = len(src_text), len(tgt_text)
    norm = pair_norm(src_lang, tgt_lang, src_text, tgt_text) or 1.0
    costs = sorted(b.cost for b in al.beads)
    median_cost = costs[len(costs) // 2] if costs else 0.0
    if ls >= 200 and lt >= 200 and not 0.33 <= lt / (ls * norm) <= 3.0:
        al.status = "mismatch"
        al.reason = f"the source is {ls} characters long, the translation {lt} (expected about {norm:.2f}x)"
    elif nothing_shared or (len(src_rare) >= 8 and rare_recall < 0.2 and recall is not None and recall < 0.2):
        al.status = "mismatch"
        al.reason = f"only {recall:.0%} of the source's names and numbers appear in the translation"
    elif (len(al.target) >= 6 and good_frac < 0.35) or (len(al.beads) >= 3 and median_cost > _MISMATCH_COST):
        al.status = "mismatch"
        al.reason = f"only {good_frac:.0%} of the translation's sentences align with the source"
