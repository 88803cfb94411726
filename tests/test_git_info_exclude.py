"""A directory walk honours the repository's `.git/info/exclude` and the user's ignore file (git's
`core.excludesFile`, by default $XDG_CONFIG_HOME/git/ignore) as git does: patterns relative to the
work tree's root, the user's file below info/exclude and both below every `.gitignore` in
precedence, and only while `respect-gitignore` is on."""

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


def untracked_by_git(repo: Path, env: dict[str, str]) -> list[str]:
    """The .md files git's own walk leaves in (`ls-files --others --exclude-standard`)."""
    return subprocess.run(
        [GIT, "ls-files", "--others", "--exclude-standard", "--", "*.md"],
        cwd=repo,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()


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
    listed = untracked_by_git(repo, env)
    assert checked(capsys, ".") == sorted(listed)
    assert set(listed) < set(rels)  # the patterns leave something out, or the test proves nothing


def user_ignore(folder: Path, *lines: str) -> Path:
    """git's default user ignore file, $XDG_CONFIG_HOME/git/ignore, under `folder`."""
    (folder / "git").mkdir(parents=True, exist_ok=True)
    (folder / "git" / "ignore").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder / "git" / "ignore"


def test_a_walk_skips_what_the_user_ignore_file_names(repo, capsys, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(repo.parent / "xdg"))
    write(repo, "a.md", "b.draft.md", "sub/c.draft.md", "private/d.md")
    user_ignore(repo.parent / "xdg", "*.draft.md", "/private/")
    assert checked(capsys, ".") == ["a.md"]
    assert checked(capsys, "b.draft.md") == ["b.draft.md"]  # named: read, as with .gitignore


def test_without_git_installed_the_default_user_ignore_file_is_still_read(repo, capsys, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(repo.parent / "xdg"))
    monkeypatch.setenv("PATH", str(repo.parent / "no-programs-here"))
    write(repo, "a.md", "b.md")
    user_ignore(repo.parent / "xdg", "b.md")
    assert checked(capsys, ".") == ["a.md"]


def test_info_exclude_and_gitignore_override_the_user_ignore_file(repo, capsys, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(repo.parent / "xdg"))
    write(repo, "a.md", "b.md", "c.md")
    user_ignore(repo.parent / "xdg", "*.md")
    info_exclude(repo, "!a.md")
    (repo / ".gitignore").write_text("!b.md\n", encoding="utf-8")
    assert checked(capsys, ".") == ["a.md", "b.md"]
    (repo / "mtqa.toml").write_text("respect-gitignore = false\n", encoding="utf-8")
    assert checked(capsys, ".") == ["a.md", "b.md", "c.md"]


@pytest.mark.skipif(GIT is None, reason="git is not installed")
def test_core_excludes_file_in_the_repository_config_is_read_through_git(repo, capsys, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(repo.parent / "xdg"))
    user_ignore(repo.parent / "xdg", "a.md")  # the default file: not read once the config names another
    elsewhere = user_ignore(repo.parent / "elsewhere", "b.md")
    (repo / ".git" / "config").write_text(f"[core]\n\texcludesFile = {elsewhere}\n", encoding="utf-8")
    (repo / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    for folder in ("objects", "refs"):
        (repo / ".git" / folder).mkdir(exist_ok=True)
    write(repo, "a.md", "b.md", "c.md")
    assert checked(capsys, ".") == ["a.md", "c.md"]


@pytest.mark.skipif(GIT is None, reason="git is not installed")
def test_the_walk_agrees_with_git_on_the_user_ignore_file(repo, capsys, monkeypatch):
    shutil.rmtree(repo / ".git")
    xdg = repo.parent / "xdg"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(xdg))
    env = {"PATH": "", "HOME": str(repo.parent), "XDG_CONFIG_HOME": str(xdg), "GIT_CONFIG_NOSYSTEM": "1"}
    subprocess.run([GIT, "init", "-q", str(repo)], check=True, env=env)
    rels = ["a.md", "b.md", "notes/c.md", "notes/d.md", "tmp/e.md"]
    write(repo, *rels)
    user_ignore(xdg, "tmp/", "notes/*", "b.md")
    info_exclude(repo, "!notes/d.md")
    listed = untracked_by_git(repo, env)
    assert checked(capsys, ".") == sorted(listed)
    assert set(listed) < set(rels)
