"""Making, saving, placing, importing and exporting annotations on the sample report."""

from __future__ import annotations

import hashlib
import json

import pymupdf

from reader.annotations.model import ORPHAN, REVIEW
from reader.annotations.review import Review
from reader.annotations.store import AnnotationStore, StoreError, StoreErrorCode
from reader.pdf.annots import read_marks
from reader.resources import sample_report
from reader.session import DocumentSession
from tests.annotations.conftest import find

PHRASE = "مسح ميداني"


def test_a_highlight_quotes_its_text_and_covers_its_glyphs(review):
    start, end = find(review, 0, PHRASE)
    a = review.text_mark(0, start, end, "highlight", "green")
    assert a.exact == PHRASE and a.prefix.endswith("نتائج ") and a.rects
    model = review.session.page_model(0)
    boxes = [b for b in model.char_boxes()[start:end] if b]
    x0, _, x1, _ = a.rects[0]
    assert all(x0 - 0.5 <= (b[0] + b[2]) / 2 <= x1 + 0.5 for b in boxes)


def test_changes_are_saved_at_once_and_survive_reopening(review, store):
    start, end = find(review, 0, PHRASE)
    a = review.text_mark(0, start, end, "underline", "blue").edited(comment="c", tags=("t",))
    sticky = review.sticky(1, 100, 200, "red", "here")
    assert review.apply([a, sticky]) is None
    assert review.apply([a.edited(comment="changed")]) is None
    again = Review(DocumentSession.open(sample_report()), store)
    assert {(x.kind, x.comment) for x in again.annotations.all()} == {
        ("underline", "changed"), ("sticky", "here")}
    assert review.apply(delete=[sticky.id]) is None
    assert len(Review(DocumentSession.open(sample_report()), store).annotations) == 1


def test_a_failed_save_keeps_the_change_and_saves_it_later(review, monkeypatch):
    start, end = find(review, 0, PHRASE)
    a = review.text_mark(0, start, end, "highlight", "yellow")
    real = AnnotationStore.save

    def full(*_args, **_kwargs):
        raise StoreError(StoreErrorCode.DISK_FULL)

    monkeypatch.setattr(AnnotationStore, "save", full)
    error = review.apply([a])
    assert error is not None and error.code is StoreErrorCode.DISK_FULL
    assert review.annotations.get(a.id) == a and review.annotations.unsaved == 1
    monkeypatch.setattr(AnnotationStore, "save", real)
    assert review.annotations.flush() is None and review.annotations.unsaved == 0
    assert [x.id for x in review.store.load(review.annotations.document)] == [a.id]


def test_annotations_follow_the_file_not_its_name(review, store, tmp_path):
    moved = tmp_path / "renamed copy.pdf"
    moved.write_bytes(sample_report().read_bytes())
    review.apply([review.note("on the document")])
    other = Review(DocumentSession.open(moved), store)
    assert [a.comment for a in other.annotations.all()] == ["on the document"]


def test_a_newer_engine_moves_annotations_back_into_place(review):
    start, end = find(review, 0, PHRASE)
    a = review.text_mark(0, start, end, "highlight", "yellow")
    shifted = a.edited(start=a.start + 9, end=a.end + 9, pipeline="arabic-repair/0")
    gone = a.edited(id="f" * 32, exact="نص لم يعد في هذه الصفحة أبدا ولا في غيرها",
                    pipeline="arabic-repair/0")
    review.apply([shifted, gone])
    assert review.anchor_all() is None
    placed = review.annotations.get(a.id)
    assert (placed.start, placed.end, placed.exact) == (a.start, a.end, PHRASE)
    orphan = review.annotations.get("f" * 32)
    assert orphan.status == ORPHAN and orphan.exact.startswith("نص لم يعد")


def test_export_to_pdf_writes_a_copy_other_viewers_read(review, tmp_path):
    start, end = find(review, 0, PHRASE)
    review.apply([review.text_mark(0, start, end, "strike", "purple").edited(comment="why?"),
                  review.sticky(2, 300, 400, "green", "look"), review.note("not in PDFs")])
    before = hashlib.sha256(sample_report().read_bytes()).hexdigest()
    assert review.export_pdf(tmp_path / "copy.pdf") == 2
    assert hashlib.sha256(sample_report().read_bytes()).hexdigest() == before
    marks = read_marks(tmp_path / "copy.pdf").marks
    assert {(m.kind, m.page, m.comment) for m in marks} == {("strike", 0, "why?"),
                                                          ("sticky", 2, "look")}


def test_import_from_a_pdf_annotated_in_another_viewer(review, store, tmp_path):
    model = review.session.page_model(0)
    start, end = find(review, 0, PHRASE)
    doc = pymupdf.open(sample_report())
    page = doc[0]
    annot = page.add_highlight_annot([pymupdf.Rect(r) for r in model.rects_for(start, end)])
    annot.set_info(content="from another viewer")
    annot.update()
    page.add_text_annot((50, 60), "a sticky")
    page.add_ink_annot([[(10, 10), (20, 20)]])  # a kind Qari leaves out
    doc.save(tmp_path / "annotated.pdf")
    report = review.import_pdf(tmp_path / "annotated.pdf")
    assert report.added == 2 and report.skipped
    highlight = next(a for a in review.annotations.all() if a.kind == "highlight")
    assert highlight.exact == PHRASE and highlight.comment == "from another viewer"
    again = review.import_pdf(tmp_path / "annotated.pdf")
    assert again.added == 0 and again.already == 2


def test_malformed_pdf_annotations_are_skipped_not_fatal(review, tmp_path):
    start, end = find(review, 0, PHRASE)
    rects = review.session.page_model(0).rects_for(start, end)
    doc = pymupdf.open(sample_report())
    page = doc[0]
    good = page.add_underline_annot([pymupdf.Rect(r) for r in rects])
    good.update()
    bad = page.add_highlight_annot(pymupdf.Rect(100, 100, 200, 120))
    bad.update()
    doc.xref_set_key(bad.xref, "QuadPoints", "(not numbers)")
    doc.xref_set_key(bad.xref, "Rect", "[1 2]")
    doc.save(tmp_path / "broken.pdf")
    report = review.import_pdf(tmp_path / "broken.pdf")
    assert report.added == 1 and len(report.skipped) == 1
    [underline] = review.annotations.all()
    assert (underline.kind, underline.exact) == ("underline", PHRASE)


def test_w3c_export_and_import_into_another_store(review, tmp_path):
    start, end = find(review, 0, PHRASE)
    review.apply([review.text_mark(0, start, end, "highlight", "blue").edited(tags=("x",)),
                  review.note("n")])
    review.export_w3c(tmp_path / "notes.json")
    data = json.loads((tmp_path / "notes.json").read_text(encoding="utf-8"))
    assert data["total"] == 2
    fresh = Review(DocumentSession.open(sample_report()),
                   AnnotationStore.open(tmp_path / "other.sqlite"))
    report = fresh.import_w3c(tmp_path / "notes.json")
    assert report.added == 2 and report.skipped == []
    assert sorted(a.kind for a in fresh.annotations.all()) == ["highlight", "note"]
    assert fresh.import_w3c(tmp_path / "notes.json").already == 2


def test_w3c_quotes_from_elsewhere_are_placed_or_kept_as_orphans(review, tmp_path):
    items = [{"type": "Annotation", "target": {"selector": [
        {"type": "TextQuoteSelector", "exact": PHRASE},
        {"type": "FragmentSelector", "value": "page=2"}]}},   # on page 1 in fact
        {"type": "Annotation", "target": {"selector": [
            {"type": "TextQuoteSelector", "exact": "جملة غير موجودة في التقرير على الإطلاق"},
            {"type": "FragmentSelector", "value": "page=1"}]}}]
    (tmp_path / "x.json").write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    report = review.import_w3c(tmp_path / "x.json")
    assert report.added == 2 and report.orphans == 1
    found = next(a for a in review.annotations.all() if a.status != ORPHAN)
    assert found.page == 0 and found.status == REVIEW and found.rects


def test_filters_by_colour_tag_kind_and_folded_text(review):
    start, end = find(review, 0, PHRASE)
    a = review.text_mark(0, start, end, "highlight", "green").edited(tags=("ماء",))
    b = review.sticky(1, 10, 10, "red", "الإحصاءات قديمة")
    review.apply([a, b, review.note("general")])
    s = review.annotations
    assert s.filtered(colours=["green"]) == [a]
    assert s.filtered(tags=["ماء"]) == [a]
    assert s.filtered(kinds=["sticky"]) == [b]
    assert s.filtered(text="الاحصاءات") == [b]  # hamza folded
    assert s.filtered(text="مَسح") == [a]  # harakat ignored
    assert len(s.filtered()) == 3 and s.tags() == ["ماء"]


def test_importing_a_documents_export_into_another_leaves_it_in_place(review, store, tmp_path):
    """Issue 11: `annotations import B.pdf a.json` moved A's annotations to B."""
    start, end = find(review, 0, PHRASE)
    review.apply([review.text_mark(0, start, end, "highlight", "blue"), review.note("A's")])
    review.export_w3c(tmp_path / "a.json")
    other = tmp_path / "b.pdf"
    doc = pymupdf.open(sample_report())
    doc.set_metadata({"title": "another document"})
    doc.save(other)
    b = Review(DocumentSession.open(other), store)
    assert b.session.info.sha256 != review.session.info.sha256
    report = b.import_w3c(tmp_path / "a.json")
    assert report.added == 2
    assert len(store.load(review.session.info.sha256)) == 2
    assert len(store.load(b.session.info.sha256)) == 2


def test_an_id_repeated_in_a_w3c_file_is_counted_once(review, tmp_path):
    item = {"id": "urn:uuid:0123456789abcdef0123456789abcdef", "type": "Annotation",
            "body": [{"type": "TextualBody", "value": "once", "purpose": "commenting"}],
            "target": {"source": "x"}}
    (tmp_path / "x.json").write_text(json.dumps([item] * 50), encoding="utf-8")
    report = review.import_w3c(tmp_path / "x.json")
    assert report.added == len(review.annotations) <= 1
    assert any("repeat" in reason for reason in report.skipped) or report.added == 0
