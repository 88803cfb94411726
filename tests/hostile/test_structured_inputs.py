"""JSONL rows, baselines, glossaries and configuration files that are malformed on purpose: one
line naming the file, the line or key, exit 2, no traceback, and the other inputs still checked."""

from __future__ import annotations

import json

import pytest

from mtqa.cli import main
from tests.hostile.conftest import assert_one_error, paths_reported, run_json


def _jsonl(tmp_path, *lines: str):
    p = tmp_path / "rows.jsonl"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return p


GOOD_ROW = json.dumps({"mt": "Le chat dort le le matin.", "id": "ok"})


@pytest.mark.parametrize(
    "row, expected",
    [
        pytest.param("[" * 100_000 + "]" * 100_000, "line 2: JSON nested too deeply", id="nested-100000"),
        pytest.param(
            '{"mt": "Bonjour.", "tgt_lang": 5}', "line 2: 'tgt_lang': expected an ISO 639-1", id="lang-int"
        ),
        pytest.param(
            '{"mt": "Bonjour.", "src_lang": ["en"]}', "line 2: 'src_lang': expected", id="lang-list"
        ),
        pytest.param(
            '{"mt": "Bonjour.", "tgt_lang": "../../somewhere"}', "got '../../somewhere'", id="lang-path"
        ),
        pytest.param(
            '{"mt": "Bonjour \\ud800 monde."}',
            "line 2: 'mt' holds a lone surrogate (\\ud800)",
            id="surrogate-mt",
        ),
        pytest.param(
            '{"mt": "ok.", "src": "a \\udc00"}', "line 2: 'src' holds a lone surrogate", id="surrogate-src"
        ),
        pytest.param(
            '{"mt": "ok.", "ref": ["x", "\\udfff"]}',
            "line 2: 'ref'[1] holds a lone surrogate",
            id="surrogate-ref",
        ),
        pytest.param(
            '{"mt": "ok.", "seg_idx": ' + "9" * 5000 + "}",
            "line 2: unreadable JSON value",
            id="int-5000-digits",
        ),
        pytest.param(
            '{"mt": "ok.", "doc_id": {"a": 1}}',
            "line 2: 'doc_id' must be a string or an integer",
            id="doc-id-object",
        ),
        pytest.param(
            '{"mt": "ok.", "seg_idx": true}', "line 2: 'seg_idx' must be an integer", id="seg-idx-bool"
        ),
    ],
)
def test_bad_row_is_one_line_and_the_other_rows_and_files_are_checked(tmp_path, good, capsys, row, expected):
    rows = _jsonl(tmp_path, GOOD_ROW, row, GOOD_ROW)
    code, report, err = run_json([str(rows), str(good)], capsys)
    assert code == 2
    assert_one_error(err, str(rows), expected)
    assert paths_reported(report) == {str(rows), str(good)}
    assert sum(f["path"] == str(rows) for f in report["findings"]) == 2  # both good rows


def test_language_code_with_a_region_is_accepted(tmp_path, capsys):
    rows = _jsonl(tmp_path, json.dumps({"mt": "Le chat dort le le matin.", "tgt_lang": "fr-FR"}))
    code, report, err = run_json([str(rows)], capsys)
    assert err == [] and report["findings"][0]["code"] == "MTQ301"


@pytest.mark.parametrize(
    "body, expected",
    [
        pytest.param(
            '{"mtqa_baseline": 1, "findings": 5}', "findings: expected a list, got int", id="findings-int"
        ),
        pytest.param(
            '{"mtqa_baseline": 1, "findings": null}', "findings: expected a list", id="findings-null"
        ),
        pytest.param(
            '{"mtqa_baseline": 1, "findings": [{"path": "a", "code": "b", "text": "c", "context_hash": "d", '
            '"count": 1e999}]}',
            "findings[0].count: expected a positive integer, got inf",
            id="count-1e999",
        ),
        pytest.param('{"mtqa_baseline": 1, "findings": [5]}', "findings[0] lacks path", id="entry-int"),
        pytest.param("[" * 100_000 + "]" * 100_000, "nested too deeply", id="nested"),
    ],
)
def test_bad_baseline_is_one_line(tmp_path, good, capsys, body, expected):
    baseline = tmp_path / "baseline.json"
    baseline.write_text(body, encoding="utf-8")
    assert main(["check", "--isolated", "--lang", "fr", str(good), "--baseline", str(baseline)]) == 2
    assert_one_error(capsys.readouterr().err.splitlines(), str(baseline), expected)


@pytest.mark.parametrize(
    "body, expected",
    [
        pytest.param("names = 5\n", "names: expected a table", id="names-int"),
        pytest.param('keep = "x"\n', "keep: expected a table", id="keep-string"),
        pytest.param('lang = "../../x"\n', "lang: expected an ISO 639-1 language code", id="lang-path"),
        pytest.param("names = " + "[" * 5000 + "]" * 5000 + "\n", "nested too deeply", id="nested"),
    ],
)
def test_bad_glossary_is_one_line(tmp_path, good, capsys, body, expected):
    glossary = tmp_path / "house.fr.toml"
    glossary.write_text(body, encoding="utf-8")
    assert main(["check", "--isolated", "--lang", "fr", str(good), "--glossary", str(glossary)]) == 2
    assert_one_error(capsys.readouterr().err.splitlines(), str(glossary), expected)


@pytest.mark.parametrize(
    "name, body, expected",
    [
        pytest.param("pyproject.toml", 'tool = "x"\n', "tool: expected a table", id="pyproject-tool-string"),
        pytest.param("mtqa.toml", 'tool = "x"\n', "tool: unknown key", id="mtqa-toml-tool-key"),
        pytest.param("mtqa.toml", "a = " + "[" * 5000 + "]" * 5000 + "\n", "nested too deeply", id="nested"),
        pytest.param("mtqa.toml", 'lang = "../fr"\n', "lang: expected an ISO 639-1", id="lang-path"),
    ],
)
def test_bad_config_file_is_one_line(tmp_path, good, capsys, name, body, expected):
    config = tmp_path / name
    config.write_text(body, encoding="utf-8")
    assert main(["check", "--config", str(config), str(good)]) == 2
    assert_one_error(capsys.readouterr().err.splitlines(), str(config), expected)


def test_discovered_pyproject_that_cannot_be_decoded_is_an_error(tmp_path, good, capsys, monkeypatch):
    (tmp_path / "pyproject.toml").write_bytes(b'[tool.mtqa]\nfail-on = "warning"\n# caf\xe9\n')
    monkeypatch.chdir(tmp_path)
    assert main(["check", str(good)]) == 2
    assert_one_error(
        capsys.readouterr().err.splitlines(), "pyproject.toml", "invalid UTF-8 at byte offset 37"
    )
