"""`mtqa rules`: the catalogue, one rule a line."""

from __future__ import annotations


def add_parser(sub) -> None:
    p = sub.add_parser("rules", help="list every rule with its code, name, category and severity")
    p.add_argument("--all", action="store_true", help="include rules that are off by default")
    p.set_defaults(run=run)


def run(args) -> int:
    from mtqa.rules import ALL_RULES

    for r in ALL_RULES:
        if r.default_enabled or args.all:
            off = "" if r.default_enabled else "  (opt-in)"
            print(f"{r.code}  {r.name:<28} {r.category!s:<13} {r.severity!s:<8} {r.summary}{off}")
    return 0
