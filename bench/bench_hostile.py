"""Adversarial sizes through the real command line: time and peak memory of `mtqa check` per input.

    python bench/bench_hostile.py [--scale 0.1] [--only loop,word]

Each input is written to a temporary folder and checked by a fresh `mtqa check --lang fr` process, so
the peak memory (the child's maximum resident set) is that input's alone and includes start-up.
Inputs (issue 10): a decoder loop (one sentence 10,000 times in a paragraph), a 1 MB word, 1 MB of
whitespace inside a paragraph and as a line of its own, 1 MB of varied prose in one paragraph (the
word, the whitespace and the prose just under the 1,000,000 characters a segment may hold), a 50 MB
line (over it: refused at once with one line, exit 2), and 200,000 one-line paragraphs against
2,000 (the cost per paragraph must stay the same: linear; the start-up time is subtracted).
`--scale` shrinks every size for a quick look. Timing lives here, not in the tests (they check
behaviour, with a hang timeout only).
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SENTENCE = "Le président a parlé hier soir. "
WORDS = (
    "le la les un une des de du et à en pour sur dans avec par ministre gouvernement ville pays "
    "président guerre accord armée rebelles frontière réunion élection semaine jeudi annoncé déclaré "
    "affirmé selon après avant contre entre pendant Syrie Turquie Moscou Paris Alep Erdogan Poutine"
).split()


def _prose(n_chars: int, seed: int = 1) -> str:
    """Varied French-looking sentences (no newline), about n_chars long."""
    rnd = random.Random(seed)
    out, size = [], 0
    while size < n_chars:
        words = [rnd.choice(WORDS) for _ in range(rnd.randint(6, 18))]
        sentence = " ".join(words).capitalize() + ". "
        out.append(sentence)
        size += len(sentence)
    return "".join(out)


def _paragraphs(n: int) -> str:
    rnd = random.Random(2)
    return "\n\n".join(
        " ".join(rnd.choice(WORDS) for _ in range(12)).capitalize() + f" {i}." for i in range(n)
    )


def cases(scale: float):
    """(name, a function making the file content, paragraphs) per input. The content is made one input
    at a time and dropped before the run: the child process inherits the parent's resident memory at
    fork, so a parent holding every input would inflate every peak measured."""
    mb = max(1, int(1_000_000 * scale))
    fit = mb - 40  # a paragraph just under the 1,000,000 characters a segment may hold
    few, many = max(10, int(2_000 * scale)), max(1000, int(200_000 * scale))
    return [
        ("loop", lambda: "Il a dit. " + SENTENCE * max(10, int(10_000 * scale)) + "\n", 1),
        ("word", lambda: "Un mot " + "ab" * (fit // 2) + "é ici.\n", 1),
        ("spaces-inside", lambda: "Début de phrase" + " " * fit + "fin de phrase.\n", 1),
        ("spaces-line", lambda: "Premier paragraphe.\n" + " " * mb + "\nSecond paragraphe.\n", 2),
        ("prose-1MB", lambda: _prose(fit)[:fit] + "\n", 1),
        ("line-50MB", lambda: _prose(int(50 * mb)) + "\n", 1),  # over the limit: refused, exit 2
        ("paragraphs-2k", lambda: _paragraphs(few), few),
        ("paragraphs-20k", lambda: _paragraphs(few * 10), few * 10),
        ("paragraphs-200k", lambda: _paragraphs(many), many),
    ]


def run_one(path: Path) -> tuple[float, float, int]:
    """(seconds, peak resident MB, exit code) of one `mtqa check` process."""
    cmd = [sys.executable, "-m", "mtqa", "check", "--isolated", "--lang", "fr", "--exit-zero", str(path)]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    proc.stderr.close()
    return seconds, usage.ru_maxrss / 1024, proc.returncode  # ru_maxrss is in KiB on Linux


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scale", type=float, default=1.0, help="multiply every size (0.1 for a quick look)")
    ap.add_argument("--only", default="", help="comma-separated case names")
    args = ap.parse_args(argv)
    only = {c for c in args.only.split(",") if c}
    print(f"{'input':<18}{'size MB':>9}{'seconds':>9}{'peak MB':>9}{'us/para':>9}  exit")
    per_para = {}
    with tempfile.TemporaryDirectory() as tmp:
        tiny = Path(tmp, "startup.txt")  # start-up with the same word lists loaded as the inputs
        tiny.write_text(_paragraphs(10), encoding="utf-8")
        startup, peak, _ = run_one(tiny)
        print(f"{'start-up':<18}{0:>9.1f}{startup:>9.2f}{peak:>9.0f}")
        for name, make, paragraphs in cases(args.scale):
            if only and name not in only:
                continue
            path = Path(tmp, f"{name}.txt")
            path.write_text(make(), encoding="utf-8")
            seconds, peak, code = run_one(path)
            per_para[name] = max(0.0, seconds - startup) / paragraphs * 1e6
            size = path.stat().st_size / 1e6
            print(f"{name:<18}{size:>9.1f}{seconds:>9.2f}{peak:>9.0f}{per_para[name]:>9.0f}  {code}")
            path.unlink()
    for small in ("paragraphs-2k", "paragraphs-20k"):
        if {small, "paragraphs-200k"} <= per_para.keys():
            ratio = per_para["paragraphs-200k"] / per_para[small]
            print(f"cost per paragraph (start-up subtracted), 200k over {small[11:]}: {ratio:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
