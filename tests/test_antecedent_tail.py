"""The model built for the pronouns alone (whole=False) skips sentences after the last pronoun
that hold no word a mention before looks up: it must resolve every pronoun as the whole model
does, and give MTQ223 the same stated genders once asked."""

from __future__ import annotations

import pytest

from mtqa.text.antecedent_tail import may_give
from mtqa.text.antecedents import Antecedents
from mtqa.text.sentences import split_sentences

DOCUMENTS = [
    # a plural noun whose gender only a later sentence gives, then an unrelated tail
    ["Les ponts ouvrent en mai. Elles seront gratuites.", "Le pont a coûté cher. Le maire est content."],
    # an elided noun gendered after the pronoun, a surname titled after it
    ["L'accord a été signé. Il entre en vigueur.", "M. Dupont a salué l'accord. La ville se réjouit."],
    ["Schulze a parlé. Elle a salué le projet.", "Mme Schulze est arrivée hier. Les travaux continuent."],
    ["Les travaux ont repris. Ils dureront un an.", "Le travail est pénible. Mme Merkel a visité le site."],
    ["Angela Merkel a quitté la chancellerie en 2021. Il a été remplacé.", "M. Scholz gouverne. Rien."],
    ["Hamilton a gagné. Il était content.", "Hamilton est arrivé premier. Mme Hamilton applaudit."],
    ["La ville a voté le budget. Il faut trouver les fonds.", "Le maire Jean Martin, directeur, a signé."],
    ["Aucun pronom ici.", "Mme Weber, présidente, a parlé. Le conseil suit."],
]


def _model(texts: list[str], whole: bool) -> Antecedents:
    spans = [split_sentences(t) for t in texts]
    return Antecedents(texts, spans, {"Weber": "f"}, whole=whole)


@pytest.mark.parametrize("texts", DOCUMENTS)
def test_pronoun_model_resolves_as_the_whole_one(texts: list[str]) -> None:
    whole, lazy = _model(texts, True), _model(texts, False)
    assert lazy.pronouns == whole.pronouns
    assert [lazy.resolve(p) for p in lazy.pronouns] == [whole.resolve(p) for p in whole.pronouns]
    assert lazy.document_stated_people() == whole.document_stated_people()


def test_some_document_skips_a_sentence() -> None:
    # the shortcut is taken (else the tests above compare a model with itself)
    assert not _model(DOCUMENTS[0], False).whole
    assert _model(DOCUMENTS[0], True).whole


@pytest.mark.parametrize(
    ("text", "key", "gives"),
    [
        ("Le travail est pénible.", "travail", True),
        ("Les travaux sont pénibles.", "traval", True),
        ("Les ponts sont neufs.", "pont", True),
        ("La ville est neuve.", "pont", False),
    ],
)
def test_may_give_finds_every_form_of_a_noun(text: str, key: str, gives: bool) -> None:
    assert may_give(text, set(), {key}) is gives
