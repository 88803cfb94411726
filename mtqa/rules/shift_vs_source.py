"""Pronoun shifts that only the source proves.

MTQ211 person-shift-vs-source: a first- or second-person word in the translation, outside
quotations and reported speech, where the aligned source sentence has no first- or second-person
word at all (the target-only rule must guess whether the narrator may say "je"; with the source it
is certain). The source's persons come from mtqa.text.persons (tables for de, en, es, fr, it, ja,
nl, pl, pt, ru, uk, zh); only sources whose language keeps its subject pronouns (de, en, fr, nl)
prove an absence, so sources in Russian, Spanish, Japanese... are not checked. The severity is the
target form's in the person table (vous/you: info, as a reader aside); the newsroom spoken to
("comme nous l'a confirmé un porte-parole") is info; a second person where a German source has a
lower-case "sie"/"ihr" (she, they, her) and the target no third-person pronoun is a warning: MT
read it as the formal "Sie".

MTQ212 number-shift-vs-source: a third-person possessive whose grammatical number disagrees with
the source ("its fighters had entered" -> "son combattant était entré"). French marks the number on
the determiner (son/sa vs ses/leurs); English on the noun right after its/his/her/their. When
source and target have as many third-person possessives, all read with confidence, and the target
has more of one number than the source, the excess possessives are reported. Targets that mark
number on the noun (English) are not checked: "ses capacités" -> "its capacity" is idiomatic there,
not an error. Category: pronoun (possessive determiners are
pronominal forms; the dev data's "Wrong Pronoun" label is the closest). Subjects and verbs are not
compared: without a parser their number cannot be read reliably.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache, lru_cache

from mtqa.align import Sentence
from mtqa.data import table, word_list
from mtqa.model import Category, Severity
from mtqa.rules.base import DataFile, Example, Parameter, Rule
from mtqa.rules.source_pairs import NEEDS_SOURCE, hit, pairs
from mtqa.text.persons import absence_is_evidence, formal_lookalike, voices
from mtqa.text.regex_store import compile_stored
from mtqa.text.speech import speech_verbs
from mtqa.text.trigger_runs import clears, cut_between_runs, first_runs

_TOKEN = compile_stored(r"[\p{L}\p{M}]+(?:[-‐][\p{L}\p{M}]+)*(?:['’]s)?")
_SINGULAR_S = ("ss", "us", "is", "'s", "’s", "ics")  # "press", "virus", "crisis", "politics"


NEWSROOM_GAP_AFTER = Parameter(
    "newsroom_gap_after",
    3,
    "Words (l', a, ont...) a first-person object pronoun may stand before the speech verb it is the "
    'object of ("nous l\'a confirmé"): the newsroom spoken to, reported as info.',
)
NEWSROOM_GAP_BEFORE = Parameter(
    "newsroom_gap_before",
    2,
    'Words (to...) a first-person object pronoun may stand after its speech verb ("told us"): the '
    "newsroom spoken to, reported as info.",
)
PLURAL_MIN_LETTERS = Parameter(
    "plural_min_letters",
    4,
    'Letters of the shortest noun after an English possessive whose final "s" marks a plural '
    '("its arms"; "its bus" is read as unknown).',
)

_TABLE_PERSONS = {"1s": "first", "1p": "first", "2": "second", "generic": "generic"}
_PERSONS = {"1": "first", "2": "second"}  # mtqa.text.persons voices -> the target's person names


@cache
def _person_words(lang: str) -> dict[str, str]:
    """word -> "first", "second" or "generic" (a personal voice in a source, never flagged), from
    the person table MTQ201 uses; elided forms lose their apostrophe (j' -> j), as tokens do."""
    return {r[0].rstrip("'’").lower(): _TABLE_PERSONS[r[1]] for r in table(lang, "person_pronouns")}


@cache
def _severities(lang: str) -> dict[str, Severity | None]:
    """word -> severity of the form in a translation (the table's fourth column, as MTQ201 reads
    it); None for forms too ambiguous to flag ("ton" is also the noun, "mine" a coal mine)."""
    return {
        r[0].rstrip("'’").lower(): None if r[3] == "none" else Severity.parse(r[3])
        for r in table(lang, "person_pronouns")
    }


# Words between an object pronoun and the speech verb it is the object of, in a clause whose
# subject is a third person ("comme nous l'a confirmé un porte-parole").
_OBJECT_GAP = {
    "fr": frozenset({"l", "le", "la", "les", "en", "y", "a", "ont", "avait", "avaient", "aurait"}),
    "en": frozenset({"to"}),
}


# Third-person pronouns: a target sentence that has one may have rendered the source's "sie" with
# it, and its "vous" is then something else (an aside to the reader).
_THIRD_PERSON = {
    "fr": frozenset({"il", "elle", "ils", "elles", "lui", "eux", "leur", "leurs", "son", "sa", "ses"}),
    "en": frozenset({"he", "she", "they", "him", "her", "them", "his", "hers", "their", "theirs"}),
}


@cache
def _objects(lang: str) -> dict[str, bool]:
    return {r[0].lower(): r[2] == "object" for r in table(lang, "person_pronouns")}


def _told_the_newsroom(tokens: list, k: int, lang: str, gap_after: int, gap_before: int) -> bool:
    """The newsroom as the one spoken to ("a spokesman told us", "comme nous l'a confirmé un
    porte-parole"): the outlet's own voice, which translators add for "auf Anfrage", "on request"."""
    gap, verbs = _OBJECT_GAP.get(lang, frozenset()), speech_verbs(lang)
    after = k + 1
    while after < len(tokens) and after <= k + gap_after and tokens[after].group().lower() in gap:
        after += 1
    if after > k + 1 and after < len(tokens) and tokens[after].group().lower() in verbs:
        return True
    if not _objects(lang).get(tokens[k].group().lower()):
        return False  # "said we would": a subject after the verb is the speaker, not the listener
    before = k - 1
    while before >= 0 and before >= k - gap_before and tokens[before].group().lower() in gap:
        before -= 1
    return before >= 0 and tokens[before].group().lower() in verbs


def _person(token: str, words: dict[str, str], text: str, end: int) -> str | None:
    low = token.lower().replace("’", "'")
    person = words.get(low)
    if person is None or token == "i":  # "i" is a list marker or "i.e.", never the pronoun
        return None
    if len(low) == 1 and low != "i" and text[end : end + 1] not in ("'", "’"):
        return None  # j', m', t' are pronouns only when elided ("3m", "54-m" are metres)
    # "US" is the country, not "us"; "I" is the only upper-case pronoun.
    if token.islower() or token == "I" or (token[0].isupper() and token[1:].islower()):
        return person
    return None


def _may_hold_person(text: str, words: dict[str, str]) -> bool:
    """False when no token of `text` is a person word, whatever its case: lowering the whole text
    keeps its token boundaries, so one findall and a set test in C stand for a call of `_person`
    per token in most sentences."""
    tokens = _lower_tokens(text)
    if "’" in text:
        tokens = frozenset(t.replace("’", "'") for t in tokens)
    return not words.keys().isdisjoint(tokens)


@lru_cache(maxsize=1024)
def _lower_tokens(text: str) -> frozenset[str]:
    """The tokens of the lower-cased text. Lowering keeps the token boundaries, and so does reading
    "’" as "'" (both are non-letters the token pattern treats alike): one scan of a target sentence
    serves both the person and the possessive rule (MTQ211, MTQ212), which read it in turn."""
    return frozenset(_TOKEN.findall(text.lower()))


def _sentence_filter(view, words) -> Callable[[Sentence], bool]:
    """A test of a target sentence: False when it cannot hold a token among `words` (lower case),
    read on its segment's letter runs (mtqa.text.trigger_runs, exact); True when it may."""
    runs = first_runs(words)
    cleared = [clears(seg, runs) for seg in view.segments]
    segments = view.segments
    return lambda s: not (cleared[s.segment] and cut_between_runs(segments[s.segment].text, s.start, s.end))


def check_person(view, ctx):
    al = view.alignment
    if al is None or not view.lang or not al.source_lang:
        return
    target_words = _person_words(view.lang)
    if not target_words or not absence_is_evidence(al.source_lang):
        return  # a source that drops its subject pronouns may speak in person without any form
    from mtqa.text.quotes import scan_quotes

    # A source that addresses its reader ("you") or speaks as "we" anywhere outside quotations
    # has a personal narration: that person is then no shift in any sentence of the translation.
    # Read on the first person word of the translation that is no generic one (most documents
    # have none): a scan of every source segment.
    narration: set[str] | None = None
    severities = _severities(view.lang)
    gap_after, gap_before = ctx.param(NEWSROOM_GAP_AFTER), ctx.param(NEWSROOM_GAP_BEFORE)
    may_hold = _sentence_filter(view, target_words)
    for pair in pairs(view):
        holders = [s for s in pair.target if may_hold(s) and _may_hold_person(s.text, target_words)]
        if not holders or voices(pair.source_text, al.source_lang):
            continue
        src_tokens = None  # read only when a target sentence holds a person word
        for s in holders:
            tokens = list(_TOKEN.finditer(s.text))
            for k, m in enumerate(tokens):
                person = _person(m.group(), target_words, s.text, m.end())
                if person in (None, "generic"):
                    continue
                if narration is None:
                    # Voices outside quotations are a subset of all voices (remembered per text):
                    # a segment with no first or second person at all needs no quotation scan.
                    narration = {
                        _PERSONS[v]
                        for t in al.source_segments
                        if not _PERSONS.keys().isdisjoint(voices(t, al.source_lang))
                        for v in voices(t, al.source_lang, scan_quotes(t))
                        if v in _PERSONS
                    }
                if person in narration:
                    continue
                if src_tokens is None:
                    src_tokens = {t.group() for t in _TOKEN.finditer(pair.source_text)}
                if m.group() in src_tokens:
                    continue  # "(I)" copied from the source is a numeral
                if m.group() == "I" and (
                    s.text[m.end() : m.end() + 1] in (")", ".")
                    or (k >= 2 and tokens[k - 1].group()[:1].isupper())
                ):
                    continue  # a roman numeral: "World War I", "Part I.", "(I)"
                severity = severities.get(m.group().lower().replace("’", "'"))
                if severity is None or view.speech.inside(s.segment, s.start + m.start(), s.start + m.end()):
                    continue  # quoted, or reported speech ("Nous sommes prêts, a déclaré X")
                message = f"{m.group()!r}: {person} person where the source sentence has none"
                if _told_the_newsroom(tokens, k, view.lang, gap_after, gap_before):
                    severity = Severity.INFO
                elif (
                    person == "second"
                    and (lookalike := formal_lookalike(pair.source_text, al.source_lang))
                    and not _THIRD_PERSON.get(view.lang, frozenset()).intersection(
                        t.group().lower() for t in tokens
                    )
                ):
                    severity = Severity.WARNING  # "sie"/"ihr" (she, they, her) read as the formal "Sie"
                    message = f"{m.group()!r}: second person for the source's third-person {lookalike!r}"
                yield hit(
                    s,
                    m.start(),
                    m.end(),
                    message,
                    pair,
                    severity=severity,
                )


@cache
def _function_words(lang: str) -> frozenset[str]:
    return frozenset(word_list(lang, "function_words"))


@cache
def _possessives(lang: str) -> dict[str, str]:
    return {r[0]: r[1] for r in table(lang, "possessives")}


def _noun_number(tokens: list[str], k: int, stop: frozenset[str], plural_min: int) -> str:
    """Number of the noun right after the determiner at k, or "?" when it cannot be read with
    confidence (an adjective may come first: "its armed fighters")."""
    if k + 1 >= len(tokens):
        return "?"
    head = tokens[k + 1].lower()
    if head.endswith("s") and len(head) >= plural_min and not head.endswith(_SINGULAR_S):
        return "pl"
    nxt = tokens[k + 2].lower() if k + 2 < len(tokens) else ""
    return "sg" if (not nxt or nxt in stop) and head not in stop else "?"


def _possessive_numbers(text: str, lang: str, plural_min: int) -> list[tuple[int, int, str]]:
    table_ = _possessives(lang)
    if not table_ or table_.keys().isdisjoint(_lower_tokens(text)):
        return []  # most sentences hold no possessive: no per-token pass
    matches = list(_TOKEN.finditer(text))
    tokens = [m.group() for m in matches]
    stop = _function_words(lang)
    out = []
    for k, m in enumerate(matches):
        kind = table_.get(m.group().lower())
        if kind is None:
            continue
        out.append(
            (m.start(), m.end(), _noun_number(tokens, k, stop, plural_min) if kind == "noun" else kind)
        )
    return out


def check_possessive_number(view, ctx):
    al = view.alignment
    if al is None or not view.lang or not al.source_lang:
        return
    if "noun" in _possessives(view.lang).values():
        return  # the target marks number on the noun (English): mass nouns make that unreliable
    plural_min = ctx.param(PLURAL_MIN_LETTERS)
    may_hold = _sentence_filter(view, _possessives(view.lang))
    for pair in pairs(view):
        tgt = [
            (s, a, b, n)
            for s in pair.target
            if may_hold(s)
            for a, b, n in _possessive_numbers(s.text, view.lang, plural_min)
        ]
        if not tgt:
            continue  # the test below fails for an empty target: the source is not read
        src = [n for _, _, n in _possessive_numbers(pair.source_text, al.source_lang, plural_min)]
        # Compare only when every possessive is read and both sides have as many: then they are
        # most likely the same possessives, and a count that differs is a shifted number.
        if not src or "?" in src or len(src) != len(tgt):
            continue
        for wrong in ("sg", "pl"):
            excess = sum(1 for x in tgt if x[3] == wrong) - src.count(wrong)
            if excess <= 0:
                continue
            word = "singular" if wrong == "sg" else "plural"
            other = "plural" if wrong == "sg" else "singular"
            for s, a, b, _ in [x for x in tgt if x[3] == wrong][-excess:]:
                end = b
                nxt = _TOKEN.search(s.text, b)
                if nxt is not None and nxt.start() - b <= 1:
                    end = nxt.end()
                yield hit(
                    s, a, end, f"{word} possessive {s.text[a:end]!r} where the source has a {other} one", pair
                )


RULES = (
    Rule(
        code="MTQ211",
        data_files=(
            DataFile("*", "person_pronouns", 4),
            DataFile("*", "function_words"),
        ),
        name="person-shift-vs-source",
        category=Category.PRONOUN,
        severity=Severity.WARNING,
        summary="A first- or second-person word in the translation, outside quotations and reported speech, "
        "where the aligned source sentence has none (sources that keep subject pronouns: de, en, fr, nl); "
        'German "sie" rendered as "vous"/"you".',
        why='MT turns reported facts into a confession or an address to the reader ("but never did" -> '
        '"mais je ne l\'ai jamais fait"); the source proves the narrator never spoke in person.',
        flagged=(
            Example(
                "La Turquie a promis de séparer les terroristes des rebelles, mais je ne l'ai jamais fait.",
                "fr",
                source="Turkey promised to separate the terrorists from the rebels but never did.",
                spans=("je",),
            ),
            Example(
                "Turkey promised to separate the terrorists from the rebels, but I never did.",
                "en",
                source="La Turquie a promis de séparer les terroristes des rebelles, sans jamais le faire.",
                spans=("I",),
            ),
        ),
        passing=(
            Example(
                "« Nous tiendrons », a déclaré le ministre.",
                "fr",
                source='"We will hold," the minister said.',
            ),
            Example("We will hold, the minister said.", "en", source="Nous tiendrons, a dit le ministre."),
            Example("Les forces américaines ont quitté la base.", "fr", source="US forces left the base."),
        ),
        check=check_person,
        parameters=(NEWSROOM_GAP_AFTER, NEWSROOM_GAP_BEFORE),
        scope="document",
        inputs=NEEDS_SOURCE,
        supersedes=("MTQ201",),
    ),
    Rule(
        code="MTQ212",
        data_files=(
            DataFile("*", "person_pronouns", 4),
            DataFile("*", "possessives", 2),
            DataFile("*", "function_words"),
        ),
        name="number-shift-vs-source",
        category=Category.PRONOUN,
        severity=Severity.WARNING,
        summary="A third-person possessive whose grammatical number disagrees with the source "
        '("its fighters" -> "son combattant").',
        why="A singular for a plural changes the fact reported (one fighter, not a force), and reads "
        "fluently enough to pass a monolingual review.",
        flagged=(
            Example(
                "HTS a déclaré que son combattant était entré dans Alep.",
                "fr",
                source="HTS said its fighters had entered Aleppo.",
                spans=("son combattant",),
            ),
            Example(
                "Le groupe a confirmé que ses commandants avaient été tués.",
                "fr",
                source="The group confirmed that its commander had been killed.",
                spans=("ses commandants",),
            ),
        ),
        passing=(
            Example(
                "HTS a déclaré que ses combattants étaient entrés dans Alep.",
                "fr",
                source="HTS said its fighters had entered Aleppo.",
            ),
            Example(
                "The government said its troops had inflicted heavy losses.",
                "en",
                source="Le gouvernement a déclaré que ses troupes avaient infligé de lourdes pertes.",
            ),
        ),
        check=check_possessive_number,
        parameters=(PLURAL_MIN_LETTERS,),
        scope="document",
        inputs=NEEDS_SOURCE,
    ),
)
