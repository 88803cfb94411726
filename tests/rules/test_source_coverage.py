"""MTQ911 omitted-sentence, MTQ912 added-sentence, MTQ913 length-ratio, MTQ921 source-mismatch."""

from __future__ import annotations

from mtqa.config import Config
from mtqa.engine import check
from mtqa.rules import ALL_RULES
from tests.rules.source_helpers import run_source_rule, with_source

SOURCE = (
    "Syrian forces lifted the nearly five-year siege of Aleppo in December 2016. "
    "They pushed al-Nusra and other armed groups west into the province of Idlib, along the Turkish border. "
    "Turkey took responsibility for Idlib in 2018, promising to separate the terrorists from the rebels. "
    "A March 2020 agreement between Vladimir Putin and Recep Tayyip Erdogan was meant to end the fighting."
)
HUMAN = (
    "Les forces syriennes ont levé en décembre 2016 le siège d'Alep, qui durait depuis près de cinq ans. "
    "Elles ont repoussé al-Nosra et d'autres groupes armés vers l'ouest, dans la province d'Idlib, "
    "le long de "
    "la frontière turque. La Turquie a pris la responsabilité d'Idlib en 2018, en promettant de séparer les "
    "terroristes des rebelles. Un accord conclu en mars 2020 entre Vladimir Poutine et Recep Tayyip Erdogan "
    "devait mettre fin aux combats."
)
HUMAN_EN = (
    "Syrian forces lifted the siege of Aleppo, which had lasted nearly five years, in December 2016. "
    "They pushed al-Nusra and other armed groups west, into Idlib province along the Turkish border. "
    "Turkey took charge of Idlib in 2018, promising to separate terrorists from rebels. "
    "An agreement reached in March 2020 between Vladimir Putin and Recep Tayyip Erdogan was to end the "
    "fighting."
)
SENTENCES = HUMAN.split(". ")


def test_human_translations_have_no_coverage_findings():
    for code in ("MTQ911", "MTQ912", "MTQ913", "MTQ921"):
        assert run_source_rule(code, HUMAN, SOURCE, "fr") == [], code
        assert run_source_rule(code, HUMAN_EN, HUMAN, "en", src_lang="fr") == [], code


def test_dropped_sentence_is_reported_where_it_belongs():
    target = ". ".join(SENTENCES[:1] + SENTENCES[2:])
    (f,) = run_source_rule("MTQ911", target, SOURCE, "fr")
    assert f.start == f.end == target.index("La Turquie")
    assert f.extra["source"].startswith("They pushed al-Nusra")


def test_invented_sentence_is_reported():
    invented = (
        "Washington a aussitôt annoncé de nouvelles sanctions contre Damas et contre plusieurs banques "
        "accusées de financer l'armée syrienne"
    )
    target = ". ".join(SENTENCES[:2] + [invented] + SENTENCES[2:])
    (f,) = run_source_rule("MTQ912", target, SOURCE, "fr")
    assert f.text.startswith("Washington a aussitôt annoncé")


def test_short_unaligned_lines_are_not_sentences():
    target = "Related Post\n\n" + HUMAN + "\n\nLien source"
    assert run_source_rule("MTQ912", target, SOURCE, "fr") == []


def test_truncated_translation_has_a_length_finding():
    target = ". ".join(SENTENCES[:1] + ["Elles ont repoussé al-Nosra"] + SENTENCES[2:])
    found = run_source_rule("MTQ913", target, SOURCE, "fr")
    assert [f.text for f in found] == ["Elles ont repoussé al-Nosra."]
    assert "left out" in found[0].message


def test_wrong_source_gives_one_warning_and_silences_the_other_rules():
    other = (
        "German Chancellor Olaf Scholz met French President Emmanuel Macron in Hamburg on Tuesday. "
        "The two leaders signed 3 agreements on energy and defence, officials said. "
        "Scholz said the talks with Macron had been frank "
        "and that the Hamburg summit would be repeated in 2025."
    )
    source_rules = tuple(r for r in ALL_RULES if "source" in r.requires)
    found = list(check([with_source(HUMAN, other, "fr", "en")], source_rules, Config(lang="fr")).findings)
    assert [f.code for f in found] == ["MTQ921"]
    assert "source-aware checks skipped" in found[0].message


def test_source_in_the_target_language_is_reported():
    (f,) = run_source_rule("MTQ921", HUMAN, HUMAN, "fr", src_lang="en")
    assert "'fr'" in f.message


def test_empty_source_is_reported(tmp_path):
    from dataclasses import replace

    from mtqa.io import article_from_text
    from mtqa.model import Document

    doc = replace(
        article_from_text(HUMAN, "t.txt", "fr"), source=Document(path="s.txt", segments=(), text="")
    )
    (f,) = check([doc], tuple(r for r in ALL_RULES if r.code == "MTQ921"), Config(lang="fr")).findings
    assert "the source is empty" in f.message


def _rows(pairs_, src_lang, lang):
    from mtqa.model import Document, Segment

    rows = tuple(Segment(mt, k, src=src, id=f"r{k}") for k, (src, mt) in enumerate(pairs_))
    return Document(path="x.jsonl", segments=rows, lang=lang, src_lang=src_lang, kind="segments")


def _codes(doc, lang, *codes):
    rules = tuple(r for r in ALL_RULES if r.code in codes)
    return list(check([doc], rules, Config(lang=lang)).findings)


def test_omission_in_a_row_is_reported_in_that_row():
    kept = "Les forces syriennes ont levé le siège d'Alep en décembre 2016."
    doc = _rows(
        [
            (
                "Syrian forces lifted the siege of Aleppo in December 2016. They pushed al-Nusra and "
                "other armed groups west into the province of Idlib, along the Turkish border.",
                kept,
            ),
            (
                "Turkey took responsibility for Idlib in 2018, promising to separate the terrorists.",
                "La Turquie a pris la responsabilité d'Idlib en 2018, en promettant de séparer les "
                "terroristes.",
            ),
        ],
        "en",
        "fr",
    )
    (f,) = _codes(doc, "fr", "MTQ911")
    assert (f.segment_id, f.start, f.end) == ("r0", len(kept), len(kept))
    assert f.extra["source"].startswith("They pushed al-Nusra")


def test_rows_from_japanese_have_no_coverage_or_mismatch_findings():
    # Title-case English headlines and prose translated from Japanese, one row per source segment.
    doc = _rows(
        [
            (
                "新年への一歩、優しく後押し 県護国神社に寅の大絵馬｜地元新聞",
                "A Gentle Push Toward the New Year: Large Tiger Votive Plaque at the Prefectural Shrine",
            ),
            (
                "県護国神社に、来年の干支の寅を描いた大絵馬が飾られた。縦２メートル、横３メートルある。",
                "A large votive plaque of a tiger, next year's zodiac animal, has been put up at the "
                "Prefectural Gokoku Shrine. It is 2 meters tall and 3 meters wide.",
            ),
            (
                "宮司は「明るい一年になってほしい」と話した。",
                '"I hope it will be a bright year," said the chief priest.',
            ),
        ],
        "ja",
        "en",
    )
    assert _codes(doc, "en", "MTQ911", "MTQ912", "MTQ913", "MTQ921") == []


def test_japanese_article_source_is_not_a_length_mismatch():
    from tests.test_align import EN_ARTICLE, JA_ARTICLE

    assert run_source_rule("MTQ921", EN_ARTICLE, JA_ARTICLE, "en", src_lang="ja") == []


def test_declared_source_language_the_source_is_not_in_is_reported():
    german = (
        "Syrische Truppen beendeten im Dezember 2016 die fast fünfjährige Belagerung von Aleppo. Sie "
        "drängten al-Nusra und andere bewaffnete Gruppen nach Westen in die Provinz Idlib ab."
    )
    # The English source, declared as German, is contradicted; a German one is not.
    (f,) = run_source_rule("MTQ921", HUMAN, SOURCE, "fr", src_lang="de")
    assert "the source looks like 'en' text, expected 'de'" in f.message
    target = SENTENCES[0] + ". " + SENTENCES[1] + "."
    assert run_source_rule("MTQ921", target, german, "fr", src_lang="de") == []
