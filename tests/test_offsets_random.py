"""Every rule, on random text built from the pieces MT artifacts are made of: no exception, and every
finding's `text` is exactly the input at its offsets (offsets are evidence, never normalised)."""

from __future__ import annotations

import random

import pytest

from mtqa.config import Config
from mtqa.engine import check
from mtqa.io import article_from_text
from mtqa.model import Document

PIECES = [
    *"abcdeéèàçôïXYZ «»“”\"'’()[]-–—.,;:!?…\n\t 0123456789",
    "\n\n",
    "de des",
    "je ",
    "Nous ",
    "Jabhat al-Nusra",
    "al-Nosra",
    " the ",
    "Related Post",
    "\r\n",
    "\u00a0",
    "\ufeff",
    "𝔘",
    "ſ",
    "le avion",
    " très très ",
    "Lien source",
    "\n\n\n\n",
]
SOURCE_PIECES = [*PIECES, " the fighters", " its ", " 1,5 million", " five years", "Ignatyuk"]


def _text(rng: random.Random, pieces: list[str]) -> str:
    return "".join(rng.choice(pieces) for _ in range(rng.randint(1, 120)))


@pytest.mark.parametrize("seed", range(4))
def test_findings_point_at_the_exact_input_text(seed):
    rng = random.Random(seed)
    checked = 0
    for _ in range(150):
        text = _text(rng, PIECES)
        if not text.strip():
            continue
        lang = rng.choice(["fr", "en", None])
        doc = article_from_text(text, "<random>", lang)
        source = _text(rng, SOURCE_PIECES)
        if rng.random() < 0.5 and source.strip():
            doc = Document(
                path=doc.path,
                segments=doc.segments,
                lang=lang,
                text=text,
                source=article_from_text(source, "<source>"),
                kind="article",
            )
        for f in check([doc], None, Config(lang=lang)).findings:
            assert 0 <= f.start <= f.end <= len(text), f
            assert text[f.start : f.end] == f.text, f
        checked += 1
    assert checked > 100
