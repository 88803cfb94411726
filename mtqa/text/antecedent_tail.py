"""The sentences after a document's last pronoun, read only where they can change an answer.

No pronoun stands there, so their own mentions are never resolved or weighed (the resolver reads
only the sentences before a pronoun). What they can change is what the document says elsewhere: a
surname's gender (a title, a first name, an agreeing participle: keyed by the surname, which the
sentence must then hold) and a noun's gender after a gendered determiner (keyed by its singular,
which a lower-case word of the sentence must then give). A sentence holding no word a mention
before the tail looks up cannot change any mention the resolver reads: it is skipped (in a corpus
of news rows, about a third of the sentences of documents that hold a pronoun).
"""

from __future__ import annotations

from functools import cache

import regex

from mtqa.text.mentions import DocSentence, Mention, singular

SUBJECT_PRONOUNS = {"il": ("m", "sg"), "elle": ("f", "sg"), "ils": ("m", "pl"), "elles": ("f", "pl")}


@cache
def pronoun_like() -> regex.Pattern:
    """il/elle/ils/elles as a whole word in any case: every word the model takes for a subject
    pronoun matches (and more: "IL", "dit-il")."""
    words = "|".join(SUBJECT_PRONOUNS)
    return regex.compile(rf"(?i)(?<![\p{{L}}\p{{M}}])(?:{words})(?![\p{{L}}\p{{M}}])")


def last_pronoun_sentence(sentences: list[DocSentence]) -> int:
    """The index of the last sentence that may hold a subject pronoun, -1 when none may."""
    pattern = pronoun_like()
    for k in range(len(sentences) - 1, -1, -1):
        if pattern.search(sentences[k].text):
            return k
    return -1


def looked_up(mentions: list[list[Mention]]) -> tuple[set[str], set[str]]:
    """The surnames and singular nouns whose gender completing these mentions looks up (the keys
    Antecedents._complete reads: a name or a noun whose own words give no gender)."""
    names, nouns = set(), set()
    for ms in mentions:
        for m in ms:
            if m.gender is None and m.kind == "name":
                names.add(m.text.split()[-1])
            elif m.gender is None and m.kind == "noun":
                nouns.add(singular(m.text.split()[-1].split("'")[-1].split("’")[-1]))
    return names, nouns


def may_give(text: str, names: set[str], nouns: set[str]) -> bool:
    """Whether a sentence can give one of these surnames or nouns a gender. Exact as a filter: a
    surname is set from a word of the sentence, and a lower-case word w with singular(w) == noun is
    the noun itself, the noun + "s"/"x", or (noun ending in "al") its "-aux" plural: each holds the
    noun, or noun[:-2] + "aux", as a substring."""
    return any(n in text for n in names) or any(
        n in text or n.endswith("al") and n[:-2] + "aux" in text for n in nouns
    )


def read_tail(model, read: list[list[Mention]]) -> tuple[list[list[Mention]], bool]:
    """The mentions of the sentences after those read (`read`), empty for a sentence skipped, and
    whether one was skipped. A sentence read in the tail may miss a surname a skipped one set
    before it: that only turns its first word into a genderless name mention, which gives no gender
    to any surname or noun but its own, which no mention before the tail looks up."""
    names, nouns = looked_up(read)
    out: list[list[Mention]] = []
    skipped = False
    for k in range(len(read), len(model.sentences)):
        sent = model.sentences[k]
        if may_give(sent.text, names, nouns):
            out.append(model._read(k, sent))
        else:
            out.append([])
            skipped = True
    return out, skipped


def whole_stated_people(model, start: int, people: dict, stated: dict, source: dict | None) -> dict[str, str]:
    """The stated genders (Antecedents.stated_people) the whole document gives: the tail read in
    order from the dictionaries as they stood after the sentences before it, as the whole model
    reads it, then the source's titles."""
    saved = model.people, model.stated_people, model._nouns
    model.people, model.stated_people, model._nouns = dict(people), dict(stated), {}
    try:
        for k in range(start, len(model.sentences)):
            model._read(k, model.sentences[k])
        result = model.stated_people
    finally:
        model.people, model.stated_people, model._nouns = saved
    for surname, gender in (source or {}).items():
        result.setdefault(surname, gender)
    return result
