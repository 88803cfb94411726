"""Control characters in article text, file names and messages are shown, never sent raw to a
terminal; text that cannot be encoded never crashes a writer."""

from __future__ import annotations

import json

import pytest

from mtqa.cli import main
from mtqa.terminal import visible
from tests.hostile.conftest import assert_one_error

ESCAPES = "\x1b[31mrouge\x1b]0;TITLE\x07 \x1b]8;;http://x\x1b\\lien\x1b]8;;\x1b\\ \u202e \x9b"


def test_visible_writes_every_control_character_as_an_escape():
    assert visible("a\x1b[2Jb\nc\x7f\x85\u202e\ud800") == "a\\x1b[2Jb\\x0ac\\x7f\\x85\\u202e\\ud800"
    assert visible("Le président « dit »\u00a0!") == "Le président « dit »\u00a0!"  # text stays as it is


def test_text_report_shows_escapes_in_text_and_file_name(tmp_path, capsys):
    article = tmp_path / "evil\x1b[2J.txt"
    article.write_text(f"Le {ESCAPES} le le chat dort.\n", encoding="utf-8")
    assert main(["check", "--isolated", "--lang", "fr", str(article)]) == 1
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out and "\x9b" not in out
    assert "evil\\x1b[2J.txt:1:" in out and "\\x1b]0;TITLE\\x07" in out
    # The caret line still sits under the span ("le le") once the escapes lengthen the line.
    lines = out.splitlines()
    head = next(i for i, line in enumerate(lines) if "MTQ301" in line)
    excerpt, carets = lines[head + 1], lines[head + 2]
    start = carets.index("^")
    assert excerpt[start : start + carets.count("^")] == "le le"


def test_json_keeps_the_text_as_it_is(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text("Le \x1b[31m le le chat.\n", encoding="utf-8")
    main(["check", "--isolated", "--lang", "fr", str(article), "--format", "json", "--exit-zero"])
    out = capsys.readouterr().out
    finding = next(f for f in json.loads(out)["findings"] if f["code"] == "MTQ301")
    assert finding["start"] == len("Le \x1b[31m ")  # offsets count the escape's characters: evidence
    assert finding["text"] == "le le"


def test_error_lines_show_escapes(tmp_path, capsys):
    missing = str(tmp_path / "no\x1b]0;pwned\x07.txt")
    assert main(["check", "--isolated", missing]) == 2
    assert_one_error(capsys.readouterr().err.splitlines(), "no\\x1b]0;pwned\\x07.txt")


def test_usage_error_shows_escapes(capsys):
    with pytest.raises(SystemExit):
        main(["check", "--fail-on", "\x1b[2J"])
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\\x1b[2J" in err and err.count("\n") == 1


def test_score_report_shows_escapes(tmp_path, capsys):
    hyp, ref = tmp_path / "hyp.txt", tmp_path / "ref.txt"
    hyp.write_text("Le chat\x1b]0;T\x07 dort.\n", encoding="utf-8")
    ref.write_text("Le chat dort.\n", encoding="utf-8")
    main(["score", str(hyp), "--ref", str(ref), "--metrics", "chrf"])
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\\x1b]0;T\\x07" in out


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "junit", "github", "html"])
def test_undecodable_file_name_never_crashes_a_writer(tmp_path, capsys, fmt):
    """A file name that is not UTF-8 on disk reaches Python as a lone surrogate (PEP 383)."""
    folder = tmp_path / "articles"
    folder.mkdir()
    try:
        (folder / "caf\udce9.txt").write_text("Le chat dort le le matin.\n", encoding="utf-8")
    except (UnicodeEncodeError, OSError):
        pytest.skip("this file system refuses non-UTF-8 names")
    out_file = tmp_path / f"report.{fmt}"
    code = main(
        ["check", "--isolated", "--lang", "fr", str(folder), "--format", fmt, "--output", str(out_file)]
    )
    assert code == 1 and capsys.readouterr().err == ""
    written = out_file.read_text(encoding="utf-8").replace("\\\\", "\\")
    assert "caf\\udce9.txt" in written or "caf%E9.txt" in written  # escaped, or the URI of its bytes
