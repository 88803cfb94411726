"""The HTML report opened in headless Chromium (Debian's `chromium`, installed by .ci/run): the page's
script runs, findings are highlighted in the rendered DOM, and hostile article text creates no element
and runs no script."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from mtqa.reporters import render
from tests.reporters.sample import hostile_report, sample_report

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (.ci/run installs it)"),
]


def rendered_dom(tmp_path, report, fragment: str = "") -> str:
    page = tmp_path / "report.html"
    page.write_text(render("html", report), encoding="utf-8")
    profile = tmp_path / "profile"
    cmd = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-dev-shm-usage",
        f"--user-data-dir={profile}",
        "--dump-dom",
        page.as_uri() + fragment,
    ]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_page_script_runs_and_highlights_findings(tmp_path):
    report = sample_report()
    dom = rendered_dom(tmp_path, report)
    marks = re.findall(r"<mark [^>]*>", dom)
    assert len(marks) >= len(report.findings)
    ready = re.search(r'<html[^>]* data-mtqa-ready="(\d+)"', dom)
    assert ready, "the page's script did not run"
    assert int(ready.group(1)) == len(marks)
    # apply() ran: every finding shown, every highlight on.
    assert f'<span id="shown">{len(report.findings)}</span>' in dom
    assert not any(' off"' in m or " off " in m for m in marks)
    assert re.search(r'<mark class="f sev-warning"[^>]*>Bashar Assad</mark>', dom)
    assert '<svg id="category-chart"' in dom


def test_hostile_text_creates_no_element_and_runs_nothing(tmp_path):
    dom = rendered_dom(tmp_path, hostile_report())
    assert re.search(r'<html[^>]* data-mtqa-ready="\d+"', dom), "the page's own script did not run"
    assert "<img" not in dom
    assert dom.count("<script") == 1  # only the report's own
    assert "<title>pwned</title>" not in dom and "<title>mtqa report</title>" in dom
    assert '&lt;script&gt;document.title="pwned"&lt;/script&gt;' in dom
    assert '<b id="d">' not in dom and "<i>s</i>" not in dom


def test_filters_hide_other_rules_and_turn_their_highlights_off(tmp_path):
    report = sample_report()
    dom = rendered_dom(tmp_path, report, "#only=MTQ501,MTQ121")
    assert '<span id="shown">2</span>' in dom
    row = r'<tr class="finding[^"]*" data-fid="(f\d+)" data-code="(MTQ\d+)"[^>]*?( hidden="")?>'
    rows = re.findall(row, dom)
    assert {code for _, code, hidden in rows if not hidden} == {"MTQ501", "MTQ121"}
    assert len(rows) == len(report.findings)
    assert re.search(r'<mark class="f sev-warning"[^>]*>Bashar Assad</mark>', dom)  # still on
    assert re.search(r'<mark class="f sev-error off"[^>]*>Lien source</mark>', dom)  # filtered out
    dom = rendered_dom(tmp_path, report, "#only=info")
    assert '<span id="shown">1</span>' in dom


def test_batch_link_opens_a_collapsed_article(tmp_path):
    """A summary-table link (#doc-N) to an article collapsed in a batch opens it."""
    from dataclasses import replace

    from mtqa.reporters.html_report import OPEN_ARTICLES

    base = sample_report()
    n = OPEN_ARTICLES + 3
    findings = [replace(f, path=f"a{k:02d}.fr.txt") for k in range(n) for f in base.findings[:2]]
    documents = [replace(base.documents[0], path=f"a{k:02d}.fr.txt") for k in range(n)]
    report = replace(base, findings=tuple(findings), documents=tuple(documents))
    last = f"doc-{n - 1}"
    dom = rendered_dom(tmp_path, report)
    assert re.search(rf'<article class="doc" id="{last}"[^>]*><details>', dom)
    dom = rendered_dom(tmp_path, report, f"#{last}")
    assert re.search(rf'<article class="doc" id="{last}"[^>]*><details open="">', dom)
    assert re.search(r'<mark class="f sev-error short"[^>]*>«</mark>', dom)  # one-character span, boxed
