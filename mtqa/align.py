"""Source/target sentence alignment of an article and its translation.

Method: dynamic programming in the spirit of Gale & Church (1993). A path through the
(source sentence x target sentence) grid is made of beads 1-1, 1-2, 2-1, 1-0 and 0-1; each bead
costs -log P(bead type) + a length cost + an anchor cost, and the cheapest path wins.
- Length cost (Gale & Church): delta = (l_t - c * l_s) / sqrt(s2 * (l_s + l_t) / 2) over non-space
  characters, c the document's own length ratio (so en->fr, fr->en and a verbose translator all fit),
  s2 = 6.8; cost = -log erfc(|delta| / sqrt 2).
- Anchors (mtqa.align_anchors), tokens that survive translation: numbers (their values,
  locale-aware), capitalised words that are not sentence-initial (folded 4-letter prefix, Cyrillic
  and Greek in Latin letters, so Ignatyuk ~ Ignatnouk, Зеленский ~ Zelensky), quotation marks,
  question and exclamation marks.
  Shared anchors lower the cost, anchors on one side only raise it.
- Paragraph breaks: a bead that starts a paragraph on one side only pays a small penalty (when both
  texts have several paragraphs); a 2-1/1-2 bead that spans a paragraph break pays a large one.
- Banded: only cells within `band` of the path are filled (each source row's window is centred on
  the cheapest cell of the row before), so the work is O(n * band) however far splits and dropped
  sentences take the path from the diagonal; when the best path touches the band's edge, the band
  doubles and the DP reruns (as hunalign/bleualign do).
Anchors and length norms work across scripts: digits of any script (and CJK 万/億 scales), names
transliterated from Cyrillic and Greek, no name signal from German noun capitals, and per-language
(or per-script) length norms from data (`pair_norm`).
The sentence units come from `mtqa.align_units`; a document is aligned with its source (an article,
or each JSONL row's `src`) by `mtqa.align_document`.
Whether the source is plausibly this translation's at all is judged in `mtqa.source_verdict`: a
source that is empty, in the wrong language or another text gets a `status` other than "ok" (rules
then stay silent and report one source-mismatch warning instead).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from mtqa.align_anchors import NOUN_CAPITALS, anchors
from mtqa.align_anchors import name_key as name_key  # re-exported: tests and callers import it from here
from mtqa.text.lengths import pair_norm
from mtqa.text.regex_store import compile_stored

METHOD = "gale-church+anchors|beads:1-1,1-2,2-1,1-0,0-1|banded"


def _doc(text: str) -> Any:
    return field(metadata={"doc": text})


@dataclass(frozen=True)
class AlignParameters:
    """The numbers the alignment's verdicts depend on, declared once: every source-aware rule reads
    the one alignment of a document (DocumentView.alignment) built with `ALIGN`, so these are shared
    by all of them (listed on their doc pages) rather than parameters of one rule."""

    s2: float = _doc("Variance per character of the length difference (Gale & Church's s2).")
    match_bonus: float = _doc("Cost removed for each anchor (name, number) both sides of a bead share.")
    miss_cost: float = _doc("Cost added for each anchor only one side of a bead has.")
    null_anchor_cost: float = _doc("Cost per anchor of a sentence left unaligned (a 1-0 or 0-1 bead).")
    paragraph_mismatch_cost: float = _doc("Cost of a bead that starts a paragraph on one side only.")
    paragraph_split_cost: float = _doc(
        "Cost of a 2-1 or 1-2 bead that joins sentences across a paragraph break."
    )
    ratio_adapt_low: float = _doc("The document's own length ratio may lower the pair's norm to this share.")
    ratio_adapt_high: float = _doc("...and raise it to this share.")
    ratio_floor: float = _doc("Lowest target/source length ratio for a pair without a norm.")
    ratio_ceiling: float = _doc("Highest target/source length ratio for a pair without a norm.")
    band: int = _doc("Half-width of the dynamic programme's band around the path (doubled while touched).")
    caseless_share: float = _doc(
        "Below this share of cased letters a text's script has no case (names by capitals off)."
    )
    prior: tuple[tuple[tuple[int, int], float], ...] = field(
        default=(((1, 1), 0.89), ((1, 0), 0.01), ((0, 1), 0.01), ((2, 1), 0.045), ((1, 2), 0.045)),
        metadata={"doc": "Prior probability of each bead shape (source sentences, target sentences)."},
    )


# Defaults are set here, not in the fields, so each field's doc sits beside its name above.
ALIGN = AlignParameters(
    s2=6.8,
    match_bonus=2.0,
    miss_cost=1.0,
    null_anchor_cost=0.3,
    paragraph_mismatch_cost=1.0,
    paragraph_split_cost=4.0,
    ratio_adapt_low=0.8,
    ratio_adapt_high=1.25,
    ratio_floor=0.33,
    ratio_ceiling=3.0,
    band=30,
    caseless_share=0.5,
)
_PRIOR = dict(ALIGN.prior)
_PRIOR_COST = {k: -math.log(v) for k, v in _PRIOR.items()}


@dataclass(frozen=True)
class Sentence:
    segment: int  # index of the segment (paragraph or JSONL row) it lies in
    start: int  # offsets local to that segment
    end: int
    text: str
    para_start: bool  # first sentence of its paragraph


@dataclass(frozen=True)
class Bead:
    src: tuple[int, ...]
    tgt: tuple[int, ...]
    cost: float

    @property
    def kind(self) -> str:
        return f"{len(self.src)}-{len(self.tgt)}"


@dataclass
class Alignment:
    source: list[Sentence]
    target: list[Sentence]
    beads: list[Bead]
    status: str = "ok"  # ok, empty, wrong-language, mismatch
    reason: str = ""
    source_path: str | None = None
    source_lang: str | None = None
    source_segments: list[str] = field(default_factory=list)  # the source paragraphs (or rows' src)
    target_segments: list[str] = field(default_factory=list)
    by_target: dict[int, int] = field(default_factory=dict)  # target sentence -> bead index
    # Source-aware rules skipped for want of resources for this language pair say so here, once per
    # document; the engine adds these to the report's notes.
    notes: set[str] = field(default_factory=set)
    rows: bool = False  # JSONL rows, each carrying its own source: a source sentence belongs to its row
    # What the source-aware rules derive from the alignment and share (their aligned pairs), by key.
    shared: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)

    # The confidence, or how to compute it when first read (source_verdict defers it for JSONL rows,
    # whose verdict does not depend on it; only a report that shows alignments reads it).
    _confidence: float | None = field(default=None, repr=False)
    _confidence_of: Callable[[Alignment], float] | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.by_target = {t: k for k, b in enumerate(self.beads) for t in b.tgt}

    @property
    def confidence(self) -> float:
        if self._confidence is None:
            self._confidence = self._confidence_of(self) if self._confidence_of is not None else 1.0
        return self._confidence

    @confidence.setter
    def confidence(self, value: float) -> None:
        self._confidence = value

    def defer_confidence(self, compute: Callable[[Alignment], float]) -> None:
        """Compute the confidence with `compute(self)` when it is first read."""
        self._confidence, self._confidence_of = None, compute

    @cached_property
    def source_chars(self) -> list[int]:
        """Non-blank characters of each source sentence (the length the coverage rules compare)."""
        return [non_blank(s.text) for s in self.source]

    @cached_property
    def target_chars(self) -> list[int]:
        return [non_blank(t.text) for t in self.target]

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    def source_text(self, bead: Bead) -> str:
        return " ".join(self.source[i].text for i in bead.src)

    def to_dict(self) -> dict:
        return {
            "method": METHOD,
            "status": self.status,
            "reason": self.reason,
            "confidence": round(self.confidence, 3),
            "source_path": self.source_path,
            "source_lang": self.source_lang,
            "source_sentences": [_sentence_dict(s) for s in self.source],
            "target_sentences": [_sentence_dict(s) for s in self.target],
            "beads": [
                {"src": list(b.src), "tgt": list(b.tgt), "type": b.kind, "cost": round(b.cost, 2)}
                for b in self.beads
            ],
        }


# str.split() cuts at exactly the blanks of regex's \s (Unicode White_Space) and at four more: the
# information separators U+001C..U+001F, which \s leaves in the text, so they are counted back.
_SEPARATORS = "\x1c\x1d\x1e\x1f"


def non_blank(text: str) -> int:
    """Characters of `text` other than blanks (what regex's \\s matches)."""
    if text.isprintable():
        # The ASCII space is the one printable blank (other blanks and the four separators are
        # Unicode separators or controls): most texts need one count.
        return len(text) - text.count(" ")
    return sum(map(len, text.split())) + sum(map(text.count, _SEPARATORS))


def _sentence_dict(s: Sentence) -> dict:
    return {"segment": s.segment, "start": s.start, "end": s.end, "text": s.text}


def expected_ratio(src_lang: str | None, tgt_lang: str | None, observed: float) -> float:
    """Target/source length ratio to expect: the language pair's norm (`pair_norm`), adapted to this
    document's own ratio by at most 25% either way, so that one dropped paragraph cannot redefine
    the norm; the document's ratio alone for pairs without a norm."""
    norm = pair_norm(src_lang, tgt_lang)
    if norm is None:
        return min(ALIGN.ratio_ceiling, max(ALIGN.ratio_floor, observed))
    return norm * min(ALIGN.ratio_adapt_high, max(ALIGN.ratio_adapt_low, observed / norm))


# Whole runs of 4+ letters (a shorter run fails at each of its letters): the words title_case counts.
_LONG_WORD = compile_stored(r"[\p{L}\p{M}]{4,}")


def title_case(text: str) -> bool:
    """Headline or product-title capitalisation: capitals there say nothing about names."""
    words = _LONG_WORD.findall(text)
    return len(words) >= 5 and sum(w[0].isupper() for w in words) > 0.75 * len(words)


_CASE_SAMPLE = 2000


def _caseless(sentences: list[Sentence]) -> bool:
    """Whether most letters of the text (its first 2,000 characters) belong to a script without case."""
    letters = cased = size = 0
    for s in sentences:
        text = s.text[: _CASE_SAMPLE - size]
        alpha = sum(map(str.isalpha, text))
        letters += alpha
        if text.isascii():
            cased += alpha  # every ASCII letter has case
        else:
            cased += sum(map(str.islower, text)) + sum(map(str.isupper, text))  # a character is not both
        size += len(text)
        if size >= _CASE_SAMPLE:
            break
    return letters > 0 and cased < ALIGN.caseless_share * letters


def _keep_names(group: frozenset[str], names: set[str]) -> frozenset[str]:
    if all(a[0] != "w" or a in names for a in group):
        return group
    return frozenset(a for a in group if a[0] != "w" or a in names)


class _Costs:
    """Bead costs for one source/target pair of sentence lists."""

    def __init__(self, src: list[Sentence], tgt: list[Sentence], src_lang, tgt_lang) -> None:
        self.ls = [non_blank(s.text) for s in src]
        self.lt = [non_blank(t.text) for t in tgt]
        self.c = expected_ratio(src_lang, tgt_lang, (sum(self.lt) + 1) / (sum(self.ls) + 1))
        self.as_ = [anchors(s.text, src_lang) for s in src]
        self.at = [anchors(s.text, tgt_lang) for s in tgt]
        # Opposite a script without case (Japanese, Chinese, Arabic...), names are only found in the
        # cased side; each would be a miss in every bead (an English title translated from Japanese
        # is all capitals), so there only the names the caseless side also shows (Latin words in
        # its text) count.
        # Likewise every German noun is capitalised: there only the capitals the other side shows too
        # are names.
        src_names = {a for group in self.as_ for a in group if a[0] == "w"}
        tgt_names = {a for group in self.at for a in group if a[0] == "w"}
        if _caseless(src) or tgt_lang in NOUN_CAPITALS:
            self.at = [_keep_names(group, src_names) for group in self.at]
        if _caseless(tgt) or src_lang in NOUN_CAPITALS:
            self.as_ = [_keep_names(group, tgt_names) for group in self.as_]
        self.ps = [s.para_start for s in src]
        self.pt = [t.para_start for t in tgt]
        self.use_paragraphs = sum(self.ps) > 1 and sum(self.pt) > 1

    def length(self, ls: int, lt: int) -> float:
        delta = (lt - self.c * ls) / math.sqrt(ALIGN.s2 * max(1.0, (ls + lt) / 2))
        return -math.log(max(math.erfc(abs(delta) / math.sqrt(2)), 1e-12))

    def bead(self, i: int, j: int, di: int, dj: int) -> float:
        """Cost of the bead covering source i-di..i-1 and target j-dj..j-1."""
        cost = _PRIOR_COST[(di, dj)]
        if di == 0 or dj == 0:
            group = self.at[j - 1] if di == 0 else self.as_[i - 1]
            return cost + ALIGN.null_anchor_cost * len(group)
        ls = self.ls[i - 1] + (self.ls[i - 2] if di == 2 else 0)
        lt = self.lt[j - 1] + (self.lt[j - 2] if dj == 2 else 0)
        cost += self.length(ls, lt)
        a = self.as_[i - 1] | self.as_[i - 2] if di == 2 else self.as_[i - 1]
        b = self.at[j - 1] | self.at[j - 2] if dj == 2 else self.at[j - 1]
        if a or b:
            shared = len(a & b)
            cost += ALIGN.miss_cost * (len(a) + len(b) - 2 * shared) - ALIGN.match_bonus * shared
        if self.use_paragraphs:
            if self.ps[i - di] != self.pt[j - dj]:
                cost += ALIGN.paragraph_mismatch_cost
            if (di == 2 and self.ps[i - 1]) or (dj == 2 and self.pt[j - 1]):
                cost += ALIGN.paragraph_split_cost
        return cost


def align_sentences(
    src: list[Sentence], tgt: list[Sentence], src_lang=None, tgt_lang=None, band: int = ALIGN.band
) -> list[Bead]:
    n, m = len(src), len(tgt)
    if n == 0 or m == 0:
        return [Bead((i,), (), 0.0) for i in range(n)] + [Bead((), (j,), 0.0) for j in range(m)]
    costs = _Costs(src, tgt, src_lang, tgt_lang)
    while True:
        beads, touched = _banded_dp(costs, n, m, band)
        if not touched or band >= max(n, m):
            return beads
        band *= 2


def _banded_dp(costs: _Costs, n: int, m: int, band: int) -> tuple[list[Bead], bool]:
    """Cells within `band` of the path, not of the diagonal: the window of source row i is centred
    on the cheapest cell of row i - 1, so it follows the path through splits and dropped sentences
    however far they take it from the diagonal, and the work stays O(n * band) (a band widened by
    the sentence-count difference made long articles quadratic). Each row keeps a list of
    (cost, move) over its window, not a dict per cell."""
    inf = float("inf")
    moves = list(_PRIOR)
    los: list[int] = []
    rows: list[list[float]] = []
    back: list[bytearray] = []
    touched = False
    centre = 0
    for i in range(n + 1):
        lo, hi = max(0, centre - band), min(m, centre + band)
        if i == n and hi < m:
            hi, touched = m, True  # the path must end at (n, m): reach it, and say the band was short
        row = [inf] * (hi - lo + 1)
        way = bytearray(hi - lo + 1)
        for j in range(lo, hi + 1):
            if i == 0 and j == 0:
                row[0] = 0.0
                continue
            best, how = inf, 0
            for k, (di, dj) in enumerate(moves):
                pi, pj = i - di, j - dj
                if pi < 0 or pj < 0:
                    continue
                if di == 0:
                    prev = row[pj - lo] if pj >= lo else inf
                else:
                    plo = los[pi]
                    prow = rows[pi]
                    prev = prow[pj - plo] if plo <= pj < plo + len(prow) else inf
                if prev == inf:
                    continue
                total = prev + costs.bead(i, j, di, dj)
                if total < best:
                    best, how = total, k
            row[j - lo] = best
            way[j - lo] = how
        los.append(lo)
        rows.append(row)
        back.append(way)
        centre = lo + min(range(len(row)), key=row.__getitem__)
    beads = []
    i, j = n, m
    while i > 0 or j > 0:
        lo, hi = los[i], los[i] + len(rows[i]) - 1
        if (j - lo < 2 and lo > 0) or (hi - j < 2 and hi < m):
            touched = True
        total = rows[i][j - lo]
        di, dj = moves[back[i][j - lo]]
        pi, pj = i - di, j - dj
        prev_total = rows[pi][pj - los[pi]]
        beads.append(Bead(tuple(range(pi, i)), tuple(range(pj, j)), total - prev_total))
        i, j = pi, pj
    beads.reverse()
    return beads, touched
