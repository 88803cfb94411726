from __future__ import annotations

from pathlib import Path

import pytest

from mtqa.config import Config
from mtqa.engine import check
from mtqa.io import article_from_text
from mtqa.rules import BY_CODE

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_d71c614b73ba7402.txt"


def run_rule(code: str, text: str, lang: str):
    """Findings of one rule on an article given as text, in the given target language."""
    doc = article_from_text(text, "<test>", lang)
    return list(check([doc], (BY_CODE[code],), Config(lang=lang)).findings)


def spans(findings) -> list[str]:
    return [f.text for f in findings]


@pytest.fixture
def seed_path() -> Path:
    return SEED


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory):
    """Derived word data (mtqa.cache) is built into a directory of this test run, not the user's."""
    import os

    from mtqa import cache

    previous = os.environ.get("MTQA_CACHE_DIR")
    os.environ["MTQA_CACHE_DIR"] = str(tmp_path_factory.mktemp("mtqa-cache"))
    cache.directory.cache_clear()
    yield
    if previous is None:
        os.environ.pop("MTQA_CACHE_DIR", None)
    else:
        os.environ["MTQA_CACHE_DIR"] = previous
    cache.directory.cache_clear()


@pytest.fixture(autouse=True, scope="session")
def _no_user_git_config(tmp_path_factory):
    """The user's git configuration and ignore file (core.excludesFile, ~/.config/git/ignore) leave
    no file out of a test's walk: git reads an empty user config and no system config, and the
    default ignore file lies in an empty folder of this test run."""
    import os

    home = tmp_path_factory.mktemp("user-config")
    (home / "gitconfig").write_text("", encoding="utf-8")
    values = {
        "GIT_CONFIG_GLOBAL": str(home / "gitconfig"),
        "GIT_CONFIG_NOSYSTEM": "1",
        "XDG_CONFIG_HOME": str(home),
    }
    previous = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    yield
    for key, value in previous.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
