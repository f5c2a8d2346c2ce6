"""OCR speed: one A4 page at 300 dpi, and the window while scans are read in the background.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_ocr.py

- per page: render at 300 dpi + Tesseract (both passes when needed) + repair, in-process,
  for each page of an image-only copy of the sample report (5 A4 pages), nothing cached;
- window: the same scan opened in the window; every page is read by OCR in the background;
  a 5 ms timer on the GUI thread records its longest stall while OCR works (and, apart,
  while the scan opens: decoding its first page image is not OCR's doing).
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

from benchmarks.common import StallProbe, spin


def main() -> None:
    tmp = Path(tempfile.mkdtemp())
    os.environ["QARI_DATA_DIR"] = str(tmp / "data")
    from reader.resources import sample_report
    from reader.session import DocumentSession
    from scripts.rasterize_corpus import rasterize

    scan = tmp / "scan.pdf"
    rasterize(sample_report(), scan)
    session = DocumentSession.open(scan)
    times = []
    for page in range(session.page_count):
        start = time.perf_counter()
        session.ocr_page(page)
        times.append(time.perf_counter() - start)
    print(f"OCR of an A4 page at 300 dpi, s: median {statistics.median(times):.2f}, "
          f"max {max(times):.2f} (n={len(times)}; target: 5) on {os.cpu_count()} cores")

    os.environ["QARI_DATA_DIR"] = str(tmp / "data2")  # nothing cached for the window
    from reader.ui.app import create_app
    from reader.ui.main_window import MainWindow

    create_app(language="en")
    window = MainWindow()
    window.resize(1400, 900)
    window.show()
    probe = StallProbe()
    probe.start()
    start = time.perf_counter()
    window.open_path(str(scan))
    spin(lambda: window.session is not None and window.ocr.busy, timeout=30)
    opening = max(probe.gaps)  # showing the scan's first page (its image decoded and scaled)
    probe.stop()
    probe = StallProbe()  # from here on: OCR at work
    probe.start()
    first = None
    from PySide6.QtWidgets import QApplication

    while window.ocr.busy or window.session.unusable_pages():
        QApplication.processEvents()
        time.sleep(0.002)
        if first is None and window.arabic_pane.model is not None and \
                window.arabic_pane.model.quality.ocr:
            first = time.perf_counter() - start
        if time.perf_counter() - start > 120:
            break
    total = time.perf_counter() - start
    probe.stop()
    print(f"window: first page's OCR text shown after {first or float('nan'):.1f} s, all 5 "
          f"pages read in {total:.1f} s; longest GUI stall while OCR works "
          f"{max(probe.gaps):.1f} ms (while the scan opens: {opening:.1f} ms)")
    window.close()


if __name__ == "__main__":
    main()
