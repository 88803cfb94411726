"""`mtqa check --jobs N`: documents checked on a process pool give the report of one process (same
findings, same order, same notes and document records)."""

from __future__ import annotations

import json

import pytest

from mtqa.cli import main
from mtqa.engine import check
from mtqa.io import read_inputs
from mtqa.model import Document, InputProblem
from mtqa.parallel import BATCH_DOCUMENTS, available_cores, batches, check_parallel
from tests.conftest import ROOT

SEED = ROOT / "seeds" / "000_d71c614b73ba7402.txt"


def write_corpus(folder, documents: int = 150) -> list[str]:
    """A JSONL corpus of many documents (several batches, so the pool really starts) cut from the
    seed article, some rows with a source, and one article file."""
    paragraphs = [p for p in SEED.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    rows = []
    for d in range(documents):
        for s in range(3):
            row = {"doc_id": f"doc{d:03d}", "mt": paragraphs[(d * 3 + s) % len(paragraphs)]}
            if d % 5 == 0:
                row["src"] = "The minister said 45,000 people came on 3 May."
                row["mt"] = "Le ministre a dit que 45,000 personnes sont venues le 3 mai. " + row["mt"]
            rows.append(json.dumps(row, ensure_ascii=False))
    corpus = folder / "corpus.jsonl"
    corpus.write_text("\n".join(rows) + "\n", encoding="utf-8")
    article = folder / "article.txt"
    article.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    return [str(corpus), str(article)]


def json_report(capsys, argv: list[str]) -> tuple[int, dict]:
    code = main(["check", *argv, "--format", "json", "-q", "--isolated"])
    return code, json.loads(capsys.readouterr().out)


def test_jobs_2_report_equals_jobs_1(tmp_path, capsys):
    paths = write_corpus(tmp_path)
    code1, one = json_report(capsys, [*paths, "--jobs", "1", "--lang", "fr"])
    code2, two = json_report(capsys, [*paths, "--jobs", "2", "--lang", "fr"])
    assert one["files_checked"] == 2 and one["segments_checked"] > 400
    assert len(one["findings"]) > 100  # the seed's artifacts, many times
    assert two == one
    assert code2 == code1


def test_default_jobs_is_every_core(tmp_path, capsys):
    paths = write_corpus(tmp_path, documents=80)
    _, default = json_report(capsys, [*paths, "--lang", "fr"])
    _, one = json_report(capsys, [*paths, "--jobs", "1", "--lang", "fr"])
    assert default == one
    assert available_cores() >= 1


def test_api_matches_engine_with_problems_in_order(tmp_path):
    paths = write_corpus(tmp_path, documents=70)
    missing = str(tmp_path / "missing.txt")
    inputs = [*paths[:1], missing, *paths[1:]]
    serial = check(read_inputs(inputs, "fr"))
    parallel = check_parallel(read_inputs(inputs, "fr"), jobs=2)
    assert parallel.findings == serial.findings
    assert parallel.problems == serial.problems and len(serial.problems) == 1
    assert parallel.notes == serial.notes
    assert parallel.documents == serial.documents
    assert (parallel.files_checked, parallel.segments_checked) == (
        serial.files_checked,
        serial.segments_checked,
    )


def test_batches_keep_documents_whole_and_in_order(tmp_path):
    paths = write_corpus(tmp_path, documents=70)
    items = list(read_inputs(paths, "fr"))
    groups = list(batches(iter(items), segments=10))
    assert [item for group in groups for item in group] == items
    assert all(len(g) <= BATCH_DOCUMENTS for g in groups)
    assert all(isinstance(i, Document | InputProblem) for g in groups for i in g)


def test_one_batch_runs_in_process(monkeypatch):
    import concurrent.futures

    def refuse(*args, **kwargs):
        raise AssertionError("a pool was started for one article")

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", refuse)
    report = check_parallel(read_inputs([str(SEED)], "fr"), jobs=4)
    assert report.findings == check(read_inputs([str(SEED)], "fr")).findings


@pytest.mark.parametrize("value", ["0", "-1", "two"])
def test_jobs_must_be_a_positive_whole_number(value, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["check", str(SEED), "--jobs", value])
    assert exc.value.code == 2
    assert "--jobs" in capsys.readouterr().err


def test_segments_cross_to_workers_with_every_field(tmp_path):
    import dataclasses
    import pickle

    from mtqa.model import Segment

    values = {
        "text": "Le texte.",
        "index": 3,
        "offset": 17,
        "line": 5,
        "column": 9,
        "id": "s3",
        "src": "The text.",
        "ref": ("Le texte.", "Un texte."),
        "src_lang": "en",
        "tgt_lang": "fr",
        "line_starts": (4,),
    }
    # a field added to Segment but not to its pickled form fails here
    assert set(values) == {f.name for f in dataclasses.fields(Segment)}
    segment = Segment(**values)
    assert pickle.loads(pickle.dumps(segment)) == segment


def _rows_document(doc_id: str, srcs: list[str | None]) -> Document:
    from mtqa.model import Segment

    segments = tuple(Segment(text=f"Phrase {i}.", index=i, src=s) for i, s in enumerate(srcs))
    return Document(path="c.jsonl", segments=segments, doc_id=doc_id, lang="fr", kind="segments")


def test_translations_of_one_source_stay_in_one_batch():
    # three systems' translations of source A, then of source B (an evaluation set's order): a batch
    # that is full takes the other translations of its last source, so A's work stays in one worker
    a = [_rows_document(f"sys{k}:A", ["Satz eins.", "Satz zwei."]) for k in range(3)]
    b = [_rows_document(f"sys{k}:B", ["Noch ein Satz.", "Und noch einer."]) for k in range(3)]
    groups = list(batches(iter(a + b), segments=4))
    assert groups == [a, b]


def test_documents_without_a_source_are_cut_at_the_batch_size():
    docs = [_rows_document(f"d{k}", [None, None]) for k in range(4)]
    assert list(batches(iter(docs), segments=2)) == [[d] for d in docs]


def test_one_source_batch_is_bounded():
    # a corpus of one source translated many times still spreads over the workers
    docs = [_rows_document(f"sys{k}:A", ["Satz eins.", "Satz zwei."]) for k in range(10)]
    groups = list(batches(iter(docs), segments=4))
    assert [d for g in groups for d in g] == docs
    assert max(sum(len(d.segments) for d in g) for g in groups) <= 2 * 4
    assert len(groups) > 1
