"""Sentence alignment (mtqa.align): bead types, anchors, banding, and the source-mismatch verdict."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from mtqa.align import Sentence, align_sentences, anchors, name_key
from mtqa.align_units import sentences_of
from mtqa.io import article_from_text
from mtqa.model import Document, Segment
from mtqa.text.analysis import DocumentView
from mtqa.text.lengths import pair_norm

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
    ) >= {name_key("Oleg"), name_key("Ignatyuk"), "n1.5e+06"}
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


# Any source script: digits of every script, CJK scales, Cyrillic names, German nouns, length norms.
JA_ARTICLE = (
    "山形県米沢市で１２日、地元の農産物をインターネットで販売するイベントが開かれた。\n\n"
    "主催した協議会によると、約３万人が動画配信を視聴したという。"
    "売り上げは昨年の２倍に増えた。\n\n"
    "担当者は「来年も続けたい」と話している。"
    "市は今後、海外向けの配信も検討する方針だ。\n\n"
    "イベントでは、地元の生産者が米や果物の魅力を紹介した。"
)
EN_ARTICLE = (
    "An event selling local farm products over the internet was held in Yonezawa, Yamagata Prefecture, "
    "on the 12th.\n\n"
    "According to the council that organized it, about 30,000 people watched the live stream. "
    "Sales doubled from last year.\n\n"
    '"We would like to continue next year," said an official. '
    "The city now plans to consider streams aimed at viewers overseas.\n\n"
    "At the event, local growers presented the appeal of their rice and fruit."
)


def test_numbers_meet_across_scripts():
    assert "n12" in anchors("死者は１２人に上った。", "ja") & anchors("The death toll rose to 12.", "en")
    ja, en = anchors("約３万人が避難した。", "ja"), anchors("About 30,000 people were evacuated.", "en")
    assert "n30000" in ja & en
    assert "n35" in anchors("قتل ٣٥ شخصا في الهجوم.", "ar") & anchors("The attack killed 35 people.", "en")


def test_cyrillic_names_meet_their_transliteration():
    ru = anchors("Встреча прошла в Киеве, сообщил президент Зеленский журналистам.", "ru")
    en = anchors("The meeting took place in Kyiv, President Zelensky told reporters.", "en")
    assert name_key("Zelensky") in ru & en


def test_japanese_sentences_are_units_without_spaces():
    said, plans = "担当者は「続けたい」と話している。", "市は今後、配信も検討する。"
    asked = "「本当？」と聞いた。"
    assert [u.text for u in sentences_of([said + plans + asked])] == [said, plans, asked]


DE_ARTICLE = (
    "Die Bundesregierung hat am Freitag neue Hilfen für Landwirte angekündigt. Bauern hatten zuvor drei "
    "Wochen lang Straßen rund um Berlin blockiert. Bundeskanzler Olaf Scholz sprach von einem fairen "
    "Kompromiss. Der Bauernverband begrüßte die Einigung, kündigte aber weitere Gespräche an. Die "
    "Opposition kritisierte die Kosten des Pakets als zu hoch."
)
FR_ARTICLE = (
    "Le gouvernement fédéral a annoncé vendredi de nouvelles aides pour les agriculteurs. Les paysans "
    "avaient auparavant bloqué pendant trois semaines les routes autour de Berlin. Le chancelier Olaf "
    "Scholz a parlé d'un compromis équitable. La fédération des agriculteurs a salué l'accord, tout en "
    "annonçant de nouvelles discussions. L'opposition a jugé le coût du paquet trop élevé."
)


def test_german_nouns_are_not_missing_names():
    al = article_pair(FR_ARTICLE, DE_ARTICLE, lang="fr", src_lang="de")
    assert (al.status, al.confidence) == ("ok", pytest.approx(1.0))
    assert [(b.src, b.tgt) for b in al.beads] == [((k,), (k,)) for k in range(5)]


def test_length_norm_follows_the_script():
    assert pair_norm("en", "fr") == pytest.approx(1.15)
    assert pair_norm("ja", "en") == pytest.approx(1 / 0.43)
    assert pair_norm("en", "zh") == pytest.approx(0.33)
    japanese = "約３万人が避難した。住民は備蓄の食料を増やした。"
    assert pair_norm(None, "en", src_text=japanese) == pytest.approx(1 / 0.43)
    assert pair_norm("xx", "yy") is None


def test_japanese_source_of_english_article_is_its_source():
    al = article_pair(EN_ARTICLE, JA_ARTICLE, lang="en", src_lang="ja")
    assert al.status == "ok", al.reason
    assert [(b.src, b.tgt) for b in al.beads] == [((k,), (k,)) for k in range(len(al.source))]


def test_declared_source_language_contradicted_by_the_text():
    fr = (
        "Le gouvernement a annoncé vendredi de nouvelles mesures pour soutenir les agriculteurs, après "
        "trois semaines de manifestations qui ont bloqué les routes autour de la capitale. Le ministre a "
        "promis que les aides seraient versées avant la fin de l'année."
    )
    en = (
        "The government announced new measures for farmers on Friday, after three weeks of protests that "
        "blocked the roads around the capital. The minister promised the aid would be paid before the end "
        "of the year."
    )
    al = article_pair(en, fr, lang="en", src_lang="de")
    assert (al.status, al.reason) == ("wrong-language", "the source looks like 'fr' text, expected 'de'")


def _rows(pairs_: list[tuple[str, str]], src_lang: str, lang: str) -> Document:
    rows = tuple(Segment(mt, k, src=src, id=str(k)) for k, (src, mt) in enumerate(pairs_))
    return Document(path="x.jsonl", segments=rows, lang=lang, src_lang=src_lang, kind="segments")


def test_rows_are_the_alignment_even_when_nothing_is_shared():
    # A title-case English headline from a Japanese one shares no anchor; a failed translation shares
    # nothing with its source either. Neither is a wrong source: the rows pair them.
    doc = _rows(
        [
            (
                "新年への一歩、優しく後押し 県護国神社に寅の大絵馬｜地元新聞",
                "A Gentle Push Toward the New Year: Large Tiger Votive Plaque at the Prefectural Shrine",
            ),
            ("ポスコは１２日、豪州企業の買収契約を締結したと発表した。", "Also are is connect, the also."),
            ("買収額は計７７０９億ウォンで、来年３月に完了する。", "Welcome, joking be and was person."),
        ],
        "ja",
        "en",
    )
    al = DocumentView(doc, "en").alignment
    assert al.status == "ok"
    assert [(b.src, b.tgt) for b in al.beads] == [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]
