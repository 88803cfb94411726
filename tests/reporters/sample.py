"""The sample reports every reporter is tested on: one ordinary report, and one whose every text
field carries markup and control characters."""

from __future__ import annotations

from mtqa.model import (
    Category,
    CheckSignature,
    DocumentText,
    Finding,
    InputProblem,
    Note,
    Report,
    Score,
    SegmentText,
    Severity,
)

ARTICLE = (
    "Le régime de Bashar Assad a repris Alep.\n"
    "\n"
    "« Nous avons gagné, a déclaré le ministre. Il a ajouté que de des combats continuaient.\n"
    "\n"
    "\n"
    "\n"
    "Lien source\n"
)


def _find(
    text: str,
    needle: str,
    code: str,
    rule: str,
    category: Category,
    severity: Severity,
    message: str,
    path: str = "articles/alep.fr.txt",
    suggestion: str | None = None,
    occurrence: int = 0,
    context: str | None = None,
    **extra,
) -> Finding:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(needle, start + 1)
    end = start + len(needle)
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    ctx = context if context is not None else needle
    return Finding(
        code=code,
        rule=rule,
        category=category,
        severity=severity,
        message=message,
        path=path,
        start=start,
        end=end,
        text=needle,
        line=line,
        column=column,
        suggestion=suggestion,
        context=ctx,
        context_start=start,
        **extra,
    )


def sample_report() -> Report:
    t = ARTICLE
    findings = [
        _find(
            t,
            "Bashar Assad",
            "MTQ121",
            "glossary-variant",
            Category.ENTITY,
            Severity.WARNING,
            "'Bashar Assad' is written 'Bachar al-Assad' in the house style",
            suggestion="Bachar al-Assad",
        ),
        _find(
            t,
            "«",
            "MTQ501",
            "unclosed-quote",
            Category.PUNCTUATION,
            Severity.ERROR,
            "« opens a quotation that is never closed in its paragraph",
        ),
        _find(
            t,
            "de des",
            "MTQ401",
            "contraction-slip",
            Category.GRAMMAR,
            Severity.ERROR,
            "'de des' should be contracted",
            suggestion="des",
        ),
        _find(
            t,
            "\n\n\n\n",
            "MTQ704",
            "blank-line-run",
            Category.BOILERPLATE,
            Severity.INFO,
            "run of 3 empty lines",
            occurrence=0,
        ),
        _find(
            t,
            "Lien source",
            "MTQ701",
            "debris-phrase",
            Category.BOILERPLATE,
            Severity.ERROR,
            "page debris left by the scraper",
            suggestion="delete the line",
        ),
        Finding(
            code="MTQ201",
            rule="person-shift",
            category=Category.PRONOUN,
            severity=Severity.WARNING,
            message="first person 'nous' in narration",
            path="corpus/segments.jsonl",
            start=4,
            end=8,
            text="nous",
            line=2,
            column=5,
            doc_id="d1",
            segment_id="s2",
            segment_index=1,
            context="Puis nous sommes partis.",
            context_start=0,
        ),
    ]
    # Line 6 of the article is clean, line 1 of the JSONL too; one article without findings.
    documents = (
        DocumentText("articles/alep.fr.txt", None, "article", text=t),
        DocumentText("articles/clean.fr.txt", None, "article", text="Tout va bien.\n"),
        DocumentText(
            "corpus/segments.jsonl",
            "d1",
            "segments",
            segment_texts=(
                SegmentText(0, "s1", 1, "Le vote a eu lieu."),
                SegmentText(1, "s2", 2, "Puis nous sommes partis."),
            ),
        ),
    )
    scores = [
        Score("chrF2", 61.25, "nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.4.2"),
        Score(
            "chrF2",
            72.5,
            "nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.4.2",
            scope="segment",
            path="corpus/segments.jsonl",
            doc_id="d1",
            segment_id="s1",
            segment_index=0,
        ),
        Score(
            "chrF2",
            38.0,
            "nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.4.2",
            scope="segment",
            path="corpus/segments.jsonl",
            doc_id="d1",
            segment_id="s2",
            segment_index=1,
        ),
    ]
    return Report(
        findings=tuple(findings),
        scores=tuple(scores),
        documents=documents,
        files_checked=3,
        segments_checked=6,
        notes=(Note("MTQ301 source-number skipped where there is no source", "skipped"),),
        signature=CheckSignature(  # fixed: a real one follows the release and the data files
            "mtqa:0.1.0|rules:0badc0de|params:12345678|data:9abcdef0",
            {
                "rules": {"MTQ121": "warning", "MTQ401": "error"},
                "params": {"lang": "fr"},
                "data": {"fr/x.txt": "0"},
            },
        ),
    )


HOSTILE = '<script>document.title="pwned"</script> "><img src=x onerror="document.title=\'pwned\'"> %0A,:\r\n'
HOSTILE_TEXT = "Le ministre a dit " + HOSTILE + " hier & aujourd'hui.\n\nFin </pre></textarea>.\n"


def hostile_report() -> Report:
    """Markup and control characters in the article text, path, span, message, suggestion, ids."""
    t = HOSTILE_TEXT
    path = "art<script>x</script>\"'.txt"
    f1 = _find(
        t,
        "<script>",
        "MTQ121",
        "glossary-variant",
        Category.ENTITY,
        Severity.ERROR,
        "message " + HOSTILE,
        path=path,
        suggestion="suggest " + HOSTILE,
        context=t[:60],
    )
    f2 = _find(
        t,
        '"><img src=x onerror="document.title=\'pwned\'">',
        "MTQ501",
        "unclosed-quote",
        Category.PUNCTUATION,
        Severity.WARNING,
        HOSTILE,
        path=path,
    )
    f3 = _find(
        t,
        "</pre></textarea>",
        "MTQ701",
        "debris-phrase",
        Category.BOILERPLATE,
        Severity.INFO,
        "closing tags",
        path=path,
    )
    seg = Finding(
        code="MTQ201",
        rule="person-shift",
        category=Category.PRONOUN,
        severity=Severity.WARNING,
        message=HOSTILE,
        path="x.jsonl",
        start=0,
        end=8,
        text="<script>",
        line=1,
        column=1,
        doc_id='<b id="d">',
        segment_id="<i>s</i>",
        segment_index=0,
        context="<script>",
        context_start=0,
    )
    documents = (
        DocumentText(path, None, "article", text=t),
        DocumentText(
            "x.jsonl",
            '<b id="d">',
            "segments",
            segment_texts=(SegmentText(0, "<i>s</i>", 1, "<script>alert(1)</script>"),),
        ),
    )
    scores = [Score("BLEU", 10.0, HOSTILE, scope="segment", path=path, segment_id=HOSTILE, segment_index=0)]
    return Report(
        findings=(f1, f2, f3, seg),
        scores=tuple(scores),
        documents=documents,
        files_checked=2,
        segments_checked=3,
        problems=(InputProblem("<img src=x>", HOSTILE),),
        notes=(Note(HOSTILE),),
    )
