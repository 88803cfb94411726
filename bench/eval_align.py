"""Sentence-alignment accuracy on a bitext with known alignment.

    .venv/bin/python bench/eval_align.py [--docs-per-article 8] [--seed 3]

The dev rows (../shared/dev/*.jsonl) are gold 1-1 pairs (src, mt) grouped by document. Consecutive
documents are joined into articles; rows are grouped into paragraphs (1-4 rows, same breaks on both
sides); then, at random, two adjacent rows are merged on one side (gold 2-1 or 1-2: 8% each) and a
row is dropped from one side (gold 1-0 or 0-1: 3% each). The aligner sees only the two lists of units
with their paragraph starts and must recover the beads. Reported: precision and recall of beads
(a predicted bead counts when it is exactly a gold bead), per bead type, and the share of target
units attached to the right source units.
"""

from __future__ import annotations

import argparse
import glob
import json
import random
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from mtqa.align import Sentence, align_sentences  # noqa: E402

DEV = "/work/shared/dev"


def documents(path: str) -> list[list[dict]]:
    docs: dict[str, list[dict]] = defaultdict(list)
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            docs[row["doc_id"]].append(row)
    return [sorted(rows, key=lambda r: r["seg_idx"]) for rows in docs.values()]


def synthesize(rows: list[dict], rng: random.Random):
    """Units of both sides with paragraph starts, and the gold beads between them."""
    src, tgt, gold = [], [], []
    i = 0
    para_left = 0
    while i < len(rows):
        if para_left == 0:
            para_left = rng.randint(1, 4)
            new_para = True
        else:
            new_para = False
        r = rng.random()
        if r < 0.08 and i + 1 < len(rows):  # two source rows merged: 1-2
            src.append((rows[i]["src"] + " " + rows[i + 1]["src"], new_para))
            tgt.extend([(rows[i]["mt"], new_para), (rows[i + 1]["mt"], False)])
            gold.append(((len(src) - 1,), (len(tgt) - 2, len(tgt) - 1)))
            i += 2
        elif r < 0.16 and i + 1 < len(rows):  # two target rows merged: 2-1
            src.extend([(rows[i]["src"], new_para), (rows[i + 1]["src"], False)])
            tgt.append((rows[i]["mt"] + " " + rows[i + 1]["mt"], new_para))
            gold.append(((len(src) - 2, len(src) - 1), (len(tgt) - 1,)))
            i += 2
        elif r < 0.19:  # target row dropped: 1-0
            src.append((rows[i]["src"], new_para))
            gold.append(((len(src) - 1,), ()))
            i += 1
        elif r < 0.22:  # source row dropped: 0-1
            tgt.append((rows[i]["mt"], new_para))
            gold.append(((), (len(tgt) - 1,)))
            i += 1
        else:
            src.append((rows[i]["src"], new_para))
            tgt.append((rows[i]["mt"], new_para))
            gold.append(((len(src) - 1,), (len(tgt) - 1,)))
            i += 1
        para_left -= 1
    return src, tgt, gold


def units(pairs: list[tuple[str, bool]]) -> list[Sentence]:
    out, seg = [], -1
    for text, starts in pairs:
        seg += starts or seg < 0
        out.append(Sentence(seg, 0, len(text), text, starts or not out))
    return out


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs-per-article", type=int, default=8)
    ap.add_argument("--seed", type=int, default=3)
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)
    for path in sorted(glob.glob(f"{DEV}/*.jsonl")):
        docs = documents(path)
        langs = (docs[0][0]["src_lang"], docs[0][0]["tgt_lang"])
        found = Counter()
        predicted = Counter()
        expected = Counter()
        right_units = total_units = 0
        elapsed = 0.0
        n_units = 0
        for k in range(0, len(docs), args.docs_per_article):
            rows = [r for d in docs[k : k + args.docs_per_article] for r in d]
            src, tgt, gold = synthesize(rows, rng)
            s_units, t_units = units(src), units(tgt)
            n_units += len(s_units) + len(t_units)
            t0 = time.perf_counter()
            beads = align_sentences(s_units, t_units, *langs)
            elapsed += time.perf_counter() - t0
            pred = {(b.src, b.tgt) for b in beads}
            gold_set = set(gold)
            for b in gold:
                kind = f"{len(b[0])}-{len(b[1])}"
                expected[kind] += 1
                found[kind] += b in pred
            for b in pred:
                predicted[f"{len(b[0])}-{len(b[1])}"] += 1
            correct = {b for b in pred & gold_set}
            predicted["correct"] += len(correct)
            gold_src_of = {t: b[0] for b in gold for t in b[1]}
            pred_src_of = {t: b.src for b in beads for t in b.tgt}
            total_units += len(gold_src_of)
            right_units += sum(1 for t, s in gold_src_of.items() if pred_src_of.get(t) == s)
        n_gold = sum(expected.values())
        n_pred = sum(v for k, v in predicted.items() if k != "correct")
        print(
            f"{Path(path).name}: {len(docs)} documents in articles of {args.docs_per_article}, "
            f"{n_units} units, aligned in {elapsed:.2f} s"
        )
        print(
            f"  beads: precision {predicted['correct'] / n_pred:.3f}  "
            f"recall {predicted['correct'] / n_gold:.3f}  "
            f"(gold {n_gold}, predicted {n_pred}); "
            f"target units on the right source: {right_units / total_units:.3f}"
        )
        print(
            "  recall per gold bead type: "
            + ", ".join(
                f"{k} {found[k]}/{expected[k]} ({found[k] / expected[k]:.2f})" for k in sorted(expected)
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
