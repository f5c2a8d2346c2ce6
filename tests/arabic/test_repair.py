"""The repair engine on PDFs made here, one repair at a time."""

from __future__ import annotations

import unicodedata

import pytest

from reader.arabic.fold import fold
from reader.session import DocumentSession
from tests.arabic.pdfs import (
    boxes_pdf,
    columns_pdf,
    gaps_only_pdf,
    hamza_marks_first_pdf,
    legacy_visual_pdf,
    marks_first_pdf,
    report_pdf,
    shaped_pdf,
    table_pdf,
)


def page_text(path, page=0):
    return DocumentSession.open(path).page_model(page)


def norm(text):
    return " ".join(unicodedata.normalize("NFC", text).split())


def test_legacy_visual_order_and_presentation_forms(tmp_path):
    lines = ["الوصول إلى مياه الشرب في القرى", "لا يزال الطلب على الماء كبيرا"]
    model = page_text(legacy_visual_pdf(tmp_path / "legacy.pdf", lines))
    assert norm(model.text) == norm(" ".join(lines))
    assert not any(0xFB50 <= ord(c) <= 0xFEFF for c in model.text)  # base letters only
    assert model.quality.visual_order


@pytest.mark.parametrize("sentence", [
    "نشرت صحيفة Washington Post في 26/1/2022 تقريرا عن الوضع",
    "بلغ عدد الأسر 1,840 أسرة، أي 91.5% من العينة (SDF) تقريبا",
    "شاركت طائرات F-16 في العملية بحسب الكولونيل John Smith أمس",
    "للتواصل: reports@nabaa.example أو www.nabaa.example/water اليوم",
    "قال: «لقد انتهى العمل» وأضاف [تفاصيل] لاحقة",
    "في تقرير بتاريخ ٢٠٢٢/٠٢/١٥ ذكرت المنظمة أن ٣ مراكز تعمل",
    # A number after a Latin word ending in digits belongs to it too (W7 through Q3).
    "ارتفعت النسبة خلال الربع الثالث (Q3 2024) بحسب تقرير UNHCR 2023 السنوي",
    # A unit after its number: drawn as a name before one (Windows 11) would be.
    "تبعد القرية 12 km عن المدينة وتحتاج إلى 5 kWh يوميا بكلفة $2.5 million سنويا",
    "بلغت سعة الخزان 500 m3 وانخفضت الحرارة إلى -5°C ليلا",
    "أطلقت الشركة Windows 11 بسعة 64 GB وشهادة ISO 9001 في 2021",
])
def test_mixed_direction_comes_out_as_typed(tmp_path, sentence):
    for maker in (lambda p: legacy_visual_pdf(p, [sentence]),
                  lambda p: shaped_pdf(p, [f"<p>{sentence}</p>"])):
        model = page_text(maker(tmp_path / "mixed.pdf"))
        assert norm(model.text) == norm(sentence)


def test_ligatures_recovered_from_a_stripped_subset_font(tmp_path):
    # MuPDF's HTML engine maps lam-alef glyphs to junk; the subset font keeps no cmap,
    # so the text is recovered through the bundled font with the same outlines.
    text = "لا إله إلا الأمل، ولا بد من الإصلاح والاستقلال"
    model = page_text(shaped_pdf(tmp_path / "lig.pdf", [f"<p>{text}</p>"]))
    assert norm(model.text) == norm(text)
    assert model.quality.recovered > 0 and model.quality.unmapped == 0


def test_harakat_stay_on_their_letters(tmp_path):
    # (Marks on a lam-alef ligature are a known limit: docs/EXTRACTION.md.)
    text = "حَدَّثَنَا سُفْيَانُ قَالَ: إِنَّمَا الْعَمَلُ بِالنِّيَّاتِ وَسَمِعْتُهُ يَقُولُ"
    model = page_text(shaped_pdf(tmp_path / "harakat.pdf", [f"<p>{text}</p>"]))
    assert norm(model.text) == norm(text)
    assert fold(model.text) == fold(text)


def test_right_column_before_left(tmp_path):
    right = "العمود الأيمن يبدأ القراءة " * 12
    left = "العمود الأيسر يأتي بعده " * 12
    model = page_text(columns_pdf(tmp_path / "cols.pdf", "عنوان الصفحة", right, left))
    text = norm(model.text)
    assert text.startswith("عنوان الصفحة")
    assert text.index("الأيمن") < text.index("الأيسر")
    assert text.count("الأيمن") == 12 and text.count("الأيسر") == 12
    # No line mixes the two columns.
    assert not any("الأيمن" in line.text and "الأيسر" in line.text
                   for block in model.body for line in block.lines)


def test_table_rows_read_right_to_left(tmp_path):
    rows = [["المؤشر", "المستهدف", "المتحقق"], ["المتدربون", "400", "352"]]
    model = page_text(table_pdf(tmp_path / "table.pdf", rows))
    lines = [norm(block.text) for block in model.body]
    assert "المؤشر المستهدف المتحقق" in lines
    assert "المتدربون 400 352" in lines


def test_table_set_left_to_right_still_reads_label_first(tmp_path):
    rows = [["المؤشر", "المستهدف", "المتحقق"], ["المتدربون", "400", "352"],
            ["المنح الصغيرة", "120", "120"]]
    model = page_text(table_pdf(tmp_path / "ltr.pdf", rows, left_to_right=True))
    lines = [norm(block.text) for block in model.body]
    assert "المتدربون 400 352" in lines
    assert "المنح الصغيرة 120 120" in lines


def test_running_header_page_number_and_footnote(tmp_path):
    session = DocumentSession.open(report_pdf(tmp_path / "report.pdf"))
    for index in range(3):
        model = session.page_model(index)
        body = norm(" ".join(block.text for block in model.body))
        assert "النشرة" in body and "المرصد" not in body  # header gone
        assert body.endswith("حاشية1 في أسفل الصفحة.")  # the call stays glued to its word
        assert [norm(note.text) for note in model.notes] == ["1 نص الحاشية الأولى."]
        assert {norm(b.text) for b in model.running} >= {str(index + 1)}


def test_boxes_cover_the_text(tmp_path):
    model = page_text(shaped_pdf(tmp_path / "boxes.pdf", ["<p>قرية العين الباردة</p>"]))
    boxes = model.char_boxes()
    assert len(boxes) == len(model.text)
    letters = [b for ch, b in zip(model.text, boxes, strict=True) if not ch.isspace()]
    assert all(b is not None for b in letters)
    # Reading right to left: each word's first letter is to the right of its last.
    first, last = letters[0], letters[3]
    assert first[0] > last[0]


def test_empty_page_has_no_text_layer(tmp_path):
    import pymupdf

    doc = pymupdf.open()
    doc.new_page()
    doc.save(tmp_path / "blank.pdf")
    model = page_text(tmp_path / "blank.pdf")
    assert model.text == "" and model.quality.no_text_layer


def test_sample_columns_with_uneven_paragraph_ends(sample_pdf):
    # A paragraph that ends early in one column leaves a gap that runs into the other:
    # the columns must still be told apart (right one first).
    model = DocumentSession.open(sample_pdf).page_model(3)
    text = model.text
    assert text.index("قرية العين الباردة") < text.index("تقول سيدة") < text.index(
        "قرية الصفصاف") < text.index("يعمل في القرية")
    assert not any("العين الباردة" in line.text and "الصفصاف" in line.text
                   for block in model.body for line in block.lines)


def test_page_of_spaces_only_is_empty_not_an_error():
    # Some producers draw a page's layout with space glyphs and nothing else.
    from reader.arabic.raw import RawPage, glyph
    from reader.arabic.repair import repair_page

    spaces = tuple(glyph(" ", (x, 90.0, x + 3, 103.0), 100.0, 12.0) for x in (50.0, 53.0, 300.0))
    model = repair_page(RawPage(0, 595, 842, spaces, (), 0))
    assert model.text == "" and model.body == []


def test_latin_tail_of_an_arabic_sentence_wrapped_onto_its_own_line():
    # "... منظمة الصحة العالمية (WHO)¹." with "(WHO)¹." alone on the next line, drawn as an
    # Arabic renderer draws it: the full stop at the left end, the opening bracket mirrored
    # at the right.
    from reader.arabic.raw import RawPage, glyph
    from reader.arabic.repair import repair_page

    size = 12.0
    glyphs = []
    x = 500.0
    for ch in reversed("منظمة الصحة العالمية"):  # first line, right to left
        glyphs.append(glyph(ch, (x - 6, 88.0, x, 103.0), 100.0, size))
        x -= 6
    tail = [(".", 3), ("W", 8), ("H", 8), ("O", 8), (")", 4), ("1", 5), (")", 4)]
    x = 500.0 - sum(w for _, w in tail)
    for ch, width in tail:  # second line, as drawn from left to right
        glyphs.append(glyph(ch, (x, 104.0, x + width, 119.0), 116.0, size))
        x += width
    text = repair_page(RawPage(0, 595, 842, tuple(glyphs), (), 0)).text
    assert text.endswith("(WHO)1.")


@pytest.mark.parametrize("gap_em", [0.15, 0.22, 0.3])
def test_words_drawn_without_space_glyphs_next_to_a_line_with_them(tmp_path, gap_em):
    """Word breaks come from each line's own gaps: a page with space glyphs elsewhere (an
    English line) glued a gaps-only line's words together."""
    lines = ["انطلقت الدراسة من نقطة بداية عشوائية", "وجمع الفريق البيانات من الأسر"]
    path = gaps_only_pdf(tmp_path / "gaps.pdf", lines, gap_em)
    text = DocumentSession.open(path).page_model(0).text
    assert text.split("\n") == ["An English line with ordinary spaces in it.", *lines]


def test_persian_letter_forms_in_arabic_text_read_as_arabic(tmp_path):
    """Fonts that draw yeh and kaf with Persian glyphs give ی and ک: on an Arabic page they
    are the Arabic letters (a final dotless yeh is alef maksura); Persian stays Persian."""
    arabic = legacy_visual_pdf(tmp_path / "ar.pdf", ["یشیر التقریر إلی کل القری"])
    assert DocumentSession.open(arabic).page_model(0).text == "يشير التقرير إلى كل القرى"
    persian = legacy_visual_pdf(tmp_path / "fa.pdf", ["این گزارش برای کشاورزان است"])
    assert DocumentSession.open(persian).page_model(0).text == "این گزارش برای کشاورزان است"
    # A Persian font draws ٤ and ٥ with its own digits and maps them to ۴ and ۵.
    digits = legacy_visual_pdf(tmp_path / "digits.pdf", ["عدد الأسر ۴۵۰ في ۱۲ قرية"])
    assert DocumentSession.open(digits).page_model(0).text == "عدد الأسر ٤٥٠ في ١٢ قرية"
    persian = legacy_visual_pdf(tmp_path / "fa2.pdf", ["گزارش ۱۲ صفحه است"])
    assert DocumentSession.open(persian).page_model(0).text == "گزارش ۱۲ صفحه است"


def test_fold_persian_forms_keeps_length_and_marks():
    from reader.arabic.letters import fold_persian_forms, folds_persian_forms

    text = "علیٰ کتابی، فی"
    folded = fold_persian_forms(text)
    assert folded == "علىٰ كتابى، فى" and len(folded) == len(text)
    assert fold_persian_forms("بیت") == "بيت"
    assert folds_persian_forms(["ی", "ب"]) and not folds_persian_forms(["ی", "گ"])
    # A yeh drawn with its dots one above the other (Amiri's يبين) maps to Pashto's ې: on
    # an Arabic page it is ي; beside Pashto's own letters (ښ) it stays.
    assert fold_persian_forms("يبېن") == "يبين" and folds_persian_forms(["يبېن"])
    assert not folds_persian_forms(["ښې"])


WELLS = ("يعتمد سكان القرى على الآبار القديمة في الحصول على مياه الشرب، وقد تراجع منسوبها "
         "خلال السنوات الأخيرة بسبب قلة الأمطار.")
COUNCILS = ("وتعمل المجالس المحلية مع الفرق الفنية على إصلاح الشبكات، غير أن نقص التمويل "
            "يؤخر كثيرا من الأعمال المخطط لها.")
PLAN = ("ويقترح التقرير خطة من ثلاث مراحل تبدأ بحصر المصادر المتاحة ثم صيانتها ثم بناء "
        "خزانات جديدة في المواقع الأكثر حاجة.")


def _paragraphs(path):
    return [" ".join(b.text.split()) for b in DocumentSession.open(path).page_model(0).body]


@pytest.mark.parametrize("columns", [2, 3])
def test_columns_under_a_heading_read_right_to_left(tmp_path, columns):
    texts = [WELLS, COUNCILS, PLAN][:columns]
    width = (495 - (columns - 1) * 20) / columns
    boxes = [((50, 40, 545, 80), "<h2>عنوان التقرير</h2>")]
    boxes += [((545 - i * (width + 20) - width, 90, 545 - i * (width + 20), 500),
               f"<p>{text}</p>") for i, text in enumerate(texts)]
    assert _paragraphs(boxes_pdf(tmp_path / "c.pdf", boxes)) == ["عنوان التقرير", *texts]


def test_a_framed_sidebar_beside_a_paragraph_below_two_columns(tmp_path):
    """The columns are read before what lies under them (a horizontal gap wider than their
    gutter), and a framed box beside a paragraph is read after it, not line by line
    across both."""
    boxes = [((307, 90, 545, 500), f"<p>{WELLS}</p>"), ((50, 90, 287, 500), f"<p>{COUNCILS}</p>"),
             ((310, 520, 545, 640), f"<p>{PLAN}</p>"),
             ((68, 528, 292, 632), f"<p>إطار: {WELLS}</p>")]
    path = boxes_pdf(tmp_path / "s.pdf", boxes, frames=[(60, 520, 300, 640)])
    assert _paragraphs(path) == [WELLS, COUNCILS, PLAN, f"إطار: {WELLS}"]


def test_glyphs_of_a_renumbered_subset_read_by_their_outlines(tmp_path, qapp):
    """Qt embeds fonts with its own glyph numbers, at another em size, with re-split
    curves and no cmap: the lam-alef parts mapped to nothing and words lost letters
    ("خلال" read "خ ل"). Their outlines are matched with the full font's (bundled here)."""
    from PySide6.QtCore import QMarginsF, QSizeF
    from PySide6.QtGui import (
        QFontDatabase,
        QPageLayout,
        QPageSize,
        QPdfWriter,
        QTextDocument,
    )

    from tests.arabic.pdfs import FONT

    family = QFontDatabase.applicationFontFamilies(QFontDatabase.addApplicationFont(FONT))[0]
    path = tmp_path / "qt.pdf"
    writer = QPdfWriter(str(path))
    writer.setResolution(72)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait, QMarginsF(50, 50, 50, 50)))
    sentence = "تراجع منسوب الآبار خلال السنوات الأخيرة، وتأخر إصلاح الشبكات."
    text = QTextDocument()
    text.setHtml(f"<p dir='rtl' style=\"font-family: '{family}'; font-size: 14pt\">{sentence}</p>")
    text.setPageSize(QSizeF(writer.width(), writer.height()))
    text.print_(writer)
    del writer
    model = DocumentSession.open(path).page_model(0)
    assert model.text == sentence
    assert model.quality.recovered > 0


def test_numbers_with_arabic_separators_read_as_written(tmp_path):
    """The Arabic thousands and decimal separators (٬ ٫) are part of their number: they
    were taken for strong right-to-left punctuation and split it ("٤٬٣٠٠" read "٣٠٠٬٤")."""
    sentence = "بلغ عدد الأسر ٤٬٣٠٠ أسرة، أي ٤٥٪ من السكان، وكلفة 1,250 دولارا و٣٫٥ ساعات."
    path = shaped_pdf(tmp_path / "n.pdf", [f"<p>{sentence}</p>"])
    assert DocumentSession.open(path).page_model(0).text == sentence



def test_a_ghostscript_rewrite_reads_like_the_original(tmp_path):
    """Ghostscript's rewritten ToUnicode maps give Arabic glyphs Latin codes (ÿ, Ā) in the
    middle of Arabic words: recovered from the embedded font like other broken maps."""
    import shutil
    import subprocess

    gs = shutil.which("gs")
    assert gs is not None, "qari.sh test installs ghostscript"
    sentence = "يعتمد سكان القرى الجبلية على الآبار القديمة في الحصول على مياه الشرب."
    original = shaped_pdf(tmp_path / "o.pdf", [f"<p>{sentence}</p>"])
    rewritten = tmp_path / "gs.pdf"
    subprocess.run([gs, "-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=pdfwrite", "-o",
                    str(rewritten), str(original)], check=True, timeout=120)
    assert DocumentSession.open(rewritten).page_model(0).text == sentence


def test_a_font_ghostscript_renumbered_as_latin_letters(tmp_path):
    """Ghostscript can map every glyph of a font it rewrites to letters of Latin Extended
    (ĜżŨĚĨŧ) and ASCII: the whole font's text is then asked of the font itself."""
    import shutil
    import subprocess

    gs = shutil.which("gs")
    assert gs is not None, "qari.sh test installs ghostscript"
    lines = ["يعتمد سكان القرى الجبلية على الآبار القديمة في الحصول على مياه الشرب",
             "وتعمل المجالس المحلية مع الفرق الفنية على إصلاح الشبكات المتضررة"]
    original = legacy_visual_pdf(tmp_path / "o.pdf", lines)
    rewritten = tmp_path / "gs.pdf"
    subprocess.run([gs, "-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=pdfwrite", "-o",
                    str(rewritten), str(original)], check=True, timeout=120)
    assert DocumentSession.open(rewritten).page_model(0).text.split("\n") == lines


def _remapped(path, out, text_of):
    """The PDF with its font's ToUnicode map replaced: each glyph id drawn on page 1 maps
    to ``text_of(code)``, the code the original map gave it."""
    import pymupdf

    doc = pymupdf.open(path)
    codes = {gid: text_of(code) for span in doc[0].get_texttrace()
             for code, gid, *_ in span["chars"] if gid >= 0}
    body = "".join(f"<{gid:04x}> <{''.join(f'{ord(c):04x}' for c in text)}>\n"
                   for gid, text in sorted(codes.items()))
    cmap = ("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
            "/CIDSystemInfo <</Registry(Adobe)/Ordering(UCS)/Supplement 0>> def\n"
            "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n"
            f"<0000> <FFFF>\nendcodespacerange\n{len(codes)} beginbfchar\n{body}endbfchar\n"
            "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
    for xref in range(1, doc.xref_length()):
        if doc.xref_get_key(xref, "ToUnicode")[0] == "xref":
            target = int(doc.xref_get_key(xref, "ToUnicode")[1].split()[0])
            doc.update_stream(target, cmap.encode())
    doc.save(out)
    return out


def _wrong_map(path, out, only: dict[str, str] | None = None):
    """The PDF with its font's ToUnicode map replaced by one wrong throughout, as
    Ghostscript writes for some fonts: letters sent to other letters (ا as ض), ه and ي
    to Latin capitals, ج to a form feed (MuPDF then leaves its glyphs out). With
    ``only``, just those letters are wrong."""
    import unicodedata

    letters = "ابتثجحخدذرزسشصضطظعغفقكلمنوي"

    def text_of(code: int) -> str:
        if code == 0x20:
            return " "
        base = unicodedata.normalize("NFKC", chr(code))[:1]
        if only is not None:  # these letters wrong, every other glyph right
            return only.get(base, chr(code))
        wrong = {"ه": "G", "ي": "I", "ى": "I", "ج": "\x0c"}.get(base)
        if wrong is None and base in letters:
            wrong = letters[(letters.index(base) + 5) % len(letters)]
        return base if wrong is None else wrong

    return _remapped(path, out, text_of)


def test_a_map_wrong_throughout_is_not_used(tmp_path):
    """A ToUnicode map that sends Arabic glyphs to other letters (which look like text:
    ا as ض) and to Latin capitals inside Arabic words disagrees with the font's own
    tables on most glyphs: the font is asked for every glyph instead."""
    sentence = "يعتمد سكان القرى الجبلية على الآبار القديمة في الحصول على مياه الشرب."
    original = shaped_pdf(tmp_path / "o.pdf", [f"<p>{sentence}</p>"], subset=False)
    wrong = _wrong_map(original, tmp_path / "wrong.pdf")
    import pymupdf

    assert "ض" in pymupdf.open(wrong)[0].get_text()  # the map is wrong indeed
    assert DocumentSession.open(wrong).page_model(0).text == sentence


def test_marks_mapped_to_symbols_of_other_scripts_are_asked_of_the_font(tmp_path):
    """Ghostscript can map Arabic marks to CJK or technical symbols (a shadda as 乑):
    in a font that draws Arabic letters those are broken mappings, read from the font."""
    import unicodedata

    import pymupdf

    sentence = "حَدَّثَنَا عَبْدُ الرَّحْمَنِ بْنُ مُحَمَّدٍ قَالَ حَدَّثَنَا أَبُو عَامِرٍ"
    original = shaped_pdf(tmp_path / "o.pdf", [f"<p>{sentence}</p>"], subset=False)

    def text_of(code: int) -> str:  # every glyph of a mark (a shadda …) as 乑 or ⍎
        marks = [c for c in unicodedata.normalize("NFKD", chr(code)) if unicodedata.combining(c)]
        return ("\u4e51" if code % 2 else "\u234e") if marks else chr(code)

    _remapped(original, tmp_path / "symbols.pdf", text_of)
    shown = pymupdf.open(tmp_path / "symbols.pdf")[0].get_text()
    assert "\u4e51" in shown and "\u234e" in shown
    text = DocumentSession.open(tmp_path / "symbols.pdf").page_model(0).text
    assert text == DocumentSession.open(original).page_model(0).text == sentence


def test_a_ligature_mapped_to_a_letter_and_a_symbol_is_asked_of_the_font(tmp_path):
    """Ghostscript can map the Allah ligature to ل followed by a CJK code (䒋): the code
    is no letter of its own, and the whole glyph is read from the font (الله, not ال)."""
    import pymupdf

    sentence = "قال عبد الله إن الماء قليل في القرى الجبلية"
    original = shaped_pdf(tmp_path / "o.pdf", [f"<p>{sentence}</p>"], subset=False)
    ligature = 0xFFFD  # what MuPDF's HTML engine writes for the ligature

    _remapped(original, tmp_path / "cjk.pdf",
              lambda code: "\u0644\u448b" if code == ligature else chr(code))
    shown = pymupdf.open(tmp_path / "cjk.pdf")[0].get_text()
    assert "\u448b" in shown  # the map is broken indeed
    page = DocumentSession.open(tmp_path / "cjk.pdf").page_model(0)
    assert page.text == sentence and page.quality.unmapped == 0


def test_a_latin_code_inside_an_arabic_word_is_asked_of_the_font(tmp_path):
    """Ghostscript numbers a glyph it cannot map with any free code, a Latin letter or a
    symbol among them (الDكهرباء, ال©كولونيل): one such character between two letters of an
    Arabic word is no text; the font says what the glyph draws."""
    import pymupdf

    sentence = "تنقطع الكهرباء عن القرى الجبلية ساعات طويلة"
    original = shaped_pdf(tmp_path / "o.pdf", [f"<p>{sentence}</p>"], subset=False)
    kaf = {code for span in pymupdf.open(original)[0].get_texttrace()
           for code, *_ in span["chars"] if unicodedata.name(chr(code), "").endswith("KAF "
                                                                                  "MEDIAL FORM")}
    assert kaf  # MuPDF's HTML engine writes presentation forms

    _remapped(original, tmp_path / "d.pdf", lambda code: "D" if code in kaf else chr(code))
    assert "D" in pymupdf.open(tmp_path / "d.pdf")[0].get_text()  # the map is broken indeed
    assert DocumentSession.open(tmp_path / "d.pdf").page_model(0).text == sentence


def test_a_ligature_mapped_to_its_letters_reads_in_order(tmp_path):
    """Google Docs draws الله as one glyph (ﷲ) mapped to its four letters: MuPDF gives
    the alef the glyph's box and the other letters no width at its right edge, before it
    in the stream. They are one glyph's letters, in order (not حزب للها)."""
    import pymupdf

    original = shaped_pdf(tmp_path / "o.pdf", ["<p>قال عبد \ufdf2 إن حزب \ufdf2 نقل الماء</p>"],
                          subset=False)
    _remapped(original, tmp_path / "allah.pdf",
              lambda code: "\u0627\u0644\u0644\u0647" if code == 0xFDF2 else chr(code))
    chars = [c for b in pymupdf.open(tmp_path / "allah.pdf")[0].get_text("rawdict")["blocks"]
             for line in b["lines"] for span in line["spans"] for c in span["chars"]]
    assert sum(c["bbox"][2] - c["bbox"][0] < 0.01 for c in chars) == 6  # loose letters
    text = DocumentSession.open(tmp_path / "allah.pdf").page_model(0).text
    assert text == "قال عبد الله إن حزب الله نقل الماء"


def test_marks_drawn_before_their_letters_stay_on_them(tmp_path):
    """HarfBuzz-shaped producers draw a line from the left, each mark before its letter;
    MuPDF puts a mark where the glyph drawn before it ended (the next word, or another
    line's end when lines are drawn out of order). Each mark goes on its own letter."""
    lines = ["قَالَ الرَّجُلُ", "ذَهَبَ إِلَى الْبَيْتِ", "وَكَتَبَ الدَّرْسَ"]
    path = marks_first_pdf(tmp_path / "marks.pdf", lines)
    assert DocumentSession.open(path).page_model(0).text == "\n".join(lines)


def test_a_hamza_drawn_apart_goes_on_the_letter_that_carries_it(tmp_path):
    """A font that takes أ apart draws the hamza before its alef (right to left): MuPDF
    puts the mark at the end of the glyph before it, a space or the letter to its right.
    The hamza goes on the one of its two neighbours that can carry it (ت cannot), and
    never across a space (وقلنا إن: both are alefs)."""
    lines = ["تأخر الماء وقلنا إن السائل سأل سؤالا", "آمنة أسرة أكبر من إخوتها"]
    path = hamza_marks_first_pdf(tmp_path / "hamza.pdf", lines)
    assert norm(DocumentSession.open(path).page_model(0).text) == norm(" ".join(lines))


def test_arabic_glyphs_a_map_sends_to_ascii_are_read_from_the_font(tmp_path):
    """Ghostscript can map a few Arabic glyphs of a font to ASCII letters and digits (ز as
    8, ٥ as k) and the rest right: the glyphs the map sends to ASCII are asked of the font
    once it disagrees with the font on them."""
    sentence = "زار الوفد ٥ قرى وزرع ٤٠ شجرة في المزارع الزراعية الجديدة"
    original = shaped_pdf(tmp_path / "o.pdf", [f"<p>{sentence}</p>"], subset=False)
    wrong = _wrong_map(original, tmp_path / "ascii.pdf",
                       only={"ز": "8", "٥": "k", "٤": "j", "٠": "f", "ع": "Q"})
    import pymupdf

    assert "8" in pymupdf.open(wrong)[0].get_text()
    assert DocumentSession.open(wrong).page_model(0).text == sentence


def test_digits_a_map_sends_several_to_one_ascii_letter_are_read_from_the_font(
        tmp_path, monkeypatch):
    """Ghostscript's map of a renumbered Noto subset sends ٣ ٥ ٧ all to g and ٤ ٦ to f,
    and the font's quick tables (no outlines matched) name none of them: several glyphs
    the font names Arabic behind one ASCII letter are a broken map, asked of the font."""
    import reader.pdf.glyphs as glyphs

    sentence = "ولد سنة ٣٠٣ وتوفي سنة ٣٥٤ وله ٧ دواوين و٦ رسائل"
    original = shaped_pdf(tmp_path / "o.pdf", [f"<p>{sentence}</p>"], subset=False)
    wrong = _wrong_map(original, tmp_path / "digits.pdf",
                       only={"٣": "g", "٥": "g", "٧": "g", "٤": "f", "٦": "f"})
    monkeypatch.setattr(glyphs, "_votes", lambda *args: (0, 0))  # the subset names nothing
    assert DocumentSession.open(wrong).page_model(0).text == sentence


def test_latin_of_a_font_sharing_its_name_with_an_embedded_one_is_kept(tmp_path):
    """Word embeds Times New Roman as a Type0 subset for the Arabic and names the same font,
    not embedded, for the Latin: the trace cannot tell their glyphs apart, so the Latin
    is not asked of the subset's tables (R و Python read و r)."""
    import pymupdf

    original = shaped_pdf(tmp_path / "o.pdf", ["<p>تعتبر البرمجة بلغة جميلة ومفيدة</p>"],
                          subset=False)
    doc = pymupdf.open(original)
    page = doc[0]
    page.insert_text((60, 600), "Python and R", fontname="helv")
    latin = next(f[0] for f in page.get_fonts() if f[1] == "n/a")  # Helvetica, not embedded
    # Named as MuPDF names the embedded one (its program's own name), as in Word.
    name = page.get_texttrace()[0]["font"]
    doc.xref_set_key(latin, "BaseFont", "/" + name)
    doc.xref_set_key(latin, "Subtype", "/TrueType")
    doc.save(tmp_path / "shared.pdf")
    text = DocumentSession.open(tmp_path / "shared.pdf").page_model(0).text
    assert "Python and R" in text and "تعتبر البرمجة" in text


def test_an_unreadable_glyph_inside_a_number_does_not_cut_it(tmp_path, monkeypatch):
    """XeTeX writes U+FFFF for a separator its font lacks (١٬٢٠٠): when nothing can read
    it, the number stays one number (١٢٠٠), not two read in the wrong order (٢٠٠ ١)."""
    import reader.pdf.glyphs as glyphs

    sentence = "بلغ عدد البيوت ١٬٢٠٠ بيت في القرى الجبلية"
    original = shaped_pdf(tmp_path / "o.pdf", [f"<p>{sentence}</p>"], subset=False)
    wrong = _wrong_map(original, tmp_path / "ffff.pdf", only={"٬": "\uffff"})
    monkeypatch.setattr(glyphs, "font_fixes", lambda *args, **kwargs: {})  # the font lacks it
    page = DocumentSession.open(wrong).page_model(0)
    assert page.text == sentence.replace("٬", "")
    assert page.quality.unmapped >= 1  # said, not silent


def test_text_too_small_to_read_is_set_aside(tmp_path):
    """A line in a point size nobody reads (TCPDF writes its credit so on every page it
    makes, at the page's foot) is kept with the running heads, not read into the text;
    small text that is read (a footnote in 7 points) stays."""
    import pymupdf

    from reader.arabic.model import RUNNING
    from reader.resources import fonts

    font = str(next(p for p in fonts() if p.name.endswith("-Regular.ttf")))
    body, note = "تقرير عن آبار القرى الجبلية", "١ أرقام تقريبية"
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    css = f"@font-face {{font-family: Q; src: url({font});}} * {{font-family: Q;}}"
    page.insert_htmlbox(pymupdf.Rect(60, 60, 535, 120),
                        f"<p dir='rtl' style='font-size: 13pt'>{body}</p>", css=css)
    page.insert_htmlbox(pymupdf.Rect(60, 760, 535, 790),
                        f"<p dir='rtl' style='font-size: 7pt'>{note}</p>", css=css)
    page.insert_text((3, 840), "Made by a PDF library (www.example.org)", fontsize=1)
    path = tmp_path / "credit.pdf"
    doc.save(path)
    model = page_text(path)
    assert norm(model.text) == norm(f"{body} {note}")
    assert [b.text for b in model.running] == ["Made by a PDF library (www.example.org)"]
    assert all(b.kind == RUNNING for b in model.running)
    assert model.quality.glyphs >= len((body + note + "Made by").replace(" ", ""))


_CONTENTS = ["مقدمة التقرير", "منهجية العمل الميداني", "النتائج والتوصيات"]
_PAGES = ["٣", "٧", "١٢"]


def test_a_table_of_contents_reads_entry_leader_page_each_on_its_own():
    """Our own contents page: XeLaTeX (polyglossia, Amiri) with ``\\dotfill`` leaders and no
    space glyphs, and LibreOffice with a dotted tab leader, which fills the line. The dots
    stand evenly apart, wider than Amiri's ر and ي in التقرير: the word gap is not measured
    from them (it was: التقر ير); every entry is a block of its own (LibreOffice's were one
    paragraph with the heading and the text below)."""
    from pathlib import Path

    fixtures = Path(__file__).parent.parent / "fixtures"
    for name in ("xetex-contents.pdf", "libreoffice-contents.pdf"):
        page = DocumentSession.open(fixtures / name).page_model(0)
        entries = [b.text for b in page.body if "...." in b.text]
        assert len(entries) == 3, name
        for text, title, number in zip(entries, _CONTENTS, _PAGES, strict=True):
            words = text.split()
            assert text.startswith(title + " ") and words[-1] == number, (name, text)
            assert set(words[len(title.split()):-1]) == {"." * len(words[-2])}, (name, text)


def test_a_word_processors_symbol_font_bullets_read_as_bullets():
    """Our own report, written as a Word document (python-docx: right-to-left paragraphs,
    a bulleted list, a table, units) and exported by LibreOffice: its bullets are drawn in
    OpenSymbol with the symbol fonts' private code U+F0B7. Read as "•", not left to OCR
    (which named one كه at the item's end)."""
    from pathlib import Path

    path = Path(__file__).parent.parent / "fixtures" / "libreoffice-docx-report.pdf"
    page = DocumentSession.open(path).page_model(0)
    items = [b.text for b in page.body if b.kind == "list_item"]
    assert items == ["• صيانة الآبار المتوقفة في القرى الشمالية.",
                     "• توزيع خزانات بسعة 1000 L على الأسر الأشد حاجة.",
                     "• تدريب لجان محلية على إدارة الشبكات."]
    assert "يبلغ 2.5 km، وأن الأسرة تحتاج إلى 60 L يوميا" in page.text
    assert page.quality.unread == 0


_DOCX_ITALIC = [
    "تقرير التقييم السنوي لبرنامج المياه",
    "يقدم هذا التقرير تقييما مستقلا لنتائج البرنامج في عامه الثالث، ويركز على الاستدامة"
    " وعلى مشاركة المجتمع المحلي في إدارة المرافق التي أنشئت خلال السنوات الماضية.",
    "وقد اعتمد فريق التقييم على ثلاثة مصادر للبيانات:",
    "1. المقابلات مع أعضاء لجان المياه في القرى.",
    "2. سجلات الصيانة الشهرية لدى المجالس المحلية.",
    "3. زيارات ميدانية إلى عشرين موقعا مختارا.",
    "الشكل 1: تطور نسبة الأسر المخدومة بين 2021 و2024",
    "ويبين الشكل 1 أن النسبة ارتفعت من 38% إلى 71%، غير أن الفريق لاحظ أن the maintenance"
    " budget remained unchanged طوال المدة، وهو ما يهدد استمرار الخدمة في السنوات القادمة.",
    "«إن الماء الذي لا يصان اليوم لن يكون متاحا غدا، ومسؤولية حفظه تقع على الجميع دون"
    " استثناء»، كما قال أحد أعضاء اللجنة في القرية الشمالية.",
]


@pytest.mark.parametrize("fixture", ["libreoffice-docx-italic.pdf", "libreoffice-docx-kashida.pdf"])
def test_a_word_documents_italic_and_kashidas_read_as_typed(fixture):
    """Our own report as a Word document (python-docx: italic, underlined and numbered
    runs, a picture with its caption, an English phrase, an indented quotation) exported
    by LibreOffice, justified with kashidas. With Noto Naskh, which has no italic: the
    italic runs are the upright glyphs sheared, whose boxes overlap so that their space
    glyphs stood between no words (تقييمامستقلا, the whole caption and quotation one word).
    With DejaVu Sans: a kashida is two tatweels overlapping, drawn after the line's letters
    (الفري ق, then الفريـقـ)."""
    from pathlib import Path

    path = Path(__file__).parent.parent / "fixtures" / fixture
    page = DocumentSession.open(path).page_model(0)
    assert [b.text for b in page.body] == _DOCX_ITALIC
    assert page.quality.unread == 0


def test_kashidas_a_word_document_maps_to_spaces_are_read_as_kashidas():
    """LibreOffice justifies a Word document's Arabic lines in Noto Naskh with kashidas
    whose glyph its map gives as U+0020: the font draws a space with two glyphs then, and
    the one it names a tatweel is read as one (فـرق, not ف رق). Also here: superscripts
    and subscripts (م², NO₃), a line break before a web address, a table with a cell
    spanning rows (read with the first of them)."""
    from pathlib import Path

    path = Path(__file__).parent.parent / "fixtures" / "libreoffice-docx-justified.pdf"
    page = DocumentSession.open(path).page_model(0)
    assert [b.text for b in page.body] == [
        "1.2 النتائج الرئيسية",
        "بلغت مساحة الخزان الجديد 500 م2 وسعته 1200 م3، وأظهرت التحاليل خلو المياه من"
        " النترات NO3 ومن الجراثيم الضارة، كما ورد في الملحق الثاني من هذا التقرير.",
        "للاطلاع على البيانات الكاملة: https://data.example.org/water/2024",
        "ملاحظة هامة: تختلف النتائج من منطقة إلى أخرى بحسب عمق الآبار ونوع التربة وكمية"
        " الأمطار السنوية، ولذلك يجب قراءة الجدول التالي بحذر.",
        "المنطقة المؤشر القيمة", "الشمال عمق البئر 120 م", "الملوحة منخفضة",
        "الجنوب عمق البئر 85 م",
        "وتشير هذه الأرقام إلى أن الآبار الشمالية أعمق بنحو 35 مترا، وهو فرق يرفع كلفة الضخ"
        " بنسبة تقارب الخمس.",
    ]
