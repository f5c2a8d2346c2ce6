"""Text drawn turned: each direction read upright in its own frame (``orientation``), on
hand-made glyphs and on PDFs drawn here with the bundled font, turned a quarter, a half,
three quarters, and at an angle (a watermark)."""

from __future__ import annotations

import pymupdf
import pytest

from reader.arabic.model import RUNNING
from reader.arabic.orientation import Frame, upright_pages
from reader.arabic.raw import RawPage, glyph
from reader.arabic.repair import repair_page, repeated_lines
from reader.pdf.glyphs import raw_page
from reader.resources import fonts

WIDTH, HEIGHT = 595.0, 842.0
INTRO = "يعرض الجدول التالي أعداد الأسر في القرى الثلاث كما جمعها الفريق."
TURNED = ("وضع هذا الجدول بالعرض لأنه أوسع من الصفحة، كما يفعل كثير من معدي التقارير "
          "بالجداول العريضة.")
ROWS = [("القرية", "عدد الأسر", "مصدر المياه"), ("العين", "١٢٠", "بئر قديمة"),
        ("الوادي", "٨٥", "خزان جديد")]
AFTER = "وبعد الجدول تعود الفقرات إلى وضعها المعتاد على الصفحة."


@pytest.mark.parametrize("turn", [(0.0, -1.0), (0.0, 1.0), (-1.0, 0.0), (0.77, -0.64)])
def test_a_frame_turns_the_page_and_back(turn):
    frame = Frame.of(*turn, WIDTH, HEIGHT)
    corners = [frame.point(x, y) for x, y in ((0, 0), (WIDTH, HEIGHT), (WIDTH, 0), (0, HEIGHT))]
    assert all(-1e-6 <= u <= frame.width + 1e-6 and -1e-6 <= v <= frame.height + 1e-6
               for u, v in corners)
    box = (100.0, 200.0, 140.0, 215.0)
    back = frame.page_box(frame.box(box))
    if not frame.diagonal:
        assert back == pytest.approx(box)
    assert frame.diagonal == (turn == (0.77, -0.64))
    # The direction itself runs along the frame's x.
    (u0, v0), (u1, v1) = frame.point(0, 0), frame.point(turn[0], turn[1])
    assert u1 - u0 == pytest.approx(1.0, abs=1e-2) and v1 - v0 == pytest.approx(0.0, abs=1e-2)


def test_upright_pages_part_glyphs_by_their_lines_direction():
    upright = [glyph("ب", (300 - 6 * i, 90, 306 - 6 * i, 103), 100, 12) for i in range(3)]
    # A line turned a quarter (read bottom to top): its glyphs stand one above the other.
    turned = [glyph("ت", (90, 500 - 6 * (i + 1), 103, 500 - 6 * i), 12, 12) for i in range(3)]
    turns = tuple((g.box, 0.0, -1.0, 100.0, g.box[3]) for g in turned)
    raw = RawPage(0, WIDTH, HEIGHT, tuple(upright + turned), (), 0, turns=turns)
    page, frames = upright_pages(raw)
    assert list(page.glyphs) == upright and not page.turns
    [(frame, part)] = frames
    assert (frame.width, frame.height) == pytest.approx((HEIGHT, WIDTH))
    # Upright in the frame: one baseline, laid along x in the order they were drawn.
    assert len({g.baseline for g in part.glyphs}) == 1
    centres = [g.centre for g in part.glyphs]
    assert centres == sorted(centres)
    assert all(g.box[2] - g.box[0] == pytest.approx(6.0) for g in part.glyphs)


def test_a_glyph_with_no_direction_is_read_upright():
    g = glyph("ب", (300, 90, 306, 103), 100, 12)
    raw = RawPage(0, WIDTH, HEIGHT, (g,), (), 0,
                  turns=((g.box, float("nan"), 0.0, 300.0, 100.0),))
    page, frames = upright_pages(raw)
    assert list(page.glyphs) == [g] and frames == []


def _css() -> str:
    font = next(path for path in fonts() if path.name.endswith("-Regular.ttf"))
    return (f"@font-face {{font-family: Q; src: url({font});}} "
            "* {font-family: Q; font-size: 13pt;} td {border: 1px solid black; padding: 2px;}")


def _turned_html() -> str:
    cells = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in ROWS)
    return (f"<div dir='rtl'><p>{TURNED}</p>"
            f"<table dir='rtl' style='border-collapse: collapse'>{cells}</table></div>")


def _pdf(turn: int, path) -> pymupdf.Document:
    """A page with a paragraph, a table turned by ``turn`` degrees, and a paragraph."""
    doc = pymupdf.open()
    page = doc.new_page(width=WIDTH, height=HEIGHT)
    css = _css()
    page.insert_htmlbox(pymupdf.Rect(60, 60, 535, 130), f"<p dir='rtl'>{INTRO}</p>", css=css)
    page.insert_htmlbox(pymupdf.Rect(100, 150, 495, 700), _turned_html(), css=css,
                        rotate=turn)
    page.insert_htmlbox(pymupdf.Rect(60, 720, 535, 790), f"<p dir='rtl'>{AFTER}</p>", css=css)
    doc.save(path)
    return pymupdf.open(path)


@pytest.mark.parametrize("turn", [90, 180, 270])
def test_a_table_turned_on_the_page_reads_as_upright_between_the_paragraphs(turn, tmp_path):
    doc = _pdf(turn, tmp_path / f"turned-{turn}.pdf")
    text = repair_page(raw_page(doc[0])).text
    rows = [" ".join(reversed(row)) for row in ROWS]  # cells as drawn, right to left
    assert text.splitlines() == [INTRO, TURNED, *rows, AFTER], text
    upright = repair_page(raw_page(_pdf(0, tmp_path / "upright.pdf")[0])).text
    assert text == upright


def test_turned_text_keeps_its_boxes_on_the_page(tmp_path):
    doc = _pdf(90, tmp_path / "turned.pdf")
    page = repair_page(raw_page(doc[0]))
    [turned] = [b for b in page.body if b.text.startswith(TURNED[:10])]
    boxes = [box for box in turned.boxes() if box is not None]
    assert len(boxes) >= len(TURNED.replace(" ", "")) - 3
    # Inside the turned box's area, each glyph's box as the page shows it: the line runs
    # down the page, so a glyph's advance is its height and the line's height its width.
    assert all(b[0] >= 95 and b[2] <= 500 and b[1] >= 145 and b[3] <= 705 for b in boxes)
    wide = sum(b[2] - b[0] > b[3] - b[1] for b in boxes)
    assert wide > 0.9 * len(boxes)
    assert len({round(b[0]) for b in boxes}) <= 3  # one line: one x (a mark aside)


def test_a_watermark_at_an_angle_is_set_aside_and_splits_no_word(tmp_path):
    source = pymupdf.open()
    stamp = source.new_page(width=300, height=80)
    stamp.insert_htmlbox(stamp.rect, "<p dir='rtl' style='font-size: 40pt'>مسودة سرية</p>",
                         css=_css())
    doc = pymupdf.open()
    page = doc.new_page(width=WIDTH, height=HEIGHT)
    css = _css()
    body = f"<p dir='rtl'>{INTRO}</p><p dir='rtl'>{TURNED}</p><p dir='rtl'>{AFTER}</p>"
    page.insert_htmlbox(pymupdf.Rect(60, 60, 535, 400), body, css=css)
    page.show_pdf_page(pymupdf.Rect(100, 50, 500, 450), source, 0, rotate=40)
    path = tmp_path / "stamped.pdf"
    doc.save(path)
    read = repair_page(raw_page(pymupdf.open(path)[0]))
    assert read.text.splitlines() == [INTRO, TURNED, AFTER]
    assert [b.text for b in read.running] == ["مسودة سرية"]
    assert all(b.kind == RUNNING for b in read.running)


def test_running_lines_of_turned_pages_are_found_in_their_frame(tmp_path):
    doc = pymupdf.open()
    css = _css()
    for number in ("١", "٢", "٣"):
        page = doc.new_page(width=WIDTH, height=HEIGHT)
        html = (f"<p dir='rtl'>تقرير المياه والقرى</p><p dir='rtl'>{TURNED}</p>"
                f"<p dir='rtl' style='margin-top: 200pt'>{AFTER} {number}</p>")
        page.insert_htmlbox(pymupdf.Rect(20, 20, 575, 822), html, css=css, rotate=90)
    doc.save(tmp_path / "landscape.pdf")
    doc = pymupdf.open(tmp_path / "landscape.pdf")
    raws = [raw_page(p) for p in doc]
    running = repeated_lines(raws)
    assert running  # the heading repeats at the top of each turned page
    pages = [repair_page(raw, running) for raw in raws]
    assert all(p.text.splitlines()[0] == TURNED for p in pages), pages[0].text
    assert all(any("تقرير المياه" in b.text for b in p.running) for p in pages)
