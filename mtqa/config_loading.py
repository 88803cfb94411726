"""Effective settings: defaults, then `[tool.mtqa]` in pyproject.toml, then the command line."""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path
from typing import Any

from mtqa.config import Config, ConfigError
from mtqa.config_values import KEYS, Validators
from mtqa.io.errors import read_file
from mtqa.io.toml import TomlError, parse_toml

CONFIG_FILES = ("mtqa.toml", "pyproject.toml")  # mtqa.toml wins when both sit in one directory


def find_config_file(start: Path | None = None) -> Path | None:
    """The nearest mtqa.toml, or pyproject.toml holding a [tool.mtqa] table, from `start` upwards."""
    here = (start or Path.cwd()).resolve()
    for directory in (here, *here.parents):
        for name in CONFIG_FILES:
            candidate = directory / name
            if not candidate.is_file():
                continue
            if name == "mtqa.toml":
                return candidate
            # A pyproject.toml that cannot be read may hold the settings (fail-on...): an error,
            # never a silent fall-back to the defaults.
            try:
                text = read_file(candidate).decode("utf-8")
            except OSError as exc:
                raise ConfigError(f"{candidate}: cannot read ({exc.strerror or exc})") from None
            except UnicodeDecodeError as exc:
                raise ConfigError(f"{candidate}: invalid UTF-8 at byte offset {exc.start}") from None
            if re.search(r"^\s*\[tool\.mtqa[.\]]", text, re.MULTILINE):
                return candidate
    return None


def config_file_for(path: Path, cache: dict[Path, Path | None] | None = None) -> Path | None:
    """The closest config file of a checked file or folder (as ruff: the nearest one above it wins),
    cached per folder."""
    path = path.absolute()
    folder = path if path.is_dir() else path.parent
    if cache is None:
        return find_config_file(folder)
    if folder not in cache:
        cache[folder] = find_config_file(folder)
    return cache[folder]


def _read_table(path: Path) -> dict[str, Any]:
    try:
        data = parse_toml(read_file(path).decode("utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: invalid UTF-8 at byte offset {exc.start}") from None
    except TomlError as exc:
        raise ConfigError(f"{path}: {exc}") from None
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        if not isinstance(tool, dict):
            raise ConfigError(f"{path}: tool: expected a table, got {tool!r:.40}")
        data = tool.get("mtqa", {})
        if not isinstance(data, dict):
            raise ConfigError(f"{path}: [tool.mtqa] must be a table")
    return data


def settings_from_file(path: Path) -> dict[str, Any]:
    """Validated settings of one config file, as Config field names -> values."""
    table = _read_table(path)
    where = f"{path} [tool.mtqa]" if path.name == "pyproject.toml" else str(path)
    values = Validators(where, path.parent)
    out: dict[str, Any] = {}
    for key, value in table.items():
        if key not in KEYS:
            raise values.fail(key, f"unknown key (known keys: {', '.join(KEYS)})")
        name, validator = KEYS[key]
        out[name] = getattr(values, validator)(key, value)
    return out


def load_config(
    cli: dict[str, Any] | None = None,
    config_file: str | Path | None = None,
    isolated: bool = False,
    start: Path | None = None,
) -> Config:
    """Defaults, then the nearest config file (or `config_file`), then `cli` values that are not None.

    On the command line --select replaces the file's selection; --ignore and --extend-select add to it.
    Raises ConfigError with a one-line message naming the file and the key.
    """
    path = None
    if config_file is not None:
        path = Path(config_file)
        if not path.exists():
            raise ConfigError(f"{config_file}: no such config file")
        if not path.is_file():
            raise ConfigError(f"{config_file}: not a regular file")
    elif not isolated:
        path = find_config_file(start)
    settings = settings_from_file(path) if path else {}
    cli_values = Validators("command line", Path.cwd())
    for name, value in (cli or {}).items():
        if value is None or value == () or value == []:
            continue
        if name in ("ignore", "extend_select"):
            value = (*settings.get(name, ()), *cli_values.selectors(f"--{name.replace('_', '-')}", value))
        elif name == "select":
            value = cli_values.selectors("--select", value)
        elif name == "glossary":
            value = (*settings.get(name, ()), *cli_values.paths("--glossary", value))
        settings[name] = value
    glossary = settings.pop("glossary", ())
    options = dict(settings.pop("options", {}))
    if glossary:
        options["glossary"] = tuple(glossary)
    known = {f.name for f in fields(Config)}
    extra = {k: v for k, v in settings.items() if k not in known}  # fields another module has yet to add
    settings = {k: v for k, v in settings.items() if k in known}
    options.update(extra)
    return Config(**settings, options=options, config_file=str(path) if path else None)
