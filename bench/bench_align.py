"""Time the sentence aligner and the source-aware rules on one long article (2,000 sentences).

    .venv/bin/python bench/bench_align.py [--sentences 2000]

The article is built from the dev rows (../shared/dev/enfr_wmtqe_train_mqm.jsonl: English source,
French MT), three rows to a paragraph, with every 50th target row dropped so the DP must find gaps.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from mtqa.align import align_sentences  # noqa: E402
from mtqa.align_units import sentences_of  # noqa: E402
from mtqa.config import Config  # noqa: E402
from mtqa.engine import check  # noqa: E402
from mtqa.io import article_from_text  # noqa: E402
from mtqa.rules import ALL_RULES  # noqa: E402

DEV = "/work/shared/dev/enfr_wmtqe_train_mqm.jsonl"


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sentences", type=int, default=2000)
    args = ap.parse_args(argv)
    src_paras, tgt_paras, para_s, para_t = [], [], [], []
    n_src = 0
    with open(DEV, encoding="utf-8") as fh:
        for k, line in enumerate(fh):
            row = json.loads(line)
            para_s.append(row["src"].replace("\n", " "))
            if k % 50 != 49:
                para_t.append(row["mt"].replace("\n", " "))
            if len(para_s) == 3:
                src_paras.append(" ".join(para_s))
                tgt_paras.append(" ".join(para_t))
                para_s, para_t = [], []
            n_src = sum(len(sentences_of([p])) for p in src_paras[-1:]) + n_src if len(para_s) == 0 else n_src
            if n_src >= args.sentences:
                break
    src_text, tgt_text = "\n\n".join(src_paras), "\n\n".join(tgt_paras)
    src_units, tgt_units = sentences_of(src_paras), sentences_of(tgt_paras)
    t0 = time.perf_counter()
    beads = align_sentences(src_units, tgt_units, "en", "fr")
    t_align = time.perf_counter() - t0
    print(
        f"aligner: {len(src_units)} source x {len(tgt_units)} target sentences -> {len(beads)} beads "
        f"in {t_align:.2f} s ({(len(src_units) + len(tgt_units)) / t_align:,.0f} sentences/s)"
    )
    doc = article_from_text(tgt_text, "bench.fr.txt", "fr")
    doc = replace(doc, source=article_from_text(src_text, "bench.en.txt", "en"), src_lang="en")
    rules = tuple(r for r in ALL_RULES if "source" in r.requires)
    t0 = time.perf_counter()
    report = check([doc], rules, Config(lang="fr"))
    t_rules = time.perf_counter() - t0
    print(
        f"source-aware rules (alignment included): {t_rules:.2f} s, {len(report.findings)} findings, "
        f"alignment status {report.documents[0]['alignment']['status']}"
    )
    for half in (2, 4):
        k = len(src_units) // half
        t0 = time.perf_counter()
        align_sentences(src_units[:k], tgt_units[: len(tgt_units) // half], "en", "fr")
        print(f"  scaling: {k} source sentences aligned in {time.perf_counter() - t0:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
