"""Run source-aware rules on a target text and its source text, as `mtqa check --source` does."""

from __future__ import annotations

from dataclasses import replace

from mtqa.config import Config
from mtqa.engine import check
from mtqa.io import article_from_text
from mtqa.rules import BY_CODE


def with_source(text: str, source: str, lang: str, src_lang: str | None = None):
    doc = article_from_text(text, "<test>", lang)
    src = article_from_text(source, "<source>", src_lang)
    return replace(doc, source=src, src_lang=src_lang)


def run_source_rule(code: str, text: str, source: str, lang: str, src_lang: str | None = None, options=None):
    """Findings of one rule on `text` translated from `source`."""
    src_lang = src_lang or ("en" if lang == "fr" else "fr")
    doc = with_source(text, source, lang, src_lang)
    return list(check([doc], (BY_CODE[code],), Config(lang=lang, options=options or {})).findings)
