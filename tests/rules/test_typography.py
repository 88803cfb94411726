"""MTQ551 apostrophe-damage, MTQ552 glued-sentences, MTQ553 split-token: typography damage that MT
pipelines and scrapers leave, on French and English news text."""

from __future__ import annotations

import pytest

from mtqa.text.apostrophes import apostrophe_damage_spans
from mtqa.text.quotes import scan_quotes
from tests.conftest import run_rule


def found(code: str, text: str, lang: str) -> list[tuple[str, int, str, str | None]]:
    return [(f.code, f.start, f.text, f.suggestion) for f in run_rule(code, text, lang)]


def expect(code: str, text: str, *pairs: tuple[str, str]) -> list[tuple[str, int, str, str]]:
    """The findings `code` must give: each (span text, suggestion) at its first offset in `text`."""
    return [(code, text.index(span), span, suggestion) for span, suggestion in pairs]


APOSTROPHE_FLAGGED = [
    pytest.param(
        'Le directeur de l "entreprise a promis d" investir davantage.',
        "fr",
        [('l "entreprise', "l’entreprise"), ('d" investir', "d’investir")],
        id="fr-straight-quotes-either-side",
    ),
    pytest.param(
        "Selon le ministre, l” État ne paiera pas ce qu “il a promis aujourd” hui.",
        "fr",
        [("l” État", "l’État"), ("qu “il", "qu’il"), ("aujourd” hui", "aujourd’hui")],
        id="fr-curly-quotes-capital-and-aujourdhui",
    ),
    pytest.param(
        "Le budget manque d'argent. L\"opposition s'indigne lorsqu\"elle lit le texte.",
        "fr",
        [('L"opposition', "L'opposition"), ('lorsqu"elle', "lorsqu'elle")],
        id="fr-sentence-start-and-straight-apostrophe-document",
    ),
    pytest.param(
        'The minister said it" s too early, and the unions don "t agree with Russia"s plan.',
        "en",
        [('it" s', "it’s"), ('don "t', "don’t"), ('Russia"s', "Russia’s")],
        id="en-contractions-and-possessive",
    ),
    pytest.param(
        "Ce fut la victoire de Holland\x92s Inge ; Il &#8217; s a vu le club des parents&#39; la veille.",
        "fr",
        [("Holland\x92s", "Holland’s"), ("Il &#8217; s", "Il’s"), ("&#39;", "’")],
        id="fr-encoded-apostrophes",
    ),
    pytest.param(
        '"We“re ready," she said, but I”m not sure they´ll come.',
        "en",
        [("We“re", "We’re"), ("I”m", "I’m"), ("they´ll", "they’ll")],
        id="en-pronoun-contractions",
    ),
]


@pytest.mark.parametrize("text, lang, pairs", APOSTROPHE_FLAGGED)
def test_apostrophe_damage_flagged(text, lang, pairs):
    assert found("MTQ551", text, lang) == expect("MTQ551", text, *pairs)


APOSTROPHE_CLEAN = [
    pytest.param(
        "Le directeur de l’entreprise a parlé d’« urgence » et de « crise » : « Il faut agir. »",
        "fr",
        id="fr-correct-apostrophes-and-guillemets",
    ),
    pytest.param('Le plan D "offensif" et la vitamine C "active" sont cités.', "fr", id="fr-labels"),
    pytest.param('Le son « l » est doux ; le mot "d" aussi.', "fr", id="fr-cited-letter"),
    pytest.param(
        'It emphasizes that Russia\'s "military aggression" and Germany\'s "Green" party differ.',
        "en",
        id="en-real-apostrophe-then-quotation",
    ),
    pytest.param(
        'He spelled it "s", then wrote "re-election" and "Don" twice.', "en", id="en-quoted-letters"
    ),
    pytest.param('Voir https://example.com/l"avis pour le détail.', "fr", id="fr-inside-url"),
]


@pytest.mark.parametrize("text, lang", APOSTROPHE_CLEAN)
def test_apostrophe_damage_clean(text, lang):
    assert found("MTQ551", text, lang) == []


def test_apostrophe_damage_spans_are_the_marks_a_quotation_rule_must_skip():
    text = 'Le patron de l "usine affirme que l" État doit payer. Il dit : « Non ».'
    spans = apostrophe_damage_spans(text, "fr")
    assert [text[a:b] for a, b in spans] == ['"', '"']
    assert [a for a, _ in spans] == [text.index('l "') + 2, text.index('l" ') + 1]
    # The quotation scanner pairs the two marks as one quotation: callers skip them by offset.
    pairs = scan_quotes(text).regions
    assert any(a == spans[0][0] for a, _ in pairs)
    assert apostrophe_damage_spans(text, "de") == []
    assert apostrophe_damage_spans('Il a dit « oui » et "non".', "fr") == []


GLUED_FLAGGED = [
    pytest.param(
        "La police a bouclé le quartier en Bavière.Le ministre a réagi dans la soirée.",
        "fr",
        [("Bavière.Le", "Bavière. Le")],
        id="fr-capitalised-left-word",
    ),
    pytest.param(
        "Le trafic reprend dans le Bade-Wurtemberg.Il reste perturbé en 2021.Les usagers attendent.",
        "fr",
        [("Bade-Wurtemberg.Il", "Bade-Wurtemberg. Il"), ("2021.Les", "2021. Les")],
        id="fr-hyphenated-and-year",
    ),
    pytest.param(
        "Le contrat a été signé en 2019.Le ministre a démissionné deux ans plus tard.",
        "fr",
        [("2019.Le", "2019. Le")],
        id="fr-year-alone",  # no letter glued elsewhere: the quick pre-check must let digits through
    ),
    pytest.param(
        'The mayor resigned on Monday.The council will meet, the spokesman said".It was a surprise.',
        "en",
        [("Monday.The", "Monday. The"), ('said".It', 'said". It')],
        id="en-after-word-and-closing-quote",
    ),
]


@pytest.mark.parametrize("text, lang, pairs", GLUED_FLAGGED)
def test_glued_sentences_flagged(text, lang, pairs):
    assert found("MTQ552", text, lang) == expect("MTQ552", text, *pairs)


GLUED_CLEAN = [
    pytest.param(
        "Selon Gazeta.Ru et bild.de, la hausse atteint 2.5 % aux U.S. et M.Dupont l'a confirmé.",
        "fr",
        id="fr-domains-decimal-initials-abbreviation",
    ),
    pytest.param(
        "The U.S. Army, e.g. Node.js and ASP.NET users, read Lenta.Ru daily; J.K.Rowling agreed.",
        "en",
        id="en-initials-products-domains",
    ),
    pytest.param(
        "Yahoo!News and the file report.Pdf were cited; see www.example.com/News.The page.",
        "en",
        id="en-brand-url",
    ),
    pytest.param("Le titre « Non ».Puis la salle a applaudi. Le groupe.Net", "fr", id="fr-not-a-starter"),
    pytest.param("Le Gén.De Gaulle a parlé.", "fr", id="fr-abbreviation-before-a-starter"),
]


@pytest.mark.parametrize("text, lang", GLUED_CLEAN)
def test_glued_sentences_clean(text, lang):
    assert found("MTQ552", text, lang) == []


SPLIT_FLAGGED = [
    pytest.param(
        "Il ya deux ans, lorsqu il est arrivé , la ville était vide parce qu elle avait fui.",
        "fr",
        [("Il ya", "Il y a"), ("lorsqu il", "lorsqu’il"), (" ,", ","), ("qu elle", "qu’elle")],
        id="fr-ya-elision-comma",
    ),
    pytest.param(
        "Le maire l'a dit aujourd hui. L entreprise suit @ LeMonde et # Bercy.",
        "fr",
        [
            ("aujourd hui", "aujourd'hui"),
            ("L entreprise", "L'entreprise"),
            ("@ LeMonde", "@LeMonde"),
            ("# Bercy", "#Bercy"),
        ],
        id="fr-aujourdhui-sentence-start-handle-hashtag",
    ),
    pytest.param(
        "The company do n't know , and I 'm sure it ca n't pay .",
        "en",
        [("do n't", "don't"), (" ,", ","), ("I 'm", "I'm"), ("ca n't", "can't"), (" .", ".")],
        id="en-contractions-and-blanks",
    ),
    pytest.param(
        "Shoppers queued at Tiffany & Co. 's store and at \"Hakobune\" 's counter.",
        "en",
        [(". 's", ".'s"), ("\" 's", "\"'s")],
        id="en-possessive-after-punctuation",
    ),
]


@pytest.mark.parametrize("text, lang, pairs", SPLIT_FLAGGED)
def test_split_tokens_flagged(text, lang, pairs):
    assert found("MTQ553", text, lang) == expect("MTQ553", text, *pairs)


SPLIT_CLEAN = [
    pytest.param(
        "Il y a deux ans, lorsqu’il est arrivé : « la ville était vide » ! Pourquoi ? Il l’ignore ; "
        "le prix : 5 l à 3 €.",
        "fr",
        id="fr-correct-spacing-before-high-punctuation",
    ),
    pytest.param("Le plan A ou le groupe B ; le point L est loin.", "fr", id="fr-labels"),
    pytest.param(
        "Le pull Okuma s action ; le modèle # P160 ; la marque Holland\x92s Inge.", "fr", id="fr-not-elisions"
    ),
    pytest.param(
        "The company doesn't know, and I'm not sure... Wait . . . yes. Rock 'n' roll in the '90s.",
        "en",
        id="en-correct-and-spaced-ellipsis",
    ),
    pytest.param("He said 'so what' and ranked #1, # 3 and #5 on .NET forums.", "en", id="en-quotes-numbers"),
    pytest.param("Write to news@example.com or visit www.example.com/a ,b.", "en", id="en-urls"),
    pytest.param("# Budget\n\n## Vote @ noon\n\nThe vote passed.", "en", id="en-markdown-headings"),
]


@pytest.mark.parametrize("text, lang", SPLIT_CLEAN)
def test_split_tokens_clean(text, lang):
    assert found("MTQ553", text, lang) == []


@pytest.mark.parametrize("code", ["MTQ551", "MTQ552", "MTQ553"])
def test_other_languages_are_not_judged(code):
    assert run_rule(code, "Der Minister sagte.Die Stadt l \"Haus , do n't.", "de") == []


@pytest.mark.parametrize(
    "unit, lang",
    [
        (' l "entreprise', "fr"),
        ('it" s ', "en"),
        ("said.The end ", "en"),
        ("a 's b , c . ", "en"),
        ("Il ya qu il ", "fr"),
        ("a" * 50 + ".", "en"),
    ],
)
def test_detectors_handle_adversarial_input(unit, lang):
    # Growth on such input is measured by bench/bench_growth.py; here every hit must slice the text.
    from mtqa.model import Segment
    from mtqa.rules.base import Context
    from mtqa.rules.typography import RULES
    from mtqa.text.analysis import SegmentView

    seg = SegmentView(Segment(unit * 8_000, 0), lang)
    for rule in RULES:
        for hit in rule.check(seg, Context(lang)):
            assert 0 <= hit.start < hit.end <= len(seg.text)


def test_glued_sentences_and_the_sentence_splitter_share_one_abbreviation_list():
    from mtqa.data import word_list
    from mtqa.text.sentences import split_sentences

    for abbreviation in word_list("any", "abbreviations"):
        if len(abbreviation) < 2:
            continue  # "m": a single capital is an initial, for both
        word = abbreviation.capitalize()
        assert len(split_sentences(f"Il a vu {word}. Dupont hier.")) == 1, word
        assert found("MTQ552", f"Il a vu {word}.Le jour même, il est parti.", "fr") == [], word
