"""Inline `<!-- mtqa: ignore ... -->` directives, sidecar allow-lists, and MTQ001 for unused ones."""

from __future__ import annotations

from mtqa.config import Config
from mtqa.engine import check
from mtqa.io import article_from_text, read_article
from mtqa.model import Severity
from mtqa.rules import BY_CODE
from tests.fakes import word_rule

BUDGET = word_rule("budget", "MTQ990", Severity.WARNING, name="test-budget")
VOTE = word_rule("vote", "MTQ991", Severity.ERROR, name="test-vote")
UNUSED = BY_CODE["MTQ001"]
RULES = (BUDGET, VOTE, UNUSED)


def run(text: str, rules=RULES, path: str = "<test>"):
    doc = article_from_text(text, path, "fr") if path == "<test>" else read_article(path, "fr")
    return [(f.code, f.line, f.text) for f in check([doc], rules, Config(lang="fr")).findings]


def test_directive_silences_listed_rules_in_the_next_paragraph_only():
    text = "<!-- mtqa: ignore MTQ990 -->\nLe budget et le vote.\n\nLe budget encore.\n"
    assert run(text) == [("MTQ991", 2, "vote"), ("MTQ990", 4, "budget")]


def test_directive_on_its_own_paragraph_targets_the_following_one():
    text = "<!-- mtqa: ignore test-budget, MTQ991 -->\n\nLe budget et le vote.\n\nLe vote.\n"
    assert run(text) == [("MTQ991", 5, "vote")]


def test_directive_without_codes_silences_every_rule_and_stacked_directives_share_a_target():
    assert run("<!-- mtqa: ignore -->\nLe budget et le vote.\n") == []
    text = "<!-- mtqa: ignore MTQ990 -->\n<!-- mtqa: ignore MTQ991 -->\nLe budget et le vote.\n"
    assert run(text) == []


def test_ignore_file_and_prefix():
    text = "Le budget.\n\n<!-- mtqa: ignore-file MTQ99 -->\n\nLe vote.\n"
    assert run(text) == []


def test_unused_directive_is_reported_as_info_at_the_directive():
    text = "Le budget.\n\n<!-- mtqa: ignore MTQ991 -->\nRien à signaler.\n"
    doc = article_from_text(text, "<test>", "fr")
    findings = check([doc], RULES, Config(lang="fr")).findings
    unused = [f for f in findings if f.code == "MTQ001"]
    assert [(f.line, f.column, f.severity, f.text) for f in unused] == [
        (3, 1, Severity.INFO, "<!-- mtqa: ignore MTQ991 -->")
    ]
    assert "MTQ991" in unused[0].message
    assert run(text, rules=(BUDGET, VOTE)) == [("MTQ990", 1, "budget")]  # MTQ001 not selected: silent


def test_words_inside_a_directive_are_not_article_text():
    vote_rule = word_rule("mtqa", "MTQ991", Severity.ERROR)
    assert run("<!-- mtqa: ignore MTQ990 -->\nLe budget.\n", rules=(BUDGET, vote_rule)) == []


def test_other_html_comments_are_not_directives():
    assert run("<!-- note: ignore MTQ990 -->\nLe budget.\n") == [("MTQ990", 2, "budget")]


def test_sidecar_allow_list(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Le budget est voté.\n\nLe budget du vote.\n\nUn autre budget.\n", encoding="utf-8")
    (tmp_path / "a.txt.mtqa-allow").write_text(
        "# accepted by the desk\n"
        "MTQ990 Le budget du vote\n"  # only the budget inside this phrase
        "MTQ991\n"  # every 'vote' finding in the file
        "MTQ990 texte disparu\n",  # matches nothing: unused
        encoding="utf-8",
    )
    findings = check([read_article(article, "fr")], RULES, Config(lang="fr")).findings
    got = [(f.code, f.path.split("/")[-1], f.line, f.text) for f in findings]
    assert ("MTQ990", "a.txt", 1, "budget") in got and ("MTQ990", "a.txt", 5, "budget") in got
    assert not [g for g in got if g[0] == "MTQ991"] and ("MTQ990", "a.txt", 3, "budget") not in got
    assert ("MTQ001", "a.txt.mtqa-allow", 4, "MTQ990 texte disparu") in got


def test_directive_and_sidecar_accept_all_like_every_other_selector(tmp_path):
    text = "<!-- mtqa: ignore ALL -->\nLe budget et le vote.\n\nLe vote.\n"
    assert run(text) == [("MTQ991", 4, "vote")]  # ALL silences every rule in the next paragraph
    article = tmp_path / "a.txt"
    article.write_text("Le budget et le vote.\n", encoding="utf-8")
    (tmp_path / "a.txt.mtqa-allow").write_text("all\n", encoding="utf-8")
    assert run("", path=str(article)) == []


def test_directive_selectors_are_case_insensitive_codes_and_exact_names():
    assert run("<!-- mtqa: ignore mtq990 -->\nLe budget.\n") == []
    # names are exact: a near miss silences nothing and is reported as unused
    assert run("<!-- mtqa: ignore Test-Budget -->\nLe budget.\n") == [
        ("MTQ001", 1, "<!-- mtqa: ignore Test-Budget -->"),
        ("MTQ990", 2, "budget"),
    ]
