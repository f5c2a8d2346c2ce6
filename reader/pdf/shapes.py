"""What a glyph no map names draws, from its outline alone: a harakah, or which digit.

A subset font that names none of its glyphs leaves the marks of a vowelled text and the
digits of a table unread, and OCR reads both poorly (harakat are small; some designs'
digits look like Latin letters to it). Their shapes are stable across Naskh, Kufi and
Persian-style designs: a slanted stroke above (fatha) or below (kasra), two of them
(tanween), a small curl with a hole (damma), a ring (sukun), a w (shadda); a digit's
strokes and holes. An outline is compared with the bundled font's: how many parts and
holes, above or below the baseline, its proportions and its ink on a coarse grid. Fonts
draw a mark where it sits over or under a letter, so its height tells above from below.

A mark is named from its shape alone (``mark_drawn``). A digit is not: alef looks like ١
and ه like ٥. ``digits_like`` gives the closest digits, for ``reader.ocr_glyphs`` to weigh
against the font's glyph order (fonts keep their ten digits together, in order).
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import NamedTuple

from reader.resources import fonts

# The marks told apart: harakat, tanween, shadda, sukun, dagger alef, maddah, hamzas.
MARKS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0653\u0654\u0655"
DIGITS = "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"
_GRID = 16  # cells a side of the ink's square
_ABOVE = 0.15  # of an em: a mark whose ink centre is higher sits above its letter
_MAX_POINTS = 4000  # points an outline may have to be read (a mark has a few dozen)
_MARGIN = 0.15  # a guess stands only this much closer than the nearest other mark
_FAR = 3.0  # and only this close to its own (else the outline is like none of them)

Contour = list[tuple[float, float]]


class Shape(NamedTuple):
    parts: int  # contours drawn one way (ink)
    holes: int  # contours drawn the other way inside them
    above: bool
    aspect: float  # log of width over height
    balance: float  # the smallest part's area over the largest's (two harakat, or one
    # with a shadda)
    cells: tuple[int, ...]  # a row's inked cells as bits, ``_GRID`` rows


def outline_shape(contours: list[Contour], em: float) -> Shape | None:
    """A mark-sized outline's shape; None for an empty or outsized one."""
    contours = [c for c in contours if len(c) >= 3]
    if not contours or sum(map(len, contours)) > _MAX_POINTS or em <= 0:
        return None
    areas = [signed_area(c) for c in contours]
    biggest = max(areas, key=abs)
    parts = sum(1 for a in areas if a * biggest > 0)
    xs = [x for c in contours for x, _ in c]
    ys = [y for c in contours for _, y in c]
    if not math.isfinite(sum(xs) + sum(ys)):  # (min and max pass NaN over)
        return None
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    width, height = max(x1 - x0, em * 1e-3), max(y1 - y0, em * 1e-3)
    inked = [abs(a) for a in areas if a * biggest > 0]
    return Shape(parts, len(contours) - parts, (y0 + y1) / 2 > _ABOVE * em,
                 math.log(width / height), min(inked) / max(inked),
                 _cells(contours, x0, y0, max(width, height)))


def mark_drawn(found: Shape) -> str:
    """The harakah ``found`` draws, or "" when two differ too little to tell."""
    scored = _scored(found, MARKS)
    if not scored:
        return ""
    best, text = scored[0]
    other = next((d for d, t in scored if t != text), math.inf)
    return text if best <= _FAR and other - best >= _MARGIN else ""


def digits_like(found: Shape) -> str:
    """The three digits ``found`` looks most like, closest first; "" if it looks like
    none."""
    ranked: list[str] = []
    for score, text in _scored(found, DIGITS):
        if score > _FAR:
            break
        if text not in ranked:
            ranked.append(text)
    return "".join(ranked[:3])


def _scored(found: Shape, among: str) -> list[tuple[float, str]]:
    return sorted((_distance(found, ref), text) for text, ref in _references()
                  if all(ch in among for ch in text))


def _distance(a: Shape, b: Shape) -> float:
    return (3.0 * (a.parts != b.parts) + 3.0 * ((a.holes > 0) != (b.holes > 0))
            + 5.0 * (a.above != b.above) + abs(a.aspect - b.aspect)
            + 2.0 * abs(a.balance - b.balance)
            + 2.0 * (1.0 - _overlap(a.cells, b.cells)))


def _overlap(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    both = sum((x & y).bit_count() for x, y in zip(a, b, strict=True))
    either = sum((x | y).bit_count() for x, y in zip(a, b, strict=True))
    return both / either if either else 0.0


def signed_area(contour: Contour) -> float:
    """Twice the signed area (shoelace): its sign is the contour's direction."""
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1)
               in zip(contour, contour[1:] + contour[:1], strict=True))


def _cells(contours: list[Contour], x0: float, y0: float, side: float) -> tuple[int, ...]:
    """The ink on a ``_GRID``-square grid over the outline's box (centred in a square):
    each row's crossings by the nonzero rule, sampled at cell centres."""
    left = x0 - (side - (max(x for c in contours for x, _ in c) - x0)) / 2
    bottom = y0 - (side - (max(y for c in contours for _, y in c) - y0)) / 2
    edges = [(ax, ay, bx, by) for c in contours
             for (ax, ay), (bx, by) in zip(c, c[1:] + c[:1], strict=True) if ay != by]
    rows = []
    for r in range(_GRID):
        y = bottom + (r + 0.5) * side / _GRID
        crossings = sorted((ax + (y - ay) * (bx - ax) / (by - ay), 1 if by > ay else -1)
                           for ax, ay, bx, by in edges if (ay <= y < by) or (by <= y < ay))
        row = winding = k = 0
        for col in range(_GRID):
            x = left + (col + 0.5) * side / _GRID
            while k < len(crossings) and crossings[k][0] < x:
                winding += crossings[k][1]
                k += 1
            if winding:
                row |= 1 << col
        rows.append(row)
    return tuple(rows)


def contours_of(glyph_set: object, name: str) -> list[Contour]:
    """A glyph's outline as closed polygons (curves flattened, composites decomposed)."""
    from fontTools.pens.basePen import BasePen

    class _Flat(BasePen):  # type: ignore[misc]
        def __init__(self) -> None:
            super().__init__(glyph_set)
            self.contours: list[Contour] = []
            self.current: Contour = []

        def _moveTo(  # noqa: N802 (fontTools' names)
                self, pt: tuple[float, float]) -> None:
            self.current = [pt]

        def _lineTo(  # noqa: N802 (fontTools' names)
                self, pt: tuple[float, float]) -> None:
            self.current.append(pt)

        def _curveToOne(  # noqa: N802 (fontTools' names)
                self, p1: tuple[float, float], p2: tuple[float, float],
                p3: tuple[float, float]) -> None:
            (ax, ay) = self.current[-1]
            for i in (1, 2, 3, 4):
                t = i / 4
                u = 1 - t
                self.current.append((u ** 3 * ax + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0]
                                     + t ** 3 * p3[0],
                                     u ** 3 * ay + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1]
                                     + t ** 3 * p3[1]))

        def _qCurveToOne(  # noqa: N802 (fontTools' names)
                self, p1: tuple[float, float], p2: tuple[float, float]) -> None:
            (ax, ay) = self.current[-1]
            for i in (1, 2, 3):
                t = i / 3
                u = 1 - t
                self.current.append((u * u * ax + 2 * u * t * p1[0] + t * t * p2[0],
                                     u * u * ay + 2 * u * t * p1[1] + t * t * p2[1]))

        def _closePath(  # noqa: N802 (fontTools' names)
                self) -> None:
            if len(self.current) >= 3:
                self.contours.append(self.current)
            self.current = []

        _endPath = _closePath  # noqa: N815

    pen = _Flat()
    glyph_set[name].draw(pen)  # type: ignore[index]
    return pen.contours


@lru_cache(maxsize=1)
def _references() -> tuple[tuple[str, Shape], ...]:
    """The marks, marks drawn as one glyph (shadda with a harakah, hamza with one) and
    digits of the bundled fonts, each as a shape."""
    from fontTools.ttLib import TTFont

    out = []
    for path in fonts():
        try:
            font = TTFont(str(path), lazy=True)
            cmap = font.getBestCmap() or {}
            glyph_set = font.getGlyphSet()
            em = float(font["head"].unitsPerEm)
            drawn = {name: chr(code) for code, name in cmap.items()
                     if chr(code) in MARKS + DIGITS}
            drawn.update(_mark_ligatures(font, drawn))
        except Exception:  # a damaged install: no references, no guesses
            continue
        for name, text in sorted(drawn.items(), key=lambda item: item[1]):
            if found := outline_shape(contours_of(glyph_set, name), em):
                out.append((text, found))
    return tuple(out)


def _mark_ligatures(font: object, marks: dict[str, str]) -> dict[str, str]:
    """The font's glyphs that draw two or more of ``marks`` at once (GSUB ligatures),
    with their text in canonical order (shadda after a harakah)."""
    import unicodedata

    found: dict[str, str] = {}
    if "GSUB" not in font:  # type: ignore[operator]
        return found
    table = font["GSUB"].table  # type: ignore[index]
    for lookup in table.LookupList.Lookup if table.LookupList else ():
        for sub in lookup.SubTable:
            sub = getattr(sub, "ExtSubTable", sub)  # (an extension's own subtable)
            for first, ligatures in (getattr(sub, "ligatures", None) or {}).items():
                for ligature in ligatures:
                    parts = [first, *ligature.Component]
                    if all(part in marks for part in parts) and all(
                            marks[part] in MARKS for part in parts):
                        text = "".join(marks[part] for part in parts)
                        found.setdefault(ligature.LigGlyph,
                                         unicodedata.normalize("NFC", text))
    return found
