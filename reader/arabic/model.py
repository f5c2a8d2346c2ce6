"""The page model: plain data that the repair engine produces and every feature reads.

Text is in logical order; ``boxes[i]`` is the PDF box (points, top-left origin) of the glyph
that produced ``text[i]``, or None for a character the engine inserted (a space between
words, the line break between lines).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

Rect = tuple[float, float, float, float]

PARAGRAPH = "paragraph"
HEADING = "heading"
LIST_ITEM = "list_item"
TABLE_ROW = "table_row"
FOOTNOTE = "footnote"
RUNNING = "running"  # header, footer, page number: kept for the record, never shown

# A leader: five or more dots (or rules, or ellipses) in a row, side by side or a space
# apart, drawn to fill a line between words (a table of contents' entry and its page
# number, a form's blank).
LEADER = re.compile(r"\.(?: ?\.){4,}|_{5,}|…(?: ?…){2,}|·(?: ?·){4,}")


@dataclass
class Line:
    text: str
    boxes: list[Rect | None]
    bbox: Rect
    size: float
    bold: bool = False
    rtl: bool = True
    cells: list[str] = field(default_factory=list)  # the text of each segment (table cells)
    # A gap inside it far wider than a word gap, left uncut (a verse's halves apart where
    # the lines around do not leave the gap empty): no line of running prose.
    caesura: bool = False


@dataclass
class Block:
    kind: str
    lines: list[Line]
    bbox: Rect

    @property
    def text(self) -> str:
        lines = self.lines
        return "".join(line.text if not i else _joint(lines[i - 1].text, line.text) + line.text
                       for i, line in enumerate(lines))

    def boxes(self) -> list[Rect | None]:
        out: list[Rect | None] = []
        for i, line in enumerate(self.lines):
            if i and _joint(self.lines[i - 1].text, line.text):
                out.append(None)
            out.extend(line.boxes)
        return out


# A line that ends with an opening bracket or quote, or one that begins with a closing one,
# was broken inside them (LibreOffice breaks [٤] after its bracket): no word space there.
_OPENING = frozenset("([{«“‘⟨〈﴿")  # (﴿ opens in a right-to-left text)
_CLOSING = frozenset(")]}»”’⟩〉﴾")


def _joint(before: str, after: str) -> str:
    """What joins two lines of a block: a space, or nothing inside brackets."""
    return "" if before[-1:] in _OPENING or after[:1] in _CLOSING else " "


@dataclass(frozen=True)
class BlockSpan:
    """Where a block lies in the page text, and for a table row each cell's range: the
    page's structure without its glyphs (kept for every page read; exports use it)."""

    kind: str
    start: int
    end: int
    cells: tuple[tuple[int, int], ...] = ()


# Of a page's glyphs, unmapped: more and its text layer is not read alone (OCR reads it).
UNMAPPED_SHARE = 0.2


@dataclass
class Quality:
    glyphs: int = 0
    recovered: int = 0  # characters whose Unicode mapping was repaired
    unmapped: int = 0  # glyphs whose text could not be recovered
    visual_order: bool = False  # the text layer stored lines left to right
    no_text_layer: bool = False  # nothing to extract: a scan, or only images
    ocr: bool = False  # the text was read from the page image (OCR), not its text layer
    unread: int = 0  # letters' glyphs nothing maps, which OCR can name (``RawPage.unread``)

    @property
    def unusable(self) -> bool:
        """Should OCR read this page? (Not again once it has.) Also when its text layer
        leaves letters unread: OCR names them, and the page keeps its text layer."""
        return not self.ocr and (self.no_text_layer or self.unread > 0 or (
            self.glyphs > 0 and self.unmapped / self.glyphs > UNMAPPED_SHARE))


@dataclass
class PageText:
    page: int
    width: float
    height: float
    body: list[Block] = field(default_factory=list)
    notes: list[Block] = field(default_factory=list)
    running: list[Block] = field(default_factory=list)
    quality: Quality = field(default_factory=Quality)

    def blocks(self) -> list[Block]:
        """Body then notes: what a reader sees, in reading order."""
        return self.body + self.notes

    @property
    def text(self) -> str:
        return "\n".join(block.text for block in self.blocks())

    def spans(self) -> tuple[BlockSpan, ...]:
        """Each block's range in ``text`` (body then notes), with table cells."""
        out: list[BlockSpan] = []
        offset = 0
        for block in self.blocks():
            text = block.text
            cells: list[tuple[int, int]] = []
            if block.kind == TABLE_ROW:
                at = 0
                for cell in (c for line in block.lines for c in line.cells):
                    found = text.find(cell, at) if cell else -1
                    if found < 0:  # a cell not in the text as joined: no cells, one text
                        cells = []
                        break
                    cells.append((offset + found, offset + found + len(cell)))
                    at = found + len(cell)
            out.append(BlockSpan(block.kind, offset, offset + len(text), tuple(cells)))
            offset += len(text) + 1
        return tuple(out)

    def char_boxes(self) -> list[Rect | None]:
        out: list[Rect | None] = []
        for i, block in enumerate(self.blocks()):
            if i:
                out.append(None)
            out.extend(block.boxes())
        return out

    def rects_for(self, start: int, end: int) -> list[Rect]:
        """Page rectangles covering ``text[start:end]``: one per line touched (highlights)."""
        boxes = self.char_boxes()
        rects: list[Rect] = []
        current: list[Rect] = []
        for box in boxes[max(0, start):max(0, end)]:
            if box is not None and current and abs(box[1] - current[-1][1]) > 0.5 * (
                    current[-1][3] - current[-1][1]):
                rects.append(_union(current))
                current = []
            if box is not None:
                current.append(box)
        if current:
            rects.append(_union(current))
        return rects

    def offset_at(self, x: float, y: float) -> int | None:
        """The text offset of the character at page point (x, y), or the nearest one on
        the same line; None when nothing is near (click-to-sync)."""
        best: tuple[float, int] | None = None
        for index, box in enumerate(self.char_boxes()):
            if box is None:
                continue
            x0, y0, x1, y1 = box
            if y0 <= y <= y1:
                distance = 0.0 if x0 <= x <= x1 else min(abs(x - x0), abs(x - x1))
            else:
                distance = 1000.0 + min(abs(y - y0), abs(y - y1))
            if best is None or distance < best[0]:
                best = (distance, index)
        if best is None or best[0] >= 1000.0 + 20:
            return None
        return best[1]


def _union(boxes: list[Rect]) -> Rect:
    return (min(b[0] for b in boxes), min(b[1] for b in boxes),
            max(b[2] for b in boxes), max(b[3] for b in boxes))
