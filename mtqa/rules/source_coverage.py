"""What the alignment itself reveals: source sentences left untranslated (MTQ911), target sentences
that translate nothing (MTQ912), aligned pairs whose lengths disagree far beyond the document's
own ratio (MTQ913), and a source that cannot be this article's source at all (MTQ921)."""

from __future__ import annotations

from mtqa.align import expected_ratio
from mtqa.model import Category, Severity
from mtqa.rules.base import Example, Hit, Parameter, Rule
from mtqa.rules.source_pairs import NEEDS_SOURCE, hit, pairs, source_extra, usable_alignment
from mtqa.text.regex_store import compile_stored

_WORD = compile_stored(r"[\p{L}\p{M}\d]+")
MIN_WORDS = Parameter(
    "min_words",
    5,
    "Words a sentence needs to be reported as omitted or added: shorter units (datelines, "
    "'Related Post', captions) are not worth a sentence finding.",
)
MIN_CHARS = Parameter(
    "min_chars", 40, "Characters (without blanks) a pair needs for its length ratio to count."
)
SHORT = Parameter(
    "short_ratio", 0.45, "A target shorter than this share of the length its source predicts is reported."
)
LONG = Parameter("long_ratio", 2.2, "A target longer than this many times the predicted length is reported.")
WINDOW = Parameter(
    "window_ratio",
    1.2,
    "How much longer (an added sentence) or shorter (a dropped one) the sentence's neighbourhood must "
    "be than the document's length ratio predicts.",
)


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _window_ratio(pair, norm: float) -> float:
    """Target/source length around a bead (it and one bead either side), relative to the norm. A
    sentence really dropped or added shifts it; a sentence the splitter cut differently does not."""
    al = pair.alignment
    beads = al.beads[max(0, pair.index - 1) : pair.index + 2]
    ls = sum(al.source_chars[i] for b in beads for i in b.src)
    lt = sum(al.target_chars[j] for b in beads for j in b.tgt)
    return float("inf") if ls == 0 else lt / (ls * norm)


def _norm(view) -> float:
    al = view.alignment
    ls = sum(al.source_chars)
    lt = sum(al.target_chars)
    return expected_ratio(al.source_lang, view.lang, (lt + 1) / (ls + 1))


def _omission_place(al, pair):
    """(target sentence, offset) where a missing source sentence belongs: at the start of the next
    translated sentence, or at the end of the last one; for JSONL rows, inside the sentence's own
    row (the row's translation left it out), never in a neighbouring row."""
    row = pair.source[0].segment if al.rows else None
    for k in range(pair.index + 1, len(al.beads)):
        if al.beads[k].tgt:
            t = al.target[al.beads[k].tgt[0]]
            if row is None or t.segment == row:
                return t, t.start
            break  # rows are in order: the next translated sentence lies in a later row
    for k in range(pair.index - 1, -1, -1):
        if al.beads[k].tgt:
            t = al.target[al.beads[k].tgt[-1]]
            return (t, t.end) if row is None or t.segment == row else None
    return None


def check_omitted(view, ctx):
    al = usable_alignment(view)
    if al is None:
        return
    norm = _norm(view)
    min_words, window = ctx.param(MIN_WORDS), ctx.param(WINDOW)
    for pair in pairs(view, with_nulls=True):
        if pair.target or _words(pair.source_text) < min_words or _window_ratio(pair, norm) > 1 / window:
            continue
        placed = _omission_place(al, pair)
        if placed is None:
            continue
        t, start = placed
        yield Hit(
            start,
            start,
            f"source sentence not translated: {pair.source_text[:120]!r}",
            segment=t.segment,
            extra=source_extra(pair),
        )


def check_added(view, ctx):
    if usable_alignment(view) is None:
        return
    norm = _norm(view)
    min_words, window = ctx.param(MIN_WORDS), ctx.param(WINDOW)
    for pair in pairs(view, with_nulls=True):
        if pair.source or _window_ratio(pair, norm) < window:
            continue
        for t in pair.target:
            if _words(t.text) >= min_words:
                yield Hit(
                    t.start,
                    t.end,
                    "sentence with no counterpart in the source",
                    segment=t.segment,
                    extra={"source": None, "source_sentences": []},
                )


def check_length_ratio(view, ctx):
    found = list(pairs(view))
    if not found:
        return
    # Non-blank lengths, so a pair's joined source sentences count as the sum of theirs.
    al = view.alignment
    src_chars, tgt_chars = al.source_chars, al.target_chars
    ls = sum(src_chars[i] for p in found for i in p.bead.src)
    lt = sum(tgt_chars[j] for p in found for j in p.bead.tgt)
    if not ls or not lt:
        return
    norm = expected_ratio(al.source_lang, view.lang, lt / ls)
    min_chars, short, long = ctx.param(MIN_CHARS), ctx.param(SHORT), ctx.param(LONG)
    for pair in found:
        s = sum(src_chars[i] for i in pair.bead.src)
        t = sum(tgt_chars[j] for j in pair.bead.tgt)
        if max(s, t) < min_chars or min(s, t) == 0:
            continue
        ratio = t / (s * norm)
        if ratio < short:
            msg = f"translation is {ratio:.0%} of the length its source predicts: something is left out"
        elif ratio > long:
            msg = (
                f"translation is {ratio:.1f}x the expected length of its source sentence: something is added"
            )
        else:
            continue
        first, last = pair.target[0], pair.target[-1]
        end = last.end - first.start if last.segment == first.segment else len(first.text)
        yield hit(first, 0, end, msg, pair)


def check_source_mismatch(view, ctx):
    al = view.alignment
    if al is None or al.ok or not view.segments:
        return
    # A zero-width span at the start of the document: it concerns the whole document, and must not
    # be taken for a finding on whatever opens it (which may be debris, reported on its own).
    yield Hit(
        0,
        0,
        f"source-aware checks skipped: {al.reason} (alignment confidence {al.confidence:.2f})",
        segment=0,
        extra={"source": al.source_path, "alignment_status": al.status},
    )


def _rule(code, name, category, severity, summary, why, flagged, passing, check, parameters=()) -> Rule:
    return Rule(
        code=code,
        name=name,
        category=category,
        severity=severity,
        summary=summary,
        why=why,
        flagged=flagged,
        passing=passing,
        check=check,
        scope="document",
        inputs=NEEDS_SOURCE,
        parameters=parameters,
    )


_SRC = (
    "Russia entered the conflict in 2015. It helped the government retake most of the country from "
    "the armed groups that had held it for years. Turkey took charge of Idlib in 2018."
)
_FR_NEWS = (
    "Le gouvernement a annoncé vendredi de nouvelles mesures pour les agriculteurs, après trois "
    "semaines de manifestations qui ont bloqué les routes autour de la capitale. Le ministre a promis "
    "que les aides seraient versées avant la fin de l'année."
)
RULES = (
    _rule(
        "MTQ911",
        "omitted-sentence",
        Category.OMISSION,
        Severity.WARNING,
        "A source sentence that nothing in the translation translates.",
        "A dropped sentence reads seamlessly; only the alignment with the source shows the gap.",
        (
            Example(
                "La Russie est intervenue en 2015. La Turquie a pris en charge Idlib en 2018.",
                "fr",
                _SRC,
                spans=("",),  # zero-width: where the omitted sentence belongs
            ),
        ),
        (
            Example(
                "La Russie est intervenue en 2015. Elle a aidé le gouvernement à reprendre l'essentiel du "
                "pays aux groupes armés qui le tenaient depuis des années. "
                "La Turquie a pris en charge Idlib en 2018.",
                "fr",
                _SRC,
            ),
        ),
        check_omitted,
        (MIN_WORDS, WINDOW),
    ),
    _rule(
        "MTQ912",
        "added-sentence",
        Category.ADDITION,
        Severity.WARNING,
        "A target sentence (other than page debris) with no counterpart in the source.",
        "Invented sentences (hallucinations) state things the source never said.",
        (
            Example(
                "La Russie est intervenue en 2015. Elle a aidé le gouvernement à reprendre l'essentiel du "
                "pays aux groupes armés qui le tenaient depuis des années. "
                "Les États-Unis ont aussitôt annoncé de nouvelles sanctions contre Moscou et "
                "contre plusieurs banques russes accusées de financer son armée. "
                "La Turquie a pris en charge Idlib en 2018.",
                "fr",
                _SRC,
                spans=(
                    "Les États-Unis ont aussitôt annoncé de nouvelles sanctions contre Moscou et contre "
                    "plusieurs banques russes accusées de financer son armée.",
                ),
            ),
        ),
        (
            Example(
                "La Russie est intervenue en 2015. Elle a aidé le gouvernement à reprendre l'essentiel du "
                "pays aux groupes armés qui le tenaient depuis des années. "
                "La Turquie a pris en charge Idlib en 2018.",
                "fr",
                _SRC,
            ),
        ),
        check_added,
        (MIN_WORDS, WINDOW),
    ),
    _rule(
        "MTQ913",
        "length-ratio",
        Category.OMISSION,
        Severity.INFO,
        "An aligned sentence pair whose target is far shorter (part left out) or far longer (part "
        "added) than the document's own length ratio predicts.",
        "Partial translations keep the sentence but lose a clause; the length gives it away.",
        (
            Example(
                "Elle a aidé le gouvernement.",
                "fr",
                "It helped the government retake most of the country from the armed groups it fought.",
                spans=("Elle a aidé le gouvernement.",),
            ),
        ),
        (
            Example(
                "Elle a aidé le gouvernement à reprendre la majeure partie du pays aux groupes armés.",
                "fr",
                "It helped the government retake most of the country from the armed groups it fought.",
            ),
        ),
        check_length_ratio,
        (MIN_CHARS, SHORT, LONG),
    ),
    _rule(
        "MTQ921",
        "source-mismatch",
        Category.OTHER,
        Severity.WARNING,
        "The source is empty, in another language than declared (or the translation's own), or, for a "
        "source article, clearly another text (too few of its names and numbers reappear, or too few "
        "sentences align); source-aware checks are skipped. JSONL rows pair each source segment with "
        "its translation, so there only an empty or wrong-language source counts.",
        "Checking a translation against the wrong source produces nothing but false alarms.",
        (Example(_FR_NEWS, "fr", _FR_NEWS, spans=("",)),),  # zero-width: said once, at the start
        (
            Example(
                _FR_NEWS,
                "fr",
                "The government announced new measures for farmers on Friday, after three "
                "weeks of protests that blocked the roads around the capital. The minister promised "
                "that the aid would be paid before the end of the year.",
            ),
        ),
        check_source_mismatch,
    ),
)
