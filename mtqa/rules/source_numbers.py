"""MTQ901 number-mismatch: a number of the source sentence missing, added or changed in its
translation, read in every locale's format (1,5 million = 1.5 million, 1 500 = 1,500) and with
written-out numbers answering digits ("cinq ans" = "five years")."""

from __future__ import annotations

from mtqa.model import Category, Severity
from mtqa.rules.base import Example, Rule
from mtqa.rules.source_pairs import NEEDS_SOURCE, hit, pairs
from mtqa.text.numbers import Number, extract_numbers


def _unmatched(wanted: list[Number], offered: list[Number]) -> list[Number]:
    """The digit numbers of `wanted` that no number of `offered` answers (each answers once)."""
    free = list(offered)
    left = []
    for n in sorted(wanted, key=lambda n: n.soft):  # digits claim their counterparts first
        match = next((o for o in free if n.matches(o) and not o.soft), None) or next(
            (o for o in free if n.matches(o)), None
        )
        if match is None:
            if not n.soft:
                left.append(n)
        else:
            free.remove(match)
    return left


def _anywhere(n: Number, numbers) -> bool:
    return any(n.matches(o) for o in numbers)


def _parts_present(n: Number, numbers) -> bool:
    """A space-grouped number ("45 500") may be two numbers side by side (".45 500 Pack"): it is
    accounted for when each part is."""
    parts = n.text.replace("\u00a0", " ").replace("\u202f", " ").split(" ")
    if len(parts) < 2:
        return False
    return all(any(abs(float(p) - v) < 1e-9 for o in numbers for v in o.values) for p in parts if p.isdigit())


def _part_values(n: Number) -> set[float]:
    return {float(p) for p in n.text.replace("\u00a0", " ").replace("\u202f", " ").split(" ") if p.isdigit()}


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


def check_numbers(view, ctx):
    src_lang = view.alignment.source_lang if view.alignment is not None else None
    for pair in pairs(view):
        src = extract_numbers(pair.source_text, src_lang)
        tgt = [(s, n) for s in pair.target for n in extract_numbers(s.text, view.lang)]
        if not src and not tgt:
            continue
        tgt_numbers = [n for _, n in tgt]
        missing = _unmatched(src, tgt_numbers)
        added = _unmatched(tgt_numbers, src)
        missing, added = _split_groups(missing, added)
        if missing:  # a number may have moved into the next sentence's translation
            around = extract_numbers(pair.neighbour_target_text(), view.lang)
            missing = [n for n in missing if not _anywhere(n, around) and not _parts_present(n, around)]
        if added:
            around = extract_numbers(pair.neighbour_source_text(), src_lang)
            added = [n for n in added if not _anywhere(n, around) and not _parts_present(n, around)]

        where = {id(n): s for s, n in tgt}
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
                    severity=Severity.INFO if len(n.text) == 1 else None,
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
            )


RULES = (
    Rule(
        code="MTQ901",
        name="number-mismatch",
        category=Category.NUMBER,
        severity=Severity.WARNING,
        summary="A number, date, percentage or quantity of the source sentence is missing, added or "
        "changed in the translation (locale formats and written-out numbers understood).",
        why="A changed figure is a factual error that reads fluently, so readers cannot catch it; "
        "only the source reveals it.",
        flagged=(
            Example(
                "Au moins 300 militants ont été tués.", "fr", source="At least 200 militants were killed."
            ),
            Example(
                "At least 300 militants were killed.", "en", source="Au moins 200 militants ont été tués."
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
        scope="document",
        requires=NEEDS_SOURCE,
    ),
)
