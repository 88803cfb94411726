"""The signature of a check, as sacrebleu signs a score: what the verdicts depend on, in one string.

    mtqa:0.1.0|rules:3f2a9c1d|params:81b0e442|data:5c7d20aa

- `rules`: every rule that ran, with its effective severity (after `severity` settings);
- `params`: the settings that change a verdict: every rule's declared parameters with the values it
  runs with (`mtqa.rules.parameters.effective_parameters`), the language settings, per-path
  settings, `fail-on`, the baseline, and the options the rules read (glossaries and exonym tables
  by content, not only by path);
- `data`: the data files in mtqa/data (all of them: a change to any may change a finding) and the
  versions of the word-data packages the rules read.
Each part is the first 8 hex digits of a SHA-256 over its readable form, which the JSON report
carries beside the string (`signature_parts`). Two reports are comparable iff their signatures match.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from mtqa.cache import installed_version
from mtqa.config import Config
from mtqa.model import CheckSignature
from mtqa.rules import Rule
from mtqa.rules.parameters import effective_parameters
from mtqa.selectors import severity_override

WORD_DATA_PACKAGES = ("wordfreq", "lingua-language-detector")


def _digest(value: Any) -> str:
    raw = json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()[:8]


def _file_digest(path: str) -> str:
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:12]
    except OSError:
        return "unreadable"


@cache
def data_versions() -> tuple[tuple[str, str], ...]:
    """(name, digest) of every data file under mtqa/data and (package, version) of the word-data
    packages; computed once per process (about 70 small files)."""
    root = resources.files("mtqa.data")
    out = []

    def visible(entry) -> bool:  # not __pycache__, not .keep
        return not entry.name.startswith(("_", "."))

    for lang_dir in sorted((d for d in root.iterdir() if d.is_dir() and visible(d)), key=lambda d: d.name):
        for f in sorted((f for f in lang_dir.iterdir() if f.is_file() and visible(f)), key=lambda f: f.name):
            out.append((f"{lang_dir.name}/{f.name}", hashlib.sha256(f.read_bytes()).hexdigest()[:12]))
    for package in WORD_DATA_PACKAGES:
        out.append((package, installed_version(package) or "absent"))
    return tuple(out)


def _options(options: dict[str, Any]) -> dict[str, Any]:
    """The rules' options with each file they name (glossary, exonyms) signed by its content."""
    out: dict[str, Any] = {}
    for key, value in sorted(options.items()):
        if key in ("glossary", "exonyms"):
            out[key] = [[str(p), _file_digest(str(p))] for p in value]
        elif key == "parameters":
            continue  # signed per rule, with the defaults they override (parameters()["rules"])
        else:
            out[key] = value
    return out


def parameters(rules: tuple[Rule, ...], config: Config) -> dict[str, Any]:
    """The settings that change a verdict, readable."""
    return {
        "rules": effective_parameters(rules, config.options),
        "lang": config.lang,
        "src_lang": config.src_lang,
        "fail_on": config.fail_on,
        "require_source": config.require_source,
        "per_path": [
            {
                "pattern": o.pattern,
                "ignore": list(o.ignore),
                "severity": {k: str(v) for k, v in o.severity.items()},
            }
            for o in config.per_path
        ],
        "baseline": None if config.baseline is None else [config.baseline, _file_digest(config.baseline)],
        "options": _options(config.options),
    }


def check_signature(rules: tuple[Rule, ...], config: Config) -> CheckSignature:
    from mtqa.version import __version__

    severities = {r.code: str(severity_override(config.severity, r) or r.severity) for r in rules}
    params = parameters(rules, config)
    data = dict(data_versions())
    text = f"mtqa:{__version__}|rules:{_digest(severities)}|params:{_digest(params)}|data:{_digest(data)}"
    return CheckSignature(text, {"rules": severities, "params": params, "data": data})


def combined(signatures: list[CheckSignature]) -> CheckSignature | None:
    """One signature for a run whose files had different configurations (the closest config wins
    per file): the same when they all agree, else each part hashed over the groups' parts."""
    distinct = list(dict.fromkeys(signatures))
    if not distinct:
        return None
    if len(distinct) == 1:
        return distinct[0]
    heads = [s.text.split("|") for s in distinct]
    parts = [heads[0][0]] + [
        f"{name}:{_digest([h[k] for h in heads])}"
        for k, name in enumerate(("rules", "params", "data"), start=1)
    ]
    return CheckSignature("|".join(parts), {"groups": [s.parts for s in distinct]})
