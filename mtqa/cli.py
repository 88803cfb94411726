"""Command line: parse options, call the library, pick a reporter, return an exit code.

Exit codes (as ruff and Vale): 0 clean, 1 findings at or above --fail-on, 2 usage or input error.
Heavy modules are imported by the command that needs them, so `mtqa --help` stays instant.
"""

from __future__ import annotations

import argparse
import sys
from importlib import import_module

from mtqa import __version__

# Each command module exposes add_parser(subparsers) and run(args) -> int.
COMMANDS = ("check", "rules", "explain", "glossary", "score", "compare")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line and exit 2, as for every other usage error
        self.exit(2, f"mtqa: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="mtqa", description="Find machine-translation artifacts in translated news.")
    parser.add_argument("--version", action="version", version=f"mtqa {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMANDS:
        import_module(f"mtqa.commands.{name}").add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return 2
    try:
        return args.run(args)
    except KeyboardInterrupt:
        print("mtqa: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
