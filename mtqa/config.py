"""Effective settings: defaults, then `[tool.mtqa]` in pyproject.toml, then the command line."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from mtqa.model import Severity


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    severity: dict[str, Severity] = field(default_factory=dict)  # rule code -> severity
    fail_on: str = "error"
    lang: str | None = None
    options: dict[str, Any] = field(default_factory=dict)
