"""Glyph texts recovered from fonts (``reader.pdf.glyphs``)."""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path

import pytest
from fontTools import subset
from fontTools.ttLib import TTFont
from fontTools.ttLib.tables._g_l_y_f import GlyphCoordinates

from reader.pdf.glyphs import _texts_by_outline, glyph_texts
from reader.resources import fonts

FONT = str(next(p for p in fonts() if p.name == "NotoNaskhArabic-Regular.ttf"))


def _redrawn_subset(text: str) -> tuple[TTFont, dict[str, str]]:
    """A subset of the bundled font as Qt writes one: glyphs numbered anew, no cmap, GSUB
    or glyph names, every contour starting at another point (other points in the same
    shape, as when a producer re-splits curves). Also: each glyph's text in the full font,
    by the subset glyph's name."""
    options = subset.Options()
    options.retain_gids = False
    options.layout_features = ["*"]
    font = TTFont(FONT)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(font)
    full = TTFont(FONT)
    full_texts = glyph_texts(Path(FONT).read_bytes())
    full_ids = {name: i for i, name in enumerate(full.getGlyphOrder())}
    expected = {name: full_texts[full_ids[name]] for name in font.getGlyphOrder()
                if full_ids.get(name) in full_texts}
    glyf = font["glyf"]
    for name in font.getGlyphOrder():
        glyph = glyf[name]
        if glyph.isComposite() or glyph.numberOfContours <= 0:
            continue
        start = 0
        coordinates, flags = list(glyph.coordinates), list(glyph.flags)
        for end in glyph.endPtsOfContours:
            points = list(range(start, end + 1))
            turned = points[len(points) // 2:] + points[:len(points) // 2]
            coordinates[start:end + 1] = [glyph.coordinates[i] for i in turned]
            flags[start:end + 1] = [glyph.flags[i] for i in turned]
            start = end + 1
        glyph.coordinates = GlyphCoordinates(coordinates)
        glyph.flags = bytearray(flags)
    for table in ("cmap", "GSUB", "GPOS", "GDEF"):
        if table in font:
            del font[table]
    font["post"].formatType = 3.0
    buffer = io.BytesIO()
    font.save(buffer)
    small = TTFont(io.BytesIO(buffer.getvalue()))
    renamed = dict(zip(small.getGlyphOrder(), font.getGlyphOrder(), strict=True))
    return small, {new: expected[old] for new, old in renamed.items() if old in expected}


def test_a_renumbered_subset_with_other_points_is_read_by_shape():
    small, expected = _redrawn_subset("الفرق الفنية في القرى الجبلية")
    texts = _texts_by_outline(small, FONT)
    order = small.getGlyphOrder()
    got = {order[gid]: text for gid, text in texts.items()}
    letters = {name: t for name, t in expected.items() if "\u0621" <= t[0] <= "\u064a"}
    assert len(letters) >= 12
    assert {name: got.get(name) for name in letters} == letters


def test_a_subset_naming_a_few_mark_ligatures_only_is_read_from_the_full_font(monkeypatch):
    """Ghostscript's rewrite of AlArabiya keeps the names of its Latin glyphs and of six
    shadda ligatures (uniFC5E…, ﱞ) and no others: those few Arabic names are no reason to
    leave the installed font unasked (a page of it read as dots: 95 % of it wrong)."""
    import pymupdf

    from reader.pdf import glyphs

    font = TTFont(FONT)
    options = subset.Options()
    options.retain_gids = True  # the full font's glyph numbers, as the rewrite keeps them
    subsetter = subset.Subsetter(options)
    subsetter.populate(text="تعمل اللجنة على إصلاح الطرق")
    subsetter.subset(font)
    for table in ("cmap", "GSUB", "GPOS", "GDEF"):
        if table in font:
            del font[table]
    for record in font["name"].names:  # embedded under its own name (MuPDF: family, style)
        if record.nameID == 1:
            record.string = "NotoNaskhArabic"
    buffer = io.BytesIO()
    font.save(buffer)
    small = buffer.getvalue()
    own = {6: "!", 7: '"', 815: "\ufc5e", 816: "\ufc5f"}  # what its names give
    real = glyphs.glyph_texts
    monkeypatch.setattr(glyphs, "glyph_texts",
                        lambda data, fold=True: own if data == small else real(data, fold))
    doc = pymupdf.open()
    xref = doc.new_page().insert_font(fontname="F0", fontbuffer=small)
    full = real(Path(FONT).read_bytes())
    letters = {gid: text for gid, text in full.items() if text in "تعملاجنةىإصحطرق"}
    assert len(letters) >= 12
    table = glyphs._font_text(doc, xref)
    assert {gid: table.get(gid) for gid in letters} == letters


def test_list_bullets_drawn_as_shapes_read_as_bullets(tmp_path):
    """Chromium and Qt draw an HTML list's discs as paths, with no text: a small shape
    beside the end of each of several lines, at one x, reads as "•" before its item; a
    lone shape, or one away from any line, reads as nothing."""
    import pymupdf

    from reader.session import DocumentSession
    from tests.arabic.pdfs import boxes_pdf

    items = ["تحسين دخل الأسر", "تدريب الشباب والنساء", "دعم المشاريع الصغيرة"]
    source = boxes_pdf(tmp_path / "o.pdf", [((100, 100 + 30 * k, 500, 125 + 30 * k),
                                            f'<div dir="rtl">{t}</div>')
                                           for k, t in enumerate(items)])
    doc = pymupdf.open(source)
    page = doc[0]
    lines = [line["bbox"] for block in page.get_text("dict")["blocks"]
             for line in block.get("lines", ())]
    for _x0, y0, x1, y1 in lines:
        middle = (y0 + y1) / 2
        page.draw_circle((x1 + 6, middle), 2.2, color=None, fill=(0, 0, 0))
    page.draw_circle((300, 700), 2.2, color=None, fill=(0, 0, 0))  # no line beside it
    doc.save(tmp_path / "bullets.pdf")
    text = DocumentSession.open(tmp_path / "bullets.pdf").page_model(0).text
    assert text.split("\n") == [f"• {t}" for t in items]


# Our own text, printed by Chromium with Noto Naskh as tests/fixtures/chromium-vocalized.pdf.
_VOCALIZED = (
    "حَدَّثَنَا عَبْدُ اللَّهِ بْنُ يُوسُفَ، قَالَ: أَخْبَرَنَا مَالِكٌ عَنْ هِشَامٍ، عَنْ "
    "أَبِيهِ، قَالَ: سَمِعْتُ الْمُعَلِّمَ يَقُولُ: الْعِلْمُ نُورٌ، وَالْجَهْلُ ظَلَامٌ، "
    "فَاطْلُبُوا الْعِلْمَ مِنَ الْمَهْدِ إِلَى اللَّحْدِ، قَالَ: وَكَانَ يُحِبُّ الْكِتَابَ "
    "وَيُكْرِمُ أَهْلَهُ، وَيَقُولُ: مَنْ سَلَكَ طَرِيقًا يَلْتَمِسُ فِيهِ عِلْمًا سَهَّلَ "
    "اللَّهُ لَهُ بِهِ طَرِيقًا إِلَى الْجَنَّةِ. قَالَ: وَالْكَلِمَةُ الطَّيِّبَةُ صَدَقَةٌ، "
    "وَتَبَسُّمُكَ فِي وَجْهِ أَخِيكَ صَدَقَةٌ.")


def test_letters_mupdf_drops_from_chromium_clusters_are_read_from_the_trace():
    """Chromium writes each vocalized cluster as /ActualText; MuPDF drops some of their
    letters and keeps the marks (الطَّيِّبَةُ read الطَّيِّبَ, صَدَقَةٌ read صَدَقَ.ٌ). The
    text trace draws them: they are read from it, and none is read twice."""
    from reader.session import DocumentSession

    source = _VOCALIZED.split()
    path = Path(__file__).parent.parent / "fixtures" / "chromium-vocalized.pdf"
    words = DocumentSession.open(path).page_model(0).text.split()
    assert len(words) == len(source)
    wrong = {a for a, b in zip(source, words, strict=True) if a != b}
    # Still wrong: الله's ActualText (its second lam drawn apart from the rest), a lam
    # MuPDF drops beside another, a heh whose mark went past the comma, a final damma;
    # and a lam-alef's vowel written by the convention (ظَلاَمٌ), now that its lam's
    # cluster stands at its glyph and joins the alef.
    assert wrong <= {"اللَّهِ", "اللَّهُ", "الْعِلْمُ", "أَهْلَهُ،", "الطَّيِّبَةُ", "ظَلَامٌ،"}
    assert words[-1] == "صَدَقَةٌ." and words[source.index("الطَّيِّبَةُ")].startswith(
        "الطَّيِّبَة")


def test_a_letter_mupdf_drops_as_a_copy_of_a_clusters_last_letter_is_read():
    """Chromium with DejaVu Sans draws لا as one glyph and gives it as /ActualText: MuPDF
    puts its alef, without width, where the glyph ends, and leaves out the alef drawn next
    there as a copy of it (الاجتماع read لاجتماع). Our own sentence, printed so as
    tests/fixtures/chromium-dejavu-lam-alef.pdf."""
    from reader.session import DocumentSession

    path = Path(__file__).parent.parent / "fixtures" / "chromium-dejavu-lam-alef.pdf"
    text = DocumentSession.open(path).page_model(0).text
    assert text == "عقد الاجتماع الاقتصادي الأول للإسكان في القرية."


def test_a_lines_last_mark_drawn_before_the_line_goes_on_its_letter(tmp_path):
    """ReportLab draws the mark of a line's last (leftmost) letter in a span of its own
    before the line; MuPDF puts it at the line's right end, beside its first letter
    (شَبِمُ وَاحَرَّ read شَبِم وَُاحَرَّ). It is an em and more from the glyph before it in
    its line, which calls the mark pass; the trace's place for a damma on that line, left
    over, is where it goes. (The page's trace is given: the shape ReportLab's has.)"""
    import pymupdf

    from reader.arabic.raw import glyph
    from reader.pdf.glyphs import _far_mark, _marks_on_their_letters

    doc = pymupdf.open()
    page = doc.new_page()
    y, top, bottom = 182.0, 170.0, 186.0
    letters = [("م", 363.0, 370.0), ("ب", 370.0, 373.2), ("ش", 373.2, 382.0),
               (" ", 382.0, 385.0), ("و", 467.9, 472.9)]
    damma = glyph("\u064f", (472.9, top, 472.9, bottom), y, 13)  # where MuPDF put it
    glyphs = [glyph(t, (a, top, b, bottom), y, 13) for t, a, b in letters] + [damma]
    # MuPDF's line, as rawdict gives it: in logical order (right to left), the damma last,
    # after م but at the line's right end.
    line = [({"size": 13.0, "chars": [{"c": t, "bbox": (a, top, b, bottom)} for t, a, b in
                                      [*letters[::-1], ("\u064f", 472.9, 472.9)]]},
             "و شبم\u064f")]
    assert _far_mark(line)
    font = {"dir": (1.0, 0.0), "size": 13.0, "font": "DejaVuSans"}
    page._qari_trace = [
        {**font, "chars": [(0x0645, 10, (300.0, 160.0), (295.0, 150.0, 300.0, 164.0))]},
        {**font, "chars": [(0x064F, 5, (363.0, y), (363.0, top, 366.0, bottom))]},
        {**font, "chars": [(ord(t), 7, (a, y), (a, top, b, bottom)) for t, a, b in letters]}]
    moved = _marks_on_their_letters(page, glyphs)[-1]
    assert moved.text == "\u064f" and 363.0 <= moved.box[0] <= 370.0  # on م


# Our own text, set by XeLaTeX (polyglossia, Amiri) as tests/fixtures/xetex-vocalized.pdf.
_XETEX_VOCALIZED = (
    "كتبَ الطالبُ درساً جديداً في دفترٍ صغيرٍ، ثمّ قرأهُ مرّةً ثانيةً أمامَ معلّمٍ كريمٍ. "
    "وقالَ إنّ العلمَ نورٌ، وإنّ الصبرَ مفتاحُ الفرجِ، فاستمعَ الجميعُ إليهِ باهتمامٍ كبيرٍ.")


def test_a_word_final_mark_xetex_draws_past_the_word_gap_stays_on_its_word():
    """XeTeX draws a word's last mark after moving its pen across the word space; MuPDF
    puts it there, at the edge of the next word's first letter (كتبَ الطالبُ read
    كتب اَلطالب), while the trace draws it over its letter. A mark that far outside the
    glyph before it (a fifth of an em) calls the mark pass."""
    from reader.session import DocumentSession

    path = Path(__file__).parent.parent / "fixtures" / "xetex-vocalized.pdf"
    words = DocumentSession.open(path).page_model(0).text.split()
    assert words == _XETEX_VOCALIZED.split()


def test_a_mark_at_the_edge_of_the_glyph_before_it_calls_no_mark_pass():
    """Marks at (or inside) the glyph drawn before them are where most producers put them:
    the trace is not read for them."""
    from reader.pdf.glyphs import _far_mark

    def line(mark_x: float) -> list[tuple[dict, str]]:
        chars = [{"c": "ن", "bbox": (458.5, 250.0, 466.0, 274.0)},
                 {"c": "\u0651", "bbox": (mark_x, 250.0, mark_x, 274.0)},
                 {"c": "ا", "bbox": (451.8, 250.0, 454.6, 274.0)}]
        return [({"size": 13.2, "chars": chars}, "نّا")]

    assert not _far_mark(line(458.5))  # at the letter's end
    assert not _far_mark(line(460.0))  # over it
    assert _far_mark(line(454.6))  # past the word gap, at the next word's letter


def test_a_glyph_whose_actualtext_reads_another_letter_adds_no_letter():
    """Typst maps a glyph shared by clusters (a vowel mark drawn first) to the first
    cluster's letter and gives each cluster's text as /ActualText: where MuPDF reads
    another letter at the glyph's very origin, the trace's letter is no dropped letter
    (دَرْسٌ read مدَلرْسٌ). A letter the trace draws with nothing at its place still is."""
    import pymupdf

    from reader.arabic.raw import glyph
    from reader.pdf.glyphs import _dropped_letters

    page = pymupdf.open().new_page()
    y, top, bottom = 65.2, 50.0, 74.0
    glyphs = [glyph("\u064e", (531.8, top, 531.8, bottom), y, 12),  # as MuPDF reads them
              glyph("د", (531.8, top, 531.8, bottom), y, 12),
              glyph("ر", (527.5, top, 527.5, bottom), y, 12)]
    font = {"dir": (1.0, 0.0), "size": 12.0, "font": "Amiri"}
    page._qari_trace = [
        {**font, "chars": [(0x0645, 4, (531.8, y), (531.8, top, 531.8, bottom)),  # "م" + fatha
                           (0x064E, -1, (531.8, y), (531.8, top, 531.8, bottom))]},
        {**font, "chars": [(0x0642, 9, (400.0, y), (400.0, top, 405.0, bottom))]}]  # ق alone
    added = _dropped_letters(page, glyphs)
    assert [g.text for g in added] == ["ق"]


_GS_VOCALIZED = "كَتَبَ الطَّالِبُ دَرْسًا قَصِيرًا، ثُمَّ قَرَأَهُ عَلَى مُعَلِّمِهِ."


def test_marks_are_read_at_their_ink_where_the_font_draws_them_off_their_origin():
    """Ghostscript's rewrite of a page set in Amiri keeps each mark's origin where the
    pen stood and draws the mark two to six points to its right, over the letter its
    origin is not on (كَتَبَ read كَتبَ, قَرَأَهُ read قرَأَهُ). Where MuPDF gives the
    page's marks at their very origins, the embedded font's outlines say where they are.
    (Our own text, set by MuPDF's HTML engine and rewritten by Ghostscript: 43 KB.)"""
    from reader.session import DocumentSession

    path = Path(__file__).parent.parent / "fixtures" / "gs-vocalized.pdf"
    text = DocumentSession.open(path).page_model(0).text
    assert text.split() == _GS_VOCALIZED.split()


# Our own text, in tests/fixtures/{typst,libreoffice,weasyprint}-vocalized.pdf: Typst with
# Nazli and Scheherazade, LibreOffice and WeasyPrint with Scheherazade (10-26 KB each).
_CLUSTERED = ("كَتَبَ الطَّالِبُ دَرْسًا قَصِيرًا عَنِ الْمَطَرِ، فَمَا نَسِيَ أَنْ يَقْرَأَهُ لِأُمِّهِ. "
              "وَسَأَلَ الْمُعَلِّمُ عَنْ بِئْرٍ جَدِيدَةٍ، فَأَجَابَ الْأَوْلَادُ: "
              "إِنَّهَا قَرِيبَةٌ مِنَ النَّهْرِ.")


def _skeleton(text: str) -> list[str]:
    """A text's words as their base letters: no marks, no hamzas or maddas."""
    return ["".join(ch for ch in unicodedata.normalize("NFD", word)
                    if not unicodedata.combining(ch)) for word in text.split()]


def _marks(text: str) -> int:
    return sum(1 for ch in unicodedata.normalize("NFD", text) if unicodedata.combining(ch))


def test_each_glyph_of_a_cluster_reads_its_own_part_of_the_clusters_text():
    """Typst maps a glyph to the text of the cluster it was first drawn in: a vowel's glyph
    and its letter's both read مَ, a vowel drawn again over another letter carries that
    cluster's text as /ActualText, and MuPDF reads it all (دَدرْرسٌس, فِفِي). Read as
    drawn, a mark's glyph is its marks and a letter's its letters; Nazli's marks have
    widths (the font names them), Scheherazade draws أ as ا and a hamza mark."""
    from reader.session import DocumentSession

    path = Path(__file__).parent.parent / "fixtures" / "typst-vocalized.pdf"
    assert DocumentSession.open(path).page_model(0).text.split() == _CLUSTERED.split()


def test_a_cluster_written_as_actualtext_is_read_where_its_letter_is_drawn():
    """Chromium writes a cluster as /ActualText over its marks' glyphs and its letter's;
    MuPDF gives the text without width at the first glyph's origin, a mark's, and Amiri
    draws marks off their origin: each cluster stood in the box of the letter beside it
    (كَتَبَ read َكَتَب, فَمَا read َفَام). The trace has the letter's glyph with its box.
    (Our text, Chromium with Amiri: 26 KB.)"""
    from reader.session import DocumentSession

    path = Path(__file__).parent.parent / "fixtures" / "chromium-amiri-vocalized.pdf"
    assert DocumentSession.open(path).page_model(0).text.split() == _CLUSTERED.split()


@pytest.mark.parametrize("producer", ["libreoffice", "weasyprint"])
def test_letters_of_clusters_mapped_to_several_glyphs_are_read_once(producer: str) -> None:
    """LibreOffice with Scheherazade maps a vowel's glyph to its cluster's text and the
    letter's glyph to nothing or to a code of its font (a space, "!"); WeasyPrint maps the
    letter's glyph to the cluster's text and the vowel's glyph to nothing. Read as drawn,
    each letter comes once, from its font or the /ActualText, and no mark twice (a mark
    may still sit a letter off: أ's hamza over the next letter, الأؤلاد). "Its font" is
    the installed one for LibreOffice's subset (qari.sh installs Scheherazade for the
    tests); without it OCR names those glyphs (``tests/test_ocr_glyphs.py``)."""
    from reader.session import DocumentSession

    path = Path(__file__).parent.parent / "fixtures" / f"{producer}-vocalized.pdf"
    text = DocumentSession.open(path).page_model(0).text
    assert _skeleton(text) == _skeleton(_CLUSTERED)
    assert _marks(text) <= _marks(_CLUSTERED)  # read from both glyphs: 131 for 86


def test_a_nameless_mark_glyph_mapped_to_several_marks_is_not_one_drawn_beside_it():
    """Typst with a font that names no glyph (Nice, KacstBook): the shadda's glyph is
    mapped to the text of the first cluster it was drawn in, لِّ; the kasra's own glyph,
    mapped to ءِ, is drawn in the same cluster. So the shadda's glyph draws no kasra (every
    shadda read with a kasra: ثُمَِّ). A glyph drawn alone keeps its marks (one glyph may
    draw a shadda and its vowel)."""
    from reader.pdf.glyphs import _apart, _unnamed

    others: dict[tuple[str, int], set[str]] = {}
    run = [("Nice", 1, "\u0650"), ("Nice", 16, "\u0650\u0651")]  # ءِ's kasra, لِّ's glyph
    _apart(run, others)
    assert run == [] and _unnamed("\u0650\u0651", others.get(("Nice", 16))) == "\u0651"
    _apart([("Nice", 12, "\u064e\u0651")], others)  # a shadda-and-fatha glyph, alone
    assert _unnamed("\u064e\u0651", others.get(("Nice", 12))) == ""  # "": its map holds


def test_a_document_with_marks_mapped_as_usual_is_not_read_as_drawn():
    """Marks mapped to themselves (XeTeX): after twenty mark glyphs looked at, the
    document is not asked again (the trace is not read for it on the next pages)."""
    import pymupdf

    from reader.pdf.glyphs import _cluster_marks, _facts

    doc = pymupdf.open(Path(__file__).parent.parent / "fixtures" / "xetex-vocalized.pdf")
    assert _cluster_marks(doc[0]) is None
    assert _facts(doc).cluster_maps is False


def test_a_glyph_without_advance_mapped_to_a_letter_and_its_vowel_adds_no_letter():
    """LibreOffice (and Typst) map a vowel mark's glyph to the text of the first cluster
    it was drawn in (تَ) and the letter's glyph to nothing; the cluster's text goes as
    /ActualText. Where MuPDF puts that text elsewhere, the mark's glyph is still no
    letter MuPDF lost (قَالَ read قَاَلت)."""
    import pymupdf

    from reader.arabic.raw import glyph
    from reader.pdf.glyphs import _dropped_letters

    page = pymupdf.open().new_page()
    y, top, bottom = 80.0, 70.0, 84.0
    glyphs = [glyph("ق", (300.0, top, 300.0, bottom), y, 12),
              glyph("\u064e", (300.0, top, 300.0, bottom), y, 12)]
    font = {"dir": (1.0, 0.0), "size": 12.0, "font": "Scheherazade"}
    page._qari_trace = [{**font, "chars": [
        (0xFFFD, 11, (121.8, y), (121.8, top, 123.7, bottom)),  # the letter's glyph
        (0x062A, 13, (121.8, y), (121.8, top, 121.8, bottom)),  # the fatha's, mapped "تَ"
        (0x064E, -1, (121.8, y), (121.8, top, 121.8, bottom))]}]
    assert _dropped_letters(page, glyphs) == []


def test_a_letter_given_beside_an_unread_glyph_is_that_glyphs_text():
    """fpdf2 maps a cluster whose letter glyph its font's cmap lacks (Amiri's medial ئ) to
    the cluster's mark glyph (ئْ on the sukun's glyph) and the letter's glyph to nothing:
    the letter takes the unread glyph's box, and the glyph is read."""
    from reader.arabic.raw import glyph
    from reader.pdf.glyphs import _letters_of_unread

    ba, kasra, sukun, given, ra, unread = (
        glyph(text, (x0, 120.0, x1, 136.0), baseline, 11) for text, x0, x1, baseline in (
            ("ب", 401.01, 403.69, 133.3), ("\u0650", 402.35, 402.35, 133.3),
            ("\u0652", 399.59, 399.59, 133.3), ("ئ", 397.40, 397.40, 133.95),
            ("ر", 394.97, 398.17, 133.3), ("\ufffd", 398.17, 401.01, 133.3)))
    glyphs, left = _letters_of_unread([ba, kasra, sukun, given, ra],
                                      ((2, "amiri@5\x00191\x00\x00\x00", unread),))
    assert left == () and glyphs[3].text == "ئ" and glyphs[3].box == unread.box
    # A letter with a width of its own, or one far from the glyph, is no such text.
    far = glyph("ئ", (380.0, 120.0, 380.0, 136.0), 133.3, 11)
    glyphs, left = _letters_of_unread([ba, kasra, sukun, far, ra],
                                      ((2, "amiri@5\x00191\x00\x00\x00", unread),))
    assert len(left) == 1 and glyphs[3] is far


# Our own text, set by pdfLaTeX with babel's arabi (its ae_ Type1 fonts, no ToUnicode: the
# glyphs' names alone say what they draw) as tests/fixtures/pdftex-arabi-type1.pdf.
_PDFTEX_ARABI = (
    "تقرير عن المياه تعتمد القرى الجبلية على الآبار القديمة، وقد تراجع منسوبها لأسباب كثيرة "
    "منها قلة الأمطار وكثرة الضخ؛ لذلك تعمل المجالس المحلية على إصلاح الشبكات.")


def test_a_type1_font_without_a_map_is_read_by_its_glyph_names():
    """arabi's fonts name their glyphs after Unicode's names (behinitial, arabiccomma,
    lamwithalefhamzaaboveisolated); fontTools opens no Type1 program, FreeType gives the
    names by the glyph ids the text trace uses."""
    from reader.session import DocumentSession

    path = Path(__file__).parent.parent / "fixtures" / "pdftex-arabi-type1.pdf"
    model = DocumentSession.open(path).page_model(0)
    assert model.text.split() == _PDFTEX_ARABI.split()
    assert not model.quality.ocr and model.quality.unread == 0


def test_glyph_names_spelled_after_unicode_names_are_read():
    from reader.pdf.glyphs import name_to_text

    assert name_to_text("behinitial") == "ب"
    assert name_to_text("arabicalef") == "ا"
    assert name_to_text("alefwithhamzaaboveisolated") == "أ"
    assert name_to_text("lamwithalefhamzaaboveisolatedd") == "لأ"
    assert name_to_text("arabicindicdigitfour") == "٤"
    assert name_to_text("arabiccomma") == "،"
    assert name_to_text("seen.fina") == "س"
    assert name_to_text("fathah") == "\u064e" and name_to_text("kasrah") == "\u0650"
    # Labels that spell nothing out stay unread.
    assert name_to_text("glyph123") == "" and name_to_text("lamwithbeh") == ""


def test_a_font_mapped_to_latin_extended_letters_is_garbled_despite_a_few_arabic_codes():
    """Ghostscript numbers the glyphs of a font it cannot map as Latin Extended letters and
    maps a ligature or two to Arabic (ﰲ): the font is asked for every code, its hyphen
    and full stop too (Tholoth's alef and beh)."""
    from reader.pdf.glyphs import _font_census

    garbage = "-ŝŢŲČM ﰲ -ŝŖĬO -ŝĞĐŞŲĒűŊĖŢĨıŚČL -ŝŖĬO -ŝĞĐŞŲĒ ŉŞŮ -ųďČ1 -ŝŖĨűŢĒ"
    arabic, garbled, _suspect, _ascii, _texts = _font_census([[({"font": "Tholoth"}, garbage)]])
    assert "Tholoth" in garbled
    words = "يعتمد سكان القرى الجبلية على الآبار القديمة ﰲ Ŧest"
    arabic, garbled, *_ = _font_census([[({"font": "Amiri"}, words)]])
    assert "Amiri" in arabic and "Amiri" not in garbled


def test_a_mark_mupdf_leaves_out_at_a_lines_start_is_read_from_the_trace():
    """iText draws each line left to right, a mark before its letter at the letter's
    origin; MuPDF leaves out the mark drawn first on a line, a word's last vowel at the
    line's left end (وَطَلَب for وَطَلَبَ). Every mark the trace draws is read, once."""
    import pymupdf

    from reader.pdf.glyphs import _ARABIC_MARKS, raw_page

    path = Path(__file__).parent.parent / "fixtures" / "corpus" / "itext-amiri-vowelled.pdf"
    page = pymupdf.open(path)[0]
    drawn = sorted(chr(c[0]) for span in page.get_texttrace() for c in span["chars"]
                   if chr(c[0]) in _ARABIC_MARKS)
    given = sorted(ch["c"] for block in page.get_text("rawdict")["blocks"]
                   for line in block.get("lines", ()) for span in line["spans"]
                   for ch in span["chars"] if ch["c"] in _ARABIC_MARKS)
    assert len(given) < len(drawn)  # what MuPDF's text gives
    read = sorted(g.char for g in raw_page(page).glyphs if g.char in _ARABIC_MARKS)
    assert read == drawn
    from reader.session import DocumentSession

    assert "وَطَلَبَ" in DocumentSession.open(path).page_model(0).text.split()


def test_a_mark_a_letters_map_gives_again_beside_its_mark_glyph_is_read_once():
    """LibreOffice maps a letter's glyph to its whole cluster (أَ, ئْ) and draws the
    cluster's marks as glyphs of their own beside it: MuPDF gives the map's copy at the
    letter's right edge, where it was read as the next letter's (بَِأَنْ). The copy goes;
    the mark the glyph draws stays on its letter."""
    import pymupdf

    from reader.pdf.glyphs import _ARABIC_MARKS, _marks_given_twice
    from reader.session import DocumentSession

    path = Path(__file__).parent.parent / "fixtures" / "corpus" / \
        "libreoffice-dejavu-vowelled.pdf"
    page = pymupdf.open(path)[0]
    # The page as the trace draws it: a fatha glyph, then أ mapped to أَ.
    doubled = [(chars[k - 1][0], chars[k][0], chars[k + 1][0])
               for span in page.get_texttrace() for chars in [span["chars"]]
               for k in range(1, len(chars) - 1)
               if chars[k][1] >= 0 and chars[k + 1][1] < 0 and chars[k - 1][1] >= 0
               and chr(chars[k - 1][0]) in _ARABIC_MARKS]
    assert (0x064E, 0x0623, 0x064E) in doubled
    words = DocumentSession.open(path).page_model(0).text.split()
    for word in ("بِأَنْ", "الْبِئْرِ", "يُؤْخَذُ", "لِأَنَّ"):
        assert word in words or word + "،" in words or word + "." in words, word
    # Where no letter's map gives a mark again, nothing is taken away.
    from reader.pdf.glyphs import raw_page

    itext = pymupdf.open(Path(__file__).parent.parent / "fixtures" / "corpus" /
                         "itext-amiri-vowelled.pdf")[0]
    glyphs = list(raw_page(itext).glyphs)
    assert _marks_given_twice(itext, glyphs) == glyphs


def test_a_cluster_opened_by_a_mark_drawn_high_is_read_on_its_letters_line():
    """Chromium writes a cluster as /ActualText over its glyphs, its marks' first; MuPDF
    gives the text on the first glyph's baseline, and Nice draws a kasra under a shadda
    high enough for that to be half a line up: the cluster was read into the line above
    (كُلِّ as كُ, and لِّ after the title). Put at its letter's glyph, baseline too."""
    import pymupdf

    from reader.pdf.glyphs import raw_page
    from reader.session import DocumentSession

    path = Path(__file__).parent.parent / "fixtures" / "corpus" / "chromium-nice-vowelled.pdf"
    page = pymupdf.open(path)[0]
    body = [ch for block in page.get_text("rawdict")["blocks"]
            for line in block.get("lines", ()) for span in line["spans"]
            for ch in span["chars"]]
    lines = sorted({round(ch["origin"][1]) for ch in body if ch["c"] == "\u0644"})
    assert len(lines) > 4  # MuPDF gives lams on baselines between the lines
    read = {round(g.baseline) for g in raw_page(page).glyphs if g.text == "\u0644"}
    assert len(read) < len(lines)
    words = DocumentSession.open(path).page_model(0).text.split()
    assert "كُلِّ" in words and "الْمَاءِ" in words
    assert "لِّ" not in words
    # The lam of الْمُعَلِّمُ MuPDF leaves out is read from the trace, though the lam of
    # the next word, given at its own glyph's origin, stands within an em of it.
    assert any(w.startswith("الْمُعَل") for w in words)


def test_a_letter_drawn_as_its_seat_and_a_hamza_is_not_read_again_as_its_seat():
    """Pango draws Scheherazade's أ as an alef and a hamza; MuPDF gives أ: the alef's glyph
    is no letter MuPDF left out (بِأَنْ, not بِاأَنْ)."""
    from reader.session import DocumentSession

    path = Path(__file__).parent.parent / "fixtures" / "corpus" / \
        "pango-scheherazade-vowelled.pdf"
    text = DocumentSession.open(path).page_model(0).text
    assert "بِأَنْ" in text.split() and "اأ" not in text


def test_a_persian_yeh_named_by_a_font_is_left_to_the_letter_stage():
    """A font read by its glyph names alone (Ghostscript's subsets of Nazli keep no map)
    draws Arabic alef maksura and Persian yeh with one dotless glyph, named uni06CC.fina:
    the glyph is read as ی, and the letter stage makes a word's last ی an alef maksura on
    Arabic pages (إلى, not إلي), an inner one a yeh. Keheh is read as kaf at once."""
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    from reader.arabic.letters import fold_persian_forms

    names = [".notdef", "uni06CC.fina", "uni06CC.init", "uni06A9"]
    builder = FontBuilder(1000, isTTF=True)
    builder.setupGlyphOrder(names)
    pen = TTGlyphPen(None)
    for x0, y0, x1, y1 in ((100, 0, 400, 300), (100, 400, 400, 700)):
        pen.moveTo((x0, y0))
        pen.lineTo((x0, y1))
        pen.lineTo((x1, y1))
        pen.lineTo((x1, y0))
        pen.closePath()
    glyph = pen.glyph()
    builder.setupGlyf({name: glyph for name in names})
    builder.setupHorizontalMetrics({name: (500, 100) for name in names})
    builder.setupHorizontalHeader(ascent=800, descent=-200)
    builder.setupCharacterMap({})  # a map that names nothing
    builder.setupOS2()
    builder.setupPost()  # format 2: the glyph names are kept
    buffer = io.BytesIO()
    builder.save(buffer)
    texts = glyph_texts(buffer.getvalue())
    assert texts == {1: "ی", 2: "ی", 3: "ك"}
    assert fold_persian_forms("إل" + texts[1]) == "إلى"
    assert fold_persian_forms(texts[2] + "وم") == "يوم"


def test_slanted_glyphs_boxes_are_read_upright():
    """A glyph of a sheared (oblique) run: MuPDF's box reaches the descent's share of the
    slant left of its origin and the ascent's right past its advance. Read from its origin
    to its advance; upright glyphs of the same span stay; a span whose boxes are not the
    font's height (turned) stays as given."""
    from reader.pdf.glyphs import _unsheared

    slant, size = 0.25, 10.0

    def char(c: str, x: float, advance: float, slanted: bool) -> dict:
        left = 0.2 * size * slant if slanted else 0.0
        right = 0.8 * size * slant if slanted else 0.0
        return {"c": c, "origin": (x, 100.0), "bbox": (x - left, 92.0, x + advance + right, 102.0)}

    span = {"size": size, "ascender": 0.8, "descender": -0.2,
            "chars": [char("ب", 50.0, 5.0, False), char("ت", 40.0, 5.0, True),
                      char(" ", 37.0, 3.0, True)]}
    boxes = [ch["bbox"] for ch in _unsheared(span)]
    assert boxes[0] == (50.0, 92.0, 55.0, 102.0)
    assert [tuple(round(v, 6) for v in b) for b in boxes[1:]] == [(40.0, 92.0, 45.0, 102.0),
                                                               (37.0, 92.0, 40.0, 102.0)]
    turned = {**span, "chars": [{"c": "ب", "origin": (50.0, 100.0),
                                 "bbox": (45.0, 60.0, 60.0, 100.0)}]}
    assert _unsheared(turned) is turned["chars"]


def test_subsets_sharing_a_name_are_told_apart_by_their_glyphs_advance():
    """AbiWord's cairo writes a font's Latin-1 glyphs in a simple subset and the rest in a
    CID subset of the same name, each numbered from 1, and maps both to nothing useful:
    the fonts are asked, and glyph 3 was read from the wrong one (ال%قرير for التقرير).
    Where subsets name a glyph differently, the one whose glyph has the advance drawn
    says what it is."""
    from reader.session import DocumentSession

    path = Path(__file__).parent.parent / "fixtures" / "abiword-docx-amiri.pdf"
    text = DocumentSession.open(path).page_model(0).text
    for word in ("التقرير", "الاستدامة", "المجتمع", "المجالس", "المحلية", "اعتمد"):
        assert word in text
    assert "%" not in text.replace("38%", "").replace("71%", "")
