"""drift_clusters decides most documents from one scan of their texts joined (names._surfaces): that
scan must see every mention of every text, and the clusters must be those of the full path."""

from __future__ import annotations

import random

from mtqa.text import name_keys, names

DOCUMENTS = [
    ["Le groupe al-Nusra contrôle Idlib.", "Les combattants d'al-Nosra ont quitté Alep."],
    ["Al Jazeera a diffusé la vidéo.", "Selon Al-Jazeera, le bilan est lourd.", "Al Jazeera"],
    ["Le président Erdogan a parlé.", "Erdoğan a reçu Zelensky.", "Zelenskyy et Erdogan"],
    ["Recep Tayyip\nErdogan et el Sissi", "el-Sissi et al Nusra", "Al Nusra", "al-Nusra"],
    ["Mohamed Salah a marqué.", "Mohammed bin Salman a parlé.", "Mohamed Salah encore."],
    ["Paris et la Syrie.", "Un Parisien en Syrien.", "", "sans nom"],
]


def _random_documents(n: int) -> list[list[str]]:
    """Documents dense in capitals, particles, blanks, line breaks and hyphens."""
    rng = random.Random(101)
    pieces = [
        "Al",
        "al",
        "El",
        "el",
        " ",
        " ",
        "-",
        "\n",
        "Nusra",
        "Nosra",
        "Jazeera",
        "Sissi",
        "x",
        "'",
        "3",
    ]
    return [
        ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 10))) for _ in range(rng.randint(1, 4))]
        for _ in range(n)
    ]


def test_the_joined_scan_sees_every_mention():
    for texts in DOCUMENTS + _random_documents(500):
        found = names._surfaces(texts)
        assert {m.text for k, t in enumerate(texts) for m in names.mentions(t, k)} <= found, texts


def _clusters(texts):
    return [
        (c.key, [(m.text, m.source, m.start, m.end) for m in c.mentions]) for c in names.drift_clusters(texts)
    ]


def test_clusters_match_the_full_path(monkeypatch):
    for texts in DOCUMENTS + _random_documents(300):
        shortcut = _clusters(texts)
        every_key = {
            name_keys.translit_key(m.text) for k, t in enumerate(texts) for m in names.mentions(t, k)
        }
        with monkeypatch.context() as patch:
            patch.setattr(names, "_contested_keys", lambda _surfaces, keys=every_key: keys)  # none ruled out
            assert shortcut == _clusters(texts), texts


def test_the_documents_hold_drift():
    # the comparison above must see documents with clusters, not only empty answers
    assert sum(bool(_clusters(texts)) for texts in DOCUMENTS) >= 3
