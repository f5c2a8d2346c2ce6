from __future__ import annotations

from PySide6.QtCore import Qt

from reader.ui.app import create_app
from reader.ui.main_window import MainWindow
from tests.ui.conftest import open_and_wait


def test_settings_survive_a_restart(qtbot, make_window, sample_pdf):
    first = make_window()
    first.resize(701, 603)  # within the 800×800 offscreen screen
    open_and_wait(qtbot, first, sample_pdf)
    first.go_to_page(3)
    first.layout_state.pane_actions["translation"].setChecked(False)
    first.annotations_dock.hide()
    first.commands.zoom_reset_action.trigger()
    first.commands.zoom_in_action.trigger()
    first.close()

    second = make_window()
    assert (second.width(), second.height()) == (701, 603)
    assert not second.layout_state.pane_actions["translation"].isChecked()
    assert not second.translation_pane.isVisible()
    assert not second.annotations_dock.isVisible()
    assert second.settings.recent_files()[0] == str(sample_pdf.resolve())
    open_and_wait(qtbot, second, sample_pdf)
    assert second.view.current_page == 3  # reopened at the last page read
    assert abs(second.view.zoom - 1.1) < 1e-6


def test_arabic_ui_is_right_to_left_and_translated(qtbot, app):
    create_app(language="ar")
    window = MainWindow()
    qtbot.addWidget(window)
    assert app.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.commands.file_menu.title() == "&ملف"
    label, keys = window.commands.open_action.text().split("\t")
    assert label == "&فتح…"
    # A right-to-left menu reversed a shortcut's parts ("Ctrl+," read "+,Ctrl"): each is
    # given after a tab, isolated left to right, and still works as the key.
    assert keys == "\u2066Ctrl+O\u2069"
    preferences = window.commands.preferences_action
    assert preferences.text().endswith("\t\u2066Ctrl+,\u2069")
    assert preferences.shortcut().toString() == "Ctrl+,"
    assert "\t" not in window.commands.dark_toggle.text()  # a toolbar button: the label
    assert "لا يوجد نموذج" in window.translation_pane.message.text()
    # Content keeps its own direction: the page is never mirrored, English stays LTR.
    assert window.view.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert window.arabic_pane.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.translation_pane.layoutDirection() == Qt.LayoutDirection.LeftToRight
    # Its message is Arabic text: right to left, flush right (it was set flush left).
    message = window.translation_pane.message
    assert message.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert message.alignment() & Qt.AlignmentFlag.AlignLeading
    window.close()


def test_language_preference_is_used_at_start(qtbot, app):
    from reader.ui.settings import SettingsStore

    SettingsStore().set_language("ar")
    create_app()
    assert app.layoutDirection() == Qt.LayoutDirection.RightToLeft
