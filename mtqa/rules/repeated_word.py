"""MTQ301 repeated-word: a word doubled ("le le", "the the"), a decoder stutter or a typing slip.

Legitimate repeats are kept apart by data: French reflexive "nous nous"/"vous vous", English "had had",
emphasis ("très très", reported as info), and names that read the same twice ("Sirhan Sirhan").
"""

from __future__ import annotations

import operator
import re
from collections.abc import Iterator
from functools import cache

from mtqa.data import table, word_list
from mtqa.model import Category, Severity
from mtqa.rules.base import Context, DataFile, Example, Hit, Parameter, Rule
from mtqa.rules.repetition_words import function_words
from mtqa.text.words import CLINGING_PUNCTUATION

# Two identical words separated by blanks only ("Oui, oui" has a comma and is left alone). The stdlib
# engine runs this several times faster than `regex`; [^\W\d_] is "a letter" there.
_DOUBLED = re.compile(r"(?<![\w-])([^\W\d_]+)[ \u00a0\u202f\n]+(\1)(?![\w-])", re.IGNORECASE)
_PUNCT = CLINGING_PUNCTUATION


@cache
def _doubled_words(lang: str | None) -> dict[str, str]:
    return {row[0].casefold(): row[1] for row in table(lang or "", "doubled_words")}


@cache
def _fixed_phrases(lang: str | None) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(p.casefold().split()) for p in word_list(lang or "", "fixed_phrases"))


def _opens_fixed_phrase(text: str, start: int, lang: str | None) -> bool:
    """The doubled word at `start` begins a fixed phrase ("at at least"): the first one closes the
    clause before it. Looks at the few words that follow only."""
    phrases = _fixed_phrases(lang)
    if not phrases:
        return False
    words = tuple(w.strip(_PUNCT).casefold() for w in text[start : start + 60].split()[:4])
    return any(words[: len(p)] == p for p in phrases)


@cache
def _relative_pronouns(lang: str | None) -> frozenset[str]:
    return frozenset(w.casefold() for w in word_list(lang or "", "relative_pronouns"))


CLAUSE_REACH = Parameter(
    "clause_reach",
    6,
    "Words before a doubled word in which a relative pronoun makes it a clause end repeated as the "
    "main verb ('those who voted voted'), reported as info.",
)


def _closes_a_clause(text: str, start: int, word: str, lang: str | None, reach: int) -> bool:
    """ "Those who voted voted against", "people in the know know": a content word ending a relative
    clause, repeated as the main verb. Function words ("the the") are slips whatever comes before."""
    if word.casefold() in function_words(lang):
        return False
    before = text[max(0, start - 80) : start].split()[-reach:]
    pronouns = _relative_pronouns(lang)
    return any(w.strip(_PUNCT).casefold().split("'")[0].split("’")[0] in pronouns for w in before)


def _has_adjacent_twin(toks: list[str]) -> bool:
    # map(eq) runs in C and clears nearly every segment; the exact test (a twin of two empty
    # words, punctuation alone, does not count) runs only where some neighbours are equal.
    if not any(map(operator.eq, toks, toks[1:])):
        return False
    return any(x == y and x for x, y in zip(toks, toks[1:], strict=False))


def check_repeated_word(seg, ctx: Context) -> Iterator[Hit]:
    text = seg.text
    if not _has_adjacent_twin(seg.bare_words):
        return
    reach = ctx.param(CLAUSE_REACH)
    for m in _DOUBLED.finditer(text):
        word, again = m.group(1), m.group(2)
        if again[0].isupper():
            continue  # "Sirhan Sirhan", "Duran Duran", "de De Gaulle": names
        kind = _doubled_words(ctx.lang).get(again.casefold())
        if kind == "ok" or _opens_fixed_phrase(text, m.start(2), ctx.lang):
            continue
        clause = _closes_a_clause(text, m.start(), word, ctx.lang, reach)
        yield Hit(
            m.start(),
            m.end(),
            f"word repeated: {word!r} twice in a row"
            + (" (it may end a relative clause and start the main one)" if clause else ""),
            suggestion=word,
            severity=Severity.INFO if kind == "emphatic" or clause else None,
        )


RULES = (
    Rule(
        code="MTQ301",
        data_files=(
            DataFile("*", "doubled_words", 2),
            DataFile("*", "fixed_phrases"),
            DataFile("*", "function_words"),
            DataFile("*", "relative_pronouns"),
        ),
        name="repeated-word",
        category=Category.REPETITION,
        severity=Severity.ERROR,
        summary="The same word twice in a row ('le le', 'the the'), except grammatical or emphatic repeats.",
        why="A doubled word is a typing slip in human text and a decoder stutter in MT; either way a reader "
        "notices it at once.",
        flagged=(
            Example("Les forces syriennes ont levé le le siège d’Alep.", "fr", spans=("le le",)),
            Example("Syrian forces lifted the the siege of Aleppo.", "en", spans=("the the",)),
        ),
        passing=(
            Example("Nous nous sommes battus, vous vous êtes repliés.", "fr"),
            Example("He had had enough; Sirhan Sirhan was convicted.", "en"),
            Example("Tickets are priced at at least $40.", "en"),
        ),
        check=check_repeated_word,
        parameters=(CLAUSE_REACH,),
    ),
)
