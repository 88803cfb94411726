"""Language resources kept as data files (phrase lists, tables), loaded once on first use.

`<lang>/<name>.txt`: one entry per line, `#` starts a comment. `<lang>/<name>.tsv`: tab-separated rows.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


def _lines(lang: str, filename: str) -> list[str]:
    try:
        raw = resources.files("mtqa.data").joinpath(lang, filename).read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    out = []
    for line in raw.splitlines():
        line = line.split(" #", 1)[0].rstrip() if not line.startswith("#") else ""
        if line.strip():
            out.append(line)
    return out


@cache
def word_list(lang: str, name: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in _lines(lang, f"{name}.txt"))


@cache
def table(lang: str, name: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(col.strip() for col in line.split("\t")) for line in _lines(lang, f"{name}.tsv"))
