"""The translated report as a Word document (python-docx, plus the few OOXML pieces it has
no API for: right-to-left paragraphs and runs, the complex-script font, footnotes).

Elements go into their parents in the schema's order (Word refuses a file that breaks it;
LibreOffice is lenient, so the order is what keeps a file good in both)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reader.exports.layout import (
    MACHINE_TEXT,
    UNTRANSLATED,
    Element,
    Part,
    elements,
    page_label,
)
from reader.exports.report_text import LEGEND
from reader.translation.report import ANY, Report, kept

ARABIC_FONT = "Noto Naskh Arabic"  # the bundled font's family
_PPR = ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl",
        "numPr", "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens",
        "kinsoku", "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN",
        "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind", "contextualSpacing",
        "mirrorIndents", "suppressOverlap", "jc", "textDirection", "textAlignment",
        "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange")
_RPR = ("rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike",
        "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish",
        "webHidden", "color", "spacing", "w", "kern", "position", "sz", "szCs", "highlight",
        "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang",
        "eastAsianLayout", "specVanish", "oMath")
_FOOTNOTES = ('<w:footnotes {ns}><w:footnote w:type="separator" w:id="-1"><w:p><w:r>'
              '<w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator"'
              ' w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
              '</w:footnotes>')


def write_docx(report: Report, path: str | Path, bilingual: bool = False,
               status: str = ANY) -> None:
    from docx import Document

    doc = Document()
    writer = _Writer(doc)
    writer.paragraph([Part(LEGEND, "checked")], style="Subtitle")
    if bilingual:
        writer.bilingual(report, status)
    else:
        for element in elements(report, status):
            writer.element(element)
    doc.core_properties.title = report.title[:250]
    doc.core_properties.subject = f"Translation of {Path(report.path).name}"
    doc.save(str(path))


class _Writer:
    def __init__(self, doc: Any) -> None:
        from docx.oxml.ns import qn

        self.doc = doc
        self.qn = qn
        self._notes: Any = None
        # Style ids looked up once: python-docx resolves a style name on every paragraph
        # by scanning all styles (most of a long export's time).
        self._styles = {name: doc.styles[name].style_id for name in (
            "Subtitle", "Caption", "Heading 1", "Heading 2", "List Paragraph", "Quote")}
        # Machine output as a character style of its own: one mark per run, and the reader
        # of the file can restyle or find it.
        from docx.enum.style import WD_STYLE_TYPE
        from docx.shared import RGBColor

        machine = doc.styles.add_style("Machine translation", WD_STYLE_TYPE.CHARACTER)
        machine.font.italic = True
        machine.font.color.rgb = RGBColor(0x60, 0x60, 0x60)
        self._machine = machine.style_id
        # Arabic text in any run of the document uses the Arabic font.
        normal = doc.styles["Normal"].element
        normal.get_or_add_rPr().get_or_add_rFonts().set(qn("w:cs"), ARABIC_FONT)

    # -- OOXML pieces python-docx has no API for ------------------------------------------------
    def _insert(self, parent: Any, tag: str, order: tuple[str, ...]) -> Any:
        from docx.oxml import OxmlElement

        found = parent.find(self.qn(f"w:{tag}"))
        if found is not None:
            return found
        element = OxmlElement(f"w:{tag}")
        later = [self.qn(f"w:{t}") for t in order[order.index(tag) + 1:]]
        for child in parent:
            if child.tag in later:
                child.addprevious(element)
                return element
        parent.append(element)
        return element

    def rtl_paragraph(self, paragraph: Any) -> None:
        self._insert(paragraph._p.get_or_add_pPr(), "bidi", _PPR)

    def run(self, paragraph: Any, part: Part) -> Any:
        run = paragraph.add_run(part.text)
        if part.kind == MACHINE_TEXT:
            run._r.get_or_add_rPr().style = self._machine
        elif part.kind == UNTRANSLATED:
            self._arabic(run)
            from docx.enum.text import WD_COLOR_INDEX

            run.font.highlight_color = WD_COLOR_INDEX.YELLOW
        return run

    def _arabic(self, run: Any) -> Any:
        """A run of Arabic: right to left, its language said (Word picks the font's
        complex-script slot and shapes it)."""
        rpr = run._r.get_or_add_rPr()
        self._insert(rpr, "rtl", _RPR)
        self._insert(rpr, "lang", _RPR).set(self.qn("w:bidi"), "ar")
        return run

    def _arabic_run(self, paragraph: Any, text: str) -> Any:
        return self._arabic(paragraph.add_run(text))

    # -- elements ---------------------------------------------------------------------------------
    def paragraph(self, parts: list[Part], style: str | None = None) -> Any:
        paragraph = self.doc.add_paragraph()
        if style is not None:
            paragraph._p.style = self._styles[style]
        self.fill(paragraph, parts)
        return paragraph

    def fill(self, paragraph: Any, parts: list[Part]) -> None:
        for i, part in enumerate(parts):
            if i:
                paragraph.add_run(" ")
            self.run(paragraph, part)
            if part.note:
                self.footnote(paragraph, part.note_parts)

    def element(self, element: Element) -> None:
        if element.kind == "page":
            self.paragraph([], "Caption").add_run(page_label(element.page))
        elif element.kind == "title":
            self.paragraph(element.parts, "Heading 1")
        elif element.kind == "heading":
            self.paragraph(element.parts, "Heading 2")
        elif element.kind == "list_item":
            self.paragraph(element.parts, style="List Paragraph")
        elif element.kind == "note":
            self.paragraph(element.parts, style="Quote")
        elif element.kind == "table":
            width = max(len(row) for row in element.rows)
            table = self.doc.add_table(rows=0, cols=width)
            table.style = "Table Grid"
            for row in element.rows:
                cells = table.add_row().cells
                for cell, parts in zip(cells, row, strict=False):
                    self.fill(cell.paragraphs[0], parts)
        else:
            self.paragraph(element.parts)

    def bilingual(self, report: Report, status: str) -> None:
        """A table: the Arabic (right to left) beside the English, a row per unit, a row
        with the page number where each page starts."""
        table = self.doc.add_table(rows=1, cols=2)
        table.style = "Table Grid"
        head = table.rows[0].cells
        self.rtl_paragraph(head[0].paragraphs[0])
        self._arabic_run(head[0].paragraphs[0], "العربية").bold = True
        head[1].paragraphs[0].add_run("English").bold = True
        for page in report.pages:
            units = [u for block in page.blocks for u in block.units]
            if not units:
                continue
            marker = table.add_row().cells
            merged = marker[0].merge(marker[1])
            merged.paragraphs[0].add_run(page_label(page)).italic = True
            for unit in units:
                cells = table.add_row().cells
                arabic = cells[0].paragraphs[0]
                self.rtl_paragraph(arabic)
                self._arabic_run(arabic, unit.source)
                if kept(unit, status) and unit.target.strip():
                    self.run(cells[1].paragraphs[0], Part(
                        unit.target, "checked" if unit.checked else MACHINE_TEXT))

    # -- footnotes --------------------------------------------------------------------------------
    def _footnotes(self) -> Any:
        if self._notes is None:
            from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
            from docx.opc.packuri import PackURI
            from docx.opc.part import XmlPart
            from docx.oxml import parse_xml
            from docx.oxml.ns import nsdecls

            part = XmlPart(PackURI("/word/footnotes.xml"), CONTENT_TYPE.WML_FOOTNOTES,
                           parse_xml(_FOOTNOTES.format(ns=nsdecls("w"))),
                           self.doc.part.package)
            self.doc.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
            self._notes = part.element
        return self._notes

    def footnote(self, paragraph: Any, parts: tuple[Part, ...]) -> None:
        """A real footnote: its reference after the text that calls it, its text below."""
        from docx.oxml import OxmlElement, parse_xml
        from docx.oxml.ns import nsdecls

        notes = self._footnotes()
        number = max(int(n.get(self.qn("w:id"))) for n in notes.findall(self.qn("w:footnote")))
        number += 1
        reference = paragraph.add_run()
        reference.font.superscript = True
        ref = OxmlElement("w:footnoteReference")
        ref.set(self.qn("w:id"), str(number))
        reference._r.append(ref)
        note = parse_xml(
            f'<w:footnote {nsdecls("w")} w:id="{number}"><w:p><w:r><w:rPr>'
            '<w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
            '<w:r><w:t xml:space="preserve"> </w:t></w:r></w:p></w:footnote>')
        notes.append(note)
        from docx.text.paragraph import Paragraph

        body = Paragraph(note.find(self.qn("w:p")), None)  # type: ignore[arg-type]  # no parent: XML only
        for i, part in enumerate(parts):
            if i:
                body.add_run(" ")
            self.run(body, part)
