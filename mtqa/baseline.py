"""Baselines: accept today's findings, fail only on new ones.

A finding is keyed by its content, not its position: the file (relative to the baseline's
directory), the rule code, the exact span text and a hash of its sentence with whitespace
normalised. Edits elsewhere in the file move line numbers but leave these keys unchanged; editing
the sentence itself makes its findings new again, which is what a reviewer wants. Identical keys
are counted, so a baseline that accepts one "de des" in a sentence does not accept a second one.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections import Counter
from pathlib import Path

from mtqa.io.errors import read_file
from mtqa.io.files import write_atomic
from mtqa.model import Finding

FORMAT_VERSION = 1
Key = tuple[str, str, str, str]


class BaselineError(ValueError):
    pass


def context_hash(context: str) -> str:
    normal = " ".join(unicodedata.normalize("NFC", context).split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:16]


def _relative(path: str, base_dir: Path) -> str:
    try:
        return Path(path).resolve().relative_to(base_dir.resolve()).as_posix()
    except (ValueError, OSError):
        return Path(path).as_posix()


def key(finding: Finding, base_dir: Path) -> Key:
    where = _relative(finding.path, base_dir)
    if finding.segment_id is not None or finding.doc_id is not None:  # JSONL rows: the row's identity
        where += f"#{finding.doc_id or ''}/{finding.segment_id or ''}"
    return (where, finding.code, finding.text, context_hash(finding.context))


def write(findings: list[Finding], path: str) -> int:
    base_dir = Path(path).resolve().parent
    counts = Counter(key(f, base_dir) for f in findings)
    entries = [
        {"path": p, "code": c, "text": t, "context_hash": h, "count": n}
        for (p, c, t, h), n in sorted(counts.items())
    ]
    body = {"mtqa_baseline": FORMAT_VERSION, "findings": entries}
    write_atomic(path, json.dumps(body, ensure_ascii=False, indent=2) + "\n")
    return len(findings)


_KEYS = ("path", "code", "text", "context_hash")


def load(path: str) -> Counter:
    """The accepted findings of a baseline file, every value type-checked (BaselineError names the
    file and the entry)."""
    try:
        data = json.loads(read_file(path).decode("utf-8"))
    except FileNotFoundError:
        raise BaselineError(f"{path}: no such baseline file (create it with --write-baseline)") from None
    except OSError as exc:
        raise BaselineError(f"{path}: cannot read baseline ({exc.strerror or exc})") from None
    except UnicodeDecodeError as exc:
        raise BaselineError(
            f"{path}: cannot read baseline (invalid UTF-8 at byte offset {exc.start})"
        ) from None
    except json.JSONDecodeError as exc:
        raise BaselineError(f"{path}: baseline is not valid JSON ({exc.msg}, line {exc.lineno})") from None
    except RecursionError:  # the parser's depth limit: a baseline is a list of flat objects
        raise BaselineError(f"{path}: baseline is not valid JSON (nested too deeply)") from None
    except ValueError as exc:  # an integer of thousands of digits
        raise BaselineError(f"{path}: baseline is not valid JSON ({str(exc).split(';')[0]})") from None
    if not isinstance(data, dict) or data.get("mtqa_baseline") != FORMAT_VERSION:
        raise BaselineError(f'{path}: not an mtqa baseline (expected "mtqa_baseline": {FORMAT_VERSION})')
    entries = data.get("findings", [])
    if not isinstance(entries, list):
        raise BaselineError(f"{path}: findings: expected a list, got {type(entries).__name__}")
    accepted: Counter = Counter()
    for i, e in enumerate(entries):
        if not isinstance(e, dict) or not all(isinstance(e.get(k), str) for k in _KEYS):
            raise BaselineError(f"{path}: findings[{i}] lacks path, code, text or context_hash (strings)")
        count = e.get("count", 1)
        if isinstance(count, bool) or not isinstance(count, int) or count < 1:
            raise BaselineError(
                f"{path}: findings[{i}].count: expected a positive integer, got {count!r:.40}"
            )
        accepted[tuple(e[k] for k in _KEYS)] += count
    return accepted


def filter_new(findings: list[Finding], accepted: Counter, path: str) -> tuple[list[Finding], int]:
    """The findings the baseline does not accept, and how many it accepted."""
    base_dir = Path(path).resolve().parent
    budget = Counter(accepted)
    new = []
    for f in findings:
        k = key(f, base_dir)
        if budget[k] > 0:
            budget[k] -= 1
        else:
            new.append(f)
    return new, len(findings) - len(new)
