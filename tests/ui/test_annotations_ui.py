"""Annotating in the window: from each pane, painted everywhere, panel, undo, persistence."""

from __future__ import annotations

from PySide6.QtCore import Qt

from reader.annotations.store import AnnotationStore, StoreError, StoreErrorCode
from tests.ui.conftest import open_and_wait as open_document
from tests.ui.test_text_sync import shown

PHRASE = "مسح ميداني"


def open_and_wait(qtbot, window, path):
    """Open, and wait for the annotations too (they load off the GUI thread)."""
    open_document(qtbot, window, path)
    qtbot.waitUntil(lambda: window.annotating.review is not None, timeout=10000)


def select(window, model, phrase):
    start = model.text.index(phrase)
    window.arabic_pane.select_range(start, start + len(phrase))
    return start, start + len(phrase)


def test_highlight_from_the_arabic_pane_is_painted_everywhere_and_undoable(
        qtbot, window, sample_pdf):
    open_and_wait(qtbot, window, sample_pdf)
    model = shown(qtbot, window, 0)
    start, end = select(window, model, PHRASE)
    window.commands.highlight_action.trigger()
    [a] = window.annotating.review.annotations.all()
    assert (a.kind, a.exact, a.colour, a.page) == ("highlight", PHRASE, "yellow", 0)
    assert window.annotations.model.rowCount() == 1
    assert [m[0] for m in window.view.annotation_marks(0)] == ["highlight"]
    marks = window.arabic_pane.browser.extraSelections()
    assert any(m.cursor.selectionStart() == start and m.cursor.selectionEnd() == end
               for m in marks)
    window.commands.undo_action.trigger()
    assert window.annotations.model.rowCount() == 0 and window.view.annotation_marks(0) == []
    window.commands.redo_action.trigger()
    assert window.annotations.model.rowCount() == 1


def test_colour_keys_and_other_kinds(qtbot, window, sample_pdf):
    open_and_wait(qtbot, window, sample_pdf)
    model = shown(qtbot, window, 0)
    select(window, model, PHRASE)
    window.commands.colour_actions[1].trigger()  # key 2: red, and the selection highlighted in it
    select(window, model, "ثلاث وعشرين")
    window.commands.underline_action.trigger()  # in the colour picked last
    select(window, model, "قرية جبلية")
    window.commands.strike_action.trigger()
    got = {(a.kind, a.colour) for a in window.annotating.review.annotations.all()}
    assert got == {("highlight", "red"), ("underline", "red"), ("strike", "red")}


def test_dragging_on_the_page_selects_in_reading_order(qtbot, window, sample_pdf):
    open_and_wait(qtbot, window, sample_pdf)
    model = shown(qtbot, window, 0)
    start = model.text.index(PHRASE)
    first, last = model.char_boxes()[start], model.char_boxes()[start + len(PHRASE) - 1]
    # Right to left: the first letter is at the right; drag from it to the last, leftwards.
    window.view.page_dragged.emit(0, (first[0] + first[2]) / 2, (first[1] + first[3]) / 2,
                                  (last[0] + last[2]) / 2, (last[1] + last[3]) / 2)
    assert window.arabic_pane.selection() == (start, start + len(PHRASE))
    window.commands.highlight_action.trigger()
    assert window.annotating.review.annotations.all()[0].exact == PHRASE


def test_annotating_sentences_from_the_translation_pane(qtbot, window, sample_pdf):
    open_and_wait(qtbot, window, sample_pdf)
    shown(qtbot, window, 0)
    grid = window.translation_pane
    grid.view.selectionModel().select(
        grid.model.index(3), grid.view.selectionModel().SelectionFlag.Select)
    window.commands.highlight_action.trigger()
    [a] = window.annotating.review.annotations.all()
    sentence = window.translation.sentences[3]
    assert (a.layer, a.start, a.end) == ("translation", sentence.start, sentence.end)
    assert grid.model.segments[3].annotated


def test_panel_filters_edits_deletes_and_jumps(qtbot, window, sample_pdf):
    open_and_wait(qtbot, window, sample_pdf)
    model = shown(qtbot, window, 0)
    select(window, model, PHRASE)
    window.commands.highlight_action.trigger()
    select(window, model, "ثلاث وعشرين")
    window.commands.colour_actions[2].trigger()  # green
    panel = window.annotations
    assert panel.model.rowCount() == 2
    panel.colour.setCurrentIndex(panel.colour.findData("green"))
    assert [a.exact for a in panel.model.items()] == ["ثلاث وعشرين"]
    panel.colour.setCurrentIndex(0)
    panel.search.setText("مَسح")  # harakat ignored
    assert [a.exact for a in panel.model.items()] == [PHRASE]
    panel.model.setData(panel.model.index(0), "تعليق المراجع", Qt.ItemDataRole.EditRole)
    first = window.annotating.review.annotations.all()[0]
    assert first.comment == "تعليق المراجع"
    panel.search.clear()
    window.go_to_page(3)
    shown(qtbot, window, 3)
    panel.activated.emit(first.id)
    qtbot.waitUntil(lambda: window.arabic_pane.model.page == 0, timeout=10000)
    qtbot.waitUntil(lambda: window.arabic_pane.selection() == (first.start, first.end),
                    timeout=10000)
    panel.delete_requested.emit([a.id for a in panel.model.items()])
    assert len(window.annotating.review.annotations) == 0
    window.commands.undo_action.trigger()
    assert len(window.annotating.review.annotations) == 2
    window.commands.undo_action.trigger()  # the comment edit
    assert window.annotating.review.annotations.get(first.id).comment == ""


def test_annotations_come_back_when_the_document_is_opened_again(qtbot, make_window,
                                                                 sample_pdf):
    first = make_window()
    open_and_wait(qtbot, first, sample_pdf)
    model = shown(qtbot, first, 0)
    select(first, model, PHRASE)
    first.commands.highlight_action.trigger()
    first.close()
    second = make_window()
    open_and_wait(qtbot, second, sample_pdf)
    assert [a.exact for a in second.annotating.review.annotations.all()] == [PHRASE]
    assert second.annotations.model.rowCount() == 1


def test_a_failed_save_says_so_and_keeps_the_annotation(qtbot, window, sample_pdf,
                                                         monkeypatch):
    open_and_wait(qtbot, window, sample_pdf)
    model = shown(qtbot, window, 0)

    def full(*_args, **_kwargs):
        raise StoreError(StoreErrorCode.DISK_FULL)

    monkeypatch.setattr(AnnotationStore, "save", full)
    select(window, model, PHRASE)
    with qtbot.waitSignal(window.ctx.error) as message:
        window.commands.highlight_action.trigger()
    assert "disk is full" in message.args[0]
    assert window.annotations.model.rowCount() == 1
    assert window.annotating.review.annotations.unsaved == 1
    monkeypatch.undo()  # the disk has room again: the next change saves both
    select(window, model, "ثلاث وعشرين")
    window.commands.underline_action.trigger()
    assert window.annotating.review.annotations.unsaved == 0
    assert len(window.annotating.review.store.load(window.info.sha256)) == 2


def test_export_notes_from_the_window(qtbot, window, sample_pdf, tmp_path):
    open_and_wait(qtbot, window, sample_pdf)
    model = shown(qtbot, window, 0)
    select(window, model, PHRASE)
    window.commands.highlight_action.trigger()
    target = tmp_path / "notes.md"
    window.annotating.export_markdown(str(target), "colour", [0])
    qtbot.waitUntil(target.exists, timeout=10000)
    text = target.read_text(encoding="utf-8")
    assert PHRASE in text and "## Yellow" in text and "## Full text, p. 1" in text


def test_a_long_list_is_handed_to_the_view_as_it_scrolls(app):
    from PySide6.QtCore import QModelIndex

    from reader.annotations.model import document_note
    from reader.ui.annotations_panel import AnnotationListModel

    model = AnnotationListModel()
    notes = [document_note(f"n{i}") for i in range(450)]
    model.set_items(notes)
    assert model.rowCount() == 200 and model.total() == 450
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 400
    model.show_up_to(449)
    assert model.rowCount() == 450 and not model.canFetchMore(QModelIndex())
    assert model.index(449).data(Qt.ItemDataRole.EditRole) == "n449"


def test_annotations_from_an_older_engine_are_placed_again_on_opening(qtbot, window,
                                                                        sample_pdf):
    from reader.annotations.review import Review
    from reader.annotations.store import AnnotationStore
    from reader.session import DocumentSession

    session = DocumentSession.open(sample_pdf)
    review = Review(session, AnnotationStore.open())
    text = session.page_model(0).text
    start = text.index(PHRASE)
    made = review.text_mark(0, start, start + len(PHRASE), "highlight", "yellow")
    review.apply([made.edited(start=start + 7, end=start + 7 + len(PHRASE),
                              pipeline="arabic-repair/0")])
    review.store.close()
    session.close()
    open_and_wait(qtbot, window, sample_pdf)
    annotations = window.annotating.review.annotations
    qtbot.waitUntil(lambda: annotations.get(made.id).start == start, timeout=10000)
    assert annotations.get(made.id).status == "anchored"


def test_typing_in_a_text_field_does_not_annotate(qtbot, window, sample_pdf):
    open_and_wait(qtbot, window, sample_pdf)
    model = shown(qtbot, window, 0)
    select(window, model, PHRASE)
    window.activateWindow()
    window.find.open()
    edit = window.find_bar.edit
    qtbot.waitUntil(edit.hasFocus, timeout=5000)
    qtbot.keyClicks(edit, "h1u")
    assert edit.text() == "h1u"
    assert len(window.annotating.review.annotations) == 0


def test_keys_annotate_while_the_arabic_pane_has_the_focus(qtbot, window, sample_pdf):
    open_and_wait(qtbot, window, sample_pdf)
    model = shown(qtbot, window, 0)
    window.activateWindow()
    browser = window.arabic_pane.browser
    browser.setFocus()
    qtbot.waitUntil(browser.hasFocus, timeout=5000)
    select(window, model, PHRASE)
    qtbot.keyClick(browser, Qt.Key.Key_3)  # green, and highlight the selection
    qtbot.keyClick(browser, Qt.Key.Key_U)
    kinds = sorted((a.kind, a.colour) for a in window.annotating.review.annotations.all())
    assert kinds == [("highlight", "green"), ("underline", "green")]


def test_single_key_actions_work_by_their_place_on_an_arabic_keyboard(qtbot, window,
                                                                     sample_pdf):
    """Issue 15: with an Arabic layout the H key types «ا»; it highlights all the same,
    found by its scan code (evdev + 8 on Linux), while a text field still gets the letter."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication, QLineEdit

    from reader.ui.physical_keys import key_at

    open_and_wait(qtbot, window, sample_pdf)
    model = shown(qtbot, window, 0)
    window.activateWindow()
    select(window, model, PHRASE)
    window.arabic_pane.browser.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.arabic_pane.browser)
    code = next(c for c in range(300) if key_at(c) == "H")
    alef = QKeyEvent(QEvent.Type.KeyPress, 0x0627, Qt.KeyboardModifier.NoModifier, code, 0, 0,
                     "ا")
    QApplication.sendEvent(window.arabic_pane.browser, alef)
    [a] = window.annotating.review.annotations.all()
    assert a.kind == "highlight" and a.exact == PHRASE
    # In a text field the key is a letter.
    field = window.find_bar.findChild(QLineEdit)
    window.find_bar.show()
    field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field)
    QApplication.sendEvent(field, QKeyEvent(QEvent.Type.KeyPress, 0x0627,
                                            Qt.KeyboardModifier.NoModifier, code, 0, 0, "ا"))
    assert field.text() == "ا" and len(window.annotating.review.annotations.all()) == 1


def test_turning_pages_selects_nothing_an_annotation_key_would_take(qtbot, window,
                                                                    sample_pdf):
    """Issue 15: changing page selected the page's first sentence, so H highlighted text
    the user never chose."""
    open_and_wait(qtbot, window, sample_pdf)
    shown(qtbot, window, 0)
    grid = window.translation_pane
    grid.view.selectionModel().select(grid.model.index(1),
                                      grid.view.selectionModel().SelectionFlag.Select)
    grid.view.selectionModel().clearSelection()  # the user chose, then unchose, a row
    for page in (1, 2, 0):
        with qtbot.waitSignal(window.navigation.page_text_shown, timeout=30000):
            window.go_to_page(page)
        assert window.translation.current_selection() is None
        assert grid.selected_rows() == []
    window.commands.highlight_action.trigger()
    assert window.annotating.review.annotations.all() == []


def test_side_lists_show_the_start_of_an_arabic_quote_and_the_matched_word(qtbot, window):
    """Issue 15: quotes showed only their end, find results never the matched word."""
    from PySide6.QtGui import QFontMetrics

    from reader.search import Hit
    from reader.ui.annotations_panel import elide_start_kept
    from reader.ui.docks import around_match

    quote = "يعرض هذا التقرير نتائج مسح ميداني أجراه فريق مبادرة نبع في ثلاث وعشرين قرية"
    metrics = QFontMetrics(window.font())
    short = elide_start_kept(metrics, quote, metrics.horizontalAdvance(quote) // 3)
    assert short.startswith("يعرض هذا") and short.endswith("…")
    english = elide_start_kept(metrics, "A long English comment " * 5, 120)
    assert english.startswith("A long") and english.endswith("…")
    text = "قبل المطابقة كلام كثير جدا هنا ثم الكلمة المطلوبة وبعدها كلام آخر طويل جدا"
    start = text.index("المطلوبة")
    hit = Hit(0, start, start + len("المطلوبة"), (),
              text[max(0, start - 30): start + len("المطلوبة") + 30])
    shown = around_match(hit)
    assert "«المطلوبة»" in shown and len(shown) < 50
    window.annotations.list.grab()  # the rows' delegate paints


def test_a_comment_is_edited_in_place_over_several_wrapped_lines(qtbot, window, sample_pdf):
    """Issue 15: the note editor did not wrap (a one-line field)."""
    from PySide6.QtWidgets import QPlainTextEdit

    open_and_wait(qtbot, window, sample_pdf)
    model = shown(qtbot, window, 0)
    select(window, model, PHRASE)
    window.commands.highlight_action.trigger()
    [a] = window.annotating.review.annotations.all()
    panel = window.annotations
    panel.list.edit(panel.model.index(0))
    editor = panel.list.findChild(QPlainTextEdit, "commentEditor")
    assert editor is not None
    assert editor.lineWrapMode() == QPlainTextEdit.LineWrapMode.WidgetWidth
    editor.setPlainText("A first line of the reviewer's comment\nand a second one.")
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.annotating.review.annotations.get(a.id).comment
                    == "A first line of the reviewer's comment\nand a second one.",
                    timeout=5000)
