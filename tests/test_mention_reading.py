"""The antecedent model's cheaper reading (issue 11) gives what the plain one gave: the one-run
token pattern splits as the two-alternative one did, mentions stay immutable records, and the
speech map's spelled-out dialogue pre-check answers as the loop over dash and blank pairs."""

from __future__ import annotations

import pytest
import regex

from mtqa.text.antecedents import Antecedents
from mtqa.text.mentions import TOKEN
from mtqa.text.speech import _may_open_dialogue, _merged

# The spelling TOKEN had before its letter run was shared by the elision and the hyphenated word.
_TWO_RUNS = regex.compile(
    r"(?:MM|Mrs|Mr|Ms|M)\.|[\p{L}\p{M}]+['’](?=\p{L})|[\p{L}\p{M}]+(?:[-‐][\p{L}\p{M}]+)*|\d+|[^\s\p{L}\p{M}\d]"
)

TEXTS = [
    "L'accord d’aujourd'hui, a-t-il dit, vaut 12,5 %.",
    "M. Dupont et MM. Martin ont rencontré Mme Merkel (CDU).",
    "l' État, l’ 2 et qu'",
    "Jean-Pierre‐Marie a dit « non » — puis : rien.",
    "cafe\u0301 déjà-vu, e\u0301le\u0300ve' x’y",
    "Mr.Mrs.Ms. MMM. Mx.",
    "--- ''’’ 42ans 7-8 a--b",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_one_letter_run_tokenises_as_two_alternatives(text: str) -> None:
    assert [m.span() for m in TOKEN.finditer(text)] == [m.span() for m in _TWO_RUNS.finditer(text)]


def test_a_mention_is_an_immutable_record() -> None:
    text = "Les ponts ouvrent en mai. Le pont sera gratuit. Elles seront gratuites."
    model = Antecedents([text], [[(0, 25), (26, 47), (48, len(text))]])
    first = model.mentions[0][0]
    # the plural noun took the gender its singular has after "Le" (the second-pass replacement)
    assert (first.text, first.gender, first.number) == ("Les ponts", "m", "pl")
    with pytest.raises(AttributeError):
        first.gender = "f"  # type: ignore[misc]


@pytest.mark.parametrize(
    "text",
    ["- Oui.", "—\tNon", "– peut-être", "a-b", "—x", "rien", "", "x -\ty", "2 – 3", "mot –"],
)
def test_dialogue_precheck_answers_as_every_dash_blank_pair(text: str) -> None:
    assert _may_open_dialogue(text) == any(d + b in text for d in "—–-" for b in " \t")


def test_merging_no_region_gives_none() -> None:
    assert _merged([]) == ()
    assert _merged([(5, 9), (0, 3), (2, 4)]) == ((0, 4), (5, 9))
