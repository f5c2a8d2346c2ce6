"""From a page's glyphs, in whatever order and encoding a producer wrote them, to the text
its author wrote, with every character mapped to the box of the glyph it came from.

Steps (each a function below): glyphs → clusters (presentation forms and ligatures to base
letters, marks attached to their letter, spaces and tatweel dropped) → rows (one baseline,
split at wide gaps) → logical order (``reader.arabic.bidi``; spaces re-inserted from the
gaps between glyphs) → reading order (recursive cuts: columns right to left, table cells
right to left) → blocks (headings, list items, paragraphs, footnotes; running headers,
footers and page numbers set aside).
"""

from __future__ import annotations

import bisect
import itertools
import math
import operator
import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from reader.arabic.bidi import AN, EN, MIRRORING, L, N, R, visual_to_logical
from reader.arabic.chars import is_mark
from reader.arabic.model import (
    FOOTNOTE,
    HEADING,
    LIST_ITEM,
    PARAGRAPH,
    RUNNING,
    TABLE_ROW,
    Block,
    Line,
    PageText,
    Quality,
)
from reader.arabic.raw import Glyph, RawPage, Rule
from reader.gcpause import gc_paused

Rect = tuple[float, float, float, float]
# Bumped whenever the text it gives for a page may change: annotations made on an older
# engine's text are then placed again (``reader.annotations.anchoring``).
PIPELINE_VERSION = "arabic-repair/2"

SPACE_GAP = 0.15  # of the font size: a wider gap between glyphs is a space
# How a page shows its word spaces: only as gaps, as space glyphs (then only a wide gap
# without a glyph counts), or only as glyphs (gaps there are meaningless).
SPACES_GAPS, SPACES_BOTH, SPACES_GLYPHS = "gaps", "both", "glyphs"
SEGMENT_GAP = 1.3  # of the font size: a wider gap splits a row (columns, table cells)
GUTTER_SAMPLES = 400  # the most places a gap is looked at (see ``_is_gutter``)
# Coordinates beyond this many points from the page are no drawing a reader can see:
# glyphs there (and glyphs with NaN or infinite geometry) are left out (``sane_glyphs``).
FAR = 1e5
MAX_DEPTH = 64  # column splits within column splits: real pages need a handful
BULLETS = "•●▪◦‣⁃∙■□○\uf0b7-–"
_LIST_NUMBER = re.compile(r"^(\d+|[٠-٩]+)[.)\-]\s")


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


# -- glyphs to clusters ------------------------------------------------------------------------
def make_clusters(glyphs: Iterable[Glyph]) -> tuple[list[Glyph], int, str]:
    """Clusters (glyphs with the marks drawn over them) in no particular order, how many
    glyphs carried text, and how spaces are to be found on this page (``SPACES_*``).

    Marks go on their letter: by position, helped by the content stream's order, because
    producers place zero-width marks differently (LibreOffice after the letter at its left
    edge, Chromium before it at its origin).
    """
    items = list(glyphs)
    texts = [g.text for g in items]
    if "" in texts:  # invisible characters (tatweel, joiners) are no clusters
        items = [g for g in items if g.text]
        texts = [t for t in texts if t]
    distinct = set(texts)
    count = len(texts) - texts.count(" ")
    mode = SPACES_BOTH if " " in distinct else SPACES_GAPS
    mark_texts = {t for t in distinct if is_mark(t)}  # few distinct texts: cheap
    flat = [g for g in items if g.box[2] - g.box[0] < 0.01]
    loose = any(g.text != " " and g.text not in mark_texts for g in flat)
    # The passes below never change a glyph (the page's glyphs stay as read): a glyph
    # that needs another text is replaced by a copy.
    changed = False
    carried: set[int] = set()  # space glyphs that carry a letter's width: not spaces
    # Width-less letters are what the producer-specific passes deal with: most pages have
    # none, and skip them.
    if loose:
        items = _drop_doubled_letters(items, mark_texts)
        widths = _width_spaces(items, mark_texts)
        if widths is not None:
            carried, mode = widths, SPACES_GLYPHS
        else:
            items, changed = _join_split_ligatures(items, mark_texts)
    orphans: list[Glyph] = []
    if mark_texts:
        zero = {id(g) for g in flat}
        new_texts: dict[int, str] = {}  # index in items -> the text with its marks
        for i in [i for i, c in enumerate(items) if c.text in mark_texts]:
            mark = items[i].text
            target = _stream_base(items, i, zero, mark_texts)
            if target is not None:
                # A letter never carries the same mark twice (LibreOffice can draw marks
                # twice); a ligature may carry it once per letter.
                text = new_texts.get(target, items[target].text)
                letters = sum(1 for ch in text if not unicodedata.combining(ch))
                if text.count(mark) < letters:
                    new_texts[target] = text + mark
            else:
                orphans.append(items[i])
        if new_texts:
            items = list(items)
            for k, text in new_texts.items():
                items[k] = _copy(items[k], text)
            changed = True
    bases = [c for c in items if c.text != " " and c.text not in mark_texts]
    spaces = [c for c in items if c.text == " " and c.size > 0 and id(c) not in carried]
    if orphans:
        _attach_marks(bases, orphans)
        changed = True
    every = "".join(distinct)
    if "\u06c1" in every and _URDU_PERSIAN.isdisjoint(every):
        # Fonts draw the word الله with the heh goal's glyph: on an Arabic page (no letter
        # that only Urdu or Persian use) that heh is the Arabic one.
        bases = [_copy(c, c.text.replace("\u06c1", "\u0647")) if "\u06c1" in c.text else c
                 for c in bases]
    if changed or any(len(t) > 2 for t in distinct):  # some cluster has several characters
        bases = [_copy(c, place_ligature_marks(c.text)) if len(c.text) > 2 else c
                 for c in bases]
    return bases + spaces, count, mode


def _copy(g: Glyph, text: str | None = None) -> Glyph:
    return Glyph(g.char, g.box, g.baseline, g.size, g.bold, g.superscript,
                 g.text if text is None else text, g.kind, g.centre)


SHADDA, SUKUN, FATHA, SUPERSCRIPT_ALEF = "\u0651", "\u0652", "\u064e", "\u0670"
# Letters used in Urdu or Persian but not in Arabic.
_URDU_PERSIAN = set("\u0679\u0688\u0691\u06ba\u06d2\u067e\u0686\u0698\u06af\u06be")


def place_ligature_marks(text: str) -> str:
    """Put the marks of a ligature glyph on the letters they belong to.

    One glyph cannot show which of its letters a mark sits on; these are the conventions
    of typed Arabic: in the word الله the shadda with its fatha (or superscript alef) goes
    on the second lam and the case vowel on the heh; in a lam-alef whose alef carries a
    hamza, a sukun goes on the lam; other marks follow the alef, as usually typed (لاَ).
    """
    letters = "".join(c for c in text if not unicodedata.combining(c))
    marks = [c for c in text if unicodedata.combining(c)]
    if letters in ("الله", "لله") and text.startswith(letters) and SHADDA in marks:
        on_lam = [m for m in marks if m in (SHADDA, FATHA, SUPERSCRIPT_ALEF)]
        on_heh = [m for m in marks if m not in on_lam]
        return letters[:-1] + "".join(on_lam) + "ه" + "".join(on_heh)
    if letters in ("لأ", "لإ", "لآ") and SUKUN in marks and text.startswith(letters):
        rest = list(marks)
        rest.remove(SUKUN)  # one sukun moves to the lam; any other stays on the alef
        return "ل" + SUKUN + letters[1] + "".join(rest)
    return text


def _join_split_ligatures(items: list[Glyph], mark_texts: set[str]) -> tuple[list[Glyph], bool]:
    """Put back together a ligature glyph whose mapping MuPDF split into letters; and
    whether any was.

    The letter with the glyph's box is the lam; the other letters have no width and sit
    at an edge of it. After the lam in the stream (Chromium: لإ) they are in logical order;
    before it (WeasyPrint) they read in reverse (عىل for على).
    """
    # Letters without width that are not Chromium's letter-after-its-marks.
    loose_at = [i for i, c in enumerate(items)
                if c.box[2] - c.box[0] < 0.01 and c.text != " " and c.text not in mark_texts
                and not (i and items[i - 1].text in mark_texts)]
    if not loose_at:
        return items, False
    items = list(items)  # its lams may be replaced by joined copies
    out: list[Glyph] = []
    joined = False
    n = len(items)
    done = 0  # items before this one are in ``out`` (or joined)
    k = 0
    while k < len(loose_at):
        i = loose_at[k]
        out += items[done:i]
        c = items[i]
        j = i
        while k < len(loose_at) and loose_at[k] == j and abs(items[j].box[0] - c.box[0]) < 0.3:
            j += 1
            k += 1
        loose = items[i:j]
        after = items[j] if j < n else None
        before = out[-1] if out else None
        if _is_lam_of(before, c, edge=0):
            out[-1] = _copy(before, before.text + "".join(x.text for x in loose))
            joined = True
        elif _is_lam_of(after, c, edge=2):
            items[j] = _copy(after, after.text + "".join(x.text for x in reversed(loose)))
            joined = True
        else:
            out.extend(loose)
        done = j
    out += items[done:]
    return out, joined


def _is_lam_of(lam: Glyph | None, loose: Glyph, edge: int) -> bool:
    return (lam is not None and lam.text.startswith("ل") and not _zero_width(lam)
            and abs(lam.box[edge] - loose.box[0]) < 0.3
            and abs(lam.baseline - loose.baseline) < 0.3 * max(lam.size, 1.0))


def _drop_doubled_letters(items: list[Glyph], mark_texts: set[str]) -> list[Glyph]:
    """LibreOffice with Amiri draws a hamza as a glyph of its own and maps it to the whole
    letter again (أ, ؤ, ئ): a width-less copy of a letter, strictly inside the box of the
    same letter drawn just before it, is that hamza, not a second letter."""
    flat = [i for i, c in enumerate(items) if c.box[2] - c.box[0] < 0.01
            and c.text != " " and c.text not in mark_texts]
    out: list[Glyph] = []
    done = 0  # items before this one are decided
    for i in flat:
        out += items[done:i]
        done = i + 1
        c = items[i]
        same = next((p for p in reversed(out[-4:]) if p.text[:1] == c.text[:1]
                     and not _zero_width(p)), None)
        if same is None or not (same.box[0] + 0.3 < c.box[0] < same.box[2] - 0.3) or abs(
                same.baseline - c.baseline) >= 0.5 * max(c.size, 1.0):
            out.append(c)
    out += items[done:]
    return out


def _zero_width(c: Glyph) -> bool:
    return c.box[2] - c.box[0] < 0.01


def _width_spaces(items: list[Glyph], mark_texts: set[str]) -> set[int] | None:
    """Chromium with harakat draws letters with no width, each followed by a space glyph
    that carries the letter's width. Real word spaces have the font's space advance and do
    not end at a width-less letter's origin. On a page of that kind, the ids of the space
    glyphs that carry a width; on other pages, None."""
    letters = [c.box for c in items if c.text != " " and c.text not in mark_texts]
    if not letters or sum([b[2] - b[0] < 0.01 for b in letters]) < 0.3 * len(letters):
        return None
    spaces = [i for i, c in enumerate(items) if c.text == " "]
    widths = [round((items[i].box[2] - items[i].box[0]) / max(items[i].size, 1.0), 2)
              for i in spaces]
    usual = Counter(widths).most_common(1)[0][0] if widths else 0.0
    carried: set[int] = set()
    for i in spaces:
        c = items[i]
        k = i - 1  # the glyph before the space, marks skipped
        while k >= 0 and items[k].text in mark_texts:
            k -= 1
        previous = items[k] if k >= 0 else None
        odd_width = abs((c.box[2] - c.box[0]) / max(c.size, 1.0) - usual) > 0.02
        touches = previous is not None and _zero_width(previous) and abs(
            previous.box[0] - c.box[2]) < 0.3
        if odd_width or touches:
            carried.add(id(c))
    return carried


def _stream_base(items: list[Glyph], i: int, zero: set[int],
                 mark_texts: set[str]) -> int | None:
    """Where the letter a mark belongs to is in ``items``, from the mark's neighbours in
    the content stream."""
    mark = items[i]
    mx = (mark.box[0] + mark.box[2]) / 2

    def near(k: int, step: int) -> int | None:
        while 0 <= k < len(items) and (items[k].text in mark_texts or items[k].text == " "):
            if items[k].text == " ":
                return None
            k += step
        if 0 <= k < len(items) and abs(items[k].baseline - mark.baseline) < 0.8 * mark.size:
            return k
        return None

    nxt, prev = near(i + 1, 1), near(i - 1, -1)
    if nxt is not None and id(items[nxt]) in zero and abs(items[nxt].box[2] - mx) < 0.3:
        # Chromium: the mark sits at the origin of the zero-width letter that follows it.
        return nxt
    if prev is not None and items[prev].box[0] - 0.3 <= mx <= items[prev].box[2] + 0.3:
        return prev
    if nxt is not None and items[nxt].box[0] - 0.3 <= mx <= items[nxt].box[2] + 0.3:
        return nxt
    return None


def _attach_marks(bases: list[Glyph], marks: list[Glyph]) -> None:
    """Put each mark on the letter it is drawn over (the one it overlaps most)."""
    by_x = sorted(range(len(bases)), key=lambda i: bases[i].box[0])
    xs = [bases[i].box[0] for i in by_x]
    for mark in marks:
        mx0, _, mx1, _ = mark.box
        centre = (mx0 + mx1) / 2
        hi = bisect.bisect_right(xs, mx1 + 0.01)
        best, best_score = -1, 0.0
        for pos in range(hi - 1, -1, -1):
            base = bases[by_x[pos]]
            if base.box[0] < mx0 - 3 * base.size:
                break
            if abs(base.baseline - mark.baseline) > 0.6 * max(base.size, mark.size):
                continue
            overlap = min(mx1, base.box[2]) - max(mx0, base.box[0])
            distance = 0.0 if base.box[0] <= centre <= base.box[2] else min(
                abs(centre - base.box[0]), abs(centre - base.box[2]))
            score = overlap - distance
            if best < 0 or score > best_score:
                best, best_score = by_x[pos], score
        if best >= 0 and best_score > -0.5 * mark.size:
            bases[best] = _copy(bases[best], bases[best].text + mark.text)
        else:
            bases.append(mark)


# -- clusters to rows and segments -----------------------------------------------------------
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
    starts = [0, *(i for i, (a, b) in enumerate(itertools.pairwise(ordered), 1)
                   if b.baseline - a.baseline > (0.3 * b.size if b.size > 1.0 else 0.3))]
    rows = [Row(ordered[i:j]) for i, j in itertools.pairwise([*starts, len(ordered)])]
    for row in rows:
        sizes = [c.size for c in row.clusters if c.text != " "]
        if sizes:
            row.size = size = _median(sizes)
            row.baseline = _median([c.baseline for c in row.clusters
                                    if c.text != " " and c.size >= 0.9 * size])
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


def _weighted_median(pairs: list[tuple[float, int]]) -> float:
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
    for other in (rows[index + 1] if index + 1 < len(rows) else None,
                  rows[index - 1] if index else None):
        if other is None or other.size < 1.15 * row.size:
            continue
        if abs(other.baseline - row.baseline) > 0.9 * other.size:
            continue
        x0 = min(c.box[0] for c in other.clusters) - other.size
        x1 = max(c.box[2] for c in other.clusters) + other.size
        if all(x0 <= c.box[0] and c.box[2] <= x1 for c in row.clusters):
            return other
    return None


def split_rows(rows: list[Row]) -> list[Segment]:
    """Split rows at gutters: wide gaps that the neighbouring rows leave empty too.

    A justified line can have a wide gap between two words, but the lines above and below
    have letters there; between columns or table cells, they do not.
    """
    segments: list[Segment] = []
    for index, row in enumerate(rows):
        wide = SEGMENT_GAP * row.size
        letters = [c for c in row.clusters if c.text != " "]
        gaps = [b.box[0] - a.box[2] for a, b in itertools.pairwise(letters)]
        if not gaps or max(gaps) <= wide:
            _add_segment(segments, row.clusters, row, letters, gaps)  # no wide gap: most rows
            continue
        near = [r for r in rows[max(0, index - 3): index + 4]
                if r is not row and abs(r.baseline - row.baseline) < 2.6 * row.size]
        current: list[Glyph] = []
        right_edge = float("-inf")  # of the letters in ``current``; none yet: no gap
        for c in row.clusters:
            if c.text != " ":
                x0, _, x1, _ = c.box
                # Spaces before the row's first letter make no gap (and -inf is no edge).
                if right_edge != float("-inf") and x0 - right_edge > wide and _is_gutter(
                        right_edge, x0, near, row.size):
                    _add_segment(segments, current, row)
                    current = []
                if x1 > right_edge:
                    right_edge = x1
            current.append(c)
        _add_segment(segments, current, row)
    return segments


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


# -- logical order of one line ---------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class _Space:
    """A word space the page shows only as a gap: text without a glyph box."""

    text: str = " "
    box: None = None
    kind: str = N


_SPACE = _Space()


_ENDS = frozenset(".!?:;…،؛؟")  # punctuation that ends a sentence or clause


def _paragraph_rtl(kinds: list[str], clusters: Sequence[Glyph], page_rtl: bool) -> bool:
    """The direction of a line, from the bidi classes of its units. On a right-to-left
    page, any line with Arabic (a line is a piece of a paragraph: its ends say nothing); on
    a left-to-right page, a line that begins and ends in Arabic. A line without Arabic is
    left to right, unless it shows it was set right to left."""
    if R not in kinds:
        if L not in kinds:
            return page_rtl
        letters = [c for c in clusters if c.text != " "]
        if not page_rtl or len(letters) < 2:
            return False
        # A Latin line set right to left in an Arabic document, such as an English footnote:
        # its number stands at the right end, apart from the text.
        if len(letters) > 2 and letters[-1].text.isdigit() and (
                letters[-1].box[0] - letters[-2].box[2] > 0.15 * letters[-1].size):
            return True
        # The Latin tail of an Arabic sentence, wrapped onto a line of its own ("(WHO)¹.");
        # or an English note set right to left: its closing punctuation is at the left end.
        return letters[0].text in _ENDS and letters[-1].text not in _ENDS
    if page_rtl:
        return True
    first = next(k for k in kinds if k in (R, L))
    last = next(k for k in reversed(kinds) if k in (R, L))
    return first == R and last == R


def _space_positions(segment: Segment, spaces: str) -> tuple[list[Glyph], list[int]]:
    """The segment's letters left to right, and before which of them the page has a space.

    A space glyph counts when its neighbours are apart; a gap with no space glyph counts
    only when wide, since shaping engines leave small gaps around marks and ligatures. On
    pages with no space glyphs at all, gaps are all there is.
    """
    clusters = segment.clusters
    letters = segment.letters
    if letters is None:
        letters = [c for c in clusters if c.text != " "]
    if len(letters) < 2:
        return letters, []
    # Clusters come sorted by their centres, space glyphs among them.
    centres = [c.centre for c in clusters if c.text == " "] if len(letters) < len(
        clusters) else []
    chosen: list[int] = []  # a space goes before these letters
    if spaces == SPACES_GLYPHS:
        middles = [c.centre for c in letters]
        for x in centres:
            k = bisect.bisect_right(middles, x)
            if 0 < k < len(middles) and middles[k - 1] < x and (not chosen or chosen[-1] != k):
                chosen.append(k)
    else:
        full, small = max(segment.size, 1.0), max(0.7 * segment.size, 1.0)
        glyph_gap, bare_gap = 0.06, SPACE_GAP if spaces == SPACES_GAPS else 0.3
        floor = min(bare_gap, glyph_gap) * small if centres else bare_gap * small
        gaps = segment.gaps
        if gaps is None:
            gaps = [b.box[0] - a.box[2] for a, b in itertools.pairwise(letters)]
        # Most pairs are too close for any space: look closer at the others only. A raised
        # small glyph (a footnote call) is measured by its own size; asking costs, so only
        # when the answer matters.
        bare_full, bare_small = bare_gap * full, bare_gap * small
        glyph_full, glyph_small = glyph_gap * full, glyph_gap * small
        for i in [i for i, gap in enumerate(gaps, 1) if gap > floor]:
            gap = gaps[i - 1]
            if gap > bare_full:
                chosen.append(i)
                continue
            raised: bool | None = None
            if gap > bare_small:
                raised = _small(letters[i], segment) or _small(letters[i - 1], segment)
                if raised:
                    chosen.append(i)
                    continue
            if not centres or gap <= glyph_small:
                continue
            if gap <= glyph_full:
                if raised is None:
                    raised = _small(letters[i], segment) or _small(letters[i - 1], segment)
                if not raised:
                    continue
            k = bisect.bisect_right(centres, letters[i - 1].centre)
            if k < len(centres) and centres[k] < letters[i].centre:
                chosen.append(i)
    return letters, chosen


def _with_spaces(letters: list[Glyph], chosen: list[int]) -> list[Glyph | _Space]:
    """The letters with a space before each of those at ``chosen``."""
    out: list[Glyph | _Space] = []
    start = 0
    for i in chosen:
        out += letters[start:i]
        out.append(_SPACE)
        start = i
    out += letters[start:]
    return out


def _small(c: Glyph, segment: Segment) -> bool:
    """Superscript, or smaller than its line and raised: a footnote call, say."""
    return c.superscript or (c.size < 0.9 * segment.size
                             and c.baseline < segment.baseline - 0.15 * segment.size)


_MIRRORED = re.compile("[()\\[\\]{}«»]")
_COMBINING = re.compile("[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")


def _balanced(text: str) -> int:
    """How well the brackets of a line pair up in logical order (higher is better)."""
    brackets = "".join(_MIRRORED.findall(text))
    score = 0
    for opening, closing in ("()", "[]", "{}", "«»"):
        depth = 0
        for ch in brackets:
            if ch == opening:
                depth += 1
            elif ch == closing:
                if depth:
                    depth -= 1
                    score += 1
                else:
                    score -= 1
    return score


def _numeric(segment: Segment) -> bool:
    text = "".join(c.text for c in segment.clusters if c.text != " ")
    digits = sum(ch.isdigit() for ch in text)
    return bool(text) and digits >= 0.5 * len(text)


def left_to_right_tables(rows: list[list[Segment]], rtl: bool) -> set[int]:
    """Rows of tables that a producer laid out left to right in a right-to-left document.

    In an Arabic table the label column comes first, at the right, and the figures follow.
    When the column of words stands at the left and the figures at the right, the table was
    set left to right (MuPDF's HTML engine does that): its cells read left to right.
    """
    found: set[int] = set()
    if not rtl:
        return found
    i = 0
    while i < len(rows):
        j = i
        while j < len(rows) and len(rows[j]) >= 3:
            j += 1
        if j - i >= 2:
            table = [sorted(row, key=lambda s: s.x0) for row in rows[i:j]]
            left_words = sum(not _numeric(row[0]) for row in table)
            right_numbers = sum(_numeric(row[-1]) for row in table)
            right_words = sum(not _numeric(row[-1]) for row in table)
            if left_words > len(table) / 2 and right_numbers >= right_words:
                found.update(range(i, j))
        i = max(j, i + 1)
    return found


def logical_line(segments: Sequence[Segment], rtl: bool, spaces: str = SPACES_BOTH,
                 cells_left_to_right: bool = False) -> Line:
    """The text of a row's segments in reading order, with a box per character."""
    ordered_segments = sorted(segments, key=lambda s: s.x0,
                              reverse=rtl and not cells_left_to_right) if len(
        segments) > 1 else segments
    texts: list[str] = []
    boxes: list[Rect | None] = []
    cells: list[str] = []
    for n, segment in enumerate(ordered_segments):
        cell_start = len(texts)
        if n:
            texts.append(" ")
            boxes.append(None)
        letters, chosen = _space_positions(segment, spaces)
        kinds = [c.kind for c in letters]
        if rtl and L not in kinds and EN not in kinds and AN not in kinds:
            # Nothing reads left to right: the line is simply reversed (the common case).
            parts = [c.text for c in letters]
            places: list[Rect | None] = [c.box for c in letters]
            for i in reversed(chosen):
                parts.insert(i, " ")
                places.insert(i, None)
            parts.reverse()
            places.reverse()
            flips = None
        else:
            visual = _with_spaces(letters, chosen)
            kinds = [u.kind for u in visual]
            units, flips = visual_to_logical(
                visual, _paragraph_rtl(kinds, segment.clusters, rtl), kinds)
            parts = [u.text for u in units]
            places = [u.box for u in units]
        plain = "".join(parts)
        if _MIRRORED.search(plain):
            # Producers differ: some store a bracket drawn mirrored as the logical
            # character, others (the legacy visual pipeline) as the shape drawn. Keep
            # whichever reading balances the brackets.
            flipped = plain.translate(MIRRORING) if flips is None else "".join(
                [t.translate(MIRRORING) if f else t for t, f in zip(parts, flips, strict=True)])
            if _balanced(flipped) > _balanced(plain):
                plain = flipped
        texts.append(plain)
        if len(plain) == len(parts):  # one character per unit: the common case
            boxes += places
        else:
            boxes += [box for t, box in zip(parts, places, strict=True) for _ in t]
        if len(ordered_segments) > 1:
            cells.append(unicodedata.normalize("NFC", "".join(texts[cell_start:])).strip())
    joined = "".join(texts)
    text = unicodedata.normalize("NFC", joined) if _COMBINING.search(joined) else joined
    if len(text) != len(boxes):  # NFC composed marks: keep the map total, one box per char
        boxes = _realign_boxes(joined, text, boxes)
    if not cells:
        cells = [text.strip()]
    if len(segments) == 1:
        only = segments[0]
        x0, x1, top, bottom, size = only.x0, only.x1, only.top, only.bottom, only.size
    else:
        x0 = min(s.x0 for s in segments)
        x1 = max(s.x1 for s in segments)
        top = min(s.top for s in segments)
        bottom = max(s.bottom for s in segments)
        size = max(s.size for s in segments)
    total = sum(len(s.clusters) for s in segments)
    bold = sum([c.bold for s in segments for c in s.clusters]) > 0.6 * total
    return Line(text, boxes, (x0, top, x1, bottom), size, bold, rtl, cells)


def _realign_boxes(before: str, after: str, boxes: list[Rect | None]) -> list[Rect | None]:
    out: list[Rect | None] = []
    i = 0
    for ch in after:
        # Walk the unnormalized text; a composed character takes its first part's box.
        while i < len(before) and unicodedata.normalize("NFC", before[i]) != ch and (
                not unicodedata.normalize("NFD", ch).startswith(before[i])):
            i += 1
        out.append(boxes[i] if i < len(boxes) else None)
        consumed = len(unicodedata.normalize("NFD", ch))
        i += max(1, consumed)
    return out


# -- reading order -------------------------------------------------------------------------
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
    rows = {round(s.baseline) for s in side}
    widths = [s.x1 - s.x0 for s in side]
    return len(rows) >= 2 and statistics.median(widths) >= 0.18 * width


def reading_order(segments: list[Segment], rtl: bool, page_width: float,
                  depth: int = 0) -> list[list[Segment]]:
    """Rows of segments in reading order.

    The region is cut into horizontal bands at every empty stretch; consecutive bands that
    share an empty vertical stretch (a gutter) form a section; a section whose sides both
    read like text columns is split at the gutter (the right column first in right-to-left
    documents) and each column ordered the same way. Everything else is read band by band,
    a band's segments on one line joined right to left (table cells, say).
    """
    if not segments:
        return []
    min_gutter = 0.8 * statistics.median(s.size for s in segments)
    bands = _bands(segments)
    left_edge = min(s.x0 for s in segments)
    right_edge = max(s.x1 for s in segments)
    # Free stretches of each band, its margins included: a column that runs longer than
    # its neighbour leaves bands with text on one side of the gutter only.
    gutters = [[g for g in _gaps([(left_edge - 1, left_edge), (right_edge, right_edge + 1)]
                                 + [(s.x0, s.x1) for s in band])
                if g[1] - g[0] >= min_gutter]
               for band in bands]
    out: list[list[Segment]] = []
    i = 0
    while i < len(bands):
        common = gutters[i]
        j = i + 1
        while common and j < len(bands):
            shared = _intersect(common, gutters[j], min_gutter)
            if not shared:
                break
            common = shared
            j += 1
        section = [s for band in bands[i:j] for s in band]
        split = _column_split(section, common, page_width) if (
            j - i >= 2 and depth < MAX_DEPTH) else None
        if split is not None:
            left, right = split
            first, second = (right, left) if rtl else (left, right)
            out.extend(reading_order(first, rtl, page_width, depth + 1))
            out.extend(reading_order(second, rtl, page_width, depth + 1))
            i = j
        else:
            out.extend(_rows_of(bands[i]))
            i += 1
    return out


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


def _intersect(a: list[tuple[float, float]], b: list[tuple[float, float]],
               min_width: float) -> list[tuple[float, float]]:
    out = []
    for a0, a1 in a:
        for b0, b1 in b:
            lo, hi = max(a0, b0), min(a1, b1)
            if hi - lo >= min_width:
                out.append((lo, hi))
    return out


def _column_split(section: list[Segment], gutters: list[tuple[float, float]],
                  page_width: float) -> tuple[list[Segment], list[Segment]] | None:
    for gap in sorted(gutters, key=lambda g: g[1] - g[0], reverse=True):
        cut = (gap[0] + gap[1]) / 2
        left = [s for s in section if s.x1 <= cut]
        right = [s for s in section if s.x0 >= cut]
        if len(left) + len(right) == len(section) and _column_like(left, page_width) and (
                _column_like(right, page_width)):
            return left, right
    return None


# -- blocks ------------------------------------------------------------------------------------
def _kind(line: Line, body_size: float, cells: int) -> str:
    text = line.text.lstrip()
    if cells >= 3:
        return TABLE_ROW
    if line.size >= 1.12 * body_size:  # "2. Results" set large is a heading, not a list
        return HEADING
    if (text[:1] in BULLETS and text[1:2] == " ") or _LIST_NUMBER.match(text):
        return LIST_ITEM
    if line.bold and len(text) < 90:
        return HEADING
    return PARAGRAPH


def _is_page_number(text: str) -> bool:
    stripped = re.sub(r"[\s\-–—|/.()]|صفحة|الصفحة|page", "", text, flags=re.IGNORECASE)
    return bool(stripped) and stripped.isdigit() and len(stripped) <= 4


def running_key(text: str) -> str:
    """What stays the same in a running header or footer from page to page."""
    return re.sub(r"\d+", "#", re.sub(r"\s+", " ", text)).strip()


def _footnote_rule(rules: Sequence[Rule], width: float, height: float) -> float | None:
    """The y of a short rule in the lower part of the page: the footnote separator."""
    candidates = [r.y for r in rules if r.y > 0.45 * height and (r.x1 - r.x0) < 0.6 * width]
    return max(candidates) if candidates else None


def _finite(g: Glyph, lo: float, hi: float) -> bool:
    x0, y0, x1, y1 = g.box
    # Comparisons with NaN are false, so NaN fails every bound.
    return (lo <= x0 <= hi and lo <= x1 <= hi and lo <= y0 <= hi and lo <= y1 <= hi
            and lo <= g.baseline <= hi and 0 <= g.size <= FAR)


def sane_glyphs(raw: RawPage) -> tuple[Sequence[Glyph], int]:
    """The page's glyphs that have a finite, plausible place, and how many had none.

    Hostile or broken PDFs give NaN, infinite or astronomically large coordinates; every
    later stage sorts and measures by coordinates, so such glyphs go at the door.
    """
    span = max(raw.width, raw.height) if math.isfinite(max(raw.width, raw.height)) else 0.0
    lo, hi = -FAR - span, FAR + span
    glyphs = raw.glyphs
    if all(_finite(g, lo, hi) for g in glyphs):
        return glyphs, 0
    kept = [g for g in glyphs if _finite(g, lo, hi)]
    return kept, len(glyphs) - len(kept)


@gc_paused
def repair_page(raw: RawPage, running: frozenset[str] = frozenset()) -> PageText:
    """Turn one page's glyphs into its page model.

    ``running`` holds the ``running_key`` of lines that repeat across the document's pages
    near its top or bottom (see ``repeated_lines``): they are set aside as running heads.
    """
    glyphs, dropped = sane_glyphs(raw)
    clusters, count, spaces = make_clusters(glyphs)
    unmapped = raw.unmapped + dropped  # glyphs with no place are unreadable too
    page = PageText(raw.index, raw.width, raw.height)
    page.quality = Quality(glyphs=count + unmapped, recovered=raw.recovered,
                           unmapped=unmapped, no_text_layer=count == 0,
                           visual_order=raw.visual_order)
    if not clusters:
        return page
    kinds = [c.kind for c in clusters]
    rtl = kinds.count(R) >= kinds.count(L)
    segments = split_rows(make_rows(clusters))
    if not segments:  # nothing but spaces
        return page
    body_size = _weighted_median([(s.size, len(s.clusters)) for s in segments])
    rule_y = _footnote_rule(raw.rules, raw.width, raw.height)
    rows = reading_order(segments, rtl, raw.width)
    blocks: list[Block] = []
    note_size = 0.0  # once the notes have started, smaller lines below them are notes too
    ltr_rows = left_to_right_tables(rows, rtl)
    for index, row in enumerate(rows):
        line = logical_line(row, rtl, spaces, index in ltr_rows)
        if not line.text.strip():
            continue
        kind = _kind(line, body_size, len(row))
        top, bottom = line.bbox[1], line.bbox[3]
        margin = 0.09 * raw.height
        near_edge = bottom < margin + 0.02 * raw.height or top > raw.height - margin
        if near_edge and (_is_page_number(line.text) or running_key(line.text) in running):
            kind = RUNNING
        elif (rule_y is not None and top > rule_y - 2 and line.size < 0.95 * body_size) or (
                rule_y is None and top > 0.6 * raw.height and line.size < 0.85 * body_size
                and re.match(r"^\s*\d+", line.text)) or (
                note_size and line.size <= note_size + 0.5 and line.size < 0.95 * body_size):
            kind = FOOTNOTE
            note_size = max(note_size, line.size)
        _add_line(blocks, line, kind, body_size)
    page.running = [b for b in blocks if b.kind == RUNNING]
    page.notes = [b for b in blocks if b.kind == FOOTNOTE]
    page.body = [b for b in blocks if b.kind not in (RUNNING, FOOTNOTE)]
    return page


def _add_line(blocks: list[Block], line: Line, kind: str, body_size: float) -> None:
    """Start a block, or continue the previous paragraph (or footnote) with this line."""
    if blocks:
        last = blocks[-1]
        previous = last.lines[-1]
        gap = line.bbox[1] - previous.bbox[3]
        continues = (
            last.kind == kind and kind in (PARAGRAPH, FOOTNOTE)
            and 0 <= gap < 0.9 * body_size and abs(line.size - previous.size) < 0.5
            and not (kind == FOOTNOTE and re.match(r"^\s*\d+\s", line.text))
        ) or (last.kind == LIST_ITEM and kind == PARAGRAPH and 0 <= gap < 0.6 * body_size)
        if continues:
            last.lines.append(line)
            x0, y0, x1, y1 = last.bbox
            lx0, ly0, lx1, ly1 = line.bbox
            last.bbox = (min(x0, lx0), min(y0, ly0), max(x1, lx1), max(y1, ly1))
            return
    blocks.append(Block(kind, [line], line.bbox))


@gc_paused
def repeated_lines(pages: Sequence[RawPage]) -> frozenset[str]:
    """Keys of lines near the top or bottom edge that recur on several pages."""
    if len(pages) < 2:
        return frozenset()
    seen: dict[str, int] = {}
    for raw in pages:
        clusters, _, spaces = make_clusters(sane_glyphs(raw)[0])
        keys = set()
        rows = [r for r in make_rows(clusters)
                if r.baseline < 0.12 * raw.height or r.baseline > 0.9 * raw.height]
        for segment in split_rows(rows):
            line = logical_line([segment], True, spaces)
            keys.add(running_key(line.text))
        for key in keys:
            seen[key] = seen.get(key, 0) + 1
    threshold = 2 if len(pages) <= 3 else max(2, len(pages) // 3)
    return frozenset(k for k, n in seen.items() if n >= threshold and k.strip())
