"""What a check of one named file leaves out of its start-up: the other commands' options, pathspec,
lingua (the seed's language is clear from its words). Run in a fresh interpreter, as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys

from mtqa.cli import COMMANDS, build_parser
from tests.conftest import ROOT, SEED


def _commands(parser) -> set[str]:
    sub = next(a for a in parser._actions if a.dest == "command")
    return set(sub.choices)


def test_only_the_command_asked_for_is_built():
    assert _commands(build_parser(["check", "a.txt"])) == {"check"}
    assert _commands(build_parser(["score", "hyp.txt"])) == {"score"}
    assert _commands(build_parser([])) == set(COMMANDS)
    assert _commands(build_parser(["--help"])) == set(COMMANDS)
    assert _commands(build_parser(["chek"])) == set(COMMANDS)  # the error lists every command


def test_seed_check_leaves_heavy_modules_unloaded():
    code = (
        "import json, sys, io, contextlib\n"
        "from mtqa.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    code = main(['check', {str(SEED)!r}])\n"
        "print(json.dumps([code, sorted(m for m in ('pathspec', 'lingua') if m in sys.modules)]))\n"
    )
    for _ in range(2):  # the first run may build the test session's cached word data; the second reads it
        out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
        assert out.returncode == 0, out.stderr[-2000:]
    exit_code, loaded = json.loads(out.stdout.strip().splitlines()[-1])
    assert exit_code == 1  # the seed has findings
    assert loaded == []
