"""MTQ511 quote-structure-vs-source."""

from __future__ import annotations

import pytest

from mtqa.rules.quote_structure_vs_source import quotations
from tests.rules.source_helpers import run_source_rule


@pytest.mark.parametrize(
    "text, quoted",
    [
        ("described as 'moderate rebels'.", ["'moderate rebels'"]),
        ("Moscow's army and the fighters' guns", []),
        (
            '« infligé de lourdes pertes » et “ceci” et "cela"',
            ["« infligé de lourdes pertes »", "“ceci”", '"cela"'],
        ),
        ('a 5" screen and a 7" one', []),
    ],
)
def test_quotations_in_every_convention(text, quoted):
    assert [text[a:b] for a, b in quotations(text)] == quoted


FLAGGED = [
    pytest.param(
        "Des groupes décrits par Washington comme des groupes armés. « rebelles modérés ».",
        "Groups described by Washington as 'moderate rebels'.",
        "fr",
        "« rebelles modérés »",
        id="fr-quote-pushed-out",
    ),
    pytest.param(
        "« Au moins 200 militants ont été éliminés, a déclaré le colonel.",
        '"At least 200 militants were eliminated," the colonel said.',
        "fr",
        "«",
        id="fr-unclosed",
    ),
    pytest.param(
        "The government said its troops inflicted heavy losses on the attackers.",
        "Le gouvernement a dit que ses troupes avaient « infligé de lourdes pertes » aux assaillants.",
        "en",
        "The government said its troops inflicted heavy losses on the attackers.",
        id="en-missing",
    ),
]


@pytest.mark.parametrize("target, source, lang, span", FLAGGED)
def test_quote_structure_is_flagged(target, source, lang, span):
    assert span in [f.text for f in run_source_rule("MTQ511", target, source, lang)]


CLEAN = [
    pytest.param(
        "The vaccine can provide 'off-target' protection against other pathogens.",
        "Le vaccin peut procurer une protection « hors-cible » contre d'autres pathogènes.",
        "en",
        id="en-single-quotes",
    ),
    pytest.param(
        "Des groupes décrits par Washington comme des « rebelles modérés ».",
        "Groups described by Washington as 'moderate rebels'.",
        "fr",
        id="fr-kept",
    ),
    pytest.param(
        "« En soutien à l'armée, nos forces frappent. Au moins 200 militants ont été éliminés », a dit "
        "le colonel.",
        '"In support of the army, our forces strike. At least 200 militants were eliminated,"'
        " the colonel said.",
        "fr",
        id="fr-quote-over-two-sentences",
    ),
    pytest.param(
        'Groups described by Washington as "moderate rebels".',
        "Des groupes décrits par Washington comme des « rebelles modérés ».",
        "en",
        id="en-kept",
    ),
    pytest.param(
        "Le porte-parole de l'armée de Moscou a parlé.",
        "The spokesman of Moscow's army spoke.",
        "fr",
        id="fr-apostrophe-is-not-a-quote",
    ),
]


@pytest.mark.parametrize("target, source, lang", CLEAN)
def test_quotes_in_line_with_the_source_pass(target, source, lang):
    assert run_source_rule("MTQ511", target, source, lang) == []


def _rows(pairs, lang="en", src_lang="ru"):
    from mtqa.model import Document, Segment

    segs = tuple(
        Segment(mt, i, id=str(i), src=src, src_lang=src_lang, tgt_lang=lang)
        for i, (src, mt) in enumerate(pairs)
    )
    return Document(path="<rows>", segments=segs, doc_id="d", lang=lang, src_lang=src_lang, kind="segments")


def test_quotation_closed_in_a_later_row_is_not_unclosed():
    from mtqa.config import Config
    from mtqa.engine import check
    from mtqa.rules import BY_CODE

    doc = _rows(
        [
            ("«Мы будем продолжать переговоры с партнерами.", '"We will continue talks with our partners.'),
            (
                "Решение будет принято в январе», - сказал министр.",
                'The decision will come in January," the minister said.',
            ),
        ]
    )
    assert check([doc], (BY_CODE["MTQ511"],), Config()).findings == ()
    doc = _rows(
        [
            ("«Мы будем продолжать переговоры».", '"We will continue talks with our partners.'),
            ("Решение будет принято в январе.", "The decision will come in January."),
        ]
    )
    found = list(check([doc], (BY_CODE["MTQ511"],), Config()).findings)
    assert [(f.segment_id, f.text) for f in found] == [("0", '"')]


def test_a_quoted_sentence_standing_alone_is_speech_not_a_stranded_fragment():
    found = run_source_rule(
        "MTQ511",
        "Gifts will be taxed more. “With this reform, we will build a neutral tax system.”",
        "贈与への課税を強化する。「この改革で、中立的な税制を構築する」と述べた。",
        "en",
        "ja",
    )
    assert found == []


def test_japanese_corner_brackets_are_quotations():
    text = "彼は「はい」と言った。『本』も"
    assert [text[a:b] for a, b in quotations(text)] == ["「はい」", "『本』"]


def test_source_row_leaving_a_corner_bracket_open_is_not_closed_by_the_source():
    doc = _rows(
        [
            # a closed quotation too, so the row's quotations are compared at all
            ("松本さんは「はい」と答えた：「最初は驚いた。", 'He answered "yes": "At first I was surprised.'),
            ("今は慣れた」と話す。", "Now I am used to it."),
        ],
        src_lang="ja",
    )
    from mtqa.config import Config
    from mtqa.engine import check
    from mtqa.rules import BY_CODE

    assert check([doc], (BY_CODE["MTQ511"],), Config()).findings == ()
