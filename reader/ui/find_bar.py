"""The find bar: Ctrl+F shows it, Enter/F3 next, Shift+Enter/Shift+F3 previous, Esc hides."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from reader.ui.fonts import arabic_family


class FindBar(QWidget):
    query_changed = Signal(str)  # debounced
    next_requested = Signal()
    previous_requested = Signal()
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setObjectName("findEdit")
        self.edit.setClearButtonEnabled(True)
        font = self.edit.font()
        font.setFamilies([font.family(), arabic_family()])
        self.edit.setFont(font)
        self.status = QLabel(self)
        self.previous_button = QToolButton(self)
        self.next_button = QToolButton(self)
        self.close_button = QToolButton(self)
        self.previous_button.setArrowType(Qt.ArrowType.UpArrow)
        self.next_button.setArrowType(Qt.ArrowType.DownArrow)
        self.close_button.setText("✕")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        self.label = QLabel(self)
        layout.addWidget(self.label)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.status)
        layout.addWidget(self.close_button)
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(lambda: self.query_changed.emit(self.edit.text()))
        self.edit.textEdited.connect(lambda _t: self._debounce.start())
        self.edit.returnPressed.connect(self._on_return)
        self.previous_button.clicked.connect(self.previous_requested)
        self.next_button.clicked.connect(self.next_requested)
        self.close_button.clicked.connect(self.close_bar)
        self.edit.installEventFilter(self)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.label.setText(self.tr("Find:"))
        self.edit.setPlaceholderText(self.tr("Search the document (harakat are ignored)"))
        self.previous_button.setToolTip(self.tr("Previous match (Shift+F3)"))
        self.next_button.setToolTip(self.tr("Next match (F3)"))
        self.close_button.setToolTip(self.tr("Close the find bar (Esc)"))

    def query(self) -> str:
        return self.edit.text()

    def flush(self) -> None:
        """Emit a pending debounced query now (Enter pressed before the pause ended)."""
        if self._debounce.isActive():
            self._debounce.stop()
            self.query_changed.emit(self.edit.text())

    def _on_return(self) -> None:
        pending = self._debounce.isActive()
        self.flush()
        if not pending:
            self.next_requested.emit()

    def open_bar(self) -> None:
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.closed.emit()

    def set_status(self, text: str) -> None:
        self.status.setText(text)

    def _handle_key(self, event: QKeyEvent) -> bool:
        """Esc closes; Shift+Enter goes back. True when the key was used."""
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return True
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.flush()
            self.previous_requested.emit()
            return True
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (focus on a button)
        if not self._handle_key(event):
            super().keyPressEvent(event)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802, ANN001 (focus in the edit)
        if watched is self.edit and event.type() == event.Type.KeyPress and self._handle_key(
                event):
            return True
        return super().eventFilter(watched, event)
