"""French contraction and elision slips: "de des", "à le marché" (-> aux, au), "le avion", "que il".

Both rules look only at a small window and decide with tables from mtqa/data/fr/. Where French allows
the uncontracted form ("décidé de le faire": le is an object pronoun before an infinitive; "le onze";
"le héros") the tables say so, and anything uncertain is left alone: a word after "de le" that ends
like an infinitive and is not a known noun is taken as an infinitive.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from mtqa.data import table, word_list
from mtqa.model import Category, Severity
from mtqa.rules.base import Context, DataFile, Example, Hit, Rule
from mtqa.text.nonwords import NonWords

# The stdlib engine (several times faster than `regex` here); [^\W\d_] is "a letter".
_NOT_WORD_BEFORE = r"(?<![\w'’‘-])"
_NOT_WORD_AFTER = r"(?![\w'’-])"
_BLANK = r"[ \t\u00a0\u202f]+"
_NEXT = r"(?:" + _BLANK + r"(?P<next>[^\W\d_]+(?:[-‐][^\W\d_]+)*))?"
_INFINITIVE_ENDINGS = ("er", "ir", "re", "oir")
# Clitics that may sit between an object pronoun and its infinitive ("de le leur dire", "de les y mettre").
_CLITICS = frozenset({"y", "en", "lui", "leur"})


@lru_cache(maxsize=1)
def _contractions() -> dict[str, tuple[str, bool]]:
    return {row[0]: (row[1], row[2] == "yes") for row in table("fr", "contractions")}


@lru_cache(maxsize=1)
def _contraction_pattern() -> re.Pattern:
    pairs = "|".join(
        _BLANK.join(map(re.escape, p.split())) for p in sorted(_contractions(), key=len, reverse=True)
    )
    return re.compile(_NOT_WORD_BEFORE + r"(?P<pair>" + pairs + r")" + _NOT_WORD_AFTER + _NEXT, re.I)


@lru_cache(maxsize=1)
def _not_infinitives() -> frozenset[str]:
    return frozenset(word_list("fr", "not_infinitives"))


@lru_cache(maxsize=1)
def _adverbs() -> frozenset[str]:
    return frozenset(word_list("fr", "adverbs_before_infinitive"))


def _may_be_infinitive(word: str) -> bool:
    """True when `word` may start an infinitive phrase: an infinitive, a clitic or an adverb before one."""
    w = word.casefold()
    if w in _CLITICS or w in _adverbs():
        return True
    return w.endswith(_INFINITIVE_ENDINGS) and w not in _not_infinitives()


def _apostrophe(text: str) -> str:
    return "'" if text.count("'") > text.count("’") else "’"


# Any "de/à" followed by an article at all: most French paragraphs have none, and this is cheap.
_QUICK_PAIR = re.compile(r"(?:de|à|De|À)[ \u00a0\u202f\t]+(?:des|les|le|du)\b")


def check_contraction_slip(seg, ctx: Context) -> Iterator[Hit]:
    text = seg.text
    if "de " not in text and "à " not in text and "De " not in text and "À " not in text:
        return
    if not _QUICK_PAIR.search(text):
        return
    nonwords = None
    for m in _contraction_pattern().finditer(text):
        first, article = m.group("pair").split()
        if not article.islower():
            continue  # "de Le Monde", "à Les Mureaux": a name
        right, pronoun_possible = _contractions()[f"{first.lower()} {article}"]
        nxt = m.group("next")
        if pronoun_possible and (nxt is None or _may_be_infinitive(nxt)):
            continue  # "de le faire", "à les aider": an object pronoun
        if pronoun_possible:
            nonwords = nonwords or NonWords(text)
            if _not_a_word(nonwords, m, "next"):
                continue  # "de le X", "à les iOS": a label or a code tells nothing of what follows
        if first[0].isupper():
            right = right.capitalize()
        yield Hit(
            m.start("pair"),
            m.end("pair"),
            f"{m.group('pair')!r} must be contracted: {right!r}",
            suggestion=right,
        )


@lru_cache(maxsize=1)
def _elision() -> dict[str, tuple[str, frozenset[str] | None]]:
    out = {}
    for word, elided, contexts in table("fr", "elision"):
        out[word] = (elided.rstrip("’'"), None if contexts == "all" else frozenset(contexts.split()))
    return out


@lru_cache(maxsize=1)
def _elision_pattern() -> re.Pattern:
    # Only the first letter may be upper-case ("Le avion"): a case-insensitive pattern is slower.
    words = "|".join(
        f"[{w[0].upper()}{w[0]}]{re.escape(w[1:])}" for w in sorted(_elision(), key=len, reverse=True)
    )
    return re.compile(
        _NOT_WORD_BEFORE
        + r"(?P<word>"
        + words
        + r")"
        + _BLANK
        + r"(?P<next>(?i:[aeiouâàäéèêëîïôöûùüœæh])[^\W\d_]*(?:[-‐][^\W\d_]+)*)"
        + _NOT_WORD_AFTER
    )


@lru_cache(maxsize=1)
def _h_muet() -> frozenset[str]:
    return frozenset(word_list("fr", "h_muet"))


@lru_cache(maxsize=1)
def _no_elision() -> frozenset[str]:
    return frozenset(word_list("fr", "no_elision"))


_SENTENCE_START = re.compile(r"(?:^|[.!?…:«“\"(—–-]\s*|\n\s*)$")
_WORD_BEFORE = re.compile(r"(?<![\w-])([^\W\d_][\w-]*)[ \u00a0]+$")
_COUNTING = re.compile(r"[ \u00a0]+(?:à|ou)\b")


def _elision_applies(word: str, nxt: str, rest: str) -> bool:
    w, n = word.lower(), nxt.casefold()
    _, contexts = _elision()[w]
    if contexts is not None:
        return n in contexts
    if n in _no_elision():
        return False
    if n[0] == "h" and n not in _h_muet():
        return False  # aspirated or unknown h: "le héros", "de haut"
    if w in ("le", "la") and n in ("un", "une", "à", "a"):
        return False  # "le un", "à la une"; "le à" is never a real pair
    if n == "à" and w not in ("que", "jusque", "lorsque", "puisque"):
        return False
    if w == "de" and n in ("un", "une") and _COUNTING.match(rest):
        return False  # counting: "de un à trois"
    return True


def _not_a_word(nonwords: NonWords, m: re.Match, group: str) -> bool:
    """Whether the word in `group` of `m` is no word: a single letter used as a label ("de A à Z",
    "le plan B") or part of a URL, address, handle or code (mtqa.text.nonwords)."""
    a, b = m.span(group)
    if a < 0:
        return False
    return nonwords.is_single_letter(a, b) or nonwords.covers(a, b)


def check_missing_elision(seg, ctx: Context) -> Iterator[Hit]:
    text = seg.text
    apostrophe = None
    nonwords = None
    for m in _elision_pattern().finditer(text):
        word, nxt = m.group("word"), m.group("next")
        if m.start() > 0 and text[m.start() - 1] in "-‐":
            continue  # imperative or inversion: "donne-le à", "ai-je entendu"
        head = text[max(0, m.start() - 40) : m.start()]
        if word[0].isupper() and not _SENTENCE_START.search(head):
            continue  # "La Araucanía", "Le Un": part of a name
        if not _elision_applies(word, nxt, text[m.end() : m.end() + 8]):
            continue
        nonwords = nonwords or NonWords(text)
        if _not_a_word(nonwords, m, "next"):
            continue
        severity = None
        if nxt[0].isupper():
            before = _WORD_BEFORE.search(head)
            if word.lower() == "de" and before and before.group(1)[0].isupper():
                continue  # a name particle: "Manoel de Oliveira"
            severity = Severity.WARNING  # names elide too ("d’Alep"), but foreign names are less certain
        apostrophe = apostrophe or _apostrophe(text)
        elided = _elision()[word.lower()][0]
        if word[0].isupper():
            elided = elided.capitalize()
        right = f"{elided}{apostrophe}{nxt}"
        yield Hit(
            m.start("word"), m.end("next"), f"missing elision: {right!r}", suggestion=right, severity=severity
        )


RULES = (
    Rule(
        code="MTQ401",
        data_files=(
            DataFile("fr", "contractions", 3),
            DataFile("fr", "not_infinitives"),
            DataFile("fr", "adverbs_before_infinitive"),
        ),
        name="contraction-slip",
        category=Category.GRAMMAR,
        severity=Severity.ERROR,
        summary="French preposition + article left uncontracted: 'de des', 'de les', 'à les', 'de le', "
        "'à le' before a noun (des, aux, du, au).",
        why="French always contracts these pairs; MT produces them when it translates 'of the'/'to the' "
        "word by word. Before an infinitive, le/les are object pronouns and the pair is correct.",
        flagged=(
            Example("Il promet de séparer les terroristes de des rebelles.", "fr", spans=("de des",)),
            Example("Les renforts sont arrivés à le quartier de Salaheddine.", "fr", spans=("à le",)),
            Example("Le porte-parole de le ministère a démenti.", "fr", spans=("de le",)),
        ),
        passing=(
            Example("Le ministre a décidé de le faire et promet de les aider à le reconstruire.", "fr"),
            Example("Le porte-parole du ministère a démenti, selon les journalistes de Le Monde.", "fr"),
        ),
        check=check_contraction_slip,
        languages=frozenset({"fr"}),
    ),
    Rule(
        code="MTQ402",
        data_files=(
            DataFile("fr", "elision", 3),
            DataFile("fr", "h_muet"),
            DataFile("fr", "no_elision"),
        ),
        name="missing-elision",
        category=Category.GRAMMAR,
        severity=Severity.ERROR,
        summary="A French word that must elide before a vowel or mute h left whole: 'le avion', 'que il', "
        "'de un', 'la école'.",
        why="Elision is compulsory in French; a missing one is a telltale of word-by-word generation "
        "and reads as a spelling mistake.",
        flagged=(
            Example("Il a déclaré que il était prêt à négocier.", "fr", spans=("que il",)),
            Example(
                "Les habitants de Alep ont fui la école du quartier.",
                "fr",
                spans=(
                    "de Alep",
                    "la école",
                ),
            ),
        ),
        passing=(
            Example("Le héros de la bataille a reçu le onze de France à l’hôtel de ville.", "fr"),
            Example("Il l’a dit à la une du journal ; donne-le à Marie, de un à trois exemplaires.", "fr"),
        ),
        check=check_missing_elision,
        languages=frozenset({"fr"}),
    ),
)
