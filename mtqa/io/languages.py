"""Language codes from any input (command line, config, glossary, JSONL rows), validated in one place.

A language code names a folder of word lists under mtqa/data/, so a value from an input file must
never reach a path: only ISO 639-1 codes pass. A region or script subtag ("fr-FR", "pt_BR",
"zh-Hans") is accepted and dropped, since the resources are per language.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

_TAG = re.compile(r"([A-Za-z]{2})(?:[-_][A-Za-z0-9]{2,8})*")


@cache
def known_codes() -> frozenset[str]:
    raw = resources.files("mtqa.data").joinpath("any", "language_codes.txt").read_text(encoding="utf-8")
    return frozenset(w for line in raw.splitlines() if not line.startswith("#") for w in line.split())


def language_code(value: object) -> str:
    """The ISO 639-1 code `value` names ("fr" for "fr", "FR" or "fr-CA"). Raises ValueError with a
    message naming what was expected."""
    if isinstance(value, str):
        m = _TAG.fullmatch(value.strip())
        if m and m.group(1).lower() in known_codes():
            return m.group(1).lower()
    shown = repr(value) if len(repr(value)) <= 40 else repr(value)[:37] + "..."
    raise ValueError(f"expected an ISO 639-1 language code such as 'fr', got {shown}")
