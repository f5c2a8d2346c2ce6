"""What the window's controllers share: the workers, the settings, the document open now,
and two ways to tell the reader something. The window makes one and hands it to each
controller; the controllers never see the window (none imports it)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from reader.pdf import DocumentInfo, RenderService
    from reader.session import DocumentSession
    from reader.ui.settings import SettingsStore
    from reader.ui.worker import DocumentWorker


class WindowContext(QObject):
    document_changed = Signal(object)  # DocumentSession: it replaced the one before
    message = Signal(str, int)  # a status-bar line, how long it stays (ms; 0: until replaced)
    error = Signal(str)  # a clear message in a box

    def __init__(self, widget: QWidget, settings: SettingsStore, worker: DocumentWorker,
                 jobs: DocumentWorker, renderer: RenderService) -> None:
        super().__init__(widget)
        self.widget = widget  # the parent of the controllers' dialogs
        self.settings = settings
        self.worker = worker  # the document thread: everything that touches the PDF
        self.jobs = jobs  # everything else off the GUI thread (stores, translation, files)
        self.renderer = renderer
        self.session: DocumentSession | None = None
        self.info: DocumentInfo | None = None

    def adopt(self, session: DocumentSession) -> None:
        self.session, self.info = session, session.info
        self.document_changed.emit(session)

    def tell(self, text: str, ms: int = 0) -> None:
        self.message.emit(text, ms)

    def fail(self, text: str) -> None:
        self.error.emit(text)
