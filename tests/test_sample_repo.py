"""The sample content repository (tests/sample_repo) checked end to end through the CLI, as its CI
job would: clean today (one finding accepted by its baseline), and each new artifact fails the run
with a GitHub annotation at the artifact."""

from __future__ import annotations

import json
import shutil

import jsonschema
import pytest

from mtqa.cli import main
from tests.conftest import ROOT

SAMPLE = ROOT / "tests" / "sample_repo"
ALEP = "articles/2026-03-12-alep-convoi.fr.md"
EDITO = "articles/opinion/2026-03-15-edito-eau.fr.md"
CHECK = ["check", "articles", "--source", "sources", "--format", "github"]


@pytest.fixture
def repo(tmp_path, monkeypatch):
    root = tmp_path / "repo"
    shutil.copytree(SAMPLE, root)
    monkeypatch.chdir(root)
    return root


def edit(root, rel: str, old: str, new: str) -> tuple[int, int]:
    """Replace `old` by `new` once; return the 1-based line and column where `new` starts."""
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    start = text.index(old)
    path.write_text(text.replace(old, new), encoding="utf-8")
    return text.count("\n", 0, start) + 1, start - text.rfind("\n", 0, start)


def annotations(capsys) -> list[str]:
    return capsys.readouterr().out.splitlines()


def test_clean_repository_passes(repo, capsys):
    assert main(CHECK) == 0
    assert annotations(capsys) == []


def test_ci_job_outputs(repo, capsys):
    code = main(
        [
            *CHECK,
            "--format",
            "sarif",
            "--output",
            "reports/mtqa.sarif",
            "--format",
            "html",
            "--output",
            "reports/mtqa.html",
        ]
    )
    assert code == 0
    sarif = json.loads((repo / "reports" / "mtqa.sarif").read_text(encoding="utf-8"))
    jsonschema.validate(sarif, json.loads((ROOT / "tests/data/sarif-schema-2.1.0.json").read_text()))
    page = (repo / "reports" / "mtqa.html").read_text(encoding="utf-8")
    assert "Hayat Tahrir al-Cham" in page  # the article text is in the page


def test_new_contraction_slip_fails_with_annotation(repo, capsys):
    line, col = edit(repo, ALEP, "en raison de combats", "en raison de des combats")
    col += len("en raison ")
    assert main(CHECK) == 1
    out = annotations(capsys)
    assert len(out) == 1
    assert out[0].startswith(
        f"::error file={ALEP},line={line},endLine={line},col={col},"
        f"endColumn={col + len('de des')},title=MTQ401 "
    )


def test_unclosed_quotation_fails_with_annotation(repo, capsys):
    line, col = edit(
        repo,
        ALEP,
        "« pour des raisons uniquement humanitaires ».",
        "« pour des raisons uniquement humanitaires.",
    )
    assert main(CHECK) == 1
    out = annotations(capsys)
    assert any(
        a.startswith(
            f"::error file={ALEP},line={line},endLine={line},col={col},endColumn={col + 1},title=MTQ501 "
        )
        for a in out
    ), out


def test_glossary_variant_is_an_error_in_this_repository(repo, capsys):
    line, col = edit(repo, ALEP, "président Bachar al-Assad", "président Bashar Assad")
    col += len("président ")
    assert main(CHECK) == 1
    out = annotations(capsys)
    assert out == [
        f"::error file={ALEP},line={line},endLine={line},col={col},endColumn={col + 12},"
        "title=MTQ121 glossary-variant::'Bashar Assad' is written 'Bachar al-Assad' in the house "
        "style (suggestion: Bachar al-Assad)"
    ]


def test_baseline_survives_edits_elsewhere_but_not_a_second_occurrence(repo, capsys):
    # A paragraph added above the accepted finding (in the source too): its line moves, its key does not.
    edit(
        repo,
        "sources/opinion/2026-03-15-edito-eau.en.txt",
        "I have covered",
        "This editorial was updated on 16 March.\n\nI have covered",
    )
    edit(repo, EDITO, "Je couvre", "Cet éditorial a été mis à jour le 16 mars.\n\nJe couvre")
    assert main(CHECK) == 0
    assert annotations(capsys) == []
    # The same English slogan in another article is a new finding.
    edit(
        repo,
        "sources/2026-03-12-alep-convoi.en.txt",
        "Aid agencies say",
        "Aid workers repeat the slogan Every drop counts.\n\nAid agencies say",
    )
    edit(
        repo,
        ALEP,
        "Selon les organisations humanitaires,",
        "Les humanitaires répètent le slogan Every drop counts.\n\nSelon les organisations humanitaires,",
    )
    assert main(CHECK) == 1
    out = annotations(capsys)
    assert [a for a in out if "MTQ602" in a and f"file={ALEP}" in a], out
    assert not [a for a in out if f"file={EDITO}" in a], out


def test_write_baseline_then_check_is_clean(repo, capsys):
    edit(repo, ALEP, "président Bachar al-Assad", "président Bashar Assad")
    assert main([*CHECK, "--write-baseline", "mtqa-baseline.json"]) == 0
    assert main(CHECK) == 0
    assert annotations(capsys) == []
