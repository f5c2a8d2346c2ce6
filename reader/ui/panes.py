"""The two text panes beside the page: Arabic (always right to left) and the translation
(always left to right), whatever the UI language."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QTextCursor
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from reader.ui.fonts import arabic_family


class ArabicTextPane(QWidget):
    """The current page's Arabic text in logical order, shaped by Qt, selectable."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.title = QLabel(self)
        self.title.setObjectName("paneTitle")
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("arabicText")
        self.browser.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.browser.setOpenLinks(False)
        font = QFont(arabic_family(), 13)
        self.browser.setFont(font)
        # Right to left even for a paragraph that starts with digits or Latin letters.
        option = self.browser.document().defaultTextOption()
        option.setTextDirection(Qt.LayoutDirection.RightToLeft)
        option.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        self.browser.document().setDefaultTextOption(option)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.browser)
        self._page = -1
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Arabic text"))
        self.browser.setPlaceholderText(self.tr("Open a PDF to see its text here."))

    @property
    def page(self) -> int:
        return self._page

    def show_loading(self, page: int) -> None:
        self._page = page
        self.browser.setPlainText("")
        self.browser.setPlaceholderText(self.tr("Reading page %1…").replace("%1", str(page + 1)))

    def show_text(self, page: int, text: str) -> None:
        self._page = page
        paragraphs = [p.strip() for p in text.split("\n\n")]
        body = "\n\n".join(p for p in paragraphs if p)
        if not body.strip():
            self.browser.setPlainText("")
            self.browser.setPlaceholderText(self.tr("This page has no text layer."))
        else:
            self.browser.setPlainText(body)
            self.browser.moveCursor(QTextCursor.MoveOperation.Start)

    def show_error(self, page: int, message: str) -> None:
        self._page = page
        self.browser.setPlainText("")
        self.browser.setPlaceholderText(message)

    def clear(self) -> None:
        self._page = -1
        self.browser.clear()
        self.retranslate_ui()

    def text(self) -> str:
        return self.browser.toPlainText()


class TranslationPane(QWidget):
    """The English side. Until a model is installed it says how to get one."""

    install_requested = Signal()

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
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.message)
        layout.addWidget(self.install_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self._models: list[str] = []
        self.retranslate_ui()

    def set_installed_models(self, models: list[str]) -> None:
        self._models = models
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("English translation"))
        self.install_button.setText(self.tr("Install model from file…"))
        if self._models:
            self.message.setText(
                self.tr("Installed translation model: %1. Sentence-by-sentence translation "
                        "is not available in this version yet.").replace("%1",
                                                                         ", ".join(self._models)))
        else:
            self.message.setText(self.tr(
                "No Arabic→English translation model is installed.\n\n"
                "Qari translates offline and never downloads anything by itself. On a computer "
                "with internet access, download the Argos Translate package "
                "“translate-ar_en” (a .argosmodel file), copy it to this computer, then "
                "choose “Install model from file…”."))
