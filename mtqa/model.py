"""The data that flows through mtqa: documents in, findings and scores out.

Offsets are character offsets into the original text, never into a normalised copy: for an article
file they count from the start of the file, for a JSONL segment from the start of its `mt` string.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from mtqa.records import (
    AlignedBead,
    AlignedSentence,
    CorpusScore,
    DocumentAlignment,
    DocumentScores,
    DocumentText,
    ScoredUnit,
    SegmentText,
    ThresholdResult,
    UnitAlignment,
)

SCHEMA_VERSION = "1.0"


class Severity(enum.IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[value.upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r} (expected error, warning or info)") from None

    def __str__(self) -> str:
        return self.name.lower()


class Category(str, enum.Enum):
    ENTITY = "entity"
    NUMBER = "number"
    PRONOUN = "pronoun"
    REPETITION = "repetition"
    UNTRANSLATED = "untranslated"
    OMISSION = "omission"
    ADDITION = "addition"
    GRAMMAR = "grammar"
    SPELLING = "spelling"
    PUNCTUATION = "punctuation"
    BOILERPLATE = "boilerplate"
    GARBLED = "garbled"
    SCORE = "score"
    OTHER = "other"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)  # one per paragraph of a whole article, held until it is done
class Segment:
    """One unit of translated text: a paragraph of an article, or one JSONL row.

    `offset` places the segment in the coordinates findings are reported in (its start in the file
    for articles, 0 for JSONL rows); `line`/`column` are where its first character sits in the input.
    """

    text: str
    index: int
    offset: int = 0
    line: int = 1
    column: int = 1
    id: str | None = None
    src: str | None = None
    ref: tuple[str, ...] = ()
    src_lang: str | None = None
    tgt_lang: str | None = None
    line_starts: tuple[int, ...] = ()  # offsets within `text` where lines 2.. begin (articles only)

    def position(self, local: int) -> tuple[int, int]:
        """Line and column (1-based) of a character offset inside this segment."""
        import bisect

        k = bisect.bisect_right(self.line_starts, local)
        if k == 0:
            return self.line, self.column + local
        return self.line + k, local - self.line_starts[k - 1] + 1

    def __reduce__(self):
        # Positional arguments: pickled about twice as fast as the slot-by-slot state dataclasses
        # give, and the process pool (mtqa.parallel) sends every segment to a worker.
        return Segment, (
            self.text, self.index, self.offset, self.line, self.column, self.id, self.src, self.ref,
            self.src_lang, self.tgt_lang, self.line_starts,
        )  # fmt: skip


@dataclass(frozen=True)
class Document:
    """A translated article (or the JSONL segments sharing a doc_id) checked as one unit."""

    path: str
    segments: tuple[Segment, ...]
    doc_id: str | None = None
    lang: str | None = None
    src_lang: str | None = None
    text: str | None = None  # the whole file for articles; None for JSONL documents
    source: Document | None = None  # the source article, when one was given as a file
    kind: str = "article"  # "article" or "segments"


@dataclass(frozen=True, slots=True)  # a long document holds all of its findings until it is done
class Finding:
    code: str
    rule: str
    category: Category
    severity: Severity
    message: str
    path: str
    start: int
    end: int
    text: str
    line: int
    column: int
    suggestion: str | None = None
    doc_id: str | None = None
    segment_id: str | None = None
    segment_index: int = 0
    context: str = ""  # the sentence or line around the span, for display
    context_start: int = 0  # offset of `context` in the same coordinates as start/end
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def sort_key(self) -> tuple:
        return (self.path, self.doc_id or "", self.segment_index, self.start, self.code)

    def to_dict(self) -> dict[str, Any]:
        out = {
            "code": self.code,
            "rule": self.rule,
            "category": str(self.category),
            "severity": str(self.severity),
            "message": self.message,
            "suggestion": self.suggestion,
            "path": self.path,
            "doc_id": self.doc_id,
            "segment_id": self.segment_id,
            "line": self.line,
            "column": self.column,
            "start": self.start,
            "end": self.end,
            "text": self.text,
        }
        out.update(self.extra)
        return out


@dataclass(frozen=True)
class Score:
    """A metric value with the signature that says exactly how it was computed (sacrebleu habit)."""

    metric: str
    value: float
    signature: str
    scope: str = "corpus"  # "corpus", "document" or "segment"
    path: str | None = None
    doc_id: str | None = None
    segment_id: str | None = None
    segment_index: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v is not None}


@dataclass(frozen=True)
class InputProblem:
    """An input that could not be read; the run goes on with the others."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass(frozen=True)
class Note:
    """A remark about the run (a rule skipped for a missing input, a language not detected...).
    `kind` says what it is about, so a reporter selects notes by kind, never by their wording."""

    text: str
    kind: str = "info"  # "skipped", "language", "alignment", "input", "baseline", "scoring", "threshold"

    def __str__(self) -> str:
        return self.text


DocumentRecord = DocumentText | DocumentAlignment | DocumentScores
__all__ = [
    "AlignedBead",
    "AlignedSentence",
    "Category",
    "CheckSignature",
    "CorpusScore",
    "Document",
    "DocumentAlignment",
    "DocumentRecord",
    "DocumentScores",
    "DocumentText",
    "Finding",
    "InputProblem",
    "Note",
    "Report",
    "Score",
    "ScoredUnit",
    "Segment",
    "SegmentText",
    "Severity",
    "ThresholdResult",
    "UnitAlignment",
]


@dataclass(frozen=True)
class CheckSignature:
    """What a check's verdicts depend on, as sacrebleu's signatures say how a score was computed:
    `mtqa:VERSION|rules:HASH|params:HASH|data:HASH`. Two reports are comparable iff theirs match.
    `parts` holds the readable values the hashes cover (mtqa.signature builds it)."""

    text: str
    parts: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class Report:
    """Everything a run found, built by the library (mtqa.engine.fold, mtqa.scoring.run); commands
    derive a new one (`dataclasses.replace`) instead of editing it. Reporters read its fields."""

    findings: tuple[Finding, ...] = ()
    scores: tuple[Score, ...] = ()
    problems: tuple[InputProblem, ...] = ()
    documents: tuple[DocumentRecord, ...] = ()  # in input order; a scores entry after the documents
    notes: tuple[Note, ...] = ()
    thresholds: tuple[ThresholdResult, ...] = ()
    files_checked: int = 0
    segments_checked: int = 0
    signature: CheckSignature | None = None  # None when no rules ran (mtqa score)

    def worst(self) -> Severity | None:
        return max((f.severity for f in self.findings), default=None)

    @property
    def texts(self) -> tuple[DocumentText, ...]:
        return tuple(d for d in self.documents if isinstance(d, DocumentText))

    @property
    def alignments(self) -> tuple[DocumentAlignment, ...]:
        return tuple(d for d in self.documents if isinstance(d, DocumentAlignment))

    @property
    def document_scores(self) -> tuple[DocumentScores, ...]:
        return tuple(d for d in self.documents if isinstance(d, DocumentScores))

    @property
    def thresholds_failed(self) -> tuple[ThresholdResult, ...]:
        return tuple(t for t in self.thresholds if not t.passed)

    def with_notes(self, notes: Iterable[Note]) -> Report:
        """This report with `notes` added (each once, in order)."""
        return replace(self, notes=tuple(dict.fromkeys((*self.notes, *notes))))

    def header(self) -> dict[str, Any]:
        """The JSON report's fields that come before the findings."""
        from mtqa.version import __version__

        return {"schema_version": SCHEMA_VERSION, "tool": "mtqa", "mtqa_version": __version__}

    def totals(self) -> dict[str, Any]:
        """The JSON report's fields that come after the documents (known when the run has ended)."""
        return {
            "scores": [s.to_dict() for s in self.scores],
            "errors": [{"path": p.path, "message": p.message} for p in self.problems],
            "notes": [n.text for n in self.notes],
            "files_checked": self.files_checked,
            "segments_checked": self.segments_checked,
            "signature": None if self.signature is None else self.signature.text,
            "signature_parts": None if self.signature is None else self.signature.parts,
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.header(),
            "findings": [f.to_dict() for f in self.findings],
            "documents": [d.to_dict() for d in self.documents],
            **self.totals(),
        }
