"""Find in the whole document: searched page by page in the background, hits listed as they
come, marked on the page image and in the Arabic pane, with progress and cancel."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QDockWidget, QProgressBar, QToolButton

from reader.errors import Cancelled
from reader.search import Hit
from reader.ui.context import WindowContext
from reader.ui.docks import SearchResultsList
from reader.ui.find_bar import FindBar
from reader.ui.panes import ArabicTextPane
from reader.ui.pdf_view import PdfView
from reader.ui.worker import PRIORITY_BACKGROUND, TaskHandle


class FindController(QObject):
    finished = Signal(int)  # a search ended (number of hits)
    page_requested = Signal(int)  # a hit with no place on the page: show its page

    def __init__(self, ctx: WindowContext, view: PdfView, pane: ArabicTextPane, bar: FindBar,
                 results: SearchResultsList, results_dock: QDockWidget) -> None:
        super().__init__(ctx)
        self.ctx, self.view, self.pane, self.bar = ctx, view, pane, bar
        self.results, self.results_dock = results, results_dock
        self._task: TaskHandle | None = None
        self._hits: list[Hit] = []
        self._index = -1
        self._query = ""
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(160)
        self.progress.setTextVisible(True)
        self.progress.hide()
        # QProgressBar.setValue repaints at once; per-page updates of a 500-page search
        # repainted the window hundreds of times: the latest value, at most 10 times a second.
        self._progress_value = 0
        self._progress_timer = QTimer(self, singleShot=True, interval=100)
        self._progress_timer.timeout.connect(lambda: self.progress.setValue(self._progress_value))
        self.cancel_button = QToolButton()
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        bar.query_changed.connect(self.start)
        bar.next_requested.connect(self.next)
        bar.previous_requested.connect(self.previous)
        bar.closed.connect(self._closed)
        results.hit_activated.connect(self.go_to_hit)
        ctx.document_changed.connect(self._adopt)

    def retranslate_ui(self) -> None:
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop the search"))

    def _adopt(self, _session: object) -> None:
        self.cancel()
        self.results.clear()
        self._hits, self._index = [], -1
        if self.bar.isVisible() and self.bar.query():
            self.start(self.bar.query())

    def open(self) -> None:
        self.bar.open_bar()

    def hits(self) -> list[Hit]:
        return list(self._hits)

    def start(self, query: str) -> None:
        """Search the whole document in the background, page by page, hits as they come."""
        self.cancel()
        self._query = query
        self._hits, self._index = [], -1
        self.results.clear()
        self.view.set_search_hits({})
        self.pane.set_search_hits([])
        session = self.ctx.session
        if session is None or not query.strip():
            self.bar.set_status("")
            return
        total = session.page_count
        self.results_dock.show()
        self.results_dock.raise_()
        self.progress.setRange(0, total)
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("Searching %p%"))
        self.progress.show()
        self.cancel_button.show()

        def pages() -> Iterator[tuple[int, list[Hit]]]:
            for page in range(total):
                yield page, session.find_page(page, query)

        def found(item: tuple[int, list[Hit]]) -> None:
            page, hits = item
            self._progress_value = page + 1
            if not self._progress_timer.isActive():
                self._progress_timer.start()
            if hits:
                self._hits.extend(hits)
                self.results.add_hits(hits, self.tr("p. %1"))
                self.show_hits()
                if self._index < 0:
                    self.go_to_hit(0)

        def done(_value: object) -> None:
            self._task = None
            self._finish()

        def failed(exc: object) -> None:
            self._task = None
            self._finish()
            if not isinstance(exc, Cancelled):
                self.ctx.tell(self.tr("The search failed: %1").replace("%1", str(exc)))

        self._task = self.ctx.worker.submit_steps(pages(), PRIORITY_BACKGROUND, found, done,
                                                  failed)

    def _finish(self) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        self._update_status()
        self.finished.emit(len(self._hits))

    def cancel(self) -> None:
        if self._task is not None:
            self.ctx.worker.cancel(self._task)
            self._task = None
            self.progress.hide()
            self.cancel_button.hide()
            self._update_status()

    def _update_status(self) -> None:
        if not self._query.strip():
            self.bar.set_status("")
        elif not self._hits:
            self.bar.set_status(self.tr("No matches"))
        else:
            self.bar.set_status(self.tr("%1 of %2").replace("%1", str(self._index + 1))
                                .replace("%2", str(len(self._hits))))

    def show_hits(self) -> None:
        """The hits on the page image, and those of the page shown in the Arabic pane."""
        by_page: dict[int, list[tuple[float, float, float, float]]] = {}
        for hit in self._hits:
            by_page.setdefault(hit.page, []).extend(hit.rects)
        at = self._hits[self._index] if 0 <= self._index < len(self._hits) else None
        self.view.set_search_hits(by_page, (at.page, at.rects[0]) if at and at.rects else None)
        shown = [h for h in self._hits if h.page == self.pane.page]
        self.pane.set_search_hits([(h.start, h.end) for h in shown],
                                  shown.index(at) if at in shown else -1)

    def go_to_hit(self, index: int) -> None:
        if not self._hits:
            return
        self._index = index % len(self._hits)
        hit = self._hits[self._index]
        if hit.rects:
            self.view.ensure_visible(hit.page, hit.rects[0])
        else:
            self.page_requested.emit(hit.page)
        self.results.setCurrentRow(self._index)
        self.show_hits()
        self._update_status()

    def next(self) -> None:
        if not self.bar.isVisible():
            self.open()
        self.bar.flush()
        self.go_to_hit(self._index + 1)

    def previous(self) -> None:
        if not self.bar.isVisible():
            self.open()
        self.bar.flush()
        self.go_to_hit(self._index - 1 if self._index >= 0 else -1)

    def _closed(self) -> None:
        self.cancel()
        self.view.set_search_hits({})
        self.pane.set_search_hits([])
        self.view.setFocus()
