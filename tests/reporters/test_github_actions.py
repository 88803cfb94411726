"""docs/github-actions.yml works as written (issue 12, point 8): its shell steps, run as GitHub runs
them (`bash -eo pipefail`), in a copy of the sample content repository; the `uses:` steps are
GitHub's own actions and are checked for their conditions only."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOT

yaml = pytest.importorskip("yaml")

WORKFLOW = ROOT / "docs" / "github-actions.yml"
SAMPLE = ROOT / "tests" / "sample_repo"
ALEP = "articles/2026-03-12-alep-convoi.fr.md"

# Stands in for pip on a machine without the network: the install step must name mtqa's repository.
FAKE_PYTHON = """#!/bin/sh
[ "$1 $2 $3" = "-m pip install" ] || exec "{python}" "$@"
printf '%s\\n' "$4" > "$MTQA_INSTALLED"
exec "{python}" -c "
import sys
from packaging.requirements import Requirement
r = Requirement(sys.argv[1])
assert r.name == 'mtqa' and r.url.startswith('git+https://'), r
" "$4"
"""


@pytest.fixture(scope="module")
def workflow():
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def run_steps(workflow, repo, tmp_path):
    """Run every `run:` step in order as the runner would; returns {step name: CompletedProcess}."""
    job = workflow["jobs"]["mtqa"]
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "python").write_text(FAKE_PYTHON.format(python=sys.executable), encoding="utf-8")
    (bin_dir / "mtqa").write_text(f'#!/bin/sh\nexec "{sys.executable}" -m mtqa "$@"\n', encoding="utf-8")
    for f in bin_dir.iterdir():
        f.chmod(0o755)
    summary = tmp_path / "step_summary.md"
    env = {
        **os.environ,
        **job.get("env", {}),
        "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
        "PYTHONPATH": str(ROOT),
        "GITHUB_STEP_SUMMARY": str(summary),
        "MTQA_INSTALLED": str(tmp_path / "installed"),
        "NO_COLOR": "1",
    }
    results, failed = {}, False
    for step in job["steps"]:
        if "run" not in step:
            continue
        if failed and "always()" not in str(step.get("if", "")):
            continue  # GitHub skips later steps once one failed, unless they say always()
        done = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
            cwd=repo,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        results[step["name"]] = done
        failed = failed or done.returncode != 0
    return results, summary


@pytest.fixture
def repo(tmp_path):
    root = tmp_path / "repo"
    shutil.copytree(SAMPLE, root)
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    return root


def test_workflow_permissions_install_and_conditions(workflow):
    job = workflow["jobs"]["mtqa"]
    assert job["permissions"] == {"contents": "read", "security-events": "write", "actions": "read"}
    assert "@v0.1.0" not in WORKFLOW.read_text(encoding="utf-8")
    steps = {s.get("name", s.get("uses")): s for s in job["steps"]}
    sarif = steps["Upload SARIF to code scanning"]
    assert sarif["uses"].startswith("github/codeql-action/upload-sarif@")
    # fork pull requests have a read-only token: the upload is skipped there
    assert "github.event.pull_request.head.repo.full_name == github.repository" in sarif["if"]
    for name in ("Job summary", "Upload SARIF to code scanning", "Upload the HTML report"):
        assert "always()" in steps[name]["if"], name


def test_shell_steps_annotate_fail_and_write_a_job_summary(workflow, repo, tmp_path):
    path = repo / ALEP
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("en raison de combats", "en raison de des combats", 1), encoding="utf-8")
    results, summary = run_steps(workflow, repo, tmp_path)
    assert results["Install mtqa"].returncode == 0, results["Install mtqa"].stderr
    assert (tmp_path / "installed").read_text().startswith("mtqa @ git+https://")
    check = results["mtqa check"]
    assert check.returncode == 1, check.stderr  # the new finding fails the job
    assert check.stdout.startswith(f"::error file={ALEP},") and "MTQ401" in check.stdout
    assert results["Job summary"].returncode == 0  # ran although the check failed
    md = summary.read_text(encoding="utf-8")
    assert md.startswith("## mtqa: 1 error")
    assert f"| {ALEP} | error | 1 |" in md and "| MTQ401 | contraction-slip | 1 |" in md
    json.loads((repo / "reports" / "mtqa.sarif").read_text(encoding="utf-8"))
    assert (repo / "reports" / "mtqa.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_clean_repository_passes_with_a_summary(workflow, repo, tmp_path):
    results, summary = run_steps(workflow, repo, tmp_path)
    assert all(r.returncode == 0 for r in results.values()), {k: r.stderr for k, r in results.items()}
    assert results["mtqa check"].stdout == ""
    assert summary.read_text(encoding="utf-8").startswith("## mtqa: 0 errors, 0 warnings, 0 info")
