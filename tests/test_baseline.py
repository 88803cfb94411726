"""Baselines: findings keyed by content (path, code, span text, sentence hash), not by line."""

from __future__ import annotations

import json

import pytest

import mtqa.rules
from mtqa.cli import main
from mtqa.model import Severity
from tests.fakes import word_rule

TEXT = "Le budget est voté.\n\nLe ministre a parlé du budget.\n"


@pytest.fixture
def article(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    rules = (word_rule("budget", "MTQ990", Severity.ERROR),)
    monkeypatch.setattr(mtqa.rules, "select_rules", lambda *a, **k: rules)
    p = tmp_path / "a.txt"
    p.write_text(TEXT, encoding="utf-8")
    return p


def test_write_then_check_accepts_todays_findings(article, capsys):
    assert main(["check", "a.txt", "--lang", "fr"]) == 1
    assert main(["check", "a.txt", "--lang", "fr", "--write-baseline", "base.json"]) == 0
    data = json.loads((article.parent / "base.json").read_text(encoding="utf-8"))
    assert data["mtqa_baseline"] == 1 and len(data["findings"]) == 2
    assert {e["path"] for e in data["findings"]} == {"a.txt"} and "line" not in data["findings"][0]
    capsys.readouterr()
    assert main(["check", "a.txt", "--lang", "fr", "--baseline", "base.json"]) == 0
    out = capsys.readouterr().out
    assert "0 findings" in out and "2 findings accepted by the baseline" in out


def test_edits_elsewhere_keep_the_baseline_valid_but_new_findings_fail(article, capsys):
    main(["check", "a.txt", "--lang", "fr", "--write-baseline", "base.json"])
    article.write_text("Titre ajouté.\n\nUn paragraphe.\n\n" + TEXT, encoding="utf-8")  # lines move
    assert main(["check", "a.txt", "--lang", "fr", "--baseline", "base.json"]) == 0
    article.write_text(TEXT + "\nUn nouveau budget.\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["check", "a.txt", "--lang", "fr", "--baseline", "base.json", "--format", "github"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "::error file=a.txt,line=5,endLine=5,col=12,endColumn=18,title=MTQ990 test-error-word::"
        "found 'budget' (suggestion: BUDGET)"
    ]


def test_changing_the_sentence_makes_its_finding_new(article, capsys):
    main(["check", "a.txt", "--lang", "fr", "--write-baseline", "base.json"])
    article.write_text(TEXT.replace("est voté", "sera voté"), encoding="utf-8")
    assert main(["check", "a.txt", "--lang", "fr", "--baseline", "base.json"]) == 1


def test_a_repeat_in_the_same_sentence_is_not_covered_by_one_accepted_finding(article):
    article.write_text("Le budget.\n", encoding="utf-8")
    main(["check", "a.txt", "--lang", "fr", "--write-baseline", "base.json"])
    article.write_text("Le budget.\n\nLe budget.\n", encoding="utf-8")  # same key twice, accepted once
    assert main(["check", "a.txt", "--lang", "fr", "--baseline", "base.json"]) == 1


def test_check_from_another_directory_finds_the_same_keys(article, monkeypatch, tmp_path):
    main(["check", "a.txt", "--lang", "fr", "--write-baseline", "base.json"])
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    assert main(["check", "../a.txt", "--lang", "fr", "--baseline", "../base.json"]) == 0


@pytest.mark.parametrize(
    "content, message",
    [
        (None, "no such baseline file"),
        ("{not json", "baseline is not valid JSON"),
        ('{"findings": []}', "not an mtqa baseline"),
        ('{"mtqa_baseline": 1, "findings": [{"code": "X"}]}', "findings[0] lacks"),
    ],
)
def test_bad_baseline_is_a_usage_error(article, capsys, content, message):
    if content is not None:
        (article.parent / "base.json").write_text(content, encoding="utf-8")
    assert main(["check", "a.txt", "--lang", "fr", "--baseline", "base.json"]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
