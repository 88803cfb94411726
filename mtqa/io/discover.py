"""Expand command-line paths (files, directories, `-`) into Documents and InputProblems."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from mtqa.io.articles import article_from_text, read_article
from mtqa.io.errors import InputError, decode
from mtqa.io.segments import read_jsonl
from mtqa.model import Document, InputProblem

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".jsonl")


def _files_under(root: Path) -> tuple[list[Path], list[InputProblem]]:
    """The text files under a directory (hidden names skipped, symbolic links to directories not
    followed, so a link loop cannot trap the walk), and a problem for each sub-directory that cannot
    be listed: a file left unchecked must not pass silently."""
    problems: list[InputProblem] = []

    def unreadable(exc: OSError) -> None:
        problems.append(InputProblem(str(exc.filename or root), f"cannot read directory ({exc.strerror})"))

    files = []
    for folder, dirs, names in os.walk(root, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in names:
            p = Path(folder, name)
            if not name.startswith(".") and p.suffix.lower() in TEXT_SUFFIXES and p.is_file():
                files.append(p)
    return sorted(files), problems


def _read_file(path: Path, lang: str | None) -> Iterator[Document | InputProblem]:
    try:
        if path.suffix.lower() == ".jsonl":
            yield from read_jsonl(path, lang)
        else:
            problems: list[InputProblem] = []
            doc = read_article(path, lang, problems)
            yield from problems
            yield doc
    except InputError as exc:
        yield InputProblem(exc.path, exc.message)


def read_inputs(
    paths: Iterable[str], lang: str | None = None, stdin=None
) -> Iterator[Document | InputProblem]:
    for raw in paths:
        if raw == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            problems: list[InputProblem] = []
            try:
                doc = article_from_text(decode("<stdin>", stream.read()), "<stdin>", lang, problems)
                yield from problems
                yield doc
            except InputError as exc:
                yield InputProblem(exc.path, exc.message)
            continue
        path = Path(raw)
        if path.is_dir():
            files, problems = _files_under(path)
            yield from problems
            if not files and not problems:
                yield InputProblem(raw, f"directory holds no text files ({', '.join(TEXT_SUFFIXES)})")
            for f in files:
                yield from _read_file(f, lang)
        elif path.exists():
            yield from _read_file(path, lang)
        else:
            yield InputProblem(raw, "no such file or directory")
