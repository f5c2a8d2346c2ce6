"""Issue 12: a tagged PDF's structure tree gives the author's reading order."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pymupdf

from reader.arabic.repair import repair_page
from reader.pdf.glyphs import raw_page
from reader.pdf.render_process import _pack_raw, _unpack_raw

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "corpus"
LINES = [(700, "The note set above the text comes last."),
         (500, "The body of the report comes first here.")]


def _pdf(tree_order: list[int] | None) -> pymupdf.Document:
    """Two lines drawn top to bottom, each marked content of its own element; the tree
    lists the elements in ``tree_order`` (None: no structure at all)."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    font = doc.get_new_xref()
    doc.update_object(font, "<</Type/Font/Subtype/Type1/BaseFont/Helvetica"
                            "/Encoding/WinAnsiEncoding>>")
    contents = doc.get_new_xref()
    doc.update_object(contents, "<<>>")
    doc.update_stream(contents, "\n".join(
        f"/P <</MCID {mcid}>> BDC BT /F1 14 Tf 72 {y} Td ({text}) Tj ET EMC"
        for mcid, (y, text) in enumerate(LINES)).encode())
    doc.xref_set_key(page.xref, "Contents", f"{contents} 0 R")
    doc.xref_set_key(page.xref, "Resources", f"<</Font<</F1 {font} 0 R>>>>")
    if tree_order is not None:
        root = doc.get_new_xref()
        elements = [doc.get_new_xref() for _ in LINES]
        for mcid, xref in enumerate(elements):
            doc.update_object(xref, f"<</Type/StructElem/S/P/P {root} 0 R"
                                    f"/Pg {page.xref} 0 R/K {mcid}>>")
        kids = " ".join(f"{elements[i]} 0 R" for i in tree_order)
        parents = " ".join(f"{x} 0 R" for x in elements)
        doc.update_object(root, f"<</Type/StructTreeRoot/K [{kids}]"
                                f"/ParentTree <</Nums [0 [{parents}]]>>>>")
        doc.xref_set_key(doc.pdf_catalog(), "StructTreeRoot", f"{root} 0 R")
        doc.xref_set_key(page.xref, "StructParents", "0")
    return pymupdf.open("pdf", doc.tobytes())


def _text(doc: pymupdf.Document) -> str:
    return "\n".join(b.text for b in repair_page(raw_page(doc[0])).body)


def test_the_tree_orders_what_geometry_would_read_otherwise():
    assert _text(_pdf([1, 0])) == f"{LINES[1][1]}\n{LINES[0][1]}"  # the tree's order
    assert _text(_pdf(None)) == f"{LINES[0][1]}\n{LINES[1][1]}"  # untagged: top first
    assert _text(_pdf([0, 1])) == f"{LINES[0][1]}\n{LINES[1][1]}"


def test_the_structure_travels_with_the_page_from_the_render_process():
    raw = raw_page(_pdf([1, 0])[0])
    # By place on the page (top first): the note is the tree's second element.
    assert [r[4] for r in sorted(raw.regions, key=lambda r: r[1])] == [2, 1]
    assert _unpack_raw(_pack_raw(raw)) == raw


def test_a_tagged_producers_page_agrees_with_its_geometry():
    """Typst tags its PDFs: the structure covers the page, reads the words in the order
    geometry does, and keeps its two footnotes apart as its source has them."""
    doc = pymupdf.open(FIXTURES / "typst-noto-naskh-notes.pdf")
    raw = raw_page(doc[0])
    assert len(raw.regions) >= 5
    tagged = repair_page(raw).text
    untagged = repair_page(dataclasses.replace(raw, regions=()))
    assert tagged.split() == untagged.text.split()
    truth = (FIXTURES / "typst-noto-naskh-notes.gt.txt").read_text(encoding="utf-8")
    notes = [line for line in truth.splitlines() if line[:1] in "١٢"]
    assert len(notes) == 2 and all(note in tagged.splitlines() for note in notes)


def test_a_hostile_tree_is_not_used():
    """MuPDF's structure pass takes time with the square of the tree's depth (20,000
    nested elements: 30 s for one line): a tree deeper than real ones is not read, and
    the page is read by its geometry."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    font = doc.get_new_xref()
    doc.update_object(font, "<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>")
    contents = doc.get_new_xref()
    doc.update_object(contents, "<<>>")
    doc.update_stream(contents, b"/P <</MCID 0>> BDC BT /F1 14 Tf 72 700 Td (Deep) Tj ET EMC")
    doc.xref_set_key(page.xref, "Contents", f"{contents} 0 R")
    doc.xref_set_key(page.xref, "Resources", f"<</Font<</F1 {font} 0 R>>>>")
    root = doc.get_new_xref()
    chain = [doc.get_new_xref() for _ in range(300)]
    for i, xref in enumerate(chain):
        parent = root if i == 0 else chain[i - 1]
        kid = f"{chain[i + 1]} 0 R" if i + 1 < len(chain) else "0"
        doc.update_object(xref, f"<</Type/StructElem/S/Div/P {parent} 0 R"
                                f"/Pg {page.xref} 0 R/K {kid}>>")
    doc.update_object(root, f"<</Type/StructTreeRoot/K {chain[0]} 0 R"
                            f"/ParentTree <</Nums [0 [{chain[-1]} 0 R]]>>>>")
    doc.xref_set_key(doc.pdf_catalog(), "StructTreeRoot", f"{root} 0 R")
    doc.xref_set_key(page.xref, "StructParents", "0")
    deep = pymupdf.open("pdf", doc.tobytes())
    raw = raw_page(deep[0])
    assert raw.regions == ()
    assert _text(deep) == "Deep"


def test_a_span_inside_a_paragraph_reads_in_the_paragraphs_place():
    """LibreOffice tags a run of another font or direction inside a paragraph (a phone
    number) as a Span of its own, later in the tree than the paragraph: its text takes
    the paragraph's place, and the paragraph's last line, which holds only the number's
    end, is read after its first line (it was read before it)."""
    doc = pymupdf.open(FIXTURES / "libreoffice-tagged-dejavu-numbers.pdf")
    raw = raw_page(doc[0])
    lines = repair_page(raw).text.splitlines()
    assert lines[1].startswith("بلغ عدد") and lines[1].endswith("على الرقم 0933 456 789.")
    # Every line of that paragraph carries one element's number (its spans' too).
    paragraph = {r[4] for r in raw.regions if 60 < r[1] < 95}
    assert len(paragraph) == 1
