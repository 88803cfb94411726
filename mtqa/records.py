"""The typed records a Report carries besides findings and scores: each document's text (for the
HTML and JUnit reports), its alignment with its source, a scored file's figures, and the score
thresholds. Frozen, so a report is never edited after the library built it; `to_dict` gives the JSON
report's shape (docs/json-report.md)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class ThresholdResult:
    """A corpus score held against a --min-/--max- threshold (or its [tool.mtqa] setting)."""

    metric: str  # sacrebleu's name: "BLEU", "chrF2"...
    key: str  # the option's key: "bleu", "chrf", "ter"...
    bound: str  # "min" or "max"
    threshold: float
    value: float
    passed: bool
    width: int = 2  # decimals printed

    @property
    def message(self) -> str:
        side = "below" if self.bound == "min" else "above"
        value = f"{self.value:.{self.width}f}"
        return f"{self.metric} = {value} is {side} --{self.bound}-{self.key} {self.threshold:g}"


@dataclass(frozen=True)
class SegmentText:
    index: int
    id: str | None
    line: int
    text: str


@dataclass(frozen=True)
class DocumentText:
    """A checked document's text, for reports that show it (HTML) or list clean files (JUnit)."""

    path: str
    doc_id: str | None
    kind: str  # "article" (text) or "segments" (segment_texts)
    text: str | None = None
    segment_texts: tuple[SegmentText, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        record: dict[str, Any] = {"path": self.path, "doc_id": self.doc_id, "kind": self.kind}
        if self.text is not None:
            record["text"] = self.text
        else:
            record["segment_texts"] = [s.__dict__.copy() for s in self.segment_texts]
        return record


@dataclass(frozen=True)
class AlignedSentence:
    segment: int  # the segment (paragraph or JSONL row) it lies in
    start: int  # offsets local to that segment
    end: int
    text: str


@dataclass(frozen=True)
class AlignedBead:
    src: tuple[int, ...]  # source sentence indices
    tgt: tuple[int, ...]
    type: str  # "1-1", "2-1", "0-1"...
    cost: float


@dataclass(frozen=True)
class DocumentAlignment:
    """How a document's sentences were aligned with its source's (source-aware rules ran on it)."""

    path: str
    doc_id: str | None
    method: str  # the aligner's signature
    status: str  # "ok", "empty", "wrong-language", "mismatch"
    reason: str
    confidence: float
    source_path: str | None
    source_lang: str | None
    source_sentences: tuple[AlignedSentence, ...]
    target_sentences: tuple[AlignedSentence, ...]
    beads: tuple[AlignedBead, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "doc_id": self.doc_id,
            "alignment": {
                "method": self.method,
                "status": self.status,
                "reason": self.reason,
                "confidence": self.confidence,
                "source_path": self.source_path,
                "source_lang": self.source_lang,
                "source_sentences": [s.__dict__.copy() for s in self.source_sentences],
                "target_sentences": [s.__dict__.copy() for s in self.target_sentences],
                "beads": [
                    {"src": list(b.src), "tgt": list(b.tgt), "type": b.type, "cost": b.cost}
                    for b in self.beads
                ],
            },
        }


@dataclass(frozen=True)
class CorpusScore:
    metric: str  # "BLEU", "chrF2", "TER", "COMET"
    key: str  # "bleu", "chrf"...
    value: float
    signature: str
    detail: str | None = None  # BLEU's precisions and brevity penalty
    mean: float | None = None  # bootstrap mean and half-width (--confidence)
    ci: float | None = None


@dataclass(frozen=True)
class ScoredUnit:
    """One scored unit (a line, a JSONL row, an aligned article sentence) as the report lists it."""

    index: int
    path: str
    line: int
    column: int
    start: int
    end: int
    segment_id: str | None
    doc_id: str | None
    alignment: str  # "1-1", "2-1"... (articles)
    hyp: str
    refs: tuple[str | None, ...]
    scores: tuple[tuple[str, float], ...]  # (metric, value) in the report's metric order

    def to_dict(self) -> dict[str, Any]:
        return {**self.__dict__, "refs": list(self.refs), "scores": dict(self.scores)}


@dataclass(frozen=True)
class UnitAlignment:
    index: int
    line: int
    alignment: str


@dataclass(frozen=True)
class DocumentScores:
    """A scored hypothesis file: corpus figures, thresholds, the weakest units (`mtqa score`)."""

    path: str
    references: tuple[str, ...]
    source: str | None
    mode: str  # "lines", "jsonl", "articles"
    segments: int
    corpus: tuple[CorpusScore, ...]
    comet: tuple[str, str] | None  # (model, kind)
    thresholds: tuple[ThresholdResult, ...]
    ranked_by: str | None
    weakest: tuple[ScoredUnit, ...]
    width: int
    limit: int
    alignment: tuple[UnitAlignment, ...] = ()  # every unit, for articles

    @property
    def thresholds_failed(self) -> tuple[ThresholdResult, ...]:
        return tuple(t for t in self.thresholds if not t.passed)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": "scores",
            "path": self.path,
            "references": list(self.references),
            "source": self.source,
            "mode": self.mode,
            "segments": self.segments,
            "corpus": [c.__dict__.copy() for c in self.corpus],
            "comet": None if self.comet is None else {"model": self.comet[0], "kind": self.comet[1]},
            "thresholds_failed": [t.message for t in self.thresholds_failed],
            "ranked_by": self.ranked_by,
            "weakest": [u.to_dict() for u in self.weakest],
            "width": self.width,
            "limit": self.limit,
            "alignment": [a.__dict__.copy() for a in self.alignment],
        }
