"""[tool.mtqa] configuration: discovery, validation messages, command-line overrides, per-path
settings, and --show-config."""

from __future__ import annotations

import pytest

import mtqa.rules
from mtqa.cli import main
from mtqa.config import Config, ConfigError, path_overrides
from mtqa.config_loading import find_config_file, load_config
from mtqa.model import Severity
from mtqa.rules import BY_CODE
from mtqa.selectors import severity_override
from tests.fakes import word_rule

TEXT = "Le budget est voté.\n\nLa réforme attendra, dit le ministre.\n"


@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / "articles" / "opinion").mkdir(parents=True)
    (tmp_path / "articles" / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "articles" / "opinion" / "b.txt").write_text(TEXT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def fake_rules(monkeypatch):
    """budget -> info (MTQ990), réforme -> warning (MTQ991), ministre -> error (MTQ992)."""
    rules = (
        word_rule("budget", "MTQ990", Severity.INFO),
        word_rule("réforme", "MTQ991", Severity.WARNING),
        word_rule("ministre", "MTQ992", Severity.ERROR),
    )
    monkeypatch.setattr(mtqa.rules, "select_rules", lambda *a, **k: rules)
    monkeypatch.setattr(mtqa.rules, "ALL_RULES", mtqa.rules.ALL_RULES + rules)  # known to the validation
    return rules


def write(project, body: str, name: str = "pyproject.toml") -> None:
    (project / name).write_text(body, encoding="utf-8")


def test_found_from_a_subdirectory_and_mtqa_toml_wins(project):
    write(project, "[project]\nname = 'x'\n")
    assert find_config_file(project / "articles") is None  # a pyproject without [tool.mtqa] is skipped
    write(project, "[tool.mtqa]\nfail-on = 'warning'\n")
    assert find_config_file(project / "articles" / "opinion") == project / "pyproject.toml"
    write(project, "fail-on = 'info'\n", "mtqa.toml")
    assert find_config_file(project / "articles") == project / "mtqa.toml"
    assert load_config(start=project / "articles").fail_on == "info"


def test_values_are_read_and_paths_resolved_against_the_file(project):
    write(
        project,
        """[tool.mtqa]
lang = "fr"
src-lang = "en"
select = ["MTQ1", "person-shift"]
ignore = ["MTQ101"]
extend-select = ["MTQ001"]
fail-on = "warning"
glossary = ["glossary.fr.tsv"]
baseline = "base.json"
source-pattern = "{stem}.en.txt"
[tool.mtqa.severity]
MTQ5 = "info"
[tool.mtqa.thresholds]
min-bleu = 30
seg-min-chrf = 20.5
""",
    )
    c = load_config(start=project)
    assert (c.lang, c.src_lang, c.fail_on, c.source_pattern) == ("fr", "en", "warning", "{stem}.en.txt")
    assert c.select == ("MTQ1", "person-shift") and c.ignore == ("MTQ101",) and c.extend_select == ("MTQ001",)
    assert c.options["glossary"] == (str(project / "glossary.fr.tsv"),)
    assert c.baseline == str(project / "base.json")
    assert c.severity == {"MTQ5": Severity.INFO}  # kept as written: a prefix sets its family
    assert severity_override(c.severity, BY_CODE["MTQ501"]) == Severity.INFO
    assert severity_override(c.severity, BY_CODE["MTQ101"]) is None
    assert c.thresholds == {"min-bleu": 30.0, "seg-min-chrf": 20.5}


def test_command_line_overrides_the_file(project):
    write(project, "[tool.mtqa]\nfail-on = 'warning'\nselect = ['MTQ1']\nignore = ['MTQ101']\nlang = 'fr'\n")
    c = load_config({"fail_on": "error", "select": ("MTQ2",), "ignore": ("MTQ5",), "lang": None})
    assert c.fail_on == "error" and c.select == ("MTQ2",) and c.lang == "fr"
    assert c.ignore == ("MTQ101", "MTQ5")  # --ignore adds to the file's list
    assert load_config(isolated=True) == Config()


@pytest.mark.parametrize(
    "body, expected",
    [
        ("[tool.mtqa]\nfial-on = 'error'\n", "pyproject.toml [tool.mtqa]: fial-on: unknown key"),
        (
            "[tool.mtqa]\nselect = ['MTQ999']\n",
            "pyproject.toml [tool.mtqa]: select: unknown rule code or name 'MTQ999'",
        ),
        (
            "[tool.mtqa]\nfail-on = 'sometimes'\n",
            "fail-on: expected one of error, warning, info, never, got 'sometimes'",
        ),
        (
            "[tool.mtqa]\nignore = 'MTQ1'\nlang = 3\n",
            "lang: expected an ISO 639-1 language code such as 'fr', got 3",
        ),
        ("[tool.mtqa.severity]\nMTQ101 = 'fatal'\n", "severity.MTQ101: unknown severity 'fatal'"),
        ("[tool.mtqa.severity]\nMTQ998 = 'error'\n", "severity.MTQ998: unknown rule code or name 'MTQ998'"),
        ("[tool.mtqa.thresholds]\nmin-blue = 3\n", "thresholds.min-blue: unknown threshold"),
        ("[tool.mtqa.per-path.'x/*']\nignor = ['MTQ1']\n", "per-path.'x/*'.ignor: unknown key"),
        ("[tool.mtqa]\nsource-pattern = 'x.txt'\n", "source-pattern: the pattern must contain {stem}"),
        ("[tool.mtqa]\nfail-on = \n", "pyproject.toml: invalid TOML"),
    ],
)
def test_bad_configuration_is_one_line_naming_file_and_key(project, capsys, body, expected):
    write(project, body)
    assert main(["check", "articles"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("mtqa: error: ")
    assert expected in err and str(project / "pyproject.toml") in err


def test_bad_command_line_selector_and_missing_config_file(project, capsys):
    assert main(["check", "articles", "--extend-select", "MTQ9999"]) == 2
    assert "--extend-select: unknown rule code or name 'MTQ9999'" in capsys.readouterr().err
    assert main(["check", "articles", "--config", "nope.toml"]) == 2
    assert "nope.toml: no such config file" in capsys.readouterr().err


def test_fail_on_and_severity_from_the_file_decide_the_exit_code(project, fake_rules, capsys):
    assert main(["check", "articles/a.txt", "--lang", "fr"]) == 1  # ministre is an error
    write(project, "[tool.mtqa]\nfail-on = 'error'\n[tool.mtqa.severity]\nMTQ992 = 'info'\n")
    assert main(["check", "articles/a.txt", "--lang", "fr"]) == 0
    assert main(["check", "articles/a.txt", "--lang", "fr", "--fail-on", "info"]) == 1
    out = capsys.readouterr().out
    assert "MTQ992  info" in out


def test_per_path_overrides(project, fake_rules, capsys):
    write(
        project,
        """[tool.mtqa]
lang = "fr"
[tool.mtqa.per-path."articles/opinion/*"]
ignore = ["MTQ992"]
severity = { MTQ991 = "error" }
[tool.mtqa.per-path."a.txt"]
ignore = ["MTQ990"]
""",
    )
    assert main(["check", "articles", "--format", "json"]) == 1
    import json

    found = {
        (f["path"].split("/")[-1], f["code"], f["severity"])
        for f in json.loads(capsys.readouterr().out)["findings"]
    }
    assert found == {
        ("a.txt", "MTQ991", "warning"),
        ("a.txt", "MTQ992", "error"),
        ("b.txt", "MTQ990", "info"),
        ("b.txt", "MTQ991", "error"),
    }


def test_path_overrides_match_relative_to_the_config_file(project):
    write(project, "[tool.mtqa.per-path.'articles/opinion/*']\nignore = ['MTQ201']\n")
    c = load_config(start=project)
    assert path_overrides(c, str(project / "articles" / "opinion" / "b.txt"))
    assert path_overrides(c, "articles/opinion/b.txt")
    assert not path_overrides(c, "articles/a.txt")


def test_show_config_prints_the_effective_configuration(project, capsys):
    write(
        project,
        "[tool.mtqa]\nfail-on = 'warning'\nlang = 'fr'\n[tool.mtqa.severity]\nMTQ101 = 'error'\n"
        "[tool.mtqa.per-path.'x/*']\nignore = ['MTQ2']\n",
    )
    assert main(["check", "--show-config", "--fail-on", "info"]) == 0
    out = capsys.readouterr().out
    assert f"# config file: {project / 'pyproject.toml'}" in out
    assert 'fail-on = "info"' in out and 'lang = "fr"' in out and 'MTQ101 = "error"' in out
    assert '[tool.mtqa.per-path."x/*"]' in out and 'ignore = ["MTQ2"]' in out
    import tomllib

    shown = tomllib.loads(out)["tool"]["mtqa"]  # the output is itself valid TOML
    assert shown["fail-on"] == "info" and shown["severity"] == {"MTQ101": "error"}


def test_config_error_is_a_value_error_with_the_key():
    with pytest.raises(ConfigError, match="command line: --select: unknown rule"):
        load_config({"select": ("nonsense-rule",)}, isolated=True)


# --- Selectors in every table: ALL, prefixes and names mean the same everywhere (mtqa.selectors) ---


def _found(capsys) -> set[tuple[str, str, str]]:
    import json

    return {
        (f["path"].split("/")[-1], f["code"], f["severity"])
        for f in json.loads(capsys.readouterr().out)["findings"]
    }


def test_per_path_ignore_all_silences_that_path_only(project, fake_rules, capsys):
    write(project, "[tool.mtqa]\nlang = 'fr'\n[tool.mtqa.per-path.'articles/opinion/*']\nignore = ['ALL']\n")
    main(["check", "articles", "--format", "json"])
    assert {(p, c) for p, c, _ in _found(capsys)} == {
        ("a.txt", "MTQ990"),
        ("a.txt", "MTQ991"),
        ("a.txt", "MTQ992"),
    }


def test_per_path_severity_all_lowers_everything_on_that_path(project, fake_rules, capsys):
    write(
        project,
        "[tool.mtqa]\nlang = 'fr'\n[tool.mtqa.per-path.'articles/opinion/*']\nseverity = { all = 'info' }\n",
    )
    assert main(["check", "articles/opinion", "--format", "json"]) == 0  # nothing left at error
    assert {s for _, _, s in _found(capsys)} == {"info"}
    assert main(["check", "articles/a.txt", "--format", "json"]) == 1  # other paths keep theirs
    assert ("a.txt", "MTQ992", "error") in _found(capsys)


def test_global_severity_all_lowers_everything(project, fake_rules, capsys):
    write(project, "[tool.mtqa]\nlang = 'fr'\n[tool.mtqa.severity]\nALL = 'info'\n")
    assert main(["check", "articles", "--format", "json"]) == 0
    found = _found(capsys)
    assert len(found) == 6 and {s for _, _, s in found} == {"info"}


def test_most_specific_severity_selector_wins_whatever_the_order(project, fake_rules, capsys):
    # fake rules: MTQ990 test-info-word, MTQ991 test-warning-word, MTQ992 test-error-word
    write(
        project,
        "[tool.mtqa]\nlang = 'fr'\n[tool.mtqa.severity]\n"
        "MTQ992 = 'info'\ntest-warning-word = 'error'\nMTQ99 = 'warning'\nALL = 'error'\nMTQ9 = 'info'\n",
    )
    main(["check", "articles/a.txt", "--format", "json"])
    assert _found(capsys) == {
        ("a.txt", "MTQ990", "warning"),  # MTQ99 beats MTQ9 and ALL
        ("a.txt", "MTQ991", "error"),  # its name beats any prefix
        ("a.txt", "MTQ992", "info"),  # its code beats any prefix
    }


def test_per_path_prefix_and_name_selectors(project, fake_rules, capsys):
    write(
        project,
        "[tool.mtqa]\nlang = 'fr'\n[tool.mtqa.per-path.'articles/opinion/*']\n"
        "ignore = ['mtq99', 'nothing-else']\n[tool.mtqa.per-path.'a.txt']\n"
        "severity = { test-error-word = 'warning' }\n",
    )
    main(["check", "articles", "--format", "json"])
    err = capsys.readouterr().err
    assert "per-path.'articles/opinion/*'.ignore: unknown rule code or name 'nothing-else'" in err
    write(
        project,
        "[tool.mtqa]\nlang = 'fr'\n[tool.mtqa.per-path.'articles/opinion/*']\n"
        "ignore = ['mtq99']\n[tool.mtqa.per-path.'a.txt']\nseverity = { test-error-word = 'warning' }\n",
    )
    assert main(["check", "articles", "--format", "json"]) == 0
    assert _found(capsys) == {
        ("a.txt", "MTQ990", "info"),
        ("a.txt", "MTQ991", "warning"),
        ("a.txt", "MTQ992", "warning"),
    }


def test_unknown_selectors_are_named_together(project):
    write(project, "[tool.mtqa]\nselect = ['MTQ1', 'MTQ0999', 'no-such-rule', 'M']\n")
    with pytest.raises(ConfigError) as info:
        load_config(start=project)
    assert str(info.value).endswith(
        "select: unknown rule codes or names 'MTQ0999', 'no-such-rule', 'M' (see `mtqa rules --all`)"
    )
