"""The per-paragraph objects a long article holds until it is done: slots instead of instance
dicts, analyses computed on first read and kept, repeated words shared (issue 11, para200k)."""

from __future__ import annotations

import pickle
import weakref

import pytest

from mtqa.model import Category, Finding, Segment, Severity
from mtqa.text.analysis import SegmentView
from mtqa.text.sentences import split_sentences
from mtqa.text.words import bare_words, words

TEXT = "Le président a parlé. Le président est parti jeudi."


def test_an_analysis_is_computed_on_first_read_and_kept():
    view = SegmentView(Segment(TEXT, 0), "fr")
    first = view.sentences
    assert first == split_sentences(TEXT)
    assert view.sentences is first  # the second read is the kept value, not a new split


@pytest.mark.parametrize(
    "name, expected",
    [
        pytest.param("words", words(TEXT), id="words"),
        pytest.param("bare_words", bare_words(TEXT), id="bare-words"),
    ],
)
def test_an_analysis_equals_its_function(name, expected):
    assert getattr(SegmentView(Segment(TEXT, 0), "fr"), name) == expected


def test_repeated_bare_words_are_one_string():
    # Built from separate strings, so only interning can make the two "président" one object.
    view = SegmentView(Segment("".join(["Le ", "pré", "sident ", "et ", "le ", "prés", "ident"]), 0), "fr")
    toks = view.bare_words
    assert toks[1] == toks[4] == "président" and toks[1] is toks[4]


def test_a_name_that_is_no_analysis_is_an_attribute_error():
    view = SegmentView(Segment(TEXT, 0), "fr")
    with pytest.raises(AttributeError, match="no_such_analysis"):
        view.no_such_analysis  # noqa: B018
    assert not hasattr(view, "__dict__")  # slots only: nothing per view beyond its fields


def test_a_view_can_be_weakly_referenced():
    # Rule caches (wrong_language) key on views weakly, so their entries die with the view.
    view = SegmentView(Segment(TEXT, 0), "fr")
    ref = weakref.ref(view)
    assert ref() is view
    del view
    assert ref() is None


@pytest.mark.parametrize(
    "offset, expected",
    [
        pytest.param(0, (0, 21), id="first-sentence-start"),
        pytest.param(20, (0, 21), id="first-sentence-end"),
        pytest.param(21, (0, len(TEXT)), id="gap-between-sentences"),
        pytest.param(22, (22, len(TEXT)), id="second-sentence-start"),
    ],
)
def test_sentence_at(offset, expected):
    assert SegmentView(Segment(TEXT, 0), "fr").sentence_at(offset) == expected


def test_segments_and_findings_have_no_instance_dict_and_pickle():
    seg = Segment(TEXT, 3, offset=10, line=2, line_starts=(5,))
    finding = Finding(
        "MTQ301",
        "repeated-word",
        Category.REPETITION,
        Severity.WARNING,
        "m",
        "p",
        1,
        2,
        "e",
        1,
        2,
        extra={"also": ["MTQ302"]},
    )
    for obj in (seg, finding):
        assert not hasattr(obj, "__dict__")
        assert pickle.loads(pickle.dumps(obj)) == obj  # --jobs sends both between processes
