"""One source document translated by several systems (mtqa.align_document._source_rows and
mtqa.source_verdict._sample_language_reason): its sentences are built and its language judged once;
the second document must get what a fresh computation gives."""

from __future__ import annotations

import pytest

from mtqa import source_verdict
from mtqa.align_document import _source_rows, align_document
from mtqa.model import Document, Segment
from mtqa.text import lang as langid
from mtqa.text.analysis import DocumentView

SOURCE = [
    "Le gouvernement a annoncé vendredi de nouvelles mesures pour soutenir les agriculteurs.",
    "Après trois semaines de manifestations, les routes autour de la capitale ont été bloquées. "
    "Le ministre a promis que les aides seraient versées avant la fin de l'année.",
    "",
    "Les syndicats agricoles jugent ces mesures insuffisantes et appellent à de nouvelles actions.",
]
SYSTEM_A = [
    "The government announced new measures for farmers on Friday.",
    "After three weeks of protests the roads around the capital were blocked. The minister promised "
    "the aid would be paid before the end of the year.",
    "Filler row.",
    "Farm unions say the measures fall short and call for more action.",
]
SYSTEM_B = [
    "On Friday the government unveiled new support for farmers.",
    "Three weeks of protests blocked the roads around the capital, and the minister promised payment "
    "by the end of the year.",
    "Another filler row.",
    "The farming unions call the measures insufficient and plan new protests.",
]


def _doc(targets: list[str], src_lang: str) -> Document:
    rows = tuple(
        Segment(t, k, src=s, id=str(k)) for k, (s, t) in enumerate(zip(SOURCE, targets, strict=True))
    )
    return Document(path="x.jsonl", segments=rows, lang="en", src_lang=src_lang, kind="segments")


def _fresh(targets: list[str], src_lang: str):
    _source_rows.cache_clear()
    source_verdict._sample_language_reason.cache_clear()
    return DocumentView(_doc(targets, src_lang), "en").alignment


@pytest.mark.parametrize("src_lang", ["fr", "de"], ids=["declared-right", "declared-wrong"])
def test_second_translation_of_a_source_aligns_and_is_judged_as_a_fresh_one(src_lang, monkeypatch) -> None:
    fresh = _fresh(SYSTEM_B, src_lang)
    _source_rows.cache_clear()
    source_verdict._sample_language_reason.cache_clear()
    calls: list[str] = []
    contradicts = langid.contradicts

    def counted(text: str, code: str | None) -> str | None:
        calls.append(text)
        return contradicts(text, code)

    monkeypatch.setattr(langid, "contradicts", counted)
    first = DocumentView(_doc(SYSTEM_A, src_lang), "en").alignment
    second = DocumentView(_doc(SYSTEM_B, src_lang), "en").alignment
    assert len(calls) == 1  # the source's language was judged once
    assert _source_rows.cache_info().hits == 1
    assert second.source == fresh.source == first.source
    assert [(b.src, b.tgt, b.cost) for b in second.beads] == [(b.src, b.tgt, b.cost) for b in fresh.beads]
    assert (second.status, second.reason) == (fresh.status, fresh.reason) == (first.status, first.reason)
    expected = "ok" if src_lang == "fr" else "wrong-language"
    assert second.status == expected


def test_source_rows_skip_empty_sources_and_number_rows_as_the_document() -> None:
    _source_rows.cache_clear()
    al = align_document(DocumentView(_doc(SYSTEM_A, "fr"), "en"))
    assert al is not None
    assert [s.segment for s in al.source] == [0, 1, 1, 3]
    assert [s.para_start for s in al.source] == [True, True, False, True]
    assert all(SOURCE[s.segment][s.start : s.end] == s.text for s in al.source)
