"""Script evidence of the wrong-language rules (mtqa.rules.wrong_language): letters in a script the
article's language is not written in (Cyrillic or kana in English), left over whatever the word, as
a whole sentence (MTQ601) or a run (MTQ602); and the severity of a span inside quotation marks or
parentheses, shared with the word evidence."""

from __future__ import annotations

from mtqa.model import Severity
from mtqa.rules.base import Hit
from mtqa.text import foreign_words as fw
from mtqa.text.nonwords import NonWords
from mtqa.text.scripts import (
    KNOWN_LANGUAGES,
    SCRIPT_LANGUAGE,
    foreign_script_runs,
    glued_inside_latin,
    script_of_language,
)

_QUOTE_MARKS = '«»“”„"'
_PAREN_OPEN, _PAREN_CLOSE = "(（[", ")）]"
_NAMES = fw.LANGUAGE_NAMES


def overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(a < end and start < b for a, b in spans)


def severity(seg, start: int, end: int) -> Severity | None:
    # An English phrase inside quotation marks is often quoted on purpose (a slogan, a title).
    quoted = any(q in seg.text for q in _QUOTE_MARKS) and seg.quotes.inside(start, end)
    return Severity.INFO if quoted else None


def script_hits(seg, lang: str, hint: str | None, settings):
    """Letters in a script `lang` is not written in: a sentence made mostly of them (MTQ601), or a
    run of them (MTQ602). `settings`: mtqa.rules.wrong_language's."""
    text = seg.text
    if text.isascii() or lang not in KNOWN_LANGUAGES:
        return
    runs = foreign_script_runs(text, lang)
    if not runs:
        return
    nonwords = NonWords(text)
    kept = [
        r
        for r in runs
        if not nonwords.covers(r.start, r.end)
        and not glued_inside_latin(text, r.start, r.end)
        and not (r.script == "Greek" and r.letters < settings.min_greek_letters)
    ]
    if not kept:
        return
    target_name = _NAMES.get(lang, lang)

    def source_name(script: str) -> str:
        if hint is not None and script_of_language(hint) == script:
            return _NAMES.get(hint, hint)
        return SCRIPT_LANGUAGE[script]

    sentences = []
    for s_start, s_end in seg.sentences:
        inside = [r for r in kept if s_start <= r.start < s_end]
        foreign = sum(r.letters for r in inside)
        letters = sum(ch.isalpha() for ch in text[s_start:s_end])
        if (
            foreign >= settings.script_sentence_min_letters
            and foreign >= settings.script_sentence_share * letters
        ):
            sentences.append((s_start, s_end))
            name = source_name(max(inside, key=lambda r: r.letters).script)
            yield (
                "sentence",
                Hit(
                    s_start,
                    s_end,
                    f"sentence in {name}, not {target_name}: left untranslated",
                    severity=severity(seg, s_start, s_end),
                ),
            )
    for r in kept:
        if overlaps(r.start, r.end, sentences):
            continue
        yield (
            "run",
            Hit(
                r.start,
                r.end,
                f"'{text[r.start : r.end]}' is written in {r.script} script ({source_name(r.script)}), "
                f"not translated into {target_name}",
                severity=script_run_severity(seg, r.start, r.end),
            ),
        )


def script_run_severity(seg, start: int, end: int) -> Severity | None:
    """Info for the original spelling of a name in parentheses after its transliteration ("Alexei
    Navalny (Алексей Навальный)"), a practice of some outlets; the rule's severity otherwise."""
    text = seg.text
    before = text[:start].rstrip()
    after = text[end:].lstrip()
    if before[-1:] in _PAREN_OPEN and after[:1] in _PAREN_CLOSE:
        return Severity.INFO
    return severity(seg, start, end)
