"""Standard PDF annotations: read those another viewer made, write Qari's into a copy.

Plain data in and out (``PdfMark``): the annotation layer never sees PyMuPDF objects. A
malformed annotation is skipped and counted, never fatal; the original file is never
written.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pymupdf

from reader.errors import DocumentError, DocumentErrorCode
from reader.files import check_writable, replacing
from reader.pdf.document import open_pdf

Rect = tuple[float, float, float, float]

# PDF annotation subtypes → Qari kinds.
_KINDS = {"Highlight": "highlight", "Underline": "underline", "Squiggly": "underline",
          "StrikeOut": "strike", "Text": "sticky", "FreeText": "sticky"}


@dataclass(frozen=True)
class PdfMark:
    kind: str  # highlight, underline, strike or sticky
    page: int
    rects: tuple[Rect, ...] = ()  # text marks: one per line (quad bounding boxes)
    point: tuple[float, float] | None = None  # sticky notes
    comment: str = ""
    colour: tuple[float, float, float] | None = None  # RGB 0-1
    author: str = ""


@dataclass
class ReadMarks:
    marks: list[PdfMark]
    skipped: int = 0  # annotations that could not be read, or of kinds Qari has no use for


def read_marks(path: str | Path, password: str | None = None) -> ReadMarks:
    """The text markup and note annotations of a PDF."""
    document = open_pdf(path, password)
    doc = document.raw_document()
    out = ReadMarks([])
    try:
        for page in doc.pages():
            try:
                annots = list(page.annots())
            except Exception:  # a broken /Annots array: the page's marks are lost, not all
                out.skipped += 1
                continue
            for annot in annots:
                try:
                    mark = _mark(page, annot)
                except Exception:
                    mark = None
                if mark is None:
                    out.skipped += 1
                else:
                    out.marks.append(mark)
    finally:
        document.close()
    return out


def _mark(page: pymupdf.Page, annot: pymupdf.Annot) -> PdfMark | None:
    subtype = annot.type[1]
    kind = _KINDS.get(subtype)
    if kind is None:
        return None
    info = annot.info or {}
    comment = str(info.get("content") or "")
    colours = annot.colors or {}
    stroke = colours.get("stroke") or colours.get("fill")
    colour = (float(stroke[0]), float(stroke[1]), float(stroke[2])) \
        if stroke and len(stroke) >= 3 else None
    # PyMuPDF gives annotation geometry unrotated; the page model uses the same space.
    if kind == "sticky":
        r = annot.rect
        return PdfMark(kind, page.number, (), (float(r.x0), float(r.y0)), comment,
                       colour, str(info.get("title") or ""))
    vertices = annot.vertices or []
    rects: list[Rect] = []
    for i in range(0, len(vertices) - 3, 4):
        quad = pymupdf.Quad(vertices[i:i + 4])
        r = quad.rect
        rects.append((float(r.x0), float(r.y0), float(r.x1), float(r.y1)))
    if not rects:
        r = annot.rect
        if r.is_empty or r.is_infinite:
            return None
        rects.append((float(r.x0), float(r.y0), float(r.x1), float(r.y1)))
    return PdfMark(kind, page.number, tuple(rects), None, comment, colour,
                   str(info.get("title") or ""))


def write_marked_copy(source: str | Path, target: str | Path, marks: list[PdfMark],
                      password: str | None = None) -> int:
    """Save a copy of ``source`` at ``target`` with ``marks`` as standard annotations;
    returns how many were written. ``source`` itself is never touched."""
    check_writable(target)  # before the work: a folder in the way, a missing folder
    if Path(target).resolve() == Path(source).resolve():
        raise DocumentError(DocumentErrorCode.UNREADABLE, str(target),
                            "the copy must not replace the original")
    document = open_pdf(source, password)
    doc = document.raw_document()
    written = 0
    try:
        for mark in marks:
            if not 0 <= mark.page < doc.page_count:
                continue
            page = doc[mark.page]
            annot = _add(page, mark)
            if annot is None:
                continue
            if mark.colour is not None:
                annot.set_colors(stroke=mark.colour)
            annot.set_info(content=mark.comment, title=mark.author or "Qari")
            annot.update()
            written += 1
        with replacing(target) as temporary:  # a failed save leaves the old copy alone
            doc.save(str(temporary), garbage=1, deflate=True)
    finally:
        document.close()
    return written


def _add(page: pymupdf.Page, mark: PdfMark) -> pymupdf.Annot | None:
    if mark.kind == "sticky":
        if mark.point is None:
            return None
        return page.add_text_annot(pymupdf.Point(*mark.point), mark.comment or " ")
    rects = [pymupdf.Rect(r) for r in mark.rects if r[2] > r[0] and r[3] > r[1]]
    if not rects:
        return None
    if mark.kind == "underline":
        return page.add_underline_annot(rects)
    if mark.kind == "strike":
        return page.add_strikeout_annot(rects)
    return page.add_highlight_annot(rects)
