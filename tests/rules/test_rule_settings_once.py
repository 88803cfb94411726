"""MTQ601/602 work out their word evidence once per (language, source language, settings) and MTQ801
reads its parameters once per context: both give what reading them afresh gives."""

import pytest

from mtqa.model import Segment
from mtqa.rules import garbled_word as gw
from mtqa.rules import wrong_language as wl
from mtqa.rules.base import Context
from mtqa.rules.wrong_language_words import triggers
from mtqa.text import foreign_words as fw
from mtqa.text.analysis import SegmentView

TEXTS = [
    "Les frappes ont repris mardi. The ministry said the strikes would continue until further notice.",
    "La commune a décidé que die Straße bis Ende Mai gesperrt bleibt, selon le maire.",
    "Le document important a été publié à la minute près par le ministère.",
    "Le ministère a cité Алексей Навальный et 佐賀市 hier.",
]


@pytest.mark.parametrize("hint", [None, "de", "ru"])
def test_word_evidence_is_what_each_segment_would_read(hint):
    settings = wl._sentence_settings(Context("fr"))
    others, word_sets, minimum = wl._word_evidence("fr", hint, settings)
    assert others == fw.suspected("fr", hint)
    assert word_sets is triggers("fr", others, settings.word_class)
    assert minimum == settings.min_foreign
    assert wl._word_evidence("ja", hint, settings) is None  # no word evidence without a lexicon


@pytest.mark.parametrize("text", TEXTS)
def test_hint_given_or_read_gives_the_same_findings(text):
    settings = wl._sentence_settings(Context("fr"))
    ctx = Context("fr")
    seg = SegmentView(Segment(text, 0, src_lang="de"), "fr")
    given = [(v, h.start, h.end, h.message) for v, h in wl._compute(seg, ctx, settings, "de")]
    read = [(v, h.start, h.end, h.message) for v, h in wl._compute(seg, ctx, settings)]
    assert given == read
    if text is TEXTS[1]:
        assert given  # the German run is found at all


def test_garbled_settings_follow_a_new_context():
    seg = SegmentView(Segment("La puissancela du moteur a été doublée.", 0), "fr")
    assert [h.start for h in gw.check_garbled(seg, Context("fr"))] == [3]
    strict = Context("fr", params={"min_len": 20})
    assert list(gw.check_garbled(seg, strict)) == []
    assert [h.start for h in gw.check_garbled(seg, Context("fr"))] == [3]
