"""Precision on correct human-written news: the default rule set must stay quiet (nothing at warning
or above) on tests/data/clean/, French and English articles on politics, sport, the economy,
science, culture and justice, with quotations in « » and “ ”, numbers, accented and hyphenated
names, and the first person only inside quotations."""

from __future__ import annotations

import pytest

from mtqa.config import Config
from mtqa.engine import check
from mtqa.io import read_article
from mtqa.model import Severity
from tests.conftest import ROOT

CLEAN = ROOT / "tests" / "data" / "clean"
CORPORA = [pytest.param("fr_news.txt", "fr", id="fr"), pytest.param("en_news.txt", "en", id="en")]


@pytest.mark.parametrize("name, lang", CORPORA)
def test_corpus_is_big_enough_to_mean_something(name, lang):
    paragraphs = [p for p in (CLEAN / name).read_text(encoding="utf-8").split("\n\n") if p.strip()]
    assert len(paragraphs) >= 60


@pytest.mark.parametrize("name, lang", CORPORA)
@pytest.mark.parametrize("given", [True, False], ids=["lang-given", "lang-detected"])
def test_no_warning_on_clean_news(name, lang, given):
    doc = read_article(CLEAN / name, lang if given else None)
    findings = list(check([doc], config=Config(lang=lang if given else None)).findings)
    loud = [
        f"{f.line}:{f.column} {f.code} {f.rule} {f.text!r}: {f.message}"
        for f in findings
        if f.severity >= Severity.WARNING
    ]
    assert not loud, f"{len(loud)} false alarms in {name}:\n" + "\n".join(loud)


def test_markdown_markup_is_not_an_artifact(tmp_path):
    """The same clean text as Markdown (headings, emphasis, block quote, list, links) stays quiet."""
    paras = (CLEAN / "fr_news.txt").read_text(encoding="utf-8").split("\n\n")
    md = (
        "\n\n".join(
            [
                f"# {paras[0]}",
                f"*{paras[1]}*",
                *paras[2:6],
                f"> {paras[6]}",
                "- premier point de la liste ;\n- second point, avec un [lien vers le rapport]"
                "(https://www.example.org/rapport-2026).",
                f"## {paras[8]}",
                f"**{paras[9]}**",
                paras[10],
            ]
        )
        + "\n"
    )
    path = tmp_path / "article.md"
    path.write_text(md, encoding="utf-8")
    findings = list(check([read_article(path)], config=Config()).findings)
    assert [(f.line, f.code, f.text) for f in findings if f.severity >= Severity.WARNING] == []
