"""TOML text -> dict, with the one-line error every reader of TOML (config files, glossaries) shows."""

from __future__ import annotations

import sys
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib


class TomlError(ValueError):
    """TOML that does not parse; the message is one line, `invalid TOML (why)`, for the caller to
    prefix with the file's path."""


def parse_toml(text: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise TomlError(f"invalid TOML ({exc})") from None
    except RecursionError:  # the parser's depth limit; mtqa's files are at most three tables deep
        raise TomlError("invalid TOML (nested too deeply)") from None


__all__ = ["TomlError", "parse_toml"]
