"""MTQ302 repeated-phrase: a phrase stuttered ("de la ville de la ville"), a loop of any length, or a
content-bearing phrase said twice in one sentence or paragraph.

A repeated phrase must carry content words: "de la", "il y a" or "of the" recur in any sentence.
Iteration idioms ("jour après jour après jour") pass; a parallel frame, or a repeat the source holds
too, is reported as info.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import cache
from itertools import chain, filterfalse

from mtqa.data import word_list
from mtqa.model import Category, Severity
from mtqa.rules.base import Context, DataFile, Example, Hit, Parameter, Rule
from mtqa.rules.repetition_words import function_words
from mtqa.text.regex_store import compile_stored
from mtqa.text.words import CLINGING_PUNCTUATION, bare_words

_PUNCT = CLINGING_PUNCTUATION


@cache
def _conjunctions(lang: str | None) -> frozenset[str]:
    return frozenset(w.casefold() for w in word_list(lang or "", "coordinating_conjunctions"))


@cache
def _iteration_links(lang: str | None) -> frozenset[str]:
    return frozenset(w.casefold() for w in word_list(lang or "", "iteration_links"))


# A repeat inside one sentence needs 5+ tokens, 3+ content words and 9+ for both counts together
# ("des groupes armés soutenus par les États-Unis" twice: yes; "jeux de hockey sur table" twice: no);
# across the sentences of a paragraph it needs 8+ tokens and 4+ content words. A stutter (the copy
# follows at once, blanks between) needs 2+ tokens with a content word, or 3+ tokens.
SENTENCE_MIN_WORDS = Parameter("sentence_min_words", 5, "Words of a phrase repeated within one sentence.")
SENTENCE_MIN_CONTENT = Parameter(
    "sentence_min_content", 3, "Content words of a phrase repeated within one sentence."
)
SENTENCE_MIN_SUM = Parameter(
    "sentence_min_sum", 9, "Words plus content words of a phrase repeated within one sentence."
)
PARAGRAPH_MIN_WORDS = Parameter(
    "paragraph_min_words", 8, "Words of a phrase repeated across the sentences of one paragraph."
)
PARAGRAPH_MIN_CONTENT = Parameter(
    "paragraph_min_content", 4, "Content words of a phrase repeated across the sentences of one paragraph."
)
PARAGRAPH_MIN_SUM = Parameter(
    "paragraph_min_sum", 12, "Words plus content words of a phrase repeated across one paragraph."
)
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


# How far a copy is followed to the left of its first repeated content word: only function words
# lie there ("de la", "of the"), so a bound keeps the scan linear without losing a copy's start.
_MAX_LEFT = 32


def _periodic_runs(toks: list[str], stop: frozenset[str]) -> Iterator[tuple[int, int, int]]:
    """(start, end, period) of the stretches of 2+ tokens that copy the tokens `period` places
    before them, anchored on a repeated content word and its nearest earlier occurrence. When
    end - start >= period the copies touch: a loop, reported as one stretch however long it runs.

    One pass from left to right, and no stretch is entered twice, so the work is linear in the
    tokens whatever the text (a sentence looped 10,000 times is one stretch)."""
    seen: dict[str, int] = {}
    prev = []
    for k, t in enumerate(toks):
        prev.append(seen.get(t, -1))
        seen[t] = k
    n, floor, j = len(toks), 0, 0
    while j < n:
        i = prev[j]
        if i < 0 or not _is_content(toks[j], stop):
            j += 1
            continue
        p = j - i
        s = j
        while s > floor and s - p > 0 and j - s < _MAX_LEFT and toks[s - 1] == toks[s - 1 - p]:
            s -= 1
        e = j + 1
        while e < n and toks[e] == toks[e - p]:
            e += 1
        if e - s >= 2:
            yield s, e, p
            floor = e
            j = e
        else:
            j += 1


def _copies(s: int, e: int, p: int) -> tuple[int, int, int, int]:
    """(first copy start, second copy start, copy length, number of copies) of a periodic run."""
    if e - s >= p:
        return s - p, s, p, (e - s + p) // p
    return s - p, s, e - s, 2


def _is_idiom(toks: list[str], first: int, end: int, size: int, links: frozenset[str]) -> bool:
    """Iteration idioms: a word joined to itself by a link word, the run opening and closing on that
    word ("day after day after day", "dure et dure et dure"). "in Paris in Paris" opens on the link:
    a stutter."""
    unit = toks[first : first + size]
    return size == 2 and any(t in links for t in unit) and toks[first] == toks[end - 1] != toks[first + 1]


_UNSPACED = compile_stored(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}]")
# In unspaced scripts a run of characters between punctuation and hiragana (kanji, katakana, Latin)
# is about a word or compound: 小形羊羹, 環境保護活動.
_UNSPACED_WORD = compile_stored(r"[^\s\p{P}\p{S}\p{Hiragana}]{2,}")


UNSPACED_MIN_RUN = Parameter(
    "unspaced_min_run",
    3,
    "Characters of a run a source in an unspaced script (Chinese, Japanese, Thai) must repeat for "
    "the target's repeat to mirror it (reported as info).",
)
_MAX_RUN = 12


def _longest_repeated_run(words: list[str], min_run: int) -> int:
    """Characters in the longest run (min_run to 12) found twice in these unspaced words: 累計感染者
    inside both 累計感染者 and ブレイクスルー累計感染者数. Growing the length while a repeat exists
    keeps it linear: at most _MAX_RUN passes over the text."""
    best = 0
    for n in range(min_run, _MAX_RUN + 1):
        seen: set[str] = set()
        found = False
        for w in words:
            for k in range(len(w) - n + 1):
                gram = w[k : k + n]
                if gram in seen:
                    found = True
                    break
                seen.add(gram)
            if found:
                break
        if not found:
            return best
        best = n
    return best


def _source_repeat_size(segment, min_run: int) -> float:
    """The longest phrase the segment's source (when the input gives one) repeats, in words: a
    repeated run of 2+ words, or one word said again at once ("Grenzschutz, Grenzschutz"). In
    unspaced scripts a repeated compound of n characters counts n/2 words."""
    src = segment.src
    if not src:
        return 0.0
    if _UNSPACED.search(src):
        return _longest_repeated_run(_UNSPACED_WORD.findall(src), min_run) / 2
    lang = segment.src_lang
    stop = function_words(lang) if lang else function_words("en") | function_words("fr")
    toks, _ = _tokens(bare_words(src))
    if not _repeats_a_content_word(toks, stop):
        return 0.0
    best = 0
    for s, e, p in _periodic_runs(toks, stop):
        best = max(best, _copies(s, e, p)[2])
    if not best and any(x == y and _is_content(x, stop) for x, y in zip(toks, toks[1:], strict=False)):
        best = 1
    return float(best)


def _mirrors_source(size: int, source_size: float) -> bool:
    # A source phrase of n words may take up to about three times as many in the translation.
    return source_size > 0 and size <= 3 * source_size + 1


def _word_span(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """A blank-separated word's span without the punctuation clinging to it."""
    a, b = span
    word = text[a:b]
    return a + len(word) - len(word.lstrip(_PUNCT)), b - (len(word) - len(word.rstrip(_PUNCT)))


def _is_slot(word: str) -> bool:
    """A number or a capitalised name: what a parallel frame varies ("patents registered in Korea
    ... registered in China", "the first 10 months ... the first 11 months")."""
    word = word.lstrip(_PUNCT)
    return bool(word) and (word[0].isdigit() or word[0].isupper())


def check_repeated_phrase(seg, ctx: Context) -> Iterator[Hit]:
    text = seg.text
    stop = function_words(ctx.lang)
    if not _repeats_a_content_word(seg.bare_words, stop):
        return
    toks, index = _tokens(seg.bare_words)
    runs = _periodic_runs(toks, stop)
    if (run := next(runs, None)) is None:
        return  # no stretch copies an earlier one (most rows that repeat a word): no offsets needed
    raw = [m.span() for m in _NON_BLANK.finditer(text)]
    joins = _conjunctions(ctx.lang)
    links = _iteration_links(ctx.lang) | joins
    starts = [a for a, _ in seg.sentences]
    source_size = None
    in_sentence = tuple(map(ctx.param, (SENTENCE_MIN_WORDS, SENTENCE_MIN_CONTENT, SENTENCE_MIN_SUM)))
    in_paragraph = tuple(map(ctx.param, (PARAGRAPH_MIN_WORDS, PARAGRAPH_MIN_CONTENT, PARAGRAPH_MIN_SUM)))

    def word(k: int) -> str:
        a, b = raw[index[k]]
        return text[a:b]

    for s, e, p in chain((run,), runs):
        first, second, size, copies = _copies(s, e, p)
        unit = toks[second : second + size]
        content = sum(1 for t in unit if _is_content(t, stop))
        severity = None
        note = ""
        if first + size == second:
            end = first + copies * size
            if _is_idiom(toks, first, e, size, links) and copies < 4:
                continue
            last_of_first, first_of_second = index[second - 1], index[second]
            blanks_only = (
                first_of_second == last_of_first + 1
                and text[raw[last_of_first][1] - 1] not in _PUNCT
                and text[raw[first_of_second][0]] not in _PUNCT
            )
            if size < 2 or (size < 3 and not content):
                continue
            if copies >= 3:
                where = f"{copies} times in a row"
                gap = text[
                    _word_span(text, raw[last_of_first])[1] : _word_span(text, raw[first_of_second])[0]
                ]
                if copies == 3 and size <= 3 and gap.strip() == ",":
                    # "Grenzschutz, Grenzschutz, Grenzschutz", "education, education, education": a
                    # slogan said three times is rhetoric the source usually holds too.
                    severity, note = Severity.INFO, " (three times with commas: a slogan?)"
            elif unit[0] in joins or unit[-1] in joins:
                continue  # "dure et dure et" is rhetoric
            elif blanks_only:
                where = "immediately"  # "la ville de la ville"
                if text[raw[first_of_second][0]].isupper() and text[raw[index[first]][0]].isupper():
                    # "Small yokan Small yokan is served...": a heading run into its sentence (the
                    # source row holds both), or a name used as a predicate ("makes Demon Slayer
                    # Demon Slayer"); a missing break rather than a loop.
                    severity, note = (
                        Severity.INFO,
                        " (a capitalised repeat: a heading run into its sentence?)",
                    )
            elif content:
                # With punctuation between, two copies are often style: a chain ("beats the citizens,
                # the citizens beat the slaves"), a refrain ("my friend, my friend"), a gloss in
                # brackets. Only a long one keeps the rule's severity.
                where = "immediately"
                min_words, min_content, min_sum = in_sentence
                if size < min_words or content < min_content or size + content < min_sum:
                    severity = Severity.INFO
            else:
                continue
        else:
            end = second + size
            a1, a2 = raw[index[first]][0], raw[index[second]][0]
            same = bisect.bisect_right(starts, a1) == bisect.bisect_right(starts, a2)
            min_words, min_content, min_sum = in_sentence if same else in_paragraph
            if size < min_words or content < min_content or size + content < min_sum:
                continue
            where = "in the same sentence" if same else "in the same paragraph"
            after = (first + size, second + size)
            before = (first - 1, second - 1)
            if (after[1] < len(toks) and all(_is_slot(word(k)) for k in after)) or (
                before[0] >= 0 and all(_is_slot(word(k)) for k in before)
            ):
                severity, note = Severity.INFO, " (a parallel frame: what follows or precedes it differs)"
        start, stop_at = raw[index[first]], raw[index[first + size - 1]]
        copy = text[_word_span(text, start)[0] : _word_span(text, stop_at)[1]]
        if source_size is None:
            source_size = _source_repeat_size(seg.segment, ctx.param(UNSPACED_MIN_RUN))
        if _mirrors_source(size, source_size):
            severity, note = Severity.INFO, " (the source repeats too)"
        yield Hit(
            _word_span(text, raw[index[second]])[0],
            _word_span(text, raw[index[end - 1]])[1],
            f"phrase repeated {where}: {copy!r}{note}",
            suggestion="delete the repeat or restore what the source said here",
            severity=severity,
        )


RULES = (
    Rule(
        code="MTQ302",
        data_files=(
            DataFile("*", "function_words"),
            DataFile("*", "coordinating_conjunctions"),
            DataFile("*", "iteration_links"),
        ),
        name="repeated-phrase",
        category=Category.REPETITION,
        severity=Severity.WARNING,
        summary="A phrase repeated immediately (a loop of any length is one finding), or a content-bearing "
        "phrase repeated within one sentence (or a long one within one paragraph); iteration idioms "
        "('day after day after day') pass; info for a parallel frame ('registered in Korea ... registered "
        "in China') or when the source repeats too.",
        why="Neural MT can loop, saying the same phrase twice; the repeat usually replaces what the source "
        "said at that point, so something is also missing.",
        flagged=(
            Example(
                "Assad a repris le pays à des groupes armés soutenus par les États-Unis, décrits par "
                "Washington comme des groupes armés soutenus par les États-Unis.",
                "fr",
                spans=("des groupes armés soutenus par les États-Unis",),
            ),
            Example(
                "The army retook the city of Aleppo the city of Aleppo on Friday.",
                "en",
                spans=("the city of Aleppo",),
            ),
            Example("Le Pérou, le Pérou et la Bolivie ont signé l’accord.", "fr", spans=("le Pérou",)),
        ),
        passing=(
            Example(
                "Le président russe Vladimir Poutine a rencontré le président turc Recep Tayyip "
                "Erdogan. Le président russe a salué l’accord.",
                "fr",
            ),
            Example("Prices rose again and again and again in the first quarter of the year.", "en"),
            Example("Ils ont avancé pas à pas, jour après jour après jour, côte à côte.", "fr"),
        ),
        check=check_repeated_phrase,
        parameters=(
            SENTENCE_MIN_WORDS,
            SENTENCE_MIN_CONTENT,
            SENTENCE_MIN_SUM,
            PARAGRAPH_MIN_WORDS,
            PARAGRAPH_MIN_CONTENT,
            PARAGRAPH_MIN_SUM,
            UNSPACED_MIN_RUN,
        ),
    ),
)
