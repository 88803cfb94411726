"""Language resources kept as data files (phrase lists, tables), loaded once on first use.

`<lang>/<name>.txt`: one entry per line, `#` starts a comment. `<lang>/<name>.tsv`: tab-separated rows,
each with the number of columns `TABLE_COLUMNS` declares for the table: a row with another number is
an error in the data (DataFileError), never skipped in silence.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

# Columns of every table, by name (the same in every language). None: a group of two or more.
TABLE_COLUMNS: dict[str, int | None] = {
    "close_languages": None,  # languages a detector confuses: one group per row
    "contractions": 3,  # preposition + article, contracted form, whether a following noun allows it
    "doubled_words": 2,  # word, ok | emphatic
    "elision": 3,  # word, elided form, contexts
    "exonyms": 2,  # source-language name, target-language names (|-separated)
    "gender_determiners": 3,
    "human_titles": 2,
    "length_per_language": 2,  # language, characters per unit of meaning
    "length_per_script": 2,
    "length_ratios": 3,  # source language, target language, target/source length ratio
    "name_alternations": 2,  # spelling, the spelling it is folded to (in order)
    "name_skeleton_steps": 2,  # letters, the consonant they keep in a name's skeleton (in order)
    "noun_genders": 2,
    "number_words": 3,  # word, value, kind
    "person_pronouns": 4,  # form, person, role, note
    "possessives": 2,
    "prenominal_adjectives": 3,
    "role_nouns": 2,
    "third_person_pronouns": 4,  # form, gender, number, reference (person | any)
    "units": 3,  # unit word, canonical unit, factor
}


class DataFileError(ValueError):
    """A data file under mtqa/data breaks its declared shape (a row with the wrong number of columns,
    a table with no declared columns)."""


def data_file_exists(lang: str, filename: str) -> bool:
    """Whether mtqa/data/<lang>/<filename> exists; lang "*": in at least one language's folder."""
    root = resources.files("mtqa.data")
    if lang == "*":
        return any(d.joinpath(filename).is_file() for d in root.iterdir() if d.is_dir())
    return root.joinpath(lang, filename).is_file()


def table_columns(name: str) -> int | None:
    """The declared number of columns of table `name` (None: a group of two or more)."""
    if name not in TABLE_COLUMNS:
        raise DataFileError(f"mtqa/data: table {name!r} has no declared columns (add it to TABLE_COLUMNS)")
    return TABLE_COLUMNS[name]


def _numbered_lines(lang: str, filename: str) -> list[tuple[int, str]]:
    try:
        raw = resources.files("mtqa.data").joinpath(lang, filename).read_text(encoding="utf-8")
    except (FileNotFoundError, IsADirectoryError):
        return []
    out = []
    for number, line in enumerate(raw.splitlines(), start=1):
        line = line.split(" #", 1)[0].rstrip() if not line.startswith("#") else ""
        if line.strip():
            out.append((number, line))
    return out


@cache
def word_list(lang: str, name: str) -> tuple[str, ...]:
    return tuple(line.strip() for _, line in _numbered_lines(lang, f"{name}.txt"))


@cache
def table(lang: str, name: str) -> tuple[tuple[str, ...], ...]:
    columns = table_columns(name)
    rows = []
    for number, line in _numbered_lines(lang, f"{name}.tsv"):
        row = tuple(col.strip() for col in line.split("\t"))
        if (len(row) != columns) if columns is not None else len(row) < 2:
            expected = columns if columns is not None else "2 or more"
            raise DataFileError(
                f"mtqa/data/{lang}/{name}.tsv line {number}: {len(row)} columns, expected {expected}"
            )
        rows.append(row)
    return tuple(rows)
