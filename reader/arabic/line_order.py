"""Stage 3, the logical order of one line: spaces found from gaps and space glyphs,
right-to-left and left-to-right runs ordered (``reader.arabic.bidi``), brackets balanced,
a box kept for every character.
"""

from __future__ import annotations

import bisect
import itertools
import re
import statistics
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reader.arabic.bidi import AN, EN, MIRRORING, L, N, R, visual_to_logical
from reader.arabic.clusters import SPACES_BOTH, SPACES_GAPS, SPACES_GLYPHS
from reader.arabic.letters import fold_persian_forms
from reader.arabic.model import LEADER, Line
from reader.arabic.raw import Glyph, Rect, zero_width
from reader.arabic.rows import SEGMENT_GAP, Segment

SPACE_GAP = 0.15  # of the font size: a wider gap between glyphs is a space


@dataclass(frozen=True, slots=True)
class _Space:
    """A word space the page shows only as a gap: text without a glyph box."""

    text: str = " "
    box: None = None
    kind: str = N


_SPACE = _Space()


_ENDS = frozenset(".!?:;…،؛؟")  # punctuation that ends a sentence or clause


def _paragraph_rtl(kinds: list[str], clusters: Sequence[Glyph], page_rtl: bool) -> bool:
    """The direction of a line, from the bidi classes of its units. On a right-to-left
    page, any line with Arabic (a line is a piece of a paragraph: its ends say nothing); on
    a left-to-right page, a line that begins and ends in Arabic. A line without Arabic is
    left to right, unless it shows it was set right to left."""
    if R not in kinds:
        letters = [c for c in clusters if c.text != " "]
        if L not in kinds:
            # Digits alone whose closing punctuation stands at the right end were set left
            # to right: a producer that gives each line its own direction (TCPDF; python-
            # bidi without a base direction) and a phone number wrapped onto a line of its
            # own ("0933 456 789."). Right to left, the full stop stands at the left end.
            return page_rtl and not (len(letters) > 2 and letters[-1].text in _ENDS
                                     and letters[0].text not in _ENDS)
        if not page_rtl or len(letters) < 2:
            return False
        # A Latin line set right to left in an Arabic document, such as an English footnote:
        # its number stands at the right end, apart from the text (words: a formula's last
        # term stands apart too, f(x) = x + 1).
        if len(letters) > 2 and letters[-1].text.isdigit() and (
                letters[-1].box[0] - letters[-2].box[2] > 0.15 * letters[-1].size) and (
                _LATIN_WORD.search("".join(c.text for c in letters))):
            return True
        # The Latin tail of an Arabic sentence, wrapped onto a line of its own ("(WHO)¹.");
        # or an English note set right to left: its closing punctuation is at the left end.
        return letters[0].text in _ENDS and letters[-1].text not in _ENDS
    if page_rtl:
        return not _stop_at_right([c for c in clusters if c.text != " "])
    first = next(k for k in kinds if k in (R, L))
    last = next(k for k in reversed(kinds) if k in (R, L))
    return first == R and last == R


def _stop_at_right(letters: Sequence[Glyph]) -> bool:
    """Was this Arabic line set left to right, its closing punctuation standing at its
    right end (its paragraph's direction never made right to left: AbiWord's, or Arabic
    typed in a left-to-right paragraph)? No line breaker puts a stop or a colon against a
    line's first word: read as set, it goes after the last. (A stop a space apart may be
    the end of a spaced ellipsis, ". . .", broken over two lines.)"""
    return (len(letters) > 2 and letters[-1].text in _ENDS and letters[-2].kind == R
            and letters[0].text not in _ENDS
            and letters[-1].box[0] - letters[-2].box[2] < SPACE_GAP * letters[-1].size)


def _vowelled(letter: Glyph) -> bool:
    """Does the cluster carry vowel marks (harakat, tanween, shadda, sukun; not a hamza,
    which makes a letter)? MuPDF may give such a cluster, written as
    ``/ActualText``, only a share of its glyph's width (Chromium with Nazli: دَ two points
    wide of six): the gap beside it is its own ink."""
    return len(letter.text) > 1 and any("\u064b" <= ch <= "\u0652" for ch in letter.text[1:])


def _space_positions(segment: Segment, spaces: str) -> tuple[list[Glyph], list[int]]:
    """The segment's letters left to right, and before which of them the page has a space.

    A space glyph counts when its neighbours are apart; a gap with no space glyph counts
    only when wide, since shaping engines leave small gaps around marks and ligatures. On
    pages with no space glyphs at all, gaps are all there is.
    """
    clusters = segment.clusters
    letters = segment.letters
    if letters is None:
        letters = [c for c in clusters if c.text != " "]
    if len(letters) < 2:
        return letters, []
    # Clusters come sorted by their centres, space glyphs among them.
    centres = [c.centre for c in clusters if c.text == " "] if len(letters) < len(
        clusters) else []
    chosen: list[int] = []  # a space goes before these letters
    if spaces == SPACES_BOTH and (not centres or (15 * len(centres) < len(letters) and (
            _bare_gaps(letters, centres, segment.size) >= max(2, 2 * len(centres))))):
        # No space glyph on this line although the page has some elsewhere: a producer
        # (or a font) that writes word spaces as gaps only (LuaLaTeX, say), next to text
        # that has them (an English line). Its gaps are all there is. So too where its
        # gaps as wide as a space with no space glyph in them are twice its space glyphs:
        # such a producer has drawn a space inside a run of the other direction (XeTeX's
        # "-5" or "1.2 " in Arabic), where it leaves no gap.
        spaces, centres = SPACES_GAPS, []
    if spaces == SPACES_GLYPHS:
        middles = [c.centre for c in letters]
        for x in centres:
            k = bisect.bisect_right(middles, x)
            if 0 < k < len(middles) and middles[k - 1] < x and (not chosen or chosen[-1] != k):
                chosen.append(k)
    else:
        full, small = max(segment.size, 1.0), max(0.7 * segment.size, 1.0)
        glyph_gap, bare_gap = 0.06, SPACE_GAP if spaces == SPACES_GAPS else 0.3
        floor = min(bare_gap, glyph_gap) * small if centres else bare_gap * small
        gaps = segment.gaps
        if gaps is None:
            gaps = [b.box[0] - a.box[2] for a, b in itertools.pairwise(letters)]
        # (Marks with advances of their own, Homa's, leave gaps of their kind in words.)
        vowelled = any(map(_vowelled, letters))
        if not centres and vowelled:
            gaps = _without_mark_advances(letters, gaps, full)
        # Most pairs are too close for any space: look closer at the others only. A raised
        # small glyph (a footnote call) is measured by its own size; asking costs, so only
        # when the answer matters.
        bare_full, bare_small = bare_gap * full, bare_gap * small
        glyph_full, glyph_small = glyph_gap * full, glyph_gap * small
        digit_gap = SPACE_GAP * full
        # Where the line has no space glyphs, its own word gaps: a font whose word space
        # is narrow, a justified line shrunk (XeTeX with Titr: 0.145 em).
        # Measured between words only: a gap with a letter or digit beside it (the dots of
        # a leader, a table of contents' ". . . ." to its page number, are evenly apart
        # too, wider than a word's letters and narrower than its spaces).
        own = _own_word_gap([gap for i, gap in enumerate(gaps) if letters[i].text[:1].isalnum()
                             or letters[i + 1].text[:1].isalnum()], full) if (
            not centres and not vowelled) else None
        if own is not None:
            floor = min(floor, own)
        for i in [i for i, gap in enumerate(gaps, 1) if gap > floor]:
            gap = gaps[i - 1]
            if own is not None and gap > own:
                chosen.append(i)
                continue
            if gap > digit_gap and letters[i].text.isdigit() and letters[i - 1].text.isdigit():
                # Digits are set edge to edge: no shaping leaves a gap between them, and a
                # producer that draws no glyph for the space between the groups of a phone
                # number (cairo) leaves only that gap.
                chosen.append(i)
                continue
            if gap > digit_gap and _scripts_meet(letters, i):
                # So are an Arabic letter and a Latin letter or digit: no shaping or kerning
                # works across scripts, and a gap where they meet is a space drawn elsewhere
                # (TCPDF draws a line's runs apart, their spaces at the runs' ends) or none.
                chosen.append(i)
                continue
            if gap > digit_gap and _bracket_meets_word(letters[i - 1], letters[i]):
                # So are a bracket or quote and the word outside it: a gap there is a
                # space with no glyph (TCPDF draws `بالأرقام [٤]` and `(WHO)` after an
                # Arabic word so), not a bracket's side bearing (inside its box).
                chosen.append(i)
                continue
            if centres and (zero_width(letters[i]) or zero_width(letters[i - 1])
                            or _vowelled(letters[i]) or _vowelled(letters[i - 1])):
                # A letter without width (MuPDF's place for a cluster a producer wrote
                # as ActualText: Chromium's letter after its marks) stands anywhere in its
                # ink: a gap beside it narrower than a letter tells nothing; a space
                # glyph between does.
                k = bisect.bisect_right(centres, letters[i - 1].centre)
                if gap > full or (k < len(centres) and centres[k] < letters[i].centre):
                    chosen.append(i)
                continue
            if gap > bare_full:
                chosen.append(i)
                continue
            raised: bool | None = None
            if gap > bare_small:
                raised = _small(letters[i], segment) or _small(letters[i - 1], segment)
                if raised:
                    chosen.append(i)
                    continue
            if not centres or gap <= glyph_small:
                continue
            if gap <= glyph_full:
                if raised is None:
                    raised = _small(letters[i], segment) or _small(letters[i - 1], segment)
                if not raised:
                    continue
            k = bisect.bisect_right(centres, letters[i - 1].centre)
            if k < len(centres) and centres[k] < letters[i].centre:
                chosen.append(i)
    return letters, chosen


def _scripts_meet(letters: list[Glyph], i: int) -> bool:
    """Do an Arabic letter and a Latin word (two letters or digits at least, or a unit
    after its sign, °C: a lone one inside Arabic is a misread glyph), or a Latin letter
    and a digit, meet between ``letters[i - 1]`` and ``letters[i]``? (A word's letters
    and its digits touch, Q3; a number and its unit stand a space apart, 12 km.)"""
    a, b = letters[i - 1], letters[i]
    x, y = a.text[:1], b.text[:1]
    if (x.isdigit() and y.isascii() and y.isalpha()) or (
            y.isdigit() and x.isascii() and x.isalpha()):
        return True
    if a.kind == R and b.kind != R:
        latin, beyond, arabic = b, letters[i + 1] if i + 1 < len(letters) else None, a
    elif b.kind == R and a.kind != R:
        latin, beyond, arabic = a, letters[i - 2] if i > 1 else None, b
    else:
        return False
    return arabic.text[0].isalpha() and beyond is not None and latin.text[0].isascii() and (
        latin.text[0].isalnum()) and (beyond.text[0] in "°%" or (
            beyond.text[0].isascii() and beyond.text[0].isalnum()))


_BRACKETS = frozenset("()[]{}«»“”")


def _bracket_meets_word(a: Glyph, b: Glyph) -> bool:
    """Is one of two neighbours a bracket or quote, the other a letter or digit?"""
    x, y = a.text[:1], b.text[:1]
    return (x in _BRACKETS and y.isalnum()) or (y in _BRACKETS and x.isalnum())


def _bare_gaps(letters: list[Glyph], centres: list[float], size: float) -> int:
    """How many gaps between the line's letters are as wide as a space with no space
    glyph in them."""
    count = 0
    for a, b in itertools.pairwise(letters):
        if b.box[0] - a.box[2] > SPACE_GAP * size:
            k = bisect.bisect_right(centres, a.centre)
            count += not (k < len(centres) and centres[k] < b.centre)
    return count


_WORD_GAPS = 3  # gaps of one width a line needs to show its word gaps
_TIGHT = 0.06  # of the size: a gap this narrow is inside a word (shaping, kerning)


def _own_word_gap(gaps: list[float], size: float) -> float | None:
    """The width above which a gap of this line is a word space, where its gaps show it
    apart from the fixed share of the size (``SPACE_GAP``): three or more gaps of one width
    (within a factor 1.5 of their median), most of the line's gaps over ``_TIGHT``, and
    every other gap of the line far narrower (a third of them at most). None otherwise:
    the size's share decides."""
    wide = sorted(g for g in gaps if g > _TIGHT * size)
    if len(wide) < _WORD_GAPS:
        return None
    middle = wide[len(wide) // 2]
    alike = [g for g in wide if 0.7 * middle <= g <= 1.5 * middle]
    tight = max((g for g in gaps if g <= _TIGHT * size), default=0.0)
    if len(alike) < max(_WORD_GAPS, 0.6 * len(wide)) or tight > middle / 3 or (
            min(wide) < 0.6 * middle):
        return None
    return 0.6 * middle


def _without_mark_advances(letters: list[Glyph], gaps: list[float],
                           size: float) -> list[float]:
    """The gaps with the advance of the marks beside them taken out, where the line shows
    one: a font whose harakat have advances (Farsiweb's Homa and Nazli) set by LuaLaTeX
    moves the pen on by them, leaving a gap after each vowelled letter (دَ رْ سٌ). The
    advance is the one the gaps on one side of vowelled letters have over the other gaps
    of the line: a mark's worth each, the same on most of them (inside words)."""
    plain = [g for i, g in enumerate(gaps)
             if not _vowelled(letters[i]) and not _vowelled(letters[i + 1])]
    base = statistics.median(plain) if plain else 0.0
    for side in (1, 0):  # the vowelled letter on the gap's right (Arabic), or its left
        steps = []
        for i, gap in enumerate(gaps):
            near, far = letters[i + side], letters[i + 1 - side]
            if _vowelled(near) and not _vowelled(far):
                steps.append((gap - base) / _harakat(near))
        if len(steps) < _ADVANCE_SEEN:
            continue
        step = statistics.median(steps)
        # Between two vowelled letters the pen moved on by the marks too, inside words;
        # where it did not (Nazli's marks draw in boxes of their own, and stand beside
        # their letters), or where no letter but a word's last is vowelled (XeTeX's
        # partly vowelled text: the gaps beside them are word spaces), the gaps stand.
        both = [(gap - base) / _harakat(letters[i + side]) for i, gap in enumerate(gaps)
                if _vowelled(letters[i]) and _vowelled(letters[i + 1])]
        if step > _ADVANCE_MIN * size and len(both) >= _ADVANCE_BOTH and (
                abs(statistics.median(both) - step) < 0.3 * step):
            return [gap - step * _harakat(letters[i + side]) if _vowelled(
                letters[i + side]) else gap for i, gap in enumerate(gaps)]
    return gaps


def _harakat(letter: Glyph) -> int:
    return sum(1 for ch in letter.text[1:] if "\u064b" <= ch <= "\u0652")


# Gaps beside vowelled letters a line needs to show its marks' advance, and the least
# advance (of the size) taken for one: below, shaping's usual play around marks.
_ADVANCE_SEEN, _ADVANCE_MIN = 4, 0.12
_ADVANCE_BOTH = 2  # gaps between two vowelled letters that show it too, at least


def _with_spaces(letters: list[Glyph], chosen: list[int]) -> list[Glyph | _Space]:
    """The letters with a space before each of those at ``chosen``."""
    out: list[Glyph | _Space] = []
    start = 0
    for i in chosen:
        out += letters[start:i]
        out.append(_SPACE)
        start = i
    out += letters[start:]
    return out


def _small(c: Glyph, segment: Segment) -> bool:
    """Superscript, or smaller than its line and raised: a footnote call, say. Never a
    glyph without width: MuPDF flags as superscript the raised, width-less letter it
    places at the mark drawn before it (Chromium's letter after its marks)."""
    return (c.superscript or (c.size < 0.9 * segment.size
                              and c.baseline < segment.baseline - 0.15 * segment.size)
            ) and not zero_width(c)


_LATIN_WORD = re.compile("[A-Za-z]{2}")
_MIRRORED = re.compile("[()\\[\\]{}«»]")
_COMBINING = re.compile("[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")


_OPENERS, _CLOSERS = "([{«", ")]}»"


def _by_position(text: str) -> str:
    """Each bracket of ``text`` that is glued to a word on one side only, as the opening
    (before the word) or closing (after it) one."""
    chars = list(text)
    for i in [m.start() for m in _MIRRORED.finditer(text)]:
        before = i > 0 and text[i - 1].isalnum()
        after = i + 1 < len(text) and text[i + 1].isalnum()
        if (before and not after and chars[i] in _OPENERS) or (
                after and not before and chars[i] in _CLOSERS):
            chars[i] = chars[i].translate(MIRRORING)
    return "".join(chars)


def _balanced(text: str) -> int:
    """How well the brackets of a line pair up in logical order (higher is better)."""
    brackets = "".join(_MIRRORED.findall(text))
    score = 0
    for opening, closing in ("()", "[]", "{}", "«»"):
        depth = 0
        for ch in brackets:
            if ch == opening:
                depth += 1
            elif ch == closing:
                if depth:
                    depth -= 1
                    score += 1
                else:
                    score -= 1
    return score


def _numeric(segment: Segment) -> bool:
    """A figure: mostly digits, or a quantity (a number and its unit: ٥١ سنة)."""
    text = "".join(c.text for c in segment.clusters if c.text != " ")
    digits = sum(ch.isdigit() for ch in text)
    return bool(text) and (digits >= 0.5 * len(text)
                           or (digits >= 1 and len(text) <= 3 * digits + 4))


def left_to_right_tables(rows: list[list[Segment]], rtl: bool) -> set[int]:
    """Rows of tables that a producer laid out left to right in a right-to-left document.

    In an Arabic table the label column comes first, at the right, and the figures follow.
    When the column of words stands at the left and the figures at the right, the table was
    set left to right (MuPDF's HTML engine does that): its cells read left to right.
    """
    found: set[int] = set()
    for i, j in _runs(rows, rtl, lambda row: len(row) >= 3, 2):
        table = [sorted(row, key=lambda s: s.x0) for row in rows[i:j]]
        left_words = sum(not _numeric(row[0]) for row in table)
        right_numbers = sum(_numeric(row[-1]) for row in table)
        right_words = sum(not _numeric(row[-1]) for row in table)
        if left_words > len(table) / 2 and right_numbers >= right_words:
            found.update(range(i, j))
    return found


def _runs(rows: list[list[Segment]], rtl: bool, fits: Callable[[list[Segment]], bool],
          least: int) -> list[tuple[int, int]]:
    """The runs ``rows[i:j]`` of at least ``least`` consecutive rows that ``fits`` (none
    in a left-to-right document)."""
    runs: list[tuple[int, int]] = []
    i = 0
    while rtl and i < len(rows):
        j = i
        while j < len(rows) and fits(rows[j]):
            j += 1
        if j - i >= least:
            runs.append((i, j))
        i = max(j, i + 1)
    return runs


_LETTER = re.compile("[\u0621-\u064a]")


def _rhyme(text: str) -> str:
    """The last letter of a half-line (its rhyme letter when it closes a verse)."""
    letters = _LETTER.findall(text)
    return letters[-1] if letters else ""


def left_to_right_verse(rows: list[list[Segment]], rtl: bool, texts: Callable[
        [Segment], str]) -> set[int]:
    """Rows of verse whose halves a producer set left to right (a two-cell table laid out
    left to right: MuPDF's HTML engine).

    A poem rhymes on the last letter of each verse's second half; its first halves end as
    they may. When, through three lines or more, the halves at the right share their last
    letter and those at the left do not, the right halves are the second ones: the row
    reads from the left. ``texts`` gives a segment's text in logical order."""
    found: set[int] = set()
    for i, j in _runs(rows, rtl, lambda row: len(row) == 2, 3):
        halves = [sorted(row, key=lambda s: s.x0) for row in rows[i:j]]
        shares = []
        for side in (0, 1):
            ends = [_rhyme(texts(row[side])) for row in halves]
            shares.append(max(ends.count(e) for e in ends) / len(ends) if all(ends) else 0.0)
        if shares[1] >= 0.8 and shares[1] >= shares[0] + 0.3:
            found.update(range(i, j))
    if found:
        # One producer set the page: a shorter poem (two verses: too few to tell by rhyme)
        # whose halves part where those found part, within their stretch, reads so too.
        halves = [sorted(rows[k], key=lambda s: s.x0) for k in sorted(found)]
        middles = sorted((a.x1 + b.x0) / 2 for a, b in halves)
        middle = middles[len(middles) // 2]
        x0, x1 = min(a.x0 for a, _ in halves), max(b.x1 for _, b in halves)
        for i, row in enumerate(rows):
            if i in found or not x0 - row[0].size <= min(s.x0 for s in row) or not max(
                    s.x1 for s in row) <= x1 + row[0].size:
                continue
            if len(row) == 2:
                left, right = sorted(row, key=lambda s: s.x0)
                apart = (left.x1, right.x0)
            elif len(row) == 1 and (cut := _parting(row[0])) is not None:
                apart = cut
            else:
                continue
            if apart[0] < middle < apart[1]:
                found.add(i)
    return found


def _parting(segment: Segment) -> tuple[float, float] | None:
    """Where a segment's widest gap between letters is, if it may part a verse's halves:
    half an em at least and twice the segment's next widest gap (a justified verse's word
    gaps are even; it is asked only of rows where the page's verse parts)."""
    letters = segment.letters or [c for c in segment.clusters if c.text != " "]
    gaps = sorted((b.box[0] - a.box[2], a.box[2], b.box[0])
                  for a, b in itertools.pairwise(letters))
    if not gaps or gaps[-1][0] < 0.5 * segment.size or (
            len(gaps) > 1 and gaps[-1][0] < 2 * gaps[-2][0]):
        return None
    return gaps[-1][1:]


def _halves(segment: Segment) -> list[Segment]:
    """A segment cut where its halves part (``_parting``), left first, or as it is."""
    cut = _parting(segment)
    if cut is None:
        return [segment]
    at = next(k for k, c in enumerate(segment.clusters) if c.text != " " and c.box[0] >= cut[1])
    return [Segment(segment.clusters[:at], segment.size, segment.baseline),
            Segment(segment.clusters[at:], segment.size, segment.baseline)]


_ARABIC_WORD = re.compile("[\u0621-\u064a\u064b-\u0652]{3,}")


# Common words that are no words written backwards (عم, لك, دق are words: left out).
_FUNCTION_WORDS = frozenset(("في", "من", "على", "إلى", "الى", "عن", "أن", "هذا", "التي", "الذي",
                             "كان", "هو", "هي", "ثم", "أو", "بين", "بعد", "قبل", "حتى", "إن",
                             "ذلك"))
_BACKWARD_WORDS = frozenset(w[::-1] for w in _FUNCTION_WORDS)
_ANY_WORD = re.compile("[\u0621-\u064a]+")


def reversal_evidence(text: str) -> tuple[int, int]:
    """How many of the line's words read as Arabic written backwards, and how many as
    Arabic written forwards: words that start with ة or ى (which only end words), end
    with the article reversed (لا…) or are common words reversed (نم, يف, ىلع), against
    words that start with the article, end with ة or ى, or are common words."""
    words = _ARABIC_WORD.findall(text)
    backwards = sum(w[0] in "ةى" or (w.endswith("لا") and len(w) > 3) for w in words)
    forwards = sum(w.startswith("ال") or w[-1] in "ةى" for w in words)
    every = _ANY_WORD.findall(text)
    return (backwards + sum(w in _BACKWARD_WORDS for w in every),
            forwards + sum(w in _FUNCTION_WORDS for w in every))


def reads_reversed(text: str) -> bool:
    """Does the line read as Arabic written backwards? Its backward cues
    (``reversal_evidence``) outnumber, two to one, its forward ones, three at least: the
    producer laid the letters out left to right (LuaTeX in a left-to-right paragraph and
    verbatim text do), and they read as drawn."""
    if " ة" not in text and " ى" not in text and "لا " not in text:
        return False  # no word starts backwards but perhaps the first: most lines
    words = _ARABIC_WORD.findall(text)
    if len(words) < 5:
        return False
    backwards, forwards = reversal_evidence(text)
    return backwards >= 3 and backwards > 2 * forwards


# A gap inside a line this many ems wide (twice what cuts a row where the rows around
# leave it empty too) is a verse's caesura or a tab's, never a word space.
CAESURA = 2 * SEGMENT_GAP


def logical_line(segments: Sequence[Segment], rtl: bool, spaces: str = SPACES_BOTH,
                 cells_left_to_right: bool = False, persian_forms: bool = False,
                 as_drawn: bool = False,
                 wrapped: dict[int, list[Segment]] | None = None) -> Line:
    """The text of a row's segments in reading order, with a box per character.
    ``persian_forms``: fold Persian letter forms to Arabic letters (``reader.arabic.letters``);
    ``as_drawn``: every letter left to right, as drawn (see ``reads_reversed``);
    ``wrapped``: by ``id`` of a segment, the further lines of its table cell
    (``reader.arabic.reading_order.wrapped_cells``), read after it in the same cell."""
    if cells_left_to_right and len(segments) == 1:
        segments = _halves(segments[0])  # a verse's halves left uncut: read left first
    ordered_segments = sorted(segments, key=lambda s: s.x0,
                              reverse=rtl and not cells_left_to_right) if len(
        segments) > 1 else segments
    texts: list[str] = []
    boxes: list[Rect | None] = []
    cells: list[str] = []
    for n, segment in enumerate(ordered_segments):
        cell_start = len(texts)
        if n:
            texts.append(" ")
            boxes.append(None)
        letters, chosen = _space_positions(segment, spaces)
        kinds = [c.kind for c in letters]
        if as_drawn or (rtl and L not in kinds and EN not in kinds and AN not in kinds
                        and not _stop_at_right(letters)):
            # As drawn, or (the common case) nothing reads left to right: simply reversed.
            parts = [c.text for c in letters]
            places: list[Rect | None] = [c.box for c in letters]
            for i in reversed(chosen):
                parts.insert(i, " ")
                places.insert(i, None)
            if not as_drawn:
                parts.reverse()
                places.reverse()
            flips = None
        else:
            visual = _with_spaces(letters, chosen)
            kinds = [u.kind for u in visual]
            units, flips = visual_to_logical(
                visual, _paragraph_rtl(kinds, segment.clusters, rtl), kinds)
            parts = [u.text for u in units]
            places = [u.box for u in units]
        plain = "".join(parts)
        if _MIRRORED.search(plain):
            # Producers differ: some store a bracket drawn mirrored as the logical
            # character, others (the legacy visual pipeline) as the shape drawn. Keep
            # whichever reading balances the brackets.
            flipped = plain.translate(MIRRORING) if flips is None else "".join(
                [t.translate(MIRRORING) if f else t for t, f in zip(parts, flips, strict=True)])
            if _balanced(flipped) > _balanced(plain):
                plain = flipped
            # What pairing cannot tell (a quotation over several lines, a list's "1)"):
            # a bracket glued to the end of a word closes, one glued to its start opens.
            plain = _by_position(plain)
        texts.append(plain)
        if len(plain) == len(parts):  # one character per unit: the common case
            boxes += places
        else:
            boxes += [box for t, box in zip(parts, places, strict=True) for _ in t]
        for further in (wrapped or {}).get(id(segment), ()):
            more = logical_line([further], rtl, spaces, cells_left_to_right, as_drawn=as_drawn)
            texts.append(" " + more.text)
            boxes += [None, *more.boxes]
        if len(ordered_segments) > 1:
            cells.append(unicodedata.normalize("NFC", "".join(texts[cell_start:])).strip())
    joined = "".join(texts)
    text = unicodedata.normalize("NFC", joined) if _COMBINING.search(joined) else joined
    if len(text) != len(boxes):  # NFC composed marks: keep the map total, one box per char
        boxes = _realign_boxes(joined, text, boxes)
    if persian_forms:
        text = fold_persian_forms(text)
        cells = [fold_persian_forms(c) for c in cells]
    if LEADER.search(text):
        text, boxes = _leaders_apart(text, boxes)
        cells = [_leaders_apart(c, [None] * len(c))[0] for c in cells]
    if _ADDRESS_HINT.search(text) and _LETTER.search(text):  # (in Arabic lines only)
        text, boxes = _addresses_in_order(text, boxes)
        cells = [_addresses_in_order(c, [None] * len(c))[0] for c in cells]
    if not cells:
        cells = [text.strip()]
    caesura = False
    if len(segments) == 1:
        only = segments[0]
        x0, x1, top, bottom, size = only.x0, only.x1, only.top, only.bottom, only.size
        caesura = bool(only.gaps and max(only.gaps) > CAESURA * size)
    else:
        x0 = min(s.x0 for s in segments)
        x1 = max(s.x1 for s in segments)
        top = min(s.top for s in segments)
        bottom = max(s.bottom for s in segments)
        size = max(s.size for s in segments)
    total = sum(len(s.clusters) for s in segments)
    bold = sum([c.bold for s in segments for c in s.clusters]) > 0.6 * total
    return Line(text, boxes, (x0, top, x1, bottom), size, bold, rtl, cells, caesura)


_ADDRESS_HINT = re.compile("@|www|http", re.IGNORECASE)
# A web or e-mail address: labels (each starting with a letter) and the signs between.
_ADDRESS = re.compile(r"[A-Za-z][\w-]*(?:[./:@]+[A-Za-z][\w-]*)+")
_PARTS = re.compile(r"[\w-]+|[^\w-]")
_TLD = r"(?:com|org|net|edu|gov|mil|int|info|biz|io|[a-z]{2})"
_WELL_FORMED = re.compile(
    rf"[\w.+-]+@(?:[\w-]+\.)+{_TLD}|(?:https?://)?www\.(?:[\w-]+\.)+{_TLD}(?:/[\w./-]*)?"
    rf"|https?://(?:[\w-]+\.)+{_TLD}(?:/[\w./-]*)?", re.IGNORECASE)


def _addresses_in_order(text: str, boxes: list[Rect | None]) -> tuple[str, list[Rect | None]]:
    """Web and e-mail addresses whose parts a producer drew in right-to-left order (TCPDF's
    own bidi breaks a left-to-right run at each dot, slash and @: www.example.org drawn as
    org.example.www, info@example.org as org.example@info), put back in order: where the
    address as read is none, and its parts the other way round make one (an e-mail's
    domain ends in a top-level domain; a web address starts with www. or http)."""
    edits: list[tuple[int, int, str, list[Rect | None]]] = []
    for m in _ADDRESS.finditer(text):
        if _WELL_FORMED.fullmatch(m.group()):
            continue
        pieces = [(m.start() + p.start(), m.start() + p.end())
                  for p in _PARTS.finditer(m.group())][::-1]
        turned = "".join(text[a:b] for a, b in pieces)
        if _WELL_FORMED.fullmatch(turned):
            edits.append((m.start(), m.end(), turned, [x for a, b in pieces for x in boxes[a:b]]))
    return _spliced(text, boxes, edits)


def _leaders_apart(text: str, boxes: list[Rect | None]) -> tuple[str, list[Rect | None]]:
    """A leader set apart from the words beside it by a space: however near the producer
    drew its first and last dots to them (TeX aligns leaders' dots on a grid: a dot may
    touch the word), the dots are no part of a word."""
    edits: list[tuple[int, int, str, list[Rect | None]]] = []
    for m in LEADER.finditer(text):
        before = m.start() > 0 and not text[m.start() - 1].isspace()
        after = m.end() < len(text) and not text[m.end()].isspace()
        edits.append((m.start(), m.end(), " " * before + m.group() + " " * after,
                      [None] * before + boxes[m.start():m.end()] + [None] * after))
    return _spliced(text, boxes, edits)


def _spliced(text: str, boxes: list[Rect | None],
             edits: list[tuple[int, int, str, list[Rect | None]]],
             ) -> tuple[str, list[Rect | None]]:
    """The text with each ``(start, end, new text, its boxes)`` in place of its stretch
    (in order, apart), and its boxes with it: the character-to-glyph map stays total."""
    if not edits:
        return text, boxes
    parts: list[str] = []
    places: list[Rect | None] = []
    start = 0
    for a, b, new, new_boxes in edits:
        parts += [text[start:a], new]
        places += [*boxes[start:a], *new_boxes]
        start = b
    parts.append(text[start:])
    places += boxes[start:]
    return "".join(parts), places


def _realign_boxes(before: str, after: str, boxes: list[Rect | None]) -> list[Rect | None]:
    out: list[Rect | None] = []
    i = 0
    for ch in after:
        # Walk the unnormalized text; a composed character takes its first part's box.
        while i < len(before) and unicodedata.normalize("NFC", before[i]) != ch and (
                not unicodedata.normalize("NFD", ch).startswith(before[i])):
            i += 1
        out.append(boxes[i] if i < len(boxes) else None)
        consumed = len(unicodedata.normalize("NFD", ch))
        i += max(1, consumed)
    return out
