"""Shortcuts in the speech map, the person scan and the wrong-language settings (issue 11) answer as
the full reading does: each is tested on a case it must let through and on one just past its
boundary."""

from __future__ import annotations

import pytest

from mtqa.config import Config
from mtqa.engine import check
from mtqa.io.articles import article_from_text
from mtqa.rules import BY_CODE
from mtqa.text.persons import voices
from mtqa.text.speech import _dialogue, _has_mark, attributed, opens_with_attribution


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("— Nous partirons demain.", [(0, 24)], id="em-dash-space"),
        pytest.param("Il a dit.\n–\tNous restons.", [(10, 25)], id="en-dash-tab-second-line"),
        pytest.param("  - Oui.", [(0, 8)], id="hyphen-after-indent"),
        # past the pre-check: a dash and a blank, but not at a line start
        pytest.param("Le maire - élu en 2020 - a parlé.", [], id="dash-mid-line"),
        # no dash followed by a blank: the pre-check clears it
        pytest.param("—Nous partirons.", [], id="dash-without-blank"),
        pytest.param("Jean-Pierre est parti.", [], id="hyphenated-name"),
    ],
)
def test_dialogue_turns(text, expected):
    assert list(_dialogue(text)) == expected


@pytest.mark.parametrize("mark", list('«»“”„"'))
def test_every_quotation_mark_is_seen(mark):
    assert _has_mark(f"Il a dit {mark}non")


@pytest.mark.parametrize("text", ["L'État a dit ‘non’.", "Il a dit non.", ""])
def test_no_quotation_mark(text):
    assert not _has_mark(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("Nous restons prudents, a déclaré le maire.", 21, id="verb-second-word"),
        pytest.param("Nous restons, mais prudents, explique-t-elle.", 27, id="hyphenated-verb-nearest-mark"),
        # the verb is the sixth word after the comma: still read
        pytest.param("Nous restons, un deux trois quatre cinq dit le maire.", 12, id="sixth-word"),
        # the seventh: past the reach
        pytest.param("Nous restons, un deux trois quatre cinq six dit le maire.", None, id="seventh-word"),
        pytest.param("Nous restons prudents, le maire est parti.", None, id="no-verb"),
    ],
)
def test_attributed(text, expected):
    assert attributed(text, "fr") == expected


@pytest.mark.parametrize(
    "text, reach, expected",
    [
        pytest.param("a déclaré le ministre.", 4, True, id="second-word"),
        pytest.param("le ministre a déclaré.", 4, True, id="fourth-word"),
        pytest.param("le ministre a ensuite déclaré.", 4, False, id="fifth-word-past-reach"),
        pytest.param("le ministre a ensuite déclaré.", 5, True, id="fifth-word-within-reach"),
    ],
)
def test_opens_with_attribution(text, reach, expected):
    assert opens_with_attribution(text, "fr", reach) is expected


class _QuotedEverywhere:
    def inside(self, offset: int) -> bool:
        return True


def test_voices_remembered_without_quotations_only():
    text = "We said it would rain."
    assert voices(text, "en") == {"1"}
    # with quotations the answer is read again, never the remembered one
    assert voices(text, "en", _QuotedEverywhere()) == frozenset()
    assert voices(text, "en") == {"1"}
    # the same text in another language is another question
    assert voices("je pars", "fr") == {"1"}
    assert voices("je pars", "en") == frozenset()


ENGLISH_SENTENCE = (
    "Les frappes ont repris mardi. The ministry said the strikes would continue until further "
    "notice. Le bilan reste incertain."
)


def _wrong_language(parameters: dict | None) -> list[str]:
    config = Config(lang="fr")
    if parameters is not None:
        config = Config(lang="fr", options={"parameters": {"MTQ601": parameters}})
    doc = article_from_text(ENGLISH_SENTENCE, "<test>", "fr")
    return [f.code for f in check([doc], (BY_CODE["MTQ601"], BY_CODE["MTQ602"]), config).findings]


def test_wrong_language_settings_follow_each_configuration():
    """The settings are kept by their values: a run with other values, then the defaults again,
    each read with its own."""
    assert _wrong_language(None) == ["MTQ601"]
    # a sentence needs more foreign words than it holds: then its words are a run (MTQ602)
    assert _wrong_language({"sentence_min_foreign": 50}) == ["MTQ602"]
    assert _wrong_language(None) == ["MTQ601"]
