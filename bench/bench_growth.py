"""Growth of the text scanners on adversarial input: the time for 4x the input over the time for 1x.

    python bench/bench_growth.py

Linear code gives about 4, quadratic about 16. Inputs: punctuation-heavy runs for the non-word scan
(`a.a.a…`, `x@x@…`), damaged-apostrophe and split-token runs for the typography rules, one huge chunk
of suspect glued words for the garbled-word rule, and a paragraph of pronouns and quotation marks for
the quotation model and person shift. Timing lives here, not in the tests (they check behaviour).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mtqa.config import Config  # noqa: E402
from mtqa.engine import check  # noqa: E402
from mtqa.io import article_from_text  # noqa: E402
from mtqa.rules import BY_CODE  # noqa: E402
from mtqa.text.nonwords import nonword_spans  # noqa: E402

CASES = [
    ("nonwords a.", lambda n: nonword_spans("a." * n), 20_000),
    ("nonwords x@", lambda n: nonword_spans("x@" * n), 20_000),
    ("nonwords www.", lambda n: nonword_spans("www." * n), 20_000),
]
RULE_CASES = [
    ("MTQ551", ' l "entreprise', "fr", 2_000),
    ("MTQ553", " Il ya", "fr", 2_000),
    ("MTQ552", " fin.Le", "fr", 2_000),
    ("MTQ801", "puissancela,", "fr", 2_000),
    ("MTQ201", "La Turquie a promis, mais je pars. « Nous » ", "fr", 500),
    ("MTQ501", '" a, « b " c » ', "fr", 2_000),
]


def seconds(run, n: int) -> float:
    started = time.perf_counter()
    run(n)
    return time.perf_counter() - started


def rule_run(code: str, unit: str, lang: str):
    def run(n: int) -> None:
        check([article_from_text(unit * n, "<bench>", lang)], (BY_CODE[code],), Config(lang=lang))

    return run


def main() -> int:
    print(f"{'case':<24}{'n':>8}{'1x s':>9}{'4x s':>9}{'ratio':>7}")
    cases = CASES + [(f"{c} {u.strip()!r}", rule_run(c, u, lang), n) for c, u, lang, n in RULE_CASES]
    for name, run, n in cases:
        run(max(1, n // 10))  # warm caches and word lists
        small, large = seconds(run, n), seconds(run, 4 * n)
        print(f"{name:<24}{n:>8}{small:>9.3f}{large:>9.3f}{large / max(small, 1e-9):>7.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
