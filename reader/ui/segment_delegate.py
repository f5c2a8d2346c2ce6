"""How a row of the segment grid is painted, measured and edited: a status strip, the
English on the left, the Arabic on the right; the editor opens over the English half."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QHelpEvent,
    QKeyEvent,
    QPainter,
    QPalette,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QPlainTextEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QWidget,
)

from reader.translation.cache import EDITED, MACHINE, REVIEWED
from reader.ui.segments import MEMORY, NEW, SEGMENT_ROLE, Segment

# Tints by status (light; blended with the palette's base so dark themes keep contrast).
_TINTS = {NEW: QColor(128, 128, 128), MEMORY: QColor(70, 130, 220),
          EDITED: QColor(230, 170, 30), REVIEWED: QColor(60, 170, 90)}
_MARKS = {NEW: "…", MACHINE: "M", MEMORY: "TM", EDITED: "✎", REVIEWED: "✓"}


class GridHost(Protocol):
    """What the delegate asks of the grid it paints for (the grid is not imported: it
    imports this module)."""

    view: QListView
    hovered_row: int

    def arabic_font(self) -> QFont: ...
    def warning_text(self, code: str) -> str: ...
    def term_text(self, term: str, english: tuple[str, ...]) -> str: ...
    def waiting_text(self) -> str: ...
    def choice_lines(self, segment: Segment) -> list[str]: ...
    def show_choices(self, segment: Segment | None, rect: QRect) -> None: ...
    def keep_text(self, row: int, text: str) -> None: ...
    def editor_done(self, editor: TargetEditor, row: int, how: str) -> None: ...
    def editor_cancelled(self, editor: TargetEditor) -> None: ...
    def editor_choose(self, editor: TargetEditor, row: int, n: int) -> None: ...
    def editor_copy_source(self, editor: TargetEditor, row: int) -> None: ...


def claims(event: QEvent, action_for: Callable[[QKeyEvent], str]) -> bool:
    """Take a key the widget acts on before the window's shortcuts do (accepting the
    shortcut override makes Qt deliver it as a key press)."""
    if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) \
            and action_for(event):
        event.accept()
        return True
    return False


class TargetEditor(QPlainTextEdit):
    """The multi-line editor of a row's English; its keys are the grid's."""

    committed = Signal(str)  # "keep", "confirm", "up", "down"
    cancelled = Signal()
    choose = Signal(int)  # Ctrl+1…3
    copy_source = Signal()

    @staticmethod
    def action_for(event: QKeyEvent) -> str:
        """The editor's action for a key ("" for none: the key types)."""
        key, mods = event.key(), event.modifiers()
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if mods & Qt.KeyboardModifier.ShiftModifier and not ctrl:
                return "newline"
            return "confirm" if ctrl else "keep"
        if key == Qt.Key.Key_Escape:
            return "cancel"
        if ctrl and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            return "up" if key == Qt.Key.Key_Up else "down"
        if ctrl and Qt.Key.Key_1 <= key <= Qt.Key.Key_3:
            return f"choose{key - Qt.Key.Key_1}"
        if ctrl and mods & Qt.KeyboardModifier.ShiftModifier and key == Qt.Key.Key_C:
            return "copy_source"
        return ""

    def event(self, event: QEvent) -> bool:
        # Its keys win over the window's shortcuts (Ctrl+1 is "fit width" there).
        return claims(event, self.action_for) or super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        action = self.action_for(event)
        if action == "newline":
            self.insertPlainText("\n")
        elif action in ("keep", "confirm", "up", "down"):
            self.committed.emit(action)
        elif action == "cancel":
            self.cancelled.emit()
        elif action.startswith("choose"):
            self.choose.emit(int(action.removeprefix("choose")))
        elif action == "copy_source":
            self.copy_source.emit()
        else:
            super().keyPressEvent(event)


class SegmentDelegate(QStyledItemDelegate):
    """Paints a row (status strip, English on the left, Arabic on the right) and measures
    it; the grid opens its editor over the English half."""

    PAD = 6
    STRIP = 30

    def __init__(self, grid: GridHost, parent: QWidget) -> None:
        super().__init__(parent)
        self.grid = grid
        self.editing_row = -1

    # -- geometry ---------------------------------------------------------------------------
    def _parts(self, rect: QRect) -> tuple[QRect, QRect, QRect]:
        strip = QRect(rect.left(), rect.top(), self.STRIP, rect.height())
        rest = rect.width() - self.STRIP - 3 * self.PAD
        half = max(rest // 2, 40)
        target = QRect(strip.right() + self.PAD, rect.top() + self.PAD, half,
                       rect.height() - 2 * self.PAD)
        source = QRect(target.right() + 2 * self.PAD, rect.top() + self.PAD,
                       rect.right() - target.right() - 3 * self.PAD,
                       rect.height() - 2 * self.PAD)
        return strip, target, source

    def _text_height(self, font: QFont, width: int, text: str) -> int:
        metrics = QFontMetrics(font)
        flags = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft)
        return metrics.boundingRect(QRect(0, 0, max(width, 10), 1 << 20), flags,
                                    text or " ").height()

    def _extra_lines(self, segment: Segment, row: int) -> list[str]:
        """Lines under the English: warnings, and while editing the alternatives."""
        lines = [f"⚠ {self.grid.warning_text(w)}" for w in segment.warnings]
        lines += [f"⚠ {self.grid.term_text(term, english)}"
                  for term, english in segment.missing_terms()]
        if row == self.editing_row:
            lines += self.grid.choice_lines(segment)
        return lines

    def sizeHint(self, option: QStyleOptionViewItem,  # noqa: N802
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        segment: Segment = index.data(SEGMENT_ROLE)
        width = self.grid.view.viewport().width()
        if segment.header:
            return QSize(width, QFontMetrics(self.grid.view.font()).height() + 2 * self.PAD)
        extra = self._extra_lines(segment, index.row())
        key = (width, segment.source, segment.target, len(extra) + 100 * (
            index.row() == self.editing_row))
        height = segment.heights.get(key)
        if height is None:
            _strip, target, source = self._parts(QRect(0, 0, width, 100))
            font = self.grid.view.font()
            small = QFont(font)
            small.setPointSizeF(font.pointSizeF() * 0.85)
            # A row with no English yet shows the waiting note instead: room for it.
            shown = segment.target or (self.grid.waiting_text() if segment.status == NEW
                                       else "")
            english = self._text_height(font, target.width(), shown)
            if extra:
                english += self._text_height(small, target.width(), "\n".join(extra)) + 4
            if index.row() == self.editing_row:
                english += 2 * QFontMetrics(font).height()  # the editor's frame, a line more
            arabic = self._text_height(self.grid.arabic_font(), source.width(), segment.source)
            height = max(english, arabic, QFontMetrics(font).height()) + 2 * self.PAD + 1
            if len(segment.heights) > 8:  # old widths: forget them
                segment.heights.clear()
            segment.heights[key] = height
        return QSize(width, height)

    # -- painting -----------------------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        segment: Segment = index.data(SEGMENT_ROLE)
        row = index.row()
        rect = option.rect
        palette = option.palette
        painter.save()
        if segment.header:  # a page's separator
            painter.fillRect(rect, palette.color(QPalette.ColorRole.AlternateBase))
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            bold = QFont(option.font)
            bold.setBold(True)
            painter.setFont(bold)
            painter.drawText(rect.adjusted(self.PAD, 0, -self.PAD, 0),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                             segment.source)
            painter.setPen(palette.color(QPalette.ColorRole.Mid))
            painter.drawLine(rect.bottomLeft(), rect.bottomRight())
            painter.restore()
            return
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        base = palette.color(QPalette.ColorRole.Base)
        background = base
        tint = QColor(segment.annotated) if segment.annotated else _TINTS.get(segment.status)
        if tint is not None:
            background = blend(base, tint, 0.16)
        if row == self.grid.hovered_row:
            background = blend(background, palette.color(QPalette.ColorRole.Highlight), 0.18)
        if selected:
            background = blend(background, palette.color(QPalette.ColorRole.Highlight), 0.35)
        painter.fillRect(rect, background)
        strip, target, source = self._parts(rect)
        mark_colour = _TINTS.get(segment.status, palette.color(QPalette.ColorRole.Mid))
        painter.fillRect(QRect(strip.left(), strip.top(), 4, strip.height()), mark_colour)
        text = palette.color(QPalette.ColorRole.Text)
        painter.setPen(text)
        small = QFont(option.font)
        small.setPointSizeF(option.font.pointSizeF() * 0.85)
        painter.setFont(small)
        mark = _MARKS.get(segment.status, "")
        if segment.warnings and segment.status not in (EDITED, REVIEWED):
            mark += "\n⚠"
        painter.drawText(strip.adjusted(6, self.PAD, 0, 0),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
                         f"{segment.index + 1}\n{mark}")
        # English, left to right, wrapped; warnings (and alternatives) under it.
        painter.setFont(option.font)
        english = QTextOption(Qt.AlignmentFlag.AlignLeft)
        english.setWrapMode(QTextOption.WrapMode.WordWrap)
        english.setTextDirection(Qt.LayoutDirection.LeftToRight)
        if segment.status == NEW and not segment.target:
            # A note in the interface's language, laid out in its direction.
            waiting = QTextOption(english)
            if QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft:
                waiting.setTextDirection(Qt.LayoutDirection.RightToLeft)
                waiting.setAlignment(Qt.AlignmentFlag.AlignRight)
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(QRectF(target), self.grid.waiting_text(), waiting)
            painter.setPen(text)
        elif row != self.editing_row:
            painter.drawText(QRectF(target), segment.target, english)
        extra = self._extra_lines(segment, row)
        if extra and row != self.editing_row:
            used = self._text_height(option.font, target.width(), segment.target)
            painter.setFont(small)
            painter.setPen(QColor(200, 60, 40) if segment.warnings or segment.terms else text)
            painter.drawText(QRectF(target.adjusted(0, used + 4, 0, 0)), "\n".join(extra),
                             english)
        # Arabic, right to left, wrapped, in the Arabic font.
        painter.setFont(self.grid.arabic_font())
        painter.setPen(text)
        arabic = QTextOption(Qt.AlignmentFlag.AlignRight)
        arabic.setWrapMode(QTextOption.WrapMode.WordWrap)
        arabic.setTextDirection(Qt.LayoutDirection.RightToLeft)
        if segment.terms:
            self._draw_with_terms(painter, source, segment, arabic)
        else:
            painter.drawText(QRectF(source), segment.source, arabic)
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        painter.restore()

    def _draw_with_terms(self, painter: QPainter, rect: QRect, segment: Segment,
                         option: QTextOption) -> None:
        """The Arabic with its glossary terms underlined (laid out line by line as
        ``drawText`` would wrap it)."""
        layout = QTextLayout(segment.source, self.grid.arabic_font())
        layout.setTextOption(option)
        underline = QTextCharFormat()
        underline.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        underline.setUnderlineColor(QColor(40, 120, 210))
        ranges = []
        for start, end, _term, _english in segment.terms:
            found = QTextLayout.FormatRange()
            found.start, found.length, found.format = start, end - start, underline
            ranges.append(found)
        layout.setFormats(ranges)
        layout.beginLayout()
        y = 0.0
        while (line := layout.createLine()).isValid():
            line.setLineWidth(rect.width())
            line.setPosition(QPointF(0, y))
            y += line.height()
        layout.endLayout()
        layout.draw(painter, QPointF(rect.left(), rect.top()))

    def helpEvent(self, event: QHelpEvent, view: QAbstractItemView,  # noqa: N802
                  option: QStyleOptionViewItem,
                  index: QModelIndex | QPersistentModelIndex) -> bool:
        """Over a row with glossary terms: each term with its English."""
        segment: Segment | None = index.data(SEGMENT_ROLE) if index.isValid() else None
        if segment is None or not segment.terms or event.type() != QEvent.Type.ToolTip:
            return super().helpEvent(event, view, option, index)
        lines = dict.fromkeys(f"{term} → {'; '.join(english)}"
                              for _s, _e, term, english in segment.terms)
        QToolTip.showText(event.globalPos(), "\n".join(lines), view)
        return True

    # -- editing ------------------------------------------------------------------------------
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        editor = TargetEditor(parent)
        editor.setObjectName("targetEditor")
        editor.setFrameShape(QPlainTextEdit.Shape.Box)
        editor.setTabChangesFocus(True)
        row = index.row()
        editor.committed.connect(lambda how, e=editor, r=row: self.grid.editor_done(e, r, how))
        editor.cancelled.connect(lambda e=editor: self.grid.editor_cancelled(e))
        editor.choose.connect(lambda n, e=editor, r=row: self.grid.editor_choose(e, r, n))
        editor.copy_source.connect(lambda e=editor, r=row: self.grid.editor_copy_source(e, r))
        self.editing_row = row
        self.sizeHintChanged.emit(index)
        return editor

    def destroyEditor(self, editor: QWidget,  # noqa: N802
                      index: QModelIndex | QPersistentModelIndex) -> None:
        self.editing_row = -1
        super().destroyEditor(editor, index)
        if index.isValid():
            self.sizeHintChanged.emit(index)

    def setEditorData(self, editor: QWidget,  # noqa: N802
                      index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, TargetEditor) and not editor.property("filled"):
            segment: Segment = index.data(SEGMENT_ROLE)
            editor.setPlainText(segment.target)
            editor.moveCursor(editor.textCursor().MoveOperation.End)
            editor.setProperty("filled", True)

    def setModelData(self, editor: QWidget, model: object,  # noqa: N802
                     index: QModelIndex | QPersistentModelIndex) -> None:
        """Kept by the grid's own keys (``editor_done``), never by Qt's focus-out commit
        alone: leaving the editor by the mouse keeps the text too, through here."""
        if isinstance(editor, TargetEditor) and not editor.property("done"):
            self.grid.keep_text(index.row(), editor.toPlainText())

    def updateEditorGeometry(self, editor: QWidget,  # noqa: N802
                             option: QStyleOptionViewItem,
                             index: QModelIndex | QPersistentModelIndex) -> None:
        _strip, target, _source = self._parts(option.rect)
        segment: Segment = index.data(SEGMENT_ROLE)
        lines = self.grid.choice_lines(segment)
        below = self._text_height(option.font, target.width(), "\n".join(lines)) if lines else 0
        editor.setGeometry(target.adjusted(-2, -2, 2, 2 - below - (4 if lines else 0)))
        self.grid.show_choices(segment if lines else None,
                               QRect(target.left(), target.bottom() - below, target.width(),
                                     below))


def blend(a: QColor, b: QColor, share: float) -> QColor:
    return QColor(round(a.red() + (b.red() - a.red()) * share),
                  round(a.green() + (b.green() - a.green()) * share),
                  round(a.blue() + (b.blue() - a.blue()) * share))
