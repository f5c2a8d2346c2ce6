"""The translation pane with the tiny real model: aligned, editable, kept."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from reader.translation.cache import EDITED, MACHINE, REVIEWED, TranslationCache
from reader.translation.memory import TranslationMemory
from reader.translation.packages import install_package
from reader.translation.units import session_units
from tests.ui.conftest import open_and_wait

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "translate-ar_en-tiny.argosmodel"


def translated_window(qtbot, make_window, sample_pdf):
    install_package(FIXTURE)
    window = make_window()
    qtbot.waitUntil(lambda: window.translation_pane.has_model(), timeout=20000)
    with qtbot.waitSignal(window.translation.page_translated, timeout=30000):
        open_and_wait(qtbot, window, sample_pdf)
    return window


def test_sentences_are_translated_and_aligned(qtbot, make_window, sample_pdf):
    window = translated_window(qtbot, make_window, sample_pdf)
    pane = window.translation_pane
    rows = pane.row_count()
    assert rows == len(window.translation.sentences) > 3
    assert all(pane.target(r) and pane.status(r) == MACHINE for r in range(rows))
    # Choosing a sentence selects its Arabic and marks it on the page.
    pane.set_current_row(1)
    sentence = window.translation.sentences[1]
    assert window.arabic_pane.selection() == (sentence.start, sentence.end)
    assert window.view.selection_marks()[0]
    # Putting the cursor in the Arabic selects the English sentence.
    window.arabic_pane.set_cursor(window.translation.sentences[2].start + 1)
    assert pane.current_row() == 2


def test_edits_and_reviews_are_kept(qtbot, make_window, sample_pdf):
    window = translated_window(qtbot, make_window, sample_pdf)
    pane = window.translation_pane
    pane.change(0, "My own translation.", EDITED)
    assert pane.status(0) == EDITED
    pane.set_current_row(0)
    qtbot.keyClick(pane.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert pane.status(0) == REVIEWED
    source = window.translation.sentences[0].text
    key = " ".join(source.split())

    def reviewed() -> bool:
        edit = TranslationCache().edits(window.info.sha256).get(key)
        return edit is not None and edit.status == REVIEWED

    qtbot.waitUntil(reviewed, timeout=10000)
    edit = TranslationCache().edits(window.info.sha256)[" ".join(source.split())]
    assert (edit.text, edit.status) == ("My own translation.", REVIEWED)
    # Another window on the same document shows the edit, not the machine translation.
    window.close()
    again = translated_window(qtbot, make_window, sample_pdf)
    assert again.translation_pane.target(0) == "My own translation."
    assert again.translation_pane.status(0) == REVIEWED


def test_whole_document_translated_in_background(qtbot, make_window, sample_pdf):
    window = translated_window(qtbot, make_window, sample_pdf)
    with qtbot.waitSignal(window.translation.document_translated, timeout=60000) as blocker:
        pass
    assert blocker.args == [5]
    assert window.translation_pane.bilingual_text().count("\n\n") >= 3


def test_models_dialog_lists_installs_and_removes(qtbot, window, monkeypatch):
    from reader.ui.models_dialog import ModelsDialog

    dialog = ModelsDialog(window)
    qtbot.addWidget(dialog)
    assert dialog.tree.topLevelItemCount() == 0 and dialog.empty.isVisibleTo(dialog)
    # (The window's own first look, finding no model, may answer in between.)
    with qtbot.waitSignal(window.models.model_ready, timeout=20000, check_params_cb=bool):
        window.models.install(str(FIXTURE))
    dialog.refresh()
    assert dialog.tree.topLevelItemCount() == 1
    assert dialog.tree.topLevelItem(0).text(0) == "ar → en"
    dialog.tree.topLevelItem(0).setSelected(True)
    with qtbot.waitSignal(window.models.model_ready, timeout=20000,
                          check_params_cb=lambda ok: not ok):
        dialog.changed.connect(window.models.refresh)
        dialog.remove_button.click()
    assert dialog.tree.topLevelItemCount() == 0 and not window.translation_pane.has_model()


def test_a_bad_model_file_gets_a_message(qtbot, window, tmp_path):
    junk = tmp_path / "broken.argosmodel"
    junk.write_bytes(b"not a zip at all")
    with qtbot.waitSignal(window.ctx.error, timeout=10000) as failed:
        window.models.install(str(junk))
    assert "cannot be installed" in failed.args[0] and "not a zip" in failed.args[0]
    assert not window.translation_pane.has_model()


def test_hovering_a_sentence_tints_its_counterparts(qtbot, make_window, sample_pdf):
    window = translated_window(qtbot, make_window, sample_pdf)
    pane = window.translation_pane
    pane.view.entered.emit(pane.model.index(2))
    sentence = window.translation.sentences[2]
    [extra] = window.arabic_pane.browser.extraSelections()
    assert (extra.cursor.selectionStart(), extra.cursor.selectionEnd()) == (sentence.start,
                                                                            sentence.end)
    assert window.view.hover_marks()[0]
    window.arabic_pane.hovered.emit(window.translation.sentences[1].start + 1)
    assert pane.hovered_row == 1
    window.arabic_pane.hovered.emit(-1)
    assert window.view.hover_marks() == {}


def test_a_session_of_work_survives_a_restart_and_nothing_else_is_marked(
        qtbot, make_window, sample_pdf):
    """Issue 11: rows still waiting for the model were stored as edits ("…"), tints and
    icons were taken for edits, a reviewed mark was overwritten. The whole flow: install
    the model from the window, translate, hover and tint rows, edit one sentence in the
    editor, review another, turn pages, close, open again."""
    window = make_window()
    open_and_wait(qtbot, window, sample_pdf)
    with qtbot.waitSignal(window.translation.page_translated, timeout=30000):
        window.models.install(str(FIXTURE))
    pane = window.translation_pane
    for row in range(pane.row_count()):  # what used to mark rows edited
        pane.hover_sentence(row)
    pane.set_annotated_rows({0: "#ffd400", 2: "#5fb236"})
    pane.hover_sentence(-1)
    # Edit row 1 the way a translator does: open the editor, type, press Enter.
    pane.set_current_row(1)
    pane.view.setFocus()
    qtbot.keyClick(pane.view, Qt.Key.Key_Return)
    editor = pane.view.indexWidget(pane.model.index(1))
    editor.setPlainText("1. Introduction, corrected")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: pane.status(1) == EDITED, timeout=5000)
    pane.set_current_row(3)
    qtbot.keyClick(pane.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert pane.status(3) == REVIEWED
    reviewed_text = pane.target(3)
    sha = window.info.sha256
    qtbot.waitUntil(lambda: len(TranslationCache().edits(sha)) == 2, timeout=10000)
    for _ in range(2):  # turn pages and come back: re-shown rows are no edits either
        with qtbot.waitSignal(window.translation.page_translated, timeout=30000):
            window.go_to_page(1)
        with qtbot.waitSignal(window.translation.page_translated, timeout=30000):
            window.go_to_page(0)
    window.close()

    again = make_window()
    with qtbot.waitSignal(again.translation.page_translated, timeout=30000):
        open_and_wait(qtbot, again, sample_pdf)
    rows = again.translation_pane
    assert rows.target(1) == "1. Introduction, corrected"
    assert rows.status(1) == EDITED
    assert (rows.target(3), rows.status(3)) == (reviewed_text, REVIEWED)
    others = [r for r in range(rows.row_count()) if r not in (1, 3)]
    assert all(rows.status(r) == MACHINE and rows.target(r) for r in others)
    edits = TranslationCache().edits(sha)
    assert sorted(e.status for e in edits.values()) == [EDITED, REVIEWED]
    assert all(e.page == 0 and e.start >= 0 and e.text != "…" for e in edits.values())


def test_an_edit_made_on_an_older_engines_text_is_placed_again(tmp_path):
    """A re-extraction that changes a sentence slightly keeps the translator's edit; one
    whose sentence is gone stays on record."""
    cache = TranslationCache(tmp_path / "t.sqlite")
    cache.edit("doc", "يعاني سكان القرى الجبلية من نقص المياه", "Villagers lack water.",
               EDITED, page=2, start=10, pipeline="arabic-repair/1")
    cache.edit("doc", "جملة اختفت تماما من الصفحة", "A vanished sentence.", REVIEWED,
               page=2, start=80, pipeline="arabic-repair/1")
    newer = ["يعاني سكّان القرى الجبلية من نقص المياه.", "جملة أخرى لا علاقة لها"]
    placed = cache.place("doc", 2, newer, "arabic-repair/2")
    assert list(placed) == [" ".join(newer[0].split())]
    edit = placed[newer[0]]
    assert edit.text == "Villagers lack water." and edit.original.startswith("يعاني سكان")
    assert [e.text for e in cache.unplaced("doc", 2, newer)] == ["A vanished sentence."]
    assert len(TranslationCache(tmp_path / "t.sqlite").edits("doc")) == 2  # none dropped
    # Another page's edits stay where they are, however alike its sentences.
    assert cache.place("doc", 3, ["جملة اختفت تماما من هذه الصفحة"]) == {}


def test_a_damaged_translations_file_is_kept_aside(tmp_path):
    path = tmp_path / "translations.sqlite"
    path.write_bytes(b"SQLite format 3\0" + b"\xff" * 4000)
    cache = TranslationCache(path)
    assert cache.set_aside is not None and cache.set_aside.exists()
    cache.edit("doc", "جملة", "A sentence.")
    assert TranslationCache(path).edits("doc")["جملة"].text == "A sentence."


def test_a_model_installed_after_the_text_was_read_translates_the_whole_document(
        qtbot, make_window, sample_pdf):
    """Issue 11: after installing a model in the window only the visible page was
    translated."""
    window = make_window()
    with qtbot.waitSignal(window.documents.text_extracted, timeout=30000):
        open_and_wait(qtbot, window, sample_pdf)
    with qtbot.waitSignal(window.translation.document_translated, timeout=60000) as blocker:
        window.models.install(str(FIXTURE))
    assert blocker.args == [5]
    cache, session = TranslationCache(), window.session
    for page in range(5):
        sources = [s.text for s in session_units(session, page)[1]]
        assert len(cache.any_model(sources)) == len({" ".join(s.split()) for s in sources})


def test_confirmed_english_goes_into_the_memory_and_undo_takes_it_out(
        qtbot, make_window, sample_pdf):
    """Issue 13: every confirmed or edited pair is kept across documents; an exact match
    shows the translator's earlier English, marked as such; undo reaches the stores."""
    window = translated_window(qtbot, make_window, sample_pdf)
    pane = window.translation_pane
    source = window.translation.sentences[2].text
    pane.change(2, "A sentence I wrote.", EDITED)
    pane.mark_reviewed(2)
    sha = window.info.sha256
    key = " ".join(source.split())
    qtbot.waitUntil(lambda: TranslationMemory().exact([source]).get(source) is not None,
                    timeout=10000)
    assert TranslationMemory().exact([source])[source].target == "A sentence I wrote."
    pane.undo_stack.undo()
    pane.undo_stack.undo()
    assert pane.status(2) == MACHINE
    qtbot.waitUntil(lambda: key not in TranslationCache().edits(sha), timeout=10000)
    qtbot.waitUntil(lambda: not TranslationMemory().exact([source]), timeout=10000)
    pane.undo_stack.redo()
    qtbot.waitUntil(lambda: key in TranslationCache().edits(sha), timeout=10000)
    window.close()
    # What another document would get: the same sentence, no edit of its own.
    TranslationCache().forget(sha, source)
    again = translated_window(qtbot, make_window, sample_pdf)
    row = next(i for i, s in enumerate(again.translation.sentences) if s.text == source)
    assert (again.translation_pane.target(row), again.translation_pane.status(row)) == (
        "A sentence I wrote.", "memory")


def test_fixes_of_the_arabic_source_are_kept_undoable_and_keep_the_page_map(
        qtbot, make_window, sample_pdf):
    """Issue 13: the translator corrects a segment's Arabic, joins two segments and splits
    one; the changed segments are translated again, point at the same text on the page,
    survive a restart and can be undone."""
    window = translated_window(qtbot, make_window, sample_pdf)
    grid = window.translation_pane
    before = list(window.translation.sentences)
    count = len(before)
    with qtbot.waitSignal(window.translation.page_translated, timeout=30000):
        grid.join_with_next(2)
    joined = window.translation.sentences[2]
    assert len(window.translation.sentences) == count - 1 == grid.row_count()
    assert (joined.start, joined.end) == (before[2].start, before[3].end)
    assert joined.text == f"{before[2].text} {before[3].text}"
    assert grid.status(2) == MACHINE and grid.target(2)  # translated again
    grid.set_current_row(2)
    assert window.arabic_pane.selection() == (before[2].start, before[3].end)
    # A correction of the Arabic, then a split with a line break.
    corrected = before[0].text + " (مصحح)"
    with qtbot.waitSignal(window.translation.page_translated, timeout=30000):
        grid.fix_source_text(0, corrected)
    assert window.translation.sentences[0].text == corrected
    first = window.translation.sentences[0]
    assert (first.start, first.end) == (before[0].start, before[0].end)
    words = before[1].text.split()
    assert len(words) > 1
    with qtbot.waitSignal(window.translation.page_translated, timeout=30000):
        grid.fix_source_text(1, " ".join(words[:1]) + "\n" + " ".join(words[1:]))
    assert [s.text for s in window.translation.sentences[1:3]] == [words[0], " ".join(words[1:])]
    assert window.translation.sentences[1].start == before[1].start
    assert window.translation.sentences[2].end == before[1].end
    assert len(window.translation.sentences) == count
    texts = [s.text for s in window.translation.sentences]
    window.close()

    again = translated_window(qtbot, make_window, sample_pdf)
    assert [s.text for s in again.translation.sentences] == texts
    # Undo works on this window's own steps; the fixes are removed through the store.
    grid = again.translation_pane
    assert len(TranslationCache().source_fixes.fixes(again.info.sha256, 0)) == 3
    window = again
    with qtbot.waitSignal(window.translation.page_translated, timeout=30000):
        grid.join_with_next(0)
    assert len(window.translation.sentences) == count - 1
    with qtbot.waitSignal(window.translation.page_translated, timeout=30000):
        grid.undo_stack.undo()
    assert [s.text for s in window.translation.sentences] == texts


def test_the_counter_shows_confirmed_segments_of_the_page_and_the_document(
        qtbot, make_window, sample_pdf):
    window = translated_window(qtbot, make_window, sample_pdf)
    grid = window.translation_pane
    qtbot.waitUntil(lambda: "in the document" in grid.counter.text(), timeout=30000)
    total = sum(len(session_units(window.session, p)[1])
                for p in range(window.session.page_count))
    assert grid.counter.text() == (f"Confirmed 0 of {grid.row_count()} on this page · "
                                   f"0 of {total} in the document")
    grid.mark_reviewed(0)
    qtbot.waitUntil(lambda: grid.counter.text().endswith(f"1 of {total} in the document"),
                    timeout=10000)
    assert grid.counter.text().startswith("Confirmed 1 of")


def test_the_whole_document_view_follows_the_page_and_is_remembered(
        qtbot, make_window, sample_pdf):
    install_package(FIXTURE)
    window = make_window()
    qtbot.waitUntil(lambda: window.translation_pane.has_model(), timeout=20000)
    with qtbot.waitSignal(window.translation.document_translated, timeout=60000):
        open_and_wait(qtbot, window, sample_pdf)
    grid = window.translation_pane
    with qtbot.waitSignal(window.translation.document_rows_loaded, timeout=30000):
        grid.scope.setCurrentIndex(1)
    headers = [s for s in grid.model.segments if s.header]
    assert [h.page for h in headers] == [0, 1, 2, 3, 4]
    # Every page's English as made by the background pass, none waiting.
    assert all(s.status == MACHINE for s in grid.model.segments if not s.header), [
        (s.page, s.index, s.status, s.target) for s in grid.model.segments if not s.header
        and s.status != MACHINE]
    # A row of page 3 chosen in the grid: the window goes there and selects its Arabic.
    row = next(r for r, s in enumerate(grid.model.segments) if s.page == 2 and s.index == 1)
    with qtbot.waitSignal(window.navigation.page_text_shown, timeout=30000):
        grid.set_current_row(row)
    qtbot.waitUntil(lambda: window.arabic_pane.model is not None
                    and window.arabic_pane.model.page == 2, timeout=10000)
    qtbot.waitUntil(lambda: window.arabic_pane.selection() == (
        window.translation.sentences[1].start, window.translation.sentences[1].end), timeout=10000)
    assert window.view.current_page == 2 and grid.current_row() == row
    window.close()
    again = make_window()
    assert again.translation_pane.document_view


def test_a_damaged_memory_is_set_aside_with_a_message_and_work_goes_on(
        qtbot, make_window, sample_pdf):
    from reader.paths import data_dir

    junk = data_dir() / "memory.sqlite"
    junk.parent.mkdir(parents=True, exist_ok=True)
    junk.write_bytes(b"SQLite format 3\0" + b"\xff" * 4000)
    window = translated_window(qtbot, make_window, sample_pdf)
    # Said in a box, as a damaged annotation store is (it is opened as the window starts,
    # off the GUI thread: a status line would be replaced by "Opened …" at once).
    qtbot.waitUntil(lambda: "translation memory was damaged" in (window.last_error or ""),
                    timeout=10000)
    assert list(data_dir().glob("memory.sqlite.damaged-*"))
    window.translation_pane.change(0, "Still kept.", EDITED)
    source = window.translation.sentences[0].text
    qtbot.waitUntil(lambda: source in TranslationMemory().exact([source]), timeout=10000)


def test_the_grids_keys_win_over_the_windows_shortcuts(qtbot, make_window, sample_pdf):
    """Ctrl+2 is "fit page" and F3 "find next" in the window; in the grid (and its
    editor) they put in an alternative and fix the source."""
    window = translated_window(qtbot, make_window, sample_pdf)
    grid = window.translation_pane
    fit = window.view.fit_mode
    assert fit != "page"
    grid.set_alternatives(grid.model.segments[1].source, ["One.", "Another English."])
    grid.set_current_row(1)
    grid.view.setFocus()
    qtbot.waitUntil(lambda: grid.view.hasFocus())
    qtbot.keyClick(grid.view, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert grid.target(1) == "Another English." and window.view.fit_mode == fit
    grid.edit_row(2)
    editor = grid.view.indexWidget(grid.model.index(2))
    editor.setFocus()
    qtbot.waitUntil(lambda: editor.hasFocus())
    grid.set_alternatives(grid.model.segments[2].source, ["Two.", "Third one."])
    qtbot.keyClick(editor, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == "Third one." and window.view.fit_mode == fit
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.keyClick(grid.view, Qt.Key.Key_F3)
    qtbot.waitUntil(lambda: grid.source_dialog is not None and grid.source_dialog.isVisible())
    grid.source_dialog.reject()


def test_a_closed_models_dialog_is_gone_and_not_refreshed(qtbot, window):
    from reader.ui.models_dialog import ModelsDialog

    window.models.dialog()
    dialog = window.findChild(ModelsDialog)
    assert dialog is not None and dialog.isVisible()
    with qtbot.waitSignal(dialog.destroyed, timeout=5000):
        dialog.reject()
    window.models.model_ready.emit(True)  # nothing left to refresh: no error
    assert window.findChild(ModelsDialog) is None
