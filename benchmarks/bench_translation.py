"""Translation: our overhead over raw CTranslate2, GUI stalls while a document translates,
and how soon a reopened translated document shows its translations.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_translation.py

Uses the tiny test package (tests/fixtures): its model is small, so Python-side overhead
weighs far more here than with the real 80 MB model.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["QARI_DATA_DIR"] = tempfile.mkdtemp()

import pymupdf

from reader.resources import sample_report
from reader.session import DocumentSession
from reader.translation import argos
from reader.translation.engine import TranslationEngine
from reader.translation.packages import install_package
from reader.translation.segment import page_sentences

FIXTURE = Path(__file__).resolve().parent.parent / "tests/fixtures/translate-ar_en-tiny.argosmodel"


def overhead(package) -> None:
    session = DocumentSession.open(sample_report())
    sentences = []
    for page in range(session.page_count):
        model = session.page_model(page)
        body = sum(len(b.text) + 1 for b in model.body)
        sentences += [s.text for s in page_sentences(model.text, body)]
    model = argos.load_model(package.folder, package.version)
    ours, raw = [], []
    for _ in range(7):
        start = time.perf_counter()
        TranslationEngine(model).translate(sentences)
        ours.append(time.perf_counter() - start)
        start = time.perf_counter()
        tokens = [model.tokenizer.encode(s, out_type=str) for s in sentences]
        for i in range(0, len(tokens), 32):
            batch = tokens[i:i + 32]
            model.translator.translate_batch(
                batch, beam_size=model.beam_size, return_scores=True, replace_unknowns=True,
                length_penalty=0.2, max_batch_size=1024, batch_type="tokens",
                max_decoding_length=max(16, 3 * max(len(t) for t in batch)))
        raw.append(time.perf_counter() - start)
    o, r = statistics.median(ours), statistics.median(raw)
    print(f"{len(sentences)} sentences: engine {o * 1000:.0f} ms, raw CTranslate2 "
          f"(tokenize + translate_batch) {r * 1000:.0f} ms: overhead {100 * (o / r - 1):+.1f}%")


def window(tmp: Path) -> None:
    from benchmarks import common
    from benchmarks.common import StallProbe
    from reader.ui.app import create_app
    from reader.ui.main_window import MainWindow

    doc = pymupdf.open()
    for _ in range(4):
        doc.insert_pdf(pymupdf.open(sample_report()))
    path = tmp / "twenty.pdf"
    doc.save(path)
    create_app(language="en")

    def spin(predicate, timeout: float = 120.0) -> None:
        common.spin(predicate, timeout)

    win = MainWindow()
    win.show()
    spin(win.translation_pane.has_model)
    probe = StallProbe()
    probe.start()
    finished: list[int] = []
    win.translation.document_translated.connect(finished.append)
    win.open_path(str(path))
    spin(lambda: bool(finished))
    probe.stop()
    print(f"GUI thread longest stall while a 20-page document is read and translated: "
          f"{max(probe.gaps):.1f} ms over {len(probe.gaps)} ticks")
    win.close()

    # Reopen: from the page's text on screen to its translations on screen.
    delays = []
    for page in (0, 7, 13, 19):
        again = MainWindow()
        again.show()
        spin(again.translation_pane.has_model)
        shown: dict[str, float] = {}
        again.navigation.page_text_shown.connect(
            lambda p, s=shown: s.setdefault("text", time.perf_counter()))
        again.translation.page_translated.connect(
            lambda p, s=shown: s.setdefault("mt", time.perf_counter()))
        again.settings.set_last_page(win.info.sha256, page)
        again.open_path(str(path))
        spin(lambda s=shown: "mt" in s)
        delays.append((shown["mt"] - shown["text"]) * 1000)
        again.close()
    print(f"reopened translated document, page text to translations: median "
          f"{statistics.median(delays):.0f} ms, max {max(delays):.0f} ms (pages 1, 8, 14, 20)")


def main() -> None:
    package = install_package(FIXTURE)
    overhead(package)
    window(Path(tempfile.mkdtemp()))
    sys.stdout.flush()
    os._exit(0)  # see bench_window.py: skip PySide6 teardown outside exec()


if __name__ == "__main__":
    main()
