"""The two text panes beside the page: Arabic (always right to left) and the translation
(always left to right), whatever the UI language."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextLength,
    QTextOption,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QTextBrowser,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from reader.arabic.bidi import L, R, bidi_class
from reader.arabic.model import FOOTNOTE, HEADING, TABLE_ROW, BlockSpan, PageText
from reader.ui.fonts import arabic_family

# A footnote call: digits glued to the end of an Arabic word (التوقعات1).
_CALL = re.compile(r"(?<=[\u0621-\u064a\u064b-\u0652)A-Za-z])(\d{1,3})(?=[\s.,،؛:؟)»\"]|$)")


def _left_to_right(text: str) -> bool:
    """Letters that read left to right and none that read right to left (the engine's
    bidi classes): an English paragraph of an Arabic page."""
    classes = {bidi_class(ch) for ch in text}
    return L in classes and R not in classes


DEFAULT_POINTS, MIN_POINTS, MAX_POINTS = 13.0, 8.0, 40.0


def _columns(text: str, spans: Sequence[BlockSpan], metrics: QFontMetrics) -> list[float]:
    """Tab stops for the page's table rows: each column as wide as its widest cell (one
    set for the page: its tables rarely differ, and a wider stop only adds air)."""
    widths: list[int] = []
    for span in spans:
        for number, (start, end) in enumerate(span.cells):
            width = metrics.horizontalAdvance(text[start:end])
            if number < len(widths):
                widths[number] = max(widths[number], width)
            else:
                widths.append(width)
    stops, x = [], 0.0
    for width in widths[:-1]:
        x += width + 2 * metrics.averageCharWidth()
        stops.append(x)
    return stops


class ArabicTextPane(QWidget):
    """The current page's Arabic text in logical order, shaped by Qt, selectable.

    The document holds exactly the page model's text (blocks separated by one newline),
    so a cursor position is an offset into ``PageText.text``: that is what ties a
    selection here to glyph boxes on the page, and a click on the page to a place here.
    """

    selection_changed = Signal(int, int, int)  # page, start, end (offsets in the page text)
    hovered = Signal(int)  # text offset under the pointer, -1 when it leaves
    font_size_changed = Signal(float)  # points: the reader made the text larger or smaller

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.title = QLabel(self)
        self.title.setObjectName("paneTitle")
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("arabicText")
        self.browser.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.browser.setOpenLinks(False)
        font = QFont(arabic_family(), DEFAULT_POINTS)
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
        self._model: PageText | None = None
        self._notes: dict[str, int] = {}
        self._marks: list[QTextEdit.ExtraSelection] = []
        self._tint: list[QTextEdit.ExtraSelection] = []
        self._hits: list[QTextEdit.ExtraSelection] = []  # find hits on this page
        self.browser.anchorClicked.connect(self._follow_anchor)
        self.browser.viewport().setMouseTracking(True)
        self.browser.viewport().installEventFilter(self)
        self.browser.installEventFilter(self)  # its size keys: Ctrl+= Ctrl+- Ctrl+0
        self.browser.selectionChanged.connect(self._on_selection)
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

    @property
    def model(self) -> PageText | None:
        return self._model

    def show_page(self, model: PageText) -> None:
        """Show a repaired page: headings styled, notes under a rule, calls linked."""
        self._page = model.page
        self._model = model
        self._notes = {}
        self._marks, self._tint = [], []
        self.browser.blockSignals(True)
        # The new text must not take the format where the cursor stood (a bold heading, a
        # table cell): the page after would be bold throughout.
        self.browser.clear()
        self.browser.setCurrentCharFormat(QTextCharFormat())
        # A table's cells are parted by tabs (the space between them, so every offset stays
        # the page model's) and set in columns below.
        spans = model.spans()
        shown = list(model.text)
        for span in spans:
            for (_a, end), (start, _b) in itertools.pairwise(span.cells):
                if start == end + 1 and shown[end] == " ":
                    shown[end] = "\t"
        self.browser.setPlainText("".join(shown))
        self.browser.blockSignals(False)
        if not model.text.strip():
            self.browser.setPlaceholderText(self.tr("This page has no text layer."))
            return
        document = self.browser.document()
        base = self.browser.font().pointSizeF()
        columns = _columns(model.text, spans, QFontMetrics(self.browser.font()))
        position = 0
        blocks = model.blocks()
        first_note = len(model.body)
        for index, block in enumerate(blocks):
            length = len(block.text)
            cursor = QTextCursor(document)
            cursor.setPosition(position)
            cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
            block_format = cursor.blockFormat()
            if _left_to_right(block.text):
                # An English paragraph of an Arabic page reads left to right (its full
                # stop at its end, not at its start).
                block_format.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
                block_format.setAlignment(Qt.AlignmentFlag.AlignLeft
                                          | Qt.AlignmentFlag.AlignAbsolute)
            char_format = QTextCharFormat()
            if block.kind == HEADING:
                char_format.setFontWeight(QFont.Weight.Bold)
                char_format.setFontPointSize(base * 1.2)
                block_format.setTopMargin(8)
            elif block.kind == TABLE_ROW:
                char_format.setBackground(self.palette().alternateBase())
            elif block.kind == FOOTNOTE:
                char_format.setFontPointSize(base * 0.82)
                number = block.text.split(" ", 1)[0]
                if number.isdigit():
                    self._notes.setdefault(number, position)
            if index == first_note - 1 and model.notes:
                # A rule between the body and the notes, drawn without adding text.
                block_format.setProperty(QTextFormat.Property.BlockTrailingHorizontalRulerWidth,
                                         QTextLength(QTextLength.Type.PercentageLength, 40))
                block_format.setBottomMargin(6)
            if block.kind == TABLE_ROW and columns:
                # A cell starts at its stop: its right edge in a right-to-left row (a left
                # tab there set a long cell's far end at the stop, over its neighbour).
                kind = (QTextOption.TabType.LeftTab if _left_to_right(block.text)
                        else QTextOption.TabType.RightTab)
                block_format.setTabPositions([QTextOption.Tab(x, kind) for x in columns])
            cursor.setBlockFormat(block_format)
            if char_format.propertyCount():
                cursor.mergeCharFormat(char_format)
            position += length + 1
        self._link_calls(model, document)
        self.browser.moveCursor(QTextCursor.MoveOperation.Start)

    def _link_calls(self, model: PageText, document: QTextDocument) -> None:
        """Digits glued to a word that match a note number become superscript links."""
        body_end = sum(len(b.text) + 1 for b in model.body)
        for match in _CALL.finditer(model.text[:body_end]):
            number = match.group(1)
            if number not in self._notes:
                continue
            cursor = QTextCursor(document)
            cursor.setPosition(match.start(1))
            cursor.setPosition(match.end(1), QTextCursor.MoveMode.KeepAnchor)
            link = QTextCharFormat()
            link.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignSuperScript)
            link.setAnchor(True)
            link.setAnchorHref(f"#note-{number}")
            link.setForeground(QApplication.palette().link())  # the new theme's, at once
            cursor.mergeCharFormat(link)

    def _follow_anchor(self, url: QUrl) -> None:
        number = url.fragment().removeprefix("note-")
        if number in self._notes:
            self.set_cursor(self._notes[number])

    def set_cursor(self, offset: int, select_word: bool = False) -> None:
        cursor = self.browser.textCursor()
        cursor.setPosition(max(0, min(offset, len(self.browser.toPlainText()))))
        if select_word:
            cursor.select(QTextCursor.SelectionType.WordUnderCursor)
        self.browser.setTextCursor(cursor)
        self.browser.ensureCursorVisible()

    def selection(self) -> tuple[int, int]:
        cursor = self.browser.textCursor()
        return cursor.selectionStart(), cursor.selectionEnd()

    def _on_selection(self) -> None:
        start, end = self.selection()
        self.selection_changed.emit(self._page, start, end)

    def set_font_size(self, points: float) -> None:
        """The Arabic text's size (the page is shown again: headings scale with it)."""
        points = max(MIN_POINTS, min(MAX_POINTS, points))
        font = self.browser.font()
        if abs(font.pointSizeF() - points) < 0.01:
            return
        font.setPointSizeF(points)
        self.browser.setFont(font)
        if self._model is not None:
            self.show_page(self._model)
        self.font_size_changed.emit(points)

    def _size_step(self, event: QEvent) -> int | None:
        """+1, -1 or 0 (back to the default) for the size keys and Ctrl+wheel; None else."""
        ctrl = Qt.KeyboardModifier.ControlModifier
        if isinstance(event, QKeyEvent) and event.modifiers() & ctrl:
            return {Qt.Key.Key_Equal: 1, Qt.Key.Key_Plus: 1, Qt.Key.Key_Minus: -1,
                    Qt.Key.Key_0: 0}.get(Qt.Key(event.key()))
        if isinstance(event, QWheelEvent) and event.modifiers() & ctrl:
            delta = event.angleDelta().y()
            return (1 if delta > 0 else -1) if delta else None
        return None

    def eventFilter(self, watched: object, event: QEvent) -> bool:  # noqa: N802
        # Over the text, the size keys size the text (elsewhere they zoom the page).
        if event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress,
                            QEvent.Type.Wheel) and (step := self._size_step(event)) is not None:
            if event.type() != QEvent.Type.ShortcutOverride:
                size = self.browser.font().pointSizeF()
                self.set_font_size(DEFAULT_POINTS if step == 0 else size + step)
            event.accept()
            return True
        if event.type() == QEvent.Type.MouseMove:
            self.hovered.emit(self.browser.cursorForPosition(event.position().toPoint())
                              .position())
        elif event.type() == QEvent.Type.Leave:
            self.hovered.emit(-1)
        return super().eventFilter(watched, event)

    def _extra(self, start: int, end: int) -> QTextEdit.ExtraSelection | None:
        length = len(self.browser.toPlainText())
        start, end = max(0, start), min(end, length)
        if start >= end:
            return None
        extra = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.browser.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        extra.cursor = cursor
        return extra

    def tint_range(self, start: int, end: int) -> None:
        """A light tint on ``text[start:end]`` (the sentence hovered in the translation)."""
        self._tint = []
        extra = self._extra(start, end) if 0 <= start < end else None
        if extra is not None:
            extra.format.setBackground(self.palette().highlight().color().lighter(170))
            self._tint = [extra]
        self._paint_extras()

    def _paint_extras(self) -> None:
        self.browser.setExtraSelections(self._marks + self._hits + self._tint)

    def set_search_hits(self, ranges: list[tuple[int, int]], current: int = -1) -> None:
        """Mark find hits in the text as on the page; ``current`` (an index in ``ranges``)
        the one being looked at."""
        self._hits = []
        for number, (start, end) in enumerate(ranges):
            extra = self._extra(start, end)
            if extra is None:
                continue
            shade = QColor(255, 140, 0) if number == current else QColor(255, 210, 0)
            shade.setAlpha(150 if number == current else 90)
            extra.format.setBackground(shade)
            self._hits.append(extra)
        self._paint_extras()

    def search_hits(self) -> list[tuple[int, int]]:
        return [(e.cursor.selectionStart(), e.cursor.selectionEnd()) for e in self._hits]

    def set_annotation_marks(self, marks: list[tuple[int, int, str, str]]) -> None:
        """Draw annotations: (start, end, kind, colour) over the page's text."""
        self._marks = []
        for start, end, kind, colour in marks:
            extra = self._extra(start, end)
            if extra is None:
                continue
            shade = QColor(colour)
            if kind == "highlight":
                shade.setAlpha(110)
                extra.format.setBackground(shade)
            elif kind == "underline":
                extra.format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                extra.format.setUnderlineColor(shade.darker(130))
            else:
                extra.format.setFontStrikeOut(True)
                extra.format.setForeground(shade.darker(180))
            self._marks.append(extra)
        self._paint_extras()

    def select_range(self, start: int, end: int) -> None:
        """Select ``text[start:end]`` (a sentence chosen in the translation pane)."""
        cursor = self.browser.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.browser.setTextCursor(cursor)
        self.browser.ensureCursorVisible()

    def show_text(self, page: int, text: str) -> None:
        self._page = page
        self._model = None
        if not text.strip():
            self.browser.setPlainText("")
            self.browser.setPlaceholderText(self.tr("This page has no text layer."))
        else:
            self.browser.setPlainText(text)
            self.browser.moveCursor(QTextCursor.MoveOperation.Start)

    def show_error(self, page: int, message: str) -> None:
        self._page = page
        self.browser.setPlainText("")
        self.browser.setPlaceholderText(message)

    def clear(self) -> None:
        self._page = -1
        self._model = None
        self.browser.clear()
        self.retranslate_ui()

    def text(self) -> str:
        return self.browser.toPlainText()
