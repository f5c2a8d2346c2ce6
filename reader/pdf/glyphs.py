"""The raw glyph layer of a page: every character MuPDF reports, with its box, as plain data.

Order is whatever the content stream had: the repair engine (``reader.arabic``) rebuilds
reading order from geometry, so nothing here trusts it.
"""

from __future__ import annotations

import pymupdf

from reader.arabic.raw import Glyph, RawPage, Rule

# Keep ligatures and whitespace as drawn, never let MuPDF re-order or dehyphenate.
_FLAGS = (pymupdf.TEXT_PRESERVE_LIGATURES | pymupdf.TEXT_PRESERVE_WHITESPACE
          | pymupdf.TEXT_MEDIABOX_CLIP)
_SUPERSCRIPT = 1  # MuPDF span flag bit
_BOLD = 16

__all__ = ["Glyph", "RawPage", "Rule", "raw_page"]


def raw_page(page: pymupdf.Page) -> RawPage:
    data = page.get_text("rawdict", flags=_FLAGS)
    glyphs: list[Glyph] = []
    images = 0
    for block_no, block in enumerate(data["blocks"]):
        if block.get("type") != 0:
            images += 1
            continue
        for line_no, line in enumerate(block["lines"]):
            for span in line["spans"]:
                flags = int(span["flags"])
                size = float(span["size"])
                font = str(span["font"])
                for ch in span["chars"]:
                    x0, y0, x1, y1 = ch["bbox"]
                    glyphs.append(Glyph(ch["c"], (x0, y0, x1, y1),
                                        (ch["origin"][0], ch["origin"][1]), size, font,
                                        bool(flags & _BOLD) or "bold" in font.lower(),
                                        bool(flags & _SUPERSCRIPT), block_no, line_no))
    return RawPage(page.number, float(page.rect.width), float(page.rect.height),
                   tuple(glyphs), tuple(_rules(page)), images)


def _rules(page: pymupdf.Page) -> list[Rule]:
    rules: list[Rule] = []
    try:
        drawings = page.get_drawings()
    except Exception:  # a malformed drawing must not cost the page its text
        return rules
    for path in drawings:
        for item in path.get("items", ()):
            kind = item[0]
            if kind == "l":
                p1, p2 = item[1], item[2]
                if abs(p1.y - p2.y) < 1.0 and abs(p1.x - p2.x) > 5:
                    rules.append(Rule(min(p1.x, p2.x), max(p1.x, p2.x), (p1.y + p2.y) / 2))
            elif kind == "re":
                rect = item[1]
                if rect.height < 2.0 and rect.width > 5:
                    rules.append(Rule(rect.x0, rect.x1, (rect.y0 + rect.y1) / 2))
    return rules
