"""Expand command-line paths (files, directories, `-`) into Documents and InputProblems."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from mtqa.io.articles import article_from_text, read_article
from mtqa.io.errors import InputError, decode
from mtqa.io.segments import read_jsonl
from mtqa.model import Document, InputProblem

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".jsonl")


Excluded = Callable[[Path, bool], bool]  # (path, is_dir) -> skip it (mtqa.io.exclude.make_filter)


def _files_under(root: Path, excluded: Excluded | None = None) -> tuple[list[Path], list[InputProblem]]:
    """The text files under a directory (hidden names skipped, symbolic links to directories not
    followed, so a link loop cannot trap the walk), and a problem for each sub-directory that cannot
    be listed: a file left unchecked must not pass silently. `excluded` prunes folders and files."""
    problems: list[InputProblem] = []

    def unreadable(exc: OSError) -> None:
        problems.append(InputProblem(str(exc.filename or root), f"cannot read directory ({exc.strerror})"))

    files = []
    for folder, dirs, names in os.walk(root, onerror=unreadable):
        dirs[:] = sorted(
            d for d in dirs if not d.startswith(".") and not (excluded and excluded(Path(folder, d), True))
        )
        for name in names:
            p = Path(folder, name)
            if not name.startswith(".") and p.suffix.lower() in TEXT_SUFFIXES and p.is_file():
                if not (excluded and excluded(p, False)):
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


def expand_paths(
    paths: Iterable[str], excluded: Excluded | None = None, force_exclude: bool = False
) -> tuple[list[str], list[InputProblem]]:
    """Command-line paths as the files to read (`-` kept) and the problems met on the way: folders
    are walked (skipping what `excluded` says); a file named on the command line is read even when
    excluded, unless `force_exclude` (pre-commit passes every staged file by name, as to ruff)."""
    files: list[str] = []
    problems: list[InputProblem] = []
    for raw in paths:
        path = Path(raw)
        if raw == "-":
            files.append(raw)
        elif path.is_dir():
            found, trouble = _files_under(path, excluded)
            problems.extend(trouble)
            if not found and not trouble:
                problems.append(
                    InputProblem(raw, f"directory holds no text files ({', '.join(TEXT_SUFFIXES)})")
                )
            files.extend(str(f) for f in found)
        elif path.exists():
            if not (force_exclude and excluded and excluded(path, False)):
                files.append(raw)
        else:
            problems.append(InputProblem(raw, "no such file or directory"))
    return files, problems


def read_inputs(
    paths: Iterable[str], lang: str | None = None, stdin=None, stdin_filename: str | None = None
) -> Iterator[Document | InputProblem]:
    """Documents of the given paths; `stdin_filename` names the text read from `-` (for per-path
    settings, source pairing and the report)."""
    for raw in paths:
        if raw == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            problems: list[InputProblem] = []
            name = stdin_filename or "<stdin>"
            try:
                doc = article_from_text(decode(name, stream.read()), name, lang, problems)
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
