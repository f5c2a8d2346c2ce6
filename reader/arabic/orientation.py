"""Stage 0, text set at an angle: each writing direction read in its own upright frame.

A page may turn text: a wide table set along the page's length, a landscape page drawn on
a portrait one, a label beside a figure, a watermark across the page ("مسودة"). Every
later stage reads lines along x with baselines along y; glyphs of turned lines read so
give letters one a line, or splice a watermark's letters into the text below it. Here the
glyphs of each direction (their lines' direction, as the PDF draws them: ``RawPage.turns``)
are moved into a frame where that direction runs along x, read there as a page of their
own, and their boxes moved back to the page.

Assumes only what the drawing says: a line's direction. Text turned by a quarter or half
turn is the page's content (it follows the page's text); text at any other angle is a
stamp or watermark, set aside with the running heads.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from reader.arabic.model import Block, Line
from reader.arabic.raw import Glyph, RawPage, Rect, Rule, VRule, zero_width

# Lines within this angle of the page's x axis are upright (a scan's skew, a few degrees);
# within it of a quarter or half turn, turned by that much. The glyph layer records the
# lines whose direction's x part is under ``UPRIGHT``.
SKEW_DEGREES = 14.0
UPRIGHT = math.cos(math.radians(SKEW_DEGREES))


def _diagonal(dx: float, dy: float) -> bool:
    """Is the direction no quarter or half turn (a stamp's, a watermark's)?"""
    angle = math.degrees(math.atan2(dy, dx)) % 90.0
    return SKEW_DEGREES < angle < 90.0 - SKEW_DEGREES


@dataclass(frozen=True, slots=True)
class Frame:
    """A turned direction's upright frame: page point (x, y) is frame point
    (dx·x + dy·y − u0, −dy·x + dx·y − v0); the frame holds the whole page turned."""

    dx: float
    dy: float
    u0: float
    v0: float
    width: float
    height: float
    diagonal: bool  # not a quarter or half turn: a stamp or a watermark

    @classmethod
    def of(cls, dx: float, dy: float, width: float, height: float) -> Frame:
        norm = math.hypot(dx, dy) or 1.0
        dx, dy = dx / norm, dy / norm
        corners = [(dx * x + dy * y, -dy * x + dx * y)
                   for x, y in ((0.0, 0.0), (width, 0.0), (0.0, height), (width, height))]
        us, vs = [u for u, _ in corners], [v for _, v in corners]
        return cls(dx, dy, min(us), min(vs), max(us) - min(us), max(vs) - min(vs),
                   _diagonal(dx, dy))

    def point(self, x: float, y: float) -> tuple[float, float]:
        return (self.dx * x + self.dy * y - self.u0, -self.dy * x + self.dx * y - self.v0)

    def box(self, box: Rect) -> Rect:
        """A page box in the frame (the box around its turned corners)."""
        x0, y0, x1, y1 = box
        corners = [self.point(x, y) for x, y in ((x0, y0), (x1, y0), (x0, y1), (x1, y1))]
        us, vs = [u for u, _ in corners], [v for _, v in corners]
        return (min(us), min(vs), max(us), max(vs))

    def page_box(self, box: Rect) -> Rect:
        """A frame box back on the page."""
        u0, v0, u1, v1 = box
        corners = [(self.dx * (u + self.u0) - self.dy * (v + self.v0),
                    self.dy * (u + self.u0) + self.dx * (v + self.v0))
                   for u, v in ((u0, v0), (u1, v0), (u0, v1), (u1, v1))]
        xs, ys = [x for x, _ in corners], [y for _, y in corners]
        return (min(xs), min(ys), max(xs), max(ys))


def _direction(dx: float, dy: float) -> tuple[float, float] | None:
    """A line's direction as its frame's key: None for upright (within the skew), a quarter
    or half turn exactly, any other angle to a degree."""
    if not (math.isfinite(dx) and math.isfinite(dy)) or (dx == 0 and dy == 0):
        return None  # no direction to turn by: read as drawn
    angle = math.degrees(math.atan2(dy, dx))
    for turn in (0.0, 90.0, 180.0, -90.0, -180.0):
        if abs(angle - turn) <= SKEW_DEGREES:
            if turn == 0.0:
                return None
            angle = turn
            break
    radians = math.radians(round(angle))
    return (round(math.cos(radians), 6), round(math.sin(radians), 6))


def upright_pages(raw: RawPage) -> tuple[RawPage, list[tuple[Frame, RawPage]]]:
    """The page's upright glyphs as a page, and each turned direction's glyphs as a page
    of its own in its frame (in the order the page shows them: top to bottom)."""
    if not raw.turns:
        return raw, []
    where: dict[Rect, tuple[tuple[float, float], float, float]] = {}
    for box, dx, dy, ox, oy in raw.turns:
        key = _direction(dx, dy)
        if key is not None:
            where[box] = (key, ox, oy)
    if not where:
        return replace(raw, turns=()), []
    regions: dict[tuple[float, float], Rect] = {}
    for box, (key, _ox, _oy) in where.items():
        x0, y0, x1, y1 = regions.get(key, box)
        regions[key] = (min(x0, box[0]), min(y0, box[1]), max(x1, box[2]), max(y1, box[3]))
    # A width-less glyph moved off its line's box (a mark placed at its ink) inside the area
    # of text turned a quarter or half is that text's (a watermark's area lies over the
    # page's own text: its marks keep their line's box).
    turned = {key: region for key, region in regions.items() if not _diagonal(*key)}
    upright: list[Glyph] = []
    groups: dict[tuple[float, float], list[tuple[Glyph, float, float]]] = {}
    for g in raw.glyphs:  # in the order drawn, which later stages read
        found = where.get(g.box)
        if found is not None:
            key, ox, oy = found
            groups.setdefault(key, []).append((g, ox, oy))
            continue
        if turned and zero_width(g) and g.text.strip():
            x, y = (g.box[0] + g.box[2]) / 2, (g.box[1] + g.box[3]) / 2
            home = next((key for key, (x0, y0, x1, y1) in turned.items()
                         if x0 <= x <= x1 and y0 <= y <= y1), None)
            if home is not None:
                groups.setdefault(home, []).append((g, x, y))
                continue
        upright.append(g)
    pages: list[tuple[float, float, Frame, RawPage]] = []
    for key, members in groups.items():
        frame = Frame.of(*key, raw.width, raw.height)
        glyphs = []
        for g, ox, oy in members:
            ou, ov = frame.point(ox, oy)
            box = frame.box(g.box)
            if frame.diagonal:
                # The page box of a glyph at an angle is far wider than the glyph: its
                # centre is the glyph's, and the pen drew from the origin to twice as far.
                cu, cv = frame.point((g.box[0] + g.box[2]) / 2, (g.box[1] + g.box[3]) / 2)
                end = max(ou, 2 * cu - ou)
                box = (ou, cv - g.size / 2, end, cv + g.size / 2)
            glyphs.append(Glyph(g.char, box, ov, g.size, g.bold, g.superscript, g.text,
                                g.kind, (box[0] + box[2]) / 2))
        rules, vrules = _frame_rules(raw, frame, regions[key]) if not frame.diagonal else ([], [])
        x0, y0, x1, _ = regions[key]
        pages.append((y0, -x1, frame, RawPage(
            raw.index, frame.width, frame.height, tuple(glyphs), tuple(rules), 0,
            vrules=tuple(vrules))))
    pages.sort(key=lambda item: item[:2])
    return (replace(raw, glyphs=tuple(upright), turns=()),
            [(frame, page) for *_, frame, page in pages])


def _frame_rules(raw: RawPage, frame: Frame, region: Rect) -> tuple[list[Rule], list[VRule]]:
    """The page's drawn rules that reach the turned text's area, in its frame (a table
    turned a quarter: its row rules stand upright on the page)."""
    x0, y0, x1, y1 = region
    pad = 0.05 * max(raw.width, raw.height)
    segments = [(r.x0, r.y, r.x1, r.y) for r in raw.rules] + [
        (r.x, r.y0, r.x, r.y1) for r in raw.vrules]
    rules: list[Rule] = []
    vrules: list[VRule] = []
    for ax, ay, bx, by in segments:
        if max(ax, bx) < x0 - pad or min(ax, bx) > x1 + pad or (
                max(ay, by) < y0 - pad or min(ay, by) > y1 + pad):
            continue
        (au, av), (bu, bv) = frame.point(ax, ay), frame.point(bx, by)
        if abs(av - bv) <= abs(au - bu):
            rules.append(Rule(min(au, bu), max(au, bu), (av + bv) / 2))
        else:
            vrules.append(VRule((au + bu) / 2, min(av, bv), max(av, bv)))
    return rules, vrules


def blocks_on_page(blocks: list[Block], frame: Frame) -> list[Block]:
    """Blocks read in a frame, with every box back on the page."""
    return [Block(block.kind, [_line_on_page(line, frame) for line in block.lines],
                  frame.page_box(block.bbox)) for block in blocks]


def _line_on_page(line: Line, frame: Frame) -> Line:
    return replace(line, boxes=[None if box is None else frame.page_box(box)
                                for box in line.boxes], bbox=frame.page_box(line.bbox))
