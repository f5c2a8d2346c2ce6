"""Page turns, memory with a 500-page document, and the GUI thread's longest stall.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_window.py

- page turn: from the request (go to page) to the page image painted, at 100% zoom, for
  pages never rendered (uncached) and pages rendered before (cached);
- RSS: the process's resident memory with a 500-page PDF open, after reading 60 pages;
- GUI stall: a 5 ms timer on the GUI thread records the longest gap between its ticks while
  the user flips pages, zooms and searches the whole 500-page document.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.common import big_document, children_rss_mb, rss_mb, summary


def main() -> None:
    tmp = Path(tempfile.mkdtemp())
    os.environ["QARI_DATA_DIR"] = str(tmp / "data")
    pdf = big_document(tmp / "long-report.pdf")

    from PySide6.QtCore import QElapsedTimer, QTimer

    from reader.ui.app import create_app
    from reader.ui.main_window import MainWindow

    app = create_app(language="en")
    window = MainWindow()
    window.resize(1400, 900)
    window.show()
    rss_before = rss_mb()

    from benchmarks.common import spin as spin_until

    # GUI stall probe: runs for the whole benchmark.
    gaps: dict[str, list[float]] = {}
    phase = ["start"]
    clock = QElapsedTimer()
    clock.start()
    last = [clock.nsecsElapsed()]

    def tick() -> None:
        now = clock.nsecsElapsed()
        gaps.setdefault(phase[0], []).append((now - last[0]) / 1e6)
        last[0] = now

    probe = QTimer()
    probe.setInterval(5)
    probe.timeout.connect(tick)
    probe.start()

    opened = []
    window.documents.opened.connect(opened.append)
    phase[0] = "open 500 pages"
    window.open_path(str(pdf))
    spin_until(lambda: bool(opened))
    phase[0] = "page turns"
    view = window.view
    window.commands.zoom_reset_action.trigger()

    def turn(page: int) -> float:
        start = time.perf_counter()
        window.go_to_page(page)
        spin_until(lambda: window.cache.get(page, view.device_scale()) is not None)
        view.viewport().repaint()
        elapsed = (time.perf_counter() - start) * 1000
        app.processEvents()  # back to the event loop between key presses, as in real use
        return elapsed

    turn(0)
    # Jumps of 8 pages: never a page already shown or prefetched as a neighbour.
    uncached = [turn(p) for p in range(10, 250, 8)]
    cached = [turn(p) for p in (234, 242, 226, 218, 242, 234) * 5]
    spin_until(lambda: window.arabic_pane.page == view.current_page)
    rss_open, child_open = rss_mb(), children_rss_mb()

    # Stress for the stall probe: fast flipping, zooming, a whole-document search.
    phase[0] = "fast flipping"
    for page in range(100, 400, 3):
        window.go_to_page(page)
        app.processEvents()
    phase[0] = "zooming"
    for _ in range(3):
        window.commands.zoom_in_action.trigger()
        app.processEvents()
    phase[0] = "searching 500 pages"
    finished = []
    window.find.finished.connect(finished.append)
    phase[0] = "opening the find bar"
    window.find.open()
    for _ in range(20):
        app.processEvents()
        time.sleep(0.005)
    phase[0] = "searching 500 pages"
    window.find.start("الصفصاف")
    spin_until(lambda: bool(finished), timeout=120)
    spin_until(lambda: window.cache.get(view.current_page, view.device_scale()) is not None)
    probe.stop()
    rss_end, child_end = rss_mb(), children_rss_mb()
    hits = finished[0]

    print(f"page turn, uncached, 100% zoom (ms): {summary(uncached)}")
    print(f"page turn, cached, 100% zoom (ms): {summary(cached)}")
    print(f"RSS (MB): window without document {rss_before:.0f}; 500-page PDF open after "
          f"60 pages read {rss_open:.0f} + render process {child_open:.0f}; after flipping "
          f"100 pages, zooming and searching {rss_end:.0f} + {child_end:.0f} "
          f"(image cache {window.cache.used_bytes / 2**20:.0f} MB)")
    for name, values in gaps.items():
        worst = max(values)
        print(f"GUI thread longest stall while {name} (ms): {worst:.1f} "
              f"(tick {values.index(worst) + 1} of {len(values)})")
    print(f"(the search found {hits} hits)")
    window.close()
    sys.stdout.flush()
    # Skip interpreter teardown: PySide6 can crash collecting a live QApplication at exit
    # outside exec(); the real app leaves through exec() and exits cleanly.
    os._exit(0)


if __name__ == "__main__":
    main()
