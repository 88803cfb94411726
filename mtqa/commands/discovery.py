"""Config discovery per checked file for `mtqa check` (as ruff: the closest config wins), the walk
that honours `exclude` / `extend-exclude` and git's ignore files (mtqa.io.exclude), and the merge of the
per-config runs."""

from __future__ import annotations

import copy
from pathlib import Path

from mtqa.config import Config
from mtqa.config_loading import config_file_for, load_config
from mtqa.model import InputProblem, Report


class ConfigFinder:
    """The config of each checked path: `--config FILE` for all, none with `--isolated`, else the
    closest `mtqa.toml` / `pyproject.toml [tool.mtqa]` above the file (not the working directory)."""

    def __init__(self, args) -> None:
        self.args = args
        self.discover = not getattr(args, "config", None) and not getattr(args, "isolated", False)
        self._files: dict[Path, Path | None] = {}
        self._configs: dict[Path | None, Config] = {}

    def key_for(self, raw: str) -> Path | None:
        """The config file that governs a command-line path (`-`: the --stdin-filename's)."""
        if not self.discover:
            return Path(self.args.config) if getattr(self.args, "config", None) else None
        if raw == "-":
            name = getattr(self.args, "stdin_filename", None)
            return config_file_for(Path(name).absolute().parent if name else Path.cwd(), self._files)
        return config_file_for(Path(raw), self._files)

    def config_for_folder(self, folder: Path) -> Config:
        """The settings that decide what a walk skips in `folder` (validated, cached per file)."""
        key = config_file_for(folder, self._files) if self.discover else self.key_for(".")
        if key not in self._configs:
            self._configs[key] = load_config(config_file=key) if key else load_config(isolated=True)
        return self._configs[key]

    def args_for(self, key: Path | None):
        """A copy of the command-line options that loads exactly `key` (None: no config file)."""
        gargs = copy.copy(self.args)
        if self.discover:
            gargs.config = str(key) if key else None
            gargs.isolated = key is None
        return gargs

    def groups(self, paths: list[str]) -> tuple[list[tuple[object, list[str]]], list[InputProblem]]:
        """The files to check grouped by their config (first-seen order), and the walk's problems."""
        from mtqa.io.discover import expand_paths
        from mtqa.io.exclude import make_filter

        excluded = make_filter(self.config_for_folder)
        files, problems = expand_paths(paths, excluded, getattr(self.args, "force_exclude", False))
        by_key: dict[Path | None, list[str]] = {}
        for f in files:
            by_key.setdefault(self.key_for(f), []).append(f)
        return [(self.args_for(key), group) for key, group in by_key.items()], problems


def merge(reports: list[Report], problems: list[InputProblem]) -> Report:
    """One report for the whole run; notes once each, in order."""
    from mtqa.signature import combined

    return Report(
        findings=tuple(f for r in reports for f in r.findings),
        scores=tuple(s for r in reports for s in r.scores),
        problems=(*problems, *(p for r in reports for p in r.problems)),
        documents=tuple(d for r in reports for d in r.documents),
        notes=tuple(dict.fromkeys(n for r in reports for n in r.notes)),
        thresholds=tuple(t for r in reports for t in r.thresholds),
        files_checked=sum(r.files_checked for r in reports),
        segments_checked=sum(r.segments_checked for r in reports),
        signature=combined([r.signature for r in reports if r.signature is not None]),
    )
