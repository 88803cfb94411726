"""The shortcuts of MTQ601/602 (quiet texts remembered, settings read once per context) and of
MTQ801 (clean blank-separated chunks) give what the full path gives."""

import pytest

from mtqa.model import Segment
from mtqa.rules import garbled_word as gw
from mtqa.rules import wrong_language as wl
from mtqa.rules.base import Context
from mtqa.text.analysis import SegmentView
from mtqa.text.words import WORD

TEXTS = [
    "Les frappes ont repris mardi. The ministry said the strikes would continue until further notice.",
    "Le fabricant affirme que le produit est built to last and easy to use, selon la notice.",
    "Le document important a été publié à la minute près par le ministère.",
    "Commandez dès aujourd'hui !",
    "La puissancela du moteur a été doublée en 2021, www.mil.ru et @mod_russia.",
    "Le modèle mesure trois millliimètres de plus ; Министерство обороны сообщило.",
]


def _wrong_language(text: str) -> list[tuple[str, int, int, str]]:
    seg, ctx = SegmentView(Segment(text, 0), "fr"), Context("fr")
    hits = [("MTQ601", h.start, h.end, h.message) for h in wl.check_sentence(seg, ctx)]
    return hits + [("MTQ602", h.start, h.end, h.message) for h in wl.check_run(seg, ctx)]


def _full_path(text: str) -> list[tuple[str, int, int, str]]:
    settings = wl._sentence_settings(Context("fr"))
    found = list(wl._compute(SegmentView(Segment(text, 0), "fr"), Context("fr"), settings))
    order = {"sentence": 0, "run": 1}
    found.sort(key=lambda f: order[f[0]])
    code = {"sentence": "MTQ601", "run": "MTQ602"}
    return [(code[v], h.start, h.end, h.message) for v, h in found]


@pytest.mark.parametrize("text", TEXTS)
def test_a_repeated_text_gets_what_the_full_path_gives(text):
    wl._QUIET.clear()
    first, again = _wrong_language(text), _wrong_language(text)  # the second may come from _QUIET
    assert first == again == _full_path(text)


def test_only_quiet_texts_are_remembered():
    wl._QUIET.clear()
    for text in TEXTS:
        _wrong_language(text)
    remembered = set().union(*wl._QUIET.values())
    assert remembered  # the shortcut is taken at all
    assert all(not _full_path(t) for t in remembered)
    assert TEXTS[0] not in remembered and TEXTS[1] not in remembered


def test_settings_follow_a_new_context():
    strict = Context("fr", params={"sentence_min_foreign": 50})
    assert wl._SENTENCE_SETTINGS(Context("fr")).sentence_min_foreign == 3
    assert wl._SENTENCE_SETTINGS(strict).sentence_min_foreign == 50
    assert wl._SENTENCE_SETTINGS(Context("fr")).sentence_min_foreign == 3


@pytest.mark.parametrize("text", [*TEXTS, "withlink xx-puissancela", "a b\u00a0withlink\tc"])
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_clean_chunks_agree_with_judging_every_token(text, lang):
    settings = gw._DEFAULTS
    full = any(gw._suspect(t, lang, settings) for t in WORD.findall(text))
    gw._seen.cache_clear()
    for other in TEXTS:  # warm the chunk and token sets with other texts first
        gw._may_hold_garbled(other, lang, settings)
    assert gw._may_hold_garbled(text, lang, settings) is full
    assert gw._may_hold_garbled(text, lang, settings) is full  # now from the sets
