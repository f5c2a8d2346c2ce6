"""The segment grid: the page's sentences as rows, the Arabic source beside its English,
where a translator post-edits by keyboard as in a CAT tool.

Each row shows the source right to left and the target left to right, both wrapped in
full, the row as high as its longer side, with a status (not yet translated, machine,
from memory, edited, confirmed) as a mark and a tint, and the row's warnings under its
English. Rows are laid out lazily (a list view in batches, heights cached per width), so
a long page opens and scrolls at once.

Keys: Enter, F2 or typing edits the English in place (a multi-line editor: Enter keeps
it, Shift+Enter breaks the line, Escape cancels); Ctrl+Enter confirms and goes on to the
next unconfirmed row; Ctrl+Up/Down move between rows; Ctrl+1…3 put in the alternatives
shown under the row while editing (memory matches first, then the model's other
translations); Ctrl+Shift+C copies the source into the target; Ctrl+Z / Ctrl+Shift+Z undo
and redo every change of a target or a status.

When the extraction got a sentence wrong, F3 corrects its Arabic (a line break splits it)
and Ctrl+Shift+J joins it with the next; the window keeps these fixes per document.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QPalette,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QStyledItemDelegate,
    QVBoxLayout,
    QWidget,
)

from reader.translation.cache import EDITED, REVIEWED
from reader.translation.engine import Translation
from reader.translation.memory import Match
from reader.translation.segment import Sentence
from reader.translation.source_fixes import EDIT, JOIN, SPLIT
from reader.ui.segment_delegate import SegmentDelegate, TargetEditor, blend, claims
from reader.ui.segments import (
    MEMORY,
    NEW,
    Segment,
    SegmentModel,
    fill_segment,
)

__all__ = ["MEMORY", "NEW", "Segment", "SegmentGrid", "Step", "TargetEditor", "fill_segment"]

# Filters of the rows shown.
SHOW_ALL, SHOW_UNCONFIRMED, SHOW_WARNED = range(3)


class _Compact(QComboBox):
    """A combo box shown in full where there is room, that lets a narrow pane shrink it
    rather than widen the window."""

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(60, super().minimumSizeHint().height())


class SegmentView(QListView):
    """The rows; keys that act on the current row without an editor open."""

    key_action = Signal(str)

    @staticmethod
    def action_for(event: QKeyEvent) -> str:
        """The grid's action for a key ("" for none)."""
        key, mods = event.key(), event.modifiers()
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        shift = bool(mods & Qt.KeyboardModifier.ShiftModifier)
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return "confirm" if ctrl else "edit"
        if ctrl and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            return "up" if key == Qt.Key.Key_Up else "down"
        if ctrl and Qt.Key.Key_1 <= key <= Qt.Key.Key_3:
            return f"choose{key - Qt.Key.Key_1}"
        if ctrl and shift and key in (Qt.Key.Key_C, Qt.Key.Key_J):
            return "copy_source" if key == Qt.Key.Key_C else "join"
        if key == Qt.Key.Key_F3 and not mods:
            return "edit_source"
        if ctrl and key in (Qt.Key.Key_Z, Qt.Key.Key_Y):
            return "redo" if shift or key == Qt.Key.Key_Y else "undo"
        return ""

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        """Taking the focus chooses no row: Qt makes the first row current then, which
        selected the page's first sentence for the annotation keys (a phantom selection)."""
        had = self.currentIndex().isValid()
        selection = self.selectionModel()
        selection.blockSignals(not had)
        try:
            super().focusInEvent(event)
        finally:
            selection.blockSignals(False)
        if not had and self.currentIndex().isValid():
            selection.blockSignals(True)
            selection.clear()
            selection.blockSignals(False)
            self.viewport().update()

    def event(self, event: QEvent) -> bool:
        # The grid's keys win over the window's shortcuts while the grid has the focus
        # (Ctrl+1 is "fit width" and F3 "find next" elsewhere).
        return claims(event, self.action_for) or super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        action = self.action_for(event)
        if action:
            self.key_action.emit(action)
            return
        super().keyPressEvent(event)


class _Change(QUndoCommand):
    """A row's English and status, before and after (rows are found by their source: the
    page may have been turned and come back since)."""

    def __init__(self, grid: SegmentGrid, segment: Segment, before: tuple[str, str],
                 after: tuple[str, str]) -> None:
        super().__init__()
        self.grid, self.before, self.after = grid, before, after
        self.where = (segment.source, segment.page, segment.start)

    def redo(self) -> None:
        self.grid.apply(*self.where, *self.after)

    def undo(self) -> None:
        self.grid.apply(*self.where, *self.before)


class Step(QUndoCommand):
    """An undoable step done elsewhere (a fix of the source is stored by the window)."""

    def __init__(self, text: str, do: Callable[[], None], undo: Callable[[], None]) -> None:
        super().__init__(text)
        self._do, self._undo = do, undo

    def redo(self) -> None:
        self._do()

    def undo(self) -> None:
        self._undo()


class SegmentGrid(QWidget):
    """Until a model is installed it says how to get one; the rows show all the same (the
    translator can write the English by hand)."""

    install_requested = Signal()
    sentence_activated = Signal(int)  # index in the current page's sentences
    page_requested = Signal(int, int)  # a row of another page chosen: its page and index
    sentence_hovered = Signal(int)  # -1 when the pointer leaves
    # source sentence, English, status (MACHINE or NEW: an edit undone), page, start
    edited = Signal(str, str, str, int, int)
    alternatives_requested = Signal(str)  # the source whose other translations are wanted
    scope_changed = Signal(bool)  # True: the whole document
    # page, range (start, end) in its text, kind (EDIT, JOIN, SPLIT), the texts that replace
    # the row (and the next, for a join), where each text after the first starts
    source_fix_requested = Signal(int, int, int, str, list, list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.title = QLabel(self)
        self.title.setObjectName("paneTitle")
        self.message = QLabel(self)
        self.message.setObjectName("translationMessage")
        self.message.setWordWrap(True)
        # The rows read left to right (English beside Arabic); the pane's own words are in
        # the interface's language, laid out in its direction (the Arabic message was set
        # flush left, and ".argosmodel" turned into "argosmodel.").
        interface = QGuiApplication.layoutDirection()
        for label in (self.title, self.message):
            label.setLayoutDirection(interface)
        self.message.setAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignTop)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.install_button = QPushButton(self)
        self.install_button.setObjectName("installModel")
        self.install_button.clicked.connect(self.install_requested)
        self.filter = _Compact(self)
        self.filter.setObjectName("segmentFilter")
        self.filter.addItems(["", "", ""])
        self.filter.currentIndexChanged.connect(lambda _i: self._apply_filter())
        self.filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.scope = _Compact(self)
        self.scope.setObjectName("segmentScope")
        self.scope.addItems(["", ""])
        self.scope.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.scope.currentIndexChanged.connect(lambda i: self.set_document_view(i == 1))
        self._scroll_timer = QTimer(self)
        self._scroll_timer.setInterval(10)
        self._scroll_timer.timeout.connect(self._scroll_pending)
        self._scroll_row, self._scroll_top, self._scroll_turns = -1, False, 0
        self.page = 0  # the page the rest of the window shows
        self.document_view = False
        self._pages: dict[int, list[Segment]] = {}  # the document view's rows by page
        self.counter = QLabel(self)
        self.counter.setObjectName("segmentCounter")
        # The counter wraps in a narrow pane rather than widening the window.
        self.counter.setWordWrap(True)
        self.counter.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.counter.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.model = SegmentModel()
        self.view = SegmentView(self)
        self.view.setObjectName("segmentGrid")
        self.view.setModel(self.model)
        self.delegate = SegmentDelegate(self, self)
        self.view.setItemDelegate(self.delegate)
        self.view.setUniformItemSizes(False)
        self.view.setLayoutMode(QListView.LayoutMode.Batched)
        self.view.setBatchSize(40)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.view.setMouseTracking(True)
        self.view.entered.connect(lambda index: self.sentence_hovered.emit(index.row()))
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._menu)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.view.key_action.connect(self._key_action)
        self.choices = QLabel(self.view.viewport())
        self.choices.setObjectName("segmentChoices")
        self.choices.setWordWrap(True)
        self.choices.setTextFormat(Qt.TextFormat.RichText)
        self.choices.hide()
        self.undo_stack = QUndoStack(self)
        self.hovered_row = -1
        self._arabic_font = QFont(self.view.font())
        self._models: list[str] = []
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.scope)
        bar.addWidget(self.filter)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        title = QHBoxLayout()  # the counter beside the title: the bar keeps its width
        title.addWidget(self.title)
        title.addWidget(self.counter, 1)
        layout.addLayout(title)
        layout.addWidget(self.message)
        layout.addWidget(self.install_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self._document_counts: tuple[int, int] | None = None
        self.source_dialog: QDialog | None = None
        self.retranslate_ui()

    # -- texts ------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Translation"))
        self.install_button.setText(self.tr("Install model from file…"))
        self.install_button.setVisible(not self._models)
        for i, text in enumerate((self.tr("All segments"), self.tr("Not confirmed"),
                                  self.tr("With warnings"))):
            self.filter.setItemText(i, text)
        for i, text in enumerate((self.tr("This page"), self.tr("Whole document"))):
            self.scope.setItemText(i, text)
        if self._models:
            self.message.setText(self.tr("Model: %1. Enter edits a sentence; Ctrl+Enter "
                                         "confirms it and goes to the next one.")
                                 .replace("%1", ", ".join(self._models)))
        else:
            self.message.setText(self.tr(
                "No Arabic→English translation model is installed.\n\n"
                "Qari translates offline and never downloads anything by itself. On a computer "
                "with internet access, download the Argos Translate package "
                "“translate-ar_en” (a .argosmodel file), copy it to this computer, then "
                "choose “Install model from file…”."))
        self._count()

    def warning_text(self, code: str) -> str:
        return {"arabic_left": self.tr("Arabic left in the English"),
                "unchanged": self.tr("the output equals the input"),
                "length": self.tr("unusual length"),
                "failed": self.tr("the model could not translate this sentence")}.get(code, code)

    def term_text(self, term: str, english: tuple[str, ...]) -> str:
        return self.tr("glossary: %1 is “%2”, not in the English").replace(
            "%1", term).replace("%2", " / ".join(english))

    def waiting_text(self) -> str:
        return (self.tr("waiting for the translation…") if self._models
                else self.tr("not translated (type to write the English)"))

    def _choices(self, segment: Segment) -> list[tuple[str, Match | None]]:
        """Each choice's line, and the memory match it comes from (if it does)."""
        matches = {m.target: m for m in segment.matches}
        out = []
        for n, text in enumerate(segment.choices(), 1):
            match = matches.get(text)
            origin = (self.tr("memory %1 %").replace("%1", str(round(100 * match.score)))
                      if match is not None else self.tr("model"))
            out.append((f"Ctrl+{n}  [{origin}]  {text}", match))
        return out

    def choice_lines(self, segment: Segment) -> list[str]:
        """The choices as plain lines (what the row makes room for): a fuzzy memory match
        brings the Arabic it was made for on a line of its own."""
        lines = []
        for line, match in self._choices(segment):
            lines.append(line)
            if match is not None and match.score < 1:
                lines.append(" ".join(w for w, _ in match.words))
        return lines

    def choice_html(self, segment: Segment) -> str:
        """The choices as shown under the editor: a fuzzy match's Arabic with the words
        that differ from this segment's marked, the check a translator makes first."""
        mark = blend(self.palette().color(QPalette.ColorRole.Base), QColor(230, 80, 60),
                      0.35).name()
        parts = []
        for line, match in self._choices(segment):
            parts.append(f"<div>{html.escape(line)}</div>")
            if match is not None and match.score < 1:
                words = " ".join(
                    f'<span style="background-color:{mark}">{html.escape(w)}</span>'
                    if differs else html.escape(w) for w, differs in match.words)
                parts.append(f'<div dir="rtl" align="right">{words}</div>')
        return "".join(parts)

    def arabic_font(self) -> QFont:
        return self._arabic_font

    def set_arabic_font(self, font: QFont) -> None:
        self._arabic_font = QFont(font)
        self._relayout()

    # -- state --------------------------------------------------------------------------------
    def set_installed_models(self, models: list[str]) -> None:
        self._models = models
        self.retranslate_ui()
        self.view.viewport().update()

    def has_model(self) -> bool:
        return bool(self._models)

    # -- rows -----------------------------------------------------------------------------------
    def show_sentences(self, sentences: list[Sentence], page: int = 0) -> None:
        """The current page's sentences. In the page view they become the rows, waiting for
        their translation; in the document view they replace that page's rows where its
        sentences changed (a fix of the source, a re-extraction) and the view goes there."""
        self._commit_editor()
        self.page = page
        self.hovered_row = -1
        fresh = [Segment(s.text, page=page, index=i, start=s.start, end=s.end)
                 for i, s in enumerate(sentences)]
        if not self.document_view:
            self.model.reset(fresh)
        else:
            kept = self._pages.get(page, [])
            if [(s.source, s.start) for s in kept] != [(s.source, s.start) for s in fresh]:
                self._pages[page] = fresh
                self._rebuild()
            first = self._row_of(page, 0)
            if first >= 0:
                self.scroll_to_row(first - 1, top=True)  # the page's separator
        self._apply_filter()
        self._count()

    def show_translations(self, translations: list[Translation],
                          edits: dict[str, tuple[str, str]],
                          memory: dict[str, Match] | None = None,
                          fuzzy: dict[str, tuple[Match, ...]] | None = None,
                          page: int | None = None,
                          terms: dict[str, tuple] | None = None) -> None:
        """Machine translations of a page's sentences (the current page unless ``page``),
        with the translator's own edits in their place and, where there is none, the
        translator's earlier English for the same sentence."""
        memory, fuzzy = memory or {}, fuzzy or {}
        rows = [s for s in self.model.segments if s.page == (self.page if page is None
                                                               else page) and not s.header]
        for segment, translation in zip(rows, translations, strict=False):
            fill_segment(segment, translation, edits, memory, fuzzy)
            if terms is not None:
                segment.terms = terms.get(segment.source, ())
        self._relayout()
        self._apply_filter()
        self._count()

    def set_document(self, pages: dict[int, list[Segment]]) -> None:
        """Every page's rows, for the document view (filled by the window in the
        background; pages not read yet have none)."""
        self._commit_editor()
        self._pages = {page: rows for page, rows in pages.items() if rows}
        if self.document_view:
            self._rebuild()
            first = self._row_of(self.page, 0)
            if first >= 0:
                self.scroll_to_row(first - 1, top=True)
            self._apply_filter()
            self._count()

    def set_document_view(self, whole: bool) -> None:
        """The whole document (page separators) or the current page only."""
        if whole == self.document_view:
            return
        self._commit_editor()
        current = [s for s in self.model.segments if s.page == self.page and not s.header]
        self.document_view = whole
        self.scope.setCurrentIndex(1 if whole else 0)
        if whole:
            if current:
                self._pages[self.page] = current
            self._rebuild()
            first = self._row_of(self.page, 0)
            if first >= 0:
                self.scroll_to_row(first - 1, top=True)
        else:
            self.model.reset(current)
        self._apply_filter()
        self._count()
        self.scope_changed.emit(whole)

    def _rebuild(self) -> None:
        """The document view's rows from its pages, each page after a separator."""
        rows: list[Segment] = []
        for page in sorted(self._pages):
            rows.append(Segment(self.tr("Page %1").replace("%1", str(page + 1)), page=page))
            rows.extend(self._pages[page])
        self.model.reset(rows)

    def scroll_to_row(self, row: int, top: bool = False) -> None:
        """Bring a row into view once it is laid out: rows are laid out in batches as the
        event loop turns, and a row far down a document has no place at first."""
        self._scroll_row, self._scroll_top, self._scroll_turns = row, top, 1000
        self._scroll_pending()
        if self._scroll_row >= 0:
            self._scroll_timer.start()

    def _scroll_pending(self) -> None:
        row = self._scroll_row
        index = self.model.index(row)
        if row < 0 or not index.isValid() or self._scroll_turns <= 0:
            self._scroll_row = -1
            self._scroll_timer.stop()
            return
        if self.view.visualRect(index).isValid():
            self.view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtTop
                               if self._scroll_top else
                               QAbstractItemView.ScrollHint.EnsureVisible)
            # Done once it shows: the scroll range may not reach it yet (still laid out).
            rect = self.view.visualRect(index)
            if rect.isValid() and rect.top() >= 0 and rect.top() < self.view.viewport().height():
                self._scroll_row = -1
                self._scroll_timer.stop()
        self._scroll_turns -= 1

    def _row_of(self, page: int, index: int) -> int:
        for row, segment in enumerate(self.model.segments):
            if segment.page == page and segment.index == index:
                return row
        return -1

    def _page_rows(self) -> list[int]:
        """The rows of the current page, in its sentences' order."""
        return [r for r, s in enumerate(self.model.segments)
                if s.page == self.page and not s.header]

    def status(self, row: int) -> str:
        return self.model.segments[row].status

    def target(self, row: int) -> str:
        return self.model.segments[row].target

    def row_count(self) -> int:
        return self.model.rowCount()

    def current_row(self) -> int:
        return self.view.currentIndex().row()

    def set_current_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(row))

    def select_sentence(self, index: int) -> None:
        """Follow the Arabic pane's cursor (no signal back): ``index`` in the current
        page's sentences."""
        row = self._row_of(self.page, index)
        if row >= 0:
            # Quietly: a row the cursor reached is no selection the translator made (an
            # annotation key would act on it).
            selection = self.view.selectionModel()
            selection.blockSignals(True)
            try:
                selection.setCurrentIndex(self.model.index(row),
                                          selection.SelectionFlag.ClearAndSelect)
            finally:
                selection.blockSignals(False)
            self.scroll_to_row(row)
            self.view.viewport().update()

    def hover_sentence(self, index: int) -> None:
        self.hovered_row = self._row_of(self.page, index) if index >= 0 else -1
        self.view.viewport().update()

    def set_annotated_rows(self, colours: dict[int, str]) -> None:
        """Colours of annotations by sentence of the current page."""
        for segment in self.model.segments:
            if segment.page == self.page:
                segment.annotated = colours.get(segment.index, "")
        self.view.viewport().update()

    def selected_rows(self) -> list[int]:
        """The selected sentences of the current page (indexes in its sentences)."""
        return sorted(s.index for i in self.view.selectionModel().selectedRows()
                      if (s := self.model.segments[i.row()]).page == self.page
                      and not s.header)

    def set_alternatives(self, source: str, alternatives: list[str]) -> None:
        for row, segment in enumerate(self.model.segments):
            if segment.source == source:
                segment.alternatives = tuple(alternatives)
                if self.delegate.editing_row == row:
                    self.delegate.sizeHintChanged.emit(self.model.index(row))
                self.view.update(self.model.index(row))

    def set_document_counts(self, counts: tuple[int, int] | None) -> None:
        """Confirmed and all segments of the document (``None``: not counted yet)."""
        self._document_counts = counts
        self._count()

    def bilingual_text(self) -> str:
        """The current page's sentences and their English."""
        return "\n\n".join(f"{s.source}\n{s.target}" for s in self.model.segments
                            if s.page == self.page and not s.header)

    # -- changes ------------------------------------------------------------------------------
    def change(self, row: int, text: str, status: str) -> None:
        """A change by the translator: undoable, shown at once, saved by the window."""
        segment = self.model.segments[row]
        if segment.header or (text, status) == (segment.target, segment.status):
            return
        command = _Change(self, segment, (segment.target, segment.status), (text, status))
        command.setText(self.tr("Change of a translation"))
        self.undo_stack.push(command)  # runs redo(): apply

    def apply(self, source: str, page: int, start: int, text: str, status: str) -> None:
        """A sentence's English and status, on every row that shows it (the stores key
        the translator's English by sentence)."""
        for row, segment in enumerate(self.model.segments):
            if segment.source == source and not segment.header:
                segment.target, segment.status = text, status
                if status in (EDITED, REVIEWED):
                    segment.warnings = ()
                self.model.changed(row)
        self._apply_filter()
        self._count()
        self.edited.emit(source, text, status, page, start)

    def keep_text(self, row: int, text: str) -> None:
        """The editor's text: an edit only if it differs (an emptied row keeps its text)."""
        if not 0 <= row < self.model.rowCount():
            return
        segment = self.model.segments[row]
        if text.strip() and text != segment.target:
            self.change(row, text, EDITED)

    def mark_reviewed(self, row: int) -> None:
        """Confirm a row's English; a row with none cannot be confirmed."""
        if 0 <= row < self.model.rowCount() and self.model.segments[row].target.strip():
            self.change(row, self.model.segments[row].target, REVIEWED)

    def next_unconfirmed(self, after: int) -> int:
        rows = self.model.rowCount()
        for step in range(1, rows + 1):
            row = (after + step) % rows
            segment = self.model.segments[row]
            if (segment.status != REVIEWED and not segment.header
                    and not self.view.isRowHidden(row)):
                return row
        return -1

    # -- editor ---------------------------------------------------------------------------------
    def editor_done(self, editor: TargetEditor, row: int, how: str) -> None:
        editor.setProperty("done", True)
        text = editor.toPlainText()
        self._close_editor(editor)
        if how == "confirm":
            if text.strip():
                self.change(row, text, REVIEWED)
            self._go_next_unconfirmed(row, edit=True)
            return
        self.keep_text(row, text)
        if how in ("up", "down"):
            self._move(row, -1 if how == "up" else 1, edit=True)

    def editor_cancelled(self, editor: TargetEditor) -> None:
        editor.setProperty("done", True)
        self._close_editor(editor)

    def editor_choose(self, editor: TargetEditor, row: int, n: int) -> None:
        choices = self.model.segments[row].choices()
        if n < len(choices):
            editor.setPlainText(choices[n])
            editor.moveCursor(editor.textCursor().MoveOperation.End)

    def editor_copy_source(self, editor: TargetEditor, row: int) -> None:
        editor.setPlainText(self.model.segments[row].source)

    def show_choices(self, segment: Segment | None, rect: QRect) -> None:
        if segment is not None:
            self.choices.setText(self.choice_html(segment))
            self.choices.setGeometry(rect)
            self.choices.show()
        else:
            self.choices.hide()

    def edit_row(self, row: int) -> None:
        if not 0 <= row < self.model.rowCount():
            return
        index = self.model.index(row)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        segment = self.model.segments[row]
        if segment.header:
            return
        if not segment.alternatives and self._models:
            self.alternatives_requested.emit(segment.source)
        self.view.edit(index)

    def _commit_editor(self) -> None:
        """Keep what is typed in an open editor before the rows change under it."""
        row = self.delegate.editing_row
        editor = self.view.indexWidget(self.model.index(row)) if row >= 0 else None
        if isinstance(editor, TargetEditor) and not editor.property("done"):
            text = editor.toPlainText()
            self._close_editor(editor)
            self.keep_text(row, text)
        else:
            self._close_editor()

    def _close_editor(self, editor: QWidget | None = None) -> None:
        editor = editor or self.view.indexWidget(self.view.currentIndex())
        self.choices.hide()
        if isinstance(editor, TargetEditor):
            editor.setProperty("done", True)
            self.view.closePersistentEditor(self.view.currentIndex())
            self.delegate.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)
        self.view.setFocus()

    def _go_next_unconfirmed(self, row: int, edit: bool) -> None:
        following = self.next_unconfirmed(row)
        if following < 0:
            return
        if edit:
            self.edit_row(following)
        else:
            self.set_current_row(following)
            self.view.scrollTo(self.model.index(following))

    def _move(self, row: int, step: int, edit: bool = False) -> None:
        target = row + step
        while 0 <= target < self.model.rowCount() and (
                self.view.isRowHidden(target) or self.model.segments[target].header):
            target += step
        if 0 <= target < self.model.rowCount():
            if edit:
                self.edit_row(target)
            else:
                self.set_current_row(target)

    def _key_action(self, action: str) -> None:
        row = self.current_row()
        if action == "undo":
            self.undo_stack.undo()
        elif action == "redo":
            self.undo_stack.redo()
        elif row < 0:
            return
        elif action == "edit":
            self.edit_row(row)
        elif action == "confirm":
            self.mark_reviewed(row)
            self._go_next_unconfirmed(row, edit=False)
        elif action in ("up", "down"):
            self._move(row, -1 if action == "up" else 1)
        elif action.startswith("choose"):
            choices = self.model.segments[row].choices()
            n = int(action.removeprefix("choose"))
            if n < len(choices):
                self.change(row, choices[n], EDITED)
        elif action == "copy_source":
            self.change(row, self.model.segments[row].source, EDITED)
        elif action == "join":
            self.join_with_next(row)
        elif action == "edit_source":
            self.edit_source(row)

    # -- fixing the source --------------------------------------------------------------------
    def join_with_next(self, row: int) -> None:
        if 0 <= row < self.model.rowCount() - 1:
            first, second = self.model.segments[row], self.model.segments[row + 1]
            if first.header or second.header or first.page != second.page:
                return  # segments of two pages are never one
            self.source_fix_requested.emit(first.page, first.start, second.end, JOIN,
                                           [f"{first.source} {second.source}"], [])

    def fix_source_text(self, row: int, text: str) -> None:
        """The translator's Arabic for a row: a line break splits it there (each part over
        its share of the original text, so the page map keeps pointing at the glyphs)."""
        if not 0 <= row < self.model.rowCount():
            return
        segment = self.model.segments[row]
        if segment.header:
            return
        source = segment.source
        parts = [" ".join(p.split()) for p in text.split("\n")]
        parts = [p for p in parts if p]
        if not parts or parts == [source]:
            return
        where = (segment.page, segment.start, segment.end)
        if len(parts) == 1:
            self.source_fix_requested.emit(*where, EDIT, parts, [])
            return
        cuts, at = [], 0
        for part in parts[:-1]:
            at += len(part) + 1
            # Where the part ends in the translator's text, as a share of the original.
            cuts.append(min(max(cuts[-1] + 1 if cuts else 1, round(
                at * len(source) / max(len(text), 1))), len(source) - 1))
        if len(set(cuts)) != len(cuts) or len(source) < 2:
            return
        self.source_fix_requested.emit(*where, SPLIT, parts, cuts)

    def edit_source(self, row: int) -> None:
        """A small dialog with the row's Arabic, right to left, to correct or split."""
        if not 0 <= row < self.model.rowCount() or self.model.segments[row].header:
            return
        dialog = QDialog(self)
        dialog.setObjectName("sourceFixDialog")
        dialog.setWindowTitle(self.tr("Fix the Arabic source"))
        note = QLabel(self.tr("Correct what the extraction got wrong. A line break splits "
                              "the segment there. The text as extracted stays on record."),
                      dialog)
        note.setWordWrap(True)
        editor = QPlainTextEdit(dialog)
        editor.setObjectName("sourceEditor")
        editor.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        editor.setFont(self._arabic_font)
        editor.setPlainText(self.model.segments[row].source)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, dialog)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(note)
        layout.addWidget(editor, 1)
        layout.addWidget(buttons)
        dialog.resize(520, 260)
        dialog.accepted.connect(lambda: self.fix_source_text(row, editor.toPlainText()))
        dialog.open()
        self.source_dialog = dialog

    # -- view -----------------------------------------------------------------------------------
    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        segment = self.model.segments[current.row()]
        if segment.header:
            return
        if segment.page == self.page:
            self.sentence_activated.emit(segment.index)
        else:  # a row of another page: the window goes there
            self.page_requested.emit(segment.page, segment.index)

    def _apply_filter(self) -> None:
        mode = self.filter.currentIndex()
        for row, segment in enumerate(self.model.segments):
            hidden = not segment.header and (
                (mode == SHOW_UNCONFIRMED and segment.status == REVIEWED)
                or (mode == SHOW_WARNED and not segment.warnings))
            self.view.setRowHidden(row, hidden)

    def _count(self) -> None:
        rows = [self.model.segments[r] for r in self._page_rows()]
        page = sum(s.status == REVIEWED for s in rows)
        text = self.tr("Confirmed %1 of %2 on this page").replace("%1", str(page)).replace(
            "%2", str(len(rows)))
        if self._document_counts is not None:
            done, total = self._document_counts
            text += " · " + self.tr("%1 of %2 in the document").replace(
                "%1", str(done)).replace("%2", str(total))
        self.counter.setText(text)

    def _relayout(self) -> None:
        for segment in self.model.segments:
            segment.heights.clear()
        self.view.scheduleDelayedItemsLayout()
        self.view.viewport().update()

    def leaveEvent(self, event: object) -> None:  # noqa: N802
        self.sentence_hovered.emit(-1)
        super().leaveEvent(event)

    def _menu(self, point: object) -> None:
        index = self.view.indexAt(point)
        menu = QMenu(self)
        if index.isValid() and not self.model.segments[index.row()].header:
            row = index.row()
            segment = self.model.segments[row]
            edit = menu.addAction(self.tr("Edit the English"))
            edit.setShortcut(QKeySequence("Return"))
            edit.triggered.connect(lambda _c=False, r=row: self.edit_row(r))
            review = menu.addAction(self.tr("Confirm"))
            review.setShortcut(QKeySequence("Ctrl+Return"))
            review.triggered.connect(lambda _c=False, r=row: self.mark_reviewed(r))
            for n, text in enumerate(segment.choices()):
                action = menu.addAction(text)
                action.setShortcut(QKeySequence(f"Ctrl+{n + 1}"))
                action.triggered.connect(
                    lambda _c=False, r=row, t=text: self.change(r, t, EDITED))
            if not segment.alternatives:
                more = menu.addAction(self.tr("Show other translations"))
                more.triggered.connect(
                    lambda _c=False, t=segment.source: self.alternatives_requested.emit(t))
            menu.addSeparator()
            fix = menu.addAction(self.tr("Fix the Arabic source…"))
            fix.setShortcut(QKeySequence("F3"))
            fix.triggered.connect(lambda _c=False, r=row: self.edit_source(r))
            join = menu.addAction(self.tr("Join with the next segment"))
            join.setShortcut(QKeySequence("Ctrl+Shift+J"))
            following = (self.model.segments[row + 1] if row + 1 < self.model.rowCount()
                         else None)
            join.setEnabled(following is not None and following.page == segment.page
                            and not following.header)
            join.triggered.connect(lambda _c=False, r=row: self.join_with_next(r))
            menu.addSeparator()
        copy = menu.addAction(self.tr("Copy the page as bilingual text"))
        copy.triggered.connect(lambda: QGuiApplication.clipboard().setText(self.bilingual_text()))
        menu.popup(self.view.viewport().mapToGlobal(point))

    def resizeEvent(self, event: object) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.view.scheduleDelayedItemsLayout()
