"""Name spelling drift within one document (MTQ101).

The clustering lives in mtqa.text.names (`drift_clusters`), shared with corpus-level glossary work;
this module turns each drifting name into one finding, at a minority spelling, that suggests the
dominant one and lists where each spelling stands.
"""

from __future__ import annotations

import re

from mtqa.model import Category, Severity
from mtqa.rules.base import Context, DataFile, Example, Hit, Parameter, Rule
from mtqa.text.name_keys import fold, translit_key
from mtqa.text.names import Mention, drift_clusters, separators_only, spelling

_MAX_LINES_LISTED = 5  # in the message
_MAX_LINES_KEPT = 50  # in the finding's extra["spellings"], per spelling
# Endings that inflect a word (Base / Basée, Syrien / Syriens) rather than transliterate a name:
# spellings that differ only by one of these at the end are two forms of a word, not drift.
_INFLECTIONS = ("e", "s", "es", "ee", "ees", "x")


def _inflected_forms(cluster) -> bool:
    forms = sorted({fold(v).lower() for v in cluster.variants}, key=len)
    stem = forms[0]
    return len(forms) > 1 and all(
        f[: len(stem)] == stem and f[len(stem) :] in _INFLECTIONS for f in forms[1:]
    )


SHORT_KEY = Parameter(
    "short_key",
    3,
    "Letters of a name's transliteration key at or under which drift is reported as info: short names "
    "collide across transliterations of different names (Cho / Chu, Lee / Li).",
)
_NUMBER_AFTER = re.compile(r"[ \u00a0]\d")


# The accented capitals French print may drop; a Turkish Ş or a Polish Ł is part of the name.
_FRENCH_CAPITALS = frozenset("ÉÈÊËÀÂÎÏÔÛÙÇ")


def _capital_accent_only(a: str, b: str) -> bool:
    """Etat / État, Egypte / Égypte: French print may leave capitals unaccented; only the accent of
    a capital letter differs, a house-style inconsistency rather than two spellings of a name."""
    return len(a) == len(b) and all(
        x == y or (x in _FRENCH_CAPITALS or y in _FRENCH_CAPITALS) and fold(x) == fold(y)
        for x, y in zip(a, b, strict=True)
    )


def _numbered(view, m) -> bool:
    """A name followed by a number ("Rossiya 1", "Channel 4") names a channel or a model."""
    return bool(_NUMBER_AFTER.match(view.segments[m.source].text, m.end))


def _severity(view, m, usual, numbered_usual: bool, lang: str | None, short_key: int):
    """Info for the sub-cases an editor would not call a misspelt name; None keeps the rule's."""
    dominant = usual[0].text
    if separators_only(m.text, dominant):
        return Severity.INFO  # spacing and hyphenation variants are often the source's own
    if lang == "fr" and _capital_accent_only(m.text, dominant):
        return Severity.INFO
    if len(translit_key(m.text)) <= short_key and fold(m.text) != fold(dominant):
        return Severity.INFO
    if not numbered_usual and _numbered(view, m):
        return Severity.INFO  # "Rossiya 1" (a TV channel) beside "Russia"
    return None


def _match_case(suggestion: str, written: str) -> str:
    """Keep the mention's own capitalisation of its first letter (sentence starts)."""
    if written[:1].isupper() and suggestion[:1].islower():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion


def _line(view, m) -> int:
    return view.segments[m.source].segment.position(m.start)[0]


def _lines_listed(lines: list[int]) -> str:
    """'line 4' or 'lines 4, 9, 12, ...': at most _MAX_LINES_LISTED, so a note stays one short line
    however many rows repeat the name."""
    shown = ", ".join(map(str, lines[:_MAX_LINES_LISTED])) + (
        ", ..." if len(lines) > _MAX_LINES_LISTED else ""
    )
    return f"line{'s' if len(lines) > 1 else ''} {shown}"


def _worst(severities: list[Severity | None]) -> Severity | None:
    """None (the rule's default, warning) outranks info."""
    return None if None in severities else max(s for s in severities if s is not None)


def _spellings(view, mentions) -> list[dict]:
    """Each spelling of the name, in order of first appearance, with its count and lines (capped)."""
    by_text: dict[str, list] = {}
    for m in mentions:
        by_text.setdefault(m.text, []).append(m)
    return [
        {
            "text": text,
            "count": len(ms),
            "lines": sorted({_line(view, m) for m in ms})[:_MAX_LINES_KEPT],
        }
        for text, ms in by_text.items()
    ]


def check_name_drift(view, ctx: Context):
    """One finding per drifting name: at its (worst) minority mention, listing where each spelling
    stands, rather than one finding per mention plus notes at the dominant ones."""
    drifting = []
    for cluster in drift_clusters(view):
        if _inflected_forms(cluster):
            continue
        # The dominant spelling is counted once per cluster: Cluster.dominant recounts every mention.
        dominant = cluster.dominant
        usual: list[Mention] = []
        minority: list[Mention] = []
        seen: set[tuple[int, int, int]] = set()
        for m in cluster.mentions:
            if (m.source, m.start, m.end) not in seen:  # a mention is counted once
                seen.add((m.source, m.start, m.end))
                (usual if spelling(m.text) == dominant else minority).append(m)
        if minority:
            drifting.append((usual, minority))
    for k, (usual, minority) in enumerate(drifting):
        # "Al Djazeera" against "Al Jazeera" is also "Djazeera" against "Jazeera": one name, one
        # finding, the wider one.
        if not any(j != k and _inside(minority, other) for j, (_, other) in enumerate(drifting)):
            yield _drift_hit(view, ctx, usual, minority)


def _inside(mentions, others) -> bool:
    """Every mention lies within one of `others`, which cover more text (a wider name)."""
    return all(
        any(o.source == m.source and o.start <= m.start and m.end <= o.end for o in others) for m in mentions
    ) and sum(m.end - m.start for m in mentions) < sum(o.end - o.start for o in others)


def _drift_hit(view, ctx: Context, usual, minority) -> Hit:
    minority.sort(key=lambda m: (m.source, m.start))
    numbered_usual = any(_numbered(view, m) for m in usual)
    short_key = ctx.param(SHORT_KEY)
    severities = [_severity(view, m, usual, numbered_usual, ctx.lang, short_key) for m in minority]
    worst = _worst(severities)
    m = minority[severities.index(worst)]
    where = _lines_listed(sorted({_line(view, u) for u in usual}))
    times = f"{len(usual)} mention{'s' if len(usual) > 1 else ''}"
    message = f"'{m.text}' is spelled '{usual[0].text}' in {times} of this name ({where})"
    if len(minority) > 1:
        others = " / ".join(dict.fromkeys(repr(o.text) for o in minority))
        message += f"; {others} at {_lines_listed(sorted({_line(view, o) for o in minority}))}"
    return Hit(
        m.start,
        m.end,
        message,
        suggestion=_match_case(usual[0].text, m.text),
        segment=m.source,
        severity=worst,
        extra={
            "dominant": usual[0].text,
            "spellings": _spellings(view, usual) + _spellings(view, minority),
        },
    )


RULES = (
    Rule(
        code="MTQ101",
        data_files=(DataFile("any", "name_alternations", 2),),
        name="name-spelling-drift",
        category=Category.ENTITY,
        severity=Severity.WARNING,
        summary="One named entity spelled in more than one way in the same document "
        "(al-Nusra / al-Nosra, Erdogan / Erdoğan, Zelensky / Zelenskyy); one finding per name, "
        "at a minority spelling, with the dominant one as the suggestion and the lines of each spelling.",
        why="Sentence-by-sentence translation transliterates a name afresh each time; readers "
        "then wonder whether two people or groups are meant, and search and indexing split them.",
        flagged=(
            Example(
                "Le président Recep Tayyip Erdogan a reçu son homologue. Plus tard, Erdoğan "
                "a déclaré que Erdogan ne céderait pas.",
                spans=("Erdoğan",),
            ),
            Example(
                "President Zelensky spoke on Monday. Officials close to Zelenskyy said "
                "Zelensky would travel to Brussels.",
                lang="en",
                spans=("Zelenskyy",),
            ),
        ),
        passing=(
            Example("Le groupe al-Nosra contrôle Idlib. Les combattants d'al-Nosra ont quitté Alep."),
            Example("La Syrie et l'armée syrienne. Un soldat syrien a parlé à Paris avec un Parisien."),
            Example("President Bashar al-Assad spoke. Assad said the Syrian army held Idlib.", lang="en"),
        ),
        check=check_name_drift,
        parameters=(SHORT_KEY,),
        scope="document",
    ),
)
