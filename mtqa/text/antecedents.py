"""Who a French subject pronoun (il, elle, ils, elles) refers to, read over the whole document.

Mentions are what a reader can see the gender and number of without a parser:

- a noun after a determiner or a pre-nominal adjective that marks gender ("le pont", "la nouvelle
  directrice", "les nouvelles règles"); a plural or elided noun ("les ponts", "l'accord") takes the
  gender the same noun has after a gendered determiner elsewhere in the document;
- a person named with a title ("M. Dupont", "Mme Merkel") or a first name whose gender the
  `gender-guesser` list knows ("Angela Merkel"); the surname alone later in the document keeps it;
- an earlier subject pronoun, which carries its own gender ("Il a ajouté…" after "Il a dit…").

The resolver is deliberately timid (precision first): the antecedent of a subject pronoun is the
subject of its own sentence when that comes before it ("Le ministre a dit qu'il…"), else the subject
of the previous sentence; it answers only when that subject's gender and number are known, and
reports a competitor (a subject of the pronoun's own gender and number in the same or the two
previous sentences) so a rule can stay
silent where two candidates compete. Impersonal "il" ("il faut", "il y a", "il est possible de")
has no antecedent. Offsets are the segment's own: the text is never normalised.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import cache

import regex

from mtqa.data import table, word_list

SUBJECT_PRONOUNS = {"il": ("m", "sg"), "elle": ("f", "sg"), "ils": ("m", "pl"), "elles": ("f", "pl")}
_TOKEN = regex.compile(
    r"(?:MM|Mrs|Mr|Ms|M)\.|[\p{L}\p{M}]+['’](?=\p{L})|[\p{L}\p{M}]+(?:[-‐][\p{L}\p{M}]+)*|\d+|[^\s\p{L}\p{M}\d]"
)
# Words before "le/la/les/l'" that make it an object pronoun, not a determiner ("il la voit").
_OBJECT_CONTEXT = frozenset("je j' tu il elle on nous vous ils elles ne n' se s' me m' te t' qui".split())
_PREPOSITIONS = frozenset(
    "à de d' en dans pour avec par sur sous après avant selon pendant depuis chez contre sans vers "
    "malgré entre parmi envers durant lors dès jusqu' jusqu' auprès face près loin".split()
)
_CLAUSE_PUNCT = frozenset(',;:()«»"“”')
# Words after "ce"/"le"/"la" that make it no determiner of a noun ("ce qui", "ce n'est").
_FUNCTION_HEADS = frozenset("qui que qu' dont n' ne est sont était fut sera serait".split())
# Heads whose agreement follows the noun after "de" ("la plupart des protestants ... ils").
_PARTITIVE_HEADS = frozenset("plupart moitié majorité totalité reste ensemble une un part partie".split())
_BREAKS = regex.compile(r"[,;:–—]|\s-\s")
_WINDOW = 2  # sentences read back for a competing subject


@dataclass(frozen=True)
class Mention:
    sentence: int  # index in Antecedents.sentences
    start: int  # offsets local to the segment
    end: int
    text: str
    gender: str | None  # "m", "f" or None (unknown)
    number: str | None  # "sg", "pl" or None
    kind: str  # "noun", "person", "name", "pronoun"
    subject: bool  # first mention of its sentence, not introduced by a preposition


@dataclass(frozen=True)
class DocSentence:
    segment: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Resolution:
    pronoun: Mention
    antecedent: Mention
    competitor: Mention | None  # a nearby mention of the pronoun's own gender and number


@cache
def _determiners() -> dict[str, tuple[str | None, str]]:
    return {r[0]: (None if r[1] == "-" else r[1], r[2]) for r in table("fr", "gender_determiners")}


@cache
def _adjectives() -> dict[str, tuple[str | None, str | None]]:
    return {
        r[0]: (None if r[1] == "-" else r[1], None if r[2] == "-" else r[2])
        for r in table("fr", "prenominal_adjectives")
    }


@cache
def _titles() -> dict[str, str]:
    return {r[0]: r[1] for r in table("fr", "human_titles")}


@cache
def _impersonal_verbs() -> frozenset[str]:
    return frozenset(word_list("fr", "impersonal_il"))


@cache
def _function_words() -> frozenset[str]:
    return frozenset(w.lower() for w in word_list("fr", "function_words"))


@cache
def _first_names() -> dict[str, str] | None:
    """Lower-case first name -> "m" or "f", where gender-guesser's list has no doubt; None when it is
    not installed (persons are then known by their titles alone). Its 60,000-name table is parsed
    once per machine and read back from the user cache (mtqa.cache) on later runs."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        installed = version("gender-guesser")
    except PackageNotFoundError:
        return None
    from mtqa.cache import cached

    return cached("first-names", _build_first_names, (installed,))


def _build_first_names() -> dict[str, str]:
    from gender_guesser.detector import Detector

    detector = Detector(case_sensitive=False)
    genders = {"male": "m", "female": "f"}
    return {n: genders[g] for n in detector.names if (g := detector.get_gender(n)) in genders}


def first_name_gender(name: str) -> str | None:
    """The gender ("m" or "f") the list gives a first name without doubt, else None."""
    names = _first_names()
    if names is None or len(name) < 3 or name.lower() in _function_words():
        return None
    return names.get(name.lower())


@cache
def _common_word(word: str) -> bool:
    """A capitalised sentence-initial word that is a frequent French word ("Mais", "Selon", "Né"),
    not a name."""
    from mtqa.text.lexicon import zipf

    return zipf(word.lower(), "fr") >= 3.0


def _norm(word: str) -> str:
    return word.lower().replace("’", "'")


def _singular(word: str) -> str:
    low = word.lower()
    if low.endswith("aux") and len(low) > 4:
        return low[:-3] + "al"
    return low[:-1] if low.endswith(("s", "x")) and len(low) > 3 else low


def _impersonal(tokens: list[str], k: int) -> bool:
    """Whether "il" at k has no antecedent: il (ne) y a, il s'agit, il faut, il a fallu, il est
    possible de/que."""
    rest = [_norm(t) for t in tokens[k + 1 : k + 8]]
    while rest and rest[0] in ("ne", "n'"):
        rest = rest[1:]
    if not rest:
        return False
    first, second = rest[0], rest[1] if len(rest) > 1 else ""
    if first == "y" and second in ("a", "avait", "aura", "aurait", "eut", "ait", "en"):
        return True  # il y a, il y avait, il y en a
    if first in ("s'", "se") and second.startswith(("agi", "avèr", "peut", "pourrait", "passe", "trouve")):
        return True  # il s'agit, il s'avère, il se peut, il se trouve que
    if first == "en" and second in ("va", "allait", "ira", "est", "était", "faut"):
        return True  # il en va de même
    verbs = _impersonal_verbs()
    if first in verbs or (
        first in ("a", "avait", "aura", "aurait", "eût") and len(rest) > 1 and rest[1] in verbs
    ):
        return True
    if first in ("est", "était", "sera", "serait", "fut", "semble"):
        for j in range(1, min(7, len(rest))):
            if rest[j] in ("de", "d'", "que", "qu'") and j >= 2:
                return True  # il est possible de, il est temps que
            if rest[j] in _determiners() or rest[j] in _CLAUSE_PUNCT:
                break
        return rest[1:2] in (["temps"], ["question"], ["une"])
    return False


class Antecedents:
    """Sentences, mentions and subject pronouns of one French document, computed once."""

    def __init__(self, texts: list[str], sentence_spans: list[list[tuple[int, int]]]) -> None:
        self.sentences: list[DocSentence] = [
            DocSentence(i, a, b, texts[i][a:b]) for i, spans in enumerate(sentence_spans) for a, b in spans
        ]
        self.people: dict[str, str] = {}  # surname -> gender, from titles and first names
        self._nouns: dict[str, str] = {}  # singular noun -> gender seen after a gendered determiner
        raw = [self._read(k, s) for k, s in enumerate(self.sentences)]
        # Second pass: plural and elided nouns, and surnames alone, take the gender the document gave
        # them elsewhere (a noun's gender is fixed, so reading ahead is as good as reading back).
        self.mentions: list[list[Mention]] = [[self._complete(m) for m in ms] for ms in raw]
        self.pronouns: list[Mention] = [m for ms in self.mentions for m in ms if m.kind == "pronoun"]

    def _read(self, k: int, sent: DocSentence) -> list[Mention]:
        found = list(_TOKEN.finditer(sent.text))
        tokens = [m.group() for m in found]
        out: list[Mention] = []
        i = 0
        while i < len(tokens):
            tok, low = tokens[i], _norm(tokens[i])
            prev = _norm(tokens[i - 1]) if i else ""
            off = sent.start
            if low in SUBJECT_PRONOUNS and (tok.islower() or tok[:1].isupper() and tok[1:].islower()):
                before = sent.text[found[i].start() - 1 : found[i].start()] if found[i].start() else ""
                after = sent.text[found[i].end() : found[i].end() + 1]
                if before not in ("-", "‐") and after not in ("-", "‐"):
                    # After a preposition elle/elles is a stressed pronoun ("pour elle"), no subject.
                    if prev not in _PREPOSITIONS and not (low == "il" and _impersonal(tokens, i)):
                        g, n = SUBJECT_PRONOUNS[low]
                        a, b = off + found[i].start(), off + found[i].end()
                        out.append(Mention(k, a, b, tok, g, n, "pronoun", True))
                i += 1
                continue
            title = _titles().get(tok)
            if title and i + 1 < len(tokens) and tokens[i + 1][:1].isupper():
                j = i + 1
                while j + 1 < len(tokens) and tokens[j + 1][:1].isupper() and tokens[j + 1].isalpha():
                    j += 1
                self.people[tokens[j]] = title
                out.append(self._mention(k, found, i, j, title, "sg", "person", prev))
                i = j + 1
                continue
            det = _determiners().get(low)
            if det and not (low in ("le", "la", "les", "l'") and prev in _OBJECT_CONTEXT):
                gender, number = det
                j = i + 1
                while j < len(tokens) and _norm(tokens[j]) in _adjectives():
                    g2, n2 = _adjectives()[_norm(tokens[j])]
                    gender, number = gender or g2, number or n2
                    j += 1
                nxt = _norm(tokens[j + 1]) if j + 1 < len(tokens) else ""
                if j < len(tokens) and _norm(tokens[j]) in _FUNCTION_HEADS:
                    i = j  # "ce qui", "la plupart des": no noun of that gender
                    continue
                if (
                    j < len(tokens)
                    and _norm(tokens[j]) in _PARTITIVE_HEADS
                    and nxt in ("de", "des", "d'", "du")
                ):
                    gender, number = None, None
                if (
                    j < len(tokens)
                    and tokens[j][:1].isalpha()
                    and _norm(tokens[j]) not in ("des", "de", "d'")
                ):
                    head = tokens[j]
                    if gender and number == "sg" and head.islower():
                        self._nouns.setdefault(_singular(head), gender)
                    kind = "noun" if head.islower() else "name"
                    out.append(self._mention(k, found, i, j, gender, number, kind, prev))
                    i = j + 1
                    continue
            if tok[:1].isupper() and tok.isalpha():
                j = i
                while j + 1 < len(tokens) and tokens[j + 1][:1].isupper() and tokens[j + 1].isalpha():
                    j += 1
                if i == 0 and j == i and tok not in self.people and _common_word(tok):
                    i += 1  # "Mais", "Selon", "Né" opening a sentence: no name
                    continue
                gender = first_name_gender(tok) if j > i and prev not in _PREPOSITIONS else None
                if gender is None and out and out[-1].kind == "noun" and out[-1].gender:
                    # "la championne olympique Mariama Jamanka": the name takes the noun's gender
                    gap = sent.text[out[-1].end - off : found[i].start()]
                    if len(gap.split()) <= 2 and not any(c in gap for c in ".;:«»()"):
                        gender = out[-1].gender
                if gender:
                    self.people[tokens[j]] = gender
                if j > i or i > 0 or low not in _function_words():
                    kind = "person" if gender else "name"
                    out.append(self._mention(k, found, i, j, gender, "sg" if gender else None, kind, prev))
                i = j + 1
                continue
            i += 1
        # Only the first mention outside a prepositional phrase is the subject (pronouns are
        # subjects wherever they stand): objects do not compete for a subject pronoun.
        first = next((m for m in out if m.subject and m.kind != "pronoun"), None)
        return [
            m if m.kind == "pronoun" or m is first or not m.subject else dataclasses.replace(m, subject=False)
            for m in out
        ]

    def _mention(self, k, found, i, j, gender, number, kind, prev) -> Mention:
        sent = self.sentences[k]
        a, b = found[i].start(), found[j].end()
        # "du", "au", "aux" hold a preposition (de le, à le): what they introduce is no subject.
        subject = prev not in _PREPOSITIONS and _norm(found[i].group()) not in ("du", "au", "aux")
        return Mention(k, sent.start + a, sent.start + b, sent.text[a:b], gender, number, kind, subject)

    def _complete(self, m: Mention) -> Mention:
        gender = m.gender
        if gender is None and m.kind == "noun":
            gender = self._nouns.get(_singular(m.text.split()[-1].split("'")[-1].split("’")[-1]))
        if gender is None and m.kind == "name":
            gender = self.people.get(m.text.split()[-1])
            if gender:
                return Mention(m.sentence, m.start, m.end, m.text, gender, "sg", "person", m.subject)
        return (
            m
            if gender == m.gender
            else Mention(m.sentence, m.start, m.end, m.text, gender, m.number, m.kind, m.subject)
        )

    def subject(self, k: int, before: int | None = None) -> Mention | None:
        """The first mention of sentence k not introduced by a preposition (before segment offset
        `before`, when given): the sentence's subject in the plain news order."""
        for m in self.mentions[k]:
            if before is not None and m.start >= before:
                return None
            if m.subject:
                return m
        return None

    def _chain(self, pronoun: Mention) -> Mention | None:
        """Where no subject answers, the pronouns of the same number just before (this sentence and
        the previous one): when they all share one gender and no other mention of that number
        competes, a story about one person or thing keeps that gender ("… quand elle pensait
        devenir mère. Il en a souffert")."""
        k = pronoun.sentence
        window = [
            m
            for j in range(max(0, k - 1), k + 1)
            for m in self.mentions[j]
            if (j < k or m.start < pronoun.start) and m.number == pronoun.number and m.gender
        ]
        pronouns = [m for m in window if m.kind == "pronoun"]
        if not pronouns or len({m.gender for m in window}) != 1:
            return None
        return pronouns[-1]

    def resolve(self, pronoun: Mention) -> Resolution | None:
        """The antecedent of a subject pronoun, or None when there is no subject with a known gender
        and the pronoun's number to point at."""
        k = pronoun.sentence
        antecedent = self.subject(k, pronoun.start)
        if antecedent is not None:
            sent = self.sentences[k]
            between = sent.text[antecedent.end - sent.start : pronoun.start - sent.start]
            if _BREAKS.search(between):
                return None  # "La priorisation a disparu, et selon le patron, il…": another clause
        if antecedent is None and k > 0 and self.sentences[k - 1].segment <= self.sentences[k].segment:
            antecedent = self.subject(k - 1)
        if antecedent is None or antecedent.gender is None or antecedent.number != pronoun.number:
            antecedent = self._chain(pronoun)
        if antecedent is None or antecedent.gender is None or antecedent.number != pronoun.number:
            return None
        competitor = None
        for j in range(max(0, k - _WINDOW), k + 1):
            for m in self.mentions[j]:
                if j == k and m.start >= pronoun.start:
                    break
                # Only subjects compete (measured on bench/eval_pronoun_pairs.py: counting every
                # mention of the pronoun's gender halves what is found for two fewer false alarms).
                if m.subject and m.number == pronoun.number and m.gender == pronoun.gender:
                    competitor = m
        return Resolution(pronoun, antecedent, competitor)


def antecedents_of(view) -> Antecedents:
    """The document's antecedent model, computed once per document view."""
    cached = view.__dict__.get("_antecedents")
    if cached is None:
        cached = Antecedents([s.text for s in view.segments], [s.sentences for s in view.segments])
        view.__dict__["_antecedents"] = cached
    return cached
