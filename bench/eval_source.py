"""Precision and recall of the source-aware rules on the MQM-annotated dev data (rows carry `src`).

    .venv/bin/python bench/eval_source.py [/work/shared/dev/*.jsonl]

A row counts as flagged for a category when a source-aware finding of that category lands on it;
it is a true positive when the annotators gave the row the matching label (number, omission,
hallucination, untranslated, entity, pronoun). Row-level, because MQM spans and finding spans
rarely coincide exactly (an omission has no span in the target). "any" is the share of flagged rows
that carry some error label at all (the dev annotation is dense: most rows have one).
"""

from __future__ import annotations

import glob
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from mtqa.config import Config  # noqa: E402
from mtqa.engine import check  # noqa: E402
from mtqa.io import read_jsonl  # noqa: E402
from mtqa.rules import ALL_RULES  # noqa: E402

LABEL = {
    "number": "number",
    "omission": "omission",
    "addition": "hallucination",
    "untranslated": "untranslated",
    "entity": "entity",
    "pronoun": "pronoun",
    "punctuation": None,
    "other": None,
}
DEV = "/work/shared/dev"


def evaluate(path: str) -> None:
    rules = tuple(r for r in ALL_RULES if "source" in r.requires)
    labels: dict[str, set[str]] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            labels[row["id"]] = set(row["labels"])
    t0 = time.perf_counter()
    report = check(read_jsonl(path), rules, Config())
    elapsed = time.perf_counter() - t0
    flagged: dict[str, set[str]] = defaultdict(set)  # category -> row ids
    by_code: dict[str, set[str]] = defaultdict(set)
    for f in report.findings:
        flagged[str(f.category)].add(f.segment_id)
        by_code[f.code].add(f.segment_id)
    mismatched = sum(1 for d in report.documents if d.get("alignment", {}).get("status") != "ok")
    print(
        f"\n{path}: {len(labels)} rows, {report.segments_checked} segments, {elapsed:.1f} s; "
        f"documents whose source was judged a mismatch: {mismatched}/{len(report.documents)}"
    )
    print(
        f"{'category':13} {'label':14} {'flagged':>7} {'TP':>4} {'prec':>6} {'recall':>7} "
        f"{'any-err':>7} {'labelled':>8}"
    )
    for cat, label in LABEL.items():
        rows = flagged.get(cat, set())
        any_err = sum(1 for r in rows if labels.get(r))
        if label is None:
            if rows:
                print(f"{cat:13} {'-':14} {len(rows):7d} {'':>4} {'':>6} {'':>7} {any_err / len(rows):7.2f}")
            continue
        gold = {r for r, ls in labels.items() if label in ls}
        tp = len(rows & gold)
        prec = tp / len(rows) if rows else float("nan")
        rec = tp / len(gold) if gold else float("nan")
        anyp = any_err / len(rows) if rows else float("nan")
        print(f"{cat:13} {label:14} {len(rows):7d} {tp:4d} {prec:6.2f} {rec:7.2f} {anyp:7.2f} {len(gold):8d}")
    counts = Counter({code: len(ids) for code, ids in by_code.items()})
    print("rows flagged per rule:", ", ".join(f"{c} {n}" for c, n in sorted(counts.items())))


def mismatch_detection(path: str, min_rows: int = 3) -> None:
    """Source-mismatch verdicts (MTQ921) on whole articles: each document's rows joined into a target
    article and a source article (as `mtqa check a.fr.txt --source a.en.txt` sees them), once with
    its own source (a warning there is a false alarm) and once with another document's source (a
    warning there is a detection)."""
    from dataclasses import replace

    from mtqa.io import article_from_text

    docs: dict[str, list[dict]] = defaultdict(list)
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            docs[row["doc_id"]].append(row)
    docs_list = [sorted(r, key=lambda x: x["seg_idx"]) for r in docs.values() if len(r) >= min_rows]
    rule = tuple(r for r in ALL_RULES if r.code == "MTQ921")
    src_lang, tgt_lang = docs_list[0][0]["src_lang"], docs_list[0][0]["tgt_lang"]

    def flagged(target_rows, source_rows) -> bool:
        tgt = article_from_text("\n\n".join(r["mt"] for r in target_rows), "t", tgt_lang)
        src = article_from_text("\n\n".join(r["src"] for r in source_rows), "s", src_lang)
        doc = replace(tgt, source=src, src_lang=src_lang)
        return bool(check([doc], rule, Config(lang=tgt_lang)).findings)

    n = len(docs_list)
    false_alarms = sum(flagged(d, d) for d in docs_list)
    detected = sum(flagged(d, docs_list[(k + n // 2) % n]) for k, d in enumerate(docs_list))
    print(
        f"source-mismatch (MTQ921) on {n} articles of >= {min_rows} rows: "
        f"right source flagged {false_alarms}/{n}, another article's source flagged {detected}/{n}"
    )


def main(argv: list[str]) -> int:
    paths = argv or sorted(glob.glob(f"{DEV}/*.jsonl"))
    for p in paths:
        evaluate(p)
        mismatch_detection(p)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
