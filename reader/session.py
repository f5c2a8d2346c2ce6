"""The Qt-free facade over one open document, shared by the GUI worker and the CLI.

A session is used from one thread at a time (PyMuPDF is not thread-safe); the GUI gives it
to its document worker thread.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from reader.arabic.model import PageText
from reader.arabic.raw import RawPage
from reader.arabic.repair import repair_page, repeated_lines
from reader.errors import Cancelled
from reader.pdf import DocumentInfo, PdfDocument, RenderedPage, open_pdf
from reader.search import Hit, SearchablePage, find_in_page

# Running heads are found by repetition: sample this many pages spread over the document.
RUNNING_SAMPLE = 12


class DocumentSession:
    """One open document with its per-page caches."""

    def __init__(self, document: PdfDocument) -> None:
        self.document = document
        self.info: DocumentInfo = document.info()
        self._pages: dict[int, PageText] = {}
        self._searchable: dict[int, SearchablePage] = {}
        self._running: frozenset[str] | None = None

    @classmethod
    def open(cls, path: str | Path, password: str | None = None) -> DocumentSession:
        return cls(open_pdf(path, password))

    @property
    def page_count(self) -> int:
        return self.info.page_count

    def close(self) -> None:
        self.document.close()

    def render(self, page: int, zoom: float) -> RenderedPage:
        return self.document.render(page, zoom)

    def raw_page(self, page: int) -> RawPage:
        return self.document.raw_page(page)

    def running_lines(self) -> frozenset[str]:
        """Lines repeated at the top or bottom of pages (headers, footers), computed once."""
        if self._running is None:
            count = self.page_count
            step = max(1, count // RUNNING_SAMPLE)
            sample = [self.raw_page(i) for i in range(0, count, step)][:RUNNING_SAMPLE]
            self._running = repeated_lines(sample)
        return self._running

    def page_model(self, page: int) -> PageText:
        """The repaired page: logical text in reading order, every character with its box."""
        if page not in self._pages:
            self._pages[page] = repair_page(self.raw_page(page), self.running_lines())
        return self._pages[page]

    def page_text(self, page: int) -> str:
        return self.page_model(page).text

    def searchable_page(self, page: int) -> SearchablePage:
        if page not in self._searchable:
            model = self.page_model(page)
            self._searchable[page] = SearchablePage(page, model.text,
                                                    tuple(model.char_boxes()))
        return self._searchable[page]

    def find_page(self, page: int, query: str) -> list[Hit]:
        return find_in_page(self.searchable_page(page), query)

    def find(
        self, query: str, cancelled: Callable[[], bool] = lambda: False
    ) -> Iterator[Hit]:
        for page in range(self.page_count):
            if cancelled():
                raise Cancelled()
            yield from self.find_page(page, query)


__all__ = ["DocumentSession"]
