"""Acceptance on the seed with its English source (references/000_d71c614b73ba7402.en.txt).

With the source, mtqa additionally reports Ignatnouk vs Ignatyuk and "son combattant" (singular for
"its fighters"), and no number of the seed (24, 200, 400, 2015, 2016, 2017, 2018, 2020, cinq ans)
raises a number alarm. Every source-aware finding must be one of the seed's real defects; the
corrected human translation in references/ must come out clean against the same source.
"""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from mtqa.cli import main
from mtqa.config import Config
from mtqa.engine import check
from mtqa.io import read_article
from mtqa.rules import ALL_RULES
from tests.conftest import ROOT, SEED

SOURCE = ROOT / "references" / "000_d71c614b73ba7402.en.txt"
CORRECTED = ROOT / "references" / "000_d71c614b73ba7402.txt"
SOURCE_CODES = {r.code for r in ALL_RULES if "source" in r.requires}
SEED_LINES = SEED.read_text(encoding="utf-8").split("\n")

# (code, line, exact span) of every source-aware finding the seed deserves.
EXPECTED = {
    ("MTQ511", 9, "«"),  # the quotation opened on line 9 is never closed; the source closes it
    ("MTQ111", 9, "Ignatnouk"),
    ("MTQ212", 11, "son combattant"),
    ("MTQ511", 23, "« rebelles modérés »"),  # pushed out of its sentence
    ("MTQ211", 25, "je"),  # "but never did" -> "mais je ne l'ai jamais fait"
}


def with_source(path):
    return replace(read_article(path), source=read_article(SOURCE, "en"), src_lang="en")


@pytest.fixture(scope="module")
def findings():
    return check([with_source(SEED)], config=Config()).findings


def test_source_aware_findings_are_exactly_the_seed_defects(findings):
    got = {(f.code, f.line, f.text) for f in findings if f.code in SOURCE_CODES}
    assert got == EXPECTED


def test_ignatnouk_is_reported_against_the_source_spelling(findings):
    (f,) = [f for f in findings if f.code == "MTQ111"]
    assert f.suggestion == "Ignatyuk"
    assert SEED_LINES[f.line - 1][f.column - 1 : f.column - 1 + len(f.text)] == "Ignatnouk"
    assert "Ignatyuk" in f.extra["source"]


def test_son_combattant_is_reported_with_its_source_sentence(findings):
    (f,) = [f for f in findings if f.code == "MTQ212"]
    assert "its fighters had entered several neighborhoods of Aleppo" in f.extra["source"]


def test_no_number_alarm_on_the_seed(findings):
    assert [f for f in findings if f.code == "MTQ901"] == []
    for number in ("24", "200", "400", "2015", "2016", "2017", "2018", "2020", "cinq ans"):
        assert any(number in line for line in SEED_LINES)  # the numbers are there to be compared


def test_the_source_is_accepted_as_the_seed_source(findings):
    assert not [f for f in findings if f.code == "MTQ921"]


def test_corrected_translation_is_clean_against_the_source():
    found = check([with_source(CORRECTED)], config=Config()).findings
    assert [(f.code, f.text) for f in found] == []


def test_cli_reports_the_alignment_and_the_source_sentences(capsys):
    code = main(
        [
            "check",
            str(SEED),
            "--source",
            str(SOURCE),
            "--src-lang",
            "en",
            "--format",
            "json",
            "--fail-on",
            "never",
        ]
    )
    assert code == 0
    report = json.loads(capsys.readouterr().out)
    (doc,) = report["documents"]
    al = doc["alignment"]
    assert al["status"] == "ok" and al["source_path"] == str(SOURCE)
    src_of = {t: b["src"] for b in al["beads"] for t in b["tgt"]}
    targets = al["target_sentences"]
    ignat = next(k for k, s in enumerate(targets) if "Ignatnouk" in s["text"])
    assert any("Ignatyuk" in al["source_sentences"][i]["text"] for i in src_of[ignat])
    debris = next(k for k, s in enumerate(targets) if s["text"] == "Related Post")
    assert src_of[debris] == []  # scraped debris translates nothing
    (name,) = [f for f in report["findings"] if f["code"] == "MTQ111"]
    assert "Ignatyuk" in name["source"] and name["source_sentences"]


def test_json_report_with_source_validates_against_the_schema(capsys):
    import jsonschema

    schema = json.loads((ROOT / "docs" / "json-report.schema.json").read_text(encoding="utf-8"))
    main(["check", str(SEED), "--source", str(SOURCE), "--format", "json", "--fail-on", "never"])
    jsonschema.validate(json.loads(capsys.readouterr().out), schema)


def test_text_report_shows_the_source_under_each_source_finding(capsys):
    main(["check", str(SEED), "--source", str(SOURCE), "--fail-on", "never", "--select", "MTQ212"])
    out = capsys.readouterr().out
    assert "son combattant" in out
    assert "source: Earlier in the day, HTS told Al Jazeera" in out


@pytest.mark.parametrize(
    "target, source, src_lang",
    [
        ("clean_news_fr.txt", "clean_news_en.txt", "en"),
        ("clean_news_en.txt", "clean_news_fr.txt", "fr"),
    ],
)
def test_human_news_translations_raise_no_sentence_level_alarm(target, source, src_lang):
    """A human-translated news pair (tests/data): names, numbers, pronouns, quotes and copies all agree
    with the source. (The pair is not strictly parallel: each side has a sentence the other lacks, so
    the omission and addition rules are left out here.)"""
    data = ROOT / "tests" / "data"
    src = read_article(data / source, src_lang)
    doc = replace(read_article(data / target), source=src, src_lang=src_lang)
    codes = ("MTQ111", "MTQ211", "MTQ212", "MTQ511", "MTQ611", "MTQ901", "MTQ913", "MTQ921")
    rules = tuple(r for r in ALL_RULES if r.code in codes)
    assert check([doc], rules, Config()).findings == ()
