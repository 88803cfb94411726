"""`mtqa rules`: the catalogue, one rule a line (wrapped to the terminal's width on a terminal)."""

from __future__ import annotations

import sys
import textwrap

from mtqa.commands.exits import EXIT_CLEAN

_NARROW = 40  # below this many columns for the summary, it goes on the lines under the rule


def add_parser(sub) -> None:
    p = sub.add_parser("rules", help="list every rule with its code, name, category and severity")
    p.add_argument("--all", action="store_true", help="include rules that are off by default")
    p.set_defaults(run=run)


def rule_lines(rules, width: int | None) -> list[str]:
    """One entry a rule: `CODE  name  category  severity  summary`; with a width, the summary wraps
    under its own column (or, on a narrow terminal, under the code)."""
    out = []
    for r in rules:
        off = "" if r.default_enabled else "  (opt-in)"
        head = f"{r.code}  {r.name:<28} {r.category!s:<13} {r.severity!s:<8} "
        summary = f"{r.summary}{off}"
        if width is None or len(head) + len(summary) <= width:
            out.append(head + summary)
        elif width - len(head) >= _NARROW:
            pad = " " * len(head)
            out.extend(textwrap.wrap(head + summary, width, subsequent_indent=pad, break_on_hyphens=False))
        else:
            out.append(head.rstrip())
            out.extend(
                textwrap.wrap(summary, max(width, 20), initial_indent="    ", subsequent_indent="    ")
            )
    return out


def run(args) -> int:
    from mtqa.rules import ALL_RULES
    from mtqa.terminal import width_for

    shown = [r for r in ALL_RULES if r.default_enabled or args.all]
    sys.stdout.write("".join(line + "\n" for line in rule_lines(shown, width_for(sys.stdout))))
    return EXIT_CLEAN
