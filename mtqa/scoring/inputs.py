"""Read a hypothesis with its references (and source) into a ScoringSet.

Three shapes, chosen by `align`:
- "lines": line-aligned files, read exactly as the `sacrebleu` command reads them (split at "\n",
  trailing whitespace stripped), so corpus figures match it;
- "jsonl": the hypothesis is a `.jsonl` file whose rows carry `mt`, `ref` (a string or a list, the
  same length on every row) and `src`, each row validated as `mtqa check` validates it
  (mtqa.io.rows); `--ref`/`--source` line files override them;
- "articles": whole articles, split into sentences and aligned with the references
  (mtqa.scoring.article_align). "auto" keeps files whose line counts agree line-aligned, as
  sacrebleu does (blank lines in them are empty segments, never a sign of paragraphs); it aligns
  articles only when the counts differ and every file is made of blank-line-separated paragraphs.

Files are read as the `sacrebleu` command reads them (`--encoding`, default UTF-8; `.gz` files
decompressed), except that a UTF-8 byte-order mark is dropped: it marks the encoding and is no
part of the first word. The scores' signature then says `bom:dropped`.
"""

from __future__ import annotations

import codecs

from mtqa.io.errors import InputError, decode, read_file
from mtqa.io.rows import RowError, parse_row
from mtqa.scoring.units import ScoringInputError, ScoringSet, Unit

ALIGN_MODES = ("auto", "lines", "articles")


_BOM = codecs.BOM_UTF8


def read_input(path: str, encoding: str = "utf-8") -> tuple[str, bool]:
    """(text, whether a UTF-8 byte-order mark was dropped). Raises ScoringInputError."""
    try:
        data = read_file(path)  # a FIFO or device is refused at once, never blocks
    except FileNotFoundError:
        raise ScoringInputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise ScoringInputError(f"{path}: is a directory, expected a file") from None
    except OSError as exc:
        raise ScoringInputError(f"{path}: cannot read ({exc.strerror})") from None
    if path.endswith(".gz"):  # as sacrebleu's smart_open
        import gzip
        import zlib

        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as exc:
            raise ScoringInputError(f"{path}: not a readable gzip file ({exc})") from None
    codec = _codec(encoding)
    if codec == "utf-8":
        try:
            return decode(path, data), data.startswith(_BOM)
        except InputError as exc:
            raise ScoringInputError(str(exc)) from None
    if not data:
        raise ScoringInputError(f"{path}: empty file")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ScoringInputError(f"{path}: invalid {encoding} at byte offset {exc.start}") from None
    bom = text.startswith("\ufeff") and codec == "utf-8-sig"
    return (text[1:] if text.startswith("\ufeff") else text), bom


def _codec(encoding: str) -> str:
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        raise ScoringInputError(f"--encoding: unknown encoding {encoding!r}") from None


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


def _jsonl_units(
    path: str, text: str, want_refs: bool | None, want_src: bool
) -> tuple[list[Unit], str | None]:
    """The rows' units, and their tgt_lang when every row names the same one (it chooses BLEU's
    tokenizer, as -l does). Each row is validated by mtqa.io.rows.parse_row, as `mtqa check` reads
    it; what is checked here is scoring's own: references on every row or on none, as many on each.
    want_refs: True, rows must carry 'ref'; False, ignore it; None, use it when rows have it."""
    units: list[Unit] = []
    langs: set[str | None] = set()
    n_refs = None
    for lineno, (_, raw) in enumerate(split_lines(text), start=1):
        if not raw.strip():
            continue
        try:
            row = parse_row(raw, lineno)
        except RowError as exc:  # a scored set missing a row would misalign every line after it
            raise ScoringInputError(f"{path}: {exc}") from None
        seg = row.segment
        where = f"{path}: line {lineno}"
        refs: tuple[str, ...] = ()
        if want_refs is None:  # rows' references are optional: used when the first row has one
            want_refs = bool(seg.ref)
        if want_refs:
            if not seg.ref:
                raise ScoringInputError(f"{where}: no 'ref' (give references in the rows or with --ref)")
            refs = seg.ref
            if n_refs is None:
                n_refs = len(refs)
            elif len(refs) != n_refs:
                raise ScoringInputError(
                    f"{where}: 'ref' has {len(refs)} reference(s), expected {n_refs} as on the first row"
                )
        if want_src and seg.src is None:
            raise ScoringInputError(f"{where}: no string 'src' (give sources in the rows or with --source)")
        langs.add(seg.tgt_lang)
        hyp = seg.text.rstrip()
        units.append(
            Unit(
                hyp=hyp,
                refs=refs,
                index=len(units),
                path=path,
                line=lineno,
                start=0,
                end=len(hyp),
                src=seg.src,
                segment_id=seg.id,
                doc_id=row.doc_id,
                original=seg.text,
            )
        )
    if not units:
        raise ScoringInputError(f"{path}: no segments (empty JSONL file)")
    return units, (langs.pop() if len(langs) == 1 and None not in langs else None)


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


def _line_file(path: str, expected: int, hyp_path: str, hint: str, text: str) -> list[str]:
    lines = [ln for _, ln in split_lines(text)]
    if len(lines) != expected:
        raise ScoringInputError(f"{path} has {len(lines)} lines but {hyp_path} has {expected}{hint}")
    return lines


def split_tab_references(path: str, text: str, num_refs: int) -> list[list[str]]:
    """One reference file holding `num_refs` tab-separated references a line (sacrebleu's
    -nr/--num-refs): the line is rstrip()ped, then split at the first num_refs - 1 tabs."""
    streams: list[list[str]] = [[] for _ in range(num_refs)]
    for lineno, (_, line) in enumerate(split_lines(text), start=1):
        fields = line.split("\t", num_refs - 1)
        if len(fields) != num_refs:
            raise ScoringInputError(
                f"{path}: line {lineno}: expected {num_refs} fields, but found {len(fields)}"
            )
        for stream, field in zip(streams, fields, strict=True):
            stream.append(field)
    return streams


def _reference_lines(
    paths: tuple[str, ...],
    texts: list[str],
    tabbed: list[list[str]] | None,
    expected: int,
    hyp: str,
    hint: str,
) -> list[list[str]]:
    if tabbed is not None:
        if len(tabbed[0]) != expected:
            raise ScoringInputError(f"{paths[0]} has {len(tabbed[0])} lines but {hyp} has {expected}{hint}")
        return tabbed
    return [_line_file(p, expected, hyp, hint, t) for p, t in zip(paths, texts, strict=True)]


def load(
    hyp_path: str,
    ref_paths: list[str] | tuple[str, ...] = (),
    src_path: str | None = None,
    align: str = "auto",
    need_source: bool = False,
    need_refs: bool = True,
    encoding: str = "utf-8",
    num_refs: int = 1,
) -> ScoringSet:
    """The units to score. `need_refs` False lets a source alone do (reference-free COMET).
    Empty reference lines are data, scored as sacrebleu scores them; a zero-byte file is an error.
    `num_refs` > 1: one reference file with that many tab-separated references a line.
    Raises ScoringInputError with a one-line message."""
    if align not in ALIGN_MODES:
        raise ScoringInputError(f"unknown alignment {align!r} (choose from {', '.join(ALIGN_MODES)})")
    hyp_text, hyp_bom = read_input(hyp_path, encoding)
    refs_arg = tuple(ref_paths)
    ref_read = [read_input(p, encoding) for p in refs_arg]
    ref_texts = [t for t, _ in ref_read]
    src_text, _ = read_input(src_path, encoding) if src_path else ("", False)
    boms = tuple(
        p for p, bom in ((hyp_path, hyp_bom), *zip(refs_arg, (b for _, b in ref_read), strict=True)) if bom
    )
    tabbed = None
    if num_refs > 1:
        if len(refs_arg) != 1:
            raise ScoringInputError(f"--num-refs {num_refs} takes one --ref file of tab-separated references")
        tabbed = split_tab_references(refs_arg[0], ref_texts[0], num_refs)
        if align == "articles":
            raise ScoringInputError("--num-refs needs line-aligned files, not --align articles")
        align = "lines"
        refs_arg = tuple(f"{refs_arg[0]}#{k}" for k in range(1, num_refs + 1))  # stream k of the file
    if hyp_path.lower().endswith((".jsonl", ".jsonl.gz")):
        want_refs = False if refs_arg else (True if need_refs else None)
        units, lang = _jsonl_units(
            hyp_path, hyp_text, want_refs=want_refs, want_src=need_source and not src_path
        )
        refs = (
            _reference_lines(refs_arg, ref_texts, tabbed, len(units), hyp_path, " JSONL rows")
            if refs_arg
            else []
        )
        srcs = _line_file(src_path, len(units), hyp_path, " JSONL rows", src_text) if src_path else None
        units = _with_streams(units, refs, srcs)
        rows_src = all(u.src is not None for u in units)
        return ScoringSet(
            units,
            hyp_path,
            refs_arg or (hyp_path,),
            src_path or (hyp_path if rows_src else None),
            "jsonl",
            tgt_lang=lang,
            bom_dropped=boms,
        )
    if not refs_arg and (need_refs or not src_path):
        raise ScoringInputError(f"{hyp_path}: no reference given (use --ref, or JSONL rows with 'ref')")
    n_hyp = len(split_lines(hyp_text))
    others = ref_texts or [src_text]
    mode = align
    if align == "auto":
        # line-aligned whenever the counts agree (as sacrebleu reads them); articles only when they
        # cannot be line-aligned and every file is made of paragraphs
        same = all(len(split_lines(t)) == n_hyp for t in others)
        paragraphs = not same and all(_has_paragraphs(t) for t in (hyp_text, *others))
        mode = "articles" if paragraphs else "lines"
    if mode == "articles":
        from mtqa.scoring.article_units import article_set

        sset = article_set(hyp_path, hyp_text, refs_arg, ref_texts, src_path, src_text if src_path else None)
        sset.bom_dropped = boms
        return sset
    hint = " (line-aligned files must match; use --align articles for whole articles)"
    refs = _reference_lines(refs_arg, ref_texts, tabbed, n_hyp, hyp_path, hint) if refs_arg else []
    srcs = _line_file(src_path, n_hyp, hyp_path, hint, src_text) if src_path else None
    return ScoringSet(
        _line_units(hyp_path, hyp_text, refs, srcs), hyp_path, refs_arg, src_path, "lines", bom_dropped=boms
    )
