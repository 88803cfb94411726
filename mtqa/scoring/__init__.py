"""Scores against references: sacrebleu metrics (BLEU, chrF, chrF++, TER) and COMET.

Nothing heavy is imported here: COMET (torch) is loaded by mtqa.scoring.comet_metric only when a
model is asked for.
"""

from mtqa.scoring.settings import SacrebleuSettings
from mtqa.scoring.units import ScoringInputError, ScoringSet, Unit

__all__ = ["SacrebleuSettings", "ScoringInputError", "ScoringSet", "Unit"]
