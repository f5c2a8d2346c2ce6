"""The translated report as a flat run of elements every document writer lays out the same
way: page marks, headings, paragraphs and list items made of parts, tables, footnotes.

A part is a piece of English with where it came from, so writers can set machine output
apart from English a translator wrote or confirmed; a unit without English keeps its
Arabic, marked untranslated. With ``CONFIRMED`` only confirmed English is kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from reader.arabic.model import FOOTNOTE, HEADING, LIST_ITEM, TABLE_ROW
from reader.translation.report import ANY, NEW, Report, ReportBlock, ReportPage, Unit, kept

CHECKED, MACHINE_TEXT, UNTRANSLATED = "checked", "machine", "untranslated"
_LEADING_NUMBER = re.compile(r"^\s*[0-9\u0660-\u0669]{1,3}[\s.)-]*")


@dataclass(frozen=True)
class Part:
    text: str
    kind: str  # CHECKED, MACHINE_TEXT or UNTRANSLATED (then ``text`` is the Arabic)
    note: str = ""  # a footnote called after this part: its text ("" for none)
    note_parts: tuple[Part, ...] = ()


@dataclass
class Element:
    kind: str  # "page", "heading", "title", "paragraph", "list_item", "table", "note"
    parts: list[Part] = field(default_factory=list)
    rows: list[list[list[Part]]] = field(default_factory=list)  # a table's cells
    page: int = -1


def part(unit: Unit, status: str) -> Part | None:
    if not kept(unit, status):
        return None
    if unit.status == NEW or not unit.target.strip():
        return Part(unit.source, UNTRANSLATED)
    return Part(unit.target, CHECKED if unit.checked else MACHINE_TEXT)


def elements(report: Report, status: str = ANY) -> Iterator[Element]:
    """The report in reading order; footnotes go with the part that calls them (writers
    without real notes list them after the page)."""
    titled = False
    for page in report.pages:
        yield Element("page", page=page.page)
        notes = page.notes()
        called: set[str] = set()
        table: list[list[list[Part]]] = []
        for block in page.blocks:
            if block.kind == TABLE_ROW:
                row = [[p for u in cell if (p := part(u, status))] for cell in
                       (block.cells or [block.units])]
                if any(row):
                    table.append(row)
                continue
            if table:
                yield Element("table", rows=table, page=page.page)
                table = []
            if block.kind == FOOTNOTE:
                continue
            parts = _parts(block, notes, called, status)
            if not parts:
                continue
            kind = {HEADING: "heading", LIST_ITEM: "list_item"}.get(block.kind, "paragraph")
            if kind == "heading" and not titled:
                kind, titled = "title", True
            yield Element(kind, parts, page=page.page)
        if table:
            yield Element("table", rows=table, page=page.page)
        for number, note in notes.items():  # notes no call was found for
            if number not in called:
                parts = [p for u in note.units if (p := part(u, status))]
                if parts:
                    yield Element("note", parts, page=page.page)


def _parts(block: ReportBlock, notes: dict[str, ReportBlock], called: set[str],
           status: str) -> list[Part]:
    out = []
    for unit in block.units:
        piece = part(unit, status)
        if piece is None:
            continue
        number = block.calls.get(unit.id)
        if number and number in notes:
            note_parts = tuple(p for u in notes[number].units if (p := part(u, status)))
            if note_parts:
                first = note_parts[0]
                # The English note repeats its number: the writer numbers it.
                note_parts = (Part(_LEADING_NUMBER.sub("", first.text), first.kind),
                              *note_parts[1:])
                piece = Part(piece.text, piece.kind, number, note_parts)
                called.add(number)
        out.append(piece)
    return out


def page_label(page: ReportPage | int) -> str:
    number = page.page if isinstance(page, ReportPage) else page
    return f"p. {number + 1}"
