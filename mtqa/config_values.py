"""Validation of every value of [tool.mtqa] (and of the command line's selectors and glossaries):
KEYS maps each TOML key to its Config field and validator; Validators checks and normalises it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from mtqa.config import ConfigError, PathOverride
from mtqa.io.languages import language_code
from mtqa.model import Severity

FAIL_ON = ("error", "warning", "info", "never")
_THRESHOLD = re.compile(r"(seg-)?(min-(bleu|chrf|chrfpp|comet)|max-ter)")  # as the CLI options


class Validators:
    """Validators for one file: every message names the file and the key."""

    def __init__(self, where: str, root: Path) -> None:
        self.where = where
        self.root = root

    def fail(self, key: str, problem: str) -> ConfigError:
        return ConfigError(f"{self.where}: {key}: {problem}")

    def string(self, key: str, value: Any) -> str:
        if not isinstance(value, str) or not value.strip():
            raise self.fail(key, f"expected a non-empty string, got {value!r}")
        return value

    def strings(self, key: str, value: Any) -> tuple[str, ...]:
        if isinstance(value, str):
            value = [value]
        if isinstance(value, tuple):  # from the command line
            value = list(value)
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail(key, f"expected a list of strings, got {value!r}")
        return tuple(value)

    def lang(self, key: str, value: Any) -> str:
        try:
            return language_code(value)
        except ValueError as exc:
            raise self.fail(key, str(exc)) from None

    def selectors(self, key: str, value: Any) -> tuple[str, ...]:
        from mtqa import selectors
        from mtqa.rules import ALL_RULES

        out = self.strings(key, value)
        try:
            selectors.validate(out, ALL_RULES)
        except selectors.UnknownSelectorError as exc:
            raise self.fail(key, f"{exc} (see `mtqa rules --all`)") from None
        return out

    def severity_table(self, key: str, value: Any) -> dict[str, Severity]:
        """Selector -> severity, kept as written: mtqa.selectors.most_specific resolves it per rule."""
        if not isinstance(value, dict):
            raise self.fail(key, f"expected a table of rule code = severity, got {value!r}")
        out: dict[str, Severity] = {}
        for sel, level in value.items():
            self.selectors(f"{key}.{sel}", [sel])
            try:
                out[sel] = Severity.parse(level if isinstance(level, str) else repr(level))
            except ValueError as exc:
                raise self.fail(f"{key}.{sel}", str(exc)) from None
        return out

    def fail_on(self, key: str, value: Any) -> str:
        if value not in FAIL_ON:
            raise self.fail(key, f"expected one of {', '.join(FAIL_ON)}, got {value!r}")
        return value

    def path(self, key: str, value: Any) -> str:
        return str((self.root / self.string(key, value)).resolve())

    def paths(self, key: str, value: Any) -> tuple[str, ...]:
        return tuple(str((self.root / v).resolve()) for v in self.strings(key, value))

    def pattern(self, key: str, value: Any) -> str:
        value = self.string(key, value)
        if "{stem}" not in value:
            raise self.fail(key, f"the pattern must contain {{stem}}, got {value!r}")
        return value

    def boolean(self, key: str, value: Any) -> bool:
        if not isinstance(value, bool):
            raise self.fail(key, f"expected true or false, got {value!r}")
        return value

    def source(self, key: str, value: Any) -> str:
        """A folder mirroring the targets or a template with {relpath}, {reldir}, {name}, {stem}."""
        from mtqa.io.pairing import template_fields

        value = self.string(key, value)
        try:
            template_fields(value)
        except ValueError as exc:
            raise self.fail(key, str(exc)) from None
        head, brace, rest = value.partition("{")
        if not brace:
            return str((self.root / value).resolve())
        sep = "/" if head.endswith(("/", "\\")) or not head else ""
        return str((self.root / (head or ".")).resolve()) + sep + brace + rest

    def globs(self, key: str, value: Any) -> tuple[str, ...]:
        out = self.strings(key, value)
        try:
            from mtqa.io.exclude import compile_globs

            compile_globs(out)
        except ValueError as exc:
            raise self.fail(key, f"bad glob ({exc})") from None
        return out

    def thresholds(self, key: str, value: Any) -> dict[str, float]:
        if not isinstance(value, dict):
            raise self.fail(key, f"expected a table such as {{ min-bleu = 30 }}, got {value!r}")
        out = {}
        for name, number in value.items():
            if not _THRESHOLD.fullmatch(name):
                raise self.fail(
                    f"{key}.{name}",
                    "unknown threshold (min-bleu, min-chrf, min-chrfpp, "
                    "max-ter, min-comet, each also with seg- for per-segment floors)",
                )
            if isinstance(number, bool) or not isinstance(number, (int, float)):
                raise self.fail(f"{key}.{name}", f"expected a number, got {number!r}")
            out[name] = float(number)
        return out

    def score_table(self, key: str, value: Any) -> dict[str, Any]:
        """[tool.mtqa.score]: sacrebleu options of `mtqa score`, `mtqa compare` and `mtqa check
        --ref`. mtqa.scoring.settings owns the option table (the command line's names without
        dashes); the validated values reach Config.options["score"]."""
        from mtqa.scoring.settings import from_table

        try:
            return from_table(value)
        except ValueError as exc:
            raise self.fail(key, str(exc)) from None

    def parameters(self, key: str, value: Any) -> dict[str, dict[str, Any]]:
        """[tool.mtqa.parameters.<CODE or name>]: the rules' declared parameters (mtqa.rules.parameters
        validates them); the values reach Config.options["parameters"] = {code: {name: value}}."""
        from mtqa.rules import ALL_RULES
        from mtqa.rules.parameters import parameters_from_table

        try:
            return parameters_from_table(value, ALL_RULES)
        except ValueError as exc:
            raise self.fail(key, str(exc)) from None

    def per_path(self, key: str, value: Any) -> tuple[PathOverride, ...]:
        if not isinstance(value, dict):
            raise self.fail(key, 'expected tables keyed by glob, e.g. [tool.mtqa.per-path."opinion/*"]')
        out = []
        for pattern, table in value.items():
            where = f"{key}.{pattern!r}"
            if not isinstance(table, dict):
                raise self.fail(where, f"expected a table with ignore and/or severity, got {table!r}")
            unknown = sorted(set(table) - {"ignore", "severity"})
            if unknown:
                raise self.fail(f"{where}.{unknown[0]}", "unknown key (per-path takes ignore, severity)")
            out.append(
                PathOverride(
                    pattern=pattern,
                    ignore=self.selectors(f"{where}.ignore", table.get("ignore", [])),
                    severity=self.severity_table(f"{where}.severity", table.get("severity", {})),
                )
            )
        return tuple(out)


# TOML key -> (Config field, validator name). Keys are kebab-case, as in ruff's configuration.
KEYS: dict[str, tuple[str, str]] = {
    "lang": ("lang", "lang"),
    "src-lang": ("src_lang", "lang"),
    "select": ("select", "selectors"),
    "ignore": ("ignore", "selectors"),
    "extend-select": ("extend_select", "selectors"),
    "severity": ("severity", "severity_table"),
    "fail-on": ("fail_on", "fail_on"),
    "per-path": ("per_path", "per_path"),
    "glossary": ("glossary", "paths"),
    "baseline": ("baseline", "path"),
    "source-pattern": ("source_pattern", "pattern"),
    "source": ("source", "source"),
    "require-source": ("require_source", "boolean"),
    "exclude": ("exclude", "globs"),
    "extend-exclude": ("extend_exclude", "globs"),
    "respect-gitignore": ("respect_gitignore", "boolean"),
    "thresholds": ("thresholds", "thresholds"),
    "score": ("score", "score_table"),
    "parameters": ("parameters", "parameters"),
}
