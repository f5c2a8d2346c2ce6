"""Opening, describing and rendering PDF documents with PyMuPDF.

PyMuPDF is not thread-safe: a ``PdfDocument`` must be used from one thread at a time. The
GUI gives each document to a single worker thread (see ``reader.ui.worker``).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import pymupdf

from reader.arabic.raw import RawPage
from reader.errors import DocumentError, DocumentErrorCode
from reader.pdf.glyphs import raw_page

Rect = tuple[float, float, float, float]

MAX_BYTES = 8 << 30  # a scanned book is a few hundred MB; more is no report
# More pages than any report has: a /Count that lies would have every page described.
MAX_PAGES = 100_000
EOF_SEARCH, EOF_STEP = 1 << 20, 4096  # how far back from the end to look for %%EOF
# MuPDF prints repair warnings on stderr for damaged files; we report them ourselves.
pymupdf.TOOLS.mupdf_display_errors(False)
pymupdf.TOOLS.mupdf_display_warnings(False)


@dataclass(frozen=True)
class PageInfo:
    index: int
    width: float  # PDF points, after rotation
    height: float
    label: str


@dataclass(frozen=True)
class OutlineEntry:
    level: int
    title: str
    page: int  # 0-based; -1 when the entry points nowhere


@dataclass(frozen=True)
class DocumentInfo:
    path: str
    sha256: str
    page_count: int
    pages: tuple[PageInfo, ...]
    outline: tuple[OutlineEntry, ...]
    title: str
    author: str
    metadata: dict[str, str] = field(default_factory=dict)
    repaired: bool = False


@dataclass(frozen=True)
class RenderedPage:
    """RGB pixels of one page; ``zoom`` is pixels per PDF point."""

    page: int
    zoom: float
    width: int
    height: int
    stride: int
    samples: bytes


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _check_file(path: Path) -> None:
    """Reject what is plainly not a PDF before MuPDF guesses at it."""
    name = str(path)
    if not path.exists():
        raise DocumentError(DocumentErrorCode.MISSING, name)
    if not path.is_file():  # a folder, FIFO or device: never opened (a FIFO would block)
        raise DocumentError(DocumentErrorCode.NOT_A_FILE, name)
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise DocumentError(DocumentErrorCode.UNREADABLE, name,
                            f"{size >> 30} GiB; Qari opens PDFs of at most {MAX_BYTES >> 30} GiB")
    try:
        with path.open("rb") as handle:
            head = handle.read(1024)
    except OSError as exc:
        raise DocumentError(DocumentErrorCode.UNREADABLE, name, exc.strerror or "") from exc
    if not head:
        raise DocumentError(DocumentErrorCode.EMPTY, name)
    # The PDF header may follow some junk, but within the first kilobyte (PDF 1.7, 7.5.2).
    if b"%PDF-" not in head:
        raise DocumentError(DocumentErrorCode.NOT_PDF, name)
    # MuPDF rebuilds what it can of a cut-off file and would show a partial document as if it
    # were whole; an interrupted download or copy must be named instead. A complete file ends
    # with %%EOF (readers tolerate it anywhere in the last kilobyte or so).
    if not _ends_with_eof(path):
        raise DocumentError(DocumentErrorCode.TRUNCATED, name)


def _ends_with_eof(path: Path) -> bool:
    """Does an ``%%EOF`` close the file's last part? Readers find it in the last kilobyte
    or so, but producers and mail programs append padding (zeros, spaces, a signature
    block): look further back, in bounded steps, past bytes that are no PDF syntax."""
    size = path.stat().st_size
    with path.open("rb") as handle:
        end = size
        for _ in range(EOF_SEARCH // EOF_STEP):
            start = max(0, end - EOF_STEP)
            handle.seek(start)
            chunk = handle.read(end - start + 8)  # overlap: a marker split by the step
            if b"%%EOF" in chunk:
                return True
            # Objects after the last %%EOF mean the file was cut in an update: stop.
            if start == 0 or b"endobj" in chunk or b"stream" in chunk:
                return False
            end = start
    return False


class PdfDocument:
    """One open PDF. Use from a single thread at a time."""

    def __init__(self, path: Path, doc: pymupdf.Document, password: str | None = None) -> None:
        self.path = path
        self.password = password  # to open it again elsewhere (the render process)
        self._doc = doc
        self._count = int(doc.page_count)  # checked by open_pdf (a lying /Count raises)
        self._info: DocumentInfo | None = None

    @property
    def page_count(self) -> int:
        return self._count

    def close(self) -> None:
        self._doc.close()

    def raw_document(self) -> pymupdf.Document:
        """The PyMuPDF document, for the other modules of ``reader.pdf`` only."""
        return self._doc

    def info(self) -> DocumentInfo:
        if self._info is None:
            self._info = self._describe()
        return self._info

    def _describe(self) -> DocumentInfo:
        doc = self._doc
        pages: list[PageInfo] = []
        for index in range(self.page_count):
            try:
                page = doc.load_page(index)
                rect = page.rect
                width, height = float(rect.width), float(rect.height)
                label = page.get_label() or str(index + 1)
            except Exception:  # an unreadable page: the others still open (it says so later)
                width, height, label = 0.0, 0.0, str(index + 1)
            if not (0 < width < 1e6 and 0 < height < 1e6):  # NaN fails both tests
                width, height = pages[-1].width if pages else 595.0, (
                    pages[-1].height if pages else 842.0)
            pages.append(PageInfo(index, width, height, label))
        try:
            outline = tuple(
                OutlineEntry(int(level), str(title).strip(), int(page) - 1)
                for level, title, page in doc.get_toc(simple=True)
            )
        except Exception:  # a broken outline is no reason to refuse the document
            outline = ()
        try:
            metadata = {k: str(v) for k, v in (doc.metadata or {}).items() if v}
        except Exception:
            metadata = {}
        return DocumentInfo(
            path=str(self.path),
            sha256=file_sha256(self.path),
            page_count=self.page_count,
            pages=tuple(pages),
            outline=outline,
            title=metadata.get("title", ""),
            author=metadata.get("author", ""),
            metadata=metadata,
            repaired=bool(getattr(doc, "is_repaired", False)),
        )

    def _page(self, index: int) -> pymupdf.Page:
        if not 0 <= index < self.page_count:
            raise DocumentError(DocumentErrorCode.BAD_PAGE, str(self.path), f"page {index + 1}")
        try:
            return self._doc.load_page(index)
        except Exception as exc:  # MuPDF raises plain RuntimeError/ValueError on bad pages
            raise DocumentError(DocumentErrorCode.BAD_PAGE, str(self.path),
                                f"page {index + 1}: {_short(exc)}") from exc

    def render(self, index: int, zoom: float) -> RenderedPage:
        page = self._page(index)
        try:
            pix = page.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), alpha=False)
        except Exception as exc:
            raise DocumentError(DocumentErrorCode.BAD_PAGE, str(self.path),
                                f"page {index + 1}: {_short(exc)}") from exc
        return RenderedPage(index, zoom, pix.width, pix.height, pix.stride, bytes(pix.samples))

    def render_gray(self, index: int, dpi: int) -> bytes:
        """The page in grey at ``dpi``, as PGM: what OCR reads. Uncompressed on purpose:
        compressing 9 megapixels to PNG holds the interpreter for 40 ms, writing PGM 7."""
        page = self._page(index)
        try:
            pix = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY, alpha=False)
            return pix.tobytes("pgm")
        except Exception as exc:
            raise DocumentError(DocumentErrorCode.BAD_PAGE, str(self.path),
                                f"page {index + 1}: {_short(exc)}") from exc

    def raw_page(self, index: int) -> RawPage:
        """Every glyph of the page with its box, for the repair engine."""
        try:
            return raw_page(self._page(index))
        except DocumentError:
            raise
        except Exception as exc:
            raise DocumentError(DocumentErrorCode.BAD_PAGE, str(self.path),
                                f"page {index + 1}: {_short(exc)}") from exc



def open_pdf(path: str | Path, password: str | None = None) -> PdfDocument:
    """Open a PDF or raise ``DocumentError`` with a code saying what is wrong."""
    path = Path(path)
    _check_file(path)
    try:
        doc = pymupdf.open(path, filetype="pdf")
    except Exception as exc:
        raise DocumentError(DocumentErrorCode.CORRUPT, str(path)) from exc
    secret = None
    if doc.needs_pass:
        secret = password
        if password is None:
            doc.close()
            raise DocumentError(DocumentErrorCode.ENCRYPTED, str(path))
        if not doc.authenticate(password):
            doc.close()
            raise DocumentError(DocumentErrorCode.WRONG_PASSWORD, str(path))
    try:
        count = doc.page_count  # MuPDF raises here when /Count lies beyond belief
    except Exception as exc:
        doc.close()
        raise DocumentError(DocumentErrorCode.CORRUPT, str(path), _short(exc)) from exc
    if count == 0:
        # A PDF whose page tree MuPDF could not rebuild at all is damaged, not merely empty.
        code = DocumentErrorCode.CORRUPT if doc.is_repaired else DocumentErrorCode.NO_PAGES
        doc.close()
        raise DocumentError(code, str(path))
    if count > MAX_PAGES:
        doc.close()
        raise DocumentError(DocumentErrorCode.CORRUPT, str(path),
                            f"it claims {count} pages; Qari opens at most {MAX_PAGES}")
    # Whether any page opens is found out page by page: one unreadable page (even the
    # first) leaves the others readable, and the reader is told which.
    return PdfDocument(path, doc, secret)


def _short(exc: BaseException) -> str:
    """MuPDF's message without its ``code=N:`` prefix."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text.split(": ", 1)[1] if text.startswith("code=") and ": " in text else text
