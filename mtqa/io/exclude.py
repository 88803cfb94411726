"""Which files a directory walk skips: `exclude` / `extend-exclude` globs of the closest config
(gitignore syntax, relative to the config file's folder) and, inside a git work tree, its `.gitignore`
files, the repository's `.git/info/exclude` and the user's own ignore file (git's `core.excludesFile`),
all matched with `pathspec` (the library black uses), imported only when a pattern is compiled: a
check of files named on the command line never pays for it."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pathspec

    from mtqa.config import Config


def compile_globs(globs: Iterable[str]) -> pathspec.GitIgnoreSpec:
    """ValueError on a pattern pathspec cannot read."""
    import pathspec

    try:
        return pathspec.GitIgnoreSpec.from_lines(list(globs))
    except (ValueError, TypeError) as exc:  # pathspec's GitWildMatchPatternError is a ValueError
        raise ValueError(str(exc)) from None


def _relative(path: Path, root: Path, is_dir: bool) -> str | None:
    try:
        rel = path.relative_to(root).as_posix()
    except ValueError:
        return None
    return rel + "/" if is_dir else rel


def _read_spec(file: Path) -> pathspec.GitIgnoreSpec | None:
    """The patterns of one ignore file; None when it is absent or unreadable."""
    if not file.is_file():
        return None
    try:
        return compile_globs(file.read_text(encoding="utf-8", errors="replace").splitlines())
    except (OSError, ValueError):
        return None  # git itself skips lines it cannot read; so does the walk


def _git_common_dir(root: Path) -> Path | None:
    """Where the repository keeps `info/exclude`: `root/.git`, or, when `.git` is a file (a linked
    work tree or a submodule: `gitdir: PATH`), that folder, or the main repository's when it names
    one in `commondir` (git keeps `info/` there for all work trees)."""
    dot_git = root / ".git"
    if dot_git.is_dir():
        return dot_git
    try:
        line = dot_git.read_text(encoding="utf-8", errors="replace").partition("\n")[0]
    except OSError:
        return None
    if not line.startswith("gitdir:"):
        return None
    git_dir = root / line[len("gitdir:") :].strip()  # an absolute path stays absolute
    try:
        common = (git_dir / "commondir").read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        return git_dir
    return git_dir / common if common else git_dir


def _excludes_file(root: Path) -> Path:
    """The user's ignore file for the work tree at `root`: git's `core.excludesFile` as git itself
    reads it (system, user and repository config, includes, `~` expanded), else git's default,
    `$XDG_CONFIG_HOME/git/ignore` (`~/.config/git/ignore`), which is also read when git is not
    installed or cannot read the configuration."""
    try:
        done = subprocess.run(
            ["git", "config", "--path", "--get", "core.excludesFile"],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
        if done.returncode == 0 and done.stdout.strip():
            return root / done.stdout.strip()  # an absolute value stays absolute
    except (OSError, subprocess.SubprocessError):
        pass
    config_home = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return Path(config_home) / "git" / "ignore"


class GitIgnore:
    """What git leaves out of a work tree, in git's order of precedence, lowest first: the user's
    ignore file (`core.excludesFile`) and the repository's `.git/info/exclude` (both with patterns
    relative to the work tree's root), then the `.gitignore` files from the root down to a path
    (deeper files decide last)."""

    def __init__(self) -> None:
        self._roots: dict[Path, Path | None] = {}
        self._specs: dict[Path, pathspec.GitIgnoreSpec | None] = {}
        self._info_excludes: dict[Path, pathspec.GitIgnoreSpec | None] = {}
        self._user_excludes: dict[Path, pathspec.GitIgnoreSpec | None] = {}

    def _git_root(self, folder: Path) -> Path | None:
        if folder not in self._roots:
            parent = folder.parent
            if (folder / ".git").exists():
                self._roots[folder] = folder
            else:
                self._roots[folder] = None if parent == folder else self._git_root(parent)
        return self._roots[folder]

    def _spec(self, folder: Path) -> pathspec.GitIgnoreSpec | None:
        if folder not in self._specs:
            self._specs[folder] = _read_spec(folder / ".gitignore")
        return self._specs[folder]

    def _info_exclude(self, root: Path) -> pathspec.GitIgnoreSpec | None:
        if root not in self._info_excludes:
            common = _git_common_dir(root)
            self._info_excludes[root] = _read_spec(common / "info" / "exclude") if common else None
        return self._info_excludes[root]

    def _user_exclude(self, root: Path) -> pathspec.GitIgnoreSpec | None:
        if root not in self._user_excludes:
            self._user_excludes[root] = _read_spec(_excludes_file(root))
        return self._user_excludes[root]

    def ignored(self, path: Path, is_dir: bool) -> bool:
        path = path.absolute()
        root = self._git_root(path.parent)
        if root is None:
            return False
        folders = [path.parent, *path.parent.parents]
        folders = folders[: folders.index(root) + 1] if root in folders else []
        verdict = False
        # the user's file, then info/exclude (both relative to the root), so any .gitignore overrides them
        levels = [(root, self._user_exclude(root)), (root, self._info_exclude(root))]
        levels += [(folder, self._spec(folder)) for folder in reversed(folders)]  # root first
        for folder, spec in levels:
            if spec is None:
                continue
            rel = _relative(path, folder, is_dir)
            if rel is None:  # not reached: folder is one of path's parents
                continue
            result = spec.check_file(rel)
            if result.include is not None:
                verdict = result.include
        return verdict


def make_filter(config_for: Callable[[Path], Config]) -> Callable[[Path, bool], bool]:
    """`excluded(path, is_dir)` for a directory walk; `config_for(folder)` gives the closest Config."""
    git = GitIgnore()
    specs: dict[tuple, pathspec.GitIgnoreSpec] = {}

    def excluded(path: Path, is_dir: bool) -> bool:
        path = path.absolute()
        config = config_for(path.parent)
        globs = (*config.exclude, *config.extend_exclude)
        root = Path(config.config_file).parent if config.config_file else Path.cwd()
        if globs:
            if globs not in specs:
                specs[globs] = compile_globs(globs)
            rel = _relative(path, root.absolute(), is_dir)
            if rel is not None and specs[globs].match_file(rel):
                return True
            if rel is None and specs[globs].match_file(path.name + ("/" if is_dir else "")):
                return True
        source = config.source
        if source and is_dir:  # the configured source folder holds no translations
            from mtqa.io.pairing import source_spec

            if path == source_spec(source, "source").base.absolute():
                return True
        return config.respect_gitignore and git.ignored(path, is_dir)

    return excluded
