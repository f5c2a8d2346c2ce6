"""Help: the keyboard shortcuts sheet (F1), made from the window's own actions so it never
drifts from them, and a short "first steps" page."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)


class ShortcutsDialog(QDialog):
    def __init__(self, actions: Sequence[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows: list[tuple[str, str]] = []
        for action in actions:
            keys = [k.toString(QKeySequence.SequenceFormat.NativeText)
                    for k in action.shortcuts() if not k.isEmpty()]
            text = action.text().split("\t")[0]
            text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
            if keys and text:
                # Isolated left to right: "Ctrl+," stays so in a right-to-left table.
                rows.append((text.rstrip("…"), "\u2066" + ", ".join(keys) + "\u2069"))
        rows += [(text, f"\u2066{keys}\u2069") for keys, text in self.grid_keys()]
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setObjectName("shortcutsTable")
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for row, (text, keys) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(text))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.resizeColumnToContents(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(560, 640)

    def grid_keys(self) -> list[tuple[str, str]]:
        """The translation grid's own keys (they act inside the grid, not as menu items)."""
        return [
            ("Enter", self.tr("Grid: edit the English of a sentence")),
            ("Shift+Enter", self.tr("Grid, while editing: a line break")),
            ("Ctrl+Enter", self.tr("Grid: confirm and go to the next unconfirmed sentence")),
            ("Esc", self.tr("Grid, while editing: cancel")),
            ("Ctrl+Up, Ctrl+Down", self.tr("Grid: previous or next sentence")),
            ("Ctrl+1, Ctrl+2, Ctrl+3", self.tr("Grid: put in a memory match or another "
                                               "translation")),
            ("Ctrl+Shift+C", self.tr("Grid: copy the Arabic into the English")),
            ("F3", self.tr("Grid: fix the Arabic source (a line break splits it)")),
            ("Ctrl+Shift+J", self.tr("Grid: join a sentence with the next")),
            ("Ctrl+Z, Ctrl+Shift+Z", self.tr("Grid: undo, redo")),
        ]


class FirstStepsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstStepsDialog")
        self.setWindowTitle(self.tr("First steps"))
        text = QTextBrowser(self)
        text.setObjectName("firstStepsText")
        text.setOpenExternalLinks(False)
        text.setHtml(self.tr(
            "<h2>First steps with Qari</h2>"
            "<ol>"
            "<li><b>Open a report</b> (Ctrl+O, or drop a PDF on the window). The page is on "
            "the left, its Arabic text in reading order in the middle, the translation grid "
            "on the right.</li>"
            "<li><b>Install a translation model once</b>: File → Install translation model "
            "from file… with the <i>translate-ar_en</i> .argosmodel file you carried over. "
            "Qari never goes online.</li>"
            "<li><b>Post-edit</b> in the grid: Enter edits a sentence's English, Ctrl+Enter "
            "confirms it and moves on. F3 corrects the Arabic when the PDF's text was "
            "wrong.</li>"
            "<li><b>Annotate</b>: select text and press H (highlight), U (underline) or K "
            "(strike); 1–8 pick a colour. Notes and highlights are listed on the right.</li>"
            "<li><b>Hand on your work</b>: File → Export translation… (Word, OpenDocument, "
            "HTML, Markdown, TMX, XLIFF) and File → Export notes….</li>"
            "</ol>"
            "<p>F1 lists every keyboard shortcut. Everything you do is saved as you go.</p>"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)
        self.resize(560, 480)
