from __future__ import annotations

import pymupdf
import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QPalette

from tests.ui.conftest import fail_and_wait, open_and_wait


def wait_text(qtbot, window, page):
    qtbot.waitUntil(lambda: window.arabic_pane.page == page and window.arabic_pane.text() != "",
                    timeout=10000)


def test_opens_the_sample_with_page_and_text(qtbot, window, sample_pdf):
    open_and_wait(qtbot, window, sample_pdf)
    assert window.info.page_count == 5
    assert window.navigation.page_box.maximum() == 5
    assert window.navigation.page_total.text().strip() == "/ 5"
    assert "Qari" in window.windowTitle()
    wait_text(qtbot, window, 0)
    assert "ملخص تنفيذي" in window.arabic_pane.text()
    assert "No Arabic→English translation model" in window.translation_pane.message.text()
    # The outline is offered (shown beside the thumbnails when that side is open).
    assert window.outline_dock.toggleViewAction().isEnabled()
    assert window.outline_dock.isVisible() == window.thumbnails_dock.isVisible()
    assert window.outline.topLevelItemCount() >= 5
    # The first page is rendered and painted.
    qtbot.waitUntil(lambda: window.cache.get(0, window.view.device_scale()) is not None,
                    timeout=10000)


def test_navigation(qtbot, window, sample_pdf):
    open_and_wait(qtbot, window, sample_pdf)
    window.commands.next_action.trigger()
    assert window.view.current_page == 1
    assert window.navigation.page_box.value() == 2
    window.commands.last_action.trigger()
    assert window.view.current_page == 4
    window.commands.previous_action.trigger()
    assert window.view.current_page == 3
    window.commands.first_action.trigger()
    assert window.view.current_page == 0
    window.navigation.page_box.setValue(3)
    assert window.view.current_page == 2
    wait_text(qtbot, window, 2)
    assert "النتائج الرئيسية" in window.arabic_pane.text()
    assert window.navigation.status_page.text() == "Page 3 of 5"
    window.thumbnails.page_activated.emit(4)
    assert window.view.current_page == 4
    window.commands.next_action.trigger()  # past the end stays on the last page
    assert window.view.current_page == 4


def test_zoom_changes_the_rendered_size(qtbot, window, sample_pdf):
    window.resize(1300, 800)  # room for a page at its sizes (the screen here is 800 wide)
    open_and_wait(qtbot, window, sample_pdf)
    window.commands.zoom_reset_action.trigger()
    view = window.view
    qtbot.waitUntil(lambda: window.cache.get(0, view.device_scale()) is not None, timeout=10000)
    before = window.cache.get(0, view.device_scale()).width()
    width_before = view.page_rect(0).width()
    window.commands.zoom_in_action.trigger()
    window.commands.zoom_in_action.trigger()
    assert view.zoom == pytest.approx(1.25)
    assert window.navigation.status_zoom.text() == "125%"
    qtbot.waitUntil(lambda: window.cache.get(0, view.device_scale()) is not None, timeout=10000)
    after = window.cache.get(0, view.device_scale()).width()
    assert after == pytest.approx(before * 1.25, abs=2)
    assert view.page_rect(0).width() == pytest.approx(width_before * 1.25, abs=1)
    window.commands.zoom_out_action.trigger()
    assert view.zoom == pytest.approx(1.1)
    window.commands.fit_width_action.trigger()
    room = view.viewport().width()
    assert view.page_rect(0).width() == pytest.approx(room - 20, abs=2)
    window.commands.fit_page_action.trigger()
    assert view.page_rect(0).height() <= view.viewport().height()


def test_ctrl_wheel_zooms(qtbot, window, sample_pdf):
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QWheelEvent

    open_and_wait(qtbot, window, sample_pdf)
    window.commands.zoom_reset_action.trigger()
    event = QWheelEvent(QPointF(50, 50), QPointF(50, 50), QPoint(0, 0), QPoint(0, 120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    window.view.wheelEvent(event)
    assert window.view.zoom == pytest.approx(1.1)


def test_outline_click_goes_to_its_page(qtbot, window, sample_pdf):
    open_and_wait(qtbot, window, sample_pdf)
    if not window.outline_dock.isVisible():  # closed on a small screen: View → Side panels
        window.outline_dock.toggleViewAction().trigger()
    window.outline_dock.raise_()
    qtbot.waitUntil(window.outline.isVisible, timeout=5000)
    items = window.outline.findItems("4. التوصيات", Qt.MatchFlag.MatchExactly
                                     | Qt.MatchFlag.MatchRecursive)
    assert len(items) == 1
    rect = window.outline.visualItemRect(items[0])
    from pytestqt.qtbot import QtBot

    QtBot.mouseClick(window.outline.viewport(), Qt.MouseButton.LeftButton,
                     pos=rect.center())
    assert window.view.current_page == 4


@pytest.mark.parametrize("query", ["الصفصاف", "الصَّفْصَافُ"])
def test_find_with_and_without_harakat(qtbot, window, sample_pdf, query):
    open_and_wait(qtbot, window, sample_pdf)
    window.commands.find_action.trigger()
    assert window.find_bar.isVisible()
    with qtbot.waitSignal(window.find.finished, timeout=10000) as blocker:
        # QTest cannot type Arabic on every platform: set the text as an edit would.
        window.find_bar.edit.setText(query)
        window.find_bar.edit.textEdited.emit(query)
    hits = window.find.hits()
    assert blocker.args[0] == len(hits) >= 2
    assert sorted({h.page for h in hits}) == [3, 4]
    assert window.results.count() == len(hits)
    marked = window.view.search_hits()
    assert set(marked) == {3, 4} and all(marked.values())
    assert window.view.current_page == hits[0].page
    assert window.find_bar.status.text() == f"1 of {len(hits)}"


def search_for(qtbot, window, sample_pdf, query):
    """Open the sample, type ``query`` in the find bar, wait for every page's hits."""
    open_and_wait(qtbot, window, sample_pdf)
    window.commands.find_action.trigger()
    with qtbot.waitSignal(window.find.finished, timeout=10000):
        window.find_bar.edit.setText(query)  # as an edit would (QTest cannot type Arabic)
        window.find_bar.edit.textEdited.emit(query)
        window.find_bar.flush()
    return window.find.hits()


def test_f3_and_shift_f3_walk_the_hits(qtbot, window, sample_pdf):
    hits = search_for(qtbot, window, sample_pdf, "مياه")
    assert len(hits) >= 3
    window.commands.find_next_action.trigger()
    assert window.find_bar.status.text() == f"2 of {len(hits)}"
    window.commands.find_previous_action.trigger()
    window.commands.find_previous_action.trigger()
    assert window.find_bar.status.text() == f"{len(hits)} of {len(hits)}"
    assert window.view.current_page == hits[-1].page
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()
    assert window.view.search_hits() == {}


def test_no_match(qtbot, window, sample_pdf):
    open_and_wait(qtbot, window, sample_pdf)
    window.commands.find_action.trigger()
    with qtbot.waitSignal(window.find.finished, timeout=10000):
        window.find.start("زرافة")
    assert window.find.hits() == []
    assert window.find_bar.status.text() == "No matches"


EXPECTED_WORDS = {
    "missing": "does not exist",
    "folder": "is a folder",
    "empty": "is empty",
    "not_pdf": "is not a PDF",
    "truncated": "incomplete",
    "corrupt": "damaged",
    "zero_pages": "no pages",
}


@pytest.mark.parametrize("kind", sorted(EXPECTED_WORDS))
def test_bad_input_keeps_the_open_document(qtbot, window, sample_pdf, bad_files, kind):
    open_and_wait(qtbot, window, sample_pdf)
    window.go_to_page(2)
    message = fail_and_wait(qtbot, window, bad_files[kind])
    assert EXPECTED_WORDS[kind] in message
    assert bad_files[kind].name in message
    assert window.last_error == message
    assert window.info.path == str(sample_pdf)
    assert window.view.current_page == 2
    box = window.findChild(type(window._message_box), "errorMessage")
    assert box is not None and box.isVisible() and box.text() == message


def test_password_is_asked_and_checked(qtbot, window, sample_pdf, bad_files, monkeypatch):
    open_and_wait(qtbot, window, sample_pdf)
    answers = iter(["wrong", None])
    monkeypatch.setattr(window.documents, "ask_password", lambda _name, _retry: next(answers))
    message = fail_and_wait(qtbot, window, bad_files["encrypted"])
    assert "password" in message and "not correct" in message
    assert window.info.path == str(sample_pdf)
    monkeypatch.setattr(window.documents, "ask_password", lambda _name, _retry: "sesame")
    open_and_wait(qtbot, window, bad_files["encrypted"])
    assert window.info.path == str(bad_files["encrypted"])


def test_drop_a_pdf_opens_it(qtbot, window, sample_pdf, tmp_path):
    copy = tmp_path / "dropped report.pdf"
    copy.write_bytes(sample_pdf.read_bytes())
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(copy))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.documents.opened, timeout=15000):
        window.dropEvent(event)
    assert window.info.path == str(copy)


def test_render_failure_is_reported_not_fatal(qtbot, window, tmp_path):
    doc = pymupdf.open()
    for _ in range(2):
        doc.new_page()
    path = tmp_path / "two.pdf"
    doc.save(path)
    open_and_wait(qtbot, window, path)
    assert window.info.page_count == 2
    wait_text(qtbot, window, 0) if window.arabic_pane.text() else None
    qtbot.waitUntil(lambda: "no text layer" in window.arabic_pane.browser.placeholderText(),
                    timeout=10000)


def test_panes_can_be_hidden_but_not_all(qtbot, window, sample_pdf):
    open_and_wait(qtbot, window, sample_pdf)
    window.layout_state.pane_actions["translation"].setChecked(False)
    assert not window.translation_pane.isVisible()
    window.layout_state.pane_actions["arabic"].setChecked(False)
    window.layout_state.pane_actions["page"].setChecked(False)
    assert window.layout_state.pane_actions["page"].isChecked()
    assert window.view.isVisible()


def test_dark_theme_toggle(qtbot, window, app):
    window.layout_state.set_theme("light")
    light = app.palette().color(QPalette.ColorRole.Window).lightness()
    window.layout_state.dark_action.trigger()
    assert window.layout_state.dark_action.isChecked()
    assert app.palette().color(QPalette.ColorRole.Window).lightness() < light
    assert window.settings.theme() == "dark"
    window.layout_state.dark_action.trigger()
    assert app.palette().color(QPalette.ColorRole.Window).lightness() == light


def test_fast_flipping_renders_only_where_the_reader_stops(qtbot, window, tmp_path):
    doc = pymupdf.open()
    for i in range(60):
        page = doc.new_page()
        page.insert_text((72, 72), f"page {i + 1}", fontsize=30)
    path = tmp_path / "sixty.pdf"
    doc.save(path)
    open_and_wait(qtbot, window, path)
    window.commands.fit_page_action.trigger()
    rendered: list[int] = []
    session = window.session
    original = session.render

    def counting(page, zoom):
        rendered.append(page)
        return original(page, zoom)

    window.cache.set_renderer(counting)
    for page in range(60):  # one event loop turn: the user holds Page Down
        window.go_to_page(page)
    view = window.view
    qtbot.waitUntil(lambda: window.cache.get(59, view.device_scale()) is not None, timeout=10000)
    assert view.current_page == 59
    assert len(rendered) <= 6, rendered


def test_whole_document_is_read_in_the_background(qtbot, window, tmp_path, sample_pdf):
    import pymupdf as _pymupdf

    doc = _pymupdf.open()
    sample = _pymupdf.open(sample_pdf)
    for _ in range(8):
        doc.insert_pdf(sample)
    path = tmp_path / "forty.pdf"
    doc.save(path)
    with qtbot.waitSignal(window.documents.text_extracted, timeout=60000) as blocker:
        open_and_wait(qtbot, window, path)
    assert blocker.args == [40]
    assert window.session.extracted() == 40
    # Find now answers from the kept text without rebuilding every page.
    with qtbot.waitSignal(window.find.finished, timeout=10000) as found:
        window.find.open()
        window.find.start("الصفصاف")
    assert found.args[0] == 16  # twice on each of pages 4 and 5 of every copy


def test_one_unreadable_page_blanks_no_other_page(qtbot, window, tmp_path):
    """Issue 11: the running-head sampler let one page's error escape, and the window
    showed no text on any page."""
    from tests.test_cli_contract import FONT, PAGE, STREAM, minimal_pdf

    path = tmp_path / "one-bad-page.pdf"
    path.write_bytes(minimal_pdf([
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R 6 0 R 3 0 R] /Count 3 >>", PAGE, STREAM, FONT,
        "<< /Type /Pages /Kids [6 0 R] /Count 1 /Parent 2 0 R >>"]))
    open_and_wait(qtbot, window, path)
    qtbot.waitUntil(lambda: window.arabic_pane.text() == "Hello", timeout=10000)
    window.go_to_page(1)
    qtbot.waitUntil(lambda: "cannot be read" in window.arabic_pane.browser.placeholderText(),
                    timeout=10000)
    window.go_to_page(2)
    qtbot.waitUntil(lambda: window.arabic_pane.text() == "Hello", timeout=10000)


def test_help_lists_every_shortcut_and_the_first_steps(qtbot, window):
    """Issue 15: Help had only "About"; F1 gives the shortcuts sheet, made from the
    window's own actions (so it never drifts from them), and a first-steps page."""
    from PySide6.QtWidgets import QDialog, QTableWidget, QTextBrowser

    window.commands.shortcuts_action.trigger()
    dialog = window.findChild(QDialog, "shortcutsDialog")
    table = dialog.findChild(QTableWidget)
    rows = {table.item(r, 0).text(): table.item(r, 1).text().strip("\u2066\u2069")
            for r in range(table.rowCount())}
    assert rows["Highlight the selection"] == "H" and "Ctrl+Shift+E" in rows.values()
    assert any(text.startswith("Grid: confirm") for text in rows)
    assert window.commands.shortcuts_action.shortcut().toString() == "F1"
    dialog.reject()
    window.commands.first_steps_action.trigger()
    steps = window.findChild(QDialog, "firstStepsDialog").findChild(QTextBrowser)
    assert "Install a translation model" in steps.toPlainText()


def test_the_first_window_fits_the_screen_and_gives_the_page_room(qtbot, window):
    """Issue 15: on a 1366×768 screen the first window ran past the screen's edge and the
    page opened at 43–58 % in a crowded layout."""
    area = window.screen().availableGeometry()
    assert window.width() <= area.width() and window.height() <= area.height()
    sizes = window.splitter.sizes()
    assert sizes[0] == max(sizes)  # the page pane is the widest
    assert sizes[0] >= 0.45 * sum(sizes)
    if area.width() < 1560:  # a laptop screen: no thumbnail column beside the page
        assert not window.thumbnails_dock.isVisible()
        assert window.thumbnails_dock.toggleViewAction().isEnabled()  # one click brings it


def test_dark_theme_icons_are_drawn_in_the_palettes_text_colour(qtbot, window):
    """Issue 15: the toolbar icons all but vanished on the dark palette."""
    def brightness(action) -> float:  # mean lightness of the icon's drawn pixels
        image = action.icon().pixmap(24, 24).toImage()
        values = [image.pixelColor(x, y) for x in range(image.width())
                  for y in range(image.height())]
        drawn = [c.lightness() for c in values if c.alpha() > 128]
        return sum(drawn) / len(drawn) if drawn else 0.0

    window.layout_state.set_theme("dark")
    assert brightness(window.commands.next_action) > 150
    window.layout_state.set_theme("light")
    assert brightness(window.commands.next_action) < 150


def test_the_grid_taking_the_focus_selects_no_sentence(qtbot, window, sample_pdf):
    """Qt makes the first row current when a list takes the focus: that selected the
    page's first sentence, which H would then have highlighted."""
    from PySide6.QtCore import Qt as QtCore_Qt

    open_and_wait(qtbot, window, sample_pdf)
    qtbot.waitUntil(lambda: window.translation_pane.row_count() > 0, timeout=10000)
    window.translation_pane.view.setFocus(QtCore_Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(window.translation_pane.view.hasFocus)
    assert window.translation_pane.selected_rows() == []
    assert window.arabic_pane.selection()[0] == window.arabic_pane.selection()[1]
    assert window.translation.current_selection() is None


def test_print_renders_the_chosen_pages_off_the_window_thread(qtbot, window, sample_pdf,
                                                              tmp_path):
    """Issue 15: no Print. Printing to a PDF file stands in for a printer."""
    import pymupdf
    from PySide6.QtPrintSupport import QPrinter

    assert not window.commands.print_action.isEnabled()
    open_and_wait(qtbot, window, sample_pdf)
    assert window.commands.print_action.isEnabled()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    with qtbot.waitSignal(window.printing.printed, timeout=60000) as done:
        window.printing.print_pages(printer, [0, 2])
    assert done.args == [2]
    printed = pymupdf.open(out)
    assert printed.page_count == 2 and printed[0].get_images()


def test_find_hits_are_marked_in_the_arabic_text_too(qtbot, window, sample_pdf):
    """Issue 15: find hits were marked on the page image but not in the Arabic pane."""
    hits = search_for(qtbot, window, sample_pdf, "مياه")
    page = hits[0].page
    qtbot.waitUntil(lambda: window.arabic_pane.page == page
                    and window.arabic_pane.model is not None, timeout=10000)
    qtbot.waitUntil(lambda: window.arabic_pane.search_hits() == [
        (h.start, h.end) for h in hits if h.page == page], timeout=10000)
    from reader.arabic.fold import fold

    text = window.arabic_pane.model.text
    assert all(fold(text[a:b]) == fold("مياه") for a, b in window.arabic_pane.search_hits())
    window.find_bar.closed.emit()
    assert window.arabic_pane.search_hits() == []
