"""Does the declared-language shortcut (mtqa.text.lang._declared_stands) ever let a declaration stand
that the full detector would contradict?

    .venv/bin/python bench/eval_verify_language.py [--segments]

Texts: eval_lang_precheck's (both sides of every dev row as document samples, tests/data, seeds,
references; with --segments every row's texts one by one), cut to the 600 characters the source
check reads, plus the other-language samples of tests/test_lang_precheck.py. Each text is verified as
declared in every supported language. Where the shortcut decides (and the older shortcuts did not),
the full detector's verdict (`detector_contradicts`) is computed and compared. Prints counts and
each disagreement, for a person to read: which of the two is right is a judgement, not a count.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mtqa.text import lang  # noqa: E402
from tests import test_lang_precheck as samples  # noqa: E402

_SOURCE_SAMPLE = 600  # mtqa.source_verdict._SAMPLE


def _texts(segments: bool):
    path = ROOT / "bench" / "eval_lang_precheck.py"
    spec = importlib.util.spec_from_file_location("eval_lang_precheck", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for kind, text in module.texts(segments):
        yield kind, text[:_SOURCE_SAMPLE]
    for name in ("AFRIKAANS", "CATALAN", "DANISH", "NORWEGIAN", "GALICIAN", "FRENCH", "GERMAN"):
        yield f"test:{name.lower()}", getattr(samples, name)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--segments", action="store_true", help="every row's texts one by one too")
    args = parser.parse_args()
    verified, decided, differ = Counter(), Counter(), 0
    for kind, text in _texts(args.segments):
        if lang._letters(text) < lang.VERIFY_MIN_LETTERS:
            continue
        for code in lang.SUPPORTED:
            verified[code] += 1
            if lang.clear_language(text) == code or lang.likely(text) == code:
                continue  # decided as before
            if not lang._declared_stands(text, code):
                continue  # the full detector decides, as before
            decided[code] += 1
            full = lang.detector_contradicts(text, code)
            if full is not None:
                differ += 1
                print(f"DIFFERS {kind} declared {code}: the detector says {full}: {text[:150]!r}")
    print("verifications per declared language:", dict(verified))
    print("newly decided by the shortcut:", dict(decided))
    print(f"verdicts that differ from the full detector: {differ}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
