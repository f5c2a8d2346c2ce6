"""Each stage of the repair pipeline on its own, on hand-made glyphs."""

from __future__ import annotations

import itertools

from reader.arabic.blocks import make_blocks
from reader.arabic.clusters import SPACES_GAPS, make_clusters, place_ligature_marks
from reader.arabic.line_order import left_to_right_tables, left_to_right_verse, logical_line
from reader.arabic.model import FOOTNOTE, HEADING, PARAGRAPH, Line
from reader.arabic.raw import RawPage, Rule, glyph
from reader.arabic.reading_order import reading_order, structure_order, wrapped_cells
from reader.arabic.rows import aligned_gutters, make_rows, narrow_gutters, split_rows
from reader.arabic.sanitize import sane_glyphs


def word(text: str, right: float, baseline: float, size: float = 12.0, advance: float = 6.0):
    """Glyphs of ``text`` laid right to left from ``right`` (one per letter, unshaped)."""
    return [glyph(ch, (right - advance * (i + 1), baseline - size, right - advance * i,
                       baseline + 3), baseline, size) for i, ch in enumerate(text)]

def drawn_line(drawn: list[tuple[str, float, float]], baseline: float, size: float,
               top: float, bottom: float) -> str:
    """One line of glyphs drawn (text, x0, x1) in the stream's order, read."""
    glyphs = [glyph(ch, (x0, top, x1, bottom), baseline, size) for ch, x0, x1 in drawn]
    clusters, _count, spaces = make_clusters(glyphs)
    return logical_line(split_rows(make_rows(clusters)), True, spaces).text



def test_sanitize_leaves_out_glyphs_with_no_place():
    good = word("باب", 300, 100)
    bad = [glyph("ب", (float("nan"), 0, 1, 1), 100, 12)]
    kept, dropped = sane_glyphs(RawPage(0, 595, 842, tuple(good + bad), (), 0))
    assert list(kept) == good and dropped == 1


def test_clusters_attach_a_mark_to_its_letter_and_see_no_space_glyphs():
    letters = word("بت", 300, 100)
    mark = glyph("\u064e", (letters[0].box[0] + 1, 88, letters[0].box[0] + 1, 103), 100, 12)
    clusters, count, spaces = make_clusters([*letters, mark])
    assert sorted(c.text for c in clusters) == ["ب\u064e", "ت"] and count == 3
    assert spaces == SPACES_GAPS


def test_rows_group_by_baseline_and_split_at_a_gutter():
    right = word("عمود", 500, 100) + word("يسار", 200, 100)
    lines_below = [g for y in (116, 132) for g in word("نصنصنص", 500, y) + word("نصنص", 200, y)]
    rows = make_rows(right + lines_below)
    assert [round(r.baseline) for r in rows] == [100, 116, 132]
    segments = split_rows(rows)
    assert len(segments) == 6  # each row is two columns


def test_logical_line_reads_right_to_left_with_spaces_from_gaps():
    glyphs = word("في", 300, 100) + word("بيت", 284, 100)
    [segment] = split_rows(make_rows(glyphs))
    line = logical_line([segment], True, SPACES_GAPS)
    assert line.text == "في بيت" and len(line.boxes) == len(line.text)
    assert line.boxes[2] is None  # the space has no glyph


def test_reading_order_takes_the_right_column_first():
    glyphs = []  # two columns of three lines, 20 pt apart
    for y in (100, 116, 132):
        glyphs += word("يمين" * 10, 560, y) + word("يسار" * 10, 300, y)
    segments = split_rows(make_rows(glyphs))
    rows = reading_order(segments, True, 595)
    assert [len(row) for row in rows] == [1] * 6
    assert [row[0].x0 > 300 for row in rows] == [True] * 3 + [False] * 3


def test_a_tagged_pages_structure_orders_its_rows():
    """Issue 12: a tagged PDF's structure tree is the author's reading order. A note set
    above the text that the tree puts after it is read after it; lines of one element
    keep their geometric order; a row no element holds at the page's foot stays last."""
    glyphs = []
    for y in (100, 200, 216, 232, 300):
        glyphs += word("سطر" * 8, 560, y)
    rows = reading_order(split_rows(make_rows(glyphs)), True, 595)
    note, body1, body2, body3, footer = rows
    regions = [(0, 85, 595, 104, 2),  # the note: the tree's second element
               (0, 185, 595, 236, 1)]  # the body's lines: its first
    assert structure_order(rows, regions) == [body1, body2, body3, note, footer]
    # A structure that leaves more than a fifth of the rows out is not trusted.
    assert structure_order(rows, regions[:1]) == rows
    assert structure_order(rows, []) == rows


def test_verse_halves_are_one_line_not_two_columns():
    # Two hemistichs a line, a quarter of a half's width apart or more: read across.
    glyphs = word("من الشعر", 560, 70, size=14.0)
    for y in (96, 118):
        glyphs += word("إذا الماء في الوادي تأخر", 534, y) + word("صبرنا وقلنا إن في الصبر", 335, y)
    rows = reading_order(split_rows(make_rows(glyphs)), True, 595)
    assert [len(row) for row in rows] == [1, 2, 2]


def test_blocks_tell_headings_paragraphs_and_footnotes():
    def line(text: str, top: float, size: float, bold: bool = False) -> Line:
        return Line(text, [None] * len(text), (50, top, 500, top + size), size, bold)

    lines = [(line("عنوان", 80, 18), 1), (line("نص الفقرة الأولى", 110, 12), 1),
             (line("تتمة الفقرة", 124, 12), 1), (line("1 حاشية", 780, 9), 1)]
    body, notes, running = make_blocks(lines, 12, RawPage(0, 595, 842, (), (), 0), frozenset())
    assert [b.kind for b in body] == [HEADING, PARAGRAPH]
    assert body[1].text == "نص الفقرة الأولى تتمة الفقرة"
    assert [b.kind for b in notes] == [FOOTNOTE] and running == []


def test_drawn_rules_divide_cells_however_close():
    """Cells 3 points apart with a rule drawn between them are separate cells (Qt's
    tables ran together: "المنطقةعدد القرى")."""
    from reader.arabic.raw import VRule

    glyphs = word("المنطقة", 500, 100) + word("عدد", 455, 100) + word("القرى", 432, 100)
    rows = make_rows(glyphs)
    assert len(split_rows(rows)) == 1  # 3 points: no gap a reader would call a gutter
    walls = [VRule(456.5, 80, 120)]
    cells = split_rows(rows, walls)
    assert len(cells) == 2
    assert [len(c.clusters) for c in cells] == [8, 7]
    # A tight cell's border may start below the top of a tall font's letters (ConTeXt ×
    # KacstNaskh: "الآبار١٢"): crossing the lower half of an em, it is a wall still...
    assert len(split_rows(rows, [VRule(456.5, 100 - 0.55 * 12, 104)])) == 2
    # ...but a border of the row above, ending inside this row's letters, is not.
    assert len(split_rows(rows, [VRule(456.5, 70, 100 - 0.5 * 12)])) == 1


def test_a_cell_spanning_two_rows_is_read_with_the_first():
    """A spanning cell is drawn centred between the rows it spans: it comes before the
    cells beside it, in the first of them (it was read as a line of its own)."""
    glyphs = (word("الآبار", 400, 100) + word("١٢", 300, 100)
              + word("الشمال", 520, 112)  # centred between the two rows, its own column
              + word("الخزانات", 400, 124) + word("٤", 300, 124))
    rows = reading_order(split_rows(make_rows(glyphs)), True, 595)
    texts = [sorted(round(s.x0) for s in row) for row in rows]
    assert len(rows) == 2 and len(texts[0]) == 3 and len(texts[1]) == 2


def test_a_note_call_raised_but_not_smaller_joins_its_line():
    """WeasyPrint raises a note call half an em and sets it at 0.97 of the size: it is
    read in its line after its word (it was read at the end of the line above: قلة ١);
    digits a line's height above are a line of their own."""
    line = word("الأمطار", 533, 144.2, 11) + word("وكثرة", 480, 144.2, 11)
    call = word("١", 491, 138.8, 10.67)
    above = word("بسبب قلة", 533, 119.9, 11)
    rows = make_rows(clusters_of(above + line + call))
    assert [len(r.clusters) for r in rows] == [8, 13]
    assert logical_line(split_rows(rows[1:]), True, SPACES_GAPS).text.startswith("الأمطار١")
    alone = make_rows(clusters_of(line + word("١٢", 480, 144.2 - 13, 10.67)))
    assert len(alone) == 2
    # A fraction's numerator has its denominator under it: no call (TeX's ¼ in a formula).
    fraction = make_rows(clusters_of(line + call + word("٤", 491, 152.5, 10.67)))
    assert len(fraction) == 3


def clusters_of(glyphs: list) -> list:
    return make_clusters(glyphs)[0]


def test_a_heading_between_two_tables_spans_no_rows():
    """A heading at the right between two tables set at the left stands centred between
    a row of each by chance: rows seven ems apart are no rows one cell spans (iText: the
    heading was read into the first table's last row)."""
    glyphs = (word("الآبار", 300, 100) + word("١٢", 200, 100)
              + word("جدول", 540, 140)
              + word("الخزانات", 300, 180) + word("٤", 200, 180))
    rows = reading_order(split_rows(make_rows(glyphs)), True, 595)
    assert [len(row) for row in rows] == [2, 1, 2]


def test_a_line_divided_by_a_drawn_rule_is_a_table_row():
    from reader.arabic.model import TABLE_ROW
    from reader.arabic.raw import VRule

    line = Line("الوسط ٤", [None] * 7, (300, 100, 500, 112), 11)
    raw = RawPage(0, 595, 842, (), (), 0, vrules=(VRule(400, 90, 120),))
    body, _notes, _running = make_blocks([(line, 2)], 11, raw, frozenset())
    assert body[0].kind == TABLE_ROW
    plain = RawPage(0, 595, 842, (), (), 0)
    assert make_blocks([(line, 2)], 11, plain, frozenset())[0][0].kind == PARAGRAPH


def test_rows_of_verse_stand_alone_and_a_lone_parted_line_does_not():
    """Verses (their halves apart: two cells, or one with a caesura) one after another are
    a block each, not a paragraph running on from the line before; one line that a stray
    gap parted, among prose, stays a line of its paragraph."""
    def line(text: str, top: float, cells: int = 1, caesura: bool = False) -> Line:
        return Line(text, [None] * len(text), (100, top, 500, top + 11), 11,
                    cells=[text] * cells, caesura=caesura)

    raw = RawPage(0, 595, 842, (), (), 0)
    poem = [(line("قال الشاعر في قصيدته:", 100), 1), (line("صدر البيت الأول عجزه", 113, 2), 2),
            (line("صدر البيت الثاني عجزه", 126, caesura=True), 1),
            (line("ثم يمضي النص بعدها", 139), 1)]
    body = make_blocks(poem, 11, raw, frozenset())[0]
    assert [len(b.lines) for b in body] == [1, 1, 1, 1]
    prose = [(line("سطر من فقرة", 100), 1), (line("سطر فرقته فجوة", 113, 2), 2),
             (line("وتتمة الفقرة", 126), 1)]
    assert [len(b.lines) for b in make_blocks(prose, 11, raw, frozenset())[0]] == [3]


def test_a_gap_of_several_ems_inside_a_line_is_a_caesura():
    """A row whose halves stand far apart but were not cut (the prose under the poem has
    letters in the gap) reads as one line, marked as no line of running prose."""
    verse = word("إذا الماء في الوادي", 534, 110) + word("صبرنا وقلنا", 330, 110)
    prose = word("وارتفعت أسعار السلع الأساسية في الأسواق المحلية", 534, 126)
    segments = split_rows(make_rows(verse + prose))
    assert len(segments) == 2
    lines = {round(s.baseline): logical_line([s], True, SPACES_GAPS) for s in segments}
    assert lines[110].caesura and not lines[126].caesura
    assert lines[110].text == "إذا الماء في الوادي صبرنا وقلنا"


def _justified(words: list[str], right: float, left: float, baseline: float) -> list:
    """A line of words spread evenly from ``right`` to ``left`` (glyph advance 6)."""
    widths = [6.0 * len(w) for w in words]
    gap = (right - left - sum(widths)) / max(len(words) - 1, 1)
    glyphs, x = [], right
    for w, width in zip(words, widths, strict=True):
        glyphs += word(w, x, baseline)
        x -= width + gap
    return glyphs


def _words(k: int) -> list[str]:
    """Words of lengths that differ from line to line (gaps that do not line up)."""
    lengths = [3 + (k * 7 + i * 5) % 4 for i in range(9)]
    return ["س" * n for n in lengths]


def test_a_narrow_gutter_splits_columns_but_a_river_does_not():
    # TeX sets columns 0.9 em apart (11 pt at 12 pt): narrower than a wide gap, yet a
    # straight empty strip through every line, wider than the lines' word gaps.
    glyphs = []
    for k, y in enumerate((100, 116, 132, 148)):
        glyphs += _justified(_words(k), 560, 311, y) + _justified(_words(k + 4), 300, 50, y)
    rows = reading_order(split_rows(make_rows(glyphs)), True, 595)
    assert [len(row) for row in rows] == [1] * 8
    assert [row[0].x0 > 305 for row in rows] == [True] * 4 + [False] * 4
    # The same gap in one line only (a river) leaves the lines whole.
    river = _justified(_words(0), 560, 311, 100) + _justified(_words(4), 300, 50, 100)
    for k, y in enumerate((116, 132, 148)):
        river += _justified(_words(k + 1) + _words(k + 5), 560, 50, y)
    rows = reading_order(split_rows(make_rows(river)), True, 595)
    assert [len(row) for row in rows] == [1] * 4


def _between(left: float, right: float, baseline: float, k: int) -> list:
    """Words of widths that differ from line to line (``k``) set justified from ``right``
    to ``left`` with gaps of 3.5 pt (a third of an em)."""
    widths: list[float] = []
    while sum(widths) + 3.5 * len(widths) + 14.0 <= right - left:
        widths.append(14.0 + 6.0 * ((k * 3 + len(widths) * 5) % 4))
    scale = (right - left - 3.5 * (len(widths) - 1)) / sum(widths)
    glyphs, x = [], right
    for width in widths:
        glyphs += word("سسس", x, baseline, advance=width * scale / 3)
        x -= width * scale + 3.5
    return glyphs


def test_word_gaps_lined_up_in_narrow_justified_columns_are_no_gutter():
    """Three narrow justified columns (XeTeX with KacstNaskh): the word gaps of a few
    lines of the middle one line up within half a point, as wide as half an em where
    the lines' other word gaps are a third: a river, not a column's edge. A gutter's
    lines start or end at one x; those gaps end wherever their words do."""
    glyphs = []
    river = [(285.0, 292.4), (285.6, 291.9), (285.3, 292.9)]
    for k, ((a, b), y) in enumerate(zip(river, (100, 116, 132), strict=True)):
        glyphs += _between(384.0, 538.0, y, k) + _between(56.0, 210.0, y, k + 1)
        glyphs += _between(220.0, a, y, k + 2) + _between(b, 374.0, y, k + 3)
    rows = make_rows(glyphs)
    strips = {(round(x0), round(x1)) for found in narrow_gutters(rows).values()
              for x0, x1 in found}
    assert strips == {(210, 220), (374, 384)}


def _flush_left(words: list[str], left: float, baseline: float, gap: float = 4.0) -> list:
    """A line of words set flush left, a natural ``gap`` apart, ragged on the right."""
    right = left + sum(6.0 * len(w) for w in words) + gap * (len(words) - 1)
    glyphs, x = [], right
    for w in words:
        glyphs += word(w, x, baseline)
        x -= 6.0 * len(w) + gap
    return glyphs


def test_columns_set_flush_left_split_at_their_edge_however_close():
    # Qt sets Arabic table cells flush left: the right column's lines all start at x=300,
    # while a line of the left column runs to within 3 pt of it (less than a word gap).
    left_lines = [["سسس"] * 6, ["سسسس"] * 9, ["سسس"] * 8, ["سسسس"] * 5]
    right_lines = [["صص"] * 9, ["صصصص"] * 6, ["صصص"] * 7, ["صصصصص"] * 5]
    glyphs = []
    for k, y in enumerate((100, 116, 132, 148)):
        glyphs += _flush_left(left_lines[k], 49, y) + _flush_left(right_lines[k], 300, y)
    assert round(max(g.box[2] for g in glyphs if g.box[0] < 300)) == 297
    rows = _read(glyphs)
    assert [[round(s.x0) for s in row] for row in rows] == [[300]] * 4 + [[49]] * 4
    # Words that happen to start at one x after ordinary word gaps make no edge.
    prose = [g for k, y in enumerate((100, 116, 132))
             for g in _flush_left(left_lines[k] + right_lines[k], 50, y)]
    assert [len(row) for row in _read(prose)] == [1, 1, 1]


def _line(k: int) -> list[str]:
    """Eight words of 35 letters: 230 pt justified, about 3 pt between words."""
    lengths = [4, 5, 4, 5, 4, 5, 4, 4]
    return ["س" * n for n in lengths[k % 8:] + lengths[:k % 8]]


def test_columns_whose_lines_interleave_split_however_close():
    # LibreOffice sets two table cells 4 pt apart (a third of an em), each on its own
    # line grid: no line crosses the gap, and no two lines on either side share a
    # baseline, so the gap parts two texts (lines 12 pt apart, half a line offset).
    glyphs = []
    for k in range(5):
        glyphs += _justified(_line(k), 560, 330, 100 + 12 * k)
        glyphs += _justified(_line(k + 3), 326, 96, 106 + 12 * k)
    rows = _read(glyphs)
    assert [round(row[0].x0) for row in rows] == [330] * 5 + [96] * 5


def test_a_paragraph_gap_in_a_tall_line_grid_leaves_the_columns_whole():
    # A font that sets lines 1.8 sizes apart: a paragraph gap a little over two sizes is
    # still no end of the columns (lines 21.6 pt apart, paragraphs 60 pt; gutter 6 pt).
    glyphs = []
    for k, y in enumerate((100, 121.6, 160, 181.6)):
        glyphs += _justified(_line(k), 560, 330, y) + _justified(_line(k + 4), 324, 94, y)
    rows = _read(glyphs)
    assert [round(row[0].x1) for row in rows] == [560] * 4 + [324] * 4


def _short(k: int) -> list[str]:
    """Six words of 22 letters: 150 pt justified, 3.6 pt between words."""
    lengths = [4, 4, 3, 4, 3, 4]
    return ["س" * n for n in lengths[k % 6:] + lengths[:k % 6]]


def test_a_last_column_of_two_lines_is_a_column_beside_the_others():
    # TeX balances three columns as 4 + 4 + 2 lines, 10 pt apart: the left gutter shows
    # in two rows only, beside a gutter of the same width through four.
    glyphs = []
    for k, y in enumerate((100, 114, 128, 142)):
        glyphs += _justified(_short(k), 560, 410, y) + _justified(_short(k + 1), 400, 250, y)
        if k < 2:
            glyphs += _justified(_short(k + 2), 240, 90, y)
    rows = _read(glyphs)
    assert [round(row[0].x1) for row in rows] == [560] * 4 + [400] * 4 + [240] * 2
    # A couplet's halves as far apart, with no column beside them, stay one line each.
    couplet = [g for k, y in enumerate((100, 114))
               for g in _justified(_short(k), 560, 410, y) + _justified(_short(k + 1), 400, 250, y)]
    assert len(_read(couplet)) == 2


def _flush_left(words: list[str], left: float, baseline: float) -> list:
    """A line of words set from ``left`` rightwards, 4 pt between words (Qt's cells)."""
    right = left + sum(6.0 * len(w) for w in words) + 4.0 * (len(words) - 1)
    glyphs, x = [], right
    for w in words:
        glyphs += word(w, x, baseline)
        x -= 6.0 * len(w) + 4.0
    return glyphs


def test_a_column_run_to_within_a_word_gap_of_the_next_is_a_column():
    # Qt sets three columns flush left; the left one's lines run to a word gap (4 pt) of
    # the middle one's edge, or a little more, and its last ends early; the middle one has
    # a fifth line with nothing to its left. Its lines all start at that one x.
    lefts = [["س" * 6] * 4, ["س" * 5, "س" * 7, "س" * 6, "س" * 6],
             ["س" * 5, "س" * 4, "س" * 5, "س" * 4, "س" * 5], ["س" * 9] * 2]
    ends = []
    glyphs = []
    for k, y in enumerate((106, 132, 158, 184, 210)):
        glyphs += _justified(_short(k), 538, 378, y) if k < 4 else []
        glyphs += _flush_left(_words(k)[:4], 216, y)
        if k < 4:
            line = _flush_left(lefts[k], 56, y)
            ends.append(max(g.box[2] for g in line))
            glyphs += line
    assert 216 - max(ends) == 4.0  # a word gap away
    rows = _read(glyphs)
    middle = [row for row in rows if 215 < min(g.box[0] for g in row[0].clusters) < 217]
    assert len(rows) == 13 and len(middle) == 5
    first = rows.index(middle[0])
    assert rows[first:first + 5] == middle  # the middle column read whole, in order


def _read(glyphs: list) -> list:
    """Rows, segments and reading order as the repair runs them."""
    rows = make_rows(glyphs)
    aligned = aligned_gutters(rows)
    return reading_order(split_rows(rows, aligned=aligned), True, 595, aligned.edges)


def test_list_numbers_beside_their_items_are_no_gutter():
    glyphs = []
    for y, number in zip((100, 116, 132, 148), "١٢٣٤", strict=True):
        glyphs += word(number + ".", 560, y) + word("بند من القائمة الطويلة", 545, y)
    segments = split_rows(make_rows(glyphs))
    assert len(segments) == 4


def test_paragraph_gaps_level_in_both_columns_do_not_end_the_columns():
    # LibreOffice's columns 0.6 em apart, each with two paragraphs that break at the same
    # height: the gap between paragraphs is wider than the gutter, yet under two lines.
    glyphs = []
    for k, y in enumerate((100, 116, 143, 159)):
        glyphs += _justified(_words(k), 560, 307, y) + _justified(_words(k + 4), 300, 50, y)
    rows = reading_order(split_rows(make_rows(glyphs)), True, 595)
    assert [row[0].x0 > 303 for row in rows] == [True] * 4 + [False] * 4


def test_a_short_last_column_of_a_table_is_its_own_cell():
    # Right to left, a table's last column (a number) stands at the left end of each row,
    # 0.6 em from the words: a narrow gutter (a list's numbers stand at the other end).
    glyphs = []
    for y, number in zip((100, 116, 132), ("١٢", "٤", "٩"), strict=True):
        glyphs += word("الخزانات الجديدة", 300, y) + word(number, 300 - 96 - 7, y)
    segments = split_rows(make_rows(glyphs))
    assert len(segments) == 6


def test_a_heading_set_to_one_side_above_columns_is_read_first():
    # MuPDF sets an Arabic heading at the left above three columns: it is no line of the
    # left column (read last, right to left) but the page's first line.
    glyphs = word("تقرير المتابعة", 140, 76, size=15.0)
    for k, y in enumerate((116, 129, 142, 155)):
        for right in (520, 365, 205):
            glyphs += _justified(_words(k + right), right, right - 130, y)
    rows = reading_order(split_rows(make_rows(glyphs)), True, 595)
    assert round(rows[0][0].baseline) == 76
    assert [round(row[0].x1) for row in rows[1:]] == [520] * 4 + [365] * 4 + [205] * 4


def test_arabic_laid_out_left_to_right_reads_as_drawn():
    # LuaTeX in a left-to-right paragraph lays each word's letters out from the left: read
    # right to left, the line comes out backwards (ةيامحل for لحماية); it reads as drawn.
    from reader.arabic.repair import repair_page

    sentence = "لحماية سكان القرية الجبلية من المياه الملوثة في الصيف"
    glyphs, x = [], 50.0
    for ch in sentence:
        glyphs.append(glyph(ch, (x, 88, x + 6, 103), 100, 12))
        x += 6
    page = repair_page(RawPage(0, 595, 842, tuple(glyphs), (), 0))
    assert page.text == sentence
    normal = repair_page(RawPage(0, 595, 842, tuple(word(sentence, 545, 100)), (), 0))
    assert normal.text == sentence


def test_a_tatweel_inside_a_word_is_no_word_gap():
    # XeTeX draws Amiri's lam-kaf with a kashida between them: dropped as invisible, its
    # stretch must not read as a space ("ال كتب").
    places = [("ا", 380.5, 384.8), ("ل", 378.5, 380.5), ("\u0640", 375.5, 378.5),
              ("ك", 369.4, 375.5), ("ت", 366.7, 369.4), ("ب", 363.0, 366.7)]
    glyphs = [glyph(ch, (x0, 88, x1, 103), 100, 11) for ch, x0, x1 in places]
    clusters, _count, spaces = make_clusters(glyphs)
    segment = split_rows(make_rows(clusters))[0]
    assert logical_line([segment], True, spaces).text == "الكتب"


def test_three_narrow_columns_of_ragged_lines_read_one_after_another():
    # Three columns 130 pt wide whose lines end short (under a fifth of the page): still
    # columns, eight ems and more, and read right to left.
    glyphs = []
    for k, y in enumerate((116, 129, 142, 155, 169)):
        for right in (520, 365, 205):
            glyphs += _justified(_words(k + right)[: 3 + k % 3], right, right - 90 - 6 * k, y)
    rows = reading_order(split_rows(make_rows(glyphs)), True, 595)
    assert [round(row[0].x1) for row in rows] == [520] * 5 + [365] * 5 + [205] * 5


def test_a_short_last_line_ends_a_paragraph_but_ragged_lines_do_not():
    def line(text: str, top: float, left: float) -> Line:
        # One box per character, laid right to left from x = 500, six points each.
        boxes = [(500 - 6 * (i + 1), top, 500 - 6 * i, top + 11) for i in range(len(text))]
        return Line(text, boxes, (left, top, 500, top + 11), 11)

    raw = RawPage(0, 595, 842, (), (), 0)
    # TeX: no space between paragraphs; the first ends 30 em short, room for the next
    # line's first word, which a line breaker would have pulled up.
    tex = [(line("سطر كامل من الفقرة الأولى", 100, 200), 1),
           (line("قصير.", 113, 470), 1),
           (line("بداية الفقرة الثانية", 126, 200), 1)]
    assert [len(b.lines) for b in make_blocks(tex, 11, raw, frozenset())[0]] == [2, 1]
    # Ragged lines end unevenly, but never with room for the next line's first word.
    ragged = [(line("سطر من فقرة", 100, 200), 1), (line("سطر أقصر", 113, 240), 1),
              (line("والكتب لا تكفي", 126, 200), 1)]
    assert [len(b.lines) for b in make_blocks(ragged, 11, raw, frozenset())[0]] == [3]


def _verse_rows(first: list[str], second: list[str], first_at_left: bool) -> list[list]:
    glyphs = []
    for k, (a, b) in enumerate(zip(first, second, strict=True)):
        y = 100 + 22 * k
        right, left = (b, a) if first_at_left else (a, b)
        glyphs += word(right, 534, y) + word(left, 300, y)
    return reading_order(split_rows(make_rows(glyphs)), True, 595)


# Verse of our own, rhyming on م in its second halves; the first halves end as they may.
_FIRST = ["سرى الليل فوق الماء", "ومال النخيل على الشط", "وقال الصديق لصاحبه",
          "وفي الصبح نور جديد"]
_SECOND = ["والنجم يبتسم", "والغيم يزدحم", "إن الوفاء قسم", "والقلب ملتئم"]


def test_verse_set_left_to_right_is_read_from_the_rhyme_less_half():
    def text(segment) -> str:
        return logical_line([segment], True, SPACES_GAPS).text

    rows = _verse_rows(_FIRST, _SECOND, first_at_left=True)
    flipped = left_to_right_verse(rows, True, text)
    assert flipped == set(range(4))
    line = logical_line(rows[0], True, SPACES_GAPS, cells_left_to_right=True)
    assert line.text.startswith("سرى الليل") and line.text.endswith("يبتسم")
    # Set right to left, as verse should be: read from the right, nothing flipped.
    assert left_to_right_verse(_verse_rows(_FIRST, _SECOND, False), True, text) == set()
    # Two cells a row that do not rhyme are no verse: nothing flipped.
    plain = _verse_rows(_FIRST, ["والنجم يبتسم", "والغيم يزدحم", "إن الوفاء عهد",
                                 "والقلب سعيد"], True)
    assert left_to_right_verse(plain, True, text) == set()


def test_a_two_verse_poem_follows_the_verse_the_page_set_left_to_right():
    """Two verses are too few to tell by rhyme; where the page's longer poem was set left
    to right, a short one whose halves part at the same place reads from the left too,
    the halves of a row left in one segment (a gap of an em: no gutter) included."""
    def text(segment) -> str:
        return logical_line([segment], True, SPACES_GAPS).text

    glyphs = []
    for k, (a, b) in enumerate(zip(_FIRST[:3], _SECOND[:3], strict=True)):
        # The first halves at the left, the cells' edges 20 points apart.
        glyphs += word(b, 320 + 6 * len(b), 100 + 22 * k) + word(a, 300, 100 + 22 * k)
    glyphs += word("وقال آخر في معلقته المشهورة بين الشعراء", 534, 200)  # prose between
    glyphs += word("قفا نبك من ذكرى", 300, 250) + word("بسقط اللوى", 320 + 60, 250)
    short, far = "فتوضح فالمقراة", "لما نسجتها"  # one em apart, about the same middle
    glyphs += word(short, 300, 272) + word(far, 300 + 12 + 6 * len(far), 272)
    rows = reading_order(split_rows(make_rows(glyphs)), True, 595)
    assert [len(row) for row in rows] == [2, 2, 2, 1, 2, 1]
    assert left_to_right_verse(rows, True, text) == {0, 1, 2, 4, 5}
    line = logical_line(rows[5], True, SPACES_GAPS, cells_left_to_right=True)
    assert line.text == "فتوضح فالمقراة لما نسجتها" and len(line.cells) == 2
    # The same short poem on a page with nothing set left to right reads from the right.
    alone = reading_order(split_rows(make_rows(glyphs[-(len(short) + len(far)) - 25:])),
                          True, 595)
    assert left_to_right_verse(alone, True, text) == set()


def test_a_table_with_quantities_at_the_right_was_set_left_to_right():
    glyphs = []
    for k, (name, age) in enumerate([("الشاعر", "العمر"), ("المتنبي", "٥١ سنة"),
                                     ("البحتري", "٧٨ سنة"), ("أبو تمام", "٤٣ سنة")]):
        y = 100 + 20 * k
        glyphs += word(age, 534, y) + word("٣٠٣", 420, y) + word(name, 250, y)
    rows = reading_order(split_rows(make_rows(glyphs)), True, 595)
    assert [len(r) for r in rows] == [3] * 4
    assert left_to_right_tables(rows, True) == {0, 1, 2, 3}


def test_the_marks_of_an_allah_ligature_named_with_heh_goal_go_on_lam_and_heh():
    # A font names its ligature ل ل ہ (Urdu heh goal); shadda and fatha sit on the second
    # lam, the kasra on the heh, whatever order the marks came in.
    assert place_ligature_marks("لله\u0650\u0651\u064e") == "لل\u0651\u064eه\u0650"
    assert place_ligature_marks("للہ\u0650\u0651\u064e") == "لل\u0651\u064eہ\u0650"


def test_a_kasra_on_a_lam_alef_with_its_hamza_above_goes_on_the_lam():
    # One glyph ﻷ with a kasra and a damma: أ never carries a kasra, the lam does (لِأُمِّهِ);
    # a hamza below carries its own (لإِ).
    assert place_ligature_marks("لأ\u064f\u0650") == "ل\u0650أ\u064f"
    assert place_ligature_marks("لإ\u0650") == "لإ\u0650"


def test_a_tanween_or_a_shadda_on_a_lam_alef_goes_on_the_lam():
    # The alef is the tanween's seat and is never doubled: قتيلًا, إلّا, لِطُلَّابِهِ; a
    # lone vowel follows the alef as it is mostly typed (لاَ).
    assert place_ligature_marks("لا\u064b") == "ل\u064bا"
    assert place_ligature_marks("لا\u0651") == "ل\u0651ا"
    assert place_ligature_marks("لا\u0651\u064e") == "ل\u0651\u064eا"
    assert place_ligature_marks("لا\u064e") == "لا\u064e"


def test_a_mark_touching_two_letters_goes_on_the_one_on_its_baseline():
    """MuPDF gives the characters of an /ActualText cluster one baseline: Chromium's لْ
    (Homa, Nazli) beside an ا drawn a twelfth of an em lower, the sukun at the edge of
    both and after the alef in the stream. It is the lam's (الْمَاءِ, not اْلمَاءِ)."""
    alef = glyph("ا", (527.6, 50.0, 531.1, 62.0), 59.2, 11)
    sukun = glyph("\u0652", (529.0, 49.0, 529.0, 61.0), 58.3, 11)
    lam = glyph("ل", (524.7, 49.0, 529.0, 61.0), 58.3, 11)
    clusters, _, _ = make_clusters([alef, sukun, lam])
    assert sorted(c.text for c in clusters) == ["ا", "ل\u0652"]
    # A letter a fiftieth of an em off the line is on it: the mark goes by the stream.
    sin = glyph("س", (368.21, 96.0, 376.58, 110.0), 107.2, 13)
    damma = glyph("\u064f", (368.13, 96.0, 368.13, 110.0), 107.4, 13)
    jim = glyph("ج", (367.41, 96.0, 368.13, 110.0), 107.4, 13)
    clusters, _, _ = make_clusters([sin, damma, jim])
    assert sorted(c.text for c in clusters) == ["ج", "س\u064f"]


def test_a_mark_drawn_before_its_letter_across_a_gap_goes_on_that_letter():
    # MuPDF puts a mark drawn before its letter where the glyph drawn before it ended: a
    # space's end, a little to the right of the letter (Ghostscript's rewrite of Chromium).
    letters = word("نة", 300, 100)  # ة from 288 to 294
    space = glyph(" ", (285.2, 88, 287.2, 103), 100, 12)  # 0.8 pt short of the ة
    nxt = word("بن", 285.2, 100)  # the next word, further left
    fatha = glyph("\u064e", (287.2, 88, 287.2, 103), 100, 12)
    clusters, _, _ = make_clusters([letters[0], letters[1], fatha, space, *nxt])
    assert "ة\u064e" in [c.text for c in clusters]


def test_a_mark_drawn_twice_at_its_letter_is_read_once():
    """LibreOffice draws some marks twice (a shadda with its fatha, twice over, at the
    letter's edge, apart from it in the stream): the letter carries each once (حَرََّّ)."""
    space = glyph(" ", (300.0, 88, 304.0, 103), 100, 12)
    marks = [glyph(m, (296.2, 88, 296.2, 103), 100, 12) for m in "\u064e\u0651" * 2]
    letters = word("حر", 304, 100)  # ح 298-304, ر 292-298
    clusters, _, _ = make_clusters([*marks, space, *letters])
    texts = sorted(c.text for c in clusters if c.text != " ")
    assert texts == ["ح", "ر\u064e\u0651"] or texts == ["ح\u064e\u0651", "ر"]


def test_a_mark_its_letter_carries_already_is_not_added_again():
    """Qt maps آ to the alef's glyph and draws its madda apart, as a glyph of its own: the
    letter has its madda (آ, not آٓ)."""
    alef = glyph("آ", (397.0, 88, 401.0, 103), 100, 12)
    madda = glyph("\u0653", (399.0, 88, 399.0, 103), 100, 12)
    clusters, _, _ = make_clusters([alef, madda])
    assert [c.text for c in clusters] == ["آ"]


def test_a_lam_alef_split_around_its_marks_is_one_ligature():
    # لْأَ: the lam glyph with its width, the sukun, the alef with hamza (no width, at the
    # lam's left edge) and the fatha, in that order.
    lam = glyph("ل", (185.2, 88, 191.7, 103), 100, 12)
    at = (185.2, 88, 185.2, 103)
    items = [lam, glyph("\u0652", at, 100, 12), glyph("أ", at, 100, 12),
             glyph("\u064e", at, 100, 12), *word("نصاري", 185.2, 100)]
    clusters, _, _ = make_clusters(items)
    assert "ل\u0652أ\u064e" in [c.text for c in clusters]


def test_vowels_of_a_ligature_ending_in_alef_maksura_go_before_it():
    assert place_ligature_marks("لى\u064e") == "ل\u064eى"  # عَلَى
    assert place_ligature_marks("لى\u064e\u0670") == "ل\u064eى\u0670"
    assert place_ligature_marks("لى\u064e\u0651\u064e") == "ل\u064eى\u0651\u064e"  # عَلَىَّ
    assert place_ligature_marks("لا\u064e") == "لا\u064e"  # لاَ as typed
    assert place_ligature_marks("لى\u0651\u064e") == "ل\u0651\u064eى"  # صَلَّى


def test_a_short_backward_line_beside_backward_lines_reads_as_drawn():
    # A verbatim box set left to right: most lines carry cues enough to tell alone; a
    # short one (one cue, لاصتالا) is read as its neighbours are, a forward one is not.
    from reader.arabic.repair import reversed_lines

    long = "في كثير من الحالات انتقل الطلاب إلى التعليم في المدينة الكبيرة"[::-1]
    weak = "تطوع لتوفير نظام تتبع الاتصال"
    assert reversed_lines([long, weak[::-1]]) == {0, 1}
    assert reversed_lines([long, weak]) == {0}  # الاتصال reads forwards
    assert reversed_lines(["في كثير من الحالات انتقل الطلاب", weak[::-1]]) == set()
    # Common words written backwards count (نم, يف): three cues in a line with a Latin run.
    mixed = "لحماية سكان ماساتشوستس من جائحة \\nLTR{COVID-19} تركت دروسك"
    assert reversed_lines(["".join(reversed(mixed))]) == {0}


def test_lines_set_with_tall_leading_stay_one_paragraph_and_abjad_lists_are_lists():
    from reader.arabic.model import LIST_ITEM

    def line(text: str, top: float) -> Line:
        return Line(text, [None] * len(text), (50, top, 500, top + 15), 15)

    raw = RawPage(0, 595, 842, (), (), 0)
    # Qt with Noto Sans Arabic: lines 32 pt apart at 15 pt, a gap of more than an em.
    tall = [(line("سطر من فقرة واحدة طويلة", 100 + 32 * k), 1) for k in range(9)]
    body, _notes, _running = make_blocks(tall, 15, raw, frozenset())
    assert len(body) == 1 and len(body[0].lines) == 9
    # A few one-line paragraphs as far apart stay apart (too few gaps to tell).
    body, _notes, _running = make_blocks(tall[:3], 15, raw, frozenset())
    assert len(body) == 3
    # Items numbered with Arabic letters (أ. ب. ج.) are list items, not one paragraph.
    items = [(line(f"{letter}. بند من القائمة", 100 + 18 * k), 1)
             for k, letter in enumerate("أبج")]
    body, _notes, _running = make_blocks(items, 15, raw, frozenset())
    assert [b.kind for b in body] == [LIST_ITEM] * 3


def test_a_cell_spanning_two_rows_joins_the_first_even_beside_one_segment_rows():
    # LibreOffice sets a small table at the left: الشمال spans two rows, centred between
    # them; the second row's cells stand a word gap apart and read as one segment.
    glyphs = (word("الشمال", 150, 89) + word("الآبار", 110, 78) + word("١٢", 30, 78)
              + word("الخزانات", 110, 100) + word("٤", 59, 100)
              + word("الجنوب", 150, 122) + word("الآبار", 110, 122) + word("٩", 50, 122))
    rows = _read(glyphs)
    assert [sorted(round(s.baseline) for s in row) for row in rows] == [[78, 78, 89], [100], [122]]


def test_a_cell_spanning_two_rows_joins_the_first_when_both_rows_read_as_one_segment():
    # Nice sets the cells closer: both rows beside الشمال read as one segment each, one
    # over the other; الشمال, centred between them in a column of its own, comes first.
    glyphs = (word("الشمال", 150, 89) + word("الآبار", 110, 78) + word("١٢", 59, 78)
              + word("الخزانات", 110, 100) + word("٤", 59, 100))
    rows = _read(glyphs)
    assert [sorted(round(s.baseline) for s in row) for row in rows] == [[78, 89], [100]]
    # A line between two others, but not over each other: no table, three lines.
    apart = word("الشمال", 150, 89) + word("الآبار", 110, 78) + word("الخزانات", 40, 100)
    assert len(_read(apart)) == 3


def test_letters_a_mark_glyph_repeats_from_its_ligature_are_not_read_twice():
    # WeasyPrint maps the tanween drawn on a lam-alef to the whole cluster (ل, ا, ً):
    # MuPDF gives those letters no width inside the ligature's box. The ligature has them
    # already: only the mark is new (أولًا, not أولااً).
    lam_alef = glyph("\ufefb", (512.98, 102.1, 521.83, 131.7), 126.0, 12)
    inside = [glyph(ch, (517.01, 98.1, 517.01, 127.7), 122.0, 12) for ch in "\u0627\u064b\u0644"]
    clusters, _count, _spaces = make_clusters([lam_alef, *inside])
    assert sorted(c.text for c in clusters) == ["\u0644\u064b\u0627"]


def test_a_mark_off_its_letter_follows_the_habit_of_the_page():
    # Qt draws a line leftwards, each mark right after its letter and over its middle; a
    # shadda with its vowel lands a little off its letter (د), over the edge of the next
    # (ث). Where every other mark of the page follows its letter, so does this one.
    glyphs, x = [], 560.0
    for _ in range(24):  # ب َ (a letter, then its mark over its middle), 24 times
        glyphs += [glyph("\ufe91", (x - 6, 100, x, 112), 110, 12),
                   glyph("\u064e", (x - 3, 100, x - 3, 112), 110, 12)]
        x -= 6
    dal = glyph("\ufeaa", (x - 6, 100, x, 112), 110, 12)
    shadda = glyph("\u064e\u0651", (x - 6.6, 101, x - 6.6, 113), 111, 12)  # 0.6 pt off
    tha = glyph("\ufe9b", (x - 9, 100, x - 6, 112), 110, 12)
    fatha = glyph("\u064e", (x - 7.5, 100, x - 7.5, 112), 110, 12)
    clusters, _count, _spaces = make_clusters([*glyphs, dal, shadda, tha, fatha])
    texts = {c.text[0]: c.text for c in clusters if c.text[0] in "دث"}
    assert texts == {"د": "د\u064e\u0651", "ث": "ث\u064e"}
    # A page full of such shadda glyphs (more than one in ten of its marks land on the
    # letter after them) keeps its habit: only marks well inside their letter vote.
    page, x = [], 560.0
    for _ in range(4):
        for _ in range(6):
            page += [glyph("\ufe91", (x - 6, 100, x, 112), 110, 12),
                     glyph("\u064e", (x - 3, 100, x - 3, 112), 110, 12)]
            x -= 6
        page += [glyph("\ufeaa", (x - 6, 100, x, 112), 110, 12),
                 glyph("\u064e\u0651", (x - 6.6, 101, x - 6.6, 113), 111, 12),
                 glyph("\ufe9b", (x - 9, 100, x - 6, 112), 110, 12),
                 glyph("\u064e", (x - 7.5, 100, x - 7.5, 112), 110, 12)]
        x -= 9
    clusters, _count, _spaces = make_clusters(page)
    assert sorted(c.text for c in clusters if c.text[0] in "دث") == (
        ["ث\u064e"] * 4 + ["د\u064e\u0651"] * 4)


def test_a_line_of_small_text_under_a_heading_is_its_own_row():
    # LuaTeX's title page sets the version line (9 pt) 12 pt under the title (15 pt):
    # closer than a line, yet a run of twenty letters is no note call beside the title.
    title = word("وحدات الكتابة من اليمين", 400, 100, size=15.0)
    version = word("الإصدار الأول للحزمة", 360, 112, size=9.0, advance=4.0)
    assert [round(r.baseline) for r in make_rows(title + version)] == [100, 112]
    # A call of two small digits beside a word still joins its line.
    call = word("١٢", 250, 96, size=9.0, advance=4.0)
    assert [round(r.baseline) for r in make_rows(title + call)] == [100]


def test_limits_under_a_word_are_no_note_calls_but_a_subscript_beside_it_is_its_line():
    # TeX sets lim with n→+∞ beneath it (9 pt, 7 pt lower): read into the word they made
    # "n l→i+m∞". H₂O's 2, lowered beside its letters, stays in the line.
    lim = [glyph(ch, (x, 88, x + w, 100), 100, 12) for ch, x, w in
           (("l", 118.0, 3.2), ("i", 121.2, 3.3), ("m", 124.5, 9.7))]
    limits = [glyph(ch, (x, 98, x + w, 107), 107, 9) for ch, x, w in
              (("n", 110.6, 5.0), ("→", 115.8, 9.4), ("+", 125.3, 7.2), ("∞", 132.6, 8.9))]
    assert [round(r.baseline) for r in make_rows(lim + limits)] == [100, 107]
    water = [glyph("H", (200, 88, 208, 100), 100, 12), glyph("2", (208.2, 95, 212, 103), 103, 8),
             glyph("O", (212.2, 88, 221, 100), 100, 12)]
    assert [round(r.baseline) for r in make_rows(water)] == [100]


def test_an_alef_drawn_apart_from_its_lam_is_one_lam_alef():
    # Chromium with Scheherazade draws لأ as the lam and a width-less, raised alef-hamza
    # 0.28 of the size beyond the lam's left edge, over the next letter: one cluster
    # whose box reaches the alef, and no word gap before the next letter (الأخيرة).
    alef, lam = glyph("ا", (278.45, 78, 280.05, 97), 89.2, 11), glyph(
        "ل", (264.85, 78, 266.86, 97), 89.2, 11)
    first = glyph("ا", (266.86, 78, 268.45, 97), 89.2, 11)
    hamza = glyph("أ", (261.7, 77, 261.7, 95.4), 88.0, 11)
    rest = [glyph(ch, (x0, 78, x1, 97), 89.2, 11) for ch, x0, x1 in (
        ("خ", 256.73, 261.97), ("ي", 254.76, 256.73), ("ر", 252.15, 254.76),
        ("ة", 250.15, 252.84))]
    space = glyph(" ", (268.45, 78, 271.2, 97), 89.2, 11)
    before = glyph("ت", (271.19, 78, 278.45, 97), 89.2, 11)
    clusters, _count, spaces = make_clusters([alef, before, space, first, lam, hamza, *rest])
    pair = next(c for c in clusters if c.text.startswith("ل"))
    assert pair.text == "لأ" and pair.box[0] == 261.7
    segments = split_rows(make_rows(clusters))
    assert logical_line(segments, True, spaces).text == "ات الأخيرة"


def test_a_letter_without_width_after_its_mark_makes_no_word_gap():
    # Chromium writes a letter with its tanween as ActualText: MuPDF places the letter at
    # the mark's origin, raised, width-less and flagged superscript (تراجعًا: the ع).
    # The gaps beside it are its own ink, not word gaps; a space glyph still is one.
    alef = glyph("ا", (475.36, 154, 478.52, 175), 167.25, 12.5)
    ain = glyph("ع", (480.15, 152.4, 480.15, 173.7), 165.8, 12.5, superscript=True)
    tanween = glyph("\u064b", (480.15, 152.4, 480.15, 173.7), 165.8, 12.5)
    jeem = glyph("ج", (483.7, 154, 491.64, 175), 167.25, 12.5)
    rest = [glyph(ch, (x0, 154, x1, 175), 167.25, 12.5) for ch, x0, x1 in (
        ("ا", 491.64, 494.61), ("ر", 494.61, 499.66), ("ت", 499.66, 503.1))]
    space = glyph(" ", (471.9, 154, 474.66, 175), 167.25, 12.5)
    next_word = glyph("ن", (466.2, 154, 471.9, 175), 167.25, 12.5)
    clusters, _count, spaces = make_clusters([*rest[::-1], jeem, tanween, ain, alef, space,
                                              next_word])
    segments = split_rows(make_rows(clusters))
    assert logical_line(segments, True, spaces).text == "تراجعًا ن"


def test_a_bracket_pair_closing_a_latin_run_stays_with_it():
    # Rule N0 of the bidi algorithm run backwards: "(HRW)" at the end of an English name
    # inside an Arabic sentence keeps both brackets; the closing one, drawn between the
    # name and the Arabic text, is no Arabic bracket.
    from dataclasses import dataclass

    from reader.arabic.bidi import visual_to_logical

    @dataclass
    class Unit:
        text: str

    visual = "انه " + "Human (HRW)" + " بتك"  # as drawn, left to right
    units, _flips = visual_to_logical([Unit(ch) for ch in visual], rtl=True)
    assert "".join(u.text for u in units) == "كتب Human (HRW) هنا"


def test_a_quotation_closing_on_its_own_line_closes():
    # «…» over two lines: the second line holds only the closing guillemet, which pairs
    # with nothing there. Glued to the end of a word, it closes (العملية»،).
    line = word("في العملية»، وأضاف", 400, 100)
    clusters, _count, spaces = make_clusters(line)
    assert logical_line(split_rows(make_rows(clusters)), True, spaces).text == (
        "في العملية»، وأضاف")


def test_latin_ligatures_and_superscript_digits_read_as_their_letters():
    # ﬀ is searched as ff; a note call written ² (ReportLab) is the note's number, as
    # producers that raise a plain digit give it.
    clusters, _count, _spaces = make_clusters([glyph("\ufb00", (100, 90, 108, 103), 100, 12),
                                               glyph("\u00b2", (90, 88, 94, 96), 95, 7)])
    assert sorted(c.text for c in clusters) == ["2", "ff"]


def test_a_lam_drawn_in_two_glyphs_is_one_lam():
    # Amiri draws the lam before a kaf as a connector and the lam; LibreOffice and Chromium
    # write the pair as ActualText "ل", and MuPDF gives that lam without width at the
    # connector besides the lam's own glyph: one lam, not two (الكولونيل, not اللكولونيل).
    def glyphs(order: str) -> list:
        kaf = glyph("ك", (366.53, 228, 374.18, 241), 238.6, 13)
        copy = glyph("ل", (374.2, 228, 374.2, 241), 238.6, 13)
        lam = glyph("ل", (376.61, 228, 378.88, 241), 238.6, 13)
        alef = glyph("ا", (378.9, 228, 381.72, 241), 238.6, 13)
        space = glyph(" ", (381.72, 228, 384.9, 241), 238.6, 13)
        waw = glyph("و", (384.9, 228, 389.4, 241), 238.6, 13)
        drawn = [kaf, copy, lam, alef, space, waw]
        return drawn if order == "visual" else drawn[::-1]

    for order in ("visual", "logical"):  # LibreOffice's stream order, Chromium's
        clusters, _count, spaces = make_clusters(glyphs(order))
        assert logical_line(split_rows(make_rows(clusters)), True, spaces).text == "و الك"
    # Letters of one ligature glyph, which MuPDF puts at its very edge, all stay.
    lam = glyph("ل", (376.61, 228, 378.88, 241), 238.6, 13)
    split = glyph("ل", (376.61, 228, 376.61, 241), 238.6, 13)
    clusters, _count, _spaces = make_clusters([lam, split])
    assert "".join(c.text for c in clusters) == "لل"


def test_a_note_number_set_against_its_text_starts_a_note():
    # LibreOffice sets a footnote's number against its first word (2يُنظر): each note is
    # its own block, its number a word apart, and the map keeps a box per character.
    def line(text: str, top: float) -> Line:
        return Line(text, [(50.0, top, 60.0, top + 9)] * len(text), (50, top, 500, top + 9), 9)

    lines = [(Line("نص", [None, None], (50, 100, 500, 112), 12), 1),
             (line("1يُنظر: تقرير أول.", 760), 1), (line("2يُنظر: تقرير ثان.", 772), 1)]
    _body, notes, _running = make_blocks(lines, 12, RawPage(0, 595, 842, (), (), 0),
                                         frozenset())
    assert [n.text for n in notes] == ["1 يُنظر: تقرير أول.", "2 يُنظر: تقرير ثان."]
    assert all(len(n.lines[0].boxes) == len(n.text) for n in notes)


def test_an_english_notes_number_goes_in_front():
    # LibreOffice sets a note's number at the right; in an English note it is drawn
    # against the end of the English run, a year as often as not (…profile, 20211.). The
    # next note's number (2) says it is 1: it goes in front, with its box.
    text = "UNICEF, country profile, 20211."
    boxes = [(60.0 + 4 * k, 760.0, 64.0 + 4 * k, 769.0) for k in range(len(text))]
    boxes[-2] = (533.7, 760.0, 538.75, 769.0)  # the note's number, at the right
    english = Line(text, boxes, (60, 760, 538.75, 769), 9)
    arabic = Line("2 يُنظر: تقرير.", [(500.0, 772.0, 504.0, 781.0)] * 15, (400, 772, 538.75, 781), 9)
    _body, notes, _running = make_blocks(
        [(Line("نص", [None, None], (50, 100, 500, 112), 12), 1), (english, 1), (arabic, 1)],
        12, RawPage(0, 595, 842, (), (Rule(400, 538, 750),), 0), frozenset())
    assert [n.text for n in notes] == ["1 UNICEF, country profile, 2021.", "2 يُنظر: تقرير."]
    assert notes[0].lines[0].boxes[0] == (533.7, 760.0, 538.75, 769.0)


def test_a_table_cells_wrapped_line_stays_in_its_cell():
    # A header cell too narrow for "عدد القرى" wraps its second word under the first: it
    # is the cell's next line, not a row of its own. A paragraph under the table, wider
    # than any cell, and a row under a drawn border are rows of their own.
    header = word("المنطقة", 500, 100) + word("عدد", 380, 100) + word("عدد الأسر", 260, 100)
    wrapped = word("القرى", 380, 116)
    row = word("الشمال", 500, 150) + word("٥", 380, 150) + word("٠٠٢٬١", 260, 150)  # drawn LTR
    paragraph = word("وارتفعت أسعار السلع الأساسية في الأسواق المحلية", 500, 166)
    clusters, _count, spaces = make_clusters(header + wrapped + row + paragraph)
    rows = make_rows(clusters)
    aligned = aligned_gutters(rows)
    ordered = reading_order(split_rows(rows, (), True, aligned), True, 595, aligned.edges)
    kept, further = wrapped_cells(ordered, [Rule(100, 500, 140)])
    texts = [logical_line(r, True, spaces, wrapped=w).text
             for r, w in zip(kept, further, strict=True)]
    assert texts == ["المنطقة عدد القرى عدد الأسر", "الشمال ٥ ١٬٢٠٠",
                     "وارتفعت أسعار السلع الأساسية في الأسواق المحلية"]
    line = logical_line(kept[0], True, spaces, wrapped=further[0])
    assert len(line.boxes) == len(line.text) and line.cells[1] == "عدد القرى"
    # With a border between them, the line under the header is a row of its own.
    kept, further = wrapped_cells(ordered, [Rule(100, 500, 108)])
    assert len(kept) == 4


def test_a_tatweel_that_ends_a_word_was_typed_and_stays():
    # ٣٥٤هـ: the Hijri year's abbreviation; لـ"قسد": a prefix before a quotation. A kashida
    # inside a word (a letter touches both its sides) is still dropped.
    heh = glyph("ه", (278.0, 120, 283.88, 130), 127.2, 11)
    final = glyph("\u0640", (275.6, 120, 278.01, 130), 127.2, 11)
    space = glyph(" ", (271.78, 120, 275.58, 130), 127.2, 11)
    digits = [glyph(ch, (x, 120, x + 7.6, 130), 127.2, 11)
              for ch, x in (("٣", 283.8), ("٥", 291.4), ("٤", 299.0))]  # drawn left to right
    clusters, _count, spaces = make_clusters([*digits[::-1], heh, final, space])
    assert logical_line(split_rows(make_rows(clusters)), True, spaces).text.strip() == "٣٥٤هـ"
    kaf, kashida, lam = (glyph("ك", (366.52, 120, 374.16, 130), 127.2, 11),
                         glyph("\u0640", (374.19, 120, 376.59, 130), 127.2, 11),
                         glyph("ل", (376.59, 120, 378.87, 130), 127.2, 11))
    clusters, _count, spaces = make_clusters([lam, kashida, kaf])
    assert "\u0640" not in logical_line(split_rows(make_rows(clusters)), True, spaces).text


def test_a_tatweel_after_its_letters_mark_or_before_its_letter_joins_that_letter():
    """عُيُـــون: the damma on ي is drawn between ي and its kashida; LibreOffice draws ٣٥٤هـ
    left to right, the tatweel before its heh, a space before it. Neither splits a word
    nor is lost (they read عُيُ ونِ and ٣٥٤ه)."""
    ya = glyph("ي", (344.5, 120, 350.4, 130), 127.2, 11)
    damma = glyph("\u064f", (344.5, 120, 344.5, 130), 127.2, 11)
    stretch = [glyph("\u0640", (x - 5, 120, x, 130), 127.2, 11) for x in (344.5, 339.5, 334.5)]
    waw = glyph("و", (320.5, 120, 329.6, 130), 127.2, 11)
    clusters, _count, spaces = make_clusters([ya, damma, *stretch, waw])
    assert logical_line(split_rows(make_rows(clusters)), True, spaces).text == "يُو"
    widened = next(c for c in clusters if c.text == "ي\u064f")
    assert widened.box[0] < 330  # the stretch is the ي's, up to the و
    space = glyph(" ", (271.8, 120, 275.6, 130), 127.2, 11)
    final = glyph("\u0640", (275.6, 120, 278.0, 130), 127.2, 11)
    heh = glyph("ه", (278.0, 120, 283.9, 130), 127.2, 11)
    three = glyph("٣", (283.8, 120, 291.4, 130), 127.2, 11)
    clusters, _count, spaces = make_clusters([space, final, heh, three])
    assert logical_line(split_rows(make_rows(clusters)), True, spaces).text.strip() == "٣هـ"
    # Qt draws the heh first, the words at its left, then the tatweel and the digits: the
    # tatweel's letter is the one it touches, wherever the stream has it.
    words = [glyph(ch, (x, 120, x + 4.0, 130), 127.2, 11)
             for ch, x in (("ا", 262.0), ("ل", 258.0), ("ف", 254.0), ("ي", 250.0))]
    clusters, _count, spaces = make_clusters([heh, *words, space, final, three])
    assert logical_line(split_rows(make_rows(clusters)), True, spaces).text == "٣هـ الفي"
    # LibreOffice draws a kashida as two tatweels overlapping, after the line's letters:
    # one stretch inside الفريق, between ي and ق; no word ends there (not الفري ق nor
    # الفريـقـ).
    drawn = [("ا", 182.18, 185.78), ("ل", 178.19, 182.14), ("ف", 171.69, 178.25),
             ("ر", 164.5, 171.66), ("ي", 160.9, 164.51), ("ق", 144.68, 155.51),
             (" ", 140.58, 144.7), ("ن", 133.2, 140.6), ("\u0640", 157.1, 160.9),
             ("\u0640", 155.5, 159.3)]
    assert drawn_line(drawn, 138.2, 13.0, 125.2, 141.2) == "الفريق ن"
    # The same stretch drawn in the stream right after its letter (LibreOffice's justified
    # lines from an HTML page or a Word document in two columns): the first tatweel's far
    # edge touches nothing, the stretch's does (not ميـاه).
    drawn = [(" ", 393.89, 397.7), ("م", 387.4, 393.82), ("ي", 383.8, 387.41),
             ("\u0640", 380.3, 383.81), ("\u0640", 378.6, 382.1), ("ا", 374.9, 378.54),
             ("ه", 368.69, 374.97), (" ", 364.89, 368.69), ("ف", 359.0, 364.9)]
    assert drawn_line(drawn, 138.2, 12.0, 126.2, 141.2) == "مياه ف"


def test_an_alef_between_two_lams_goes_to_the_lam_alef_glyph():
    # WeasyPrint draws اللازم with a lam-alef glyph mapped to its letters: MuPDF gives the
    # ligature's lam its whole box and the alef no width at its right edge, which is also
    # the left edge of the plain lam before it. The wider lam, the ligature, holds it.
    drawn = [("ا", 135.01, 137.86), ("ل", 131.89, 135.01), ("ا", 131.89, 131.89),
             ("ل", 124.7, 131.89), ("ز", 120.29, 124.7), ("م", 114.95, 120.76)]
    glyphs = [glyph(ch, (x0, 240, x1, 262), 255.0, 12.5) for ch, x0, x1 in drawn]
    clusters, _count, spaces = make_clusters(glyphs)
    assert logical_line(split_rows(make_rows(clusters)), True, spaces).text == "اللازم"


def test_a_lam_alefs_alef_given_left_to_right_goes_to_its_lam():
    # LuaLaTeX with Noto Naskh draws الآبار's lam-alef as a lam and a width-less alef at
    # the lam's origin, its left edge, where the ب's right edge is too. MuPDF gives some
    # of its lines left to right: ب, آ, ل. The lam drawn next is the alef's (not البآار);
    # given right to left (ل, آ, ب) it is the lam drawn before.
    drawn = [("ر", 320.26, 324.47), ("ا", 324.47, 327.23), ("ب", 327.23, 330.23),
             ("آ", 330.23, 330.23), ("ل", 330.23, 335.88), ("ا", 335.88, 338.48)]
    assert drawn_line(drawn, 135.26, 10.9, 126.5, 137.4) == "الآبار"
    assert drawn_line(drawn[::-1], 135.26, 10.9, 126.5, 137.4) == "الآبار"
    # LibreOffice with Scheherazade draws إلى's alef without width at the thin lam's
    # right edge, the line's space glyph drawn before it further left: the alef begins
    # the word, no lam-alef (not لإى).
    drawn = [(" ", 539.6, 542.35), ("إ", 565.4, 565.4), ("ل", 563.58, 565.39),
             ("ى", 558.29, 563.55), (" ", 555.6, 558.35), ("ر", 552.0, 555.6)]
    assert drawn_line(drawn, 121.0, 11.0, 112.8, 123.8) == "إلى ر"


def test_a_ligatures_second_letter_beside_a_lam_is_no_lam_alefs():
    # Chromium with KacstOne: الالتزام draws تز as one glyph given as ت (the box) and ز
    # without width at its right edge, which is also the left edge of the lam drawn next.
    # Only an alef makes a lam-alef: the ز is the ligature's (not الالزتام).
    drawn = [("ا", 448.71, 448.71), ("ل", 441.55, 448.71), ("ل", 437.5, 441.55),
             ("ز", 437.51, 437.51), ("ت", 428.23, 437.51), ("ا", 425.43, 428.23),
             ("م", 420.22, 425.43)]
    assert drawn_line([("ا", 448.71, 451.5), *drawn], 101.2, 13, 90, 104) == "الالتزام"


def test_an_allah_ligature_is_read_as_the_letters_its_font_joins():
    # KacstBook joins لله and sets the alef of الله apart: the glyph mapped to ﷲ after an
    # alef, and alone (الحمد لله), is لله. Noto joins the alef too: alone it is الله.
    def line(drawn):
        return drawn_line(drawn, 101.0, 13, 90, 104)

    kacst = [("ا", 496.0, 499.0), ("\ufdf2", 480.0, 496.0), (" ", 476.0, 480.0),
             ("\ufdf2", 460.0, 476.0)]
    assert line(kacst) == "الله لله"
    assert line([("\ufdf2", 480.0, 499.0), (" ", 476.0, 480.0), ("ب", 470.0, 476.0)]) == "الله ب"


def test_a_hamza_given_twice_beside_its_letter_is_read_once():
    # WeasyPrint with Scheherazade maps the alef's glyph to أ and the hamza's own glyph is
    # read from the font: the hamza, at the pen past the alef, would go on the خ.
    drawn = [("ا", 221.44, 223.03), ("ل", 219.43, 221.44), ("\u0654", 216.21, 216.21),
             ("أ", 216.56, 219.43), ("خ", 211.31, 216.56), ("ي", 209.35, 211.31),
             ("ر", 205.0, 209.35), ("ة", 200.0, 205.0)]
    assert drawn_line(drawn, 255.0, 13, 240, 262) == "الأخيرة"


def test_a_hamza_drawn_past_its_alef_goes_on_the_alef():
    # Scheherazade under MuPDF's HTML engine: the hamza of الأسر drawn from where the pen
    # stands past the lam, given next to the alef in the stream; the lam carries no hamza.
    drawn = [("ا", 77.9, 80.1), ("ل", 75.2, 77.9), ("\u0654", 77.9, 77.9), ("ا", 71.3, 75.2),
             ("س", 64.6, 71.3), ("ر", 61.0, 64.6)]
    assert drawn_line(drawn, 75.9, 11, 64, 80) == "الأسر"


def test_a_hamza_drawn_a_letter_on_goes_on_the_one_neighbour_that_carries_it():
    # Scheherazade under MuPDF: the hamza of تبدأ from where the pen stood past the ب, 4 pt
    # from its alef; of its neighbours in the stream only the alef can carry it.
    drawn = [("ت", 301.72, 303.65), ("ب", 299.74, 301.71), ("د", 295.65, 299.74),
             ("\u0654", 299.74, 299.74), ("ا", 294.06, 295.66)]
    assert drawn_line(drawn, 102.8, 11, 92, 106) == "تبدأ"


def test_a_letter_mapped_with_its_hamza_where_the_font_draws_it_apart_is_bare_alone():
    # WeasyPrint maps Scheherazade's alef glyph to أ (its first cluster, تأخر, whose hamza
    # the font draws with a glyph of its own): where no hamza glyph stands beside it, the
    # same glyph is a bare alef (صبرنا, not صبرنأ).
    drawn = [("ت", 300.0, 304.0), ("\u0654", 298.6, 298.6), ("أ", 298.0, 300.0),
             ("خ", 292.0, 298.0), ("ر", 289.0, 292.0), (" ", 286.0, 289.0),
             ("ص", 279.0, 286.0), ("ب", 277.0, 279.0), ("ر", 274.5, 277.0),
             ("ن", 273.0, 274.5), ("أ", 271.0, 273.0)]
    assert drawn_line(drawn, 75.9, 11, 64, 80) == "تأخر صبرنا"


def test_a_lam_alefs_alef_given_with_a_width_over_the_next_letter_joins_its_lam():
    # Typst with Nazli: the ligature's لا as /ActualText, MuPDF's alef with a width at the
    # lam's edge over the خ of خلال (read خالل) and over the ث of ثلاث (read اثلث).
    def line(drawn):
        return drawn_line(drawn, 75.9, 11, 64, 80)

    assert line([("خ", 217.88, 223.45), ("ا", 217.88, 220.45), ("ل", 211.59, 217.88),
                 ("ل", 205.68, 211.59)]) == "خلال"
    assert line([("ث", 441.23, 443.55), ("ا", 441.23, 443.8), ("ل", 434.94, 441.23),
                 ("ث", 427.5, 434.94)]) == "ثلاث"


def test_a_mark_mapped_to_its_first_cluster_is_only_the_mark():
    # WeasyPrint maps a tanween glyph to the cluster it first drew it in (ل ً ا): drawn
    # again over the ي of ثانيًا, the run is only the tanween (not ثانيلًاا).
    drawn = [("ث", 527.58, 532.61), ("ا", 523.13, 527.58), ("ن", 518.69, 523.13),
             ("ي", 512.96, 518.69)]
    glyphs = [glyph(ch, (x0, 80, x1, 90), 86.2, 11) for ch, x0, x1 in drawn]
    glyphs += [glyph(ch, (513.97, 80, 513.97, 90), 87.8, 11) for ch in "\u0627\u064b\u0644"]
    glyphs.append(glyph("ا", (508.5, 80, 512.95, 90), 86.2, 11))
    clusters, _count, spaces = make_clusters(glyphs)
    assert logical_line(split_rows(make_rows(clusters)), True, spaces).text == "ثانيًا"


def test_a_mark_with_a_width_of_its_own_goes_on_the_letter_it_touches_and_widens_it():
    """Nazli's marks have widths: set by LuaLaTeX each stands beside its letter, touching
    it and the letter drawn before it (دَرْسٌ read دَْ ر سٌ: the sukun of ر on د, gaps
    inside the word). The letter before it in the stream, which it touches, carries it,
    and the cluster spans both."""
    y, top, bottom = 67.8, 56.9, 71.3
    stream = [("د", 533.1, 538.59), ("\u064e", 538.59, 541.39), ("ر", 525.77, 530.31),
              ("\u0652", 530.31, 533.11), ("س", 510.52, 522.96), ("\u064c", 522.96, 525.76)]
    clusters, _count, _spaces = make_clusters(
        [glyph(t, (a, top, b, bottom), y, 14.3) for t, a, b in stream])
    by_x = sorted(clusters, key=lambda c: -c.centre)
    assert [c.text for c in by_x] == ["د\u064e", "ر\u0652", "س\u064c"]
    # No gap left between the letters of the word.
    assert all(abs(a.box[0] - b.box[2]) < 0.05 for a, b in itertools.pairwise(by_x))


def test_a_gap_beside_a_vowelled_cluster_is_no_word_space_on_a_line_with_space_glyphs():
    """Chromium writes a letter with its vowel as /ActualText; with Nazli MuPDF gives such a
    cluster a share of its glyph's width only (دَ two points of six), and the rest reads as
    a gap inside the word (دَرْ سٌ). On a line whose words are parted by space glyphs, a gap
    beside a vowelled cluster with no space glyph in it, narrower than an em, is its own
    ink; a space glyph still parts words."""
    y, top, bottom, size = 56.0, 44.0, 63.0, 13.0
    drawn = [("َ", 576.43, 576.43), ("د", 573.51, 576.43), ("ْ", 571.58, 571.58),
             ("ر", 568.65, 571.58), ("ٌ", 562.7, 562.7), ("س", 559.78, 562.7),
             (" ", 551.11, 554.77), ("ِ", 549.88, 549.88), ("ف", 546.95, 549.88),
             ("ي", 537.94, 547.29)]
    clusters, _count, spaces = make_clusters(
        [glyph(t, (a, top, b, bottom), y, size) for t, a, b in drawn])
    segments = split_rows(make_rows(clusters))
    assert logical_line(segments, True, spaces).text == "دَرْسٌ فِي"


def test_a_gap_the_pen_left_after_each_vowelled_letter_is_no_word_space():
    """LuaLaTeX with Homa (harakat with advances): the pen moves on by each mark, a gap of
    a third of an em after every vowelled letter, inside words too (دَ رْ سٌ); words stand
    that gap and a space apart."""
    size, y, advance = 12.0, 100.0, 4.0
    glyphs, x = [], 560.0
    words = ["دَرْسٌ", "فِي", "كِتَابٍ", "جَدِيدٍ", "وَالْكُتُبُ", "كَثِيرَةٌ"]
    for text in words:
        for j, ch in enumerate(text):
            if "\u064b" <= ch <= "\u0652":
                continue
            glyphs.append(glyph(ch, (x - 6, y - size, x, y + 3), y, size))
            x -= 6
            if "\u064b" <= text[j + 1:j + 2] <= "\u0652":
                glyphs.append(glyph(text[j + 1], (x + 3, y - size, x + 3, y + 3), y, size))
                x -= advance  # the pen moves on by the mark's advance
        x -= 5  # a word space
    clusters, _count, spaces = make_clusters(glyphs)
    segments = split_rows(make_rows(clusters))
    assert logical_line(segments, True, spaces).text == " ".join(words)


def test_a_letter_libreoffice_gives_again_beside_its_glyph_is_read_once():
    """LibreOffice writes a vowelled إ as /ActualText at its kasra's glyph and maps the
    letter's glyph to it too: MuPDF gives the letter twice, the copy width-less just
    beside the glyph (إِإِنَّ). A copy at the glyph's very edge is left to the ligature
    pass (MuPDF puts a ligature's other letters there)."""
    size, y = 11.0, 74.1
    letters = [glyph("ن", (468.1, 65.3, 476.2, 76.3), y, size),
               glyph("إ", (476.2, 65.3, 479.2, 76.3), y, size)]
    copy = glyph("إ", (475.0, 66.0, 475.0, 77.0), y + 0.7, size)
    kasra = glyph("\u0650", (477.7, 65.3, 477.7, 76.3), y, size)
    clusters, _count, _spaces = make_clusters([kasra, letters[1], letters[0], copy])
    assert sorted(c.text for c in clusters) == sorted(["ن", "إِ"])


def test_a_lam_alef_libreoffice_gives_twice_is_read_once():
    """The lam-alef's glyph mapped to the whole cluster (لَا): its alef and vowel at the
    glyph's edge; the /ActualText over the vowel's glyph gives لَا again, inside it."""
    size, y = 11.0, 74.1
    drawn = [glyph("ف", (382.8, 65.3, 388.1, 76.3), y, size),
             glyph("\u064e", (385.4, 65.3, 385.4, 76.3), y, size),
             glyph("ا", (382.8, 65.3, 382.8, 76.3), y, size),
             glyph("\u064e", (385.4, 65.3, 385.4, 76.3), y, size),
             glyph("ل", (376.2, 65.3, 382.8, 76.3), y, size),
             glyph("ا", (378.1, 62.9, 378.1, 73.9), 71.7, size),
             glyph("\u064e", (378.1, 62.9, 378.1, 73.9), 71.7, size),
             glyph("ل", (378.1, 62.9, 378.1, 73.9), 71.7, size)]
    page = word("كلمات عربية في سطر", 360, y, size) + drawn  # widths on the line
    clusters, _count, spaces = make_clusters(page)
    line = logical_line(split_rows(make_rows(clusters)), True, spaces).text
    # (Where the fatha goes inside the ligature, لَا or لاَ, is another matter.)
    assert line.split()[0].replace("\u064e", "") == "فلا"


def test_a_letter_given_off_the_line_at_its_own_glyph_is_read_once():
    """fpdf2 maps a fatha's glyph to the cluster أَ, raised to its place over the alef, and
    the alef's glyph (its map broken, named by the font) to أ too: one أ, with its fatha."""
    before = glyph("ن", (448.41, 100.0, 454.86, 115.0), 111.3, 11)
    alef = glyph("أ", (454.85, 100.0, 457.47, 115.0), 111.3, 11)
    copy = glyph("أ", (455.11, 95.0, 455.11, 110.0), 106.15, 11)
    fatha = glyph("\u064e", (455.11, 95.0, 455.11, 110.0), 106.15, 11)
    clusters, _, _ = make_clusters([before, alef, copy, fatha])
    assert sorted(c.text for c in clusters) == ["أ\u064e", "ن"]
    # On its baseline, at the glyph's edge, it is a ligature's further letter: kept.
    lam = glyph("ل", (423.87, 100.0, 428.1, 115.0), 111.3, 11)
    madda_alef = glyph("آ", (428.1, 100.0, 428.1, 115.0), 111.3, 11)
    alef = glyph("ا", (428.1, 100.0, 430.62, 115.0), 111.3, 11)
    clusters, _, _ = make_clusters([alef, madda_alef, lam])
    assert sorted("".join(c.text for c in clusters)) == sorted("اآل")


def test_a_hamza_glyph_mapped_as_its_alef_gives_the_alef_its_hamza():
    """Scheherazade draws إ as an alef and a hamza; fpdf2 maps the hamza's glyph to إ,
    raised a little, beside the alef's glyph named ا: one إ (إصلاح, not اإصلاح)."""
    alef = glyph("ا", (407.43, 105.0, 409.02, 120.0), 117.3, 11)
    copy = glyph("إ", (407.18, 105.0, 407.18, 120.0), 117.62, 11)
    rest = word("صلاح", 407.43, 117.3, 11, 3.0)
    clusters, _, _ = make_clusters([alef, copy, *rest])
    line = logical_line(split_rows(make_rows(clusters)), True, SPACES_GAPS)
    assert line.text == "إصلاح"


def test_marks_stacked_at_one_place_are_one_vote_on_the_pages_habit():
    """A page that draws its marks after their letter, but sets a few shadda-and-fatha
    stacks (three glyphs each, fpdf2) over the next letter's box: the stacks are few
    places, not many votes, and go on the letter before them (الَّذِي, not الذَِّي)."""
    items = []
    right = 500.0
    for _ in range(40):  # بَ: the fatha drawn after its letter, inside it
        items += [glyph("ب", (right - 6, 88, right, 103), 100, 12),
                  glyph("\u064e", (right - 3, 88, right - 3, 103), 100, 12)]
        right -= 8
    for _ in range(3):  # لَّذ: the stack drawn after the lam, over the dhal's box
        lam = glyph("ل", (right - 3, 88, right, 103), 100, 12)
        dhal = glyph("ذ", (right - 9, 88, right - 3, 103), 100, 12)
        at = (right - 4.5, 88, right - 4.5, 103)
        marks = [glyph(m, at, 100, 12) for m in ("\u0651", "\u0651", "\u064e")]
        items += [lam, *marks, dhal]
        right -= 14
    clusters, _, _ = make_clusters(items)
    texts = [c.text for c in clusters]
    assert texts.count("ل\u0651\u064e") == 3 and texts.count("ذ") == 3


def test_a_width_less_letter_raised_off_its_line_is_read_on_it():
    """A letter given without width at a raised mark's place (fpdf2: أ over the alef of
    لِأَنَّ, a third of an em up) is not a line of its own."""
    line = word("نصاري", 300, 100, 11, 5.0)
    raised = glyph("أ", (290.5, 85, 290.5, 97), 96.4, 11)
    rows = make_rows([*line, raised])
    assert len(rows) == 1 and len(rows[0].clusters) == 6


def test_a_gap_between_digits_is_a_space_without_a_glyph():
    """Digits are set edge to edge; cairo draws no glyph for the spaces between the groups
    of a phone number, a quarter of an em each, on a line whose words have space glyphs:
    the number reads as written (0933 456 789), not as one number backwards."""
    words = word("الرقم", 520, 100, 11, 5.0)
    space = glyph(" ", (491.5, 89, 495.0, 103), 100, 11)
    digits = []
    x = 412.0
    for group in ("789", "456", "0933"):
        for ch in group:
            digits.append(glyph(ch, (x, 89, x + 7.0, 103), 100, 11))
            x += 7.0
        x += 3.0  # the space, drawn as nothing
    clusters, _, spaces = make_clusters([*words, space, *reversed(digits)])
    line = logical_line(split_rows(make_rows(clusters)), True, spaces)
    assert line.text == "الرقم 0933 456 789"


def test_an_english_paragraph_ending_short_ends_before_the_arabic_one():
    """On an Arabic page a line of English runs left to right: its paragraph ends where it
    stops short at the right, and the Arabic paragraph under it is a paragraph of its own."""
    def line(text: str, top: float, x0: float, x1: float) -> Line:
        return _boxed_line(text, top, x0, x1, 11.0)

    lines = [line("The survey covered twelve villages and was carried out by", 100, 60, 519),
             line("March and May.", 113, 60, 144),
             line("وتعمل المجالس المحلية مع الفرق الفنية على إصلاح الشبكات", 126, 59, 520),
             line("من الأعمال المخطط لها.", 139, 334, 520)]
    body, _, _ = make_blocks([(ln, 1) for ln in lines], 11, RawPage(0, 595, 842, (), (), 0),
                             frozenset())
    assert [len(b.lines) for b in body] == [2, 2]


def test_a_lam_alef_split_with_its_fatha_between_is_one_ligature():
    """cairo maps ﻼ as a presentation form; MuPDF gives the alef without width at the
    lam's right edge, then the fatha, then the lam with the glyph's box: لا, not ال."""
    fa = glyph("ف", (346.99, 96, 351.91, 112), 108.57, 11)
    alef = glyph("ا", (346.59, 96, 346.59, 112), 108.57, 11)
    fatha = glyph("\u064e", (343.29, 96, 343.29, 112), 108.57, 11)
    lam = glyph("ل", (340.0, 96, 346.59, 112), 108.57, 11)
    space = glyph(" ", (352.0, 96, 354.86, 112), 108.57, 11)
    from reader.arabic.clusters import _join_split_ligatures

    joined, changed = _join_split_ligatures([space, alef, fatha, lam, fa], {"\u064e"})
    assert changed and [g.text for g in joined] == [" ", "\u064e", "لا", "ف"]


def test_bold_marks_no_heading_where_the_body_is_bold_itself():
    """arabi sets its body in AlMohanad Bold: a bold line there is a paragraph's."""
    def line(text: str, top: float, x0: float, bold: bool, size: float = 12.0) -> Line:
        return _boxed_line(text, top, x0, 477.0, size, bold)

    lines = [line("تقرير عن المياه", 100, 340, True, 18.0),
             line("تعتمد القرى الجبلية على الآبار القديمة، وقد تراجع منسوبها", 130, 134, True),
             line("لأسباب كثيرة منها قلة الأمطار وكثرة الضخ.", 143, 200, True)]
    body, _, _ = make_blocks([(ln, 1) for ln in lines], 12, RawPage(0, 595, 842, (), (), 0),
                             frozenset())
    assert [b.kind for b in body] == [HEADING, PARAGRAPH]


def test_a_ligatures_letter_after_another_letters_mark_is_joined_in_order():
    """XeTeX with KacstOne maps its سر ligature to both letters; MuPDF gives the ر without
    width at the glyph's right edge, after the previous word's fatha: the ligature reads
    سر, not رس. (Chromium's letter after its own marks stands where they stand.)"""
    from reader.arabic.clusters import _join_split_ligatures

    fatha = glyph("\u064e", (437.37, 96, 437.37, 112), 108.0, 11)
    ra = glyph("ر", (432.01, 96, 432.01, 112), 108.0, 11)
    seen = glyph("س", (420.49, 96, 432.01, 112), 108.0, 11)
    kasra = glyph("\u0650", (426.25, 96, 426.25, 112), 108.0, 11)
    joined, changed = _join_split_ligatures([fatha, ra, seen, kasra], {"\u064e", "\u0650"})
    assert changed and [g.text for g in joined] == ["\u064e", "سر", "\u0650"]


def test_a_lines_own_word_gaps_part_words_a_narrow_space_leaves():
    """XeTeX writes no space glyphs; Titr's word space in a justified line shrinks to 0.145
    em, under the share of the size a gap needs alone: the line's gaps of one width, its
    other gaps nil, are its word spaces."""
    glyphs = []
    right = 500.0
    for w in ("ويقترح", "هذا", "التقرير", "خطة", "من", "ثلاث"):
        glyphs += word(w, right, 100, 10.9, 5.0)
        right -= 5.0 * len(w) + 1.58
    clusters, _, spaces = make_clusters(glyphs)
    line = logical_line(split_rows(make_rows(clusters)), True, spaces)
    assert line.text == "ويقترح هذا التقرير خطة من ثلاث"


def test_a_folio_set_apart_in_the_middle_below_the_text_is_a_page_number():
    """TeX's wide bottom margin puts a page number a sixth of the page up, beyond the band
    kept for running lines: centred and set apart below the text, it is one."""
    def line(text: str, top: float, x0: float, x1: float) -> Line:
        return _boxed_line(text, top, x0, x1, 12.0)

    lines = [line("تعتمد القرى الجبلية على الآبار القديمة في الحصول على المياه", 150, 134, 477),
             line("بلغ عدد الأسر المستفيدة أربعة آلاف أسرة.", 163, 250, 477),
             line("١", 692, 303, 308)]
    body, _, running = make_blocks([(ln, 1) for ln in lines], 12,
                                   RawPage(0, 595, 842, (), (), 0), frozenset())
    assert [b.lines[0].text for b in running] == ["١"] and len(body) == 1


def test_a_few_lines_set_wide_apart_still_tell_lines_from_paragraphs():
    """LibreOffice sets Amiri's lines two ems apart and its paragraphs further: with few
    lines on the page, the narrower gaps between lines of the text's size are a
    paragraph's own (the last line "الضخ." is no paragraph of its own)."""
    lines = [_boxed_line("المياه في القرى الجبلية", 39.8, 395.2, 566.9, 15.0),
             _boxed_line("يعتمد سكان القرى الجبلية على الآبار القديمة في الحصول", 67.5, 61.3,
                         566.4, 11.0),
             _boxed_line("الضخ.", 89.7, 544.2, 567.0, 11.0),
             _boxed_line("وتعمل المجالس المحلية مع الفرق الفنية على إصلاح الشبكات", 119.0,
                         65.1, 566.2, 11.0),
             _boxed_line("ويقترح هذا التقرير خطة من ثلاث مراحل تبدأ بحصر المصادر", 148.2,
                         119.9, 566.4, 11.0)]
    body, _, _ = make_blocks([(ln, 1) for ln in lines], 11, RawPage(0, 595, 842, (), (), 0),
                             frozenset())
    assert [len(b.lines) for b in body] == [1, 2, 1, 1]

def test_first_lines_indented_as_tex_sets_them_begin_paragraphs():
    """TeX marks paragraphs by indenting their first lines, with no space between them:
    one-line paragraphs indented alike are as many paragraphs; a column set ragged on its
    start side shows no indent."""
    lines = [_boxed_line("يعتمد سكان القرى الجبلية على الآبار القديمة في الحصول على", 82.3,
                         125.5, 538.6, 10.9),
             _boxed_line("وتعمل المجالس المحلية مع الفرق الفنية على إصلاح الشبكات", 95.9,
                         110.2, 521.7, 10.9),
             _boxed_line("ويقترح هذا التقرير خطة من ثلاث مراحل تبدأ بحصر المصادر", 109.4,
                         168.9, 521.7, 10.9)]
    page = RawPage(0, 595, 842, (), (), 0)
    body, _, _ = make_blocks([(ln, 1) for ln in lines], 10.9, page, frozenset())
    assert [len(b.lines) for b in body] == [1, 1, 1]
    ragged = [_boxed_line(ln.text, ln.bbox[1], 308.5, right, 11.0)
              for ln, right in zip(lines, (513.8, 520.5, 499.3), strict=True)]
    body, _, _ = make_blocks([(ln, 1) for ln in ragged], 11.0, page, frozenset())
    assert [len(b.lines) for b in body] == [3]

def _boxed_line(text: str, top: float, x0: float, x1: float, size: float,
                bold: bool = False) -> Line:
    """A line whose characters share its width, right to left, each with a box."""
    step = (x1 - x0) / len(text)
    return Line(text, [(x1 - step * (k + 1), top, x1 - step * k, top + size)
                       for k in range(len(text))], (x0, top, x1, top + size), size, bold)


def test_a_gap_where_arabic_meets_a_latin_word_is_a_space_without_a_glyph():
    """Across scripts nothing is kerned: a gap of a fifth of an em between an Arabic word
    and a Latin one is a word space, on a line whose other spaces are glyphs (TCPDF draws a
    line's runs apart and a run's space at its far end); a lone Latin letter inside Arabic
    (a misread glyph) gets none."""
    size = 11.0
    drawn = [("ع", 530, 536), ("م", 524, 530), (" ", 521, 524), ("ب", 515, 521),
             ("ي", 509, 515), ("ت", 503, 509)]  # عم بيت, then a 2.4 pt gap, then www
    drawn += [("w", 494.6, 500.6), ("w", 488.6, 494.6), ("w", 482.6, 488.6)][::-1]
    assert drawn_line(drawn, 100, size, 90, 103) == "عم بيت www"
    lone = [("ع", 530, 536), ("م", 524, 530), (" ", 521, 524), ("ب", 515, 521),
            ("o", 510.6, 512.6), ("ر", 502, 508.2)]
    assert drawn_line(lone, 100, size, 90, 103).count(" ") == 1


def test_digits_alone_with_their_full_stop_at_the_right_were_set_left_to_right():
    """A phone number wrapped onto a line of its own by a producer that gives each line
    its own direction (TCPDF) is drawn left to right, its full stop at the right end; set
    right to left, the stop would stand at the left end and the groups in reverse."""
    groups = [("0", 473.7), ("9", 480.0), ("3", 486.3), ("3", 492.6), (" ", 498.9),
              ("4", 501.7), ("5", 508.0), ("6", 514.3), (" ", 520.6), ("7", 523.5),
              ("8", 529.7), ("9", 536.0)]
    drawn = [(ch, x, x + (2.8 if ch == " " else 6.3)) for ch, x in groups]
    assert drawn_line([*drawn, (".", 542.3, 545.3)], 100, 11, 90, 103) == "0933 456 789."
    # Set right to left (the stop at the left end), the same groups read in reverse:
    # a right-to-left line shows "0933 456 789." as .789 456 0933.
    stop_left = [(".", 470.0, 473.0), *drawn]
    assert drawn_line(stop_left, 100, 11, 90, 103) == "789 456 0933."


def _words_with_advanced_marks(marks_first: bool) -> list:
    """بَتَ سَبَ drawn as a font whose marks have advances draws it without mark
    positioning: each mark takes 2 pt of room on the line after its letter (to its left),
    MuPDF gives it no width at the end of that room, the next letter's edge; the stream
    gives each mark after its letter (TCPDF, read back) or before it (``marks_first``)."""
    out, x = [], 540.0
    for k, word in enumerate(("بت", "سب")):
        if k:
            out.append(glyph(" ", (x - 3, 90, x, 103), 100, 11))
            x -= 3
        for letter in word:
            body = glyph(letter, (x - 6, 90, x, 103), 100, 11)
            mark = glyph("\u064e", (x - 8, 90, x - 8, 103), 100, 11)
            out += [mark, body] if marks_first else [body, mark]
            x -= 8
    return out


def test_marks_with_room_of_their_own_go_on_the_letter_the_stream_gives_them_after():
    from reader.arabic.clusters import _marks_follow_letters

    after = _words_with_advanced_marks(marks_first=False)
    marks = [i for i, g in enumerate(after) if g.text == "\u064e"]
    # Two words of two: too few marks next to a space to tell a habit.
    assert not _marks_follow_letters(after, marks, {"\u064e"})
    page = after + [glyph(g.char, (g.box[0], g.box[1] + 20, g.box[2], g.box[3] + 20), 120, 11)
                    for g in after] * 1
    page += [glyph(g.char, (g.box[0], g.box[1] + 40, g.box[2], g.box[3] + 40), 140, 11)
             for g in after]
    marks = [i for i, g in enumerate(page) if g.text == "\u064e"]
    assert _marks_follow_letters(page, marks, {"\u064e"})
    clusters, _count, _spaces = make_clusters(page)
    assert sorted(c.text for c in clusters if c.text != " ") == sorted(
        ["ب\u064e", "ت\u064e", "س\u064e", "ب\u064e"] * 3)
    # The same boxes with each mark given before its letter (as Chromium gives them):
    # the mark at the edge of the letter after it is that letter's.
    first = _words_with_advanced_marks(marks_first=True)
    marks = [i for i, g in enumerate(first) if g.text == "\u064e"]
    assert not _marks_follow_letters(first, marks, {"\u064e"})


def test_a_full_stop_carries_no_mark():
    """MuPDF gives a line's last mark after its full stop where the line is drawn left to
    right (TCPDF): the kasra is the word's last letter's, beside it, not the stop's."""
    letter = glyph("ن", (300, 90, 306, 103), 100, 11)
    stop = glyph(".", (296, 90, 298, 103), 100, 11)
    kasra = glyph("\u0650", (298, 90, 298, 103), 100, 11)
    clusters, _count, _spaces = make_clusters([stop, kasra, letter])
    assert sorted(c.text for c in clusters) == [".", "ن\u0650"]


def test_a_letter_with_its_hamza_given_twice_at_one_place_is_one():
    """LibreOffice maps Scheherazade's لأ to a width-less أ raised with the hamza and
    another on the line, a fifth of a point apart: no word writes أأ (الأسواق, not
    الأأسواق)."""
    lam = glyph("ل", (224.7, 67.7, 226.7, 78.7), 76.5, 11)
    raised = glyph("أ", (221.6, 66.4, 221.6, 77.4), 75.2, 11, superscript=True)
    on_line = glyph("أ", (221.8, 67.7, 221.8, 78.7), 76.5, 11)
    seen = glyph("س", (216.8, 67.7, 221.8, 78.7), 76.5, 11)
    clusters, _count, _spaces = make_clusters([lam, raised, on_line, seen])
    assert sorted(c.text for c in clusters).count("أ") == 1


def test_a_lam_alefs_alef_given_twice_at_one_place_is_one():
    """MuPDF gives LibreOffice's lam-alef (its glyph mapped to لَا) with two width-less
    alefs at the glyph's origin: no word writes اا (لِطُلَّابِهِ, not لِطُلَّاابِهِ). An
    alef drawn with its width beside another stays."""
    ta = glyph("ط", (502.0, 65.3, 511.0, 76.3), 74.1, 11)
    alefs = [glyph("ا", (495.4, 65.3, 495.4, 76.3), 74.1, 11) for _ in range(2)]
    lam = glyph("ل", (495.4, 65.3, 502.0, 76.3), 74.1, 11)
    clusters, _count, _spaces = make_clusters([ta, *alefs, lam])
    assert "".join(c.text for c in clusters).count("ا") == 1
    drawn = [glyph("ا", (500.0, 65.3, 503.0, 76.3), 74.1, 11),
             glyph("ا", (496.0, 65.3, 499.0, 76.3), 74.1, 11)]
    clusters, _count, _spaces = make_clusters(drawn)
    assert "".join(c.text for c in clusters).count("ا") == 2


def test_a_kasra_on_the_alef_of_a_lam_alef_given_as_two_letters_is_the_lams():
    """MuPDF gives Chromium's لأ ligature as a lam and an alef with the ligature's one box,
    its marks at the box's middle: an alef with its hamza above never carries a kasra
    (لِأَنَّ, not لأَِنَّ). A lam with its own vowel keeps it."""
    box, y = (572.0, 122.0, 578.2, 133.0), 130.5
    alef = glyph("أ", box, y, 11)
    fatha = glyph("\u064e", (578.2, 122.0, 578.2, 133.0), y, 11)
    kasra = glyph("\u0650", (575.1, 122.0, 575.1, 133.0), y, 11)
    lam = glyph("ل", box, y, 11)
    clusters, _count, _spaces = make_clusters([fatha, alef, kasra, lam])
    texts = sorted(c.text for c in clusters)
    assert "ل\u0650" in texts and "\u0650" not in "".join(t for t in texts if "أ" in t)
    far = glyph("ل", (560.0, 122.0, 566.0, 133.0), y, 11)  # another lam, not the ligature's
    clusters, _count, _spaces = make_clusters([fatha, alef, kasra, far])
    assert any("أ" in c.text and "\u0650" in c.text for c in clusters)


def test_a_lam_alefs_marks_given_before_it_are_its_lams():
    """TCPDF gives a lam-alef ligature's marks before the ligature, where they are drawn
    on the letter before it: فَ َ ﻼ. Where the page gives marks after their letters, a
    second vowel on that letter, or a tanween (none stands inside a word), is the lam's:
    فَلَا, جِيلًا — not فَلا, جِيًلا."""
    fatha, kasra, tanween = "\u064e", "\u0650", "\u064b"
    page = []
    for line in range(6):  # words whose last letter carries a mark before a space
        y = 100 + 20 * line
        page += [glyph("ب", (500, y - 10, 506, y + 3), y, 11),
                 glyph(fatha, (500, y - 10, 500, y + 3), y, 11),
                 glyph(" ", (496, y - 10, 500, y + 3), y, 11)]
    y = 240
    fa = glyph("ف", (500, y - 10, 506, y + 3), y, 11)
    lam_alef = glyph("\ufefc", (494, y - 10, 500, y + 3), y, 11)
    jim = glyph("ج", (470, y - 10, 476, y + 3), y, 11)
    ya = glyph("ي", (466, y - 10, 470, y + 3), y, 11)
    lam_alef2 = glyph("\ufefc", (460, y - 10, 466, y + 3), y, 11)
    page += [fa, glyph(fatha, (500, y - 10, 500, y + 3), y, 11),
             glyph(fatha, (500, y - 10, 500, y + 3), y, 11), lam_alef,
             glyph(" ", (476, y - 10, 480, y + 3), y, 11),
             jim, glyph(kasra, (470, y - 10, 470, y + 3), y, 11), ya,
             glyph(tanween, (466, y - 10, 466, y + 3), y, 11), lam_alef2]
    texts = sorted(c.text for c in make_clusters(page)[0] if c.baseline == y)
    assert texts == sorted([" ", "ف" + fatha, "ل" + fatha + "ا", "ج" + kasra, "ي",
                            "ل" + tanween + "ا"])


def test_a_leaders_dots_neither_set_the_word_gap_nor_join_the_words_beside_them():
    # A table of contents' line with no space glyphs (TeX): "مقدمة التقرير", a leader of
    # dots evenly apart, its page number. Within التقرير its ر and ي stand 1 point apart
    # (Amiri); the dots 1.5 points: measured with them, the word gap fell under the
    # letters' own gap (التقر ير).
    size, y = 12.0, 100.0
    drawn = [("م", 494.7, 499.4), ("ق", 490.2, 494.7), ("د", 484.6, 490.2),
             ("م", 479.9, 484.6), ("ة", 475.4, 479.9), ("ا", 469.3, 471.9),
             ("ل", 467.2, 469.3), ("ت", 464.3, 467.2), ("ق", 459.8, 464.3),
             ("ر", 455.7, 459.8), ("ي", 452.6, 454.7), ("ر", 449.0, 452.6)]
    drawn += [(".", 446.5 - 5.3 * k - 3.8, 446.5 - 5.3 * k) for k in range(12)]
    drawn += [("٣", 375.0, 380.0)]
    text = drawn_line(drawn, y, size, 88, 103)
    assert text == "مقدمة التقرير ............ ٣"


def test_a_leader_is_set_apart_from_a_word_it_touches():
    # TeX aligns a leader's dots on a grid: the first may touch the entry's last letter
    # (here the dots stand a space apart, read as drawn).
    drawn = [("ن", 494.0, 499.0), ("ت", 489.0, 494.0), ("ا", 486.0, 489.0), ("ئ", 481.0, 486.0),
             ("ج", 476.0, 481.0)]
    drawn += [(".", 476.0 - 4.0 * k - 2.0, 476.0 - 4.0 * k) for k in range(8)]
    drawn += [("١", 430.0, 435.0), ("٢", 435.0, 440.0)]
    assert drawn_line(drawn, 100.0, 12.0, 88, 103) == "نتائج . . . . . . . . ١٢"


def test_a_line_with_a_leader_ends_its_paragraph():
    def line(text: str, top: float) -> Line:
        boxes = [(500 - 4 * (i + 1), top, 500 - 4 * i, top + 11) for i in range(len(text))]
        return Line(text, boxes, (100, top, 500, top + 11), 11)

    raw = RawPage(0, 595, 842, (), (), 0)
    contents = [(line("مقدمة التقرير .................................... ٣", 100), 1),
                (line("منهجية العمل الميداني ............................ ٧", 113), 1),
                (line("النتائج والتوصيات ................................ ١٢", 126), 1)]
    assert [len(b.lines) for b in make_blocks(contents, 11, raw, frozenset())[0]] == [1, 1, 1]


def test_a_formula_ending_in_a_number_apart_reads_left_to_right():
    # "f(x) = −x2 + 4x − 1" on an Arabic page (an exam's): its last term stands apart
    # from the sign before it, as an English note's number does at the right end of a
    # note set right to left; but a formula has no Latin word.
    drawn, x = [], 100.0
    for token in ["−x2", "+", "4x", "−", "1"]:  # (its right side, set apart by TeX)
        for ch in token:
            drawn.append((ch, x, x + 6.0))
            x += 6.0
        x += 4.0  # a third of an em between terms
    assert drawn_line(drawn, 100.0, 12.0, 88, 103) == "−x2 + 4x − 1"
    # An English note set right to left keeps its number first (drawn at the right end,
    # its full stop at the left).
    drawn, x = [], 100.0
    for token in [".Annual", "report", "2021", "1"]:
        for ch in token:
            drawn.append((ch, x, x + 6.0))
            x += 6.0
        x += 4.0
    assert drawn_line(drawn, 100.0, 12.0, 88, 103) == "1 Annual report 2021."


def test_a_number_and_its_unit_drawn_apart_without_a_space_glyph_are_two_words():
    # Pango (Noto Naskh): "تبعد القرية 12 km عن", its space glyphs drawn beside the Arabic
    # words only; "km" and "12" stand a quarter em apart with nothing between. A word's
    # letters and digits touch (Q3): a gap where they meet is a space.
    drawn = [("ن", 431.0, 437.4), ("ع", 437.0, 442.6), ("k", 446.0, 451.9), ("m", 452.0, 462.3),
             ("1", 465.0, 471.3), ("2", 471.0, 477.3), (" ", 477.0, 479.4), ("ة", 480.0, 485.1),
             ("ي", 485.0, 488.8), ("ر", 489.0, 493.4), ("ق", 493.0, 497.3), ("ل", 497.0, 499.3),
             ("ا", 499.0, 501.6)]
    assert drawn_line(drawn, 100.0, 11.0, 90, 103) == "القرية 12 km عن"


def test_addresses_drawn_with_their_parts_right_to_left_are_put_in_order():
    from reader.arabic.line_order import _addresses_in_order

    def fixed(text: str) -> str:
        out, boxes = _addresses_in_order(text, [(float(i), 0.0, i + 1.0, 1.0)
                                                for i in range(len(text))])
        assert sorted(b[0] for b in boxes if b) == list(range(len(text)))  # each box once
        return out

    # TCPDF's own bidi breaks a left-to-right run at each dot, slash and @.
    assert fixed("زوروا org.example.www أو راسلونا org.example@info اليوم") == (
        "زوروا www.example.org أو راسلونا info@example.org اليوم")
    assert fixed("الرابط reports/org.example.www//:https/2024 هنا") == (
        "الرابط https://www.example.org/reports/2024 هنا")
    # Addresses as they should be, and what is no address either way, stay.
    for text in ("راسلوا first.last@mail.example.com و www.example.org/water",
                 "الحزمة com.google.android والموقع example.com و user@shop.online"):
        assert fixed(text) == text


def test_a_gap_between_a_word_and_a_bracket_is_a_space_without_its_glyph():
    """TCPDF draws `بالأرقام [٤]` and `العالمية (WHO)` with a space's gap and no space
    glyph, on a line whose other spaces have theirs: a bracket's side bearing is inside its
    box, so a gap as wide as a space beside it is one. Inside the brackets nothing is."""
    size = 11.0
    drawn = [(".", 333.1, 336.6), ("]", 336.6, 340.9), ("٤", 340.9, 346.2), ("[", 346.2, 350.4),
             ("م", 353.3, 358.6), ("ا", 358.6, 361.8), ("ق", 361.8, 366.7), ("ر", 366.7, 370.8),
             (" ", 370.8, 373.7), ("ن", 373.7, 378.0), ("ع", 378.0, 383.0)]
    assert drawn_line(drawn, 135.0, size, 126.0, 137.0) == "عن رقام [٤]."
    drawn = [("(", 379.1, 383.4), ("W", 383.4, 394.3), ("H", 394.3, 402.6), ("O", 402.6, 411.2),
             (")", 411.2, 415.5), ("ة", 418.4, 423.7), ("ي", 423.7, 427.8), ("م", 427.8, 434.2),
             (" ", 434.2, 437.1), ("ن", 437.1, 441.0), ("إ", 441.0, 443.0)]
    assert drawn_line(drawn, 135.0, size, 126.0, 137.0) == "إن مية (WHO)"


def test_lines_broken_inside_brackets_join_without_a_space():
    """LibreOffice breaks `[٤]` after its opening bracket: the lines join with no space
    there, nor before a closing bracket that begins a line; elsewhere with one. Each
    character keeps its box (None for the space the join adds)."""
    from reader.arabic.model import Block

    def line(text: str, y: float) -> Line:
        return Line(text, [(10.0 * i, y, 10.0 * i + 5, y + 10) for i in range(len(text))],
                    (0.0, y, 10.0 * len(text), y + 10), 11.0)

    block = Block(PARAGRAPH, [line("عن ذلك بالأرقام [", 0), line("٤]. وقالت (", 20),
                              line("WHO", 40), line(") إن", 60)], (0, 0, 200, 70))
    assert block.text == "عن ذلك بالأرقام [٤]. وقالت (WHO) إن"
    boxes = block.boxes()
    assert len(boxes) == len(block.text) and boxes.count(None) == 0
    plain = Block(PARAGRAPH, [line("سطر أول", 0), line("وثان", 20)], (0, 0, 200, 30))
    assert plain.text == "سطر أول وثان" and plain.boxes()[7] is None


def test_an_arabic_line_set_left_to_right_keeps_its_stop_last():
    """AbiWord lays a Word document's Arabic paragraphs out left to right, and TCPDF gives
    each line its own direction: the closing stop stands against the last word's right
    end. No line breaker puts a stop against a line's first word: it goes after the last
    (القرى. not .في القرى). A stop a space apart, the end of a spaced ellipsis broken over
    two lines, stays first."""
    glued = [(".", 306.0, 308.0), ("ف", 302.0, 306.0), ("ي", 298.0, 302.0), (" ", 295.0, 298.0),
             ("ق", 289.0, 295.0), ("ر", 285.0, 289.0), ("ى", 279.0, 285.0)]
    assert drawn_line(glued, 100.0, 12.0, 88.0, 103.0) == "في قرى."
    spaced = [(".", 309.0, 311.0), (" ", 306.0, 309.0), *glued[1:]]
    assert drawn_line(spaced, 100.0, 12.0, 88.0, 103.0) == ". في قرى"
