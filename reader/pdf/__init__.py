"""PDF access: the only package that imports PyMuPDF.

Everything it returns is plain data (dataclasses, bytes), never a PyMuPDF object, so the
rest of Qari can move work between threads or processes freely.
"""

from reader.arabic.raw import RawPage
from reader.pdf.document import (
    DocumentInfo,
    OutlineEntry,
    PageInfo,
    PdfDocument,
    RenderedPage,
    open_pdf,
)
from reader.pdf.render_process import RenderService

__all__ = [
    "DocumentInfo",
    "OutlineEntry",
    "PageInfo",
    "PdfDocument",
    "RawPage",
    "RenderService",
    "RenderedPage",
    "open_pdf",
]
