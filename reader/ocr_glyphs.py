"""Glyphs a PDF draws but nothing maps to text, named by OCR of the same page.

Some producers embed a font subset with no names and a map for only a few glyphs (Qt maps
a letter's isolated form and leaves its joined forms out, so most of a page's letters have
no text). The full font, when installed, names them (``reader.pdf.glyphs``); where it is
not, OCR reads the page. Read alone, OCR loses what the text layer still knows: where each
glyph is, the columns and boxes, the letters that are mapped. Here OCR only names the
glyphs: each unread glyph is the same glyph (font and glyph number) wherever it is drawn,
so every word OCR reads over it is a vote for its text. Words are aligned with the glyphs
under them, the mapped glyphs as anchors; the text most words agree on names the glyph
everywhere on the page, OCR's misreadings outvoted. The page then goes through the repair
engine as a text layer, with its own geometry. A mark glyph alone after its letter takes
the marks OCR read on that letter; a glyph's own outline (its dots, read in
``reader.pdf.glyphs``) overrules a dotless letter OCR gave it. The session keeps the names
for the document's other pages.

Bounded: a fixed number of rounds; each word's alignment is a table of its glyphs by its
characters, and words with more glyphs or characters than ``_MAX_WORD`` are not used.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import replace

from reader import ocr
from reader.arabic.raw import Glyph, RawPage, glyph, unread_fields, zero_width
from reader.ocr import OcrWord, has_arabic, visual_units

_ROUNDS = 12
_WORK = 1_000_000  # glyphs × characters aligned over all rounds of a page, at most
_MAX_WORD = 40  # glyphs or characters: longer "words" are misreadings (a rule, a table)
_MAX_TAKE = 3  # characters one glyph may draw (a ligature: لا, لله)
# The cost of a glyph taking 0, 1, 2 or 3 characters: one is the rule, a ligature the
# exception, a glyph OCR does not see (a kashida) rarer still.
_COST = (2, 0, 1, 2)
_SKIP = 2  # a stop or digit of OCR's word under no glyph of it
_DIGITS = "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"
# Glyphs whose outlines agree on where a font's ٠ stands, at least: by a digit among the
# three each looks most like, and of them by the one each looks most like.
_ORDER_AGREE, _ORDER_SURE = 3, 2
_MAX_STARTS = 8  # places for a font's ٠ tried, at most
_HAMZA_MARKS = frozenset("\u0653\u0654\u0655")
_NO_HAMZA = str.maketrans(dict.fromkeys(_HAMZA_MARKS))
# Letters OCR and fonts tell apart less reliably than the rest: equal when matching a
# mapped glyph (never in what a glyph is named).
_LOOSE = str.maketrans({"ی": "ي", "ى": "ي", "ک": "ك", "أ": "ا", "إ": "ا", "آ": "ا",
                        "ٱ": "ا", "ھ": "ه"})

Token = tuple[str | None, str]  # (unread glyph's key, None for a mapped one; its text)


def decode(raw: RawPage, words: list[OcrWord], dpi: int,
           known: dict[str, str] | None = None) -> tuple[RawPage, int, dict[str, str]] | None:
    """``raw`` with its unread glyphs named from ``words`` (OCR of the page at ``dpi``),
    how many letters stay unnamed, and the names (with ``known``: names other pages of the
    document gave, heard first); None when the page has no unread glyphs or none is named."""
    if not raw.unread or not words:
        return None
    aligned = _words_over_glyphs(raw, words, 72.0 / dpi)
    named: dict[str, str] = dict(known or {})
    # Each round aligns every word again: a page of very many long words gets fewer.
    work = sum(len(units) * len(tokens) for units, _m, tokens, _g, _w in aligned)
    for _ in range(max(1, min(_ROUNDS, _WORK // max(1, work)))):
        # Words sure of a glyph first; the unsure only once the sure have named all they
        # can (a guess made early would stand in the way of the words it shares glyphs with).
        votes, weak = _votes(aligned, named, guess=False)
        if not (_name(votes, named) or _name(weak, named)):
            break
    # Once nothing surer is left, any word's first cheapest alignment names the glyphs
    # still unnamed: a guess loses less than a glyph left out.
    votes, weak = _votes(aligned, named, guess=True)
    _name(votes, named)
    _name(weak, named)
    for key, text in named.items():
        if known is None or key not in known:
            named[key] = _dotted(text, key)
    named.update({k: v for k, v in _marks(raw, aligned, named).items() if k not in named})
    # A mark glyph's own outline names it before OCR does: OCR reads harakat poorly; and
    # digits their font's order and their outlines name (OCR takes some designs' for
    # letters).
    named.update({key: text for key in _mark_keys(raw) if (text := _drawn_mark(key))
                  and (known is None or key not in known)})
    named.update(digits_in_order(raw))
    if not any(key in named for _, key, _g in raw.unread):
        return None
    out, left = apply_names(raw, named)
    return out, left, named


def apply_names(raw: RawPage, named: dict[str, str]) -> tuple[RawPage, int]:
    """``raw`` with the unread glyphs ``named`` names put in their places (the others
    stay unread), and how many letters (not marks) stay unread."""
    before: dict[int, list[Glyph]] = {}  # by the place in ``raw.glyphs`` they go before
    left = decoded = 0
    unread = []
    marks = _mark_keys(raw)
    for at, key, g in raw.unread:
        text = named.get(key)
        if text is None:
            left += key not in marks  # a mark unnamed costs its mark, not the page
            unread.append((at, key, g))
            continue
        decoded += 1
        # A glyph with no letter of its own (part of a letter drawn in two, a stretch)
        # stays as an invisible stretch: the word is not cut where it is drawn.
        before.setdefault(min(at, len(raw.glyphs)), []).append(glyph(
            text or "\u0640", g.box, g.baseline, g.size, g.bold, g.superscript))
    if not decoded:
        return raw, left
    glyphs: list[Glyph] = []
    places: dict[int, int] = {}  # old place -> new, for the glyphs left unread
    for at, g in enumerate(raw.glyphs):
        glyphs += before.get(at, ())
        places[at] = len(glyphs)
        glyphs.append(g)
    glyphs += before.get(len(raw.glyphs), ())
    places[len(raw.glyphs)] = len(glyphs)
    unread = [(places.get(min(at, len(raw.glyphs)), len(glyphs)), key, g)
              for at, key, g in unread]
    return replace(raw, glyphs=tuple(glyphs), unread=tuple(unread),
                   recovered=raw.recovered + decoded,
                   unmapped=max(0, raw.unmapped - decoded)), left


_MAX_LINES = 16  # lines OCR is asked again on a page: beyond, the page is read as it is


def recognize(image: bytes, layer: RawPage | None,
              cancelled: Callable[[], bool] = lambda: False) -> list[OcrWord]:
    """The words on a page image (``ocr.recognize``), and where the page's text layer
    has unread glyphs on lines Tesseract's reading of the page left out, those lines read
    alone. Needs no PDF access: runs on the OCR thread."""
    words = ocr.recognize(image, cancelled)
    if layer is not None and layer.unread:
        boxes = missed_lines(layer, words, ocr.DPI)
        if boxes:
            words += ocr.recognize_lines(image, boxes, cancelled)
    return words


def missed_lines(raw: RawPage, words: list[OcrWord], dpi: int
                 ) -> list[tuple[int, int, int, int]]:
    """Pixel boxes of the lines (pieces of lines) whose unread glyphs no OCR word covers,
    for OCR to read alone (Tesseract's page segmentation leaves out some headings)."""
    scale = 72.0 / dpi
    marks = _mark_keys(raw)
    covered = {id(g) for _, tokens_glyphs in _under(raw, words, scale).values()
               for g in tokens_glyphs}
    pieces: list[list[float]] = []  # x0, y0, x1, y1, baseline, size
    for _, key, g in sorted(raw.unread, key=lambda item: (item[2].baseline, item[2].box[0])):
        if id(g) in covered or key in marks:
            continue  # (a mark is named after its letter)
        last = pieces[-1] if pieces else None
        if last is not None and abs(g.baseline - last[4]) < 0.2 * g.size and (
                g.box[0] - last[2] < 3 * g.size):
            last[0], last[2] = min(last[0], g.box[0]), max(last[2], g.box[2])
            continue
        pieces.append([g.box[0], g.baseline - g.size, g.box[2], g.baseline + 0.4 * g.size,
                       g.baseline, g.size])
    return [(int((x0 - size) / scale), int(y0 / scale), int((x1 + size) / scale),
             int(y1 / scale)) for x0, y0, x1, y1, _, size in pieces[:_MAX_LINES]]


def _under(raw: RawPage, words: list[OcrWord], scale: float
           ) -> dict[int, tuple[list[tuple[float, str | None, str, Glyph]], list[Glyph]]]:
    """By OCR word: the glyphs under it (centre across, key, text without marks), and
    the glyphs themselves. Spaces and marks are left out: OCR's words have neither (but
    for a hamza drawn apart, among the glyphs only)."""
    boxes = [tuple(v * scale for v in w.box) for w in words]
    bands: dict[int, list[int]] = {}  # 10-point bands of the page, the words crossing each
    for i, (_, y0, _, y1) in enumerate(boxes):
        for band in range(int(y0 // 10), min(int(y1 // 10), int(y0 // 10) + 50) + 1):
            bands.setdefault(band, []).append(i)
    under: dict[int, tuple[list[tuple[float, str | None, str, Glyph]], list[Glyph]]] = {}
    marks = _mark_keys(raw)
    items: list[tuple[str | None, Glyph]] = [(None, g) for g in raw.glyphs]
    items += [(key, g) for _, key, g in raw.unread]
    for key, g in items:
        text = "".join(c for c in g.text if not unicodedata.combining(c))
        if key is None and not text.strip() and _HAMZA_MARKS.isdisjoint(g.text):
            continue
        if key is not None and key in marks:
            continue  # an unread mark: named after the letters (``_marks``)
        x = (g.box[0] + g.box[2]) / 2
        # The letters' body: from half an em above the baseline to just below it.
        top, bottom = g.baseline - 0.5 * g.size, g.baseline + 0.05 * g.size
        best, overlap = -1, 0.0
        for i in bands.get(int(g.baseline // 10), ()):
            x0, y0, x1, y1 = boxes[i]
            if x0 - 0.1 * g.size <= x <= x1 + 0.1 * g.size:
                shared = min(y1, bottom) - max(y0, top)
                if shared > overlap:
                    best, overlap = i, shared
        if best >= 0:
            entry = under.setdefault(best, ([], []))
            if key is not None or text.strip():
                entry[0].append((x, key, text, g))
            entry[1].append(g)
    return under


def _votes(aligned: list[Aligned], named: dict[str, str], guess: bool
           ) -> tuple[dict[str, Counter[str]], dict[str, Counter[str]]]:
    """Each word's votes for its glyphs not yet named: from words sure of a glyph, and
    from words that align in several ways as cheaply (a letter drawn as two glyphs, one
    of which OCR cannot tell apart) when no more than two glyphs are unsure (or ``guess``)."""
    votes: dict[str, Counter[str]] = {}
    weak: dict[str, Counter[str]] = {}
    for units, _marks_of, tokens, _glyphs, weight in aligned:
        tokens = _known(tokens, named)
        if all(key is None for key, _ in tokens):
            continue
        found = _align(tokens, units)
        if found is None:
            continue
        heard = guess or sum(not sure for *_, sure in found) <= 2
        for key, text, sure in found:
            if sure or heard:
                # (weights are confidences: a Counter sums any numbers)
                (votes if sure else weak).setdefault(key, Counter())[text] += weight  # type: ignore[assignment]
    return votes, weak


def _name(votes: dict[str, Counter[str]], named: dict[str, str]) -> bool:
    """Name the glyphs most of whose votes agree; did any get a name?"""
    added = False
    for key, counter in votes.items():
        (best, top), total = counter.most_common(1)[0], sum(counter.values())
        # Named nothing (OCR sees no letter of its own in it), a glyph is an invisible
        # stretch: left unnamed, it would cut its word in two all the same.
        if key not in named and top >= 0.5 * total:
            named[key] = best
            added = True
    return added


Aligned = tuple[list[str], list[str], list[Token], list[Glyph], float]


def _words_over_glyphs(raw: RawPage, words: list[OcrWord], scale: float) -> list[Aligned]:
    """Each OCR word's characters as drawn (left to right, without their marks), the
    marks OCR read on each, and the glyphs under the word in the same order (as tokens and
    as glyphs), with the word's confidence."""
    aligned = []
    for i, (found, glyphs) in _under(raw, words, scale).items():
        word = words[i]
        clean = unicodedata.normalize("NFKC", word.text)
        apart = any(_HAMZA_MARKS.intersection(g.text) for g in glyphs)
        if apart:
            # A hamza or madda drawn as a glyph of its own (over a lam-alef): OCR's أ is
            # that glyph and an alef, not a letter of the glyph under it.
            clean = unicodedata.normalize("NFD", clean)
        clean = "".join(c for c in clean if c not in "\u0640\u200f\u200e")
        rtl = has_arabic(clean)
        drawn = [u for u in visual_units(clean, rtl) if not unicodedata.combining(u[0])]
        units = [u[0] for u in drawn]
        marks = [u[1:] for u in drawn]
        if apart:
            marks = [m.translate(_NO_HAMZA) for m in marks]
        if not units or len(units) > _MAX_WORD or len(found) > _MAX_WORD:
            continue
        found.sort(key=lambda item: item[0])
        # A mapped glyph's text in logical order, drawn right to left in an Arabic word.
        tokens: list[Token] = [(key, text[::-1] if rtl and key is None else text)
                               for _, key, text, _g in found]
        aligned.append((units, marks, tokens, [g for *_, g in found],
                        max(0.1, word.confidence / 100)))
    return aligned


# A dotless letter and, by the side its dots are on, the letter it is with them: OCR most
# often misses a dot (ر for ز, ح for ج or خ); the glyph's outline shows it.
_DOTTED: dict[str, tuple[str | None, str | None]] = {
    "ر": ("ز", None), "د": ("ذ", None), "ح": ("خ", "ج"), "س": ("ش", None),
    "ص": ("ض", None), "ط": ("ظ", None), "ع": ("غ", None), "ه": ("ة", None),
    "ى": (None, "ي")}
# Letters whose dots an outline shows in every font (the dots stand clear of the body,
# read in ``reader.pdf.glyphs``), and the letter each is without them; not ج, ن or ة,
# whose dots some designs set inside or against the body.
_UNDOTTED = {"ز": "ر", "ذ": "د", "خ": "ح", "ش": "س", "ض": "ص", "ظ": "ط", "غ": "ع"}


def _mark_keys(raw: RawPage) -> frozenset[str]:
    """The unread glyphs that are marks: drawn without advance (most times: MuPDF gives a
    mark after a space a width) and, where the outline is known, no bigger than a mark."""
    drawn: dict[str, list[int]] = {}
    for _, key, g in raw.unread:
        counts = drawn.setdefault(key, [0, 0])
        counts[0] += zero_width(g)
        counts[1] += 1
    return frozenset(key for key, (flat, total) in drawn.items()
                     if 2 * flat >= total and ((_parts(key) or ",m").endswith(",m")))


def _parts(key: str) -> str | None:
    """The dots part of a glyph's key ("a,b": above, below)."""
    dots = unread_fields(key).dots
    return dots if "," in dots else None


def _drawn_mark(key: str) -> str:
    """The harakah a mark glyph's outline draws (``reader.pdf.shapes``), or ""."""
    return unread_fields(key).mark


def digits_in_order(raw: RawPage) -> dict[str, str]:
    """Unread glyphs named digits by their font's glyph order: fonts keep their ten digits
    together, ٠ to ٩. A glyph is a digit's candidate where its outline looks like digits
    (``reader.pdf.shapes``) and, wherever it is drawn, it stands among digits, stops or
    gaps, never beside a letter (alef looks like ١ and heh like ٥, but they stand in words).
    Where two candidates stand where the digit each looks most like would, counted from
    one place (the glyph number of ٠), and a third by a digit among its closest three or
    two of the glyphs in those ten places stand side by side (a number), the font's glyphs
    in those places that stand among digits are named the digit of their place, each that
    looks like it among its closest three or like no digit (a ٠ may be a mere dot). Only a
    subset that keeps its font's glyph numbers is asked (``reader.pdf.glyphs``); one that
    numbers anew is left to OCR."""
    fonts: dict[str, dict[str, tuple[int, str]]] = {}  # font -> key -> glyph, closest digits
    for _, key, _g in raw.unread:
        fields = unread_fields(key)
        if fields.gid is not None and fields.digits is not None:
            fonts.setdefault(fields.font, {})[key] = (fields.gid, fields.digits)
    named: dict[str, str] = {}
    for glyphs in fonts.values():
        # Where ٠ would stand by each glyph that looks like digits: as many places as
        # digits it looks like, a place told by two looks most like it worth asking.
        starts: Counter[int] = Counter()
        for gid, ranked in glyphs.values():
            if ranked:
                starts[gid - _DIGITS.index(ranked[0])] += 1
        ranked_starts = sorted(starts.items(), key=lambda item: (-item[1], item[0]))
        for start, told in ranked_starts[:_MAX_STARTS]:  # (each reads the page's lines)
            if told < _ORDER_SURE:
                break
            block = {key for key, (gid, _r) in glyphs.items() if 0 <= gid - start < 10}
            inside, paired = _among_digits(raw, block)
            places = {key: _DIGITS[glyphs[key][0] - start] for key in inside}
            closest = sum(glyphs[key][1][:1] == digit for key, digit in places.items())
            among = sum(digit in glyphs[key][1] for key, digit in places.items())
            if closest < _ORDER_SURE or (among < _ORDER_AGREE and not paired):
                continue  # two look-alikes, and no number of two digits to show for them
            fits = {key: digit for key, digit in places.items()
                    if digit in glyphs[key][1] or not glyphs[key][1]}
            if len(fits) >= len(inside) - len(fits):  # (else the place is in doubt)
                named.update(fits)
                break
    return named


def _among_digits(raw: RawPage, shaped: set[str]) -> tuple[set[str], set[str]]:
    """The keys of ``shaped`` whose glyphs stand, at most times they are drawn, with no
    letter beside them on their line (only digits, stops, spaces, gaps or other glyphs of
    ``shaped``); and those drawn once at least beside a digit or another of ``shaped``."""
    # Marks aside (drawn without advance, over letters and digits alike).
    drawn = sorted([(round(g.baseline), g.box[0], g.box[2], g.size, key, g.text)
                    for _, key, g in raw.unread if not zero_width(g)]
                   + [(round(g.baseline), g.box[0], g.box[2], g.size, None, g.text)
                      for g in raw.glyphs if g.text and not zero_width(g)],
                   key=lambda d: (d[0], d[1]))
    votes: dict[str, list[int]] = {}
    paired: set[str] = set()
    for i, (line, x0, x1, size, key, _text) in enumerate(drawn):
        if key not in shaped:
            continue
        clear = True
        for k in (i - 1, i + 1):
            if not 0 <= k < len(drawn) or drawn[k][0] != line:
                continue
            _l, n0, n1, _s, other, text = drawn[k]
            if max(n0 - x1, x0 - n1) > 0.3 * size:
                continue  # a gap: no neighbour
            if other is None and (text.isspace() or not text[:1].isalpha()):
                if text[:1].isdigit():
                    paired.add(key)
                continue  # a digit, a stop, a space
            if other is not None and other in shaped:
                paired.add(key)
                continue
            clear = False
        counts = votes.setdefault(key, [0, 0])
        counts[0] += clear
        counts[1] += 1
    clear_keys = {key for key, (clear, total) in votes.items() if 3 * clear >= 2 * total}
    return clear_keys, paired & clear_keys


def _dotted(text: str, key: str) -> str:
    """``text`` as OCR named a glyph, a dotless letter made its dotted twin where the
    glyph's outline has dots on that side only (OCR misses dots more than it adds them;
    counts are not compared: fonts join two dots in one contour); and a letter whose dot
    the outline always shows made its dotless twin where the outline has none (OCR takes
    a harakah over ر for the dot of ز)."""
    dots = _parts(key)
    if dots is None:
        return text
    above, _, below = dots.removesuffix(",m").partition(",")
    if not (above.isdigit() and below.isdigit()):
        return text
    if text in _UNDOTTED and not int(above) and not int(below):
        return _UNDOTTED[text]
    twins = _DOTTED.get(text)
    if twins is None:
        return text
    if int(above) and not int(below):
        return twins[0] or text
    if int(below) and not int(above):
        return twins[1] or text
    return text


def _known(tokens: list[Token], named: dict[str, str]) -> list[Token]:
    return [(None, named[key]) if key is not None and key in named else (key, text)
            for key, text in tokens]


def _marks(raw: RawPage, aligned: list[Aligned], named: dict[str, str]) -> dict[str, str]:
    """Names for unread mark glyphs (no width: a harakah, a shadda): where one follows a
    letter glyph alone, a vote for the marks OCR read on that letter; the majority names
    the mark glyph everywhere."""
    mark_keys = _mark_keys(raw)
    marks = {id(g): key for _, key, g in raw.unread if key in mark_keys}
    if not marks:
        return {}
    letters = {id(g) for _, key, g in raw.unread if key not in mark_keys}

    def markish(g: Glyph) -> bool:
        return id(g) in marks or (zero_width(g) and id(g) not in letters)

    before: dict[int, list[Glyph]] = {}
    for at, _key, g in raw.unread:
        before.setdefault(min(at, len(raw.glyphs)), []).append(g)
    stream = [g for at, known in enumerate(raw.glyphs) for g in (*before.get(at, ()), known)]
    stream += before.get(len(raw.glyphs), [])
    alone: dict[int, str] = {}  # a letter glyph's id -> the one unread mark after it
    for i, g in enumerate(stream):
        if markish(g):
            continue
        end = i + 1
        while end < len(stream) and end - i <= 4 and markish(stream[end]):
            end += 1
        if end == i + 2 and id(stream[i + 1]) in marks:
            alone[id(g)] = marks[id(stream[i + 1])]
    votes: dict[str, Counter[str]] = {}
    for units, on, tokens, glyphs, weight in aligned:
        if not any(id(g) in alone for g in glyphs):
            continue
        spans = _spans(_known(tokens, named), units)
        for g, (start, take) in zip(glyphs, spans or (), strict=False):
            read = "".join(on[start:start + take])
            if id(g) in alone and read:
                votes.setdefault(alone[id(g)], Counter())[read] += weight  # type: ignore[assignment]
    found: dict[str, str] = {}
    _name(votes, found)
    return found


def _align(tokens: list[Token], units: list[str]) -> list[tuple[str, str, bool]] | None:
    solved = _solve(tokens, units)
    return None if solved is None else solved[0]


def _spans(tokens: list[Token], units: list[str]) -> list[tuple[int, int]] | None:
    """Where each token stands among the characters (first, how many) in the first
    cheapest alignment."""
    solved = _solve(tokens, units)
    return None if solved is None else solved[1]


def _solve(tokens: list[Token], units: list[str]
           ) -> tuple[list[tuple[str, str, bool]], list[tuple[int, int]]] | None:
    """The text each unread glyph of a word takes in a cheapest alignment of the glyphs
    (left to right) with the word's characters, mapped glyphs matching where they stand,
    and whether every cheapest alignment gives it that text at that place. Characters are
    visual; a glyph's text is given in logical order. None when no alignment holds.

    A glyph takes several characters only if all are letters (a ligature); a stop or a
    digit OCR read beside the glyphs under its word (its glyph stood outside the word's
    box) may be left out, at a cost."""
    n, m = len(tokens), len(units)
    folded = [u.translate(_LOOSE) for u in units]
    letter = [u.isalpha() for u in units]
    inf = 1 << 30

    def takes(i: int, j: int) -> list[tuple[int, int]]:
        """(characters taken, cost) for token ``i`` at character ``j``."""
        key, text = tokens[i]
        if key is not None:
            return [(take, _COST[take]) for take in range(min(_MAX_TAKE, m - j) + 1)
                    if take < 2 or all(letter[j:j + take])]
        take = len(text)
        ok = j + take <= m and "".join(folded[j:j + take]) == text.translate(_LOOSE)
        return [(take, 0)] if ok else []

    # cost[i][j]: the cheapest alignment of tokens i.. with characters j..
    cost = [[inf] * (m + 2) for _ in range(n + 1)]
    for i in range(n, -1, -1):
        for j in range(m, -1, -1):
            best = 0 if i == n and j == m else inf
            if i < n:
                best = min((cost[i + 1][j + t] + c for t, c in takes(i, j)), default=inf)
            if j < m and not letter[j]:
                best = min(best, cost[i][j + 1] + _SKIP)
            cost[i][j] = best
    if cost[0][0] >= inf:
        return None
    # Forward along the cheapest alignments only: the places each token may take.
    at = {0}
    out: list[tuple[str, str, bool]] = []
    spans: list[tuple[int, int]] = []
    j = 0  # the first cheapest alignment, followed
    for i, (key, _text) in enumerate(tokens):
        at = _skipped(at, cost[i], letter)
        options = {(k, t) for k in at for t, c in takes(i, k)
                   if cost[i + 1][k + t] + c == cost[i][k]}
        first = None
        for place in range(j, m + 1):  # past the characters no glyph takes
            first = next((t for t, c in takes(i, place)
                          if cost[i + 1][place + t] + c == cost[i][place]), None)
            if first is not None:
                j = place
                break
        if first is None:
            return None  # (not reached: the cheapest alignment goes on)
        if key is not None:
            text = "".join(units[j:j + first])
            out.append((key, text[::-1] if has_arabic(text) else text, len(options) == 1))
        spans.append((j, first))
        j += first
        at = {k + t for k, t in options}
    return out, spans


def _skipped(at: set[int], cost: list[int], letter: list[bool]) -> set[int]:
    """``at`` with the places reached by leaving out characters, cheapest way only."""
    out, todo = set(at), list(at)
    while todo:
        k = todo.pop()
        if k < len(letter) and not letter[k] and cost[k + 1] + _SKIP == cost[k] and (
                k + 1 not in out):
            out.add(k + 1)
            todo.append(k + 1)
    return out
