"""MTQ111 source-name-mismatch: a name of the source rendered in the translation by a variant
spelling (Ignatyuk -> Ignatnouk), or missing from the whole translation.

A source name is a capitalised word that does not open its sentence. It is rendered correctly when
the aligned target sentences (or their neighbours) hold it, folded for case and diacritics, under
the same transliteration key (Zelensky/Zelenski), or in an established target-language form from
the exonym table (Aleppo -> Alep; mtqa/data/<target>/exonyms.tsv, extended with --exonyms FILE).
A variant is a capitalised target word that is not a word of the target language and resembles
the source name without being a truncation of it (Damascus -> Damas is a form, not a variant).

A name in another script (Cyrillic, Greek...) is romanised with the target language's conventions
(iuliia's Russian schemes, anyascii for every script) and compared by consonant skeleton
(mtqa.text.name_keys.skeleton): Игнатюк is rendered by Ignatyuk or Ignatiouk, misspelled by Ignatnouk.
Scripts without case (Arabic, Chinese, Japanese) give no capitals to find names by, and kanji
names have no reliable reading: they are not checked. In German, which capitalises every noun, a
word of the lexicon or a compound of frequent words (Achterbahn+züge) is a noun, not a name.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache, partial
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from mtqa.data import table
from mtqa.model import Category, Severity
from mtqa.rules.base import DataFile, Example, Parameter, Rule
from mtqa.rules.source_name_words import (
    _folded_words,
    _joined_text,
    _Nearby,
    _Words,
    _words_of,
    fold,
    skeleton,
    translit_key,
)
from mtqa.rules.source_names import CAPITALISED, HYPHEN, common_noun, lexical, name_like, source_names
from mtqa.rules.source_pairs import NEEDS_SOURCE, hit, pairs
from mtqa.text.lexicon import has_lexicon, known
from mtqa.text.name_keys import fold as _fold_name
from mtqa.text.name_keys import latin_script, romanisations
from mtqa.text.regex_store import compile_stored

CROSS_SCRIPT_SIMILAR = Parameter(
    "cross_script_similar",
    0.75,
    "Similarity (0-1, normalised Levenshtein of transliteration keys) from which a target word "
    "misspells a romanised name of another script.",
)
MIN_SKELETON = Parameter(
    "min_skeleton",
    3,
    "Consonants of a name's skeleton (across scripts) below which it is too short to compare.",
)


_HYPHEN_WORD = compile_stored(r"[-‐]\p{Ll}{3,}")
SIMILAR = Parameter(
    "similar",
    0.6,
    "Similarity (0-1, normalised Levenshtein of folded spellings) from which a target word "
    "misspells a Latin-script source name.",
)


class ExonymFileError(ValueError):
    """A row of a user's --exonyms file that is not `name<TAB>name|name...` (message: file:line: why)."""


def read_exonyms(path: str) -> list[tuple[str, ...]]:
    """The rows of a user's exonym file (tab-separated: a source-language name, then its
    target-language names separated by |); `#` lines and blank lines are skipped. A row with fewer
    than two columns, or an empty name, raises ExonymFileError naming the file and line."""
    rows = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        row = tuple(col.strip() for col in line.split("\t"))
        if len(row) < 2 or not row[0] or not any(row[1].split("|")):
            raise ExonymFileError(
                f"{path}:{number}: an exonym row needs a name, a tab and its target-language "
                f"names separated by | (got {line.strip()[:60]!r})"
            )
        rows.append(row)
    return rows


@cache
def _exonym_table(lang: str, extra_files: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    rows = list(table(lang, "exonyms"))  # the loader checks the shipped table's columns
    for path in extra_files:
        rows.extend(read_exonyms(path))
    out: dict[str, tuple[str, ...]] = {}
    for row in rows:
        out[fold(row[0])] = out.get(fold(row[0]), ()) + tuple(fold(f) for f in row[1].split("|") if f)
    return out


def _rendered(name: str, folded_text: Callable[[], str], target: _Words | _Nearby, exonyms: dict) -> bool:
    """Whether the target (its words, their transliteration keys, its folded text: joined only for a
    name of the exonym table) renders `name`."""
    f = fold(name)
    if target.has_word(f) or target.has_key(translit_key(name)):
        return True
    forms = exonyms.get(f)
    if not forms:
        return False
    text = folded_text()
    return any(form in text for form in forms)


def _variant(name: str, candidates: list[tuple[int, int, str, object]], lang: str | None, similar: float):
    """The target word most like `name` that is a misspelling of it rather than a translation."""
    f = fold(name)
    best = None
    for start, end, word, sentence in candidates:
        g = fold(word)
        if g == f or g[0] != f[0] or len(g) < 4:
            continue
        if f.startswith(g[: max(4, len(g) - 1)]) or g.startswith(f[: max(4, len(f) - 1)]):
            continue  # a truncation or an inflection (Damascus -> Damas, Syria -> Syrie)
        if not name_like(word) or _HYPHEN_WORD.search(word) or (lang and known(word, lang)):
            continue  # a word of the language (Podomètre, Tru-huile): a translation, not a spelling
        score = Levenshtein.normalized_similarity(f, g)
        if score >= similar and (best is None or score > best[0]):
            best = (score, start, end, word, sentence)
    return best


def _cross_script_variant(forms: tuple[str, ...], candidates, lang: str | None, ctx):
    """The target word that misspells a romanised name: close to a romanisation by its
    transliteration key, but with another consonant skeleton (Игнатюк -> Ignatnouk)."""
    skeletons = {skeleton(r) for r in forms}
    keys = {translit_key(r) for r in forms}
    best = None
    similar, min_skeleton = ctx.param(CROSS_SCRIPT_SIMILAR), ctx.param(MIN_SKELETON)
    for start, end, word, sentence in candidates:
        sk = skeleton(word)
        if len(sk) < min_skeleton or sk in skeletons or not any(sk[0] == x[:1] for x in skeletons):
            continue
        if not latin_script(word) or not name_like(word) or _HYPHEN_WORD.search(word):
            continue
        if lang and lexical(word, lang):
            continue  # a word of the target language: a translation, not a spelling
        score = max(Levenshtein.normalized_similarity(k, translit_key(word)) for k in keys)
        if score >= similar and (best is None or score > best[0]):
            best = (score, start, end, word, sentence)
    return best


def _cross_script(name, pair, nearby, everywhere, candidates, view, reported, ctx):
    """A source name of another script (Игнатюк) against the Latin-script translation: rendered
    when a target word has the skeleton of one of its romanisations."""
    al = view.alignment
    if not name_like(name):
        return  # an acronym (ККСРМТ) is translated, not transliterated
    forms = romanisations(name, view.lang)
    skeletons = {skeleton(r) for r in forms}
    if nearby.shares_skeleton(skeletons):
        return
    parts = [p for p in HYPHEN.split(name) if len(p) >= 3]
    if len(parts) > 1 and all(
        (al.source_lang and lexical(p, al.source_lang))
        or nearby.shares_skeleton({skeleton(r) for r in romanisations(p, view.lang)})
        for p in parts
    ):
        return  # Гвинее-Бисау -> Guinea-Bissau, Премьер-Министра -> Prime Minister
    variant = _cross_script_variant(forms, candidates(), view.lang, ctx)
    if variant is not None:
        yield _misspelt(pair, variant, f"{name!r} ({forms[0]})", forms[0])
        return
    if fold(name) in reported or everywhere().shares_skeleton(skeletons):
        return
    if max(map(len, skeletons)) < ctx.param(MIN_SKELETON):
        return
    if al.source_lang and (lexical(name, al.source_lang) or common_noun(name, al.source_lang)):
        return  # a word capitalised (Правительство), a common name, or a compound one (Минцифры)
    reported.add(fold(name))
    yield _missing(pair, f"{name!r} ({forms[0]})", forms[0])


def _misspelt(pair, variant, shown: str, suggestion: str):
    """A target word that spells a source name differently, with the source's spelling to use."""
    _, start, end, word, sentence = variant
    message = f"{word!r} spells the source's name {shown} differently"
    return hit(sentence, start - sentence.start, end - sentence.start, message, pair, suggestion=suggestion)


def _missing(pair, shown: str, suggestion: str):
    """An info on the pair's first target sentence: a source name the translation never renders."""
    sentence = pair.target[0]
    message = f"the source's name {shown} is missing from the translation"
    return hit(sentence, 0, len(sentence.text), message, pair, suggestion=suggestion, severity=Severity.INFO)


def _candidates(pair, source_words_of: Callable[[int], set[str]]) -> list[tuple[int, int, str, object]]:
    """The capitalised words of a pair's translation that are not words of the source around it (a
    name the source also writes so is no misspelling of another): the source is split only when the
    translation has a capitalised word."""
    found = [
        (s.start + m.start(), s.start + m.end(), m.group(), s)
        for s in pair.target
        for m in CAPITALISED.finditer(s.text)
    ]
    if not found:
        return found
    source_near = [source_words_of(k) for k in pair.neighbour_source_segments()]
    return [c for c in found if not any(fold(c[2]) in words for words in source_near)]


def check_names(view, ctx):
    al = view.alignment
    if al is None or not al.ok:
        return  # no pairs to check
    exonyms = _exonym_table(view.lang or "", tuple(ctx.options.get("exonyms", ())))
    # Each pair looks at its neighbours' paragraphs: fold and split each paragraph once per document,
    # when a pair first needs it, and join per pair (folding is per character, so fold(a + " " + b)
    # is fold(a) + " " + fold(b), and no word spans the joining space).
    folded = cache(lambda k: _fold_name(al.target_segments[k]))  # paragraph k, folded on first use
    target_words: dict[int, _Words] = {}  # paragraph k -> its words, made when a pair first needs them

    def words_of(k: int) -> _Words:
        if k not in target_words:
            target_words[k] = _Words(partial(_words_of, folded, k))
        return target_words[k]

    source_words: dict[int, set[str]] = {}  # source paragraph -> its folded words, read when needed

    def source_words_of(k: int) -> set[str]:
        if k not in source_words:
            source_words[k] = _folded_words(al.source_segments[k])
        return source_words[k]

    whole = partial(_joined_text, folded, range(len(al.target_segments)))
    everywhere = cache(lambda: _Words.union(list(map(words_of, range(len(al.target_segments))))))
    reported: set[str] = set()
    similar = ctx.param(SIMILAR)
    # A Latin-script name that is a word of the source language (Army, Friday, Putin) is never
    # reported, whatever the translation holds: with a variant, only the exonym table could vouch
    # for it; without one, it is an ordinary word capitalised (the two `known`/`lexical` checks
    # below). Dropped with the sentence's names, so it costs no look at the translation.
    for pair in pairs(view):
        names = source_names(pair.source_text, al.source_lang, drop_source_words=True)
        if not names:
            continue  # most sentences: their neighbourhood need not be joined
        near = pair.neighbour_target_segments()
        around = partial(_joined_text, folded, near)
        nearby = _Nearby(list(map(words_of, near)))
        # the target words that may misspell a name: read for the first name that needs them
        candidates = cache(partial(_candidates, pair, source_words_of))
        for name in names:
            if _rendered(name, around, nearby, exonyms):
                continue
            if not latin_script(name):
                yield from _cross_script(name, pair, nearby, everywhere, candidates, view, reported, ctx)
                continue
            variant = _variant(name, candidates(), view.lang, similar) if name_like(name) else None
            if variant is not None and al.source_lang and known(name, al.source_lang):
                # A name common enough to be in the lexicon (Putin, Prigozhin) has established
                # spellings per language (Poutine, Prigojine) that only the exonym table can vouch for.
                continue
            if variant is not None:
                yield _misspelt(pair, variant, repr(name), name)
                continue
            prefix = fold(name)[:4]
            if len(prefix) == 4 and nearby.has_prefix(prefix):
                continue  # a cognate or a translated adjective (Syrian -> syrienne)
            # An ordinary word capitalised (Army, Friday), or present elsewhere; the word test first,
            # as the skeletons of a whole document are dear.
            if (
                fold(name) in reported
                or not name_like(name)
                or (al.source_lang and has_lexicon(al.source_lang) and lexical(name, al.source_lang))
                or _rendered(name, whole, everywhere(), exonyms)
                or everywhere().shares_skeleton({skeleton(name)})  # romanised or re-scripted (Игнатюк)
            ):
                continue
            reported.add(fold(name))
            yield _missing(pair, repr(name), name)


RULES = (
    Rule(
        code="MTQ111",
        data_files=(
            DataFile("*", "exonyms", 2),
            DataFile("any", "name_skeleton_steps", 2),
            DataFile("any", "slavic_case_endings"),
        ),
        name="source-name-mismatch",
        category=Category.ENTITY,
        severity=Severity.WARNING,
        summary="A name of the source is spelled differently in the translation (Ignatyuk -> Ignatnouk, "
        "Игнатюк -> Ignatnouk), or is missing; established exonyms (Aleppo -> Alep) and the romanisations "
        "of another script (Игнатюк -> Ignatyuk, Ignatiouk) are accepted.",
        why="Readers and search engines know a person by one spelling; a re-transliterated name is a "
        "different person to them, and only the source shows which spelling is right.",
        flagged=(
            Example(
                "Le colonel Oleg Ignatnouk a parlé aux journalistes.",
                "fr",
                source="Colonel Oleg Ignatyuk spoke to reporters.",
                spans=("Ignatnouk",),
            ),
            Example(
                "Colonel Oleg Ignatnouk spoke to reporters.",
                "en",
                source="Le colonel Oleg Ignatyuk a parlé aux journalistes.",
                spans=("Ignatnouk",),
            ),
            Example(
                "Le colonel Oleg Ignatnouk a parlé aux journalistes vendredi.",
                "fr",
                source="Полковник Олег Игнатюк в пятницу выступил перед журналистами.",
                spans=("Ignatnouk",),
            ),
        ),
        passing=(
            Example(
                "Les combattants de l'État islamique sont entrés à Alep, pas à Moscou.",
                "fr",
                source="Islamic State fighters entered Aleppo, not Moscow.",
            ),
            Example(
                "The army retook Aleppo and Damascus on Friday.",
                "en",
                source="L'armée a repris Alep et Damas vendredi.",
            ),
            Example(
                "Le colonel Oleg Ignatiouk a parlé aux journalistes vendredi.",
                "fr",
                source="Полковник Олег Игнатюк в пятницу выступил перед журналистами.",
            ),
        ),
        check=check_names,
        parameters=(SIMILAR, CROSS_SCRIPT_SIMILAR, MIN_SKELETON),
        scope="document",
        inputs=NEEDS_SOURCE,
    ),
)
