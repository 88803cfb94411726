"""Every rule is declared completely, and its documented examples behave as documented."""

from __future__ import annotations

import pytest

from mtqa.rules import ALL_RULES
from tests.conftest import run_rule

SEGMENT_RULES = [r for r in ALL_RULES if not r.requires]


def test_codes_and_names_are_unique():
    assert len({r.code for r in ALL_RULES}) == len(ALL_RULES)
    assert len({r.name for r in ALL_RULES}) == len(ALL_RULES)


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.code)
def test_rule_is_documented(rule):
    assert rule.summary and rule.why
    assert rule.flagged and rule.passing
    assert rule.code in rule.documentation()


@pytest.mark.parametrize("rule", SEGMENT_RULES, ids=lambda r: r.code)
def test_flagged_examples_are_flagged(rule):
    for ex in rule.flagged:
        assert any(f.code == rule.code for f in run_rule(rule.code, ex.text, ex.lang)), ex.text


@pytest.mark.parametrize("rule", SEGMENT_RULES, ids=lambda r: r.code)
def test_passing_examples_pass(rule):
    for ex in rule.passing:
        assert run_rule(rule.code, ex.text, ex.lang) == [], ex.text
