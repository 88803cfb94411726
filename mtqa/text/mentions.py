"""What the antecedent model (mtqa/text/antecedents.py) reads: mentions, sentences and resolutions,
and the French words that mark a mention's gender, number and role (determiners, pre-nominal
adjectives, prepositions, impersonal verbs, speech verbs, person nouns), loaded once from
mtqa/data/fr."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from mtqa.data import table, word_list
from mtqa.text.regex_store import compile_stored

# A title, a word with its elided article ("l'", "qu'") or its hyphenated parts, a number, or any
# other character. One letter run serves both word shapes: the elision is tried at its end, so the run
# is not read twice (tests/test_mention_reading.py holds the two-alternative spelling to it).
TOKEN = compile_stored(
    r"(?:MM|Mrs|Mr|Ms|M)\.|[\p{L}\p{M}]+(?:['’](?=\p{L})|(?:[-‐][\p{L}\p{M}]+)*)|\d+|[^\s\p{L}\p{M}\d]"
)


@cache
def _fr_words(name: str) -> frozenset[str]:
    return frozenset(word_list("fr", name))


# Closed word classes, from mtqa/data/fr/<name>.txt (read once, at import: the mention finder reads
# them for every token). Words before "le/la/les/l'" that make it an object pronoun ("il la voit"):
OBJECT_CONTEXT = _fr_words("object_pronoun_contexts")
PREPOSITIONS = _fr_words("prepositions")
# Opening quotation marks and brackets stand between a preposition and its noun ("de la série
# « LiteraTour Nord »"): the word before a mention is read past them.
OPENERS = frozenset('«"“‹(')
CLAUSE_PUNCT = frozenset(',;:()«»"“”')
# Words after "ce"/"le"/"la" that make it no determiner of a noun ("ce qui", "ce n'est").
FUNCTION_HEADS = _fr_words("function_heads")
# Heads whose agreement follows the noun after "de" ("la plupart des protestants ... ils").
PARTITIVE_HEADS = _fr_words("partitive_heads")
DEGREE = _fr_words("degree_adverbs")
BREAKS = compile_stored(r"[,;:–—]|\s-\s")
# ", a déclaré", "», explique", ", a-t-il ajouté": what stands right before a speaker named after
# the words reported (the verb is checked against mtqa/data/fr/speech_verbs.txt).
ATTRIBUTION = compile_stored(
    r"[,»”\"]\s*(?:a|avait|ont|aurait)?\s*(?P<verb>[\p{L}\p{M}]+)\s+(?:[\p{L}\p{M}]+['’]?\s*){0,1}$"
)

# How far the resolver reads back (sentences): for a competing subject, for a story's protagonist.
WINDOW = 2
STORY = 6


@cache
def determiners() -> dict[str, tuple[str | None, str]]:
    return {r[0]: (None if r[1] == "-" else r[1], r[2]) for r in table("fr", "gender_determiners")}


@cache
def adjectives() -> dict[str, tuple[str | None, str | None]]:
    return {
        r[0]: (None if r[1] == "-" else r[1], None if r[2] == "-" else r[2])
        for r in table("fr", "prenominal_adjectives")
    }


@cache
def impersonal_verbs() -> frozenset[str]:
    return frozenset(word_list("fr", "impersonal_il"))


@cache
def person_nouns() -> frozenset[str]:
    forms = set(word_list("fr", "person_nouns"))
    for masculine, feminine in table("fr", "role_nouns"):
        forms.update((masculine, feminine))
    return frozenset(forms)


def person_noun(phrase: str) -> bool:
    """Whether a noun phrase's head names a person ("son père", "les juges", "la directrice")."""
    head = norm(phrase.split()[-1]).split("'")[-1]
    return head in person_nouns() or singular(head) in person_nouns()


@cache
def speech_verbs() -> frozenset[str]:
    return frozenset(w.lower() for w in word_list("fr", "speech_verbs"))


@cache
def time_nouns() -> frozenset[str]:
    return frozenset(word_list("fr", "time_nouns"))


@cache
def cardinals() -> frozenset[str]:
    """Written-out numbers that stand between a determiner and its noun ("les six passagers")."""
    return frozenset(r[0] for r in table("fr", "number_words") if r[0] not in ("un", "une"))


@cache
def function_words() -> frozenset[str]:
    return frozenset(w.lower() for w in word_list("fr", "function_words"))


@cache
def common_word(word: str) -> bool:
    """A capitalised sentence-initial word that is a frequent French word ("Mais", "Selon", "Né"),
    not a name."""
    from mtqa.text.lexicon import zipf

    return zipf(word.lower(), "fr") >= 3.0


def numeral(token: str) -> bool:
    return token.isdigit() or token.lower() in cardinals()


def norm(word: str) -> str:
    return word.lower().replace("’", "'")


def singular(word: str) -> str:
    low = word.lower()
    if low.endswith("aux") and len(low) > 4:
        return low[:-3] + "al"
    return low[:-1] if low.endswith(("s", "x")) and len(low) > 3 else low


def impersonal(tokens: list[str], k: int) -> bool:
    """Whether "il" at k has no antecedent: il (ne) y a, il s'agit, il faut, il a fallu, il est
    possible de/que."""
    rest = [norm(t) for t in tokens[k + 1 : k + 8]]
    while rest and rest[0] in ("ne", "n'"):
        rest = rest[1:]
    if not rest:
        return False
    first, second = rest[0], rest[1] if len(rest) > 1 else ""
    if first == "y" and second in ("a", "avait", "aura", "aurait", "eut", "ait", "en"):
        return True  # il y a, il y avait, il y en a
    if first in ("s'", "se") and second.startswith(("agi", "avèr", "peut", "pourrait", "passe", "trouve")):
        return True  # il s'agit, il s'avère, il se peut, il se trouve que
    if first == "en" and second in ("va", "allait", "ira", "est", "était", "faut"):
        return True  # il en va de même
    verbs = impersonal_verbs()
    if first in verbs or (
        first in ("a", "avait", "aura", "aurait", "eût") and len(rest) > 1 and rest[1] in verbs
    ):
        return True
    if first in ("est", "était", "sera", "serait", "fut", "semble"):
        for j in range(1, min(7, len(rest))):
            if rest[j] in ("de", "d'", "que", "qu'") and j >= 2:
                return True  # il est possible de, il est temps que
            if rest[j] in determiners() or rest[j] in CLAUSE_PUNCT:
                break
        return rest[1:2] in (["temps"], ["question"], ["une"])
    return False


class Mention(NamedTuple):
    """One per mention of a whole document (about four per sentence): a named tuple, three times
    cheaper to build than a frozen dataclass, and as immutable."""

    sentence: int  # index in Antecedents.sentences
    start: int  # offsets local to the segment
    end: int
    text: str
    gender: str | None  # "m", "f" or None (unknown)
    number: str | None  # "sg", "pl" or None
    kind: str  # "noun", "person", "name", "pronoun"
    subject: bool  # first mention of its sentence, not introduced by a preposition
    governed: bool = False  # introduced by a preposition ("à Vienne", "du volcan")


@dataclass(frozen=True, slots=True)  # one per mention / sentence of a whole document: no __dict__
class DocSentence:
    segment: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Resolution:
    pronoun: Mention
    antecedent: Mention
    competitor: Mention | None  # a nearby mention of the pronoun's own gender and number
