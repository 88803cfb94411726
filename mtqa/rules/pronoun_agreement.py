"""Pronouns whose gender contradicts their antecedent (issue 14).

MTQ221 pronoun-antecedent-gender: a French subject pronoun (il, elle, ils, elles) whose gender
contradicts the subject it refers back to ("Les nouveaux ponts ouvrent en mai. Elles seront
gratuites"). The antecedent model is mtqa/text/antecedents.py: the subject of the pronoun's own
sentence when it comes first, else of the previous sentence, with a gender known from a determiner,
a title or a first name. Silent when a mention of the pronoun's own gender and number stands in the
same or the two previous sentences (two candidates compete), for impersonal "il", and for pronouns
inside quotations (a speaker's "il" may point at what the reader was never shown). Severity info:
the resolver reads no syntax, so a finding asks for a look rather than stating an error.
"""

from __future__ import annotations

from mtqa.model import Category, Severity
from mtqa.rules.base import DataFile, Example, Hit, Rule
from mtqa.text.antecedents import antecedents_of, may_hold_pronouns

_GENDER = {"m": "masculine", "f": "feminine"}
_NUMBER = {"sg": "singular", "pl": "plural"}
_SWAP = {"il": "elle", "elle": "il", "ils": "elles", "elles": "ils"}


def _swapped(word: str) -> str:
    other = _SWAP[word.lower()]
    return other.capitalize() if word[:1].isupper() else other


def check_antecedent_gender(view, ctx):
    if view.lang != "fr" or not may_hold_pronouns(view):
        return
    model = antecedents_of(view, whole=False)
    speech = view.speech
    for pronoun in model.pronouns:
        res = model.resolve(pronoun)
        if res is None or res.competitor is not None or res.antecedent.gender == pronoun.gender:
            continue
        segment = model.sentences[pronoun.sentence].segment
        ante = res.antecedent
        # the speaker named after the words reported ("Elle …, a déclaré l'animateur") is read in
        # speech too; any other antecedent of a quoted pronoun may be what the reader never saw
        attributed = ante.sentence == pronoun.sentence and ante.start > pronoun.start
        if not attributed and speech.inside(segment, pronoun.start, pronoun.end):
            continue
        if attributed:
            message = (
                f"{pronoun.text!r} opens words attributed to {ante.text!r} "
                f"({_GENDER[ante.gender]} {_NUMBER[ante.number]}): one of the two has the wrong gender"
            )
        else:
            message = (
                f"{pronoun.text!r} refers back to {ante.text!r} "
                f"({_GENDER[ante.gender]} {_NUMBER[ante.number]}), the only candidate nearby"
            )
        yield Hit(
            pronoun.start,
            pronoun.end,
            message,
            suggestion=_swapped(pronoun.text),
            segment=segment,
        )


RULES = (
    Rule(
        code="MTQ221",
        name="pronoun-antecedent-gender",
        category=Category.PRONOUN,
        # info: on the correct halves of bench/eval_pronoun_pairs.py about 2% are flagged, and one
        # professional row of the de-fr news (a pronoun whose antecedent is two sentences back).
        severity=Severity.INFO,
        summary="A French subject pronoun (il/elle/ils/elles) whose gender contradicts the subject it "
        "refers back to, when no other candidate of the pronoun's gender stands nearby.",
        why="MT translates sentence by sentence and picks the pronoun's gender from the source word, "
        'not from the French antecedent ("bridges ... They" -> "les ponts ... Elles").',
        flagged=(
            Example(
                "Les nouveaux ponts ouvrent en mai. Elles seront gratuites pour les cyclistes.",
                spans=("Elles",),
            ),
            Example(
                "Mme Merkel a quitté la chancellerie en 2021. Il a été remplacé par M. Scholz.", spans=("Il",)
            ),
            Example(
                "Michael Strahan a exprimé son enthousiasme. "
                "Elle aimerait y retourner, a déclaré l'animateur.",
                spans=("Elle",),
            ),
        ),
        passing=(
            Example("Les nouveaux ponts ouvrent en mai. Ils seront gratuits pour les cyclistes.", "fr"),
            Example(
                "Le ministre a reçu la présidente. La présidente a parlé. Elle a salué son courage.", "fr"
            ),
            Example("La ville a voté le budget. Il faut maintenant trouver les fonds.", "fr"),
        ),
        check=check_antecedent_gender,
        scope="document",
        languages=frozenset({"fr"}),
        data_files=(
            DataFile("fr", "gender_determiners", 3),
            DataFile("fr", "prenominal_adjectives", 3),
            DataFile("fr", "human_titles", 2),
            DataFile("fr", "noun_genders", 2),
            DataFile("fr", "role_nouns", 2),
            DataFile("fr", "person_nouns"),
            DataFile("fr", "impersonal_il"),
            DataFile("fr", "time_nouns"),
            DataFile("fr", "speech_verbs"),
            DataFile("fr", "prepositions"),
            DataFile("fr", "object_pronoun_contexts"),
            DataFile("fr", "function_heads"),
            DataFile("fr", "partitive_heads"),
            DataFile("fr", "degree_adverbs"),
            DataFile("fr", "copula_adverbs"),
        ),
    ),
)
