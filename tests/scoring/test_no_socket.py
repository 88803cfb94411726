"""mtqa never touches the network: `check` (language identification, word lists), `score` (sacrebleu,
COMET) and `compare` run with every way of reaching another machine recorded. Attempts are
recorded rather than only refused, because a library may swallow the error and carry on."""

from __future__ import annotations

import socket

import pytest

from mtqa.cli import main

ROOT_FILES = ("hyp.fr.txt", "ref1.fr.txt", "sys_b.fr.txt", "src.en.txt")


@pytest.fixture
def no_network(monkeypatch):
    attempts: list[str] = []

    def refuse(what):
        def blocked(*args, **kwargs):
            attempts.append(f"{what}{args[1:2] or args[:1]}")
            raise OSError(f"network use in a test: {what}")

        return blocked

    for name in ("connect", "connect_ex", "sendto", "bind"):
        monkeypatch.setattr(socket.socket, name, refuse(f"socket.{name}"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    return attempts


def _files(data_dir):
    return {name.split(".")[0]: str(data_dir / name) for name in ROOT_FILES}


def test_check_opens_no_socket(no_network, seed_path, capsys):
    main(["check", "--isolated", str(seed_path), "--format", "json"])  # language detected: lingua loads
    assert '"findings"' in capsys.readouterr().out
    assert no_network == []


def test_score_and_compare_with_sacrebleu_open_no_socket(no_network, data_dir, capsys):
    f = _files(data_dir)
    assert main(["score", f["hyp"], "--ref", f["ref1"], "--metrics", "bleu,chrf,ter"]) == 0
    main(["compare", f["hyp"], f["sys_b"], "--ref", f["ref1"], "--metrics", "bleu,chrf", "--test", "bs"])
    assert "BLEU" in capsys.readouterr().out
    assert no_network == []


@pytest.mark.slow
def test_comet_score_and_compare_open_no_socket(no_network, tiny_comet, data_dir, capsys):
    f = _files(data_dir)
    model = str(tiny_comet["reference"])
    assert main(["score", f["hyp"], "--ref", f["ref1"], "--source", f["src"], "--comet-model", model]) == 0
    main(["compare", f["hyp"], f["sys_b"], "--ref", f["ref1"], "--source", f["src"], "--comet-model", model])
    assert "COMET" in capsys.readouterr().out
    assert no_network == []
