"""Regular expressions compiled on first use, not at import.

Compiling the module-level patterns of every rule costs about a tenth of a second of each run's
start-up, and a run uses only some of them (a target-only check never touches the source rules'
patterns; a short article misses most of the rare-case ones). `lazy_compile` stands in for
`regex.compile` (or `re.compile`, with `engine=re`) where a pattern is large or rarely needed:
the first attribute read compiles it and copies the compiled pattern's methods onto the stand-in,
so later calls cost what they cost on the compiled pattern itself.

A stand-in is not a Pattern: pass `.compiled` where a real one is required (isinstance checks,
`regex.sub(pattern, ...)`). A `regex` pattern is compiled through mtqa.text.regex_store, so after
the first run on a machine its compiled form is read back rather than parsed again; most
module-level patterns use `compile_stored` directly (a real Pattern, read back in microseconds).
"""

from __future__ import annotations

import threading
from types import ModuleType
from typing import Any

import regex

_BOUND = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "splititer")
_LOCK = threading.Lock()


class LazyPattern:
    """A pattern compiled by `engine.compile(source, flags, **options)` on first use."""

    def __init__(self, source: str, flags: int, engine: ModuleType, options: dict[str, Any]) -> None:
        self._source, self._flags, self._engine, self._options = source, flags, engine, options

    def __getattr__(self, name: str) -> Any:
        # Only reached for names not yet on the object: the first use (and then never for _BOUND).
        if name.startswith("_"):
            raise AttributeError(name)
        with _LOCK:
            compiled = self.__dict__.get("compiled")
            if compiled is None:
                if self._engine is regex and not self._options:
                    from mtqa.text.regex_store import compile_stored

                    compiled = compile_stored(self._source, self._flags)  # read back, not parsed again
                else:
                    compiled = self._engine.compile(self._source, self._flags, **self._options)
                for attr in _BOUND:
                    if hasattr(compiled, attr):
                        setattr(self, attr, getattr(compiled, attr))
                self.compiled = compiled
        return getattr(compiled, name)

    def __reduce__(self):  # pickled by its source, compiled again where it is used
        return (_rebuild, (self._source, self._flags, self._engine.__name__, self._options))

    def __repr__(self) -> str:
        return f"lazy_compile({self._source!r})"


def _rebuild(source: str, flags: int, engine: str, options: dict[str, Any]) -> LazyPattern:
    from importlib import import_module

    return LazyPattern(source, flags, import_module(engine), options)


def lazy_compile(source: str, flags: int = 0, *, engine: ModuleType = regex, **options: Any) -> LazyPattern:
    """`engine.compile(source, flags, **options)`, done on the pattern's first use."""
    return LazyPattern(source, flags, engine, options)
