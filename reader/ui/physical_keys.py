"""Single-key actions (H, U, K, 1–8) by the key's place on the keyboard as well as by its
letter: with an Arabic layout the H key types «ا» and Qt's shortcut never fires.

The place comes from the key's scan code, which follows the PC keyboard's set-1 codes on
Windows and, plus 8, on Linux (X11 and Wayland both pass evdev codes). Keys typed into a
text field are left alone: there an Arabic letter is meant as one."""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

# PC set-1 scan codes (the same numbers as Linux evdev key codes) of the keys that carry a
# single-key action's character on a US layout.
_SET1 = {2: "1", 3: "2", 4: "3", 5: "4", 6: "5", 7: "6", 8: "7", 9: "8", 10: "9", 11: "0",
         16: "Q", 17: "W", 18: "E", 19: "R", 20: "T", 21: "Y", 22: "U", 23: "I", 24: "O",
         25: "P", 30: "A", 31: "S", 32: "D", 33: "F", 34: "G", 35: "H", 36: "J", 37: "K",
         38: "L", 44: "Z", 45: "X", 46: "C", 47: "V", 48: "B", 49: "N", 50: "M"}
_OFFSET = 0 if sys.platform == "win32" else 8  # X11 and Wayland add 8 to evdev codes
_MODIFIERS = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
              | Qt.KeyboardModifier.MetaModifier)


def key_at(scan_code: int) -> str:
    """The US-layout character of the key with this native scan code ("" if none)."""
    return _SET1.get(scan_code - _OFFSET, "")


def _typing(widget: QWidget) -> bool:
    """Is the focus where a key is text (an editable field)?"""
    if isinstance(widget, QLineEdit | QAbstractSpinBox | QComboBox):
        return True
    return isinstance(widget, QPlainTextEdit | QTextEdit) and not widget.isReadOnly()


class PhysicalKeys(QObject):
    """Watches key presses in a window; a key no shortcut took, typed where no text is
    edited, triggers the window's single-key action for its place on the keyboard."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if event.modifiers() & _MODIFIERS or event.isAutoRepeat():
            return False
        key = event.key()
        if Qt.Key.Key_A <= key <= Qt.Key.Key_Z or Qt.Key.Key_0 <= key <= Qt.Key.Key_9:
            return False  # a Latin layout: Qt's shortcuts already answered
        focus = QApplication.focusWidget()
        if focus is None or focus.window() is not self._window or _typing(focus):
            return False
        letter = key_at(event.nativeScanCode())
        if not letter:
            return False
        wanted = QKeySequence(letter)
        for action in self._window.actions():
            if action.isEnabled() and action.shortcut() == wanted:
                action.trigger()
                return True
        return False
