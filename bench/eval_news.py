"""Flag rates on real news: professional translations (ref-A) against machine translations.

    python bench/eval_news.py [--dev DIR] [--sets defr,ruen,jaen] [--mode target|source|both]
                              [--dump FILE] [--min-severity warning]

Runs the default rule set in-process over ../shared/dev/news_*_wmt22.jsonl, target-only (src and ref
removed from every row) and with the source, and prints per set and mode: the share of human rows
and of MT rows with a finding at or above --min-severity, the MT/human ratio, the rate per MT
system, and the counts per code on human and on MT rows. --dump writes every such finding as JSON
Lines (set, mode, system, human, code, severity, message, span text, segment text, source) for
reading by hand: the judgements in docs/precision/ were made from that file.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mtqa.config import Config  # noqa: E402
from mtqa.engine import check  # noqa: E402
from mtqa.io import read_jsonl  # noqa: E402
from mtqa.model import Document, Severity  # noqa: E402

SETS = ("defr", "ruen", "jaen")


def strip_source(doc: Document) -> Document:
    segs = tuple(dataclasses.replace(s, src=None, ref=()) for s in doc.segments)
    return dataclasses.replace(doc, segments=segs)


def rows_of(path: Path) -> dict[str, dict]:
    with open(path, encoding="utf-8") as handle:
        return {r["id"]: r for r in map(json.loads, handle)}


def evaluate(path: Path, with_source: bool, floor: Severity, dump, label: str) -> dict:
    rows = rows_of(path)
    docs = list(read_jsonl(path))
    if not with_source:
        docs = [strip_source(d) for d in docs]
    started = time.perf_counter()
    report = check(docs, config=Config())
    elapsed = time.perf_counter() - started
    flagged: dict[str, set[str]] = defaultdict(set)
    codes = {True: Counter(), False: Counter()}
    for f in report.findings:
        if f.severity < floor:
            continue
        row = rows[f.segment_id]
        flagged[row["system"]].add(f.segment_id)
        codes[row["human"]][f.code] += 1
        if dump is not None:
            dump.write(
                json.dumps(
                    {
                        "set": label,
                        "mode": "source" if with_source else "target",
                        "system": row["system"],
                        "human": row["human"],
                        "id": f.segment_id,
                        "code": f.code,
                        "severity": str(f.severity),
                        "message": f.message,
                        "span": f.text,
                        "mt": row["mt"],
                        "src": row["src"],
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )
    per_system = Counter(r["system"] for r in rows.values())
    human_systems = {r["system"] for r in rows.values() if r["human"]}
    rate = {s: len(flagged[s]) / n for s, n in per_system.items()}
    human_rows = sum(n for s, n in per_system.items() if s in human_systems)
    mt_rows = sum(n for s, n in per_system.items() if s not in human_systems)
    human_flagged = sum(len(flagged[s]) for s in human_systems)
    mt_flagged = sum(len(v) for s, v in flagged.items() if s not in human_systems)
    return {
        "human": human_flagged / human_rows,
        "mt": mt_flagged / mt_rows,
        "human_rows": human_rows,
        "mt_rows": mt_rows,
        "rate": rate,
        "codes": codes,
        "seconds": elapsed,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--dev", default=str(ROOT.parent / "shared" / "dev"))
    parser.add_argument("--sets", default=",".join(SETS))
    parser.add_argument("--mode", choices=("target", "source", "both"), default="both")
    parser.add_argument("--min-severity", default="warning")
    parser.add_argument("--dump", help="write the findings at or above --min-severity as JSON Lines")
    args = parser.parse_args(argv)
    floor = Severity.parse(args.min_severity)
    modes = {"target": (False,), "source": (True,), "both": (False, True)}[args.mode]
    dump = open(args.dump, "w", encoding="utf-8") if args.dump else None
    print(f"share of rows with a finding at {floor}+ (human = ref-A)")
    print(f"{'set':<6}{'mode':<8}{'human':>8}{'MT':>8}{'MT/human':>10}  {'seconds':>7}  codes on human rows")
    details = []
    for name in args.sets.split(","):
        path = Path(args.dev) / f"news_{name}_wmt22.jsonl"
        for with_source in modes:
            mode = "source" if with_source else "target"
            r = evaluate(path, with_source, floor, dump, name)
            ratio = r["mt"] / r["human"] if r["human"] else float("inf")
            human_codes = dict(r["codes"][True].most_common())
            print(
                f"{name:<6}{mode:<8}{r['human']:>8.2%}{r['mt']:>8.2%}{ratio:>10.1f}  {r['seconds']:>7.1f}  "
                f"{human_codes}"
            )
            details.append((name, mode, r))
    for name, mode, r in details:
        print(f"\n{name} {mode}: rows {r['human_rows']} human, {r['mt_rows']} MT")
        print(
            "  per system: "
            + ", ".join(f"{s} {v:.1%}" for s, v in sorted(r["rate"].items(), key=lambda kv: kv[1]))
        )
        print(f"  codes on MT rows: {dict(r['codes'][False].most_common())}")
    if dump is not None:
        dump.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
