"""Glyphs nothing maps, named by OCR of the page: the alignment of a word's glyphs with
what OCR read there, the votes over a page, and a Qt page read on a machine without its
fonts."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from benchmarks.corpus.score import edit_distance, normalize
from reader import ocr
from reader.arabic.raw import RawPage, glyph
from reader.arabic.repair import repair_page
from reader.ocr import OcrWord
from reader.ocr_glyphs import _align, decode, missed_lines
from reader.pdf import glyphs
from reader.pdf.render_process import _pack_raw, _unpack_raw
from reader.resources import fonts
from reader.session import DocumentSession

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "corpus"
needs_tesseract = pytest.mark.skipif(not ocr.available(),
                                     reason="Tesseract with Arabic data (.ci/run installs it)")


def test_a_word_of_unread_glyphs_takes_ocrs_letters_in_drawing_order():
    # كتب drawn right to left: ب ت ك from the left; ك is mapped.
    assert _align([("b", ""), ("t", ""), (None, "ك")], ["ب", "ت", "ك"]) == [
        ("b", "ب", True), ("t", "ت", True)]
    # A ligature glyph takes two letters (in logical order): علام, لا one glyph.
    assert _align([(None, "م"), ("la", ""), (None, "ع")], ["م", "ا", "ل", "ع"]) == [
        ("la", "لا", True)]
    # A mapped glyph that disagrees with OCR: the word tells nothing.
    assert _align([("x", ""), (None, "ع")], ["ب", "ن"]) is None


def test_a_stop_whose_glyph_stood_outside_the_word_is_no_letter_of_it():
    # قال، with the comma's glyph outside the word's box: ل is not "ل،".
    assert _align([("l", ""), (None, "ا"), (None, "ق")], ["،", "ل", "ا", "ق"]) == [
        ("l", "ل", True)]


def test_a_letter_drawn_as_two_glyphs_is_not_sure_of_either():
    found = _align([("x", ""), ("y", ""), (None, "ل")], ["ك", "ل"])
    assert found is not None and [sure for *_, sure in found] == [False, False]
    assert "".join(text for _, text, _ in found) == "ك"


def _word(keys: str, x: float, line: int = 0) -> tuple[list[tuple[int, str, object]], float]:
    """Unread glyphs of one word, each 10 points wide, drawn right to left from ``x``."""
    out = []
    for i, key in enumerate(keys):
        right = x - 10 * i
        out.append((0, key, glyph("\ufffd", (right - 10, 88, right, 103), 100, 12)))
    return out, x - 10 * len(keys)


def test_votes_over_the_page_outvote_a_misreading():
    # The same three glyphs (B, Y, T: ب ي ت in their joined forms) in three words; OCR
    # misreads the third word's B as ن. N (a final nun) is drawn once.
    unread, words = [], []
    x = 500.0
    for keys, read in (("BYT", "بيت"), ("BYN", "بين"), ("BYT", "نيت")):
        drawn, left = _word(keys, x)
        unread += drawn
        words.append(OcrWord(read, (left, 88, x, 103), 1, 0, 90.0))
        x = left - 8
    raw = RawPage(0, 595, 842, (), (), 0, unmapped=len(unread), unread=tuple(unread))
    decoded, left, _names = decode(raw, words, 72)
    assert left == 0 and decoded.unread == () and decoded.recovered == 9
    assert repair_page(decoded).text == "بيت بين بيت"


def test_lines_ocr_did_not_read_are_asked_for_alone():
    drawn, left = _word("BYT", 500.0)
    other, _ = _word("BYN", 500.0)
    other = [(0, k, glyph("\ufffd", (g.box[0], 188, g.box[2], 203), 200, 12))
             for _, k, g in other]
    raw = RawPage(0, 595, 842, (), (), 0, unread=tuple(drawn + other))
    # OCR read the first line only: the second is asked for, a box around its glyphs.
    boxes = missed_lines(raw, [OcrWord("بيت", (left, 88, 500, 103), 1, 0, 90.0)], 72)
    assert len(boxes) == 1
    x0, y0, x1, y1 = boxes[0]
    assert x0 < 470 < 500 < x1 and y0 < 195 < y1


def _bare(monkeypatch: pytest.MonkeyPatch) -> None:
    """As on a machine without the system's Arabic fonts: only the bundled ones."""
    monkeypatch.setattr(glyphs, "_REFERENCES", glyphs._reference_fonts(()))


def test_unread_glyphs_travel_from_the_render_process(monkeypatch):
    _bare(monkeypatch)
    raw = glyphs.raw_page(pymupdf.open(FIXTURES / "qt-amiri-sidebar.pdf")[0])
    assert len(raw.unread) > 100 and raw.unmapped >= len(raw.unread)
    assert _unpack_raw(_pack_raw(raw)) == raw


@needs_tesseract
def test_a_qt_page_without_its_font_reads_its_own_layout_with_ocrs_letters(monkeypatch):
    """Qt maps only a letter's isolated form: most glyphs are unread. Without the font
    installed, OCR names them and the page keeps its layout (a sidebar beside the text,
    which OCR alone read across, line by line)."""
    _bare(monkeypatch)
    pdf = FIXTURES / "qt-amiri-sidebar.pdf"
    session = DocumentSession.open(pdf)
    assert session.page_model(0).quality.unusable
    model = session.ocr_page(0)
    assert model.quality.ocr and model.quality.recovered > 100
    text = model.text
    assert "وانقطاع الكهرباء ساعات طويلة" in text
    assert text.index("فصارت الأسر") < text.index("إطار: ويقترح")  # the sidebar after
    truth = normalize(pdf.with_suffix(".gt.txt").read_text(encoding="utf-8"))
    assert edit_distance(normalize(text), truth) < 0.04 * len(truth)
    # Each named letter is where its glyph is drawn.
    boxes = model.char_boxes()
    at = text.index("الكهرباء")
    assert all(boxes[at + i] is not None for i in range(len("الكهرباء")))


def test_a_glyphs_dots_are_read_from_its_outline():
    from fontTools.ttLib import TTFont

    font = next(p for p in fonts() if p.name == "NotoNaskhArabic-Regular.ttf")
    dots = glyphs.glyph_dots(font.read_bytes())
    loaded = TTFont(font)
    cmap, order = loaded.getBestCmap(), {n: i for i, n in enumerate(loaded.getGlyphOrder())}
    seen = {ch: dots[order[cmap[ord(ch)]]] for ch in "رزبتيىةخ"}
    assert seen == {"ر": "0,0", "ز": "1,0", "ب": "0,1", "ت": "2,0", "ي": "0,2", "ى": "0,0",
                    "ة": "2,0", "خ": "1,0"}
    assert dots[order[cmap[0x064E]]].endswith(",m")  # a fatha's ink is a mark's


def test_dots_of_a_font_whose_contours_have_no_point_on_the_curve():
    """DejaVu (qari.sh installs it) draws dots as contours of off-curve points only: the
    pen gives no end point for them (None), which once cost the whole font its dots."""
    from fontTools.ttLib import TTFont

    path = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    if not path.is_file():
        pytest.skip("DejaVu Sans is not installed (qari.sh installs it)")
    dots = glyphs.glyph_dots(path.read_bytes())
    loaded = TTFont(path)
    cmap, order = loaded.getBestCmap(), {n: i for i, n in enumerate(loaded.getGlyphOrder())}
    assert {ch: dots[order[cmap[ord(ch)]]] for ch in "رزبت"} == {
        "ر": "0,0", "ز": "1,0", "ب": "0,1", "ت": "2,0"}


def test_a_dot_ocr_missed_is_the_glyphs_own():
    from reader.ocr_glyphs import _dotted

    assert _dotted("ر", "f\x007\x001,0") == "ز"  # one dot above: zain
    assert _dotted("ح", "f\x007\x000,1") == "ج" and _dotted("ح", "f\x007\x001,0") == "خ"
    assert _dotted("ى", "f\x007\x000,1") == "ي"  # two dots joined in one contour
    assert _dotted("ر", "f\x007\x000,0") == "ر" and _dotted("ب", "f\x007\x000,0") == "ب"
    assert _dotted("ر", "f\x007") == "ر"  # no outline read: OCR's letter


def test_a_dot_ocr_saw_where_the_outline_has_none_is_a_harakahs():
    from reader.ocr_glyphs import _dotted

    # A fatha over ر read as the dot of ز; a shadda over س as the dots of ش.
    assert _dotted("ز", "f\x007\x000,0") == "ر" and _dotted("ش", "f\x007\x000,0") == "س"
    assert _dotted("ز", "f\x007\x001,0") == "ز"  # its dot is there
    # ج's dot and ن's sit against their bodies in some designs: OCR's letter stands.
    assert _dotted("ج", "f\x007\x000,0") == "ج" and _dotted("ن", "f\x007\x000,0") == "ن"


def _letters_with_a_mark(mark_key: str) -> list[str]:
    """بَ three times, read by OCR so: the letter glyph B and, drawn after it without
    advance, the mark glyph of ``mark_key``; the texts the decoded page gives."""
    unread, words = [], []
    x = 500.0
    for _ in range(3):
        drawn, left = _word("B", x)
        _, key, letter = drawn[0]
        mark = glyph("\ufffd", (letter.box[0], 88, letter.box[0], 103), 100, 12)
        unread += [(0, key, letter), (0, mark_key, mark)]
        words.append(OcrWord("بَ", (left, 88, x, 103), 1, 0, 90.0))
        x = left - 8
    raw = RawPage(0, 595, 842, (), (), 0, unread=tuple(unread))
    decoded, left, _names = decode(raw, words, 72)
    assert left == 0
    return [g.text for g in decoded.glyphs]


def test_a_mark_glyph_takes_the_marks_ocr_read_on_its_letter():
    assert _letters_with_a_mark("F\x009\x001,0,m") == ["ب", "\u064e"] * 3


def test_a_mark_glyphs_outline_names_it_before_ocrs_reading():
    """OCR read a fatha on each letter, but the mark glyph's outline is a damma's."""
    assert _letters_with_a_mark("F\x009\x001,0,m\x00\u064f") == ["ب", "\u064f"] * 3


def _shaped(gid: int, ranked: str, font: str = "F@9") -> str:
    return f"{font}\x00{gid}\x000,0\x00\x00{ranked}"


def _line(keys: list[str | None], y: float = 100.0) -> list[tuple[int, str, object]]:
    """Unread glyphs drawn side by side, 6 points each, on one line (None: a gap)."""
    return [(0, key, glyph("\ufffd", (300.0 - 6 * i, y - 10, 306.0 - 6 * i, y + 3), y, 12))
            for i, key in enumerate(keys) if key is not None]


def test_digits_are_named_by_their_fonts_order_where_outlines_agree_on_it():
    from reader.ocr_glyphs import digits_in_order

    # ٠ stands at glyph 540: ١ ٤ ٥ look like themselves; ٢ looks most like ٤ (but ٢ is
    # among its closest); ٠ like none, but it stands in ٠'s place, among no letters. Alef
    # (glyph 20) looks like ١, but stands in a word (beside glyph 21, no digit's look-alike).
    one, two, four, five = (_shaped(541, "١٤٢"), _shaped(542, "٤٢٣"), _shaped(544, "٤٢"),
                            _shaped(545, "٥٩"))
    alef, letter = _shaped(20, "١٤٢"), "F@9\x0021\x000,0\x00\x00"
    unread = (_line([one, two, None, four, five, one]) + _line([alef, letter], 140)
              + _line([_shaped(540, "")], 180))
    raw = RawPage(0, 595, 842, (), (), 0, unread=tuple(unread))
    assert digits_in_order(raw) == {one: "١", two: "٢", four: "٤", five: "٥",
                                    _shaped(540, ""): "٠"}


def test_two_look_alikes_name_the_digits_where_a_number_shows_them_together():
    from reader.ocr_glyphs import digits_in_order

    # ١ and ٥ look like themselves; ٢ and ٠ like no digit. ١٢٠ is a number of three.
    one, two, zero, five = (_shaped(541, "١٤٢"), _shaped(542, ""), _shaped(540, ""),
                            _shaped(545, "٥٩"))
    number = RawPage(0, 595, 842, (), (), 0, unread=tuple(
        _line([zero, two, one]) + _line([five], 140)))
    assert digits_in_order(number) == {one: "١", two: "٢", zero: "٠", five: "٥"}
    # Each alone (a list's marks, say): two look-alikes show no number.
    alone = RawPage(0, 595, 842, (), (), 0, unread=tuple(
        _line([one]) + _line([five], 140)))
    assert digits_in_order(alone) == {}


def test_digits_whose_numbers_tell_no_order_are_left_to_ocr():
    from reader.ocr_glyphs import digits_in_order

    # A subset numbering its glyphs anew: no place for ٠ that three outlines agree on.
    renumbered = [_shaped(3, "١"), _shaped(4, "٥"), _shaped(5, "٨"), _shaped(9, "٢")]
    # Look-alikes that agree on a place, but stand beside letters (an unread letter of
    # glyph 30, a mapped one): words, not numbers.
    words = [_shaped(53, "٠٨٧"), _shaped(58, "٥٩"), _shaped(59, "٦٨٢")]
    unread = _line([*renumbered]) + _line([words[0], "F@9\x0030\x000,0\x00\x00",
                                           words[1], words[2]], 140)
    mapped = (glyph("ب", (276.0, 130, 282.0, 143), 140, 12),)
    raw = RawPage(0, 595, 842, mapped, (), 0, unread=tuple(unread))
    assert digits_in_order(raw) == {}


def test_names_ocr_gave_on_one_page_serve_the_documents_other_pages(monkeypatch):
    """Page 1 cannot be read without OCR; page 2 can, but for one glyph of the same font:
    once OCR has named that glyph on page 1, page 2 reads it too without OCR (and is read
    again if it was read before)."""
    from reader.resources import sample_report

    unread, words = [], []
    x = 500.0
    pixels = ocr.DPI / 72  # the session reads OCR's words at its resolution
    for keys, read in (("BYT", "بيت"), ("BYN", "بين"), ("BYT", "بيت")):
        drawn, left = _word(keys, x)
        unread += drawn
        words.append(OcrWord(read, tuple(v * pixels for v in (left, 88, x, 103)), 1, 0, 90))
        x = left - 8
    first = RawPage(0, 595, 842, (), (), 0, unmapped=len(unread), unread=tuple(unread))
    # Page 2: "بيت" with its B unread, among enough mapped letters to be usable.
    mapped = [glyph(ch, (490 - 10 * i, 88, 500 - 10 * i, 103), 100, 12)
              for i, ch in enumerate("يت في البيت الكبير")]
    b = glyph("\ufffd", (500, 88, 510, 103), 100, 12)
    second = RawPage(1, 595, 842, tuple(mapped), (), 0, unmapped=1, unread=((0, "B", b),))
    session = DocumentSession.open(sample_report())
    monkeypatch.setattr(session, "raw_page", lambda page: (first, second)[min(page, 1)])
    monkeypatch.setattr(session, "_running", frozenset())
    monkeypatch.setattr(ocr, "cached", lambda _sha, page: words if page == 0 else None)
    before = session.page_model(1)
    assert session.page_model(0).quality.unusable
    assert "بيت في" not in before.text and before.quality.unread == 1  # the B is missing
    assert session.ocr_page(0).text == "بيت بين بيت"
    after = session.page_model(1)  # read again, not by OCR: the name serves
    assert after.text.startswith("بيت في البيت") and session.page_text(1) == after.text
    assert after.quality.unread == 0 and not after.quality.unusable


@needs_tesseract
def test_a_usable_page_with_unread_letters_keeps_its_text_layer_when_ocr_names_them(
        monkeypatch):
    """LibreOffice's subset of Scheherazade leaves four alefs to the installed font; on a
    machine without it, the page is read with OCR's help: its text layer stays (every mark
    as drawn), OCR names what it can of the alefs."""
    from tests.pdf.test_glyphs import _CLUSTERED, _skeleton

    _bare(monkeypatch)
    session = DocumentSession.open(Path(__file__).parent / "fixtures" /
                                   "libreoffice-vocalized.pdf")
    model = session.page_model(0)
    assert model.quality.unread == 4 and model.quality.unusable
    missing = sum(a != b for a, b in zip(_skeleton(model.text), _skeleton(_CLUSTERED),
                                         strict=True))
    read = session.with_ocr([0], [model])[0]
    assert read.quality.ocr and not read.quality.unusable
    assert set(read.text) - set(model.text) <= {"ا", "أ"}  # the layer's, alefs added
    named = sum(a != b for a, b in zip(_skeleton(read.text), _skeleton(_CLUSTERED),
                                       strict=True))
    assert named < missing


def test_a_glyph_ocr_could_not_name_sends_no_other_page_to_ocr(monkeypatch):
    """A glyph nothing maps and OCR does not name (a symbol apart from any word): once
    OCR was asked on one page, the other pages that hold it are not read by OCR for it."""
    from reader.resources import sample_report

    mapped = tuple(glyph(ch, (490 - 10 * i, 88, 500 - 10 * i, 103), 100, 12)
                   for i, ch in enumerate("في البيت الكبير"))
    symbol = glyph("\ufffd", (100, 300, 110, 315), 312, 12)
    pages = [RawPage(n, 595, 842, mapped, (), 0, unmapped=1, unread=((0, "S", symbol),))
             for n in (0, 1)]
    words = [OcrWord("البيت", tuple(v * ocr.DPI / 72 for v in (420, 88, 470, 103)), 1, 0, 90)]
    session = DocumentSession.open(sample_report())
    monkeypatch.setattr(session, "raw_page", lambda page: pages[min(page, 1)])
    monkeypatch.setattr(session, "_running", frozenset())
    monkeypatch.setattr(ocr, "cached", lambda _sha, _page: words)
    assert session.page_model(1).quality.unusable  # one letter-sized glyph unread
    read = session.ocr_page(0)
    assert read.text == "في البيت الكبير"  # the text layer, kept
    assert not session.page_model(1).quality.unusable


def test_two_subsets_of_one_name_keep_their_glyphs_apart(monkeypatch, tmp_path):
    """A document made of two (merged from two files): each page's font is its own object
    under the same name (Qt writes no subset prefix), its glyphs numbered its own way: a
    name OCR gives one is not the other's."""
    _bare(monkeypatch)
    merged = pymupdf.open()
    for _ in range(2):
        merged.insert_pdf(pymupdf.open(FIXTURES / "qt-amiri-sidebar.pdf"))
    merged.save(tmp_path / "merged.pdf")
    doc = pymupdf.open(tmp_path / "merged.pdf")
    first, second = (glyphs.raw_page(page) for page in doc)
    assert first.unread and second.unread
    assert not {key for _, key, _g in first.unread} & {key for _, key, _g in second.unread}


def test_digits_by_order_on_a_page_of_many_look_alikes_tries_few_places(monkeypatch):
    """Each place tried reads the page's lines: a page of thousands of glyphs that look
    like digits, in numbers everywhere, tries a bounded number of places per font."""
    from reader import ocr_glyphs

    calls = []
    real = ocr_glyphs._among_digits

    def counted(raw, shaped):
        calls.append(len(shaped))
        return real(raw, shaped)

    digits = "٠١٢٣٤٥٦٧٨٩"
    keys = [_shaped(gid, digits[(gid * 7) % 10] + digits[(gid * 3) % 10])
            for gid in range(2000)]
    unread = []
    for row in range(40):  # 40 lines of 50 glyphs side by side
        unread += _line(keys[row * 50:(row + 1) * 50], 100.0 + 16 * row)
    raw = RawPage(0, 595, 842, (), (), 0, unread=tuple(unread))
    monkeypatch.setattr(ocr_glyphs, "_among_digits", counted)
    ocr_glyphs.digits_in_order(raw)
    assert 0 < len(calls) <= ocr_glyphs._MAX_STARTS
