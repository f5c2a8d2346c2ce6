"""The side panel of annotations: reading order, filters, jump, edit in place, delete.

A list model over the (already filtered) annotations, so 5,000 rows cost nothing until
drawn; filters run in the Qt-free ``AnnotationSet`` (folded, Arabic-aware text search).
The panel emits intents with annotation ids; the controller acts on them.
"""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFontMetrics, QKeyEvent, QKeySequence, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from reader.annotations.collection import AnnotationSet
from reader.annotations.model import (
    COLOUR_HEX,
    COLOURS,
    NOTE,
    ORPHAN,
    REVIEW,
    STICKY,
    STRIKE,
    UNDERLINE,
    Annotation,
)

ID_ROLE = Qt.ItemDataRole.UserRole
ANNOTATION_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


def kind_label(kind: str) -> str:
    translate = QCoreApplication.translate
    labels = {"highlight": translate("Annotations", "Highlight"),
              UNDERLINE: translate("Annotations", "Underline"),
              STRIKE: translate("Annotations", "Strike-through"),
              STICKY: translate("Annotations", "Note on the page"),
              NOTE: translate("Annotations", "Note on the document")}
    return labels.get(kind, kind)


def colour_label(name: str) -> str:
    translate = QCoreApplication.translate
    labels = {"yellow": translate("Annotations", "Yellow"),
              "red": translate("Annotations", "Red"),
              "green": translate("Annotations", "Green"),
              "blue": translate("Annotations", "Blue"),
              "purple": translate("Annotations", "Purple"),
              "magenta": translate("Annotations", "Magenta"),
              "orange": translate("Annotations", "Orange"),
              "grey": translate("Annotations", "Grey")}
    return labels.get(name, name)


def _clip(text: str, length: int = 90) -> str:
    return text if len(text) <= length else text[:length - 1] + "…"


class AnnotationListModel(QAbstractListModel):
    # Rows are handed to the view a page at a time, as it scrolls (Qt's fetchMore): laying
    # out thousands at once would hold the GUI thread.
    CHUNK = 200

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[Annotation] = []
        self._shown = 0
        self._on_comment = None

    def set_items(self, items: list[Annotation]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self._shown = min(len(self._items), self.CHUNK)
        self.endResetModel()

    def items(self) -> list[Annotation]:
        """Every row that passed the filters (some may not be handed to the view yet)."""
        return self._items

    def total(self) -> int:
        return len(self._items)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else self._shown

    def canFetchMore(self, parent: Index) -> bool:  # noqa: N802
        return not parent.isValid() and self._shown < len(self._items)

    def fetchMore(self, parent: Index) -> None:  # noqa: N802
        self.show_up_to(self._shown + self.CHUNK - 1)

    def show_up_to(self, row: int) -> None:
        """Hand the view every row up to ``row`` (to select or scroll to it)."""
        end = min(len(self._items), row + 1)
        if end > self._shown:
            self.beginInsertRows(QModelIndex(), self._shown, end - 1)
            self._shown = end
            self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        a = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            # Always three lines: rows of one height let the list lay out 5,000 of them at
            # once (the full text is in the tooltip and in the comment editor).
            place = (self.tr("p. %1").replace("%1", str(a.page + 1)) if a.page is not None
                     else self.tr("Document"))
            head = f"{place} · {kind_label(a.kind)}"
            if a.status == ORPHAN:
                head += " · " + self.tr("not found in the text")
            elif a.status == REVIEW:
                head += " · " + self.tr("moved: check it")
            if a.tags:
                head += "  # " + ", ".join(a.tags)
            quote = " ".join(a.exact.split())
            comment = " ".join(a.comment.split())
            return "\n".join((head, _clip(quote), "✎ " + _clip(comment) if comment else ""))
        if role == Qt.ItemDataRole.EditRole:
            return a.comment
        if role == Qt.ItemDataRole.DecorationRole:
            return QColor(COLOUR_HEX.get(a.colour, "#ffd400"))
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n\n".join(t for t in (a.exact, a.comment) if t)
        if role == ID_ROLE:
            return a.id
        if role == ANNOTATION_ROLE:
            return a
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.isValid() else base

    def setData(self, index: Index, value: object,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self._on_comment is None:
            return False
        a = self._items[index.row()]
        text = str(value)
        if text != a.comment:
            self._on_comment(a.id, text)
        return True


def right_to_left(text: str) -> bool:
    """Does the text's first strong character read right to left (Arabic)?"""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def elide_start_kept(metrics: QFontMetrics, text: str, width: int) -> str:
    """``text`` cut to ``width`` at its logical end, so the start of an Arabic quote stays
    (Qt's right elision works on logical order; the list's middle elision dropped the
    middle of a line that mixed a label and a quote)."""
    return metrics.elidedText(text, Qt.TextElideMode.ElideRight, max(width, 10))


class _RowDelegate(QStyledItemDelegate):
    """A row of three lines (place and kind; the quote; the comment), each laid out in its
    own direction and cut at its end, so an Arabic quote shows its beginning. Its comment
    is edited in a wrapping editor of several lines (a one-line field cut notes short)."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        editor = CommentEditor(parent)
        editor.setObjectName("commentEditor")
        editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        editor.done.connect(lambda e=editor: (self.commitData.emit(e), self.closeEditor.emit(e)))
        return editor

    def setEditorData(self, editor: QWidget,  # noqa: N802
                      index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QPlainTextEdit):
            editor.setPlainText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
            if right_to_left(editor.toPlainText()):
                editor.setLayoutDirection(Qt.LayoutDirection.RightToLeft)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,  # noqa: N802
                     index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QPlainTextEdit):
            model.setData(index, editor.toPlainText(), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor: QWidget,  # noqa: N802
                             option: QStyleOptionViewItem,
                             index: QModelIndex | QPersistentModelIndex) -> None:
        # Room for a few lines: the row is three lines high; the editor may cover the next.
        rect = option.rect
        editor.setGeometry(rect.x(), rect.y(), rect.width(), max(rect.height(), 120))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        lines = str(index.data(Qt.ItemDataRole.DisplayRole) or "").split("\n")
        plain = QStyleOptionViewItem(option)
        self.initStyleOption(plain, index)
        plain.text = ""
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, plain, painter, widget)
        text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, plain, widget)
        metrics = QFontMetrics(option.font)
        height = metrics.height()
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setPen(option.palette.color(QPalette.ColorRole.HighlightedText if selected
                                            else QPalette.ColorRole.Text))
        for number, line in enumerate(lines[:3]):
            if not line:
                continue
            rtl = right_to_left(line)
            rect = text_rect.adjusted(2, number * height, -2, 0)
            rect.setHeight(height)
            align = (Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft) | \
                Qt.AlignmentFlag.AlignVCenter
            painter.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl
                                       else Qt.LayoutDirection.LeftToRight)
            painter.drawText(rect, int(align), elide_start_kept(metrics, line, rect.width()))
        painter.restore()


class CommentEditor(QPlainTextEdit):
    """The comment of an annotation, edited in place: wrapped, several lines; Ctrl+Enter
    or leaving it keeps it, Escape cancels (Enter starts a new line)."""

    done = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
                event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            self.done.emit()
            return
        super().keyPressEvent(event)


class _List(QListView):
    delete_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.matches(QKeySequence.StandardKey.Delete) or event.key() == Qt.Key.Key_Backspace:
            self.delete_requested.emit()
            return
        super().keyPressEvent(event)


class AnnotationsPanel(QWidget):
    """Highlights, annotations and notes of the document, with filters."""

    activated = Signal(str)  # an annotation id: go to it
    delete_requested = Signal(list)  # ids
    comment_edited = Signal(str, str)  # id, new comment
    recolour_requested = Signal(list, str)  # ids, colour name
    tags_requested = Signal(list)  # ids
    note_requested = Signal()  # a new note on the document

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._set: AnnotationSet | None = None
        self.search = QLineEdit(self)
        self.search.setObjectName("annotationSearch")
        self.search.setClearButtonEnabled(True)
        self.colour = QComboBox(self)
        self.colour.setObjectName("colourFilter")
        self.kind = QComboBox(self)
        self.kind.setObjectName("kindFilter")
        self.tag = QComboBox(self)
        self.tag.setObjectName("tagFilter")
        self.new_note = QPushButton(self)
        self.new_note.clicked.connect(self.note_requested)
        self.count = QLabel(self)
        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.model = AnnotationListModel(self)
        self.model._on_comment = lambda i, t: self.comment_edited.emit(i, t)
        self.list = _List(self)
        self.list.setObjectName("annotationList")
        self.list.setModel(self.model)
        self.list.setWordWrap(False)
        self.list.setUniformItemSizes(True)
        self.list.setItemDelegate(_RowDelegate(self.list))
        # A scroll bar that comes and goes would change the panel's width, and the window
        # would lay itself out again: keep it.
        self.list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.DoubleClicked)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._menu)
        self.list.clicked.connect(lambda index: self.activated.emit(index.data(ID_ROLE)))
        self.list.activated.connect(lambda index: self.activated.emit(index.data(ID_ROLE)))
        self.list.delete_requested.connect(lambda: self.delete_requested.emit(self.selected_ids()))
        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        for combo in (self.colour, self.kind, self.tag):
            # Narrow by default: the panel shares the window with three panes.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(1)
            filters.addWidget(combo, 1)
            combo.currentIndexChanged.connect(self.refresh)
        self.search.textChanged.connect(self.refresh)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.new_note)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        # The list and the "no annotations" text share one place: switching between them
        # must not change the panel's size (the whole window would lay itself out again).
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.list)
        layout.addWidget(self.stack, 1)
        layout.addLayout(bottom)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.search.setPlaceholderText(self.tr("Search quotes, comments, tags"))
        self.new_note.setText(self.tr("New note"))
        self.new_note.setToolTip(self.tr("A note on the whole document (Ctrl+Shift+N)"))
        self.empty.setText(self.tr("No annotations yet. Select text and press H to "
                                   "highlight it (1–8 pick a colour), U to underline, K to "
                                   "strike through; right-click the page for a note."))
        self._fill_filters()
        self._update_count()

    def _fill_filters(self) -> None:
        for combo in (self.colour, self.kind, self.tag):
            combo.blockSignals(True)
        keep = (self.colour.currentData(), self.kind.currentData(), self.tag.currentData())
        self.colour.clear()
        self.colour.addItem(self.tr("All colours"), None)
        for name, hex_colour in COLOURS:
            self.colour.addItem(colour_label(name), name)
            self.colour.setItemData(self.colour.count() - 1, QColor(hex_colour),
                                    Qt.ItemDataRole.DecorationRole)
        self.kind.clear()
        self.kind.addItem(self.tr("All kinds"), None)
        for kind in ("highlight", UNDERLINE, STRIKE, STICKY, NOTE):
            self.kind.addItem(kind_label(kind), kind)
        self.kind.addItem(self.tr("To check (moved or not found)"), "status")
        self.tag.clear()
        self.tag.addItem(self.tr("All tags"), None)
        for tag in self._set.tags() if self._set else []:
            self.tag.addItem(tag, tag)
        for combo, value in zip((self.colour, self.kind, self.tag), keep, strict=True):
            found = combo.findData(value)
            combo.setCurrentIndex(max(0, found))
            combo.blockSignals(False)

    def set_annotations(self, annotations: AnnotationSet | None) -> None:
        self._set = annotations
        self._fill_filters()
        self.refresh()

    def refresh(self) -> None:
        """Apply the filters again (after a change, or when a filter changes)."""
        if self._set is None:
            self.model.set_items([])
            self._update_count()
            return
        tags = [t for t in self._set.tags()]
        if [self.tag.itemData(i) for i in range(1, self.tag.count())] != tags:
            self._fill_filters()
        selected = set(self.selected_ids())
        self.model.set_items(self.filtered())
        if selected:
            self.select_ids(selected)
        self._update_count()

    def filtered(self) -> list[Annotation]:
        if self._set is None:
            return []
        colour, kind, tag = (self.colour.currentData(), self.kind.currentData(),
                             self.tag.currentData())
        return self._set.filtered(
            colours=[colour] if colour else (), tags=[tag] if tag else (),
            kinds=[kind] if kind and kind != "status" else (),
            statuses=(ORPHAN, REVIEW) if kind == "status" else (),
            text=self.search.text())

    def _update_count(self) -> None:
        total = len(self._set) if self._set is not None else 0
        shown = self.model.total()
        self.stack.setCurrentWidget(self.list if total else self.empty)
        self.count.setText(self.tr("%1 of %2").replace("%1", str(shown)).replace(
            "%2", str(total)) if total and shown != total else (
            self.tr("%n annotation(s)", "", total) if total else ""))

    def selected_ids(self) -> list[str]:
        return [i.data(ID_ROLE) for i in self.list.selectionModel().selectedIndexes()]

    def select_ids(self, ids: set[str]) -> None:
        selection = self.list.selectionModel()
        selection.clearSelection()
        rows = [row for row, a in enumerate(self.model.items()) if a.id in ids]
        if rows:
            self.model.show_up_to(max(rows))
        for row in rows:
            selection.select(self.model.index(row), selection.SelectionFlag.Select)

    def show_annotation(self, annotation_id: str) -> None:
        for row, a in enumerate(self.model.items()):
            if a.id == annotation_id:
                self.model.show_up_to(row)
                index = self.model.index(row)
                self.list.setCurrentIndex(index)
                self.list.scrollTo(index)
                return

    def edit_selected(self) -> None:
        index = self.list.currentIndex()
        if index.isValid():
            self.list.edit(index)

    def _menu(self, point: object) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Edit comment"), self.edit_selected)
        menu.addAction(self.tr("Tags…"), lambda: self.tags_requested.emit(ids))
        colours = menu.addMenu(self.tr("Colour"))
        for number, (name, _hex) in enumerate(COLOURS, 1):
            action = colours.addAction(f"{number}  {colour_label(name)}")
            action.triggered.connect(lambda _c=False, n=name: self.recolour_requested.emit(ids, n))
        menu.addSeparator()
        menu.addAction(self.tr("Delete"), lambda: self.delete_requested.emit(ids))
        menu.exec(self.list.viewport().mapToGlobal(point))
