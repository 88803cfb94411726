"""Several --format/--output pairs in one run, the default HTML file, and JUnit's clean files."""

from __future__ import annotations

import json
from xml.etree import ElementTree as ET

import pytest

import mtqa.rules
from mtqa.cli import main
from mtqa.model import Severity
from tests.fakes import word_rule


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(
        mtqa.rules, "select_rules", lambda *a, **k: (word_rule("budget", "MTQ990", Severity.ERROR),)
    )
    (tmp_path / "a.txt").write_text("Le budget est voté.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Rien à signaler.\n", encoding="utf-8")
    return tmp_path


def test_each_output_follows_its_format(project, capsys):
    code = main(
        [
            "check",
            "a.txt",
            "b.txt",
            "--lang",
            "fr",
            "--format",
            "html",
            "--format",
            "sarif",
            "--output",
            "out/r.sarif",
            "--format",
            "junit",
            "--output",
            "out/r.xml",
            "--format",
            "github",
        ]
    )
    assert code == 1
    captured = capsys.readouterr()
    assert captured.out.startswith("::error file=a.txt,line=1,")  # github: stdout
    assert "HTML report written to reports/mtqa-report.html" in captured.err
    assert json.loads((project / "out" / "r.sarif").read_text())["version"] == "2.1.0"
    page = (project / "reports" / "mtqa-report.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Le <mark" in page
    cases = {
        (c.get("classname"), c.get("name")) for c in ET.parse(project / "out" / "r.xml").iter("testcase")
    }
    assert cases == {("a.txt", "MTQ990 test-error-word"), ("b.txt", "mtqa")}
    assert not list(project.glob("out/.*.tmp"))  # atomic writes leave no temporary file


def test_output_before_its_format_and_for_the_default_text(project, capsys):
    assert main(["check", "a.txt", "--lang", "fr", "--output", "r.json", "--format", "json"]) == 1
    assert json.loads((project / "r.json").read_text())["findings"][0]["text"] == "budget"
    assert main(["check", "a.txt", "--lang", "fr", "--output", "r.txt"]) == 1
    assert "MTQ990" in (project / "r.txt").read_text()


def test_exit_zero_and_statistics(project, capsys):
    assert main(["check", "a.txt", "--lang", "fr", "--exit-zero", "--statistics"]) == 0
    assert "1  MTQ990  test-error-word (error)" in capsys.readouterr().out


def test_unknown_format_is_a_usage_error(project, capsys):
    assert main(["check", "a.txt", "--format", "pdf"]) == 2
    assert "unknown format 'pdf'" in capsys.readouterr().err
