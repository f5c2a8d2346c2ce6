"""OCR in the window: pages without a usable text layer are read automatically in the
background, and any page or the whole document on request; one page at a time, with
progress and a stop button, never on the GUI thread.

A page goes: rendered at 300 dpi on the document thread, read by Tesseract (a separate
program) waited for on the OCR thread, then turned into a page model on the document thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QToolButton

from reader import ocr, ocr_glyphs
from reader.arabic.model import PageText
from reader.arabic.raw import RawPage
from reader.ui.context import WindowContext
from reader.ui.worker import PRIORITY_BACKGROUND, PRIORITY_VISIBLE, DocumentWorker, TaskHandle

if TYPE_CHECKING:
    from reader.session import DocumentSession


class OcrRunner(QObject):
    page_read = Signal(int)  # a page's OCR text is in
    finished = Signal()  # the queue is empty (done or stopped)
    pages_changed = Signal(list)  # pages whose text changed once running heads were settled

    def __init__(self, ctx: WindowContext) -> None:
        super().__init__(ctx)
        self.ctx = ctx
        self.thread = DocumentWorker(ctx.widget)  # waits for Tesseract; holds no PDF
        self._queue: list[int] = []
        self._done: set[int] = set()
        self._session: DocumentSession | None = None
        self._task: TaskHandle | None = None
        self._current: int | None = None
        self._total = 0
        self._stopped = False
        self.problem: str | None = None  # why OCR cannot run here, once known
        self._checked = False
        self.status = QLabel()
        self.status.setObjectName("ocrStatus")
        self.stop_button = QToolButton()
        self.stop_button.clicked.connect(self.stop)
        self.stop_button.hide()
        ctx.document_changed.connect(self.reset)
        self.finished.connect(self._settle)

    def retranslate_ui(self) -> None:
        self.stop_button.setText(self.tr("Stop OCR"))
        self.stop_button.setToolTip(self.tr("Stop reading pages with OCR"))

    # -- availability ------------------------------------------------------------------------
    def check(self) -> None:
        """Find out once, in the background, whether Tesseract and its Arabic data are here."""
        if self._checked:
            return
        self._checked = True

        def failed(exc: object) -> None:
            self.problem = self.tr(
                "OCR is not available: Tesseract with its Arabic data is not installed. "
                "Install it with: %1").replace("%1", ocr.OcrError.INSTALL)

        self.thread.submit(ocr.check, PRIORITY_BACKGROUND, None, failed)

    # -- the queue -----------------------------------------------------------------------------
    def reset(self, session: DocumentSession) -> None:
        self.stop()
        self._session = session
        self._done = set()
        self.check()

    def page_shown(self, model: PageText) -> None:
        """A page shown with no usable text (a scan, or a text layer that is garbage) is
        read first."""
        if model.quality.unusable:
            self.read([model.page], first=True)

    def read_unusable(self) -> None:
        """Every page with no usable text, once the text of all pages is known."""
        if self._session is not None:
            self.read(self._session.unusable_pages())

    def _settle(self) -> None:
        """With several scanned pages read, their running heads show by repetition."""
        session = self._session
        if session is None:
            return

        def settled(changed: list[int]) -> None:
            if session is self._session:
                self.pages_changed.emit(changed)

        self.ctx.worker.submit(session.settle_ocr_running, PRIORITY_BACKGROUND, settled)

    def read(self, pages: list[int], force: bool = False, first: bool = False) -> None:
        """Queue pages (``force``: even those read already; ``first``: before the rest)."""
        if self._session is None or not pages:
            return
        if self.problem is not None:
            if force:  # asked for: say why not; automatic: a word in the status bar
                self.ctx.fail(self.problem)
            else:
                self.ctx.tell(self.problem, 10000)
            return
        fresh = [p for p in pages if (force or p not in self._done) and p != self._current
                 and p not in self._queue]
        if force:
            self._done -= set(fresh)
        self._queue = fresh + self._queue if first else self._queue + fresh
        self._total += len(fresh)
        self._stopped = False
        self._next()

    def stop(self) -> None:
        self._stopped = True
        self._queue.clear()
        self.thread.cancel(self._task)
        self._task = None
        self._current = None
        self._total = 0
        self._show()

    @property
    def busy(self) -> bool:
        return self._current is not None

    def _next(self) -> None:
        if self._current is not None or self._session is None:
            return
        if not self._queue:
            self._total = 0
            self._show()
            self.finished.emit()
            return
        session, page = self._session, self._queue.pop(0)
        self._current = page
        self._show()
        worker = self.ctx.worker

        def cached_or_image() -> tuple[list[ocr.OcrWord] | None, bytes | None,
                                       RawPage | None]:
            words = ocr.cached(session.info.sha256, page)
            if words is not None:
                return words, None, None
            # The text layer too (read here, where the document is): OCR names the glyphs
            # it cannot map, and reads again the lines that hold them if it missed them.
            return None, session.ocr_image(page), session.text_layer(page)

        layer: RawPage | None = None

        def rendered(result: tuple[list[ocr.OcrWord] | None, bytes | None,
                                   RawPage | None]) -> None:
            nonlocal layer
            words, image, layer = result
            if session is not self._session or self._stopped:
                return
            if words is not None:
                apply(words)
                return

            def recognize() -> list[ocr.OcrWord]:
                found = ocr_glyphs.recognize(image or b"", layer, lambda: self._stopped)
                ocr.store(session.info.sha256, page, found)
                return found

            self._task = self.thread.submit(recognize, PRIORITY_VISIBLE, apply, failed)

        def apply(words: list[ocr.OcrWord]) -> None:
            if session is not self._session or self._stopped:
                return
            # (The text layer read with the image goes along; from the cache, none was.)
            worker.submit(lambda: session.apply_ocr(page, words, layer), PRIORITY_VISIBLE,
                          applied, failed)

        def applied(_model: PageText) -> None:
            if session is not self._session:
                return
            self._done.add(page)
            self._current = None
            self.page_read.emit(page)
            QTimer.singleShot(0, self._next)

        def failed(exc: object) -> None:
            if session is not self._session:
                return
            self._current = None
            if isinstance(exc, ocr.OcrError) and exc.code is not ocr.OcrErrorCode.FAILED:
                self.problem = str(exc)
                self._queue.clear()
                self.ctx.fail(self.problem)
                self._show()
                return
            self._done.add(page)  # do not try it again and again
            self.ctx.tell(
                self.tr("OCR could not read page %1: %2").replace("%1", str(page + 1))
                .replace("%2", str(exc)), 8000)
            QTimer.singleShot(0, self._next)

        worker.submit(cached_or_image, PRIORITY_VISIBLE, rendered, failed)

    def _show(self) -> None:
        if self._current is None:
            self.status.setText("")
            self.stop_button.hide()
            return
        done = self._total - len(self._queue)
        self.status.setText(self.tr("OCR: page %1 (%2 of %3)…").replace(
            "%1", str(self._current + 1)).replace("%2", str(done)).replace(
            "%3", str(self._total)))
        self.stop_button.show()
