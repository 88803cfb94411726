"""MTQ224 pronoun-gender-vs-source: a French subject pronoun (il, elle, ils, elles) whose gender or
number contradicts the source pronoun it translates, where that pronoun names a person.

Sentence by sentence along the alignment (mtqa/rules/source_pairs.py), only where the mapping is one
to one: the aligned source sentences hold exactly one third-person subject pronoun
(mtqa/text/source_pronouns.py: English he/she/it/they, German er/sie/es) and the aligned target
sentences exactly one subject pronoun the antecedent model reads (mtqa/text/antecedents.py: no
impersonal "il", no stressed "elle" after a preposition). English "he"/"she" name persons. German
"er"/"sie" name things too, with a gender French does not share (der Ausbruch -> l'éruption), so
they are compared only where the source names a person of their gender in the sentence before the
pronoun or the two before, and no noun a determiner could give that gender. "it", "es" and "they"
are never compared: their French gender is the French noun's, which MTQ221 reads; a "sie" whose verb
does not tell singular from plural is not compared either. Where the target pronoun reads as a thing
of its own gender (its French antecedent is a noun, not a person), the translation may have
restructured the sentence: silent.

Severity warning: on the de-fr news the professional translations get no finding.
"""

from __future__ import annotations

from mtqa.model import Category, Severity
from mtqa.rules.base import DataFile, Example, Parameter, Rule
from mtqa.rules.source_pairs import NEEDS_SOURCE, hit, pairs, usable_alignment
from mtqa.text.antecedents import antecedents_of, may_hold_pronouns
from mtqa.text.mentions import person_noun
from mtqa.text.source_pronouns import has_pronoun_table, named_people, read_window, subject_pronouns

_GENDER = {"m": "masculine", "f": "feminine"}
_NUMBER = {"sg": "singular", "pl": "plural"}
_FORMS = {("m", "sg"): "il", ("f", "sg"): "elle", ("m", "pl"): "ils", ("f", "pl"): "elles"}

WINDOW = Parameter(
    "window",
    2,
    "Source sentences read before a German pronoun's own for the person it names and the things "
    "that compete with it.",
)


def _form(gender: str, number: str, like: str) -> str:
    form = _FORMS[(gender, number)]
    return form.capitalize() if like[:1].isupper() else form


def check_pronoun_gender_vs_source(view, ctx):
    al = usable_alignment(view)
    if view.lang != "fr" or al is None or not has_pronoun_table(al.source_lang):
        return
    if not may_hold_pronouns(view):
        return
    lang = al.source_lang
    model = antecedents_of(view, whole=False)
    by_segment: dict[int, list] = {}
    for p in model.pronouns:
        by_segment.setdefault(model.sentences[p.sentence].segment, []).append(p)
    if not by_segment:
        return  # no target pronoun in the document: nothing to compare
    people = None
    reach = ctx.param(WINDOW)
    for pair in pairs(view):
        targets = [
            (t, p) for t in pair.target for p in by_segment.get(t.segment, ()) if t.start <= p.start < t.end
        ]
        if not targets:
            continue  # one to one needs a target pronoun (most sentences hold none): no source read
        found = [(k, p) for k, s in enumerate(pair.source) for p in subject_pronouns(s.text, lang)]
        # one to one: one source pronoun, or several of one form ("Er sagte, er habe…"), and as
        # many target pronouns
        if not found or len({(p.text.lower(), p.gender, p.number) for _, p in found}) != 1:
            continue
        k, source = found[0]
        if source.gender not in _GENDER or source.number is None:
            continue  # it, es, they, a "sie" the verb does not number
        if len(targets) != len(found):
            continue
        wrong = [(t, p) for t, p in targets if (p.gender, p.number) != (source.gender, source.number)]
        if len(wrong) != 1:
            continue  # all agree, or all disagree (the target may name someone else)
        sentence, pronoun = wrong[0]
        if not source.person_only:
            if people is None:
                people = named_people((s.text for s in al.source), lang)
            first = pair.bead.src[0] + k
            before = [s.text for s in al.source[max(0, first - reach) : first]]
            window = read_window([*before, pair.source[k].text[: source.start]], lang, people)
            if source.gender not in window.person_genders or source.gender in window.thing_genders:
                continue
        res = model.resolve(pronoun)
        if (
            res is not None
            and res.competitor is None
            and res.antecedent.kind == "noun"
            and not person_noun(res.antecedent.text)
            and (res.antecedent.gender, res.antecedent.number) == (pronoun.gender, pronoun.number)
        ):
            continue  # the French reads it as a thing of its own gender: a restructured sentence
        what = "gender" if pronoun.gender != source.gender else "number"
        yield hit(
            sentence,
            pronoun.start - sentence.start,
            pronoun.end - sentence.start,
            f"{pronoun.text!r} is {_GENDER[pronoun.gender]} {_NUMBER[pronoun.number]}, but the source "
            f"says {source.text!r} ({_GENDER[source.gender]} {_NUMBER[source.number]}) of a person: "
            f"the {what} is lost",
            pair,
            suggestion=_form(source.gender, source.number, pronoun.text),
        )


RULES = (
    Rule(
        code="MTQ224",
        name="pronoun-gender-vs-source",
        category=Category.PRONOUN,
        severity=Severity.WARNING,
        summary="A French subject pronoun whose gender or number contradicts the source pronoun it "
        "translates, where that pronoun names a person (he/she; German er/sie with a person of "
        "that gender named just before and no thing that could be meant).",
        why="A person's gender is the same in both languages: MT that writes 'elle' for 'he' (or "
        "'ils' for a singular 'sie') misgenders or multiplies the person the article is about.",
        flagged=(
            Example(
                "Le maire de Lyon a présenté le budget lundi. Elle a promis de baisser les impôts.",
                lang="fr",
                source="The mayor of Lyon presented the budget on Monday. He promised to cut taxes.",
                spans=("Elle",),
            ),
            Example(
                "Mme Schulze dirige le lycée de Celle depuis 2010. Il a annoncé son départ.",
                lang="fr",
                source="Ms Schulze has run the Celle grammar school since 2010. She announced her departure.",
                spans=("Il",),
            ),
        ),
        passing=(
            Example(
                "Le maire de Lyon a présenté le budget lundi. Il a promis de baisser les impôts.",
                lang="fr",
                source="The mayor of Lyon presented the budget on Monday. He promised to cut taxes.",
            ),
            Example(
                "L'éruption du volcan dure depuis trois mois. Elle pourrait encore durer.",
                lang="fr",
                source="The eruption of the volcano has lasted three months. It could go on.",
            ),
        ),
        check=check_pronoun_gender_vs_source,
        scope="document",
        inputs=NEEDS_SOURCE,
        parameters=(WINDOW,),
        languages=frozenset({"fr"}),
        supersedes=("MTQ221",),
        data_files=(
            DataFile("*", "third_person_pronouns", 4),
            DataFile("de", "person_nouns"),
            DataFile("de", "feminine_person_nouns"),
            DataFile("de", "singular_verbs"),
            DataFile("de", "plural_verbs"),
            DataFile("de", "not_verbs"),
            DataFile("de", "time_nouns"),
            DataFile("*", "human_titles", 2),
        ),
    ),
)
