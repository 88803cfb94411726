"""The gender and number an agreeing French word shows by its ending (élue, arrivés, heureuse,
assis), where the word list confirms the other forms exist: read by the pronoun rules (MTQ222,
MTQ223) and by the antecedent model, which learns a person's gender from "X est arrivée"."""

from __future__ import annotations

from functools import cache

from mtqa.text import lexicon
from mtqa.text.mentions import function_words

# Endings of agreeing forms, longest first: (ending, gender, number, masculine singular ending).
_ENDINGS = (
    ("ées", "f", "pl", "é"),
    ("ée", "f", "sg", "é"),
    ("és", "m", "pl", "é"),
    ("é", "m", "sg", "é"),
    ("euses", "f", "pl", "eux"),
    ("euse", "f", "sg", "eux"),
    ("ives", "f", "pl", "if"),
    ("ive", "f", "sg", "if"),
    ("ifs", "m", "pl", "if"),
    ("if", "m", "sg", "if"),
    ("ies", "f", "pl", "i"),
    ("ie", "f", "sg", "i"),
    ("is", "m", "pl", "i"),  # sortis; "assis" (assise) is read as one form for both numbers
    ("i", "m", "sg", "i"),
    ("ues", "f", "pl", "u"),
    ("ue", "f", "sg", "u"),
    ("us", "m", "pl", "u"),
    ("u", "m", "sg", "u"),
    ("antes", "f", "pl", "ant"),
    ("ante", "f", "sg", "ant"),
    ("ants", "m", "pl", "ant"),
    ("ant", "m", "sg", "ant"),
    ("entes", "f", "pl", "ent"),
    ("ente", "f", "sg", "ent"),
    ("ents", "m", "pl", "ent"),
    ("ent", "m", "sg", "ent"),
    ("elles", "f", "pl", "el"),
    ("elle", "f", "sg", "el"),
    ("els", "m", "pl", "el"),
    ("el", "m", "sg", "el"),
    ("ises", "f", "pl", "is"),
    ("ise", "f", "sg", "is"),
    ("is", "m", None, "is"),  # assis, pris, mis: one masculine form for both numbers
    ("ites", "f", "pl", "it"),
    ("ite", "f", "sg", "it"),
    ("its", "m", "pl", "it"),
    ("it", "m", "sg", "it"),
)
_FORM = {"m": {"sg": "", "pl": "s"}, "f": {"sg": "e", "pl": "es"}}
_MIN_ZIPF = 2.0  # both the word and its counterpart are words of French, not typos or names


@cache
def agreement(word: str) -> tuple[str, str | None] | None:
    """(gender, number) of an agreeing French participle or adjective, when its ending and the word
    list make them certain: the word and every other form built from its masculine singular exist.
    The number is None for a masculine form that serves both ("assis", "pris")."""
    if word in function_words():
        return None  # "aussi", "ainsi": no agreeing word, whatever its ending
    for ending, gender, number, base_end in _ENDINGS:
        if not word.endswith(ending) or len(word) - len(ending) < 2:
            continue
        stem = word[: len(word) - len(ending)]
        masculine = stem + base_end
        other_gender = "f" if gender == "m" else "m"
        counterpart = _inflect(masculine, base_end, other_gender, number or "sg")
        if gender == "m" and number == "pl" and lexicon.zipf(word + "e", "fr") >= _MIN_ZIPF:
            # "pris" (prise), "inclus" (incluse): one masculine form for both numbers, no plural
            return ("m", None) if lexicon.zipf(word, "fr") >= _MIN_ZIPF else None
        if lexicon.zipf(word, "fr") >= _MIN_ZIPF and lexicon.zipf(counterpart, "fr") >= _MIN_ZIPF:
            return gender, number
    return None


def _inflect(masculine: str, base_end: str, gender: str, number: str) -> str:
    if base_end == "eux":
        return masculine if gender == "m" else masculine[:-1] + ("se" if number == "sg" else "ses")
    if base_end == "is":
        return masculine if gender == "m" else masculine + _FORM["f"][number]
    if base_end == "el":
        return masculine + ("" if gender == "m" else "le") + ("s" if number == "pl" else "")
    if base_end == "if":
        return (
            masculine + ("s" if number == "pl" else "")
            if gender == "m"
            else masculine[:-1] + ("ve" if number == "sg" else "ves")
        )
    return masculine + _FORM[gender][number]
