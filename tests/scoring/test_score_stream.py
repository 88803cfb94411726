"""`mtqa score` writes text, JSON and JSON Lines one segment score at a time (mtqa.commands.score_stream):
the reports must be the same text as the ones rendered from a Report holding every segment score."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import mtqa.commands.score_stream as score_stream
from mtqa.cli import main

DATA = Path(__file__).resolve().parent.parent / "data" / "scoring"
LINES = [str(DATA / "hyp.fr.txt"), "--ref", str(DATA / "ref1.fr.txt"), "--ref", str(DATA / "ref2.fr.txt")]
CASES = {
    "lines": LINES,
    # a floor (MTQ951 findings) and a length limit (segments left out of one metric: no score)
    "floor-and-limit": [
        *LINES,
        "--seg-min-bleu",
        "40",
        "--ter-max-words",
        "12",
        "--source",
        str(DATA / "src.en.txt"),
    ],
    "documents": [str(DATA / "two_docs.jsonl")],  # document scores before the segment scores
    "one-metric": [*LINES, "--metrics", "chrf"],
}
FORMATS = ("text", "json", "jsonl")


def _reports(tmp_path: Path, name: str, argv: list[str]) -> dict[str, str]:
    """Every format of one run, written to files by one `mtqa score` command."""
    targets: list[str] = []
    for fmt in FORMATS:
        targets += ["--format", fmt, "--output", str(tmp_path / f"{name}.{fmt}")]
    code = main(["score", *argv, *targets, "--isolated", "--exit-zero", "-q"])
    assert code == 0
    return {fmt: (tmp_path / f"{name}.{fmt}").read_text(encoding="utf-8") for fmt in FORMATS}


@pytest.mark.parametrize("case", CASES)
def test_streamed_reports_equal_the_whole_report(tmp_path, monkeypatch, case):
    streamed = _reports(tmp_path, "streamed", CASES[case])
    monkeypatch.setattr(score_stream, "STREAMED", ())  # every format rendered from a whole Report
    whole = _reports(tmp_path, "whole", CASES[case])
    for fmt in FORMATS:
        assert streamed[fmt] == whole[fmt], fmt
    # the streamed reports do hold the segment scores
    summary = json.loads(streamed["jsonl"].splitlines()[-1])
    segment = [s for s in summary["scores"] if s["scope"] == "segment"]
    assert segment and segment == [
        s for s in json.loads(streamed["json"])["scores"] if s["scope"] == "segment"
    ]


def test_splice_writes_the_items_in_place_of_the_marker():
    out: list[str] = []

    class Sink:
        def write(self, text: str) -> int:
            out.append(text)
            return len(text)

    splice = score_stream._Splice(Sink(), "<M>", lambda: iter(["a", "b", "c"]), ", ")
    splice.write("head ")
    splice.write("[x, <M>] tail")
    assert "".join(out) == "head [x, a, b, c] tail"
    assert out == [
        "head ",
        "[x, ",
        "a",
        ", b",
        ", c",
        "] tail",
    ]  # one write per item, never one joined string
