"""The reading window: page, Arabic text and translation side by side, with side panels."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QFont,
    QIcon,
    QKeySequence,
    QPalette,
)
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QFileDialog,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QSpinBox,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.annotations.model import ARABIC, COLOUR_NAMES, TRANSLATION
from reader.arabic.model import PageText
from reader.arabic.repair import PIPELINE_VERSION
from reader.errors import Cancelled, DocumentError, DocumentErrorCode, QariError
from reader.pdf import DocumentInfo, RenderService
from reader.resources import sample_report
from reader.search import Hit
from reader.session import DocumentSession
from reader.translation import argos
from reader.translation.cache import EDITED, REVIEWED, TranslationCache
from reader.translation.engine import Translation, TranslationEngine
from reader.translation.glossary import Glossary, glossary_terms
from reader.translation.memory import TranslationMemory
from reader.translation.packages import (
    ModelPackageError,
    install_package,
    installed_packages,
    version_key,
)
from reader.translation.segment import Sentence
from reader.translation.source_fixes import EDIT, JOIN, SPLIT, SourceFix
from reader.translation.units import page_units, session_units
from reader.ui.annotating import AnnotationController
from reader.ui.annotations_panel import AnnotationsPanel
from reader.ui.docks import OutlineTree, SearchResultsList, ThumbnailList
from reader.ui.find_bar import FindBar
from reader.ui.messages import document_error_text, unexpected_error_text
from reader.ui.ocr_runner import OcrRunner
from reader.ui.page_images import PageImageCache
from reader.ui.panes import ArabicTextPane
from reader.ui.pdf_view import PdfView
from reader.ui.physical_keys import PhysicalKeys
from reader.ui.printing import Printing
from reader.ui.segment_grid import Segment, SegmentGrid, Step, fill_segment
from reader.ui.settings import SettingsStore
from reader.ui.theme import apply_theme, tinted
from reader.ui.translation_files import TranslationFiles
from reader.ui.worker import PRIORITY_BACKGROUND, PRIORITY_VISIBLE, DocumentWorker, TaskHandle

PANES = ("page", "arabic", "translation")


class MainWindow(QMainWindow):
    document_opened = Signal(object)  # DocumentInfo
    model_ready = Signal(bool)  # a translation model is loaded (or not)
    page_translated = Signal(int)
    document_translated = Signal(int)
    document_failed = Signal(str)  # the message shown
    page_text_shown = Signal(int)
    search_finished = Signal(int)  # number of hits
    text_extracted = Signal(int)  # every page's text has been read (page count)
    document_rows_loaded = Signal(int)  # the grid's document view has its rows (pages)

    def __init__(self, settings: SettingsStore | None = None) -> None:
        super().__init__()
        self.setObjectName("QariMainWindow")
        self.settings = settings or SettingsStore()
        self.worker = DocumentWorker(self)
        self.jobs = DocumentWorker(self)  # non-PDF background work (model installation)
        self.cache = PageImageCache(self.worker, parent=self)
        # Pages are drawn by a child process: MuPDF holds the interpreter while it draws,
        # which would stall this thread (reader/pdf/render_process.py). Started now, so its
        # start-up overlaps the opening of the first document.
        self.renderer = RenderService()
        self.worker.submit(self.renderer.start, PRIORITY_VISIBLE)
        self.session: DocumentSession | None = None
        self.info: DocumentInfo | None = None
        self.last_error: str | None = None
        self._opening: TaskHandle | None = None
        self._text_task: TaskHandle | None = None
        self._search_task: TaskHandle | None = None
        self._extract_task: TaskHandle | None = None
        self._translate_task: TaskHandle | None = None
        self._engine: TranslationEngine | None = None
        self._cache: TranslationCache | None = None
        self._translation_memory: TranslationMemory | None = None
        self._glossary_store: Glossary | None = None
        self._kept_pairs: dict[str, str] = {}  # source -> English this window put in memory
        self._segment_total: int | None = None  # segments in the document, once counted
        self._pending_sentence: tuple[int, int] | None = None  # (page, index) to select
        self._rows_task: TaskHandle | None = None
        self._sentences: list[Sentence] = []
        self._hits: list[Hit] = []
        self._hit_index = -1
        self._search_query = ""
        self._message_box: QMessageBox | None = None
        self.annotating = AnnotationController(self)
        self.ocr = OcrRunner(self)
        self.physical_keys = PhysicalKeys(self)  # H, U, K, 1–8 with an Arabic layout too
        self.printing = Printing(self, self.jobs,
                                 lambda: self.session.render if self.session else None,
                                 lambda: self.session.page_count if self.session else 0)
        self.printing.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.printing.failed.connect(self.show_error)
        self.translation_files = TranslationFiles(
            self, self.jobs, lambda: self.session, lambda: (self._translations(), self._memory()),
            self._glossary)
        self.translation_files.message.connect(lambda text: self.statusBar().showMessage(text,
                                                                                        10000))
        self.translation_files.failed.connect(self.show_error)
        self.translation_files.imported.connect(self._translations_imported)
        self.translation_files.glossary_changed.connect(self._translations_imported)
        self.ocr.page_read.connect(self._ocr_page_read)
        self.ocr.finished.connect(self._ocr_finished)
        self._pending_selection: tuple[int, int, int] | None = None  # annotation to select
        self._selection_source = ARABIC  # the pane where text was selected last

        self._build_central()
        self._build_docks()
        self._build_actions()
        self._build_menus_and_toolbar()
        self._build_status_bar()
        self.setAcceptDrops(True)
        self._text_timer = QTimer(self, singleShot=True, interval=60)
        self._text_timer.timeout.connect(self._request_page_text)
        # Background reading of the text pauses while the reader turns pages, so that it
        # never stands between them and the page they asked for.
        self._extract_timer = QTimer(self, singleShot=True, interval=1000)
        self._extract_timer.timeout.connect(self._resume_background_extraction)
        self._position_timer = QTimer(self, singleShot=True, interval=1500)
        self._position_timer.timeout.connect(self._save_position)
        self.retranslate_ui()
        self._restore_window()
        self._refresh_models()
        self._update_document_actions()

    # -- construction ------------------------------------------------------------------------
    def _build_central(self) -> None:
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
        for widget in (page_box, self.arabic_pane, self.translation_pane):
            self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 5)  # the grid holds both languages
        self.splitter.setSizes([520, 340, 520])
        self._pane_widgets = dict(zip(PANES, (page_box, self.arabic_pane, self.translation_pane),
                                      strict=True))
        self.setCentralWidget(self.splitter)

        self.view.current_page_changed.connect(self._on_page_changed)
        self.view.page_clicked.connect(self._page_clicked)
        self.arabic_pane.selection_changed.connect(self._mirror_selection)
        self.view.zoom_changed.connect(self._on_zoom_changed)
        self.find_bar.query_changed.connect(self.start_search)
        self.find_bar.next_requested.connect(self.find_next)
        self.find_bar.previous_requested.connect(self.find_previous)
        self.find_bar.closed.connect(self._on_find_closed)
        self.translation_pane.install_requested.connect(self.install_model_dialog)
        self.translation_pane.sentence_activated.connect(self._sentence_activated)
        self.translation_pane.sentence_hovered.connect(self._sentence_hovered)
        self.arabic_pane.hovered.connect(self._arabic_hovered)
        self.translation_pane.edited.connect(self._save_edit)
        self.translation_pane.alternatives_requested.connect(self._alternatives)
        self.translation_pane.source_fix_requested.connect(self._fix_source)
        self.translation_pane.page_requested.connect(self._sentence_on_page)
        self.translation_pane.scope_changed.connect(self._grid_scope_changed)
        self.arabic_pane.font_size_changed.connect(self.settings.set_text_size)
        self.arabic_pane.browser.cursorPositionChanged.connect(self._cursor_moved)
        self.cache.render_failed.connect(self._on_render_failed)
        self.view.annotation_marks = self.annotating.page_marks
        self.translation_pane.view.selectionModel().selectionChanged.connect(
            lambda *_a: setattr(self, "_selection_source", TRANSLATION))
        self.arabic_pane.selection_changed.connect(
            lambda *_a: setattr(self, "_selection_source", ARABIC))
        self.view.page_dragged.connect(self._page_dragged)
        self.view.context_requested.connect(self._page_menu)

    def _dock(self, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _build_docks(self) -> None:
        self.thumbnails = ThumbnailList(self.cache)
        self.thumbnails.page_activated.connect(self.go_to_page)
        self.outline = OutlineTree()
        self.outline.page_activated.connect(self.go_to_page)
        self.results = SearchResultsList()
        self.results.hit_activated.connect(self.go_to_hit)
        self.annotations = AnnotationsPanel()
        self.annotations.activated.connect(self.go_to_annotation)
        self.annotations.delete_requested.connect(self.annotating.delete)
        self.annotations.comment_edited.connect(self.annotating.set_comment)
        self.annotations.recolour_requested.connect(self.annotating.recolour)
        self.annotations.tags_requested.connect(self.annotating.edit_tags)
        self.annotations.note_requested.connect(self.annotating.add_document_note)
        self.annotating.changed.connect(self._annotations_changed)
        self.annotating.loaded.connect(self._annotations_loaded)
        left = Qt.DockWidgetArea.LeftDockWidgetArea
        right = Qt.DockWidgetArea.RightDockWidgetArea
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

    def _action(self, slot: object, shortcut: QKeySequence | str | None = None,
                checkable: bool = False) -> QAction:
        action = QAction(self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setCheckable(checkable)
        if checkable:
            action.toggled.connect(slot)
        else:
            action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        sk = QKeySequence.StandardKey
        self.open_action = self._action(self.open_dialog, sk.Open)
        self.open_sample_action = self._action(lambda: self.open_path(str(sample_report())))
        self.install_model_action = self._action(self.install_model_dialog)
        self.models_action = self._action(self.models_dialog)
        self.stop_translation_action = self._action(self.stop_translation)
        self.export_translation_action = self._action(self.translation_files.export_dialog,
                                                      "Ctrl+Shift+E")
        self.print_action = self._action(self.printing.print_dialog, sk.Print)
        self.import_translations_action = self._action(self.translation_files.import_dialog)
        self.import_glossary_action = self._action(self.translation_files.import_glossary_dialog)
        self.export_glossary_action = self._action(self.translation_files.export_glossary_dialog)
        self.add_term_action = self._action(self.add_term_dialog, "Ctrl+Shift+G")
        self.preferences_action = self._action(self.preferences_dialog, sk.Preferences)
        if self.preferences_action.shortcut().isEmpty():
            self.preferences_action.setShortcut(QKeySequence("Ctrl+,"))
        self.quit_action = self._action(self.close, sk.Quit)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.first_action = self._action(lambda: self.go_to_page(0), "Ctrl+Home")
        self.previous_action = self._action(lambda: self.go_to_page(self.view.current_page - 1))
        self.previous_action.setShortcuts([QKeySequence("Ctrl+PgUp"), QKeySequence("Alt+Left")])
        self.next_action = self._action(lambda: self.go_to_page(self.view.current_page + 1))
        self.next_action.setShortcuts([QKeySequence("Ctrl+PgDown"), QKeySequence("Alt+Right")])
        self.last_action = self._action(lambda: self.go_to_page(self.view.page_count - 1),
                                        "Ctrl+End")
        self.goto_action = self._action(self._focus_page_box, "Ctrl+G")
        self.zoom_in_action = self._action(self.view.zoom_in, sk.ZoomIn)
        self.zoom_in_action.setShortcuts([QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")])
        self.zoom_out_action = self._action(self.view.zoom_out, sk.ZoomOut)
        self.zoom_out_action.setShortcuts([QKeySequence("Ctrl+-")])
        self.zoom_reset_action = self._action(self.view.reset_zoom, "Ctrl+0")
        self.fit_width_action = self._action(self.view.fit_width, "Ctrl+1")
        self.fit_page_action = self._action(self.view.fit_page, "Ctrl+2")
        self.find_action = self._action(self.open_find, sk.Find)
        self.find_next_action = self._action(self.find_next, "F3")
        self.find_previous_action = self._action(self.find_previous, "Shift+F3")
        self.pane_actions = {}
        for name in PANES:
            action = QAction(self)
            action.setCheckable(True)
            action.setChecked(True)
            action.toggled.connect(lambda on, n=name: self.set_pane_visible(n, on))
            self.pane_actions[name] = action
        self.dark_action = self._action(self._toggle_dark, "Ctrl+Shift+D", checkable=True)
        self.theme_group = QActionGroup(self)
        self.theme_actions = {}
        for mode in ("system", "light", "dark"):
            action = QAction(self)
            action.setCheckable(True)
            action.triggered.connect(lambda _c=False, m=mode: self.set_theme(m))
            self.theme_group.addAction(action)
            self.theme_actions[mode] = action
        self.about_action = self._action(self.about_dialog)
        self.shortcuts_action = self._action(self.shortcuts_dialog, sk.HelpContents)
        if self.shortcuts_action.shortcut().isEmpty():
            self.shortcuts_action.setShortcut(QKeySequence("F1"))
        self.first_steps_action = self._action(self.first_steps_dialog)
        a = self.annotating
        self.highlight_action = self._action(lambda: a.mark_selection("highlight"), "H")
        self.underline_action = self._action(lambda: a.mark_selection("underline"), "U")
        self.strike_action = self._action(lambda: a.mark_selection("strike"), "K")
        self.note_action = self._action(a.add_document_note, "Ctrl+Shift+N")
        self.colour_actions = [self._action(lambda n=n: a.pick_colour(n), str(n))
                               for n in range(1, len(COLOUR_NAMES) + 1)]
        self.undo_action = a.undo_stack.createUndoAction(self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = a.undo_stack.createRedoAction(self)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.addAction(self.undo_action)
        self.addAction(self.redo_action)
        self.import_annotations_action = self._action(a.import_dialog)
        self.export_w3c_action = self._action(a.export_w3c_dialog)
        self.export_pdf_action = self._action(a.export_pdf_dialog)
        self.export_notes_action = self._action(a.export_markdown_dialog, "Ctrl+E")
        self.ocr_page_action = self._action(
            lambda: self.ocr.read([self.view.current_page], force=True, first=True),
            "Ctrl+Shift+O")
        self.ocr_document_action = self._action(
            lambda: self.ocr.read(list(range(self.view.page_count)), force=True))
        self.stop_ocr_action = self._action(self.ocr.stop)

    def _set_icons(self, dark: bool = False) -> None:
        """Theme icons, or the style's; on a dark palette recoloured in its text colour
        (the stock icons are drawn dark and all but vanished there)."""
        style = self.style()
        pix = style.StandardPixmap
        for action, theme, fallback in (
            (self.open_action, "document-open", pix.SP_DialogOpenButton),
            (self.first_action, "go-first", pix.SP_MediaSkipBackward),
            (self.previous_action, "go-previous", pix.SP_ArrowLeft),
            (self.next_action, "go-next", pix.SP_ArrowRight),
            (self.last_action, "go-last", pix.SP_MediaSkipForward),
            (self.zoom_out_action, "zoom-out", pix.SP_ArrowDown),
            (self.zoom_in_action, "zoom-in", pix.SP_ArrowUp),
            (self.fit_width_action, "zoom-fit-width", pix.SP_TitleBarMaxButton),
            (self.fit_page_action, "zoom-fit-best", pix.SP_TitleBarNormalButton),
            (self.find_action, "edit-find", pix.SP_FileDialogContentsView),
        ):
            icon = QIcon.fromTheme(theme, style.standardIcon(fallback))
            action.setIcon(tinted(icon, QApplication.palette().color(QPalette.ColorRole.WindowText))
                           if dark else icon)

    def _build_menus_and_toolbar(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.recent_menu = self.file_menu.addMenu("")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.file_menu.insertAction(self.recent_menu.menuAction(), self.open_action)
        self.file_menu.addAction(self.open_sample_action)
        self.file_menu.addSeparator()
        for action in (self.import_annotations_action, self.export_notes_action,
                       self.export_w3c_action, self.export_pdf_action):
            self.file_menu.addAction(action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.install_model_action)
        self.file_menu.addAction(self.models_action)
        self.file_menu.addAction(self.stop_translation_action)
        self.file_menu.addAction(self.export_translation_action)
        self.file_menu.addAction(self.import_translations_action)
        self.glossary_menu = self.file_menu.addMenu("")
        for action in (self.add_term_action, self.import_glossary_action,
                       self.export_glossary_action):
            self.glossary_menu.addAction(action)
        self.file_menu.addSeparator()
        for action in (self.ocr_page_action, self.ocr_document_action, self.stop_ocr_action):
            self.file_menu.addAction(action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.print_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.edit_menu = bar.addMenu("")
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.edit_menu.addSeparator()
        for action in (self.find_action, self.find_next_action, self.find_previous_action):
            self.edit_menu.addAction(action)
        self.edit_menu.addSeparator()
        for action in (self.highlight_action, self.underline_action, self.strike_action,
                       self.note_action):
            self.edit_menu.addAction(action)
        self.colour_menu = self.edit_menu.addMenu("")
        for action in self.colour_actions:
            self.colour_menu.addAction(action)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.preferences_action)
        self.view_menu = bar.addMenu("")
        for action in (self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action,
                       self.fit_width_action, self.fit_page_action):
            self.view_menu.addAction(action)
        self.view_menu.addSeparator()
        self.panes_menu = self.view_menu.addMenu("")
        for name in PANES:
            self.panes_menu.addAction(self.pane_actions[name])
        self.panels_menu = self.view_menu.addMenu("")
        for dock in (self.thumbnails_dock, self.outline_dock, self.results_dock,
                     self.annotations_dock):
            self.panels_menu.addAction(dock.toggleViewAction())
        self.theme_menu = self.view_menu.addMenu("")
        for action in self.theme_actions.values():
            self.theme_menu.addAction(action)
        self.theme_menu.addSeparator()
        self.theme_menu.addAction(self.dark_action)
        self.go_menu = bar.addMenu("")
        for action in (self.first_action, self.previous_action, self.next_action,
                       self.last_action, self.goto_action):
            self.go_menu.addAction(action)
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.shortcuts_action)
        self.help_menu.addAction(self.first_steps_action)
        self.help_menu.addSeparator()
        self.help_menu.addAction(self.about_action)

        self.toolbar = self.addToolBar("")
        self.toolbar.setObjectName("mainToolbar")
        self._set_icons()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.toolbar.addAction(self.open_action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.first_action)
        self.toolbar.addAction(self.previous_action)
        self.page_box = QSpinBox()
        self.page_box.setObjectName("pageBox")
        self.page_box.setMinimum(1)
        self.page_box.setKeyboardTracking(False)
        self.page_box.valueChanged.connect(lambda v: self.go_to_page(v - 1))
        self.toolbar.addWidget(self.page_box)
        self.page_total = QLabel()
        self.toolbar.addWidget(self.page_total)
        self.toolbar.addAction(self.next_action)
        self.toolbar.addAction(self.last_action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.zoom_out_action)
        self.toolbar.addAction(self.zoom_in_action)
        self.toolbar.addAction(self.fit_width_action)
        self.toolbar.addAction(self.fit_page_action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.find_action)
        self.dark_toggle = QToolButton()
        self.dark_toggle.setDefaultAction(self.dark_action)
        self.dark_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.addWidget(self.dark_toggle)

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.status_page = QLabel()
        self.status_translate = QLabel()
        self.status_extract = QLabel()
        self.status_extract.setObjectName("extractProgress")
        self.status_quality = QLabel()
        self.status_quality.setObjectName("textQuality")
        self.status_zoom = QLabel()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(160)
        self.progress.setTextVisible(True)
        self.progress.hide()
        # QProgressBar.setValue repaints at once; per-page updates of a 500-page job
        # repainted the window hundreds of times. Apply the latest value at most 10 times a
        # second instead.
        self._progress_value = 0
        self._progress_timer = QTimer(self, singleShot=True, interval=100)
        self._progress_timer.timeout.connect(
            lambda: self.progress.setValue(self._progress_value))
        self.cancel_button = QToolButton()
        self.cancel_button.clicked.connect(self.cancel_search)
        self.cancel_button.hide()
        status.addPermanentWidget(self.ocr.status)
        status.addPermanentWidget(self.ocr.stop_button)
        status.addPermanentWidget(self.status_extract)
        status.addPermanentWidget(self.status_translate)
        status.addPermanentWidget(self.status_quality)
        status.addPermanentWidget(self.progress)
        status.addPermanentWidget(self.cancel_button)
        status.addPermanentWidget(self.status_page)
        status.addPermanentWidget(self.status_zoom)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self._title())
        self.open_action.setText(self.tr("&Open…"))
        self.open_sample_action.setText(self.tr("Open the &sample report"))
        self.install_model_action.setText(self.tr("Install translation &model from file…"))
        self.models_action.setText(self.tr("Translation m&odels…"))
        self.export_translation_action.setText(self.tr("E&xport translation…"))
        self.print_action.setText(self.tr("&Print…"))
        self.import_translations_action.setText(self.tr("Import translations (&XLIFF)…"))
        self.glossary_menu.setTitle(self.tr("&Glossary"))
        self.add_term_action.setText(self.tr("&Add the selected Arabic as a term…"))
        self.import_glossary_action.setText(self.tr("&Import a glossary (TBX, CSV, TSV)…"))
        self.export_glossary_action.setText(self.tr("&Export the glossary (TBX, CSV)…"))
        self.stop_translation_action.setText(self.tr("&Stop translating the document"))
        self.preferences_action.setText(self.tr("&Preferences…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.first_action.setText(self.tr("&First page"))
        self.previous_action.setText(self.tr("&Previous page"))
        self.next_action.setText(self.tr("&Next page"))
        self.last_action.setText(self.tr("&Last page"))
        self.goto_action.setText(self.tr("&Go to page…"))
        self.zoom_in_action.setText(self.tr("Zoom &in"))
        self.zoom_out_action.setText(self.tr("Zoom &out"))
        self.zoom_reset_action.setText(self.tr("&Actual size"))
        self.fit_width_action.setText(self.tr("Fit &width"))
        self.fit_page_action.setText(self.tr("Fit &page"))
        self.find_action.setText(self.tr("&Find…"))
        self.find_next_action.setText(self.tr("Find &next"))
        self.find_previous_action.setText(self.tr("Find pre&vious"))
        self.pane_actions["page"].setText(self.tr("&Page"))
        self.pane_actions["arabic"].setText(self.tr("&Arabic text"))
        self.pane_actions["translation"].setText(self.tr("&Translation"))
        self.dark_action.setText(self.tr("&Dark theme"))
        self.theme_actions["system"].setText(self.tr("Follow the &system"))
        self.theme_actions["light"].setText(self.tr("&Light"))
        self.theme_actions["dark"].setText(self.tr("&Dark"))
        self.about_action.setText(self.tr("&About Qari"))
        self.shortcuts_action.setText(self.tr("&Keyboard shortcuts"))
        self.first_steps_action.setText(self.tr("&First steps"))
        self.highlight_action.setText(self.tr("&Highlight the selection"))
        self.underline_action.setText(self.tr("&Underline the selection"))
        self.strike_action.setText(self.tr("Stri&ke through the selection"))
        self.note_action.setText(self.tr("New &note on the document…"))
        from reader.ui.annotations_panel import colour_label

        for name, action in zip(COLOUR_NAMES, self.colour_actions, strict=True):
            action.setText(colour_label(name))
        self.import_annotations_action.setText(self.tr("&Import annotations…"))
        self.export_notes_action.setText(self.tr("&Export notes (Markdown)…"))
        self.export_w3c_action.setText(self.tr("Export annotations (&W3C JSON)…"))
        self.export_pdf_action.setText(self.tr("Export an annotated &copy of the PDF…"))
        self.ocr_page_action.setText(self.tr("Read this page with &OCR"))
        self.ocr_document_action.setText(self.tr("Read the whole document with OC&R"))
        self.stop_ocr_action.setText(self.tr("Stop reading with OCR"))
        self.ocr.retranslate_ui()
        self.undo_action.setText(self.tr("&Undo"))
        self.redo_action.setText(self.tr("&Redo"))
        self.file_menu.setTitle(self.tr("&File"))
        self.colour_menu.setTitle(self.tr("&Colour"))
        self.recent_menu.setTitle(self.tr("Open &recent"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.panes_menu.setTitle(self.tr("Pa&nes"))
        self.panels_menu.setTitle(self.tr("Side pa&nels"))
        self.theme_menu.setTitle(self.tr("&Theme"))
        self.go_menu.setTitle(self.tr("&Go"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.toolbar.setWindowTitle(self.tr("Toolbar"))
        self.thumbnails_dock.setWindowTitle(self.tr("Pages"))
        self.outline_dock.setWindowTitle(self.tr("Outline"))
        self.results_dock.setWindowTitle(self.tr("Search results"))
        self.annotations_dock.setWindowTitle(self.tr("Annotations"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop the search"))
        for pane in (self.arabic_pane, self.translation_pane, self.find_bar, self.annotations):
            pane.retranslate_ui()
        self._update_status()

    def _title(self) -> str:
        if self.info is None:
            return "Qari"
        name = self.info.title or Path(self.info.path).name
        return f"{name} — Qari"

    # -- settings ----------------------------------------------------------------------------
    def _restore_window(self) -> None:
        geometry = self.settings.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self._first_size()
        state = self.settings.window_state()
        if state is not None:
            self.restoreState(state)
        splitter = self.settings.splitter_state()
        if splitter is not None:
            self.splitter.restoreState(splitter)
        for name in PANES:
            self.pane_actions[name].setChecked(self.settings.pane_visible(name))
        theme = self.settings.theme()
        self.theme_actions[theme].setChecked(True)
        self._apply_theme(theme)
        mode, zoom = self.settings.zoom()
        self._initial_zoom = (mode, zoom)
        self.translation_pane.set_document_view(self.settings.whole_document_grid())
        if self.settings.text_size():
            self.arabic_pane.set_font_size(self.settings.text_size())

    def _first_size(self) -> None:
        """The first start: the window fills most of the screen it opens on (a fixed size
        ran past a 1366×768 screen), the side docks narrow, the page pane the widest."""
        screen = self.screen() or QApplication.primaryScreen()
        area = screen.availableGeometry() if screen is not None else None
        width = min(1400, int(area.width() * 0.96)) if area is not None else 1400
        height = min(900, int(area.height() * 0.92)) if area is not None else 900
        self.resize(width, height)
        docks = max(120, width // 9)
        self.resizeDocks([self.thumbnails_dock, self.annotations_dock],
                         [docks, max(180, width // 7)], Qt.Orientation.Horizontal)
        central = max(600, width - docks - max(180, width // 7))
        self.splitter.setSizes([central * 4 // 10, central * 25 // 100, central * 35 // 100])

    def save_settings(self) -> None:
        self.settings.save_window(self.saveGeometry(), self.saveState(), self.splitter.saveState())
        for name in PANES:
            self.settings.set_pane_visible(name, self.pane_actions[name].isChecked())
        self.settings.set_zoom(self.view.fit_mode, self.view.zoom)
        self._save_position()
        self.settings.sync()

    def _save_position(self) -> None:
        if self.info is not None:
            self.settings.set_last_page(self.info.sha256, self.view.current_page)

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
        self.cancel_search()
        self.worker.shutdown()
        self.jobs.shutdown()
        self.renderer.close()
        super().closeEvent(event)

    # -- opening documents -------------------------------------------------------------------
    def open_dialog(self) -> None:
        start = str(Path(self.info.path).parent) if self.info else str(Path.home())
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open a PDF"), start,
                                              self.tr("PDF documents (*.pdf);;All files (*)"))
        if path:
            self.open_path(path)

    def open_path(self, path: str, password: str | None = None) -> None:
        """Open ``path`` in the background; the current document stays until it succeeds."""
        self.worker.cancel(self._opening)
        self.statusBar().showMessage(self.tr("Opening %1…").replace("%1", Path(path).name))

        def opened(session: DocumentSession) -> None:
            self._opening = None
            self._adopt(session)

        def failed(exc: object) -> None:
            self._opening = None
            self.statusBar().clearMessage()
            self._open_failed(path, exc)

        def job() -> DocumentSession:
            session = DocumentSession.open(path, password)
            session.render_service = self.renderer
            return session

        self._opening = self.worker.submit(job, PRIORITY_VISIBLE, opened, failed)

    def ask_password(self, name: str, retry: bool) -> str | None:
        """Ask for a document password (a method so tests can answer it)."""
        prompt = (self.tr("The password was not correct. Enter the password for “%1”:") if retry
                  else self.tr("“%1” is protected. Enter its password:")).replace("%1", name)
        text, ok = QInputDialog.getText(self, self.tr("Password"), prompt,
                                        QLineEdit.EchoMode.Password)
        return text if ok else None

    def _open_failed(self, path: str, exc: object) -> None:
        name = Path(path).name
        if isinstance(exc, DocumentError) and exc.code in (DocumentErrorCode.ENCRYPTED,
                                                           DocumentErrorCode.WRONG_PASSWORD):
            retry = exc.code == DocumentErrorCode.WRONG_PASSWORD
            if retry:
                self.show_error(document_error_text(exc))
            password = self.ask_password(name, retry)
            if password is not None:
                self.open_path(path, password)
            return
        if isinstance(exc, DocumentError):
            message = document_error_text(exc)
        else:
            message = unexpected_error_text(name, str(exc))
        self.show_error(message)

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
        self.document_failed.emit(message)

    def _adopt(self, session: DocumentSession) -> None:
        old = self.session
        if old is not None:
            self._save_position()
            self.cancel_search()
            self.worker.cancel(self._extract_task)
            self.jobs.cancel(self._translate_task)
            self.worker.submit(old.close, PRIORITY_BACKGROUND)
        self.session = session
        self.info = info = session.info
        self._segment_total = None
        self.translation_pane.set_document_counts(None)
        self.translation_pane.set_document({})  # the document view fills once text is read
        self.annotations.set_annotations(None)
        self.annotating.open(session)  # first in the document thread's queue
        self.ocr.reset(session)
        self.ocr.check()
        sizes = [(p.width, p.height) for p in info.pages]
        self.cache.set_renderer(session.render)
        self.view.set_pages(sizes)
        mode, zoom = getattr(self, "_initial_zoom", ("width", 1.0))
        if mode == PdfView.FIT_WIDTH:
            self.view.fit_width()
        elif mode == PdfView.FIT_PAGE:
            self.view.fit_page()
        else:
            self.view.set_zoom(zoom)
        self.thumbnails.set_pages(sizes, [p.label for p in info.pages])
        self.outline.set_outline(info.outline)
        self.outline_dock.setVisible(bool(info.outline))
        self.outline_dock.toggleViewAction().setEnabled(bool(info.outline))
        self.results.clear()
        self._hits = []
        self._hit_index = -1
        self.page_box.blockSignals(True)
        self.page_box.setMaximum(info.page_count)
        self.page_box.setValue(1)
        self.page_box.blockSignals(False)
        self.arabic_pane.clear()
        self.settings.add_recent(info.path)
        self.settings.set_last_document(info.path)
        self.setWindowTitle(self._title())
        self._update_document_actions()
        last = self.settings.last_page(info.sha256)
        if 0 < last < info.page_count:
            self.go_to_page(last)
        else:
            self._on_page_changed(0)
        message = self.tr("The file was damaged; Qari repaired what it could.") if info.repaired \
            else self.tr("Opened %1 (%2 pages)").replace("%1", Path(info.path).name)\
            .replace("%2", str(info.page_count))
        self.statusBar().showMessage(message, 6000)
        if self.find_bar.isVisible() and self.find_bar.query():
            self.start_search(self.find_bar.query())
        self._start_background_extraction(session)
        self.document_opened.emit(info)

    def _resume_background_extraction(self) -> None:
        if self.session is not None and self.session.extracted() < self.session.page_count:
            self._start_background_extraction(self.session)

    def _start_background_extraction(self, session: DocumentSession) -> None:
        """Read every page's text in the background, the visible page first: find and,
        later, translation then have it at hand. Page turns overtake it (lower priority)."""
        self.worker.cancel(self._extract_task)
        total = session.page_count

        def progress(_page: int) -> None:
            if session is self.session:
                self.status_extract.setText(self.tr("Text: %1 / %2 pages")
                                            .replace("%1", str(session.extracted()))
                                            .replace("%2", str(total)))

        def done(_value: object) -> None:
            if session is self.session:
                self._extract_task = None
                self.status_extract.setText("")
                self.text_extracted.emit(total)
                self._count_segments(recount=True)
                if self.translation_pane.document_view:
                    self._load_document_rows()
                self._translate_document()
                self.ocr.read(session.unusable_pages())

        def failed(exc: object) -> None:
            if session is self.session:
                self._extract_task = None
                self.status_extract.setText(self.tr("Some pages could not be read"))

        self._extract_task = self.worker.submit_steps(
            session.extract_all(self.view.current_page), PRIORITY_BACKGROUND, progress, done,
            failed)

    def _update_document_actions(self) -> None:
        has_doc = self.info is not None
        for action in (self.first_action, self.previous_action, self.next_action,
                       self.last_action, self.goto_action, self.zoom_in_action,
                       self.zoom_out_action, self.zoom_reset_action, self.fit_width_action,
                       self.fit_page_action, self.find_action, self.find_next_action,
                       self.find_previous_action, self.highlight_action,
                       self.underline_action, self.strike_action, self.note_action,
                       self.import_annotations_action, self.export_notes_action,
                       self.export_w3c_action, self.export_pdf_action, *self.colour_actions,
                       self.ocr_page_action, self.ocr_document_action, self.print_action,
                       self.export_translation_action, self.import_translations_action):
            action.setEnabled(has_doc)
        self.page_box.setEnabled(has_doc)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.recent_files()
        for path in recent:
            action = self.recent_menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.triggered.connect(lambda _c=False, p=path: self.open_path(p))
        if not recent:
            empty = self.recent_menu.addAction(self.tr("No recent files"))
            empty.setEnabled(False)
        else:
            self.recent_menu.addSeparator()
            clear = self.recent_menu.addAction(self.tr("Clear the list"))
            clear.triggered.connect(self.settings.clear_recent)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if self._dropped_pdf(event.mimeData().urls()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        path = self._dropped_pdf(event.mimeData().urls())
        if path is not None:
            event.acceptProposedAction()
            self.open_path(path)

    @staticmethod
    def _dropped_pdf(urls: list[QUrl]) -> str | None:
        for url in urls:
            if url.isLocalFile() and url.toLocalFile().lower().endswith(".pdf"):
                return url.toLocalFile()
        return None

    # -- navigation --------------------------------------------------------------------------
    def go_to_page(self, page: int) -> None:
        if self.info is None:
            return
        self.view.go_to_page(max(0, min(page, self.info.page_count - 1)))

    def _focus_page_box(self) -> None:
        self.page_box.setFocus()
        self.page_box.selectAll()

    def _on_page_changed(self, page: int) -> None:
        self.page_box.blockSignals(True)
        self.page_box.setValue(page + 1)
        self.page_box.blockSignals(False)
        self.thumbnails.select_page(page)
        self._update_status()
        self.arabic_pane.show_loading(page)
        self.view.set_selection(page, [])
        self._text_timer.start()
        if self._extract_task is not None:
            self.worker.cancel(self._extract_task)
            self.jobs.cancel(self._translate_task)
            self._extract_task = None
            self._extract_timer.start()
        self._position_timer.start()

    def _request_page_text(self) -> None:
        if self.session is None:
            return
        session, page = self.session, self.view.current_page
        self.worker.cancel(self._text_task)

        def shown(model: PageText) -> None:
            if session is self.session and page == self.view.current_page:
                self.arabic_pane.show_page(model)
                self._show_hits()
                self._show_quality(model)
                self._show_sentences(model)
                self._paint_text_annotations()
                if model.quality.unusable:  # a scan, or a text layer that is garbage
                    self.ocr.read([page], first=True)
                pending, self._pending_selection = self._pending_selection, None
                if pending is not None and pending[0] == page and pending[2] > pending[1]:
                    self.arabic_pane.select_range(pending[1], pending[2])
                self.page_text_shown.emit(page)

        def failed(exc: object) -> None:
            if session is self.session and page == self.view.current_page:
                self.arabic_pane.show_error(page, self.tr("The text of this page cannot be read."))

        self._text_task = self.worker.submit(lambda: session.page_model(page), PRIORITY_VISIBLE,
                                             shown, failed)

    def _show_quality(self, model: PageText) -> None:
        """A discreet word on how the page's text was obtained."""
        q = model.quality
        notes = []
        if q.ocr:
            notes.append(self.tr("Read by OCR"))
        elif q.no_text_layer:
            notes.append(self.tr("No text layer (a scanned page?)"))
        if q.visual_order:
            notes.append(self.tr("Text stored in visual order: reordered"))
        if q.recovered:
            notes.append(self.tr("%n glyph(s) recovered from the font", "", q.recovered))
        if q.unmapped:
            notes.append(self.tr("%n glyph(s) unreadable", "", q.unmapped))
        self.status_quality.setText(" · ".join(notes))
        self.status_quality.setToolTip(self.tr(
            "How the text of this page was obtained from the PDF's text layer."))

    def _mirror_selection(self, page: int, start: int, end: int) -> None:
        model = self.arabic_pane.model
        if model is None or model.page != page or start == end:
            self.view.set_selection(page, [])
            return
        self.view.set_selection(page, model.rects_for(start, end))

    def _page_clicked(self, page: int, x: float, y: float) -> None:
        """Click-to-sync: put the Arabic pane's cursor on the word clicked on the page."""
        model = self.arabic_pane.model
        if model is None or model.page != page:
            return
        offset = model.offset_at(x, y)
        if offset is not None:
            self.arabic_pane.set_cursor(offset, select_word=True)

    # -- annotations -----------------------------------------------------------------------
    def current_selection(self) -> tuple[PageText, int, int, str, str] | None:
        """What an annotation would cover: rows selected in the translation pane (when they
        were selected last), else the selection in the Arabic pane (made there or on the
        page)."""
        model = self.arabic_pane.model
        if model is None:
            return None
        rows = self.translation_pane.selected_rows()
        if rows and self._selection_source == TRANSLATION:
            chosen = [self._sentences[r] for r in rows if r < len(self._sentences)]
            if chosen:
                english = " ".join(self.translation_pane.target(r) for r in rows)
                return (model, min(s.start for s in chosen), max(s.end for s in chosen),
                        TRANSLATION, english)
        start, end = self.arabic_pane.selection()
        if start < end and self.arabic_pane.page == model.page:
            return model, start, end, ARABIC, ""
        return None

    def _ocr_finished(self) -> None:
        """With several scanned pages read, their running heads show by repetition."""
        session = self.session
        if session is None:
            return

        def done(changed: list[int]) -> None:
            if session is self.session and self.view.current_page in changed:
                self._request_page_text()

        self.worker.submit(session.settle_ocr_running, PRIORITY_BACKGROUND, done)

    def _ocr_page_read(self, page: int) -> None:
        """OCR gave a page its text: show it if it is the page being read."""
        if page == self.view.current_page:
            self._request_page_text()

    def _annotations_loaded(self, _count: int) -> None:
        review = self.annotating.review
        self.annotations.set_annotations(review.annotations if review else None)
        self.view.viewport().update()
        self._paint_text_annotations()

    def _annotations_changed(self) -> None:
        self.annotations.refresh()
        self.view.viewport().update()
        self._paint_text_annotations()

    def _paint_text_annotations(self) -> None:
        model = self.arabic_pane.model
        if model is None:
            return
        marks = self.annotating.text_marks(model.page)
        self.arabic_pane.set_annotation_marks(marks)
        rows: dict[int, str] = {}
        for start, end, _kind, colour in marks:
            for row, sentence in enumerate(self._sentences):
                if sentence.start < end and sentence.end > start:
                    rows.setdefault(row, colour)
        self.translation_pane.set_annotated_rows(rows)

    def go_to_annotation(self, annotation_id: str) -> None:
        review = self.annotating.review
        annotation = review.annotations.get(annotation_id) if review else None
        if annotation is None or annotation.page is None:
            return
        page = annotation.page
        if annotation.rects:
            self.view.ensure_visible(page, annotation.rects[0])
        elif annotation.point is not None:
            x, y = annotation.point
            self.view.ensure_visible(page, (x, y, x + 10, y + 10))
        else:
            self.go_to_page(page)
        model = self.arabic_pane.model
        if model is not None and model.page == page and annotation.end > annotation.start:
            self.arabic_pane.select_range(annotation.start, annotation.end)
        else:
            self._pending_selection = (page, annotation.start, annotation.end)

    def _page_dragged(self, page: int, x0: float, y0: float, x1: float, y1: float) -> None:
        """Select on the page: from the character under the press to the one under the
        pointer, in the text's own order."""
        model = self.arabic_pane.model
        if model is None or model.page != page:
            return
        a, b = model.offset_at(x0, y0), model.offset_at(x1, y1)
        if a is None or b is None:
            return
        self.arabic_pane.select_range(min(a, b), max(a, b) + 1)

    def _page_menu(self, page: int, x: float, y: float, where: object) -> None:
        from PySide6.QtWidgets import QMenu

        menu = QMenu(self)
        model = self.arabic_pane.model
        if self.current_selection() is not None:
            for action in (self.highlight_action, self.underline_action, self.strike_action):
                menu.addAction(action)
            menu.addMenu(self.colour_menu)
            menu.addSeparator()
        if model is not None and model.page == page:
            menu.addAction(self.tr("Add a note here…"),
                           lambda: self.annotating.add_sticky(model, x, y))
        menu.addAction(self.note_action)
        menu.popup(where)

    def _on_zoom_changed(self, _zoom: float) -> None:
        self._update_status()

    def _on_render_failed(self, page: int, message: str) -> None:
        self.statusBar().showMessage(
            self.tr("Page %1 cannot be displayed: %2").replace("%1", str(page + 1))
            .replace("%2", message), 8000)

    def _update_status(self) -> None:
        if self.info is None:
            self.status_page.setText(self.tr("No document"))
            self.page_total.setText("")
            self.status_zoom.setText("")
            return
        total = self.info.page_count
        self.page_total.setText(f" / {total} ")
        page = str(self.view.current_page + 1)
        self.status_page.setText(self.tr("Page %1 of %2").replace("%1", page)
                                 .replace("%2", str(total)))
        self.status_zoom.setText(f"{round(self.view.zoom * 100)}%")

    # -- panes and theme ---------------------------------------------------------------------
    def set_pane_visible(self, name: str, visible: bool) -> None:
        shown = [n for n in PANES if self.pane_actions[n].isChecked()]
        if not visible and not shown:
            # Keep at least one pane: an empty window helps nobody.
            self.pane_actions[name].setChecked(True)
            return
        self._pane_widgets[name].setVisible(visible)

    def set_theme(self, mode: str) -> None:
        self.settings.set_theme(mode)
        self.theme_actions[mode].setChecked(True)
        self._apply_theme(mode)

    def _apply_theme(self, mode: str) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            dark = apply_theme(app, mode)
            self.dark_action.blockSignals(True)
            self.dark_action.setChecked(dark)
            self.dark_action.blockSignals(False)
            self._set_icons(dark)
            if self.arabic_pane.model is not None:  # links and marks in the new colours
                self.arabic_pane.show_page(self.arabic_pane.model)
                self._paint_text_annotations()

    def _toggle_dark(self, on: bool) -> None:
        self.set_theme("dark" if on else "light")

    # -- find --------------------------------------------------------------------------------
    def open_find(self) -> None:
        self.find_bar.open_bar()

    def start_search(self, query: str) -> None:
        """Search the whole document in the background, page by page, hits as they come."""
        self.cancel_search()
        self._search_query = query
        self._hits = []
        self._hit_index = -1
        self.results.clear()
        self.view.set_search_hits({})
        self.arabic_pane.set_search_hits([])
        if self.session is None or not query.strip():
            self.find_bar.set_status("")
            return
        session = self.session
        total = session.page_count
        self.results_dock.show()
        self.results_dock.raise_()
        self.progress.setRange(0, total)
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("Searching %p%"))
        self.progress.show()
        self.cancel_button.show()

        def pages():  # noqa: ANN202 (a generator of (page, hits))
            for page in range(total):
                yield page, session.find_page(page, query)

        def found(item: tuple[int, list[Hit]]) -> None:
            page, hits = item
            self._set_progress(page + 1)
            if hits:
                self._hits.extend(hits)
                self.results.add_hits(hits, self.tr("p. %1"))
                self._show_hits()
                if self._hit_index < 0:
                    self.go_to_hit(0)

        def done(_value: object) -> None:
            self._search_task = None
            self._finish_search()

        def failed(exc: object) -> None:
            self._search_task = None
            self._finish_search()
            if not isinstance(exc, Cancelled):
                text = self.tr("The search failed: %1").replace("%1", str(exc))
                self.statusBar().showMessage(text)

        self._search_task = self.worker.submit_steps(pages(), PRIORITY_BACKGROUND, found, done,
                                                     failed)

    def _set_progress(self, value: int) -> None:
        self._progress_value = value
        if not self._progress_timer.isActive():
            self._progress_timer.start()

    def _finish_search(self) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        self._update_find_status()
        self.search_finished.emit(len(self._hits))

    def cancel_search(self) -> None:
        if self._search_task is not None:
            self.worker.cancel(self._search_task)
            self._search_task = None
            self.progress.hide()
            self.cancel_button.hide()
            self._update_find_status()

    def _update_find_status(self) -> None:
        if not self._search_query.strip():
            self.find_bar.set_status("")
        elif not self._hits:
            self.find_bar.set_status(self.tr("No matches"))
        else:
            self.find_bar.set_status(self.tr("%1 of %2").replace("%1", str(self._hit_index + 1))
                                     .replace("%2", str(len(self._hits))))

    def search_hits(self) -> list[Hit]:
        return list(self._hits)

    def _show_hits(self) -> None:
        by_page: dict[int, list[tuple[float, float, float, float]]] = {}
        for hit in self._hits:
            by_page.setdefault(hit.page, []).extend(hit.rects)
        current = None
        if 0 <= self._hit_index < len(self._hits):
            hit = self._hits[self._hit_index]
            if hit.rects:
                current = (hit.page, hit.rects[0])
        self.view.set_search_hits(by_page, current)
        # The same hits in the Arabic text of the page shown.
        page = self.arabic_pane.page
        shown = [h for h in self._hits if h.page == page]
        at = self._hits[self._hit_index] if 0 <= self._hit_index < len(self._hits) else None
        self.arabic_pane.set_search_hits([(h.start, h.end) for h in shown],
                                         shown.index(at) if at in shown else -1)

    def go_to_hit(self, index: int) -> None:
        if not self._hits:
            return
        self._hit_index = index % len(self._hits)
        hit = self._hits[self._hit_index]
        if hit.rects:
            self.view.ensure_visible(hit.page, hit.rects[0])
        else:
            self.go_to_page(hit.page)
        self.results.setCurrentRow(self._hit_index)
        self._show_hits()
        self._update_find_status()

    def find_next(self) -> None:
        if not self.find_bar.isVisible():
            self.open_find()
        self.find_bar.flush()
        self.go_to_hit(self._hit_index + 1)

    def find_previous(self) -> None:
        if not self.find_bar.isVisible():
            self.open_find()
        self.find_bar.flush()
        self.go_to_hit(self._hit_index - 1 if self._hit_index >= 0 else -1)

    def _on_find_closed(self) -> None:
        self.cancel_search()
        self.view.set_search_hits({})
        self.arabic_pane.set_search_hits([])
        self.view.setFocus()

    # -- translation models ------------------------------------------------------------------
    def _refresh_models(self) -> None:
        """Find the installed ar→en package and load it on the jobs thread (once)."""

        threads, beam = self.settings.translation_threads(), self.settings.translation_beam()

        def load() -> tuple[list[str], TranslationEngine | None]:
            packages = [p for p in installed_packages() if (p.from_code, p.to_code) == ("ar",
                                                                                      "en")]
            if not packages:
                return [], None
            package = max(packages, key=lambda p: version_key(p.version))
            if self._cache is None:
                self._cache = TranslationCache()
            model = argos.load_model(package.folder, package.version, package.target_prefix,
                                     intra_threads=threads, beam_size=beam)
            return [p.label for p in packages], TranslationEngine(model, self._cache)

        def loaded(result: tuple[list[str], TranslationEngine | None]) -> None:
            labels, engine = result
            self._engine = engine
            self.translation_pane.set_installed_models(labels)
            self.model_ready.emit(bool(engine))
            if engine is not None and self.arabic_pane.model is not None:
                self._show_sentences(self.arabic_pane.model)
            # A model installed after the text was read: the whole document, not only the
            # visible page (otherwise the background extraction's end starts it).
            if engine is not None and self.session is not None and self._extract_task is None:
                self._translate_document()

        def failed(exc: object) -> None:
            self.translation_pane.set_installed_models([])
            self.show_error(self.tr("The translation model cannot be loaded: %1")
                            .replace("%1", str(exc)))

        self.jobs.submit(load, PRIORITY_VISIBLE, loaded, failed)

    # -- translation -----------------------------------------------------------------------
    def _show_sentences(self, model: PageText) -> None:
        body = sum(len(b.text) + 1 for b in model.body)
        info = self.info
        store = self._translations()
        # The translator's fixes of the source, placed again on this reading of the page.
        fixes = (store.source_fixes.fixes(info.sha256, model.page)
                 if store is not None and info is not None else [])
        self._sentences, unplaced = page_units(model.text, body, model.spans(), fixes)
        if unplaced:
            self.statusBar().showMessage(self.tr(
                "%n fix(es) of the Arabic on this page no longer match its text; "
                "they are kept.", "", len(unplaced)), 8000)
        self.translation_pane.show_sentences(self._sentences, model.page)
        pending, self._pending_sentence = self._pending_sentence, None
        if pending is not None and pending[0] == model.page:  # a row chosen on another page
            self.translation_pane.select_sentence(pending[1])
            self._sentence_activated(pending[1])
        engine = self._engine
        if info is None or not self._sentences:
            return
        page, sources = model.page, [s.text for s in self._sentences]
        cache, memory, glossary = store, self._memory(), self._glossary()

        def work() -> tuple[list, dict, dict, dict, int, dict]:
            # Edits made on an older engine's text are placed again on this page's.
            edits = cache.place(info.sha256, page, sources, PIPELINE_VERSION) if cache else {}
            exact = memory.exact(sources) if memory else {}
            fuzzy = {s: tuple(memory.fuzzy(s)) for s in sources} if memory else {}
            translations = (engine.translate(sources) if engine is not None
                            else [Translation(s, "") for s in sources])
            terms = {s: glossary_terms(glossary, s, info.sha256) for s in sources}
            return (translations, {k: (e.text, e.status) for k, e in edits.items()},
                    exact, fuzzy, page, terms)

        def done(result: tuple[list, dict, dict, dict, int, dict]) -> None:
            if self.arabic_pane.model is not None and self.arabic_pane.model.page == page:
                self.translation_pane.show_translations(*result)
                self.page_translated.emit(page)

        self.jobs.submit(work, PRIORITY_VISIBLE, done, lambda exc: self.statusBar().showMessage(
            self.tr("Translation failed: %1").replace("%1", str(exc)), 8000))

    def _count_segments(self, recount: bool = False) -> None:
        """The document's confirmed segments of all its segments (the grid's counter), in
        the background: all segments counted once every page is read, and again after a
        fix of the source; confirmed ones after each change."""
        session, info, store = self.session, self.info, self._translations()
        if session is None or info is None or store is None:
            return
        known = None if recount else self._segment_total

        def work() -> tuple[int, int] | None:
            total = known
            if total is None:
                fixes = store.source_fixes.by_page(info.sha256)
                total = 0
                for page in range(session.page_count):
                    found = session_units(session, page, fixes.get(page, ()))
                    if found is None:
                        return None  # not every page read yet: counted when they are
                    total += len(found[1])
            confirmed = sum(e.status == REVIEWED for e in store.edits(info.sha256).values())
            return min(confirmed, total), total

        def done(result: tuple[int, int] | None) -> None:
            if result is not None and session is self.session:
                self._segment_total = result[1]
                self.translation_pane.set_document_counts(result)

        self.jobs.submit(work, PRIORITY_BACKGROUND, done, lambda _exc: None)

    def _sentence_on_page(self, page: int, index: int) -> None:
        """A row of another page chosen in the document view: go there, then select it."""
        self._pending_sentence = (page, index)
        self.go_to_page(page)

    def _grid_scope_changed(self, whole: bool) -> None:
        self.settings.set_whole_document_grid(whole)
        if whole:
            self._load_document_rows()

    def _load_document_rows(self) -> None:
        """Every read page's segments with what is known of their English (the
        translator's, the memory's, the machine's already made), for the grid's document
        view; pages not translated yet show as such until the background pass reaches
        them."""
        session, info, store = self.session, self.info, self._translations()
        if session is None or info is None or store is None:
            return
        engine, memory, glossary = self._engine, self._memory(), self._glossary()
        self.jobs.cancel(self._rows_task)

        def work() -> dict[int, list[Segment]]:
            fixes = store.source_fixes.by_page(info.sha256)
            edits = {k: (e.text, e.status) for k, e in store.edits(info.sha256).items()}
            pages: dict[int, list[Segment]] = {}
            for page in range(session.page_count):
                found = session_units(session, page, fixes.get(page, ()))
                if found is None:
                    continue
                sentences = found[1]
                sources = [s.text for s in sentences]
                known = store.get(engine.model.identity, sources) if engine else {}
                exact = memory.exact(sources) if memory else {}
                rows = []
                for i, sentence in enumerate(sentences):
                    found = known.get(" ".join(sentence.text.split()))
                    translation = (Translation(sentence.text, found[0], tuple(found[1]),
                                               found[2] or 0.0, True) if found
                                   else Translation(sentence.text, ""))
                    segment = Segment(sentence.text, page=page, index=i, start=sentence.start,
                                      end=sentence.end)
                    fill_segment(segment, translation, edits, exact, {})
                    segment.terms = glossary_terms(glossary, sentence.text, info.sha256)
                    rows.append(segment)
                pages[page] = rows
            return pages

        def done(pages: dict[int, list[Segment]]) -> None:
            self._rows_task = None
            if session is self.session:
                self.translation_pane.set_document(pages)
                self.document_rows_loaded.emit(len(pages))

        self._rows_task = self.jobs.submit(work, PRIORITY_BACKGROUND, done, lambda _e: None)

    def _translations_imported(self, _count: int = 0) -> None:
        """Translations brought back from an XLIFF: show them where they are shown."""
        if self.arabic_pane.model is not None:
            self._show_sentences(self.arabic_pane.model)
        if self.translation_pane.document_view:
            self._load_document_rows()
        self._count_segments()

    def _translations(self) -> TranslationCache | None:
        """The translations database (edits, source fixes), opened on first use."""
        if self._cache is None:
            try:
                self._cache = TranslationCache()
            except QariError as exc:
                self.show_error(str(exc))
        return self._cache

    def _fix_source(self, page: int, start: int, end: int, kind: str, texts: list,
                    cuts: list) -> None:
        """Keep a fix of the Arabic (an undoable step) and show the page's segments again:
        the changed ones are translated anew."""
        model, info, store, session = (self.arabic_pane.model, self.info, self._translations(),
                                       self.session)
        if info is None or store is None or session is None:
            return
        text = model.text if model is not None and model.page == page else session.kept_text(
            page)
        if text is None or not 0 <= start < end <= len(text):
            return
        quote, fixes = text[start:end], store.source_fixes
        made: list[SourceFix] = []

        def refresh(_result: object = None) -> None:
            if self.arabic_pane.model is not None and self.arabic_pane.model.page == page:
                self._show_sentences(self.arabic_pane.model)
            if self.translation_pane.document_view:
                self._load_document_rows()
            self._count_segments(recount=True)

        def failed(exc: object) -> None:
            self.show_error(self.tr("The fix of the Arabic could not be saved: %1")
                            .replace("%1", str(exc)))

        def do() -> None:
            def save() -> None:
                if made:
                    fixes.restore(info.sha256, made[0])
                else:
                    made.append(fixes.add(info.sha256, page, start, end, quote, kind, texts,
                                          cuts))
            self.jobs.submit(save, PRIORITY_VISIBLE, refresh, failed)

        def undo() -> None:
            self.jobs.submit(lambda: made and fixes.remove(made[0].id), PRIORITY_VISIBLE,
                             refresh, failed)

        names = {EDIT: self.tr("Fix of the Arabic"), JOIN: self.tr("Join of two segments"),
                 SPLIT: self.tr("Split of a segment")}
        self.translation_pane.undo_stack.push(Step(names.get(kind, kind), do, undo))

    def _translate_document(self) -> None:
        """Translate every page in the background (its text is read by then), so that
        reopening or turning pages shows translations at once."""
        session, engine = self.session, self._engine
        if session is None or engine is None:
            return
        self.jobs.cancel(self._translate_task)
        total = session.page_count
        first = self.view.current_page
        store, info = self._translations(), self.info
        fixes = store.source_fixes.by_page(info.sha256) if store and info else {}

        def pages():  # noqa: ANN202 (a generator of page numbers)
            for step in range(total):
                page = (first + step) % total
                found = session_units(session, page, fixes.get(page, ()))
                if found is None:
                    continue
                engine.translate([s.text for s in found[1]])
                yield page

        done_pages: list[int] = []

        def progress(page: int) -> None:
            done_pages.append(page)
            self.status_translate.setText(self.tr("Translated: %1 / %2 pages")
                                          .replace("%1", str(len(done_pages)))
                                          .replace("%2", str(total)))

        def finished(_value: object) -> None:
            self._translate_task = None
            self.status_translate.setText("")
            if self.translation_pane.document_view:
                self._load_document_rows()
            self.document_translated.emit(total)

        def failed(exc: object) -> None:
            self._translate_task = None
            self.status_translate.setText(self.tr("Translation of the document stopped: %1")
                                          .replace("%1", str(exc)))

        self._translate_task = self.jobs.submit_steps(pages(), PRIORITY_BACKGROUND, progress,
                                                      finished, failed)

    def _sentence_activated(self, index: int) -> None:
        if 0 <= index < len(self._sentences):
            sentence = self._sentences[index]
            self.arabic_pane.select_range(sentence.start, sentence.end)

    def _sentence_hovered(self, index: int) -> None:
        """Hovering an English sentence tints its Arabic and its region on the page."""
        model = self.arabic_pane.model
        if model is None or not 0 <= index < len(self._sentences):
            self.arabic_pane.tint_range(-1, -1)
            self.view.set_hover(-1, [])
            return
        sentence = self._sentences[index]
        self.arabic_pane.tint_range(sentence.start, sentence.end)
        self.view.set_hover(model.page, model.rects_for(sentence.start, sentence.end))

    def _arabic_hovered(self, offset: int) -> None:
        index = next((i for i, s in enumerate(self._sentences) if s.start <= offset <= s.end),
                     -1)
        self.translation_pane.hover_sentence(index)
        model = self.arabic_pane.model
        if model is not None and index >= 0:
            sentence = self._sentences[index]
            self.view.set_hover(model.page, model.rects_for(sentence.start, sentence.end))
        else:
            self.view.set_hover(-1, [])

    def _cursor_moved(self) -> None:
        position = self.arabic_pane.browser.textCursor().position()
        for index, sentence in enumerate(self._sentences):
            if sentence.start <= position <= sentence.end:
                self.translation_pane.select_sentence(index)
                break

    def _memory(self) -> TranslationMemory | None:
        """The translation memory, opened on first use (a damaged file is set aside)."""
        if self._translation_memory is None:
            try:
                self._translation_memory = memory = TranslationMemory()
            except QariError as exc:
                self.show_error(str(exc))
            else:
                if memory.set_aside is not None:
                    self.statusBar().showMessage(self.tr(
                        "The translation memory was damaged. It was kept as %1 and a new one "
                        "was started.").replace("%1", str(memory.set_aside)), 15000)
        return self._translation_memory

    def _glossary(self) -> Glossary | None:
        """The glossary, opened on first use (a damaged file is set aside)."""
        if self._glossary_store is None:
            try:
                self._glossary_store = Glossary()
            except QariError as exc:
                self.show_error(str(exc))
        return self._glossary_store

    def add_term_dialog(self) -> None:
        """The Arabic selected (in the text pane, on the page, or a grid row) as a
        glossary term, with the English the translator gives it."""
        model = self.arabic_pane.model
        start, end = self.arabic_pane.selection()
        term = model.text[start:end].strip() if model is not None and start < end else ""
        if not term:
            self.statusBar().showMessage(self.tr("Select the Arabic of a term first."), 6000)
            return
        dialog = QDialog(self)
        dialog.setObjectName("addTermDialog")
        dialog.setWindowTitle(self.tr("Add to the glossary"))
        english = QLineEdit(dialog)
        only_here = QCheckBox(self.tr("Only for this document"), dialog)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, dialog)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        form = QFormLayout(dialog)
        form.addRow(self.tr("English for “%1”:").replace("%1", term), english)
        form.addRow("", only_here)
        form.addRow(buttons)
        dialog.accepted.connect(lambda: english.text().strip() and self.add_term(
            term, english.text(), only_here.isChecked()))
        dialog.open()
        self._term_dialog = dialog

    def add_term(self, term: str, english: str, this_document: bool = False) -> None:
        glossary, info = self._glossary(), self.info
        if glossary is None:
            return
        scope = info.sha256 if this_document and info is not None else ""

        def added(_term: object) -> None:
            self.statusBar().showMessage(
                self.tr("Added “%1” to the glossary.").replace("%1", term), 6000)
            self._translations_imported(0)

        # Written off the window's thread like every other store write (a synced commit).
        self.jobs.submit(lambda: glossary.add(term, english, scope=scope), PRIORITY_VISIBLE,
                         added, lambda exc: self.show_error(str(exc)))

    def _save_edit(self, source: str, text: str, status: str, page: int = -1,
                   start: int = -1) -> None:
        """Keep a translator's edit with where it was made (page, offset, engine), so it
        can be placed again when a newer engine reads the page differently; an edited or
        confirmed pair goes into the translation memory. Another status is an edit undone."""
        info, model, cache = self.info, self.arabic_pane.model, self._translations()
        if info is None or cache is None:
            return
        memory = self._memory()
        if page < 0 and model is not None:
            page = model.page
            start = next((s.start for s in self._sentences if s.text == source), -1)
        previous = self._kept_pairs.pop(source, None)

        def save() -> None:
            if status in (EDITED, REVIEWED):
                cache.edit(info.sha256, source, text, status, page, start, PIPELINE_VERSION)
                if memory is not None:
                    memory.add(source, text, info.sha256, status)
            else:
                cache.forget(info.sha256, source)
                if memory is not None and previous is not None:
                    memory.remove(source, previous)

        if status in (EDITED, REVIEWED):
            self._kept_pairs[source] = text
        self.jobs.submit(save,
                         PRIORITY_VISIBLE, lambda _r: self._count_segments(),
                         lambda exc: self.show_error(
                             self.tr("Your correction could not be saved: %1")
                             .replace("%1", str(exc))))

    def _alternatives(self, source: str) -> None:
        engine = self._engine
        if engine is None:
            return

        def done(result: list) -> None:
            alternatives = [result[0].target, *result[0].alternatives]
            self.translation_pane.set_alternatives(source, alternatives)
            self.statusBar().showMessage(self.tr("Other translations are ready in the "
                                                 "sentence's menu."), 5000)

        # Without the cache: the cache holds the best translation only.
        self.jobs.submit(lambda: TranslationEngine(engine.model).translate(
            [source], num_hypotheses=4), PRIORITY_VISIBLE, done, lambda _e: None)

    def models_dialog(self) -> None:
        from reader.ui.models_dialog import ModelsDialog

        dialog = ModelsDialog(self)
        dialog.install_requested.connect(self.install_model)
        dialog.changed.connect(self._refresh_models)
        self.model_ready.connect(lambda _ok: dialog.refresh())
        dialog.open()
        self._models_dialog = dialog

    def stop_translation(self) -> None:
        """Stop translating the rest of the document (the visible page is still done)."""
        if self._translate_task is not None:
            self.jobs.cancel(self._translate_task)
            self._translate_task = None
            self.status_translate.setText(self.tr("Translation of the document stopped"))

    def install_model_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Install a translation model"), str(Path.home()),
            self.tr("Argos Translate models (*.argosmodel);;All files (*)"))
        if path:
            self.install_model(path)

    def install_model(self, path: str) -> None:
        self.statusBar().showMessage(self.tr("Installing %1…").replace("%1", Path(path).name))

        def done(package: object) -> None:
            self.statusBar().showMessage(self.tr("Installed the translation model %1.")
                                         .replace("%1", getattr(package, "label", "")), 8000)
            self._refresh_models()

        def failed(exc: object) -> None:
            self.statusBar().clearMessage()
            if isinstance(exc, ModelPackageError):
                self.show_error(self.tr("This translation model cannot be installed: %1")
                                .replace("%1", str(exc)))
            else:
                self.show_error(self.tr("Installing the model failed: %1").replace("%1", str(exc)))

        self.jobs.submit(lambda: install_package(path), PRIORITY_VISIBLE, done, failed)

    # -- dialogs -----------------------------------------------------------------------------
    def preferences_dialog(self) -> None:
        from reader.ui.preferences import PreferencesDialog

        dialog = PreferencesDialog(self.settings, self)
        dialog.export_memory.connect(self.translation_files.export_memory_dialog)
        dialog.import_memory.connect(self.translation_files.import_memory_dialog)
        if dialog.exec():
            self.set_theme(self.settings.theme())
            self._refresh_models()  # threads and beam size apply to a reloaded model

    def shortcuts_dialog(self) -> None:
        from reader.ui.help_dialogs import ShortcutsDialog

        self._help = ShortcutsDialog(self.actions(), self)
        self._help.open()

    def first_steps_dialog(self) -> None:
        from reader.ui.help_dialogs import FirstStepsDialog

        self._help = FirstStepsDialog(self)
        self._help.open()

    def about_dialog(self) -> None:
        from reader import __version__

        QMessageBox.about(self, self.tr("About Qari"), self.tr(
            "<b>Qari %1</b><p>An offline reader for the bilingual review of Arabic reports.</p>"
            "<p>Licensed under the GNU Affero General Public License, version 3 or later.</p>")
            .replace("%1", __version__))

