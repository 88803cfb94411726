"""The measuring scripts keep working: bench/eval_dev.py on a tiny annotated file, and the corpus
generator of bench/bench_check.py."""

from __future__ import annotations

import importlib.util
import json

from tests.conftest import ROOT


def _load(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_eval_dev_counts_an_overlapping_compatible_span_as_true_positive(tmp_path, capsys):
    eval_dev = _load("eval_dev")
    mt = "Les terroristes de des rebelles ont attaqué la ville mercredi matin."
    start = mt.index("de des")
    rows = [
        {
            "id": "a:0",
            "doc_id": "a",
            "seg_idx": 0,
            "tgt_lang": "fr",
            "mt": mt,
            "labels": ["grammar"],
            "errors": [
                {
                    "label": "grammar",
                    "orig_category": "Wrong Preposition",
                    "start": start,
                    "end": start + 2,
                    "text": "de",
                }
            ],
        },
        {
            "id": "a:1",
            "doc_id": "a",
            "seg_idx": 1,
            "tgt_lang": "fr",
            "labels": [],
            "errors": [],
            "mt": "Le conseil municipal se réunira de nouveau la semaine prochaine.",
        },
    ]
    (tmp_path / "tiny.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
    )
    assert eval_dev.main(["--dev", str(tmp_path), "--per-rule"]) == 0
    out = capsys.readouterr().out
    grammar = next(line.split() for line in out.splitlines() if line.startswith("grammar "))
    assert grammar[1:4] == ["1", "1", "1.000"]  # one finding, one true positive
    assert "segment precision: 1/1" in out
    assert "fr_news.txt" in out and "en_news.txt" in out


def test_category_mapping():
    eval_dev = _load("eval_dev")
    assert eval_dev.compatible("repetition", {"label": "repetition", "orig_category": "Duplication"})
    assert eval_dev.compatible("punctuation", {"label": "other", "orig_category": "Punctuation"})
    assert not eval_dev.compatible("pronoun", {"label": "spelling", "orig_category": "Capitalization"})


def test_bench_corpus_has_the_requested_size_in_whole_documents(tmp_path):
    bench = _load("bench_check")
    rows, docs = bench.make_corpus(tmp_path / "c.jsonl", 1000)
    lines = [json.loads(x) for x in (tmp_path / "c.jsonl").read_text(encoding="utf-8").splitlines()]
    assert rows == len(lines) == 1000
    assert len({r["doc_id"] for r in lines}) == docs > 30
    assert all(r["mt"] and r["tgt_lang"] in ("fr", "en") for r in lines)
