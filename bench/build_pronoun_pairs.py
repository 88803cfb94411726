"""Contrastive pronoun pairs from the real news (issue 14): a translated sentence with an anaphoric
subject pronoun, and the same sentence with that pronoun's gender swapped (il <-> elle, ils <->
elles), with the preceding rows of its document as context.

    python bench/build_pronoun_pairs.py [--dev FILE] [--out FILE] [--systems ref-A,...]

The pronouns are chosen without mtqa's antecedent model (so the evaluation does not grade the model
on pairs it picked): every lower-case or sentence-initial il/elle/ils/elles that is not inverted
("a-t-il"), not glued to a hyphen ("elle-même") and not one of the plainest impersonal "il" (il y a,
il faut, il s'agit). Only the pronoun is swapped; the verb keeps its number, so the incorrect half
differs from the correct one in the gender of one word. The correct half is the row as translated
(ref-A is the professional translation; MT systems' rows are included to reach 300+ pairs and may
hold their own errors, which then count against the checker).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
_PRONOUN = regex.compile(r"(?<![\p{L}\p{M}'’\-‐])(il|elle|ils|elles|Il|Elle|Ils|Elles)(?![\p{L}\p{M}'’\-‐])")
_PLAIN_IMPERSONAL = regex.compile(r"\s+(?:n['’]\s*)?(?:y\b|faut\b|fallait\b|s['’]agi|a\s+fallu\b)")
_SWAP = {"il": "elle", "elle": "il", "ils": "elles", "elles": "ils"}
_AFTER_PREPOSITION = regex.compile(
    r"(?i)\b(?:pour|avec|sans|chez|par|contre|entre|envers|selon|à|de|sur|sous)\s+$"
)
CONTEXT_ROWS = 4


def swapped(word: str) -> str:
    other = _SWAP[word.lower()]
    return other.capitalize() if word[:1].isupper() else other


def pairs_of(rows: list[dict]) -> list[dict]:
    out = []
    for k, row in enumerate(rows):
        text = row["mt"]
        for m in _PRONOUN.finditer(text):
            word = m.group()
            if word[:1].isupper() and m.start() > 0 and text[: m.start()].rstrip()[-1:] not in '.!?«"“:—–':
                continue  # a capital mid-sentence is a name or a title, not the pronoun
            if word.lower() == "il" and _PLAIN_IMPERSONAL.match(text, m.end()):
                continue
            if _AFTER_PREPOSITION.search(text[: m.start()]):
                continue  # "pour elle", "avec eux": a stressed pronoun, not a subject
            context = rows[max(0, k - CONTEXT_ROWS) : k]
            out.append(
                {
                    "id": f"{row['id']}@{m.start()}",
                    "system": row["system"],
                    "human": row["human"],
                    "context": [r["mt"] for r in context],
                    "context_src": [r.get("src") for r in context],
                    "src": row.get("src"),
                    "src_lang": row.get("src_lang"),
                    "correct": text,
                    "incorrect": text[: m.start()] + swapped(word) + text[m.end() :],
                    "span": [m.start(), m.start() + len(swapped(word))],
                    "pronoun": word,
                }
            )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--dev", default=str(ROOT.parent / "shared" / "dev" / "news_defr_wmt22.jsonl"))
    parser.add_argument("--out", default="/tmp/pronoun_pairs.jsonl")
    parser.add_argument("--systems", default="", help="comma-separated systems (default: all)")
    args = parser.parse_args(argv)
    wanted = set(filter(None, args.systems.split(",")))
    docs: dict[str, list[dict]] = defaultdict(list)
    with open(args.dev, encoding="utf-8") as handle:
        for row in map(json.loads, handle):
            if not wanted or row["system"] in wanted:
                docs[row["doc_id"]].append(row)
    pairs = [p for rows in docs.values() for p in pairs_of(sorted(rows, key=lambda r: r["seg_idx"]))]
    with open(args.out, "w", encoding="utf-8") as handle:
        for p in pairs:
            handle.write(json.dumps(p, ensure_ascii=False) + "\n")
    human = sum(p["human"] for p in pairs)
    print(f"{len(pairs)} pairs ({human} from professional rows) -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
