"""Build tiny COMET models offline, in seconds, for tests and the benchmark.

The recipe: a sentencepiece unigram model trained on a little local text, wrapped as an
XLMRobertaTokenizerFast and saved with a tiny XLMRobertaConfig; a COMET metric instantiated on that
directory without pretrained weights; its state saved as `checkpoints/model.ckpt` + `hparams.yaml`.
The encoder sits in `<model>/encoder`, which mtqa's loader passes explicitly, so the directory can
move. Weights are random (seeded): the tests check plumbing, not translation quality.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

CORPUS = Path(__file__).resolve().parent.parent / "seeds" / "000_d71c614b73ba7402.txt"
_ENGLISH = (
    "Russian warplanes stationed in Syria carried out air strikes against jihadist militants.\n"
    "The government said its troops had inflicted heavy losses on the attackers.\n"
    "Local media reported that the army had regained control of several districts.\n"
    "The reviewer said the product arrived broken and the seller never answered.\n"
)


def build_encoder(directory: Path, vocab_size: int = 400) -> Path:
    """A sentencepiece tokenizer and a 2-layer, 32-wide XLM-R config saved in `directory`."""
    import sentencepiece as spm
    from transformers import XLMRobertaConfig, XLMRobertaTokenizerFast

    directory.mkdir(parents=True, exist_ok=True)
    text = CORPUS.read_text(encoding="utf-8") + _ENGLISH
    lines = [ln for ln in text.splitlines() if ln.strip()]
    model = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines * 4),
        model_writer=model,
        vocab_size=vocab_size,
        model_type="unigram",
        character_coverage=1.0,
        hard_vocab_limit=False,
        unk_id=3,
        bos_id=0,
        eos_id=2,
        pad_id=1,
        minloglevel=2,
    )
    spm_path = directory / "sentencepiece.bpe.model"
    spm_path.write_bytes(model.getvalue())
    tokenizer = XLMRobertaTokenizerFast(vocab_file=str(spm_path), from_slow=True)
    tokenizer.save_pretrained(str(directory))
    XLMRobertaConfig(
        vocab_size=len(tokenizer),
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=64,
        max_position_embeddings=514,
        pad_token_id=1,
        bos_token_id=0,
        eos_token_id=2,
        type_vocab_size=1,
    ).save_pretrained(str(directory))
    return directory


def _save(model, directory: Path) -> Path:
    import torch
    import yaml

    (directory / "checkpoints").mkdir(parents=True, exist_ok=True)
    hparams = dict(model.hparams)
    hparams["class_identifier"] = _CLASS_IDS[type(model).__name__]
    ckpt = directory / "checkpoints" / "model.ckpt"
    torch.save(
        {"state_dict": model.state_dict(), "hyper_parameters": hparams, "pytorch-lightning_version": "2.6.0"},
        ckpt,
    )
    (directory / "hparams.yaml").write_text(yaml.safe_dump(hparams), encoding="utf-8")
    return directory


_CLASS_IDS = {
    "RegressionMetric": "regression_metric",
    "UnifiedMetric": "unified_metric",
    "XCOMETMetric": "xcomet_metric",
}
_COMMON = dict(
    encoder_model="XLM-RoBERTa",
    load_pretrained_weights=False,
    layer="mix",
    hidden_sizes=[16],
    keep_embeddings_frozen=False,
)


def build_model(directory: Path, kind: str, encoder: Path) -> Path:
    """kind: "reference" (RegressionMetric: src+mt+ref), "qe" (UnifiedMetric on src+mt, like
    CometKiwi) or "spans" (XCOMETMetric, returning error spans; its word-level head labels each
    token "O" or "major" along a random direction, so runs produce spans to map; COMET closes a
    span only at an "O" token)."""
    import shutil

    import torch
    from comet.models import RegressionMetric, UnifiedMetric, XCOMETMetric

    torch.manual_seed(0)
    target = directory / "encoder"
    if not target.exists():
        shutil.copytree(encoder, target)
    if kind == "reference":
        model = RegressionMetric(pretrained_model=str(target), **_COMMON)
    elif kind == "qe":
        common = {k: v for k, v in _COMMON.items() if k != "layer"}
        model = UnifiedMetric(
            pretrained_model=str(target),
            input_segments=["mt", "src"],
            sent_layer="mix",
            word_layer=2,
            word_level_training=False,
            **common,
        )
    elif kind == "spans":
        common = {k: v for k, v in _COMMON.items() if k != "layer"}
        model = XCOMETMetric(
            pretrained_model=str(target), sent_layer="mix", word_layer=2, word_level_training=True, **common
        )
        with torch.no_grad():  # labels O, minor, major, critical: each token "O" or "major"
            direction = torch.randn(model.hidden2tag.weight.shape[1])
            model.hidden2tag.weight.zero_()
            model.hidden2tag.weight[0] = 20 * direction
            model.hidden2tag.weight[2] = -20 * direction
            model.hidden2tag.bias.zero_()
    else:
        raise ValueError(kind)
    return _save(model, directory)
