"""mtqa: find machine-translation artifacts in translated news, and score translations.

The library never prints: `check()` returns a Report that reporters render.
"""

from mtqa.model import Category, Document, Finding, Report, Score, Segment, Severity

__version__ = "0.1.0"


def check(inputs, rules=None, config=None) -> Report:
    """Run the rules over Documents (see mtqa.io.read_inputs) and return a Report."""
    from mtqa.engine import check as _check

    return _check(inputs, rules, config)


__all__ = ["Category", "Document", "Finding", "Report", "Score", "Segment", "Severity", "check", "__version__"]
