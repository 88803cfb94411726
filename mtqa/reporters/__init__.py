"""Reporters only read a Report. Each format is one small module exposing `render(report, **opts) -> str`;
the formats in mtqa.reporters.stream.STREAMING also expose a `Writer` that writes as the run goes."""

from __future__ import annotations

from importlib import import_module

FORMATS = ("text", "json", "jsonl", "sarif", "junit", "github", "github-summary", "gitlab", "html")


def render(fmt: str, report, **options) -> str:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    return import_module(f"mtqa.reporters.{fmt.replace('-', '_')}_report").render(report, **options)
