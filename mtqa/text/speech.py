"""Where a document quotes or reports speech, across its rows and paragraphs: one answer for every
rule that asks "is this offset inside a quotation?".

News reports speech in ways a row-by-row reading misses: a quotation opened in one row (or
paragraph) and closed rows later; a closing mark whose opening one the scraped source already lost,
so the words before it (and the rows just before, when they carry no marks of their own) are
speech; speech introduced by a colon at the end of the previous row; a sentence attributed after a
comma ("…, a déclaré le ministre", "…, says Netesov", and that attribution standing alone in the
next row); dialogue turns opened by a dash. Each is a region of a segment, in that segment's own
offsets. Built in one pass over the document; each question is a bisection.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cache
from itertools import islice

import regex

from mtqa.data import word_list
from mtqa.text.quotes import QuoteScan, scan_quotes
from mtqa.text.regex_store import compile_stored

_MARKS = '«»“”„"'  # spelled out again in _has_mark
_EMPTY = scan_quotes("")
# A quotation left open is taken to run on over at most this many rows or paragraphs without marks.
CARRY_LIMIT = 6
# Rows before a closing mark with no opener that are taken as the same speech, when they carry no
# quotation marks of their own.
BACKWARD_LIMIT = 3
# How many words after a comma or closing mark may come before the attributing verb
# ("…, a ensuite déclaré", "…," the head of the team said).
ATTRIBUTION_REACH = 6
_WORDS = compile_stored(r"\p{L}[\p{L}\p{M}'’]*")
_ATTRIBUTION_START = compile_stored(r"[,»”\"]|[—–-]\s")
_DIALOGUE = compile_stored(r"^[ \t]*[—–-][ \t]", regex.MULTILINE)


@cache
def speech_verbs(lang: str | None) -> frozenset[str]:
    return frozenset(w.lower() for w in word_list(lang or "", "speech_verbs"))


def quote_scan(view) -> QuoteScan:
    """The quotation scan of a segment view, skipped (and shared) for the many texts with no mark."""
    return view.quotes if _has_mark(view.text) else _EMPTY


def _has_mark(text: str) -> bool:
    # Spelled out: six substring scans in C, several times cheaper than any() over a generator.
    return '"' in text or "«" in text or "»" in text or "“" in text or "”" in text or "„" in text


def attributed(text: str, lang: str | None, start: int = 0, end: int | None = None) -> int | None:
    """Offset where an attribution clause begins in text[start:end] ("…, a déclaré X", "… says X"),
    or None: the words before it are reported speech."""
    verbs = speech_verbs(lang)
    if not verbs:
        return None
    end = len(text) if end is None else end
    for m in _ATTRIBUTION_START.finditer(text, start, end):
        # A word never holds a hyphen: "explique-t-elle" reads "explique".
        for w in islice(_WORDS.finditer(text, m.end(), min(end, m.end() + 80)), ATTRIBUTION_REACH):
            if w.group().lower() in verbs:
                # the attribution begins at the mark nearest the verb: "…, mais nous restons
                # prudents, a déclaré le maire" attributes the whole clause, not its first part
                last = m.start()
                for nearer in _ATTRIBUTION_START.finditer(text, m.end(), w.start()):
                    last = nearer.start()
                return last
    return None


def opens_with_attribution(text: str, lang: str | None, reach: int = 4) -> bool:
    """Text that opens with an attribution ("says the analyst. —", "the WHO report says"): a row
    that only attributes the row before, or the words right after a closing mark."""
    verbs = speech_verbs(lang)
    return any(w.group().lower() in verbs for w in islice(_WORDS.finditer(text, 0, 120), reach))


@dataclass(frozen=True)
class SpeechMap:
    """Per segment, disjoint sorted (start, end) regions that are quotation or reported speech; and
    the quotation marks that pair with nothing in the whole document, as (segment, offset)."""

    regions: tuple[tuple[tuple[int, int], ...], ...]
    unclosed: tuple[tuple[int, int], ...] = ()  # opening marks never closed
    stray: tuple[tuple[int, int], ...] = ()  # closing marks with no opening one anywhere before
    mixed: tuple[tuple[int, int, int, int], ...] = ()  # (segment, opener, segment, closer) of two styles

    def inside(self, segment: int, start: int, end: int | None = None) -> bool:
        end = start + 1 if end is None else end
        spans = self.regions[segment]
        k = bisect.bisect_right(spans, (start, float("inf"))) - 1
        return k >= 0 and spans[k][0] <= start and end <= spans[k][1]


def _merged(spans: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Overlapping regions as one: disjoint and sorted, so `inside` is one bisection."""
    if not spans:
        return ()  # most segments hold no speech
    out: list[list[int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return tuple((a, b) for a, b in out)


_FAMILY = {"«": "«", "»": "«", "“": "“", "”": "“", "„": "„", '"': '"'}


def _closing_family(mark: str) -> set[str]:
    """Openers a closing mark may close: ” closes “ and „ (German „…”), “ closes „."""
    return {"»": {"«"}, "”": {"“", "„"}, "“": {"„"}, '"': {'"'}}.get(mark, set())


class _Pairing:
    """Quotation marks paired across the segments of a document."""

    def __init__(self) -> None:
        self.pending: list[tuple[int, int, str]] = []  # (segment, offset, mark) still open
        self.unclosed: list[tuple[int, int]] = []
        self.stray: list[tuple[int, int]] = []
        self.mixed: list[tuple[int, int, int, int]] = []

    def close(self, i: int, pos: int, mark: str) -> bool:
        """A closing mark of segment i with no opener in its segment: True when an earlier segment
        opened its quotation."""
        if not self.pending:
            self.stray.append((i, pos))
            return False
        family = _closing_family(mark)
        k = next((k for k in range(len(self.pending) - 1, -1, -1) if self.pending[k][2] in family), None)
        if k is None:
            if mark not in '»”"':
                self.stray.append((i, pos))
                return False
            k = len(self.pending) - 1
            seg, at, _ = self.pending[k]
            self.mixed.append((seg, at, i, pos))
        del self.pending[k:]
        return True


def build_speech_map(view) -> SpeechMap:
    segments = view.segments
    lang = view.lang
    regions: list[list[tuple[int, int]]] = [[] for _ in segments]
    # Sentence-per-row documents run a quotation on over rows without reopening it; an article's
    # paragraphs reopen it (« at the start of each), so there an open quotation is carried only to
    # the next paragraph, which reopens or closes it.
    rows = view.document.kind == "segments"
    pairing = _Pairing()
    carrying = 0  # rows left that an open quotation may still run over without marks
    for i, seg in enumerate(segments):
        text = seg.text
        scan = quote_scan(seg)
        if '"' in text and any(mark == '"' for _, _, mark in pairing.pending):
            # its first closer may close that one
            scan = scan_quotes(text, straight_open_before=True, skip=seg.apostrophe_marks)
        turned = _turned_closers(text, scan, lang)
        if turned:
            # rescanned with them as closers: of this row's quotation, an earlier row's, or of none
            scan = scan_quotes(
                text, any(m == '"' for _, _, m in pairing.pending), seg.apostrophe_marks, turned
            )
        found = regions[i]
        found.extend(scan.regions)
        found.extend(_dialogue(text))
        found.extend(_after_colons(seg))
        found.extend(_attributed_sentences(seg, lang))
        carried = bool(pairing.pending)
        if carried and _reopens(text):
            pairing.pending.clear()  # the quotation runs on into this paragraph, reopened
            carried = False
        first_close = None
        for pos in sorted((*scan.stray_closers, *scan.closes_earlier)):
            if pairing.close(i, pos, "”" if pos in turned else text[pos]) and first_close is None:
                first_close = pos
            elif first_close is None and not carried:
                first_close = pos
                _mark_back(regions, segments, i, lang)
        _end_speech_at_attribution(pairing, i, text, scan, lang)
        if scan.mixed:
            pairing.mixed.extend((i, a, i, b) for a, b in scan.mixed)
        if first_close is not None:
            found.append((0, first_close + 1))
        elif carried and rows and carrying and not scan.unclosed:
            found.append((0, len(text)))
            carrying -= 1
        if not rows and carried:
            pairing.unclosed.extend((seg_i, at) for seg_i, at, _ in pairing.pending)
            pairing.pending.clear()
        if scan.unclosed:
            pairing.pending.extend((i, pos, text[pos]) for pos in scan.unclosed)
            carrying = CARRY_LIMIT
        if i + 1 < len(segments):
            nxt = segments[i + 1].text
            if text.rstrip().endswith(":"):
                regions[i + 1].append((0, len(nxt)))
            elif not text.rstrip().endswith((".", "!", "?")) and opens_with_attribution(nxt, lang):
                found.append((0, len(text)))
    pairing.unclosed.extend((seg_i, at) for seg_i, at, _ in pairing.pending)
    return SpeechMap(
        tuple(_merged(r) for r in regions),
        tuple(sorted(pairing.unclosed)),
        tuple(pairing.stray),
        tuple(pairing.mixed),
    )


_BEFORE_TURNED = compile_stored(r"[,.!?…][\"”’']?[ \u00a0]?$")


def _turned_closers(text: str, scan: QuoteScan, lang: str | None) -> frozenset[int]:
    """Opening-looking marks that close a quotation: right after the quotation's final punctuation
    and right before its attribution (`…, "he said.`, `…infections, “said the mathematician`), the
    shape a detokenizer or a wrong smart-quote gives a closing mark."""
    if not scan.unclosed:
        return frozenset()
    return frozenset(
        pos
        for pos in scan.unclosed
        if text[pos] in '"“'
        and _BEFORE_TURNED.search(text, max(0, pos - 3), pos)
        and opens_with_attribution(text[pos + 1 : pos + 120], lang, ATTRIBUTION_REACH)
    )


def _end_speech_at_attribution(
    pairing: _Pairing, i: int, text: str, scan: QuoteScan, lang: str | None
) -> None:
    """A closing mark followed by its attribution ends the speech: a quotation the previous row left
    open closes there too (`"I wanted him to say, "you did right. / We understand," he said.`: one
    mark closes both, as it does inside one paragraph). Quotations open since earlier rows stay open."""
    if not pairing.pending:
        return
    closing = [b - 1 for _, b in scan.regions if text[b - 1] in '"”»'] + list(scan.closes_earlier)
    if any(opens_with_attribution(text[c + 1 : c + 120], lang) for c in closing):
        pairing.pending[:] = [p for p in pairing.pending if p[0] < i - 1]


def _reopens(text: str) -> bool:
    """A new paragraph of a quotation that runs on opens with a quotation mark again."""
    stripped = text.lstrip()
    return bool(stripped) and stripped[0] in '«“„"'


def _mark_back(regions, segments, i: int, lang: str | None) -> None:
    """Rows before a closing mark whose opener is lost belong to the same speech, back to a row with
    quotation marks, a colon at its end or an attribution of its own (the end of earlier speech)."""
    for k in range(i - 1, max(-1, i - 1 - BACKWARD_LIMIT), -1):
        text = segments[k].text
        if _has_mark(text) or text.rstrip().endswith(":"):
            return
        if attributed(text, lang) is not None:
            return
        regions[k].append((0, len(text)))


def _dialogue(text: str):
    if not _may_open_dialogue(text):
        return
    for m in _DIALOGUE.finditer(text):
        end = text.find("\n", m.end())
        yield m.start(), len(text) if end < 0 else end


def _may_open_dialogue(text: str) -> bool:
    """A dash then a blank, which every dialogue turn holds (most rows have none): substring scans
    in C instead of a multi-line search, spelled out (twice as fast as any() over the pairs)."""
    return "- " in text or "— " in text or "– " in text or "-\t" in text or "—\t" in text or "–\t" in text


def _after_colons(seg):
    text = seg.text
    if ":" not in text:
        return
    for a, b in seg.sentences:
        colon = text.find(":", a, b)
        if colon >= 0:
            yield colon, b


def _attributed_sentences(seg, lang: str | None):
    text = seg.text
    if not speech_verbs(lang) or not _ATTRIBUTION_START.search(text):
        return
    for a, b in seg.sentences:
        at = attributed(text, lang, a, b)
        if at is not None:
            yield a, at
