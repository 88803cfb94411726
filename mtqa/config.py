"""Effective settings: defaults, then `[tool.mtqa]` in pyproject.toml, then the command line."""

from __future__ import annotations

import fnmatch
import json
import re
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from mtqa.io.errors import read_file
from mtqa.io.languages import language_code
from mtqa.io.toml import TomlError, parse_toml
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


# --- Loading: defaults <- [tool.mtqa] (pyproject.toml) or mtqa.toml <- command line -------------------

FAIL_ON = ("error", "warning", "info", "never")
CONFIG_FILES = ("mtqa.toml", "pyproject.toml")  # mtqa.toml wins when both sit in one directory
_THRESHOLD = re.compile(r"(seg-)?(min-(bleu|chrf|chrfpp|comet)|max-ter)")  # as the CLI options


class ConfigError(ValueError):
    """A bad configuration: the message names the file and the key."""


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


class _Values:
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


def settings_from_file(path: Path) -> dict[str, Any]:
    """Validated settings of one config file, as Config field names -> values."""
    table = _read_table(path)
    where = f"{path} [tool.mtqa]" if path.name == "pyproject.toml" else str(path)
    values = _Values(where, path.parent)
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
    cli_values = _Values("command line", Path.cwd())
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
