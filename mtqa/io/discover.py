"""Expand command-line paths (files, directories, `-`) into Documents and InputProblems."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from mtqa.io.articles import article_from_text, read_article
from mtqa.io.errors import InputError, decode
from mtqa.io.segments import read_jsonl
from mtqa.model import Document, InputProblem

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".jsonl")


def _files_under(root: Path) -> list[Path]:
    return sorted(
        p
        for p in root.rglob("*")
        if p.is_file()
        and p.suffix.lower() in TEXT_SUFFIXES
        and not any(part.startswith(".") for part in p.relative_to(root).parts)
    )


def _read_file(path: Path, lang: str | None) -> Iterator[Document | InputProblem]:
    try:
        if path.suffix.lower() == ".jsonl":
            yield from read_jsonl(path, lang)
        else:
            yield read_article(path, lang)
    except InputError as exc:
        yield InputProblem(exc.path, exc.message)


def read_inputs(
    paths: Iterable[str], lang: str | None = None, stdin=None
) -> Iterator[Document | InputProblem]:
    for raw in paths:
        if raw == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            try:
                yield article_from_text(decode("<stdin>", stream.read()), "<stdin>", lang)
            except InputError as exc:
                yield InputProblem(exc.path, exc.message)
            continue
        path = Path(raw)
        if path.is_dir():
            files = _files_under(path)
            if not files:
                yield InputProblem(raw, f"directory holds no text files ({', '.join(TEXT_SUFFIXES)})")
            for f in files:
                yield from _read_file(f, lang)
        elif path.exists():
            yield from _read_file(path, lang)
        else:
            yield InputProblem(raw, "no such file or directory")
