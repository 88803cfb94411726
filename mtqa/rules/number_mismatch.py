"""MTQ901 number-mismatch: a number of the source sentence missing, added or changed in its
translation, read in every locale's format (1,5 million = 1.5 million, 1 500 = 1,500) and with
written-out numbers answering digits ("cinq ans" = "five years")."""

from __future__ import annotations

from functools import cache

from mtqa.data import table
from mtqa.model import Category, Severity
from mtqa.rules.base import DataFile, Example, Parameter, Rule
from mtqa.rules.source_pairs import NEEDS_SOURCE, hit, pairs
from mtqa.text.numbers import Number, extract_numbers, may_hold_hard_number
from mtqa.text.regex_store import compile_stored

UNIT_TOLERANCE = Parameter(
    "unit_tolerance",
    0.1,
    "Relative difference within which a source quantity and a target one in other units agree "
    "(320 km = 199 miles): a converted quantity, not a mismatch.",
)
YEAR_MIN = Parameter(
    "year_min", 1000, "Smallest whole number an added number may be to read as a year (info)."
)
YEAR_MAX = Parameter(
    "year_max", 2100, "Largest whole number an added number may be to read as a year (info)."
)
NEIGHBOUR_REACH = Parameter(
    "neighbour_reach",
    1,
    "Aligned sentences on each side where a missing or added number may have moved instead.",
)


def _unmatched(wanted: list[Number], offered: list[Number]) -> list[Number]:
    """The digit numbers of `wanted` that no number of `offered` answers (each answers once)."""
    hard = [n for n in wanted if not n.soft]
    if not offered or not hard:  # nothing to match against, or nothing that could be left
        return hard
    # Digits claim their counterparts first, in order; soft numbers would come after them and are
    # never left, so what they would claim is never read: they are not matched at all.
    free = list(offered)
    left = []
    for n in hard:
        # the first digit number that answers, else the first number that does: one pass
        match, first = None, None
        for o in free:
            if n.matches(o):
                if not o.soft:
                    match = o
                    break
                if first is None:
                    first = o
        match = match or first
        if match is None:
            left.append(n)
        else:
            free.remove(match)
    return left


def _anywhere(n: Number, numbers) -> bool:
    return any(n.matches(o) for o in numbers)


def _part_values(n: Number) -> set[float]:
    """The pieces of a number written in parts: "45 500" (or two numbers side by side), "18h30"."""
    pieces = n.text.replace("\u00a0", " ").replace("\u202f", " ").split(" ")
    spaced = {float(p) for p in pieces if p.isdigit()}
    return set(n.parts) | (spaced if len(spaced) >= 2 else set())


def _parts_present(n: Number, numbers) -> bool:
    """A number in parts is accounted for when each part is (".45 500 Pack", "18 heures 30")."""
    parts = _part_values(n)
    return len(parts) >= 2 and all(any(abs(p - v) < 1e-9 for o in numbers for v in o.values) for p in parts)


def _split_groups(missing: list[Number], added: list[Number]) -> tuple[list[Number], list[Number]]:
    """'45 500' on one side, 45 and 500 on the other: the same numbers, grouped differently."""
    for grouped, singles in ((added, missing), (missing, added)):
        for g in list(grouped):
            parts = _part_values(g)
            if len(parts) < 2:
                continue
            hits = [n for n in singles if any(abs(v - p) < 1e-9 for v in n.values for p in parts)]
            if len(hits) >= len(parts):
                grouped.remove(g)
                for n in hits:
                    singles.remove(n)
    return missing, added


@cache
def _units() -> dict[str, tuple[str, float]]:
    return {row[0]: (row[1], float(row[2])) for row in table("any", "units")}


_UNIT_AFTER = compile_stored(r"[\s\u00a0\u202f]?(\p{L}+)")
_UNSPACED = compile_stored(r"[\p{Han}\p{Hiragana}\p{Katakana}]")


def _measure(n: Number, text: str) -> tuple[str, set[float]] | None:
    """The dimension and SI values of a number followed by a unit ("320 Kilometer")."""
    m = _UNIT_AFTER.match(text, n.end)
    if m is None:
        return None
    word = m.group(1).lower()
    unit = _units().get(word)
    if unit is None and _UNSPACED.match(word):  # 320キロメートルに: the unit runs into the next word
        prefixes = (word[:k] for k in range(min(len(word), 8), 0, -1))
        unit = next((_units()[p] for p in prefixes if p in _units()), None)
    if unit is None:
        return None
    return unit[0], {v * unit[1] for v in n.values if v > 0}


def _converted(
    missing: list[Number], src_text: str, added: list[tuple[Number, str]], tolerance: float
) -> set[int]:
    """Pairs of a source quantity and a target quantity in other units that agree within `tolerance`:
    a translation converting kilometres to miles. Returns the ids of the numbers so explained."""
    explained: set[int] = set()
    for n in missing:
        ms = _measure(n, src_text)
        if ms is None:
            continue
        for t, text in added:
            mt = _measure(t, text)
            if id(t) in explained or mt is None or mt[0] != ms[0]:
                continue
            if any(abs(a - b) <= tolerance * max(a, b) for a in ms[1] for b in mt[1]):
                explained |= {id(n), id(t)}
                break
    return explained


def _minor(n: Number) -> bool:
    """A lone digit or a "1": articles, "per", "a single" are how translations say these."""
    return len(n.text) == 1 or n.values == {1.0}


def _year(n: Number, first: int, last: int) -> bool:
    """A year a translation adds (to "this year", "last season") explains; one that replaces another
    year is still a mismatch."""
    return any(first <= v <= last and v == int(v) for v in n.values) and n.text.isdigit()


def check_numbers(view, ctx):
    src_lang = view.alignment.source_lang if view.alignment is not None else None
    tolerance, reach = ctx.param(UNIT_TOLERANCE), ctx.param(NEIGHBOUR_REACH)
    year_min, year_max = ctx.param(YEAR_MIN), ctx.param(YEAR_MAX)
    for pair in pairs(view):
        # Only hard numbers are ever reported (missing or added), and soft ones only answer them: a
        # pair with no hard number on either side has no finding (most pairs, spared the reading).
        if not may_hold_hard_number(pair.source_text) and not any(
            may_hold_hard_number(s.text) for s in pair.target
        ):
            continue
        src = extract_numbers(pair.source_text, src_lang)
        tgt = [(s, n) for s in pair.target for n in extract_numbers(s.text, view.lang)]
        if not src and not tgt:
            continue
        tgt_numbers = [n for _, n in tgt]
        missing = _unmatched(src, tgt_numbers)
        added = _unmatched(tgt_numbers, src)
        missing, added = _split_groups(missing, added)
        if missing:  # a number may have moved into the next sentence's translation
            around = extract_numbers(pair.neighbour_target_text(reach), view.lang)
            missing = [n for n in missing if not _anywhere(n, around) and not _parts_present(n, around)]
        if added:
            around = extract_numbers(pair.neighbour_source_text(reach), src_lang)
            added = [n for n in added if not _anywhere(n, around) and not _parts_present(n, around)]

        where = {id(n): s for s, n in tgt}
        if missing and added:
            explained = _converted(
                missing, pair.source_text, [(n, where[id(n)].text) for n in added], tolerance
            )
            missing = [n for n in missing if id(n) not in explained]
            added = [n for n in added if id(n) not in explained]
        for n in added:
            sentence = where[id(n)]
            if missing:
                was = missing.pop(0)
                yield hit(
                    sentence,
                    n.start,
                    n.end,
                    f"number {n.text!r} where the source says {was.text!r}",
                    pair,
                    suggestion=was.text,
                )
            else:
                yield hit(
                    sentence,
                    n.start,
                    n.end,
                    f"number {n.text!r} is not in the source sentence",
                    pair,
                    severity=Severity.INFO if _minor(n) or _year(n, year_min, year_max) else None,
                )
        for n in missing:
            sentence = pair.target[0]
            yield hit(
                sentence,
                0,
                len(sentence.text),
                f"the source's number {n.text!r} is missing from this translation",
                pair,
                suggestion=n.text,
                severity=Severity.INFO if _minor(n) else None,
            )


RULES = (
    Rule(
        code="MTQ901",
        data_files=(
            DataFile("any", "units", 3),
            DataFile("*", "number_words", 3),
        ),
        name="number-mismatch",
        category=Category.NUMBER,
        severity=Severity.WARNING,
        summary="A number, date, percentage or quantity of the source sentence is missing, added or "
        "changed in the translation (locale formats and written-out numbers understood).",
        why="A changed figure is a factual error that reads fluently, so readers cannot catch it; "
        "only the source reveals it.",
        flagged=(
            Example(
                "Au moins 300 militants ont été tués.",
                "fr",
                source="At least 200 militants were killed.",
                spans=("300",),
            ),
            Example(
                "At least 300 militants were killed.",
                "en",
                source="Au moins 200 militants ont été tués.",
                spans=("300",),
            ),
        ),
        passing=(
            Example(
                "Le siège a duré cinq ans, de 2011 à 2016, et touché 1,5 million de personnes.",
                "fr",
                source="The five-year siege, from 2011 to 2016, affected 1.5 million people.",
            ),
            Example(
                "Some 1,500 soldiers arrived within 24 hours.",
                "en",
                source="Quelque 1 500 soldats sont arrivés en 24 heures.",
            ),
        ),
        check=check_numbers,
        parameters=(UNIT_TOLERANCE, YEAR_MIN, YEAR_MAX, NEIGHBOUR_REACH),
        scope="document",
        inputs=NEEDS_SOURCE,
    ),
)
