"""Stand-in rules with fully known behaviour, so input, engine and CLI tests do not depend on what
the real detectors currently flag."""

from __future__ import annotations

import re

from mtqa.model import Category, Severity
from mtqa.rules.base import Example, Hit, Rule


def word_rule(
    word: str,
    code: str = "MTQ990",
    severity: Severity = Severity.WARNING,
    languages: frozenset[str] | None = None,
    name: str | None = None,
) -> Rule:
    """A segment rule that flags every occurrence of `word`."""
    pattern = re.compile(rf"\b{re.escape(word)}\b")

    def check(seg, ctx):
        for m in pattern.finditer(seg.text):
            yield Hit(m.start(), m.end(), f"found {word!r}", suggestion=word.upper())

    return Rule(
        code=code,
        name=name or f"test-{severity.name.lower()}-word",
        category=Category.OTHER,
        severity=severity,
        summary=f"flags {word!r}",
        why="test double",
        flagged=(Example(word),),
        passing=(Example("rien"),),
        check=check,
        languages=languages,
    )


def between_paragraphs_rule(code: str = "MTQ991") -> Rule:
    """A document rule that reports the blank lines after the first paragraph (as debris rules do)."""

    def check(view, ctx):
        segs = view.segments
        if len(segs) < 2:
            return
        first, second = segs[0].segment, segs[1].segment
        end_of_first = len(first.text)
        yield Hit(
            end_of_first, second.offset - first.offset, "blank lines", segment=0, severity=Severity.INFO
        )

    return Rule(
        code=code,
        name="test-between-paragraphs",
        category=Category.BOILERPLATE,
        severity=Severity.INFO,
        summary="flags the gap after the first paragraph",
        why="test double",
        flagged=(Example("a\n\nb"),),
        passing=(Example("a"),),
        check=check,
        scope="document",
    )
