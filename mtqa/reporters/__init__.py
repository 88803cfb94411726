"""Reporters only read a Report. Each format is one small module exposing `render(report, **opts) -> str`."""

from __future__ import annotations

from importlib import import_module

FORMATS = ("text", "json", "sarif", "junit", "github", "github-summary", "gitlab", "html")


def render(fmt: str, report, **options) -> str:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    return import_module(f"mtqa.reporters.{fmt.replace('-', '_')}_report").render(report, **options)
