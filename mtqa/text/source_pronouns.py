"""Third-person subject pronouns of a source sentence, and whether one of them names a person
(read by MTQ224, mtqa/rules/pronoun_gender_vs_source.py).

The pronouns are data: mtqa/data/<lang>/third_person_pronouns.tsv (English he/she/it/they, German
er/sie/es). English "he" and "she" name persons only: their gender is the person's. German "er" and
"sie" name things too, with the German noun's grammatical gender, which French does not share
(der Ausbruch -> l'éruption). A German pronoun is read as a person's only where the sentences
before it (the window) name a person of its gender (a title "Frau Schulze", a first name the
gender-guesser list knows, a person noun "die Autorin", "der 74-Jährige", a surname the source
titled or first-named elsewhere) and no noun phrase a determiner could make of its gender other
than a person ("des Vulkans" may be what "er" stands for: then nothing is said).

German "sie" is she or they: the finite verb next to it decides ("sie sagte", "sagte sie", "Sie
sei" are singular; "sie sagten" plural); where no verb form is known the number stays unknown and
the pronoun is not compared. Offsets are the sentence's own: the text is never normalised.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import regex

from mtqa.data import data_file_exists, table, word_list
from mtqa.text.gender_lexicon import first_name_gender
from mtqa.text.regex_store import compile_stored

_TOKEN = compile_stored(r"[\p{L}\p{M}]+(?:[-‐][\p{L}\p{M}\d]+)*|\d+(?:[-‐][\p{L}\p{M}]+)+|[^\s\p{L}\p{M}]")
_SENTENCE_OPENERS = frozenset("\"„“«»‚‘'(–—-:")

# German determiners (lower case) -> the genders of the singular nouns they can stand before. "der"
# is masculine nominative or feminine dative/genitive; "den" masculine accusative or a plural's
# dative; contracted prepositions hold "dem" (im, am, zum, vom, beim) or "der" (zur).
_DE_ARTICLE_ENDINGS = {"": "mn", "e": "f", "er": "mf", "es": "mn", "em": "mn", "en": "m"}
_DE_STEMS = ("ein", "kein", "mein", "dein", "sein", "ihr", "unser", "euer", "eur")
_DE_DEMONSTRATIVES = ("dies", "jen", "jed", "welch", "manch", "solch")
_DE_FIXED = {
    "der": "mf",
    "die": "f",
    "das": "n",
    "den": "m",
    "dem": "mn",
    "des": "mn",
    "im": "mn",
    "am": "mn",
    "zum": "mn",
    "vom": "mn",
    "beim": "mn",
    "zur": "f",
    "ins": "n",
    "ans": "n",
}
# Determiners after which a person noun's gender is certain (a nominalised adjective: "den
# Verletzten", "die 74-Jährige"); "der" may be a feminine dative and says nothing.
_DE_SURE = {"die": "f", "eine": "f", "den": "m", "dem": "m", "des": "m", "einen": "m", "einem": "m"}

# Noun endings of German feminine nouns (die Zeitung, Freiheit, Geschichte): after "der" such a noun
# is a feminine dative or genitive, no masculine that "er" could stand for.
_DE_FEMININE_ENDINGS = ("ung", "heit", "keit", "schaft", "ion", "tät", "ik", "ei", "ie", "enz", "anz", "e")


@cache
def _time_noun() -> regex.Pattern:
    """Nouns of time ("am Samstag", "im Jahre 1585"), mtqa/data/de/time_nouns.txt: adverbials, not
    what a subject pronoun names."""
    nouns = "|".join(regex.escape(w) for w in word_list("de", "time_nouns"))
    return compile_stored(rf"(?:{nouns})(?:abend|morgen|s|es)?")


@cache
def _verb_forms(name: str) -> frozenset[str]:
    """German finite verb forms that tell the number of a "sie" next to them (singular_verbs,
    plural_verbs), or words that end like one and are none (not_verbs): mtqa/data/de/<name>.txt."""
    return frozenset(word_list("de", name))


@dataclass(frozen=True)
class SourcePronoun:
    text: str
    start: int  # offset in the sentence
    end: int
    gender: str | None  # "m", "f", "n", or None (they)
    number: str | None  # "sg", "pl", or None where the verb did not tell
    person_only: bool  # English he/she: the form names a person, whose gender it is


@cache
def _pronouns(lang: str) -> dict[str, tuple[str | None, str | None, bool]]:
    if not data_file_exists(lang, "third_person_pronouns.tsv"):
        return {}
    return {
        r[0]: (None if r[1] == "-" else r[1], None if r[2] == "?" else r[2], r[3] == "person")
        for r in table(lang, "third_person_pronouns")
    }


def has_pronoun_table(lang: str | None) -> bool:
    return bool(lang) and bool(_pronouns(lang))


def _sentence_initial(tokens: list, i: int) -> bool:
    j = i - 1
    while j >= 0 and tokens[j].group() in _SENTENCE_OPENERS:
        j -= 1
    return j < 0


def _german_number(tokens: list, i: int) -> str | None:
    """The number the finite verb next to German "sie" at token i gives it, or None."""
    after = tokens[i + 1].group() if i + 1 < len(tokens) else ""
    before = tokens[i - 1].group() if i > 0 else ""
    votes = set()
    not_verbs, singular, plural = (
        _verb_forms("not_verbs"),
        _verb_forms("singular_verbs"),
        _verb_forms("plural_verbs"),
    )
    for word, position in ((after, "after"), (before, "before")):
        if not word.islower() or word in not_verbs:
            continue
        if word in singular:
            votes.add("sg")
        elif word in plural:
            votes.add("pl")
        elif position == "before" or _sentence_initial(tokens, i):
            # a main clause: the verb stands right before or right after its subject
            if word.endswith("ten") or (position == "after" and word.endswith("en")):
                votes.add("pl")
            elif word.endswith("te") or (position == "after" and word.endswith("t")):
                votes.add("sg")
    return votes.pop() if len(votes) == 1 else None


def subject_pronouns(text: str, lang: str) -> list[SourcePronoun]:
    """The third-person subject pronouns of a source sentence, in order."""
    table_ = _pronouns(lang)
    if not table_:
        return []
    tokens = list(_TOKEN.finditer(text))
    out = []
    for i, m in enumerate(tokens):
        word = m.group()
        entry = table_.get(word.lower())
        if entry is None or not (word.islower() or word[:1].isupper() and word[1:].islower()):
            continue
        if word[:1].isupper() and not _sentence_initial(tokens, i):
            continue  # "Sie" in mid-sentence is the German formal "you"; "It" a title's word
        gender, number, person_only = entry
        if lang == "de" and word.lower() == "sie":
            number = _german_number(tokens, i)
            gender = None if number == "pl" else gender  # "sie" plural: they, of either gender
        out.append(SourcePronoun(word, m.start(), m.end(), gender, number, person_only))
    return out


@cache
def _person_nouns(lang: str) -> dict[str, str | None]:
    """Person noun -> its gender (None for a nominalised adjective: the determiner tells)."""
    if not data_file_exists(lang, "person_nouns.txt"):
        return {}
    nouns: dict[str, str | None] = {}
    for noun in word_list(lang, "person_nouns"):
        adjectival = noun.endswith("e")  # der/die Angeklagte, der/die Vorsitzende
        nouns[noun] = None if adjectival else "m"
        if not adjectival:
            nouns[noun + "in"] = "f"
    if data_file_exists(lang, "feminine_person_nouns.txt"):
        nouns.update((n, "f") for n in word_list(lang, "feminine_person_nouns"))
    return nouns


def _person_noun(noun: str, lang: str) -> tuple[bool, str | None]:
    """Whether a German noun names a person, and its gender where the noun alone tells. A compound
    ends with its head: "Oberbürgermeister", "Raumfahrtingenieur", "74-Jährige"."""
    nouns = _person_nouns(lang)
    head = noun.split("-")[-1]
    if regex.search(r"(?i)jährige[nrs]?$", head):
        return True, None
    for form in (noun, head, head[:-1] if head.endswith(("n", "r", "s")) else head):
        if form in nouns:
            return True, nouns[form]
    for k in range(1, len(head) - 3):  # a compound's head: "Raumfahrt" + "ingenieur"
        tail = head[k].upper() + head[k + 1 :]
        if tail in nouns:
            return True, nouns[tail]
    return False, None


def _determiner_genders(word: str) -> str | None:
    low = word.lower()
    if low in _DE_FIXED:
        return _DE_FIXED[low]
    for stem in (*_DE_STEMS, *_DE_DEMONSTRATIVES):
        if low.startswith(stem):
            ending = low[len(stem) :]
            if stem in _DE_DEMONSTRATIVES and ending == "":
                return None
            if ending in _DE_ARTICLE_ENDINGS:
                return _DE_ARTICLE_ENDINGS[ending]
    return None


@dataclass(frozen=True)
class Window:
    """What the sentences before a source pronoun name: the genders of the persons named, and the
    grammatical genders a determiner gives the other nouns (things a pronoun may stand for)."""

    person_genders: frozenset[str]
    thing_genders: frozenset[str]


def read_window(texts: Iterable[str], lang: str, people: dict[str, str]) -> Window:
    """Persons and things the German `texts` name; `people` holds surname -> gender the source
    states elsewhere (titles, first names)."""
    persons: set[str] = set()
    things: set[str] = set()
    from mtqa.text.person_genders import titles as human_titles

    titles = human_titles(lang)
    for text in texts:
        tokens = [m.group() for m in _TOKEN.finditer(text)]
        for i, tok in enumerate(tokens):
            if not tok[:1].isupper() or not tok[:1].isalpha():
                continue
            prev = tokens[i - 1] if i > 0 else ""
            nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
            if tok in titles and nxt[:1].isupper():
                persons.add(titles[tok])
                continue
            gender = first_name_gender(tok) if nxt[:1].isupper() and nxt[:1].isalpha() else None
            if gender is None:
                gender = people.get(tok)
            if gender:
                persons.add(gender)
                continue
            is_person, person_gender = _person_noun(tok, lang)
            if person_gender:  # "Autorin Judith Hermann", "der Präsident": the noun tells
                persons.add(person_gender)
                continue
            # a noun phrase: determiner, up to three lower-case words (adjectives), the noun
            j = i - 1
            while j >= 0 and i - j <= 3 and (tokens[j].islower() or tokens[j][:1].isdigit()):
                if _determiner_genders(tokens[j]):
                    break
                j -= 1
            det = tokens[j] if j >= 0 else ""
            genders = _determiner_genders(det)
            if (
                genders is None
                and prev.islower()
                and prev.endswith("er")
                and prev not in ("der", "oder", "aber")
            ):
                genders = "mf"  # "größter Erfolg": a strong adjective, no article
            if genders is None or _time_noun().fullmatch(tok):
                continue
            if genders == "mf" and tok.endswith(_DE_FEMININE_ENDINGS):
                genders = "f"  # "der Geschichte": a feminine dative or genitive
            if is_person:  # a nominalised adjective: "die 74-Jährige", "den Verletzten"
                gender = _DE_SURE.get(det.lower())
                if gender:
                    persons.add(gender)
                continue
            things.update(genders)
    return Window(frozenset(persons), frozenset(things))


def named_people(texts: Iterable[str], lang: str) -> dict[str, str]:
    """Surname -> gender for the persons a source titles ("Frau Schulze") or names with a first
    name the gender-guesser list knows ("Laura Shepard Churchley"); a surname given both genders
    is left out."""
    from mtqa.text.person_genders import source_people

    texts = list(texts)
    found: dict[str, str | None] = dict(source_people(texts, lang))
    for text in texts:
        tokens = [m.group() for m in _TOKEN.finditer(text)]
        for i, tok in enumerate(tokens[:-1]):
            gender = first_name_gender(tok) if tok[:1].isupper() else None
            if gender is None:
                continue
            j = i + 1
            while j + 1 < len(tokens) and tokens[j + 1][:1].isupper() and tokens[j + 1].isalpha():
                j += 1
            surname = tokens[j]
            if not (surname[:1].isupper() and surname.isalpha()):
                continue
            found[surname] = gender if found.get(surname, gender) == gender else None
    return {s: g for s, g in found.items() if g}
