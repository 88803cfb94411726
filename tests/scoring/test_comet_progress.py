"""Progress while scoring on a terminal. COMET: mtqa scores in chunks and draws its own bar on stderr (COMET's
Lightning bar does not show through); the scores are those of one call, to float precision."""

from __future__ import annotations

import io

import pytest


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.slow
def test_chunked_scores_with_a_bar_equal_one_call(tiny_comet, monkeypatch):
    from mtqa.scoring import comet_metric

    loaded = comet_metric.load(str(tiny_comet["spans"]))
    hyps = [f"Le ministre a parlé {i} fois de la trêve à Idlib." for i in range(70)]
    refs = [f"Le ministre a évoqué {i} fois la trêve d'Idlib." for i in range(70)]
    srcs = [f"The minister spoke {i} times of the Idlib truce." for i in range(70)]
    plain = comet_metric.predict(loaded, hyps, refs, srcs, batch_size=4)
    stderr = _Terminal()
    monkeypatch.setattr("sys.stderr", stderr)
    shown = comet_metric.predict(loaded, hyps, refs, srcs, batch_size=4, progress=True)
    assert "COMET" in stderr.getvalue()
    assert shown.result.segments == pytest.approx(plain.result.segments, abs=1e-6)
    assert shown.result.corpus == pytest.approx(plain.result.corpus, abs=1e-6)
    assert len(shown.error_spans) == len(plain.error_spans) == 70


def test_sacrebleu_metrics_show_a_bar_on_a_terminal_only(monkeypatch):
    from mtqa.scoring.sacrebleu_metrics import score_all

    hyps, refs = ["the truce held"] * 5, [["the truce holds"] * 5]
    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    shown = score_all(["bleu", "chrf"], hyps, refs, progress=True)
    assert "sacrebleu" in terminal.getvalue()
    pipe = io.StringIO()
    monkeypatch.setattr("sys.stderr", pipe)
    quiet = score_all(["bleu", "chrf"], hyps, refs, progress=True)
    assert pipe.getvalue() == ""
    assert [r.corpus for r in shown] == [r.corpus for r in quiet]
