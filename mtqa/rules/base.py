"""A rule is a declaration (code, name, category, severity, documentation) plus a pure function.

Segment rules see one SegmentView and return Hits with offsets local to that segment. Document
rules see the whole DocumentView and set `segment` on each Hit. The engine turns Hits into Findings.

A declaration is complete: the inputs the rule needs (an enum the engine knows), the parameters
that change its verdict (named, with defaults and docs; the check reads them from
`Context.params`), the data files it reads, and examples with the exact spans it must report.
`mtqa.rules.validate` checks every declaration at start-up and raises RuleDeclarationError.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum
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


class RuleDeclarationError(ValueError):
    """A rule's declaration is incomplete or inconsistent (raised at start-up, not at check time)."""


class Input(str, Enum):
    """What a rule reads besides its own code and data: the engine runs a rule only where every
    input it declares is present, and says which rules it skipped for which missing input."""

    TARGET = "target"  # the translation itself: every rule reads it
    SOURCE = "source"  # the source article or the rows' `src`
    REFERENCE = "reference"  # reference translations (the rows' `ref`)
    GLOSSARY = "glossary"  # house-style glossary files (--glossary)
    COMET_MODEL = "comet-model"  # an error-span COMET model: only `mtqa score` / `check --ref` load one

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Parameter:
    """A threshold or setting that changes a rule's verdict; the check reads it from ctx.params."""

    name: str
    default: Any
    doc: str


@dataclass(frozen=True)
class DataFile:
    """A data file under mtqa/data/ a rule reads: `lang` is a language code, "any" (one file for
    every language), or "*" (one file per language, where the language has one); `columns` is the
    number of tab-separated columns of a .tsv table (None for a .txt word list)."""

    lang: str
    name: str
    columns: int | None = None

    @property
    def filename(self) -> str:
        return f"{self.name}.txt" if self.columns is None else f"{self.name}.tsv"


@dataclass(frozen=True)
class Example:
    """A documented example: a flagged one names the exact text of each span the rule reports, in
    order (`spans`); a passing one reports nothing."""

    text: str
    lang: str = "fr"
    source: str | None = None
    spans: tuple[str, ...] = ()
    reference: str | None = None  # for rules that read a reference translation


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
    inputs: frozenset[Input] = frozenset({Input.TARGET})
    parameters: tuple[Parameter, ...] = ()
    data_files: tuple[DataFile, ...] = ()
    languages: frozenset[str] | None = None  # target languages; None: language-independent
    default_enabled: bool = True
    # Codes of rules that report the same defect with less evidence (a target-only rule under a
    # source-aware one): where both report overlapping spans of one segment, the engine keeps this
    # rule's finding and lists the other's code in its extra["also"]. One defect, one finding.
    supersedes: tuple[str, ...] = ()

    @property
    def requires(self) -> frozenset[Input]:
        """The inputs besides the target (Input is a str enum: `"source" in rule.requires` works)."""
        return frozenset(i for i in self.inputs if i is not Input.TARGET)

    def parameter_values(self, overrides: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """name -> value: the declared defaults, with `overrides` (unknown names raise ValueError)."""
        values = {p.name: p.default for p in self.parameters}
        for name, value in (overrides or {}).items():
            if name not in values:
                raise ValueError(
                    f"{self.code} has no parameter {name!r} (it has: {', '.join(values) or 'none'})"
                )
            values[name] = value
        return values

    def applies_to(self, lang: str | None) -> bool:
        return self.languages is None or (lang is not None and lang in self.languages)


@dataclass
class Context:
    """What a rule may know besides its text: the language, the whole document, shared settings."""

    lang: str | None
    document: Any = None  # DocumentView
    options: dict[str, Any] = field(default_factory=dict)
    params: Mapping[str, Any] = field(default_factory=dict)  # the running rule's parameter values

    def param(self, parameter: Parameter) -> Any:
        """The value of a declared parameter: as the engine set it for this rule, else its default
        (a rule's check called directly, as unit tests do)."""
        return self.params.get(parameter.name, parameter.default)
