"""Snapshot of every finding on the seed and the dev sets, to show that a refactoring changes none.

    python bench/snapshot_findings.py OUT.jsonl [--dev DIR]
    python bench/snapshot_findings.py --compare BEFORE.jsonl AFTER.jsonl

Runs the default rule set in-process on the seed article (alone, with its English source, with its
reference) and on every dev JSONL set (news target-only and with the source; the MQM sets as they
come), then writes one canonical line per finding: input, mode, code, severity, span, message,
suggestion, sorted. `--compare` prints the lines that differ and exits 1 when any does.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mtqa.config import Config  # noqa: E402
from mtqa.engine import check  # noqa: E402
from mtqa.io import read_article, read_jsonl  # noqa: E402
from mtqa.model import Document  # noqa: E402

SEED = ROOT / "seeds" / "000_d71c614b73ba7402.txt"
SEED_SOURCE = ROOT / "references" / "000_d71c614b73ba7402.en.txt"


def strip_source(doc: Document) -> Document:
    segs = tuple(dataclasses.replace(s, src=None, ref=()) for s in doc.segments)
    return dataclasses.replace(doc, segments=segs)


def runs(dev: Path):
    yield "seed", "target", [read_article(SEED)]
    yield "seed", "source", [dataclasses.replace(read_article(SEED), source=read_article(SEED_SOURCE))]
    for path in sorted(dev.glob("*.jsonl")):
        docs = list(read_jsonl(path))
        yield path.name, "as-is", docs
        if path.name.startswith("news_"):
            yield path.name, "target", [strip_source(d) for d in docs]


def lines(dev: Path):
    for name, mode, docs in runs(dev):
        for f in check(docs, config=Config()).findings:
            yield json.dumps(
                [
                    name,
                    mode,
                    f.doc_id,
                    f.segment_id,
                    f.start,
                    f.end,
                    f.code,
                    str(f.severity),
                    f.text,
                    f.message,
                    f.suggestion,
                ],
                ensure_ascii=False,
            )


def compare(before: Path, after: Path) -> int:
    old = set(before.read_text(encoding="utf-8").splitlines())
    new = set(after.read_text(encoding="utf-8").splitlines())
    for line in sorted(old - new):
        print("-", line)
    for line in sorted(new - old):
        print("+", line)
    print(f"{len(old)} before, {len(new)} after, {len(old - new)} gone, {len(new - old)} new")
    return 1 if old != new else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path)
    parser.add_argument("--dev", type=Path, default=ROOT.parent / "shared" / "dev")
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("BEFORE", "AFTER"))
    args = parser.parse_args(argv)
    if args.compare:
        return compare(*args.compare)
    if args.out is None:
        parser.error("give OUT.jsonl or --compare BEFORE AFTER")
    body = "\n".join(sorted(lines(args.dev))) + "\n"
    args.out.write_text(body, encoding="utf-8")
    digest = hashlib.sha256(body.encode("utf-8")).hexdigest()[:16]
    print(f"{body.count(chr(10))} findings, sha256 {digest}, written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
