"""Issue 11 shortcuts of V5: the non-word pattern's common guard, and segments numbered as they are read.

Each test runs the shortcut against the full path it replaces, on inputs built to reach every branch.
"""

from __future__ import annotations

import random

import regex

from mtqa.io.segments import read_jsonl
from mtqa.text import nonwords

# The guard is the pattern's first line; the rest is the alternation as it was before the guard.
_GUARD, _, _BRANCHES = nonwords._NONWORD._source.strip().partition("\n")
_UNGUARDED = regex.compile(_BRANCHES.strip().removesuffix(")"), nonwords._NONWORD._flags)

_SAMPLES = [
    "Voir https://www.lemonde.fr/a?b=1, ftp://x.org et www.bild.de/sport.",
    "Écrire à jean.dupont_2%x+y-z@mail-1.gouv.fr ou é@b.co, .a@b.co, -a@b.co.",
    "Suivez @mod_russia et #Ukraine2024, a@b, x#y.",
    "Gazeta.Ru, Mail.RU, Booking.Com, said.It, -x.ru, _x.de, 3.5.fr",
    "rapport_final.pdf, Node.js, _x.py, -y.json, .z.txt",
    "ASP.NET et .NET, A.BC, a.BC, 1.NET",
    "A320, COVID-19, 2G, -B2, /C3, 4x4/5, _A1, B-52/C-5",
    "a.a.a.a.a x@x@x@x ####@@@@ ...---___%%%+++",
]


def _spans(pattern, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def test_the_guard_keeps_every_non_word_span():
    assert _GUARD.startswith("(?<!")
    rng = random.Random(11)
    alphabet = "aZé1_.-/@#%+:ws.comhtp "
    texts = _SAMPLES + ["".join(rng.choice(alphabet) for _ in range(60)) for _ in range(3000)]
    found = 0
    for text in texts:
        expected = _spans(_UNGUARDED, text)
        assert _spans(nonwords._NONWORD, text) == expected, text
        found += len(expected)
    assert found > 1000  # the inputs do reach the branches


def _jsonl(tmp_path, rows: list[str]):
    path = tmp_path / "rows.jsonl"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return [d for d in read_jsonl(path) if hasattr(d, "segments")]


def test_segments_are_numbered_by_seg_idx_whatever_the_order_they_come_in(tmp_path):
    docs = _jsonl(
        tmp_path,
        [
            '{"doc_id": "a", "seg_idx": 2, "mt": "trois"}',
            '{"doc_id": "a", "seg_idx": 0, "mt": "un"}',
            '{"doc_id": "a", "seg_idx": 1, "mt": "deux"}',
            '{"mt": "seul"}',
            '{"mt": "seul aussi"}',
            '{"doc_id": "b", "seg_idx": 0, "mt": "premier"}',
            '{"doc_id": "b", "seg_idx": 1, "mt": "second"}',
        ],
    )
    assert [[(s.index, s.text) for s in d.segments] for d in docs] == [
        [(0, "un"), (1, "deux"), (2, "trois")],
        [(0, "seul")],
        [(0, "seul aussi")],
        [(0, "premier"), (1, "second")],
    ]
