"""Issue 12, point 3: one defect, one finding.

A source-aware rule declares the target-only rules it supersedes (`Rule.supersedes`); where both
report overlapping spans of one segment, the engine keeps the source-aware finding, lists the other
code in its extra["also"], and keeps the worse severity of the two.
"""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from mtqa.cli import main
from mtqa.config import Config
from mtqa.engine import check
from mtqa.io import article_from_text, read_article
from mtqa.model import Category, Severity
from mtqa.rules import ALL_RULES, BY_CODE, select_rules
from mtqa.rules.base import Example, Hit, Rule
from tests.conftest import ROOT, SEED

SOURCE = ROOT / "references" / "000_d71c614b73ba7402.en.txt"


def with_source(path=SEED):
    return replace(read_article(path), source=read_article(SOURCE, "en"), src_lang="en")


@pytest.fixture(scope="module")
def seed_with_source():
    return check([with_source()], config=Config()).findings


# --- the declarations -------------------------------------------------------------------------------


def test_the_issue_pairs_are_declared():
    assert BY_CODE["MTQ511"].supersedes == ("MTQ501", "MTQ503")
    assert BY_CODE["MTQ211"].supersedes == ("MTQ201",)


def test_a_rule_supersedes_only_existing_target_only_rules():
    for rule in ALL_RULES:
        for code in rule.supersedes:
            assert code in BY_CODE, (rule.code, code)
            assert "source" in rule.requires and "source" not in BY_CODE[code].requires, (rule.code, code)


def test_explain_names_what_a_rule_supersedes(capsys):
    assert main(["explain", "MTQ511"]) == 0
    assert "Supersedes: MTQ501, MTQ503" in capsys.readouterr().out


# --- the seed with its source -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "line, code, text, also, severity",
    [
        pytest.param(9, "MTQ511", "«", ["MTQ501"], Severity.ERROR, id="unclosed-quote"),
        pytest.param(23, "MTQ511", "« rebelles modérés »", ["MTQ503"], Severity.WARNING, id="stranded-quote"),
        pytest.param(25, "MTQ211", "je", ["MTQ201"], Severity.WARNING, id="first-person"),
    ],
)
def test_each_seed_defect_is_one_finding_with_the_source(seed_with_source, line, code, text, also, severity):
    here = [
        f
        for f in seed_with_source
        if f.line == line and f.category in (Category.PUNCTUATION, Category.PRONOUN)
    ]
    assert [(f.code, f.text, f.extra.get("also"), f.severity) for f in here] == [(code, text, also, severity)]


def test_no_superseded_code_is_left_beside_its_source_aware_finding(seed_with_source):
    assert not [f for f in seed_with_source if f.code in ("MTQ501", "MTQ503", "MTQ201")]


def test_without_the_source_the_target_only_findings_stay():
    found = check([read_article(SEED)], config=Config()).findings
    assert {(f.code, f.line) for f in found if f.code in ("MTQ501", "MTQ503", "MTQ201")} == {
        ("MTQ501", 9),
        ("MTQ503", 23),
        ("MTQ201", 25),
    }
    assert not [f for f in found if "also" in f.extra]


def test_ignoring_the_source_aware_rule_brings_the_target_only_one_back():
    rules = select_rules(ignore=("MTQ511",))
    found = check([with_source()], rules, Config()).findings
    assert [(f.code, f.line, f.severity) for f in found if f.code in ("MTQ501", "MTQ511")] == [
        ("MTQ501", 9, Severity.ERROR)
    ]


def test_the_json_report_lists_the_folded_code(capsys):
    main(["check", str(SEED), "--source", str(SOURCE), "--format", "json", "--fail-on", "never"])
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert [f["also"] for f in findings if f["code"] == "MTQ511" and f["line"] == 9] == [["MTQ501"]]
    assert not [f for f in findings if f["code"] == "MTQ501"]


def test_the_gate_is_not_lowered_by_giving_the_source(capsys):
    """The unclosed quotation is an error target-only; with the source it is still an error."""
    args = ["check", str(SEED), "--select", "MTQ501,MTQ511", "--fail-on", "error", "--format", "json"]
    assert main(args) == 1
    assert main([*args, "--source", str(SOURCE)]) == 1
    capsys.readouterr()


# --- the engine step on its own ---------------------------------------------------------------------


def _rule(code: str, hits, severity=Severity.WARNING, supersedes=()) -> Rule:
    return Rule(
        code=code,
        name=f"test-{code[-3:]}",
        category=Category.OTHER,
        severity=severity,
        summary="",
        why="",
        flagged=(Example("x"),),
        passing=(Example("y"),),
        check=lambda view, ctx: iter(hits),
        scope="document",
        supersedes=supersedes,
    )


TEXT = "Un deux trois quatre.\n\nCinq six sept huit."


def _run(keeper_hits, other_hits, other_severity=Severity.WARNING):
    rules = (
        _rule("MTQ998", keeper_hits, supersedes=("MTQ999",)),
        _rule("MTQ999", other_hits, severity=other_severity),
    )
    doc = article_from_text(TEXT, "<test>", "fr")
    return [
        (f.code, f.text, f.severity, f.extra.get("also"))
        for f in check([doc], rules, Config(lang="fr")).findings
    ]


def test_overlapping_spans_are_folded_into_the_superseding_finding():
    found = _run([Hit(3, 13, "k")], [Hit(8, 20, "o")], other_severity=Severity.ERROR)
    assert found == [("MTQ998", "deux trois", Severity.ERROR, ["MTQ999"])]


@pytest.mark.parametrize(
    "keeper, other",
    [
        pytest.param(Hit(0, 2, "k"), Hit(3, 7, "o"), id="apart-in-one-segment"),
        pytest.param(Hit(0, 2, "k"), Hit(0, 4, "o", segment=1), id="same-offsets-other-segment"),
    ],
)
def test_findings_that_do_not_overlap_both_stay(keeper, other):
    assert [code for code, *_ in _run([keeper], [other])] == ["MTQ998", "MTQ999"]


def test_a_rule_supersedes_nothing_it_does_not_name():
    rules = (_rule("MTQ998", [Hit(0, 2, "k")], supersedes=("MTQ997",)), _rule("MTQ999", [Hit(0, 2, "o")]))
    doc = article_from_text(TEXT, "<test>", "fr")
    assert [f.code for f in check([doc], rules, Config(lang="fr")).findings] == ["MTQ998", "MTQ999"]
