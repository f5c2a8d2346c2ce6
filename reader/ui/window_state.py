"""The window's shape, remembered: its size and docks, the panes shown and their widths, the
theme, the zoom; and a first size that suits the screen it opens on."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QSplitter, QWidget

from reader.ui.pdf_view import PdfView
from reader.ui.settings import SettingsStore
from reader.ui.theme import apply_theme

PANES = ("page", "arabic", "translation")


class WindowLayout(QObject):
    theme_applied = Signal(bool)  # a theme was applied (dark or not)

    def __init__(self, window: QMainWindow, settings: SettingsStore, splitter: QSplitter,
                 panes: dict[str, QWidget], side_docks: tuple[QDockWidget, QDockWidget],
                 view: PdfView) -> None:
        super().__init__(window)
        self.window, self.settings, self.splitter, self.panes = window, settings, splitter, panes
        self.side_docks, self.view = side_docks, view
        self.pane_actions: dict[str, QAction] = {}
        for name in PANES:
            action = QAction(window)
            action.setCheckable(True)
            action.setChecked(True)
            action.toggled.connect(lambda on, n=name: self.set_pane_visible(n, on))
            self.pane_actions[name] = action
        self.dark_action = QAction(window)
        self.dark_action.setCheckable(True)
        self.dark_action.setShortcut("Ctrl+Shift+D")
        self.dark_action.toggled.connect(lambda on: self.set_theme("dark" if on else "light"))
        window.addAction(self.dark_action)
        self.theme_group = QActionGroup(window)
        self.theme_actions: dict[str, QAction] = {}
        for mode in ("system", "light", "dark"):
            action = QAction(window)
            action.setCheckable(True)
            action.triggered.connect(lambda _c=False, m=mode: self.set_theme(m))
            self.theme_group.addAction(action)
            self.theme_actions[mode] = action

    def retranslate_ui(self) -> None:
        self.pane_actions["page"].setText(self.tr("&Page"))
        self.pane_actions["arabic"].setText(self.tr("&Arabic text"))
        self.pane_actions["translation"].setText(self.tr("&Translation"))
        self.dark_action.setText(self.tr("&Dark theme"))
        self.theme_actions["system"].setText(self.tr("Follow the &system"))
        self.theme_actions["light"].setText(self.tr("&Light"))
        self.theme_actions["dark"].setText(self.tr("&Dark"))

    def restore(self) -> None:
        settings, window = self.settings, self.window
        geometry = settings.geometry()
        if geometry is None or not window.restoreGeometry(geometry):
            self._first_size()
        state = settings.window_state()
        if state is not None:
            window.restoreState(state)
        splitter = settings.splitter_state()
        if splitter is not None:
            self.splitter.restoreState(splitter)
        for name in PANES:
            self.pane_actions[name].setChecked(settings.pane_visible(name))
        theme = settings.theme()
        self.theme_actions[theme].setChecked(True)
        self._apply_theme(theme)

    def _first_size(self) -> None:
        """The first start: the window fills most of the screen it opens on (a fixed size
        ran past a 1366×768 screen), the side docks narrow, the page pane the widest. On a
        laptop screen the page thumbnails start hidden (View → Side panels): five columns
        left the page at half its size."""
        window = self.window
        screen = window.screen() or QApplication.primaryScreen()
        area = screen.availableGeometry() if screen is not None else None
        width = min(1400, int(area.width() * 0.96)) if area is not None else 1400
        height = min(900, int(area.height() * 0.92)) if area is not None else 900
        window.resize(width, height)
        thumbnails, annotations = self.side_docks
        left, right = max(120, width // 9), max(180, width // 7)
        if width < 1500:
            thumbnails.hide()
            left = 0
        window.resizeDocks([annotations], [right], Qt.Orientation.Horizontal)
        if left:
            window.resizeDocks([thumbnails], [left], Qt.Orientation.Horizontal)
        central = max(600, width - left - right)
        self.splitter.setSizes([central * 48 // 100, central * 20 // 100, central * 32 // 100])

    def save(self) -> None:
        settings = self.settings
        settings.save_window(self.window.saveGeometry(), self.window.saveState(),
                             self.splitter.saveState())
        for name in PANES:
            settings.set_pane_visible(name, self.pane_actions[name].isChecked())
        settings.set_zoom(self.view.fit_mode, self.view.zoom)

    def set_pane_visible(self, name: str, visible: bool) -> None:
        if not visible and not any(a.isChecked() for a in self.pane_actions.values()):
            # Keep at least one pane: an empty window helps nobody.
            self.pane_actions[name].setChecked(True)
            return
        self.panes[name].setVisible(visible)

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
            self.theme_applied.emit(dark)
