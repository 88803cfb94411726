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

from mtqa.data import table, word_list
from mtqa.model import Category, Severity
from mtqa.rules.base import Context, DataFile, Example, Hit, Rule
from mtqa.text.agreement import agreement
from mtqa.text.copula import copula_adverbs
from mtqa.text.gender_lexicon import noun_gender
from mtqa.text.regex_store import compile_stored

_PRONOUNS = {"il": ("m", "sg"), "elle": ("f", "sg"), "ils": ("m", "pl"), "elles": ("f", "pl")}
_COPULA = (
    r"(?:est|était|sera|serait|fut|soit|sont|étaient|seront|seraient|furent|soient"
    r"|(?:a|avait|aura|aurait|ont|avaient|auront|auraient)(?:\s+(?:depuis|déjà|toujours|jamais|encore|aussi))?\s+été"
    r"|reste|restait|restera|restent|restaient|resteront|semble|semblait|semblent|semblaient"
    r"|devient|devenait|deviendra|deviennent|devenaient|demeure|demeurait|demeurent)"
)
# Adverbs read past between the copula and the agreeing word (one list for every such pattern).
_ADVERBS = copula_adverbs()
# A reflexive verb's participle agrees with the subject unless a direct object follows it ("elle
# s'est cassé la jambe"): after "s'est", a word followed by a determiner is not read.
_PREDICATE = compile_stored(
    rf"(?<![\p{{L}}\p{{M}}\-‐'’])(?P<pronoun>[Ii]ls?|[Ee]lles?)\s+(?:ne\s+|n['’])?(?P<reflexive>s['’]|se\s+)?"
    rf"{_COPULA}(?P<adverbs>(?:\s+{_ADVERBS})*)\s+(?P<word>\p{{Ll}}[\p{{Ll}}\p{{M}}]*)(?![\p{{L}}\p{{M}}'’\-])"
    r"(?P<object>\s+(?:le|la|les|l['’]|un|une|des|du|sa|son|ses|leur|leurs|ce|cette|ces)\b)?"
)
# Verbs that are impersonal only, or impersonal before an indefinite noun phrase: their subject is
# "il" whatever follows ("il faut", "il s'agit de", "il existe des données"); "elle existe depuis
# 1990" is personal and is not matched. "il est difficile de", "il est dommage que", "il reste à
# espérer que": an impersonal adjective (mtqa/data/fr/impersonal_adjectives.txt) before "de"/"que".
_IMPERSONAL_VERBS = (
    r"(?:(?:faut|fallait|faudra|faudrait|pleut|pleuvait|neige|neigeait)\b|s['’](?:agit|agissait|agira)\b"
    r"|(?:semble|semblait|paraît|paraissait)\s+qu|se\s+peut\s+qu|vaut\s+mieux\b|est\s+(?:question|temps)\b"
    # not "voir": "l'exposition … elle reste à voir jusqu'en mai" is personal
    r"|(?:reste|restait|restera|resterait)\s+à\s+(?:espérer|savoir|souhaiter|craindre)\b"
    r"|(?:existe|existait|existera|existerait)\s+"
    r"(?:pas\s+|plus\s+|guère\s+|encore\s+|aussi\s+|déjà\s+|toujours\s+)?"
    r"(?:(?:de|d['’])(?!\s*(?:manière|façon|fait|nouveau|près|loin|longue|facto)\b)|des|un|une|du|plusieurs"
    r"|peu|beaucoup|aucun|aucune|divers|diverses|différents|différentes|quelques|nombreux|nombreuses"
    r"|certains|certaines|\d)(?=[\s\d'’])"
    r")"
)


@cache
def _impersonal() -> regex.Pattern:
    adjectives = "|".join(
        regex.escape(w).replace(r"\ ", r"\s+")
        for w in sorted(word_list("fr", "impersonal_adjectives"), key=len, reverse=True)
    )
    return compile_stored(
        r"(?<![\p{L}\p{M}\-‐'’])(?P<pronoun>[Ee]lles?)\s+(?:ne\s+|n['’])?"
        rf"(?:{_IMPERSONAL_VERBS}"
        rf"|(?:est|était|sera|serait|fut|semble|semblait|paraît|reste|restait)(?:\s+{_ADVERBS})*"
        rf"\s+(?:{adjectives})\s+(?:de\s+|d['’]|que\b|qu['’]))"
    )


# A superlative predicate takes its article from the subject: "elle n'est pas la plus jeune (à le
# faire)". Only where no noun follows the adjective ("il est la plus grande star du pays" is right:
# a predicate noun keeps its own gender), and not the adverb "le plus souvent".
_SUPERLATIVE = compile_stored(
    rf"(?<![\p{{L}}\p{{M}}\-‐'’])(?P<pronoun>[Ii]l|[Ee]lle)\s+(?:ne\s+|n['’])?{_COPULA}(?:\s+{_ADVERBS})*"
    r"\s+(?P<article>le|la)\s+(?:plus|moins)\s+(?P<word>\p{Ll}[\p{Ll}\p{M}]*)(?![\p{L}\p{M}'’\-])"
    r"(?=\s*(?:[.,;:!?»”\")]|à\s|au\s|de\s|d['’]|du\s|des\s|$))"
)
_NOT_ADJECTIVES = frozenset("souvent possible tôt tard vite longtemps loin près fort".split())


@cache
def _role_nouns_ant_ent() -> frozenset[str]:
    """Nouns in -ant/-ent naming a person (président, agent, étudiant), any form: "elle est agent de
    police" follows a house style on feminine role nouns, not a broken agreement (MTQ223 reads role
    nouns about named people)."""
    forms: set[str] = set()
    for masculine, feminine in table("fr", "role_nouns"):
        if masculine.endswith(("ant", "ent")):
            forms.update((masculine, feminine, masculine + "s", feminine + "s"))
    return frozenset(forms)


def _noun_in(adverbs: str) -> bool:
    """Whether a word read as an adverb in -ment is a noun ("elle est ajustement universel"): then
    the sentence is no copula and predicate."""
    return any(w.endswith("ment") and noun_gender(w) for w in adverbs.split())


def _role_noun(word: str) -> bool:
    return word in _role_nouns_ant_ent()


def check_predicate_agreement(seg, ctx: Context):
    text = seg.text
    if "il" not in text and "Il" not in text and "elle" not in text and "Elle" not in text:
        return
    impersonal = []
    if "elle" in text or "Elle" in text:
        impersonal = list(_impersonal_hits(text))
        yield from impersonal
    for m in _SUPERLATIVE.finditer(text):
        article, word = m.group("article"), m.group("word")
        expected = _PRONOUNS[m.group("pronoun").lower()]
        if word in _NOT_ADJECTIVES or word.endswith("ment") or (article == "la") == (expected[0] == "f"):
            continue
        yield Hit(
            m.start("pronoun"),
            m.end("word"),
            f"{m.group('pronoun')!r} and {article + ' plus ' + word!r} disagree: "
            f"{_describe(expected)} subject, {'feminine' if article == 'la' else 'masculine'} superlative",
        )
    for m in _PREDICATE.finditer(text):
        if m.group("reflexive") and m.group("object"):
            continue
        if any(hit.start == m.start("pronoun") for hit in impersonal):
            continue  # "Elle est important que": told once, as an impersonal construction
        found = agreement(m.group("word"))
        if found is None or _role_noun(m.group("word")) or _noun_in(m.group("adverbs")):
            continue
        expected = _PRONOUNS[m.group("pronoun").lower()]
        if found[0] == expected[0] and found[1] in (None, expected[1]):
            continue
        word = m.group("word")
        yield Hit(
            m.start("pronoun"),
            m.end("word"),
            f"{m.group('pronoun')!r} and {word!r} disagree: {_describe(expected)} subject, "
            f"{_describe(found)} {word!r}",
        )


def _impersonal_hits(text: str):
    for m in _impersonal().finditer(text):
        pronoun = m.group("pronoun")
        right = "Il" if pronoun[0].isupper() else "il"
        yield Hit(
            m.start("pronoun"),
            m.end(),
            f"{pronoun!r} as the subject of an impersonal construction: only 'il' fits",
            suggestion=f"{right}{m.group()[len(pronoun) :]}",
        )


def _describe(form: tuple[str, str | None]) -> str:
    gender, number = form
    said = {"sg": " singular", "pl": " plural", None: ""}[number]
    return f"{'masculine' if gender == 'm' else 'feminine'}{said}"


RULES = (
    Rule(
        code="MTQ222",
        name="pronoun-predicate-agreement",
        category=Category.PRONOUN,
        severity=Severity.WARNING,
        summary="A French subject pronoun and the participle or adjective agreeing with it across être "
        "disagree in gender or number ('Elle a été élu', 'Ils sont arrivées'), or 'elle' stands where only "
        "impersonal 'il' fits ('Elle faut', 'Elle est important que'), or a superlative's article "
        "contradicts the pronoun ('elle n'est pas le plus jeune').",
        why="Machine translation picks the pronoun and the ending separately; the reader sees a woman "
        "called 'he' or a group that changes gender within the clause.",
        flagged=(
            Example(
                "La nouvelle présidente a prêté serment lundi. Elle a été élu dimanche avec 54 % des voix.",
                spans=("Elle a été élu",),
            ),
            Example(
                "Les deux ponts ouvriront en mai. Ils seront équipées de pistes cyclables.",
                spans=("Ils seront équipées",),
            ),
            Example(
                "« Elle est maintenant important que les citoyens aident leurs voisins », a-t-il dit.",
                spans=("Elle est maintenant important que",),
            ),
        ),
        passing=(
            Example(
                "La nouvelle présidente a prêté serment lundi. Elle a été élue dimanche avec 54 % des voix."
            ),
            Example("Il est prévu que les travaux durent deux ans. Elle est ministre depuis mars."),
        ),
        check=check_predicate_agreement,
        languages=frozenset({"fr"}),
        data_files=(
            DataFile("fr", "impersonal_adjectives"),
            DataFile("fr", "role_nouns", 2),
            DataFile("fr", "function_words"),
            DataFile("fr", "copula_adverbs"),
        ),
    ),
)
