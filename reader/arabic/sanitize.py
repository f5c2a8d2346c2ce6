"""Glyphs with a finite, plausible place: the door every page goes through.

Hostile or broken PDFs give NaN, infinite or astronomically large coordinates; every later
stage sorts and measures by coordinates, so such glyphs are left out here (and counted).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from reader.arabic.raw import Glyph, RawPage

# Coordinates beyond this many points from the page are no drawing a reader can see:
# glyphs there (and glyphs with NaN or infinite geometry) are left out (``sane_glyphs``).
FAR = 1e5


def _finite(g: Glyph, lo: float, hi: float) -> bool:
    x0, y0, x1, y1 = g.box
    # Comparisons with NaN are false, so NaN fails every bound.
    return (lo <= x0 <= hi and lo <= x1 <= hi and lo <= y0 <= hi and lo <= y1 <= hi
            and lo <= g.baseline <= hi and 0 <= g.size <= FAR)


def _all_finite(glyphs: Sequence[Glyph], lo: float, hi: float) -> bool:
    """``_finite`` for every glyph, in a few passes of built-ins over one flat list of the
    coordinates (every page asks; per-glyph calls cost more than the check): a NaN or an
    infinity anywhere makes the sum so; a sum that overflows only sends the page to the
    glyph-by-glyph check."""
    if not glyphs:
        return True
    places = [v for g in glyphs for v in g.box]
    places += [g.baseline for g in glyphs]
    sizes = [g.size for g in glyphs]
    if not math.isfinite(sum(places, 0.0) + sum(sizes, 0.0)):
        return False
    return lo <= min(places) and max(places) <= hi and min(sizes) >= 0 and max(sizes) <= FAR


def sane_glyphs(raw: RawPage) -> tuple[Sequence[Glyph], int]:
    """The page's glyphs that have a finite, plausible place, and how many had none.

    Hostile or broken PDFs give NaN, infinite or astronomically large coordinates; every
    later stage sorts and measures by coordinates, so such glyphs go at the door.
    """
    span = max(raw.width, raw.height) if math.isfinite(max(raw.width, raw.height)) else 0.0
    lo, hi = -FAR - span, FAR + span
    glyphs = raw.glyphs
    if _all_finite(glyphs, lo, hi):
        return glyphs, 0
    kept = [g for g in glyphs if _finite(g, lo, hi)]
    return kept, len(glyphs) - len(kept)
