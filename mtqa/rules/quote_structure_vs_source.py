"""MTQ511 quote-structure-vs-source: a quotation of the source whose counterpart in the translation
is missing, left unclosed, or pushed out of its sentence ("... décrits comme des groupes armés.
« rebelles modérés »." for "described as 'moderate rebels'.").

Quotations are read in every convention: « », “ ”, „ “, ‘ ’, straight double quotes, and straight
single quotes that open after a space and close before one (so "Moscow's" stays an apostrophe).
"""

from __future__ import annotations

from mtqa.model import Category, Severity
from mtqa.rules.base import Example, Parameter, Rule
from mtqa.rules.source_pairs import NEEDS_SOURCE, hit, pairs
from mtqa.text.quotes import scan_quotes
from mtqa.text.regex_store import compile_stored

_PAIRED = compile_stored(
    r"«[^«»]*»|“[^“”]*”|„[^„“”]*[“”]|‘[^‘’]*’(?![\p{L}])|(?<!\d)\"[^\"]*\"|「[^「」]*」|『[^『』]*』|"
    r"(?<![\p{L}\p{M}\d])'(?=\p{L})[^'\n]*?(?<=[\p{L}.,!?])'(?![\p{L}])"
)
_WORD = compile_stored(r"[\p{L}\p{M}\d]+")


def quotations(text: str) -> list[tuple[int, int]]:
    """Closed quotations (start, end), each holding at least one word."""
    return [m.span() for m in _PAIRED.finditer(text) if _WORD.search(m.group())]


def _outside_words(text: str, spans: list[tuple[int, int]]) -> int:
    last, count = 0, 0
    for a, b in spans:
        count += len(_WORD.findall(text[last:a]))
        last = b
    return count + len(_WORD.findall(text[last:]))


def _leaves_open(text: str) -> bool:
    """A quotation opened in `text` and not closed there, in any convention (「 」 too)."""
    return bool(scan_quotes(text).unclosed) or any(text.count(a) > text.count(b) for a, b in ("「」", "『』"))


def _fragment(text: str, span: tuple[int, int], max_words: int) -> bool:
    """A quoted phrase, not a quoted sentence: it starts in lower case and holds a few words. A whole
    quoted sentence standing as its own sentence is how speech reads."""
    words = _WORD.findall(text[span[0] : span[1]])
    return bool(words) and words[0][0].islower() and len(words) <= max_words


MISSING_QUOTE_MIN_WORDS = Parameter(
    "missing_quote_min_words",
    2,
    "Words the source quotes where the translation has no quotation marks, for that to be reported (info).",
)
FRAGMENT_MAX_WORDS = Parameter(
    "fragment_max_words",
    8,
    "Words of a quoted phrase (starting in lower case) standing alone after its sentence for it to be "
    "reported; a longer quotation is a quoted sentence.",
)


def _paragraph_quotes(al) -> dict[int, list[tuple[int, int]]]:
    """Closed quotations of each source paragraph: a quotation may run over several sentences."""
    return {k: quotations(text) for k, text in enumerate(al.source_segments)}


def check_quotes(view, ctx):
    al = view.alignment
    if al is None:
        return
    by_paragraph = _paragraph_quotes(al)
    never_closed: dict[int, list[int]] = {}  # in the whole document: a quotation may close rows later
    for segment, pos in view.speech.unclosed:
        never_closed.setdefault(segment, []).append(pos)
    # Source paragraphs (rows) that leave a quotation open: scanned once, and only when needed.
    left_open = (
        {k for k, text in enumerate(al.source_segments) if _leaves_open(text)} if never_closed else set()
    )
    for pair in pairs(view):
        src = pair.source_text
        touching = [
            (sent, a, b)
            for sent in pair.source
            for a, b in by_paragraph.get(sent.segment, ())
            if a < sent.end and sent.start < b
        ]
        if not touching:
            continue
        has_marks = any(
            a < s.end and s.start < b
            for s in pair.target  # a quotation may open earlier
            for a, b in view.segments[s.segment].quotes.regions
        ) or any(quotations(s.text) for s in pair.target)  # single quotes: 'off-target'

        if not has_marks:
            inside = [(max(a, sent.start), min(b, sent.end)) for sent, a, b in touching]
            seg_text = al.source_segments
            words = max(
                len(_WORD.findall(seg_text[sent.segment][a:b]))
                for (sent, _, _), (a, b) in zip(touching, inside, strict=True)
            )
            if words >= ctx.param(MISSING_QUOTE_MIN_WORDS):
                s = pair.target[0]
                yield hit(
                    s,
                    0,
                    len(s.text),
                    "the source quotes here; the translation has no quotation marks",
                    pair,
                    severity=Severity.INFO,
                )
            continue
        source_closes = not any(sent.segment in left_open for sent in pair.source)
        for s in pair.target:
            for pos in never_closed.get(s.segment, ()):
                if source_closes and s.start <= pos < s.end:
                    yield hit(
                        s,
                        pos - s.start,
                        pos - s.start + 1,
                        "quotation opened here is never closed; the source closes it",
                        pair,
                    )
            inside = quotations(s.text)
            src_quotes = quotations(src)
            stranded = (
                len(pair.target) > 1
                and inside
                and src_quotes
                and _fragment(s.text, inside[0], ctx.param(FRAGMENT_MAX_WORDS))
                and _outside_words(s.text, inside) == 0
                and all(_outside_words(src, [q]) > 0 for q in src_quotes)
            )
            if stranded:
                a, b = inside[0]
                yield hit(
                    s, a, b, "quotation stands alone after its sentence; in the source it is part of it", pair
                )


RULES = (
    Rule(
        code="MTQ511",
        name="quote-structure-vs-source",
        category=Category.PUNCTUATION,
        severity=Severity.WARNING,
        summary="A quotation of the source whose counterpart is missing, left unclosed, or moved outside "
        "its sentence in the translation.",
        why="Quotation marks attribute words to a speaker; losing or displacing them changes who said what.",
        flagged=(
            Example(
                "Des groupes décrits par Washington comme des groupes armés. « rebelles modérés ».",
                "fr",
                source="Groups described by Washington as 'moderate rebels'.",
                spans=("« rebelles modérés »",),
            ),
            Example(
                "« Au moins 200 militants ont été éliminés, a déclaré le colonel.",
                "fr",
                source='"At least 200 militants were eliminated," the colonel said.',
                spans=("«",),
            ),
        ),
        passing=(
            Example(
                "Des groupes décrits par Washington comme des « rebelles modérés ».",
                "fr",
                source="Groups described by Washington as 'moderate rebels'.",
            ),
            Example(
                'Groups described by Washington as "moderate rebels".',
                "en",
                source="Des groupes décrits par Washington comme des « rebelles modérés ».",
            ),
            Example(
                "Le porte-parole de l'armée de Moscou a parlé.",
                "fr",
                source="The spokesman of Moscow's army spoke.",
            ),
        ),
        check=check_quotes,
        parameters=(FRAGMENT_MAX_WORDS, MISSING_QUOTE_MIN_WORDS),
        scope="document",
        inputs=NEEDS_SOURCE,
        supersedes=("MTQ501", "MTQ503"),
    ),
)
