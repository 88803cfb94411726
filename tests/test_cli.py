"""The command line, in-process through main(argv): rules listing, JSON schema, exit codes, plain
text when not on a terminal, usage errors."""

from __future__ import annotations

import json
import subprocess
import sys

import jsonschema
import pytest

import mtqa.rules
from mtqa.cli import main
from mtqa.commands.exits import EXIT_CLEAN, EXIT_FAILED, EXIT_USAGE, exit_code, final_code
from mtqa.model import SCHEMA_VERSION, Category, Finding, InputProblem, Report, Severity
from mtqa.rules import ALL_RULES
from tests.conftest import ROOT
from tests.fakes import word_rule

SCHEMA = json.loads((ROOT / "docs" / "json-report.schema.json").read_text(encoding="utf-8"))
FINDING_FIELDS = {
    "code",
    "rule",
    "category",
    "severity",
    "message",
    "suggestion",
    "path",
    "doc_id",
    "segment_id",
    "line",
    "column",
    "start",
    "end",
    "text",
}
TEXT = "Le budget est voté.\n\nLa réforme des retraites attendra, dit le ministre.\n"


@pytest.fixture
def article(tmp_path):
    p = tmp_path / "article.txt"
    p.write_text(TEXT, encoding="utf-8")
    return p


@pytest.fixture
def three_severities(monkeypatch):
    """budget -> info, réforme -> warning, ministre -> error."""
    rules = (
        word_rule("budget", "MTQ990", Severity.INFO),
        word_rule("réforme", "MTQ991", Severity.WARNING),
        word_rule("ministre", "MTQ992", Severity.ERROR),
    )
    monkeypatch.setattr(mtqa.rules, "select_rules", lambda *a, **k: rules)
    return rules


def test_rules_lists_every_rule(capsys):
    assert main(["rules", "--all"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(ALL_RULES)
    for rule, line in zip(ALL_RULES, lines, strict=True):
        assert line.split()[:4] == [rule.code, rule.name, str(rule.category), str(rule.severity)]
        assert rule.summary in line


def test_rules_default_listing_hides_only_opt_in_rules(capsys):
    assert main(["rules"]) == 0
    codes = [line.split()[0] for line in capsys.readouterr().out.splitlines()]
    assert codes == [r.code for r in ALL_RULES if r.default_enabled]


def test_explain_and_unknown_rule(capsys):
    for rule in ALL_RULES:
        assert main(["explain", rule.code]) == 0
        assert rule.summary in capsys.readouterr().out
    assert main(["explain", "MTQ000"]) == 2
    assert capsys.readouterr().err.startswith("mtqa: error: unknown rule")


def test_json_report_has_schema_version_and_every_field(article, capsys, three_severities):
    assert main(["check", str(article), "--format", "json", "--fail-on", "never"]) == 0
    report = json.loads(capsys.readouterr().out)
    jsonschema.validate(report, SCHEMA)
    assert report["schema_version"] == SCHEMA_VERSION == "1.0"
    assert len(report["findings"]) == 3
    for f in report["findings"]:
        assert FINDING_FIELDS <= f.keys()
        assert TEXT[f["start"] : f["end"]] == f["text"]
    ministre = report["findings"][-1]
    assert (
        ministre["code"],
        ministre["severity"],
        ministre["line"],
        ministre["column"],
        ministre["text"],
        ministre["suggestion"],
    ) == ("MTQ992", "error", 3, 43, "ministre", "MINISTRE")


def test_json_report_on_the_seed_validates(capsys):
    seed = ROOT / "seeds" / "000_d71c614b73ba7402.txt"
    main(["check", str(seed), "--format", "json", "--fail-on", "never"])
    jsonschema.validate(json.loads(capsys.readouterr().out), SCHEMA)


def test_json_report_with_errors_validates(tmp_path, capsys, three_severities):
    missing = tmp_path / "missing.txt"
    assert main(["check", str(missing), "--format", "json"]) == 2
    report = json.loads(capsys.readouterr().out)
    jsonschema.validate(report, SCHEMA)
    assert report["errors"] == [{"path": str(missing), "message": "no such file or directory"}]


@pytest.mark.parametrize(
    "fail_on, expected",
    [
        ("never", 0),
        ("error", 1),
        ("warning", 1),
        ("info", 1),
    ],
)
def test_fail_on_with_an_error_finding(article, capsys, three_severities, fail_on, expected):
    assert main(["check", str(article), "--fail-on", fail_on]) == expected


@pytest.mark.parametrize(
    "words, fail_on, expected",
    [
        pytest.param("budget", "info", 1, id="info-fails-on-info"),
        pytest.param("budget", "warning", 0, id="info-passes-warning"),
        pytest.param("budget réforme", "warning", 1, id="warning-fails-on-warning"),
        pytest.param("budget réforme", "error", 0, id="warning-passes-default"),
        pytest.param("", "info", 0, id="clean"),
    ],
)
def test_fail_on_thresholds(tmp_path, capsys, three_severities, words, fail_on, expected):
    p = tmp_path / "a.txt"
    p.write_text(f"Texte {words} sans plus.\n", encoding="utf-8")
    assert main(["check", str(p), "--fail-on", fail_on]) == expected


def test_exit_zero_and_input_errors(article, tmp_path, capsys, three_severities):
    assert main(["check", str(article), "--exit-zero"]) == 0
    assert main(["check", str(article), str(tmp_path / "nope.txt"), "--exit-zero"]) == 2


def test_exit_code_function():
    def report(*severities, problems=()):
        findings = tuple(
            Finding("MTQ990", "x", Category.OTHER, s, "m", "p", 0, 1, "t", 1, 1) for s in severities
        )
        return Report(findings=findings, problems=tuple(problems))

    assert (EXIT_CLEAN, EXIT_FAILED, EXIT_USAGE) == (0, 1, 2)
    assert exit_code(report(), "info") == EXIT_CLEAN
    assert exit_code(report(Severity.WARNING), "error") == EXIT_CLEAN
    assert exit_code(report(Severity.WARNING), "warning") == EXIT_FAILED
    assert exit_code(report(Severity.INFO, Severity.ERROR), "error") == EXIT_FAILED
    assert exit_code(report(Severity.ERROR), "never") == EXIT_CLEAN
    assert exit_code(report(problems=[InputProblem("p", "m")]), "never") == EXIT_USAGE
    assert [final_code(c, True) for c in (0, 1, 2)] == [0, 0, 2]  # --exit-zero never hides errors
    assert [final_code(c, False) for c in (0, 1, 2)] == [0, 1, 2]


def test_text_report_is_plain_when_not_a_terminal(article, capsys, three_severities):
    main(["check", str(article), "--lang", "fr"])
    out = capsys.readouterr().out
    assert "\x1b[" not in out
    lines = out.splitlines()
    assert lines[0] == f"{article}:1:4  MTQ990  info  found 'budget'"
    assert lines[1] == "    Le budget est voté."
    assert lines[2] == "       ^^^^^^"
    assert lines[3] == "    suggestion: BUDGET"
    assert f"{article}:3:43  MTQ992  error  found 'ministre'" in lines
    assert lines[-1] == "3 findings in 1 file (2 segments)."


def test_color_always_uses_ansi(article, capsys, three_severities):
    main(["check", str(article), "--color", "always"])
    assert "\x1b[" in capsys.readouterr().out


@pytest.mark.parametrize(
    "argv",
    [
        pytest.param(["check"], id="no-path"),
        pytest.param(["check", "x.txt", "--format", "xml"], id="unknown-format"),
        pytest.param(["check", "x.txt", "--fail-on", "sometimes"], id="unknown-threshold"),
        pytest.param(["check", "x.txt", "--select", "MTQ999,nonsense-rule"], id="unknown-rule"),
        pytest.param(["frobnicate"], id="unknown-command"),
    ],
)
def test_usage_errors_are_one_line_exit_2(argv, capsys):
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse exits for usage errors; the code still must be 2
        code = exc.code
    err = capsys.readouterr().err
    assert code == 2
    assert err.strip().splitlines()[-1].startswith("mtqa: error:")
    assert "Traceback" not in err


def test_output_file_is_written(article, tmp_path, capsys, three_severities):
    out = tmp_path / "reports" / "r.json"
    main(["check", str(article), "--format", "json", "--output", str(out)])
    assert capsys.readouterr().out == ""
    assert json.loads(out.read_text(encoding="utf-8"))["schema_version"] == SCHEMA_VERSION


def test_help_imports_no_heavy_module():
    """`mtqa --help` must not import the rules, lingua or torch; bench/bench_check.py times it."""
    code = (
        "import sys; from mtqa.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = ('lingua', 'torch', 'comet', 'wordfreq', 'mtqa.rules')\n"
        "heavy = [m for m in heavy if m in sys.modules]\n"
        "print(heavy, file=sys.stderr)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert proc.stderr.strip() == "[]"


def test_the_command_exits_with_mains_code_and_tunes_the_collector(article, monkeypatch, capsys):
    import gc

    from mtqa.cli import run

    argv = ["check", str(article), "--isolated", "--fail-on", "info"]
    monkeypatch.setattr(sys, "argv", ["mtqa", *argv])
    thresholds = gc.get_threshold()
    assert gc.get_freeze_count() == 0
    try:
        with pytest.raises(SystemExit) as exit_info:
            run()
        assert gc.get_threshold()[0] == 10_000  # young collections 14 times rarer than the default
        assert gc.get_freeze_count() > 0  # what the run made is out of the interpreter's exit collections
    finally:  # this test process goes on
        gc.unfreeze()
        gc.set_threshold(*thresholds)
    assert exit_info.value.code == main(argv)
    capsys.readouterr()


def test_python_dash_m_and_the_console_script_run_the_same_entry():
    import tomllib

    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert scripts["mtqa"] == "mtqa.cli:run"
    cmd = [sys.executable, "-m", "mtqa", "explain", "MTQ000"]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == EXIT_USAGE and proc.stderr.count("\n") == 1
