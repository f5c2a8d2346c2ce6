"""Make image-only copies of the extraction corpus (for scoring OCR): every page rendered
at 300 dpi and put back as a picture, no text layer.

    python scripts/rasterize_corpus.py [CORPUS_DIR] [OUT_DIR]
        (defaults: ../shared/corpus/corpus and /tmp/qari-scans; nothing is committed)

Then score OCR with scripts/score_ocr.sh.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pymupdf

ROOT = Path(__file__).resolve().parent.parent


def rasterize(source: Path, target: Path, dpi: int = 300) -> None:
    original = pymupdf.open(source)
    scan = pymupdf.open()
    for page in original:
        pixmap = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY)
        copy = scan.new_page(width=page.rect.width, height=page.rect.height)
        copy.insert_image(copy.rect, pixmap=pixmap)
    target.parent.mkdir(parents=True, exist_ok=True)
    scan.save(target, deflate=True)


def main() -> None:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared/corpus/corpus"
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else Path("/tmp/qari-scans")
    pdfs = sorted(corpus.glob("*/*.pdf"))
    for pdf in pdfs:
        rasterize(pdf, out / pdf.parent.name / pdf.name)
    print(f"{len(pdfs)} image-only PDFs in {out}")


if __name__ == "__main__":
    main()
