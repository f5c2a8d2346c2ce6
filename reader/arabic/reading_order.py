"""Stage 4, reading order: the page cut into bands at empty stretches, sections that share
a gutter split into columns (right column first in right-to-left documents), recursively.
"""

from __future__ import annotations

import bisect
import itertools
import math
import statistics
from collections.abc import Sequence

from reader.arabic.raw import Rule
from reader.arabic.rows import NARROW_GUTTER, Segment

MAX_DEPTH = 64  # column splits within column splits: real pages need a handful
# The farthest apart (in ems) two rows stand that a cell between them spans (a table's
# rows, one under the other: 1.3-2.8 ems across the corpus's producers).
SPANNED_ROWS_APART = 4.0


def _gaps(intervals: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The empty stretches between merged intervals, as (start, end)."""
    merged: list[list[float]] = []
    for a, b in sorted(intervals):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    return [(merged[i][1], merged[i + 1][0]) for i in range(len(merged) - 1)]


def _column_like(side: list[Segment], width: float) -> bool:
    """Do the segments read like lines of a text column: two lines a fifth of the page
    wide, or three lines of eight ems (three narrow columns with ragged lines) — wider
    than most table cells."""
    rows = {round(s.baseline) for s in side}
    if len(rows) < 2:
        return False
    median = statistics.median([s.x1 - s.x0 for s in side])
    return median >= 0.18 * width or (
        len(rows) >= 3 and median >= 8.0 * statistics.median([s.size for s in side]))


def reading_order(segments: list[Segment], rtl: bool, page_width: float,
                  edges: Sequence[float] = (), depth: int = 0) -> list[list[Segment]]:
    """Rows of segments in reading order.

    The region is cut into horizontal bands at every empty stretch; consecutive bands that
    share an empty vertical stretch (a gutter) form a section; a section whose sides both
    read like text columns is split at the gutter (the right column first in right-to-left
    documents) and each column ordered the same way. A gutter is at least half an em
    wide, or passes one of ``edges``: where the rows stage saw columns' lines start or
    end flush (``aligned_gutters``), or between lines side by side whose baselines
    interleave (``_interleaved``), however close the next column's text comes.
    Everything else is read band by band, a band's segments on one line joined right to
    left (table cells, say).
    """
    if not segments:
        return []
    size = statistics.median(s.size for s in segments)
    min_gutter = NARROW_GUTTER * size
    bands = _bands(segments)
    if depth == 0:
        edges = sorted([*edges, *_interleaved(bands, min_gutter)])
    pitch = _pitch(segments, size)
    left_edge = min(s.x0 for s in segments)
    right_edge = max(s.x1 for s in segments)
    # Free stretches of each band, its margins included: a column that runs longer than
    # its neighbour leaves bands with text on one side of the gutter only.
    gutters = [[g for g in _gaps([(left_edge - 1, left_edge), (right_edge, right_edge + 1)]
                                 + [(s.x0, s.x1) for s in band])
                if _wide_or_edge(g[0], g[1], min_gutter, edges)]
               for band in bands]
    out: list[list[Segment]] = []
    i = 0
    while i < len(bands):
        common = gutters[i]
        j = i + 1
        while common and j < len(bands):
            shared = _intersect(common, gutters[j], min_gutter, edges)
            if not shared:
                break
            # Whitespace decides, as in XY-cuts: a horizontal gap wider than the gutter the
            # bands share ends the section (the columns above are read before what comes
            # under them); paragraph gaps that happen to line up are narrower than gutters,
            # or than two lines when the gutter is narrow (LibreOffice's, TeX's) — lines
            # as far apart as the text sets them (some fonts ask for twice their size).
            gap = min(s.top for s in bands[j]) - max(s.bottom for s in bands[j - 1])
            if gap > max(max(hi - lo for lo, hi in shared), 2.0 * size, 1.5 * pitch):
                break
            # A heading set to one side above the columns (MuPDF puts it on the left) is
            # no column's first line: what lies above the columns in one slot only, two
            # lines clear of them or larger than their text (Qt sets it flush left), is
            # read first.
            heading = gap > 1.5 * size or min(s.size for s in bands[i]) > 1.1 * size
            if j == i + 1 and heading and _one_slot(bands[i], shared) and (
                    not _one_slot(bands[j], shared)):
                break
            common = shared
            j += 1
        section = [s for band in bands[i:j] for s in band]
        # One band can hold columns too: lines side by side whose baselines interleave
        # (a framed box beside a paragraph). Each side must have several lines
        # (``_column_like``), so a one-line table row is still read across.
        split = (_column_split(section, common, page_width, verse=depth == 0)
                 if depth < MAX_DEPTH else None)
        if split is not None:
            left, right = split
            first, second = (right, left) if rtl else (left, right)
            out.extend(reading_order(first, rtl, page_width, edges, depth + 1))
            out.extend(reading_order(second, rtl, page_width, edges, depth + 1))
            i = j
        else:
            out.extend(_rows_of(bands[i]))
            i += 1
    return _spanning_cells(out, page_width) if depth == 0 else out


def _pitch(segments: list[Segment], size: float) -> float:
    """The usual distance between consecutive lines' baselines (0 if none is seen)."""
    baselines = sorted({round(s.baseline, 1) for s in segments})
    steps = [b - a for a, b in itertools.pairwise(baselines) if 0.9 * size < b - a < 3 * size]
    return statistics.median(steps) if steps else 0.0


def _interleaved(bands: list[list[Segment]], min_gutter: float) -> list[float]:
    """Gaps narrower than a gutter between texts side by side whose lines interleave (a
    box beside a paragraph, its baselines between the paragraph's), looked for in each
    band and each two neighbouring bands: one text does not change baseline from word to
    word, so a gap that no line crosses, with the baselines on one side all apart from
    those on the other, parts two texts."""
    edges: list[float] = []
    groups = [*bands, *(a + b for a, b in itertools.pairwise(bands)
                        if min(s.top for s in b) - max(s.bottom for s in a) < 2 * a[0].size)]
    for group in groups:
        size = group[0].size
        for lo, hi in _gaps([(s.x0, s.x1) for s in group]):
            if not 0.15 * size <= hi - lo < min_gutter:
                continue
            left = sorted(s.baseline for s in group if s.x1 <= lo)
            right = sorted(s.baseline for s in group if s.x0 >= hi)
            if _apart(left, right, 0.3 * size):
                edges.append((lo + hi) / 2)
    return edges


def _apart(a: list[float], b: list[float], distance: float) -> bool:
    """Is every value of sorted ``a`` at least ``distance`` from every value of sorted ``b``?"""
    i = 0
    for x in a:
        while i < len(b) and b[i] <= x - distance:
            i += 1
        if i < len(b) and b[i] < x + distance:
            return False
    return True


def _bands(segments: list[Segment]) -> list[list[Segment]]:
    bands: list[list[Segment]] = []
    bottom = float("-inf")
    for s in sorted(segments, key=lambda s: s.top):
        if bands and s.top < bottom:
            bands[-1].append(s)
            bottom = max(bottom, s.bottom)
        else:
            bands.append([s])
            bottom = s.bottom
    return bands


def _rows_of(band: list[Segment]) -> list[list[Segment]]:
    """A band's segments grouped by baseline: one reading line each."""
    rows: list[list[Segment]] = []
    for s in sorted(band, key=lambda s: s.baseline):
        if rows and abs(rows[-1][0].baseline - s.baseline) < 0.5 * s.size:
            rows[-1].append(s)
        else:
            rows.append([s])
    return rows


def _spanning_cells(rows: list[list[Segment]], page_width: float) -> list[list[Segment]]:
    """A table cell that spans rows is drawn centred between them, on a baseline of its
    own: a lone segment between two rows of cells, in a column neither of them uses, joins
    the first row it spans (it is read before the cells beside it)."""
    out: list[list[Segment]] = []
    for i, row in enumerate(rows):
        # Either row may read as one segment (cells a word gap apart), if it is no wider
        # than a cell (a line of text is no table row); both, if they stand one over the
        # other (the cells beside the spanning one, in the same columns).
        if (len(row) == 1 and out and i + 1 < len(rows)
                and (max(len(out[-1]), len(rows[i + 1])) >= 2
                     or _stacked(out[-1][0], rows[i + 1][0]))
                and all(len(r) >= 2 or r[0].x1 - r[0].x0 < 0.2 * page_width
                        for r in (out[-1], rows[i + 1]))):
            cell = row[0]
            neighbours = [s for s in (*out[-1], *rows[i + 1])]
            above, below = out[-1][0].baseline, rows[i + 1][0].baseline
            # Centred between the two rows (a spanning cell), not merely off its own
            # row's baseline by a little (a number in a smaller size, say).
            centred = abs(cell.baseline - (above + below) / 2) < 0.2 * (below - above)
            # Two rows of one table stand a row apart (2.8 ems at most across the
            # corpus's producers); a heading between two tables, beside neither, stands
            # between rows seven ems apart (iText's tables at the page's left).
            near = below - above <= SPANNED_ROWS_APART * max(s.size for s in neighbours)
            if centred and near and all(cell.x1 <= s.x0 or cell.x0 >= s.x1
                                        for s in neighbours):
                out[-1] = [*out[-1], cell]
                continue
        out.append(row)
    return out


def _stacked(a: Segment, b: Segment) -> bool:
    """Do two segments cover most of the narrower one's stretch across the page?"""
    return min(a.x1, b.x1) - max(a.x0, b.x0) >= 0.5 * min(a.x1 - a.x0, b.x1 - b.x0)


def _one_slot(band: list[Segment], gutters: list[tuple[float, float]]) -> bool:
    """Do all the band's segments lie between the same two gutters?"""
    slots = {sum(s.x0 >= (lo + hi) / 2 for lo, hi in gutters) for s in band}
    return len(slots) == 1


def _intersect(a: list[tuple[float, float]], b: list[tuple[float, float]],
               min_width: float, edges: Sequence[float]) -> list[tuple[float, float]]:
    out = []
    for a0, a1 in a:
        for b0, b1 in b:
            lo, hi = max(a0, b0), min(a1, b1)
            if _wide_or_edge(lo, hi, min_width, edges):
                out.append((lo, hi))
    return out


def _wide_or_edge(lo: float, hi: float, min_width: float, edges: Sequence[float]) -> bool:
    """Is the free stretch (lo, hi) wide enough for a gutter, or a column's edge?"""
    if hi - lo >= min_width:
        return True
    i = bisect.bisect_left(edges, lo)
    return hi > lo and i < len(edges) and edges[i] <= hi


def _column_split(section: list[Segment], gutters: list[tuple[float, float]],
                  page_width: float, verse: bool = True,
                  ) -> tuple[list[Segment], list[Segment]] | None:
    """The section cut at the widest gutter whose sides both read as columns; ``verse``
    leaves lines of verse whole (looked for on the page, not within a column)."""
    for gap in sorted(gutters, key=lambda g: g[1] - g[0], reverse=True):
        cut = (gap[0] + gap[1]) / 2
        left = [s for s in section if s.x1 <= cut]
        right = [s for s in section if s.x0 >= cut]
        if len(left) + len(right) == len(section) and _column_like(left, page_width) and (
                _column_like(right, page_width)) and not (verse and _verse(left, right, gap)):
            return left, right
    return None


def _verse(left: list[Segment], right: list[Segment], gap: tuple[float, float]) -> bool:
    """Verse, not columns: the lines have their two halves side by side on one baseline,
    one on each side (a heading above may stand on one side only; three columns put two
    lines on one side), and the space between them is a quarter of a half's width or
    more (a column gutter is a small part of a column)."""
    for side in (left, right):
        lines = sorted(s.baseline for s in side)
        if any(b - a < 0.3 * side[0].size for a, b in itertools.pairwise(lines)):
            return False
    paired = [a for a in left if any(abs(a.baseline - b.baseline) < 0.3 * a.size
                                     for b in right)]
    if len(paired) < 2 or len(left) + len(right) - 2 * len(paired) > 1:
        return False
    half = min(statistics.median(s.x1 - s.x0 for s in side) for side in (left, right))
    return gap[1] - gap[0] >= 0.25 * half


def structure_order(rows: list[list[Segment]],
                    regions: Sequence[tuple[float, float, float, float, int]],
                    ) -> list[list[Segment]]:
    """Rows in a tagged PDF's order, where its structure covers the page: each row goes
    with the structure element drawn where it stands (its earliest, for a row of several
    segments), rows of one element keep their geometric order, and a row no element holds
    (an artifact) stays after the row before it, or first or last where it was (a running
    head or foot). The tree is the author's
    own reading order; geometry still orders the lines inside an element. Where the
    structure leaves a fifth of the rows out, or orders them as geometry does, nothing
    changes."""
    if not regions or len(rows) < 2:
        return rows
    keys: list[int | None] = []
    for row in rows:
        found = [n for s in row if (n := _element_at(s, regions)) is not None]
        keys.append(min(found) if found else None)
    if sum(k is not None for k in keys) < 0.8 * len(rows):
        return rows
    # Unheld rows before the first held one stay first (a running head), those after the
    # last held one stay last (a running foot, a page number); others follow their row.
    last_held = max(i for i, k in enumerate(keys) if k is not None)
    order: list[float] = []
    previous = -1.0
    for i, key in enumerate(keys):
        if key is not None:
            previous = float(key)
        order.append(math.inf if i > last_held else previous)
    ranked = sorted(range(len(rows)), key=order.__getitem__)  # stable: geometry within
    return [rows[i] for i in ranked]


def _element_at(segment: Segment, regions: Sequence[tuple[float, float, float, float, int]],
                ) -> int | None:
    """The element whose line holds the segment's middle (the first in the tree when lines
    overlap)."""
    x, y = (segment.x0 + segment.x1) / 2, (segment.top + segment.bottom) / 2
    found = [n for x0, y0, x1, y1, n in regions if x0 <= x <= x1 and y0 <= y <= y1]
    return min(found) if found else None


def wrapped_cells(rows: list[list[Segment]], rules: Sequence[Rule]
                  ) -> tuple[list[list[Segment]], list[dict[int, list[Segment]]]]:
    """Table cells whose text wraps onto further lines: a row of one segment right under
    a row of cells, inside one cell's stretch (clear of the cells beside it), a line's
    pitch below it with no drawn rule between, is that cell's next line ("عدد" over
    "القرى" in a header cell; a verse half too long for its cell). The rows without
    those lines, and for each row the further lines of its cells (by ``id`` of the
    segment they continue; see ``logical_line``)."""
    kept: list[list[Segment]] = []
    wrapped: list[dict[int, list[Segment]]] = []
    host: list[Segment] | None = None  # the last row of cells, while lines may wrap
    last: dict[int, Segment] = {}  # by id of a cell: its lowest line so far
    for row in rows:
        if host is not None and len(row) == 1:
            cell = _wrapped_into(host, row[0], last, rules)
            if cell is not None:
                wrapped[-1].setdefault(id(cell), []).append(row[0])
                last[id(cell)] = row[0]
                continue
        kept.append(row)
        wrapped.append({})
        # Cells side by side on one baseline (not a line with a raised note call).
        host = row if len(row) >= 2 and max(s.baseline for s in row) - min(
            s.baseline for s in row) < 0.25 * max(s.size for s in row) else None
        last = {id(s): s for s in row}
    return kept, wrapped


def _wrapped_into(cells: list[Segment], line: Segment, last: dict[int, Segment],
                  rules: Sequence[Rule]) -> Segment | None:
    """The cell of ``cells`` whose text ``line`` continues, if any."""
    ordered = sorted(cells, key=lambda s: s.x0)
    for k, cell in enumerate(ordered):
        left = ordered[k - 1].x1 if k else float("-inf")
        right = ordered[k + 1].x0 if k + 1 < len(ordered) else float("inf")
        if not (left < line.x0 and line.x1 < right and line.x1 > cell.x0 and line.x0 < cell.x1):
            continue
        above = last.get(id(cell), cell)
        if line.x0 < cell.x0 - cell.size or line.x1 > cell.x1 + cell.size:
            return None  # wider than the cell: a line of its own (a paragraph after it)
        step = line.baseline - above.baseline
        if not (0.9 * above.size <= line.size <= 1.1 * above.size
                and 0 < step <= 1.6 * above.size):
            return None
        if any(above.baseline < r.y < line.baseline and r.x0 < line.x1 and r.x1 > line.x0
               for r in rules):
            return None  # a drawn border between them: the next row
        return cell
    return None
