"""The translated report as an OpenDocument text (odfpy): real footnotes, tables, and
Arabic paragraphs right to left (``writing-mode`` with ``text-align="right"``: LibreOffice
aligns an ``rl-tb`` paragraph left when the alignment is ``start`` or missing)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reader.exports.layout import MACHINE_TEXT, UNTRANSLATED, Element, Part, elements, page_label
from reader.exports.report_docx import ARABIC_FONT
from reader.exports.report_text import LEGEND
from reader.translation.report import ANY, Report, kept


def write_odt(report: Report, path: str | Path, bilingual: bool = False,
              status: str = ANY) -> None:
    from odf.opendocument import OpenDocumentText

    doc = OpenDocumentText()
    writer = _Writer(doc)
    writer.paragraph([Part(LEGEND, "checked")], writer.styles["legend"])
    if bilingual:
        writer.bilingual(report, status)
    else:
        for element in elements(report, status):
            writer.element(element)
    doc.save(str(path))


class _Writer:
    def __init__(self, doc: Any) -> None:
        from odf.style import (
            FontFace,
            ParagraphProperties,
            Style,
            TableCellProperties,
            TextProperties,
        )

        self.doc = doc
        self.notes = 0
        doc.fontfacedecls.addElement(FontFace(name=ARABIC_FONT, fontfamily=ARABIC_FONT))

        def style(name: str, family: str, paragraph: dict | None = None,
                  text: dict | None = None, cell: dict | None = None,
                  automatic: bool = False) -> Any:
            made = Style(name=name, family=family)
            if paragraph:
                made.addElement(ParagraphProperties(**paragraph))
            if text:
                made.addElement(TextProperties(**text))
            if cell:
                made.addElement(TableCellProperties(**cell))
            (doc.automaticstyles if automatic else doc.styles).addElement(made)
            return made

        arabic_text = {"fontnamecomplex": ARABIC_FONT, "languagecomplex": "ar",
                       "countrycomplex": "SA"}
        self.styles = {
            "arabic": style("Arabic", "paragraph", {"writingmode": "rl-tb",
                                                    "textalign": "right"}, arabic_text),
            "title": style("Title", "paragraph", {"margintop": "0.3cm"},
                           {"fontsize": "20pt", "fontweight": "bold"}),
            "heading": style("Heading", "paragraph", {"margintop": "0.4cm"},
                             {"fontsize": "14pt", "fontweight": "bold"}),
            "legend": style("Legend", "paragraph", None, {"fontstyle": "italic",
                                                          "color": "#3465a4"}),
            "page": style("PageMark", "paragraph", {"margintop": "0.5cm"},
                          {"fontsize": "9pt", "color": "#777777"}),
            "list_item": style("ListItem", "paragraph", {"marginleft": "0.8cm"}),
            "note": style("NoteText", "paragraph", {"marginleft": "0.8cm"}, {"fontsize": "10pt"}),
            "machine": style("Machine", "text", None, {"fontstyle": "italic",
                                                      "color": "#606060"}),
            "untranslated": style("Untranslated", "text", None,
                                  {"backgroundcolor": "#fff3c4", **arabic_text}),
            "cell": style("Cell", "table-cell", cell={"border": "0.5pt solid #999999",
                                                      "padding": "0.1cm"}, automatic=True),
        }

    def _span(self, part: Part) -> Any:
        from odf.text import Span

        if part.kind == MACHINE_TEXT:
            return Span(stylename=self.styles["machine"], text=part.text)
        if part.kind == UNTRANSLATED:
            return Span(stylename=self.styles["untranslated"], text=part.text)
        return Span(text=part.text)

    def fill(self, paragraph: Any, parts: list[Part]) -> None:
        from odf.text import Note, NoteBody, NoteCitation, P

        for i, part in enumerate(parts):
            if i:
                paragraph.addText(" ")
            paragraph.addElement(self._span(part))
            if part.note:
                self.notes += 1
                note = Note(id=f"ftn{self.notes}", noteclass="footnote")
                note.addElement(NoteCitation(text=str(self.notes)))
                body = NoteBody()
                text = P()
                self.fill(text, list(part.note_parts))
                body.addElement(text)
                note.addElement(body)
                paragraph.addElement(note)

    def paragraph(self, parts: list[Part], style: Any = None) -> Any:
        from odf.text import P

        paragraph = P(stylename=style) if style is not None else P()
        self.fill(paragraph, parts)
        self.doc.text.addElement(paragraph)
        return paragraph

    def element(self, element: Element) -> None:
        if element.kind == "page":
            self.paragraph([Part(page_label(element.page), "checked")], self.styles["page"])
        elif element.kind == "table":
            self.table([[cell for cell in row] for row in element.rows])
        else:
            self.paragraph(element.parts, self.styles.get(element.kind))

    def table(self, rows: list[list[list[Part]]], arabic_first: bool = False) -> None:
        from odf.table import Table, TableCell, TableColumn, TableRow
        from odf.text import P

        width = max(len(row) for row in rows)
        table = Table()
        table.addElement(TableColumn(numbercolumnsrepeated=width))
        for row in rows:
            line = TableRow()
            for index in range(width):
                cell = TableCell(stylename=self.styles["cell"])
                parts = row[index] if index < len(row) else []
                paragraph = P(stylename=self.styles["arabic"]) if (
                    arabic_first and index == 0) else P()
                self.fill(paragraph, parts)
                cell.addElement(paragraph)
                line.addElement(cell)
            table.addElement(line)
        self.doc.text.addElement(table)

    def bilingual(self, report: Report, status: str) -> None:
        """A two-column table, Arabic (right to left) beside English, a row per unit;
        each page starts with its number."""
        for page in report.pages:
            units = [u for block in page.blocks for u in block.units]
            if not units:
                continue
            self.paragraph([Part(page_label(page), "checked")], self.styles["page"])
            rows = [[[Part(u.source, "checked")],
                     [Part(u.target, "checked" if u.checked else MACHINE_TEXT)]
                     if kept(u, status) and u.target.strip() else []] for u in units]
            self.table(rows, arabic_first=True)
