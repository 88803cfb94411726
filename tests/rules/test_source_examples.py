"""Every source-aware rule's documented examples behave as documented."""

from __future__ import annotations

import pytest

from mtqa.rules import ALL_RULES
from tests.rules.source_helpers import run_source_rule

SOURCE_RULES = [r for r in ALL_RULES if "source" in r.requires]


def test_source_rules_are_registered():
    assert {r.code for r in SOURCE_RULES} >= {
        "MTQ111",
        "MTQ211",
        "MTQ212",
        "MTQ511",
        "MTQ611",
        "MTQ901",
        "MTQ911",
        "MTQ912",
        "MTQ913",
        "MTQ921",
    }


@pytest.mark.parametrize("rule", SOURCE_RULES, ids=lambda r: r.code)
def test_flagged_examples_are_flagged(rule):
    for ex in rule.flagged:
        assert ex.source, ex.text
        found = run_source_rule(rule.code, ex.text, ex.source, ex.lang)
        assert any(f.code == rule.code for f in found), ex.text


@pytest.mark.parametrize("rule", SOURCE_RULES, ids=lambda r: r.code)
def test_passing_examples_pass(rule):
    for ex in rule.passing:
        assert run_source_rule(rule.code, ex.text, ex.source, ex.lang) == [], ex.text
