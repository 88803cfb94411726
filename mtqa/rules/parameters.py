"""Users' values for the rules' declared parameters: `[tool.mtqa.parameters.<CODE or name>]`.

    [tool.mtqa.parameters.MTQ302]        # or [tool.mtqa.parameters.repeated-phrase]
    sentence_min_words = 6

Validated once, when the configuration is read: an unknown rule, an unknown parameter or a value of
another type than the parameter's default is a one-line error naming it. The values reach the
engine as Config.options["parameters"] = {code: {name: value}}, which `rule_context` merges over
the declared defaults (`Rule.parameter_values`), and the check's signature carries them.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

from mtqa.rules.base import Parameter, Rule


def _typed(where: str, parameter: Parameter, value: Any) -> Any:
    """`value` as the type of the parameter's default: an int where an int is declared (not a bool),
    an int or a float where a float is, a bool for a bool, a string for a string."""
    default = parameter.default
    expected = type(default)
    if isinstance(default, bool):
        ok = isinstance(value, bool)
    elif isinstance(default, int):
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif isinstance(default, float):
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        value = float(value) if ok else value
    else:
        ok = isinstance(value, expected)
    if not ok:
        raise ValueError(f"{where}: expected {_type_name(default)} (default {default!r}), got {value!r}")
    # Every numeric parameter is a count, a length, a share or a score: TOML's -1, inf and nan would
    # reach a regex repeat or a comparison that cannot hold.
    if isinstance(value, (int, float)) and not isinstance(value, bool) and not 0 <= value < math.inf:
        raise ValueError(f"{where}: expected a finite number >= 0 (default {default!r}), got {value!r}")
    return value


def _type_name(default: Any) -> str:
    if isinstance(default, bool):
        return "true or false"
    if isinstance(default, int):
        return "a whole number"
    if isinstance(default, float):
        return "a number"
    return f"a {type(default).__name__}"


def parameters_from_table(table: Any, rules: Iterable[Rule]) -> dict[str, dict[str, Any]]:
    """{code: {parameter: value}} from the table of tables keyed by rule code or name; raises
    ValueError with a one-line message naming the rule and parameter at fault."""
    if not isinstance(table, Mapping):
        raise ValueError("expected tables keyed by rule, e.g. [tool.mtqa.parameters.MTQ302]")
    rules = tuple(rules)
    by_key = {r.code: r for r in rules} | {r.name: r for r in rules}
    out: dict[str, dict[str, Any]] = {}
    for key, values in table.items():
        rule = by_key.get(key) or by_key.get(str(key).upper())
        if rule is None:
            raise ValueError(f"{key}: unknown rule (see `mtqa rules`)")
        if not isinstance(values, Mapping):
            raise ValueError(f"{key}: expected a table of parameter = value, got {values!r:.40}")
        declared = {p.name: p for p in rule.parameters}
        for name, value in values.items():
            where = f"{key}.{name}"
            if name not in declared:
                known = ", ".join(declared) or "none"
                raise ValueError(f"{where}: {rule.code} has no parameter {name!r} (it has: {known})")
            if name in out.get(rule.code, {}):
                raise ValueError(f"{where}: {rule.code}.{name} is set twice (by code and by name)")
            out.setdefault(rule.code, {})[name] = _typed(where, declared[name], value)
    return out


def effective_parameters(rules: Iterable[Rule], options: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """{code: {parameter: value}} the rules run with: their defaults and the configured values."""
    configured = options.get("parameters") or {}
    return {r.code: r.parameter_values(configured.get(r.code)) for r in rules if r.parameters}
