"""Every sacrebleu option through `mtqa score`: the printed lines equal the `sacrebleu` command's
with the same options; -l and the rows' tgt_lang choose the tokenizer; [tool.mtqa.score]."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from mtqa.cli import main


def sacrebleu_line(hyp: str, refs: list[str], args: list[str]) -> str:
    out = subprocess.run(
        [sys.executable, "-m", "sacrebleu", *refs, "-i", hyp, *args, "-w", "4", "-f", "text"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return out.strip()


def mtqa_lines(argv: list[str], capsys) -> dict[str, str]:
    assert main([*argv, "--width", "4", "--isolated"]) == 0, capsys.readouterr().err
    out = capsys.readouterr().out
    return {ln.split("|", 1)[0]: ln for ln in out.splitlines() if "|nrefs:" in ln}


OPTION_SETS = [
    pytest.param(
        "bleu",
        ["--tokenize", "intl", "--lowercase", "--smooth-method", "add-k", "--smooth-value", "2"],
        id="bleu-intl-lc-add-k",
    ),
    pytest.param(
        "bleu", ["--tokenize", "char", "--smooth-method", "floor", "--smooth-value", "0.2"], id="bleu-char"
    ),
    pytest.param("bleu", ["--tokenize", "none", "--smooth-method", "none", "--force"], id="bleu-none"),
    pytest.param(
        "chrf",
        ["--chrf-char-order", "5", "--chrf-word-order", "1", "--chrf-beta", "3", "--chrf-whitespace"],
        id="chrf-orders-beta-space",
    ),
    pytest.param("chrf", ["--chrf-lowercase", "--chrf-eps-smoothing"], id="chrf-lc-eps"),
    pytest.param("ter", ["--ter-case-sensitive", "--ter-no-punct"], id="ter-case-punct"),
    pytest.param("ter", ["--ter-normalized", "--ter-asian-support"], id="ter-norm-asian"),
    pytest.param("bleu", ["--confidence", "--confidence-n", "200"], id="bleu-confidence"),
    pytest.param("ter", ["--confidence", "--confidence-n", "100", "--ter-normalized"], id="ter-confidence"),
]


@pytest.mark.parametrize("metric, options", OPTION_SETS)
def test_options_print_what_the_sacrebleu_command_prints(metric, options, data_dir, capsys):
    hyp, ref = str(data_dir / "hyp.fr.txt"), str(data_dir / "ref1.fr.txt")
    mine = mtqa_lines(["score", hyp, "--ref", ref, "--metrics", metric, *options], capsys)
    (line,) = mine.values()
    assert line == sacrebleu_line(hyp, [ref], ["-m", metric, *options])


def test_max_ngram_order_reaches_the_signature(data_dir, capsys):
    # the sacrebleu command has no --max-ngram-order (API only) and its signature does not name it
    from sacrebleu.metrics import BLEU

    hyp, ref = str(data_dir / "hyp.fr.txt"), str(data_dir / "ref1.fr.txt")
    mine = mtqa_lines(["score", hyp, "--ref", ref, "--metrics", "bleu", "--max-ngram-order", "3"], capsys)
    metric = BLEU(max_ngram_order=3)
    lines = [ln.rstrip() for ln in open(hyp, encoding="utf-8").read().split("\n")[:-1]]
    refs = [ln.rstrip() for ln in open(ref, encoding="utf-8").read().split("\n")[:-1]]
    score = metric.corpus_score(lines, [refs])
    assert mine["BLEU"] == score.format(4, signature=metric.get_signature().format() + "|ngram:3")


def test_langpair_chooses_the_tokenizer_as_sacrebleu_does(tmp_path, capsys):
    hyp = tmp_path / "hyp.zh.txt"
    ref = tmp_path / "ref.zh.txt"
    hyp.write_text("俄罗斯战机在叙利亚发动空袭。\n政府说军队收复了几个地区。\n", encoding="utf-8")
    ref.write_text("俄罗斯战机在叙利亚进行了空袭。\n政府表示军队夺回了几个地区。\n", encoding="utf-8")
    mine = mtqa_lines(["score", str(hyp), "--ref", str(ref), "--metrics", "bleu", "-l", "en-zh"], capsys)
    assert "|tok:zh|" in mine["BLEU"]
    assert mine["BLEU"] == sacrebleu_line(str(hyp), [str(ref)], ["-m", "bleu", "-l", "en-zh"])
    # without -l, the JSONL rows' tgt_lang does the same
    rows = tmp_path / "rows.jsonl"
    hyps, refs = hyp.read_text(encoding="utf-8").splitlines(), ref.read_text(encoding="utf-8").splitlines()
    pairs = zip(hyps, refs, strict=True)
    rows.write_text(
        "".join(json.dumps({"mt": h, "ref": r, "tgt_lang": "zh"}) + "\n" for h, r in pairs), "utf-8"
    )
    from_rows = mtqa_lines(["score", str(rows), "--metrics", "bleu"], capsys)
    assert from_rows["BLEU"] == mine["BLEU"]
    # an explicit tokenizer wins, as in sacrebleu
    explicit = mtqa_lines(["score", str(rows), "--metrics", "bleu", "--tokenize", "char"], capsys)
    assert "|tok:char|" in explicit["BLEU"]


def test_bom_is_dropped_and_the_signature_says_so(tmp_path, capsys):
    hyp = tmp_path / "hyp.txt"
    ref = tmp_path / "ref.txt"
    hyp.write_bytes("\ufeffLe chat dort.\nIl pleut.\n".encode())
    ref.write_text("Le chat dort.\nIl pleuvait.\n", encoding="utf-8")
    mine = mtqa_lines(["score", str(hyp), "--ref", str(ref), "--metrics", "bleu,ter"], capsys)
    assert all(ln.split(" = ")[0].endswith("|bom:dropped") for ln in mine.values())
    clean = tmp_path / "clean.txt"
    clean.write_text("Le chat dort.\nIl pleut.\n", encoding="utf-8")
    bleu = mine["BLEU"].replace("|bom:dropped", "")
    assert bleu == sacrebleu_line(str(clean), [str(ref)], ["-m", "bleu"])  # scored without the mark


@pytest.mark.parametrize(
    "tokenizer, message",
    [("ja-mecab", "pip install 'sacrebleu[ja]'"), ("flores200", "sentencepiece model at")],
)
def test_tokenizer_that_cannot_load_is_one_line_error(tokenizer, message, data_dir, capsys):
    from mtqa.scoring.sacrebleu_metrics import make_metric
    from mtqa.scoring.settings import SacrebleuSettings
    from mtqa.scoring.units import ScoringInputError

    try:
        make_metric("bleu", settings=SacrebleuSettings(tokenize=tokenizer))
    except ScoringInputError:
        pass
    else:
        pytest.skip(f"{tokenizer} is installed here")
    hyp, ref = str(data_dir / "hyp.fr.txt"), str(data_dir / "ref1.fr.txt")
    assert main(["score", hyp, "--ref", ref, "--tokenize", tokenizer, "--isolated"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("mtqa: error:") and message in err and err.count("\n") == 1


def test_config_score_table(tmp_path, data_dir, capsys, monkeypatch):
    hyp, ref = str(data_dir / "hyp.fr.txt"), str(data_dir / "ref1.fr.txt")
    (tmp_path / "mtqa.toml").write_text(
        '[score]\ntokenize = "intl"\nchrf-beta = 3\nter-normalized = true\nlangpair = "en-fr"\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    assert main(["score", hyp, "--ref", ref, "--metrics", "bleu,chrf,ter"]) == 0
    out = capsys.readouterr().out
    assert "|tok:intl|" in out and "chrF3|" in out and "|norm:yes|" in out
    assert main(["score", hyp, "--ref", ref, "--metrics", "bleu", "--tokenize", "char"]) == 0
    assert "|tok:char|" in capsys.readouterr().out  # the command line wins
    (tmp_path / "mtqa.toml").write_text('[score]\nsmooth-method = "magic"\n', encoding="utf-8")
    assert main(["score", hyp, "--ref", ref]) == 2
    err = capsys.readouterr().err
    assert "mtqa.toml: score: smooth-method: expected one of" in err and err.count("\n") == 1
    (tmp_path / "mtqa.toml").write_text("[score]\nchrf-bta = 3\n", encoding="utf-8")
    assert main(["score", hyp, "--ref", ref]) == 2
    assert "chrf-bta: unknown key" in capsys.readouterr().err


@pytest.mark.parametrize(
    "argv, message",
    [
        (["--max-ngram-order", "0"], "--max-ngram-order must be >= 1"),
        (["--chrf-char-order", "0", "--chrf-word-order", "0"], "cannot both be 0"),
        (["-l", "english"], "expected SRC-TRG"),
        (["--confidence", "--confidence-n", "1"], "--confidence-n must be >= 2"),
        (["--encoding", "klingon"], "unknown encoding"),
    ],
)
def test_bad_option_values_are_one_line_errors(argv, message, data_dir, capsys):
    hyp, ref = str(data_dir / "hyp.fr.txt"), str(data_dir / "ref1.fr.txt")
    assert main(["score", hyp, "--ref", ref, *argv, "--isolated"]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_python_api_takes_the_same_settings(data_dir):
    from sacrebleu.metrics import CHRF

    import mtqa
    from mtqa.scoring import SacrebleuSettings
    from mtqa.scoring.run import ScoreOptions

    hyp, ref = str(data_dir / "hyp.fr.txt"), str(data_dir / "ref1.fr.txt")
    settings = SacrebleuSettings(chrf_beta=1, chrf_lowercase=True)
    report = mtqa.score(hyp, [ref], options=ScoreOptions(metrics=("chrf",), sacrebleu=settings))
    (corpus,) = [s for s in report.scores if s.scope == "corpus"]
    lines = [ln.rstrip() for ln in open(hyp, encoding="utf-8").read().split("\n")[:-1]]
    refs = [ln.rstrip() for ln in open(ref, encoding="utf-8").read().split("\n")[:-1]]
    metric = CHRF(beta=1, lowercase=True)
    assert corpus.value == metric.corpus_score(lines, [refs]).score
    assert corpus.metric == "chrF1" and corpus.signature == metric.get_signature().format()


def test_num_refs_reads_tab_separated_references_as_sacrebleu(tmp_path, data_dir, capsys):
    hyp = str(data_dir / "hyp.fr.txt")
    ref1 = (data_dir / "ref1.fr.txt").read_text(encoding="utf-8").split("\n")[:-1]
    ref2 = (data_dir / "ref2.fr.txt").read_text(encoding="utf-8").split("\n")[:-1]
    tabbed = tmp_path / "refs.tsv"
    tabbed.write_text("".join(f"{a}\t{b}\n" for a, b in zip(ref1, ref2, strict=True)), encoding="utf-8")
    mine = mtqa_lines(["score", hyp, "--ref", str(tabbed), "-nr", "2", "--metrics", "bleu,ter"], capsys)
    for metric, line in mine.items():
        assert line.startswith(f"{metric}|nrefs:2|")
        assert line == sacrebleu_line(hyp, [str(tabbed)], ["-nr", "2", "-m", metric.lower()])
    two_files = mtqa_lines(
        ["score", hyp, "--ref", str(data_dir / "ref1.fr.txt"), "--ref", str(data_dir / "ref2.fr.txt")], capsys
    )
    assert two_files["BLEU"] == mine["BLEU"]
    tabbed.write_text("une seule\n" * 10, encoding="utf-8")
    assert main(["score", hyp, "--ref", str(tabbed), "-nr", "2", "--isolated"]) == 2
    assert "line 1: expected 2 fields, but found 1" in capsys.readouterr().err
