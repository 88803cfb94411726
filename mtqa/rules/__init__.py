"""The rule catalogue: an explicit tuple composed from the rule families, validated once."""

from __future__ import annotations

import re

from mtqa.rules import (
    contraction,
    debris,
    entity_drift,
    garbled,
    glossary,
    number_format,
    person_shift,
    predicate_agreement,
    pronoun_agreement,
    punctuation,
    repetition,
    scores,
    source_copy,
    source_coverage,
    source_names,
    source_numbers,
    source_person,
    source_quotes,
    suppression,
    typography,
    untranslated,
)
from mtqa.rules.base import Example, Hit, Rule

ALL_RULES: tuple[Rule, ...] = (
    *debris.RULES,
    *entity_drift.RULES,
    *person_shift.RULES,
    *pronoun_agreement.RULES,
    *predicate_agreement.RULES,
    *repetition.RULES,
    *contraction.RULES,
    *punctuation.RULES,
    *untranslated.RULES,
    *garbled.RULES,
    *number_format.RULES,
    *typography.RULES,
    *glossary.RULES,
    *suppression.RULES,
    # source-aware rules (issue 3): run only where the document has a source
    *source_names.RULES,
    *source_person.RULES,
    *source_quotes.RULES,
    *source_copy.RULES,
    *source_numbers.RULES,
    *source_coverage.RULES,
    # scores against references (issue 4): off by default, built by mtqa score / check --ref
    *scores.RULES,
)

_CODE = re.compile(r"MTQ\d{3}")
_NAME = re.compile(r"[a-z]+(-[a-z]+)*")


def _validate(rules: tuple[Rule, ...]) -> None:
    codes = [r.code for r in rules]
    names = [r.name for r in rules]
    assert len(set(codes)) == len(codes), "duplicate rule code"
    assert len(set(names)) == len(names), "duplicate rule name"
    for r in rules:
        assert _CODE.fullmatch(r.code), r.code
        assert _NAME.fullmatch(r.name), r.name


_validate(ALL_RULES)
BY_CODE = {r.code: r for r in ALL_RULES}
BY_NAME = {r.name: r for r in ALL_RULES}


def select_rules(select=None, ignore=(), extend_select=()) -> tuple[Rule, ...]:
    """Rules matching `select` (codes, code prefixes or names; default: the default set) plus
    `extend_select`, minus `ignore`. Unknown selectors raise ValueError naming them."""

    def matches(rule: Rule, sel: str) -> bool:
        return rule.code.startswith(sel.upper()) or rule.name == sel or sel.upper() == "ALL"

    for sel in (*(select or ()), *ignore, *extend_select):
        if not any(matches(r, sel) for r in ALL_RULES):
            raise ValueError(f"unknown rule code or name {sel!r}")
    base = [
        r
        for r in ALL_RULES
        if (select is None and r.default_enabled)
        or (select is not None and any(matches(r, s) for s in select))
    ]
    base += [r for r in ALL_RULES if r not in base and any(matches(r, s) for s in extend_select)]
    return tuple(r for r in ALL_RULES if r in base and not any(matches(r, s) for s in ignore))


__all__ = ["ALL_RULES", "BY_CODE", "BY_NAME", "Example", "Hit", "Rule", "select_rules"]
