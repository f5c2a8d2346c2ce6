"""The segment grid: laying out a page, scrolling a long grid, typing while translating.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_grid.py

- layout: a page of 40 segments (the sample report's sentences, English of their length)
  from ``show_sentences`` to the grid painted, heights measured afresh each time;
- scroll: a grid of 15,000 rows (500 pages of 30 segments) scrolled from top to bottom a
  viewport at a time, each step painted; a 5 ms timer on the GUI thread records stalls;
- typing: the window with the 500-page report open and the tiny test model translating the
  whole document in the background; keys typed into a row's editor, each until processed.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.common import StallProbe, big_document, spin, summary

ROOT = Path(__file__).resolve().parent.parent
MODEL = ROOT / "tests" / "fixtures" / "translate-ar_en-tiny.argosmodel"


def sample_sentences(count: int) -> list:
    from reader.resources import sample_report
    from reader.session import DocumentSession
    from reader.translation.segment import Sentence, page_sentences

    session = DocumentSession.open(sample_report())
    found = []
    for page in range(session.page_count):
        found += [s.text for s in page_sentences(session.page_text(page),
                                                 session.kept_body_length(page))]
    out, offset = [], 0
    while len(out) < count:
        text = found[len(out) % len(found)]
        out.append(Sentence(offset, offset + len(text), text))
        offset += len(text) + 1
    return out


def english_for(text: str) -> str:
    words = ("the", "villages", "report", "water", "shortage", "during", "summer", "months",
             "and", "families")
    return " ".join(words[i % len(words)] for i in range(max(3, len(text) // 6))) + "."


def main() -> None:
    tmp = Path(tempfile.mkdtemp())
    os.environ["QARI_DATA_DIR"] = str(tmp / "data")

    from PySide6.QtTest import QTest

    from reader.translation.engine import Translation
    from reader.ui.app import create_app
    from reader.ui.segment_grid import MACHINE, Segment, SegmentGrid

    app = create_app(language="en")
    grid = SegmentGrid()
    grid.set_installed_models(["ar → en"])
    grid.resize(620, 860)
    grid.show()
    spin(lambda: grid.isVisible())
    sentences = sample_sentences(40)
    translations = [Translation(s.text, english_for(s.text)) for s in sentences]
    layouts = []
    for _ in range(20):
        start = time.perf_counter()
        grid.show_sentences(sentences)
        grid.show_translations(translations, {})
        grid.view.doItemsLayout()
        grid.repaint()
        layouts.append((time.perf_counter() - start) * 1000)
    print(f"grid layout, 40-segment page to painted (ms): {summary(layouts)}")

    rows = sample_sentences(15_000)
    grid.model.reset([Segment(s.text, english_for(s.text), MACHINE) for s in rows])
    start = time.perf_counter()
    grid.view.doItemsLayout()
    app.processEvents()
    first = (time.perf_counter() - start) * 1000
    bar = grid.view.verticalScrollBar()
    probe = StallProbe()
    probe.start()
    steps = []
    deadline = time.perf_counter() + 60
    bar.setValue(0)
    last = grid.model.index(grid.model.rowCount() - 1)

    def at_end() -> bool:  # the range grows as batches are laid out: the last row shows
        rect = grid.view.visualRect(last)
        return rect.isValid() and rect.bottom() <= grid.view.viewport().height()

    while not at_end() and time.perf_counter() < deadline:
        start = time.perf_counter()
        bar.setValue(bar.value() + grid.view.viewport().height())
        grid.view.viewport().repaint()
        app.processEvents()
        steps.append((time.perf_counter() - start) * 1000)
    probe.stop()
    print(f"grid of 15,000 rows: first layout {first:.0f} ms; scroll by a viewport, "
          f"per step (ms): {summary(steps)}; reached the last row: {at_end()}")
    print(f"  GUI-thread gaps while scrolling (ms): {summary(probe.gaps or [0.0])}")
    grid.close()

    typing(app, tmp, QTest)


def typing(app: object, tmp: Path, qtest: object) -> None:
    from PySide6.QtCore import Qt

    from reader.translation.packages import install_package
    from reader.ui.main_window import MainWindow
    from reader.ui.segment_grid import TargetEditor

    install_package(MODEL)
    pdf = big_document(tmp / "long-report.pdf")
    window = MainWindow()
    window.resize(1400, 900)
    window.show()
    spin(lambda: window.translation_pane.has_model(), 60)
    window.open_path(str(pdf))
    spin(lambda: window.translation_pane.row_count() > 3
         and window.translation_pane.target(0), 120)
    grid = window.translation_pane
    grid.edit_row(1)
    spin(lambda: isinstance(grid.view.indexWidget(grid.model.index(1)), TargetEditor))
    editor = grid.view.indexWidget(grid.model.index(1))
    translating = window.translation._translate_task is not None
    probe = StallProbe()
    probe.start()
    keys = []
    for ch in "Residents of the mountain villages lack water in summer. " * 4:
        start = time.perf_counter()
        qtest.keyClick(editor, ch)
        app.processEvents()
        keys.append((time.perf_counter() - start) * 1000)
    probe.stop()
    print(f"typing in a row's editor while the document translates "
          f"(translating at start: {translating}), per key (ms): {summary(keys)}")
    print(f"  GUI-thread gaps while typing (ms): {summary(probe.gaps or [0.0])}")
    qtest.keyClick(editor, Qt.Key.Key_Escape)
    window.close()


if __name__ == "__main__":
    main()
