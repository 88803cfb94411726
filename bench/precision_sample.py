"""The findings to judge by hand for one rule, by the protocol of docs/precision.md.

    python bench/eval_news.py --min-severity info --dump /tmp/news.jsonl
    python bench/precision_sample.py /tmp/news.jsonl MTQ201 [--mt 30] [--seed 0] [--min-severity warning]

Every finding of the rule on a human (ref-A) row, and up to --mt findings on MT rows drawn at random
with a fixed seed (all of them if fewer), both modes (target-only and with the source) together, one
per (set, row, span). Printed as a Markdown table with an empty verdict column and the segment (and
its source) to read: a judge fills in TRUE (a defect an editor would fix), FALSE or DEBATABLE and a
reason.
"""

from __future__ import annotations

import argparse
import json
import random
import sys

SEVERITIES = {"info": 1, "warning": 2, "error": 3}


def cell(text: str, limit: int = 260) -> str:
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[:limit] + "…"
    return text.replace("|", "\\|")


def sample(rows: list[dict], code: str, mt: int, seed: int, floor: int) -> list[dict]:
    seen = set()
    unique = []
    for r in rows:
        key = (r["set"], r["id"], r["span"], r["message"])
        if r["code"] != code or SEVERITIES[r["severity"]] < floor or key in seen:
            continue
        seen.add(key)
        unique.append(r)
    human = [r for r in unique if r["human"]]
    machine = [r for r in unique if not r["human"]]
    random.Random(seed).shuffle(machine)
    return human + machine[:mt]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("dump")
    parser.add_argument("code")
    parser.add_argument("--mt", type=int, default=30)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--min-severity", default="warning", choices=tuple(SEVERITIES))
    args = parser.parse_args(argv)
    with open(args.dump, encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle]
    picked = sample(rows, args.code, args.mt, args.seed, SEVERITIES[args.min_severity])
    columns = "set mode system human segment_id severity span message segment source verdict reason".split()
    print("| " + " | ".join(c.replace("_", " ") for c in columns) + " |")
    print("|" + "---|" * len(columns))
    for r in picked:
        print(
            f"| {r['set']} | {r['mode']} | {r['system']} | {'yes' if r['human'] else 'no'} | {r['id']} | "
            f"{r['severity']} | {cell(r['span'], 60)} | {cell(r['message'], 90)} | {cell(r['mt'])} | "
            f"{cell(r.get('src') or '') if r['mode'] == 'source' else ''} |  |  |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
