"""MTQ001 unused-suppression. The engine reports it after the other rules ran (see mtqa/suppress.py),
because only then is it known which suppressions silenced something; the check itself finds nothing."""

from __future__ import annotations

from mtqa.model import Category, Severity
from mtqa.rules.base import Example, Rule


def _reported_by_engine(view, ctx):
    return ()


RULES = (
    Rule(
        code="MTQ001",
        name="unused-suppression",
        category=Category.OTHER,
        severity=Severity.INFO,
        summary="An inline `<!-- mtqa: ignore ... -->` directive or a `.mtqa-allow` entry that silenced "
        "nothing.",
        why="A suppression outlives the text it was written for; left in place it would silently hide "
        "the next real error in that paragraph.",
        flagged=(
            Example(
                "<!-- mtqa: ignore MTQ301 -->\n\nLe ministre a démenti ces informations.",
                spans=("<!-- mtqa: ignore MTQ301 -->",),
            ),
        ),
        passing=(Example("<!-- note de la rédaction : article mis à jour -->\n\nLe ministre a démenti."),),
        check=_reported_by_engine,
        scope="document",
    ),
)
