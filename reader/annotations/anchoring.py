"""Find an annotation again in text extracted anew (a newer repair engine, say).

In order: the stored offsets, if the text there is still the quote; the quote in folded
text (harakat, tatweel, alef and hamza forms, presentation forms set aside) on the same
page, best placed by its context; the same on nearby pages; then an approximate match
(Myers' bit-vector algorithm, up to one error in five characters) on the page and nearby
pages. The last two are marked for review. What cannot be placed stays an orphan, with its
quote: nothing is ever dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reader.annotations.model import ANCHORED, ORPHAN, REVIEW, TEXT_KINDS, Annotation
from reader.arabic.fold import fold, fold_with_map

NEARBY = 2  # pages either side searched when the quote left its page
MAX_FUZZY = 400  # longer quotes are matched exactly only (cost grows with length)


@dataclass(frozen=True)
class Placement:
    page: int
    start: int
    end: int
    status: str


def locate(annotation: Annotation, page_text: Callable[[int], str | None],
           page_count: int) -> Placement | None:
    """Where ``annotation`` is in the current text, or None for an orphan.

    ``page_text(page)`` gives a page's repaired text (None if the page cannot be read).
    Sticky notes and document notes have no text to find: they stay where they are.
    """
    page = annotation.page
    if page is None or annotation.kind not in TEXT_KINDS:
        return None if page is None else Placement(page, annotation.start, annotation.end,
                                                   ANCHORED)
    if not 0 <= page < page_count:
        return None
    text = page_text(page)
    if text is not None and text[annotation.start:annotation.end] == annotation.exact:
        return Placement(page, annotation.start, annotation.end, ANCHORED)
    pattern = fold(annotation.exact)
    if not pattern:
        return None
    near = [p for d in range(1, NEARBY + 1) for p in (page + d, page - d)
            if 0 <= p < page_count]
    for pages, fuzzy in (([page], False), (near, False), ([page, *near], True)):
        if fuzzy and len(pattern) > MAX_FUZZY:
            break
        best: tuple[float, Placement] | None = None
        for candidate_page in pages:
            source = page_text(candidate_page)
            if not source:
                continue
            for start, end, errors in _matches(source, pattern, fuzzy):
                score = _score(annotation, source, start, end, errors,
                               same_page=candidate_page == page)
                if best is None or score > best[0]:
                    status = ANCHORED if candidate_page == page and not fuzzy else REVIEW
                    best = (score, Placement(candidate_page, start, end, status))
        if best is not None:
            return best[1]
    return None


def reanchored(annotation: Annotation, placement: Placement | None, text: str | None,
               rects: list | None, pipeline: str) -> Annotation:
    """The annotation at its new place (offsets, quote and rectangles refreshed), or marked
    an orphan with everything it had."""
    if placement is None:
        return annotation if annotation.status == ORPHAN else annotation.edited(status=ORPHAN)
    if (placement.page, placement.start, placement.end, placement.status) == (
            annotation.page, annotation.start, annotation.end, annotation.status) and (
            annotation.pipeline == pipeline):
        return annotation
    changes: dict[str, object] = {"page": placement.page, "start": placement.start,
                                  "end": placement.end, "status": placement.status,
                                  "pipeline": pipeline}
    if rects is not None:
        changes["rects"] = tuple(rects)
    if text is not None and annotation.kind in TEXT_KINDS:
        # Keep the quote as the reviewer saw it; refresh only its context.
        changes["prefix"] = text[max(0, placement.start - 32):placement.start]
        changes["suffix"] = text[placement.end:placement.end + 32]
    return annotation.edited(**changes)


def _matches(source: str, pattern: str, fuzzy: bool) -> list[tuple[int, int, int]]:
    """(start, end, errors) of ``pattern`` in folded ``source``, as offsets of ``source``."""
    folded, index = fold_with_map(source)
    if not index:
        return []
    spans: list[tuple[int, int, int]] = []
    if not fuzzy:
        at = folded.find(pattern)
        while at >= 0:
            spans.append((at, at + len(pattern), 0))
            at = folded.find(pattern, at + 1)
    else:
        spans = _approximate(folded, pattern, max(1, len(pattern) // 5))
    out = []
    for start, end, errors in spans:
        if start < end <= len(index):
            out.append((index[start], index[end - 1] + 1, errors))
    return out


def _score(annotation: Annotation, source: str, start: int, end: int, errors: int,
           same_page: bool) -> float:
    """Hypothesis's weights: the quote counts most, then its context, then the position."""
    prefix, suffix = fold(annotation.prefix), fold(annotation.suffix)
    before, after = fold(source[max(0, start - 64):start]), fold(source[end:end + 64])
    prefix_match = _common_suffix(prefix, before) / max(1, len(prefix))
    suffix_match = _common_prefix(suffix, after) / max(1, len(suffix))
    quote_match = 1 - errors / max(1, len(fold(annotation.exact)))
    position = 1 - min(1.0, abs(start - annotation.start) / max(1, len(source)))
    return (50 * quote_match + 20 * prefix_match + 20 * suffix_match + 2 * position
            + (5 if same_page else 0))


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_suffix(a: str, b: str) -> int:
    return _common_prefix(a[::-1], b[::-1])


def _approximate(text: str, pattern: str, limit: int) -> list[tuple[int, int, int]]:
    """Substrings of ``text`` within ``limit`` edits of ``pattern``: one per place."""
    out = []
    run: list[tuple[int, int]] = []
    for end, errors in [*_myers_ends(text, pattern, limit), (-10, 0)]:
        if run and end != run[-1][0] + 1:
            # Adjacent ends belong to one place: take its best end, then find where that
            # match starts by running the search backwards, anchored at the end.
            best_end, best_errors = min(run, key=lambda e: (e[1], e[0]))
            window = text[max(0, best_end + 1 - len(pattern) - limit):best_end + 1][::-1]
            back = [e for e, err in _myers_ends(window, pattern[::-1], limit, anchored=True)
                    if err == best_errors]
            if back:
                out.append((best_end - min(back), best_end + 1, best_errors))
            run = []
        run.append((end, errors))
    return out


def _myers_ends(text: str, pattern: str, limit: int,
                anchored: bool = False) -> list[tuple[int, int]]:
    """Myers (1999): (end index, edit distance) wherever some substring of ``text`` ending
    there is within ``limit`` edits of ``pattern`` (``anchored``: only substrings that
    start at the beginning of ``text``). Bit-parallel over Python integers."""
    m = len(pattern)
    if m == 0:
        return []
    full = (1 << m) - 1
    top = 1 << (m - 1)
    carry = 1 if anchored else 0  # anchored: skipping text costs an edit
    peq: dict[str, int] = {}
    for i, ch in enumerate(pattern):
        peq[ch] = peq.get(ch, 0) | (1 << i)
    pv, mv, score = full, 0, m
    out = []
    for j, ch in enumerate(text):
        eq = peq.get(ch, 0)
        xv = eq | mv
        xh = (((eq & pv) + pv) ^ pv) | eq
        ph = (mv | ~(xh | pv)) & full
        mh = pv & xh
        if ph & top:
            score += 1
        elif mh & top:
            score -= 1
        ph = ((ph << 1) | carry) & full
        mh = (mh << 1) & full
        pv = (mh | ~(xv | ph)) & full
        mv = ph & xv
        if score <= limit:
            out.append((j, score))
    return out
