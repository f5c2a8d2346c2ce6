"""The translated report and its ways out: DOCX, ODT, HTML, Markdown, TMX and XLIFF, read
back with the libraries other tools use (python-docx, odfpy, lxml against the TMX DTD,
translate-toolkit for XLIFF and TMX, markdown-it)."""

from __future__ import annotations

import html.parser
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from reader.arabic.model import FOOTNOTE, TABLE_ROW
from reader.exports.report_docx import write_docx
from reader.exports.report_odt import write_odt
from reader.exports.report_text import to_html, to_markdown
from reader.exports.tmx import report_pairs, write_tmx
from reader.exports.xliff import XliffError, read_xliff, save_import, write_xliff
from reader.session import DocumentSession
from reader.translation.cache import EDITED, REVIEWED, TranslationCache
from reader.translation.memory import TranslationMemory
from reader.translation.report import CONFIRMED, MACHINE, NEW, build_report

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture
def report(sample_pdf):
    """The sample with machine English for most units, a few edited and confirmed, and
    the rest not translated."""
    session = DocumentSession.open(sample_pdf)
    cache = TranslationCache()
    bare = build_report(session, cache)
    units = list(bare.units())
    cache.put("test-model", [(u.source, f"Machine {i}.", [], 0.0)
                             for i, u in enumerate(units) if i % 5])
    cache.edit(session.info.sha256, units[1].source, "Access to drinking water.", REVIEWED)
    cache.edit(session.info.sha256, units[2].source, "Edited by hand.", EDITED)
    built = build_report(session, cache, TranslationMemory())
    yield built
    session.close()


def test_the_report_keeps_blocks_cells_footnotes_and_statuses(report):
    counts = report.counts()
    assert counts[REVIEWED] == 1 and counts[EDITED] == 1 and counts[NEW] > 0
    assert counts[MACHINE] > 40
    kinds = {b.kind for p in report.pages for b in p.blocks}
    assert {"heading", "paragraph", TABLE_ROW, FOOTNOTE} <= kinds
    rows = [b for p in report.pages for b in p.blocks if b.kind == TABLE_ROW]
    assert rows and all(len(b.cells) >= 5 and all(len(c) == 1 for c in b.cells)
                        for b in rows[1:])
    notes = report.pages[0].notes()
    assert list(notes) == ["1"]
    calling = [b for b in report.pages[0].blocks if b.calls]
    assert [list(b.calls.values()) for b in calling] == [["1"]]
    # Ids are stable from one build to the next and unique.
    ids = [u.id for u in report.units()]
    assert len(set(ids)) == len(ids)


def test_docx_has_headings_a_table_real_footnotes_and_right_to_left_arabic(report, tmp_path):
    from docx import Document

    path = tmp_path / "report.docx"
    write_docx(report, path)
    doc = Document(str(path))
    texts = [p.text for p in doc.paragraphs]
    assert "Access to drinking water." in " ".join(texts)
    assert any(p.style.name.startswith("Heading") for p in doc.paragraphs)
    assert len(doc.tables) >= 1 and len(doc.tables[0].rows) >= 5
    with zipfile.ZipFile(path) as package:
        footnotes = package.read("word/footnotes.xml").decode()
        document = package.read("word/document.xml").decode()
    assert footnotes.count("<w:footnote ") >= 3  # two separators and a note
    assert "w:footnoteReference" in document
    # Machine English is set apart (italic grey); untranslated Arabic runs right to left.
    assert '<w:rStyle w:val="Machinetranslation"/>' in document and "<w:rtl/>" in document
    bilingual = tmp_path / "bilingual.docx"
    write_docx(report, bilingual, bilingual=True, status=CONFIRMED)
    table = Document(str(bilingual)).tables[0]
    english = [row.cells[1].text for row in table.rows]
    assert "Access to drinking water." in english and "Edited by hand." not in english
    with zipfile.ZipFile(bilingual) as package:
        assert "<w:bidi/>" in package.read("word/document.xml").decode()


def test_odt_has_notes_tables_and_arabic_paragraphs(report, tmp_path):
    from odf import opendocument, table, text

    path = tmp_path / "report.odt"
    write_odt(report, path)
    doc = opendocument.load(str(path))
    assert doc.getElementsByType(text.Note)
    assert doc.getElementsByType(table.Table)
    write_odt(report, tmp_path / "b.odt", bilingual=True)
    styles = opendocument.load(str(tmp_path / "b.odt")).xml().decode()
    assert 'style:writing-mode="rl-tb"' in styles and 'fo:text-align="right"' in styles


def test_html_marks_direction_and_language(report):
    page = to_html(report)

    class Check(html.parser.HTMLParser):
        arabic = 0
        notes = 0

        def handle_starttag(self, tag, attrs):
            attributes = dict(attrs)
            if attributes.get("dir") == "rtl":
                assert attributes.get("lang") == "ar"
                self.arabic += 1
            if attributes.get("role") == "doc-noteref":
                self.notes += 1

    check = Check()
    check.feed(page)
    assert check.arabic > 0 and check.notes >= 1
    assert '<html lang="en" dir="ltr">' in page and "<table>" in page
    assert 'class="machine"' in page


def test_markdown_parses_with_footnotes_and_tables(report):
    from markdown_it import MarkdownIt

    text = to_markdown(report)
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    assert any(t.type == "table_open" for t in tokens)
    assert "[^1-1]:" in text and "*Machine" in text
    bilingual = to_markdown(report, bilingual=True, status=CONFIRMED)
    assert bilingual.count("| Access to drinking water. |") == 1  # the one confirmed row
    assert "Edited by hand." not in bilingual


def test_tmx_is_valid_against_the_dtd_and_loads_in_translate_toolkit(report, tmp_path):
    from translate.storage import tmx

    path = tmp_path / "report.tmx"
    count = write_tmx(report_pairs(report, "any"), path)
    dtd = etree.DTD(str(FIXTURES / "tmx14.dtd"))
    tree = etree.parse(str(path))
    assert dtd.validate(tree), dtd.error_log.filter_from_errors()
    store = tmx.tmxfile.parsefile(str(path))
    units = [u for u in store.units if u.source]
    assert len(units) == count > 40
    assert "Access to drinking water." in {u.target for u in units}
    assert tree.getroot().find("header").get("srclang") == "ar"
    assert count == write_tmx(report_pairs(report, "any"), tmp_path / "again.tmx")
    assert write_tmx(report_pairs(report, CONFIRMED), tmp_path / "c.tmx") == 1


def test_xliff_round_trip_through_translate_toolkit(report, tmp_path, sample_pdf):
    """Export, edit in a third-party XLIFF library, import: changed targets come back as
    edits, matched by id; a unit whose Arabic is unknown is listed."""
    from translate.storage import xliff

    path = tmp_path / "report.xlf"
    assert write_xliff(report, path) == len(list(report.units()))
    again = tmp_path / "again.xlf"
    write_xliff(report, again)
    ids = [u.getid() for u in xliff.xlifffile.parsefile(str(path)).units]
    assert ids == [u.getid() for u in xliff.xlifffile.parsefile(str(again)).units]
    store = xliff.xlifffile.parsefile(str(path))
    units = [u for u in store.units]
    units[3].target = "Changed in another tool."
    units[3].markfuzzy(False)
    units[3].xmlelement.find(units[3].namespaced("target")).set("state", "translated")
    units[4].target = "Drafted elsewhere."
    units[4].xmlelement.find(units[4].namespaced("target")).set(
        "state", "needs-review-translation")  # a draft, not finished
    stranger = store.UnitClass("جملة لا توجد في هذه الوثيقة")
    stranger.setid("elsewhere-1")
    stranger.target = "Not from here."
    store.addunit(stranger)
    store.savefile(str(path))
    result = read_xliff(path, report)
    changed = {unit.id: (text, status) for unit, text, status in result.changed}
    source_units = list(report.units())
    assert changed[source_units[3].id] == ("Changed in another tool.", REVIEWED)
    assert changed[source_units[4].id] == ("Drafted elsewhere.", EDITED)
    assert [u[0] for u in result.unmatched] == ["elsewhere-1"]
    cache = TranslationCache()
    assert save_import(result, report.sha256, cache, TranslationMemory()) == len(changed)
    edits = cache.edits(report.sha256)
    assert edits[" ".join(source_units[3].source.split())].text == "Changed in another tool."
    # Brought back, the edit is in the next report.
    session = DocumentSession.open(sample_pdf)
    rebuilt = {u.id: u for u in build_report(session, cache).units()}
    assert rebuilt[source_units[3].id].target == "Changed in another tool."
    session.close()


@pytest.mark.parametrize("content, message", [
    (b"", "not a readable XLIFF"),
    (b"<html><body>no</body></html>", "not an XLIFF file"),
    (b'<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0"/>', "XLIFF 2.0"),
    (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;'
     b'&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
     b'<xliff version="1.2"><file><body><trans-unit id="1"><source>&c;</source>'
     b'</trans-unit></body></file></xliff>', ""),
])
def test_junk_and_hostile_xliff_get_one_clear_message(report, tmp_path, content, message):
    path = tmp_path / "bad.xlf"
    path.write_bytes(content)
    if message:
        with pytest.raises(XliffError, match=message):
            read_xliff(path, report)
    else:  # entities are never expanded: the unit's text stays small and matches nothing
        result = read_xliff(path, report)
        assert result.changed == [] and len(result.unmatched) == 0


def test_an_xliff_of_another_document_is_refused(report, tmp_path):
    path = tmp_path / "other.xlf"
    write_xliff(report, path)
    path.write_text(path.read_text(encoding="utf-8").replace(report.sha256, "0" * 64),
                    encoding="utf-8")
    with pytest.raises(XliffError, match="another document"):
        read_xliff(path, report)


def test_a_tmx_from_another_tool_feeds_the_memory_and_junk_is_refused(report, tmp_path):
    from reader.exports.tmx import read_tmx

    path = tmp_path / "report.tmx"
    write_tmx(report_pairs(report, "any"), path)
    pairs = read_tmx(path)
    memory = TranslationMemory(tmp_path / "m.sqlite")
    assert memory.add_many((s, t, "", "imported") for s, t in pairs) == len(pairs) > 40
    first = next(u for u in report.units() if u.target)
    assert memory.exact([first.source])[first.source].target == first.target
    for content, message in ((b"<tmx><body><tu>", "not a readable TMX"),
                             (b"<xliff/>", "not a TMX file"),
                             (b"<tmx version='1.4'><body/></tmx>", "no Arabic")):
        (tmp_path / "bad.tmx").write_bytes(content)
        with pytest.raises(ValueError, match=message):
            read_tmx(tmp_path / "bad.tmx")
