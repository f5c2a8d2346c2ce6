"""Stage 5, lines to blocks: headings, list items, paragraphs, table rows and footnotes;
running headers, footers and page numbers set aside.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet

from reader.arabic.model import (
    FOOTNOTE,
    HEADING,
    LEADER,
    LIST_ITEM,
    PARAGRAPH,
    RUNNING,
    TABLE_ROW,
    Block,
    Line,
)
from reader.arabic.raw import RawPage, Rule, VRule

BULLETS = "•●▪◦‣⁃∙■□○◆❖➢✓\uf0b7-–"
# 1. ١) أ. ب- : numbers, Arabic-Indic numbers or an Arabic letter (the abjad order)
_LIST_NUMBER = re.compile(r"^(\d+|[٠-٩]+|[\u0621-\u064a])[.)\-]\s")


def make_blocks(lines: list[tuple[Line, int]], body_size: float, raw: RawPage,
                running: frozenset[str]) -> tuple[list[Block], list[Block], list[Block]]:
    """The page's lines (each with how many cells it has), in reading order, as blocks:
    body, footnotes and running heads. ``running`` holds the ``running_key`` of lines that
    repeat near the top or bottom of the document's pages."""
    rule_y = _footnote_rule(raw.rules, raw.width, raw.height)
    # Lines of a paragraph stand no further apart than the text's usual line gap allows:
    # some fonts ask for twice their size between lines (Qt with Noto Sans Arabic).
    usual = _usual_gap([line for line, _ in lines], body_size)
    leading = max(0.9 * body_size, usual + 0.3 * body_size)
    kinds: list[tuple[Line, str]] = []
    note_size = 0.0  # once the notes have started, smaller lines below them are notes too
    # Bold tells a heading only where the text around is not bold itself (arabi sets its
    # body in AlMohanad Bold): most of the body-size text bold, and bold says nothing.
    body = [line for line, _ in lines if abs(line.size - body_size) < 0.5]
    bold_body = 2 * sum(len(line.text) for line in body if line.bold) > sum(
        len(line.text) for line in body) > 0
    shown = [line for line, _ in lines if line.text.strip()]
    lowest = max((line.bbox[3] for line in shown), default=0.0)
    for line, cells in lines:
        if not line.text.strip():
            continue
        kind = _kind(line, body_size, cells, bold_body)
        if kind != TABLE_ROW and cells >= 2 and _ruled(line, raw.vrules):
            kind = TABLE_ROW  # cells divided by drawn rules: a table row, however few
        top, bottom = line.bbox[1], line.bbox[3]
        margin = 0.09 * raw.height
        near_edge = bottom < margin + 0.02 * raw.height or top > raw.height - margin or (
            bottom == lowest and _set_apart_below(line, shown, raw.width, body_size))
        if near_edge and (_is_page_number(line.text) or running_key(line.text) in running):
            kind = RUNNING
        elif (rule_y is not None and top > rule_y - 2 and line.size < 0.95 * body_size) or (
                rule_y is None and top > 0.6 * raw.height and line.size < 0.85 * body_size
                and re.match(r"^\s*\d+", line.text)) or (
                note_size and line.size <= note_size + 0.5 and line.size < 0.95 * body_size):
            kind = FOOTNOTE
            note_size = max(note_size, line.size)
            line = _note_number_apart(line)
        kinds.append((line, kind))
    _numbers_of_latin_notes(kinds)
    # Rows of two cells or more, or with a caesura, one after another (a poem's verses,
    # their halves apart; a table without rules) stand each alone: no paragraph runs
    # through them. A lone such row among prose is a line of it (a note call or a stray
    # gap parted it).
    many = [len(line.cells) >= 2 or line.caesura for line, _ in kinds]
    alone = {id(line) for k, (line, _) in enumerate(kinds)
             if many[k] and ((k and many[k - 1]) or (k + 1 < len(kinds) and many[k + 1]))}
    starts = _first_line_indents(kinds, body_size)
    blocks: list[Block] = []
    for line, kind in kinds:
        _add_line(blocks, line, kind, body_size, leading, alone, starts)
    return ([b for b in blocks if b.kind not in (RUNNING, FOOTNOTE)],
            [b for b in blocks if b.kind == FOOTNOTE], [b for b in blocks if b.kind == RUNNING])


# A note's number glued to its first word: LibreOffice sets it against the text.
_GLUED_NUMBER = re.compile(r"^\s*\d+(?=[^\W\d_])")  # \d: any script's digits


def _note_number_apart(line: Line) -> Line:
    """The footnote line with a space between its leading number and its first word
    (2يُنظر → 2 يُنظر): a number glued to a word is no word of the text, and the note
    starts there."""
    found = _GLUED_NUMBER.match(line.text)
    if found is None:
        return line
    at = found.end()
    return dataclasses.replace(line, text=line.text[:at] + " " + line.text[at:],
                               boxes=[*line.boxes[:at], None, *line.boxes[at:]])


_LEADING_NUMBER = re.compile(r"^\s*(\d+)\s")
_LATIN = re.compile("[A-Za-z]")
_ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
_ARABIC = re.compile("[\u0621-\u064a]")


def _numbers_of_latin_notes(kinds: list[tuple[Line, str]]) -> None:
    """A note in English on a right-to-left page: its number, set at the right like the
    other notes' numbers, is drawn against the end of the English run, which ends with a
    year as often as not ("…profile, 20211."). Where the notes before or after tell what
    its number must be, and the line's rightmost digits are that number, they go to the
    front of the note (``1 UNICEF, … 2021.``). In place, in ``kinds``."""
    notes = [i for i, (_line, kind) in enumerate(kinds) if kind == FOOTNOTE]
    numbers: dict[int, int] = {}
    for i in notes:
        found = _LEADING_NUMBER.match(kinds[i][0].text)
        if found:
            numbers[i] = int(found.group(1))  # Arabic-Indic digits too
    for n, i in enumerate(notes):
        line = kinds[i][0]
        if i in numbers or len(_LATIN.findall(line.text)) <= len(_ARABIC.findall(line.text)):
            continue
        # The nearest numbered notes before and after it (lines between them may be the
        # notes' further lines).
        before = next((numbers[k] for k in reversed(notes[:n]) if k in numbers), None)
        after = next((numbers[k] for k in notes[n + 1:] if k in numbers), None)
        expected = {x for x in (before + 1 if before is not None else None,
                                after - 1 if after is not None else None) if x is not None}
        if len(expected) != 1:
            continue
        number = str(expected.pop())
        for digits in (number, number.translate(_ARABIC_INDIC)):
            fixed = _number_to_front(line, digits)
            if fixed is not None:
                kinds[i] = (fixed, FOOTNOTE)
                break


def _number_to_front(line: Line, number: str) -> Line | None:
    """``line`` with ``number`` taken from the end of the digit run drawn rightmost and
    put in front, or None when the rightmost glyphs are not that number."""
    placed = [k for k, box in enumerate(line.boxes) if box is not None]
    if not placed:
        return None
    right = max(placed, key=lambda k: line.boxes[k][2])  # type: ignore[index]
    end = right + 1
    start = end - len(number)
    if start < 0 or line.text[start:end] != number or (
            end < len(line.text) and line.text[end].isdigit()):
        return None
    rest_text = line.text[:start] + line.text[end:]
    rest_boxes = [*line.boxes[:start], *line.boxes[end:]]
    return dataclasses.replace(line, text=f"{number} {rest_text.lstrip()}",
                               boxes=[*line.boxes[start:end], None,
                                      *rest_boxes[len(rest_text) - len(rest_text.lstrip()):]])


def _ruled(line: Line, vrules: Sequence[VRule]) -> bool:
    """Is a drawn vertical rule crossing the line between its ends (a cell border)?"""
    x0, y0, x1, y1 = line.bbox
    middle = (y0 + y1) / 2
    inset = 0.5 * line.size
    return any(x0 + inset < r.x < x1 - inset and r.y0 <= middle <= r.y1 for r in vrules)


def _kind(line: Line, body_size: float, cells: int, bold_body: bool = False) -> str:
    text = line.text.lstrip()
    if cells >= 3:
        return TABLE_ROW
    if line.size >= 1.12 * body_size:  # "2. Results" set large is a heading, not a list
        return HEADING
    if (text[:1] in BULLETS and text[1:2] == " ") or _LIST_NUMBER.match(text):
        return LIST_ITEM
    if line.bold and not bold_body and len(text) < 90:
        return HEADING
    return PARAGRAPH


def _set_apart_below(line: Line, shown: list[Line], width: float, body_size: float) -> bool:
    """Is the page's last line set apart as a folio: in the middle of the page's width and
    two lines' height or more below the line above it (TeX's wide bottom margin puts a page
    number a sixth of the page up)?"""
    middle = (line.bbox[0] + line.bbox[2]) / 2
    above = [other.bbox[3] for other in shown if other.bbox[3] <= line.bbox[1]]
    return (abs(middle - width / 2) < 0.05 * width and bool(above)
            and line.bbox[1] - max(above) >= 2 * body_size)


def _is_page_number(text: str) -> bool:
    stripped = re.sub(r"[\s\-–—|/.()]|صفحة|الصفحة|page", "", text, flags=re.IGNORECASE)
    return bool(stripped) and stripped.isdigit() and len(stripped) <= 4


def running_key(text: str) -> str:
    """What stays the same in a running header or footer from page to page."""
    return re.sub(r"\d+", "#", re.sub(r"\s+", " ", text)).strip()


def _footnote_rule(rules: Sequence[Rule], width: float, height: float) -> float | None:
    """The y of a short rule in the lower part of the page: the footnote separator."""
    candidates = [r.y for r in rules if r.y > 0.45 * height and (r.x1 - r.x0) < 0.6 * width]
    return max(candidates) if candidates else None


def _ends_short(block: Block, previous: Line, line: Line) -> bool:
    """Did the paragraph end with ``previous``? It did if it stops short of where the
    paragraph's lines end by more than the next line's first word needs: a line breaker
    would have pulled that word up (TeX and Word mark paragraphs so, with no space between
    them; ragged lines end unevenly but never leave a word's room)."""
    left = min(block.bbox[0], line.bbox[0])
    right = max(block.bbox[2], line.bbox[2])
    # A line of Latin text alone (an English paragraph on an Arabic page) runs left to
    # right: it ends short at the right.
    rtl = previous.rtl and bool(_ARABIC.search(previous.text) or not _LATIN.search(previous.text))
    short = previous.bbox[0] - left if rtl else right - previous.bbox[2]
    if short < 2.0 * previous.size:
        return False
    word = line.text.strip().split(" ", 1)[0]
    start = line.text.index(word) if word else 0
    boxes = [b for b in line.boxes[start:start + len(word)] if b is not None]
    if not boxes:
        return False
    width = max(b[2] for b in boxes) - min(b[0] for b in boxes)
    return short > width + 0.5 * previous.size


def _usual_gap(lines: list[Line], body_size: float) -> float:
    """The narrowest gap between a line and the next one under it in the same column
    (the lines of a paragraph: paragraph gaps are wider, and may be most of the gaps on a
    page of short paragraphs); when fewer than eight are seen, only if some are wider by
    half again (a page of one-line paragraphs a line apart looks like one paragraph set
    with tall lines)."""
    pairs = [(a, b, b.bbox[1] - a.bbox[3]) for a, b in itertools.pairwise(lines)
             if 0 <= b.bbox[1] - a.bbox[3] < 3 * body_size
             and min(a.bbox[2], b.bbox[2]) > max(a.bbox[0], b.bbox[0])]
    if len(pairs) >= 8:
        return min(gap for *_, gap in pairs)
    # Fewer, but of two kinds between lines of the text's own size (LibreOffice sets
    # Amiri's lines 2 ems apart, its paragraphs further): the narrower are a paragraph's.
    gaps = [gap for a, b, gap in pairs
            if abs(a.size - body_size) < 0.5 and abs(b.size - body_size) < 0.5]
    narrow = min(gaps, default=0.0)
    return narrow if narrow > 0 and any(g >= 1.4 * narrow for g in gaps) else 0.0


_INDENT = (0.8, 2.2)  # of the size: a paragraph's first-line indent (TeX's is 1.5 em)
_MAX_INDENT_LINES = 400  # paragraph lines on a page looked at for indents, at most


def _first_line_indents(kinds: list[tuple[Line, str]], body_size: float) -> set[int]:
    """The ids of lines that begin a paragraph by indenting its first line (TeX marks its
    paragraphs so, with no space between them): an Arabic line of the text's size whose
    start stands in from its column's edge by a first line's indent, in a column whose
    lines all start at that edge or at that indent (three or more in all; a column set
    ragged on its start side, as MuPDF's HTML engine sets Arabic, shows no indent). A
    hanging indent belongs to list items and notes, which are not asked."""
    lines = [line for line, kind in kinds if kind == PARAGRAPH
             and abs(line.size - body_size) < 0.5 and _ARABIC.search(line.text)]
    if len(lines) > _MAX_INDENT_LINES:
        return set()
    low, high = _INDENT[0] * body_size, _INDENT[1] * body_size
    out: set[int] = set()
    for line in lines:
        width = line.bbox[2] - line.bbox[0]
        column = [other for other in lines if min(other.bbox[2], line.bbox[2])
                  - max(other.bbox[0], line.bbox[0]) > 0.5 * min(width, other.bbox[2]
                                                                  - other.bbox[0])]
        if not column:  # a line without width has no column
            continue
        edge = max(other.bbox[2] for other in column)
        inset = edge - line.bbox[2]
        if not low <= inset <= high:
            continue
        at_edge = sum(1 for other in column if edge - other.bbox[2] < 0.5)
        alike = sum(1 for other in column if abs(edge - other.bbox[2] - inset) < 0.5)
        if at_edge >= 1 and at_edge + alike >= max(3, 0.9 * len(column)):
            out.add(id(line))
    return out


def _add_line(blocks: list[Block], line: Line, kind: str, body_size: float,
              leading: float, alone: AbstractSet[int] = frozenset(),
              starts: AbstractSet[int] = frozenset()) -> None:
    """Start a block, or continue the previous paragraph (or footnote) with this line
    (``leading``: the widest gap between lines of one paragraph; ``alone``: the ids of
    lines that are blocks of their own; ``starts``: of lines that begin one)."""
    if blocks:
        last = blocks[-1]
        previous = last.lines[-1]
        gap = line.bbox[1] - previous.bbox[3]
        continues = id(line) not in alone and id(previous) not in alone and id(
            line) not in starts and ((
            last.kind == kind and kind in (PARAGRAPH, FOOTNOTE)
            and 0 <= gap < leading and abs(line.size - previous.size) < 0.5
            and not (kind == FOOTNOTE and _LEADING_NUMBER.match(line.text))
            and not _ends_short(last, previous, line)
            # A line with a leader ends at its page number (a table of contents' entry).
            and not LEADER.search(previous.text)
        ) or (last.kind == LIST_ITEM and kind == PARAGRAPH and 0 <= gap < 0.6 * body_size))
        if continues:
            last.lines.append(line)
            x0, y0, x1, y1 = last.bbox
            lx0, ly0, lx1, ly1 = line.bbox
            last.bbox = (min(x0, lx0), min(y0, ly0), max(x1, lx1), max(y1, ly1))
            return
    blocks.append(Block(kind, [line], line.bbox))
