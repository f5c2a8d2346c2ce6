"""5,000 annotations on a 500-page document: panel filters, opening, exports.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_annotations.py [COUNT]

- filter: the panel's list refiltered (text typed in its search box, a colour, a tag, a
  kind), from the change to the list model reset;
- open: from asking to open the document to its annotations loaded and listed, against
  the moment the first page is painted (the target: within 300 ms of the page);
- export: the Markdown summary, the W3C JSON and the annotated PDF copy, in-process;
- the GUI thread's longest stall while opening (a 5 ms timer).
"""

from __future__ import annotations

import gc
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.common import StallProbe, big_document, spin, summary

WORDS = ("مياه", "قرية", "الصهاريج", "تقرير", "المسح", "الأسر", "الشبكات", "الأمطار")


def wait(seconds: float) -> None:
    end = time.perf_counter() + seconds
    spin(lambda: time.perf_counter() > end)


def seed(pdf: Path, count: int = 5000) -> float:
    """Annotations spread over every page: real text ranges, comments, tags, colours."""
    from reader.annotations.model import COLOUR_NAMES
    from reader.annotations.review import Review
    from reader.annotations.store import AnnotationStore
    from reader.session import DocumentSession

    rng = random.Random(5)
    session = DocumentSession.open(pdf)
    review = Review(session, AnnotationStore.open())
    made = []
    per_page = count // session.page_count
    for page in range(session.page_count):
        text = session.page_model(page).text
        for _ in range(per_page):
            start = rng.randrange(0, max(1, len(text) - 60))
            kind = rng.choice(("highlight", "highlight", "underline", "strike"))
            a = review.text_mark(page, start, start + rng.randint(8, 50), kind,
                                 rng.choice(COLOUR_NAMES))
            made.append(a.edited(comment=f"ملاحظة {rng.choice(WORDS)} رقم {len(made)}",
                                 tags=tuple(rng.sample(("figures", "summary", "WHO", "ماء"),
                                                       rng.randint(0, 2)))))
    start = time.perf_counter()
    review.apply(made)
    saved = time.perf_counter() - start
    session.close()
    return saved


def main() -> None:
    tmp = Path(tempfile.mkdtemp())
    os.environ["QARI_DATA_DIR"] = str(tmp / "data")
    pdf = big_document(tmp / "long-report.pdf")
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    saved = seed(pdf, count) if count else 0.0
    print(f"seeded {count} annotations (one transaction: {saved * 1000:.0f} ms)")
    gc.collect()  # what seeding left behind is not part of opening the document

    from reader.ui.app import create_app
    from reader.ui.main_window import MainWindow

    create_app(language="en")
    window = MainWindow()
    window.resize(1400, 900)
    window.show()
    wait(0.3)

    # -- opening -------------------------------------------------------------------------------
    probe = StallProbe()
    probe.start()
    times: dict[str, float] = {}
    begin = time.perf_counter()
    window.annotating.loaded.connect(
        lambda _n: times.setdefault("annotations", time.perf_counter() - begin))
    window.navigation.page_text_shown.connect(
        lambda _p: times.setdefault("text", time.perf_counter() - begin))
    window.cache.image_ready.connect(
        lambda _p: times.setdefault("page", time.perf_counter() - begin))
    window.open_path(str(pdf))
    spin(lambda: {"annotations", "text", "page"} <= times.keys()
         and window.annotations.model.total() == count)
    listed = time.perf_counter() - begin
    probe.stop()
    print(f"open: page painted {times['page'] * 1000:.0f} ms, text {times['text'] * 1000:.0f} ms, "
          f"annotations loaded {times['annotations'] * 1000:.0f} ms, listed "
          f"{listed * 1000:.0f} ms -> annotations "
          f"{1000 * (times['annotations'] - times['page']):+.0f} ms from the page "
          f"(target: within 300)")
    print(f"GUI stall while opening: longest {max(probe.gaps):.1f} ms")

    # -- filtering -----------------------------------------------------------------------------
    panel = window.annotations
    durations: list[float] = []

    def timed(action) -> None:
        start = time.perf_counter()
        action()
        durations.append((time.perf_counter() - start) * 1000)

    for query in ("م", "مي", "مياه", "مياه رقم", "الصهاريج", "رقم 4999", ""):
        timed(lambda q=query: panel.search.setText(q))
    for index in range(1, panel.colour.count()):
        timed(lambda i=index: panel.colour.setCurrentIndex(i))
    timed(lambda: panel.colour.setCurrentIndex(0))
    for index in range(panel.kind.count()):
        timed(lambda i=index: panel.kind.setCurrentIndex(i))
    for index in range(panel.tag.count()):
        timed(lambda i=index: panel.tag.setCurrentIndex(i))
    print(f"panel filter ({panel.model.rowCount()} rows shown at the end), ms: "
          f"{summary(durations)} (target: 50)")

    # -- exports -------------------------------------------------------------------------------
    review = window.annotating.review
    from reader.annotations.review import dated_summary

    for name, action in (
        ("markdown", lambda: dated_summary(review, "page")),
        ("markdown by tag", lambda: dated_summary(review, "tag")),
        ("w3c", lambda: review.export_w3c(tmp / "out.json")),
    ):
        runs = []
        for _ in range(3):
            start = time.perf_counter()
            action()
            runs.append(time.perf_counter() - start)
        print(f"export {name}: median {statistics.median(runs) * 1000:.0f} ms (target: 1000)")
    start = time.perf_counter()
    review.export_pdf(tmp / "out.pdf")
    print(f"export annotated PDF copy: {(time.perf_counter() - start) * 1000:.0f} ms")
    window.close()


if __name__ == "__main__":
    main()
