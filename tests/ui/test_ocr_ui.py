"""A scanned document in the window: read by OCR in the background, then like any page."""

from __future__ import annotations

import pytest

from reader import ocr
from tests.test_ocr import scan
from tests.ui.conftest import open_and_wait


@pytest.mark.skipif(not ocr.available(), reason="Tesseract with Arabic data (.ci/run has it)")
def test_a_scanned_page_is_read_by_ocr_without_asking(qtbot, window, tmp_path):
    pdf = scan(tmp_path / "scan.pdf", pages=(0, 1), dpi=300)
    open_and_wait(qtbot, window, pdf)
    qtbot.waitUntil(lambda: "مياه الشرب" in window.arabic_pane.text(), timeout=60000)
    assert "Read by OCR" in window.navigation.status_quality.text()
    model = window.arabic_pane.model
    assert model is not None and model.quality.ocr
    # The OCR text takes part like any text: selection marks the page.
    start = model.text.index("مياه الشرب")
    window.arabic_pane.select_range(start, start + len("مياه الشرب"))
    assert window.view.selection_marks()[0]


def test_without_tesseract_the_window_says_how_to_install_it(qtbot, window, tmp_path,
                                                              monkeypatch):
    import shutil

    monkeypatch.setattr(shutil, "which", lambda _name: None)
    pdf = scan(tmp_path / "scan.pdf", pages=(0,), dpi=72)
    open_and_wait(qtbot, window, pdf)
    with qtbot.waitSignal(window.ctx.error, timeout=15000) as message:
        window.commands.ocr_page_action.trigger()
        qtbot.waitUntil(lambda: window.ocr.problem is not None, timeout=15000)
        window.commands.ocr_page_action.trigger()
    assert "tesseract-ocr-ara" in message.args[0]
    assert window.arabic_pane.model is None or not window.arabic_pane.model.quality.ocr
