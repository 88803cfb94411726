"""Rule selectors: the one answer to "does this selector match this rule?".

Every place that names rules uses these functions: `select`, `ignore` and `extend-select` (config
file and command line), `[tool.mtqa.severity]`, per-path `ignore` and `severity`, inline
`<!-- mtqa: ignore ... -->` directives and `.mtqa-allow` sidecar entries. A selector is one of

- `ALL` (any case): every rule;
- a rule code, `MTQ101` (any case);
- a code prefix, `MTQ1` or `MTQ10` (any case): every rule of that family, as ruff's `--select E4`;
- a rule's kebab-case name, `name-spelling-drift` (exact: names are lower case).

Where several selectors of one severity table match a rule, the most specific wins, whatever the
order they are written in: a code or a name, then the longer prefix, then `ALL`. Between equally
specific ones (a rule's code and its name) the later entry wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Protocol, TypeVar

ALL = "ALL"
_CODE_PREFIX = re.compile(r"MTQ\d*", re.IGNORECASE)  # MTQ, MTQ1, MTQ10, MTQ101
_EXACT = 4  # a whole code or a name: more specific than the longest prefix ("MTQ10" -> 3)

T = TypeVar("T")


class Named(Protocol):
    """What a selector is matched against: a Rule, or the code and name a Finding carries."""

    @property
    def code(self) -> str: ...

    @property
    def name(self) -> str: ...


class UnknownSelectorError(ValueError):
    """Selectors that match no rule; the message names every one of them."""

    def __init__(self, unknown: list[str]) -> None:
        self.unknown = unknown
        what = "rule code or name" if len(unknown) == 1 else "rule codes or names"
        super().__init__(f"unknown {what} {', '.join(repr(s) for s in unknown)}")


def is_all(selector: str) -> bool:
    return selector.upper() == ALL


def matches(selector: str, code: str, name: str) -> bool:
    """True when `selector` selects the rule with this code and name."""
    if is_all(selector):
        return True
    if _CODE_PREFIX.fullmatch(selector):
        return code.startswith(selector.upper())
    return name == selector


def matches_any(selectors: Iterable[str], code: str, name: str) -> bool:
    return any(matches(s, code, name) for s in selectors)


def specificity(selector: str) -> int:
    """0 for ALL, 1 for MTQ, 2 for MTQ1, 3 for MTQ10, 4 for a whole code or a name."""
    if is_all(selector):
        return 0
    if _CODE_PREFIX.fullmatch(selector):
        return min(len(selector) - 2, _EXACT)
    return _EXACT


def most_specific(table: Mapping[str, T], code: str, name: str) -> T | None:
    """The value of the most specific selector in `table` matching the rule (later entries win
    ties), or None when none matches."""
    best: T | None = None
    rank = -1
    for selector, value in table.items():
        level = specificity(selector)
        if level >= rank and matches(selector, code, name):
            best, rank = value, level
    return best


def severity_override(table: Mapping[str, T], rule: Named) -> T | None:
    """The severity a table of overrides (`[tool.mtqa.severity]`, a per-path `severity`) gives
    `rule`, or None to keep its own."""
    return most_specific(table, rule.code, rule.name)


def unknown(selectors: Iterable[str], rules: Iterable[Named]) -> list[str]:
    """The selectors matching none of `rules`, in the order given."""
    rules = tuple(rules)
    return [s for s in selectors if not any(matches(s, r.code, r.name) for r in rules)]


def validate(selectors: Iterable[str], rules: Iterable[Named]) -> None:
    """Raise UnknownSelectorError naming every selector that matches none of `rules`."""
    missing = unknown(selectors, rules)
    if missing:
        raise UnknownSelectorError(missing)


R = TypeVar("R", bound=Named)


def selected(
    rules: tuple[R, ...],
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    extend_select: Iterable[str] = (),
    default: tuple[R, ...] | None = None,
) -> tuple[R, ...]:
    """The rules `select` picks (None: `default`, else every rule) plus `extend_select`, minus
    `ignore`, in catalogue order. Unknown selectors raise UnknownSelectorError."""
    chosen_select = None if select is None else tuple(select)
    ignore, extend_select = tuple(ignore), tuple(extend_select)
    validate((*(chosen_select or ()), *ignore, *extend_select), rules)
    base = rules if default is None else default
    if chosen_select is not None:
        base = tuple(r for r in rules if matches_any(chosen_select, r.code, r.name))
    picked = {id(r) for r in base} | {id(r) for r in rules if matches_any(extend_select, r.code, r.name)}
    return tuple(r for r in rules if id(r) in picked and not matches_any(ignore, r.code, r.name))


__all__ = [
    "ALL",
    "UnknownSelectorError",
    "is_all",
    "matches",
    "matches_any",
    "most_specific",
    "selected",
    "severity_override",
    "specificity",
    "unknown",
    "validate",
]
