"""The translated report as data: every page's blocks (headings, paragraphs, list items,
table rows cell by cell, footnotes) with their units, each unit's Arabic, its English and
where that English came from. The writers (DOCX, ODT, HTML, Markdown, TMX, XLIFF) only lay
this out; nothing is translated here (an export must not wait for a model).

A unit's English is the translator's (edited or confirmed), else the translation memory's
exact match, else the machine translation already made, else none. Each unit has an id
that stays the same from one export to the next while its Arabic does (an XLIFF edited
elsewhere comes back by it).
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from reader.arabic.model import FOOTNOTE, TABLE_ROW, BlockSpan
from reader.arabic.repair import PIPELINE_VERSION
from reader.errors import Cancelled
from reader.session import DocumentSession
from reader.translation.cache import EDITED, MACHINE, REVIEWED, TranslationCache, normalize_source
from reader.translation.memory import TranslationMemory
from reader.translation.segment import Sentence
from reader.translation.units import session_units

NEW, MEMORY = "new", "memory"  # no English yet; the memory's (as the grid names them)
ANY, CONFIRMED = "any", "confirmed"  # which units an export keeps
# A footnote call: digits glued to the end of a word (التوقعات1), before a space,
# punctuation or the end of the text.
CALL = re.compile(r"(?<=[\u0621-\u064a\u064b-\u0652)A-Za-z])([0-9\u0660-\u0669]{1,3})"
                  r"(?=[\s.,،؛:؟)»\"]|$)")
_NOTE_NUMBER = re.compile(r"^\s*([0-9\u0660-\u0669]{1,3})")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")


@dataclass(frozen=True)
class Unit:
    id: str
    page: int
    start: int  # the unit's range in the page text
    end: int
    source: str
    target: str
    status: str  # NEW, MACHINE, MEMORY, EDITED or REVIEWED
    note: bool = False

    @property
    def checked(self) -> bool:
        """English a translator wrote or confirmed (not machine output)."""
        return self.status in (EDITED, REVIEWED)


@dataclass
class ReportBlock:
    kind: str
    units: list[Unit]
    cells: list[list[Unit]] = field(default_factory=list)  # a table row's units, by cell
    number: str = ""  # a footnote's number (ASCII digits)
    calls: dict[str, str] = field(default_factory=dict)  # unit id -> note number it calls


@dataclass
class ReportPage:
    page: int
    blocks: list[ReportBlock]

    def notes(self) -> dict[str, ReportBlock]:
        return {b.number: b for b in self.blocks if b.kind == FOOTNOTE and b.number}


@dataclass
class Report:
    title: str
    path: str
    sha256: str
    pages: list[ReportPage]

    def units(self) -> Iterator[Unit]:
        for page in self.pages:
            for block in page.blocks:
                yield from block.units

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for unit in self.units():
            out[unit.status] = out.get(unit.status, 0) + 1
        return out


def unit_ids(page: int, sentences: list[Sentence]) -> list[str]:
    """Stable ids: the page and a digest of the (normalized) Arabic, with a counter for a
    sentence that repeats on its page."""
    seen: dict[str, int] = {}
    out = []
    for sentence in sentences:
        digest = hashlib.sha1(normalize_source(sentence.text).encode()).hexdigest()[:10]
        n = seen.get(digest, 0)
        seen[digest] = n + 1
        out.append(f"p{page + 1}-{digest}" + (f"-{n + 1}" if n else ""))
    return out


def build_report(session: DocumentSession, cache: TranslationCache | None,
                 memory: TranslationMemory | None = None, pages: list[int] | None = None,
                 progress: Callable[[int], None] = lambda _n: None,
                 cancelled: Callable[[], bool] = lambda: False) -> Report:
    """The report with what is known of its English; pages not read yet are read."""
    out: list[ReportPage] = []
    for done, page in enumerate(report_pages(session, cache, memory, pages), 1):
        if cancelled():
            raise Cancelled()
        out.append(page)
        progress(done)
    return make_report(session, out)


def make_report(session: DocumentSession, pages: list[ReportPage]) -> Report:
    return Report(_title(pages), session.info.path, session.info.sha256, pages)


def report_pages(session: DocumentSession, cache: TranslationCache | None,
                 memory: TranslationMemory | None = None, pages: list[int] | None = None
                 ) -> Iterator[ReportPage]:
    """The report page by page (a caller can show progress and stop between pages)."""
    info = session.info
    fixes = cache.source_fixes.by_page(info.sha256) if cache is not None else {}
    for page in pages if pages is not None else range(session.page_count):
        found = session_units(session, page, fixes.get(page, ()), read=True)
        text, sentences = found if found else ("", [])
        sources = [s.text for s in sentences]
        english: dict[str, tuple[str, str]] = {}
        if cache is not None:
            english.update({k: (t, MACHINE) for k, t in cache.any_model(sources).items()})
        if memory is not None:
            english.update({normalize_source(s): (m.target, MEMORY)
                            for s, m in memory.exact(sources).items()})
        if cache is not None:
            english.update({k: (e.text, e.status) for k, e in cache.place(
                info.sha256, page, sources, PIPELINE_VERSION).items()})
        units = [Unit(uid, page, s.start, s.end, s.text,
                      *english.get(normalize_source(s.text), ("", NEW)), s.note)
                 for uid, s in zip(unit_ids(page, sentences), sentences, strict=True)]
        yield ReportPage(page, _blocks(text, session.kept_spans(page), units))


def _blocks(text: str, spans: tuple[BlockSpan, ...], units: list[Unit]) -> list[ReportBlock]:
    """The units grouped by the block (and table cell) they start in; footnotes numbered
    and the units that call them marked."""
    if not spans:  # a page read before structure was kept: one paragraph per unit
        return [ReportBlock("paragraph", [u]) for u in units]
    starts = [span.start for span in spans]
    blocks = [ReportBlock(span.kind, []) for span in spans]
    for unit in units:
        at = max(0, bisect.bisect_right(starts, unit.start) - 1)
        blocks[at].units.append(unit)
    for span, block in zip(spans, blocks, strict=True):
        if span.kind == TABLE_ROW and span.cells:
            cell_starts = [a for a, _b in span.cells]
            block.cells = [[] for _ in span.cells]
            for unit in block.units:
                block.cells[max(0, bisect.bisect_right(cell_starts, unit.start) - 1)].append(
                    unit)
        if span.kind == FOOTNOTE:
            match = _NOTE_NUMBER.match(text[span.start:span.end])
            block.number = match.group(1).translate(_DIGITS) if match else ""
    numbers = {b.number for b in blocks if b.kind == FOOTNOTE and b.number}
    for block in blocks:
        if block.kind == FOOTNOTE:
            continue
        for unit in block.units:
            for match in CALL.finditer(unit.source):
                number = match.group(1).translate(_DIGITS)
                if number in numbers:
                    block.calls[unit.id] = number
    return [b for b in blocks if b.units]


def _title(pages: list[ReportPage]) -> str:
    """The first heading's English, else its Arabic, else nothing."""
    for page in pages:
        for block in page.blocks:
            if block.kind == "heading" and block.units:
                unit = block.units[0]
                return unit.target or unit.source
    return ""


def kept(unit: Unit, status: str) -> bool:
    """Does an export with ``status`` (ANY or CONFIRMED) include this unit's English?"""
    return status == ANY or unit.status == REVIEWED
