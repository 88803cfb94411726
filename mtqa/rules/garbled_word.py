"""Garbled words: tokens that are no word of the language and no name (MTQ801).

Precision first. A lexicon alone is not enough: wordfreq misses many correct technical compounds
("antibuée", "pulsomètre"), so an unknown word is only reported when its shape shows the damage:
letters of two scripts mixed in one word, a letter tripled, no vowel at all, or two common words
glued together ("puissancela", "withlink").
"""

from __future__ import annotations

import bisect
from functools import cache, lru_cache

import regex

from mtqa.data import word_list
from mtqa.model import Category, Severity
from mtqa.rules.base import Context, DataFile, Example, Hit, Parameter, Rule
from mtqa.rules.context_settings import PerContext
from mtqa.text import lexicon
from mtqa.text.nonwords import NonWords
from mtqa.text.regex_store import compile_stored
from mtqa.text.words import WORD

LANGUAGES = frozenset({"fr", "en"})
_OTHER = {"fr": "en", "en": "fr"}
MIN_LEN = Parameter("min_len", 4, "Letters of the shortest word judged.")
GLUE_PART_ZIPF = Parameter(
    "glue_part_zipf", 3.0, "Zipf frequency both parts of a glued word must reach (common words)."
)
GLUE_ANCHOR_ZIPF = Parameter(
    "glue_anchor_zipf",
    6.0,
    "Zipf frequency one part of a glued word must reach (a function word: la, with, is, no).",
)
GLUE_CONTENT_LEN = Parameter("glue_content_len", 4, "Letters of the other (content) part of a glued word.")
_PARAMETERS = (MIN_LEN, GLUE_PART_ZIPF, GLUE_ANCHOR_ZIPF, GLUE_CONTENT_LEN)
# The parameter values as a plain tuple, in _PARAMETERS order: a cheap key of the caches below.
_Settings = tuple[int, float, float, int]
_DEFAULTS: _Settings = tuple(p.default for p in _PARAMETERS)
_GLUE_PART_MAX_LEN = 30  # longest common word (zipf >= 3): 20 letters in fr, 18 in en, 27 in de

_TOKEN = compile_stored(r"\p{L}[\p{L}\p{M}]*")
_CHUNK_NOISE = compile_stored(r"[\d@#/\\_=&;|]|\.\p{L}|\p{L}\.\p{L}")
_HEX_COLOUR = compile_stored(r"(?:[0-9a-f]{3}){1,2}")
_TRIPLE = compile_stored(r"(\p{L})\1\1")
_VOWEL = compile_stored(r"[aeiouyàâäéèêëîïôöùûüÿæœáíóúãõåø]", regex.IGNORECASE)
_LATIN = compile_stored(r"\p{Latin}")
_NON_LATIN = compile_stored(r"[^\p{Latin}\p{M}]")
# Japanese, Chinese and Korean write Latin acronyms inside words ("NHK総合", "週プレNEWS"): a name
# left in its script, which the untranslated rules judge, not a damaged word.
_CJK_WITH_ACRONYMS = compile_stored(r"(?:[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}ー]++|\p{Lu}{2,}+)++")
# Agent nouns in -or that wordfreq lacks ("preventor", "suggestor") are coinages, not "prevent or".
_AGENT_SUFFIXES = {"en": ("or",)}


_CHUNK = compile_stored(r"\S+")


class _NoisyChunks:
    """Whether the whitespace-delimited chunk around an offset holds URL, handle, code or entity
    characters. Chunks are found once per text and each is searched once, so a text of one huge
    chunk full of suspect words stays linear."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans = [m.span() for m in _CHUNK.finditer(text)]
        self.starts = [a for a, _ in self.spans]
        self.noisy: dict[int, bool] = {}

    def at(self, offset: int) -> bool:
        k = bisect.bisect_right(self.starts, offset) - 1
        if k < 0:
            return False
        if k not in self.noisy:
            a, b = self.spans[k]
            self.noisy[k] = _CHUNK_NOISE.search(self.text, a, b) is not None
        return self.noisy[k]


@cache
def _prefixes(lang: str) -> frozenset[str]:
    return frozenset(word_list(lang, "prefixes"))


def _glued(word: str, lang: str, settings: _Settings) -> tuple[str, str] | None:
    _, part_zipf, anchor_zipf, content_len = settings
    prefixes = _prefixes(lang)
    if word.endswith(_AGENT_SUFFIXES.get(lang, ())):
        return None
    # Both parts must be common words (zipf >= 3), and no common word is longer than
    # _GLUE_PART_MAX_LEN: only split points leaving two parts that short are tried, so a 1 MB "word"
    # costs nothing instead of a million slices and look-ups (quadratic).
    n = len(word)
    for i in range(max(2, n - _GLUE_PART_MAX_LEN), min(n - 1, _GLUE_PART_MAX_LEN + 1)):
        a, b = word[:i], word[i:]
        if a in prefixes:
            continue
        za, zb = lexicon.zipf(a, lang), lexicon.zipf(b, lang)
        if min(za, zb) < part_zipf or max(za, zb) < anchor_zipf:
            continue
        content = b if za >= anchor_zipf else a
        if len(content) >= content_len:
            return a, b
    return None


@lru_cache(maxsize=100_000)
def _diagnosis(word: str, lang: str, settings: _Settings = _DEFAULTS) -> tuple[str, str | None] | None:
    """Why `word` is garbled (message, suggestion), or None when it may be a real word."""
    if not word.isascii() and _LATIN.search(word) and _NON_LATIN.search(word):
        if _CJK_WITH_ACRONYMS.fullmatch(word):
            return None
        return "letters of different scripts mixed in one word", None
    if not word.islower():
        return None  # names, acronyms and camel-cased product names are not judged here
    if not _LATIN.search(word):
        return None  # a whole word in another script is left untranslated (MTQ601/602), not damaged
    if len(word) < settings[0]:
        return None
    other = _OTHER.get(lang)
    if lexicon.known(word, lang) or (other and lexicon.known(word, other)):
        return None
    if _HEX_COLOUR.fullmatch(word):
        return None  # a colour code from leftover CSS ("cccccc")
    if _TRIPLE.search(word):
        return "a letter repeated three times in a word missing from the lexicon", None
    if not _VOWEL.search(word):
        return "no vowel in a word missing from the lexicon", None
    for glue_lang in (lang, other) if other else (lang,):
        parts = _glued(word, glue_lang, settings)
        if parts:
            return "two words glued together", f"{parts[0]} {parts[1]}"
    return None


def _judged_words(token: str) -> list[tuple[int, str]]:
    """(offset in the token, word) for the words of a token that are judged: a hyphenated compound
    part by part, since each part must be a word."""
    if "-" not in token:
        return [(0, token)]
    return [(m.start(), m.group()) for m in _TOKEN.finditer(token)]


def _suspect(token: str, lang: str, settings: _Settings) -> bool:
    """Whether some word of `token` gets a diagnosis (before the chunk around it is looked at)."""
    min_len = settings[0]
    return len(token) >= min_len and any(
        len(word) >= min_len and _diagnosis(word, lang, settings) is not None
        for _, word in _judged_words(token)
    )


_MAX_TOKENS = 200_000  # per language; the sets are cleared when full, so memory stays flat


@cache
def _seen(lang: str, settings: _Settings) -> tuple[set[str], set[str], set[str]]:
    """Tokens already judged in `lang` with these parameter values (clean, suspect), and the
    blank-separated chunks whose tokens are all clean."""
    return set(), set(), set()


def _may_hold_garbled(text: str, lang: str, settings: _Settings) -> bool:
    """False when no token of `text` is suspect. Nearly every segment is decided by one subset
    test in C of its blank-separated chunks (str.split, several times cheaper than the word regex)
    against the chunks already found clean: a token (mtqa.text.words.WORD: letters, marks and
    inner hyphens) never holds a blank, so the tokens of a text are those of its chunks. Only chunks
    never seen before are tokenised, and tokens never seen before judged, once each."""
    chunks = text.split()
    clean, suspect, clean_chunks = _seen(lang, settings)
    if clean_chunks.issuperset(chunks):
        return False
    for chunk in chunks:
        if chunk in clean_chunks:
            continue
        for token in WORD.findall(chunk):
            if token in clean:
                continue
            if token in suspect:
                return True
            if len(clean) + len(suspect) + len(clean_chunks) >= _MAX_TOKENS:
                clean.clear()
                suspect.clear()
                clean_chunks.clear()
            if _suspect(token, lang, settings):
                suspect.add(token)
                return True
            clean.add(token)
        clean_chunks.add(chunk)
    return False


def _read_settings(ctx: Context) -> _Settings:
    return tuple(ctx.param(p) for p in _PARAMETERS)


_SETTINGS = PerContext(_read_settings)


def check_garbled(seg, ctx: Context):
    lang = ctx.lang
    if lang not in LANGUAGES:
        return
    text = seg.text
    settings = _SETTINGS(ctx)
    if not _may_hold_garbled(text, lang, settings):
        return
    min_len = settings[0]
    nonwords, noisy = NonWords(text), _NoisyChunks(text)
    for start, end, token in seg.words:
        if end - start < min_len:
            continue
        for offset, word in _judged_words(token):
            if len(word) < min_len:
                continue
            found = _diagnosis(word, lang, settings)
            if found is None:
                continue
            a = start + offset
            if nonwords.covers(a, a + len(word)) or noisy.at(a):
                continue  # URLs, e-mail addresses, hashtags, model numbers, HTML entities
            message, suggestion = found
            yield Hit(a, a + len(word), f"'{word}' is not a word: {message}", suggestion)


RULES = (
    Rule(
        code="MTQ801",
        data_files=(DataFile("*", "prefixes"),),
        name="garbled-word",
        category=Category.GARBLED,
        severity=Severity.WARNING,
        summary="A token that is no word of the language and no name: two words glued together, "
        "a tripled letter, no vowel, or letters of two scripts mixed.",
        why="Decoders and scrapers leave broken tokens that a reader stumbles on and a spell "
        "checker in a content system may not show; each is a sure sign the text was not revised.",
        flagged=(
            Example("La puissancela du moteur a été doublée en 2021.", spans=("puissancela",)),
            Example("The device is sold withlink to the manual.", lang="en", spans=("withlink",)),
            Example("Le modèle mesure trois millliimètres de plus.", spans=("millliimètres",)),
        ),
        passing=(
            Example("Le revêtement antibuée de la visière a été amélioré."),
            Example("Le colonel Ignatnouk a cité le site www.mil.ru et le compte @mod_russia."),
            Example("The overtreated patients were followed for 12 months.", lang="en"),
        ),
        check=check_garbled,
        parameters=_PARAMETERS,
        languages=LANGUAGES,
    ),
)
