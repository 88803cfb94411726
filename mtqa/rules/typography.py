"""Typography damage that MT pipelines and scrapers leave: quote marks where an elision apostrophe
belongs (MTQ551), sentences glued at a full stop (MTQ552), tokens a tokenizer split and nobody joined
again (MTQ553).

Each detector is one regex pass plus small look-ups, so it is linear in the text. Offsets are those
of the unmodified text. URLs, domains, file names and codes (mtqa.text.nonwords) are never read as
damage.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache

from mtqa.data import word_list
from mtqa.model import Category, Severity
from mtqa.rules.base import Context, DataFile, Example, Hit, Rule
from mtqa.text import lexicon
from mtqa.text.apostrophes import (
    BLANKS,
    EN_PRONOUNS,
    FR_ELIDING,
    SENTENCE_START,
    VOWEL_OR_H,
    apostrophe_damage,
    apostrophe_damage_spans,
    quoted_letter,
)
from mtqa.text.lazy_regex import lazy_compile
from mtqa.text.nonwords import NonWords
from mtqa.text.regex_store import compile_stored
from mtqa.text.sentences import abbreviations

__all__ = ["RULES", "apostrophe_damage_spans"]  # the latter re-exported for quotation rules

LANGUAGES = frozenset({"fr", "en"})


def _apostrophe(text: str) -> str:
    return "'" if text.count("'") > text.count("’") else "’"


# An apostrophe mangled by a wrong decoding (U+0092 is Windows-1252's ’ read as Latin-1) or left
# as an HTML entity by a scraper: "Holland\x92s", "Il &#8217; s". Any language.
_ENCODED = lazy_compile(
    r"(?<![\p{L}\p{M}])(?P<head>\p{L}[\p{L}\p{M}]*+)[ ]?"
    r"(?P<mark>[\x91\x92]|&(?:#8217|#x2019|#39|#x27|rsquo|apos);)[ ]?(?P<next>\p{L}[\p{L}\p{M}]*+)"
)


_CLITICS = frozenset("s t re ve ll d m".split())


def check_apostrophe_damage(seg, ctx: Context) -> Iterator[Hit]:
    text = seg.text
    apostrophe = None
    hits = []
    for d in apostrophe_damage(text, ctx.lang):
        apostrophe = apostrophe or _apostrophe(text)
        right = f"{d.head}{apostrophe}{d.next}"
        hits.append(Hit(d.start, d.end, f"a quote mark stands for an apostrophe: {right!r}", right))
    if "&" in text or "\x92" in text or "\x91" in text:
        for m in _ENCODED.finditer(text):
            mark = m.group("mark")
            if m.end("mark") == m.start("next") or m.group("next") in _CLITICS:
                start, end, right = m.start(), m.end(), f"{m.group('head')}’{m.group('next')}"
            else:  # "parents\x92 la", "taille &#39; configuration": the apostrophe ends a word
                start, end, right = m.start("mark"), m.end("mark"), "’"
            message = f"an apostrophe left encoded as {mark!r}: {right!r}"
            hits.append(Hit(start, end, message, suggestion=right))
    yield from sorted(hits, key=lambda h: h.start)


@cache
def _function_words(lang: str) -> frozenset[str]:
    return frozenset(w.lower() for w in word_list(lang, "function_words"))


_GLUED = compile_stored(
    r"(?<![\p{L}\p{M}\d.@/\\_-])(?P<left>\p{L}[\p{L}\p{M}\-]*\p{Ll}|\d{2,})(?P<close>[)\"”»’]?)"
    r"\.(?P<right>\p{Lu}\p{Ll}*)(?=[" + BLANKS + r"]+[\p{L}\d«“\"(])"
)


# Cheap pre-check (stdlib re): a full stop, maybe a closing mark, glued to a capital.
_QUICK_GLUED = re.compile(r"[^\W_][)\"”»’]?\.[^\W\d_]")


def check_glued_sentences(seg, ctx: Context) -> Iterator[Hit]:
    text = seg.text
    if ctx.lang not in LANGUAGES or not _QUICK_GLUED.search(text):
        return
    starters = _function_words(ctx.lang)
    nonwords = None
    for m in _GLUED.finditer(text):
        # an abbreviation glued to a capitalised word ("Dr.Smith") is spacing damage, no sentence end
        if m.group("left").lower() in abbreviations() or m.group("right").lower() not in starters:
            continue
        nonwords = nonwords or NonWords(text)
        if nonwords.covers(m.start("left"), m.end("right")):
            continue
        dot = m.end("close")
        yield Hit(
            m.start("left"),
            m.end("right"),
            "two sentences glued at a full stop: a space is missing after it",
            suggestion=f"{text[m.start('left') : dot + 1]} {m.group('right')}",
        )


_EN_AUXILIARIES = frozenset(
    "do does did is are was were has have had could would should must might need ai dare ca wo sha".split()
)
_EN_SPLIT = compile_stored(
    r"(?<![\p{L}\p{M}\d])(?P<neg>\p{L}++)[ ](?P<nt>n['’]t)(?![\p{L}\d])"
    r"|(?P<host>(?<![\p{L}\p{M}])\p{L}[\p{L}\p{M}]*+|[.\"”)])[ ](?P<clitic>['’](?:s|m|re|ve|ll|d))"
    r"(?![\p{L}\p{M}\d'’\-\"”])"
)
_SPACE_BEFORE = {
    # English: no blank before a comma or a full stop (a spaced ellipsis ". . ." is left alone);
    # French puts a no-break space before ; : ! ? » (correct) but never before a comma.
    "en": compile_stored(
        r"(?<=[\p{L}\p{M}\d)\]”\"’])(?P<blank>[ ]+)(?P<punct>,|\.(?![ ]?\.))(?=\s|$|[\"”’)])"
    ),
    "fr": compile_stored(r"(?<=[\p{L}\p{M}\d)\]»”\"’])(?P<blank>[ \u00a0\u202f]+)(?P<punct>,)(?=\s|$)"),
}
# Inside a line only ("# Budget" opening a line is a Markdown heading); not after a number ("1 # stores")
# nor before a code ("Sweatshirt # P160"), where # is a number sign.
_HANDLE_SPLIT = compile_stored(
    r"(?<!\d[ ]?)(?<=[ \t\u00a0(])(?P<sign>[@#])[ ](?P<name>\p{L}[\p{L}_]*)(?![\p{L}\d])"
)
# Not after a C1 control or an entity's ";": "Holland\x92s Inge", "&#8217; s" are MTQ551's.
_FR_SPLIT = compile_stored(
    rf"(?<![\p{{L}}\p{{M}}\d'’.\-\x80-\x9f;])(?P<head>(?i:{FR_ELIDING}))[ ]"
    rf"(?P<next>[{VOWEL_OR_H}][\p{{L}}\p{{M}}]*)(?![\p{{L}}\p{{M}}\d'’])"
    r"|(?<![\p{L}\p{M}])(?P<head2>[Aa]ujourd)[ ](?P<next2>hui)(?![\p{L}])"
    r"|(?<![\p{L}\p{M}])(?P<ilya>[Ii]l)[ ]ya(?![\p{L}\p{M}])"
)
_DIGIT_BEFORE = compile_stored(r"\d[ \u00a0]*$")


def _english_splits(text: str) -> Iterator[Hit]:
    for m in _EN_SPLIT.finditer(text):
        if m.group("neg"):
            neg = m.group("neg")
            if neg.lower() not in _EN_AUXILIARIES:
                continue
            right = f"{neg}{m.group('nt')}"  # "ca n't" -> "can't", "wo n't" -> "won't"
            yield Hit(m.start(), m.end(), f"a contraction split in two: {right!r}", suggestion=right)
        else:
            host, clitic = m.group("host"), m.group("clitic")
            if clitic[1:] in ("m", "re", "ve", "ll", "d") and host.lower() not in EN_PRONOUNS:
                continue
            right = f"{host}{clitic}"
            yield Hit(m.start(), m.end(), f"a contraction split in two: {right!r}", suggestion=right)


def _french_splits(text: str) -> Iterator[Hit]:
    apostrophe = None
    for m in _FR_SPLIT.finditer(text):
        if m.group("ilya"):
            right = f"{m.group('ilya')} y a"
            yield Hit(m.start(), m.end(), f"'y a' glued into 'ya': {right!r}", suggestion=right)
            continue
        head = m.group("head") or m.group("head2")
        if m.group("head") and not head.islower():
            if not (head[0].isupper() and head[1:] == head[1:].lower()):
                continue
            if not SENTENCE_START.search(text, max(0, m.start() - 20), m.start()):
                continue  # "le point L est", "plan D": labels
        if quoted_letter(text, m.start()):
            continue
        if head.lower() == "s" and (m.group("next") or "").lower() not in ("il", "ils"):
            continue  # a lone "s" is mostly an English possessive left behind ("Okuma s action")
        if len(head) == 1 and _DIGIT_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue  # units after a number: "5 l eau", "3 m au-dessus"
        apostrophe = apostrophe or _apostrophe(text)
        right = f"{head}{apostrophe}{m.group('next') or m.group('next2')}"
        yield Hit(m.start(), m.end(), f"an elision without its apostrophe: {right!r}", suggestion=right)


# Cheap pre-checks (stdlib re), one per pattern below: most sentences hold none of these.
_FR_HEADS = ("[ldjmnstcLDJMNSTC]", "[Qq]u", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu")
_FR_VOWELS = "aeiouyhâàäéèêëîïôöûùüœæAEIOUYHÂÀÄÉÈÊËÎÏÔÖÛÙÜŒÆ"
# A head that follows no letter, a blank, a vowel: found from the blank and vowel, looking back at
# the head (the same occurrences), so that re can skip in C to the next blank; a pattern opening on
# the head's look-behind is tried at every character, several times slower on text that has none.
_QUICK_ELISION = re.compile(
    rf" [{_FR_VOWELS}](?:" + "|".join(rf"(?<=(?<![^\W\d_]){head} .)" for head in _FR_HEADS) + ")"
)
_QUICK_FR_RUN_TOGETHER = re.compile(r"[Aa]ujourd hui|[Ii]l ya")


def _may_split_fr(text: str) -> bool:
    # the substring tests are exact pre-checks: each match of _QUICK_FR_RUN_TOGETHER holds one
    return bool(_QUICK_ELISION.search(text)) or (
        ("ujourd hui" in text or "l ya" in text) and bool(_QUICK_FR_RUN_TOGETHER.search(text))
    )


_QUICK_SPLIT: dict[str, Callable[[str], object]] = {"en": re.compile(r" ['’]").search, "fr": _may_split_fr}
_QUICK_SPACE_BEFORE = {"en": re.compile(r" [,.]"), "fr": re.compile(r"[ \u00a0\u202f],")}


def check_split_tokens(seg, ctx: Context) -> Iterator[Hit]:
    text, lang = seg.text, ctx.lang
    if lang not in LANGUAGES:
        return
    hits: list[Hit] = []
    if _QUICK_SPLIT[lang](text):
        hits.extend(_english_splits(text) if lang == "en" else _french_splits(text))
    if _QUICK_SPACE_BEFORE[lang].search(text):
        hits.extend(
            Hit(m.start(), m.end(), f"a blank before {m.group('punct')!r}", suggestion=m.group("punct"))
            for m in _SPACE_BEFORE[lang].finditer(text)
        )
    for m in _HANDLE_SPLIT.finditer(text) if ("@ " in text or "# " in text) else ():
        if m.group("name").islower() and lexicon.known(m.group("name"), lang):
            continue  # "@ noon", "# stores": a sign standing for a word, not a split handle
        right = f"{m.group('sign')}{m.group('name')}"
        kind = "handle" if m.group("sign") == "@" else "hashtag"
        hits.append(Hit(m.start(), m.end(), f"a {kind} split by a blank: {right!r}", suggestion=right))
    if not hits:
        return
    nonwords = NonWords(text)
    for hit in sorted(hits, key=lambda h: h.start):
        if not nonwords.covers(hit.start, hit.end):
            yield hit


RULES = (
    Rule(
        code="MTQ551",
        name="apostrophe-damage",
        category=Category.PUNCTUATION,
        severity=Severity.WARNING,
        summary="A quote mark where an elision apostrophe belongs: 'l \"entreprise', 'd\" argent', "
        "'qu \"il', 'aujourd\" hui', English 'don \"t', 'it\" s'; or an apostrophe left encoded "
        "('Holland\\x92s', 'it &#8217; s').",
        why="Encoders, smart-quote passes and detokenizers turn apostrophes into quote marks; the word "
        "reads as a quotation, and a pair of such marks fools quotation checks.",
        flagged=(
            Example(
                'Le directeur de l "entreprise a promis d" investir dans l" usine.',
                spans=(
                    'l "entreprise',
                    'd" investir',
                    'l" usine',
                ),
            ),
            Example("Le club des parents&#39; a ouvert.", spans=("&#39;",)),
            Example(
                'The minister said it" s too early and they don "t agree.',
                lang="en",
                spans=(
                    'it" s',
                    'don "t',
                ),
            ),
        ),
        passing=(
            Example("Le directeur de l’entreprise a parlé d’« urgence » et de « crise »."),
            Example('It emphasizes that Russia\'s "military aggression" must end.', lang="en"),
        ),
        check=check_apostrophe_damage,
        languages=LANGUAGES,
    ),
    Rule(
        code="MTQ552",
        data_files=(DataFile("*", "function_words"), DataFile("any", "abbreviations")),
        name="glued-sentences",
        category=Category.PUNCTUATION,
        severity=Severity.WARNING,
        summary="Two sentences glued at a full stop with no space: 'en Bavière.Le ministre', "
        "'he said.The'; abbreviations, initials, domains (bild.de, Gazeta.Ru), decimals and file "
        "names are left alone.",
        why="Scrapers and sentence joiners drop the space after a full stop; readers and every "
        "sentence-level tool then see one sentence.",
        flagged=(
            Example("La police a bouclé le quartier en Bavière.Le ministre a réagi.", spans=("Bavière.Le",)),
            Example(
                "The mayor resigned on Monday.The council will meet today.", lang="en", spans=("Monday.The",)
            ),
        ),
        passing=(
            Example("Selon Gazeta.Ru et bild.de, la hausse atteint 2.5 % aux U.S. en 2021."),
            Example("The U.S. and e.g. Node.js or ASP.NET users read Lenta.Ru daily.", lang="en"),
        ),
        check=check_glued_sentences,
        languages=LANGUAGES,
    ),
    Rule(
        code="MTQ553",
        data_files=(DataFile("*", "function_words"),),
        name="split-token",
        category=Category.PUNCTUATION,
        severity=Severity.WARNING,
        summary="A token a tokenizer split and nobody joined: 'Il ya', 'aujourd hui', 'lorsqu il', "
        "English 'do n't', 'I 'm', a blank before a comma (and, in English, a full stop), "
        "'@ handle', '# hashtag'.",
        why="Detokenization left behind; every such blank is visible to a reader and marks the text "
        "as unrevised machine output. French blanks before ; : ! ? » are correct and not reported.",
        flagged=(
            Example(
                "Il ya deux ans, lorsqu il est arrivé , la ville était vide.",
                spans=(
                    "Il ya",
                    "lorsqu il",
                    " ,",
                ),
            ),
            Example(
                "The company do n't know , and I 'm not sure .",
                lang="en",
                spans=(
                    "do n't",
                    " ,",
                    "I 'm",
                    " .",
                ),
            ),
        ),
        passing=(
            Example("Il y a deux ans, lorsqu’il est arrivé : « la ville était vide » !"),
            Example("The company doesn't know, and I'm not sure... Wait . . . yes.", lang="en"),
        ),
        check=check_split_tokens,
        languages=LANGUAGES,
    ),
)
