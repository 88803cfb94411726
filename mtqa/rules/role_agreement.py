"""MTQ223 person-role-gender: a gendered role noun or participle said of a named person whose gender
the document states otherwise ("M. Dupont, la nouvelle directrice", "la chancelière Pierre Martin",
"Pierre Martin … en tant que directrice", "Angela Merkel a été élu").

The person's gender is what the document states independently of the role word: a title (M., Mme)
or a first name the gender-guesser list is sure of, carried to the surname alone later
(mtqa/text/antecedents.py, `Antecedents.stated_people`). A gender read from the role noun itself
("la championne Mariama Jamanka") is never used against that noun. Role nouns are the masculine and
feminine pairs of mtqa/data/fr/role_nouns.tsv (directeur/directrice, élu/élue); an epicene noun
(ministre, juge) or a form shared by both genders says nothing. Where the named person may not be
the role's bearer (a list "Pierre Martin, la directrice et le maire", a role followed by another
name), the rule is silent. Severity warning: the contradiction needs no resolver, only a person
the document genders and a word that agrees with them.
"""

from __future__ import annotations

import regex

from mtqa.model import Category, Severity
from mtqa.rules.base import DataFile, Example, Hit, Rule
from mtqa.text.agreement import agreement
from mtqa.text.antecedents import antecedents_of, built_antecedents
from mtqa.text.copula import copula_adverbs
from mtqa.text.gender_lexicon import first_name_gender
from mtqa.text.mentions import function_words
from mtqa.text.person_genders import role_gender, titles
from mtqa.text.regex_store import compile_stored

_GENDER = {"m": "masculine", "f": "feminine"}
# Title-case words ("Le Noir Mat PRO", a product, has an all-capital word and a determiner)
_NAME = r"(?:(?:M|Mme|Mlle)\.?\s+)?\p{Lu}\p{Ll}[\p{L}\p{M}]*(?:[-‐\s]\p{Lu}\p{Ll}[\p{L}\p{M}]*)*"
_WORD = r"[\p{L}\p{M}]+"
# "M. Dupont, la nouvelle directrice de l'école": a role in apposition right after the name, closed
# by "de", a comma or the sentence's end (not a list: "Pierre Martin, la directrice et le maire").
_APPOSITION_AFTER = compile_stored(
    rf"(?P<name>{_NAME})\s*,\s*(?:le|la|l['’]|un|une|notre|son|sa)\s*(?:(?P<adjs>(?:{_WORD}\s+){{0,2}}))"
    rf"(?P<role>{_WORD})(?=\s*(?:[,.;:]|de\s|du\s|des\s|d['’]|$))(?!\s*,\s*(?:et|ou)\b)"
)
# "la chancelière Angela Merkel", "le nouveau directeur Anne Roy": a role right before the name.
_ROLE_BEFORE = compile_stored(
    rf"(?<![\p{{L}}\p{{M}}'’])(?:le|la|l['’]|Le|La|L['’])\s*(?:{_WORD}\s+){{0,2}}"
    rf"(?P<role>\p{{Ll}}[\p{{L}}\p{{M}}]*)\s+(?:\p{{Ll}}[\p{{L}}\p{{M}}]*\s+)?(?P<name>{_NAME})"
)
# "Pierre Martin travaille depuis 2010 en tant qu'enseignante": same clause, no other name between.
_AS_ROLE = compile_stored(
    rf"(?P<name>{_NAME})(?P<between>[^.;:!?«»\"“”]{{0,80}}?)\ben\s+tant\s+que?['’]?\s*(?P<role>{_WORD})"
)
# "Angela Merkel a été élu": the name as the subject of être and an agreeing participle.
_PREDICATE = compile_stored(
    rf"(?P<name>{_NAME})\s+(?:ne\s+|n['’])?(?:est|était|sera|serait|fut|a\s+été|avait\s+été|aura\s+été)"
    rf"(?:\s+{copula_adverbs()})*"
    r"\s+(?P<role>\p{Ll}[\p{Ll}\p{M}]*)(?![\p{L}\p{M}'’\-])"
)

# Each pattern with literals one of which every match contains (none: always scanned).
_PATTERNS = (
    (_APPOSITION_AFTER, "apposition", (",",)),
    (_ROLE_BEFORE, "title", ()),
    (_AS_ROLE, "en tant que", ("tant",)),
    (_PREDICATE, "predicate", ("est", "était", "sera", "fut", "été")),
)


def _person_gender(name: str, people: dict[str, str]) -> str | None:
    """The gender the document states for a name: its title; else, for a full name, its first
    name's (gender-guesser); else, for a surname alone, the gender a title or first name gave it
    elsewhere in the document. A name opening with a function word ("Le Noir Mat") is none."""
    words = name.split()
    title = titles("fr").get(words[0]) or titles("fr").get(words[0] + ".")
    if title:
        return title
    if words[0].lower() in function_words():
        return None
    if len(words) > 1:
        return first_name_gender(words[0])
    return people.get(words[0])


def check_role_gender(view, ctx):
    if view.lang != "fr":
        return
    # The genders the document states, from the antecedent model: read at the first role said of a
    # name, so a document with none does not build the model (the pronoun rules may not need it).
    built = built_antecedents(view)
    # (a model built for the pronouns alone reads the sentences after the last one at the first role)
    people = built.stated_people if built is not None and built.whole else None
    if people is not None and not people:
        return
    for k, seg in enumerate(view.segments):
        text = seg.text
        seen: set[int] = set()
        for pattern, kind, needs in _PATTERNS:
            if needs and not any(word in text for word in needs):
                continue  # a literal every match holds is absent: skip the costly scan
            for m in pattern.finditer(text):
                role = m.group("role")
                if kind == "predicate":
                    found = agreement(role)
                    word_gender = found[0] if found and found[1] in ("sg", None) else None
                else:
                    word_gender = role_gender(role)
                if word_gender is None or m.start("role") in seen:
                    continue
                if kind == "en tant que" and regex.search(r"\p{Lu}", m.group("between")):
                    continue  # another name between: the role may be that person's
                if people is None:
                    people = (built_antecedents(view) or antecedents_of(view)).document_stated_people()
                if not people:
                    return
                person = _person_gender(m.group("name"), people)
                if person is None or person == word_gender:
                    continue
                seen.add(m.start("role"))
                # A masculine role noun for a woman ("l'auteur Judith Hermann") follows a house
                # style in part of the French press: info. A feminine one for a man is an error.
                generic = word_gender == "m" and kind != "predicate"
                yield Hit(
                    m.start("role"),
                    m.end("role"),
                    f"{role!r} is {_GENDER[word_gender]}, but the document calls "
                    f"{m.group('name')!r} {_GENDER[person]} (title or first name)",
                    segment=k,
                    severity=Severity.INFO if generic else None,
                )


RULES = (
    Rule(
        code="MTQ223",
        name="person-role-gender",
        category=Category.PRONOUN,
        severity=Severity.WARNING,
        summary="A gendered role noun or participle said of a named person contradicts the gender "
        "the document states for them by a title or first name ('M. Dupont, la nouvelle directrice', "
        "'Angela Merkel a été élu').",
        why="Machine translation picks a role noun's gender from the source word (English 'director', "
        "German 'die 74-Jährige' lost), not from the person the article names.",
        flagged=(
            Example(
                "M. Dupont, la nouvelle directrice de l'école, a reçu les parents lundi.",
                spans=("directrice",),
            ),
            Example("Angela Merkel a été élu chancelière en 2005.", spans=("élu",)),
            Example(
                "Pierre Martin travaille depuis 2010 en tant que directrice d'école.", spans=("directrice",)
            ),
        ),
        passing=(
            Example("Mme Dupont, la nouvelle directrice de l'école, a reçu les parents lundi."),
            Example("Angela Merkel a été élue chancelière en 2005."),
            Example("Pierre Martin, la directrice et le maire ont signé la convention."),
            Example("Anne Roy est ministre depuis mars."),
        ),
        check=check_role_gender,
        scope="document",
        languages=frozenset({"fr"}),
        data_files=(
            DataFile("fr", "role_nouns", 2),
            DataFile("fr", "human_titles", 2),
            DataFile("fr", "copula_adverbs"),
        ),
    ),
)
