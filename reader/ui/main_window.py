"""The reading window: page, Arabic text and translation side by side, with side panels.

It only assembles: the views, the controllers that do the work (documents, navigation,
find, translation, models, annotations, OCR, files, printing), the commands that call them
and the signals between them. The controllers share a ``WindowContext`` and never see the
window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QFont
from PySide6.QtWidgets import (
    QDockWidget,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from reader.pdf import DocumentInfo, RenderService
from reader.session import DocumentSession
from reader.ui.annotating import AnnotationController
from reader.ui.annotations_panel import AnnotationsPanel
from reader.ui.context import WindowContext
from reader.ui.docks import OutlineTree, SearchResultsList, ThumbnailList
from reader.ui.documents import DocumentController
from reader.ui.find_bar import FindBar
from reader.ui.finding import FindController
from reader.ui.models import ModelsController
from reader.ui.navigation import NavigationController
from reader.ui.ocr_runner import OcrRunner
from reader.ui.page_images import PageImageCache
from reader.ui.panes import ArabicTextPane
from reader.ui.pdf_view import PdfView
from reader.ui.physical_keys import PhysicalKeys
from reader.ui.printing import Printing
from reader.ui.segment_grid import SegmentGrid
from reader.ui.settings import SettingsStore
from reader.ui.stores import TranslationStores
from reader.ui.translating import TranslationController
from reader.ui.translation_files import TranslationFiles
from reader.ui.window_actions import WindowCommands, WindowParts
from reader.ui.window_state import PANES, WindowLayout
from reader.ui.worker import PRIORITY_VISIBLE, DocumentWorker


class MainWindow(QMainWindow):
    def __init__(self, settings: SettingsStore | None = None) -> None:
        super().__init__()
        self.setObjectName("QariMainWindow")
        self.settings = settings or SettingsStore()
        self.worker = DocumentWorker(self)
        self.jobs = DocumentWorker(self)  # non-PDF background work (models, stores, files)
        self.cache = PageImageCache(self.worker, parent=self)
        # Pages are drawn by a child process: MuPDF holds the interpreter while it draws,
        # which would stall this thread (reader/pdf/render_process.py). Started now, so its
        # start-up overlaps the opening of the first document.
        self.renderer = RenderService()
        self.worker.submit(self.renderer.start, PRIORITY_VISIBLE)
        self.ctx = WindowContext(self, self.settings, self.worker, self.jobs, self.renderer)
        self.last_error: str | None = None
        self._message_box: QMessageBox | None = None
        self._build_views()
        self._build_controllers()
        self._connect()
        self._build_status_bar()
        self.setAcceptDrops(True)
        self.retranslate_ui()
        self.layout_state.restore()
        self.translation_pane.set_document_view(self.settings.whole_document_grid())
        if self.settings.text_size():
            self.arabic_pane.set_font_size(self.settings.text_size())
        self.stores.prepare()  # off this thread, before the first page asks for them
        self.models.refresh()
        self.commands.set_document_open(False)

    @property
    def session(self) -> DocumentSession | None:
        return self.ctx.session

    @property
    def info(self) -> DocumentInfo | None:
        return self.ctx.info

    # -- construction ------------------------------------------------------------------------
    def _build_views(self) -> None:
        self.view = PdfView(self.cache)
        self.view.setObjectName("pdfView")
        self.find_bar = FindBar()
        self.find_bar.hide()
        page_box = QWidget()
        layout = QVBoxLayout(page_box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.find_bar)
        self.arabic_pane = ArabicTextPane()
        self.translation_pane = SegmentGrid()
        grid_font = QFont(self.arabic_pane.browser.font())
        grid_font.setPointSizeF(self.translation_pane.view.font().pointSizeF() * 1.25)
        self.translation_pane.set_arabic_font(grid_font)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)
        panes = (page_box, self.arabic_pane, self.translation_pane)
        for index, (widget, stretch) in enumerate(zip(panes, (5, 3, 5), strict=True)):
            self.splitter.addWidget(widget)
            self.splitter.setStretchFactor(index, stretch)  # the grid holds both languages
        self.splitter.setSizes([520, 340, 520])
        self._pane_widgets = dict(zip(PANES, panes, strict=True))
        self.setCentralWidget(self.splitter)
        self.thumbnails = ThumbnailList(self.cache)
        self.outline = OutlineTree()
        self.results = SearchResultsList()
        self.annotations = AnnotationsPanel()
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        self.thumbnails_dock = self._dock("thumbnailsDock", self.thumbnails, left)
        self.outline_dock = self._dock("outlineDock", self.outline, left)
        self.tabifyDockWidget(self.thumbnails_dock, self.outline_dock)
        self.thumbnails_dock.raise_()
        self.results_dock = self._dock("searchResultsDock", self.results, left)
        self.tabifyDockWidget(self.outline_dock, self.results_dock)
        self.results_dock.hide()
        self.annotations_dock = self._dock("annotationsDock", self.annotations, right)
        self.outline_dock.hide()
        self.resizeDocks([self.thumbnails_dock, self.annotations_dock], [150, 220],
                         Qt.Orientation.Horizontal)

    def _dock(self, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _build_controllers(self) -> None:
        ctx, view, pane, grid = self.ctx, self.view, self.arabic_pane, self.translation_pane
        self.documents = DocumentController(ctx, lambda: view.current_page)
        self.stores = TranslationStores(ctx)
        self.models = ModelsController(ctx, grid, self.stores)
        self.translation = TranslationController(ctx, view, pane, grid, self.stores)
        # Each takes a new document in the order made here: the annotations' reading goes
        # on the document thread before navigation asks for the first page's text.
        self.annotating = AnnotationController(ctx, self.annotations, view, pane,
                                               self.translation.current_selection)
        self.ocr = OcrRunner(ctx)
        self.find = FindController(ctx, view, pane, self.find_bar, self.results,
                                   self.results_dock)
        self.navigation = NavigationController(ctx, view, self.cache, pane, self.thumbnails,
                                               self.outline,
                                               (self.thumbnails_dock, self.outline_dock))
        self.physical_keys = PhysicalKeys(self)  # H, U, K, 1–8 with an Arabic layout too
        self.printing = Printing(self, self.jobs,
                                 lambda: self.session.render if self.session else None,
                                 lambda: self.session.page_count if self.session else 0)
        stores = self.stores
        self.translation_files = TranslationFiles(
            self, self.jobs, lambda: self.session,
            lambda: (stores.translations(), stores.memory()), stores.glossary)
        self.layout_state = WindowLayout(self, self.settings, self.splitter, self._pane_widgets,
                                         (self.thumbnails_dock, self.annotations_dock), view)
        self.commands = WindowCommands(self, WindowParts(
            self.documents, self.navigation, self.find, self.translation, self.models,
            self.annotating, self.ocr, self.translation_files, self.printing,
            self.layout_state, view, (self.thumbnails_dock, self.outline_dock,
                                      self.results_dock, self.annotations_dock)),
            self.settings)

    def _connect(self) -> None:
        """The controllers' signals, each to what follows from it."""
        ctx, nav, tr, notes = self.ctx, self.navigation, self.translation, self.annotating
        ctx.message.connect(lambda text, ms: self.statusBar().showMessage(text, ms))
        ctx.error.connect(self.show_error)
        ctx.document_changed.connect(self._document_changed)
        for source in (self.printing, self.translation_files):
            source.message.connect(lambda text: self.statusBar().showMessage(text, 10000))
            source.failed.connect(self.show_error)
        self.translation_files.imported.connect(tr.refresh_all)
        self.translation_files.glossary_changed.connect(tr.refresh_all)
        self.documents.text_extracted.connect(tr.text_read)
        self.documents.text_extracted.connect(self.ocr.read_unusable)
        nav.page_turned.connect(self.documents.page_turned)
        for listener in (self.find.show_hits, tr.show_sentences, notes.page_shown,
                         self.ocr.page_shown):  # in this order: the grid before its marks
            nav.page_shown.connect(listener)
        for source in (self.find, tr, notes):
            source.page_requested.connect(nav.go_to_page)
        self.models.engine_changed.connect(tr.set_engine)
        notes.text_marks_shown.connect(tr.mark_annotated)
        self.ocr.page_read.connect(nav.refresh_if_shown)
        self.ocr.pages_changed.connect(lambda pages: nav.refresh_if_shown(*pages))
        self.arabic_pane.font_size_changed.connect(self.settings.set_text_size)
        self.view.context_requested.connect(self.commands.page_menu)
        self.layout_state.theme_applied.connect(self._theme_applied)

    def _build_status_bar(self) -> None:
        status, nav = self.statusBar(), self.navigation
        for widget in (self.ocr.status, self.ocr.stop_button, self.documents.status,
                       self.translation.status, nav.status_quality, self.find.progress,
                       self.find.cancel_button, nav.status_page, nav.status_zoom):
            status.addPermanentWidget(widget)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self._title())
        self.layout_state.retranslate_ui()
        self.thumbnails_dock.setWindowTitle(self.tr("Pages"))
        self.outline_dock.setWindowTitle(self.tr("Outline"))
        self.results_dock.setWindowTitle(self.tr("Search results"))
        self.annotations_dock.setWindowTitle(self.tr("Annotations"))
        for part in (self.ocr, self.find, self.arabic_pane, self.translation_pane,
                     self.find_bar, self.annotations):
            part.retranslate_ui()
        self.commands.retranslate_ui()  # last: it reads the actions' texts
        self.navigation.update_status()

    def _title(self) -> str:
        if self.info is None:
            return "Qari"
        return f"{self.info.title or Path(self.info.path).name} — Qari"

    def _document_changed(self, _session: DocumentSession) -> None:
        self.setWindowTitle(self._title())
        self.commands.set_document_open(True)

    def _theme_applied(self, dark: bool) -> None:
        self.commands.set_icons(dark)
        if self.arabic_pane.model is not None:  # links and marks in the new colours
            self.arabic_pane.show_page(self.arabic_pane.model)
            self.annotating.paint_text()

    # -- what the window itself does -----------------------------------------------------------
    def open_path(self, path: str, password: str | None = None) -> None:
        self.documents.open_path(path, password)

    def go_to_page(self, page: int) -> None:
        self.navigation.go_to_page(page)

    def show_error(self, message: str) -> None:
        """A clear message in a window-modal box that does not block the event loop."""
        self.last_error = message
        if self._message_box is not None:
            self._message_box.close()
        box = QMessageBox(QMessageBox.Icon.Warning, "Qari", message, QMessageBox.StandardButton.Ok,
                          self)
        box.setObjectName("errorMessage")
        box.open()
        self._message_box = box

    def save_settings(self) -> None:
        self.layout_state.save()
        self.navigation.save_position()
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.annotating.review is not None and not self.annotating.close():
            answer = QMessageBox.warning(
                self, "Qari", self.tr("Some annotations could not be saved. Export them to a "
                                      "file before closing?"),
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel)
            if answer == QMessageBox.StandardButton.Cancel:
                event.ignore()
                return
            if answer == QMessageBox.StandardButton.Save:
                self.annotating.export_w3c_dialog()
        self.save_settings()
        self.ocr.stop()
        self.ocr.thread.shutdown()
        self.find.cancel()
        self.worker.shutdown()
        self.jobs.shutdown()
        self.renderer.close()
        super().closeEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if self.documents.dropped_pdf(event.mimeData().urls()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        path = self.documents.dropped_pdf(event.mimeData().urls())
        if path is not None:
            event.acceptProposedAction()
            self.open_path(path)
