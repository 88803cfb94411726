"""House-style glossaries: preferred spellings of names and terms that must not be translated.

Two file formats, one target language each (from the file name, `glossary.fr.tsv`, or a `lang` key):

TSV, one entry a line, `#` comments:
    preferred <TAB> variants separated by ' | ' [<TAB> kind]
kind is `name` (default: the variants are spellings to replace by the preferred one) or `keep` (a
do-not-translate term; the variants are known translations of it).

TOML:
    lang = "fr"
    [names]
    "Bachar al-Assad" = ["Bashar al-Assad", "Bashar Assad"]
    [keep]
    "Financial Times" = ["Temps financiers"]

A name is also matched when it is written as a transliteration variant that is not listed (the
transliteration key of mtqa.text.name_keys: Tahrir-al-Sham = Tahrir al-Cham), and with or without its
Arabic article (Bashar Assad = Bachar al-Assad).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import regex

from mtqa.io.errors import read_file
from mtqa.io.languages import language_code
from mtqa.io.toml import TomlError, parse_toml
from mtqa.text.name_keys import translit_key
from mtqa.text.names import spelling
from mtqa.text.regex_store import compile_stored

_PARTICLES = frozenset("al el ul ben bin ibn abou abu".split())
_TOKEN = compile_stored(r"[\p{L}\p{M}]+(?:[‐-][\p{L}\p{M}]+)*")  # apostrophes split: d’Alep
_PARTICLE_PREFIX = compile_stored(r"(?i)(?<![\p{L}])(?:al|el|ul)[-‐\s]+")
_LANG_IN_NAME = re.compile(r"\.([a-z]{2,3})\.(?:tsv|toml)$")
KINDS = ("name", "keep")


class GlossaryError(ValueError):
    pass


@dataclass(frozen=True)
class Entry:
    preferred: str
    variants: tuple[str, ...]
    kind: str  # "name" or "keep"
    lang: str | None
    origin: str  # file:line, for messages


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    entry: Entry


def _loose_key(name: str) -> str:
    """The key without Arabic articles, so 'Bashar Assad' meets 'Bachar al-Assad'."""
    return translit_key(_PARTICLE_PREFIX.sub("", name))


def _parse_tsv(text: str, path: str, lang: str | None) -> list[Entry]:
    out = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        where = f"{path}:{lineno}"
        if len(cols) < 2 or not cols[0]:
            raise GlossaryError(f"{where}: expected 'preferred<TAB>variant | variant[<TAB>kind]'")
        kind = cols[2] if len(cols) > 2 and cols[2] else "name"
        if kind not in KINDS:
            raise GlossaryError(f"{where}: unknown kind {kind!r} (expected name or keep)")
        variants = tuple(v.strip() for v in cols[1].split("|") if v.strip())
        out.append(Entry(cols[0], variants, kind, lang, where))
    return out


def _parse_toml(text: str, path: str, lang: str | None) -> list[Entry]:
    try:
        data = parse_toml(text)
    except TomlError as exc:
        raise GlossaryError(f"{path}: {exc}") from None
    unknown = sorted(set(data) - {"lang", "names", "keep"})
    if unknown:
        raise GlossaryError(f"{path}: unknown key {unknown[0]!r} (expected lang, names, keep)")
    if "lang" in data:
        try:
            lang = language_code(data["lang"])
        except ValueError as exc:
            raise GlossaryError(f"{path}: lang: {exc}") from None
    out = []
    for table, kind in (("names", "name"), ("keep", "keep")):
        entries = data.get(table, {})
        if not isinstance(entries, dict):
            raise GlossaryError(
                f"{path}: {table}: expected a table of name = [variants], got {entries!r:.40}"
            )
        for preferred, variants in entries.items():
            if isinstance(variants, str):
                variants = [variants]
            if not isinstance(variants, list) or not all(isinstance(v, str) for v in variants):
                raise GlossaryError(f"{path}: {table}.{preferred!r}: expected a list of strings")
            out.append(Entry(preferred, tuple(variants), kind, lang, f"{path} [{table}] {preferred!r}"))
    return out


@lru_cache(maxsize=32)
def load(path: str) -> tuple[Entry, ...]:
    p = Path(path)
    m = _LANG_IN_NAME.search(p.name)
    lang = m.group(1) if m else None
    try:
        text = read_file(p).decode("utf-8")
    except FileNotFoundError:
        raise GlossaryError(f"{path}: no such glossary file") from None
    except OSError as exc:
        raise GlossaryError(f"{path}: cannot read glossary ({exc.strerror or exc})") from None
    except UnicodeDecodeError as exc:
        raise GlossaryError(
            f"{path}: cannot read glossary (invalid UTF-8 at byte offset {exc.start})"
        ) from None
    if p.suffix.lower() == ".toml":
        return tuple(_parse_toml(text, path, lang))
    if p.suffix.lower() in (".tsv", ".txt"):
        return tuple(_parse_tsv(text, path, lang))
    raise GlossaryError(f"{path}: a glossary is a .tsv or .toml file")


def _literal(form: str) -> str:
    words = form.split()
    first = words[0]
    head = f"[{regex.escape(first[0].upper())}{regex.escape(first[0].lower())}]" + regex.escape(first[1:])
    body = r"\s+".join([head, *map(regex.escape, words[1:])])
    return r"(?<![\p{L}\p{M}])" + body + r"(?![\p{L}\p{M}])"


def _is_name_token(token: str) -> bool:
    """Capitalised, or a capitalised name behind a hyphenated particle (al-Nusra, an-Nour)."""
    if token[:1].isupper():
        return True
    return ("-" in token or "‐" in token) and any(part[:1].isupper() for part in re.split("[‐-]", token))


@lru_cache(maxsize=65536)
def _token_keys(token: str) -> tuple[str, str]:
    return translit_key(token), _loose_key(token)


class Matcher:
    """Finds glossary names and their variants in a text, longest match first."""

    def __init__(self, entries: tuple[Entry, ...]) -> None:
        self.by_key: dict[str, Entry] = {}
        self.first_keys: set[str] = set()
        self.max_tokens = 1
        keep: list[tuple[str, Entry]] = []
        for e in entries:
            if e.kind == "keep":
                keep.extend((form, e) for form in e.variants)
                continue
            for form in (e.preferred, *e.variants):
                tokens = _TOKEN.findall(form)
                self.max_tokens = max(self.max_tokens, len(tokens) + 1)
                # A window can only match if its first token is (a variant of) some form's first token.
                self.first_keys.update(_token_keys(tokens[0]) if tokens else ())
                for k in (translit_key(form), _loose_key(form)):
                    if len(k) >= 3:
                        self.by_key.setdefault(k, e)
        self.keep_entries = tuple(e for e in entries if e.kind == "keep")
        # Known translations of do-not-translate terms: literal and case-sensitive ("The World" is a
        # title, "the world" is not) except for the first letter, which a sentence may capitalise.
        self.keep = [(regex.compile(_literal(form)), e) for form, e in keep]
        self.kept_terms = [
            (e, regex.compile(r"(?<![\p{L}\p{M}])" + regex.escape(e.preferred) + r"(?![\p{L}\p{M}])"))
            for e in self.keep_entries
        ]

    def names(self, text: str) -> list[Match]:
        tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
        named = [_is_name_token(t[2]) for t in tokens]
        out: list[Match] = []
        i = 0
        while i < len(tokens):
            particle = tokens[i][2].lower() in _PARTICLES
            if not particle and not (named[i] and not self.first_keys.isdisjoint(_token_keys(tokens[i][2]))):
                i += 1
                continue
            for j in range(min(len(tokens), i + self.max_tokens) - 1, i - 1, -1):
                if not named[j] or any(
                    not text[tokens[k][1] : tokens[k + 1][0]].isspace() for k in range(i, j)
                ):
                    continue
                span = text[tokens[i][0] : tokens[j][1]]
                entry = self.by_key.get(translit_key(span)) or self.by_key.get(_loose_key(span))
                if entry is not None:
                    out.append(Match(tokens[i][0], tokens[j][1], entry))
                    i = j
                    break
            i += 1
        return out

    def translations(self, text: str) -> list[Match]:
        return [Match(m.start(), m.end(), e) for rx, e in self.keep for m in rx.finditer(text)]


@lru_cache(maxsize=32)
def matcher(paths: tuple[str, ...], lang: str | None) -> Matcher:
    entries = tuple(e for p in paths for e in load(p) if e.lang is None or lang is None or e.lang == lang)
    return Matcher(entries)


def is_preferred(written: str, entry: Entry) -> bool:
    """Case is left to the sentence (Al-Assad at a sentence start); letters and hyphens are not."""
    return spelling(written) == spelling(entry.preferred)
