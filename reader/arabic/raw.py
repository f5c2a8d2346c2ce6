"""The raw glyph layer of a page as plain data (filled by ``reader.pdf.glyphs``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from reader.arabic.chars import char_info

Rect = tuple[float, float, float, float]


@dataclass(slots=True)  # not frozen: frozen dataclasses are slow to build, a page has 2000
class Glyph:
    """One glyph as drawn, and what the repair needs to know about it, worked out once.

    The repair treats a page's glyphs as read-only (it runs more than once on a page): it
    copies a glyph before changing it, as when marks join their letter into a cluster.
    Build glyphs with ``glyph()``.
    """

    char: str  # as the PDF maps it; a ligature recovered from its font may be several
    box: Rect  # PDF points, top-left origin
    baseline: float  # y of the pen position
    size: float
    bold: bool
    superscript: bool
    text: str  # normalized (``normalize_char``): "" for invisible, " " for any space
    kind: str  # bidi class of the text
    centre: float  # of the box, across: the order along a line


def glyph(char: str, box: Rect, baseline: float, size: float, bold: bool = False,
          superscript: bool = False) -> Glyph:
    text, kind = char_info(char)
    return Glyph(char, box, baseline, size, bold, superscript, text, kind,
                 (box[0] + box[2]) / 2)


def zero_width(g: Glyph) -> bool:
    """A glyph MuPDF gave no width: a mark, a letter of a ligature glyph split apart, the
    text of an ``/ActualText`` cluster."""
    return g.box[2] - g.box[0] < 0.01


@dataclass(frozen=True, slots=True)
class Rule:
    """A thin horizontal line drawn on the page (table borders, footnote separators)."""

    x0: float
    x1: float
    y: float


@dataclass(frozen=True, slots=True)
class VRule:
    """A thin vertical line drawn on the page: a table's cell border, a column rule."""

    x: float
    y0: float
    y1: float


@dataclass(frozen=True, slots=True)
class RawPage:
    index: int
    width: float
    height: float
    glyphs: tuple[Glyph, ...]
    rules: tuple[Rule, ...]
    images: int  # how many images are drawn (a scanned page has one and no glyphs)
    recovered: int = 0  # glyphs whose broken Unicode mapping was repaired from the font
    unmapped: int = 0  # glyphs whose text could not be recovered (left out)
    visual_order: bool = False  # the content stream draws Arabic left to right
    vrules: tuple[VRule, ...] = ()  # vertical lines: cells they separate are not one text
    # A tagged PDF's structure: each line of text drawn inside a structure element, as
    # (x0, y0, x1, y1, n), n the element's place in the tree read depth first (the author's
    # reading order). Empty for untagged pages.
    regions: tuple[tuple[float, float, float, float, int], ...] = ()
    # Glyphs left out because nothing maps them, each with a code of its own (the font's
    # glyph number): (its place in ``glyphs``, its key (``unread_key``), the glyph with its
    # box), for OCR to name (``reader.ocr_glyphs``).
    unread: tuple[tuple[int, str, Glyph], ...] = ()
    # Glyphs of lines drawn turned (not along the page's x axis): (the glyph's box, its
    # line's direction dx, dy, its origin x, y), read in their own frame
    # (``reader.arabic.orientation``). Empty when every line is upright.
    turns: tuple[tuple[Rect, float, float, float, float], ...] = ()


class UnreadKey(NamedTuple):
    """What an unread glyph's key tells (``unread_key``)."""

    font: str  # its name and the objects it stands for: "name@12.34"
    gid: int | None  # its glyph number
    dots: str  # its dots (``reader.pdf.glyphs.glyph_dots``), "" if not read
    mark: str  # the harakah its outline draws, "" if none (``reader.pdf.shapes``)
    digits: str | None  # the digits it looks most like; None if its outline was not read

    @property
    def xrefs(self) -> list[int]:
        return [int(x) for x in self.font.rpartition("@")[2].split(".") if x.isdigit()]


def unread_key(font: str, xrefs: list[int], gid: int, dots: str, mark: str,
               digits: str) -> str:
    """The key of an unread glyph: the same glyph (font objects and glyph number) wherever
    it is drawn, with what its outline tells; a string (it travels between processes and
    keys the names OCR gives, ``UnreadKey`` reads it)."""
    return f"{font}@{'.'.join(map(str, xrefs))}\x00{gid}\x00{dots}\x00{mark}\x00{digits}"


def unread_fields(key: str) -> UnreadKey:
    parts = key.split("\x00")
    gid = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
    return UnreadKey(parts[0], gid, parts[2] if len(parts) > 2 else "",
                     parts[3] if len(parts) > 3 else "", parts[4] if len(parts) > 4 else None)
