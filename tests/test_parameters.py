"""Rule parameters set by users: [tool.mtqa.parameters.<CODE or name>] reaches the rules (`mtqa
check`), MTQ952 (`mtqa score`), the JSON report's signature and `mtqa explain`; bad values are one-line
configuration errors; a malformed --exonyms row is a usage error naming its file and line."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

from mtqa.cli import main
from mtqa.config import Config
from mtqa.engine import check
from mtqa.io import article_from_text
from mtqa.rules import BY_CODE
from mtqa.rules.parameters import effective_parameters, parameters_from_table

# A widget line between two paragraphs: MTQ701 reports it unless lines that long are article text.
ARTICLE = "Le ministre a démissionné mardi.\n\nRelated Posts\n\nLe vote aura lieu vendredi.\n"


@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / "a.fr.txt").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _configure(project, body: str) -> None:
    (project / "pyproject.toml").write_text('[tool.mtqa]\nlang = "fr"\n' + body, encoding="utf-8")


def _check_json(capsys) -> dict:
    code = main(["check", "a.fr.txt", "--select", "MTQ701", "--format", "json", "--fail-on", "never"])
    out = capsys.readouterr()
    assert code == 0, out.err
    return json.loads(out.out)


def test_a_configured_parameter_changes_the_verdict_of_mtqa_check(project, capsys):
    _configure(project, "")
    assert [f["text"] for f in _check_json(capsys)["findings"]] == ["Related Posts"]
    _configure(project, "[tool.mtqa.parameters.MTQ701]\nmax_line_chars = 10\n")
    assert _check_json(capsys)["findings"] == []


def test_parameters_may_be_keyed_by_rule_name_and_reach_the_signature(project, capsys):
    _configure(project, "[tool.mtqa.parameters.debris-phrase]\nmax_line_chars = 10\n")
    report = _check_json(capsys)
    assert report["findings"] == []
    signed = json.dumps(report.get("signature_parts") or report.get("signature"))
    assert '"max_line_chars": 10' in signed and '"max_line_chars": 120' not in signed


def test_the_signature_changes_with_a_parameter(project, capsys):
    _configure(project, "")
    before = _check_json(capsys)
    _configure(project, "[tool.mtqa.parameters.MTQ701]\nmax_line_chars = 200\n")
    after = _check_json(capsys)
    assert [f["text"] for f in after["findings"]] == ["Related Posts"]  # same verdict here...
    assert json.dumps(before.get("signature")) != json.dumps(after.get("signature"))  # ...not comparable


@pytest.mark.parametrize(
    "body, named",
    [
        pytest.param("[tool.mtqa.parameters.MTQ999]\nx = 1\n", "MTQ999: unknown rule", id="unknown-rule"),
        pytest.param(
            "[tool.mtqa.parameters.MTQ701]\nmax_chars = 1\n",
            "MTQ701.max_chars: MTQ701 has no parameter 'max_chars'",
            id="unknown-parameter",
        ),
        pytest.param(
            "[tool.mtqa.parameters.MTQ701]\nmax_line_chars = 1.5\n",
            "MTQ701.max_line_chars: expected a whole number",
            id="float-for-int",
        ),
        pytest.param(
            "[tool.mtqa.parameters.MTQ302]\nsentence_min_words = true\n",
            "MTQ302.sentence_min_words: expected a whole number",
            id="bool-for-int",
        ),
        pytest.param(
            '[tool.mtqa.parameters.MTQ111]\nsimilar = "high"\n',
            "MTQ111.similar: expected a number",
            id="string-for-float",
        ),
        pytest.param(
            "[tool.mtqa.parameters.MTQ701]\nmax_line_chars = 10\n"
            "[tool.mtqa.parameters.debris-phrase]\nmax_line_chars = 20\n",
            "set twice",
            id="code-and-name",
        ),
        pytest.param("[tool.mtqa]\nparameters = 3\n", "expected tables keyed by rule", id="not-a-table"),
        pytest.param(
            "[tool.mtqa.parameters.MTQ503]\nstranded_max_chars = -1\n",
            "MTQ503.stranded_max_chars: expected a finite number >= 0",
            id="negative",
        ),
        pytest.param(
            "[tool.mtqa.parameters.MTQ111]\nsimilar = nan\n",
            "MTQ111.similar: expected a finite number >= 0",
            id="nan",
        ),
        pytest.param(
            "[tool.mtqa.parameters.MTQ111]\nsimilar = inf\n",
            "MTQ111.similar: expected a finite number >= 0",
            id="inf",
        ),
    ],
)
def test_bad_parameters_are_one_line_config_errors(project, capsys, body, named):
    (project / "pyproject.toml").write_text(
        body if body.startswith("[tool.mtqa]") else "[tool.mtqa]\n" + body
    )
    assert main(["check", "a.fr.txt"]) == 2
    err = capsys.readouterr().err
    assert named in err and "parameters" in err and len(err.strip().splitlines()) == 1, err


def test_a_float_parameter_takes_a_whole_number():
    assert parameters_from_table({"MTQ111": {"similar": 1}}, (BY_CODE["MTQ111"],)) == {
        "MTQ111": {"similar": 1.0}
    }


def test_effective_parameters_are_the_defaults_with_the_overrides():
    rules = (BY_CODE["MTQ701"], BY_CODE["MTQ702"])  # MTQ702 declares none
    assert effective_parameters(rules, {}) == {"MTQ701": {"max_line_chars": 120}}
    assert effective_parameters(rules, {"parameters": {"MTQ701": {"max_line_chars": 9}}}) == {
        "MTQ701": {"max_line_chars": 9}
    }


def _codes(text: str, code: str, parameters: dict | None = None) -> list[str]:
    config = Config(lang="fr", options={"parameters": {code: parameters}} if parameters else {})
    return [f.text for f in check([article_from_text(text, "<t>", "fr")], (BY_CODE[code],), config).findings]


def test_lowered_thresholds_make_a_rule_report_more():
    """The repeated-phrase thresholds are read from the parameters, not from module constants: a
    four-word repeat is too short by default and reported once the floor is lowered."""
    text = "Le maire de Lyon a parlé hier et le maire de Lyon a voté la loi."
    assert _codes(text, "MTQ302") == []
    lowered = {"sentence_min_words": 3, "sentence_min_content": 2, "sentence_min_sum": 5}
    assert _codes(text, "MTQ302", lowered) == ["le maire de Lyon a"]


def test_wrong_language_runs_follow_their_own_parameters():
    text = "Le fabricant affirme que le produit est built to last and easy to use, selon la notice."
    assert _codes(text, "MTQ602") == ["built to last and easy to use"]
    assert _codes(text, "MTQ602", {"run_min_foreign": 9, "run_warn_foreign": 9}) == []


def test_mtqa_explain_lists_the_parameters_with_their_defaults(capsys):
    assert main(["explain", "MTQ302"]) == 0
    out = capsys.readouterr().out
    assert "sentence_min_words = 5" in out and "[tool.mtqa.parameters.MTQ302]" in out


def test_a_short_exonyms_row_is_a_usage_error_naming_file_and_line(project, capsys):
    (project / "exonyms.tsv").write_text("# name\tnames\nMoskva\tMoscou\nKyiv Kiev\n", encoding="utf-8")
    assert main(["check", "a.fr.txt", "--exonyms", "exonyms.tsv"]) == 2
    err = capsys.readouterr().err
    assert "exonyms.tsv:3" in err and len(err.strip().splitlines()) == 1, err


def test_mtqa_score_passes_the_mtqa952_parameters(project, capsys, monkeypatch):
    """`[tool.mtqa.parameters.MTQ952] min_confidence` drops the error spans below it (a fake model's
    output: the parameter's path from the configuration to the findings is what is tested)."""
    from mtqa.scoring import run as scoring_run
    from mtqa.scoring.sacrebleu_metrics import MetricResult

    rows = [{"id": "1", "mt": "Le chat dort.", "src": "The cat sleeps."}]
    (project / "rows.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")

    def fake_comet(sset, options):
        result = MetricResult("comet", "COMET", 0.5, "COMET|fake", (0.5,) * len(sset.units), "COMET|fake")
        spans = [[{"start": 3, "end": 7, "severity": "major", "confidence": 0.4}] for _ in sset.units]
        return SimpleNamespace(result=result, error_spans=spans, kind="fake", model_name="fake")

    monkeypatch.setattr(scoring_run, "_comet", fake_comet)
    argv = ["score", "rows.jsonl", "--comet-model", "fake", "--metrics", "comet", "--format", "json"]

    def spans() -> list[str]:
        assert main(argv) == 0
        return [f["text"] for f in json.loads(capsys.readouterr().out)["findings"] if f["code"] == "MTQ952"]

    _configure(project, "")
    assert spans() == ["chat"]
    _configure(project, "[tool.mtqa.parameters.MTQ952]\nmin_confidence = 0.5\n")
    assert spans() == []
