"""MTQ902 number-format-locale: English (or German) number formats in French translations."""

from __future__ import annotations

import json

import pytest

from mtqa.engine import check
from mtqa.io import read_jsonl
from mtqa.model import Severity
from mtqa.rules import BY_CODE
from tests.conftest import run_rule

FLAGGED = [
    pytest.param(
        "Le concert a réuni 45,000 spectateurs samedi soir.", "45,000", Severity.WARNING, id="comma-thousands"
    ),
    pytest.param(
        "Le pays compte 2,345,000 chômeurs selon l'Insee.", "2,345,000", Severity.WARNING, id="comma-groups"
    ),
    pytest.param(
        "L'entreprise a levé 3.5 millions d'euros.", "3.5", Severity.WARNING, id="dot-decimal-millions"
    ),
    pytest.param("Le chômage a reculé à 7.4 % en mars.", "7.4", Severity.WARNING, id="dot-decimal-percent"),
    pytest.param("La subvention s'élève à 45.000 euros.", "45.000", Severity.INFO, id="dot-thousands-info"),
]


@pytest.mark.parametrize("text, span, severity", FLAGGED)
def test_flagged(text, span, severity):
    (f,) = run_rule("MTQ902", text, "fr")
    assert (f.code, f.text, f.severity) == ("MTQ902", span, severity)


CLEAN = [
    pytest.param(
        "Le concert a réuni 45\u202f000 spectateurs, 3,5 % de plus qu'en 2019.", id="french-formats"
    ),
    pytest.param("Le concert a réuni 45 000 spectateurs et 1\u00a0200 bénévoles.", id="french-spaces"),
    pytest.param("Le boîtier mesure 5,125 pouces et pèse 0,750 kg.", id="three-decimals-of-a-measure"),
    pytest.param("Rendez-vous à 18.30 au stade ; le score final est de 4-2.", id="time-and-score"),
    pytest.param("La mise à jour iOS 15.2 corrige la faille du serveur 192.168.1.10.", id="version-and-ip"),
    pytest.param("Appelez le 01.45.67.89.10 avant le 12.03.2022.", id="phone-and-date"),
    pytest.param("Le taux est passé de 1,25 à 1,5 % en 2021.", id="french-decimals"),
]


@pytest.mark.parametrize("text", CLEAN)
def test_clean(text):
    assert run_rule("MTQ902", text, "fr") == []


def test_not_for_english_targets():
    assert run_rule("MTQ902", "The concert drew 45,000 spectators and raised 3.5 million euros.", "en") == []


def _row_findings(tmp_path, mt: str, src: str, src_lang: str):
    path = tmp_path / "rows.jsonl"
    row = {
        "id": "r1",
        "doc_id": "d",
        "seg_idx": 0,
        "mt": mt,
        "src": src,
        "src_lang": src_lang,
        "tgt_lang": "fr",
    }
    path.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    return list(check(list(read_jsonl(path)), (BY_CODE["MTQ902"],)).findings)


def test_source_with_the_intended_value_is_named(tmp_path):
    (f,) = _row_findings(
        tmp_path, "Le stade a accueilli 45,000 spectateurs.", "The stadium hosted 45,000 fans.", "en"
    )
    assert f.text == "45,000" and "the source says 45,000" in f.message


def test_source_with_the_french_reading_passes(tmp_path):
    # A German source writes 2,5 for two and a half: the French 2,500 is the same decimal.
    found = _row_findings(
        tmp_path,
        "La pièce pèse 2,500 grammes de plus, soit 2,500 lingots.",
        "Das Stück wiegt 2,500 Gramm mehr, also 2,500 Barren.",
        "de",
    )
    assert found == []
