"""Word data derived once and kept in the user's cache directory, so a run does not rebuild it.

Some rules derive sets from whole frequency lists (the foreign words that could mark English left in
a French article: about 140,000 words, seconds to build, 0.07 s to read back). `cached(name, build,
depends)` returns the value from `<cache dir>/<name>-<key>.marshal`, building and writing it when
absent. The key hashes mtqa's version, wordfreq's data files (names and sizes) and `depends` (the
files and settings the value is derived from), so a new release, a new word list or an edited data
file builds a new entry. Large word tables are stored as mtqa.text.word_table's encoded form.

The directory is `$MTQA_CACHE_DIR`, else platformdirs' user cache directory for "mtqa". A cache that
cannot be read or written is no error: the value is built in memory, as without a cache. Values are
plain data (lists, dicts, strings, numbers) written with `marshal`: fast to load, and a file that
does not parse is rebuilt.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import tempfile
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

# what marshal writes: the plain data (tuples, lists, dicts, strings, numbers) of the docstring
T = TypeVar("T", bound="tuple[Any, ...] | list[Any] | dict[Any, Any] | str | int | float")


@cache
def directory() -> Path:
    configured = os.environ.get("MTQA_CACHE_DIR")
    if configured:
        return Path(configured)
    import platformdirs

    return Path(platformdirs.user_cache_dir("mtqa"))


@cache
def installed_version(distribution: str) -> str | None:
    """The installed version of `distribution` (a pip name), None when it is not installed.

    Read from the name of its `.dist-info` folder on sys.path, as pip writes it: importing
    importlib.metadata and scanning every distribution costs tens of milliseconds, a fair share of
    a whole check. Falls back to importlib.metadata where no such folder is found (zip imports, eggs).
    """
    import re
    import sys

    wanted = re.sub(r"[-_.]+", "_", distribution).lower()
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in names:
            if name.endswith(".dist-info") and "-" in name:
                project, _, version = name[: -len(".dist-info")].rpartition("-")
                if re.sub(r"[-_.]+", "_", project).lower() == wanted:
                    return version
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as metadata_version

    try:
        return metadata_version(distribution)
    except PackageNotFoundError:
        return None


@cache
def _versions() -> str:
    """mtqa's version and what identifies the installed wordfreq: the names and sizes of its data
    files (importlib.metadata would scan every installed distribution, a tenth of a second)."""
    from importlib.util import find_spec

    from mtqa.version import __version__

    parts = [__version__]
    spec = find_spec("wordfreq")
    if spec is not None and spec.origin:
        data = Path(spec.origin).parent / "data"
        try:
            parts += sorted(f"{e.name}:{e.stat().st_size}" for e in os.scandir(data))
        except OSError:
            pass
    return "|".join(parts)


def _key(depends: Iterable[object]) -> str:
    # a Path counts by its contents, anything else (a setting, a word list's name) by its str()
    digest = hashlib.sha256(_versions().encode())
    for item in depends:
        if isinstance(item, Path):
            digest.update(item.read_bytes() if item.is_file() else b"")
        else:
            digest.update(str(item).encode())
    return digest.hexdigest()[:16]


def cached(name: str, build: Callable[[], T], depends: Iterable[object] = ()) -> T:
    depends = tuple(depends)
    found = load(name, depends)
    if found is not None:
        return found
    value = build()
    store(name, value, depends)
    return value


def _path(name: str, depends: Iterable[object]) -> Path:
    return directory() / f"{name}-{_key(depends)}.marshal"


def load(name: str, depends: Iterable[object] = ()) -> Any:
    """The value stored under `name` and `depends`, None when there is none (or it does not parse)."""
    try:
        return marshal.loads(_path(name, depends).read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None


def store(name: str, value: Any, depends: Iterable[object] = ()) -> None:
    """Write `value` (plain data) under `name` and `depends`; nothing where the cache is not writable."""
    _write(_path(name, depends), marshal.dumps(value))


def _write(path: Path, data: bytes) -> None:
    """Atomically (a reader never sees half a file); silently nothing where the cache is not writable."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        pass
