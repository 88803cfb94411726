"""Name spelling drift within one document (MTQ101).

The clustering lives in mtqa.text.names (`drift_clusters`), shared with corpus-level glossary work;
this module only turns each minority spelling into a finding that suggests the dominant one.
"""

from __future__ import annotations

from mtqa.model import Category, Severity
from mtqa.rules.base import Context, Example, Hit, Rule
from mtqa.text.names import drift_clusters, fold, separators_only, spelling

_MAX_LINES_LISTED = 5
# Endings that inflect a word (Base / Basée, Syrien / Syriens) rather than transliterate a name:
# spellings that differ only by one of these at the end are two forms of a word, not drift.
_INFLECTIONS = ("e", "s", "es", "ee", "ees", "x")


def _inflected_forms(cluster) -> bool:
    forms = sorted({fold(v).lower() for v in cluster.variants}, key=len)
    stem = forms[0]
    return len(forms) > 1 and all(f[: len(stem)] == stem and f[len(stem):] in _INFLECTIONS for f in forms[1:])


def _match_case(suggestion: str, written: str) -> str:
    """Keep the mention's own capitalisation of its first letter (sentence starts)."""
    if written[:1].isupper() and suggestion[:1].islower():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion


def check_name_drift(view, ctx: Context):
    for cluster in drift_clusters(view):
        if _inflected_forms(cluster):
            continue
        usual = [m for m in cluster.mentions if spelling(m.text) == cluster.dominant]
        lines = sorted({view.segments[m.source].segment.position(m.start)[0] for m in usual})
        listed = ", ".join(map(str, lines[:_MAX_LINES_LISTED])) + (
            ", ..." if len(lines) > _MAX_LINES_LISTED else ""
        )
        where = f"line{'s' if len(lines) > 1 else ''} {listed}"
        times = f"{len(usual)} mention{'s' if len(usual) > 1 else ''}"
        for m in cluster.minority():
            yield Hit(
                m.start,
                m.end,
                f"'{m.text}' is spelled '{usual[0].text}' in {times} of this name ({where})",
                suggestion=_match_case(usual[0].text, m.text),
                segment=m.source,
                # Spacing and hyphenation variants are often the source's own; letters are not.
                severity=Severity.INFO if separators_only(m.text, usual[0].text) else None,
            )
        yield from _related_notes(view, cluster)


def _related_notes(view, cluster):
    """An info note in each other paragraph that uses the dominant spelling, the way a compiler
    says "previously defined here": the editor sees every place the two spellings meet."""
    minority = cluster.minority()
    flagged = {m.source for m in minority}
    other = sorted({m.text for m in minority})
    lines = sorted({view.segments[m.source].segment.position(m.start)[0] for m in minority})
    noted: set[int] = set()
    for m in cluster.mentions:
        if m.source in flagged or m.source in noted or spelling(m.text) != cluster.dominant:
            continue
        noted.add(m.source)
        yield Hit(
            m.start,
            m.end,
            f"'{m.text}' is also spelled {' / '.join(repr(o) for o in other)} in this document "
            f"(line{'s' if len(lines) > 1 else ''} {', '.join(map(str, lines))}); keep one spelling",
            segment=m.source,
            severity=Severity.INFO,
            extra={"related": True},
        )


RULES = (
    Rule(
        code="MTQ101",
        name="name-spelling-drift",
        category=Category.ENTITY,
        severity=Severity.WARNING,
        summary="One named entity spelled in more than one way in the same document "
        "(al-Nusra / al-Nosra, Erdogan / Erdoğan, Zelensky / Zelenskyy); each minority "
        "spelling is reported with the dominant one as the suggestion.",
        why="Sentence-by-sentence translation transliterates a name afresh each time; readers "
        "then wonder whether two people or groups are meant, and search and indexing split them.",
        flagged=(
            Example(
                "Le président Recep Tayyip Erdogan a reçu son homologue. Plus tard, Erdoğan "
                "a déclaré que Erdogan ne céderait pas."
            ),
            Example(
                "President Zelensky spoke on Monday. Officials close to Zelenskyy said "
                "Zelensky would travel to Brussels.",
                lang="en",
            ),
        ),
        passing=(
            Example("Le groupe al-Nosra contrôle Idlib. Les combattants d'al-Nosra ont quitté Alep."),
            Example("La Syrie et l'armée syrienne. Un soldat syrien a parlé à Paris avec un Parisien."),
            Example("President Bashar al-Assad spoke. Assad said the Syrian army held Idlib.", lang="en"),
        ),
        check=check_name_drift,
        scope="document",
    ),
)
