"""MTQ223 person-role-gender: a role noun or participle about a named person against the gender the
document states for them by a title or a first name."""

from __future__ import annotations

import pytest

from mtqa.model import Severity
from tests.conftest import run_rule

FLAGGED = [
    pytest.param(
        "M. Dupont, la nouvelle directrice de l'école, a reçu les parents lundi.",
        "directrice",
        Severity.WARNING,
        id="titled-man-feminine-apposition",
    ),
    pytest.param(
        "La chancelière Pierre Martin a ouvert la séance au Bundestag.",
        "chancelière",
        Severity.WARNING,
        id="feminine-role-before-a-man-s-name",
    ),
    pytest.param(
        "Pierre Martin travaille depuis 2010 en tant que directrice d'école à Lyon.",
        "directrice",
        Severity.WARNING,
        id="en-tant-que",
    ),
    pytest.param(
        "Angela Merkel a été élu chancelière en 2005 pour la première fois.",
        "élu",
        Severity.WARNING,
        id="participle-about-a-woman",
    ),
    pytest.param(
        "Michael Strahan a exprimé son enthousiasme. Selon la présentatrice Strahan, le vol était court.",
        "présentatrice",
        Severity.WARNING,
        id="surname-alone-keeps-the-first-name-gender",
    ),
    pytest.param(
        "Dans le cadre de la série, l'auteur Judith Hermann lit vendredi des extraits de son roman.",
        "auteur",
        Severity.INFO,
        id="masculine-role-for-a-woman-is-house-style-info",
    ),
    pytest.param(
        "Mme Martin est très vite arrivé hier à Paris.",
        "arrivé",
        Severity.WARNING,
        id="adverbs-between-copula-and-participle",  # the adverbs of data/fr/copula_adverbs.txt
    ),
]


@pytest.mark.parametrize("text, span, severity", FLAGGED)
def test_role_against_the_person_gender_is_flagged(text, span, severity):
    found = run_rule("MTQ223", text, "fr")
    assert [(f.code, f.text, f.severity) for f in found] == [("MTQ223", span, severity)]


CLEAN = [
    pytest.param("Mme Dupont, la nouvelle directrice de l'école, a reçu les parents.", id="agrees"),
    pytest.param("La chancelière Angela Merkel a ouvert la séance.", id="role-before-name-agrees"),
    pytest.param("Angela Merkel a été élue chancelière en 2005.", id="participle-agrees"),
    pytest.param("Pierre Martin, la directrice et le maire ont signé la convention.", id="a-list-of-people"),
    pytest.param("Anne Roy est ministre depuis mars et juge les critiques injustes.", id="epicene-role"),
    pytest.param(
        "La championne olympique Mariama Jamanka a gagné. Jamanka, la pilote de Berlin, a ri.",
        id="gender-read-from-the-role-noun-is-not-held-against-it",
    ),
    pytest.param(
        "Pierre Martin a rencontré Anne Roy, qui travaille en tant que directrice.",
        id="en-tant-que-about-another-name",
    ),
    pytest.param(
        "Le maire de Lahnstein, Peter Labonte, a remercié la directrice Anne Roy.",
        id="two-people-each-with-their-role",
    ),
    pytest.param("Le Noir Mat PRO est certifié pour tous les usages.", id="product-name-is-no-person"),
]


@pytest.mark.parametrize("text", CLEAN)
def test_role_agreeing_or_unknown_person_passes(text):
    assert run_rule("MTQ223", text, "fr") == []
