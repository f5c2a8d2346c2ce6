"""The raw glyph layer of a page as plain data (filled by ``reader.pdf.glyphs``)."""

from __future__ import annotations

from dataclasses import dataclass

Rect = tuple[float, float, float, float]


@dataclass(slots=True)  # not frozen: frozen dataclasses are slow to build, a page has 2000
class Glyph:
    char: str  # usually one character; a ligature recovered from its font may be several
    box: Rect  # PDF points, top-left origin
    origin: tuple[float, float]  # pen position on the baseline
    size: float
    font: str
    bold: bool
    superscript: bool
    block: int  # MuPDF's block number: a layout hint, not an order
    line: int


@dataclass(frozen=True, slots=True)
class Rule:
    """A thin horizontal line drawn on the page (table borders, footnote separators)."""

    x0: float
    x1: float
    y: float


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
