"""Writing systems: which scripts a language is written in, and the runs of letters of a text in a
script its language does not use (Cyrillic or kana left in an English translation).

A script run is evidence that needs no lexicon: an English or French reader cannot read Cyrillic,
Han or kana, so letters in those scripts are untranslated whatever the word. Latin is allowed in
every target (names, brands and acronyms are written in Latin in Russian or Japanese news too).
Linear: one regex pass over the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mtqa.text.lazy_regex import lazy_compile
from mtqa.text.regex_store import compile_stored

# Scripts a reader of the language reads, besides Latin and the shared marks (Common, Inherited).
_OWN_SCRIPTS = {
    "ru": ("Cyrillic",),
    "uk": ("Cyrillic",),
    "bg": ("Cyrillic",),
    "sr": ("Cyrillic",),
    "mk": ("Cyrillic",),
    "be": ("Cyrillic",),
    "kk": ("Cyrillic",),
    "ja": ("Han", "Hiragana", "Katakana"),
    "zh": ("Han",),
    "ko": ("Hangul", "Han"),
    "el": ("Greek",),
    "ar": ("Arabic",),
    "fa": ("Arabic",),
    "ur": ("Arabic",),
    "he": ("Hebrew",),
    "hi": ("Devanagari",),
    "mr": ("Devanagari",),
    "ne": ("Devanagari",),
    "bn": ("Bengali",),
    "ta": ("Tamil",),
    "th": ("Thai",),
    "ka": ("Georgian",),
    "hy": ("Armenian",),
}
# Languages written in Latin script only, whose readers are not expected to read any other script.
_LATIN_LANGUAGES = frozenset(
    "en fr de es it pt nl pl cs sk sl hr bs ro hu fi et lv lt sv da nb nn no is tr id ms ca eu gl "
    "ga cy vi tl fil sq mt af sw".split()
)
# Languages whose scripts are known here: the script check runs for these only (never for an
# unknown or undetected language, whose script could be any).
KNOWN_LANGUAGES = _LATIN_LANGUAGES | frozenset(_OWN_SCRIPTS)
# Scripts a run may be in. Japanese is one writing system of three scripts: a run of kanji and kana
# ("中央日本語版", "ニュース") is one run. The prolonged sound mark ー and 々 are Common in Unicode.
_RUN_SCRIPTS = {
    "Cyrillic": r"\p{Cyrillic}",
    "CJK": r"\p{Han}\p{Hiragana}\p{Katakana}ー々〆ヶ",
    "Hangul": r"\p{Hangul}",
    "Greek": r"\p{Greek}",
    "Arabic": r"\p{Arabic}",
    "Hebrew": r"\p{Hebrew}",
    "Devanagari": r"\p{Devanagari}",
    "Bengali": r"\p{Bengali}",
    "Tamil": r"\p{Tamil}",
    "Thai": r"\p{Thai}",
    "Georgian": r"\p{Georgian}",
    "Armenian": r"\p{Armenian}",
}
# Words of one run may be separated by blanks, hyphens, apostrophes and the Japanese middle dot, or
# by a dot with no blank (a dotted outlet name: Диалог.иа).
_JOINER = r"(?:[\s\-'’・·]+|\.)"
_RUN = lazy_compile(
    "|".join(
        f"(?P<{name}>[{chars}][{chars}\\p{{M}}]*(?:{_JOINER}[{chars}][{chars}\\p{{M}}]*)*)"
        for name, chars in _RUN_SCRIPTS.items()
    )
)
_LATIN_LETTER = compile_stored(r"\p{Latin}")
# Script of each of a language's own scripts, as named in _RUN_SCRIPTS.
_RUN_NAME = {"Han": "CJK", "Hiragana": "CJK", "Katakana": "CJK"}
# The language a run most likely comes from, when the source language is not known.
SCRIPT_LANGUAGE = {
    "Cyrillic": "Russian",
    "CJK": "Chinese or Japanese",
    "Hangul": "Korean",
    "Greek": "Greek",
    "Arabic": "Arabic",
    "Hebrew": "Hebrew",
    "Devanagari": "Hindi",
    "Bengali": "Bengali",
    "Tamil": "Tamil",
    "Thai": "Thai",
    "Georgian": "Georgian",
    "Armenian": "Armenian",
}


@dataclass(frozen=True)
class ScriptRun:
    start: int
    end: int
    script: str  # a key of _RUN_SCRIPTS: "Cyrillic", "CJK", ...
    letters: int  # letters in the run (marks and joiners not counted)


def own_scripts(lang: str | None) -> frozenset[str]:
    """The run scripts (keys of _RUN_SCRIPTS) a reader of `lang` reads; Latin is always read."""
    return frozenset(_RUN_NAME.get(s, s) for s in _OWN_SCRIPTS.get(lang or "", ()))


def script_of_language(lang: str | None) -> str | None:
    """The run script `lang` is written in, or None for Latin-script (and unknown) languages."""
    scripts = _OWN_SCRIPTS.get(lang or "")
    return _RUN_NAME.get(scripts[0], scripts[0]) if scripts else None


def glued_inside_latin(text: str, start: int, end: int) -> bool:
    """A run with a Latin letter right before AND right after it sits inside a Latin word: a look-alike
    letter ("WНO" with a Cyrillic Н) or decoder noise, a garbled word rather than a left-over one."""
    return (
        start > 0
        and end < len(text)
        and _LATIN_LETTER.match(text, start - 1) is not None
        and _LATIN_LETTER.match(text, end) is not None
    )


# The Unicode blocks of the scripts above, for a quick test with the standard `re` module (about
# fifteen times faster than `regex` with script properties): most text holds none of them.
_MAY_HOLD_RUN = re.compile(
    "[\u0370-\u058f\u0590-\u06ff\u0750-\u077f\u0900-\u0bff\u0e00-\u0e7f\u10a0-\u10ff"
    "\u1100-\u11ff\u1f00-\u1fff\u2e80-\u2fdf\u3040-\u31ff\u3400-\u9fff\ua640-\ua69f\uac00-\ud7af"
    "\uf900-\ufaff\ufb1d-\ufdff\ufe70-\ufeff\uff66-\uff9f\U00020000-\U0003134f]"
)


def foreign_script_runs(text: str, lang: str | None) -> list[ScriptRun]:
    """Maximal runs of letters in a script the language `lang` is not written in, in order."""
    if not text.isascii() and _MAY_HOLD_RUN.search(text) is not None:
        own = own_scripts(lang)
        return [
            ScriptRun(m.start(), m.end(), m.lastgroup, sum(ch.isalpha() for ch in m.group()))
            for m in _RUN.finditer(text)
            if m.lastgroup not in own
        ]
    return []
