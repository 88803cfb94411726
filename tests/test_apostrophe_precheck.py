"""apostrophe_damage skips the full patterns on texts where no quote mark stands between a letter
and the start of a possible next word (_MAY_BE_DAMAGE): the shortcut must never hide damage."""

from __future__ import annotations

from itertools import product

import pytest

from mtqa.text.apostrophes import _MAY_BE_DAMAGE, _damage, apostrophe_damage

HEADS = ("l", "L", "d", "qu", "jusqu", "aujourd", "Prud", "don", "can", "it", "Russia", "EU", "I", "they")
GAPS = ('"', ' "', '" ', ' " ', "«", " «", "» ", "“", "”", "„", "´", "`", "\u00a0«", "«\u202f")
NEXTS = ("entreprise", "État", "hui", "homme", "t", "s", "re", "ve", "ll", "d", "m", "x", "s-", "t'")
FRAMES = ("{}", "Le {} vient.", ". {}", "a-{}", "«\u00a0{}", "voir http://x.fr/{} ici", "{}2")


def _cases():
    for head, gap, nxt, frame in product(HEADS, GAPS, NEXTS, FRAMES):
        yield frame.format(head + gap + nxt)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_damaged_text_passes_the_precheck(lang):
    damaged = 0
    for text in _cases():
        if any(True for _ in _damage(text, lang)):
            damaged += 1
            assert _MAY_BE_DAMAGE[lang].search(text), text
    assert damaged > 100  # the table holds damage in both languages: the check above is exercised


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ('l "entreprise', "fr", ['"']),
        ('aujourd" hui', "fr", ['"']),
        ("Le « monde » dit", "fr", []),
        ('don"t', "en", ['"']),
        ('Russia"s army', "en", ['"']),
        ('he said "The army', "en", []),
        ('l "entreprise', "de", []),
    ],
)
def test_damage_found_or_not(text, lang, expected):
    assert [text[d.mark] for d in apostrophe_damage(text, lang)] == expected
