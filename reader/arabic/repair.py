"""From a page's glyphs, in whatever order and encoding a producer wrote them, to the text
its author wrote, with every character mapped to the box of the glyph it came from.

The pipeline, a module per stage, each testable alone: ``orientation`` (text drawn turned
read in its own upright frame, as a page of its own) → ``sanitize`` (glyphs with no finite
place left out) → ``clusters`` (presentation forms and ligatures to base letters, marks
attached to their letter, spaces and tatweel dropped) → ``rows`` (one baseline, split at
gutters) → ``line_order`` (logical order of each line, ``reader.arabic.bidi``; spaces
re-inserted from the gaps between glyphs) → ``reading_order`` (recursive cuts: columns right
to left) → ``blocks`` (headings, list items, paragraphs, footnotes; running headers,
footers and page numbers set aside).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from reader.arabic.bidi import L, R
from reader.arabic.blocks import make_blocks, running_key
from reader.arabic.clusters import make_clusters
from reader.arabic.letters import folds_persian_forms
from reader.arabic.line_order import (
    left_to_right_tables,
    left_to_right_verse,
    logical_line,
    reads_reversed,
    reversal_evidence,
)
from reader.arabic.model import (
    RUNNING,
    PageText,
    Quality,
)
from reader.arabic.orientation import Frame, blocks_on_page, upright_pages
from reader.arabic.raw import RawPage, zero_width
from reader.arabic.reading_order import reading_order, structure_order, wrapped_cells
from reader.arabic.rows import aligned_gutters, make_rows, split_rows, weighted_median
from reader.arabic.sanitize import sane_glyphs
from reader.gcpause import gc_paused

# Bumped whenever the text it gives for a page may change: annotations made on an older
# engine's text are then placed again (``reader.annotations.anchoring``).
PIPELINE_VERSION = "arabic-repair/106"


@gc_paused
def repair_page(raw: RawPage, running: frozenset[str] = frozenset()) -> PageText:
    """Turn one page's glyphs into its page model.

    ``running`` holds the ``running_key`` of lines that repeat across the document's pages
    near its top or bottom (see ``repeated_lines``): they are set aside as running heads.
    Text drawn turned is read in its own frame (``orientation``), after the page's own;
    text too small to read, and text at an angle, is set aside with the running heads.
    """
    raw, small = _too_small(raw)
    if not raw.turns and small is None:
        return _repair_upright(raw, running)
    upright, frames = upright_pages(raw)
    page = _repair_upright(upright, running)
    counts = page.quality
    parts: list[tuple[Frame | None, RawPage]] = [*frames, *([(None, small)] if small else [])]
    for frame, part in parts:
        read = _repair_upright(part, running)
        if frame is None or frame.diagonal:
            # A stamp, a watermark, a credit line in a point size: kept, never shown.
            blocks = [*read.body, *read.notes, *read.running]
            page.running += [dataclasses.replace(block, kind=RUNNING) for block in (
                blocks if frame is None else blocks_on_page(blocks, frame))]
        else:
            # Where the page shows it: before the first of the page's blocks that starts
            # below its top (a table turned between two paragraphs).
            body = blocks_on_page(read.body, frame)
            top = min((block.bbox[1] for block in body), default=0.0)
            at = next((i for i, block in enumerate(page.body) if block.bbox[1] >= top),
                      len(page.body))
            page.body[at:at] = body
            page.notes += blocks_on_page(read.notes, frame)
            page.running += blocks_on_page(read.running, frame)
        counts = dataclasses.replace(
            counts, glyphs=counts.glyphs + read.quality.glyphs,
            unmapped=counts.unmapped + read.quality.unmapped)
    page.quality = dataclasses.replace(counts, no_text_layer=counts.glyphs == 0)
    return page


# Text under this size (points) and under this share of the page's usual size is drawn to
# be there, not to be read: TCPDF's one-point credit line on every page it makes, keywords
# hidden in a corner. (A footnote, a superscript, a formula's index are far larger.)
TOO_SMALL_POINTS = 3.0
TOO_SMALL_SHARE = 0.25


def _too_small(raw: RawPage) -> tuple[RawPage, RawPage | None]:
    """The page without the glyphs too small to read, and those as a page of their own."""
    sizes = [g.size for g in raw.glyphs]
    if not sizes or min(sizes) >= TOO_SMALL_POINTS:
        return raw, None
    usual = sorted(sizes)[len(sizes) // 2]
    glyphs = raw.glyphs
    limit = min(TOO_SMALL_POINTS, TOO_SMALL_SHARE * usual)
    small = [g for g in glyphs if g.size < limit]
    if not small:
        return raw, None
    kept = tuple(g for g in glyphs if g.size >= limit)
    turns = tuple(t for t in raw.turns if t[0] in {g.box for g in kept})
    return (dataclasses.replace(raw, glyphs=kept, turns=turns),
            RawPage(raw.index, raw.width, raw.height, tuple(small), (), 0))


def _repair_upright(raw: RawPage, running: frozenset[str]) -> PageText:
    glyphs, dropped = sane_glyphs(raw)
    clusters, count, spaces = make_clusters(glyphs)
    unmapped = raw.unmapped + dropped  # glyphs with no place are unreadable too
    page = PageText(raw.index, raw.width, raw.height)
    page.quality = Quality(glyphs=count + unmapped, recovered=raw.recovered,
                           unmapped=unmapped, no_text_layer=count == 0,
                           visual_order=raw.visual_order,
                           unread=sum(not zero_width(g) for _, _, g in raw.unread))
    if not clusters:
        return page
    kinds = [c.kind for c in clusters]
    rtl = kinds.count(R) >= kinds.count(L)
    by_baseline = make_rows(clusters)
    aligned = aligned_gutters(by_baseline)
    segments = split_rows(by_baseline, raw.vrules, rtl, aligned)
    if not segments:  # nothing but spaces
        return page
    body_size = weighted_median([(s.size, len(s.clusters)) for s in segments])
    rows, wrapped = wrapped_cells(structure_order(
        reading_order(segments, rtl, raw.width, aligned.edges), raw.regions), raw.rules)
    persian = folds_persian_forms({c.text for c in clusters})
    ltr_rows = left_to_right_tables(rows, rtl) | left_to_right_verse(
        rows, rtl, lambda s: logical_line([s], rtl, spaces).text)
    lines = [(logical_line(row, rtl, spaces, index in ltr_rows, persian,
                           wrapped=wrapped[index]), len(row))
             for index, row in enumerate(rows)]
    # Arabic laid out left to right reads backwards: such lines are read as drawn.
    backwards = reversed_lines([line.text for line, _ in lines])
    lines = [(logical_line(row, False, spaces, True, persian, as_drawn=True,
                           wrapped=wrapped[index]), n)
             if index in backwards else (line, n)
             for index, ((line, n), row) in enumerate(zip(lines, rows, strict=True))]
    page.body, page.notes, page.running = make_blocks(lines, body_size, raw, running)
    return page


def _parts(raw: RawPage) -> list[RawPage]:
    """The page's upright text and each turned text's frame, as pages."""
    upright, frames = upright_pages(raw)
    return [upright, *(part for _frame, part in frames)]


def reversed_lines(texts: Sequence[str]) -> set[int]:
    """The lines that read backwards (``reads_reversed``), and beside one of them a line
    with too few words to tell alone whose every cue says backwards: one producer laid
    out the block, a verbatim box or a paragraph, the same way."""
    found = {i for i, text in enumerate(texts) if reads_reversed(text)}
    for i, text in enumerate(texts):
        if i not in found and ({i - 1, i + 1} & found):
            backwards, forwards = reversal_evidence(text)
            if backwards and not forwards:
                found.add(i)
    return found


@gc_paused
def repeated_lines(pages: Sequence[RawPage]) -> frozenset[str]:
    """Keys of lines near the top or bottom edge that recur on several pages."""
    if len(pages) < 2:
        return frozenset()
    seen: dict[str, int] = {}
    for raw in [part for whole in pages for part in _parts(whole)]:
        clusters, _, spaces = make_clusters(sane_glyphs(raw)[0])
        keys = set()
        rows = [r for r in make_rows(clusters)
                if r.baseline < 0.12 * raw.height or r.baseline > 0.9 * raw.height]
        persian = folds_persian_forms({c.text for c in clusters})
        for segment in split_rows(rows):
            line = logical_line([segment], True, spaces, persian_forms=persian)
            keys.add(running_key(line.text))
        for key in keys:
            seen[key] = seen.get(key, 0) + 1
    threshold = 2 if len(pages) <= 3 else max(2, len(pages) // 3)
    return frozenset(k for k, n in seen.items() if n >= threshold and k.strip())

