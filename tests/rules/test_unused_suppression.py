"""MTQ001 unused-suppression: a directive that silenced nothing is reported; one that silenced a
finding is not (the engine decides after the other rules ran, mtqa/suppress.py)."""

from __future__ import annotations

from mtqa.config import Config
from mtqa.engine import check
from mtqa.io import article_from_text
from mtqa.rules import BY_CODE


def _codes(text: str) -> list[tuple[str, str]]:
    doc = article_from_text(text, "<t>", "fr")
    rules = (BY_CODE["MTQ001"], BY_CODE["MTQ301"])
    return [(f.code, f.text) for f in check([doc], rules, Config(lang="fr")).findings]


def test_a_directive_that_silences_nothing_is_reported():
    text = "<!-- mtqa: ignore MTQ301 -->\n\nLe ministre a démenti ces informations."
    assert _codes(text) == [("MTQ001", "<!-- mtqa: ignore MTQ301 -->")]


def test_a_directive_that_silences_a_finding_is_not():
    text = "<!-- mtqa: ignore MTQ301 -->\n\nLe ministre a a démenti ces informations."
    assert _codes(text) == []
