"""A glyph named from its outline alone: the marks of another font than the bundled one
are told apart, an outline like no mark is left unnamed, digits are ranked."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.pdf import shapes

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def _marks_of(path: Path) -> dict[str, str]:
    from fontTools.ttLib import TTFont

    font = TTFont(path)
    cmap, glyph_set = font.getBestCmap(), font.getGlyphSet()
    em = float(font["head"].unitsPerEm)
    out = {}
    for mark in "\u064b\u064d\u064e\u064f\u0650\u0651\u0652\u0670":
        found = shapes.outline_shape(shapes.contours_of(glyph_set, cmap[ord(mark)]), em)
        assert found is not None
        out[mark] = shapes.mark_drawn(found)
    return out


def test_the_marks_of_another_design_are_told_apart():
    """DejaVu Sans (qari.sh installs it) draws its harakat unlike the bundled Noto Naskh."""
    if not DEJAVU.is_file():
        pytest.skip("DejaVu Sans is not installed (qari.sh installs it)")
    seen = _marks_of(DEJAVU)
    assert seen == {mark: mark for mark in seen}


def test_above_and_below_tell_fatha_from_kasra():
    stroke = [(0.0, 0.0), (300.0, 120.0), (300.0, 180.0), (0.0, 60.0)]
    above = shapes.outline_shape([[(x, y + 700) for x, y in stroke]], 1000)
    below = shapes.outline_shape([[(x, y - 350) for x, y in stroke]], 1000)
    assert above is not None and below is not None
    assert (shapes.mark_drawn(above), shapes.mark_drawn(below)) == ("\u064e", "\u0650")


def test_an_outline_like_no_mark_is_not_named():
    # Three separate squares in a row above the baseline: no harakah has such parts.
    squares = [[(x, 600.0), (x + 80, 600.0), (x + 80, 680.0), (x, 680.0)] for x in (0, 200, 400)]
    found = shapes.outline_shape(squares, 1000)
    assert found is not None and shapes.mark_drawn(found) == ""
    assert shapes.outline_shape([], 1000) is None
    assert shapes.outline_shape([[(0.0, 0.0), (float("nan"), 1.0), (1.0, 1.0)]], 1000) is None


def test_a_digits_outline_ranks_its_digit_first():
    if not DEJAVU.is_file():
        pytest.skip("DejaVu Sans is not installed (qari.sh installs it)")
    from fontTools.ttLib import TTFont

    font = TTFont(DEJAVU)
    cmap, glyph_set = font.getBestCmap(), font.getGlyphSet()
    em = float(font["head"].unitsPerEm)
    ranked = {}
    for digit in shapes.DIGITS:
        found = shapes.outline_shape(shapes.contours_of(glyph_set, cmap[ord(digit)]), em)
        assert found is not None
        ranked[digit] = shapes.digits_like(found)
    # Each digit among its closest three; most first.
    assert all(digit in ranked[digit] for digit in shapes.DIGITS)
    assert sum(ranked[digit][:1] == digit for digit in shapes.DIGITS) >= 8
