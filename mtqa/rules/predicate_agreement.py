"""MTQ222 pronoun-predicate-agreement: a French subject pronoun and the participle or adjective that
agrees with it across être disagree in gender or number ("Elle a été élu", "Ils sont arrivées"), or
"elle" stands where only impersonal "il" fits ("Elle faut", "Elle n'existe pas de données").

MT picks a pronoun, or an ending, without looking at the other; a professional writes them
together. The gender and number of the agreeing word are read from its ending only where the
French word list holds its counterpart (élue -> élu, arrivées -> arrivé): a word without one
("rapide", "ministre", "chef") says nothing. Impersonal "il" ("il est prévu que") agrees in the
masculine singular, as the rule expects; quotations are read like narration (agreement does not
depend on who speaks).
"""

from __future__ import annotations

from functools import cache

import regex

from mtqa.model import Category, Severity
from mtqa.rules.base import Context, Example, Hit, Rule
from mtqa.text import lexicon

_PRONOUNS = {"il": ("m", "sg"), "elle": ("f", "sg"), "ils": ("m", "pl"), "elles": ("f", "pl")}
_COPULA = (
    r"(?:est|était|sera|serait|fut|soit|sont|étaient|seront|seraient|furent|soient"
    r"|(?:a|avait|aura|aurait|ont|avaient|auront|auraient)\s+été"
    r"|reste|restait|restera|restent|restaient|resteront|semble|semblait|semblent|semblaient"
    r"|devient|devenait|deviendra|deviennent|devenaient|demeure|demeurait|demeurent)"
)
_ADVERBS = (
    r"(?:pas|plus|jamais|très|bien|déjà|toujours|aussi|encore|trop|si|particulièrement|également"
    r"|désormais|alors|donc|enfin|probablement|certainement|vraiment|complètement|entièrement"
    r"|totalement|presque|officiellement|finalement|longtemps|souvent|parfois|même|guère|point)"
)
# A reflexive verb's participle agrees with the subject unless a direct object follows it ("elle
# s'est cassé la jambe"): after "s'est", a word followed by a determiner is not read.
_PREDICATE = regex.compile(
    rf"(?<![\p{{L}}\p{{M}}\-‐'’])(?P<pronoun>[Ii]ls?|[Ee]lles?)\s+(?:ne\s+|n['’])?(?P<reflexive>s['’]|se\s+)?"
    rf"{_COPULA}(?:\s+{_ADVERBS})*\s+(?P<word>\p{{Ll}}[\p{{Ll}}\p{{M}}]*)(?![\p{{L}}\p{{M}}'’\-])"
    r"(?P<object>\s+(?:le|la|les|l['’]|un|une|des|du|sa|son|ses|leur|leurs|ce|cette|ces)\b)?"
)
# Verbs that are impersonal only, or impersonal before an indefinite noun phrase: their subject is
# "il" whatever follows ("il faut", "il s'agit de", "il existe des données"); "elle existe depuis
# 1990" is personal and is not matched.
_IMPERSONAL = regex.compile(
    r"(?<![\p{L}\p{M}\-‐'’])(?P<pronoun>[Ee]lles?)\s+(?:ne\s+|n['’])?"
    r"(?:(?:faut|fallait|faudra|faudrait|pleut|pleuvait|neige|neigeait)\b|s['’](?:agit|agissait|agira)\b"
    r"|(?:semble|semblait|paraît|paraissait)\s+qu|se\s+peut\s+qu|vaut\s+mieux\b|est\s+(?:question|temps)\b"
    r"|(?:existe|existait|existera|existerait)\s+"
    r"(?:pas\s+|plus\s+|guère\s+|encore\s+|aussi\s+|déjà\s+|toujours\s+)?"
    r"(?:(?:de|d['’])(?!\s*(?:manière|façon|fait|nouveau|près|loin|longue|facto)\b)|des|un|une|du|plusieurs"
    r"|peu|beaucoup|aucun|aucune|divers|diverses|certains|certaines|\d)(?=[\s\d'’])"
    r")"
)
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
    ("ues", "f", "pl", "u"),
    ("ue", "f", "sg", "u"),
    ("us", "m", "pl", "u"),
    ("u", "m", "sg", "u"),
    ("ites", "f", "pl", "it"),
    ("ite", "f", "sg", "it"),
    ("its", "m", "pl", "it"),
    ("it", "m", "sg", "it"),
)
_FORM = {"m": {"sg": "", "pl": "s"}, "f": {"sg": "e", "pl": "es"}}
_MIN_ZIPF = 2.5  # both the word and its counterpart are words of French, not typos or names


@cache
def agreement(word: str) -> tuple[str, str] | None:
    """(gender, number) of an agreeing French participle or adjective, when its ending and the word
    list make them certain: the word and every other form built from its masculine singular exist."""
    for ending, gender, number, base_end in _ENDINGS:
        if not word.endswith(ending) or len(word) - len(ending) < 2:
            continue
        stem = word[: len(word) - len(ending)]
        masculine = stem + base_end
        other_gender = "f" if gender == "m" else "m"
        counterpart = _inflect(masculine, base_end, other_gender, number)
        if lexicon.zipf(word, "fr") >= _MIN_ZIPF and lexicon.zipf(counterpart, "fr") >= _MIN_ZIPF:
            return gender, number
        return None
    return None


def _inflect(masculine: str, base_end: str, gender: str, number: str) -> str:
    if base_end == "eux":
        return masculine if gender == "m" else masculine[:-1] + ("se" if number == "sg" else "ses")
    if base_end == "if":
        return (
            masculine + ("s" if number == "pl" else "")
            if gender == "m"
            else masculine[:-1] + ("ve" if number == "sg" else "ves")
        )
    return masculine + _FORM[gender][number]


def check_predicate_agreement(seg, ctx: Context):
    text = seg.text
    if "il" not in text and "Il" not in text and "elle" not in text and "Elle" not in text:
        return
    if "elle" in text or "Elle" in text:
        yield from _impersonal_hits(text)
    for m in _PREDICATE.finditer(text):
        if m.group("reflexive") and m.group("object"):
            continue
        found = agreement(m.group("word"))
        if found is None:
            continue
        expected = _PRONOUNS[m.group("pronoun").lower()]
        if found == expected:
            continue
        word = m.group("word")
        yield Hit(
            m.start("pronoun"),
            m.end("word"),
            f"{m.group('pronoun')!r} and {word!r} disagree: {_describe(expected)} subject, "
            f"{_describe(found)} {word!r}",
        )


def _impersonal_hits(text: str):
    for m in _IMPERSONAL.finditer(text):
        pronoun = m.group("pronoun")
        right = "Il" if pronoun[0].isupper() else "il"
        yield Hit(
            m.start("pronoun"),
            m.end(),
            f"{pronoun!r} as the subject of an impersonal construction: only 'il' fits",
            suggestion=f"{right}{m.group()[len(pronoun) :]}",
        )


def _describe(form: tuple[str, str]) -> str:
    gender, number = form
    return f"{'masculine' if gender == 'm' else 'feminine'} {'singular' if number == 'sg' else 'plural'}"


RULES = (
    Rule(
        code="MTQ222",
        name="pronoun-predicate-agreement",
        category=Category.PRONOUN,
        severity=Severity.WARNING,
        summary="A French subject pronoun and the participle or adjective agreeing with it across être "
        "disagree in gender or number ('Elle a été élu', 'Ils sont arrivées'), or 'elle' stands where only "
        "impersonal 'il' fits ('Elle faut', 'Elle existe des données').",
        why="Machine translation picks the pronoun and the ending separately; the reader sees a woman "
        "called 'he' or a group that changes gender within the clause.",
        flagged=(
            Example(
                "La nouvelle présidente a prêté serment lundi. Elle a été élu dimanche avec 54 % des voix."
            ),
            Example("Les deux ponts ouvriront en mai. Ils seront équipées de pistes cyclables."),
        ),
        passing=(
            Example(
                "La nouvelle présidente a prêté serment lundi. Elle a été élue dimanche avec 54 % des voix."
            ),
            Example("Il est prévu que les travaux durent deux ans. Elle est ministre depuis mars."),
        ),
        check=check_predicate_agreement,
        languages=frozenset({"fr"}),
    ),
)
