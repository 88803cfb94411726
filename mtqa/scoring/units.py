"""What gets scored: Units pairing one hypothesis segment with its references (and source).

A Unit remembers where its hypothesis sits in the input (path, line, column, character offsets),
so a weak segment can be reported like any rule finding.
"""

from __future__ import annotations

from dataclasses import dataclass, field


class ScoringInputError(Exception):
    """An input that cannot be scored; the message is one line, the CLI exits 2."""


@dataclass(frozen=True)
class Unit:
    hyp: str  # the text scored (whitespace runs collapsed for article sentences)
    refs: tuple[str | None, ...]  # one entry per reference stream; None: no reference in that stream
    index: int
    path: str
    line: int = 1
    column: int = 1
    start: int = 0  # character offsets of the hypothesis in its file (articles, line files)
    end: int = 0  # or in its `mt` string (JSONL)
    src: str | None = None
    segment_id: str | None = None
    doc_id: str | None = None
    alignment: str = "1-1"  # hypothesis-reference sentence counts (articles), e.g. "2-1", "1-0"
    original: str = ""  # the hypothesis exactly as in the input, for display and findings

    @property
    def is_blank(self) -> bool:
        """Blank on every side: a blank line of a line-aligned file, not worth listing."""
        return not self.hyp.strip() and not any((r or "").strip() for r in self.refs)


@dataclass
class ScoringSet:
    """Line-aligned units of one hypothesis file with its reference streams."""

    units: list[Unit]
    hyp_path: str
    ref_paths: tuple[str, ...]
    src_path: str | None
    mode: str  # "lines", "jsonl" or "articles"
    notes: list[str] = field(default_factory=list)
    tgt_lang: str | None = None  # the JSONL rows' tgt_lang when every row gives the same one
    bom_dropped: tuple[str, ...] = ()  # files that began with a UTF-8 byte-order mark (not scored as text)

    @property
    def hyps(self) -> list[str]:
        return [u.hyp for u in self.units]

    @property
    def ref_streams(self) -> list[list[str | None]]:
        n = len(self.units[0].refs) if self.units else 0
        return [[u.refs[k] for u in self.units] for k in range(n)]

    @property
    def has_source(self) -> bool:
        return bool(self.units) and all(u.src is not None for u in self.units)

    @property
    def n_refs(self) -> int:
        return len(self.units[0].refs) if self.units else 0
