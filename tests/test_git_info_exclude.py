"""A directory walk honours the repository's `.git/info/exclude` as git does: patterns relative to the
work tree's root, below every `.gitignore` in precedence, and only while `respect-gitignore` is on."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from mtqa.cli import main

DOUBLED = "Le le texte.\n"  # MTQ301 (a doubled word) flags each checked file once


@pytest.fixture
def repo(tmp_path, monkeypatch):
    root = tmp_path / "repo"
    (root / ".git" / "info").mkdir(parents=True)
    monkeypatch.chdir(root)
    return root


def write(root: Path, *rels: str) -> None:
    for rel in rels:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(DOUBLED, encoding="utf-8")


def info_exclude(root: Path, *lines: str) -> None:
    (root / ".git" / "info" / "exclude").write_text("\n".join(lines) + "\n", encoding="utf-8")


def checked(capsys, *argv: str) -> list[str]:
    """The files a `mtqa check` run read (each holds one doubled word), in report order."""
    code = main(
        ["check", *argv, "--lang", "fr", "--select", "MTQ301", "--format", "json", "--fail-on", "never"]
    )
    out = capsys.readouterr()
    assert code == 0, out.err
    report = json.loads(out.out)
    paths = [Path(f["path"]).as_posix() for f in report["findings"]]
    assert len(paths) == report["files_checked"]
    return sorted(paths)


def test_a_walk_skips_what_info_exclude_names_but_a_named_file_is_still_read(repo, capsys):
    write(repo, "keep.md", "scratch/a.md", "notes/old.md", "notes/new.md")
    info_exclude(repo, "# local to this clone", "scratch/", "old.md")
    assert checked(capsys, ".") == ["keep.md", "notes/new.md"]
    assert checked(capsys, "notes/old.md") == ["notes/old.md"]  # named: read, as with .gitignore
    assert checked(capsys, "notes/old.md", "keep.md", "--force-exclude") == ["keep.md"]


def test_a_negation_pattern_brings_a_file_back(repo, capsys):
    write(repo, "drafts/a.md", "drafts/b.md", "drafts/keep.md")
    info_exclude(repo, "drafts/*.md", "!drafts/keep.md")
    assert checked(capsys, ".") == ["drafts/keep.md"]


def test_a_gitignore_overrides_info_exclude_whichever_way(repo, capsys):
    write(repo, "a.md", "b.md", "c.md")
    info_exclude(repo, "*.md", "!b.md")
    (repo / ".gitignore").write_text("!a.md\nb.md\n", encoding="utf-8")
    assert checked(capsys, ".") == ["a.md"]


@pytest.mark.parametrize("info_folder", [True, False], ids=["empty-info-folder", "no-info-folder"])
def test_a_repository_without_info_exclude_keeps_its_gitignore(repo, capsys, info_folder):
    if not info_folder:
        shutil.rmtree(repo / ".git" / "info")
    write(repo, "a.md", "b.md")
    (repo / ".gitignore").write_text("b.md\n", encoding="utf-8")
    assert checked(capsys, ".") == ["a.md"]


def test_patterns_are_relative_to_the_repository_root_from_a_nested_folder(repo, capsys, monkeypatch):
    write(repo, "x.md", "site/x.md", "site/drafts/a.md", "site/fr/drafts/b.md", "site/fr/c.md")
    # a leading or inner slash anchors a pattern at the root (not the cwd); a bare name matches anywhere
    info_exclude(repo, "/x.md", "/site/drafts/", "fr/c.md", "b.md")
    monkeypatch.chdir(repo / "site")
    assert checked(capsys, ".") == ["fr/c.md", "x.md"]
    assert checked(capsys, "fr") == ["fr/c.md"]


def test_respect_gitignore_false_turns_info_exclude_off_too(repo, capsys):
    write(repo, "a.md", "b.md", "c.md")
    info_exclude(repo, "a.md")
    (repo / ".gitignore").write_text("b.md\n", encoding="utf-8")
    (repo / "mtqa.toml").write_text("respect-gitignore = false\n", encoding="utf-8")
    assert checked(capsys, ".") == ["a.md", "b.md", "c.md"]
    (repo / "mtqa.toml").write_text("respect-gitignore = true\n", encoding="utf-8")
    assert checked(capsys, ".") == ["c.md"]


def test_a_folder_outside_any_repository_ignores_a_stray_info_exclude(tmp_path, capsys, monkeypatch):
    (tmp_path / "git" / "info").mkdir(parents=True)  # not named .git: no repository here
    (tmp_path / "git" / "info" / "exclude").write_text("*.md\n", encoding="utf-8")
    write(tmp_path, "a.md")
    monkeypatch.chdir(tmp_path)
    assert checked(capsys, ".") == ["a.md"]


def test_a_linked_work_tree_reads_the_main_repository_info_exclude(tmp_path, capsys, monkeypatch):
    main_git = tmp_path / "main" / ".git"
    (main_git / "info").mkdir(parents=True)
    (main_git / "info" / "exclude").write_text("skip.md\n", encoding="utf-8")
    (main_git / "worktrees" / "wt").mkdir(parents=True)
    (main_git / "worktrees" / "wt" / "commondir").write_text("../..\n", encoding="utf-8")
    tree = tmp_path / "wt"
    tree.mkdir()
    (tree / ".git").write_text(f"gitdir: {main_git / 'worktrees' / 'wt'}\n", encoding="utf-8")
    write(tree, "a.md", "sub/skip.md")
    monkeypatch.chdir(tree)
    assert checked(capsys, ".") == ["a.md"]


GIT = shutil.which("git")


@pytest.mark.skipif(GIT is None, reason="git is not installed")
def test_the_walk_agrees_with_git_itself(repo, capsys):
    """git's own answer (`ls-files --others --exclude-standard`) on a mix of both files."""
    shutil.rmtree(repo / ".git")
    env = {"PATH": "", "HOME": str(repo.parent), "GIT_CONFIG_NOSYSTEM": "1"}  # no user's excludesFile
    subprocess.run([GIT, "init", "-q", str(repo)], check=True, env=env)
    rels = [
        "a.md",
        "b.md",
        "logs/x.md",
        "logs/keep.md",
        "sub/a.md",
        "sub/deep/b.md",
        "sub/deep/c.md",
        "tmp/d.md",
    ]
    write(repo, *rels)
    info_exclude(repo, "logs/*", "!logs/keep.md", "/b.md", "deep/", "tmp", "!sub/deep/c.md")
    (repo / "sub" / ".gitignore").write_text("a.md\n!deep/\ndeep/b.md\n", encoding="utf-8")
    listed = subprocess.run(
        [GIT, "ls-files", "--others", "--exclude-standard", "--", "*.md"],
        cwd=repo,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    assert checked(capsys, ".") == sorted(listed)
    assert set(listed) < set(rels)  # the patterns leave something out, or the test proves nothing
