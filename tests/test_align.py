"""Sentence alignment (mtqa.align): bead types, anchors, banding, and the source-mismatch verdict."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from mtqa.align import Sentence, align_sentences, anchors, sentences_of
from mtqa.io import article_from_text
from mtqa.model import Document, Segment
from mtqa.text.analysis import DocumentView

CITIES = [
    ("Aleppo", "Alep"),
    ("Moscow", "Moscou"),
    ("Idlib", "Idlib"),
    ("Damascus", "Damas"),
    ("Ankara", "Ankara"),
    ("Homs", "Homs"),
    ("Beirut", "Beyrouth"),
    ("Latakia", "Lattaquié"),
]
EXTRAS = [
    (" after a long and difficult week of talks", " après une longue et difficile semaine de discussions"),
    (", according to local officials", ", selon des responsables locaux"),
    (" despite strong objections from the opposition", " malgré les vives objections de l'opposition"),
    ("", ""),
]


def parallel(n: int, seed: int = 1) -> tuple[list[str], list[str]]:
    """n English sentences and their French translations, of varied length, with names and numbers."""
    rng = random.Random(seed)
    en, fr = [], []
    for i in range(n):
        (c_en, c_fr), (x_en, x_fr) = rng.choice(CITIES), rng.choice(EXTRAS)
        k = rng.randint(2, 900)
        extra2 = rng.random() < 0.4
        en.append(
            f"Officials in {c_en} reported {k} new cases on day {i}{x_en}"
            + (", and the army sent more troops to the northern front" if extra2 else "")
            + "."
        )
        fr.append(
            f"Les responsables de {c_fr} ont signalé {k} nouveaux cas le jour {i}{x_fr}"
            + (", et l'armée a envoyé davantage de troupes sur le front nord" if extra2 else "")
            + "."
        )
    return en, fr


def units(sentences: list[str], per_paragraph: int = 3) -> list[Sentence]:
    return [
        Sentence(i // per_paragraph, 0, len(s), s, i % per_paragraph == 0) for i, s in enumerate(sentences)
    ]


def beads_of(src, tgt):
    return [(b.src, b.tgt) for b in align_sentences(units(src), units(tgt), "en", "fr")]


def test_parallel_sentences_align_one_to_one():
    en, fr = parallel(30)
    assert beads_of(en, fr) == [((i,), (i,)) for i in range(30)]


def test_a_sentence_split_in_two_is_a_one_to_two_bead():
    en, fr = parallel(12)
    first, second = fr[5].rstrip(".").split(", ", 1) if ", " in fr[5] else (fr[5][:40], fr[5][40:])
    fr = fr[:5] + [first + ".", second[0].upper() + second[1:]] + fr[6:]
    beads = beads_of(en, fr)
    assert ((5,), (5, 6)) in beads
    assert ((11,), (12,)) in beads


def test_two_sentences_merged_are_a_two_to_one_bead():
    en, fr = parallel(12)
    fr = fr[:3] + [fr[3].rstrip(".") + " ; " + fr[4][0].lower() + fr[4][1:]] + fr[5:]
    assert ((3, 4), (3,)) in beads_of(en, fr)


def test_dropped_and_invented_sentences_are_null_beads():
    en, fr = parallel(20)
    invented = (
        "Le ministre a également annoncé une hausse des impôts pour les ménages les plus riches du pays."
    )
    fr_gapped = fr[:7] + fr[8:15] + [invented] + fr[15:]
    beads = beads_of(en, fr_gapped)
    assert ((7,), ()) in beads  # source sentence 7 was dropped
    assert ((), (14,)) in beads  # target sentence 14 translates nothing
    assert ((19,), (19,)) in beads


def test_a_long_gap_leaves_the_band_and_is_still_found():
    en, fr = parallel(300, seed=4)
    fr_gapped = fr[:100] + fr[160:]  # 60 sentences dropped: the path leaves the initial band
    beads = beads_of(en, fr_gapped)
    assert all(((i,), ()) in beads for i in range(100, 160))
    assert ((299,), (239,)) in beads


def test_long_articles_align_completely():
    # The time this takes is measured by bench/bench_align.py, not asserted here.
    en, fr = parallel(2000, seed=7)
    beads = beads_of(en, fr)
    assert len(beads) == 2000


def test_anchors_survive_translation_and_locale():
    assert anchors("Le colonel Oleg Ignatnouk a compté 1,5 million de votants.", "fr") & anchors(
        "Colonel Oleg Ignatyuk counted 1.5 million voters.", "en"
    ) >= {"woleg", "wigna", "n1.5"}
    assert anchors("Il a dit « non ».", "fr") & anchors('He said "no".', "en") == {"q"}


def test_glued_scraped_sentences_are_split_for_alignment():
    (s,) = [sentences_of(["It works well.The blade is sharp."])]
    assert [u.text for u in s] == ["It works well.", "The blade is sharp."]


def article_pair(target: str, source: str, lang="fr", src_lang="en"):
    doc = replace(
        article_from_text(target, "t", lang),
        source=article_from_text(source, "s", src_lang),
        src_lang=src_lang,
    )
    return DocumentView(doc, lang).alignment


def test_the_right_source_is_ok_and_confident():
    en, fr = parallel(10)
    al = article_pair(" ".join(fr), " ".join(en))
    assert al.status == "ok" and al.confidence > 0.8


def test_an_empty_source_is_reported_as_empty():
    doc = replace(
        article_from_text("Le gouvernement a parlé.", "t", "fr"),
        source=Document(path="s", segments=(), text=""),
    )
    al = DocumentView(doc, "fr").alignment
    assert al.status == "empty"


def test_a_source_in_the_target_language_is_the_wrong_language():
    _, fr = parallel(6)
    al = article_pair(" ".join(fr), " ".join(fr), src_lang=None)
    assert al.status == "wrong-language"


def test_another_article_is_a_mismatch():
    en, _ = parallel(12, seed=2)
    other = (
        "Le festival de musique de la ville accueillera cette année des orchestres venus de toute l'Europe. "
        "Les billets seront vendus à partir de lundi dans les kiosques habituels. "
    ) * 4
    al = article_pair(other, " ".join(en))
    assert al.status == "mismatch"


def test_jsonl_rows_align_inside_each_row():
    rows = (
        Segment("Premier point. Second point.", 0, src="First point. Second point.", id="a"),
        Segment("Troisième point.", 1, src="Third point.", id="b"),
    )
    doc = Document(path="x.jsonl", segments=rows, lang="fr", src_lang="en", kind="segments")
    al = DocumentView(doc, "fr").alignment
    assert [(b.src, b.tgt) for b in al.beads] == [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]
    assert [s.segment for s in al.source] == [0, 0, 1]


@pytest.mark.parametrize("target", ["", "   "])
def test_no_source_means_no_alignment(target):
    doc = article_from_text("Le gouvernement a parlé.", "t", "fr")
    assert DocumentView(doc, "fr").alignment is None
