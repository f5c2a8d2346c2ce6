"""Stage 2, clusters to rows and segments: one baseline per row, rows split at gutters.

Assumes lines are at least a third of their size apart and that a gutter (between columns
or table cells) is a gap that the neighbouring rows leave empty too: either wide (over
``SEGMENT_GAP``) and free in most rows around it, or narrower (from ``NARROW_GUTTER``)
and then a straight empty strip, wider than the rows' own word gaps, with text on both
sides of it in several rows (see ``narrow_gutters``).
"""

from __future__ import annotations

import bisect
import itertools
import operator
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from reader.arabic.raw import Glyph, VRule

SEGMENT_GAP = 1.3  # of the font size: a wider gap splits a row (columns, table cells)
NARROW_GUTTER = 0.5  # of the font size: the narrowest gutter looked for (TeX's is ~0.9)
NARROW_ROWS = 3  # rows with text on both sides of a narrow gutter: a river is shorter
SHORT_ROWS = 2  # … or beside another gutter, twice the word gaps wide (see narrow_gutters)
NARROW_REACH = 32  # rows looked at above and below (bounds the work per gap)
GUTTER_SAMPLES = 400  # the most places a gap is looked at (see ``_is_gutter``)
CALL_LENGTH = 6  # the most letters a run of small glyphs has to be note calls (¹²³, ١٢)
ALIGNED_ROWS = 3  # rows whose text starts (or ends) at one x after a gap: a column's edge
ALIGN_TOLERANCE = 0.04  # of the font size: how far apart two line ends count as one edge


@dataclass
class Row:
    clusters: list[Glyph] = field(default_factory=list)
    baseline: float = 0.0
    size: float = 0.0
    spans: tuple[list[float], list[float]] | None = None  # see ``_row_spans``


@dataclass
class Segment:
    """A run of a row without wide gaps: a line of one column, or one table cell."""

    clusters: list[Glyph]
    size: float
    baseline: float
    x0: float = 0.0
    x1: float = 0.0
    top: float = 0.0
    bottom: float = 0.0
    # Its clusters that are not spaces, and the gaps between them, once worked out.
    letters: list[Glyph] | None = None
    gaps: list[float] | None = None

    def __post_init__(self) -> None:
        self.x0 = min([c.box[0] for c in self.clusters])
        self.x1 = max([c.box[2] for c in self.clusters])
        self.top = self.baseline - 0.8 * self.size
        self.bottom = self.baseline + 0.25 * self.size


def make_rows(clusters: Iterable[Glyph]) -> list[Row]:
    """Group clusters into rows by baseline.

    Baselines are clustered in one dimension: shaping engines move single glyphs up and
    down (Chromium by a fifth of the size), but lines are at least a size apart. A row made
    only of small glyphs (superscript calls) joins the row it is drawn against.
    """
    ordered = sorted(clusters, key=_BASELINE)
    if not ordered:
        return []
    # A gap of a third of the size between sorted baselines starts a new row: glyph jitter
    # is denser than that, and so is the offset between two columns' lines.
    baselines = [c.baseline for c in ordered]
    sizes = [c.size for c in ordered]
    starts = [0, *(i for i, a, b, s in zip(itertools.count(1), baselines, baselines[1:],
                                           sizes[1:], strict=False)
                   if b - a > (0.3 * s if s > 1.0 else 0.3))]
    rows = [Row(ordered[i:j]) for i, j in itertools.pairwise([*starts, len(ordered)])]
    for row in rows:
        letters = [c for c in row.clusters if c.text != " "]
        if letters:
            row.size = size = _median([c.size for c in letters])
            row.baseline = _median([c.baseline for c in letters if c.size >= 0.9 * size])
        else:  # spaces only
            row.size = size = _median([c.size for c in row.clusters])
            row.baseline = _median([c.baseline for c in row.clusters if c.size >= 0.9 * size])
    merged: list[Row] = []
    for index, row in enumerate(rows):
        host = _host_row(rows, index)
        if host is not None:
            host.clusters.extend(row.clusters)
        else:
            merged.append(row)
    for row in merged:
        row.clusters.sort(key=_CENTRE)
    return merged


_BASELINE, _CENTRE = operator.attrgetter("baseline"), operator.attrgetter("centre")


def weighted_median(pairs: list[tuple[float, int]]) -> float:
    """The median of values given with how often each occurs."""
    pairs.sort()
    total = sum(n for _, n in pairs)
    wanted = [(total - 1) // 2, total // 2]  # the middle one or two, counted from 0
    found: list[float] = []
    seen = 0
    for value, n in pairs:
        while wanted and wanted[0] < seen + n:
            found.append(value)
            wanted.pop(0)
        seen += n
    return (found[0] + found[-1]) / 2


def _median(values: list[float]) -> float:
    """``statistics.median`` without its overhead (called for every row of every page)."""
    values.sort()
    n = len(values)
    return values[n // 2] if n % 2 else (values[n // 2 - 1] + values[n // 2]) / 2


def _host_row(rows: list[Row], index: int) -> Row | None:
    """The bigger neighbouring row that a row of small glyphs belongs to, if any."""
    row = rows[index]
    if all(c.box[2] - c.box[0] < 0.01 for c in row.clusters):
        # Text without ink of its own (a cluster's text a producer gave a mark glyph,
        # raised to its place over the letter: fpdf2) is read on the line it is drawn on.
        x0, x1 = _spans(row)
        near = [other for other in rows[max(0, index - 1): index + 2] if other is not row
                and abs(other.baseline - row.baseline) < 0.6 * other.size and any(
                    c.box[2] - c.box[0] >= 0.01 for c in other.clusters)
                and (span := _spans(other))[0] <= x0 and x1 <= span[1]]
        if near:
            return min(near, key=lambda other: abs(other.baseline - row.baseline))
    if index + 1 < len(rows) and _raised_number(row, rows[index + 1], rows[index + 2:index + 4]):
        return rows[index + 1]
    for other in (rows[index + 1] if index + 1 < len(rows) else None,
                  rows[index - 1] if index else None):
        if other is None or other.size < 1.15 * row.size:
            continue
        if abs(other.baseline - row.baseline) > 0.9 * other.size:
            continue
        x0 = min(c.box[0] for c in other.clusters) - other.size
        x1 = max(c.box[2] for c in other.clusters) + other.size
        if all(x0 <= c.box[0] and c.box[2] <= x1 for c in row.clusters):
            # Measured last (most rows have no bigger neighbour): a line of smaller text
            # under a heading is not calls beside its words; nor are limits set under a
            # word (TeX's lim with n→+∞ beneath: read into it, "n l→i+m∞").
            if _longest_run(row) > CALL_LENGTH or _beneath(row, other):
                return None
            return other
    return None


def _raised_number(row: Row, host: Row, below: list[Row]) -> bool:
    """Is the row a number of a few digits raised a fifth to two thirds of an em over the
    next row's baseline, within its stretch: a note call not set smaller (WeasyPrint's
    superscript at 0.97 of the size; lines stand an em apart at least)? Not a fraction's
    numerator: its denominator stands under it, just below the line's baseline (TeX's
    ¼ in a formula)."""
    letters = [c for c in row.clusters if c.text != " "]
    if not 0 < len(letters) <= _CALL_DIGITS or not all(c.text.isdigit() for c in letters):
        return False
    if row.size > 1.05 * host.size or not (
            0.2 * host.size <= host.baseline - row.baseline <= 0.7 * host.size):
        return False
    x0, x1 = _spans(host)
    if not all(x0 - host.size <= c.box[0] and c.box[2] <= x1 + host.size for c in letters):
        return False
    a0, a1 = _spans(row)
    return not any(other.baseline - host.baseline <= 0.8 * host.size and any(
        min(a1, c.box[2]) - max(a0, c.box[0]) > 0 for c in other.clusters if c.text != " ")
        for other in below)


_CALL_DIGITS = 3  # a note call's digits at most


def _spans(row: Row) -> tuple[float, float]:
    """Where a row's glyphs begin and end across."""
    return min(c.box[0] for c in row.clusters), max(c.box[2] for c in row.clusters)


def _beneath(row: Row, host: Row) -> bool:
    """Is the row of small glyphs set below the host's baseline, one of its glyphs under a
    letter of the host (half its width or more), as limits under a word are? A subscript
    beside its letter (H₂O) and a raised note call are not."""
    if row.baseline < host.baseline + 0.25 * host.size:
        return False
    letters = [c.box for c in host.clusters if c.text != " "]
    return any(min(c.box[2], b[2]) - max(c.box[0], b[0]) >= 0.5 * (c.box[2] - c.box[0]) > 0
               for c in row.clusters if c.text != " " for b in letters)


def _longest_run(row: Row) -> int:
    """How many letters the longest run of the row has (runs part at a gap of half its
    size; a row of note calls is made of runs of a few digits)."""
    letters = sorted((c for c in row.clusters if c.text != " "), key=lambda c: c.box[0])
    longest = run = 0
    for k, c in enumerate(letters):
        run = run + 1 if k and c.box[0] - letters[k - 1].box[2] < 0.5 * row.size else 1
        longest = max(longest, run)
    return longest


def _crossing(row: Row, vrules: Sequence[VRule]) -> list[float]:
    """The x of the vertical rules that cross a row (drawn across its letters' height: at
    least the lower half of an em above the baseline; a tight cell's border starts below
    the top of a tall font's letters, ConTeXt's × KacstNaskh)."""
    top, bottom = row.baseline - 0.5 * row.size, row.baseline
    return sorted(r.x for r in vrules if r.y0 <= top and r.y1 >= bottom)


def split_rows(rows: list[Row], vrules: Sequence[VRule] = (), rtl: bool = True,
               aligned: AlignedGutters | None = None) -> list[Segment]:
    """Split rows at gutters: wide gaps that the neighbouring rows leave empty too.

    A justified line can have a wide gap between two words, but the lines above and below
    have letters there; between columns or table cells, they do not. ``aligned``: the
    rows' ``aligned_gutters`` if already found.
    """
    segments: list[Segment] = []
    narrow = narrow_gutters(rows, rtl)
    for index, strips in (aligned or aligned_gutters(rows)).strips.items():
        narrow.setdefault(index, []).extend(strips)
    for index, row in enumerate(rows):
        wide = SEGMENT_GAP * row.size
        letters = [c for c in row.clusters if c.text != " "]
        gaps = [b.box[0] - a.box[2] for a, b in itertools.pairwise(letters)]
        walls = _crossing(row, vrules) if vrules else []
        if walls and len(letters) > 1:
            _split_at_walls(segments, row, walls)
            continue
        strips = narrow.get(index, [])
        if not gaps or (max(gaps) <= wide and not strips):
            _add_segment(segments, row.clusters, row, letters, gaps)  # no wide gap: most rows
            continue
        near = [r for r in rows[max(0, index - 3): index + 4]
                if r is not row and abs(r.baseline - row.baseline) < 2.6 * row.size]
        current: list[Glyph] = []
        cut = False
        right_edge = float("-inf")  # of the letters in ``current``; none yet: no gap
        for c in row.clusters:
            if c.text != " ":
                x0, _, x1, _ = c.box
                # Spaces before the row's first letter make no gap (and -inf is no edge).
                if right_edge != float("-inf") and (
                        any(right_edge <= (a + b) / 2 <= x0 for a, b in strips)
                        or (x0 - right_edge > wide and _is_gutter(right_edge, x0, near, row.size))):
                    _add_segment(segments, current, row)
                    current = []
                    cut = True
                if x1 > right_edge:
                    right_edge = x1
            current.append(c)
        if cut:
            _add_segment(segments, current, row)
        else:  # a wide gap, but no gutter: one segment still, its gaps known
            _add_segment(segments, current, row, letters, gaps)
    return segments


def narrow_gutters(rows: list[Row], rtl: bool = True) -> dict[int, list[tuple[float, float]]]:
    """Gutters narrower than ``SEGMENT_GAP`` (LibreOffice's and TeX's columns stand 0.7 to
    0.9 em apart), by row index: straight empty strips at least ``NARROW_GUTTER`` wide
    that run through consecutive rows, with text on each side in at least ``NARROW_ROWS``
    of them (a column's lines may end short of the gutter, and one column's lines may
    fall between the other's), and wider than the word gaps of the lines they cross (a
    river in justified text is made of word gaps, meanders and soon closes). On the side
    where lines start, two ems of letters within fifteen are wanted: a list's numbers
    stand beside their items over many rows too, but are narrower; on the other side a
    letter is enough (a table's last column may hold a short number).
    """
    out: dict[int, list[tuple[float, float]]] = {}
    # Strips already walked: the rows they run through, where, and whether a gutter. The
    # same strip is met again in each of its rows: decided once (a page's work stays
    # linear in its gaps).
    walked: list[tuple[range, float, float, int]] = []
    short: list[tuple[int, tuple[range, float, float, int]]] = []
    for index, row in enumerate(rows):
        starts, ends = _row_spans(row)
        minimum = NARROW_GUTTER * row.size
        for k in range(len(starts) - 1):
            x0, x1 = ends[k], starts[k + 1]
            if x1 - x0 < minimum:
                continue
            known = next((w for w in walked if index in w[0] and x0 <= w[1] and w[2] <= x1),
                         None)
            if known is None:
                known = _strip(rows, index, x0, x1, minimum, rtl)
                walked.append(known)
            if known[3] == GUTTER:
                out.setdefault(index, []).append((known[1], known[2]))
            elif known[3] == SHORT:
                short.append((index, known))
    # A column of two lines (TeX balancing three columns) shows its gutter in two rows
    # only, as a couplet's halves do: it is a gutter beside a gutter of the same width
    # through the same rows (the other columns').
    for index, (run, x0, x1, _) in short:
        if any(verdict == GUTTER and 0.8 <= (b - a) / (x1 - x0) <= 1.25
               and min(run[-1], other[-1]) - max(run[0], other[0]) + 1 >= SHORT_ROWS
               for other, a, b, verdict in walked):
            out.setdefault(index, []).append((x0, x1))
    return out


@dataclass
class AlignedGutters:
    strips: dict[int, list[tuple[float, float]]]  # by row index: the gap to cut at
    edges: list[float]  # sorted: an x inside every gutter found (for ``reading_order``)


def aligned_gutters(rows: list[Row]) -> AlignedGutters:
    """Gutters too narrow to show as empty strips, found by a column's edge instead.

    A column set flush or justified starts (or ends) its lines at one x. Where, in
    ``ALIGNED_ROWS`` rows or more, text starts (ends) at the same x after (before) a gap
    wider than the row's word gaps, and no row in between has letters across that x, the
    x is a column's edge, and the gap each row leaves there a gutter — however narrow:
    Qt sets Arabic table cells flush left and lets a long line run to within a word gap of
    the next column. Justified lines space their words evenly, so a wider gap is no word
    gap; and words do not start at one x line after line by chance.
    """
    # Candidate edges: (side, x, row index); side 0 where text starts after the gap, 1
    # where it ends before it.
    edges: list[tuple[int, float, int]] = []
    spans = [_row_spans(row) for row in rows]
    # Where the page's text starts and ends: a row starting (ending) well inside them
    # after no letters at all, its column beside it empty on that line, starts there too
    # (Qt sets a column's lines flush left, and the one beside it may end early).
    left = min((starts[0] for starts, _ in spans if starts), default=0.0)
    right = max((ends[-1] for _, ends in spans if ends), default=0.0)
    for index, (row, (starts, ends)) in enumerate(zip(rows, spans, strict=True)):
        if not starts:
            continue
        if starts[0] > left + SEGMENT_GAP * row.size:
            edges.append((0, starts[0], index))
        if ends[-1] < right - SEGMENT_GAP * row.size:
            edges.append((1, ends[-1], index))
        if len(starts) < 2:
            continue
        gaps = list(map(operator.sub, starts[1:], ends))
        widest = max(gaps)
        if widest < 0.2 * row.size:
            continue
        words = [g for g in gaps if g > 0.1 * row.size]
        if len(words) >= 3:
            if widest <= 1.2 * min(words):
                continue  # evenly spaced words (most lines): no gap wider than the rest
            wider = 1.2 * _median(words)
        else:
            wider = NARROW_GUTTER * row.size
        for k, gap in enumerate(gaps):
            if gap > wider and gap >= 0.2 * row.size:
                edges.append((0, starts[k + 1], index))
                edges.append((1, ends[k], index))
    edges.sort()
    out: dict[int, list[tuple[float, float]]] = {}
    probes: list[float] = []
    i = 0
    while i < len(edges):
        side, x, first = edges[i]
        tolerance = ALIGN_TOLERANCE * rows[first].size
        j = i
        while j < len(edges) and edges[j][0] == side and edges[j][1] - x <= tolerance:
            j += 1
        found = sorted({e[2] for e in edges[i:j]})
        i = j
        if len(found) < ALIGNED_ROWS:
            continue
        # Just outside the edge, in the gap: where no row of the run may have letters.
        probe = x - tolerance if side == 0 else edges[j - 1][1] + tolerance
        edge = (x - tolerance, edges[j - 1][1] + tolerance)  # where its lines start or end
        run: list[tuple[int, tuple[float, float] | None]] = []
        for a, b in itertools.pairwise([*found, -1]):  # (-1: the end)
            if not run or run[-1][0] != a:
                run.append((a, _gap_at(rows[a], probe)))
            # The rows between two found ones must leave the probe free too; a row with
            # letters across it, or a break in the lines, ends the run.
            broken = b < 0 or b - a > NARROW_REACH
            if not broken:
                for k in range(a + 1, b + 1):
                    gap = _gap_at(rows[k], probe)
                    if gap is None or _far(rows, k, k - 1):
                        broken = True
                        break
                    run.append((k, gap))
            if broken:
                # Above and below, rows whose text meets the edge too (the columns' first
                # line, both justified, may stand no more than a word gap apart).
                for step in (-1, 1):
                    _extend(rows, run, probe, side, edge, step)
                run.sort()
                if _aligned_run(rows, run, out):
                    probes.append(probe)
                run = []
    return AlignedGutters(out, sorted(probes))


def _far(rows: list[Row], a: int, b: int) -> bool:
    """Are rows ``a`` and ``b`` too far apart to be lines of one text?"""
    return abs(rows[a].baseline - rows[b].baseline) > 4.0 * max(rows[a].size, rows[b].size)


def _extend(rows: list[Row], run: list[tuple[int, tuple[float, float] | None]],
            probe: float, side: int, edge: tuple[float, float], step: int) -> None:
    """Add to ``run`` the rows beyond its first (``step`` -1) or last (1) one that leave
    the probe free with their text starting (``side`` 0) or ending (1) at the edge."""
    k = (min if step < 0 else max)(index for index, _ in run)
    for _ in range(NARROW_REACH):
        k += step
        if not 0 <= k < len(rows) or _far(rows, k, k - step):
            return
        gap = _gap_at(rows[k], probe)
        if gap is None or not edge[0] <= gap[1 - side] <= edge[1]:
            return
        run.append((k, gap))


def _aligned_run(rows: list[Row], run: list[tuple[int, tuple[float, float] | None]],
                 out: dict[int, list[tuple[float, float]]]) -> bool:
    """Keep a run of rows as cut at an aligned edge if enough of them show the edge with
    two ems of text on each side (a list's numbers beside their items are narrower): rows
    found at the edge, or met there by the text of rows around them."""
    shown = 0
    for index, gap in run:
        if gap is not None:
            row = rows[index]
            reach, wanted = 15.0 * row.size, 2.0 * row.size
            shown += (_covered(row, gap[0] - reach, gap[0]) >= wanted
                      and _covered(row, gap[1], gap[1] + reach) >= wanted)
    if shown < ALIGNED_ROWS:
        return False
    for index, gap in run:
        if gap is not None and gap[0] > float("-inf") and gap[1] < float("inf"):
            out.setdefault(index, []).append(gap)
    return True


def _gap_at(row: Row, x: float) -> tuple[float, float] | None:
    """The free stretch of ``row`` around ``x`` (unbounded where the row has no letters on
    that side), or None if letters cover ``x``."""
    starts, ends = _row_spans(row)
    i = bisect.bisect_right(ends, x)  # the first span that ends past x
    if i < len(starts) and starts[i] <= x:
        return None
    return (ends[i - 1] if i else float("-inf"), starts[i] if i < len(starts) else float("inf"))


NO_GUTTER, SHORT, GUTTER = 0, 1, 2  # verdicts on a strip (see ``narrow_gutters``)


def _strip(rows: list[Row], index: int, x0: float, x1: float, minimum: float,
           rtl: bool) -> tuple[range, float, float, int]:
    """The empty strip through row ``index``'s gap (x0, x1): the rows it runs through, its
    ends, and whether it is a narrow gutter."""
    first_last = [index, index]  # the rows the strip runs through, first walked (cheap) …
    for side, step in ((1, 1), (0, -1)):  # down moves the last row, up the first
        j = index + step
        while 0 <= j < len(rows) and abs(j - index) <= NARROW_REACH:
            row, previous = rows[j], rows[j - step]
            if abs(row.baseline - previous.baseline) > 4.0 * max(row.size, previous.size):
                break  # not the next line of the same text
            free = _free_around(row, x0, x1)
            if free is None or free[1] - free[0] < minimum:
                break
            x0, x1 = free
            first_last[side] = j
            j += step
    rows_run = range(first_last[0], first_last[1] + 1)
    run = rows[first_last[0]:first_last[1] + 1]
    if len(run) < NARROW_ROWS:
        return rows_run, x0, x1, NO_GUTTER
    # Rows with letters on each side of it at all (cheap: their ends) come first.
    lefts = rights = 0
    for row in run:
        span_starts, span_ends = _row_spans(row)
        lefts += bool(span_starts) and span_starts[0] < x0
        rights += bool(span_starts) and span_ends[-1] > x1
    if min(lefts, rights) < SHORT_ROWS:
        return rows_run, x0, x1, NO_GUTTER
    # … then looked at: what stands on each side of it, row by row.
    starts = ends = 0  # rows with text on the side where lines start, and where they end
    word_gaps: list[float] = []
    for row in run:
        # Lines start on the right in right-to-left text: a list's numbers stand there;
        # a table's last column (a short number) ends the row at the other.
        reach, wanted = 15.0 * row.size, 2.0 * row.size
        before, after = _covered(row, x0 - reach, x0), _covered(row, x1, x1 + reach)
        start, end = (after, before) if rtl else (before, after)
        span_starts, span_ends = _row_spans(row)
        beyond = (float("inf") if not span_starts  # spaces only
                  else x0 - span_starts[0] if rtl else span_ends[-1] - x1)  # the row past it
        starts += start >= wanted
        ends += end >= wanted or (end >= 0.3 * row.size and beyond < 4.0 * row.size)
        if start >= wanted and end >= wanted:  # a river runs through such lines only
            word_gaps.extend(_word_gaps(row, (x0 + x1) / 2))
    words = _median(word_gaps) if word_gaps else 0.0
    if x1 - x0 < 1.25 * words or min(starts, ends) < SHORT_ROWS:
        return rows_run, x0, x1, NO_GUTTER
    if min(starts, ends) < NARROW_ROWS:
        # Two rows: twice the lines' word gaps wide, and one more column beside it.
        return rows_run, x0, x1, SHORT if word_gaps and x1 - x0 >= 2.0 * words else NO_GUTTER
    if not _edge_aligned(run, (x0 + x1) / 2):
        # Word gaps that happen to line up over a few rows (a river in narrow justified
        # columns: XeTeX with KacstNaskh) end at no one x; a column's lines start (or
        # end) at one.
        return rows_run, x0, x1, NO_GUTTER
    return rows_run, x0, x1, GUTTER


_EDGE_TOLERANCE = 0.02  # of the size: a layout engine starts (ends) a column's lines at one x


def _edge_aligned(run: list[Row], x: float) -> bool:
    """Do two rows of ``run`` or more leave the gap at ``x`` with text starting, or
    ending, at one x (within ``_EDGE_TOLERANCE``)? The others may not: a paragraph's
    short last line, its indented first one, the other column's lines between (columns
    whose lines are not level); TeX's three short columns show two lines level. Word
    gaps of two lines end that close by chance only."""
    sides: tuple[list[float], list[float]] = ([], [])
    for row in run:
        gap = _gap_at(row, x)
        if gap is not None:
            for side, edge in enumerate(gap):
                if abs(edge) != float("inf"):
                    sides[side].append(edge)
    tolerance = _EDGE_TOLERANCE * _median([row.size for row in run])
    for edges in sides:
        edges.sort()
        j = 0
        for i in range(len(edges)):  # the most edges within a tolerance of each other
            while edges[i] - edges[j] > tolerance:
                j += 1
            if i - j + 1 >= SHORT_ROWS:
                return True
    return False


def _free_around(row: Row, x0: float, x1: float) -> tuple[float, float] | None:
    """The part of (x0, x1) that ``row`` leaves empty (its widest free stretch there)."""
    starts, ends = _row_spans(row)
    i = bisect.bisect_right(ends, x0)  # the first span that ends past x0
    best: tuple[float, float] | None = None
    lo = x0
    while i < len(starts) and starts[i] < x1:
        if starts[i] > lo and (best is None or starts[i] - lo > best[1] - best[0]):
            best = (lo, starts[i])
        lo = max(lo, ends[i])
        i += 1
    if x1 > lo and (best is None or x1 - lo > best[1] - best[0]):
        best = (lo, x1)
    return best


def _covered(row: Row, a: float, b: float) -> float:
    starts, ends = _row_spans(row)
    total = 0.0
    i = bisect.bisect_right(ends, a)
    while i < len(starts) and starts[i] < b:
        total += min(b, ends[i]) - max(a, starts[i])
        i += 1
    return total


def _word_gaps(row: Row, but: float) -> list[float]:
    """The row's gaps between spans of letters wider than a tenth of its size, but the
    one at ``but``."""
    starts, ends = _row_spans(row)
    return [starts[k + 1] - ends[k] for k in range(len(starts) - 1)
            if starts[k + 1] - ends[k] > 0.1 * row.size and not ends[k] <= but <= starts[k + 1]]


def _split_at_walls(segments: list[Segment], row: Row, walls: list[float]) -> None:
    """Cut a row where drawn vertical rules (cell borders) pass between its letters: cells
    are separate texts however close they stand."""
    current: list[Glyph] = []
    for c in row.clusters:
        # A wall between the previous letter and this one: the centre has passed it.
        if current and bisect.bisect_left(walls, c.centre) != bisect.bisect_left(
                walls, current[-1].centre):
            _add_segment(segments, current, row)
            current = []
        current.append(c)
    _add_segment(segments, current, row)


def _add_segment(segments: list[Segment], clusters: list[Glyph], row: Row,
                 letters: list[Glyph] | None = None, gaps: list[float] | None = None) -> None:
    """Add the clusters as a segment, without spaces at its ends; spaces alone are none."""
    start, end = 0, len(clusters)
    while start < end and clusters[start].text == " ":
        start += 1
    while end > start and clusters[end - 1].text == " ":
        end -= 1
    if start < end:
        segments.append(Segment(clusters[start:end], row.size, row.baseline,
                                letters=letters, gaps=gaps))


def _is_gutter(x0: float, x1: float, near: list[Row], size: float) -> bool:
    """Is part of the gap (at least 0.8 em wide) empty in most neighbouring rows too?

    Not only its middle: when one column's line ends early, the gap runs on into the
    other column, where the neighbours have text.
    """
    if not near:
        return x1 - x0 > 2.5 * size
    # Samples every tenth of an em, but never more than GUTTER_SAMPLES of them: the count
    # must not grow with the gap's width (a glyph at 1e30 would make it endless).
    step = max(0.5, 0.1 * size, (x1 - x0) / GUTTER_SAMPLES)
    count = int((x1 - x0) / step) + 1
    samples = [x0 + k * step for k in range(count)]  # where the gap is looked at
    # How many neighbours have text at each sample: +1 where a span of text starts
    # covering samples, -1 where it stops.
    changes = [0] * (len(samples) + 1)
    for other in near:
        starts, ends = _row_spans(other)
        i = bisect.bisect_right(ends, x0)  # the first span that ends past the gap's start
        while i < len(starts) and starts[i] < x1:
            lo = bisect.bisect_left(samples, starts[i])
            hi = bisect.bisect_right(samples, ends[i])
            if lo < hi:
                changes[lo] += 1
                changes[hi] -= 1
            i += 1
    run = best = 0.0
    covered = 0
    n = len(near)
    for change in changes[:-1]:
        covered += change
        if (n - covered) * 2 > n:  # most neighbours are free here
            run += step
            if run > best:
                best = run
        else:
            run = 0.0
    return best >= 0.8 * size


def _row_spans(row: Row) -> tuple[list[float], list[float]]:
    """Where a row has letters, as sorted, disjoint spans (starts and ends); kept on the
    row, since each wide gap of the rows around it asks."""
    if row.spans is None:
        starts: list[float] = []
        ends: list[float] = []
        for a, b in sorted([(c.box[0], c.box[2]) for c in row.clusters if c.text != " "]):
            if ends and a <= ends[-1]:
                if b > ends[-1]:
                    ends[-1] = b
            else:
                starts.append(a)
                ends.append(b)
        row.spans = (starts, ends)
    return row.spans
