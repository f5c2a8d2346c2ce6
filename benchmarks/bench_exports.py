"""What a translator hands on, timed: a 500-page translated report as DOCX (and ODT), an
XLIFF of 20,000 units brought back.

    python benchmarks/bench_exports.py

- DOCX/ODT: the 500-page report made of the sample's pages, every page read (as the
  window has them once it has read the document) and every sentence with English in the
  translations store; timed from the report's first page to the file written (what
  File → Export translation runs off the GUI thread);
- XLIFF: 20,000 units exported, every target changed as a CAT tool would, then read back
  and kept as edits (one transaction) and in the memory.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import big_document


def main() -> None:
    tmp = Path(tempfile.mkdtemp())
    os.environ["QARI_DATA_DIR"] = str(tmp / "data")

    from reader.exports.report_docx import write_docx
    from reader.exports.report_odt import write_odt
    from reader.exports.xliff import read_xliff, save_import, write_xliff
    from reader.session import DocumentSession
    from reader.translation.cache import TranslationCache
    from reader.translation.memory import TranslationMemory
    from reader.translation.report import (
        MACHINE,
        Report,
        ReportBlock,
        ReportPage,
        Unit,
        build_report,
    )

    session = DocumentSession.open(big_document(tmp / "long-report.pdf"))
    start = time.perf_counter()
    for page in range(session.page_count):
        session.page_model(page)
    print(f"reading the 500 pages (done by the window in the background): "
          f"{time.perf_counter() - start:.1f} s")
    cache = TranslationCache()
    units = list(build_report(session, cache).units())
    cache.put("bench", [(u.source, f"English of sentence {i}: " + "words " * 12, [], 0.0)
                        for i, u in enumerate(units)])
    memory = TranslationMemory()
    for name, writer in (("DOCX", write_docx), ("ODT", write_odt)):
        start = time.perf_counter()
        report = build_report(session, cache, memory)
        built = time.perf_counter() - start
        writer(report, tmp / f"report.{name.lower()}")
        total = time.perf_counter() - start
        print(f"{name} of {session.page_count} pages, {len(units)} segments: {total:.1f} s "
              f"(report {built:.1f} s, writing {total - built:.1f} s)")
    session.close()

    count = 20_000
    made = [Unit(f"u{i}", i // 40, 0, 10, f"جملة عربية رقم {i} عن المياه في القرى الجبلية",
                 f"Machine sentence {i}.", MACHINE) for i in range(count)]
    pages = [ReportPage(p, [ReportBlock("paragraph", made[p * 40:(p + 1) * 40])])
             for p in range(count // 40)]
    report = Report("bench", str(tmp / "bench.pdf"), "0" * 64, pages)
    path = tmp / "big.xlf"
    write_xliff(report, path)
    text = path.read_text(encoding="utf-8").replace("Machine sentence", "Checked sentence")
    path.write_text(text.replace('state="needs-review-translation"', 'state="translated"'),
                    encoding="utf-8")
    start = time.perf_counter()
    result = read_xliff(path, report)
    read = time.perf_counter() - start
    saved = save_import(result, report.sha256, TranslationCache(tmp / "t.sqlite"),
                        TranslationMemory(tmp / "m.sqlite"))
    total = time.perf_counter() - start
    print(f"XLIFF import of {count} units: {total:.1f} s (reading and matching {read:.1f} s, "
          f"keeping {saved} edits and memory pairs {total - read:.1f} s)")


if __name__ == "__main__":
    main()
