"""The Arabic pane and the page, kept in step through the glyph map."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextCursor

from tests.ui.conftest import open_and_wait


def shown(qtbot, window, page):
    window.go_to_page(page)
    qtbot.waitUntil(lambda: window.arabic_pane.model is not None
                    and window.arabic_pane.model.page == page, timeout=10000)
    return window.arabic_pane.model


def test_pane_shows_the_repaired_page(qtbot, window, sample_pdf):
    open_and_wait(qtbot, window, sample_pdf)
    model = shown(qtbot, window, 0)
    text = window.arabic_pane.text()
    assert text == model.text
    assert "في ثلاث وعشرين قرية" in text  # ligatures recovered, logical order
    # The sample's subset font has no tables: its glyphs are recovered through the bundled
    # font, and the status bar says so.
    assert "glyphs recovered from the font" in window.navigation.status_quality.text()


def test_selection_marks_the_same_glyphs_on_the_page(qtbot, window, sample_pdf):
    open_and_wait(qtbot, window, sample_pdf)
    model = shown(qtbot, window, 1)
    word = "المنهجية"
    start = model.text.index(word)
    cursor = window.arabic_pane.browser.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len(word), QTextCursor.MoveMode.KeepAnchor)
    window.arabic_pane.browser.setTextCursor(cursor)
    marks = window.view.selection_marks()
    assert list(marks) == [1]
    [rect] = marks[1]
    boxes = [b for b in model.char_boxes()[start:start + len(word)] if b]
    assert rect[0] <= min(b[0] for b in boxes) and rect[2] >= max(b[2] for b in boxes)


def test_click_on_the_page_puts_the_cursor_there(qtbot, window, sample_pdf):
    open_and_wait(qtbot, window, sample_pdf)
    model = shown(qtbot, window, 1)
    offset = model.text.index("المنهجية") + 3
    x0, y0, x1, y1 = model.char_boxes()[offset]
    window.view.page_clicked.emit(1, (x0 + x1) / 2, (y0 + y1) / 2)
    start, end = window.arabic_pane.selection()
    assert start <= offset < end
    assert window.arabic_pane.browser.textCursor().selectedText() == "المنهجية"


def test_footnote_call_links_to_its_note(qtbot, window, sample_pdf):
    open_and_wait(qtbot, window, sample_pdf)
    model = shown(qtbot, window, 1)
    note = model.notes[0]
    assert note.text.startswith("2 ")
    document = window.arabic_pane.browser.document()
    call = model.text.index("مركزية2") + len("مركزية")
    cursor = QTextCursor(document)
    cursor.setPosition(call + 1)
    assert cursor.charFormat().anchorHref() == "#note-2"
    window.arabic_pane.browser.anchorClicked.emit(QUrl("#note-2"))
    position = window.arabic_pane.browser.textCursor().position()
    assert model.text[position:].startswith("2 تطبيق")


def test_an_english_paragraph_reads_left_to_right_in_the_pane(qtbot):
    from PySide6.QtCore import Qt

    from reader.arabic.model import PARAGRAPH, Block, Line, PageText
    from reader.ui.panes import ArabicTextPane

    def block(text: str) -> Block:
        return Block(PARAGRAPH, [Line(text, [None] * len(text), (50, 100, 500, 112), 11)],
                     (50, 100, 500, 112))

    pane = ArabicTextPane()
    qtbot.addWidget(pane)
    model = PageText(0, 595, 842, body=[block("فقرة عربية تبدأ بـ COVID-19 وتنتهي."),
                                        block("The survey covered twelve villages.")])
    pane.show_page(model)
    document = pane.browser.document()
    arabic, english = document.begin(), document.begin().next()
    assert english.text() == "The survey covered twelve villages."
    assert english.blockFormat().layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert arabic.blockFormat().layoutDirection() != Qt.LayoutDirection.LeftToRight
    assert english.blockFormat().alignment() & Qt.AlignmentFlag.AlignLeft  # from the left


def test_the_arabic_text_grows_and_shrinks_under_its_own_keys_and_is_remembered(
        qtbot, make_window, sample_pdf):
    """Issue 15: no font-size control for the Arabic pane: Ctrl+= / Ctrl+- over it size
    the text (not the page), Ctrl+0 goes back, and the size survives a restart."""
    window = make_window()
    open_and_wait(qtbot, window, sample_pdf)
    browser = window.arabic_pane.browser
    before, zoom = browser.font().pointSizeF(), window.view.zoom
    browser.setFocus()
    qtbot.waitUntil(browser.hasFocus)
    qtbot.keyClick(browser, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(browser, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert browser.font().pointSizeF() == before + 2 and window.view.zoom == zoom
    qtbot.keyClick(browser, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert browser.font().pointSizeF() == before + 1
    window.close()
    again = make_window()
    assert again.arabic_pane.browser.font().pointSizeF() == before + 1
    again.arabic_pane.browser.setFocus()
    qtbot.waitUntil(again.arabic_pane.browser.hasFocus)
    qtbot.keyClick(again.arabic_pane.browser, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert again.arabic_pane.browser.font().pointSizeF() == before


def test_no_bold_leaks_from_one_page_to_the_next(qtbot, make_window, sample_pdf):
    """Issue 15: after visiting pages in some order, a page's Arabic turned bold from its
    table on and the next page was bold throughout: the new text took the character format
    where the cursor had stood (a bold heading, a table cell)."""
    from PySide6.QtGui import QFont, QTextCursor

    window = make_window()
    open_and_wait(qtbot, window, sample_pdf)
    pane = window.arabic_pane

    def plain_paragraph_weight(page: int) -> int:
        with qtbot.waitSignal(window.navigation.page_text_shown, timeout=30000):
            window.go_to_page(page)
        model = pane.model
        paragraph = next(b for b in model.body if b.kind == "paragraph")
        start = model.text.index(paragraph.text)
        cursor = QTextCursor(pane.browser.document())
        cursor.setPosition(start + 3)
        return cursor.charFormat().fontWeight()

    for page in (3, 2, 1, 2, 3, 0):
        # Stand in a heading (bold) before the page changes, as a reader's click does.
        model = pane.model
        heading = next((b for b in model.body if b.kind == "heading"), None) if model else None
        if heading is not None:
            pane.set_cursor(model.text.index(heading.text) + 1)
        assert plain_paragraph_weight(page) <= QFont.Weight.Normal, page


def test_a_table_is_set_in_columns_and_every_offset_stays_the_models(
        qtbot, make_window, sample_pdf):
    """Issue 15: tables in the Arabic pane were run-on lines. Cells are now parted by tabs
    (in place of the space between them) and set at column stops."""
    from PySide6.QtGui import QTextCursor

    window = make_window()
    open_and_wait(qtbot, window, sample_pdf)
    with qtbot.waitSignal(window.navigation.page_text_shown, timeout=30000):
        window.go_to_page(2)
    pane = window.arabic_pane
    model = pane.model
    shown = pane.browser.toPlainText()
    assert len(shown) == len(model.text)
    assert [i for i, c in enumerate(shown) if c != model.text[i]] == [
        i for i, c in enumerate(shown) if c == "\t"]
    row = next(b for b in model.body if b.kind == "table_row" and "المجموع" in b.text)
    start = model.text.index(row.text)
    assert shown[start:start + len(row.text)].split("\t") == row.lines[0].cells
    cursor = QTextCursor(pane.browser.document())
    cursor.setPosition(start)
    assert len(cursor.blockFormat().tabPositions()) == len(row.lines[0].cells) - 1 or (
        len(cursor.blockFormat().tabPositions()) >= 4)
    # A right-to-left row's cells start at their stops: their right edges (a left tab set
    # a long cell's far end there, over the cell beside it).
    from PySide6.QtGui import QTextOption

    assert {tab.type for tab in cursor.blockFormat().tabPositions()} == {
        QTextOption.TabType.RightTab}
