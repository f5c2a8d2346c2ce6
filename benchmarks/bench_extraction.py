"""Extraction and repair speed per page, against PyMuPDF's own rawdict on the same pages.

    python benchmarks/bench_extraction.py [PDF ...]   (default: ../shared/corpus and the sample)

Each page is opened fresh (no caches): glyph reading (rawdict, plus glyph recovery where a
page needs it) and the whole repair, in-process.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pymupdf

from reader.arabic.repair import repair_page, repeated_lines
from reader.pdf.glyphs import raw_page
from reader.resources import sample_report

ROOT = Path(__file__).resolve().parent.parent


def pdfs(args: list[str]) -> list[Path]:
    if args:
        return [Path(a) for a in args]
    corpus = ROOT.parent / "shared" / "corpus" / "corpus"
    return [*sorted(corpus.glob("*/*.pdf")), sample_report()]


def main() -> None:
    ours: dict[str, list[float]] = {}  # by producer (the corpus's folders; "samples")
    theirs: dict[str, list[float]] = {}
    for path in pdfs(sys.argv[1:]):
        doc = pymupdf.open(path)
        running = repeated_lines([raw_page(p) for p in doc])
        for _ in range(5):  # repeat: the median of warm runs
            for page in doc:
                start = time.perf_counter()
                page.get_text("rawdict")
                theirs.setdefault(path.parent.name, []).append(
                    (time.perf_counter() - start) * 1000)
                start = time.perf_counter()
                repair_page(raw_page(page), running)
                ours.setdefault(path.parent.name, []).append(
                    (time.perf_counter() - start) * 1000)
    corpus = [name for name in ours if name != "samples"]
    report("the corpus", [v for n in corpus for v in ours[n]],
           [v for n in corpus for v in theirs[n]])
    if "samples" in ours and corpus:
        report("the corpus and the sample report", [v for vs in ours.values() for v in vs],
               [v for vs in theirs.values() for v in vs])
    for producer, values in sorted(ours.items()):
        print(f"  {producer}: median {statistics.median(values):.1f} ms/page, "
              f"{statistics.median(values) / statistics.median(theirs[producer]):.1f}x rawdict")


def report(what: str, ours: list[float], theirs: list[float]) -> None:
    median_ours, median_theirs = statistics.median(ours), statistics.median(theirs)
    print(f"{what}: extraction + repair median {median_ours:.2f} ms/page, "
          f"p90 {sorted(ours)[int(0.9 * len(ours))]:.1f} (n={len(ours)}); "
          f"PyMuPDF rawdict alone median {median_theirs:.2f}; "
          f"ratio of medians {median_ours / median_theirs:.2f}x")


if __name__ == "__main__":
    main()
