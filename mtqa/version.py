"""mtqa's version, in a module of its own: reports, signatures, caches and `--version` read it
without importing the package's public API (mtqa/__init__.py), which imports the engine."""

__version__ = "0.1.0"
