"""Build mtqa/data/fr/noun_genders.tsv and mtqa/data/fr/role_nouns.tsv from the Dicollecte French
hunspell dictionary (Grammalecte's lexicon, MPL-2.0; Debian package hunspell-fr-classical), whose
entries carry their part of speech and gender ("pont/S.() po:nom is:mas", "tour/S.() po:nom is:epi").

    python bench/build_noun_genders.py [--dic /usr/share/hunspell/fr.dic] [--min-zipf 2.0]

noun_genders.tsv: every inflected noun form whose noun readings all share one gender ("ponts" m,
"éruption" f); forms that are a noun of both genders ("tour", "poste", "ministre": is:epi or two
entries) are left out, so the antecedent model stays silent on them. Only forms at least --min-zipf
frequent in wordfreq's French list are kept (rare words cost file size and are rarely antecedents).
role_nouns.tsv: the masculine and feminine singular of nouns that inflect for gender
("directeur"/"directrice", "élu"/"élue"): about a person, the form says the person's gender.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def read_affixes(aff: Path) -> dict[str, list[tuple[str, str, re.Pattern, str]]]:
    """Suffix flag -> [(strip, add, condition at the word's end, morphology)]."""
    rules: dict[str, list] = defaultdict(list)
    for line in aff.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) < 5 or parts[0] != "SFX":
            continue
        flag, strip, add, cond = parts[1], parts[2], parts[3].split("/")[0], parts[4]
        morph = " ".join(parts[5:])
        rules[flag].append(
            ("" if strip == "0" else strip, "" if add == "0" else add, re.compile(f"(?:{cond})$"), morph)
        )
    return rules


def flags_of(spec: str) -> list[str]:
    return [spec[i : i + 2] for i in range(0, len(spec) - 1, 2)]  # FLAG long: two characters


def forms(dic: Path, aff: Path):
    """(form, gender, number, lemma) for every noun form; gender "m", "f" or "e" (either)."""
    rules = read_affixes(aff)
    for line in dic.read_text(encoding="utf-8").splitlines()[1:]:
        if "po:nom" not in line:
            continue
        head, _, morph = line.partition(" ")
        word, _, spec = head.partition("/")
        base_gender = "m" if "is:mas" in morph else "f" if "is:fem" in morph else "e"
        # The entry itself is a form too: invariable nouns ("cours/L'D'Q' po:nom is:mas is:inv")
        # have no suffix rule that yields it, and "cours" must then meet "cour"+s (f) to drop out.
        # Entries whose gender comes from their suffix rules ("abonné/F." m and f) are left to them.
        if base_gender != "e" or "is:epi" in morph:
            yield word, base_gender, "sg" if "is:sg" in morph else "-", word
        for flag in flags_of(spec):
            for strip, add, cond, rule_morph in rules.get(flag, ()):
                if not cond.search(word) or (strip and not word.endswith(strip)):
                    continue
                form = word[: len(word) - len(strip)] + add
                gender = "m" if "is:mas" in rule_morph else "f" if "is:fem" in rule_morph else base_gender
                number = "pl" if "is:pl" in rule_morph else "sg" if "is:sg" in rule_morph else "-"
                yield form, gender, number, word


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--dic", default="/usr/share/hunspell/fr.dic")
    parser.add_argument("--min-zipf", type=float, default=2.0)
    parser.add_argument("--out", default=str(ROOT / "mtqa" / "data" / "fr"))
    args = parser.parse_args(argv)
    from wordfreq import zipf_frequency

    dic = Path(args.dic)
    genders: dict[str, set[str]] = defaultdict(set)
    role: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for form, gender, number, lemma in forms(dic, dic.with_suffix(".aff")):
        if form[:1].isupper() or not form.replace("'", "").isalpha() or len(form) < 2:
            continue  # names, compounds, "2D", and letters ("un a") that are mostly other words
        genders[form].add(gender)
        if number == "sg" and gender in "mf":
            role[lemma][gender].add(form)
    keep = lambda w: zipf_frequency(w, "fr") >= args.min_zipf  # noqa: E731
    header = (
        "# Built by bench/build_noun_genders.py from the Dicollecte French dictionary (Grammalecte,\n"
        "# MPL-2.0; Debian hunspell-fr-classical 7.0). Only forms at least zipf {z} frequent (wordfreq).\n"
        "# {what}\n"
    )
    out = Path(args.out)
    nouns = sorted(w for w, g in genders.items() if len(g) == 1 and g != {"e"} and keep(w))
    with open(out / "noun_genders.tsv", "w", encoding="utf-8") as handle:
        handle.write(header.format(z=args.min_zipf, what="Noun form, gender (m/f); no noun of both genders."))
        handle.writelines(f"{w}\t{next(iter(genders[w]))}\n" for w in nouns)
    roles = sorted(
        {
            (m, f)
            for forms_ in role.values()
            for m in forms_.get("m", ())
            for f in forms_.get("f", ())
            if m != f and (keep(m) or keep(f))
        }
    )
    with open(out / "role_nouns.tsv", "w", encoding="utf-8") as handle:
        handle.write(
            header.format(
                z=args.min_zipf,
                what="Masculine singular, feminine singular of a noun that inflects for gender.",
            )
        )
        handle.writelines(f"{m}\t{f}\n" for m, f in roles)
    print(f"{len(nouns)} noun forms, {len(roles)} role nouns -> {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
