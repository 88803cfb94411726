"""Source/target sentence alignment of an article and its translation.

Method: dynamic programming in the spirit of Gale & Church (1993). A path through the
(source sentence x target sentence) grid is made of beads 1-1, 1-2, 2-1, 1-0 and 0-1; each bead
costs -log P(bead type) + a length cost + an anchor cost, and the cheapest path wins.
- Length cost (Gale & Church): delta = (l_t - c * l_s) / sqrt(s2 * (l_s + l_t) / 2) over non-space
  characters, c the document's own length ratio (so en->fr, fr->en and a verbose translator all fit),
  s2 = 6.8; cost = -log erfc(|delta| / sqrt 2).
- Anchors, tokens that survive translation: numbers (their values, locale-aware), capitalised words
  that are not sentence-initial (ASCII-folded 4-letter prefix, so Ignatyuk ~ Ignatnouk), quotation
  marks, question and exclamation marks. Shared anchors lower the cost, anchors on one side only
  raise it.
- Paragraph breaks: a bead that starts a paragraph on one side only pays a small penalty (when both
  texts have several paragraphs); a 2-1/1-2 bead that spans a paragraph break pays a large one.
- Banded: only cells within `band` of the diagonal are filled (O(n * band)); when the best path
  touches the band's edge, the band doubles and the DP reruns (as hunalign/bleualign do).
Confidence: how much of the source's anchors reappear in the target, and how many beads have a
plausible length; a source that is empty, in the wrong language or not this article's source gets a
`status` other than "ok" (rules then stay silent and report one source-mismatch warning instead).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from mtqa.data import table
from mtqa.text.names import fold
from mtqa.text.numbers import extract_numbers
from mtqa.text.sentences import split_sentences

METHOD = "gale-church+anchors|beads:1-1,1-2,2-1,1-0,0-1|banded"
_PRIOR = {(1, 1): 0.89, (1, 0): 0.01, (0, 1): 0.01, (2, 1): 0.045, (1, 2): 0.045}
_PRIOR_COST = {k: -math.log(v) for k, v in _PRIOR.items()}
_S2 = 6.8
_MATCH_BONUS = 2.0
_MISS_COST = 1.0
_CAP_WORD = regex.compile(r"\p{Lu}[\p{L}\p{M}]+(?:[-‐]\p{L}[\p{L}\p{M}]*)*")
# Median bead cost above which the texts are not translations of each other. On the dev data (bench/
# eval_source.py) 95% of articles with their own source have a mean bead cost below 1.1 and 95% of
# articles paired with another one's above 2.2; 3.5 keeps false alarms to 1 in 387 articles.
_MISMATCH_COST = 3.5
_SPACE = regex.compile(r"\s+")
_WORDS = regex.compile(r"[\p{L}\p{M}]+")


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
    confidence: float = 1.0
    source_path: str | None = None
    source_lang: str | None = None
    source_segments: list[str] = field(default_factory=list)  # the source paragraphs (or rows' src)
    target_segments: list[str] = field(default_factory=list)
    by_target: dict[int, int] = field(default_factory=dict)  # target sentence -> bead index

    def __post_init__(self) -> None:
        self.by_target = {t: k for k, b in enumerate(self.beads) for t in b.tgt}

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


def _sentence_dict(s: Sentence) -> dict:
    return {"segment": s.segment, "start": s.start, "end": s.end, "text": s.text}


# Scraped text glues sentences together ("retention.In addition", "Demo.The blade"): a lower-case
# letter, a full stop and a capitalised word is a boundary too, for alignment purposes.
_GLUED = regex.compile(r"(?<=[\p{Ll}\d)\"”][.!?]+)(?=\p{Lu}\p{Ll})")


def _unglue(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    for a, b in spans:
        cuts = [m.start() for m in _GLUED.finditer(text, a, b)]
        for cut in cuts:
            out.append((a, cut))
            a = cut
        out.append((a, b))
    return out


def sentences_of(texts: list[str], spans: list[list[tuple[int, int]]] | None = None) -> list[Sentence]:
    """Sentence units of paragraphs `texts` (sentence spans given, or split here)."""
    out = []
    for seg, text in enumerate(texts):
        units = _unglue(text, spans[seg] if spans is not None else split_sentences(text))
        for k, (a, b) in enumerate(units):
            out.append(Sentence(seg, a, b, text[a:b], k == 0))
    return out


def expected_ratio(src_lang: str | None, tgt_lang: str | None, observed: float) -> float:
    """Target/source length ratio to expect: the language pair's norm (data/any/length_ratios.tsv),
    adapted to this document's own ratio by at most 25% either way, so that one dropped paragraph
    cannot redefine the norm; the document's ratio alone for pairs without a norm."""
    norm = _pair_ratios().get((src_lang, tgt_lang))
    if norm is None:
        return min(3.0, max(0.33, observed))
    return norm * min(1.25, max(0.8, observed / norm))


@lru_cache(maxsize=1)
def _pair_ratios() -> dict[tuple[str, str], float]:
    return {(r[0], r[1]): float(r[2]) for r in table("any", "length_ratios") if len(r) >= 3}


def title_case(text: str) -> bool:
    """Headline or product-title capitalisation: capitals there say nothing about names."""
    words = [w for w in _WORDS.findall(text) if len(w) >= 4]
    return len(words) >= 5 and sum(w[0].isupper() for w in words) > 0.75 * len(words)


@lru_cache(maxsize=4096)  # the DP and the mismatch test read the same sentences
def anchors(text: str, lang: str | None) -> frozenset[str]:
    """Tokens likely to survive translation unchanged: numbers, names, quotes, ? and !."""
    out = set()
    for n in extract_numbers(text, lang):
        if not n.soft:
            out.add(f"n{min(n.values):g}")
    for m in _CAP_WORD.finditer(text):
        if m.start() == 0 or len(m.group()) < 3:
            continue  # a sentence-initial capital says nothing
        if m.group().isupper() and len(m.group()) <= 5:
            continue  # acronyms are translated (VIH -> HIV, OTAN -> NATO)
        out.add("w" + fold(m.group())[:4])
    for ch, tok in (("?", "?"), ("!", "!"), ("«", "q"), ("“", "q"), ('"', "q"), ("‘", "q")):
        if ch in text:
            out.add(tok)
    return frozenset(out)


class _Costs:
    """Bead costs for one source/target pair of sentence lists."""

    def __init__(self, src: list[Sentence], tgt: list[Sentence], src_lang, tgt_lang) -> None:
        self.ls = [len(_SPACE.sub("", s.text)) for s in src]
        self.lt = [len(_SPACE.sub("", s.text)) for s in tgt]
        self.c = expected_ratio(src_lang, tgt_lang, (sum(self.lt) + 1) / (sum(self.ls) + 1))
        self.as_ = [anchors(s.text, src_lang) for s in src]
        self.at = [anchors(s.text, tgt_lang) for s in tgt]
        self.ps = [s.para_start for s in src]
        self.pt = [t.para_start for t in tgt]
        self.use_paragraphs = sum(self.ps) > 1 and sum(self.pt) > 1

    def length(self, ls: int, lt: int) -> float:
        delta = (lt - self.c * ls) / math.sqrt(_S2 * max(1.0, (ls + lt) / 2))
        return -math.log(max(math.erfc(abs(delta) / math.sqrt(2)), 1e-12))

    def bead(self, i: int, j: int, di: int, dj: int) -> float:
        """Cost of the bead covering source i-di..i-1 and target j-dj..j-1."""
        cost = _PRIOR_COST[(di, dj)]
        if di == 0 or dj == 0:
            group = self.at[j - 1] if di == 0 else self.as_[i - 1]
            return cost + 0.3 * len(group)
        ls = self.ls[i - 1] + (self.ls[i - 2] if di == 2 else 0)
        lt = self.lt[j - 1] + (self.lt[j - 2] if dj == 2 else 0)
        cost += self.length(ls, lt)
        a = self.as_[i - 1] | self.as_[i - 2] if di == 2 else self.as_[i - 1]
        b = self.at[j - 1] | self.at[j - 2] if dj == 2 else self.at[j - 1]
        if a or b:
            shared = len(a & b)
            cost += _MISS_COST * (len(a) + len(b) - 2 * shared) - _MATCH_BONUS * shared
        if self.use_paragraphs:
            if self.ps[i - di] != self.pt[j - dj]:
                cost += 1.0
            if (di == 2 and self.ps[i - 1]) or (dj == 2 and self.pt[j - 1]):
                cost += 4.0
        return cost


def align_sentences(
    src: list[Sentence], tgt: list[Sentence], src_lang=None, tgt_lang=None, band: int = 30
) -> list[Bead]:
    n, m = len(src), len(tgt)
    if n == 0 or m == 0:
        return [Bead((i,), (), 0.0) for i in range(n)] + [Bead((), (j,), 0.0) for j in range(m)]
    costs = _Costs(src, tgt, src_lang, tgt_lang)
    band = max(band, abs(n - m) + 5)
    while True:
        beads, touched = _banded_dp(costs, n, m, band)
        if not touched or band >= max(n, m):
            return beads
        band *= 2


def _banded_dp(costs: _Costs, n: int, m: int, band: int) -> tuple[list[Bead], bool]:
    inf = float("inf")
    ratio = m / n

    def window(i: int) -> tuple[int, int]:
        centre = round(i * ratio)
        return max(0, centre - band), min(m, centre + band)

    best: list[dict[int, tuple[float, int, int]]] = [dict() for _ in range(n + 1)]
    best[0][0] = (0.0, 0, 0)
    touched = False
    for i in range(n + 1):
        lo, hi = window(i)
        row = best[i]
        for j in range(lo, hi + 1):
            if i == 0 and j == 0:
                continue
            cell = (inf, 0, 0)
            for di, dj in _PRIOR:
                pi, pj = i - di, j - dj
                if pi < 0 or pj < 0:
                    continue
                prev = best[pi].get(pj)
                if prev is None:
                    continue
                total = prev[0] + costs.bead(i, j, di, dj)
                if total < cell[0]:
                    cell = (total, di, dj)
            if cell[0] < inf:
                row[j] = cell
    beads = []
    i, j = n, m
    while i > 0 or j > 0:
        lo, hi = window(i)
        if (j - lo < 2 and lo > 0) or (hi - j < 2 and hi < m):
            touched = True
        total, di, dj = best[i][j]
        prev_total = best[i - di][j - dj][0]
        beads.append(Bead(tuple(range(i - di, i)), tuple(range(j - dj, j)), total - prev_total))
        i, j = i - di, j - dj
    beads.reverse()
    return beads, touched


def align_document(view) -> Alignment | None:
    """The alignment of a DocumentView with its source (a source article, or the segments' `src`),
    or None when there is no source at all."""
    doc = view.document
    tgt = sentences_of([s.text for s in doc.segments], [sv.sentences for sv in view.segments])
    if doc.source is not None:
        src = sentences_of([s.text for s in doc.source.segments])
        src_lang = doc.src_lang or doc.source.lang or _detect(" ".join(s.text for s in src))
        beads = align_sentences(src, tgt, src_lang, view.lang)
        path = doc.source.path
        src_segments = [s.text for s in doc.source.segments]
    elif any(s.src for s in doc.segments):
        src, beads = _align_rows(doc, tgt, view.lang)
        src_lang = doc.src_lang or _detect(" ".join(s.text for s in src))
        path = None
        src_segments = [s.src or "" for s in doc.segments]
    else:
        return None
    alignment = Alignment(
        src,
        tgt,
        beads,
        source_path=path,
        source_lang=src_lang,
        source_segments=src_segments,
        target_segments=[s.text for s in doc.segments],
    )
    _assess(alignment, doc.src_lang, src_lang, view.lang)
    return alignment


def _align_rows(doc, tgt: list[Sentence], tgt_lang) -> tuple[list[Sentence], list[Bead]]:
    """JSONL rows carry their own source: align the sentences inside each row pair only."""
    src: list[Sentence] = []
    beads: list[Bead] = []
    by_row: dict[int, list[int]] = {}
    for k, t in enumerate(tgt):
        by_row.setdefault(t.segment, []).append(k)
    for row, seg in enumerate(doc.segments):
        if not seg.src or not seg.src.strip():
            continue
        row_src = [Sentence(row, s.start, s.end, s.text, s.para_start) for s in sentences_of([seg.src])]
        t_idx = by_row.get(row, [])
        base = len(src)
        src.extend(row_src)
        for b in align_sentences(row_src, [tgt[k] for k in t_idx], doc.src_lang, tgt_lang):
            beads.append(Bead(tuple(base + i for i in b.src), tuple(t_idx[j] for j in b.tgt), b.cost))
    return src, beads


def _detect(text: str) -> str | None:
    from mtqa.text import lang as langid

    return langid.detect(text[:2000])


def _assess(al: Alignment, declared: str | None, src_lang: str | None, tgt_lang: str | None) -> None:
    """Set status, reason and confidence: is this plausibly the article's source?"""
    src_text = " ".join(s.text for s in al.source)
    letters = sum(map(str.isalpha, src_text))  # counted once, in C: sources can be long
    if letters == 0:
        al.status, al.reason, al.confidence = "empty", "the source is empty", 0.0
        return
    if letters >= 80:
        from mtqa.text import lang as langid

        conf = langid.confidences(src_text[:2000])
        top = max(conf, key=conf.get) if conf else None
        expected = declared or (None if src_lang == tgt_lang else src_lang)
        if (
            top
            and conf[top] >= 0.7
            and (
                (expected and top != expected and conf.get(expected, 0) < 0.1)
                or (not expected and tgt_lang and top == tgt_lang)
            )
        ):
            al.status = "wrong-language"
            al.reason = f"the source looks like {top!r} text" + (
                f", expected {expected!r}" if expected else ", the same language as the translation"
            )
            al.confidence = 0.0
            return
    from mtqa.text.lexicon import has_lexicon, zipf

    def rare(text: str, lang) -> set[str]:
        """Capitalised words rare enough to be names: "Door Knob" in a product text is translated."""
        out = set()
        for m in _CAP_WORD.finditer(text):
            word = m.group()
            if (
                m.start()
                and len(word) >= 3
                and not (word.isupper() and len(word) <= 5)
                and not (lang and has_lexicon(lang) and zipf(word, lang) >= 3.0)
            ):
                out.add("w" + fold(word)[:4])
        return out

    def names(text: str, lang) -> set[str]:
        return {a for a in anchors(text, lang) if a[0] in "nw"}

    # Every number and capitalised word counts towards "anything shared at all"; only rare ones
    # (names) make the source's vocabulary distinctive enough to call a low overlap a mismatch.
    src_anchors = set().union(*(names(s.text, src_lang) for s in al.source))
    src_rare = set().union(*(rare(s.text, src_lang) for s in al.source))
    tgt_anchors = set().union(*(names(t.text, tgt_lang) for t in al.target)) if al.target else set()
    shared = src_anchors & tgt_anchors
    recall = len(shared) / len(src_anchors) if src_anchors else None
    rare_recall = len(src_rare & tgt_anchors) / len(src_rare) if src_rare else 1.0
    paired = [b for b in al.beads if b.src and b.tgt]
    good = sum(len(b.tgt) for b in paired if b.cost < 3.5)  # a plausible length, few anchors missed
    good_frac = good / max(1, len(al.target))
    costs = sorted(b.cost for b in al.beads)
    median_cost = costs[len(costs) // 2] if costs else 0.0
    al.confidence = good_frac if recall is None else (good_frac + recall) / 2
    ls = sum(len(s.text) for s in al.source)
    lt = sum(len(t.text) for t in al.target)
    if ls >= 200 and lt >= 200 and not 0.33 <= lt / ls <= 3.0:
        al.status, al.reason = "mismatch", f"the source is {ls} characters long, the translation {lt}"
    elif recall is not None and (
        (len(src_rare) >= 8 and rare_recall < 0.2 and recall < 0.2)
        or (len(src_rare) >= 2 and len(src_anchors) >= 3 and len(tgt_anchors) >= 3 and not shared)
    ):
        al.status = "mismatch"
        al.reason = f"only {recall:.0%} of the source's names and numbers appear in the translation"
    elif (len(al.target) >= 6 and good_frac < 0.35) or (len(al.beads) >= 3 and median_cost > _MISMATCH_COST):
        al.status = "mismatch"
        al.reason = f"only {good_frac:.0%} of the translation's sentences align with the source"
