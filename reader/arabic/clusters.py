"""Stage 1, glyphs to clusters: presentation forms and ligatures to base letters, marks
attached to their letter, spaces and tatweel dropped, and how the page shows word spaces.

Assumes nothing of the producer's glyph order: marks are placed by position, helped by
the content stream's order; width-less letters and doubled glyphs are recognized by their
geometry.
"""

from __future__ import annotations

import bisect
import dataclasses
import math
import unicodedata
from collections import Counter
from collections.abc import Iterable

from reader.arabic.bidi import L, R
from reader.arabic.chars import is_mark
from reader.arabic.raw import Glyph, zero_width

# How a page shows its word spaces: only as gaps, as space glyphs (then only a wide gap
# without a glyph counts), or only as glyphs (gaps there are meaningless).
SPACES_GAPS, SPACES_BOTH, SPACES_GLYPHS = "gaps", "both", "glyphs"


def make_clusters(glyphs: Iterable[Glyph]) -> tuple[list[Glyph], int, str]:
    """Clusters (glyphs with the marks drawn over them) in no particular order, how many
    glyphs carried text, and how spaces are to be found on this page (``SPACES_*``).

    Marks go on their letter: by position, helped by the content stream's order, because
    producers place zero-width marks differently (LibreOffice after the letter at its left
    edge, Chromium before it at its origin).
    """
    items = list(glyphs)
    texts = [g.text for g in items]
    if "" in texts:  # invisible characters (tatweel, joiners) are no clusters
        items = _without_invisible(items)
        texts = [t for t in texts if t]
    distinct = set(texts)
    if _ALLAH in distinct:
        items = _allah_ligatures(items)
    count = len(texts) - texts.count(" ")
    mode = SPACES_BOTH if " " in distinct else SPACES_GAPS
    mark_texts = {t for t in distinct if is_mark(t)}  # few distinct texts: cheap
    if not mark_texts.isdisjoint(_HELD):
        items = _marks_held_twice(items)
    items = _alefs_inside_letters(items)
    flat = [g for g in items if g.box[2] - g.box[0] < 0.01]
    loose = any(g.text != " " and g.text not in mark_texts for g in flat)
    # The passes below never change a glyph (the page's glyphs stay as read): a glyph
    # that needs another text is replaced by a copy.
    changed = False
    carried: set[int] = set()  # space glyphs that carry a letter's width: not spaces
    # Width-less letters are what the producer-specific passes deal with: most pages have
    # none, and skip them.
    if loose:
        items = _drop_doubled_letters(_marks_mapped_as_clusters(items, mark_texts), mark_texts)
        widths = _width_spaces(items, mark_texts)
        if widths is not None:
            carried, mode = widths, SPACES_GLYPHS
        else:
            items, changed = _join_split_ligatures(items, mark_texts)
            if changed:
                items = _without_ligature_copies(items, mark_texts)
    orphans: list[Glyph] = []
    if mark_texts:
        zero = {id(g) for g in flat}
        new_texts: dict[int, str] = {}  # index in items -> the text with its marks
        wide: dict[int, list[float]] = {}  # index in items -> its box with its wide marks
        marks_at = [i for i, c in enumerate(items) if c.text in mark_texts]
        # Where the stream gives marks after their letters: the half points at which a
        # width-less letter stands (a mark there is that letter's, not the one before).
        after = {round(2 * g.box[0]) for g in flat if g.text not in mark_texts and g.text != " "
                 } if _marks_follow_letters(items, marks_at, mark_texts) else None
        targets = _page_habit(items, {i: _stream_base(items, i, zero, mark_texts, after)
                                      for i in marks_at}, mark_texts)
        for i, target in targets.items():
            mark = items[i].text
            if target is not None:
                # A letter never carries the same mark twice (LibreOffice can draw marks
                # twice; Qt maps آ to the alef's glyph and draws its madda apart); a
                # ligature may carry it once per letter.
                text = new_texts.get(target, items[target].text)
                letters = sum(1 for ch in text if not unicodedata.combining(ch))
                lam_alef = _lam_alef_after(items, i, target, mark_texts) if (
                    after is not None and mark in _VOWELS) else None
                if lam_alef is not None and (mark in _TANWEEN or not _VOWELS.isdisjoint(
                        text[1:])):
                    # Where the page gives marks after their letters, a vowel given
                    # between a letter that has its own and the lam-alef ligature after it
                    # (TCPDF gives a ligature's marks before it, drawn on the letter
                    # before), or a tanween there (none stands inside a word), is the
                    # ligature's lam's: فَلَا, جِيلًا.
                    held = new_texts.get(lam_alef, items[lam_alef].text)
                    if mark not in held:
                        new_texts[lam_alef] = held[:1] + mark + held[1:]
                elif (unicodedata.normalize("NFD", text) if not _COMPOSED.isdisjoint(text)
                        else text).count(mark) < letters:
                    new_texts[target] = text + mark
                m = items[i].box
                if m[2] - m[0] >= 0.01:
                    # A mark with a width of its own (Nazli's) takes room beside its
                    # letter: the cluster spans both, no gap inside a word.
                    box = wide.setdefault(target, list(items[target].box))
                    box[0], box[2] = min(box[0], m[0]), max(box[2], m[2])
            else:
                orphans.append(items[i])
        if new_texts:
            items = list(items)
            for k, text in new_texts.items():
                if k in wide:
                    merged = (wide[k][0], items[k].box[1], wide[k][2], items[k].box[3])
                    items[k] = dataclasses.replace(items[k], text=text, box=merged,
                                                   centre=(merged[0] + merged[2]) / 2)
                else:
                    items[k] = _copy(items[k], text)
            changed = True
    bases = [c for c in items if c.text != " " and c.text not in mark_texts]
    spaces = [c for c in items if c.text == " " and c.size > 0 and id(c) not in carried]
    if orphans:
        _attach_marks(bases, orphans)
        changed = True
    if changed or any(len(t) > 2 for t in distinct):  # some cluster has several characters
        bases = [_copy(c, place_ligature_marks(c.text)) if len(c.text) > 2 else c
                 for c in bases]
        bases = _split_lam_alef_kasra(bases)
    return bases + spaces, count, mode


def _split_lam_alef_kasra(bases: list[Glyph]) -> list[Glyph]:
    """A lam-alef MuPDF gives as two letters with the ligature's one box, a kasra on its
    alef: its marks put as ``place_ligature_marks`` puts those of the ligature given as
    one glyph (an alef with its hamza above never carries a kasra: لِأَنَّ, not لأَِنَّ)."""
    alefs = [k for k, b in enumerate(bases) if b.text[:1] in "أآ" and KASRA in b.text
             and b.box[2] - b.box[0] >= 0.01]
    if not alefs:
        return bases
    lams = {(round(b.box[0], 1), round(b.box[2], 1), round(b.baseline, 1)): k
            for k, b in enumerate(bases) if b.text == "ل"}  # a lam without a mark
    out = list(bases)
    for k in alefs:
        b = bases[k]
        lam = lams.get((round(b.box[0], 1), round(b.box[2], 1), round(b.baseline, 1)))
        if lam is not None:
            placed = place_ligature_marks("ل" + b.text)
            cut = placed.index(b.text[0])  # the lam's part, then the alef's
            out[lam] = _copy(bases[lam], placed[:cut])
            out[k] = _copy(b, placed[cut:])
    return out


# Letters that carry a mark of their own (a madda, a hamza): asked for it decomposed.
_COMPOSED = frozenset(ch for ch in map(chr, range(0x0622, 0x06D4))
                      if len(unicodedata.normalize("NFD", ch)) > 1)


def _without_invisible(items: list[Glyph]) -> list[Glyph]:
    """The glyphs that carry text. A tatweel (kashida) drawn against a letter widens that
    letter instead: its stretch is inside a word (XeTeX draws Amiri's lam-kaf with one),
    not a gap between words. The letter is the one drawn before it in the stream, past its
    marks (a damma on ي before the kashida of عُيُـــون), or else the one drawn after it
    (LibreOffice draws a number's run left to right: the tatweel of ٣٥٤هـ before its heh).
    One that ends its word — no letter touches its other side — was typed: the
    abbreviation هـ of a Hijri year, the prefix لـ or بـ before a quotation, a Latin name
    or a number; it stays, with its letter."""
    widened: dict[int, Glyph] = {}  # index in items -> the letter with its stretch
    edges: dict[int, list[int]] | None = None  # glyphs by their edges' points, if asked
    stretches: dict[int, tuple[float, float]] = {}  # each tatweel's stretch, with them
    for i, g in enumerate(items):
        if g.text or g.char != "\u0640":
            continue
        found = None
        for step in (-1, 1):
            k = i + step
            while 0 <= k < len(items) and abs(k - i) <= 6 and (
                    not items[k].text or is_mark(items[k].text)):
                k += step  # past marks and the stretch's other tatweels
            if 0 <= k < len(items) and abs(k - i) <= 6 and _against(
                    widened.get(k, items[k]), g):
                found = k
                break
        if found is None or _ends_word(items, i, widened.get(found, items[found])):
            # Its letter elsewhere in the stream (Qt draws ١٤٤٥هـ's heh before the words
            # at its left, its tatweel after them; LibreOffice draws a line's kashidas
            # after its letters, two tatweels overlapping for one stretch): the glyph whose
            # edge the stretch touches. And nothing in the stream beside it goes on past
            # it: nor may anything past the stretch it is part of (LibreOffice overlaps
            # two tatweels for one kashida, the other's far edge the stretch's: ميـاه).
            if edges is None:
                edges, stretches = _edges_and_stretches(items)
            lo, hi = stretches[i]
            if found is None:
                stretch = dataclasses.replace(g, box=(lo, g.box[1], hi, g.box[3]))
                found = min((k for x in (lo, hi) for at in (-1, 0, 1)
                             for k in edges.get(round(x) + at, ()) if items[k].text
                             and _against(widened.get(k, items[k]), stretch)),
                            key=lambda k: (not _is_letter(items[k].text[:1]), abs(k - i)),
                            default=None)  # a letter, which a tatweel joins, before a sign
                if found is None:
                    continue
            letter = widened.get(found, items[found])
            far = lo if abs(hi - letter.box[0]) < 0.1 * g.size else hi
            ends = not any(_touches_word(items[j], g, far) for at in (-1, 0, 1)
                           for j in edges.get(round(far) + at, ())
                           if j != found and items[j].char != "\u0640")
        else:
            letter, ends = widened.get(found, items[found]), False
        box = (min(letter.box[0], g.box[0]), letter.box[1], max(letter.box[2], g.box[2]),
               letter.box[3])
        text = letter.text
        if _is_letter(text[:1]) and text[-1:] != "\u0640" and ends:
            text += "\u0640"
        widened[found] = dataclasses.replace(letter, text=text, box=box,
                                             centre=(box[0] + box[2]) / 2)
    return [widened.get(k, g) for k, g in enumerate(items) if g.text]


def _edges_and_stretches(items: list[Glyph]) -> tuple[dict[int, list[int]],
                                                      dict[int, tuple[float, float]]]:
    """The letters, digits and tatweels by their edges' points; and for each tatweel the
    stretch it is part of: the tatweels on its baseline that overlap or touch it, as one
    (left, right). One sort and one sweep: bounded by the glyphs, however they lie."""
    edges: dict[int, list[int]] = {}
    for k, other in enumerate(items):
        if other.char == "\u0640" or (other.text not in ("", " ") and not is_mark(other.text)):
            for x in (other.box[0], other.box[2]):
                edges.setdefault(round(x), []).append(k)
    tatweels = sorted((k for k, g in enumerate(items) if g.char == "\u0640" and not g.text),
                      key=lambda k: (round(items[k].baseline), items[k].box[0]))
    stretches: dict[int, tuple[float, float]] = {}
    run: list[int] = []
    lo = hi = 0.0
    for k in tatweels:
        g = items[k]
        if run and round(g.baseline) == round(items[run[0]].baseline) and (
                g.box[0] <= hi + 0.1 * g.size):
            run.append(k)
            hi = max(hi, g.box[2])
            continue
        stretches.update(dict.fromkeys(run, (lo, hi)))
        run, lo, hi = [k], g.box[0], g.box[2]
    stretches.update(dict.fromkeys(run, (lo, hi)))
    return edges, stretches


def _against(letter: Glyph, tatweel: Glyph) -> bool:
    """Is a tatweel drawn against this glyph (a letter, or a digit: a separator the font
    lacked), edge to edge on its baseline?"""
    return (letter.text != " " and abs(letter.baseline - tatweel.baseline) < 0.2 * tatweel.size
            and min(abs(letter.box[0] - tatweel.box[2]), abs(tatweel.box[0] - letter.box[2]))
            < 0.1 * tatweel.size)


def _is_letter(ch: str) -> bool:
    """An Arabic-script letter (not a digit, mark or sign)."""
    return "\u0620" <= ch <= "\u06ff" and ch.isalpha()


def _ends_word(items: list[Glyph], i: int, letter: Glyph) -> bool:
    """Does the tatweel ``items[i]``, drawn against ``letter``, end its word: no Arabic
    letter (nor another tatweel) touches its other side among its neighbours in the
    stream?"""
    g = items[i]
    near = 0.1 * max(g.size, 1.0)
    # The letter at its right (a right-to-left word): the word goes on at its left edge.
    far_edge = g.box[0] if abs(g.box[2] - letter.box[0]) < near else g.box[2]
    return not any(_touches_word(items[k], g, far_edge) for k in (i - 2, i - 1, i + 1, i + 2)
                   if 0 <= k < len(items) and items[k] is not letter)


def _touches_word(other: Glyph, tatweel: Glyph, edge: float) -> bool:
    """Does ``other``, an Arabic letter or a tatweel, touch the tatweel's ``edge``?"""
    return (other.char == "\u0640" or "\u0620" <= other.text[:1] <= "\u064a") and abs(
        other.baseline - tatweel.baseline) < 0.2 * tatweel.size and min(
        abs(other.box[2] - edge), abs(other.box[0] - edge)) < 0.1 * max(tatweel.size, 1.0)


def _copy(g: Glyph, text: str | None = None) -> Glyph:
    return Glyph(g.char, g.box, g.baseline, g.size, g.bold, g.superscript,
                 g.text if text is None else text, g.kind, g.centre)


SHADDA, SUKUN, FATHA, SUPERSCRIPT_ALEF = "\u0651", "\u0652", "\u064e", "\u0670"
KASRA, FATHATAN = "\u0650", "\u064b"
_MAKSURAS = frozenset("\u0649\ufef0\ufeef")  # alef maksura, its final and isolated forms
_HEHS = frozenset("\u0647\u06c1\u06be\u06d5")  # heh, heh goal, heh doachashmee, ae


def place_ligature_marks(text: str) -> str:
    """Put the marks of a ligature glyph on the letters they belong to.

    One glyph cannot show which of its letters a mark sits on; these are the conventions
    of typed Arabic: in the word الله the shadda with its fatha (or superscript alef) goes
    on the second lam and the case vowel on the heh; in a lam-alef whose alef carries a
    hamza, a sukun goes on the lam, and so does a kasra where the hamza is above (أ never
    carries one: لِأَنَّ); a tanween on the alef, its seat, is typed on the lam (قتيلًا),
    and so is a shadda with its vowel (إلّا); other marks follow the alef, as usually
    typed (لاَ);
    a final alef maksura carries no vowel (only a superscript alef, or a shadda with its
    vowel): the vowels go on the letter before it (عَلَى, not عَلىَ; عَلَىَّ).
    """
    letters = "".join(c for c in text if not unicodedata.combining(c))
    marks = [c for c in text if unicodedata.combining(c)]
    # Fonts name the heh of their Allah ligature with Urdu forms too (ﮧ, heh goal).
    if (letters[:-1] in ("الل", "لل") and letters[-1:] in _HEHS and text.startswith(letters)
            and SHADDA in marks):
        on_lam = [m for m in marks if m in (SHADDA, FATHA, SUPERSCRIPT_ALEF)]
        on_heh = [m for m in marks if m not in on_lam]
        return letters[:-1] + "".join(on_lam) + letters[-1] + "".join(on_heh)
    if letters in ("لأ", "لإ", "لآ") and SUKUN in marks and text.startswith(letters):
        rest = list(marks)
        rest.remove(SUKUN)  # one sukun moves to the lam; any other stays on the alef
        return "ل" + SUKUN + letters[1] + "".join(rest)
    if letters == "لا" and (FATHATAN in marks or SHADDA in marks) and text.startswith(letters):
        # The alef is the tanween's seat, the lam carries it, as it is typed (قتيلًا); an
        # alef is never doubled: a shadda is the lam's, with the vowel it carries (إلّا,
        # لِطُلَّابِهِ, كلًّا).
        on_lam = marks if SHADDA in marks else [m for m in marks if m == FATHATAN]
        return "ل" + "".join(on_lam) + "ا" + "".join(m for m in marks if m not in on_lam)
    if letters in ("لأ", "لآ") and KASRA in marks and text.startswith(letters):
        rest = list(marks)
        rest.remove(KASRA)  # an alef with its hamza above never carries a kasra: the lam's
        return "ل" + KASRA + letters[1] + "".join(rest)
    if len(letters) > 1 and letters[-1] in _MAKSURAS and text.startswith(letters) and marks:
        on_maksura = [m for m in marks if m == SUPERSCRIPT_ALEF]
        before = [m for m in marks if m != SUPERSCRIPT_ALEF]
        if SHADDA in before and len(before) > 2:  # عَلَىَّ: ى doubled, with its vowel
            before.remove(SHADDA)
            on_maksura = [SHADDA, *before[1:], *on_maksura]
            before = before[:1]
        return letters[:-1] + "".join(before) + letters[-1] + "".join(on_maksura)
    return text


_ALLAH = unicodedata.normalize("NFKC", "\ufdf2")  # الله


def _allah_ligatures(items: list[Glyph]) -> list[Glyph]:
    """Glyphs mapped to ﷲ read as the letters their font joins. Fonts draw the word الله two
    ways: the Arabeyes and KACST fonts join only لله and set the alef before it apart (the
    ligature alone is the word لله: الحمد لله); Noto's join the alef too. Where a page
    sets an alef against such a glyph's right edge, its font is of the first kind: every
    such glyph on the page is لله (not االله)."""
    alefs: dict[int, list[Glyph]] = {}  # by the whole point of their left edge
    for a in items:
        if a.text == "ا":
            alefs.setdefault(int(a.box[0]), []).append(a)
    if not any(abs(a.baseline - g.baseline) < 0.2 * g.size
               and abs(a.box[0] - g.box[2]) < 0.15 * g.size
               for g in items if g.char == "\ufdf2" and math.isfinite(g.box[2])
               for x in range(int(g.box[2]) - 2, int(g.box[2]) + 3)
               for a in alefs.get(x, ())):
        return items
    return [dataclasses.replace(g, text="لله") if g.char == "\ufdf2" else g for g in items]


def _join_split_ligatures(items: list[Glyph], mark_texts: set[str]) -> tuple[list[Glyph], bool]:
    """Put back together a ligature glyph whose mapping MuPDF split into letters; and
    whether any was.

    The letter with the glyph's box is the first (the lam of a lam-alef, the alef of ﷲ);
    the other letters have no width and sit at an edge of it. After the lam in the stream
    (Chromium: لإ) they are in logical order; before it (WeasyPrint, Google Docs' ﷲ) they
    read in reverse (عىل for على).
    """
    # Letters without width that are not Chromium's letter-after-its-marks (unless a lam
    # it completes comes before the marks: Ghostscript's rewrite of Chromium's لْأَ).
    loose_at = [i for i, c in enumerate(items)
                if c.box[2] - c.box[0] < 0.01 and c.text != " " and c.text not in mark_texts
                and not (i and items[i - 1].text in mark_texts
                         # (its marks stand at it: a mark a line away is another word's)
                         and abs(items[i - 1].box[0] - c.box[0]) < 0.3
                         and not _is_lam_of(_before_marks(items, i), c, edge=0))]
    if not loose_at:
        return items, False
    items = list(items)  # its lams may be replaced by joined copies
    out: list[Glyph] = []
    joined = False
    n = len(items)
    done = 0  # items before this one are in ``out`` (or joined)
    k = 0
    while k < len(loose_at):
        i = loose_at[k]
        out += items[done:i]
        c = items[i]
        j = i
        while k < len(loose_at) and loose_at[k] == j and abs(items[j].box[0] - c.box[0]) < 0.3:
            j += 1
            k += 1
        loose = items[i:j]
        # The letter drawn after them, past marks drawn between (cairo draws ﻼ's fatha
        # after the alef MuPDF splits off, before the lam that holds the glyph's box);
        # not for a letter of a cluster given without widths (Chromium's /ActualText
        # لَّا: its alef after its lam, the next letter's kasra after it).
        h = j
        if not (i and zero_width(items[i - 1]) and items[i - 1].text not in mark_texts):
            h = next((k for k in range(j, min(n, j + 4)) if items[k].text not in mark_texts), j)
        after = items[h] if h < n else None
        at = len(out) - 1
        while at >= 0 and out[at].text in mark_texts and len(out) - at <= 3:
            at -= 1
        before = out[at] if at >= 0 else None
        # A lam before them, else the letter after them whose right edge they sit at
        # (where MuPDF's pen stands after a glyph), else the letter before (at either
        # edge: Chromium's lam-alef, or MuPDF's pen after it).
        if after is not None and _is_head_of(after, c, edge=2) and (
                not _is_lam_of(before, c, edge=0) or (
                _holds_lam_alef(after, before, c))):
            items[h] = _copy(after, after.text + "".join(x.text for x in reversed(loose)))
            joined = True
        elif before is not None and all(_holds_again(before, x) for x in loose):
            joined = True  # the ligature put together holds them already: copies (LibreOffice)
        elif (after is not None and before is not None and _is_lam_of(after, c, edge=0)
              and abs(c.box[0] - after.box[0]) < abs(c.box[0] - after.box[2])
              and _is_head_of(before, c, 2) and before.box[2] <= after.box[0] + 1e-3
              and not _is_lam_of(before, c, edge=0)):
            # The stream runs left to right here (MuPDF gives some of LuaLaTeX's lines so):
            # the lam drawn next, at whose left edge they sit, is theirs, not the letter
            # before, whose right edge is there too (الآبار, not البآار).
            items[h] = _copy(after, after.text + "".join(x.text for x in reversed(loose)))
            joined = True
        elif before is not None and (_is_lam_of(before, c, edge=0) or any(
                _is_head_of(before, c, edge) for edge in (0, 2))):
            # The pair's box reaches the alef: drawn apart (Scheherazade), it is inked
            # there, and the next letter is no word away.
            box = (min(before.box[0], c.box[0]), before.box[1], max(before.box[2], c.box[2]),
                   before.box[3])
            out[at] = dataclasses.replace(before, text=before.text + "".join(
                x.text for x in loose), box=box, centre=(box[0] + box[2]) / 2)
            joined = True
        else:
            out.extend(loose)
        done = j
    out += items[done:]
    return out, joined


def _holds_lam_alef(after: Glyph | None, before: Glyph | None, alef: Glyph) -> bool:
    """Between two lams, whose is the width-less alef at the edge of both? The one whose
    glyph is a lam-alef ligature: a lam with more than half again the other's width
    (WeasyPrint's ﻼ mapped to its letters: اللازم, not الالزم)."""
    return (after is not None and before is not None and after.text == "ل"
            and alef.text[:1] in _ALEFS
            and after.box[2] - after.box[0] > 1.6 * (before.box[2] - before.box[0]))


def _before_marks(items: list[Glyph], i: int) -> Glyph | None:
    """The glyph before ``items[i]`` and the (at most two) marks right before it."""
    k = i - 1
    while k >= 0 and i - k <= 3 and unicodedata.combining(items[k].text[:1] or " "):
        k -= 1
    return items[k] if k >= 0 else None


def _is_lam_of(lam: Glyph | None, loose: Glyph, edge: int) -> bool:
    """Is ``lam`` the lam of a lam-alef whose alef MuPDF left without width? Producers
    draw the pair in two pieces, the alef a little apart: Chromium 0.3 pt, Scheherazade
    (a hamza-carrying alef, raised) 0.28 of the size beyond the lam's edge."""
    return (lam is not None and lam.text.startswith("ل") and loose.text[:1] in _ALEFS
            and _is_head_of(lam, loose, edge, 0.35 * lam.size))


_ALEFS = frozenset("\u0627\u0623\u0625\u0622\u0671")  # ا أ إ آ ٱ
_LAM_ALEF_LETTERS = _ALEFS | {"\u0644"}


def _is_head_of(head: Glyph | None, loose: Glyph, edge: int, near: float = 1e-3) -> bool:
    """Is ``head`` the Arabic letter that holds the box of a glyph whose other letters
    MuPDF left without width at its ``edge`` (a lam-alef; ﷲ mapped to الله, whose alef
    holds the box)? Exactly there (MuPDF writes the same number; a hamza drawn apart
    stands near the edge of the letter beside it), but for a lam (producers' lam-alefs
    are drawn in two pieces a little apart)."""
    return (head is not None and "\u0620" <= head.text[:1] <= "\u06ff" and not zero_width(head)
            and abs(head.box[edge] - loose.box[0]) < near
            and abs(head.baseline - loose.baseline) < 0.3 * max(head.size, 1.0))


def _drop_doubled_letters(items: list[Glyph], mark_texts: set[str]) -> list[Glyph]:
    """LibreOffice with Amiri draws a hamza as a glyph of its own and maps it to the whole
    letter again (أ, ؤ, ئ); WeasyPrint maps a tanween on a lam-alef to the whole cluster
    (ل, ا, ً): a width-less copy of a letter, strictly inside the box of a glyph drawn just
    before it that holds the same letter, is that mark's map, not a second letter."""
    flat = [i for i, c in enumerate(items) if c.box[2] - c.box[0] < 0.01
            and c.text != " " and c.text not in mark_texts]
    out: list[Glyph] = []
    done = 0  # items before this one are decided
    for i in flat:
        out += items[done:i]
        done = i + 1
        c = items[i]
        if c.text in _GIVEN_TWICE and out and out[-1].text == c.text and zero_width(
                out[-1]) and abs(out[-1].box[0] - c.box[0]) < 0.1 * max(c.size, 1.0) and abs(
                out[-1].baseline - c.baseline) < 0.5 * max(c.size, 1.0):
            # The same letter with its hamza given twice at one place, without width, once
            # raised with the hamza (LibreOffice maps Scheherazade's لأ so), or a lam-alef's
            # alef (MuPDF gives LibreOffice's لَا with two): no word writes أأ or اا.
            continue
        same = next((p for p in reversed(out[-4:]) if c.text[:1] in p.text
                     and not zero_width(p)), None)
        if same is not None and abs(same.baseline - c.baseline) < 0.5 * max(c.size, 1.0) and (
                _inside_or_beside(c, same) or _off_the_line(c, same)):
            continue
        if (hamza := _ALEF_MARK.get(c.text)) is not None:
            # An alef with its hamza or madda given without width at the alef glyph drawn
            # just before it, off that glyph's baseline: the map of the hamza's own glyph,
            # raised to its place (fpdf2 with Scheherazade, whose أ is an alef and a hamza),
            # never a second alef (no word writes two). The alef takes the mark. (A
            # ligature's further letters, لآ, MuPDF puts at its edge on its very baseline.)
            k = next((k for k in range(len(out) - 1, max(-1, len(out) - 5), -1)
                      if out[k].text not in mark_texts), None)  # drawn just before, past marks
            if k is not None and out[k].text[:1] == "ا" and not zero_width(out[k]) and (
                    hamza not in out[k].text) and _by(c, out[k]) and (
                    0.01 * c.size < abs(out[k].baseline - c.baseline) < 0.5 * c.size):
                out[k] = _copy(out[k], out[k].text + hamza)
                continue
        if not _drawn_in_two(items, i, c):
            out.append(c)
    out += items[done:]
    return out


# A hamza or madda mark, and the letters that hold it composed (أ ؤ ئ, إ, آ); and the
# letters that carry it, with what they make.
_HELD = {"\u0654": "\u0623\u0624\u0626", "\u0655": "\u0625", "\u0653": "\u0622"}
_HAMZA_LETTERS = frozenset("".join(_HELD.values()))  # أ ؤ ئ إ آ
_GIVEN_TWICE = _HAMZA_LETTERS | {"ا"}  # letters no word doubles
_OTHER_MARK = {"\u0653": "\u0623"}  # a madda beside an alef given with a hamza
_BARE = {"\u0623": "\u0627", "\u0624": "\u0648", "\u0626": "\u064a", "\u0625": "\u0627",
         "\u0622": "\u0627"}
_CARRIES = {"\u0654": {"\u0627": "\u0623", "\u0648": "\u0624", "\u064a": "\u0626",
                       "\u0649": "\u0626"},
            "\u0655": {"\u0627": "\u0625"}, "\u0653": {"\u0627": "\u0622"}}


def _marks_held_twice(items: list[Glyph]) -> list[Glyph]:
    """A hamza's (or madda's) own glyph beside a letter drawn next to it in the stream:

    - that holds it composed, is that letter's hamza given twice: Scheherazade draws أ as
      an alef and a hamza, WeasyPrint maps the alef's glyph to أ and the hamza's is read
      from the font (الأخٔيرة for الأخيرة, the hamza set on the next letter);
    - that carries it (an alef, a waw, a yeh), the other neighbour not, is that letter's:
      the font draws the hamza from where the pen stands, past the alef, and MuPDF places
      it there, over the next letter (الادٔوية, الٔاسر for الأدوية, الأسر).

    Within a third of an em of the letter's box, on its line."""
    drop: set[int] = set()
    carried: dict[int, Glyph] = {}
    twice: set[tuple[str, float, bool]] = set()  # (letter, size, bold) given with its mark
    beside: set[int] = set()  # letters with a hamza's own glyph beside them
    borrowed: list[tuple[int, int]] = []  # a madda's glyph, an alef with a hamza beside
    for i, c in enumerate(items):
        holders = _HELD.get(c.text)
        if holders is None or not zero_width(c):
            continue
        reach = 0.3 * max(c.size, 1.0)
        # The letters drawn just before and after it in the stream, past other marks.
        sides = [k for k in (_letter_from(items, i, -1), _letter_from(items, i, 1))
                 if k is not None]
        near = [k for k in sides if abs((letter := items[k]).baseline - c.baseline) < reach
                and letter.box[0] - reach <= c.box[0] <= letter.box[2] + reach]
        beside.update(near)
        held = next((k for k in near if items[k].text[:1] in holders), None)
        if held is not None:
            drop.add(i)
            twice.add((items[held].text, round(items[held].size, 1), items[held].bold))
            continue
        # (A carrier an em away at most: the font may draw the hamza from where the pen
        # stood a letter on.)
        carriers = [k for k in sides if items[k].text in _CARRIES[c.text]
                    and abs(items[k].baseline - c.baseline) < reach
                    and items[k].box[0] - 3 * reach <= c.box[0] <= items[k].box[2] + 3 * reach]
        others = [k for k in sides if k not in carriers and items[k].text[:1] in _CARRIES[
            c.text]]
        if len(carriers) == 1 and not others and carriers[0] not in carried:
            k = carriers[0]
            carried[k] = dataclasses.replace(items[k], text=_CARRIES[c.text][items[k].text])
            drop.add(i)
        elif c.text in _OTHER_MARK:
            # A madda beside an alef mapped with its hamza: where the producer borrows a
            # glyph's map (below), the alef is bare and takes the madda (الأٓبار: الآبار).
            borrowed += [(i, k) for k in near if items[k].text == _OTHER_MARK[c.text]]
    if twice:
        for i, k in borrowed:
            if k not in carried and (items[k].text, round(items[k].size, 1),
                                     items[k].bold) in twice:
                carried[k] = dataclasses.replace(items[k], text="\u0622")
                drop.add(i)
        # The producer maps the glyph to the letter with its mark where the font draws the
        # mark apart (WeasyPrint: a glyph's map is its first cluster's text, and Scheherazade
        # draws أ with its alef's glyph): that glyph, of that size, with no mark's glyph
        # beside it, is the bare letter (صبرنأ for صبرنا on a page that began with تأخر).
        for k, c in enumerate(items):
            if (c.text, round(c.size, 1), c.bold) in twice and k not in beside and (
                    not zero_width(c)):
                carried[k] = dataclasses.replace(c, text=_BARE[c.text])
    if not drop and not carried:
        return items
    return [carried.get(i, c) for i, c in enumerate(items) if i not in drop]


def _alefs_inside_letters(items: list[Glyph]) -> list[Glyph]:
    """A lam-alef's alef that MuPDF gives with a width at the lam's edge, over the letter
    drawn beside it (most of the narrower of the two: no two letters' glyphs overlap so)
    — Typst with Nazli writes the ligature's لا as /ActualText: the alef stood over the خ
    of خلال and read first, خالل; ثلاث read اثلث — is the ligature's further letter,
    without width at the lam's edge like the others (``_join_split_ligatures``)."""
    out: list[Glyph] | None = None
    last = len(items) - 1
    texts = [c.text for c in items]  # (one light pass: most pages have no such alef)
    for i in [i for i, t in enumerate(texts) if t in _ALEFS]:
        if not 0 < i < last:
            continue
        alef, before, after = items[i], items[i - 1], items[i + 1]
        box = alef.box
        if after.text == "\u0644" and abs(after.box[2] - box[0]) < 0.05:
            lam, inside = after, before
        elif before.text == "\u0644" and abs(before.box[2] - box[0]) < 0.05:
            lam, inside = before, after
        else:
            continue
        over = inside.box
        if box[2] - box[0] > 0.01 and over[2] - over[0] > 0.01 and (
                min(box[2], over[2]) - max(box[0], over[0])
                > 0.5 * min(box[2] - box[0], over[2] - over[0])) and abs(
                inside.baseline - alef.baseline) < 0.1 and abs(
                lam.baseline - alef.baseline) < 0.1:
            if out is None:
                out = list(items)
            out[i] = dataclasses.replace(alef, box=(box[0], box[1], box[0], box[3]),
                                         centre=box[0])
    return items if out is None else out


def _letter_from(items: list[Glyph], i: int, step: int) -> int | None:
    """The glyph with width nearest ``items[i]`` in the stream on one side, past at most
    three width-less glyphs (marks drawn between)."""
    k = i + step
    for _ in range(4):
        if not 0 <= k < len(items):
            return None
        if not zero_width(items[k]):
            return k
        k += step
    return None


def _inside_or_beside(c: Glyph, same: Glyph) -> bool:
    """Is the width-less ``c`` strictly inside ``same``'s box, or just beside it (within a
    sixth of an em, LibreOffice's /ActualText at its vowel's glyph), but never at its very
    edge (where MuPDF puts the other letters of a ligature glyph)?"""
    x, (x0, x1) = c.box[0], (same.box[0], same.box[2])
    near = _BESIDE * max(c.size, 1.0)
    return (x0 + 0.3 < x < x1 - 0.3) or (x0 - near < x < x0 - 0.3) or (x1 + 0.3 < x < x1 + near)


_BESIDE = 0.17  # of the size: a width-less copy this near a glyph's edge is beside it
_ALEF_MARK = {"أ": "\u0654", "إ": "\u0655", "آ": "\u0653"}  # its mark, apart
_OFF_LINE = 0.1  # of the size: a width-less copy this far off a glyph's baseline is a mark's


def _off_the_line(c: Glyph, same: Glyph) -> bool:
    """Is the width-less ``c`` at ``same``'s edge or over it but off its baseline: the map
    of a mark glyph, raised to its place over the letter (fpdf2 maps a fatha's glyph to أَ
    beside the letter's own glyph)? MuPDF puts a ligature glyph's further letters at its
    edge on its baseline."""
    return abs(same.baseline - c.baseline) > _OFF_LINE * max(c.size, 1.0) and _by(c, same)


def _by(c: Glyph, glyph: Glyph) -> bool:
    """Does the width-less ``c`` stand over ``glyph``'s box or within a sixth of an em of
    it?"""
    near = _BESIDE * max(c.size, 1.0)
    return glyph.box[0] - near < c.box[0] < glyph.box[2] + near


def _without_ligature_copies(items: list[Glyph], mark_texts: set[str]) -> list[Glyph]:
    """A width-less letter at the edge of a ligature glyph put back together that holds it
    as its second letter is the same letter again: LibreOffice writes a lam-alef with its
    vowel as /ActualText over the vowel's glyph and the ligature's, and maps the ligature's
    glyph to the whole cluster too; MuPDF gives both, the glyph's letters at its edge
    (فَالاَ for فَلَا)."""
    out: list[Glyph] = []
    for i, c in enumerate(items):
        if zero_width(c) and c.text != " " and c.text not in mark_texts and any(
                _holds_again(items[k], c) for k in range(max(0, i - 3), min(len(items), i + 4))
                if k != i):
            continue
        out.append(c)
    return out


def _holds_again(glyph: Glyph, c: Glyph) -> bool:
    """Is ``glyph`` a ligature (two letters or more, with a width) whose later letters
    hold ``c``'s, with ``c`` at its edge on its line?"""
    letters = [ch for ch in glyph.text if not unicodedata.combining(ch)]
    return (len(letters) >= 2 and c.text in letters[1:] and not zero_width(glyph)
            and abs(glyph.baseline - c.baseline) < 0.5 * max(c.size, 1.0)
            and glyph.box[0] - 0.3 <= c.box[0] <= glyph.box[2] + 0.3)


def _drawn_in_two(items: list[Glyph], i: int, c: Glyph) -> bool:
    """Is the width-less letter ``items[i]`` the ActualText of a lam or alef that a font
    draws in two glyphs (Amiri's lam before kaf: a connector and the lam; Scheherazade's
    alef-hamza after a lam)? MuPDF gives the text at the first glyph's origin, without
    width, and the letter's own glyph its text again: right beside it in the stream, the
    same letter with a width, one connector away (not at its very edge, where MuPDF puts
    the other letters of a ligature glyph). A mark between them makes it a letter of its
    own (Chromium's letter after its marks); other letters drawn so are not told from a
    doubled letter by geometry."""
    if c.text not in _LAM_ALEF_LETTERS:
        return False
    size = max(c.size, 1.0)
    for k in (i - 1, i + 1):
        if not 0 <= k < len(items):
            continue
        other = items[k]
        if other.text != c.text or zero_width(other) or abs(
                other.baseline - c.baseline) >= 0.2 * size:
            continue
        apart = max(other.box[0] - c.box[0], c.box[0] - other.box[2])
        return 0.05 < apart < 0.3 * size
    return False


def _marks_mapped_as_clusters(items: list[Glyph], mark_texts: set[str]) -> list[Glyph]:
    """WeasyPrint maps a mark's glyph to the whole cluster it first drew it in (a tanween
    first drawn on a lam-alef reads ل ً ا wherever it is drawn again). Such a run — a mark
    and two letters or more, width-less at one origin, strictly inside the box of a letter
    drawn just before that holds none of those letters (ثانيًا's ي) — is only the mark."""
    out: list[Glyph] = []
    n = len(items)
    done = 0  # items before this one are decided
    # Only a width-less glyph can start such a run: the others are copied in slices.
    for i in [k for k, g in enumerate(items) if g.box[2] - g.box[0] < 0.01 and g.text != " "]:
        if i < done:
            continue  # inside a run already read as its mark
        out += items[done:i]
        c = items[i]
        j = i
        while j < n and zero_width(items[j]) and items[j].text != " " and abs(
                items[j].box[0] - c.box[0]) < 0.01 and abs(items[j].baseline - c.baseline) < 0.01:
            j += 1
        run = items[i:j]
        marks = [g for g in run if g.text in mark_texts]
        letters = [g for g in run if g.text not in mark_texts]
        host = out[-1] if out else None
        if (marks and len(letters) >= 2 and host is not None and not zero_width(host)
                and host.box[0] + 0.3 < c.box[0] < host.box[2] - 0.3
                and abs(host.baseline - c.baseline) < 0.5 * max(c.size, 1.0)
                and not any(g.text[:1] in host.text for g in letters)):
            out += marks
            done = j
            continue
        out.append(c)
        done = i + 1
    out += items[done:]
    return out


def _width_spaces(items: list[Glyph], mark_texts: set[str]) -> set[int] | None:
    """Chromium with harakat draws letters with no width, each followed by a space glyph
    that carries the letter's width. Real word spaces have the font's space advance and do
    not end at a width-less letter's origin. On a page of that kind, the ids of the space
    glyphs that carry a width; on other pages, None."""
    letters = [c.box for c in items if c.text != " " and c.text not in mark_texts]
    if not letters or sum([b[2] - b[0] < 0.01 for b in letters]) < 0.3 * len(letters):
        return None
    spaces = [i for i, c in enumerate(items) if c.text == " "]
    widths = [round((items[i].box[2] - items[i].box[0]) / max(items[i].size, 1.0), 2)
              for i in spaces]
    usual = Counter(widths).most_common(1)[0][0] if widths else 0.0
    carried: set[int] = set()
    for i in spaces:
        c = items[i]
        k = i - 1  # the glyph before the space, marks skipped
        while k >= 0 and items[k].text in mark_texts:
            k -= 1
        previous = items[k] if k >= 0 else None
        odd_width = abs((c.box[2] - c.box[0]) / max(c.size, 1.0) - usual) > 0.02
        touches = previous is not None and zero_width(previous) and abs(
            previous.box[0] - c.box[2]) < 0.3
        if odd_width or touches:
            carried.add(id(c))
    return carried


_MARKS_A_LETTER = 8


def _stream_neighbour(items: list[Glyph], k: int, step: int, mark: Glyph,
                      mark_texts: set[str]) -> int | None:
    """The letter next to a mark in the content stream, from ``k`` on by ``step`` (past
    other marks, never past a space), on the mark's line. (No letter carries more than a
    few marks: a longer run, a hostile page's, has no letter to give, and asking costs
    no more than a few steps a mark.)"""
    end = k + _MARKS_A_LETTER * step
    while 0 <= k < len(items) and (items[k].text in mark_texts or items[k].text == " "):
        if items[k].text == " " or k == end:
            return None
        k += step
    if 0 <= k < len(items) and abs(items[k].baseline - mark.baseline) < 0.8 * mark.size:
        return k
    return None


_VOWELS = frozenset("\u064b\u064c\u064d\u064e\u064f\u0650\u0652")  # harakat, tanween, sukun
_TANWEEN = frozenset("\u064b\u064c\u064d")
_LAM_ALEFS = frozenset({"لا", "لأ", "لإ", "لآ"})


def _lam_alef_after(items: list[Glyph], i: int, target: int, mark_texts: set[str]) -> int | None:
    """The lam-alef ligature glyph the stream gives right after the marks from ``i`` on,
    joined to the mark's letter ``target`` (its right edge at the letter's left), if any."""
    k = _stream_neighbour(items, i + 1, 1, items[i], mark_texts)
    if k is None or items[k].text not in _LAM_ALEFS:
        return None
    letter, ligature = items[target], items[k]
    near = 0.1 * max(letter.size, 1.0)
    if abs(ligature.box[2] - letter.box[0]) <= near and abs(
            ligature.baseline - letter.baseline) <= near:
        return k
    return None


def _marks_follow_letters(items: list[Glyph], marks: list[int], mark_texts: set[str]) -> bool:
    """Does the stream give marks after their letters? Told by the marks next to a space
    or a line's end: a word's last marks come before the space where marks follow their
    letter, its first marks after it where they come first (Chromium). Five such marks and
    three times as many as the other way (a lam-alef's marks given before it, a line's
    last mark put at its start by MuPDF, are the other way)."""
    def apart(k: int, mark: Glyph) -> bool:  # a space, a line's end, or no glyph at all
        return not 0 <= k < len(items) or items[k].text == " " or (
            abs(items[k].baseline - mark.baseline) > 0.5 * mark.size)

    before_space = after_space = 0
    k, count = 0, len(items)
    for i in marks:  # in order: a run of marks is passed once, each mark voting
        if i < k:
            continue
        k = i
        while k < count and items[k].text in mark_texts:
            k += 1
        before_space += (k - i) * apart(k, items[i])
        after_space += (k - i) * apart(i - 1, items[i])
    return before_space >= 5 and after_space * 3 <= before_space


def _stream_base(items: list[Glyph], i: int, zero: set[int], mark_texts: set[str],
                 after: set[int] | None = None) -> int | None:
    """Where the letter a mark belongs to is in ``items``, from the mark's neighbours in
    the content stream (``after``, where the page gives marks after their letters: the
    half points at which width-less letters stand)."""
    mark = items[i]
    mx = (mark.box[0] + mark.box[2]) / 2
    nxt = _stream_neighbour(items, i + 1, 1, mark, mark_texts)
    prev = _stream_neighbour(items, i - 1, -1, mark, mark_texts)
    # Only a letter carries a mark: a full stop MuPDF gives a line's last mark after (TCPDF
    # draws the line left to right) leaves the mark to its place.
    if prev is not None and items[prev].kind != R:
        prev = None
    if nxt is not None and items[nxt].kind != R:
        nxt = None
    if nxt is not None and id(items[nxt]) in zero and abs(items[nxt].box[2] - mx) < 0.3:
        # Chromium: the mark sits at the origin of the zero-width letter that follows it.
        return nxt
    # Over or touching the letter (a mark may have a width of its own: Nazli's do).
    x0, x1 = mark.box[0], mark.box[2]
    if prev is not None and items[prev].box[0] - 0.3 <= x1 and x0 <= items[prev].box[2] + 0.3:
        # Touching both: the next one if it is on the mark's very baseline and the one
        # before stands well off it (MuPDF gives an /ActualText cluster's characters one
        # baseline: Chromium's لْ beside an ا a twelfth of an em lower, the sukun at the
        # edge of both; a LibreOffice letter a fiftieth of an em off is on the line).
        if abs(items[prev].baseline - mark.baseline) > 0.05 * mark.size and (
                nxt is not None and abs(items[nxt].baseline - mark.baseline) < 0.01
                and items[nxt].box[0] - 0.3 <= x1 and x0 <= items[nxt].box[2] + 0.3):
            return nxt
        return prev
    if (after is not None and prev is not None and x1 - x0 < 0.01
            and after.isdisjoint(range(round(2 * x0) - 1, round(2 * x0) + 2))
            and 0.1 * mark.size < items[prev].box[0] - x0 <= 0.75 * mark.size
            and (nxt is None or abs(items[nxt].box[2] - x0) <= 0.3)):
        # Without width, left of the letter before it by no more than two marks' widths
        # (a shadda and its vowel), at the edge of the letter after it or before a space:
        # the room is the marks' own advance, drawn after their letter (Nazli's and Homa's
        # marks have one; MuPDF gives none where it cannot load the font, TCPDF's subsets).
        return prev
    if nxt is not None and items[nxt].box[0] - 0.3 <= x1 and x0 <= items[nxt].box[2] + 0.3:
        return nxt
    return None


def _inside(mark: Glyph, letter: Glyph) -> bool:
    """Does the mark stand well inside the letter's box (a tenth of an em from its edges)?"""
    middle = (mark.box[0] + mark.box[2]) / 2
    margin = 0.1 * max(mark.size, 1.0)
    return letter.box[0] + margin <= middle <= letter.box[2] - margin


def _page_habit(items: list[Glyph], targets: dict[int, int | None],
                mark_texts: set[str]) -> dict[int, int | None]:
    """Marks that fell on the letter after them, moved to the letter before them where the
    page draws every other mark after its letter (twenty marks or more, no more than one
    in ten the other way) and the mark stands within a fifth of an em of that letter and
    off the next one's middle (Qt draws a shadda with its vowel a little off its letter,
    over the edge of the next)."""
    # Marks well inside their letter vote, where twenty or more are (one at a letter's edge
    # is what is asked; Qt's shadda-and-vowel glyphs over the next letter's edge made one
    # page's contrary votes more than a tenth); on pages that set marks at letters' edges,
    # all do.
    placed = [(i, t) for i, t in targets.items() if t is not None]
    clear = [(i, t) for i, t in placed if _inside(items[i], items[t])]
    voters = clear if len(clear) >= 20 else placed
    after = sum(1 for i, t in voters if t < i)
    # The share the other way is counted by places: marks stacked at one place (a shadda
    # and its vowel, drawn twice by fpdf2) are one decision, not three votes.
    places = {(t, round(items[i].box[0] + items[i].box[2], 1), t < i) for i, t in voters}
    places_after = sum(1 for *_, a in places if a)
    if after < 20 or (len(places) - places_after) * 10 > places_after:
        return targets
    out = dict(targets)
    for i, t in targets.items():
        if t is None or t < i:
            continue
        mark = items[i]
        prev = _stream_neighbour(items, i - 1, -1, mark, mark_texts)
        if prev is None:
            continue
        mx = (mark.box[0] + mark.box[2]) / 2
        x0, _, x1, _ = items[prev].box
        to_prev = max(x0 - mx, mx - x1, 0.0)
        to_middle = abs(mx - (items[t].box[0] + items[t].box[2]) / 2)  # of the next letter
        if to_prev <= 0.2 * mark.size and to_middle > 0.05 * mark.size:
            out[i] = prev
    return out


def _attach_marks(bases: list[Glyph], marks: list[Glyph]) -> None:
    """Put each mark on the letter it is drawn over (the one it overlaps most)."""
    by_x = sorted(range(len(bases)), key=lambda i: bases[i].box[0])
    xs = [bases[i].box[0] for i in by_x]
    for mark in marks:
        mx0, _, mx1, _ = mark.box
        centre = (mx0 + mx1) / 2
        # A letter may start a little right of its mark: MuPDF puts a mark drawn before
        # its letter at the end of the glyph drawn before it (a space's end, say).
        hi = bisect.bisect_right(xs, mx1 + 0.25 * mark.size)
        best, best_score = -1, 0.0
        for pos in range(hi - 1, -1, -1):
            base = bases[by_x[pos]]
            if base.box[0] < mx0 - 3 * base.size:
                break
            if abs(base.baseline - mark.baseline) > 0.6 * max(base.size, mark.size) or (
                    base.kind != R and base.kind != L):
                continue  # (a digit or a full stop carries no mark)
            overlap = min(mx1, base.box[2]) - max(mx0, base.box[0])
            distance = 0.0 if base.box[0] <= centre <= base.box[2] else min(
                abs(centre - base.box[0]), abs(centre - base.box[2]))
            score = overlap - distance
            if best < 0 or score > best_score:
                best, best_score = by_x[pos], score
        if best >= 0 and best_score > -0.5 * mark.size:
            # A letter never carries a mark twice (LibreOffice draws some marks twice;
            # a ligature may carry one per letter): a second drawing is dropped.
            text = bases[best].text
            letters = sum(1 for ch in text if not unicodedata.combining(ch))
            if all(text.count(ch) < letters for ch in mark.text):
                bases[best] = _copy(bases[best], text + mark.text)
        else:
            bases.append(mark)
