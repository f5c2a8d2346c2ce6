"""Small PDFs made by the tests: each exercises one repair."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pymupdf
from arabic_reshaper import ArabicReshaper, reshape
from bidi import get_display

from reader.resources import fonts

FONT = str(next(p for p in fonts() if p.name == "NotoNaskhArabic-Regular.ttf"))
# Arabic and Latin in one font, as the legacy pipeline needs (Debian's fonts-dejavu-core).
DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
CSS = ("@font-face { font-family: naskh; src: url(NotoNaskhArabic-Regular.ttf); }"
       "* { font-family: naskh; } body { direction: rtl; font-size: 12pt; }")


def legacy_visual_pdf(path: Path, lines: list[str]) -> Path:
    """The legacy pipeline: reshaped presentation forms in visual (left-to-right) order."""
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_font(fontname="dejavu", fontfile=DEJAVU)
    y = 80
    for line in lines:
        visual = get_display(reshape(line))
        width = pymupdf.Font(fontfile=DEJAVU).text_length(visual, fontsize=12)
        page.insert_text((540 - width, y), visual, fontname="dejavu", fontsize=12)
        y += 24
    doc.save(path)
    return path


def gaps_only_pdf(path: Path, lines: list[str], gap_em: float = 0.22,
                  english: str = "An English line with ordinary spaces in it.") -> Path:
    """Arabic lines whose words are drawn one by one with a gap and no space glyph (as
    LuaLaTeX writes them), under an English line that has space glyphs."""
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_font(fontname="dejavu", fontfile=DEJAVU)
    font = pymupdf.Font(fontfile=DEJAVU)
    page.insert_text((72, 80), english, fontname="dejavu", fontsize=12)
    y = 104
    for line in lines:
        x = 540.0
        for word in line.split():
            shaped = get_display(reshape(word))
            x -= font.text_length(shaped, fontsize=12)
            page.insert_text((x, y), shaped, fontname="dejavu", fontsize=12)
            x -= gap_em * 12
        y += 24
    doc.save(path)
    return path


def boxes_pdf(path: Path, boxes: list[tuple[tuple[float, float, float, float], str]],
              frames: list[tuple[float, float, float, float]] = ()) -> Path:
    """One page of text boxes (HarfBuzz-shaped by MuPDF's HTML engine) at given places,
    and rectangles drawn as frames: columns, sidebars, callouts."""
    archive = pymupdf.Archive(str(Path(FONT).parent))
    doc = pymupdf.open()
    page = doc.new_page()
    for frame in frames:
        page.draw_rect(pymupdf.Rect(frame), color=(0, 0, 0), width=0.8)
    for rect, html in boxes:
        page.insert_htmlbox(pymupdf.Rect(rect), html, css=CSS.replace("12pt", "11pt"),
                            archive=archive)
    doc.save(path)
    return path


def shaped_pdf(path: Path, pages_html: list[str], subset: bool = True) -> Path:
    """HarfBuzz-shaped text laid out by MuPDF's HTML engine (logical order, ligatures)."""
    archive = pymupdf.Archive(str(Path(FONT).parent))
    doc = pymupdf.open()
    for html in pages_html:
        page = doc.new_page()
        page.insert_htmlbox(pymupdf.Rect(56, 60, 540, 780), f'<div dir="rtl">{html}</div>',
                            css=CSS, archive=archive)
    if subset:
        doc.subset_fonts()
    doc.save(path)
    return path


def columns_pdf(path: Path, heading: str, right: str, left: str) -> Path:
    archive = pymupdf.Archive(str(Path(FONT).parent))
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_htmlbox(pymupdf.Rect(56, 50, 540, 90), f'<p dir="rtl">{heading}</p>', css=CSS,
                        archive=archive)
    page.insert_htmlbox(pymupdf.Rect(310, 100, 540, 700), f'<p dir="rtl">{right}</p>', css=CSS,
                        archive=archive)
    page.insert_htmlbox(pymupdf.Rect(56, 100, 286, 700), f'<p dir="rtl">{left}</p>', css=CSS,
                        archive=archive)
    doc.save(path)
    return path


def table_pdf(path: Path, rows: list[list[str]], left_to_right: bool = False) -> Path:
    """A bordered table whose first column is on the right (or, as some producers set
    tables whatever the document's direction, on the left), cell by cell."""
    archive = pymupdf.Archive(str(Path(FONT).parent))
    doc = pymupdf.open()
    page = doc.new_page()
    width, height, right, top = 120.0, 26.0, 520.0, 100.0
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            column = len(row) - 1 - c if left_to_right else c
            rect = pymupdf.Rect(right - (column + 1) * width, top + r * height,
                                right - column * width, top + (r + 1) * height)
            page.draw_rect(rect, width=0.5)
            inner = pymupdf.Rect(rect.x0 + 4, rect.y0 + 4, rect.x1 - 4, rect.y1 - 2)
            page.insert_htmlbox(inner, f'<p dir="rtl">{cell}</p>', css=CSS,
                                archive=archive)
    doc.save(path)
    return path


def report_pdf(path: Path, pages: int = 3) -> Path:
    """Pages with a running header, a page number, body text, and a footnote under a rule."""
    archive = pymupdf.Archive(str(Path(FONT).parent))
    doc = pymupdf.open()
    for number in range(1, pages + 1):
        page = doc.new_page()
        page.insert_htmlbox(pymupdf.Rect(56, 24, 540, 44),
                            '<p dir="rtl" style="font-size:9pt">نشرة المرصد الشهرية</p>',
                            css=CSS, archive=archive)
        page.insert_htmlbox(pymupdf.Rect(56, 70, 540, 300),
                            f'<p dir="rtl">هذه فقرة الصفحة رقم {number} من النشرة، وفيها '
                            'إحالة إلى حاشية<sup>1</sup> في أسفل الصفحة.</p>',
                            css=CSS, archive=archive)
        page.draw_line((390, 740), (540, 740), width=0.6)
        page.insert_htmlbox(pymupdf.Rect(56, 745, 540, 775),
                            '<p dir="rtl" style="font-size:8pt">1 نص الحاشية الأولى.</p>',
                            css=CSS, archive=archive)
        page.insert_htmlbox(pymupdf.Rect(56, 800, 540, 820),
                            f'<p style="text-align:center;font-size:9pt">{number}</p>',
                            css=CSS, archive=archive)
    doc.save(path)
    return path


def marks_first_pdf(path: Path, lines: list[str]) -> Path:
    """Lines drawn glyph by glyph from the left, each mark before its letter, as producers
    that shape with HarfBuzz draw them (HarfBuzz gives a right-to-left run in visual order),
    the last line first (the order a producer draws its lines in is its own)."""
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_font(fontname="dejavu", fontfile=DEJAVU)
    font = pymupdf.Font(fontfile=DEJAVU)
    keep_marks = ArabicReshaper(configuration={"delete_harakat": False})
    for k in reversed(range(len(lines))):
        visual = get_display(keep_marks.reshape(lines[k]))  # a mark before its letter
        x = 540.0 - font.text_length(visual, fontsize=14)
        for ch in visual:
            page.insert_text((x, 80 + 28 * k), ch, fontname="dejavu", fontsize=14)
            x += font.text_length(ch, fontsize=14)
    doc.save(path)
    return path


def hamza_marks_first_pdf(path: Path, lines: list[str]) -> Path:
    """Lines drawn glyph by glyph from the right, with each hamza or madda apart from its
    letter (أ drawn as a hamza mark, then alef), as MuPDF's HTML engine draws them with a
    font that takes أ apart (Scheherazade)."""
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_font(fontname="dejavu", fontfile=DEJAVU)
    font = pymupdf.Font(fontfile=DEJAVU)
    keep_marks = ArabicReshaper(configuration={"delete_harakat": False})
    for k, line in enumerate(lines):
        shaped = keep_marks.reshape(unicodedata.normalize("NFD", line))
        x = 540.0
        pending: list[str] = []  # a letter waits for its marks: they are drawn first
        for ch in [*shaped, ""]:
            if ch and unicodedata.combining(ch):
                pending.append(ch)
                continue
            if pending:
                letter, marks = pending[0], pending[1:]
                x -= font.text_length(letter, fontsize=14)
                for mark in marks:
                    page.insert_text((x, 80 + 28 * k), mark, fontname="dejavu", fontsize=14)
                page.insert_text((x, 80 + 28 * k), letter, fontname="dejavu", fontsize=14)
            pending = [ch] if ch else []
    doc.save(path)
    return path
