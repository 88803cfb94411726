"""Genders French text does not show: of first names (gender-guesser's list) and of nouns after "l'",
"les", "son" or "des" (Dicollecte's lexicon, mtqa/data/fr/noun_genders.tsv). Loaded once, on first
use; read by mtqa/text/antecedents.py and the rules about pronoun agreement."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

from mtqa.data import table
from mtqa.text.mentions import function_words


@cache
def _noun_genders() -> Mapping[str, str]:
    """Noun form -> "m" or "f", for nouns of one gender only (Dicollecte's French lexicon; see
    bench/build_noun_genders.py): the gender "l'", "les", "son" or "des" leave unsaid. The 29,000-row
    table is parsed once per version of the file and read back from the user cache (mtqa.cache)."""
    from importlib import resources
    from pathlib import Path

    from mtqa.cache import cached
    from mtqa.text.word_table import WordTable, encode

    source = Path(str(resources.files("mtqa.data").joinpath("fr", "noun_genders.tsv")))
    build = lambda: encode({r[0]: r[1] for r in table("fr", "noun_genders")})  # noqa: E731
    return WordTable(cached("noun-genders-fr", build, (source, "table")))


@cache
def _first_names() -> Mapping[str, str] | None:
    """Lower-case first name -> "m" or "f", where gender-guesser's list has no doubt; None when it is
    not installed (persons are then known by their titles alone). Its 60,000-name table is parsed
    once per machine and read back from the user cache (mtqa.cache) on later runs."""
    from mtqa.cache import cached, installed_version

    installed = installed_version("gender-guesser")
    if installed is None:
        return None

    from mtqa.text.word_table import WordTable, encode

    # a WordTable: ready when read, only the names looked up are decoded (mtqa.text.word_table)
    return WordTable(cached("first-names", lambda: encode(_build_first_names()), (installed, "table")))


def _build_first_names() -> dict[str, str]:
    from gender_guesser.detector import Detector

    detector = Detector(case_sensitive=False)
    genders = {"male": "m", "female": "f"}
    return {n: genders[g] for n in detector.names if (g := detector.get_gender(n)) in genders}


def first_name_gender(name: str) -> str | None:
    """The gender ("m" or "f") the list gives a first name without doubt, else None."""
    names = _first_names()
    if names is None or len(name) < 3 or name.lower() in function_words():
        return None
    return names.get(name.lower())


def noun_gender(word: str) -> str | None:
    """The grammatical gender of a French noun form, when the lexicon gives it only one."""
    return _noun_genders().get(word.lower())
