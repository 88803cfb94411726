"""Person shift: first- or second-person forms in third-person narration (MTQ201).

News narration is third person. A translation model working sentence by sentence sometimes renders
an impersonal or elliptical source clause with "je"/"we" ("... but never did" -> "mais je ne l'ai
jamais fait"). Quotations, reported speech after a colon, dialogue dashes and imperatives glued to
their pronoun ("Suivez-nous") are left alone. A document whose narration is itself first or second
person (a review, an op-ed, an abstract's "we", a product page's "vous") is recognised by how many
of its sentences use that person, and that person is then not reported in it.
"""

from __future__ import annotations

import bisect
import dataclasses
from dataclasses import dataclass
from functools import cache

import regex

from mtqa.data import table, word_list
from mtqa.model import Category, Severity
from mtqa.rules.base import Context, DataFile, Example, Hit, Parameter, Rule
from mtqa.text import persons
from mtqa.text.regex_store import compile_stored

LANGUAGES = frozenset({"fr", "en"})
VOICE_MIN_SENTENCES = Parameter(
    "voice_min_sentences",
    2,
    "Narration sentences a person must be used in (with voice_min_share) to be the document's own "
    "voice, which is then not reported.",
)
VOICE_MIN_SHARE = Parameter(
    "voice_min_share",
    0.1,
    "Share (0-1) of the narration sentences a person must be used in (with voice_min_sentences) to be "
    "the document's own voice.",
)
_CLAUSE_MAX_WORDS = 8
_CLAUSE_END = compile_stored(r"[,;:.!?…«»\"“”()\[\]\n—–]")
_WORD = compile_stored(r"[\p{L}\p{M}'’-]+")
NARRATION_MIN_WORDS = Parameter(
    "narration_min_words",
    4,
    "Words of a third-person clause before a 'je'/'I' for it to be a shift at the rule's severity "
    "(otherwise it is reported as info).",
)
_NARRATION_LOOKBACK = 400  # characters read back from the pronoun for that clause


@dataclass(frozen=True)
class _Form:
    person: str
    subject: bool
    severity: Severity


@cache
def _lexicon(lang: str) -> tuple[dict[str, _Form], regex.Pattern]:
    forms = {
        row[0]: _Form(row[1], row[2] == "subject", Severity.parse(row[3]))
        for row in table(lang, "person_pronouns")
        if row[3] != "none"  # voice evidence for the source-aware rule only
    }
    elided = sorted((f[:-1] for f in forms if f.endswith("'")), key=len, reverse=True)
    whole = sorted((f for f in forms if not f.endswith("'")), key=len, reverse=True)
    alternatives = [rf"(?:{regex.escape(e)})['’](?=\p{{L}})" for e in elided]
    alternatives.append(rf"(?:{'|'.join(map(regex.escape, whole))})(?![\p{{L}}\p{{M}}'’-])")
    # Case-insensitive here; the case is checked per hit (US is the country, Me a lawyer's title).
    pattern = compile_stored(rf"(?<![\p{{L}}\p{{M}}\d'’-])(?:{'|'.join(alternatives)})", regex.IGNORECASE)
    return forms, pattern


@cache
def _stems(lang: str) -> frozenset[str]:
    """Every form without its elision apostrophe, lower-cased: what the form pattern can match is
    always a whole run of letters equal to one of these (case aside)."""
    forms, _ = _lexicon(lang)
    return frozenset(f.rstrip("'’").lower() for f in forms)


def _may_hold_form(seg, lang: str) -> bool:
    """False when no run of letters of the segment is a personal form: many segments of news,
    cleared by a set test instead of the case-insensitive form pattern. The forms are ASCII, and
    the only letter the pattern's IGNORECASE matches to ASCII that lower() does not turn into
    ASCII is the long s (ſ), hence its test: this never clears a segment the pattern matches in."""
    return not _stems(lang).isdisjoint(seg.lower_letter_runs) or "ſ" in seg.text


@cache
def _clause_breaks(lang: str) -> frozenset[str]:
    return frozenset(word_list(lang, "clause_breaks"))


@cache
def _coordinators(lang: str) -> frozenset[str]:
    return frozenset(w.lower() for w in word_list(lang, "shift_conjunctions"))


def _form_of(token: str, forms: dict[str, _Form]) -> _Form | None:
    key = token.replace("’", "'")
    return forms.get(key) if key in forms else forms.get(key.lower())


def _case_ok(token: str, text: str, start: int, sentence_starts: set[int], lang: str) -> bool:
    if lang == "en" and token == "I":
        return True
    if token.islower():
        return True
    if not (token[:1].isupper() and not any(c.isupper() for c in token[1:]) and start in sentence_starts):
        return False
    # "Me Dupont" (Maître, a lawyer's title): a capitalised form before a name is not a pronoun.
    following = regex.match(r"\s+(\p{L})", text[start + len(token) : start + len(token) + 3])
    return following is None or not following.group(1).isupper()


def _roman_numeral(text: str, start: int, lang: str) -> bool:
    """'I' after a name or a counter word (World War I, Elizabeth I, phase I) is a numeral."""
    before = text[max(0, start - 30) : start].rstrip()
    if before.endswith("(") and text[start + 1 : start + 2] == ")":
        return True  # "(I)", a part number
    prev = regex.search(r"([\p{L}]+)$", before)
    if prev is None:
        return False
    word = prev.group(1)
    if word.lower() in word_list(lang, "roman_numeral_contexts"):
        return True
    if (
        word[0].isupper()
        and not before[: prev.start()].rstrip().endswith((".", "!", "?"))
        and prev.start() > 0
    ):
        return True  # "Elizabeth I", "Louis I" (but not a sentence-initial "Then I")
    after = text[start + 1 : start + 6]
    return bool(regex.match(r"\s*(?:[-–/,]|and\b|or\b|et\b)\s*I", after))


def _clause_end(text: str, start: int, end: int, lang: str) -> int:
    """End of the clause a subject pronoun opens: the next punctuation or conjunction, within
    a few words; past that only the pronoun is reported."""
    breaks = _clause_breaks(lang)
    stop = _CLAUSE_END.search(text, end)
    limit = stop.start() if stop else len(text)
    last = end
    for n, m in enumerate(_WORD.finditer(text, end, limit)):
        if m.group().lower() in breaks:
            break
        if n >= _CLAUSE_MAX_WORDS:
            return end
        last = m.end()
    return last


def _numeral_or_initial(text: str, start: int, lang: str) -> bool:
    return _roman_numeral(text, start, lang) or _initial(text, start)


def _initial(text: str, start: int) -> bool:
    """'I.' as an initial ("N. I. Pirogov", "I. Ivanov"): a capital and a full stop, then a name."""
    if text[start + 1 : start + 2] != ".":
        return False
    return bool(regex.match(r"\.\s*\p{Lu}", text[start + 1 : start + 4])) or bool(
        regex.search(r"(?:^|\s)\p{Lu}\.\s*$", text[max(0, start - 4) : start])
    )


def _after_narration_clause(text: str, sentence_start: int, start: int, lang: str, min_words: int) -> bool:
    """The pronoun opens a clause coordinated to a third-person one in the same sentence ("La
    Turquie a promis …, mais je ne l'ai jamais fait"): the sentence began as narration and switched
    person mid-way, the shape MT gives an impersonal or elliptical source clause. A sentence opening
    with its own "je"/"I", or one that only sets a scene first ("Assuming we…", "Depuis, nous…"), is
    how quoted or first-person speech reads, and says little on its own."""
    # A clause, not a whole run-on paragraph: the look-back is bounded, so a huge sentence full of
    # pronouns stays linear.
    before = text[max(sentence_start, start - _NARRATION_LOOKBACK) : start]
    words = _WORD.findall(before)
    if len(words) < min_words or words[-1].lower() not in _coordinators(lang):
        return False
    forms, _ = _lexicon(lang)
    return not any(_form_of(w, forms) for w in words[:-1])


def _narration_hits(seg, lang: str, in_speech, min_words: int):
    """(person, sentence index, Hit) for every personal form outside quotations and reported speech
    in a segment; `in_speech(start, end)` says whether a span is inside one; `min_words` is the
    narration_min_words parameter."""
    text = seg.text
    if not _may_hold_form(seg, lang):
        return
    forms, pattern = _lexicon(lang)
    sentences = seg.sentences
    starts = {a for a, _ in sentences}
    sentence_starts = [a for a, _ in sentences]
    for m in pattern.finditer(text):
        token = m.group()
        form = _form_of(token, forms)
        if form is None or not _case_ok(token, text, m.start(), starts, lang):
            continue
        if in_speech(m.start(), m.end()):
            continue
        if lang == "en" and token == "I" and _numeral_or_initial(text, m.start(), lang):
            continue
        if token.lower() == "us" and text[m.end() : m.end() + 1] in ("$", "."):
            continue  # us$, u.s. in lower-cased text: the country
        s_index = max(0, bisect.bisect_right(sentence_starts, m.start()) - 1)
        s_start = sentences[s_index][0] if sentences and sentences[s_index][0] <= m.start() else 0
        end = _clause_end(text, m.start(), m.end(), lang) if form.subject else m.end()
        person = {"1s": "first person singular", "1p": "first person plural", "2": "second person"}[
            form.person
        ]
        # Singular only: "we"/"nous" after a narrated clause is as often generic ("and we go on foot"
        # for a subjectless "one walks there") as a shift; "je"/"I" there is the narrator's own act.
        shifted = (
            form.subject
            and form.person == "1s"
            and _after_narration_clause(text, s_start, m.start(), lang, min_words)
        )
        message = f"{person} '{token}' in third-person narration, outside any quotation"
        if shifted:
            message = f"{person} '{token}' takes over a sentence narrated in the third person"
        yield (
            form.person,
            s_index,
            Hit(m.start(), end, message, severity=form.severity if shifted else Severity.INFO),
        )


def _narration_sentences(seg, index: int, speech) -> int:
    return sum(1 for a, _ in seg.sentences if not speech.inside(index, a))


def _voice(person: str) -> str:
    """Singular and plural first person make one narrative voice (a review's "I" and "we")."""
    return person[:1]


def _source_persons(seg, src_lang: str | None) -> tuple[set[str], bool]:
    """Persons the source segment uses (a translation that keeps the source's "I" or "we" has not
    shifted person), and whether their absence there is evidence: a source in a language that drops
    subject pronouns ("в Сирии защитили": "we defended") may speak in the first person unseen."""
    src = seg.segment.src
    if not src or not src_lang:
        return set(), False
    return set(persons.source_voices(src, src_lang)), persons.absence_is_evidence(src_lang)


def _with_source(hits, seg, src_lang: str | None):
    in_source, conclusive = _source_persons(seg, src_lang)
    kept = [h for h in hits if _voice(h[0]) not in in_source]
    if conclusive:
        return kept
    return [(p, s, dataclasses.replace(h, severity=Severity.INFO)) for p, s, h in kept]


def check_person_shift(view, ctx: Context):
    lang = ctx.lang
    if lang not in LANGUAGES:
        return
    src_lang = view.document.src_lang
    min_words = ctx.param(NARRATION_MIN_WORDS)
    per_segment = []
    used: dict[str, set[tuple[int, int]]] = {}
    for i, seg in enumerate(view.segments):
        # view.speech is built on the first call only: most documents hold no personal form at all
        hits = list(_narration_hits(seg, lang, lambda a, b, i=i: view.speech.inside(i, a, b), min_words))
        if hits and seg.segment.src:
            hits = _with_source(hits, seg, src_lang or seg.segment.src_lang)
        per_segment.append((i, hits))
        for person, s_index, _ in hits:
            used.setdefault(_voice(person), set()).add((i, s_index))
    if not used:
        return  # no personal form anywhere: the narration count below would not matter
    narration = sum(_narration_sentences(seg, i, view.speech) for i, seg in enumerate(view.segments))
    min_sentences, min_share = ctx.param(VOICE_MIN_SENTENCES), ctx.param(VOICE_MIN_SHARE)
    voice = {
        p
        for p, sentences in used.items()
        if len(sentences) >= min_sentences and len(sentences) >= min_share * narration
    }
    for i, hits in per_segment:
        last_end = -1
        for person, _, hit in hits:
            if _voice(person) in voice or hit.start < last_end:
                continue  # the narrator's own voice, or a form inside a clause already reported
            last_end = hit.end
            yield Hit(hit.start, hit.end, hit.message, severity=hit.severity, segment=i)


RULES = (
    Rule(
        code="MTQ201",
        data_files=(
            DataFile("*", "person_pronouns", 4),
            DataFile("*", "clause_breaks"),
            DataFile("*", "shift_conjunctions"),
            DataFile("*", "roman_numeral_contexts"),
        ),
        name="person-shift",
        category=Category.PRONOUN,
        severity=Severity.WARNING,
        summary="First- or second-person pronouns (je, nous, vous, I, we, you...) in third-person "
        "narration, outside quotations; silent where the whole document speaks in that person.",
        why="A news article narrates in the third person; a stray 'je' or 'we' makes the newsroom "
        "claim an act it only reports, and usually hides a mistranslated impersonal clause.",
        flagged=(
            Example(
                "La Turquie a promis de séparer les groupes, mais je ne l'ai jamais fait. "
                "L'accord de 2020 visait à mettre fin aux combats.",
                spans=("je ne l'ai jamais fait",),
            ),
            Example(
                "The ministry promised reforms in 2019, but I never delivered them. Talks resumed in March.",
                lang="en",
                spans=("I never delivered them",),
            ),
        ),
        passing=(
            Example(
                "« Je ne l'ai jamais fait », a déclaré le ministre. Il a ajouté : nous partirons demain."
            ),
            Example(
                "Historians compare World War I with the reign of Elizabeth I. The US said "
                '"we will respond".',
                lang="en",
            ),
        ),
        check=check_person_shift,
        scope="document",
        parameters=(VOICE_MIN_SENTENCES, VOICE_MIN_SHARE, NARRATION_MIN_WORDS),
        languages=LANGUAGES,
    ),
)
