"""Pair accuracy of the pronoun rules on contrastive pairs (bench/build_pronoun_pairs.py).

    python bench/eval_pronoun_pairs.py [--pairs FILE] [--mode target|source] [--codes MTQ22]
                                       [--show N]

Each half of a pair is checked as a document (the context rows, then the sentence) with the rules
whose code starts with --codes. A pair is right when the incorrect half has a finding in its last
row and the correct half has none; a false alarm is a finding on a correct half. Prints pair
accuracy, the share of incorrect halves found, false alarms on correct halves, on all pairs and on
the professional (ref-A) ones.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mtqa.config import Config  # noqa: E402
from mtqa.engine import check  # noqa: E402
from mtqa.model import Document, Segment  # noqa: E402
from mtqa.rules import ALL_RULES  # noqa: E402


def document(pair: dict, text: str, with_source: bool) -> Document:
    rows = [*pair["context"], text]
    sources = [*pair["context_src"], pair["src"]] if with_source else [None] * len(rows)
    src_lang = pair.get("src_lang") if with_source else None
    segs = tuple(
        Segment(t, index=k, id=f"{pair['id']}:{k}", src=s, src_lang=src_lang, tgt_lang="fr")
        for k, (t, s) in enumerate(zip(rows, sources, strict=True))
    )
    return Document(
        path=pair["id"], segments=segs, doc_id=pair["id"], lang="fr", src_lang=src_lang, kind="jsonl"
    )


def flagged(pair: dict, text: str, with_source: bool, codes: tuple[str, ...]) -> list:
    # only the rules measured run: faster, and unaffected by the other families
    report = check([document(pair, text, with_source)], config=Config(select=codes))
    last = f"{pair['id']}:{len(pair['context'])}"
    return [f for f in report.findings if f.code.startswith(codes) and f.segment_id == last]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pairs", default="/tmp/pronoun_pairs.jsonl")
    parser.add_argument("--mode", choices=("target", "source"), default="target")
    parser.add_argument("--codes", default="MTQ22", help="comma-separated code prefixes")
    parser.add_argument("--show", type=int, default=0, help="print N false alarms and N misses")
    args = parser.parse_args(argv)
    codes = tuple(args.codes.split(","))
    assert any(r.code.startswith(codes) for r in ALL_RULES), f"no rule matches {codes}"
    with open(args.pairs, encoding="utf-8") as handle:
        pairs = [json.loads(line) for line in handle]
    with_source = args.mode == "source"
    tally = {"all": [0, 0, 0, 0], "ref-A": [0, 0, 0, 0]}  # pairs, right, incorrect found, false alarms
    alarms, misses = [], []
    for pair in pairs:
        bad = flagged(pair, pair["incorrect"], with_source, codes)
        good = flagged(pair, pair["correct"], with_source, codes)
        for key in ("all", "ref-A") if pair["human"] else ("all",):
            t = tally[key]
            t[0] += 1
            t[1] += bool(bad) and not good
            t[2] += bool(bad)
            t[3] += bool(good)
        if good:
            alarms.append((pair, good[0].message))
        elif not bad:
            misses.append(pair)
    print(f"mode {args.mode}, codes {','.join(codes)}")
    for key, (n, right, found, false) in tally.items():
        if n:
            print(
                f"{key:<6} pairs {n:4d}  pair accuracy {right / n:6.1%}  incorrect found {found / n:6.1%}"
                f"  false alarms on correct {false / n:6.1%} ({false})"
            )
    for pair, message in alarms[: args.show]:
        print(f"FALSE ALARM {pair['id']}: {message}\n    {pair['correct']}")
    for pair in misses[: args.show]:
        context = " ".join(pair["context"])[-200:]
        print(f"MISS {pair['id']}: {pair['pronoun']}\n    ...{context}\n    {pair['correct']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
