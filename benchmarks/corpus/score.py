"""Score Qari's extraction on the corpus: character error rate per producer, font and
document, against the ground truth.

    python -m benchmarks.corpus.score [DIR] [--markdown]

CER is the edit distance between Qari's text and the ground truth, both with white space
folded to single spaces, divided by the ground truth's length; pooled figures add up the
edits and the lengths. A PDF Qari cannot read scores as its whole length.
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

from benchmarks.corpus.generate import HERE
from reader import ocr
from reader.cli import page_text_format
from reader.session import DocumentSession


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance (rapidfuzz when installed: much faster)."""
    try:
        from rapidfuzz.distance import Levenshtein

        return int(Levenshtein.distance(a, b))
    except ImportError:
        previous = list(range(len(b) + 1))
        for i, ca in enumerate(a, 1):
            current = [i]
            for j, cb in enumerate(b, 1):
                current.append(min(previous[j] + 1, current[j - 1] + 1,
                                   previous[j - 1] + (ca != cb)))
            previous = current
        return previous[-1]


def normalize(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def bare_fonts() -> None:
    """Hide the installed fonts from the engine but the bundled one and DejaVu."""
    from reader.pdf import glyphs

    glyphs._REFERENCES = glyphs._reference_fonts((Path("/usr/share/fonts/truetype/dejavu"),))


def extract(pdf: Path) -> str:
    """The text ``qari extract`` gives: pages without a usable text layer read by OCR
    when Tesseract is there."""
    session = DocumentSession.open(pdf)
    try:
        pages = list(range(session.page_count))
        models = [session.page_model(p) for p in pages]
        if any(m.quality.unusable for m in models) and ocr.available():
            models = session.with_ocr(pages, models)
        return "\n".join(page_text_format(m) for m in models)
    finally:
        session.close()


def score(folder: Path) -> list[tuple[str, str, str, int, int]]:
    """(producer, font, document, edits, length) for every PDF under ``folder``."""
    rows = []
    for gt in sorted(folder.glob("*/*/*.gt.txt")):
        pdf = gt.with_name(gt.name.replace(".gt.txt", ".pdf"))
        truth = normalize(gt.read_text(encoding="utf-8"))
        try:
            got = normalize(extract(pdf))
        except Exception as exc:  # a failure is scored, and said
            print(f"{pdf}: {exc}", file=sys.stderr)
            got = ""
        font, producer = gt.parent.name, gt.parent.parent.name
        rows.append((producer, font, gt.name.removesuffix(".gt.txt"),
                     edit_distance(got, truth), len(truth)))
    return rows


def table(rows: list[tuple[str, str, str, int, int]], key: int, title: str) -> str:
    pooled: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for row in rows:
        entry = pooled[row[key]]
        entry[0] += row[3]
        entry[1] += row[4]
        entry[2] += 1
    lines = [f"| {title} | PDFs | CER % |", "|---|---:|---:|"]
    for name, (edits, length, count) in sorted(pooled.items()):
        lines.append(f"| {name} | {count} | {100 * edits / max(length, 1):.1f} |")
    edits = sum(r[3] for r in rows)
    length = sum(r[4] for r in rows)
    lines.append(f"| **all** | {len(rows)} | {100 * edits / max(length, 1):.1f} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=str(HERE / "out"))
    parser.add_argument("--worst", type=int, default=10, help="list the N worst PDFs")
    parser.add_argument("--bare", action="store_true",
                        help="read as a machine without the corpus's fonts: only Qari's bundled "
                        "font and DejaVu (which qari.sh installs) are asked for glyph names")
    args = parser.parse_args()
    if args.bare:
        bare_fonts()
    rows = score(Path(args.folder))
    if not rows:
        print("no PDFs: run python -m benchmarks.corpus.generate first", file=sys.stderr)
        return 2
    print(table(rows, 0, "producer"), "\n")
    print(table(rows, 1, "font"), "\n")
    print(table(rows, 2, "document"), "\n")
    worst = sorted(rows, key=lambda r: -r[3] / max(r[4], 1))[:args.worst]
    print("| worst PDF | CER % |\n|---|---:|")
    for producer, font, doc, edits, length in worst:
        print(f"| {producer}/{font}/{doc} | {100 * edits / max(length, 1):.1f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
