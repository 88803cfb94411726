"""Several --format/--output pairs in one run, the default HTML file, and JUnit's clean files."""

from __future__ import annotations

import json
from xml.etree import ElementTree as ET

import pytest

import mtqa.rules
from mtqa.cli import main
from mtqa.config import Config
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


# --- streaming: mtqa check writes as it goes, the same reports as when rendered whole -------------

STREAMED = ("json", "jsonl", "sarif", "text", "github")


def _no_whole_report(monkeypatch):
    """Fail if the run builds the whole Report (the path that holds every finding)."""
    import mtqa.commands.check as check_command

    def refuse(*_a, **_k):
        raise AssertionError("the whole report was built: this run should stream")

    monkeypatch.setattr(check_command, "_check_group", refuse)


@pytest.mark.parametrize("fmt", STREAMED)
def test_streamed_report_equals_the_report_rendered_whole(project, capsys, monkeypatch, fmt):
    import mtqa.commands.check_stream as check_stream

    argv = ["check", "a.txt", "b.txt", "--lang", "fr", "--format", fmt, "--jobs", "1"]
    stream = {"on": False}
    real = check_stream.streamable
    monkeypatch.setattr(check_stream, "streamable", lambda *a: stream["on"] and real(*a))
    whole_code = main(argv)
    whole = capsys.readouterr().out
    stream["on"] = True
    _no_whole_report(monkeypatch)
    assert main(argv) == whole_code == 1
    assert capsys.readouterr().out == whole


def test_streamed_exit_codes_follow_the_worst_severity_and_unreadable_inputs(project, capsys, monkeypatch):
    _no_whole_report(monkeypatch)
    base = ["check", "a.txt", "b.txt", "--lang", "fr", "--format", "jsonl"]
    assert main(base) == 1
    assert main([*base, "--fail-on", "never"]) == 0
    assert main([*base, "--exit-zero"]) == 0
    assert main(["check", "b.txt", "--lang", "fr", "--format", "jsonl"]) == 0
    capsys.readouterr()
    assert main(["check", "a.txt", "missing.txt", "b.txt", *base[3:]]) == 2  # the others still checked
    captured = capsys.readouterr()
    lines = [json.loads(line) for line in captured.out.splitlines()]
    assert [line["type"] for line in lines] == ["finding", "error", "summary"], captured.out
    assert lines[-1]["files_checked"] == 2 and "missing.txt" in captured.err


def test_stream_writes_each_finding_before_reading_the_next_document(project, capsys, monkeypatch):
    """Flat memory: the report of document k is out before document k+1 is read."""
    import sys

    import mtqa.commands.check_stream as check_stream

    written: list[str] = []
    real_stdout_write = sys.stdout.write
    monkeypatch.setattr(sys.stdout, "write", lambda s: written.append(s) or real_stdout_write(s))
    real_iter = check_stream.Group.__init__

    def watched(self, args, config, rules, inputs, notes):
        def lazily():
            for k, item in enumerate(inputs):
                if k == 1:  # a.txt's finding must already be written
                    assert '"code": "MTQ990"' in "".join(written)
                yield item

        real_iter(self, args, config, rules, lazily(), notes)

    monkeypatch.setattr(check_stream.Group, "__init__", watched)
    assert main(["check", "a.txt", "b.txt", "--lang", "fr", "--format", "jsonl", "--jobs", "1"]) == 1


def test_jsonl_output_file_is_written_atomically(project, capsys, monkeypatch):
    _no_whole_report(monkeypatch)
    assert main(["check", "a.txt", "--lang", "fr", "--format", "jsonl", "--output", "out/r.jsonl"]) == 1
    lines = (project / "out" / "r.jsonl").read_text(encoding="utf-8").splitlines()
    assert json.loads(lines[-1])["type"] == "summary" and len(lines) == 2
    assert list((project / "out").iterdir()) == [project / "out" / "r.jsonl"]  # no temporary file left
    assert capsys.readouterr().out == ""


def test_baseline_and_scores_still_use_the_whole_report(project, capsys):
    assert main(["check", "a.txt", "--lang", "fr", "--write-baseline", "base.json"]) == 0
    assert main(["check", "a.txt", "--lang", "fr", "--baseline", "base.json", "--format", "jsonl"]) == 0
    summary = json.loads(capsys.readouterr().out.splitlines()[-1])
    assert summary["findings"] == 0 and any("baseline" in n for n in summary["notes"])


# --- signature and version ------------------------------------------------------------------------


def _json_report(argv, capsys) -> dict:
    main([*argv, "--format", "json", "--fail-on", "never"])
    return json.loads(capsys.readouterr().out)


def test_report_signature_changes_with_what_changes_verdicts(project, capsys):
    import re

    from mtqa import __version__

    base = ["check", "a.txt", "--lang", "fr", "--isolated"]
    first, again = _json_report(base, capsys), _json_report(base, capsys)
    assert first["mtqa_version"] == __version__
    assert re.fullmatch(
        r"mtqa:[^|]+\|rules:[0-9a-f]{8}\|params:[0-9a-f]{8}\|data:[0-9a-f]{8}", first["signature"]
    )
    assert first["signature"] == again["signature"]  # comparable with itself
    assert first["signature_parts"]["rules"] == {"MTQ990": "error"}
    other_lang = _json_report(["check", "a.txt", "--lang", "en", "--isolated"], capsys)
    assert other_lang["signature"].split("|")[2] != first["signature"].split("|")[2]  # params
    assert other_lang["signature"].split("|")[1] == first["signature"].split("|")[1]  # same rules
    (project / "g.tsv").write_text("Bashar Assad\tBachar al-Assad\n", encoding="utf-8")
    glossary = _json_report([*base, "--glossary", "g.tsv"], capsys)
    (project / "g.tsv").write_text("Poutine\tVladimir Poutine\n", encoding="utf-8")
    edited = _json_report([*base, "--glossary", "g.tsv"], capsys)
    assert len({first["signature"], glossary["signature"], edited["signature"]}) == 3  # by content


def test_signature_severity_override_changes_the_rules_part():
    from mtqa.signature import check_signature

    rules = (word_rule("budget", "MTQ990", Severity.ERROR),)
    plain = check_signature(rules, Config())
    lowered = check_signature(rules, Config(severity={"MTQ990": Severity.INFO}))
    assert plain.text.split("|")[1] != lowered.text.split("|")[1]
    assert lowered.parts["rules"] == {"MTQ990": "info"}


def test_score_json_report_validates_against_the_schema(capsys):
    import jsonschema

    from tests.conftest import ROOT
    from tests.test_score_cli import HYP, REF1

    schema = json.loads((ROOT / "docs" / "json-report.schema.json").read_text(encoding="utf-8"))
    assert main(["score", HYP, "--ref", REF1, "--format", "json", "--min-bleu", "99"]) == 1
    report = json.loads(capsys.readouterr().out)
    jsonschema.validate(report, schema)
    assert report["signature"] is None and report["mtqa_version"]
    (scored,) = [d for d in report["documents"] if d.get("kind") == "scores"]
    assert scored["thresholds_failed"] and scored["thresholds_failed"][0].startswith("BLEU = ")


def test_alignments_are_kept_only_for_the_json_report(capsys):
    from tests.conftest import ROOT, SEED

    source = ROOT / "references" / "000_d71c614b73ba7402.en.txt"
    argv = ["check", str(SEED), "--source", str(source), "--fail-on", "never", "--select", "MTQ9"]
    main([*argv, "--format", "json"])
    assert [d for d in json.loads(capsys.readouterr().out)["documents"] if "alignment" in d]
    from mtqa.cli import build_parser
    from mtqa.commands.check import build_config

    for formats, kept in ((["jsonl"], False), (None, False), (["sarif", "json"], True)):
        args = build_parser().parse_args(argv + [x for f in formats or () for x in ("--format", f)])
        assert build_config(args).keep_alignment is kept
