"""Qari's own corpus, the subset CI runs (benchmarks/corpus, made there and committed here
so that CI needs no TeX, LibreOffice or fonts): the character error on each PDF stays at
or under the figure recorded in baseline.json, which falls as the engine improves
(``python -m tests.arabic.test_own_corpus`` writes the current figures)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from benchmarks.corpus.score import edit_distance, extract, normalize
from reader.pdf import glyphs

FOLDER = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"
BASELINE = FOLDER / "baseline.json"
PDFS = sorted(FOLDER.glob("*.pdf"))


def cer(pdf: Path) -> float:
    """As on a machine with none of the subset's fonts installed (as CI is): the engine
    may ask an installed font of the same name, which this machine may or may not have."""
    saved = glyphs._REFERENCES
    glyphs._REFERENCES = glyphs._reference_fonts(())
    try:
        truth = normalize(pdf.with_suffix(".gt.txt").read_text(encoding="utf-8"))
        return round(100 * edit_distance(normalize(extract(pdf)), truth) / len(truth), 2)
    finally:
        glyphs._REFERENCES = saved


@pytest.mark.parametrize("pdf", PDFS, ids=[p.stem for p in PDFS])
def test_no_pdf_of_the_subset_reads_worse_than_recorded(pdf):
    recorded = json.loads(BASELINE.read_text(encoding="utf-8"))[pdf.stem]
    assert cer(pdf) <= recorded + 0.01


def test_the_subset_spans_producers_and_fonts():
    producers = {p.stem.split("-")[0] for p in PDFS}
    assert len(PDFS) >= 15 and len(producers) >= 10
    assert set(json.loads(BASELINE.read_text(encoding="utf-8"))) == {p.stem for p in PDFS}


if __name__ == "__main__":  # record the current figures
    figures = {pdf.stem: cer(pdf) for pdf in PDFS}
    BASELINE.write_text(json.dumps(figures, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    for name, value in sorted(figures.items()):
        print(f"{value:6.2f}  {name}")
    sys.exit(0)
