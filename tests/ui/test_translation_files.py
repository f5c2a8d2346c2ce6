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
