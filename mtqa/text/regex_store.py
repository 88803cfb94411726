"""Regular expressions compiled once per machine, not once per run.

The `regex` module parses a pattern in pure Python: the hundred-odd patterns of a check cost about a
tenth of a second of every run's start-up, more than the checking of a short article. What that
parser produces, regex itself pickles (a compiled pattern pickles as the call to its C compiler with
the finished code, not as its source), so `compile_stored(source, flags)` keeps that pickle in the
user cache (mtqa.cache): a later run reads the pattern back in microseconds, the very object
`regex.compile(source, flags)` returns. Keyed by the regex build and Python version, so an upgraded
regex compiles again. Only regex's own constructor is ever unpickled from the store.

New patterns are written once, when the process exits (one file for all: a run compiles a hundred).
A store that cannot be read or written is no error: patterns are compiled as without it.
"""

from __future__ import annotations

import atexit
import io
import os
import pickle
import sys
import threading

import regex

_LOCK = threading.RLock()
# Patterns built from user data (glossaries) could grow the store without end: past this many
# entries, a write keeps only the patterns this process used.
MAX_ENTRIES = 4000
_Key = tuple[str, int, int]


class _RegexUnpickler(pickle.Unpickler):
    """Unpickles regex's compiled patterns and nothing else."""

    def find_class(self, module: str, name: str):
        if (module, name) == _COMPILER:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"not a compiled regex: {module}.{name}")


_COMPILER = ("regex._regex", "compile")  # what a compiled pattern pickles as: regex's C compiler


class _Store:
    def __init__(self) -> None:
        self.entries: dict[_Key, bytes] | None = None
        self.added: dict[_Key, bytes] = {}
        self.used: set[_Key] = set()

    def load(self) -> dict[_Key, bytes]:
        if self.entries is None:
            self.entries = _read()
        return self.entries

    def save(self) -> None:
        if not self.added:
            return
        merged = _read()
        merged.update(self.added)
        if len(merged) > MAX_ENTRIES:
            merged = {k: v for k, v in merged.items() if k in self.used}
        from mtqa.cache import store

        store(_NAME, merged, _depends())
        self.added.clear()


_NAME = "regex"
_STORE = _Store()


def _depends() -> tuple[object, ...]:
    # The pickled code is read by regex's C extension: its build, and the Python it runs on, key it.
    path = getattr(sys.modules.get(_COMPILER[0]), "__file__", None) or ""
    try:
        stat = os.stat(path)
        build = f"{path}:{stat.st_size}:{stat.st_mtime_ns}"
    except OSError:
        build = path
    return ("regex-store:1", sys.version, getattr(regex, "__version__", ""), build)


def _read() -> dict[_Key, bytes]:
    from mtqa.cache import load

    found = load(_NAME, _depends())
    return found if isinstance(found, dict) else {}


def _unpickled(blob: bytes, source: str) -> regex.Pattern | None:
    try:
        pattern = _RegexUnpickler(io.BytesIO(blob)).load()
    except Exception:  # a damaged entry is compiled again, never an error
        return None
    return pattern if isinstance(pattern, regex.Pattern) and pattern.pattern == source else None


def compile_stored(source: str, flags: int = 0) -> regex.Pattern:
    """`regex.compile(source, flags)`, read back from the user cache when a run compiled it before."""
    key = (source, int(flags), int(regex.DEFAULT_VERSION))
    with _LOCK:
        entries = _STORE.load()
        _STORE.used.add(key)
        blob = entries.get(key)
        if blob is not None:
            pattern = _unpickled(blob, source)
            if pattern is not None:
                return pattern
        pattern = regex.compile(source, flags)
        if pattern.flags & regex.LOCALE:
            return pattern  # depends on the locale of the run, not only on the source
        try:
            blob = pickle.dumps(pattern, protocol=4)
        except Exception:
            return pattern
        if not _STORE.added:
            atexit.register(_STORE.save)
        entries[key] = _STORE.added[key] = blob
        return pattern
