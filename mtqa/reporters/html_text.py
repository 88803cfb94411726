"""Article text for the HTML report: escaped, findings marked in place, Markdown shown as text.

Findings locate characters of the file as written, so a Markdown article is not converted to HTML:
its markup characters (`# `, `**`, `_`, `[`, `](url)`, `> `) are wrapped in hidden spans and the text
they apply to gets a style class (heading, strong, emphasis, link, quote). Every character stays in
the page at its offset, so a finding on markup (a stray `*`) still shows, and nothing from the
article becomes an element of its own.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from html import escape

_ORDER = {"error": 0, "warning": 1, "info": 2}
MARKDOWN_SUFFIXES = (".md", ".markdown")

_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$", re.M)
_QUOTE = re.compile(r"^(>[ \t]?)(.*)$", re.M)
_STRONG = re.compile(r"(\*\*|__)(?=\S)([^\n]+?)(?<=\S)\1")
_EMPHASIS = re.compile(r"(?<![*\w])(\*|_)(?=[^\s*_])([^\n*_]+?)(?<=[^\s*_])\1(?![*\w])")
_LINK = re.compile(r"(!?\[)([^\]\n]+)(\]\([^)\s]*\))")

Style = tuple[int, int, str]


def _e(value) -> str:
    return escape(str(value), quote=True)


def is_markdown(path: str | None) -> bool:
    return path is not None and path.lower().endswith(MARKDOWN_SUFFIXES)


def markdown_styles(text: str) -> list[Style]:
    """(start, end, class) regions: `md-x` for markup to hide, md-h1..6/strong/em/link/quote for text."""
    styles: list[Style] = []
    for m in _HEADING.finditer(text):
        styles.append((m.start(1), m.start(2), "md-x"))
        styles.append((m.start(2), m.end(2), f"md-h{len(m.group(1))}"))
        if m.end(2) < m.end():
            styles.append((m.end(2), m.end(), "md-x"))
    for m in _QUOTE.finditer(text):
        styles.append((m.start(1), m.end(1), "md-x"))
        styles.append((m.start(2), m.end(2), "md-quote"))
    for pattern, cls in ((_STRONG, "md-strong"), (_EMPHASIS, "md-em"), (_LINK, "md-link")):
        for m in pattern.finditer(text):
            styles.append((m.start(1), m.end(1), "md-x"))
            styles.append((m.start(2), m.end(2), cls))
            styles.append((m.start(3) if m.lastindex == 3 else m.end(2), m.end(), "md-x"))
    return styles


def highlight(text: str, spans: list[tuple[int, int, int, str, str]], styles: Sequence[Style] = ()) -> str:
    """`text` escaped, with <mark> around every piece covered by findings (id, start, end, sev, title).

    Overlapping findings split the text at every boundary; a piece covered by several findings is
    one mark listing all of them, coloured by the most severe. An empty span is a caret mark.
    `styles` (from `markdown_styles`) wrap pieces in classed spans; hidden markup inside a finding
    is shown.
    """
    n = len(text)

    def clip(x: int) -> int:
        return max(0, min(n, x))

    cuts = sorted(
        {0, n, *(clip(s[1]) for s in spans), *(clip(s[2]) for s in spans)}
        | {clip(x) for s in styles for x in s[:2]}
    )
    empties = defaultdict(list)
    for span in spans:
        if span[1] >= span[2]:
            empties[clip(span[1])].append(span)
    out = []
    for a, b in zip(cuts, cuts[1:] + [n + 1], strict=True):
        if a in empties:
            out.append(_mark(empties[a], "", caret=True))
        if a >= n:
            break
        covering = [s for s in spans if s[1] <= a and b <= s[2] and s[1] < s[2]]
        piece = text[a:b]
        inner = _e(piece)
        classes = [c for s, e, c in styles if s <= a and b <= e and not (covering and c == "md-x")]
        if classes:
            inner = f'<span class="{" ".join(sorted(set(classes)))}">{inner}</span>'
        out.append(
            _mark(covering, inner, short=_short(covering), blank=_blank(covering, a, b, piece))
            if covering
            else inner
        )
    return "".join(out)


def _blank(spans, a: int, b: int, piece: str) -> bool:
    """A finding made only of blanks (a run of empty lines): drawn with a pilcrow."""
    return not piece.strip() and all(s[1] == a and s[2] == b for s in spans)


def _short(spans) -> bool:
    """A finding of one or two characters (« , X): drawn as a boxed mark so it can be seen."""
    return any(0 < s[2] - s[1] <= 2 for s in spans)


def _mark(spans, inner: str, caret: bool = False, short: bool = False, blank: bool = False) -> str:
    sev = min((s[3] for s in spans), key=_ORDER.__getitem__)
    ids = " ".join(f"f{s[0]}" for s in spans)
    title = "\n".join(s[4] for s in spans)
    cls = (
        f"f sev-{sev}"
        + (" caret" if caret else "")
        + (" short" if short else "")
        + (" blank" if blank else "")
    )
    return f'<mark class="{cls}" data-fids="{ids}" tabindex="0" title="{_e(title)}">{inner}</mark>'
