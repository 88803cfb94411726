"""Both repetition rules (MTQ301 repeated-word, MTQ302 repeated-phrase) on clean news text."""

from __future__ import annotations

import pytest

from mtqa.model import Severity
from tests.conftest import run_rule

CLEAN_FR = """Le président russe Vladimir Poutine a reçu mardi le président turc Recep Tayyip Erdogan \
à Sotchi. \
Le président russe a salué « un dialogue franc ».

Nous nous sommes battus pour cet accord, vous vous en souvenez, a rappelé M. Erdogan. En en parlant \
aux journalistes, il a évoqué les 400 kilomètres carrés repris par l’armée syrienne et les 200 kilomètres \
carrés encore disputés.

Les prix ont augmenté encore et encore et encore au premier trimestre. « C’est très très grave », \
a estimé un économiste. Oui, oui, la hausse est réelle.

L’armée syrienne a repris Alep en 2016. L’armée syrienne contrôle aujourd’hui la ville, mais l’armée \
turque reste présente au nord.
"""

CLEAN_EN = """Russian President Vladimir Putin met Turkish President Recep Tayyip Erdogan in Sochi \
on Tuesday. \
The Russian president praised "a frank dialogue".

He had had enough, he said, and that that was the end of it. Sirhan Sirhan was mentioned again and again \
and again.

The illicit trade generated 49 billion Indian rupees (US$753 million) in sales, while the tax shortfall \
amounted to 25 billion Indian rupees (US$390 million).
"""


@pytest.mark.parametrize(
    "text, lang", [pytest.param(CLEAN_FR, "fr", id="fr"), pytest.param(CLEAN_EN, "en", id="en")]
)
def test_clean_news_text_has_no_repetition_warning(text, lang):
    found = run_rule("MTQ301", text, lang) + run_rule("MTQ302", text, lang)
    assert [(f.code, f.text) for f in found if f.severity >= Severity.WARNING] == []
