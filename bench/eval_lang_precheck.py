"""How often the language pre-check (mtqa.text.lang.clear_language) decides without lingua, and
whether it ever answers differently from lingua's path (`likely`, then the full detector).

    .venv/bin/python bench/eval_lang_precheck.py [--segments]

Texts: both sides of every row of /work/shared/dev/*.jsonl (src, mt, ref) and tests/data's text
files, as the documents' language samples the engine builds (mtqa.engine.document_language), and with
--segments every row's texts one by one too. Where the pre-check is silent the answer is lingua's
by construction, so only its decisions are compared. Prints counts per language and each disagreement.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mtqa.text import lang  # noqa: E402

DEV = Path("/work/shared/dev")
_SAMPLE_CHARS = 2000


def _sample(texts: list[str]) -> str:
    """The engine's document sample: the longest segments, up to about 2,000 characters."""
    out, size = [], 0
    for t in sorted(texts, key=lambda t: -len(t))[:8]:
        out.append(t)
        size += len(t)
        if size > _SAMPLE_CHARS:
            break
    return "\n".join(out)[:_SAMPLE_CHARS]


def texts(segments: bool):
    for path in sorted(DEV.glob("*.jsonl")):
        docs: dict[tuple[str, str], list[str]] = defaultdict(list)
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            for side in ("src", "mt", "ref"):
                value = row.get(side)
                for text in value if isinstance(value, list) else [value]:
                    if isinstance(text, str) and text.strip():
                        docs[(row.get("doc_id", ""), side)].append(text)
                        if segments:
                            yield f"{path.name}:segment", text
        for parts in docs.values():
            yield f"{path.name}:document", _sample(parts)
    for path in sorted((ROOT / "tests" / "data").rglob("*")):
        if path.suffix in (".txt", ".jsonl") and path.is_file():
            body = path.read_text(encoding="utf-8", errors="replace")
            if path.suffix == ".jsonl":
                for line in body.splitlines():
                    row = json.loads(line)
                    for value in row.values():
                        if isinstance(value, str) and len(value) > 20:
                            yield f"tests/data:{path.name}", _sample([value])
            else:
                yield f"tests/data:{path.name}", _sample(body.splitlines())
    for path in sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "references").glob("*.txt")):
        yield f"{path.parent.name}", _sample(path.read_text(encoding="utf-8").splitlines())


def lingua_path(text: str) -> str | None:
    """What identify answered before the pre-check."""
    code = lang.likely(text)
    if code is not None:
        return code
    found = lang._any_detector().detect_language_of(text)
    return None if found is None else found.iso_code_639_1.name.lower()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--segments", action="store_true", help="every row's texts one by one too")
    args = parser.parse_args()
    total: Counter[str] = Counter()
    decided: Counter[str] = Counter()
    agree: Counter[str] = Counter()
    by_lang: Counter[str] = Counter()
    for kind, text in texts(args.segments):
        if lang._letters(text) < lang._MIN_LETTERS:
            continue
        group = kind.split(":")[-1] if kind.endswith(("segment", "document")) else kind.split(":")[0]
        total[group] += 1
        mine = lang.clear_language(text)
        if mine is None:
            continue
        decided[group] += 1
        theirs = lingua_path(text)
        if theirs == mine:
            agree[group] += 1
            by_lang[mine] += 1
        else:
            print(f"DIFFERS {kind}: pre-check {mine}, lingua {theirs}: {text[:150]!r}")
    for group in total:
        print(
            f"{group}: {total[group]} texts, pre-check decided {decided[group]}, "
            f"agreeing with lingua {agree[group]}/{decided[group]}"
        )
    print("decided per language:", dict(by_lang.most_common()))
    return 0 if sum(agree.values()) == sum(decided.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
