"""Decoder loops: a word doubled ("le le"), a phrase stuttered ("de la ville de la ville"), or a
content-bearing phrase said twice in one sentence or paragraph.

Legitimate repeats are kept apart by data: French reflexive "nous nous"/"vous vous", English "had had",
emphasis ("très très", reported as info), and names that read the same twice ("Sirhan Sirhan").
A repeated phrase must carry content words: "de la", "il y a" or "of the" recur in any sentence.
"""

from __future__ import annotations

import bisect
import operator
import re
from collections.abc import Iterator
from functools import cache
from itertools import filterfalse

from mtqa.data import table, word_list
from mtqa.model import Category, Severity
from mtqa.rules.base import Context, Example, Hit, Rule
from mtqa.text.words import CLINGING_PUNCTUATION, bare_words

# Two identical words separated by blanks only ("Oui, oui" has a comma and is left alone). The stdlib
# engine runs this several times faster than `regex`; [^\W\d_] is "a letter" there.
_DOUBLED = re.compile(r"(?<![\w-])([^\W\d_]+)[ \u00a0\u202f\n]+(\1)(?![\w-])", re.IGNORECASE)
_PUNCT = CLINGING_PUNCTUATION


@cache
def _doubled_words(lang: str | None) -> dict[str, str]:
    return {row[0].casefold(): row[1] for row in table(lang or "", "doubled_words") if len(row) >= 2}


@cache
def _conjunctions(lang: str | None) -> frozenset[str]:
    return frozenset(w.casefold() for w in word_list(lang or "", "coordinating_conjunctions"))


@cache
def _function_words(lang: str | None) -> frozenset[str]:
    # "" is what a word of punctuation alone leaves in bare_words: never content either.
    return frozenset(w.casefold() for w in word_list(lang or "", "function_words")) | {""}


def _has_adjacent_twin(toks: list[str]) -> bool:
    # map(eq) runs in C and clears nearly every segment; the exact test (a twin of two empty
    # words, punctuation alone, does not count) runs only where some neighbours are equal.
    if not any(map(operator.eq, toks, toks[1:])):
        return False
    return any(x == y and x for x, y in zip(toks, toks[1:], strict=False))


def check_repeated_word(seg, ctx: Context) -> Iterator[Hit]:
    text = seg.text
    if not _has_adjacent_twin(seg.bare_words):
        return
    for m in _DOUBLED.finditer(text):
        word, again = m.group(1), m.group(2)
        if again[0].isupper():
            continue  # "Sirhan Sirhan", "Duran Duran", "de De Gaulle": names
        kind = _doubled_words(ctx.lang).get(again.casefold())
        if kind == "ok":
            continue
        yield Hit(
            m.start(),
            m.end(),
            f"word repeated: {word!r} twice in a row",
            suggestion=word,
            severity=Severity.INFO if kind == "emphatic" else None,
        )


# A repeat inside one sentence needs 5+ tokens, 3+ content words and 9+ for both counts together
# ("des groupes armés soutenus par les États-Unis" twice: yes; "jeux de hockey sur table" twice: no);
# across the sentences of a paragraph it needs 8+ tokens and 4+ content words. A stutter (the copy
# follows at once, blanks between) needs 2+ tokens with a content word, or 3+ tokens.
_MIN_IN_SENTENCE = (5, 3, 9)
_MIN_IN_PARAGRAPH = (8, 4, 12)
# Tokens are the blank-separated words with clinging punctuation stripped: cheap, and numbers stay
# tokens ("49 billion rupees ... 25 billion rupees" is not a repeat).
_NON_BLANK = re.compile(r"\S+")


def _is_content(tok: str, stop: frozenset[str]) -> bool:
    return len(tok) > 1 and tok not in stop and tok[0].isalpha()


def _tokens(words: list[str]) -> tuple[list[str], list[int]]:
    """The non-empty bare words, and for each the index of the blank-separated word it comes from."""
    index = [k for k, w in enumerate(words) if w]
    return [words[k] for k in index], index


def _repeats_a_content_word(toks: list[str], stop: frozenset[str]) -> bool:
    rest = list(filterfalse(stop.__contains__, toks))  # `stop` holds "" too
    if len(set(rest)) == len(rest):
        return False
    seen: set[str] = set()
    for w in rest:
        if len(w) > 1 and w[0].isalpha():
            if w in seen:
                return True
            seen.add(w)
    return False


def _may_repeat_a_phrase(toks: list[str]) -> bool:
    """False when `_maximal_repeats` finds nothing for certain: each run it reports has a repeated
    pair of neighbouring tokens, except where the first copy opens the list (its left neighbour is
    read as toks[-1] there), which is tested directly. A set of pairs is built in C."""
    n = len(toks)
    if len(set(zip(toks, toks[1:], strict=False))) < n - 1:
        return True
    return any(toks[j] == toks[0] and toks[j - 1] == toks[-1] for j in range(1, n))


def _maximal_repeats(toks: list[str], stop) -> list[tuple[int, int, int]]:
    """(first copy start, second copy start, length) of maximal repeated token runs anchored on a
    repeated content word, in order of the second copy, copies not overlapping."""
    if not _may_repeat_a_phrase(toks):
        return []
    where: dict[str, list[int]] = {}
    for k, t in enumerate(toks):
        where.setdefault(t, []).append(k)
    n = len(toks)
    found = []
    for t, occ in where.items():
        if len(occ) < 2 or not _is_content(t, stop):
            continue
        for x, i in enumerate(occ):
            for j in occ[x + 1 :]:
                # a lone repeated word is no phrase: look further only when a neighbour repeats too
                if not ((j + 1 < n and toks[i + 1] == toks[j + 1]) or toks[i - 1] == toks[j - 1]):
                    continue
                left = 0
                while i - left > 0 and toks[i - left - 1] == toks[j - left - 1] and i + 1 <= j - left - 1:
                    left += 1
                right = 0
                while (
                    j + right + 1 < n
                    and toks[i + right + 1] == toks[j + right + 1]
                    and i + right + 1 < j - left
                ):
                    right += 1
                found.append((i - left, j - left, left + right + 1))
    found.sort(key=lambda f: (f[1], -f[2]))
    return found


def _word_span(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """A blank-separated word's span without the punctuation clinging to it."""
    a, b = span
    word = text[a:b]
    return a + len(word) - len(word.lstrip(_PUNCT)), b - (len(word) - len(word.rstrip(_PUNCT)))


def _source_repeats(segment) -> bool:
    """Whether the segment's source (when the input gives one) repeats a phrase too: then the
    translation's repeat mirrors the source (a product list, scraped CSS) rather than a decoder loop."""
    if not segment.src:
        return False
    lang = segment.src_lang
    stop = _function_words(lang) if lang else _function_words("en") | _function_words("fr")
    toks, _ = _tokens(bare_words(segment.src))
    if not _repeats_a_content_word(toks, stop):
        return False
    return any(size >= 2 for _, _, size in _maximal_repeats(toks, stop))


def check_repeated_phrase(seg, ctx: Context) -> Iterator[Hit]:
    text = seg.text
    stop = _function_words(ctx.lang)
    if not _repeats_a_content_word(seg.bare_words, stop):
        return
    toks, index = _tokens(seg.bare_words)
    repeats = _maximal_repeats(toks, stop)
    if not repeats:
        return
    raw = [m.span() for m in _NON_BLANK.finditer(text)]
    joins = _conjunctions(ctx.lang)
    starts = [a for a, _ in seg.sentences]
    covered_until = -1
    mirrored = None
    for first, second, size in repeats:
        if second < covered_until:
            continue
        unit = toks[second : second + size]
        content = sum(1 for t in unit if _is_content(t, stop))
        last_of_first, first_of_second = index[second - 1], index[second]
        if (
            first + size == second
            and first_of_second == last_of_first + 1
            and text[raw[last_of_first][1] - 1] not in _PUNCT
            and text[raw[first_of_second][0]] not in _PUNCT
        ):
            # a stutter, only blanks between the copies: "la ville de la ville"; "dure et dure et" is rhetoric
            if size < 2 or unit[0] in joins or unit[-1] in joins or (size < 3 and not content):
                continue
            where = "immediately"
        else:
            a1, a2 = raw[index[first]][0], raw[index[second]][0]
            same = bisect.bisect_right(starts, a1) == bisect.bisect_right(starts, a2)
            min_words, min_content, min_sum = _MIN_IN_SENTENCE if same else _MIN_IN_PARAGRAPH
            if size < min_words or content < min_content or size + content < min_sum:
                continue
            where = "in the same sentence" if same else "in the same paragraph"
        copy = text[
            _word_span(text, raw[index[first]])[0] : _word_span(text, raw[index[first + size - 1]])[1]
        ]
        if mirrored is None:
            mirrored = _source_repeats(seg.segment)
        yield Hit(
            _word_span(text, raw[index[second]])[0],
            _word_span(text, raw[index[second + size - 1]])[1],
            f"phrase repeated {where}: {copy!r}" + (" (the source repeats too)" if mirrored else ""),
            suggestion="delete the repeat or restore what the source said here",
            severity=Severity.INFO if mirrored else None,
        )
        covered_until = second + size


RULES = (
    Rule(
        code="MTQ301",
        name="repeated-word",
        category=Category.REPETITION,
        severity=Severity.ERROR,
        summary="The same word twice in a row ('le le', 'the the'), except grammatical or emphatic repeats.",
        why="A doubled word is a typing slip in human text and a decoder stutter in MT; either way a reader "
        "notices it at once.",
        flagged=(
            Example("Les forces syriennes ont levé le le siège d’Alep.", "fr"),
            Example("Syrian forces lifted the the siege of Aleppo.", "en"),
        ),
        passing=(
            Example("Nous nous sommes battus, vous vous êtes repliés.", "fr"),
            Example("He had had enough; Sirhan Sirhan was convicted.", "en"),
        ),
        check=check_repeated_word,
    ),
    Rule(
        code="MTQ302",
        name="repeated-phrase",
        category=Category.REPETITION,
        severity=Severity.WARNING,
        summary="A phrase repeated immediately, or a content-bearing phrase repeated within one sentence "
        "(or a long one within one paragraph): a decoder loop.",
        why="Neural MT can loop, saying the same phrase twice; the repeat usually replaces what the source "
        "said at that point, so something is also missing.",
        flagged=(
            Example(
                "Assad a repris le pays à des groupes armés soutenus par les États-Unis, décrits par "
                "Washington comme des groupes armés soutenus par les États-Unis.",
                "fr",
            ),
            Example("The army retook the city of Aleppo the city of Aleppo on Friday.", "en"),
        ),
        passing=(
            Example(
                "Le président russe Vladimir Poutine a rencontré le président turc Recep Tayyip "
                "Erdogan. Le président russe a salué l’accord.",
                "fr",
            ),
            Example("Prices rose again and again and again in the first quarter of the year.", "en"),
        ),
        check=check_repeated_phrase,
    ),
)
