"""House-style glossary rules (MTQ121, MTQ122): they run when a glossary is configured
(`glossary = [...]` in [tool.mtqa], or --glossary); see mtqa/glossary.py for the file formats."""

from __future__ import annotations

from mtqa.glossary import is_preferred, matcher
from mtqa.model import Category, Severity
from mtqa.rules.base import Context, Example, Hit, Input, Rule


def _matcher(ctx: Context):
    return matcher(tuple(ctx.options.get("glossary", ())), ctx.lang)


def check_variant(seg, ctx: Context):
    for m in _matcher(ctx).names(seg.text):
        written = seg.text[m.start : m.end]
        if not is_preferred(written, m.entry):
            yield Hit(
                m.start,
                m.end,
                f"'{written}' is written '{m.entry.preferred}' in the house style",
                suggestion=m.entry.preferred,
            )


def check_kept(seg, ctx: Context):
    found = _matcher(ctx).translations(seg.text)
    for m in found:
        yield Hit(
            m.start,
            m.end,
            f"'{seg.text[m.start : m.end]}' translates '{m.entry.preferred}', which the "
            "house style keeps as is",
            suggestion=m.entry.preferred,
        )
    src = seg.segment.src
    if src and not found:  # with a source segment: the term is in the source but not in the target
        for entry, term in _matcher(ctx).kept_terms:
            if entry.preferred in src and term.search(src) and not term.search(seg.text):
                yield Hit(
                    0,
                    len(seg.text),
                    f"'{entry.preferred}' is in the source but not kept as is in the translation",
                    suggestion=entry.preferred,
                )


_GLOSSARY_NOTE = " (with the starter glossary references/glossary.fr.tsv)"

RULES = (
    Rule(
        code="MTQ121",
        name="glossary-variant",
        category=Category.ENTITY,
        severity=Severity.WARNING,
        summary="A name written as a variant of the spelling the house glossary prefers (Bashar Assad "
        "for Bachar al-Assad, Tahrir-al-Sham for Tahrir al-Cham); the preferred spelling is the "
        "suggestion." + _GLOSSARY_NOTE,
        why="A desk spells a name one way across all its articles; MT and agency copy bring in English "
        "or other transliterations that readers and search see as different names.",
        flagged=(
            Example("Le régime de Bashar Assad a repris Alep.", spans=("Bashar Assad",)),
            Example("Les combattants de Tahrir-al-Sham sont entrés dans Idlib.", spans=("Tahrir-al-Sham",)),
        ),
        passing=(
            Example("Le régime de Bachar al-Assad a repris Alep. Al-Assad a salué la victoire."),
            Example("Hayat Tahrir al-Cham contrôle Idlib ; Assad reste au pouvoir."),
        ),
        check=check_variant,
        inputs=frozenset({Input.TARGET, Input.GLOSSARY}),
    ),
    Rule(
        code="MTQ122",
        name="do-not-translate",
        category=Category.ENTITY,
        severity=Severity.WARNING,
        summary="A term the glossary keeps as is (a newspaper, a brand, a movement's name) that was "
        "translated: a known translation of it in the text, or, with a source segment, the term "
        "in the source and not in the translation." + _GLOSSARY_NOTE,
        why="'Temps financiers' for the Financial Times sends readers looking for a paper that does "
        "not exist; titles and brands are quoted, not translated.",
        flagged=(
            Example("Selon le Temps financiers, la banque a perdu 2 milliards.", spans=("Temps financiers",)),
        ),
        passing=(Example("Selon le Financial Times, la banque a perdu 2 milliards."),),
        check=check_kept,
        inputs=frozenset({Input.TARGET, Input.GLOSSARY}),
    ),
)
