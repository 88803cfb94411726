"""A rule is a declaration (code, name, category, severity, documentation) plus a pure function.

Segment rules see one SegmentView and return Hits with offsets local to that segment. Document
rules see the whole DocumentView and set `segment` on each Hit. The engine turns Hits into Findings.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from mtqa.model import Category, Severity


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    message: str
    suggestion: str | None = None
    segment: int = 0  # index of the segment, for document rules
    severity: Severity | None = None  # overrides the rule's default for this hit only
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Example:
    text: str
    lang: str = "fr"
    source: str | None = None


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    category: Category
    severity: Severity
    summary: str
    why: str
    flagged: tuple[Example, ...]
    passing: tuple[Example, ...]
    check: Callable[..., Iterable[Hit]]
    scope: str = "segment"  # "segment" or "document"
    requires: frozenset[str] = frozenset()  # "source", "reference"
    languages: frozenset[str] | None = None  # target languages; None: language-independent
    default_enabled: bool = True
    # Codes of rules that report the same defect with less evidence (a target-only rule under a
    # source-aware one): where both report overlapping spans of one segment, the engine keeps this
    # rule's finding and lists the other's code in its extra["also"]. One defect, one finding.
    supersedes: tuple[str, ...] = ()

    def applies_to(self, lang: str | None) -> bool:
        return self.languages is None or (lang is not None and lang in self.languages)

    def documentation(self) -> str:
        def block(examples: tuple[Example, ...]) -> str:
            return "\n".join(
                f"    [{e.lang}] {e.text}" + (f"\n        source: {e.source}" if e.source else "")
                for e in examples
            )

        needs = f"\nNeeds: {', '.join(sorted(self.requires))}" if self.requires else ""
        if self.supersedes:
            needs += f"\nSupersedes: {', '.join(self.supersedes)} (where both report the same span)"
        langs = ", ".join(sorted(self.languages)) if self.languages else "all"
        return (
            f"{self.code} {self.name}\n"
            f"Category: {self.category}   Default severity: {self.severity}   Languages: {langs}{needs}\n\n"
            f"What it finds\n    {self.summary}\n\n"
            f"Why it matters\n    {self.why}\n\n"
            f"Flagged\n{block(self.flagged)}\n\n"
            f"Passes\n{block(self.passing)}\n"
        )


@dataclass
class Context:
    """What a rule may know besides its text: the language, the whole document, shared settings."""

    lang: str | None
    document: Any = None  # DocumentView
    options: dict[str, Any] = field(default_factory=dict)
