"""The data that flows through mtqa: documents in, findings and scores out.

Offsets are character offsets into the original text, never into a normalised copy: for an article
file they count from the start of the file, for a JSONL segment from the start of its `mt` string.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any

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


@dataclass(frozen=True)
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


@dataclass(frozen=True)
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


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)
    scores: list[Score] = field(default_factory=list)
    problems: list[InputProblem] = field(default_factory=list)
    documents: list[dict[str, Any]] = field(default_factory=list)  # per-document metadata
    notes: list[str] = field(default_factory=list)  # e.g. rules skipped for missing inputs
    files_checked: int = 0
    segments_checked: int = 0

    def worst(self) -> Severity | None:
        return max((f.severity for f in self.findings), default=None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "tool": "mtqa",
            "files_checked": self.files_checked,
            "segments_checked": self.segments_checked,
            "findings": [f.to_dict() for f in self.findings],
            "scores": [s.to_dict() for s in self.scores],
            "errors": [{"path": p.path, "message": p.message} for p in self.problems],
            "documents": self.documents,
            "notes": self.notes,
        }
