"""Scraped page debris: share widgets, navigation lines, lone glyphs, site names glued to headlines,
and runs of blank lines left where embeds were removed.

Matching normalises case and whitespace on a copy; every reported span is cut from the original line.
English and French phrase lists are both checked whatever the target language, because English
widget text left in a French article is the common case.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache

import regex

from mtqa.data import word_list
from mtqa.model import Category, Severity
from mtqa.rules.base import Context, DataFile, Example, Hit, Parameter, Rule
from mtqa.text.regex_store import compile_stored

_PHRASE_LANGS = ("en", "fr")
_LINE = re.compile(r"[^\n]+")
# What trails a widget label and carries no meaning: "Related Post:", "Lire aussi »", "Share ›".
_TRAILING = " \t\u00a0\u202f:：»›>→▶►…·|-–—.!"
_WORD = re.compile(r"[^\W_][\w'’-]*")
MAX_DEBRIS_CHARS = Parameter(
    "max_line_chars", 120, "A line longer than this many characters is article text, never a debris line."
)
_LABEL_SEPARATOR = re.compile(r"\s*[:：»›>→|\-–—]")


def _normalise(line: str) -> str:
    return " ".join(line.rstrip(_TRAILING).split()).casefold()


@cache
def _phrases(name: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """Exact lines and line prefixes (entries ending in " *") of a phrase list, all languages merged."""
    exact: set[str] = set()
    prefixes: list[str] = []
    for lang in _PHRASE_LANGS:
        for entry in word_list(lang, name):
            entry = entry.casefold()
            if entry.endswith(" *"):
                prefixes.append(entry[:-2])
            else:
                exact.add(_normalise(entry))
    return frozenset(exact), tuple(sorted(set(prefixes)))


@lru_cache(maxsize=1)
def _widget_words() -> frozenset[str]:
    return frozenset(w.casefold() for w in word_list("any", "share_widget_words"))


def _lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each line with its surrounding blanks trimmed."""
    for m in _LINE.finditer(text):
        line = m.group()
        stripped = line.strip()
        if stripped:
            a = m.start() + len(line) - len(line.lstrip())
            yield a, a + len(stripped)


def _short_lines(text: str, limit: int) -> Iterator[tuple[int, int]]:
    """The lines of at most `limit` characters; a long one-line paragraph is skipped at once."""
    if len(text) > limit and "\n" not in text:
        return
    for a, b in _lines(text):
        if b - a <= limit:
            yield a, b


def _is_debris_line(line: str, in_article: bool, max_chars: int) -> bool:
    if len(line) > max_chars:
        return False
    key = _normalise(line)
    if not key:
        return False
    exact, prefixes = _phrases("debris_phrases")
    if key in exact or (in_article and key in _phrases("debris_words")[0]):
        return True
    if key.startswith(prefixes):
        for prefix in prefixes:
            if not key.startswith(prefix):
                continue
            # "Lire aussi : <title>" or a short label ("Share on Facebook"), not a sentence that merely
            # begins with the same words ("Lire aussi la presse étrangère est devenu un réflexe.").
            rest = key[len(prefix) :]
            if rest[:1].isalnum():
                continue  # "share on" is not "shareholders"
            if _LABEL_SEPARATOR.match(rest) or (len(_WORD.findall(rest)) <= 4 and rest[-1:] not in ".?!"):
                return True
    # A strip of share buttons: "Facebook Twitter WhatsApp E-mail", nothing else on the line.
    if key.count(" ") > 10:
        return False
    tokens = _WORD.findall(key)
    return len(tokens) >= 2 and all(t in _widget_words() for t in tokens)


def check_debris_phrase(seg, ctx: Context) -> Iterator[Hit]:
    in_article = ctx.document is None or ctx.document.document.kind == "article"
    max_chars = ctx.param(MAX_DEBRIS_CHARS)
    for a, b in _short_lines(seg.text, max_chars):
        if _is_debris_line(seg.text[a:b], in_article, max_chars):
            yield Hit(
                a,
                b,
                "page debris left by the scraper (share widget or navigation text)",
                suggestion="delete the line",
            )


# A lone glyph: close buttons ("X", "×"), arrows, bullets, bars. Markdown rules and section breaks
# ("***", "* * *", "---", "—", "~~~") are typography, not debris, so dashes and those marks are left alone.
_GLYPH_LINE = re.compile(r"(?:[^\W\d_]|[^\w\s*\-=#~—–‐_]{1,3})")


def check_glyph_line(seg, ctx: Context) -> Iterator[Hit]:
    for a, b in _short_lines(seg.text, 3):
        if _GLYPH_LINE.fullmatch(seg.text, a, b):
            yield Hit(
                a,
                b,
                f"lone glyph line {seg.text[a:b]!r} (a page button or icon)",
                suggestion="delete the line",
            )


# "Headline text – militaire — RT World News": the last " — " / " | " / " - " segment of a line
# that ends without sentence punctuation, made of capitalised words and carrying an outlet cue.
_GLUED_TAIL = compile_stored(
    r"(?<=\S)(?P<sep>[ \u00a0]+[—–|·•-][ \u00a0]+|[ \u00a0]*[|][ \u00a0]*)"
    r"(?P<name>[\p{Lu}\p{N}][\p{L}\p{N}\p{M}.&'’-]*(?:[ \u00a0]+[\p{Lu}\p{N}&][\p{L}\p{N}\p{M}.&'’-]*){0,4}"
    r"|[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)$"
)
_DOMAIN = compile_stored(
    r"[\p{L}\p{N}-]+\.(?:com|net|org|info|fr|co\.uk|uk|ru|de|be|ch|ca|io|tv|news)$", regex.I
)
_MAX_HEADLINE_CHARS = 220
_SEPARATORS = "—–|·•-"
HEAD_MIN_WORDS = Parameter(
    "head_min_words",
    3,
    "Words a headline must have before the separator for its tail to count as a site name.",
)


@lru_cache(maxsize=1)
def _site_cues() -> frozenset[str]:
    return frozenset(w.casefold() for w in word_list("any", "site_name_cues"))


def _looks_like_site(name: str) -> bool:
    if _DOMAIN.search(name):
        return True
    return any(w.casefold().strip(".") in _site_cues() for w in name.split())


def check_glued_site_name(seg, ctx: Context) -> Iterator[Hit]:
    text = seg.text
    if len(text) > _MAX_HEADLINE_CHARS + 20 or not any(sep in text for sep in _SEPARATORS):
        return
    lines = list(_lines(text))
    if len(lines) != 1:
        return  # a headline is a paragraph of its own; a line inside a block is a table or a list
    head_min_words = ctx.param(HEAD_MIN_WORDS)
    for a, b in lines:
        line = seg.text[a:b]
        if b - a > _MAX_HEADLINE_CHARS or line[-1] in '.!?…:;,»”"' or line.startswith("|"):
            continue
        m = _GLUED_TAIL.search(line)
        if not m or not _looks_like_site(m.group("name")):
            continue
        if len(_WORD.findall(line[: m.start()])) < head_min_words:
            continue
        mirrored = _source_has_site_tail(seg.segment.src)
        yield Hit(
            a + m.start("name"),
            a + m.end("name"),
            f"site name {m.group('name')!r} glued to the headline"
            + (" (the source's title ends in a site name too)" if mirrored else ""),
            suggestion=f'delete "{m.group(0).strip()}"',
            severity=Severity.INFO if mirrored else None,
        )


# The tail of a source title: " - РТ на русском", "｜山形新聞", " | Le Monde" (any script, no cue list).
_SOURCE_TAIL = compile_stored(
    r"(?:[ \u00a0]+[—–|·•-][ \u00a0]+|[ \u00a0]*[|｜][ \u00a0]*)"
    r"[^\s.!?。！？]+(?:[ \u00a0]+[^\s.!?。！？]+){0,4}$"
)


def _source_has_site_tail(src: str | None) -> bool:
    """Whether the row's source title ends in a separated name too: the page title format is the
    original outlet's, kept by the translator, rather than debris the scrape added to the target."""
    if not src or "\n" in src.strip() or len(src) > _MAX_HEADLINE_CHARS:
        return False
    return bool(_SOURCE_TAIL.search(src.rstrip()))


# Three or more empty lines between two paragraphs (a blank line may hold spaces or a CR).
_BLANK_RUN = re.compile(r"\n((?:[ \t\r\f\v\u00a0]*\n){3,})(?=[ \t\r\f\v\u00a0]*\S)")


def check_blank_line_run(doc, ctx: Context) -> Iterator[Hit]:
    whole = doc.document.text
    if whole is None:  # JSONL documents have no layout to judge
        return
    segments = doc.document.segments
    k = 0
    for m in _BLANK_RUN.finditer(whole):
        start, end = m.span(1)
        while k + 1 < len(segments) and segments[k + 1].offset < end:
            k += 1
        seg = segments[k]
        count = m.group(1).count("\n")
        yield Hit(
            start - seg.offset,
            end - seg.offset,
            f"run of {count} empty lines (left by a removed embed or widget)",
            suggestion="keep one empty line between paragraphs",
            segment=k,
        )


RULES = (
    Rule(
        code="MTQ701",
        data_files=(
            DataFile("*", "debris_phrases"),
            DataFile("*", "debris_words"),
            DataFile("any", "share_widget_words"),
        ),
        name="debris-phrase",
        category=Category.BOILERPLATE,
        severity=Severity.ERROR,
        summary="A line of share-widget, navigation or cookie text scraped with the article.",
        why="Lines such as 'Related Post', 'Lien source' or 'Partager sur Facebook' are page furniture, "
        "not article text; translated or not, they must not reach readers.",
        flagged=(
            Example(
                "Le ministre a démissionné mardi.\n\nLire aussi :\n\nLe gouvernement est tombé.",
                "fr",
                spans=("Lire aussi :",),
            ),
            Example(
                "The minister resigned on Tuesday.\n\nRelated Posts\n\nThe vote is on Friday.",
                "en",
                spans=("Related Posts",),
            ),
            Example(
                "Le ministre a démissionné mardi.\n\nFacebook Twitter WhatsApp",
                "fr",
                spans=("Facebook Twitter WhatsApp",),
            ),
        ),
        passing=(
            Example("Lire aussi la presse étrangère est devenu un réflexe chez les diplomates.", "fr"),
            Example("Source : AFP", "fr"),
            Example("Shareholders will vote on the related posts at Friday's meeting.", "en"),
        ),
        check=check_debris_phrase,
        parameters=(MAX_DEBRIS_CHARS,),
    ),
    Rule(
        code="MTQ702",
        name="glyph-line",
        category=Category.BOILERPLATE,
        severity=Severity.ERROR,
        summary="A line holding only a glyph: a close button 'X', an arrow, a bullet or a bar.",
        why="Icons of buttons and menus become stray characters once the page is scraped as text.",
        flagged=(
            Example("X\n\nLes avions russes ont frappé Alep.", "fr", spans=("X",)),
            Example("The talks resumed on Monday.\n\n▶", "en", spans=("▶",)),
        ),
        passing=(
            Example("Les avions russes ont frappé Alep.\n\n* * *\n\nLa trêve a été rompue.", "fr"),
            Example("Plan X was never adopted.", "en"),
        ),
        check=check_glyph_line,
    ),
    Rule(
        code="MTQ703",
        data_files=(DataFile("any", "site_name_cues"),),
        name="glued-site-name",
        category=Category.BOILERPLATE,
        severity=Severity.WARNING,
        summary="A site or outlet name glued to the end of a headline ('… — Daily News', '… | site.com').",
        why="The page title carries the site name after a dash or bar; copied into the article it reads "
        "as part of the headline.",
        flagged=(
            Example(
                "Le Parlement adopte la réforme des retraites — France Info Actu",
                "fr",
                spans=("France Info Actu",),
            ),
            Example("Parliament passes the pension reform | example.com", "en", spans=("example.com",)),
        ),
        passing=(
            Example("Le Parlement adopte la réforme des retraites — une première depuis 2010", "fr"),
            Example("Macron meets Scholz – and Biden calls", "en"),
        ),
        check=check_glued_site_name,
        parameters=(HEAD_MIN_WORDS,),
    ),
    Rule(
        code="MTQ704",
        name="blank-line-run",
        category=Category.BOILERPLATE,
        severity=Severity.INFO,
        summary="Three or more empty lines in a row between paragraphs of an article file.",
        why="A run of empty lines is the hole left by a removed embed (tweet, video, gallery): a sign "
        "that content is missing or that the scrape needs cleaning.",
        flagged=(
            Example("Le vote a eu lieu mardi.\n\n\n\n\nLe texte passe au Sénat.", "fr", spans=("\n\n\n\n",)),
            Example(
                "The vote took place on Tuesday.\n\n\n\nThe bill goes to the Senate.", "en", spans=("\n\n\n",)
            ),
        ),
        passing=(
            Example("Le vote a eu lieu mardi.\n\nLe texte passe au Sénat.", "fr"),
            Example("The vote took place on Tuesday.\n\n\nThe bill goes to the Senate.", "en"),
        ),
        check=check_blank_line_run,
        scope="document",
    ),
)
