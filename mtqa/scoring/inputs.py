"""Read a hypothesis with its references (and source) into a ScoringSet.

Three shapes, chosen by `align`:
- "lines": line-aligned files, read exactly as the `sacrebleu` command reads them (split at "\n",
  trailing whitespace stripped), so corpus figures match it;
- "jsonl": the hypothesis is a `.jsonl` file whose rows carry `mt`, `ref` (a string or a list, the
  same length on every row) and `src`; `--ref`/`--source` line files override them;
- "articles": whole articles, split into sentences and aligned with the references
  (mtqa.scoring.article_align). "auto" picks articles when every file is article-shaped
  (paragraphs separated by blank lines), lines otherwise (and then line counts must agree).
"""

from __future__ import annotations

import json
from pathlib import Path

from mtqa.io.errors import InputError, decode
from mtqa.scoring.units import ScoringInputError, ScoringSet, Unit

ALIGN_MODES = ("auto", "lines", "articles")


def _read_text(path: str) -> str:
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise ScoringInputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise ScoringInputError(f"{path}: is a directory, expected a file") from None
    except OSError as exc:
        raise ScoringInputError(f"{path}: cannot read ({exc.strerror})") from None
    try:
        return decode(path, data)
    except InputError as exc:
        raise ScoringInputError(str(exc)) from None


def split_lines(text: str) -> list[tuple[int, str]]:
    """(offset, line) pairs as `sacrebleu` sees its files: split at "\n" only (it opens them with
    newline="\n", so a lone "\r" stays inside a line), each line rstrip()ped."""
    out = []
    pos = 0
    n = len(text)
    while pos < n:
        end = text.find("\n", pos)
        if end < 0:
            end = n
        out.append((pos, text[pos:end].rstrip()))
        pos = end + 1
    return out


def _has_paragraphs(text: str) -> bool:
    """Article-shaped: paragraphs separated by blank lines, not a line-aligned corpus with the odd
    empty segment (blank lines are at least a tenth of the lines, and there are two or more)."""
    lines = [ln for _, ln in split_lines(text)]
    inner = lines[: len(lines) - next((k for k, ln in enumerate(reversed(lines)) if ln.strip()), 0)]
    blank = sum(1 for ln in inner if not ln.strip())
    return blank >= 2 and blank * 10 >= len(inner) and len(inner) - blank > 1


def _check_not_empty(path: str, lines: list[str]) -> None:
    if not any(ln.strip() for ln in lines):
        raise ScoringInputError(f"{path}: empty reference (no text)")


def _line_units(path: str, text: str, refs: list[list[str]], srcs: list[str] | None) -> list[Unit]:
    units = []
    for i, (offset, line) in enumerate(split_lines(text)):
        units.append(
            Unit(
                hyp=line,
                refs=tuple(r[i] for r in refs),
                index=i,
                path=path,
                line=i + 1,
                start=offset,
                end=offset + len(line),
                src=srcs[i] if srcs else None,
                original=line,
            )
        )
    return units


def _row_refs(value, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return tuple(value)
    if isinstance(value, list) and not value:
        raise ScoringInputError(f"{where}: 'ref' is an empty list")
    raise ScoringInputError(f"{where}: 'ref' must be a string or a list of strings")


def _jsonl_units(path: str, text: str, want_refs: bool | None, want_src: bool) -> list[Unit]:
    """want_refs: True, rows must carry 'ref'; False, ignore it; None, use it when rows have it."""
    units: list[Unit] = []
    n_refs = None
    for lineno, (_, raw) in enumerate(split_lines(text), start=1):
        if not raw.strip():
            continue
        where = f"{path}: line {lineno}"
        try:
            row = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise ScoringInputError(f"{where}: malformed JSON ({exc.msg}, column {exc.colno})") from None
        if not isinstance(row, dict) or not isinstance(row.get("mt"), str):
            raise ScoringInputError(f"{where}: expected an object with a string 'mt'")
        refs: tuple[str, ...] = ()
        if want_refs is None:  # rows' references are optional: used when the first row has one
            want_refs = row.get("ref") is not None
        if want_refs:
            if row.get("ref") is None:
                raise ScoringInputError(f"{where}: no 'ref' (give references in the rows or with --ref)")
            refs = _row_refs(row["ref"], where)
            if n_refs is None:
                n_refs = len(refs)
            elif len(refs) != n_refs:
                raise ScoringInputError(
                    f"{where}: 'ref' has {len(refs)} reference(s), expected {n_refs} as on the first row"
                )
        src = row.get("src")
        if not isinstance(src, str):
            if want_src:
                raise ScoringInputError(
                    f"{where}: no string 'src' (give sources in the rows or with --source)"
                )
            src = None
        seg_id = row.get("id")
        doc_id = row.get("doc_id")
        units.append(
            Unit(
                hyp=row["mt"].rstrip(),
                refs=refs,
                index=len(units),
                path=path,
                line=lineno,
                start=0,
                end=len(row["mt"].rstrip()),
                src=src,
                segment_id=None if seg_id is None else str(seg_id),
                doc_id=None if doc_id is None else str(doc_id),
                original=row["mt"],
            )
        )
    if not units:
        raise ScoringInputError(f"{path}: no segments (empty JSONL file)")
    return units


def _with_streams(units: list[Unit], refs: list[list[str]], srcs: list[str] | None) -> list[Unit]:
    out = []
    for i, u in enumerate(units):
        out.append(
            Unit(
                **{
                    **u.__dict__,
                    "refs": u.refs + tuple(r[i] for r in refs),
                    "src": srcs[i] if srcs else u.src,
                }
            )
        )
    return out


def _line_file(path: str, expected: int, hyp_path: str, hint: str = "", text: str | None = None) -> list[str]:
    lines = [ln for _, ln in split_lines(_read_text(path) if text is None else text)]
    if len(lines) != expected:
        raise ScoringInputError(f"{path} has {len(lines)} lines but {hyp_path} has {expected}{hint}")
    return lines


def load(
    hyp_path: str,
    ref_paths: list[str] | tuple[str, ...] = (),
    src_path: str | None = None,
    align: str = "auto",
    need_source: bool = False,
    need_refs: bool = True,
) -> ScoringSet:
    """The units to score. `need_refs` False lets a source alone do (reference-free COMET).
    Raises ScoringInputError with a one-line message."""
    if align not in ALIGN_MODES:
        raise ScoringInputError(f"unknown alignment {align!r} (choose from {', '.join(ALIGN_MODES)})")
    hyp_text = _read_text(hyp_path)
    refs_arg = tuple(ref_paths)
    if hyp_path.lower().endswith(".jsonl"):
        want_refs = False if refs_arg else (True if need_refs else None)
        units = _jsonl_units(hyp_path, hyp_text, want_refs=want_refs, want_src=need_source and not src_path)
        refs = [_line_file(p, len(units), hyp_path, " JSONL rows") for p in refs_arg]
        for p, lines in zip(refs_arg, refs, strict=False):
            _check_not_empty(p, lines)
        srcs = _line_file(src_path, len(units), hyp_path, " JSONL rows") if src_path else None
        units = _with_streams(units, refs, srcs)
        if units[0].refs and not any((r or "").strip() for u in units for r in u.refs):
            raise ScoringInputError(f"{hyp_path}: every reference is empty")
        rows_src = all(u.src is not None for u in units)
        return ScoringSet(
            units, hyp_path, refs_arg or (hyp_path,), src_path or (hyp_path if rows_src else None), "jsonl"
        )
    if not refs_arg and (need_refs or not src_path):
        raise ScoringInputError(f"{hyp_path}: no reference given (use --ref, or JSONL rows with 'ref')")
    ref_texts = [_read_text(p) for p in refs_arg]
    for p, t in zip(refs_arg, ref_texts, strict=False):
        _check_not_empty(p, [ln for _, ln in split_lines(t)])
    src_text = _read_text(src_path) if src_path else None
    n_hyp = len(split_lines(hyp_text))
    mode = align
    if align == "auto":
        others = ref_texts or [src_text]
        mode = "articles" if all(_has_paragraphs(t) for t in (hyp_text, *others)) else "lines"
    if mode == "articles":
        from mtqa.scoring.article_units import article_set

        return article_set(hyp_path, hyp_text, refs_arg, ref_texts, src_path, src_text)
    hint = " (line-aligned files must match; use --align articles for whole articles)"
    refs = [_line_file(p, n_hyp, hyp_path, hint, t) for p, t in zip(refs_arg, ref_texts, strict=False)]
    srcs = _line_file(src_path, n_hyp, hyp_path, hint, src_text) if src_path else None
    return ScoringSet(_line_units(hyp_path, hyp_text, refs, srcs), hyp_path, refs_arg, src_path, "lines")
