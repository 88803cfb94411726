"""The effective configuration rendered back as TOML, for `mtqa check --show-config`."""

from __future__ import annotations

import json
from dataclasses import fields
from typing import Any

from mtqa.config import Config
from mtqa.model import Severity


def show(config: Config) -> str:
    """The effective configuration in TOML syntax, for `mtqa check --show-config`."""
    lines = [f"# config file: {config.config_file or '(none: defaults and command line)'}", "[tool.mtqa]"]
    tables = []
    for f in fields(Config):
        value = getattr(config, f.name)
        key = f.name.replace("_", "-")
        if f.name in (
            "per_path",
            "severity",
            "thresholds",
            "options",
            "config_file",
            "keep_text",
            "keep_alignment",
        ):
            continue
        if value is None:
            lines.append(f"# {key} = (not set)")
        else:
            lines.append(f"{key} = {_toml_value(value)}")
    lines.append(f"glossary = {_toml_value(list(config.options.get('glossary', ())))}")
    for name in ("severity", "thresholds"):
        table = getattr(config, name)
        tables.append(f"\n[tool.mtqa.{name}]")
        tables.extend(f"{k} = {_toml_value(v)}" for k, v in sorted(table.items()))
    for o in config.per_path:
        tables.append(f"\n[tool.mtqa.per-path.{json.dumps(o.pattern)}]")
        tables.append(f"ignore = {_toml_value(list(o.ignore))}")
        if o.severity:
            pairs = ", ".join(f"{k} = {_toml_value(v)}" for k, v in o.severity.items())
            tables.append(f"severity = {{ {pairs} }}")
    other = {k: v for k, v in config.options.items() if k != "glossary"}
    if other:
        tables.append("\n# other options")
        tables.extend(f"# {k} = {v!r}" for k, v in sorted(other.items()))
    return "\n".join(lines + tables) + "\n"


def _toml_value(value: Any) -> str:
    if isinstance(value, Severity):
        return json.dumps(str(value))
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, (int, float)):
        return repr(value)
    return json.dumps(str(value), ensure_ascii=False)
