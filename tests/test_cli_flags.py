"""Flags as ruff users expect them (issue 12, points 4 and 5): --statistics, repeated --select and
--ignore, several machine formats on stdout, unknown --lang, NO_COLOR/FORCE_COLOR, the terminal's
width, `mtqa rules` wrapped, -q/--quiet and the progress bar on stderr."""

from __future__ import annotations

import io
import json
import sys
from xml.etree import ElementTree as ET

import pytest

from mtqa.cli import main
from mtqa.progress import track, wanted
from tests.conftest import ROOT

SEED = "seeds/000_d71c614b73ba7402.txt"


@pytest.fixture
def at_root(monkeypatch):
    monkeypatch.chdir(ROOT)
    for name in ("NO_COLOR", "FORCE_COLOR", "COLUMNS"):
        monkeypatch.delenv(name, raising=False)


def codes(capsys) -> set[str]:
    return {f["code"] for f in json.loads(capsys.readouterr().out)["findings"]}


def test_statistics_prints_the_count_code_name_table_instead_of_the_findings(at_root, capsys):
    assert main(["check", SEED, "--isolated", "--statistics"]) == 1
    out = capsys.readouterr().out
    assert "suggestion:" not in out and f"{SEED}:" not in out  # no listing
    assert "      3  MTQ701  debris-phrase (error)" in out.splitlines()
    main(["check", SEED, "--isolated", "--format", "json"])
    n = len(json.loads(capsys.readouterr().out)["findings"])
    assert f"{n} findings in 1 file" in out


def test_repeated_select_and_ignore_accumulate(at_root, capsys):
    assert (
        main(["check", SEED, "--isolated", "--format", "json", "--select", "MTQ701", "--select", "MTQ702"])
        == 1
    )
    assert codes(capsys) == {"MTQ701", "MTQ702"}
    argv = ["check", SEED, "--isolated", "--format", "json", "--select", "MTQ7"]
    assert main([*argv, "--ignore", "MTQ701", "--ignore", "MTQ702,MTQ704"]) == 0
    assert codes(capsys) == {"MTQ703"}


@pytest.mark.parametrize(
    "formats",
    [["json", "sarif"], ["text", "junit"], ["json", "json"]],
    ids=["json+sarif", "text+junit", "twice"],
)
def test_several_machine_formats_on_stdout_are_refused(at_root, capsys, formats):
    argv = ["check", SEED, "--isolated"]
    for fmt in formats:
        argv += ["--format", fmt]
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert (
        captured.err.count("\n") == 1 and "would share stdout" in captured.err and "--output" in captured.err
    )


def test_one_machine_format_on_stdout_and_another_in_a_file(at_root, tmp_path, capsys):
    sarif = tmp_path / "r.sarif"
    assert (
        main(["check", SEED, "--isolated", "--format", "json", "--format", "sarif", "--output", str(sarif)])
        == 1
    )
    assert json.loads(capsys.readouterr().out)["findings"]
    assert json.loads(sarif.read_text(encoding="utf-8"))["version"] == "2.1.0"


@pytest.mark.parametrize("option", ["--lang", "--src-lang"])
def test_unknown_language_is_a_usage_error(at_root, capsys, option):
    with pytest.raises(SystemExit) as exited:  # argparse's usage error: exit 2, one line
        main(["check", SEED, "--isolated", option, "xx"])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"argument {option}" in err and "'xx'" in err


def test_force_color_colours_a_pipe_and_no_color_wins_on_a_terminal(at_root, capsys, monkeypatch):
    monkeypatch.setenv("FORCE_COLOR", "1")
    main(["check", SEED, "--isolated"])
    assert "\x1b[" in capsys.readouterr().out
    monkeypatch.delenv("FORCE_COLOR")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    main(["check", SEED, "--isolated"])
    assert "\x1b[" not in capsys.readouterr().out
    main(["check", SEED, "--isolated", "--color", "always"])  # the explicit flag still wins
    assert "\x1b[" in capsys.readouterr().out


@pytest.mark.parametrize("columns", [80, 100])
def test_text_report_fits_the_terminal_width(at_root, capsys, monkeypatch, columns):
    monkeypatch.setenv("COLUMNS", str(columns))
    main(["check", SEED, "--isolated"])
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) > 50 and max(map(len, lines)) <= columns
    carets = [ln for ln in lines if ln.strip() and set(ln.strip()) == {"^"}]
    assert carets  # the span marks survive the narrower excerpts


def test_text_report_in_a_pipe_keeps_one_finding_a_line(at_root, capsys):
    main(["check", SEED, "--isolated", "--format", "json"])
    n = len(json.loads(capsys.readouterr().out)["findings"])
    main(["check", SEED, "--isolated"])
    lines = capsys.readouterr().out.splitlines()
    heads = [ln for ln in lines if ln.startswith(f"{SEED}:")]
    assert len(heads) == n and all(h.split("  ", 3)[3] for h in heads)  # the message on its line
    assert max(map(len, lines)) > 100  # contexts are not cut to a terminal's width


def test_rules_wrap_to_the_terminal_width(at_root, capsys, monkeypatch):
    main(["rules", "--all"])
    one_a_line = capsys.readouterr().out.splitlines()
    assert max(map(len, one_a_line)) > 100  # a pipe without COLUMNS: one rule a line, for grep
    monkeypatch.setenv("COLUMNS", "100")
    main(["rules", "--all"])
    wrapped = capsys.readouterr().out.splitlines()
    assert max(map(len, wrapped)) <= 100
    assert [ln.split()[0] for ln in wrapped if ln.startswith("MTQ")] == [ln.split()[0] for ln in one_a_line]
    words = lambda lines: " ".join(lines).split()  # noqa: E731
    assert words(wrapped) == words(one_a_line)


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_only_on_a_terminal_not_quiet_and_for_long_runs(monkeypatch):
    monkeypatch.delenv("TERM", raising=False)
    assert wanted(stream=_Terminal()) and not wanted(quiet=True, stream=_Terminal())
    assert not wanted(stream=io.StringIO())
    tty = _Terminal()
    assert list(track(iter(range(30)), "checking", enabled=True, start_after=20, stream=tty)) == list(
        range(30)
    )
    assert "checking" in tty.getvalue()
    short = _Terminal()
    assert list(track(list(range(5)), "checking", enabled=True, start_after=20, stream=short)) == list(
        range(5)
    )
    assert short.getvalue() == ""
    off = _Terminal()
    assert len(list(track(range(30), "checking", enabled=False, start_after=20, stream=off))) == 30
    assert off.getvalue() == ""


def test_check_shows_progress_on_stderr_for_many_documents_and_quiet_silences_it(
    tmp_path, capsys, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TERM", raising=False)
    for i in range(25):
        (tmp_path / f"a{i:02d}.txt").write_text("Le budget est voté.\n", encoding="utf-8")
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert main(["check", ".", "--isolated", "--lang", "fr", "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["files_checked"] == 25  # stdout untouched by the bar
    assert "checking" in captured.err
    assert main(["check", ".", "--isolated", "--lang", "fr", "--format", "json", "-q"]) == 0
    assert "checking" not in capsys.readouterr().err


def test_junit_from_the_cli_agrees_with_the_exit_code(at_root, capsys):
    assert main(["check", SEED, "--isolated", "--format", "junit", "--fail-on", "never"]) == 0
    root = ET.fromstring(capsys.readouterr().out)
    assert root.get("failures") == "0" and root.find(".//system-out") is not None
    assert main(["check", SEED, "--isolated", "--format", "junit"]) == 1
    root = ET.fromstring(capsys.readouterr().out)
    failed = {c.find("failure").get("type") for c in root.iter("testcase") if c.find("failure") is not None}
    assert failed == {"MTQ401", "MTQ501", "MTQ701", "MTQ702"}
