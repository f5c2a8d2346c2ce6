"""The repair engine ends on any glyph page, however broken its geometry.

Every loop of the engine must turn a number of times bounded by the number of glyphs, not
by coordinate values: these pages have spaces first, overlaps, zero-size boxes, NaN,
infinities and astronomically large numbers.
"""

from __future__ import annotations

import math
import subprocess
import sys
import textwrap

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.arabic.raw import RawPage, glyph
from reader.arabic.repair import repair_page, repeated_lines

CHARS = [*"ابتلمنهوي ", " ", " ", "1", "A", ".", "(", "\u064e", "\u0640", "\ufffd"]
WILD = [math.nan, math.inf, -math.inf, 1e30, -1e30, 1e12]
coordinate = st.one_of(st.floats(-50, 700), st.sampled_from(WILD))
size = st.one_of(st.floats(0, 40), st.sampled_from([0.0, math.nan, math.inf, 1e30]))


@st.composite
def glyph_pages(draw: st.DrawFn) -> RawPage:
    glyphs = []
    wild = draw(st.booleans())
    for _ in range(draw(st.integers(0, 120))):
        x = draw(coordinate if wild else st.floats(-50, 700))
        y = draw(coordinate if wild else st.floats(-50, 900))
        w = draw(st.floats(0, 30))  # zero: degenerate boxes
        s = draw(size if wild else st.floats(0, 40))
        glyphs.append(glyph(draw(st.sampled_from(CHARS)), (x, y - s, x + w, y + 2), y, s,
                            bold=draw(st.booleans())))
    if draw(st.booleans()):  # rows that start with space glyphs (the old endless loop)
        glyphs = [glyph(" ", (g.box[0] - 40, g.box[1], g.box[0] - 37, g.box[3]), g.baseline,
                        g.size) for g in glyphs[:5]] + glyphs
    # Some glyphs' lines drawn turned, any way: a quarter, at an angle, no direction at all.
    turned = draw(st.lists(st.sampled_from(glyphs), max_size=len(glyphs))) if glyphs and draw(
        st.booleans()) else []
    direction = draw(st.sampled_from(TURNS))
    turns = tuple((g.box, *direction, g.box[0], g.baseline) for g in turned)
    return RawPage(0, 595, 842, tuple(glyphs), (), 0, turns=turns)


TURNS = [(0.0, -1.0), (0.0, 1.0), (-1.0, 0.0), (0.77, -0.64), (math.nan, 0.0), (0.0, 0.0),
         (math.inf, 1.0), (1e30, -1e30)]


def check_invariants(raw: RawPage) -> None:
    page = repair_page(raw)
    if raw.turns:  # boxes turned back to the page: the same, but for rounding
        for block in page.body + page.notes + page.running:
            for line in block.lines:
                assert len(line.text) == len(line.boxes)
        assert len(page.char_boxes()) == len(page.text)
        return
    known = {g.box for g in raw.glyphs}
    # A letter may take in the kashida drawn after it: its box then spans both glyphs.
    lefts, rights = {g.box[0] for g in raw.glyphs}, {g.box[2] for g in raw.glyphs}
    for block in page.body + page.notes + page.running:
        for line in block.lines:
            assert len(line.text) == len(line.boxes)
            assert all(box is None or box in known or (box[0] in lefts and box[2] in rights)
                       for box in line.boxes)
    boxes = page.char_boxes()
    assert len(boxes) == len(page.text)
    assert page.quality.glyphs >= 0 and page.quality.unmapped <= page.quality.glyphs


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(glyph_pages())
def test_any_glyph_page_completes_with_the_invariants(raw: RawPage) -> None:
    check_invariants(raw)
    repeated_lines([raw, raw, raw])


def test_hostile_geometry_is_left_out_and_counted() -> None:
    good = [glyph(ch, (500 - 6 * i, 90, 506 - 6 * i, 103), 100, 12) for i, ch in
            enumerate("سلام")]
    bad = [glyph("ب", (math.nan, 90, 6, 103), 100, 12),
           glyph("ت", (1e30, 90, 1e30 + 6, 103), 100, 12),
           glyph("ث", (10, 90, 16, 103), math.inf, 12)]
    page = repair_page(RawPage(0, 595, 842, tuple(good + bad), (), 0))
    assert page.text == "سلام"
    assert page.quality.unmapped == 3


def test_a_hundred_thousand_glyphs_on_a_page() -> None:
    glyphs = tuple(glyph("ب" if i % 7 else " ", (20 + (i % 100) * 5, 20 + (i // 100) * 0.8,
                                                 25 + (i % 100) * 5, 30 + (i // 100) * 0.8),
                         30 + (i // 100) * 0.8, 10) for i in range(100_000))
    check_invariants(RawPage(0, 595, 842, glyphs, (), 0))


def test_a_row_starting_with_spaces_ends() -> None:
    """The endless loop of issue 11: spaces first in a row with a wide gap. Run in a child
    so that the old code fails the test instead of hanging it."""
    code = textwrap.dedent("""
        from reader.arabic.raw import RawPage, glyph
        from reader.arabic.repair import repair_page
        g = [glyph(" ", (10, 90, 13, 103), 100, 12), glyph(" ", (14, 90, 17, 103), 100, 12)]
        g += [glyph(c, (300 - 6 * i, 90, 306 - 6 * i, 103), 100, 12)
              for i, c in enumerate("كلمة")]
        g += [glyph(c, (100 - 6 * i, 90, 106 - 6 * i, 103), 100, 12)
              for i, c in enumerate("اخرى")]
        for row in (1, 2):  # neighbours, so the gutter test samples the gap
            g += [glyph("ن", (20 + 6 * i, 90 + 20 * row, 26 + 6 * i, 103 + 20 * row),
                        100 + 20 * row, 12) for i in range(50)]
        print(repair_page(RawPage(0, 595, 842, tuple(g), (), 0)).text)
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert "كلمة" in done.stdout or "ةملك" in done.stdout


def test_a_hundred_thousand_marks_in_a_row_end() -> None:
    """Each mark looks for its letter past the marks beside it: a page of nothing but marks
    (100,000 after one letter) once made that look quadratic, hours of it. Run in a child
    so that such code fails the test instead of hanging it."""
    code = textwrap.dedent("""
        from reader.arabic.raw import RawPage, glyph
        from reader.arabic.repair import repair_page
        g = [glyph("ب", (300, 90, 306, 103), 100, 12)]
        g += [glyph("\\u064e", (300 + i * 1e-4, 90, 300 + i * 1e-4, 103), 100, 12)
              for i in range(100_000)]
        g += [glyph("ت", (294, 90, 300, 103), 100, 12)]
        print(len(repair_page(RawPage(0, 595, 842, tuple(g), (), 0)).text))
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) >= 2
