"""Issue 12, points 1 and 2: `source` templates, `require-source`, exclusion and config discovery."""

from __future__ import annotations

import json

import pytest

from mtqa.cli import main
from mtqa.config_loading import load_config

FR = "La Turquie a promis de séparer les terroristes des rebelles. Au moins 300 militants ont été tués.\n"
EN = "Turkey promised to separate the terrorists from the rebels. At least 200 militants were killed.\n"


@pytest.fixture
def repo(tmp_path, monkeypatch):
    (tmp_path / "content" / "fr" / "world").mkdir(parents=True)
    (tmp_path / "content" / "en" / "world").mkdir(parents=True)
    (tmp_path / "content" / "fr" / "world" / "idlib.md").write_text(FR, encoding="utf-8")
    (tmp_path / "content" / "en" / "world" / "idlib.md").write_text(EN, encoding="utf-8")
    (tmp_path / "content" / "fr" / "world" / "orphan.md").write_text(FR, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def config(repo, body: str) -> None:
    (repo / "mtqa.toml").write_text(
        'lang = "fr"\nsrc-lang = "en"\nselect = ["MTQ9"]\n' + body, encoding="utf-8"
    )


def run(capsys, *argv) -> tuple[int, dict, str]:
    code = main(["check", *argv, "--format", "json", "--fail-on", "never"])
    out = capsys.readouterr()
    return code, json.loads(out.out) if out.out else {}, out.err


@pytest.mark.parametrize(
    "source",
    ["content/en", "content/en/{relpath}", "content/en/{reldir}/{name}", "content/en/{reldir}/{stem}.md"],
)
def test_source_folder_or_template_pairs_a_file_and_its_folder_alike(repo, capsys, source):
    config(repo, f'source = "{source}"\nexclude = ["content/en/"]\n')
    for target in ("content/fr/world/idlib.md", "content/fr", "content/fr/world", "."):
        code, report, _ = run(capsys, target)
        texts = [(f["path"].rsplit("/", 1)[-1], f["text"]) for f in report["findings"]]
        assert ("idlib.md", "300") in texts, (source, target)
        assert not [f for f in report["findings"] if "/en/" in f["path"]], target


def test_a_missing_source_is_a_note_or_an_error_when_required(repo, capsys):
    config(repo, 'source = "content/en/{relpath}"\n')
    code, report, _ = run(capsys, "content/fr/world/orphan.md")
    assert code == 0 and any("orphan.md: no source file" in n for n in report["notes"])
    config(repo, 'source = "content/en/{relpath}"\nrequire-source = true\n')
    code, report, err = run(capsys, "content/fr/world/orphan.md")
    assert code == 2 and "orphan.md: no source file under" in err and "require-source" in err


@pytest.mark.parametrize(
    "body, message",
    [
        ('source = "sources/{path}"', "source: unknown placeholder {path}"),
        ("require-source = 1", "require-source: expected true or false"),
        ('exclude = "x"', None),
        ("extend-exclude = [1]", "extend-exclude: expected a list of strings"),
    ],
)
def test_new_keys_are_validated(repo, body, message):
    config(repo, body + "\n")
    if message is None:
        assert load_config(start=repo).exclude == ("x",)
        return
    with pytest.raises(ValueError, match=message.replace("{", r"\{").replace("}", r"\}")):
        load_config(start=repo)


def test_force_exclude_skips_excluded_files_named_on_the_command_line(repo, capsys):
    config(repo, 'exclude = ["content/en/"]\n')
    code, report, _ = run(capsys, "content/en/world/idlib.md")
    assert report["files_checked"] == 1  # named on the command line: checked, as ruff does
    code, report, _ = run(capsys, "content/en/world/idlib.md", "--force-exclude")
    assert report["files_checked"] == 0
