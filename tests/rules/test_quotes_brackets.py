"""Unpaired quotation marks and brackets, stranded quoted fragments (MTQ501-MTQ503)."""

from __future__ import annotations

import pytest

from mtqa.config import Config
from mtqa.engine import check
from mtqa.model import Category, Document, Segment, Severity
from mtqa.rules import BY_CODE
from tests.conftest import run_rule

CLEAN_FR = """« Nous avons frappé les positions des terroristes », a déclaré vendredi le colonel \
Oleg Ignatiouk.

Selon lui, l’aviation a visé « des dépôts de munitions et des postes de commandement » (au moins douze \
sites) dans la province d’Idlib.

« La trêve est rompue. Les groupes armés ont attaqué nos positions à l’aube.

« Nous répondrons, a-t-il ajouté. Personne ne doit en douter. »

Washington qualifie ces groupes de « rebelles modérés ». Moscou parle de « terroristes ».
"""

CLEAN_EN = """"We struck terrorist positions," Colonel Oleg Ignatyuk told reporters on Friday.

The strikes hit "ammunition depots and command posts" (at least twelve sites) in Idlib province.

"The truce is broken. Armed groups attacked our positions at dawn.

"We will respond," he added. Washington calls them "moderate rebels". Moscow says "terrorists".

The screen measures 27" across; two options remain: a) resign, b) call an election :)
"""


def punctuation_findings(text, lang):
    return [f for code in ("MTQ501", "MTQ502", "MTQ503") for f in run_rule(code, text, lang)]


def rows(*texts: str) -> Document:
    return Document(
        path="<rows>", segments=tuple(Segment(t, i, id=str(i)) for i, t in enumerate(texts)), kind="segments"
    )


def run_rows(code: str, doc: Document, lang: str):
    return list(check([doc], (BY_CODE[code],), Config(lang=lang)).findings)


@pytest.mark.parametrize(
    "text, lang, mark_at, severity",
    [
        pytest.param(
            "« En apportant leur soutien, les forces mènent des frappes. Le colonel a déclaré.",
            "fr",
            "« En",
            Severity.ERROR,
            id="guillemet-never-closed",
        ),
        pytest.param(
            "Il a parlé de “frappes ciblées sur les dépôts.",
            "fr",
            "“frappes",
            Severity.ERROR,
            id="curly-never-closed",
        ),
        pytest.param(
            'He said "the truce is over and walked out.',
            "en",
            '"the',
            Severity.ERROR,
            id="straight-never-closed",
        ),
        pytest.param(
            "Les frappes ont visé des dépôts » selon Moscou.", "fr", "»", Severity.INFO, id="stray-closer"
        ),
        pytest.param(
            "« Nous frappons.\n\nLa trêve est rompue, dit Moscou.",
            "fr",
            "« Nous",
            Severity.ERROR,
            id="next-paragraph-does-not-continue-it",
        ),
    ],
)
def test_unclosed_quote_flagged(text, lang, mark_at, severity):
    found = run_rule("MTQ501", text, lang)
    assert [(f.start, f.text) for f in found] == [(text.index(mark_at), mark_at[0])]
    assert found[0].severity is severity and found[0].category is Category.PUNCTUATION


@pytest.mark.parametrize(
    "text, lang",
    [
        pytest.param(
            "« Nous frappons.\n\n« La trêve est rompue. »", "fr", id="multi-paragraph-quote-reopened"
        ),
        pytest.param("“We strike.\n\n“The truce is over.”", "en", id="multi-paragraph-quote-en"),
        pytest.param("« Nous frappons.\n\nLa trêve est rompue. »", "fr", id="quote-closed-in-next-paragraph"),
        pytest.param('Le téléviseur mesure 65 " et pèse 20 kg, selon le « guide ».', "fr", id="inch-mark"),
        pytest.param('A 6\'6" player and a 27" screen, "he said".', "en", id="inch-marks-en"),
        pytest.param("Il parle de « rebelles modérés » et de “terroristes”.", "fr", id="balanced"),
    ],
)
def test_unclosed_quote_clean(text, lang):
    assert run_rule("MTQ501", text, lang) == []


def test_quote_may_span_jsonl_rows():
    doc = rows("« Nous frappons les terroristes.", "La trêve est rompue », a dit le colonel.")
    assert run_rows("MTQ501", doc, "fr") == []
    doc = rows('"We strike.', 'The truce is over," he said.')
    assert run_rows("MTQ501", doc, "en") == []


def test_quote_left_open_at_end_of_jsonl_document():
    doc = rows("Le colonel a parlé.", "« Nous frappons les terroristes.")
    found = run_rows("MTQ501", doc, "fr")
    assert [(f.segment_id, f.start, f.text) for f in found] == [("1", 0, "«")]


@pytest.mark.parametrize(
    "texts, lang",
    [
        pytest.param(
            (
                "« Nous frappons les positions, a dit le colonel.",
                "La trêve tiendra.",
                "Elle tiendra », a-t-il ajouté.",
            ),
            "fr",
            id="closed-two-rows-later",
        ),
        pytest.param(
            (
                '"Examples of success — "we defended Syria", "the pipeline", "we took Crimea".',
                "The list goes on.",
            ),
            "en",
            id="nested-straight-quotes-closed-by-one-mark",
        ),
        pytest.param(
            ("« Il a lancé : « partez tout de suite ! »", "La salle s'est vidée."),
            "fr",
            id="one-guillemet-closes-two",
        ),
        pytest.param(
            ('He said the screen is 27" wide.', 'She replied: "it costs 5"', "Then they left."),
            "en",
            id="closing-straight-quote-after-a-digit",
        ),
    ],
)
def test_quotation_pairing_across_rows_and_nesting(texts, lang):
    assert [
        f.severity for f in run_rows("MTQ501", rows(*texts), lang) if f.severity >= Severity.WARNING
    ] == []


def test_one_stray_straight_quote_does_not_shift_later_pairs():
    doc = rows('A stray " mark here.', 'Later "a quote" and "another one" follow.', 'Then "a third".')
    found = run_rows("MTQ501", doc, "en")
    assert [(f.segment_id, f.start) for f in found] == [("0", 8)]


def test_quote_never_closed_in_any_later_row_is_an_error():
    doc = rows(
        "« Nous frappons les positions, a dit le colonel.", "La trêve tiendra.", "Le colonel est parti."
    )
    found = run_rows("MTQ501", doc, "fr")
    assert [(f.segment_id, f.text, f.severity) for f in found] == [("0", "«", Severity.ERROR)]


def test_guillemet_after_number_is_reported_as_an_inch_mark():
    text = 'Grand 9"-10 ».'
    found = run_rule("MTQ501", text, "fr")
    assert [(f.text, f.start) for f in found] == [("»", text.index("»"))]
    assert "inch" in found[0].message and found[0].severity is Severity.WARNING


@pytest.mark.parametrize(
    "text, lang, mark_at, severity",
    [
        pytest.param(
            "L’État islamique (EI, anciennement ISIS a revendiqué l’attaque.",
            "fr",
            "(EI",
            Severity.ERROR,
            id="paren-never-closed",
        ),
        pytest.param("The Islamic State [IS claimed the attack.", "en", "[IS", Severity.ERROR, id="square"),
        pytest.param("Le groupe EI) a revendiqué l’attaque.", "fr", ")", Severity.WARNING, id="stray-closer"),
    ],
)
def test_unclosed_bracket_flagged(text, lang, mark_at, severity):
    found = run_rule("MTQ502", text, lang)
    assert [(f.start, f.text) for f in found] == [(text.index(mark_at), mark_at[0])]
    assert found[0].severity is severity


@pytest.mark.parametrize(
    "text, lang",
    [
        pytest.param("L’État islamique (EI, anciennement ISIS) a revendiqué l’attaque.", "fr", id="balanced"),
        pytest.param(
            "Deux options : a) démissionner, b) dissoudre. 1) voter ; 2) partir.", "fr", id="list-markers"
        ),
        pytest.param("Great news :) see you soon ;-)", "en", id="emoticons"),
    ],
)
def test_unclosed_bracket_clean(text, lang):
    assert run_rule("MTQ502", text, lang) == []


def test_bracket_may_span_jsonl_rows():
    doc = rows("L’État islamique (EI, anciennement", "ISIS) a revendiqué l’attaque.")
    assert run_rows("MTQ502", doc, "fr") == []


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        pytest.param(
            "Washington les décrit comme étant des groupes armés. « rebelles modérés ».",
            "fr",
            "« rebelles modérés »",
            id="guillemets",
        ),
        pytest.param(
            "Washington describes them as armed groups. “moderate rebels”.",
            "en",
            "“moderate rebels”",
            id="curly",
        ),
        pytest.param(
            'Washington describes them as armed groups. "moderate rebels"',
            "en",
            '"moderate rebels"',
            id="straight-no-final-stop",
        ),
    ],
)
def test_stranded_quote_flagged(text, lang, expected):
    found = run_rule("MTQ503", text, lang)
    assert [(f.start, f.text) for f in found] == [(text.index(expected), expected)]
    assert found[0].category is Category.PUNCTUATION


@pytest.mark.parametrize(
    "text, lang",
    [
        pytest.param("Washington les décrit comme des « rebelles modérés ».", "fr", id="inside-sentence"),
        pytest.param(
            "Le colonel a parlé. « Nous frapperons », a-t-il dit.", "fr", id="quote-then-attribution"
        ),
        pytest.param("Le colonel a parlé. « Nous frapperons. »", "fr", id="capitalised-full-quote"),
        pytest.param("« rebelles modérés »", "fr", id="alone-in-paragraph"),
        pytest.param("He paused. “why not,” he asked.", "en", id="lowercase-quote-with-attribution"),
    ],
)
def test_stranded_quote_clean(text, lang):
    assert run_rule("MTQ503", text, lang) == []


@pytest.mark.parametrize(
    "text, lang", [pytest.param(CLEAN_FR, "fr", id="fr"), pytest.param(CLEAN_EN, "en", id="en")]
)
def test_clean_news_text_has_no_punctuation_findings(text, lang):
    assert punctuation_findings(text, lang) == []


def test_unpaired_mark_mirrored_in_the_source_is_info():
    doc = Document(
        path="<rows>",
        segments=(
            Segment(
                "Déclinaison réglable (la différence entre le nord magnétique",
                0,
                id="0",
                src="Adjustable declination (the difference between magnetic north",
                src_lang="en",
            ),
            Segment(
                "Déclinaison réglable (la différence entre le nord magnétique",
                1,
                id="1",
                src="Adjustable declination (the difference between magnetic north)",
                src_lang="en",
            ),
        ),
        kind="segments",
    )
    found = run_rows("MTQ502", doc, "fr")
    assert [(f.segment_id, f.severity) for f in found] == [("0", Severity.INFO), ("1", Severity.ERROR)]


@pytest.mark.parametrize(
    "text, lang, span",
    [
        pytest.param(
            'Le ministre a parlé de "frappes ciblées » contre les dépôts.',
            "fr",
            '"frappes ciblées »',
            id="straight-then-guillemet",
        ),
        pytest.param(
            "Le ministre a parlé de « frappes ciblées” contre les dépôts.",
            "fr",
            "« frappes ciblées”",
            id="guillemet-then-curly",
        ),
        pytest.param(
            "The minister spoke of “targeted strikes» on the depots.",
            "en",
            "“targeted strikes»",
            id="curly-then-guillemet",
        ),
    ],
)
def test_mixed_quotation_styles_are_one_finding(text, lang, span):
    found = run_rule("MTQ504", text, lang)
    assert [(f.text, f.start) for f in found] == [(span, text.index(span))]
    assert run_rule("MTQ501", text, lang) == []  # not also an unclosed and a stray mark


@pytest.mark.parametrize(
    "text, lang",
    [
        pytest.param("Le ministre a parlé de « frappes ciblées » contre les dépôts.", "fr", id="guillemets"),
        pytest.param(
            'Il a cité le « rapport "Alpha" » de l\'armée.', "fr", id="nested-straight-in-guillemets"
        ),
        pytest.param("Il a cité le « rapport “Alpha” » de l'armée.", "fr", id="nested-curly-in-guillemets"),
        pytest.param("„Wir kommen“, sagte er.", "de", id="german-low-high"),
    ],
)
def test_one_quotation_style_is_not_mixed(text, lang):
    assert run_rule("MTQ504", text, lang) == []


def test_mixed_styles_across_rows():
    doc = rows('"Nous frappons les positions ennemies.', "La trêve est rompue », a dit le colonel.")
    found = run_rows("MTQ504", doc, "fr")
    assert [(f.segment_id, f.text) for f in found] == [("1", "»")]


def test_straight_and_curly_english_quotes_mixed_is_info():
    found = run_rule("MTQ504", 'He spoke of "targeted strikes” on the depots.', "en")
    assert [(f.text, f.severity) for f in found] == [('"targeted strikes”', Severity.INFO)]
    found = run_rule("MTQ504", 'Il a parlé de "frappes ciblées » hier.', "fr")
    assert [f.severity for f in found] == [Severity.WARNING]


@pytest.mark.parametrize(
    "text, lang",
    [
        pytest.param('Le directeur de l "usine a démissionné lundi.', "fr", id="fr-one-damaged-apostrophe"),
        pytest.param(
            'Le patron de l "usine affirme que l" État doit payer.', "fr", id="fr-pair-is-no-quotation"
        ),
        pytest.param('The mayor said it" s too late for the plan.', "en", id="en-damaged-apostrophe"),
    ],
)
def test_an_apostrophe_typed_as_a_quote_mark_is_no_quotation(text, lang):
    assert run_rule("MTQ501", text, lang) == []
    assert [f.code for f in run_rule("MTQ551", text, lang)] != []  # reported once, as apostrophe damage


def test_fullwidth_bracket_closes_an_ascii_one():
    assert run_rule("MTQ502", "Thirty new cases were found in the army (WoW!Korea ）.", "en") == []
    found = run_rule("MTQ502", "Thirty new cases （WoW!Korea were found.", "en")
    assert [f.text for f in found] == ["（"]


@pytest.mark.parametrize(
    "texts",
    [
        pytest.param(
            ('"We will continue the talks.', 'The problems did not begin yesterday, "the diplomat said.'),
            id="straight-typed-wrong-way-closes-the-earlier-row",
        ),
        pytest.param(
            ("“Serious measures may be needed if the strain spreads, “said the mathematician.",),
            id="curly-opener-typed-for-a-closer-before-its-attribution",
        ),
        pytest.param(
            ("“The most important thing is fairness.", 'The tax burden will be the same."'),
            id="straight-mark-closes-a-curly-quotation-of-an-earlier-row",
        ),
    ],
)
def test_closing_marks_typed_the_wrong_way_close_the_quotation(texts):
    found = run_rows("MTQ501", rows(*texts), "en")
    assert [f for f in found if f.severity > Severity.INFO] == []


@pytest.mark.parametrize(
    "texts",
    [
        pytest.param(
            ('"I wanted him to say, "You did the right thing.', 'We understand what you did," he said.'),
            id="attribution-closes-the-nested-quotation-of-an-earlier-row-too",
        ),
        pytest.param(
            ("“I wanted him to say: you did the right thing.", "We understand, “KPRC-TV quotes him."),
            id="turned-curly-closer-across-rows",
        ),
        pytest.param(
            (
                '"The data suggest lower efficacy.',
                'It may be less severe than "delta," "the WHO report says.',
            ),
            id="turned-straight-closer-after-a-closed-quotation",
        ),
    ],
)
def test_speech_ends_at_its_attribution(texts):
    found = run_rows("MTQ501", rows(*texts), "en")
    assert [f for f in found if f.severity > Severity.INFO] == []
