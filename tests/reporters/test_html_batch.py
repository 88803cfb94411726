"""The HTML report on a batch (issue 12, point 9): a summary table of the files first, clean files
collapsed, a popup's facts (suggestion, aligned source sentence, rule documentation) in the page,
labelled full-width charts, visible marks for one-character spans, Markdown shown as styled text."""

from __future__ import annotations

import html
import re
import shutil

import pytest

from mtqa.cli import main
from mtqa.reporters import render
from mtqa.reporters.html_text import highlight, markdown_styles
from tests.conftest import ROOT, SEED
from tests.reporters.sample import sample_report

SOURCE = ROOT / "references" / "000_d71c614b73ba7402.en.txt"
CORRECTED = ROOT / "references" / "000_d71c614b73ba7402.txt"
MARKDOWN = "# Le *budget* agricole\n\nLe ministre a parlé de **la récolte** et de [la pluie](https://x.fr).\n"


@pytest.fixture
def batch(tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "sources").mkdir()
    shutil.copy(SEED, tmp_path / "articles" / "seed.txt")
    shutil.copy(SOURCE, tmp_path / "sources" / "seed.txt")
    shutil.copy(CORRECTED, tmp_path / "articles" / "clean.txt")
    shutil.copy(SOURCE, tmp_path / "sources" / "clean.txt")
    (tmp_path / "articles" / "budget.md").write_text(MARKDOWN + "Il a dit « bonjour.\n", encoding="utf-8")
    out = tmp_path / "report.html"
    code = main(
        ["check", str(tmp_path / "articles"), "--source", str(tmp_path / "sources"), "--lang", "fr"]
        + ["--src-lang", "en", "--format", "html", "--output", str(out), "--exit-zero"]
    )
    assert code == 0
    return out.read_text(encoding="utf-8")


def test_summary_table_comes_first_sorted_by_worst_finding_with_links(batch):
    assert batch.index('<section id="summary">') < batch.index('id="filters"') < batch.index('id="documents"')
    table = batch[
        batch.index('<table id="files">') : batch.index("</table>", batch.index('<table id="files">'))
    ]
    rows = re.findall(
        r'<tr class="file sev-(\w+)" data-worst="\w+"><td><a href="#(doc-\d+)">([^<]+)</a>', table
    )
    assert [r[2].rsplit("/", 1)[-1] for r in rows] == ["seed.txt", "budget.md"]  # error before warning/info
    assert rows[0][0] == "error"
    for _, anchor, _ in rows:  # each link reaches its article
        assert f'<article class="doc" id="{anchor}"' in batch
    # counts per severity and per rule in the seed's row
    seed_row = table[table.index("seed.txt") :].split("</tr>", 1)[0]
    nums = re.findall(r'<td class="num">(\d*)</td>', seed_row)
    assert len(nums) == 3 and int(nums[0]) >= 1
    assert "MTQ511" in seed_row and "MTQ111" in seed_row


def test_clean_files_are_collapsed_and_findings_open(batch):
    assert re.search(
        r'<details id="clean-files"><summary>1 clean file</summary><ul><li><a href="#doc-\d+">', batch
    )
    clean = re.search(
        r'<article class="doc clean" id="doc-\d+" data-path="[^"]*clean.txt"><details><summary>', batch
    )
    assert clean, "the clean article is not collapsed"
    assert re.search(r'<article class="doc" id="doc-\d+" data-path="[^"]*seed.txt"><details open>', batch)


def test_popup_facts_are_in_the_page(batch):
    # a source-aware finding carries its aligned source sentence and links to the rule's documentation
    row = re.search(r'<tr class="finding[^"]*"[^>]*data-code="MTQ111"[^>]*>(.*?)</tr>', batch).group(1)
    assert '<a href="#rule-MTQ111">MTQ111</a>' in row
    assert re.search(r'<td class="src">[^<]*Ignatyuk[^<]*</td>', row)
    assert re.search(r'<td class="sugg">[^<]+</td>', row)  # the dominant/source spelling
    assert '<details class="rule" id="rule-MTQ111"><summary>MTQ111 source-name-mismatch</summary>' in batch
    assert "What it finds" in batch[batch.index('id="rule-MTQ111"') :]
    # the script builds the popup from those cells
    from mtqa.reporters.html_assets import JS

    assert '["sugg", "suggestion: "], ["src", "source: "]' in JS and '"#rule-" + row.dataset.code' in JS


def test_one_character_spans_get_a_visible_mark(batch):
    rows = re.findall(r'<tr class="finding[^"]*" data-fid="(f\d+)".*?<td class="span">([^<]*)</td>', batch)
    single = {fid for fid, text in rows if len(html.unescape(text)) == 1}
    assert single, "the batch has no one-character finding (the seed's unclosed «)"
    marks = re.findall(r'<mark class="([^"]+)" data-fids="([^"]+)"', batch)
    for fid in single:
        classes = [cls for cls, fids in marks if fid in fids.split()]
        assert classes and all("short" in c.split() for c in classes), fid
    from mtqa.reporters.html_assets import CSS

    assert re.search(r"mark\.f\.short \{[^}]*border: 2px solid", CSS)


def test_markdown_is_shown_as_text_without_markup(batch):
    art = re.search(r'data-path="[^"]*budget.md">(.*?)</article>', batch, re.S).group(1)
    pre = art[art.index("<pre") : art.index("</pre>")]
    visible = re.sub(r'<span class="[^"]*md-x[^"]*">[^<]*</span>', "", pre)
    visible = html.unescape(re.sub(r"<[^>]+>", "", visible))
    assert "#" not in visible and "*" not in visible and "](" not in visible and "[" not in visible
    assert "Le budget agricole" in visible and "la récolte" in visible and "la pluie" in visible
    assert '<span class="md-h1">Le </span>' in pre and '<span class="md-em md-h1">budget</span>' in pre
    assert (
        '<span class="md-strong">la récolte</span>' in pre and '<span class="md-link">la pluie</span>' in pre
    )


def test_markup_inside_a_finding_stays_visible():
    text = "Un *mot et la suite"
    out = highlight(text, [(0, 3, 4, "warning", "stray *")], markdown_styles(text))
    assert '<mark class="f sev-warning short" data-fids="f0" tabindex="0" title="stray *">*</mark>' in out


def test_charts_are_labelled_and_fill_the_width():
    out = render("html", sample_report())
    cat = re.search(
        r'<svg id="category-chart" class="chart"[^>]*viewBox="0 0 1000 \d+"[^>]*>(.*?)</svg>', out, re.S
    )
    assert cat and 'class="axis-label"' in cat.group(1) and ">findings</text>" in cat.group(1)
    seg = re.search(
        r'<svg class="segment-scores" data-metric="chrF2"[^>]*viewBox="0 0 1000 \d+"[^>]*>(.*?)</svg>',
        out,
        re.S,
    )
    assert seg and ">chrF2</text>" in seg.group(1) and "segment (1 to 2, in report order)" in seg.group(1)
    assert '<figure class="wide"><figcaption>Findings per category</figcaption>' in out
    from mtqa.reporters.html_assets import CSS

    assert "svg.chart, svg.segment-scores { display: block; width: 100%; height: auto; }" in CSS


def test_blank_span_is_drawn():
    out = render("html", sample_report())  # MTQ704: a run of empty lines
    assert re.search(r'<mark class="f sev-info blank"[^>]*>\n+</mark>', out)


def test_a_large_batch_opens_only_the_worst_articles():
    from dataclasses import replace

    from mtqa.reporters.html_report import OPEN_ARTICLES

    base = sample_report()
    first = base.findings[0]
    findings, documents = [], []
    for k in range(OPEN_ARTICLES + 5):
        path = f"articles/a{k:02d}.fr.txt"
        severity = first.severity if k != 7 else type(first.severity).ERROR
        findings.append(replace(first, path=path, severity=severity))
        documents.append(replace(base.documents[0], path=path))
    out = render("html", replace(base, findings=tuple(findings), documents=tuple(documents), scores=()))
    opened = re.findall(r'<article class="doc" id="doc-\d+" data-path="([^"]+)"><details open>', out)
    assert len(opened) == OPEN_ARTICLES and opened[0] == "articles/a07.fr.txt"  # the error first
    assert out.count('<article class="doc"') == OPEN_ARTICLES + 5  # the rest are there, collapsed
