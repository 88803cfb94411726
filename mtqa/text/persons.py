"""Which grammatical persons a text speaks in: first ("1": I, we) and second ("2": you).

The forms are data, one table per language (mtqa/data/<lang>/person_pronouns.tsv: form, person
1s/1p/2/generic, role, severity). Only pronouns and possessives are read, never verb endings: in
Spanish, Italian, Portuguese, Polish or Russian a first-person verb without its pronoun
("hablamos", "считаю") is not seen, because endings are ambiguous with nouns and other persons.
So a voice found is certain, a voice not found proves nothing in those languages: see
`absence_is_evidence`.

Case matters: a form is read in lower case or with a capital first letter (a sentence start);
a form listed with capitals ("I") must be written exactly so, which keeps "US" from being "us"
and "i." from being "I". German formal address ("Sie", "Ihnen", "Ihr") is read only when
capitalised in mid-sentence: lower-case "sie" is she/they, and a capital at a sentence start says
nothing. Languages written without spaces (Japanese, Chinese) are searched by substring, with the
compounds that hold a form without meaning it (私立 "private", 公僕 "public servant") excluded.
"""

from __future__ import annotations

from functools import cache, lru_cache

import regex

from mtqa.data import table
from mtqa.text.regex_store import compile_stored

_TOKEN = compile_stored(r"(?<![\p{L}\p{M}])[\p{L}\p{M}]+(?:[-‐][\p{L}\p{M}]+)*(?:['’]s)?")
_SPACELESS = frozenset({"ja", "zh"})
# Compounds that hold a form of the table without being that person (Japanese 私 also means
# "private": 私立 private school, 私的 personal, 私鉄 private railway...; 我 in Chinese 自我 "ego").
_NOT_A_FORM = {
    "私": r"(?<!公)私(?![立的鉄有服費物営設学道邸腹刑募見案])",
    "僕": r"(?<![公下])僕",
    "我": r"(?<!自)我(?!们|們)",
}
_FORMAL = {"de": frozenset({"Sie", "Ihnen", "Ihr", "Ihre", "Ihren", "Ihrem", "Ihrer", "Ihres"})}
# Where subject pronouns are dropped, a sentence can speak in the first person with none of the
# table's forms ("Считаем, что...", "Creemos que..."): their absence is no evidence of a third-person
# narration there.
_DROPS_SUBJECTS = frozenset({"es", "it", "pt", "pl", "ru", "uk", "ja", "zh", "ko", "cs", "sk", "el"})
_PERSONS = {"1s": "1", "1p": "1", "2": "2", "generic": "generic"}
_SENTENCE_END = ".!?…:;\"'“”„«»‘’‚‹›([{—–-\n"


@cache
def _forms(lang: str) -> dict[str, tuple[str, str]]:
    """lower-case form without elision apostrophe -> (person, form as listed)."""
    rows = table(lang, "person_pronouns")
    return {r[0].rstrip("'’").lower(): (_PERSONS[r[1]], r[0]) for r in rows}


@cache
def _spaceless_pattern(lang: str) -> regex.Pattern | None:
    forms = sorted(_forms(lang), key=len, reverse=True)
    if not forms:
        return None
    return compile_stored("|".join(_NOT_A_FORM.get(f, regex.escape(f)) for f in forms))


def has_person_table(lang: str | None) -> bool:
    return bool(lang) and bool(_forms(lang))


def absence_is_evidence(lang: str | None) -> bool:
    """Whether a text in `lang` without a first- or second-person form is, with confidence, in the
    third person: the language has a table and does not drop its subject pronouns."""
    return has_person_table(lang) and lang not in _DROPS_SUBJECTS


def _mid_sentence(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\u00a0":
        i -= 1
    return i >= 0 and text[i] not in _SENTENCE_END


def _person(token: str, listed: str, text: str, end: int) -> bool:
    """Whether `token`, found as the table form `listed`, is that form here."""
    if listed.endswith(("'", "’")):
        return text[end : end + 1] in ("'", "’")  # j', m', t': pronouns only when elided ("3m")
    if listed != listed.lower():
        return token == listed  # "I": never "i" (a list marker) nor "US"
    if len(token) == 1 and _initial_letter(token):
        return False
    return token.islower() or (token[:1].isupper() and token[1:] == token[1:].lower())


def _initial_letter(token: str) -> bool:
    """A lone capital Latin letter is an initial or a list marker ("U. Schmidt", "A)"), not a
    pronoun; a lone capital of another script ("Я") can be one."""
    return token.isupper() and token.isascii()


def voices(text: str, lang: str | None, quotes=None) -> frozenset[str]:
    """Persons of `text`: "1", "2", and "generic" for a generic subject (French "on"). With
    `quotes` (an object with `inside(offset)`), forms inside quotations are left out."""
    if lang is None or not has_person_table(lang):
        return frozenset()
    if quotes is None:
        return _voices_unquoted(text, lang)
    return _voices(text, lang, quotes)


@lru_cache(maxsize=2048)
def _voices_unquoted(text: str, lang: str) -> frozenset[str]:
    """`voices` without quotations, remembered: several rules ask about the same source text (MTQ201
    per row, MTQ211 per aligned pair), about 6 times each on rows with sources."""
    return _voices(text, lang, None)


def _voices(text: str, lang: str, quotes) -> frozenset[str]:
    """`voices` for a language with a person table."""
    found: set[str] = set()
    if lang in _SPACELESS:
        pattern = _spaceless_pattern(lang)
        assert pattern is not None  # has_person_table: the language lists forms
        forms = _forms(lang)
        for m in pattern.finditer(text):
            if not (quotes and quotes.inside(m.start())):
                found.add(forms[m.group()][0])
        return frozenset(found)
    forms = _forms(lang)
    formal = _FORMAL.get(lang, frozenset())
    # Most texts hold no form at all: one findall and set tests in C say so before a pass per token
    # ("’" and "'" are both non-letters, so the token boundaries stay).
    tokens = set(_TOKEN.findall(text.replace("’", "'")))
    if forms.keys().isdisjoint({t.lower() for t in tokens}) and formal.isdisjoint(tokens):
        return frozenset()
    for m in _TOKEN.finditer(text):
        token = m.group()
        if quotes and quotes.inside(m.start()):
            continue
        entry = forms.get(token.lower().replace("’", "'"))
        if entry is not None and _person(token, entry[1], text, m.end()):
            found.add(entry[0])
        elif token in formal and _mid_sentence(text, m.start()):
            found.add("2")
    return frozenset(found)


def formal_lookalike(text: str, lang: str | None) -> str | None:
    """A lower-case third-person form of `text` that is written like the formal "you" but for its
    capital (German "sie" she/they, "ihr" her/their): MT that renders it as "vous"/"you" has
    misread it. None when the language has no such forms or `text` holds none."""
    formal = _FORMAL.get(lang or "")
    if not formal:
        return None
    lowered = {f.lower() for f in formal}
    return next((m.group() for m in _TOKEN.finditer(text) if m.group() in lowered), None)


def source_voices(text: str, lang: str, quotes=None) -> frozenset[str]:
    """The persons `text` uses: "1" (first person, singular or plural), "2" (second person).
    Empty for a language without a person table: then nothing is known."""
    return voices(text, lang, quotes) - {"generic"}
