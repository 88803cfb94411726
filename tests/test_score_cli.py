"""`mtqa score`, `mtqa compare` and `mtqa check --ref` end to end through main(argv)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from mtqa.cli import main

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "scoring"
SEED = ROOT / "seeds" / "000_d71c614b73ba7402.txt"
SEED_REF = ROOT / "references" / "000_d71c614b73ba7402.txt"
HYP, REF1, REF2, SRC, SYS_B = (
    str(DATA / n) for n in ("hyp.fr.txt", "ref1.fr.txt", "ref2.fr.txt", "src.en.txt", "sys_b.fr.txt")
)
SACREBLEU_ARGS = {
    "bleu": ["-m", "bleu"],
    "chrf": ["-m", "chrf"],
    "chrf++": ["-m", "chrf", "--chrf-word-order", "2"],
    "ter": ["-m", "ter"],
}


def sacrebleu_lines(hyp: str, refs: list[str], width: int = 4) -> list[str]:
    """What the `sacrebleu` command prints for these files, one line per metric."""
    lines = []
    for args in SACREBLEU_ARGS.values():
        out = subprocess.run(
            [sys.executable, "-m", "sacrebleu", *refs, "-i", hyp, *args, "-w", str(width), "-f", "text"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        lines.append(out.strip())
    return lines


def corpus_lines(stdout: str) -> list[str]:
    return [ln for ln in stdout.splitlines() if ln.split("|", 1)[0] in ("BLEU", "chrF2", "chrF2++", "TER")]


@pytest.mark.parametrize("refs", [[REF1], [REF1, REF2]], ids=["one-ref", "two-refs"])
def test_corpus_figures_identical_to_sacrebleu_command(refs, capsys):
    argv = ["score", HYP, *sum((["--ref", r] for r in refs), []), "--width", "4"]
    assert main(argv) == 0
    assert corpus_lines(capsys.readouterr().out) == sacrebleu_lines(HYP, refs)


def seed_reference(tmp_path) -> Path:
    """The corrected reference in references/, or a stand-in when it is not written yet."""
    if SEED_REF.exists():
        return SEED_REF
    text = SEED.read_text(encoding="utf-8")
    for debris in ("X\n", "Related Post\n", "Lien source\n"):
        text = text.replace(debris, "")
    path = tmp_path / "ref.txt"
    path.write_text(text.replace("de des", "des").replace("al-Nusra", "al-Nosra"), encoding="utf-8")
    return path


def test_seed_with_its_reference(tmp_path, capsys):
    ref = seed_reference(tmp_path)
    aligned = tmp_path / "aligned"
    assert main(["score", str(SEED), "--ref", str(ref), "--width", "4", "--save-aligned", str(aligned)]) == 0
    out = capsys.readouterr().out
    # the article is aligned by sentence; the figures are sacrebleu's on exactly those segments
    assert "articles" in out
    assert corpus_lines(out) == sacrebleu_lines(str(aligned / "hyp.txt"), [str(aligned / "ref1.txt")])
    # weakest first: the scraped debris lines with no reference counterpart come first
    weakest = out.split("weakest first:", 1)[1].splitlines()
    listed = [ln.strip() for ln in weakest if ln.strip().startswith(str(SEED))]
    assert listed and listed[0].startswith(f"{SEED}:1:1")  # "X"
    assert any(ln.startswith(f"{SEED}:15:1") for ln in listed)  # "Related Post"


def test_weakest_segments_are_sorted_and_json_has_signatures(capsys):
    assert main(["score", HYP, "--ref", REF1, "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    corpus = [s for s in report["scores"] if s["scope"] == "corpus"]
    assert [s["metric"] for s in corpus] == ["BLEU", "chrF2", "chrF2++", "TER"]
    assert all(s["signature"].startswith("nrefs:1|") for s in report["scores"])
    entry = next(d for d in report["documents"] if d.get("kind") == "scores")
    chrf = [u["scores"]["chrF2"] for u in entry["weakest"]]
    assert chrf == sorted(chrf) and entry["weakest"][0]["hyp"] == "Related Post"
    assert len([s for s in report["scores"] if s["scope"] == "segment"]) == 4 * 10


def test_corpus_threshold_fails_the_run(capsys):
    assert main(["score", HYP, "--ref", REF1, "--min-bleu", "99"]) == 1
    assert "threshold failed: BLEU" in capsys.readouterr().out
    assert main(["score", HYP, "--ref", REF1, "--min-bleu", "1", "--max-ter", "99"]) == 0
    assert main(["score", HYP, "--ref", REF1, "--max-ter", "1"]) == 1
    assert main(["score", HYP, "--ref", REF1, "--max-ter", "1", "--exit-zero"]) == 0


def test_segment_floor_findings_point_at_segments(capsys):
    assert main(["score", HYP, "--ref", REF1, "--seg-min-chrf", "60", "--format", "json"]) == 0
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert findings and {f["code"] for f in findings} == {"MTQ951"}
    assert {f["category"] for f in findings} == {"score"}
    debris = next(f for f in findings if f["text"] == "Related Post")
    assert debris["line"] == 7 and debris["column"] == 1
    assert debris["suggestion"].startswith("Des organisations humanitaires")  # the reference
    lines = {f["line"] for f in findings}
    assert 1 not in lines  # the first line equals its reference
    assert main(["score", HYP, "--ref", REF1, "--seg-min-chrf", "60", "--fail-on", "warning"]) == 1


def test_jsonl_rows_with_reference_lists(capsys):
    assert main(["score", str(DATA / "rows.jsonl"), "--metrics", "bleu,chrf"]) == 0
    out = capsys.readouterr().out
    assert "BLEU|nrefs:2|" in out and "chrF2|nrefs:2|" in out and "TER|" not in out
    assert "[s7]" in out  # weakest segments named by their JSONL id


@pytest.mark.parametrize(
    "argv, message",
    [
        (["score", HYP, "--ref", str(DATA / "article.ref.fr.txt")], "lines but"),
        (["score", HYP, "--ref", str(DATA / "missing.txt")], "no such file"),
        (["score", HYP], "no reference given"),
        (["score", HYP, "--ref", REF1, "--metrics", "bleu,meteor"], "unknown metric meteor"),
        (["score", HYP, "--ref", REF1, "--metrics", "comet"], "needs --comet-model"),
        (["score", HYP, "--ref", REF1, "--comet-model", "/no/such/model"], "no such COMET model"),
    ],
)
def test_bad_input_is_one_line_error_exit_2(argv, message, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and err.startswith("mtqa: error:")


def test_empty_reference_file(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("\n" * 10, encoding="utf-8")
    assert main(["score", HYP, "--ref", str(empty)]) == 2
    assert "empty reference" in capsys.readouterr().err


def test_model_name_missing_from_cache_says_how_to_fetch(capsys, tmp_path, monkeypatch):
    pytest.importorskip("huggingface_hub")
    monkeypatch.setenv("HF_HOME", str(tmp_path))  # an empty cache
    assert (
        main(["score", HYP, "--ref", REF1, "--source", SRC, "--comet-model", "Unbabel/wmt22-comet-da"]) == 2
    )
    err = capsys.readouterr().err
    assert "not in the local Hugging Face cache" in err and "download_model('Unbabel/wmt22-comet-da')" in err
    assert err.count("\n") == 1


@pytest.mark.parametrize("test", ["bs", "ar"])
def test_compare_with_paired_significance(test, capsys):
    assert (
        main(["compare", HYP, SYS_B, "--ref", REF1, "--test", test, "--samples", "200", "--format", "json"])
        == 0
    )
    out = json.loads(capsys.readouterr().out)
    by_metric = {m["metric"]: m for m in out["metrics"]}
    assert set(by_metric) == {"BLEU", "chrF2", "TER"}
    bleu = by_metric["BLEU"]
    assert bleu["better"] == HYP and bleu["a"]["score"] > bleu["b"]["score"]
    assert 0 <= bleu["b"]["p_value"] <= 1 and f"{test}:200" in bleu["signature"]
    assert by_metric["TER"]["better"] == HYP  # lower TER is better


def test_compare_text_and_mismatch(tmp_path, capsys):
    assert main(["compare", HYP, SYS_B, "--ref", REF1, "--samples", "100"]) == 0
    out = capsys.readouterr().out
    assert "A is better" in out and "p = " in out and "BLEU|nrefs:1|" in out
    short = tmp_path / "short.txt"
    short.write_text("Une ligne.\n", encoding="utf-8")
    assert main(["compare", HYP, str(short), "--ref", REF1]) == 2
    assert "lines but" in capsys.readouterr().err


def test_check_with_ref_adds_scores_to_the_rule_report(tmp_path, capsys):
    ref = seed_reference(tmp_path)
    code = main(["check", str(SEED), "--ref", str(ref), "--format", "json", "--fail-on", "never"])
    assert code == 0
    report = json.loads(capsys.readouterr().out)
    assert {"MTQ701"} <= {f["code"] for f in report["findings"]}  # rule findings are still there
    assert [s["metric"] for s in report["scores"] if s["scope"] == "corpus"] == [
        "BLEU",
        "chrF2",
        "chrF2++",
        "TER",
    ]
    assert main(["check", str(SEED), "--ref", str(ref), "--fail-on", "never", "--min-chrf", "99.5"]) == 1
    assert main(["check", str(SEED), str(SEED), "--ref", str(ref)]) == 2


def test_help_imports_nothing_heavy():
    code = (
        "import sys; import mtqa.cli; mtqa.cli.build_parser().format_help(); "
        "print(sorted(m for m in ('torch', 'comet', 'sacrebleu', 'transformers') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "[]"  # imported only by the commands that use them


def test_python_api_returns_the_same_figures():
    from sacrebleu.metrics import BLEU

    import mtqa

    report = mtqa.score(HYP, [REF1, REF2])
    bleu = next(s for s in report.scores if s.metric == "BLEU" and s.scope == "corpus")
    hyps = Path(HYP).read_text(encoding="utf-8").splitlines()
    refs = [Path(r).read_text(encoding="utf-8").splitlines() for r in (REF1, REF2)]
    assert bleu.value == BLEU().corpus_score(hyps, refs).score
    assert report.segments_checked == 10


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "junit", "github", "html"])
def test_every_format_carries_scores_with_signatures(fmt, tmp_path):
    out = tmp_path / f"report.{fmt}"
    assert main(["score", HYP, "--ref", REF1, "--format", fmt, "--output", str(out)]) == 0
    content = out.read_text(encoding="utf-8")
    for signature in ("nrefs:1|case:mixed|eff:no|tok:13a", "nrefs:1|case:lc|tok:tercom"):  # BLEU, TER
        assert signature in content, fmt


def test_jsonl_documents_get_their_own_scores(capsys):
    from sacrebleu.metrics import CHRF

    assert main(["score", str(DATA / "two_docs.jsonl"), "--metrics", "chrf", "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    by_doc = {s["doc_id"]: s["value"] for s in report["scores"] if s["scope"] == "document"}
    rows = [json.loads(line) for line in (DATA / "two_docs.jsonl").read_text(encoding="utf-8").splitlines()]
    for doc in ("aleppo", "un"):
        mine = [r for r in rows if r["doc_id"] == doc]
        refs = [[r["ref"][k] for r in mine] for k in range(2)]
        assert by_doc[doc] == CHRF().corpus_score([r["mt"] for r in mine], refs).score
    assert main(["score", str(DATA / "two_docs.jsonl")]) == 0
    out = capsys.readouterr().out
    assert out.index("  un  ") < out.index("  aleppo  ")  # weakest document first


def test_benchmark_script_runs(capsys):
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_score", ROOT / "bench" / "bench_score.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    bench.main(["--segments", "30", "--comet-segments", "0", "--repeat", "1"])
    out = capsys.readouterr().out
    assert "sacrebleu direct" in out and "segments/s" in out and "x sacrebleu direct" in out
