"""The translated report as HTML (with ``dir`` and ``lang`` on every text) and Markdown."""

from __future__ import annotations

import html

from reader.exports.layout import (
    MACHINE_TEXT,
    UNTRANSLATED,
    Element,
    Part,
    elements,
    page_label,
)
from reader.mdtext import escape_cell, escape_inline
from reader.translation.report import ANY, Report, Unit, kept

LEGEND = ("Machine translation not checked by a translator is set in grey italics; "
          "sentences not yet translated keep their Arabic.")
_CSS = """body{font-family:sans-serif;max-width:48em;margin:2em auto;line-height:1.5}
.page{color:#777;font-size:.85em;margin-top:2em;border-top:1px solid #ddd}
.machine{color:#666;font-style:italic}.untranslated{background:#fff3c4}
[dir=rtl]{font-family:'Noto Naskh Arabic','Amiri',serif}
table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #bbb;padding:.3em .5em;
vertical-align:top}.notes{font-size:.9em;border-top:1px solid #ccc}"""


def _html_part(part: Part) -> str:
    text = html.escape(part.text)
    if part.kind == UNTRANSLATED:
        return f'<span class="untranslated" dir="rtl" lang="ar">{text}</span>'
    if part.kind == MACHINE_TEXT:
        return f'<span class="machine">{text}</span>'
    return text


def to_html(report: Report, bilingual: bool = False, status: str = ANY) -> str:
    title = html.escape(report.title or "Translation")
    head = (f'<!DOCTYPE html>\n<html lang="en" dir="ltr"><head><meta charset="utf-8">'
            f"<title>{title}</title><style>{_CSS}</style></head><body>\n"
            f'<p class="legend">{html.escape(LEGEND)}</p>\n')
    body = _html_bilingual(report, status) if bilingual else _html_document(report, status)
    return head + body + "</body></html>\n"


def _html_document(report: Report, status: str) -> str:
    out: list[str] = []
    notes: list[str] = []
    for element in elements(report, status):
        if element.kind == "page":
            out.extend(_html_notes(notes))
            notes = []
            out.append(f'<div class="page" id="page-{element.page + 1}">'
                       f"{page_label(element.page)}</div>")
            continue
        if element.kind == "table":
            rows = "".join("<tr>" + "".join(
                f"<td>{' '.join(_html_part(p) for p in cell)}</td>" for cell in row) + "</tr>"
                for row in element.rows)
            out.append(f"<table>{rows}</table>")
            continue
        text = " ".join(_html_call(p, element.page, notes) for p in element.parts)
        tag = {"title": "h1", "heading": "h2", "list_item": "li"}.get(element.kind, "p")
        css = ' class="note"' if element.kind == "note" else ""
        out.append(f"<ul><li>{text}</li></ul>" if tag == "li" else f"<{tag}{css}>{text}</{tag}>")
    out.extend(_html_notes(notes))
    return "\n".join(out) + "\n"


def _html_call(part: Part, page: int, notes: list[str]) -> str:
    text = _html_part(part)
    if part.note:
        anchor = f"fn-{page + 1}-{part.note}"
        notes.append(f'<li id="{anchor}">{" ".join(_html_part(p) for p in part.note_parts)}'
                     f"</li>")
        text += (f'<sup><a href="#{anchor}" role="doc-noteref">{len(notes)}</a></sup>')
    return text


def _html_notes(notes: list[str]) -> list[str]:
    return [f'<section class="notes" role="doc-endnotes"><ol>{"".join(notes)}</ol></section>'
            ] if notes else []


def _html_bilingual(report: Report, status: str) -> str:
    rows = []
    for page in report.pages:
        units = [u for block in page.blocks for u in block.units]
        if not units:
            continue
        rows.append(f'<tr><th colspan="2">{page_label(page)}</th></tr>')
        for unit in units:
            english = _english_html(unit, status)
            rows.append(f'<tr><td dir="rtl" lang="ar">{html.escape(unit.source)}</td>'
                        f"<td>{english}</td></tr>")
    return ('<table><tr><th lang="ar" dir="rtl">العربية</th><th>English</th></tr>'
            + "\n".join(rows) + "</table>\n")


def _english_html(unit: Unit, status: str) -> str:
    if not kept(unit, status) or not unit.target.strip():
        return ""
    text = html.escape(unit.target)
    return text if unit.checked else f'<span class="machine">{text}</span>'


# -- Markdown -----------------------------------------------------------------------------------
def _md_part(part: Part) -> str:
    text = escape_inline(part.text)
    if part.kind == UNTRANSLATED:
        return f'<span dir="rtl" lang="ar">{text}</span> (untranslated)'
    if part.kind == MACHINE_TEXT:
        return f"*{text}*"
    return text


def to_markdown(report: Report, bilingual: bool = False, status: str = ANY) -> str:
    out = [f"# {escape_inline(report.title)}" if report.title else "", "",
           f"*{LEGEND.replace('grey italics', 'italics')}*", ""]
    if bilingual:
        out += ["| العربية | English |", "|---|---|"]
        for page in report.pages:
            for block in page.blocks:
                for unit in block.units:
                    english = (escape_cell(unit.target) if kept(unit, status)
                               and unit.target.strip() else "")
                    if english and not unit.checked:
                        english = f"*{english}*"
                    out.append(f"| {escape_cell(unit.source)} ({page_label(page)}) | "
                               f"{english} |")
        return "\n".join(out) + "\n"
    notes: list[str] = []
    for element in elements(report, status):
        out.extend(_md_element(element, notes))
    out.extend(["", *notes] if notes else [])
    return "\n".join(out) + "\n"


def _md_element(element: Element, notes: list[str]) -> list[str]:
    if element.kind == "page":
        return ["", f"*[{page_label(element.page)}]*", ""]
    if element.kind == "table":
        width = max(len(r) for r in element.rows)
        lines = ["| " + " | ".join(" ".join(_md_part(p) for p in cell) or " "
                                   for cell in row + [[]] * (width - len(row))) + " |"
                 for row in element.rows]
        return [lines[0], "|" + "---|" * width, *lines[1:], ""]
    parts = []
    for part in element.parts:
        text = _md_part(part)
        if part.note:
            label = f"{element.page + 1}-{part.note}"
            notes.append(f"[^{label}]: " + " ".join(_md_part(p) for p in part.note_parts))
            text += f"[^{label}]"
        parts.append(text)
    text = " ".join(parts)
    prefix = {"title": "# ", "heading": "## ", "list_item": "- "}.get(element.kind, "")
    return [prefix + text, ""]
