"""Pair translated documents with their source articles (`--source PATH`, or `source` in the config).

- `--source FILE`: the source of the one target article given.
- `--source DIR` (or `source = "sources"` in `[tool.mtqa]`): a folder that mirrors the targets. A target
  is paired with the file at the same relative path under DIR, the relative path being taken from
  the deepest folder the target and DIR share: `articles/opinion/x.fr.md` is looked up as
  `DIR/articles/opinion/x.fr.md`, then `DIR/opinion/x.fr.md`, then `DIR/x.fr.md` (first found wins),
  so one file, its folder or the whole tree given on the command line pair the same way.
- A template (`source = "sources/{relpath}"`, `"sources/{reldir}/{stem}.en.txt"`): `{relpath}` is
  that relative path, `{reldir}` its folder, `{name}` the file name, `{stem}` the name up to its first
  dot; the same suffixes are tried, longest first.
- A name pattern maps names that differ by a language tag: `--source-pattern "{stem}.en.txt"`, or
  `"{stem}.fr.txt={stem}.en.txt"` (target pattern = source pattern); it applies to `{relpath}`,
  `{name}` and folders (the unchanged name is tried after it).
A target without a source file is checked target-only, with a note (an input error when sources are
required). JSONL rows carry their own `src`.
"""

from __future__ import annotations

import os
import re
import string
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path, PurePath

from mtqa.io.articles import article_from_text
from mtqa.io.errors import InputError, decode, read_file
from mtqa.model import Document, InputProblem

PLACEHOLDERS = ("relpath", "reldir", "name", "stem")


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


def template_fields(template: str) -> list[str]:
    """The placeholders of a source template; ValueError names an unknown one."""
    names = [f for _, f, _, _ in string.Formatter().parse(template) if f is not None]
    for name in names:
        if name not in PLACEHOLDERS:
            known = ", ".join(f"{{{p}}}" for p in PLACEHOLDERS)
            raise ValueError(f"unknown placeholder {{{name}}} in {template!r} (use {known})")
    return names


@dataclass(frozen=True)
class SourceSpec:
    """Where sources live: a file, a folder mirroring the targets, or a path template."""

    where: str  # as given (for messages)
    template: str  # absolute; a file or a folder when it has no placeholder
    origin: str  # "--source" or the config file that set it
    pattern: str | None = None  # the name pattern (--source-pattern / source-pattern)
    required: bool = False

    @property
    def is_template(self) -> bool:
        return "{" in self.template

    @property
    def base(self) -> Path:
        """The folder above every source: the template up to its first placeholder."""
        if not self.is_template:
            return Path(self.template)
        head = self.template.split("{", 1)[0]
        return Path(head) if head.endswith(("/", os.sep)) else Path(head).parent


def source_spec(where: str, origin: str, pattern: str | None = None, required: bool = False) -> SourceSpec:
    try:
        template_fields(where)
    except ValueError as exc:
        raise PairingError(f"{origin}: {exc}") from None
    _pattern(pattern)  # a bad pattern is a usage error before any file is read
    head, brace, rest = where.partition("{")
    absolute = str(Path(head).absolute()) + (os.sep if head.endswith(("/", os.sep)) else "") + brace + rest
    if not brace:
        absolute = str(Path(where).absolute())
    return SourceSpec(where, absolute, origin, pattern, required)


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


def source_candidates(target: Path, spec: SourceSpec) -> Iterator[Path]:
    """Possible source files of `target`, most specific first (see the module docstring)."""
    target = target.absolute()
    base = spec.base.absolute()
    try:
        common = Path(os.path.commonpath([target.parent, base]))
    except ValueError:  # different drives
        common = target.parent
    parts = target.relative_to(common).parts
    regex, name_template = _pattern(spec.pattern)
    stem = target.name.split(".", 1)[0]
    seen = set()
    for i in range(len(parts)):  # the longest relative path first
        rel = PurePath(*parts[i:])
        names = [rel.name]
        m = regex.match(rel.name) if regex is not None else None
        if m and name_template is not None:  # _pattern gives both or neither
            names.insert(0, name_template.format(stem=m.group("stem")))
        for name in names:
            if spec.is_template:
                path = Path(
                    spec.template.format(
                        relpath=(rel.parent / name).as_posix(),
                        reldir=rel.parent.as_posix(),
                        name=name,
                        stem=stem,
                    )
                )
            else:
                path = base / rel.parent / name
            if path not in seen and path != target:
                seen.add(path)
                yield path


def find_source(target: Path, spec: SourceSpec) -> Path | None:
    if not spec.is_template and Path(spec.template).is_file():
        return Path(spec.where)
    return next((c for c in source_candidates(target, spec) if c.is_file()), None)


def attach_sources(
    items: Iterable[Document | InputProblem],
    paths: list[str],
    source: str | SourceSpec,
    src_lang: str | None = None,
    pattern: str | None = None,
    notes: list[str] | None = None,
) -> Iterator[Document | InputProblem]:
    """Give each article Document its source Document (Document.source); pass the rest through."""
    spec = source if isinstance(source, SourceSpec) else source_spec(source, "--source", pattern)
    if not spec.is_template:
        src = Path(spec.template)
        if not src.exists():
            raise PairingError(f"{spec.origin} {spec.where}: no such file or directory")
        if src.is_file() and sum(1 for p in paths if not Path(p).is_dir()) != len(paths):
            raise PairingError(
                "--source FILE pairs with one target file; give --source a directory for several"
            )
        if src.is_file() and len(paths) != 1:
            raise PairingError("--source FILE pairs with exactly one target file")
    cache: dict[Path, Document] = {}
    for item in items:
        if isinstance(item, InputProblem) or item.kind != "article":
            yield item
            continue
        source_path = find_source(Path(item.path), spec) if item.path != "<stdin>" else None
        if source_path is None:
            if spec.required:
                yield InputProblem(
                    item.path, f"no source file under {spec.where} (require-source in {spec.origin})"
                )
            elif notes is not None:
                notes.append(f"{item.path}: no source file under {spec.where}; checked without a source")
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
