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
    mine = corpus_lines(out)
    assert all("|align:articles = " in ln for ln in mine)  # the signature says how segments were made
    mine = [ln.replace("|align:articles", "") for ln in mine]
    assert mine == sacrebleu_lines(str(aligned / "hyp.txt"), [str(aligned / "ref1.txt")])
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


def test_empty_reference_lines_are_scored_a_zero_byte_file_is_an_error(tmp_path, capsys):
    blank = tmp_path / "blank.txt"
    blank.write_text("\n" * 10, encoding="utf-8")
    assert main(["score", HYP, "--ref", str(blank), "--width", "4"]) == 0
    assert corpus_lines(capsys.readouterr().out) == sacrebleu_lines(HYP, [str(blank)])
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main(["score", HYP, "--ref", str(empty)]) == 2
    assert "empty file" in capsys.readouterr().err


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
    argv = ["compare", HYP, SYS_B, "--ref", REF1, "--test", test, "--samples", "200", "--format", "json"]
    assert main(argv) == 0
    out = json.loads(capsys.readouterr().out)
    by_metric = {m["metric"]: m for m in out["metrics"]}
    assert set(by_metric) == {"BLEU", "chrF2", "TER"}
    bleu = by_metric["BLEU"]
    (b,) = bleu["systems"]
    assert b["better"] == HYP and bleu["baseline"]["score"] > b["score"]
    assert 0 <= b["p_value"] <= 1 and f"{test}:200" in bleu["signature"]
    assert by_metric["TER"]["systems"][0]["better"] == HYP  # lower TER is better


def test_compare_several_systems_equals_sacrebleu_command(tmp_path, capsys):
    # sacrebleu REF -i BASELINE SYS1 SYS2 --paired-bs: the same p-value for every system and metric
    third = tmp_path / "third.txt"
    lines = Path(HYP).read_text(encoding="utf-8").splitlines()
    third.write_text("\n".join(ln.lower() for ln in lines) + "\n", encoding="utf-8")
    argv = ["compare", HYP, SYS_B, str(third), "--ref", REF1, "--samples", "300", "--format", "json"]
    assert main([*argv, "--metrics", "bleu,chrf", "--tokenize", "intl", "--chrf-beta", "3"]) == 0
    out = json.loads(capsys.readouterr().out)
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "sacrebleu",
            REF1,
            "-i",
            HYP,
            SYS_B,
            str(third),
            "-m",
            "bleu",
            "chrf",
            "--paired-bs",
            "--paired-bs-n",
            "300",
            "-tok",
            "intl",
            "--chrf-beta",
            "3",
            "-f",
            "json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    theirs = json.loads(proc.stdout)
    for metric in out["metrics"]:
        name = metric["metric"]
        assert name in ("BLEU", "chrF3")
        for mine, row in zip(metric["systems"], theirs[1:], strict=True):
            assert row["system"] == mine["name"]
            assert (mine["p_value"], mine["score"], mine["mean"], mine["ci"]) == (
                row[name]["p_value"],
                row[name]["score"],
                row[name]["mean"],
                row[name]["ci"],
            )


def test_compare_text_and_mismatch(tmp_path, capsys):
    assert main(["compare", HYP, SYS_B, "--ref", REF1, "--samples", "100"]) == 0
    out = capsys.readouterr().out
    assert "worse, significant" in out and "p = " in out and "BLEU|nrefs:1|" in out
    short = tmp_path / "short.txt"
    short.write_text("Une ligne.\n", encoding="utf-8")
    assert main(["compare", HYP, str(short), "--ref", REF1]) == 2
    assert "lines but" in capsys.readouterr().err
    assert main(["compare", HYP, HYP, "--ref", REF1]) == 2
    assert "given twice" in capsys.readouterr().err


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


def test_very_long_segment_is_left_out_of_ter_with_a_note(tmp_path):
    # TER's shift search on one 1,500-word line of unrelated words runs for minutes inside sacrebleu
    words = [f"mot{i % 97}x{i % 13}" for i in range(1500)]
    hyp = tmp_path / "hyp.txt"
    ref = tmp_path / "ref.txt"
    hyp.write_text("Le chat dort.\n" + " ".join(words) + "\n", encoding="utf-8")
    ref.write_text("Le chat dort.\n" + " ".join(reversed(words)) + "\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "mtqa", "score", str(hyp), "--ref", str(ref), "--format", "json"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    corpus = {s["metric"]: s for s in report["scores"] if s["scope"] == "corpus"}
    assert corpus["TER"]["signature"].endswith("|skip:1>1000w") and corpus["TER"]["value"] == 0.0
    assert "|skip:" not in corpus["BLEU"]["signature"]  # the linear metrics keep it
    assert any("TER: 1 segment(s) longer than 1000 words left out (line 2)" in n for n in report["notes"])
    ter_segments = [s for s in report["scores"] if s["scope"] == "segment" and s["metric"] == "TER"]
    assert [s["segment_index"] for s in ter_segments] == [0]


def test_max_words_leaves_segments_out_of_every_metric(tmp_path, capsys):
    from sacrebleu.metrics import BLEU

    hyp = tmp_path / "hyp.txt"
    ref = tmp_path / "ref.txt"
    hyp.write_text("Le chat dort.\nUn très long segment de sept mots.\nIl pleut.\n", encoding="utf-8")
    ref.write_text("Le chat dort.\nUn segment assez long de sept mots.\nIl pleuvait.\n", encoding="utf-8")
    assert (
        main(["score", str(hyp), "--ref", str(ref), "--max-words", "5", "--format", "json", "--isolated"])
        == 0
    )
    report = json.loads(capsys.readouterr().out)
    bleu = next(s for s in report["scores"] if s["scope"] == "corpus" and s["metric"] == "BLEU")
    kept = BLEU().corpus_score(["Le chat dort.", "Il pleut."], [["Le chat dort.", "Il pleuvait."]])
    assert bleu["value"] == kept.score and bleu["signature"].endswith("|skip:1>5w")
    assert {s["segment_index"] for s in report["scores"] if s["scope"] == "segment"} == {0, 2}


def test_metric_with_every_segment_too_long_is_not_computed(tmp_path, capsys):
    hyp = tmp_path / "hyp.txt"
    hyp.write_text("Un segment de six mots ici.\n", encoding="utf-8")
    argv = ["score", str(hyp), "--ref", str(hyp), "--max-words", "3", "--format", "json", "--isolated"]
    assert main(argv) == 0
    report = json.loads(capsys.readouterr().out)
    assert not [s for s in report["scores"] if s["scope"] == "corpus"]
    assert "ter: not computed, every segment is longer than 3 words" in report["notes"]
