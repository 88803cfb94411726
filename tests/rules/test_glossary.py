"""House-style glossary rules MTQ121 glossary-variant and MTQ122 do-not-translate, the glossary file
formats, and `mtqa glossary suggest`."""

from __future__ import annotations

import pytest

from mtqa.cli import main
from mtqa.config import Config
from mtqa.engine import check
from mtqa.glossary import GlossaryError, load
from mtqa.io import article_from_text
from mtqa.model import Document, Segment
from mtqa.rules import BY_CODE
from tests.conftest import ROOT

STARTER = str(ROOT / "references" / "glossary.fr.tsv")
EN_GLOSSARY = """# preferred\tvariants\tkind
Bashar al-Assad\tBachar al-Assad | Bashar Assad
Volodymyr Zelensky\tVolodymyr Zelenskyy
Le Monde\tThe World\tkeep
"""


def findings(code: str, text: str, lang: str = "fr", glossary: str = STARTER):
    doc = article_from_text(text, "<test>", lang)
    config = Config(lang=lang, options={"glossary": (glossary,)})
    return [(f.text, f.suggestion) for f in check([doc], (BY_CODE[code],), config).findings]


@pytest.fixture
def en_glossary(tmp_path):
    p = tmp_path / "house.en.tsv"
    p.write_text(EN_GLOSSARY, encoding="utf-8")
    return str(p)


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param(
            "Le régime de Bashar Assad a repris Alep.", [("Bashar Assad", "Bachar al-Assad")], id="listed"
        ),
        pytest.param(
            "Les combattants de Tahrir-al-Sham sont entrés dans Idlib.",
            [("Tahrir-al-Sham", "Tahrir al-Cham")],
            id="hyphenated",
        ),
        pytest.param(
            "Le chef de Hayat Tahrir al-Sham, Abou Mohammed al-Joulani, a parlé.",
            [("Hayat Tahrir al-Sham", "Hayat Tahrir al-Cham")],
            id="longest-entry-wins",
        ),
        pytest.param(
            "Bachar el-Assad a reçu Sergei Lavrov.",
            [("Bachar el-Assad", "Bachar al-Assad"), ("Sergei Lavrov", "Sergueï Lavrov")],
            id="unlisted-transliteration-and-listed",
        ),
        pytest.param(
            "Le porte-parole d’Abu Bakr al-Baghdadi a démenti.",
            [("Abu Bakr al-Baghdadi", "Abou Bakr al-Baghdadi")],
            id="after-elision",
        ),
        pytest.param(
            "Moscou soutient le Front al-Nusra, selon Damas.",
            [("Front al-Nusra", "Front al-Nosra")],
            id="article-particle",
        ),
    ],
)
def test_variant_flagged_fr(text, expected):
    assert findings("MTQ121", text) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Le régime de Bachar al-Assad a repris Alep. Al-Assad a salué la victoire.", id="preferred"
        ),
        pytest.param(
            "Hayat Tahrir al-Cham contrôle Idlib ; Assad reste au pouvoir, dit Bachar.", id="parts-alone"
        ),
        pytest.param("La poutine est un plat québécois ; Vladimir Poutine n’en mange pas.", id="common-noun"),
        pytest.param("Oussama Ben Laden a été tué en 2011 au Pakistan.", id="case-only-difference"),
        pytest.param("Le Front populaire et le front de l’est ; Nusra est un prénom.", id="look-alikes"),
    ],
)
def test_variant_clean_fr(text):
    assert findings("MTQ121", text) == []


def test_variant_en(en_glossary):
    text = "Bachar al-Assad met Volodymyr Zelenskyy. Bashar al-Assad later left."
    assert findings("MTQ121", text, "en", en_glossary) == [
        ("Bachar al-Assad", "Bashar al-Assad"),
        ("Volodymyr Zelenskyy", "Volodymyr Zelensky"),
    ]
    assert (
        findings("MTQ121", "President Bashar al-Assad spoke to Volodymyr Zelensky.", "en", en_glossary) == []
    )


def test_glossary_of_another_language_does_not_apply(en_glossary):
    assert findings("MTQ121", "Bachar al-Assad a parlé.", "fr", en_glossary) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param(
            "Selon le Temps financiers, la banque a perdu 2 milliards.",
            [("Temps financiers", "Financial Times")],
            id="known-translation",
        ),
        pytest.param(
            "Le mouvement  Les vies noires comptent manifeste.",
            [("Les vies noires comptent", "Black Lives Matter")],
            id="spacing",
        ),
    ],
)
def test_do_not_translate_flagged(text, expected):
    assert findings("MTQ122", text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Selon le Financial Times, la banque a perdu 2 milliards.",
        "Le temps financier des marchés n’est pas celui des électeurs.",
        "Le mouvement Black Lives Matter manifeste.",
    ],
)
def test_do_not_translate_clean(text):
    assert findings("MTQ122", text) == []


def test_do_not_translate_en(en_glossary):
    assert findings("MTQ122", "According to The World, talks failed.", "en", en_glossary) == [
        ("The World", "Le Monde")
    ]
    assert findings("MTQ122", "According to Le Monde, the world watched.", "en", en_glossary) == []


def test_do_not_translate_against_the_source_segment():
    def doc(mt: str, src: str) -> Document:
        return Document("x.jsonl", (Segment(mt, 0, src=src, id="s1"),), lang="fr", kind="segments")

    config = Config(lang="fr", options={"glossary": (STARTER,)})
    rule = (BY_CODE["MTQ122"],)
    flagged = check(
        [doc("Selon le journal de Washington, Trump a menti.", "The Washington Post said Trump lied.")],
        rule,
        config,
    ).findings
    assert [(f.code, f.segment_id, f.suggestion) for f in flagged] == [("MTQ122", "s1", "Washington Post")]
    clean = check(
        [doc("Selon le Washington Post, Trump a menti.", "The Washington Post said Trump lied.")],
        rule,
        config,
    ).findings
    assert clean == ()


def test_rule_documentation_examples_with_the_starter_glossary():
    for code in ("MTQ121", "MTQ122"):
        rule = BY_CODE[code]
        for ex in rule.flagged:
            assert findings(code, ex.text, ex.lang), ex.text
        for ex in rule.passing:
            assert findings(code, ex.text, ex.lang) == [], ex.text


def test_without_a_glossary_the_rules_are_skipped_with_a_note():
    report = check([article_from_text("Bashar Assad.", "<t>", "fr")], (BY_CODE["MTQ121"],), Config(lang="fr"))
    assert report.findings == () and [n.text for n in report.notes] == [
        "1 rule skipped where there is no glossary: MTQ121"
    ]


def test_toml_glossary(tmp_path):
    p = tmp_path / "house.toml"
    p.write_text(
        'lang = "fr"\n[names]\n"Bachar al-Assad" = ["Bashar Assad"]\n[keep]\n'
        '"Financial Times" = ["Temps financiers"]\n',
        encoding="utf-8",
    )
    assert [(e.preferred, e.kind, e.lang) for e in load(str(p))] == [
        ("Bachar al-Assad", "name", "fr"),
        ("Financial Times", "keep", "fr"),
    ]
    assert findings("MTQ121", "Bashar Assad est là.", glossary=str(p)) == [
        ("Bashar Assad", "Bachar al-Assad")
    ]


@pytest.mark.parametrize(
    "name, body, message",
    [
        ("g.fr.tsv", "Bachar al-Assad\n", "g.fr.tsv:1: expected 'preferred<TAB>variant"),
        ("g.fr.tsv", "# c\nA\tB\tsometimes\n", "g.fr.tsv:2: unknown kind 'sometimes'"),
        ("g.toml", "[nams]\n", "unknown key 'nams'"),
        ("g.toml", "[names]\nA = 3\n", "names.'A': expected a list of strings"),
        ("g.csv", "A,B\n", "a glossary is a .tsv or .toml file"),
    ],
)
def test_bad_glossary_is_a_usage_error_naming_file_and_line(tmp_path, capsys, name, body, message):
    p = tmp_path / name
    p.write_text(body, encoding="utf-8")
    with pytest.raises(GlossaryError, match="."):
        load(str(p))
    article = tmp_path / "a.txt"
    article.write_text("Bashar Assad.\n", encoding="utf-8")
    assert main(["check", str(article), "--lang", "fr", "--glossary", str(p), "--isolated"]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_glossary_suggest_drafts_a_glossary_from_many_articles(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(
        "Le Front al-Nusra recule. Selon le général, al-Nusra a perdu Alep.\n", encoding="utf-8"
    )
    (tmp_path / "b.txt").write_text(
        "Les combattants d’al-Nosra et ceux d’al-Nusra.\n\nLe maire de Paris.\n", encoding="utf-8"
    )
    draft = tmp_path / "draft.fr.tsv"
    assert main(["glossary", "suggest", str(tmp_path), "--output", str(draft)]) == 0
    text = draft.read_text(encoding="utf-8")
    assert "# al-Nusra ×3, al-Nosra ×1 (in 2 documents)\nal-Nusra\tal-Nosra\tname\n" in text
    assert "Paris" not in text.split("kind\n", 1)[1]
    entries = load(str(draft))  # the draft is a valid glossary
    assert [(e.preferred, e.variants) for e in entries] == [("al-Nusra", ("al-Nosra",))]


def test_glossary_suggest_bad_input(tmp_path, capsys):
    assert main(["glossary", "suggest", str(tmp_path / "missing")]) == 2
    assert "no such file or directory" in capsys.readouterr().err
