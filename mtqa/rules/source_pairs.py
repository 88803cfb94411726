"""What source-aware rules share: the aligned sentence pairs of a document, and hits that carry the
aligned source sentence (shown under the finding in the text report, listed in the JSON report).

Every source-aware rule is a document rule that reads `view.alignment` (computed once per document)
and stays silent when the alignment's status is not "ok": the source-mismatch rule (MTQ921) then
says once why, instead of a flood of findings against the wrong text.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from mtqa.align import Alignment, Bead, Sentence
from mtqa.rules.base import Hit, Input
from mtqa.text.analysis import cached_property  # functools' takes a lock on every first read (3.11)

NEEDS_SOURCE = frozenset({Input.TARGET, Input.SOURCE})
_SHOWN_SOURCE = 400  # characters of source text attached to a finding


@dataclass(frozen=True)
class Pair:
    index: int  # bead index
    bead: Bead
    source: list[Sentence]
    target: list[Sentence]
    alignment: Alignment

    @cached_property  # the pairs are shared by every source-aware rule of the document
    def source_text(self) -> str:
        return " ".join(s.text for s in self.source)

    def neighbour_target_segments(self, reach: int = 1) -> list[int]:
        """Indices of the target paragraphs (JSONL rows) holding this bead and its neighbours."""
        al = self.alignment
        beads = al.beads[max(0, self.index - reach) : self.index + reach + 1]
        return sorted({al.target[t].segment for b in beads for t in b.tgt})

    def neighbour_source_segments(self, reach: int = 1) -> list[int]:
        al = self.alignment
        beads = al.beads[max(0, self.index - reach) : self.index + reach + 1]
        return sorted({al.source[s].segment for b in beads for s in b.src})

    def neighbour_target_text(self, reach: int = 1) -> str:
        """The target paragraphs (JSONL rows) holding this bead and its neighbours: a number or a name
        may move to another sentence of the paragraph in translation."""
        return " ".join(self.alignment.target_segments[k] for k in self.neighbour_target_segments(reach))

    def neighbour_source_text(self, reach: int = 1) -> str:
        return " ".join(self.alignment.source_segments[k] for k in self.neighbour_source_segments(reach))


def usable_alignment(view) -> Alignment | None:
    al = view.alignment
    return al if al is not None and al.ok else None


def pairs(view, with_nulls: bool = False) -> Iterator[Pair]:
    """Aligned pairs (beads with source and target sentences) of a document with a usable source."""
    al = usable_alignment(view)
    if al is None:
        return
    # Built once per document (a dozen rules read them), kept with the alignment they belong to.
    found = al.shared.get(("pairs", with_nulls))
    if found is None:
        found = al.shared[("pairs", with_nulls)] = [
            Pair(k, bead, [al.source[i] for i in bead.src], [al.target[j] for j in bead.tgt], al)
            for k, bead in enumerate(al.beads)
            if with_nulls or (bead.src and bead.tgt)
        ]
    yield from found


def source_extra(pair: Pair) -> dict:
    text = pair.source_text
    if len(text) > _SHOWN_SOURCE:
        text = text[:_SHOWN_SOURCE] + "…"
    return {"source": text, "source_sentences": list(pair.bead.src)}


def hit(
    sentence: Sentence,
    start: int,
    end: int,
    message: str,
    pair: Pair,
    suggestion: str | None = None,
    severity=None,
) -> Hit:
    """A hit at sentence-local offsets [start, end) of a target sentence."""
    return Hit(
        sentence.start + start,
        sentence.start + end,
        message,
        suggestion=suggestion,
        segment=sentence.segment,
        severity=severity,
        extra=source_extra(pair),
    )
