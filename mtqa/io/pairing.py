"""Pair translated documents with their source articles (`mtqa check ... --source PATH`).

- `--source FILE`: the source of the one target article given.
- `--source DIR`: each target file found under a target directory is paired with the file at the
  same relative path under DIR; a name pattern maps names that differ by a language tag:
  `--source-pattern "{stem}.en.txt"` (the target's stem is its name up to the first dot), or
  `--source-pattern "{stem}.fr.txt={stem}.en.txt"` (target pattern = source pattern).
A target without a source file is checked target-only, with a note. JSONL rows carry their own `src`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from mtqa.io.articles import article_from_text
from mtqa.io.errors import InputError, decode, read_file
from mtqa.model import Document, InputProblem


class PairingError(ValueError):
    """A usage error in the pairing options (one line, exit 2)."""


def _pattern(pattern: str | None) -> tuple[re.Pattern | None, str | None]:
    if not pattern:
        return None, None
    if "{stem}" not in pattern:
        raise PairingError(f"--source-pattern {pattern!r} must contain {{stem}}")
    if "=" in pattern:
        tgt, src = pattern.split("=", 1)
        if "{stem}" not in tgt or "{stem}" not in src:
            raise PairingError(f"--source-pattern {pattern!r}: both sides of '=' need {{stem}}")
        regex = re.compile(re.escape(tgt).replace(re.escape("{stem}"), "(?P<stem>.+)") + r"\Z")
        return regex, src
    return re.compile(r"(?P<stem>[^.]+)(?:\..*)?\Z"), pattern


def read_source(path: Path, lang: str | None) -> Document:
    """A source article; an empty one is kept (as a Document without segments) so that the report
    can say the source is empty instead of silently checking target-only."""
    try:
        data = read_file(path)
    except OSError as exc:
        raise InputError(str(path), f"cannot read source ({exc.strerror or exc})") from None
    if not data.strip():
        return Document(path=str(path), segments=(), lang=lang, text="")
    return article_from_text(decode(str(path), data), str(path), lang)


def _source_for(target: Path, roots: list[Path], source: Path, regex, template) -> Path | None:
    for root in roots:
        try:
            rel = target.relative_to(root)
        except ValueError:
            continue
        if rel == Path("."):
            rel = Path(target.name)
        candidates = [source / rel]
        if regex is not None:
            m = regex.match(rel.name)
            if m:
                candidates.insert(0, source / rel.parent / template.format(stem=m.group("stem")))
        return next((c for c in candidates if c.is_file()), None)
    return None


def attach_sources(
    items: Iterable[Document | InputProblem],
    paths: list[str],
    source: str,
    src_lang: str | None = None,
    pattern: str | None = None,
    notes: list[str] | None = None,
) -> Iterator[Document | InputProblem]:
    """Give each article Document its source Document (Document.source); pass the rest through."""
    src = Path(source)
    regex, template = _pattern(pattern)
    if not src.exists():
        raise PairingError(f"--source {source}: no such file or directory")
    if src.is_file() and sum(1 for p in paths if not Path(p).is_dir()) != len(paths):
        raise PairingError("--source FILE pairs with one target file; give --source a directory for several")
    if src.is_file() and len(paths) != 1:
        raise PairingError("--source FILE pairs with exactly one target file")
    roots = [Path(p) if Path(p).is_dir() else Path(p).parent for p in paths]
    cache: dict[Path, Document] = {}
    for item in items:
        if isinstance(item, InputProblem) or item.kind != "article":
            yield item
            continue
        source_path = src if src.is_file() else _source_for(Path(item.path), roots, src, regex, template)
        if source_path is None:
            if notes is not None:
                notes.append(f"{item.path}: no source file under {source}; checked without a source")
            yield item
            continue
        try:
            if source_path not in cache:
                cache.clear()  # one source at a time: memory does not grow with the corpus
                cache[source_path] = read_source(source_path, src_lang)
        except InputError as exc:
            yield InputProblem(exc.path, exc.message)
            yield item
            continue
        yield replace(item, source=cache[source_path], src_lang=src_lang or item.src_lang)
