"""The antecedent model reads a sentence only from the tokens a mention can start at; a sentence
with none holds no mention (the early return in Antecedents._read)."""

from __future__ import annotations

from mtqa.text.antecedents import Antecedents


def _mentions(text: str) -> list[str]:
    model = Antecedents([text], [[(0, len(text))]])
    return [m.text for ms in model.mentions for m in ms]


def test_sentence_without_starter_holds_no_mention() -> None:
    assert _mentions("rien à signaler, tout va bien depuis 2019.") == []


def test_one_lower_case_determiner_is_enough_to_read_a_mention() -> None:
    assert _mentions("rien à signaler pour le pont depuis 2019.") == ["le pont"]


def test_one_subject_pronoun_is_read() -> None:
    assert _mentions("depuis mardi, elle attend.") == ["elle"]
