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

__all__ = [
    "DocumentInfo",
    "OutlineEntry",
    "PageInfo",
    "PdfDocument",
    "RawPage",
    "RenderedPage",
    "open_pdf",
]
