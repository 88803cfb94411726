"""Monolingual sentence alignment of a hypothesis article with a reference article.

Both sides are in the same language, so lexical similarity is a strong signal: dynamic programming
over sentence sequences (moves 1-1, 1-2, 2-1, 1-0, 0-1, as in Gale & Church) where a match costs
1 - similarity and leaving a sentence unaligned costs a constant. Similarity is rapidfuzz's
normalised Indel similarity over casefolded word tokens: a translation and its reference share most
words (0.5-0.9), two unrelated sentences of the same language only a few function words (< 0.25),
which character-level similarity separates far less well. The search runs in a band around the
diagonal, so long articles stay near-linear. A hypothesis sentence left without a reference (scraped
debris, an invented sentence) and a reference sentence the hypothesis dropped both become units of
their own (with several references: units merge until every reference agrees on the boundaries),
so they weigh on the scores as they should.
"""

from __future__ import annotations

from dataclasses import dataclass

from mtqa.text.regex_store import compile_stored

_SKIP = 0.35  # an unaligned sentence: two cost less than matching unrelated sentences (sim < 0.3)
# A 2-1 / 1-2 match costs more than leaving one sentence out, so a merge must raise similarity by
# more than _MERGE - _SKIP: a sentence split in two does, glued-on debris ("X", "Related Post") not.
_MERGE = 0.42
_MOVES = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2))


@dataclass(frozen=True)
class Group:
    hyp: tuple[int, int]  # half-open range of hypothesis sentence indices
    ref: tuple[int, int]

    @property
    def label(self) -> str:
        return f"{self.hyp[1] - self.hyp[0]}-{self.ref[1] - self.ref[0]}"


_TOKEN = compile_stored(r"\w+|[^\w\s]")


def _tokens(sentence: str) -> list[str]:
    return _TOKEN.findall(sentence.casefold())


def _similarity(a: list[str], b: list[str]) -> float:
    from rapidfuzz.distance import Indel

    return Indel.normalized_similarity(a, b)


def align(hyp: list[str], ref: list[str]) -> list[Group]:
    """Groups covering both sentence lists in order."""
    n, m = len(hyp), len(ref)
    h = [_tokens(s) for s in hyp]
    r = [_tokens(s) for s in ref]
    band = max(60, abs(n - m) + 30)
    inf = float("inf")
    cost: dict[tuple[int, int], float] = {(0, 0): 0.0}
    back: dict[tuple[int, int], tuple[int, int]] = {}

    def in_band(i: int, j: int) -> bool:
        return abs(i * m - j * n) <= band * max(n, m, 1)

    for i in range(n + 1):
        centre = (i * m) // max(n, 1)
        for j in range(max(0, centre - band), min(m, centre + band) + 1):
            if (i, j) == (0, 0) or not in_band(i, j):
                continue
            best, arg = inf, None
            for di, dj in _MOVES:
                prev = cost.get((i - di, j - dj))
                if prev is None:
                    continue
                if di and dj:
                    a = h[i - 1] if di == 1 else h[i - 2] + h[i - 1]
                    b = r[j - 1] if dj == 1 else r[j - 2] + r[j - 1]
                    step = 1.0 - _similarity(a, b) + (_MERGE if di + dj > 2 else 0.0)
                else:
                    step = _SKIP
                if prev + step < best:
                    best, arg = prev + step, (di, dj)
            if arg is not None:
                cost[(i, j)] = best
                back[(i, j)] = arg
    groups = []
    i, j = n, m
    while (i, j) != (0, 0):
        di, dj = back[(i, j)]
        groups.append(Group((i - di, i), (j - dj, j)))
        i, j = i - di, j - dj
    groups.reverse()
    return groups


def merge_streams(
    n_hyp: int, alignments: list[list[Group]]
) -> list[tuple[tuple[int, int], list[tuple[int, int]]]]:
    """Units shared by several reference streams: a unit boundary is kept only where every stream
    has one, so each unit's hypothesis is compared with complete reference sentences. With one
    stream the groups are the units. Returns (hypothesis range, one reference range per stream)."""
    if len(alignments) == 1:
        return [(g.hyp, [g.ref]) for g in alignments[0]]
    boundaries = set(range(n_hyp + 1))
    for groups in alignments:
        boundaries &= {g.hyp[0] for g in groups if g.hyp[0] < g.hyp[1]} | {n_hyp}
    cuts = sorted(boundaries | {0})
    spans = [(a, b) for a, b in zip(cuts, cuts[1:], strict=False)] or [(0, 0)]
    units = []
    for a, b in spans:
        refs: list[tuple[int, int]] = []
        for groups in alignments:
            # a dropped reference sentence (0-1) goes with the unit that follows it (or the last)
            inside = [
                g.ref for g in groups if a <= g.hyp[0] < b or (g.hyp[0] == b == n_hyp and b == spans[-1][1])
            ]
            lo = min((x for x, y in inside if y > x), default=None)
            hi = max((y for x, y in inside if y > x), default=None)
            refs.append((lo, hi) if lo is not None and hi is not None else (0, 0))  # both or neither
        units.append(((a, b), refs))
    return units
