"""Files that are not what they seem: FIFOs, devices, UTF-16, unreadable folders, newlines in names;
and report files: --output refuses what is not a regular file, SIGTERM leaves no temporary file."""

from __future__ import annotations

import os
import signal

import pytest

import mtqa.io.discover
import mtqa.io.files
from mtqa.cli import main
from tests.hostile.conftest import assert_one_error, paths_reported, run_json, run_process

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")


@needs_fifo
def test_fifo_as_path_is_refused_at_once(tmp_path, good):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    done = run_process(["check", "--isolated", "--lang", "fr", str(fifo), str(good)])
    assert done.returncode == 2  # returned at all: it did not block on the pipe
    assert done.stderr.splitlines() == [f"mtqa: error: {fifo}: cannot read (not a regular file: a FIFO)"]
    assert "MTQ301" in done.stdout and str(good) in done.stdout


@needs_fifo
def test_fifo_as_score_reference_is_refused_at_once(tmp_path, good):
    fifo = tmp_path / "ref.txt"
    os.mkfifo(fifo)
    done = run_process(["score", str(good), "--ref", str(fifo), "--metrics", "chrf"])
    assert done.returncode == 2
    assert done.stderr.splitlines() == [f"mtqa: error: {fifo}: cannot read (not a regular file: a FIFO)"]


@pytest.mark.parametrize(
    "data, expected",
    [
        pytest.param("Le chat dort.\n".encode("utf-16"), "UTF-16 text (byte-order mark)", id="utf16-bom"),
        pytest.param(
            "Le chat dort.\n".encode("utf-16-le"), "UTF-16LE text (no byte-order mark)", id="utf16le"
        ),
        pytest.param(
            "Le chat dort.\n".encode("utf-16-be"), "UTF-16BE text (no byte-order mark)", id="utf16be"
        ),
        pytest.param("Le chat dort.\n".encode("utf-32"), "UTF-32 text", id="utf32"),
    ],
)
@pytest.mark.parametrize("suffix", [".txt", ".jsonl"])
def test_utf16_is_named_with_its_cure(tmp_path, good, capsys, data, expected, suffix):
    p = tmp_path / f"wide{suffix}"
    p.write_bytes(data)
    code, report, err = run_json([str(p), str(good)], capsys)
    assert code == 2
    assert_one_error(err, str(p), expected, "convert it to UTF-8")
    assert paths_reported(report) == {str(good)}


def test_unreadable_sub_directory_is_an_error_not_silence(tmp_path, capsys, monkeypatch):
    root = tmp_path / "articles"
    (root / "locked").mkdir(parents=True)
    (root / "a.txt").write_text("Le chat dort le le matin.\n", encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path="."):  # as root, chmod 000 cannot deny a read: refuse it here instead
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(mtqa.io.discover.os, "scandir", scandir)
    code, report, err = run_json([str(root)], capsys)
    assert code == 2
    assert_one_error(err, str(root / "locked"), "cannot read directory (Permission denied)")
    assert paths_reported(report) == {str(root / "a.txt")}


def test_newline_in_a_path_cannot_forge_a_second_error_line(tmp_path, good, capsys):
    forged = str(tmp_path / "x\nmtqa: error: forged.txt")
    code, report, err = run_json([forged, str(good)], capsys)
    assert code == 2
    assert_one_error(err, "x\\x0amtqa: error: forged.txt", "no such file")
    assert paths_reported(report) == {str(good)}


@pytest.mark.parametrize("kind", ["fifo", "directory"])
def test_output_refuses_what_is_not_a_regular_file(tmp_path, good, capsys, kind):
    target = tmp_path / "report.json"
    if kind == "fifo":
        if not hasattr(os, "mkfifo"):
            pytest.skip("no FIFOs on this system")
        os.mkfifo(target)
    else:
        target.mkdir()
    code = main(["check", "--isolated", str(good), "--format", "json", "--output", str(target)])
    assert code == 2
    assert_one_error(capsys.readouterr().err.splitlines(), f"cannot write {target}", "not a regular file")
    assert target.is_fifo() if kind == "fifo" else target.is_dir()  # left as it was
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["good.txt", "report.json"])


def test_baseline_output_refuses_a_fifo(tmp_path, good, capsys):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this system")
    target = tmp_path / "baseline.json"
    os.mkfifo(target)
    assert main(["check", "--isolated", str(good), "--write-baseline", str(target)]) == 2
    assert_one_error(capsys.readouterr().err.splitlines(), f"cannot write baseline {target}", "a FIFO")
    assert target.is_fifo()


def test_sigterm_while_writing_leaves_no_temporary_file(tmp_path, good, capsys, monkeypatch):
    if signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL:
        pytest.skip("the test runner handles SIGTERM itself")
    target = tmp_path / "out" / "report.json"

    def replace_then_terminated(src, dst):  # SIGTERM arrives between the write and the rename
        os.kill(os.getpid(), signal.SIGTERM)
        raise AssertionError("SIGTERM was not delivered")

    monkeypatch.setattr(mtqa.io.files.os, "replace", replace_then_terminated)
    code = main(["check", "--isolated", str(good), "--format", "json", "--output", str(target)])
    assert code == 143
    assert capsys.readouterr().err.splitlines() == ["mtqa: terminated"]
    assert list(target.parent.iterdir()) == []  # neither the report nor a hidden .tmp file
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL  # restored for the caller
