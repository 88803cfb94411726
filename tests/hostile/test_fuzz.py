"""Property-based fuzzing (hypothesis) of the article reader, the JSONL reader and every rule: no
exception whatever arrives, and every finding's start/end slice the input to the finding's text.
A fixed budget (derandomized, no example database) so CI runs the same examples every time."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mtqa.config import Config
from mtqa.engine import check
from mtqa.io import article_from_text, read_jsonl
from mtqa.io.errors import InputError
from mtqa.model import Document, InputProblem

BUDGET = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# The pieces MT artifacts are made of, and the characters hostile input is made of.
PIECES = [
    "le le ",
    "de des ",
    "la ville de la ville ",
    "Le président a parlé. ",
    "« ",
    " »",
    '"',
    "“",
    "”",
    "(",
    ")",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    " ",
    "\u00a0",
    "\x1b[31m",
    "\x00",
    "\x7f",
    "\u202e",
    "\ufeff",
    "je ",
    "Nous ",
    "al-Nusra ",
    "al-Nosra ",
    "https://x.fr/a.b ",
    "@x ",
    "#x ",
    "A320 ",
    "ab" * 40,
    "Related Post",
    "puissancela ",
    "…",
    ".",
    ",",
    "!",
    "?",
    "𝔘",
    "ſ",
    "漢字",
    "Москва ",
    "é",
    "'",
]
ARTICLE_TEXT = st.one_of(
    st.lists(st.sampled_from(PIECES), max_size=60).map("".join),
    st.text(max_size=300),  # any Unicode text a UTF-8 file can hold (no lone surrogates)
)


def _assert_findings_slice(doc: Document, text_of_row) -> None:
    for f in check([doc], None, Config(lang=doc.lang)).findings:
        text = text_of_row(f)
        assert 0 <= f.start <= f.end <= len(text), f
        assert text[f.start : f.end] == f.text, f


@BUDGET
@given(text=ARTICLE_TEXT, lang=st.sampled_from(["fr", "en", None]))
def test_article_reader_and_rules(text, lang):
    try:
        doc = article_from_text(text, "<fuzz>", lang)
    except InputError as exc:
        assert not text.strip() and "no text" in exc.message
        return
    for seg in doc.segments:
        assert text[seg.offset : seg.offset + len(seg.text)] == seg.text
    _assert_findings_slice(doc, lambda f: text)


JSON_VALUE = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8,
)
ROW = st.fixed_dictionaries(
    {"mt": st.one_of(ARTICLE_TEXT, JSON_VALUE)},
    optional={
        "src": st.one_of(ARTICLE_TEXT, JSON_VALUE),
        "ref": st.one_of(st.text(max_size=40), st.lists(st.text(max_size=40), max_size=2), JSON_VALUE),
        "tgt_lang": st.one_of(st.sampled_from(["fr", "en", "FR", "pt-BR", "../x", ""]), JSON_VALUE),
        "src_lang": st.one_of(st.sampled_from(["en", "de", "ru", "xx"]), JSON_VALUE),
        "doc_id": JSON_VALUE,
        "seg_idx": JSON_VALUE,
        "id": JSON_VALUE,
    },
)
LINE = st.one_of(
    ROW.map(lambda r: json.dumps(r).encode()),
    ROW.map(lambda r: json.dumps(r, ensure_ascii=False).encode("utf-8", "surrogatepass")),
    st.binary(max_size=40),
)


@BUDGET
@given(lines=st.lists(LINE, max_size=6))
def test_jsonl_reader_and_rules(tmp_path_factory, lines):
    path = tmp_path_factory.mktemp("fuzz") / "rows.jsonl"
    path.write_bytes(b"\n".join(line.replace(b"\n", b" ") for line in lines))
    try:
        items = list(read_jsonl(path))
    except InputError as exc:  # a whole-file problem (binary, UTF-16): one message
        assert "\n" not in exc.message
        return
    for item in items:
        if isinstance(item, InputProblem):
            assert "\n" not in item.message
            continue
        rows = {seg.line: seg.text for seg in item.segments}
        for seg in item.segments:
            assert isinstance(seg.text, str) and (seg.src is None or isinstance(seg.src, str))
            seg.text.encode("utf-8")  # no lone surrogate reaches a rule or a writer
        _assert_findings_slice(item, lambda f, rows=rows: rows[f.line])
