"""Precision and recall of the default rule set on the MQM-annotated dev data, and false alarms on the
clean human-written corpora.

    python bench/eval_dev.py [--dev DIR] [--min-severity warning|info] [--per-rule]

A finding is a true positive when its span overlaps an annotated error span whose label (or original
MQM category) is compatible with the finding's category (COMPATIBLE below). Recall counts the
annotated spans a category could plausibly catch, and how many a finding of that category overlaps.
Zero-width spans (unanchored omissions) can be neither hit nor missed and are left out.
Segment precision: the share of flagged segments that carry any annotated error, next to the base
rate (the share of all segments that carry one), which is what a detector flagging at random gets.
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
from mtqa.io import read_article, read_jsonl  # noqa: E402
from mtqa.model import Document, Severity  # noqa: E402

# mtqa category -> (dev labels, original MQM categories) it is allowed to match.
COMPATIBLE: dict[str, tuple[set[str], set[str]]] = {
    "entity": ({"entity", "spelling"}, {"Inconsistency", "Terminology/Inconsistent"}),
    "number": ({"number"}, set()),
    "pronoun": ({"pronoun"}, {"Grammatical Register", "Linguistic_conventions/Register"}),
    "repetition": ({"repetition", "hallucination"}, set()),
    "untranslated": ({"untranslated", "wrong_language"}, set()),
    "omission": ({"omission"}, set()),
    "addition": ({"hallucination"}, set()),
    "grammar": ({"grammar", "word_order"}, set()),
    "spelling": ({"spelling"}, {"Character Encoding", "Linguistic_conventions/Character_encoding"}),
    "punctuation": (set(), {"Punctuation", "Whitespace", "Linguistic_conventions/Punctuation"}),
    "boilerplate": ({"hallucination", "untranslated"}, {"Whitespace"}),
    "garbled": (
        {"spelling", "untranslated"},
        {"Unintelligible", "Character Encoding", "Linguistic_conventions/Character_encoding"},
    ),
    "other": (
        {
            "entity",
            "number",
            "pronoun",
            "repetition",
            "untranslated",
            "wrong_language",
            "omission",
            "hallucination",
            "grammar",
            "spelling",
            "word_order",
            "other",
        },
        set(),
    ),
}


def compatible(category: str, error: dict) -> bool:
    labels, origs = COMPATIBLE.get(category, (set(), set()))
    return error["label"] in labels or error.get("orig_category") in origs


def anchored(errors: list[dict]) -> list[dict]:
    return [e for e in errors if e["end"] > e["start"]]


def load_rows(path: Path) -> dict[str, dict]:
    with open(path, encoding="utf-8") as fh:
        return {row["id"]: row for row in map(json.loads, fh)}


def ratio(a: int, b: int) -> str:
    return f"{a / b:6.3f}" if b else "     -"


def show(findings, rows, code: str) -> None:
    """Print a rule's findings with the annotated errors of their segments, to judge them by eye."""
    for f in findings:
        if f.code != code:
            continue
        row = rows[f.segment_id]
        errs = "; ".join(f"{e['label']}:{e['text']!r}" for e in anchored(row["errors"])) or "(clean row)"
        print(
            f"  {f.segment_id} {f.severity} {f.text!r}: {f.message}\n      mt: {row['mt'][:200]!r}\n"
            f"      annotated: {errs[:200]}"
        )


def without_source(docs):
    """The documents as a target-only user would give them: no source, no reference."""
    for doc in docs:
        if isinstance(doc, Document):
            segs = tuple(dataclasses.replace(s, src=None, ref=()) for s in doc.segments)
            doc = dataclasses.replace(doc, segments=segs, source=None)
        yield doc


def evaluate(
    path: Path, min_sev: Severity, per_rule: bool, show_code: str | None = None, target_only: bool = False
) -> None:
    rows = load_rows(path)
    t = time.perf_counter()
    docs = read_jsonl(path)
    report = check(without_source(docs) if target_only else docs, config=Config())
    elapsed = time.perf_counter() - t
    findings = [f for f in report.findings if f.severity >= min_sev]

    tp, total = Counter(), Counter()
    rule_tp, rule_total = Counter(), Counter()
    caught: dict[str, set] = defaultdict(set)  # category -> (row id, error index) overlapped
    flagged_rows = set()
    for f in findings:
        row = rows[f.segment_id]
        flagged_rows.add(f.segment_id)
        cat = str(f.category)
        total[cat] += 1
        rule_total[f.code, f.rule] += 1
        hit = False
        for k, e in enumerate(anchored(row["errors"])):
            if e["start"] < f.end and f.start < e["end"] and compatible(cat, e):
                caught[cat].add((f.segment_id, k))
                hit = True
        tp[cat] += hit
        rule_tp[f.code, f.rule] += hit

    targeted = Counter()
    label_spans, label_caught = Counter(), Counter()
    all_caught = set().union(*caught.values()) if caught else set()
    for rid, row in rows.items():
        for k, e in enumerate(anchored(row["errors"])):
            label_spans[e["label"]] += 1
            label_caught[e["label"]] += (rid, k) in all_caught
            for cat in total.keys() | {
                "entity",
                "pronoun",
                "repetition",
                "untranslated",
                "grammar",
                "punctuation",
                "garbled",
                "boilerplate",
            }:
                if compatible(cat, e):
                    targeted[cat] += 1

    erroneous = {rid for rid, row in rows.items() if row["labels"]}
    mode = "target only" if target_only else "with source"
    print(
        f"\n== {path.name} ({mode}): {len(rows)} segments, {len(report.findings)} findings "
        f"({len(findings)} at {min_sev} or above), {elapsed:.1f} s =="
    )
    print(
        f"{'category':<13} {'findings':>8} {'TP':>5} {'precision':>9} {'spans':>6} {'caught':>6} "
        f"{'recall':>7}"
    )
    for cat in sorted(targeted.keys() | total.keys()):
        print(
            f"{cat:<13} {total[cat]:>8} {tp[cat]:>5} {ratio(tp[cat], total[cat]):>9} {targeted[cat]:>6} "
            f"{len(caught[cat]):>6} {ratio(len(caught[cat]), targeted[cat]):>7}"
        )
    n_tp, n_all = sum(tp.values()), sum(total.values())
    print(f"{'ALL':<13} {n_all:>8} {n_tp:>5} {ratio(n_tp, n_all):>9}")
    hits = len(flagged_rows & erroneous)
    print(
        f"segment precision: {hits}/{len(flagged_rows)} = {ratio(hits, len(flagged_rows)).strip()}"
        f"  (base rate {len(erroneous)}/{len(rows)} = {ratio(len(erroneous), len(rows)).strip()})"
    )
    print(
        "span recall per dev label (any compatible finding): "
        + ", ".join(f"{lab} {label_caught[lab]}/{n}" for lab, n in sorted(label_spans.items()))
    )
    if per_rule:
        print(f"{'rule':<36} {'findings':>8} {'TP':>5} {'precision':>9}")
        for (code, name), n in sorted(rule_total.items()):
            good = rule_tp[code, name]
            print(f"{code + ' ' + name:<36} {n:>8} {good:>5} {ratio(good, n):>9}")
    if show_code:
        show(findings, rows, show_code.upper())


def clean(paths: list[tuple[Path, str]]) -> None:
    print("\n== clean human-written news (false alarms) ==")
    print(f"{'corpus':<14} {'segments':>8} {'warning+':>8} {'per 1k':>7} {'info':>5} {'per 1k':>7}")
    for path, lang in paths:
        doc = read_article(path, lang)
        found = check([doc], config=Config(lang=lang)).findings
        loud = sum(f.severity >= Severity.WARNING for f in found)
        info = len(found) - loud
        n = len(doc.segments)
        print(f"{path.name:<14} {n:>8} {loud:>8} {1000 * loud / n:>7.1f} {info:>5} {1000 * info / n:>7.1f}")
        for f in found:
            print(f"    {f.line}:{f.column} {f.code} {f.severity} {f.text!r}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dev", default=str(ROOT.parent / "shared" / "dev"), help="directory of dev *.jsonl")
    ap.add_argument("--min-severity", default="warning", choices=("info", "warning", "error"))
    ap.add_argument("--per-rule", action="store_true", help="precision per rule as well")
    ap.add_argument("--show", metavar="CODE", help="print one rule's findings next to the annotations")
    ap.add_argument(
        "--target-only",
        action="store_true",
        help="drop src and ref, so only the target-only rules run (as on an article)",
    )
    args = ap.parse_args(argv)
    min_sev = Severity.parse(args.min_severity)
    dev = sorted(Path(args.dev).glob("*.jsonl"))
    if not dev:
        print(f"eval_dev: no *.jsonl under {args.dev}", file=sys.stderr)
    for path in dev:
        evaluate(path, min_sev, args.per_rule, args.show, args.target_only)
    data = ROOT / "tests" / "data" / "clean"
    clean([(data / "fr_news.txt", "fr"), (data / "en_news.txt", "en")])
    return 0


if __name__ == "__main__":
    sys.exit(main())
