"""Opening documents (dialog, recent files, drops, passwords) and reading every page's text
in the background once one is open."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, QUrl, Signal
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLabel, QLineEdit, QMenu

from reader.errors import DocumentError, DocumentErrorCode
from reader.session import DocumentSession
from reader.ui.context import WindowContext
from reader.ui.messages import document_error_text, unexpected_error_text
from reader.ui.worker import PRIORITY_BACKGROUND, PRIORITY_VISIBLE, TaskHandle


class DocumentController(QObject):
    opened = Signal(object)  # DocumentInfo, once every controller has taken the document
    text_extracted = Signal(int)  # every page's text has been read (page count)

    def __init__(self, ctx: WindowContext, current_page: Callable[[], int]) -> None:
        super().__init__(ctx)
        self.ctx = ctx
        self._current_page = current_page
        self._opening: TaskHandle | None = None
        self._extract_task: TaskHandle | None = None
        self.status = QLabel()  # extraction progress, for the status bar
        self.status.setObjectName("extractProgress")
        # Background reading of the text pauses while the reader turns pages, so that it
        # never stands between them and the page they asked for.
        self._resume_timer = QTimer(self, singleShot=True, interval=1000)
        self._resume_timer.timeout.connect(self._resume)

    # -- opening -------------------------------------------------------------------------------
    def open_dialog(self) -> None:
        info = self.ctx.info
        start = str(Path(info.path).parent) if info else str(Path.home())
        path, _ = QFileDialog.getOpenFileName(self.ctx.widget, self.tr("Open a PDF"), start,
                                              self.tr("PDF documents (*.pdf);;All files (*)"))
        if path:
            self.open_path(path)

    def open_path(self, path: str, password: str | None = None) -> None:
        """Open ``path`` in the background; the current document stays until it succeeds."""
        worker, renderer = self.ctx.worker, self.ctx.renderer
        worker.cancel(self._opening)
        self.ctx.tell(self.tr("Opening %1…").replace("%1", Path(path).name))

        def opened(session: DocumentSession) -> None:
            self._opening = None
            self._adopt(session)

        def failed(exc: object) -> None:
            self._opening = None
            self.ctx.tell("")
            self._open_failed(path, exc)

        def job() -> DocumentSession:
            session = DocumentSession.open(path, password)
            session.render_service = renderer
            return session

        self._opening = worker.submit(job, PRIORITY_VISIBLE, opened, failed)

    def ask_password(self, name: str, retry: bool) -> str | None:
        """Ask for a document password (a method so tests can answer it)."""
        prompt = (self.tr("The password was not correct. Enter the password for “%1”:") if retry
                  else self.tr("“%1” is protected. Enter its password:")).replace("%1", name)
        text, ok = QInputDialog.getText(self.ctx.widget, self.tr("Password"), prompt,
                                        QLineEdit.EchoMode.Password)
        return text if ok else None

    def _open_failed(self, path: str, exc: object) -> None:
        name = Path(path).name
        if isinstance(exc, DocumentError) and exc.code in (DocumentErrorCode.ENCRYPTED,
                                                           DocumentErrorCode.WRONG_PASSWORD):
            retry = exc.code == DocumentErrorCode.WRONG_PASSWORD
            if retry:
                self.ctx.fail(document_error_text(exc))
            password = self.ask_password(name, retry)
            if password is not None:
                self.open_path(path, password)
            return
        self.ctx.fail(document_error_text(exc) if isinstance(exc, DocumentError)
                      else unexpected_error_text(name, str(exc)))

    def _adopt(self, session: DocumentSession) -> None:
        ctx, old = self.ctx, self.ctx.session
        if old is not None:
            ctx.worker.cancel(self._extract_task)
            self._extract_task = None
            ctx.worker.submit(old.close, PRIORITY_BACKGROUND)
        info = session.info
        ctx.settings.add_recent(info.path)
        ctx.settings.set_last_document(info.path)
        ctx.adopt(session)  # every controller takes the new document
        ctx.tell(self.tr("The file was damaged; Qari repaired what it could.") if info.repaired
                 else self.tr("Opened %1 (%2 pages)").replace("%1", Path(info.path).name)
                 .replace("%2", str(info.page_count)), 6000)
        self._extract(session)
        self.opened.emit(info)

    # -- the text of every page ------------------------------------------------------------------
    def page_turned(self) -> None:
        """Pause the background reading while pages turn; it goes on a second later."""
        if self._extract_task is not None:
            self.ctx.worker.cancel(self._extract_task)
            self._extract_task = None
            self._resume_timer.start()

    def _resume(self) -> None:
        session = self.ctx.session
        if session is not None and session.extracted() < session.page_count:
            self._extract(session)

    def _extract(self, session: DocumentSession) -> None:
        """Read every page's text in the background, the visible page first: find and,
        later, translation then have it at hand. Page turns overtake it (lower priority)."""
        ctx = self.ctx
        ctx.worker.cancel(self._extract_task)
        total = session.page_count

        def progress(_page: int) -> None:
            if session is ctx.session:
                self.status.setText(self.tr("Text: %1 / %2 pages")
                                    .replace("%1", str(session.extracted()))
                                    .replace("%2", str(total)))

        def done(_value: object) -> None:
            if session is ctx.session:
                self._extract_task = None
                self.status.setText("")
                self.text_extracted.emit(total)

        def failed(_exc: object) -> None:
            if session is ctx.session:
                self._extract_task = None
                self.status.setText(self.tr("Some pages could not be read"))

        self._extract_task = ctx.worker.submit_steps(
            session.extract_all(self._current_page()), PRIORITY_BACKGROUND, progress, done,
            failed)

    # -- recent files and drops ---------------------------------------------------------------
    def fill_recent_menu(self, menu: QMenu) -> None:
        menu.clear()
        recent = self.ctx.settings.recent_files()
        for path in recent:
            action = menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.triggered.connect(lambda _c=False, p=path: self.open_path(p))
        if not recent:
            menu.addAction(self.tr("No recent files")).setEnabled(False)
        else:
            menu.addSeparator()
            menu.addAction(self.tr("Clear the list")).triggered.connect(
                self.ctx.settings.clear_recent)

    @staticmethod
    def dropped_pdf(urls: list[QUrl]) -> str | None:
        for url in urls:
            if url.isLocalFile() and url.toLocalFile().lower().endswith(".pdf"):
                return url.toLocalFile()
        return None
