"""Readers: turn paths into Documents, or into one-line InputProblems when they cannot be read."""

from mtqa.io.articles import article_from_text, read_article
from mtqa.io.discover import TEXT_SUFFIXES, read_inputs
from mtqa.io.errors import InputError
from mtqa.io.segments import read_jsonl

__all__ = ["InputError", "TEXT_SUFFIXES", "article_from_text", "read_article", "read_inputs", "read_jsonl"]
