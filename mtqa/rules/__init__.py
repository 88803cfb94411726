"""The rule catalogue: an explicit tuple composed from the rule families, validated once."""

from __future__ import annotations

import re

from mtqa.data import data_file_exists, table_columns
from mtqa.model import Category, Severity
from mtqa.rules import (
    contraction,
    copied_source,
    debris,
    garbled_word,
    glossary,
    name_spelling_drift,
    number_format_locale,
    number_mismatch,
    person_shift,
    predicate_agreement,
    pronoun_agreement,
    pronoun_gender_vs_source,
    quote_structure_vs_source,
    quotes_brackets,
    repeated_phrase,
    repeated_word,
    role_agreement,
    scores,
    shift_vs_source,
    source_coverage,
    source_name_mismatch,
    typography,
    unused_suppression,
    wrong_language,
)
from mtqa.rules.base import DataFile, Example, Hit, Input, Parameter, Rule, RuleDeclarationError

ALL_RULES: tuple[Rule, ...] = (
    *debris.RULES,
    *name_spelling_drift.RULES,
    *person_shift.RULES,
    *pronoun_agreement.RULES,
    *predicate_agreement.RULES,
    *role_agreement.RULES,
    *repeated_word.RULES,
    *repeated_phrase.RULES,
    *contraction.RULES,
    *quotes_brackets.RULES,
    *wrong_language.RULES,
    *garbled_word.RULES,
    *number_format_locale.RULES,
    *typography.RULES,
    *glossary.RULES,
    *unused_suppression.RULES,
    # source-aware rules (issue 3): run only where the document has a source
    *source_name_mismatch.RULES,
    *shift_vs_source.RULES,
    *pronoun_gender_vs_source.RULES,
    *quote_structure_vs_source.RULES,
    *copied_source.RULES,
    *number_mismatch.RULES,
    *source_coverage.RULES,
    # scores against references (issue 4): off by default, built by mtqa score / check --ref
    *scores.RULES,
)

_CODE = re.compile(r"MTQ\d{3}")
_NAME = re.compile(r"[a-z]+(-[a-z]+)*")
_PARAMETER = re.compile(r"[a-z][a-z0-9_]*")
_SCOPES = ("segment", "document")


def _check_examples(rule: Rule) -> None:
    if not rule.flagged or not rule.passing:
        raise RuleDeclarationError(f"{rule.code}: needs at least one flagged and one passing example")
    for ex in rule.flagged:
        if not ex.spans:
            raise RuleDeclarationError(f"{rule.code}: flagged example {ex.text!r} names no expected span")
        at = 0
        for span in ex.spans:  # in order, each after the previous one; "" is a zero-width span
            found = ex.text.find(span, at)
            if found < 0:
                raise RuleDeclarationError(f"{rule.code}: span {span!r} is not in the example {ex.text!r}")
            at = found
    for ex in rule.passing:
        if ex.spans:
            raise RuleDeclarationError(f"{rule.code}: passing example {ex.text!r} names spans")


def _check_rule(rule: Rule) -> None:
    if not _CODE.fullmatch(rule.code):
        raise RuleDeclarationError(f"rule code {rule.code!r} is not MTQ and three digits")
    if not _NAME.fullmatch(rule.name):
        raise RuleDeclarationError(f"{rule.code}: name {rule.name!r} is not kebab-case")
    if not isinstance(rule.category, Category) or not isinstance(rule.severity, Severity):
        raise RuleDeclarationError(f"{rule.code}: category and severity must be a Category and a Severity")
    if rule.scope not in _SCOPES:
        raise RuleDeclarationError(f"{rule.code}: scope {rule.scope!r} is not one of {_SCOPES}")
    if not rule.summary.strip() or not rule.why.strip():
        raise RuleDeclarationError(f"{rule.code}: summary and why must both be written")
    unknown = [i for i in rule.inputs if not isinstance(i, Input)]
    if unknown or Input.TARGET not in rule.inputs:
        raise RuleDeclarationError(
            f"{rule.code}: inputs must be Input members including TARGET, not {unknown}"
        )
    names = [p.name for p in rule.parameters]
    if len(set(names)) != len(names):
        raise RuleDeclarationError(f"{rule.code}: a parameter is declared twice")
    for p in rule.parameters:
        if not isinstance(p, Parameter) or not _PARAMETER.fullmatch(p.name) or not p.doc.strip():
            raise RuleDeclarationError(f"{rule.code}: parameter {p!r} needs a snake_case name and a doc")
    for f in rule.data_files:
        if not isinstance(f, DataFile) or not data_file_exists(f.lang, f.filename):
            raise RuleDeclarationError(f"{rule.code}: data file {f!r} is not in mtqa/data")
        if f.columns is not None and table_columns(f.name) != f.columns:
            raise RuleDeclarationError(
                f"{rule.code}: {f.filename} declared with {f.columns} columns, the loader expects "
                f"{table_columns(f.name)}"
            )
    _check_examples(rule)


def validate(rules: tuple[Rule, ...]) -> None:
    """Raise RuleDeclarationError unless every declaration is complete and codes and names are unique."""
    for attr in ("code", "name"):
        seen: set[str] = set()
        for r in rules:
            if getattr(r, attr) in seen:
                raise RuleDeclarationError(f"duplicate rule {attr} {getattr(r, attr)!r}")
            seen.add(getattr(r, attr))
    for r in rules:
        _check_rule(r)
    known = {r.code for r in rules}
    for r in rules:
        missing = [c for c in r.supersedes if c not in known]
        if missing:
            raise RuleDeclarationError(f"{r.code}: supersedes unknown codes {missing}")


validate(ALL_RULES)
BY_CODE = {r.code: r for r in ALL_RULES}
BY_NAME = {r.name: r for r in ALL_RULES}


def select_rules(select=None, ignore=(), extend_select=()) -> tuple[Rule, ...]:
    """Rules matching `select` (default: the default set) plus `extend_select`, minus `ignore`, as
    mtqa.selectors defines selectors. Unknown selectors raise ValueError naming them."""
    from mtqa.selectors import selected

    default = tuple(r for r in ALL_RULES if r.default_enabled)
    return selected(ALL_RULES, select, ignore, extend_select, default=default)


__all__ = [
    "ALL_RULES",
    "BY_CODE",
    "BY_NAME",
    "DataFile",
    "Example",
    "Hit",
    "Input",
    "Parameter",
    "Rule",
    "RuleDeclarationError",
    "select_rules",
    "validate",
]
