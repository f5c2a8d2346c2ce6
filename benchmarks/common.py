"""Helpers shared by the benchmarks (not tests: they measure, they do not assert)."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

import pymupdf

from reader.resources import sample_report


def big_document(path: Path, pages: int = 500) -> Path:
    """A long report made of the sample's pages repeated: real Arabic text on every page."""
    if path.exists():
        return path
    sample = pymupdf.open(sample_report())
    doc = pymupdf.open()
    while doc.page_count < pages:
        doc.insert_pdf(sample, to_page=min(sample.page_count, pages - doc.page_count) - 1)
    doc.save(path, garbage=3, deflate=True)
    return path


def rss_mb(pid: int | str = "self") -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def children_rss_mb() -> float:
    """Resident memory of this process's children (the render process)."""
    total = 0.0
    for task in Path("/proc/self/task").iterdir():
        children = (task / "children").read_text().split()
        total += sum(rss_mb(pid) for pid in children if Path(f"/proc/{pid}").exists())
    return total


def summary(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return (f"median {statistics.median(ordered):.1f}, p95 {p95:.1f}, max {ordered[-1]:.1f} "
            f"(n={len(ordered)})")


class StallProbe:
    """A 5 ms timer on the GUI thread: the gaps between its ticks are the stalls."""

    def __init__(self) -> None:
        from PySide6.QtCore import QElapsedTimer, QTimer

        self.gaps: list[float] = []
        self._clock = QElapsedTimer()
        self._clock.start()
        self._last = self._clock.nsecsElapsed()
        self._timer = QTimer()
        self._timer.setInterval(5)
        self._timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = self._clock.nsecsElapsed()
        self.gaps.append((now - self._last) / 1e6)
        self._last = now

    def start(self) -> None:
        self._last = self._clock.nsecsElapsed()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()


def spin(predicate, timeout: float = 30.0) -> None:
    """Run the Qt event loop until ``predicate()`` holds (TimeoutError after ``timeout``)."""
    from PySide6.QtWidgets import QApplication

    deadline = time.perf_counter() + timeout
    while not predicate():
        if time.perf_counter() > deadline:
            raise TimeoutError
        QApplication.processEvents()
        time.sleep(0.0005)
