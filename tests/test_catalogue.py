"""Every rule is declared completely, and its documented examples give exactly their documented spans."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from mtqa.config import Config
from mtqa.data import DataFileError, table, table_columns, word_list
from mtqa.engine import check
from mtqa.io import article_from_text
from mtqa.model import Category, Severity
from mtqa.rules import ALL_RULES, Input, RuleDeclarationError, validate
from mtqa.rules.base import DataFile, Example, Parameter
from mtqa.rules.pages import module_path, pages, rule_page
from mtqa.rules.pages import tests_path as where_tests_are
from tests.conftest import ROOT

STARTER_GLOSSARY = str(ROOT / "references" / "glossary.fr.tsv")  # named in the glossary rules' summaries
# The engine loads no COMET model: MTQ952's findings are built by mtqa.scoring from a model's output.
NEEDS_A_MODEL = frozenset(r.code for r in ALL_RULES if Input.COMET_MODEL in r.inputs)
RUNNABLE = [r for r in ALL_RULES if r.code not in NEEDS_A_MODEL]


def test_codes_and_names_are_unique():
    assert len({r.code for r in ALL_RULES}) == len(ALL_RULES)
    assert len({r.name for r in ALL_RULES}) == len(ALL_RULES)


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.code)
def test_rule_is_declared_completely(rule):
    assert re.fullmatch(r"MTQ\d{3}", rule.code) and re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.name)
    assert isinstance(rule.category, Category) and isinstance(rule.severity, Severity)
    assert rule.summary and rule.why
    assert rule.flagged and rule.passing
    assert all(isinstance(i, Input) for i in rule.inputs) and Input.TARGET in rule.inputs
    assert all(p.doc and re.fullmatch(r"[a-z][a-z0-9_]*", p.name) for p in rule.parameters)
    assert rule.code in rule_page(rule)
    assert (ROOT / module_path(rule)).is_file() and (ROOT / where_tests_are(rule)).is_file(), where_tests_are(
        rule
    )
    assert all(ex.spans for ex in rule.flagged)


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.code)
def test_data_files_exist_and_parse_with_their_columns(rule):
    for f in rule.data_files:
        langs = (
            [d.name for d in (ROOT / "mtqa" / "data").iterdir() if (d / f.filename).is_file()]
            if f.lang == "*"
            else [f.lang]
        )
        assert langs, f
        for lang in langs:
            assert (ROOT / "mtqa" / "data" / lang / f.filename).is_file(), (lang, f)
            if f.columns is None:
                assert word_list(lang, f.name), (lang, f)
            else:
                assert table_columns(f.name) == f.columns
                assert all(len(row) == f.columns for row in table(lang, f.name)), (lang, f)


def _findings(rule, ex: Example):
    doc = article_from_text(ex.text, "<example>", ex.lang)
    options: dict = {}
    if Input.GLOSSARY in rule.inputs:
        options["glossary"] = (STARTER_GLOSSARY,)
    if ex.source is not None:
        src_lang = "en" if ex.lang == "fr" else "fr"
        doc = replace(doc, source=article_from_text(ex.source, "<source>", src_lang), src_lang=src_lang)
    if ex.reference is not None:
        doc = replace(doc, segments=tuple(replace(s, ref=(ex.reference,)) for s in doc.segments))
        options["segment_floors"] = {"chrf": 50.0}  # as the rule's `why` says the examples are scored
    report = check([doc], (rule,), Config(lang=ex.lang, options=options))
    return [f for f in report.findings if f.code == rule.code]


@pytest.mark.parametrize("rule", RUNNABLE, ids=lambda r: r.code)
def test_flagged_examples_give_exactly_their_spans(rule):
    for ex in rule.flagged:
        found = _findings(rule, ex)
        assert [ex.text[f.start : f.end] for f in found] == list(ex.spans), ex.text
        assert [f.text for f in found] == list(ex.spans)


@pytest.mark.parametrize("rule", RUNNABLE, ids=lambda r: r.code)
def test_passing_examples_pass(rule):
    for ex in rule.passing:
        assert _findings(rule, ex) == [], ex.text


def test_committed_rule_pages_are_the_generated_ones():
    docs = ROOT / "docs" / "rules"
    stale = [
        name
        for name, text in pages(ALL_RULES).items()
        if not (docs / name).is_file() or (docs / name).read_text(encoding="utf-8") != text
    ]
    assert not stale, f"regenerate with `python -m mtqa.rules.pages docs/rules`: {stale}"
    extra = {p.name for p in docs.glob("*.md")} - set(pages(ALL_RULES))
    assert not extra, f"pages of no rule: {extra}"


# --- validation at start-up raises on an incomplete declaration ---------------------------------------


def _bad(**changes):
    return replace(ALL_RULES[0], **changes)


@pytest.mark.parametrize(
    "rule, words",
    [
        pytest.param(_bad(code="MTQ1"), "MTQ", id="code"),
        pytest.param(_bad(name="Bad Name"), "kebab", id="name"),
        pytest.param(_bad(inputs=frozenset({"target", "source"})), "Input", id="stringly-input"),
        pytest.param(_bad(inputs=frozenset({Input.SOURCE})), "TARGET", id="no-target"),
        pytest.param(_bad(summary=""), "summary", id="summary"),
        pytest.param(_bad(passing=()), "passing", id="no-passing"),
        pytest.param(_bad(parameters=(Parameter("min_x", 1, ""),)), "doc", id="undocumented-parameter"),
        pytest.param(_bad(data_files=(DataFile("fr", "no_such_list"),)), "not in mtqa/data", id="data-file"),
        pytest.param(_bad(data_files=(DataFile("fr", "contractions", 2),)), "columns", id="columns"),
        pytest.param(
            _bad(flagged=(Example("Lire aussi :", spans=("Related",)),)), "not in the example", id="span"
        ),
        pytest.param(_bad(flagged=(Example("Lire aussi :"),)), "no expected span", id="no-span"),
        pytest.param(
            _bad(passing=(Example("Le texte.", spans=("texte",)),)), "names spans", id="passing-span"
        ),
    ],
)
def test_validation_raises_on_a_bad_declaration(rule, words):
    with pytest.raises(RuleDeclarationError, match=words):
        validate((rule,))


def test_validation_raises_on_duplicates():
    with pytest.raises(RuleDeclarationError, match="duplicate rule code"):
        validate((ALL_RULES[0], replace(ALL_RULES[1], code=ALL_RULES[0].code)))
    with pytest.raises(RuleDeclarationError, match="duplicate rule name"):
        validate((ALL_RULES[0], replace(ALL_RULES[1], name=ALL_RULES[0].name)))


def test_a_table_row_with_the_wrong_number_of_columns_is_an_error(monkeypatch, tmp_path):
    import mtqa.data as data

    (tmp_path / "fr").mkdir()
    (tmp_path / "fr" / "units.tsv").write_text("km\tm\t1000\nmile\tm\n", encoding="utf-8")
    monkeypatch.setattr(data.resources, "files", lambda _package: Path(tmp_path))
    data.table.cache_clear()
    try:
        with pytest.raises(DataFileError, match=r"fr/units.tsv line 2: 2 columns, expected 3"):
            data.table("fr", "units")
    finally:
        data.table.cache_clear()


# --- parameters are real: the engine passes them, and they change the verdict ------------------------


def test_a_parameter_override_changes_the_verdict():
    rule = next(r for r in ALL_RULES if r.code == "MTQ913")
    ex = rule.flagged[0]
    assert _findings(rule, ex)
    doc = article_from_text(ex.text, "<example>", ex.lang)
    doc = replace(doc, source=article_from_text(ex.source, "<source>", "en"), src_lang="en")
    options = {"parameters": {"MTQ913": {"short_ratio": 0.1}}}
    assert check([doc], (rule,), Config(lang="fr", options=options)).findings == ()


def test_an_unknown_parameter_is_refused():
    with pytest.raises(ValueError, match="no parameter 'nope'"):
        ALL_RULES[0].parameter_values({"nope": 1})
