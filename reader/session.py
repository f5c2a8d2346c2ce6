"""The Qt-free facade over one open document, shared by the GUI worker and the CLI.

A session is used from one thread at a time (PyMuPDF is not thread-safe); the GUI gives it
to its document worker thread.
"""

from __future__ import annotations

import contextlib
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

from reader import ocr, ocr_glyphs
from reader.arabic.fold import fold
from reader.arabic.model import UNMAPPED_SHARE, BlockSpan, PageText
from reader.arabic.raw import RawPage
from reader.arabic.repair import repair_page, repeated_lines
from reader.errors import Cancelled, DocumentError
from reader.ocr_glyphs import apply_names, decode
from reader.pdf import DocumentInfo, PdfDocument, RenderedPage, RenderService, open_pdf
from reader.search import Hit, SearchablePage, find_in_page

# Running heads are found by repetition: sample this many pages spread over the document.
RUNNING_SAMPLE = 12
# Page models (text with a box per character) kept in memory; every page's plain text is
# kept, which is small (a few kilobytes a page).
MODEL_CACHE = 24
# OCR names a text layer's unread glyphs when it leaves no more than this share of them
# unnamed; else its own words are the page's text.
_UNNAMED_SHARE = 0.1


class DocumentSession:
    """One open document with its per-page caches."""

    def __init__(self, document: PdfDocument) -> None:
        self.document = document
        self.info: DocumentInfo = document.info()
        self._pages: OrderedDict[int, PageText] = OrderedDict()
        self._texts: dict[int, str] = {}
        self._body_lengths: dict[int, int] = {}
        self._spans: dict[int, tuple[BlockSpan, ...]] = {}  # every page read: its structure
        self._running: frozenset[str] | None = None
        self._ocr: dict[int, PageText] = {}  # pages read by OCR (kept: they cost seconds)
        self._unusable: set[int] = set()
        self._ocr_raw: dict[int, RawPage] = {}  # OCR words as glyphs, to repair again
        self._ocr_running: frozenset[str] = frozenset()  # running heads of scanned pages
        # Names OCR gave glyphs the PDF does not map (by font and glyph number): the same
        # glyph on every page of the document, so every page read after takes them too.
        self._glyph_names: dict[str, str] = {}
        self._unread: set[int] = set()  # pages read with glyphs left unread
        self._untold: set[str] = set()  # glyphs OCR was asked for and did not name
        # Rendering in a child process (the window sets one: see reader.pdf.render_process).
        self.render_service: RenderService | None = None

    @classmethod
    def open(cls, path: str | Path, password: str | None = None) -> DocumentSession:
        return cls(open_pdf(path, password))

    @property
    def page_count(self) -> int:
        return self.info.page_count

    def close(self) -> None:
        self.document.close()

    def render(self, page: int, zoom: float) -> RenderedPage:
        if self.render_service is not None:
            return self.render_service.render(self.document, page, zoom)
        return self.document.render(page, zoom)

    def raw_page(self, page: int) -> RawPage:
        """The page's glyphs: read in the child process when there is one (a page that
        hangs or exhausts memory in MuPDF then costs that page only)."""
        if self.render_service is not None:
            return self.render_service.raw_page(self.document, page)
        return self.document.raw_page(page)

    def running_lines(self) -> frozenset[str]:
        """Lines repeated at the top or bottom of pages (headers, footers), computed once."""
        if self._running is None:
            count = self.page_count
            step = max(1, count // RUNNING_SAMPLE)
            sample = []
            for i in list(range(0, count, step))[:RUNNING_SAMPLE]:
                try:
                    sample.append(self.raw_page(i))
                except DocumentError:  # that page says so when it is shown; not the others
                    continue
            self._running = repeated_lines(sample)
        return self._running

    # -- OCR -----------------------------------------------------------------------------------
    def ocr_image(self, page: int) -> bytes:
        if self.render_service is not None:
            return self.render_service.render_gray(self.document, page, ocr.DPI)
        return self.document.render_gray(page, ocr.DPI)

    def apply_ocr(self, page: int, words: list[ocr.OcrWord],
                  layer: RawPage | None = None) -> PageText:
        """Make the recognized words the page's text (a page model like any other).
        ``layer``: the page's text layer, when the caller has read it already."""
        info = self.info.pages[page]
        self._ocr_raw[page] = self._named_glyphs(
            page, words, layer or self.text_layer(page)) or ocr.raw_page_from_words(
            words, page, info.width, info.height)
        return self._repair_ocr(page, self.running_lines() | self._ocr_running)

    def text_layer(self, page: int) -> RawPage | None:
        """The page's glyphs as its text layer gives them; None if the page cannot be read."""
        try:
            return self.raw_page(page)
        except DocumentError:
            return None

    def _named_glyphs(self, page: int, words: list[ocr.OcrWord],
                      layer: RawPage | None) -> RawPage | None:
        """The page's text ``layer`` with the glyphs nothing maps named by OCR, where it
        has such glyphs and OCR named nearly all (its geometry and mapped letters kept)."""
        if layer is None or not layer.unread:
            return None
        decoded = decode(layer, words, ocr.DPI, self._glyph_names)
        if decoded is None:  # OCR named none of them: those other pages named, if any
            raw, left = apply_names(layer, self._glyph_names)
            names = self._glyph_names
        else:
            raw, left, names = decoded
        # A page whose text layer serves without those glyphs keeps it whatever OCR
        # names; one that needs them keeps it only if OCR named nearly all.
        usable = layer.unmapped <= UNMAPPED_SHARE * (len(layer.glyphs) + layer.unmapped)
        if left > _UNNAMED_SHARE * len(raw.glyphs) and not usable:
            return None
        learnt = {key: text for key, text in names.items() if key not in self._glyph_names}
        # Glyphs OCR could not name here (a symbol, a glyph OCR never reads): no other
        # page is read by OCR for them alone.
        tried = {key for _, key, _g in raw.unread} - self._untold
        if learnt or tried:
            self._glyph_names.update(learnt)
            self._untold |= tried
            for other in self._unread - {page} - set(self._ocr):
                self._forget(other)  # read again, with the names, when next asked for
        return raw

    def _forget(self, page: int) -> None:
        self._pages.pop(page, None)
        self._texts.pop(page, None)
        self._body_lengths.pop(page, None)
        self._spans.pop(page, None)
        self._unusable.discard(page)

    def _repair_ocr(self, page: int, running: frozenset[str]) -> PageText:
        model = repair_page(self._ocr_raw[page], running)
        model.quality.ocr = True
        self._ocr[page] = model
        self._remember(page, model)
        return model

    def settle_ocr_running(self) -> list[int]:
        """Running heads of scanned pages, found by repetition once several pages are read:
        the pages whose text changes are read again and returned."""
        running = repeated_lines(list(self._ocr_raw.values())) if len(self._ocr_raw) > 1 \
            else frozenset()
        if running == self._ocr_running:
            return []
        self._ocr_running = running
        before = {p: self._ocr[p].text for p in self._ocr_raw}
        for page in self._ocr_raw:
            self._repair_ocr(page, self.running_lines() | running)
        return [p for p in self._ocr_raw if self._ocr[p].text != before[p]]

    def ocr_page(self, page: int, cancelled: Callable[[], bool] = lambda: False) -> PageText:
        """Read a page with OCR (once: the words are cached by document and page)."""
        layer = self.text_layer(page)
        words = ocr.cached(self.info.sha256, page)
        if words is None:
            words = ocr_glyphs.recognize(self.ocr_image(page), layer, cancelled)
            ocr.store(self.info.sha256, page, words)
        return self.apply_ocr(page, words, layer)

    def with_ocr(self, pages: list[int], models: list[PageText], every: bool = False,
                 cancelled: Callable[[], bool] = lambda: False) -> list[PageText]:
        """``models`` (of ``pages``) with the pages that have no usable text layer (or
        ``every`` page) read by OCR. Raises ``OcrError`` if Tesseract cannot run."""
        out = list(models)
        names = len(self._glyph_names)
        for i, model in enumerate(models):
            if every or model.quality.unusable:
                out[i] = self.ocr_page(pages[i], cancelled)
        # Running heads repeat over the scanned pages; names OCR gave glyphs serve the
        # pages read before them.
        if self.settle_ocr_running() or len(self._glyph_names) != names:
            out = [self.page_model(p) for p in pages]
        return out

    def unusable_pages(self) -> list[int]:
        """Pages read so far whose text layer is missing or unusable (OCR not yet run)."""
        return sorted(self._unusable)

    def _remember(self, page: int, model: PageText) -> None:
        if model.quality.unusable:
            self._unusable.add(page)
        else:
            self._unusable.discard(page)
        self._pages[page] = model
        self._pages.move_to_end(page)
        self._texts[page] = model.text
        self._body_lengths[page] = sum(len(b.text) + 1 for b in model.body)
        self._spans[page] = model.spans()
        while len(self._pages) > MODEL_CACHE:
            self._pages.popitem(last=False)

    def page_model(self, page: int) -> PageText:
        """The repaired page: logical text in reading order, every character with its box
        (read by OCR, when it was)."""
        if page in self._ocr:
            return self._ocr[page]
        model = self._pages.get(page)
        if model is None:
            raw = self.raw_page(page)
            if raw.unread:
                self._unread.add(page)
                if self._glyph_names:
                    raw = apply_names(raw, self._glyph_names)[0]
                if self._untold:  # (not counted as letters OCR could name)
                    raw = replace(raw, unread=tuple(
                        u for u in raw.unread if u[1] not in self._untold))
            model = repair_page(raw, self.running_lines())
            self._remember(page, model)
        else:
            self._pages.move_to_end(page)
        return model

    def page_text(self, page: int) -> str:
        text = self._texts.get(page)
        return text if text is not None else self.page_model(page).text

    def kept_text(self, page: int) -> str | None:
        """The page's text if it was read already, else None (never touches the PDF, so
        other threads may call it)."""
        return self._texts.get(page)

    def kept_body_length(self, page: int) -> int:
        return self._body_lengths.get(page, len(self._texts.get(page, "")))

    def kept_spans(self, page: int) -> tuple[BlockSpan, ...]:
        """The blocks (and table cells) of a page already read, by range of its text."""
        return self._spans.get(page, ())

    def extracted(self) -> int:
        return len(self._texts)

    def extract_all(self, first: int = 0) -> Iterator[int]:
        """Extract every page, ``first`` first and then onwards (wrapping round), one page
        per step: the GUI runs this in the background and keeps each page's text."""
        count = self.page_count
        for step in range(count):
            page = (first + step) % count
            if page not in self._texts:
                # A page that cannot be read says so when shown; the others go on.
                with contextlib.suppress(DocumentError):
                    self.page_model(page)
            yield page

    def searchable_page(self, page: int) -> SearchablePage:
        model = self.page_model(page)
        return SearchablePage(page, model.text, tuple(model.char_boxes()))

    def find_page(self, page: int, query: str) -> list[Hit]:
        text = self._texts.get(page)
        # The folded page text answers "no hit" without building the page's box map.
        if text is not None and fold(query) not in fold(text):
            return []
        return find_in_page(self.searchable_page(page), query)

    def find(
        self, query: str, cancelled: Callable[[], bool] = lambda: False
    ) -> Iterator[Hit]:
        for page in range(self.page_count):
            if cancelled():
                raise Cancelled()
            yield from self.find_page(page, query)


__all__ = ["DocumentSession"]
