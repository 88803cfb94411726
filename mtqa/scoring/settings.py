"""Every sacrebleu metric option, with sacrebleu's names and defaults, in one table.

The same table makes the command-line options (`--tokenize`, `--chrf-beta`, `--ter-normalized`...,
spelled as the `sacrebleu` command spells them), validates `[tool.mtqa.score]` in the configuration
(the same names without the dashes) and builds the sacrebleu metric objects, so an option cannot exist
in one place and be missing in another. Whatever is set reaches the signature, which sacrebleu itself
writes from the metric object.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

BLEU_TOKENIZERS = (
    "none",
    "zh",
    "13a",
    "intl",
    "char",
    "ja-mecab",
    "ko-mecab",
    "spm",
    "flores101",
    "flores200",
)
SMOOTH_METHODS = ("none", "floor", "add-k", "exp")
# sacrebleu's BLEU picks these tokenizers for a known target language (BLEU._TOKENIZER_MAP)
LANG_TOKENIZERS = {"zh": "zh", "ja": "ja-mecab", "ko": "ko-mecab"}
# tokenizers that need an extra package: what to install
TOKENIZER_EXTRAS = {
    "ja-mecab": "sacrebleu[ja]",
    "ko-mecab": "sacrebleu[ko]",
    "spm": "sentencepiece",
    "flores101": "sentencepiece",
    "flores200": "sentencepiece",
}


@dataclass(frozen=True)
class SacrebleuSettings:
    """sacrebleu's metric options (field names are the `sacrebleu` command's argument names)."""

    tokenize: str | None = None  # BLEU tokenizer; None: 13a, or zh/ja-mecab/ko-mecab for trg_lang
    lowercase: bool = False
    force: bool = False
    smooth_method: str = "exp"
    smooth_value: float | None = None  # None: the method's default (floor 0.1, add-k 1)
    max_ngram_order: int = 4
    trg_lang: str = ""  # from -l/--langpair or the JSONL rows' tgt_lang: chooses the BLEU tokenizer
    chrf_char_order: int = 6
    chrf_word_order: int = 0  # the `chrf` metric; `chrf++` is chrF with word order 2
    chrf_beta: int = 2
    chrf_whitespace: bool = False
    chrf_lowercase: bool = False
    chrf_eps_smoothing: bool = False
    ter_case_sensitive: bool = False
    ter_normalized: bool = False
    ter_no_punct: bool = False
    ter_asian_support: bool = False

    def bleu_kwargs(self, sentence: bool = False) -> dict[str, Any]:
        return {
            "lowercase": self.lowercase,
            "force": self.force,
            "tokenize": self.tokenize,
            "smooth_method": self.smooth_method,
            "smooth_value": self.smooth_value,
            "max_ngram_order": self.max_ngram_order,
            "effective_order": sentence,  # sentence BLEU as `sacrebleu --sentence-level` computes it
            "trg_lang": self.trg_lang,
        }

    def chrf_kwargs(self, word_order: int) -> dict[str, Any]:
        return {
            "char_order": self.chrf_char_order,
            "word_order": word_order,
            "beta": self.chrf_beta,
            "lowercase": self.chrf_lowercase,
            "whitespace": self.chrf_whitespace,
            "eps_smoothing": self.chrf_eps_smoothing,
        }

    def ter_kwargs(self) -> dict[str, Any]:
        return {
            "normalized": self.ter_normalized,
            "no_punct": self.ter_no_punct,
            "asian_support": self.ter_asian_support,
            "case_sensitive": self.ter_case_sensitive,
        }

    def signature_suffix(self, key: str) -> str:
        """What the signature must add to sacrebleu's: sacrebleu's BLEU signature does not name
        the n-gram order (an API-only option), so a non-default order is written as `ngram:N`."""
        if key == "bleu" and self.max_ngram_order != 4:
            return f"|ngram:{self.max_ngram_order}"
        return ""

    def bleu_tokenizer(self) -> str:
        """The BLEU tokenizer sacrebleu will use with these settings."""
        return self.tokenize or LANG_TOKENIZERS.get(self.trg_lang, "13a")


@dataclass(frozen=True)
class Option:
    name: str  # SacrebleuSettings field
    kind: type  # bool, int, float or str
    help: str
    choices: tuple[str, ...] = ()
    flag: str = ""  # the command-line spelling when it is not --name-with-dashes
    short: str = ""  # sacrebleu's short alias

    @property
    def cli(self) -> str:
        return self.flag or "--" + self.name.replace("_", "-")

    @property
    def key(self) -> str:
        """The [tool.mtqa.score] key."""
        return self.cli[2:]


OPTIONS: tuple[Option, ...] = (
    Option(
        "tokenize",
        str,
        "BLEU tokenizer (default 13a; zh, ja-mecab, ko-mecab for -l ..-zh/ja/ko)",
        BLEU_TOKENIZERS,
        short="-tok",
    ),
    Option("lowercase", bool, "BLEU: lowercase the data", flag="--lowercase", short="-lc"),
    Option("force", bool, "BLEU: insist that tokenized input is detokenized"),
    Option("smooth_method", str, "BLEU smoothing (default exp)", SMOOTH_METHODS, short="-s"),
    Option("smooth_value", float, "BLEU smoothing value (floor: 0.1, add-k: 1)", short="-sv"),
    Option("max_ngram_order", int, "BLEU: largest n-gram order (default 4)"),
    Option("chrf_char_order", int, "chrF character n-gram order (default 6)", short="-cc"),
    Option(
        "chrf_word_order",
        int,
        "chrF word n-gram order of the chrf metric (default 0; chrf++ is 2)",
        short="-cw",
    ),
    Option("chrf_beta", int, "chrF beta (default 2)"),
    Option("chrf_whitespace", bool, "chrF: keep whitespace when extracting character n-grams"),
    Option("chrf_lowercase", bool, "chrF: lowercase the data"),
    Option("chrf_eps_smoothing", bool, "chrF: epsilon smoothing as chrF++.py, NLTK and Moses do"),
    Option("ter_case_sensitive", bool, "TER: case-sensitive"),
    Option("ter_asian_support", bool, "TER: split Asian characters"),
    Option("ter_no_punct", bool, "TER: remove punctuation"),
    Option("ter_normalized", bool, "TER: apply basic tokenization and normalization"),
)
_BY_KEY = {o.key: o for o in OPTIONS}
# [tool.mtqa.score] keys that are not metric options: key -> (ScoreOptions-side name, type)
GENERAL_KEYS: dict[str, tuple[str, type]] = {
    "langpair": ("langpair", str),
    "encoding": ("encoding", str),
    "num-refs": ("num_refs", int),
    "confidence": ("confidence", bool),
    "confidence-n": ("confidence_n", int),
    "max-words": ("max_words", int),
    "ter-max-words": ("ter_max_words", int),
    "comet-quantize": ("comet_quantize", bool),  # as --comet-quantize (int8 COMET encoder on a CPU)
}


def _check(settings: SacrebleuSettings) -> SacrebleuSettings:
    """Values sacrebleu would reject with an assert or a crash, as one-line ValueErrors."""
    if settings.max_ngram_order < 1:
        raise ValueError(f"--max-ngram-order must be >= 1, got {settings.max_ngram_order}")
    if settings.chrf_char_order < 0 or settings.chrf_word_order < 0:
        raise ValueError("--chrf-char-order and --chrf-word-order must be >= 0")
    if settings.chrf_char_order == 0 and settings.chrf_word_order == 0:
        raise ValueError("--chrf-char-order and --chrf-word-order cannot both be 0")
    if settings.chrf_beta < 1:
        raise ValueError(f"--chrf-beta must be >= 1, got {settings.chrf_beta}")
    if settings.smooth_value is not None and settings.smooth_value < 0:
        raise ValueError(f"--smooth-value must be >= 0, got {settings.smooth_value}")
    return settings


def from_args(args, base: SacrebleuSettings | None = None) -> SacrebleuSettings:
    """Settings from parsed arguments; options left unset (None) keep `base`'s value."""
    values = {}
    for o in OPTIONS:
        value = getattr(args, o.name, None)
        if value is not None:
            values[o.name] = value
    langpair = getattr(args, "langpair", None)
    if langpair:
        values["trg_lang"] = parse_langpair(langpair)[1]
    return _check(replace(base or SacrebleuSettings(), **values))


def parse_langpair(value: str) -> tuple[str, str]:
    src, sep, trg = value.partition("-")
    if not sep or not src.isalpha() or not trg.isalpha():
        raise ValueError(f"-l/--langpair: expected SRC-TRG such as en-ja, got {value!r}")
    return src.lower(), trg.lower()


def from_table(table: Any) -> dict[str, Any]:
    """Validate a [tool.mtqa.score] table: {key: value} with the option names of the command line.
    Returns the values keyed by SacrebleuSettings field (plus `langpair`). Raises ValueError naming
    the key."""
    if not isinstance(table, dict):
        raise ValueError(f"expected a table such as {{ tokenize = 'intl' }}, got {table!r}")
    out: dict[str, Any] = {}
    for key, value in table.items():
        if key in GENERAL_KEYS:
            name, kind = GENERAL_KEYS[key]
            if type(value) is not kind:
                raise ValueError(f"{key}: expected {kind.__name__}, got {value!r}")
            if kind is int and isinstance(value, int) and value < 0:
                raise ValueError(f"{key}: expected a number >= 0, got {value!r}")
            if key == "langpair" and isinstance(value, str):
                parse_langpair(value)
            out[name] = value
            continue
        option = _BY_KEY.get(key)
        if option is None:
            known = ", ".join([*GENERAL_KEYS, *_BY_KEY])
            raise ValueError(f"{key}: unknown key (known keys: {known})")
        if option.kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if type(value) is not option.kind:
            raise ValueError(f"{key}: expected {option.kind.__name__}, got {value!r}")
        if option.choices and value not in option.choices:
            raise ValueError(f"{key}: expected one of {', '.join(option.choices)}, got {value!r}")
        out[option.name] = value
    _check(from_config(out))
    return out


def from_config(values: dict[str, Any]) -> SacrebleuSettings:
    """Settings from a validated [tool.mtqa.score] table (see from_table)."""
    probe = {k: v for k, v in values.items() if k in {f.name for f in fields(SacrebleuSettings)}}
    settings = replace(SacrebleuSettings(), **probe)
    if values.get("langpair"):
        settings = replace(settings, trg_lang=parse_langpair(values["langpair"])[1])
    return settings


def add_arguments(group) -> None:
    """The sacrebleu options on an argparse group; defaults are None so that a configuration value
    applies where the command line is silent."""
    group.add_argument(
        "-l",
        "--langpair",
        metavar="SRC-TRG",
        help="language pair, e.g. en-ja: the target language chooses the BLEU tokenizer as sacrebleu does",
    )
    for o in OPTIONS:
        names = [o.cli, *([o.short] if o.short else [])]
        if o.kind is bool:
            group.add_argument(*names, dest=o.name, action="store_true", default=None, help=o.help)
        else:
            group.add_argument(
                *names,
                dest=o.name,
                type=o.kind,
                choices=o.choices or None,
                default=None,
                metavar="X" if not o.choices else None,
                help=o.help,
            )
