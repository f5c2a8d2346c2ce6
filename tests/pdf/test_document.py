from __future__ import annotations

import unicodedata

import pytest

from reader.errors import DocumentError, DocumentErrorCode
from reader.pdf import open_pdf


def test_sample_report_describes_itself(sample_pdf):
    doc = open_pdf(sample_pdf)
    info = doc.info()
    assert info.page_count == doc.page_count >= 4
    assert info.title == "الوصول إلى مياه الشرب في القرى الجبلية"
    assert len(info.sha256) == 64
    assert [e.title for e in info.outline][:2] == ["ملخص تنفيذي", "1. مقدمة"]
    assert all(0 <= e.page < info.page_count for e in info.outline)
    assert info.pages[0].width == pytest.approx(595, abs=1)
    assert not info.repaired


def test_render_size_follows_zoom(sample_pdf):
    doc = open_pdf(sample_pdf)
    small = doc.render(0, 0.5)
    large = doc.render(0, 1.0)
    assert large.width == pytest.approx(2 * small.width, abs=1)
    assert large.height == pytest.approx(2 * small.height, abs=1)
    assert len(large.samples) == large.stride * large.height
    # Not a blank page: the title is dark ink on white paper.
    assert min(large.samples) < 100 and max(large.samples) == 255


def test_glyphs_have_boxes_on_the_page(sample_pdf):
    doc = open_pdf(sample_pdf)
    # Letters and digits (marks are drawn with no width of their own).
    glyphs = [g for g in doc.raw_page(1).glyphs
              if not g.char.isspace() and not unicodedata.combining(g.char[0])]
    assert len(glyphs) > 50
    width, height = doc.info().pages[1].width, doc.info().pages[1].height
    for glyph in glyphs:
        x0, y0, x1, y1 = glyph.box
        assert 0 <= x0 < x1 <= width and 0 <= y0 < y1 <= height


@pytest.mark.parametrize(
    ("kind", "code"),
    [
        ("missing", DocumentErrorCode.MISSING),
        ("folder", DocumentErrorCode.NOT_A_FILE),
        ("empty", DocumentErrorCode.EMPTY),
        ("not_pdf", DocumentErrorCode.NOT_PDF),
        ("truncated", DocumentErrorCode.TRUNCATED),
        ("corrupt", DocumentErrorCode.CORRUPT),
        ("zero_pages", DocumentErrorCode.NO_PAGES),
        ("encrypted", DocumentErrorCode.ENCRYPTED),
    ],
)
def test_bad_input_is_named(bad_files, kind, code):
    with pytest.raises(DocumentError) as caught:
        open_pdf(bad_files[kind])
    assert caught.value.code == code
    assert str(bad_files[kind]) in str(caught.value)


def test_password(bad_files):
    with pytest.raises(DocumentError) as caught:
        open_pdf(bad_files["encrypted"], "wrong")
    assert caught.value.code == DocumentErrorCode.WRONG_PASSWORD
    assert open_pdf(bad_files["encrypted"], "sesame").page_count >= 4


def test_bad_page_index(sample_pdf):
    doc = open_pdf(sample_pdf)
    with pytest.raises(DocumentError) as caught:
        doc.render(doc.page_count, 1.0)
    assert caught.value.code == DocumentErrorCode.BAD_PAGE


def test_a_pdf_larger_than_any_report_is_refused_before_it_is_read(tmp_path, monkeypatch):
    import reader.pdf.document as document

    path = tmp_path / "big.pdf"
    path.write_bytes(b"%PDF-1.7\n" + b" " * 5000 + b"\n%%EOF\n")
    monkeypatch.setattr(document, "MAX_BYTES", 1000)
    with pytest.raises(document.DocumentError, match="at most"):
        document.open_pdf(path)
