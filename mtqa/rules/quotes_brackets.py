"""Quotation marks and brackets that do not pair up, and quoted fragments stranded after a sentence.

Pairing is judged per paragraph, with the conventions that let a mark legitimately stay open:
a quotation running over several paragraphs reopens each new paragraph with an opening mark (French
and English convention), and in JSONL documents a sentence-per-row segmentation may open a quotation
in one row and close it in a later one.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from functools import cache

import regex

from mtqa.model import Category, Severity
from mtqa.rules.base import Context, Example, Hit, Parameter, Rule
from mtqa.text.quotes import BRACKETS, PAIRS, ascii_bracket, scan_brackets, scan_quotes
from mtqa.text.regex_store import compile_stored

# A guillemet right after a number is usually an inch mark that the translation turned into a quote.
_AFTER_NUMBER = compile_stored(r"[\d¼½¾][ \u00a0\u202f]?$")


def _unclosed_quote_hits(doc) -> Iterator[Hit]:
    """Marks that pair with nothing in the whole document (mtqa.text.speech pairs them across rows and
    paragraphs, nested, by position for straight quotes)."""
    speech = doc.speech
    rows = doc.document.kind == "segments"
    where = "in its document" if rows else "in its paragraph"
    for i, pos in speech.unclosed:
        text = doc.segments[i].text
        mark = text[pos]
        yield Hit(
            pos,
            pos + 1,
            f"{mark} opens a quotation that is never closed {where}",
            suggestion=f"close the quotation with {PAIRS.get(mark, mark)} where it ends",
            segment=i,
        )
    for i, pos in speech.stray:
        text = doc.segments[i].text
        if _AFTER_NUMBER.search(text, max(0, pos - 2), pos):
            message = f'unpaired {text[pos]} after a number: an inch mark (") turned into a quotation mark?'
            yield Hit(pos, pos + 1, message, segment=i, severity=Severity.WARNING)
        else:
            # Scraped sources often lose the opening mark of a quotation that began in an earlier
            # paragraph, and professional translations keep the closing one: worth a look, no more.
            message = f"closing {text[pos]} with no opening mark (the opening one may be lost upstream)"
            yield Hit(pos, pos + 1, message, segment=i, severity=Severity.INFO)


def check_mixed_quotes(doc, ctx: Context) -> Iterator[Hit]:
    """A quotation opened in one style and closed in another ("…», «…”): one finding for the pair."""
    for seg_open, at, seg_close, close in doc.speech.mixed:
        opener = doc.segments[seg_open].text[at]
        closer = doc.segments[seg_close].text[close]
        style = "« … »" if "«" in (opener, closer) or ctx.lang == "fr" else "“ … ”"
        message = f"quotation opened with {opener} and closed with {closer}: two quotation styles"
        # Straight and curly double quotes are one style typed two ways (keyboards, editors): a seam
        # worth tidying. Guillemets against English marks are two typographic systems.
        severity = Severity.INFO if {opener, closer} <= _ENGLISH_DOUBLE else Severity.WARNING
        suggestion = f"use one style: {style}"
        if seg_open == seg_close:
            yield Hit(at, close + 1, message, suggestion=suggestion, segment=seg_open, severity=severity)
        else:
            yield Hit(close, close + 1, message, suggestion=suggestion, segment=seg_close, severity=severity)


_ENGLISH_DOUBLE = frozenset('"“”')


# List markers "a)", "1)", "iv)" and emoticons ":)" close nothing.
_LIST_MARKER = re.compile(r"(?:^|(?<=\s))(?:[^\W\d_]|\d{1,3}|[ivxIVX]{1,4})\)")
_EMOTICON = re.compile(r"[:;=][-']?[()\[\]]|[()\[\]][-']?[:;=]")


def _unclosed_bracket_hits(doc) -> Iterator[Hit]:
    carried = doc.document.kind == "segments"  # an aside may span sentence-per-row segments
    pending: list[tuple[int, int, str]] = []
    for i, view in enumerate(doc.segments):
        text = view.text
        if not carried:
            yield from _report_brackets(pending)
            pending = []
        if not _ANY_BRACKET.search(text):
            continue
        unclosed, stray = scan_brackets(text)
        if not unclosed and not stray:
            continue
        ignored = {m.end() - 1 for m in _LIST_MARKER.finditer(text)}
        ignored |= {m.start() + k for m in _EMOTICON.finditer(text) for k in range(m.end() - m.start())}
        for pos in stray:
            if pos in ignored:
                continue
            if pending and BRACKETS[pending[-1][2]] == ascii_bracket(text[pos]):
                pending.pop()
                continue
            yield Hit(
                pos,
                pos + 1,
                f"closing {text[pos]} with no opening bracket",
                segment=i,
                severity=Severity.WARNING,
            )
        pending.extend((i, p, ascii_bracket(text[p])) for p in unclosed if p not in ignored)
    yield from _report_brackets(pending)


_ANY_BRACKET = re.compile(r"[()\[\]（）［］]")


def _report_brackets(pending) -> Iterator[Hit]:
    for seg, pos, mark in pending:
        yield Hit(
            pos,
            pos + 1,
            f"{mark} is never closed in its paragraph",
            suggestion=f"add the closing {BRACKETS[mark]}",
            segment=seg,
        )


def _source_quotes_unbalanced(src: str) -> bool:
    scan = scan_quotes(src)
    return bool(scan.unclosed or scan.stray_closers or scan.mixed)


def _source_brackets_unbalanced(src: str) -> bool:
    unclosed, stray = scan_brackets(src)
    return bool(unclosed or stray)


def _unless_mirrored(doc, hits: Iterator[Hit], unbalanced) -> Iterator[Hit]:
    """A mark the source leaves unpaired too (a truncated or scraped source) is reported as info: the
    translation is faithful, the text still needs a look."""
    for hit in hits:
        src = doc.segments[hit.segment].segment.src
        if src and unbalanced(src):
            hit = dataclasses.replace(
                hit, severity=Severity.INFO, message=hit.message + " (so does the source)"
            )
        yield hit


def check_unclosed_quote(doc, ctx: Context) -> Iterator[Hit]:
    return _unless_mirrored(doc, _unclosed_quote_hits(doc), _source_quotes_unbalanced)


def check_unclosed_bracket(doc, ctx: Context) -> Iterator[Hit]:
    return _unless_mirrored(doc, _unclosed_bracket_hits(doc), _source_brackets_unbalanced)


STRANDED_MAX_CHARS = Parameter(
    "stranded_max_chars",
    80,
    "Characters after the first letter of the longest quoted fragment read as stranded (a longer "
    "quotation standing alone is a sentence of its own).",
)


@cache
def _stranded(max_chars: int) -> regex.Pattern:
    """A "sentence" that is nothing but a quoted lower-case fragment: « rebelles modérés ». after a
    full stop."""
    return compile_stored(
        r"(?P<quote>[«“\"„][ \u00a0\u202f]*\p{Ll}[^«»“”\"\n.!?]{0,"
        + str(max_chars)
        + r"}?[ \u00a0\u202f]*[»”\"“])[ \u00a0\u202f]*[.!?…]?"
    )


_ENDS_SENTENCE = compile_stored(r"[.!?…][»”\"')\]]*$")


# Cheap pre-check: a sentence end, then an opening mark and a lower-case letter.
_QUICK_STRANDED = re.compile(r"[.!?…][»”\"')\]]*\s+[«“\"„][ \u00a0\u202f]*[a-zà-öø-ÿœæ]")


def check_stranded_quote(seg, ctx: Context) -> Iterator[Hit]:
    text = seg.text
    if not _QUICK_STRANDED.search(text):
        return
    sentences, stranded = seg.sentences, _stranded(ctx.param(STRANDED_MAX_CHARS))
    for (pa, pb), (a, b) in zip(sentences, sentences[1:], strict=False):
        m = stranded.fullmatch(text, a, b)
        if m and _ENDS_SENTENCE.search(text, pa, pb):
            yield Hit(
                m.start("quote"),
                m.end("quote"),
                "quoted fragment stranded after the end of its sentence",
                suggestion="move the quoted words back into the sentence they qualify",
            )


RULES = (
    Rule(
        code="MTQ501",
        name="unclosed-quote",
        category=Category.PUNCTUATION,
        severity=Severity.ERROR,
        summary='A quotation mark (« “ ") opened and never closed in its paragraph, or a closing mark '
        "with no opening one.",
        why="Readers cannot tell where the quoted words stop: attribution and narration blur together. "
        "MT drops or misplaces closing marks, especially around long quotes.",
        flagged=(
            Example(
                "« Nous avons frappé des positions des terroristes, a déclaré le colonel.", "fr", spans=("«",)
            ),
            Example("“We struck terrorist positions, the colonel said.", "en", spans=("“",)),
        ),
        passing=(
            Example("« Nous avons frappé des positions, a-t-il dit.\n\n« La trêve est rompue. »", "fr"),
            Example("The colonel said the army had “struck terrorist positions” on Friday.", "en"),
        ),
        check=check_unclosed_quote,
        scope="document",
    ),
    Rule(
        code="MTQ504",
        name="mixed-quote-style",
        category=Category.PUNCTUATION,
        severity=Severity.WARNING,
        summary='A quotation opened with one kind of mark and closed with another ("… », « … ”).',
        why="Mixed marks are what MT and copy-paste leave when a quotation is rebuilt piecewise; "
        "a house style uses one pair, and readers see the seam.",
        flagged=(
            Example(
                'Le ministre a parlé de "frappes ciblées » contre les dépôts.',
                "fr",
                spans=('"frappes ciblées »',),
            ),
            Example(
                "The minister spoke of «targeted strikes” on the depots.", "en", spans=("«targeted strikes”",)
            ),
        ),
        passing=(
            Example("Le ministre a parlé de « frappes ciblées » contre les dépôts.", "fr"),
            Example('Il a cité le « rapport "Alpha" » de l\'armée.', "fr"),
        ),
        check=check_mixed_quotes,
        scope="document",
    ),
    Rule(
        code="MTQ502",
        name="unclosed-bracket",
        category=Category.PUNCTUATION,
        severity=Severity.ERROR,
        summary="A parenthesis or square bracket opened and never closed in its paragraph, or a closing "
        "one with no opening one.",
        why="An unbalanced bracket leaves an aside without end: part of the sentence was dropped or "
        "moved by the translation.",
        flagged=(
            Example("L’État islamique (EI, anciennement ISIS a revendiqué l’attaque.", "fr", spans=("(",)),
            Example("The Islamic State (IS, formerly ISIS claimed the attack.", "en", spans=("(",)),
        ),
        passing=(
            Example("L’État islamique (EI, anciennement ISIS) a revendiqué l’attaque.", "fr"),
            Example("Two options: a) resign, b) call an election.", "en"),
        ),
        check=check_unclosed_bracket,
        scope="document",
    ),
    Rule(
        code="MTQ503",
        name="stranded-quote",
        category=Category.PUNCTUATION,
        severity=Severity.WARNING,
        summary="A quoted lower-case fragment standing alone after the full stop of the sentence it "
        "belongs to.",
        why="MT sometimes moves a scare-quoted phrase out of its clause ('… as armed groups. « moderate "
        "rebels ».'): the sentence loses its meaning and the fragment dangles.",
        flagged=(
            Example(
                "Washington les décrit comme des groupes armés. « rebelles modérés ».",
                "fr",
                spans=("« rebelles modérés »",),
            ),
            Example(
                "Washington describes them as armed groups. “moderate rebels”.",
                "en",
                spans=("“moderate rebels”",),
            ),
        ),
        passing=(
            Example(
                "Washington les décrit comme des « rebelles modérés ». « Ce sont des "
                "terroristes », répond Moscou.",
                "fr",
            ),
            Example("Washington calls them “moderate rebels”. “Nonsense,” Moscow replied.", "en"),
        ),
        check=check_stranded_quote,
        parameters=(STRANDED_MAX_CHARS,),
    ),
)
