"""Word data derived once and kept in the user's cache directory, so a run does not rebuild it.

Some rules derive sets from whole frequency lists (the foreign words that could mark English left in
a French article: about 140,000 words, seconds to build, 0.07 s to read back). `cached(name, build,
depends)` returns the value from `<cache dir>/<name>-<key>.marshal`, building and writing it when
absent. The key hashes mtqa's and wordfreq's versions and `depends` (the files and settings the value
is derived from), so a new release, a new word list or an edited data file builds a new entry.

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
from typing import TypeVar

T = TypeVar("T")


@cache
def directory() -> Path:
    configured = os.environ.get("MTQA_CACHE_DIR")
    if configured:
        return Path(configured)
    import platformdirs

    return Path(platformdirs.user_cache_dir("mtqa"))


@cache
def _versions() -> str:
    """mtqa's and wordfreq's versions, read once per process (importlib.metadata scans the path)."""
    from importlib.metadata import PackageNotFoundError, version

    import mtqa

    try:
        return f"{mtqa.__version__}|{version('wordfreq')}"
    except PackageNotFoundError:
        return mtqa.__version__


def _key(depends: Iterable[str | Path]) -> str:
    digest = hashlib.sha256(_versions().encode())
    for item in depends:
        if isinstance(item, Path):
            digest.update(item.read_bytes() if item.is_file() else b"")
        else:
            digest.update(str(item).encode())
    return digest.hexdigest()[:16]


def cached(name: str, build: Callable[[], T], depends: Iterable[str | Path] = ()) -> T:
    path = directory() / f"{name}-{_key(depends)}.marshal"
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        pass
    value = build()
    _write(path, marshal.dumps(value))
    return value


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
