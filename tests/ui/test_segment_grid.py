"""The segment grid alone: layout, statuses, the keyboard flow, filters, counts and undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics

from reader.translation.cache import EDITED, MACHINE, REVIEWED
from reader.translation.engine import Translation
from reader.translation.memory import Match
from reader.translation.segment import Sentence
from reader.ui.segment_grid import MEMORY, NEW, Segment, SegmentGrid, TargetEditor

SOURCES = [
    "يعاني سكان القرى الجبلية من نقص حاد في مياه الشرب خلال أشهر الصيف الطويلة، "
    "وتضطر الأسر إلى قطع مسافات بعيدة للوصول إلى الينابيع القليلة المتبقية في الوديان.",
    "ارتفع معدل التضخم إلى ٥٫٢٪ خلال العام الماضي.",
    "توصي الدراسة بإنشاء خزانات صغيرة لجمع مياه الأمطار.",
    "جملة رابعة قصيرة.",
]
LONG_ENGLISH = ("Residents of the mountain villages suffer from a severe shortage of drinking "
                "water during the long summer months, and families have to walk long "
                "distances to reach the few springs left in the valleys below.")


@pytest.fixture
def grid(qtbot):
    grid = SegmentGrid()
    qtbot.addWidget(grid)
    grid.resize(700, 600)
    grid.set_installed_models(["ar → en (test)"])
    grid.show()
    qtbot.waitExposed(grid)
    sentences = []
    offset = 0
    for text in SOURCES:
        sentences.append(Sentence(offset, offset + len(text), text))
        offset += len(text) + 1
    grid.show_sentences(sentences)
    return grid


def translate(grid, edits=None, memory=None, fuzzy=None):
    targets = [LONG_ENGLISH, "Inflation rose to 5.2% last year.",
               "The study recommends small tanks for rain water.", "A fourth short sentence."]
    grid.show_translations([Translation(s, t) for s, t in zip(SOURCES, targets, strict=True)],
                           edits or {}, memory, fuzzy)


def row_rect(grid, row):
    return grid.view.visualRect(grid.model.index(row))


def test_rows_wait_then_show_machine_translations_wrapped_in_full(qtbot, grid):
    assert [grid.status(r) for r in range(4)] == [NEW] * 4  # never "edited" while waiting
    assert grid.counter.text().startswith("Confirmed 0 of 4")
    translate(grid)
    assert [grid.status(r) for r in range(4)] == [MACHINE] * 4
    qtbot.waitUntil(lambda: row_rect(grid, 0).height() > row_rect(grid, 3).height())
    # The long row is as high as its wrapped text: several lines, nothing clipped, no
    # horizontal scrolling.
    line = QFontMetrics(grid.view.font()).height()
    assert row_rect(grid, 0).height() >= 3 * line
    assert row_rect(grid, 0).width() <= grid.view.viewport().width()
    assert grid.view.horizontalScrollBar().maximum() == 0
    # Rows follow each other without overlapping.
    assert row_rect(grid, 1).top() >= row_rect(grid, 0).bottom()


def test_the_keyboard_flow_of_post_editing(qtbot, grid):
    translate(grid)
    edited = []
    grid.edited.connect(lambda *args: edited.append(args))
    grid.set_current_row(1)
    grid.view.setFocus()
    qtbot.keyClick(grid.view, Qt.Key.Key_Return)  # Enter opens the multi-line editor
    editor = grid.view.indexWidget(grid.model.index(1))
    assert isinstance(editor, TargetEditor)
    assert editor.toPlainText() == "Inflation rose to 5.2% last year."
    editor.setPlainText("Inflation climbed")
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert editor.toPlainText() == "Inflation climbed\n"  # Shift+Enter: a line break
    editor.setPlainText("Inflation climbed to 5.2% last year.")
    # Ctrl+Enter confirms and opens the next unconfirmed row.
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert (grid.target(1), grid.status(1)) == ("Inflation climbed to 5.2% last year.",
                                                REVIEWED)
    start = grid.model.segments[1].start
    assert edited[-1] == (SOURCES[1], "Inflation climbed to 5.2% last year.", REVIEWED, 0,
                          start)
    assert grid.current_row() == 2
    editor = grid.view.indexWidget(grid.model.index(2))
    assert isinstance(editor, TargetEditor)
    # Escape cancels: nothing changes.
    editor.setPlainText("something else")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert grid.view.indexWidget(grid.model.index(2)) is None
    assert grid.status(2) == MACHINE and len(edited) == 1
    # Ctrl+Shift+C copies the source; Ctrl+Down moves on without confirming.
    qtbot.keyClick(grid.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    assert (grid.target(2), grid.status(2)) == (SOURCES[2], EDITED)
    qtbot.keyClick(grid.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert grid.current_row() == 3
    # Ctrl+Enter on a row (no editor) confirms it and moves to the next unconfirmed.
    qtbot.keyClick(grid.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert grid.status(3) == REVIEWED and grid.current_row() == 0
    assert grid.counter.text().startswith("Confirmed 2 of 4")
    # Typing on a row starts editing it with what was typed.
    qtbot.keyClicks(grid.view, "X")
    editor = grid.view.indexWidget(grid.model.index(0))
    assert isinstance(editor, TargetEditor) and editor.toPlainText().endswith("X")


def test_every_change_is_undoable(qtbot, grid):
    translate(grid)
    edited = []
    grid.edited.connect(lambda *args: edited.append(args))
    grid.change(1, "My English.", EDITED)
    grid.mark_reviewed(1)
    assert grid.status(1) == REVIEWED
    grid.set_current_row(1)
    grid.view.setFocus()
    qtbot.keyClick(grid.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert (grid.target(1), grid.status(1)) == ("My English.", EDITED)
    qtbot.keyClick(grid.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert (grid.target(1), grid.status(1)) == ("Inflation rose to 5.2% last year.", MACHINE)
    # Undoing back to the machine's English tells the window so (it forgets the edit).
    assert edited[-1][:3] == (SOURCES[1], "Inflation rose to 5.2% last year.", MACHINE)
    qtbot.keyClick(grid.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    assert (grid.target(1), grid.status(1)) == ("My English.", EDITED)


def test_alternatives_and_memory_matches_are_put_in_by_ctrl_digit(qtbot, grid):
    kept = "ارتفع معدل التضخم إلى ٥٫٢٪ خلال العام الحالي."
    near = Match(kept, "Inflation rose to 5.2% this year.", 0.86, "other", 0.0,
                 tuple((w, w == "الحالي.") for w in kept.split()))
    translate(grid, fuzzy={SOURCES[1]: (near,)})
    grid.set_alternatives(SOURCES[1], ["Inflation rose to 5.2% last year.",
                                       "Prices rose 5.2%."])
    segment = grid.model.segments[1]
    assert segment.choices() == ["Inflation rose to 5.2% this year.", "Prices rose 5.2%."]
    assert "memory 86 %" in grid.choice_lines(segment)[0]
    # The Arabic the match was made for comes with it, the differing word marked.
    assert grid.choice_lines(segment)[1] == near.source
    shown = grid.choice_html(segment)
    assert shown.count("background-color") == 1 and "الحالي.</span>" in shown
    grid.edit_row(1)
    editor = grid.view.indexWidget(grid.model.index(1))
    assert grid.choices.isVisible() and "Ctrl+2" in grid.choices.text()
    qtbot.keyClick(editor, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == "Prices rose 5.2%."
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert (grid.target(1), grid.status(1)) == ("Prices rose 5.2%.", EDITED)
    assert not grid.choices.isVisible()


def test_an_exact_memory_match_is_shown_as_such_and_edits_win(qtbot, grid):
    exact = Match(SOURCES[2], "Earlier English from memory.", 1.0, "other", 0.0)
    translate(grid, edits={" ".join(SOURCES[3].split()): ("Mine.", REVIEWED)},
              memory={SOURCES[2]: exact})
    assert (grid.target(2), grid.status(2)) == ("Earlier English from memory.", MEMORY)
    assert (grid.target(3), grid.status(3)) == ("Mine.", REVIEWED)


def test_filters_show_unconfirmed_or_warned_rows(qtbot, grid):
    targets = ["", "Inflation rose.", "يعاني", "Fine."]
    grid.show_translations([Translation(s, t) for s, t in zip(SOURCES, targets, strict=True)],
                           {})
    grid.mark_reviewed(3)
    grid.filter.setCurrentIndex(1)  # not confirmed
    assert [grid.view.isRowHidden(r) for r in range(4)] == [False, False, False, True]
    grid.filter.setCurrentIndex(2)  # with warnings: Arabic left, a length far off
    hidden = [grid.view.isRowHidden(r) for r in range(4)]
    assert hidden[2] is False and hidden[3] is True
    assert "arabic_left" in grid.model.segments[2].warnings
    grid.filter.setCurrentIndex(0)
    assert not any(grid.view.isRowHidden(r) for r in range(4))


def test_the_document_view_shows_every_page_and_follows_the_page_both_ways(qtbot, grid):
    """Issue 13: one row per segment of the page or of the whole document, with page
    separators; a row of another page asks the window to go there."""
    translate(grid)
    grid.change(1, "Mine.", REVIEWED)
    pages = {}
    for page in range(3):
        pages[page] = [Segment(text, f"English {page}.{i}", MACHINE, page=page, index=i,
                               start=10 * i, end=10 * i + 9)
                       for i, text in enumerate(SOURCES[:2])]
    grid.set_document(pages)
    assert grid.row_count() == 4  # still the page view
    grid.scope.setCurrentIndex(1)
    # The current page keeps the rows it showed (4); the others come from the window.
    assert grid.document_view and grid.row_count() == 5 + 3 + 3
    headers = [r for r in range(grid.row_count()) if grid.model.segments[r].header]
    assert headers == [0, 5, 8] and grid.model.segments[5].source == "Page 2"
    # The current page (0) kept its rows as they were shown, the confirmed one included.
    assert grid.model.segments[2].target == "Mine." and grid.status(2) == REVIEWED
    asked = []
    activated = []
    grid.page_requested.connect(lambda *args: asked.append(args))
    grid.sentence_activated.connect(activated.append)
    grid.set_current_row(10)
    assert asked == [(2, 1)]
    grid.set_current_row(1)
    assert activated == [0]
    # The window turned to page 2: the grid goes there and its rows are the page's.
    grid.show_sentences([Sentence(0, 9, SOURCES[0]), Sentence(10, 19, SOURCES[1])], page=2)
    grid.select_sentence(1)
    assert grid.current_row() == 10
    assert grid.counter.text().startswith("Confirmed 0 of 2 on this page")
    # Keys skip the separators; a join never crosses pages.
    grid.set_current_row(7)
    grid.view.setFocus()
    qtbot.keyClick(grid.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert grid.current_row() == 9
    fixes = []
    grid.source_fix_requested.connect(lambda *args: fixes.append(args))
    grid.join_with_next(7)
    assert fixes == []
    grid.join_with_next(6)
    assert fixes[0][:4] == (1, 0, 19, "join")
    # Back to the page view: the current page's rows only.
    grid.scope.setCurrentIndex(0)
    assert grid.row_count() == 2 and not any(s.header for s in grid.model.segments)


def test_the_document_view_reaches_a_far_page_of_a_long_document(qtbot, grid):
    """Rows are laid out in batches: a page far down is scrolled to once laid out."""
    pages = {p: [Segment(f"{SOURCES[i % 4]} {p}", "English.", MACHINE, page=p, index=i,
                         start=i * 200, end=i * 200 + 150) for i in range(30)]
             for p in range(300)}
    grid.set_document_view(True)
    grid.set_document(pages)
    far = [Sentence(i * 200, i * 200 + 150, f"{SOURCES[i % 4]} 250") for i in range(30)]
    grid.show_sentences(far, page=250)
    header = grid._row_of(250, 0) - 1

    def shown() -> bool:
        rect = grid.view.visualRect(grid.model.index(header))
        return rect.isValid() and 0 <= rect.top() < grid.view.viewport().height()

    qtbot.waitUntil(shown, timeout=20000)
    assert grid.model.segments[header].source == "Page 251"


def test_glossary_terms_are_underlined_explained_and_checked(qtbot, grid):
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QStyleOptionViewItem, QToolTip

    at = SOURCES[1].index("التضخم")
    terms = {SOURCES[1]: ((at, at + len("التضخم"), "تضخم", ("inflation",)),)}
    grid.show_translations([Translation(s, t) for s, t in zip(
        SOURCES, ["One.", "Prices rose to 5.2% last year.", "Three.", "Four."], strict=True)],
        {}, terms=terms)
    segment = grid.model.segments[1]
    assert segment.missing_terms() == [("تضخم", ("inflation",))]
    lines = grid.delegate._extra_lines(segment, 1)
    assert any("تضخم" in line and "inflation" in line for line in lines)
    image = grid.grab()  # paints the row with its underlined term
    assert not image.isNull()
    rect = grid.view.visualRect(grid.model.index(1))
    event = QHelpEvent(QHelpEvent.Type.ToolTip, rect.center(),
                       grid.view.viewport().mapToGlobal(rect.center()))
    assert grid.delegate.helpEvent(event, grid.view, QStyleOptionViewItem(),
                                   grid.model.index(1))
    assert "تضخم → inflation" in QToolTip.text()
    QToolTip.hideText()
    # Corrected English that uses the term: no warning.
    grid.change(1, "Inflation rose to 5.2% last year.", EDITED)
    assert grid.model.segments[1].missing_terms() == []
