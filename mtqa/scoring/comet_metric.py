"""COMET through unbabel-comet, offline: local checkpoints or models already in the HF cache.

torch and comet are imported inside these functions only, after the offline variables are set, so
`mtqa --help` and the sacrebleu path never pay for them and nothing ever reaches the network.

A model directory is `hparams.yaml` + `checkpoints/model.ckpt` (as `comet.download_model` leaves
it). When it also holds `encoder/` (tokenizer and config of the encoder), that directory is passed
to COMET explicitly instead of the path written in hparams.yaml, so the model can be moved.
"""

from __future__ import annotations

import gc
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from mtqa.scoring.sacrebleu_metrics import MetricResult

FETCH_HINT = (
    # loading once caches the encoder's tokenizer and config (e.g. xlm-roberta-large) next to the model
    "on a connected machine run "
    "`python -c \"import comet; comet.load_from_checkpoint(comet.download_model('{name}'))\"` "
    "(gated models such as Unbabel/wmt22-cometkiwi-da or Unbabel/XCOMET-XL need `huggingface-cli login` "
    "first) and copy ~/.cache/huggingface to this machine, or pass --comet-model PATH to a checkpoint"
)
_HF_NAME = re.compile(r"[\w.-]+/[\w.-]+")


class CometError(Exception):
    """A model that cannot be found, read or used on these inputs; one-line message, exit 2."""


class CometPredictor(Protocol):
    """What mtqa calls on a loaded comet model (comet is imported lazily and ships no types)."""

    def predict(
        self,
        samples: list[dict],
        batch_size: int,
        gpus: int,
        progress_bar: bool,
        accelerator: str,
        num_workers: int,
    ) -> Any: ...


@dataclass(frozen=True)
class CometModel:
    model: CometPredictor  # a comet CometModel
    name: str
    accepts_ref: bool
    requires_ref: bool
    needs_src: bool
    quantized: str = ""  # "" (float weights) or the quantisation applied, e.g. "int8-dynamic"


@dataclass(frozen=True)
class CometOutput:
    result: MetricResult
    kind: str  # "reference-based" or "reference-free (QE)"
    model_name: str
    error_spans: tuple[tuple[dict, ...], ...]  # per unit; empty tuples when the model gives none


def _go_offline() -> None:
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    os.environ["HF_DATASETS_OFFLINE"] = "1"
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


def _quiet() -> None:
    """Lightning resets its loggers to INFO on import and chats on stderr ("GPU available", tips):
    after the import, keep only errors, so the report is the only output."""
    import logging

    for name in ("pytorch_lightning", "lightning_fabric", "lightning", "comet", "transformers"):
        logging.getLogger(name).setLevel(logging.ERROR)


def resolve_checkpoint(spec: str) -> tuple[Path, str]:
    """(path to model.ckpt, model name) for a directory, a .ckpt file or a cached HF model name."""
    path = Path(spec).expanduser()
    if path.is_dir():
        ckpt = path / "checkpoints" / "model.ckpt"
        if not ckpt.is_file():
            raise CometError(f"{spec}: not a COMET model directory (no checkpoints/model.ckpt)")
        return ckpt, path.resolve().name
    if path.is_file():
        if path.suffix != ".ckpt":
            raise CometError(f"{spec}: not a COMET checkpoint (expected a directory or a .ckpt file)")
        return path, path.resolve().parents[1].name
    if not _HF_NAME.fullmatch(spec):
        raise CometError(f"{spec}: no such COMET model directory or checkpoint")
    _go_offline()
    try:
        from huggingface_hub import snapshot_download

        folder = Path(snapshot_download(repo_id=spec, local_files_only=True))
    except Exception:  # LocalEntryNotFoundError, or anything else the cache lookup raises
        raise CometError(
            f"COMET model {spec!r} is not in the local Hugging Face cache; " + FETCH_HINT.format(name=spec)
        ) from None
    ckpt = folder / "checkpoints" / "model.ckpt"
    if not ckpt.is_file():
        raise CometError(
            f"COMET model {spec!r} is only partly in the local cache; " + FETCH_HINT.format(name=spec)
        )
    return ckpt, spec


def quantize_encoder(model) -> str:
    """Int8 dynamic quantisation of the encoder's Linear layers, in place (CPU inference only): the
    weights are stored as int8, activations quantised per batch. torch 2.13 marks
    torch.ao.quantization deprecated in favour of torchao's quantize_(), but still ships it, and its
    fbgemm kernels are what makes a CPU faster: torchao 0.18's Int8DynamicActivationInt8WeightConfig
    in eager mode ran 2.4x slower than float on the tiny model and no faster on XLM-R base
    (bench/bench_comet.py), and logs warnings on import. Returns the method for the signature."""
    import warnings

    import torch

    with warnings.catch_warnings():  # the deprecation in favour of torchao
        warnings.simplefilter("ignore")
        torch.ao.quantization.quantize_dynamic(
            model.encoder, {torch.nn.Linear}, dtype=torch.qint8, inplace=True
        )
    gc.collect()  # the float weights just replaced
    return "int8-dynamic"


def load(spec: str, quantize: bool = False) -> CometModel:
    """The model in eval mode on the CPU; `quantize`: int8 dynamic quantisation of the encoder's
    Linear layers (quantize_encoder), for CPU runs."""
    ckpt, name = resolve_checkpoint(spec)
    _go_offline()
    try:
        import warnings

        import torch
        import yaml

        with warnings.catch_warnings():  # pkg_resources and pytree deprecations inside comet's deps
            warnings.simplefilter("ignore")
            from comet.models import str2model
        _quiet()

        folder = ckpt.parents[1]
        hparams = yaml.safe_load((folder / "hparams.yaml").read_text(encoding="utf-8"))
        model_class = str2model[hparams["class_identifier"]]
        extra = {}
        if (folder / "encoder" / "config.json").is_file():
            extra["pretrained_model"] = str(folder / "encoder")
        model = model_class.load_from_checkpoint(
            ckpt,
            load_pretrained_weights=False,
            map_location=torch.device("cpu"),
            strict=False,
            local_files_only=True,
            weights_only=False,
            **extra,
        )
    except CometError:
        raise
    except Exception as exc:
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        hint = ""
        if isinstance(exc, OSError) and not Path(spec).exists():  # the encoder's files are not cached
            hint = "; " + FETCH_HINT.format(name=spec)
        raise CometError(f"cannot load COMET model {spec}: {first}{hint}") from None
    # the checkpoint's state dict and the freshly initialised weights it replaced are garbage now:
    # collected, the process holds about 2.6 GB of its 4.8 GB peak for an XLM-R large model
    gc.collect()
    model.eval()
    method = ""
    if quantize:
        try:
            method = quantize_encoder(model)
        except Exception as exc:
            first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
            raise CometError(f"cannot quantise COMET model {spec}: {first}") from None
    segments = getattr(model.hparams, "input_segments", None) or ["mt", "src", "ref"]
    referenceless = hparams["class_identifier"] == "referenceless_regression_metric"
    return CometModel(
        model=model,
        name=name,
        accepts_ref="ref" in segments and not referenceless,
        requires_ref=bool(model.requires_references()),
        needs_src="src" in segments,
        quantized=method,
    )


def _kind(loaded: CometModel, has_refs: bool, has_src: bool) -> str:
    if has_refs and loaded.accepts_ref:
        kind = "reference-based"
    elif not loaded.requires_ref:
        kind = "reference-free (QE)"
    else:
        raise CometError(f"COMET model {loaded.name} needs references (--ref)")
    if loaded.needs_src and not has_src and not (kind == "reference-based" and not loaded.requires_ref):
        raise CometError(
            f"COMET model {loaded.name} needs the source: give --source (or 'src' in JSONL rows)"
        )
    return kind


def _predict(loaded: CometModel, samples: list[dict], batch_size: int, gpus: int):
    """COMET's predict(), with its length batching (it sorts the samples by the length of their
    source, else reference, so that a batch pads little)."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return loaded.model.predict(
            samples,
            batch_size=batch_size,
            gpus=gpus,
            progress_bar=False,
            accelerator="gpu" if gpus else "cpu",
            num_workers=0,
        )


def _predict_in_chunks(loaded: CometModel, samples: list[dict], batch_size: int, gpus: int):
    """predict() over chunks of the samples, with mtqa's progress bar on stderr counting them: COMET's
    own (Lightning's) bar does not show through mtqa. Only on a terminal: length batching within
    smaller chunks may move a score in its last bits, so runs that are compared keep one call."""
    from mtqa.progress import track

    size = max(batch_size * _CHUNK_BATCHES, batch_size)
    chunks = [samples[a : a + size] for a in range(0, len(samples), size)]
    scores: list[float] = []
    spans: list[tuple] = []
    for chunk in track(chunks, "COMET", enabled=True, start_after=1):
        part, part_spans = _scores_and_spans(_predict(loaded, chunk, batch_size, gpus))
        scores.extend(part)
        spans.extend(part_spans)
    return scores, spans


def _scores_and_spans(out) -> tuple[list[float], list[tuple]]:
    scores = [float(s) for s in out.scores]
    spans = [tuple(s) for s in (out.get("metadata") or {}).get("error_spans", [()] * len(scores))]
    return scores, spans


def _distinct(samples: list[dict]) -> tuple[list[dict], list[int]]:
    """The distinct samples in first-seen order (an identical (src, mt, ref) is scored once), and
    for each sample the index of its distinct one."""
    index: dict[tuple, int] = {}
    distinct: list[dict] = []
    first_of: list[int] = []
    for sample in samples:
        key = (sample.get("src"), sample["mt"], sample.get("ref"))
        if key not in index:
            index[key] = len(distinct)
            distinct.append(sample)
        first_of.append(index[key])
    return distinct, first_of


_CHUNK_BATCHES = 8  # batches per chunk: the bar moves every few seconds on a CPU


def predict(
    loaded: CometModel,
    hyps: list[str],
    refs: list[str | None] | None,
    srcs: list[str] | None,
    batch_size: int = 16,
    gpus: int = 0,
    progress: bool = False,
) -> CometOutput:
    """Segment and system scores. With several references, COMET uses each unit's first one."""
    kind = _kind(loaded, refs is not None and any(r is not None for r in refs), srcs is not None)
    samples = []
    for i, mt in enumerate(hyps):
        sample = {"mt": mt}
        if srcs is not None:
            sample["src"] = srcs[i]
        if kind == "reference-based" and refs is not None:  # reference-based: refs were given
            sample["ref"] = refs[i] or ""
        samples.append(sample)
    distinct, position = _distinct(samples)
    try:
        system = None
        if progress:
            scored, scored_spans = _predict_in_chunks(loaded, distinct, batch_size, gpus)
        else:
            out = _predict(loaded, distinct, batch_size, gpus)
            scored, scored_spans = _scores_and_spans(out)
            if len(distinct) == len(samples):
                system = float(out.system_score)  # summed in COMET's order: the same bits as predict()
    except Exception as exc:
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise CometError(f"COMET model {loaded.name} failed: {first}") from None
    scores = tuple(scored[p] for p in position)
    spans = tuple(scored_spans[p] for p in position)
    if system is None:
        system = sum(scores) / len(scores)  # as COMET's system score: the mean over every segment
    import comet

    signature = (
        f"model:{loaded.name}|kind:{'ref' if kind == 'reference-based' else 'qe'}|"
        f"refs:{'first' if kind == 'reference-based' else 0}|batch:{batch_size}|"
        f"{'|quant:' + loaded.quantized if loaded.quantized else ''}|comet:{comet.__version__}"
    )
    result = MetricResult(
        key="comet",
        name="COMET",
        corpus=system,
        signature=signature,
        segments=scores,
        segment_signature=signature,
    )
    return CometOutput(result=result, kind=kind, model_name=loaded.name, error_spans=spans)


COMPARE_EPS = 0.001  # comet-compare counts a resample as a tie below this difference of means


def compare_statistics(
    segment_scores: list[list[float]],
    num_splits: int = 300,
    sample_ratio: float = 0.4,
    seed: int = 1,
    alternative: str = "two-sided",
) -> list[tuple[int, dict]]:
    """comet-compare's statistics (comet.cli.compare) for the first system against each other one,
    given the systems' segment scores: bootstrap resampling (num_splits resamples of
    max(int(n * sample_ratio), 1) segments, drawn with replacement by numpy's RandomState seeded as
    comet-compare's seed_everything(1) seeds it, the same draws for every system), wins and ties
    (|difference| < 0.001), and scipy's paired t-test. Returns (system index, statistics) pairs in
    comet-compare's JSON layout ("bootstrap_resampling", "paired_t-test")."""
    import numpy as np
    from scipy import stats

    scores = np.array(segment_scores, dtype="float32")  # comet-compare keeps float32 scores
    population = scores.shape[1]
    sample_size = max(int(population * sample_ratio), 1)
    ids = np.random.RandomState(seed).choice(population, size=(sample_size, num_splits), replace=True)
    means = np.mean(np.take(scores, ids, axis=1), axis=1)  # systems x num_splits
    out = []
    for j in range(1, len(scores)):
        delta = means[0] - means[j]
        ties = np.absolute(delta)
        test = stats.ttest_rel(scores[0], scores[j], alternative=alternative)
        bootstrap = {
            "x-mean": float(np.mean(means[0])),
            "y-mean": float(np.mean(means[j])),
            "ties (%)": float(len(ties[ties < COMPARE_EPS])) / num_splits,
            "x_wins (%)": float(len(delta[delta >= COMPARE_EPS])) / num_splits,
            "y_wins (%)": float(len(delta[delta <= -COMPARE_EPS])) / num_splits,
        }
        t_test = {"statistic": float(test.statistic), "p_value": float(test.pvalue)}
        out.append((j, {"bootstrap_resampling": bootstrap, "paired_t-test": t_test}))
    return out
