"""The window's commands: every action with its keys, the menus, the toolbar, the page's
context menu and the small dialogs (preferences, help, about). Each action calls the
controller that does the work."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QMainWindow,
    QMenu,
    QMessageBox,
    QToolButton,
)

from reader.annotations.model import COLOUR_NAMES
from reader.resources import sample_report
from reader.ui.annotating import AnnotationController
from reader.ui.documents import DocumentController
from reader.ui.finding import FindController
from reader.ui.models import ModelsController
from reader.ui.navigation import NavigationController
from reader.ui.ocr_runner import OcrRunner
from reader.ui.pdf_view import PdfView
from reader.ui.printing import Printing
from reader.ui.settings import SettingsStore
from reader.ui.theme import tinted
from reader.ui.translating import TranslationController
from reader.ui.translation_files import TranslationFiles
from reader.ui.window_state import PANES, WindowLayout


@dataclass
class WindowParts:
    """The controllers and views the commands act on."""

    documents: DocumentController
    navigation: NavigationController
    find: FindController
    translation: TranslationController
    models: ModelsController
    annotating: AnnotationController
    ocr: OcrRunner
    files: TranslationFiles
    printing: Printing
    layout: WindowLayout
    view: PdfView
    docks: tuple[QDockWidget, ...]


class WindowCommands(QObject):
    def __init__(self, window: QMainWindow, parts: WindowParts, settings: SettingsStore) -> None:
        super().__init__(window)
        self.window, self.parts, self.settings = window, parts, settings
        self._build_actions()
        self._build_menus()
        self._build_toolbar()

    def _action(self, slot: object, shortcut: QKeySequence | str | None = None) -> QAction:
        action = QAction(self.window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)
        return action

    def _build_actions(self) -> None:
        p, sk, a = self.parts, QKeySequence.StandardKey, self.parts.annotating
        nav, view, files = p.navigation, p.view, p.files
        self.open_action = self._action(p.documents.open_dialog, sk.Open)
        self.open_sample_action = self._action(
            lambda: p.documents.open_path(str(sample_report())))
        self.install_model_action = self._action(p.models.install_dialog)
        self.models_action = self._action(p.models.dialog)
        self.stop_translation_action = self._action(p.translation.stop)
        self.export_translation_action = self._action(files.export_dialog, "Ctrl+Shift+E")
        self.print_action = self._action(p.printing.print_dialog, sk.Print)
        self.import_translations_action = self._action(files.import_dialog)
        self.import_glossary_action = self._action(files.import_glossary_dialog)
        self.export_glossary_action = self._action(files.export_glossary_dialog)
        self.add_term_action = self._action(p.translation.add_term_dialog, "Ctrl+Shift+G")
        self.preferences_action = self._action(self.preferences_dialog, sk.Preferences)
        if self.preferences_action.shortcut().isEmpty():
            self.preferences_action.setShortcut(QKeySequence("Ctrl+,"))
        self.quit_action = self._action(self.window.close, "Ctrl+Q")
        self.first_action = self._action(lambda: nav.go_to_page(0), "Ctrl+Home")
        self.previous_action = self._action(lambda: nav.go_to_page(view.current_page - 1))
        self.previous_action.setShortcuts([QKeySequence("Ctrl+PgUp"), QKeySequence("Alt+Left")])
        self.next_action = self._action(lambda: nav.go_to_page(view.current_page + 1))
        self.next_action.setShortcuts([QKeySequence("Ctrl+PgDown"), QKeySequence("Alt+Right")])
        self.last_action = self._action(lambda: nav.go_to_page(view.page_count - 1), "Ctrl+End")
        self.goto_action = self._action(nav.focus_page_box, "Ctrl+G")
        self.zoom_in_action = self._action(view.zoom_in)
        self.zoom_in_action.setShortcuts([QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")])
        self.zoom_out_action = self._action(view.zoom_out, "Ctrl+-")
        self.zoom_reset_action = self._action(view.reset_zoom, "Ctrl+0")
        self.fit_width_action = self._action(view.fit_width, "Ctrl+1")
        self.fit_page_action = self._action(view.fit_page, "Ctrl+2")
        self.find_action = self._action(p.find.open, sk.Find)
        self.find_next_action = self._action(p.find.next, "F3")
        self.find_previous_action = self._action(p.find.previous, "Shift+F3")
        self.about_action = self._action(self.about_dialog)
        self.shortcuts_action = self._action(self.shortcuts_dialog, sk.HelpContents)
        if self.shortcuts_action.shortcut().isEmpty():
            self.shortcuts_action.setShortcut(QKeySequence("F1"))
        self.first_steps_action = self._action(self.first_steps_dialog)
        self.highlight_action = self._action(lambda: a.mark_selection("highlight"), "H")
        self.underline_action = self._action(lambda: a.mark_selection("underline"), "U")
        self.strike_action = self._action(lambda: a.mark_selection("strike"), "K")
        self.note_action = self._action(a.add_document_note, "Ctrl+Shift+N")
        self.colour_actions = [self._action(lambda n=n: a.pick_colour(n), str(n))
                               for n in range(1, len(COLOUR_NAMES) + 1)]
        self.undo_action = a.undo_stack.createUndoAction(self.window)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = a.undo_stack.createRedoAction(self.window)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.window.addAction(self.undo_action)
        self.window.addAction(self.redo_action)
        self.import_annotations_action = self._action(a.import_dialog)
        self.export_w3c_action = self._action(a.export_w3c_dialog)
        self.export_pdf_action = self._action(a.export_pdf_dialog)
        self.export_notes_action = self._action(a.export_markdown_dialog, "Ctrl+E")
        self.ocr_page_action = self._action(
            lambda: p.ocr.read([view.current_page], force=True, first=True), "Ctrl+Shift+O")
        self.ocr_document_action = self._action(
            lambda: p.ocr.read(list(range(view.page_count)), force=True))
        self.stop_ocr_action = self._action(p.ocr.stop)
        self.document_actions = (
            self.first_action, self.previous_action, self.next_action, self.last_action,
            self.goto_action, self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action,
            self.fit_width_action, self.fit_page_action, self.find_action,
            self.find_next_action, self.find_previous_action, self.highlight_action,
            self.underline_action, self.strike_action, self.note_action,
            self.import_annotations_action, self.export_notes_action, self.export_w3c_action,
            self.export_pdf_action, *self.colour_actions, self.ocr_page_action,
            self.ocr_document_action, self.print_action, self.export_translation_action,
            self.import_translations_action)

    def _menu(self, menu: QMenu | None, items: list[QAction | QMenu | None]) -> QMenu:
        """``menu`` (a new one in the menu bar when None) filled with ``items`` (None: a
        separator)."""
        if menu is None:
            menu = self.window.menuBar().addMenu("")
        for item in items:
            if item is None:
                menu.addSeparator()
            elif isinstance(item, QMenu):
                menu.addMenu(item)
            else:
                menu.addAction(item)
        return menu

    def _build_menus(self) -> None:
        layout, docks = self.parts.layout, self.parts.docks
        self.recent_menu = QMenu(self.window)
        self.recent_menu.aboutToShow.connect(
            lambda: self.parts.documents.fill_recent_menu(self.recent_menu))
        self.glossary_menu = self._menu(QMenu(self.window), [
            self.add_term_action, self.import_glossary_action, self.export_glossary_action])
        self.file_menu = self._menu(None, [
            self.open_action, self.recent_menu, self.open_sample_action, None,
            self.import_annotations_action, self.export_notes_action, self.export_w3c_action,
            self.export_pdf_action, None, self.install_model_action, self.models_action,
            self.stop_translation_action, self.export_translation_action,
            self.import_translations_action, self.glossary_menu, None, self.ocr_page_action,
            self.ocr_document_action, self.stop_ocr_action, None, self.print_action, None,
            self.quit_action])
        self.colour_menu = QMenu(self.window)
        self.colour_menu.addActions(self.colour_actions)
        self.edit_menu = self._menu(None, [
            self.undo_action, self.redo_action, None, self.find_action, self.find_next_action,
            self.find_previous_action, None, self.highlight_action, self.underline_action,
            self.strike_action, self.note_action, self.colour_menu, None,
            self.preferences_action])
        self.view_menu = self._menu(None, [
            self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action,
            self.fit_width_action, self.fit_page_action, None])
        self.panes_menu = self._menu(QMenu(self.window),
                                     [layout.pane_actions[n] for n in PANES])
        self.panels_menu = self._menu(QMenu(self.window), [d.toggleViewAction() for d in docks])
        self.theme_menu = self._menu(QMenu(self.window), [
            *layout.theme_actions.values(), None, layout.dark_action])
        self.view_menu.addMenu(self.panes_menu)
        self.view_menu.addMenu(self.panels_menu)
        self.view_menu.addMenu(self.theme_menu)
        self.go_menu = self._menu(None, [self.first_action, self.previous_action,
                                         self.next_action, self.last_action, self.goto_action])
        self.help_menu = self._menu(None, [self.shortcuts_action, self.first_steps_action, None,
                                           self.about_action])

    def _build_toolbar(self) -> None:
        nav = self.parts.navigation
        self.toolbar = self.window.addToolBar("")
        self.toolbar.setObjectName("mainToolbar")
        self.set_icons()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        for item in (self.open_action, None, self.first_action, self.previous_action,
                     nav.page_box, nav.page_total, self.next_action, self.last_action, None,
                     self.zoom_out_action, self.zoom_in_action, self.fit_width_action,
                     self.fit_page_action, None, self.find_action):
            if item is None:
                self.toolbar.addSeparator()
            elif isinstance(item, QAction):
                self.toolbar.addAction(item)
            else:
                self.toolbar.addWidget(item)
        self.dark_toggle = QToolButton()
        self.dark_toggle.setDefaultAction(self.parts.layout.dark_action)
        self.dark_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.addWidget(self.dark_toggle)

    def retranslate_ui(self) -> None:
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
        if QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            # A right-to-left menu lays a shortcut out right to left too ("Ctrl+," read
            # "+,Ctrl"): given after a tab, isolated left to right, it reads as typed.
            for action in self.window.actions():
                keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                if keys and "\t" not in action.text():
                    label = action.text().replace("&", "")
                    action.setToolTip(label)  # toolbar buttons: the label alone
                    action.setIconText(label.rstrip("…"))
                    action.setText(f"{action.text()}\t\u2066{keys}\u2069")

    def set_icons(self, dark: bool = False) -> None:
        """Theme icons, or the style's; on a dark palette recoloured in its text colour
        (the stock icons are drawn dark and all but vanished there)."""
        style = self.window.style()
        pix = style.StandardPixmap
        colour = QApplication.palette().color(QPalette.ColorRole.WindowText)
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
            action.setIcon(tinted(icon, colour) if dark else icon)

    def set_document_open(self, open_: bool) -> None:
        for action in self.document_actions:
            action.setEnabled(open_)
        self.parts.navigation.page_box.setEnabled(open_)

    def page_menu(self, page: int, x: float, y: float, where: object) -> None:
        """The page's context menu: mark the selection, or put a note where it was asked."""
        menu = QMenu(self.window)
        model = self.parts.navigation.pane.model
        if self.parts.translation.current_selection() is not None:
            for action in (self.highlight_action, self.underline_action, self.strike_action):
                menu.addAction(action)
            menu.addMenu(self.colour_menu)
            menu.addSeparator()
        if model is not None and model.page == page:
            menu.addAction(self.tr("Add a note here…"),
                           lambda: self.parts.annotating.add_sticky(model, x, y))
        menu.addAction(self.note_action)
        menu.popup(where)

    # -- dialogs -------------------------------------------------------------------------------
    def preferences_dialog(self) -> None:
        from reader.ui.preferences import PreferencesDialog

        dialog = PreferencesDialog(self.settings, self.window)
        dialog.export_memory.connect(self.parts.files.export_memory_dialog)
        dialog.import_memory.connect(self.parts.files.import_memory_dialog)
        if dialog.exec():
            self.parts.layout.set_theme(self.settings.theme())
            self.parts.models.refresh()  # threads and beam size apply to a reloaded model

    def shortcuts_dialog(self) -> None:
        from reader.ui.help_dialogs import ShortcutsDialog

        self._help = ShortcutsDialog(self.window.actions(), self.window)
        self._help.open()

    def first_steps_dialog(self) -> None:
        from reader.ui.help_dialogs import FirstStepsDialog

        self._help = FirstStepsDialog(self.window)
        self._help.open()

    def about_dialog(self) -> None:
        from reader import __version__

        QMessageBox.about(self.window, self.tr("About Qari"), self.tr(
            "<b>Qari %1</b><p>An offline reader for the bilingual review of Arabic reports.</p>"
            "<p>Licensed under the GNU Affero General Public License, version 3 or later.</p>")
            .replace("%1", __version__))
