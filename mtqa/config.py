"""The settings types: Config (the effective settings), PathOverride, ConfigError, and which
per-path overrides apply to a file. mtqa.config_loading builds a Config from the defaults, the config
file and the command line."""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mtqa.model import Severity


@dataclass(frozen=True)
class PathOverride:
    """Settings for files matching a glob (relative to the config file's directory)."""

    pattern: str
    ignore: tuple[str, ...] = ()  # selectors: ALL, rule codes, prefixes or names (mtqa.selectors)
    severity: dict[str, Severity] = field(default_factory=dict)  # selector -> severity, as Config's


DEFAULT_EXCLUDE = ("node_modules", "site-packages", "venv", "__pycache__")


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    # selector (code, prefix, name or ALL) -> severity; the most specific selector matching a rule
    # wins (mtqa.selectors.most_specific)
    severity: dict[str, Severity] = field(default_factory=dict)
    fail_on: str = "error"
    lang: str | None = None
    options: dict[str, Any] = field(default_factory=dict)
    # CI-gate settings; paths are absolute, resolved against the config file's directory. Glossary files
    # travel to the rules in options["glossary"] (rules only see options).
    src_lang: str | None = None
    per_path: tuple[PathOverride, ...] = ()
    baseline: str | None = None
    source_pattern: str | None = None  # e.g. "{stem}.en.txt" next to "{stem}.fr.txt"
    source: str | None = None  # absolute folder or template ("/repo/sources/{relpath}"): mtqa.io.pairing
    require_source: bool = False  # an article without its source is an input error, not a note
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE  # gitignore-style globs, relative to the config file
    extend_exclude: tuple[str, ...] = ()
    respect_gitignore: bool = True
    thresholds: dict[str, float] = field(default_factory=dict)  # "min-bleu" -> 30.0, "seg-min-chrf"...
    keep_text: bool = False  # record each document's text in Report.documents (the HTML report needs it)
    keep_alignment: bool = True  # record source alignments in Report.documents (the JSON report shows them)
    config_file: str | None = None  # where the [tool.mtqa] settings came from, for messages


class ConfigError(ValueError):
    """A bad configuration: the message names the file and the key."""


def path_overrides(config: Config, path: str) -> list[PathOverride]:
    """The per-path overrides whose glob matches `path` (relative to the config file's directory;
    a glob without '/' also matches the file name alone). `*` matches across '/', as in fnmatch."""
    if not config.per_path:
        return []
    root = Path(config.config_file).parent if config.config_file else Path.cwd()
    absolute = Path(path).resolve()
    try:
        rel = absolute.relative_to(root.resolve()).as_posix()
    except ValueError:
        rel = Path(path).as_posix()
    return [
        o
        for o in config.per_path
        if fnmatch.fnmatchcase(rel, o.pattern)
        or ("/" not in o.pattern and fnmatch.fnmatchcase(absolute.name, o.pattern))
    ]
