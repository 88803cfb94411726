"""The sample content repository (tests/sample_repo) checked end to end through the CLI, as its CI
job would: clean today (one finding accepted by its baseline), and each new artifact fails the run
with a GitHub annotation at the artifact."""

from __future__ import annotations

import json
import re
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
    # the batch page: the summary of files comes first, and each of its links reaches an article
    summary = page[page.index('<section id="summary">') : page.index('id="documents"')]
    anchors = re.findall(r'<a href="#(doc-\d+)">', summary)
    assert len(anchors) == 3  # the three articles, clean ones collapsed in a list
    assert all(f'id="{anchor}"' in page for anchor in anchors)


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
            # MTQ511 (the source closes it) supersedes MTQ501 and keeps its error severity (issue 12).
            f"::error file={ALEP},line={line},endLine={line},col={col},endColumn={col + 1},title=MTQ511 "
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


# --- Issue 12, points 1 and 2: pre-commit-style runs, discovery from elsewhere, exclusion ----------


def json_run(capsys, *argv) -> tuple[int, dict]:
    code = main(["check", *argv, "--format", "json"])
    return code, json.loads(capsys.readouterr().out)


def unpaired(report) -> list[str]:
    return [n for n in report["notes"] if "no source" in n]


def test_one_file_pairs_with_its_source_as_its_folder_does(repo, capsys):
    # `mtqa check articles/opinion/x.fr.md --source sources` once said "no source file under sources".
    for argv in (
        ["articles", "--source", "sources"],
        [EDITO, "--source", "sources"],
        ["--isolated", EDITO, "--source", "sources", "--source-pattern", "{stem}.en.txt"],
    ):
        code, report = json_run(capsys, *argv)
        assert unpaired(report) == [], argv
        assert not any("skipped where there is no source" in n for n in report["notes"]), argv


def test_pre_commit_style_single_file_runs_use_the_configured_sources(repo, capsys):
    # pre-commit passes staged files one by one, with no --source: the config's `source` pairs them.
    line, col = edit(repo, ALEP, "en raison de combats", "en raison de des combats")
    for name in (ALEP, EDITO):
        code, report = json_run(capsys, name)
        assert unpaired(report) == [], name
        assert report["files_checked"] == 1
    code, report = json_run(capsys, ALEP)
    assert code == 1 and [f["code"] for f in report["findings"]] == ["MTQ401"]


def test_stdin_with_stdin_filename_pairs_and_finds_the_config(repo, capsys, monkeypatch):
    import io
    import sys

    data = (repo / EDITO).read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    code, report = json_run(capsys, "-", "--stdin-filename", EDITO)
    assert code == 0
    assert unpaired(report) == []
    assert any("accepted by the baseline" in n for n in report["notes"])  # the repo's config was read


def test_config_is_found_from_the_checked_files_not_the_working_directory(repo, capsys, monkeypatch):
    monkeypatch.chdir(repo.parent)
    code, report = json_run(capsys, "repo/articles")
    assert code == 0  # the repo's baseline accepts its one finding, its fail-on and glossary apply
    assert any("accepted by the baseline" in n for n in report["notes"])
    assert unpaired(report) == []
    edit(repo, ALEP, "président Bachar al-Assad", "président Bashar Assad")
    code, report = json_run(capsys, "repo/articles")
    assert code == 1 and [f["code"] for f in report["findings"]] == ["MTQ121"]  # the repo's glossary


def test_checking_the_whole_repository_skips_sources_excluded_and_gitignored_files(repo, capsys):
    (repo / ".git").mkdir()
    (repo / ".gitignore").write_text("scratch/\n", encoding="utf-8")
    for folder in ("scratch", "drafts"):
        (repo / folder).mkdir()
        (repo / folder / "note.fr.md").write_text("Le le texte.\n", encoding="utf-8")
    text = (repo / "pyproject.toml").read_text(encoding="utf-8")
    (repo / "pyproject.toml").write_text(
        text.replace('fail-on = "warning"', 'fail-on = "warning"\nextend-exclude = ["drafts/"]'),
        encoding="utf-8",
    )
    code, report = json_run(capsys, ".")
    assert code == 0, report["findings"]
    assert report["files_checked"] == 3  # the three articles: not the English sources, drafts or scratch


def test_closest_config_wins(repo, capsys):
    line, col = edit(repo, EDITO, "Je couvre", "Je je couvre")
    code, report = json_run(capsys, "articles")
    assert code == 1
    (repo / "articles" / "opinion" / "mtqa.toml").write_text(
        'lang = "fr"\nsrc-lang = "en"\nsource = "../../sources/opinion"\nsource-pattern = "{stem}.en.txt"\n'
        'fail-on = "never"\n',
        encoding="utf-8",
    )
    code, report = json_run(capsys, "articles")
    assert code == 0  # the editorial's own config (fail-on never) governs it
    assert unpaired(report) == []
