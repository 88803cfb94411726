"""`mtqa explain CODE`: a rule's documentation."""

from __future__ import annotations

from mtqa.commands.exits import EXIT_CLEAN, UsageError


def add_parser(sub) -> None:
    p = sub.add_parser("explain", help="show a rule's documentation")
    p.add_argument("code", help="rule code (MTQ301) or name (repeated-word)")
    p.set_defaults(run=run)


def run(args) -> int:
    from mtqa.rules import BY_CODE, BY_NAME

    rule = BY_CODE.get(args.code.upper()) or BY_NAME.get(args.code)
    if rule is None:
        raise UsageError(f"unknown rule {args.code!r} (see `mtqa rules`)")
    from mtqa.rules.pages import rule_page

    print(rule_page(rule), end="")
    return EXIT_CLEAN
