"""The Qt-free facade over one open document, shared by the GUI worker and the CLI.

A session is used from one thread at a time (PyMuPDF is not thread-safe); the GUI gives it
to its document worker thread.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path

from reader.errors import Cancelled
from reader.pdf import DocumentInfo, PdfDocument, RenderedPage, open_pdf
from reader.search import Hit, SearchablePage, find_in_page


def display_text(text: str) -> str:
    """Interim clean-up of PyMuPDF text: presentation forms to base letters (NFKC on them
    only), and no-break spaces, which some typesetters put between all words, to spaces."""
    out = []
    for ch in text:
        code = ord(ch)
        if ch == "\u00a0":
            out.append(" ")
        elif code < 0x20 and ch not in "\n\t":
            # Broken font maps yield control characters; a form feed would even split pages.
            continue
        elif 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF:
            out.append(unicodedata.normalize("NFKC", ch))
        else:
            out.append(ch)
    return "".join(out)


class DocumentSession:
    """One open document with its per-page caches."""

    def __init__(self, document: PdfDocument) -> None:
        self.document = document
        self.info: DocumentInfo = document.info()
        self._searchable: dict[int, SearchablePage] = {}
        self._text: dict[int, str] = {}

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

    def page_text(self, page: int) -> str:
        if page not in self._text:
            self._text[page] = display_text(self.document.page_text(page))
        return self._text[page]

    def searchable_page(self, page: int) -> SearchablePage:
        if page not in self._searchable:
            words = ((display_text(w.text), w.rect) for w in self.document.words(page))
            self._searchable[page] = SearchablePage.from_words(page, words)
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
