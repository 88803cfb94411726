"""Which files a directory walk skips: `exclude` / `extend-exclude` globs of the closest config
(gitignore syntax, relative to the config file's folder) and `.gitignore` files inside a git work
tree, both matched with `pathspec` (the library black uses), imported only when a pattern is
compiled: a check of files named on the command line never pays for it."""

from __future__ import annotations

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


class GitIgnore:
    """`.gitignore` files from the work tree's root down to a path (deeper files decide last)."""

    def __init__(self) -> None:
        self._roots: dict[Path, Path | None] = {}
        self._specs: dict[Path, pathspec.GitIgnoreSpec | None] = {}

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
            file = folder / ".gitignore"
            spec = None
            if file.is_file():
                try:
                    lines = file.read_text(encoding="utf-8", errors="replace").splitlines()
                    spec = compile_globs(lines)
                except (OSError, ValueError):
                    spec = None  # git itself skips lines it cannot read; so does the walk
            self._specs[folder] = spec
        return self._specs[folder]

    def ignored(self, path: Path, is_dir: bool) -> bool:
        path = path.absolute()
        root = self._git_root(path.parent)
        if root is None:
            return False
        folders = [path.parent, *path.parent.parents]
        folders = folders[: folders.index(root) + 1] if root in folders else []
        verdict = False
        for folder in reversed(folders):  # the work tree's root first, the file's folder last
            spec = self._spec(folder)
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
