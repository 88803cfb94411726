"""mtqa.selectors: ALL, codes, prefixes and names, matched the same way for every caller; the most
specific selector of a severity table wins; unknown selectors are named together."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from mtqa import selectors
from mtqa.model import Severity
from mtqa.rules import ALL_RULES, select_rules


@dataclass(frozen=True)
class FakeRule:
    code: str
    name: str


DRIFT = FakeRule("MTQ101", "name-spelling-drift")
SHIFT = FakeRule("MTQ102", "person-shift")
REPEAT = FakeRule("MTQ301", "repeated-word")
UNUSED = FakeRule("MTQ001", "unused-suppression")
CATALOGUE = (UNUSED, DRIFT, SHIFT, REPEAT)


@pytest.mark.parametrize(
    "selector, rule, expected",
    [
        pytest.param("ALL", DRIFT, True, id="ALL"),
        pytest.param("all", REPEAT, True, id="ALL any case"),
        pytest.param("All", UNUSED, True, id="ALL mixed case"),
        pytest.param("MTQ101", DRIFT, True, id="code"),
        pytest.param("mtq101", DRIFT, True, id="code any case"),
        pytest.param("MTQ101", SHIFT, False, id="other code"),
        pytest.param("MTQ1", DRIFT, True, id="family prefix"),
        pytest.param("MTQ1", SHIFT, True, id="family prefix, sibling"),
        pytest.param("MTQ1", REPEAT, False, id="family prefix, other family"),
        pytest.param("MTQ10", DRIFT, True, id="two-digit prefix"),
        pytest.param("mtq10", SHIFT, True, id="two-digit prefix any case"),
        pytest.param("MTQ30", DRIFT, False, id="two-digit prefix, other family"),
        pytest.param("MTQ", REPEAT, True, id="bare MTQ is every code"),
        pytest.param("MTQ1011", DRIFT, False, id="longer than a code"),
        pytest.param("name-spelling-drift", DRIFT, True, id="name"),
        pytest.param("name-spelling-drift", SHIFT, False, id="other name"),
        pytest.param("Name-Spelling-Drift", DRIFT, False, id="names are exact"),
        pytest.param("name-spelling", DRIFT, False, id="no name prefixes"),
        pytest.param("M", DRIFT, False, id="a letter is no prefix"),
        pytest.param("MT", DRIFT, False, id="two letters are no prefix"),
        pytest.param("101", DRIFT, False, id="digits alone"),
        pytest.param("*", DRIFT, False, id="star is not a selector"),
    ],
)
def test_matches(selector, rule, expected):
    assert selectors.matches(selector, rule.code, rule.name) is expected


@pytest.mark.parametrize(
    "selector, level",
    [("ALL", 0), ("all", 0), ("MTQ", 1), ("MTQ1", 2), ("mtq10", 3), ("MTQ101", 4), ("person-shift", 4)],
)
def test_specificity(selector, level):
    assert selectors.specificity(selector) == level


@pytest.mark.parametrize(
    "table, rule, expected",
    [
        pytest.param({}, DRIFT, None, id="empty table"),
        pytest.param({"MTQ3": "x"}, DRIFT, None, id="no match"),
        pytest.param({"ALL": "all"}, DRIFT, "all", id="ALL alone"),
        pytest.param({"MTQ101": "code", "ALL": "all"}, DRIFT, "code", id="code beats ALL after it"),
        pytest.param({"ALL": "all", "MTQ101": "code"}, DRIFT, "code", id="code beats ALL before it"),
        pytest.param({"MTQ10": "p2", "MTQ1": "p1"}, DRIFT, "p2", id="longer prefix first"),
        pytest.param({"MTQ1": "p1", "MTQ10": "p2"}, DRIFT, "p2", id="longer prefix last"),
        pytest.param({"MTQ1": "p1", "ALL": "all"}, REPEAT, "all", id="ALL where no prefix matches"),
        pytest.param({"name-spelling-drift": "name", "MTQ10": "p"}, DRIFT, "name", id="name beats prefix"),
        pytest.param({"MTQ101": "code", "name-spelling-drift": "name"}, DRIFT, "name", id="tie: later wins"),
        pytest.param(
            {"name-spelling-drift": "name", "MTQ101": "code"}, DRIFT, "code", id="tie: later wins 2"
        ),
        pytest.param({"mtq1": "lower", "MTQ": "bare"}, SHIFT, "lower", id="case of prefixes"),
    ],
)
def test_most_specific(table, rule, expected):
    assert selectors.most_specific(table, rule.code, rule.name) == expected
    assert selectors.severity_override(table, rule) == expected


def test_severity_override_with_real_severities():
    table = {"ALL": Severity.INFO, "MTQ3": Severity.ERROR}
    assert selectors.severity_override(table, REPEAT) is Severity.ERROR
    assert selectors.severity_override(table, DRIFT) is Severity.INFO


@pytest.mark.parametrize(
    "given, missing",
    [
        pytest.param(["ALL", "MTQ1", "mtq30", "person-shift"], [], id="all known"),
        pytest.param(["MTQ2"], ["MTQ2"], id="empty family"),
        pytest.param(["MTQ999", "MTQ1", "nope", "M"], ["MTQ999", "nope", "M"], id="order kept"),
        pytest.param(["Person-Shift"], ["Person-Shift"], id="name case"),
    ],
)
def test_unknown_and_validate(given, missing):
    assert selectors.unknown(given, CATALOGUE) == missing
    if missing:
        with pytest.raises(selectors.UnknownSelectorError) as info:
            selectors.validate(given, CATALOGUE)
        assert info.value.unknown == missing
        assert isinstance(info.value, ValueError)
        assert all(repr(m) in str(info.value) for m in missing) and "\n" not in str(info.value)
    else:
        selectors.validate(given, CATALOGUE)


def test_unknown_selector_message_singular_and_plural():
    assert str(selectors.UnknownSelectorError(["X"])) == "unknown rule code or name 'X'"
    assert str(selectors.UnknownSelectorError(["X", "Y"])) == "unknown rule codes or names 'X', 'Y'"


def _codes(rules) -> list[str]:
    return [r.code for r in rules]


@pytest.mark.parametrize(
    "kwargs, expected",
    [
        pytest.param({}, ["MTQ101", "MTQ301"], id="default set"),
        pytest.param({"select": ["ALL"]}, ["MTQ001", "MTQ101", "MTQ102", "MTQ301"], id="select ALL"),
        pytest.param({"select": ["MTQ1"]}, ["MTQ101", "MTQ102"], id="select family"),
        pytest.param({"select": ["person-shift", "MTQ301"]}, ["MTQ102", "MTQ301"], id="catalogue order"),
        pytest.param({"select": []}, [], id="select nothing"),
        pytest.param({"ignore": ["ALL"]}, [], id="ignore ALL"),
        pytest.param({"ignore": ["mtq3"]}, ["MTQ101"], id="ignore family"),
        pytest.param({"extend_select": ["MTQ0"]}, ["MTQ001", "MTQ101", "MTQ301"], id="extend"),
        pytest.param(
            {"select": ["ALL"], "ignore": ["name-spelling-drift"]},
            ["MTQ001", "MTQ102", "MTQ301"],
            id="all but",
        ),
        pytest.param(
            {"extend_select": ["MTQ1"], "ignore": ["MTQ10"]}, ["MTQ301"], id="ignore wins over extend"
        ),
    ],
)
def test_selected(kwargs, expected):
    default = (DRIFT, REPEAT)
    assert _codes(selectors.selected(CATALOGUE, default=default, **kwargs)) == expected


def test_selected_without_default_means_every_rule_and_rejects_unknown():
    assert _codes(selectors.selected(CATALOGUE)) == _codes(CATALOGUE)
    with pytest.raises(selectors.UnknownSelectorError, match="'MTQ9', 'x'"):
        selectors.selected(CATALOGUE, select=["MTQ1"], ignore=["MTQ9"], extend_select=["x"])


def test_the_catalogue_through_select_rules():
    """Every real rule is selected by its code, its name, its family and ALL, and by nothing else's."""
    assert select_rules(["ALL"]) == ALL_RULES
    for rule in ALL_RULES:
        assert select_rules([rule.code]) == (rule,)
        assert select_rules([rule.code.lower()]) == (rule,)
        assert select_rules([rule.name]) == (rule,)
        assert rule in select_rules([rule.code[:4]])
        assert rule not in select_rules(["ALL"], ignore=[rule.name])
    with pytest.raises(ValueError, match="unknown rule code or name 'nonsense'"):
        select_rules(["nonsense"])
