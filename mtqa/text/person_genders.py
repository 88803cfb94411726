"""A named person's gender from evidence the document gives besides a French title or first name:

- the source, where it titles the person ("Frau Merkel", "Mr Dupont": mtqa/data/<src>/human_titles.tsv);
- a participle or adjective agreeing with the name as the subject of être ("Laura Shepard Churchley
  s'est rappelée", "Labonte est arrivé"), read by mtqa.text.agreement;
- a role noun in apposition right after the name ("Peter Labonte, maire de Lahnstein", "Anne Roy,
  la nouvelle directrice"), from mtqa/data/fr/role_nouns.tsv.

Each answers only when all its evidence for a surname agrees: two Dupont of different genders (a
couple, a family) leave the surname unknown. Read by mtqa/text/antecedents.py.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

import regex

from mtqa.data import data_file_exists, table
from mtqa.text.agreement import agreement
from mtqa.text.copula import copula_adverbs
from mtqa.text.regex_store import compile_stored

_NAME_WORD = r"\p{Lu}[\p{L}\p{M}'’\-]+"
# Determiners before a German "Frau"/"Herr" that make it the noun (die Frau, einem Herrn), no title.
_ARTICLES = frozenset("der die das den dem des ein eine einer einem einen eines the a an this that".split())
_COPULA_AFTER = compile_stored(
    r"\s+(?:ne\s+|n['’])?(?P<reflexive>s['’]|se\s+)?(?:est|était|sera|fut|a\s+été|avait\s+été)"
    rf"(?:\s+{copula_adverbs()})*"
    r"\s+(?P<word>\p{Ll}[\p{Ll}\p{M}]*)(?![\p{L}\p{M}'’\-])"
    r"(?P<object>\s+(?:le|la|les|l['’]|un|une|des|du|sa|son|ses|leur|leurs|ce|cette|ces)\b)?"
)
_APPOSITION_AFTER = compile_stored(
    r"\s*,\s*(?:(?:le|la|l['’]|notre|son|sa)\s*)?(?:\p{Ll}[\p{L}\p{M}]*\s+)?(?P<role>\p{Ll}[\p{L}\p{M}]*)"
    r"(?=\s+(?:de|du|des|d['’]|à|au)\b|\s*,)"
)


@cache
def titles(lang: str) -> dict[str, str]:
    """Title -> gender (mtqa/data/<lang>/human_titles.tsv), empty where the language has none."""
    if not data_file_exists(lang, "human_titles.tsv"):
        return {}
    return {r[0]: r[1] for r in table(lang, "human_titles")}


@cache
def _title_pattern(lang: str) -> regex.Pattern | None:
    known = titles(lang)
    if not known:
        return None
    alternatives = "|".join(regex.escape(t) for t in sorted(known, key=len, reverse=True))
    return compile_stored(
        rf"(?<![\p{{L}}\p{{M}}])(?P<before>[\p{{L}}\p{{M}}]+\s+)?(?P<title>{alternatives})(?![\p{{L}}\p{{M}}])"
        r"\s+(?:(?:Dr|Prof|Dres)\.\s+)*"  # academic titles between: "Herr Dr. Labonte"
        rf"(?P<name>(?:{_NAME_WORD}\s+){{0,2}}{_NAME_WORD})"
    )


@cache
def _role_genders() -> dict[str, str]:
    """Role noun form -> gender, for the masculine/feminine pairs of role_nouns.tsv (forms both
    columns hold are left out)."""
    genders: dict[str, str] = {}
    shared: set[str] = set()
    for masculine, feminine in table("fr", "role_nouns"):
        for form, gender in ((masculine, "m"), (feminine, "f")):
            if genders.get(form, gender) != gender:
                shared.add(form)
            genders[form] = gender
    return {form: g for form, g in genders.items() if form not in shared}


def role_gender(word: str) -> str | None:
    """The gender a French role noun states ("directrice" -> "f"), None for an epicene one."""
    return _role_genders().get(word.lower())


class _Votes:
    """Surname -> the one gender every piece of evidence gave it (a disagreement forgets it)."""

    def __init__(self) -> None:
        self.genders: dict[str, str | None] = {}

    def add(self, surname: str, gender: str) -> None:
        seen = self.genders.get(surname, gender)
        self.genders[surname] = gender if seen == gender else None

    def known(self) -> dict[str, str]:
        return {s: g for s, g in self.genders.items() if g is not None}


def source_people(texts: Iterable[str], lang: str | None) -> dict[str, str]:
    """Surname -> gender for every person the source titles ("Frau Merkel", "Mr. Dupont")."""
    pattern = _title_pattern(lang) if lang else None
    if pattern is None:
        return {}
    votes = _Votes()
    for text in texts:
        for m in pattern.finditer(text):
            if m.group("before") and m.group("before").strip().lower() in _ARTICLES:
                continue  # "die Frau Müllers": the noun, not a title
            votes.add(m.group("name").split()[-1], titles(lang)[m.group("title")])
    return votes.known()


def evidence_genders(names: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Surname -> gender from what follows each name in its sentence: (name, the sentence's text
    right after the name) pairs. An agreeing participle after être ("X est arrivée"; not a
    reflexive with an object, "X s'est cassé la jambe") or a role noun in apposition ("X, maire
    de …")."""
    votes = _Votes()
    for name, after in names:
        surname = name.split()[-1]
        m = _COPULA_AFTER.match(after)
        if m and not (m.group("reflexive") and m.group("object")):
            found = agreement(m.group("word"))
            if found and found[1] in ("sg", None):
                votes.add(surname, found[0])
                continue
        m = _APPOSITION_AFTER.match(after)
        if m and (gender := role_gender(m.group("role"))):
            votes.add(surname, gender)
    return votes.known()
