"""Scraped page debris (MTQ701-MTQ704): flagged lines with their exact spans, and clean news text."""

from __future__ import annotations

import pytest

from mtqa.config import Config
from mtqa.engine import check
from mtqa.model import Category, Document, Segment, Severity
from tests.conftest import run_rule

DEBRIS_CODES = ("MTQ701", "MTQ702", "MTQ703", "MTQ704")

CLEAN_FR = """Les députés ont adopté mardi soir, par 312 voix contre 244, le projet de loi sur l’énergie.

« Ce texte protège les ménages », a déclaré la ministre, avant de quitter l’hémicycle sous les huées.

Lire aussi la presse régionale est devenu, pour les élus, un réflexe quotidien.

Source : AFP

La réforme – la troisième en dix ans – entre en vigueur le 1er janvier 2025.

* * *

Le Sénat doit examiner le texte en février. Partager les coûts entre l’État et les régions reste le \
principal point de désaccord.
"""

CLEAN_EN = """Lawmakers approved the energy bill late on Tuesday by 312 votes to 244.

"This bill protects households," the minister said before leaving the chamber.

Shareholders will vote on the related proposals at Friday's meeting - the first since 2019.

Plan B was rejected; Plan X was never put to a vote.

Source: Reuters
"""


def debris_findings(text: str, lang: str):
    return [f for code in DEBRIS_CODES for f in run_rule(code, text, lang)]


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        pytest.param(
            "Le vote a eu lieu.\n\nRelated Post\n\nLe texte passe.", "fr", "Related Post", id="related-post"
        ),
        pytest.param("Le vote a eu lieu.\n\nLien source", "fr", "Lien source", id="lien-source"),
        pytest.param(
            "Le vote a eu lieu.\n\nLire aussi : La réforme des retraites",
            "fr",
            "Lire aussi : La réforme des retraites",
            id="lire-aussi-title",
        ),
        pytest.param(
            "Le vote a eu lieu.\n\nVous pouvez partager cette histoire sur les réseaux sociaux :",
            "fr",
            "Vous pouvez partager cette histoire sur les réseaux sociaux :",
            id="share-story-fr",
        ),
        pytest.param(
            "Le vote a eu lieu.\n\n  PARTAGER   SUR  Facebook  ",
            "fr",
            "PARTAGER   SUR  Facebook",
            id="case-and-spaces-normalised-for-matching-only",
        ),
        pytest.param("The vote took place.\n\nRead more »", "en", "Read more »", id="read-more"),
        pytest.param(
            "The vote took place.\n\nShare this:\nFacebook Twitter WhatsApp",
            "en",
            "Share this:",
            id="share-this",
        ),
        pytest.param(
            "The vote took place.\n\nWe use cookies to improve your experience",
            "en",
            "We use cookies to improve your experience",
            id="cookie-notice",
        ),
        pytest.param(
            "Le vote a eu lieu.\n\nClick here to subscribe",
            "fr",
            "Click here to subscribe",
            id="english-debris-in-french",
        ),
    ],
)
def test_debris_phrase_flagged(text, lang, expected):
    found = run_rule("MTQ701", text, lang)
    assert found and found[0].text == expected
    assert found[0].start == text.index(expected)
    assert found[0].category is Category.BOILERPLATE and found[0].severity is Severity.ERROR


def test_share_button_strip_is_debris():
    text = "The vote took place.\n\nFacebook Twitter WhatsApp E-mail"
    found = run_rule("MTQ701", text, "en")
    assert [(f.text, f.line) for f in found] == [("Facebook Twitter WhatsApp E-mail", 3)]


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        pytest.param("X\n\nLes avions russes ont frappé Alep.", "fr", "X", id="close-button"),
        pytest.param("Les avions ont frappé.\n\n×", "fr", "×", id="times-sign"),
        pytest.param("The talks resumed.\n\n ▶ \n\nThey ended.", "en", "▶", id="play-arrow"),
        pytest.param("The talks resumed.\n•\nThey ended.", "en", "•", id="bullet-line-inside-paragraph"),
    ],
)
def test_glyph_line_flagged(text, lang, expected):
    found = run_rule("MTQ702", text, lang)
    assert [(f.text, f.start) for f in found] == [(expected, text.index(expected))]


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        pytest.param(
            "Les avions russes soutiennent l’offensive syrienne — Daily World News",
            "fr",
            "Daily World News",
            id="news-cue",
        ),
        pytest.param(
            "Le Parlement adopte la réforme des retraites | France Info", "fr", "France Info", id="pipe-info"
        ),
        pytest.param("Parliament passes the pension reform - example.com", "en", "example.com", id="domain"),
    ],
)
def test_glued_site_name_flagged(text, lang, expected):
    found = run_rule("MTQ703", text, lang)
    assert [(f.text, f.start) for f in found] == [(expected, text.index(expected))]
    assert found[0].severity is Severity.WARNING


@pytest.mark.parametrize(
    "text, lang",
    [
        pytest.param("Le Parlement adopte la réforme — une première depuis 2010", "fr", id="lowercase-tail"),
        pytest.param("Macron reçoit Scholz – Emmanuel Macron", "fr", id="person-name-no-cue"),
        pytest.param("The army said it had retaken the town — Reuters News reported.", "en", id="sentence"),
        pytest.param("| Pays | Source |\n| France | Le Monde Info |", "fr", id="markdown-table"),
        pytest.param("World — News", "en", id="too-short-to-be-a-headline"),
    ],
)
def test_glued_site_name_clean(text, lang):
    assert run_rule("MTQ703", text, lang) == []


def test_blank_line_run_spans_the_empty_lines():
    text = "Le vote a eu lieu.\n\n\n\n\n\nLe texte passe au Sénat."
    found = run_rule("MTQ704", text, "fr")
    assert len(found) == 1
    f = found[0]
    assert (f.line, f.column, f.text) == (2, 1, "\n\n\n\n\n")
    assert f.start == text.index("\n") + 1 and f.severity is Severity.INFO


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Le vote a eu lieu.\n\nLe texte passe.", id="one-blank-line"),
        pytest.param("Le vote a eu lieu.\n\n\nLe texte passe.", id="two-blank-lines"),
        pytest.param("Le vote a eu lieu.\n\n\n\n\n", id="trailing-blank-lines"),
    ],
)
def test_blank_line_run_clean(text):
    assert run_rule("MTQ704", text, "fr") == []


def test_blank_line_run_crlf():
    text = "The vote.\r\n\r\n\r\n\r\n\r\nThe bill."
    found = run_rule("MTQ704", text, "en")
    assert len(found) == 1 and found[0].line == 2 and found[0].text.strip() == ""


def test_blank_line_run_skips_jsonl_documents():
    doc = Document(
        path="<rows>",
        segments=(Segment("Le vote a eu lieu.", 0), Segment("Le texte passe.", 1)),
        kind="segments",
        text=None,
    )
    from mtqa.rules import BY_CODE

    assert check([doc], (BY_CODE["MTQ704"],), Config(lang="fr")).findings == ()


@pytest.mark.parametrize(
    "text, lang", [pytest.param(CLEAN_FR, "fr", id="fr"), pytest.param(CLEAN_EN, "en", id="en")]
)
def test_clean_news_text_has_no_debris(text, lang):
    assert debris_findings(text, lang) == []


def test_debris_suppresses_other_findings_on_the_same_line():
    """ "Partager partager" is a strip of share buttons; the doubled word is not reported again."""
    from mtqa.io import article_from_text
    from mtqa.rules import BY_CODE

    text = "Le vote a eu lieu.\n\nPartager  partager"
    rules = (BY_CODE["MTQ701"], BY_CODE["MTQ301"])
    assert [f.code for f in run_rule("MTQ301", text, "fr")] == ["MTQ301"]
    found = list(check([article_from_text(text, "<t>", "fr")], rules, Config(lang="fr")).findings)
    assert [(f.code, f.text) for f in found] == [("MTQ701", "Partager  partager")]


def _rows(*texts: str) -> Document:
    return Document(
        path="<rows>", segments=tuple(Segment(t, i, id=str(i)) for i, t in enumerate(texts)), kind="segments"
    )


def test_lone_navigation_word_is_debris_in_an_article_only():
    """ "Partager" alone on a line of a scraped article is a button; a one-word JSONL row is a title or
    an interface string."""
    from mtqa.rules import BY_CODE

    article = "Le vote a eu lieu.\n\nPartager\n\nLe texte passe."
    assert [f.text for f in run_rule("MTQ701", article, "fr")] == ["Partager"]
    found = check(
        [_rows("Le vote a eu lieu.", "Partager", "Lien source")], (BY_CODE["MTQ701"],), Config(lang="fr")
    ).findings
    assert [(f.segment_id, f.text) for f in found] == [("2", "Lien source")]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "A Large Votive Tablet of a Tiger Greets the New Year at the Shrine｜Akita Shimbun", id="shimbun"
        ),
        pytest.param(
            "The winners of the Pushkin Prize were announced in Moscow — Rossiyskaya Gazeta", id="gazeta"
        ),
        pytest.param("Tigers win the pennant for the first time in 18 years (Kyodo News)", id="credit-line"),
        pytest.param("Snow closes the mountain pass for a second day - Sport", id="section-name"),
    ],
)
def test_original_outlet_title_formats_pass(text):
    """Titles as the original outlet styles them, kept by a professional translator: no outlet cue
    word (Shimbun, Gazeta) or a credit line in brackets, so MTQ703 leaves them alone."""
    assert run_rule("MTQ703", text, "en") == []


def test_site_name_mirroring_the_source_title_is_info():
    from mtqa.config import Config
    from mtqa.engine import check
    from mtqa.model import Document, Segment
    from mtqa.rules import BY_CODE

    def run(src):
        mt = "Britain records 1,239 cases of the new variant in one day - Channel News"
        doc = Document(
            path="<rows>", segments=(Segment(mt, 0, id="0", src=src, src_lang="ru"),), kind="segments"
        )
        found = list(check([doc], (BY_CODE["MTQ703"],), Config(lang="en")).findings)
        return [(f.start, f.text, f.severity) for f in found]

    start = len("Britain records 1,239 cases of the new variant in one day - ")
    assert run("В Британии за сутки выявили 1239 случаев нового штамма - Канал Новости") == [
        (start, "Channel News", Severity.INFO)
    ]
    assert run("В Британии за сутки выявили 1239 случаев нового штамма.") == [
        (start, "Channel News", Severity.WARNING)
    ]
