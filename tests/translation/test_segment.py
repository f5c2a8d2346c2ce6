from __future__ import annotations

from reader.translation.segment import page_sentences, split_sentences


def texts(text):
    return [s.text for s in split_sentences(text)]


def test_terminators_and_offsets():
    text = "بدأ المسح في الشتاء. هل انتهى؟ نعم؛ انتهى في الصيف! وماذا بعد…"
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "بدأ المسح في الشتاء.", "هل انتهى؟", "نعم؛", "انتهى في الصيف!", "وماذا بعد…"]
    assert all(text[s.start:s.end] == s.text for s in sentences)


def test_numbers_abbreviations_and_calls_do_not_split():
    assert texts("بلغت النسبة 91.5% في 26.1.2022 فقط. ثم تراجعت.") == [
        "بلغت النسبة 91.5% في 26.1.2022 فقط.", "ثم تراجعت."]
    assert texts("قال د. أحمد إن الوضع صعب. وأضاف شيئا.") == [
        "قال د. أحمد إن الوضع صعب.", "وأضاف شيئا."]
    assert texts("دعم من U.S. agencies والشركاء. انتهى.") == [
        "دعم من U.S. agencies والشركاء.", "انتهى."]
    assert texts("وفق تقارير الخبراء3. وهذا مهم.") == ["وفق تقارير الخبراء3.", "وهذا مهم."]


def test_closing_quotes_stay_with_their_sentence_and_blocks_split():
    assert texts("قال: «انتهى العمل.» ثم غادر.\nعنوان جديد") == [
        "قال: «انتهى العمل.»", "ثم غادر.", "عنوان جديد"]


def test_notes_are_marked():
    text = "نص الصفحة.\n1 حاشية أولى."
    sentences = split_sentences(text, notes_from=text.index("1 "))
    assert [s.note for s in sentences] == [False, True]


def test_numbering_is_not_a_sentence():
    assert texts("4. التوصيات\n1. إصلاح الشبكات القديمة. ثم التوزيع.") == [
        "4. التوصيات", "1. إصلاح الشبكات القديمة.", "ثم التوزيع."]


def test_each_table_cell_is_a_unit_of_its_own():
    """A table row reads as one line; its cells are separate texts to translate."""
    from reader.arabic.model import TABLE_ROW, BlockSpan

    text = "عنوان الجدول\nالمجموع 23 1,840 55%\nفقرة بعد الجدول."
    row_start = text.index("المجموع")
    cells = []
    for cell in ("المجموع", "23", "1,840", "55%"):
        at = text.index(cell, row_start)
        cells.append((at, at + len(cell)))
    spans = [BlockSpan("heading", 0, 12), BlockSpan(TABLE_ROW, row_start, cells[-1][1],
                                                   tuple(cells)),
             BlockSpan("paragraph", cells[-1][1] + 1, len(text))]
    found = [s.text for s in page_sentences(text, len(text) + 1, spans)]
    assert found == ["عنوان الجدول", "المجموع", "23", "1,840", "55%", "فقرة بعد الجدول."]
    assert [s.text for s in page_sentences(text, len(text) + 1)][1] == "المجموع 23 1,840 55%"


def test_a_table_of_contents_entry_is_one_segment_with_its_leader_and_page():
    text = "مقدمة التقرير .................... ٣\nالنتائج والتوصيات . . . . . . . . ١٢\nانتهى."
    assert [s.text for s in split_sentences(text)] == [
        "مقدمة التقرير .................... ٣", "النتائج والتوصيات . . . . . . . . ١٢", "انتهى."]
