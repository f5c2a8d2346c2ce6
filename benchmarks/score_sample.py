"""Extraction quality beyond ../shared/corpus: the bundled sample report (PyMuPDF's HTML
engine, subset Noto Naskh Arabic without cmap or GSUB, a table, two columns, footnotes,
running header) scored against the text it was built from.

    python benchmarks/score_sample.py

The expected text is derived from scripts/build_sample.py: each page's body (headings,
paragraphs, table rows, list items) then its footnotes; the running header and page numbers
are not part of it. Normalization as in the corpus scorer: NFKC, tatweel and bidi controls
dropped, NFC, white space folded; the score is the Levenshtein distance over the length.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import build_sample  # noqa: E402

from benchmarks.corpus.score import edit_distance  # noqa: E402
from reader.resources import sample_report  # noqa: E402
from reader.session import DocumentSession  # noqa: E402


def html_text(html: str) -> str:
    html = re.sub(r"<sup>(\d+)</sup>", r"\1", html)
    html = re.sub(r"</(p|h\d|tr|li)>|<br/>", "\n", html)
    html = re.sub(r"</t[hd]><t[hd]>", " ", html)
    return re.sub(r"<[^>]+>", " ", html)


def table_rows_right_to_left(html: str) -> str:
    """The builder writes table columns reversed (see build_sample.py): read them back."""
    def row(match: re.Match[str]) -> str:
        cells = re.findall(r"<t[hd]>(.*?)</t[hd]>", match.group(0), re.S)
        return " ".join(reversed(cells)) + "\n"
    return re.sub(r"<tr>.*?</tr>", row, html, flags=re.S)


def expected_pages() -> list[str]:
    s = build_sample
    pages = [
        (s.TITLE_PAGE, s.TITLE_NOTES),
        (s.INTRO_PAGE, s.INTRO_NOTES),
        (table_rows_right_to_left(s.TABLE_PAGE), s.TABLE_NOTES),
        (s.COLUMN_HEADING + s.RIGHT_COLUMN + s.LEFT_COLUMN, []),
        (s.RECOMMENDATIONS_PAGE, s.RECOMMENDATIONS_NOTES),
    ]
    return [html_text(body) + "\n" + "\n".join(notes) for body, notes in pages]


def normalize(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = "".join(c for c in text if c not in "\u0640\u200e\u200f\u061c\u2066\u2067\u2068\u2069")
    return " ".join(unicodedata.normalize("NFC", text).split())


def main() -> None:
    session = DocumentSession.open(sample_report())
    edits = chars = 0
    for index, expected in enumerate(expected_pages()):
        got = normalize(session.page_text(index))
        want = normalize(expected)
        d = edit_distance(want, got)
        edits += d
        chars += len(want)
        print(f"page {index + 1}: CER {100 * d / max(1, len(want)):.2f}% ({d} edits)")
    print(f"sample report: CER {100 * edits / chars:.2f}% over {chars} characters")


if __name__ == "__main__":
    main()
