"""What may stand between a French copula (être, rester, sembler...) and the participle or adjective
agreeing with its subject: one list of adverbs, mtqa/data/fr/copula_adverbs.txt, read by every
pattern that looks for that agreement (MTQ222 mtqa/rules/predicate_agreement.py, MTQ223
mtqa/rules/role_agreement.py, mtqa/text/person_genders.py), so that they skip the same words."""

from __future__ import annotations

from functools import cache

import regex

from mtqa.data import word_list


@cache
def copula_adverbs() -> str:
    """A regex alternation (a non-capturing group) matching one adverb of the list, or any word in
    -ment with three letters or more before it ("constamment", "rapidement"); in the file's order."""
    listed = "|".join(
        regex.escape(w).replace("'", "['’]").replace(r"\ ", r"\s+") for w in word_list("fr", "copula_adverbs")
    )
    return rf"(?:{listed}|\p{{Ll}}{{3,}}ment)"
