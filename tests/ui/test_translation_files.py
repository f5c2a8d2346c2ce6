"""File → Export translation / Import translations in the window: off the GUI thread, with
progress; what comes back shows in the grid and survives a restart."""

from __future__ import annotations

import zipfile

from reader.translation.cache import REVIEWED, TranslationCache
from tests.ui.conftest import open_and_wait


def test_export_then_import_an_edited_xliff_in_the_window(qtbot, make_window, sample_pdf,
                                                          tmp_path):
    window = make_window()
    open_and_wait(qtbot, window, sample_pdf)
    files = window.translation_files
    docx = tmp_path / "report.docx"
    with qtbot.waitSignal(files.exported, timeout=60000):
        files.export_to(str(docx))
    with zipfile.ZipFile(docx) as package:
        assert "word/document.xml" in package.namelist()
    xlf = tmp_path / "report.xlf"
    with qtbot.waitSignal(files.exported, timeout=60000):
        files.export_to(str(xlf))
    text = xlf.read_text(encoding="utf-8")
    cut = text.index("</source>") + len("</source>")
    text = text[:cut] + '<target state="translated">Nabaa Initiative, report 7.</target>' \
        + text[cut:]
    # A unit that belongs to no sentence here: listed, not imported.
    text = text.replace("</body>", '<trans-unit id="x-1"><source>جملة غريبة</source>'
                                   '<target>Stray.</target></trans-unit></body>')
    xlf.write_text(text, encoding="utf-8")
    with qtbot.waitSignal(files.imported, timeout=60000) as done:
        files.import_from(str(xlf))
    assert done.args == [1]
    assert [u[0] for u in files.last_unmatched] == ["x-1"]
    grid = window.translation_pane
    qtbot.waitUntil(lambda: grid.target(0) == "Nabaa Initiative, report 7.", timeout=10000)
    assert grid.status(0) == REVIEWED
    edits = TranslationCache().edits(window.info.sha256)
    assert [e.text for e in edits.values()] == ["Nabaa Initiative, report 7."]
    window.close()
    again = make_window()
    open_and_wait(qtbot, again, sample_pdf)
    qtbot.waitUntil(lambda: again.translation_pane.row_count() > 0
                    and again.translation_pane.target(0) == "Nabaa Initiative, report 7.",
                    timeout=10000)


def test_a_junk_xliff_gets_one_message_and_nothing_changes(qtbot, make_window, sample_pdf,
                                                          tmp_path):
    window = make_window()
    open_and_wait(qtbot, window, sample_pdf)
    junk = tmp_path / "junk.xlf"
    junk.write_bytes(b"<xliff version='1.2'><file><body><trans-unit")
    with qtbot.waitSignal(window.translation_files.failed, timeout=60000) as failed:
        window.translation_files.import_from(str(junk))
    assert "could not be imported" in failed.args[0] and "\n" not in failed.args[0]
    assert TranslationCache().edits(window.info.sha256) == {}


def test_glossary_terms_reach_the_grid_and_its_files_go_both_ways(qtbot, make_window,
                                                                  sample_pdf, tmp_path):
    window = make_window()
    open_and_wait(qtbot, window, sample_pdf)
    grid = window.translation_pane
    qtbot.waitUntil(lambda: grid.row_count() > 4, timeout=10000)
    tsv = tmp_path / "terms.tsv"
    tsv.write_text("مياه الشرب\tdrinking water\nالقرى الجبلية\tmountain villages\n",
                   encoding="utf-8")
    window.translation_files.import_glossary(str(tsv))
    qtbot.waitUntil(lambda: any(s.terms for s in grid.model.segments), timeout=30000)
    with_terms = [s for s in grid.model.segments if s.terms]
    assert with_terms and {t[2] for s in with_terms for t in s.terms} == {"مياه الشرب",
                                                                           "القرى الجبلية"}
    # A term added from the Arabic selected in the text pane.
    model = window.arabic_pane.model
    start = model.text.index("ملخص تنفيذي")
    window.arabic_pane.select_range(start, start + len("ملخص تنفيذي"))
    window.translation.add_term("ملخص تنفيذي", "executive summary")

    def summary_row():
        return next(s for s in grid.model.segments if s.source == "ملخص تنفيذي")

    qtbot.waitUntil(lambda: bool(summary_row().terms), timeout=30000)
    assert summary_row().terms[0][3] == ("executive summary",)
    # The same from the dialog, for this document only.
    start = model.text.index("مياه")
    window.arabic_pane.select_range(start, start + len("مياه"))
    window.translation.add_term_dialog()
    from PySide6.QtWidgets import QCheckBox, QDialog, QLineEdit

    dialog = window.findChild(QDialog, "addTermDialog")
    dialog.findChild(QLineEdit).setText("water")
    dialog.findChild(QCheckBox).setChecked(True)
    dialog.accept()
    from reader.translation.glossary import Glossary

    qtbot.waitUntil(lambda: any(t.source == "مياه" for t in Glossary().terms(
        window.info.sha256)), timeout=10000)  # kept off the window's thread
    [water] = [t for t in Glossary().terms(window.info.sha256) if t.source == "مياه"]
    assert water.scope == window.info.sha256
    assert water not in Glossary().terms("another document")
    out = tmp_path / "out.tbx"
    with qtbot.waitSignal(window.translation_files.message, timeout=10000):
        window.translation_files.export_glossary(str(out))
    assert out.read_text(encoding="utf-8").count("<termEntry") == 4


def test_an_export_that_cannot_be_written_says_so_and_leaves_nothing(qtbot, make_window,
                                                                   sample_pdf, tmp_path):
    window = make_window()
    open_and_wait(qtbot, window, sample_pdf)
    target = tmp_path / "missing-folder" / "report.docx"
    with qtbot.waitSignal(window.translation_files.failed, timeout=60000) as failed:
        window.translation_files.export_to(str(target))
    assert "could not be exported" in failed.args[0]
    assert not target.parent.exists()
