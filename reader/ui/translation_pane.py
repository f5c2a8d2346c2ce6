"""The English side: one row per Arabic sentence of the page, editable, with a status.

Enter (or leaving the editor) keeps an edit, Ctrl+Enter marks the sentence reviewed; the
context menu offers other translations and copies the page as bilingual text.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QIcon, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from reader.translation.cache import EDITED, MACHINE, REVIEWED
from reader.translation.engine import Translation
from reader.translation.segment import Sentence

SOURCE_ROLE = Qt.ItemDataRole.UserRole
STATUS_ROLE = Qt.ItemDataRole.UserRole + 1
WARNINGS_ROLE = Qt.ItemDataRole.UserRole + 4
# The English the pane itself last put in the row: only a different text typed by the
# translator is an edit (Qt reports icon, tooltip and tint changes as item changes too).
SHOWN_ROLE = Qt.ItemDataRole.UserRole + 5
WAITING = "…"  # the row's text until its translation arrives


class SentenceList(QListWidget):
    review_requested = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
                event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            if self.currentRow() >= 0:
                self.review_requested.emit(self.currentRow())
            return
        super().keyPressEvent(event)


class TranslationPane(QWidget):
    """Until a model is installed it says how to get one."""

    install_requested = Signal()
    sentence_activated = Signal(int)  # index in the page's sentences
    sentence_hovered = Signal(int)  # -1 when the pointer leaves
    edited = Signal(str, str, str)  # source sentence, new English, status
    alternatives_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.title = QLabel(self)
        self.title.setObjectName("paneTitle")
        self.message = QLabel(self)
        self.message.setObjectName("translationMessage")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.install_button = QPushButton(self)
        self.install_button.setObjectName("installModel")
        self.install_button.clicked.connect(self.install_requested)
        self.sentences = SentenceList(self)
        self.sentences.setObjectName("sentenceList")
        self.sentences.setWordWrap(True)
        self.sentences.setAlternatingRowColors(True)
        # Several sentences can be selected and annotated together.
        self.sentences.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self._hovered = -1
        self._annotated: dict[int, str] = {}
        self.sentences.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                       | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.sentences.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.sentences.customContextMenuRequested.connect(self._menu)
        self.sentences.currentRowChanged.connect(self._activated)
        self.sentences.itemChanged.connect(self._changed)
        self.sentences.review_requested.connect(self.mark_reviewed)
        self.sentences.setMouseTracking(True)
        self.sentences.itemEntered.connect(
            lambda item: self.sentence_hovered.emit(self.sentences.row(item)))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.message)
        layout.addWidget(self.install_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.sentences, 1)
        self._models: list[str] = []
        self._page_sentences: list[Sentence] = []
        self._filling = False
        self.retranslate_ui()

    # -- state ---------------------------------------------------------------------------
    def set_installed_models(self, models: list[str]) -> None:
        self._models = models
        self.retranslate_ui()

    def has_model(self) -> bool:
        return bool(self._models)

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("English translation"))
        self.install_button.setText(self.tr("Install model from file…"))
        self.install_button.setVisible(not self._models)
        self.sentences.setVisible(bool(self._models))
        if self._models:
            self.message.setText(self.tr("Model: %1. Double-click a sentence to correct it; "
                                         "Ctrl+Enter marks it reviewed.")
                                 .replace("%1", ", ".join(self._models)))
        else:
            self.message.setText(self.tr(
                "No Arabic→English translation model is installed.\n\n"
                "Qari translates offline and never downloads anything by itself. On a computer "
                "with internet access, download the Argos Translate package "
                "“translate-ar_en” (a .argosmodel file), copy it to this computer, then "
                "choose “Install model from file…”."))

    # -- sentences -------------------------------------------------------------------------
    def show_sentences(self, sentences: list[Sentence]) -> None:
        """The page's sentences, waiting for their translation."""
        self._page_sentences = sentences
        self._filling = True
        self._hovered = -1
        self._annotated = {}
        self.sentences.clear()
        for sentence in sentences:
            item = QListWidgetItem(WAITING)
            item.setData(SOURCE_ROLE, sentence.text)
            item.setData(SHOWN_ROLE, WAITING)
            item.setToolTip(sentence.text)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            self.sentences.addItem(item)
        self._filling = False

    def show_translations(self, translations: list[Translation],
                          edits: dict[str, tuple[str, str]]) -> None:
        """Machine translations, with the translator's own edits in their place."""
        self._filling = True
        for row, translation in enumerate(translations[:self.sentences.count()]):
            item = self.sentences.item(row)
            edit = edits.get(" ".join(translation.source.split()))
            if edit is not None:
                text, status = edit
            else:
                text, status = translation.target, MACHINE
            item.setText(text)
            item.setData(SHOWN_ROLE, text)
            item.setData(STATUS_ROLE, status)
            self._decorate(item, translation.warnings() if status == MACHINE else [])
        self._filling = False

    def _decorate(self, item: QListWidgetItem, warnings: list[str]) -> None:
        status = item.data(STATUS_ROLE)
        names = {MACHINE: self.tr("machine translation"), EDITED: self.tr("edited"),
                 REVIEWED: self.tr("reviewed")}
        notes = {"arabic_left": self.tr("Arabic left in the English"),
                 "unchanged": self.tr("the output equals the input"),
                 "length": self.tr("unusual length"),
                 "failed": self.tr("the model could not translate this sentence")}
        tip = [item.data(SOURCE_ROLE), "", names.get(status, "")]
        tip += [f"⚠ {notes[w]}" for w in warnings]
        item.setToolTip("\n".join(tip))
        # A visible mark per row: warning, edited or reviewed (machine output has none).
        pixmap = QStyle.StandardPixmap
        icon = {EDITED: pixmap.SP_FileDialogDetailedView, REVIEWED: pixmap.SP_DialogApplyButton}
        if status in icon:
            item.setIcon(self.style().standardIcon(icon[status]))
        elif warnings:
            item.setIcon(self.style().standardIcon(pixmap.SP_MessageBoxWarning))
        else:
            item.setIcon(QIcon())
        item.setData(WARNINGS_ROLE, warnings)
        item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, names.get(status, ""))

    def status(self, row: int) -> str:
        return str(self.sentences.item(row).data(STATUS_ROLE) or MACHINE)

    def select_sentence(self, index: int) -> None:
        if 0 <= index < self.sentences.count():
            self.sentences.blockSignals(True)
            self.sentences.setCurrentRow(index)
            self.sentences.blockSignals(False)
            self.sentences.scrollToItem(self.sentences.item(index))

    def hover_sentence(self, index: int) -> None:
        """Tint the row of the sentence hovered in the Arabic pane."""
        self._hovered = index
        self._paint_rows()

    def set_annotated_rows(self, colours: dict[int, str]) -> None:
        """Rows whose sentence carries an annotation, in its colour."""
        self._annotated = dict(colours)
        self._paint_rows()

    def _paint_rows(self) -> None:
        self._filling = True  # tints are no edits
        try:
            self._tint_rows()
        finally:
            self._filling = False

    def _tint_rows(self) -> None:
        for row in range(self.sentences.count()):
            item = self.sentences.item(row)
            if row == self._hovered:
                item.setBackground(self.palette().highlight().color().lighter(170))
            elif row in self._annotated:
                tint = QColor(self._annotated[row])
                tint.setAlpha(70)
                item.setBackground(tint)
            else:
                item.setBackground(QBrush())

    def selected_rows(self) -> list[int]:
        return sorted(self.sentences.row(i) for i in self.sentences.selectedItems())

    def leaveEvent(self, event: object) -> None:  # noqa: N802
        self.sentence_hovered.emit(-1)
        super().leaveEvent(event)

    def _activated(self, row: int) -> None:
        if row >= 0:
            self.sentence_activated.emit(row)

    def _changed(self, item: QListWidgetItem) -> None:
        """An item changed: an edit only if its text is not what the pane last showed (a
        tint, an icon or a tooltip changes the item too)."""
        if self._filling or item.text() == item.data(SHOWN_ROLE):
            return
        if not item.text().strip():  # an emptied row: back to what it showed
            self._filling = True
            item.setText(str(item.data(SHOWN_ROLE) or ""))
            self._filling = False
            return
        self._set_status(item, EDITED)

    def mark_reviewed(self, row: int) -> None:
        """Confirm a row's English; a row still waiting for its translation has none."""
        item = self.sentences.item(row)
        if item is not None and item.text() != WAITING and item.text().strip():
            self._set_status(item, REVIEWED)

    def _set_status(self, item: QListWidgetItem, status: str) -> None:
        """The translator's word on a sentence: shown at once, saved by the window."""
        self._filling = True
        item.setData(STATUS_ROLE, status)
        item.setData(SHOWN_ROLE, item.text())
        self._decorate(item, [])
        self._filling = False
        self.edited.emit(item.data(SOURCE_ROLE), item.text(), status)

    def set_alternatives(self, row: int, alternatives: list[str]) -> None:
        item = self.sentences.item(row)
        if item is not None:
            item.setData(Qt.ItemDataRole.UserRole + 3, alternatives)

    def bilingual_text(self) -> str:
        rows = []
        for row in range(self.sentences.count()):
            item = self.sentences.item(row)
            rows.append(f"{item.data(SOURCE_ROLE)}\n{item.text()}")
        return "\n\n".join(rows)

    def _menu(self, point: object) -> None:
        item = self.sentences.itemAt(point)
        menu = QMenu(self)
        if item is not None:
            row = self.sentences.row(item)
            alternatives = item.data(Qt.ItemDataRole.UserRole + 3) or []
            if alternatives:
                for text in alternatives:
                    action = menu.addAction(text)
                    action.triggered.connect(lambda _c=False, t=text, i=item: i.setText(t))
            else:
                more = menu.addAction(self.tr("Show other translations"))
                more.triggered.connect(lambda _c=False, r=row: self.alternatives_requested.emit(r))
            menu.addSeparator()
            review = menu.addAction(self.tr("Mark as reviewed"))
            review.setShortcut(QKeySequence("Ctrl+Return"))
            review.triggered.connect(lambda _c=False, r=row: self.mark_reviewed(r))
        copy = menu.addAction(self.tr("Copy the page as bilingual text"))
        copy.triggered.connect(
            lambda: QGuiApplication.clipboard().setText(self.bilingual_text()))
        menu.popup(self.sentences.viewport().mapToGlobal(point))
