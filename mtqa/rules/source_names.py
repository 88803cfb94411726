"""Finding the names of a source sentence for MTQ111 (source-name-mismatch): capitalised words
that do not open a sentence, less acronyms, short words, and (in German, which capitalises every
noun) words of the lexicon and compounds of frequent words (Achterbahn+züge).
"""

from __future__ import annotations

from functools import lru_cache

from mtqa.align import title_case
from mtqa.text.lexicon import known, zipf
from mtqa.text.name_keys import latin_script
from mtqa.text.regex_store import compile_stored

# Languages that capitalise every noun: there a capital says "noun", not "name".
_NOUNS_CAPITALISED = frozenset({"de", "lb"})
_LINKING = ("s", "es", "n", "en")  # Fugen: Lebens+dank, Tannen+verkauf
_MAX_COMPOUND = 40  # longer "words" are debris, not names; and compound splitting stays linear
_COMPOUND_PARTS = 3
_PART_ZIPF = 2.5
_PREFIX_ZIPF = 5.0
_NOUN_ENDINGS = ("s", "es", "n", "en", "ens", "ern")


def _common(word: str, lang: str) -> bool:
    """A frequent word (a compound's part): the lexicon also lists rare junk ("tsch", "nigg")."""
    return max(zipf(word, lang), zipf(word.casefold(), lang)) >= _PART_ZIPF


def lexical(word: str, lang: str) -> bool:
    """A word of the lexicon; casefolded too, as wordfreq stores German ß as ss."""
    return known(word, lang) or known(word.casefold(), lang)


@lru_cache(maxsize=1 << 16)
def common_noun(word: str, lang: str) -> bool:
    """A German noun: a word of the lexicon, or a compound of them with an optional linking s/es/n/en
    (Achterbahn+züge, Lava+schicht, Vor+krisen+umsätze); names (Holetschek, Europa-Park) are neither."""
    if len(word) > _MAX_COMPOUND:
        return False
    if lexical(word, lang) or _compound(word.casefold(), lang, _COMPOUND_PARTS):
        return True
    # an inflected noun (des Beschenkens, den Oberpfälzern, die Pushbacks)
    stems = (word[: -len(e)] for e in _NOUN_ENDINGS if word.endswith(e) and len(word) > len(e) + 3)
    return any(lexical(x, lang) or _compound(x.casefold(), lang, _COMPOUND_PARTS) for x in stems)


@lru_cache(maxsize=1 << 16)
def _compound(low: str, lang: str, parts: int, shortest: int = 3) -> bool:
    """Whether `low` splits into at most `parts` words of the lexicon, each `shortest` letters or
    more; 4+ in three parts (the lexicon holds short junk enough to cut a name in three)."""
    for i in range(shortest, len(low) - shortest + 1):
        head, tail = low[:i], low[i:]
        linked = (head[: -len(j)] for j in _LINKING if head.endswith(j) and len(head) > len(j) + 2)
        if not (_common(head, lang) or any(_common(h, lang) for h in linked)):
            continue
        if _common(tail, lang):
            return True
        # a three-part split: short heads only when very frequent (vor+krisen+umsätze)
        frequent_head = len(head) >= 4 or zipf(head, lang) >= _PREFIX_ZIPF
        if parts > 2 and frequent_head and _compound(tail, lang, parts - 1, 4):
            return True
    return False


CAPITALISED = compile_stored(r"(?<![\p{L}\p{M}\d'’-])\p{Lu}[\p{L}\p{M}]+(?:[-‐]\p{L}[\p{L}\p{M}]*)*")
# Not sentence-initial: the capital of a word that only openers (quotes, brackets, dashes) separate
# from the start of the text or from a sentence's end says nothing about a name.
CAPITALISED_INSIDE = compile_stored(r"(?<!(?:^|[.!?:…])[ \t\"'“‘«(\[—–-]*)" + CAPITALISED.pattern)
HYPHEN = compile_stored(r"[-‐]")
_BEFORE_SPACELESS = compile_stored(r"[^\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Thai}]*")
_NAME_PARTICLES = frozenset({"al", "el", "ul", "bin", "ibn", "de", "da", "di", "von", "van", "la", "le"})


def name_like(word: str) -> bool:
    """Not glued scraping debris ("PowerThe") nor shouting ("AFFORDABLY")."""
    return not word.isupper() and not any(c.isupper() for c in word[1:] if c.isalpha())


def source_names(text: str, lang: str | None, drop_source_words: bool = False) -> list[str]:
    """The names of a source sentence (see _word_names); none in a headline, whose capitals say
    nothing about names."""
    out = [
        name
        for word in CAPITALISED_INSIDE.findall(text)
        for name in _word_names(word, lang, drop_source_words)
    ]
    # read only when a name is found: most sentences have none, and [] is the answer either way
    return [] if out and title_case(text) else out


@lru_cache(maxsize=1 << 16)
def _word_names(word: str, lang: str | None, drop_source_words: bool) -> tuple[str, ...]:
    """The names in a capitalised word that does not open a sentence: its capitalised parts when a
    hyphen joins it to a lower-case word; not acronyms, short words, (German) nouns, nor, with
    `drop_source_words`, Latin-script words of the source language (see source_name_mismatch.check_names)."""
    if not word.isascii():
        word = _BEFORE_SPACELESS.match(word).group()  # "Margrafです": the name, not its particle
    if "-" not in word and "‐" not in word:
        parts = [word]  # one part, capitalised: not lower case
    elif any(p.islower() and p not in _NAME_PARTICLES for p in HYPHEN.split(word)):
        parts = [p for p in HYPHEN.split(word) if p[:1].isupper()]  # "US-backed": the name only
    else:
        parts = [word]
    out = []
    for part in parts:
        if part.isupper() and len(part) <= 5:
            continue  # acronyms are often translated (NATO -> OTAN) and are matched by the exonyms
        if len(part) < 3 or (lang in _NOUNS_CAPITALISED and common_noun(part, lang)):
            continue
        if drop_source_words and lang and known(part, lang) and latin_script(part):
            continue
        out.append(part)
    return tuple(out)
