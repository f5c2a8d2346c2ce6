"""The raw glyph layer of a page: every character MuPDF reports, with its box, as plain data.

Order is whatever the content stream had: the repair engine (``reader.arabic``) rebuilds
reading order from geometry, so nothing here trusts it.
"""

from __future__ import annotations

import bisect
import io
import itertools
import logging
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import pymupdf

from reader.arabic.bidi import R
from reader.arabic.chars import char_info, is_mark
from reader.arabic.orientation import UPRIGHT
from reader.arabic.raw import (
    Glyph,
    RawPage,
    Rect,
    Rule,
    VRule,
    glyph,
    unread_fields,
    unread_key,
    zero_width,
)
from reader.gcpause import gc_paused
from reader.pdf.shapes import (
    contours_of,
    digits_like,
    mark_drawn,
    outline_shape,
    signed_area,
)

# Keep ligatures and whitespace as drawn, never let MuPDF re-order or dehyphenate, nor
# invent spaces (the repair finds word gaps itself, better: CER 0.91 -> 0.81 % on the
# corpus); collect the boxes of line art in the same pass (rules: footnote separators).
_FLAGS = (pymupdf.TEXT_PRESERVE_LIGATURES | pymupdf.TEXT_PRESERVE_WHITESPACE
          | pymupdf.TEXT_MEDIABOX_CLIP | pymupdf.TEXT_COLLECT_VECTORS | pymupdf.TEXT_INHIBIT_SPACES)
_STRUCTURE_FLAGS = (pymupdf.TEXT_COLLECT_STRUCTURE | pymupdf.TEXT_MEDIABOX_CLIP
                    | pymupdf.TEXT_IGNORE_ACTUALTEXT)
_OWN_FLAGS = (pymupdf.TEXT_PRESERVE_LIGATURES | pymupdf.TEXT_PRESERVE_WHITESPACE
              | pymupdf.TEXT_MEDIABOX_CLIP | pymupdf.TEXT_INHIBIT_SPACES
              | pymupdf.TEXT_IGNORE_ACTUALTEXT)
_TEXT, _VECTOR = 0, 3  # block types
_SUPERSCRIPT = 1  # MuPDF span flag bit
_BOLD = 16

__all__ = ["Glyph", "RawPage", "Rule", "raw_page"]

# fontTools logs a warning for every oddity of an embedded font (a low timestamp, say):
# on the command line that would be more lines on stderr; a font that cannot be read
# is handled where it is read.
logging.getLogger("fontTools").setLevel(logging.ERROR)

# A character no Arabic text layer should hold: the sign of a broken ToUnicode map (ligature
# glyphs mapped to Latin Extended letters, replacement, non- and private-use characters,
# controls; XeTeX writes U+FFFF for a glyph its font lacks).
_SUSPICIOUS_CODES = frozenset([*range(0x0180, 0x0250), 0xFFFD, 0xFFFE, 0xFFFF,
                               *range(0xE000, 0xF900),
                               *(c for c in range(0x20) if c not in (9, 10, 13))])
_SUSPICIOUS_CHARS = frozenset(map(chr, _SUSPICIOUS_CODES))
# Latin letters with diacritics (ÿ Ā …) and no-break spaces are what some rewriters
# (Ghostscript) map Arabic glyphs to: in a font that draws Arabic letters on the page they
# are broken mappings too. (A transliteration such as "Ḥamāh" is set in a Latin font.)
_LATIN_ODD_CODES = frozenset([0x00A0, *range(0x00C0, 0x0180)])
_LATIN_ODD = frozenset(map(chr, _LATIN_ODD_CODES))
# Letters and digits only: a map's brackets may name the mirrored glyph, by design.
_ASCII_ALNUM_CODES = frozenset(c for c in range(0x30, 0x7B) if chr(c).isalnum())
_ASCII_ALNUM = frozenset(map(chr, _ASCII_ALNUM_CODES))
_ARABIC_CODE = re.compile("[\u0621-\u064a\ufb50-\ufefc]")
_ARABIC_LETTER_CODES = frozenset([*range(0x0621, 0x064B), *range(0xFB50, 0xFEFD)])
# A letter (not a mark's presentation form: ﱞ is a shadda with its dammatan).
_ARABIC_LETTER = re.compile("[\u0621-\u064a\ufb50-\ufc5d\ufc64-\ufefc]")
_NAMED_LETTERS = 12  # Arabic letters a font's own names must give for it to be read alone
_ARABIC_SCRIPT = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefc]")  # digits too


_LATIN_EXTENDED = re.compile("[\u0100-\u024f]")
_ASCII_LETTER = re.compile("[A-Za-z]")
_LETTER = re.compile("[^\\W\\d_]")
_NON_ARABIC_LETTER = re.compile("[^\\W\\d_\u0600-\U0010ffff]")


def _font_census(lines: list[list[tuple[dict, str]]]) -> tuple[
        set[str], set[str], set[str], set[str], dict[str, str]]:
    """In one pass over the page's lines (each a list of spans with their text): the fonts
    that draw Arabic letters; the fonts whose text is mostly letters from Latin Extended
    (Ā ĸ Ŧ …), as a rewriter (Ghostscript) writes when it numbers the glyphs of a font it
    could not map: for those, the font itself then says what each glyph draws; the Arabic
    fonts whose words mix in letters of other scripts (``كثر(``, ``المܞضه``: a map that may
    be wrong throughout, checked against the font in ``_map_disagrees``); and each font's
    text on the page, a line a row."""
    pieces: dict[str, list[str]] = {}  # font -> its text on the page, a line a row
    for line in lines:
        fonts = set()
        for span, text in line:  # a line's spans joined: MuPDF may split a word
            font = span["font"]  # into spans at a badly mapped glyph
            pieces.setdefault(font, []).append(text)
            fonts.add(font)
        for font in fonts:
            pieces[font].append("\n")
    arabic: set[str] = set()
    garbled: set[str] = set()
    suspect: set[str] = set()
    ascii_suspect: set[str] = set()
    texts = {font: "".join(parts) for font, parts in pieces.items()}
    # Counted by expressions over each font's whole text: this runs on every page.
    for font, text in texts.items():
        arabic_codes = len(_ARABIC_CODE.findall(text))
        if arabic_codes:
            arabic.add(font)
        if len(letters := _LETTER.findall(text)) >= 20 and (
                len(_LATIN_EXTENDED.findall(text)) >= max(0.4 * len(letters), arabic_codes)):
            # (A few glyphs mapped to Arabic among them, Ghostscript's ﰲ for a ligature,
            # make it no Arabic text.)
            garbled.add(font)
        # Words that mix scripts, or glyphs mapped to nothing beside Latin letters.
        if len(_MIXED_WORD.findall(text)) >= 2 or (
                "\ufffd" in text and len(_NON_ARABIC_LETTER.findall(text)) >= 2):
            suspect.add(font)
        if font in arabic and len(_ASCII_LETTER.findall(text)) >= 2:
            ascii_suspect.add(font)
    return arabic, garbled, suspect, ascii_suspect, texts


# A word (no space) with an Arabic letter, or a glyph mapped to nothing sensible, next to
# a letter of another script.
_MAPPED = "[\u0621-\u064a\ufffd\ue000-\uf8ff]"
_FOREIGN = "[^\\W\\d_\u0600-\u06ff\ufb50-\ufefc\u00b2\u00b3\u00b9\u00bc-\u00be]"
_MIXED_WORD = re.compile(f"{_MAPPED}{_FOREIGN}|{_FOREIGN}{_MAPPED}")


def _texttrace(page: pymupdf.Page) -> list[dict]:
    """The page's text trace, read once per page object: several checks of one page ask
    for it (a broken map, marks drawn apart, the order text is stored in)."""
    trace = getattr(page, "_qari_trace", None)
    if trace is None:
        trace = page.get_texttrace()
        page._qari_trace = trace  # type: ignore[attr-defined]  # as long as the page lives
    return trace


def _map_disagrees(page: pymupdf.Page, font: str, ascii: bool = False) -> bool:
    """Does the font's ToUnicode map disagree with the font's own tables (cmap, GSUB) on
    most of the glyphs both can name? Then the map is wrong throughout (Ghostscript
    rewrites some fonts so: ا as ', ي as ܞ, even ا as ض) and the font is asked instead.
    With ``ascii``, only the glyphs the map sends to ASCII letters and digits are asked
    (ز as 8, ٥ as k). Decided once per document."""
    facts = _facts(page.parent)
    name = _font_key(font)
    key = name + (" ascii" if ascii else "")
    if key not in facts.distrusted:
        if _shared_name(page, name):
            facts.distrusted[key] = False  # whose glyphs the trace gives is unknown
            return False
        agree, disagree = _votes(page, name, ascii)
        glyphs = _ascii_glyphs(page, name) if ascii else {}
        collided, codes = _collided(page, name, glyphs) if ascii else (0, frozenset())
        facts.distrusted[key] = (disagree >= 5 and disagree > agree) or (
            not agree and not disagree and collided >= 3)
        if not facts.distrusted[key] and ascii:
            # The map is right for most glyphs it sends to ASCII (a font's own digits),
            # wrong for these codes: only they are asked (Ghostscript's Noto: ٢ and ٤ as f;
            # ٢ as f alone, ١ as g).
            codes = (codes if collided >= 3 else frozenset()) | _digits_as_letters(
                page, name, glyphs)
            if codes:
                facts.colliding[name] = codes
    return facts.distrusted[key]


def _shared_name(page: pymupdf.Page, name: str) -> bool:
    """Do fonts of the page share the name, one of them not embedded (Word: Times New
    Roman as a Type0 subset for Arabic and as a plain font left to the reader for Latin)?
    The trace names a glyph's font but not which: a glyph number of the one would be read
    in the other's tables (Python's t as ر)."""
    try:
        fonts = [f for f in page.get_fonts() if _font_key(str(f[3])) == name]
    except Exception:
        return False
    return len(fonts) > 1 and any(f[1] == "n/a" for f in fonts)


def _collided(page: pymupdf.Page, name: str,
              glyphs: dict[int, set[int]]) -> tuple[int, frozenset[int]]:
    """How many glyphs of the font the map sends to an ASCII letter or digit it also
    sends another glyph to, and the font itself names Arabic, and those codes
    (Ghostscript's map of a renumbered Noto subset: ٣ ٥ ٧ all as g). Only such glyphs are
    asked (their names come from matching outlines against the full font, which may name
    a Latin letter by its twin in another script); ligatures (ﬁ as f) share a code too,
    but are no Arabic. ``glyphs``: ``_ascii_glyphs``."""
    shared = {(code, gid) for code, gids in glyphs.items() if len(gids) > 1 for gid in gids}
    if len({gid for _code, gid in shared}) < 3:
        return 0, frozenset()
    tables = [_font_text(page.parent, xref) for xref in _font_xrefs(page, name)]
    # Subsets that share a name each number their glyphs their own way (fpdf2 embeds a font
    # twice as one name): a glyph one of them names as its code is no collision.
    wrong = {(code, gid) for code, gid in shared
             if _ARABIC_SCRIPT.search(next((t[gid] for t in tables if gid in t), ""))
             and not any(_alike(chr(code), t[gid]) for t in tables if gid in t)}
    return len({gid for _code, gid in wrong}), frozenset(code for code, _gid in wrong)


def _ascii_glyphs(page: pymupdf.Page, name: str) -> dict[int, set[int]]:
    """The font's glyphs on the page its map sends to ASCII letters and digits, by code
    (``_collided``, ``_digits_as_letters``)."""
    try:
        trace = _texttrace(page)
    except Exception:
        return {}
    glyphs: dict[int, set[int]] = {}
    for span in trace:
        if _font_key(str(span.get("font", ""))) == name:
            for code, gid, *_ in span["chars"]:
                if gid >= 0 and code in _ASCII_ALNUM_CODES:
                    glyphs.setdefault(code, set()).add(gid)
    return glyphs


_ARABIC_DIGITS = frozenset(map(chr, [*range(0x0660, 0x066A), *range(0x06F0, 0x06FA)]))


def _digits_as_letters(page: pymupdf.Page, name: str,
                       glyphs: dict[int, set[int]]) -> frozenset[int]:
    """The ASCII letters the font's map sends glyphs to that the font itself names
    Arabic-Indic digits, each glyph of the code (Ghostscript's rewrite of Noto Kufi: ١ as
    g, ٢ as h, ٩ as o). A letter and a digit are no twins one outline could stand for."""
    glyphs = {code: gids for code, gids in glyphs.items() if chr(code).isalpha()}
    xrefs = _font_xrefs(page, name)
    if not glyphs or len(xrefs) != 1:
        return frozenset()  # (two subsets of one name number their glyphs each its way:
        # the trace does not say whose a glyph is; cairo writes DejaVu twice so)
    table = _font_text(page.parent, xrefs[0])
    return frozenset(code for code, gids in glyphs.items()
                     if all(table.get(gid, "") in _ARABIC_DIGITS for gid in gids))


def _votes(page: pymupdf.Page, name: str, ascii: bool) -> tuple[int, int]:
    """How many of the font's glyphs on the page the map and the font's own tables name
    alike, and how many differently (``_map_disagrees``)."""
    agree = disagree = 0
    try:
        trace = _texttrace(page)
    except Exception:
        trace = []
    tables = [_font_text(page.parent, xref, outlines=False) for xref in _font_xrefs(page, name)]
    for span in trace:
        if _font_key(str(span.get("font", ""))) != name:
            continue
        for code, gid, *_ in span["chars"]:
            if ascii and code not in _ASCII_ALNUM_CODES:
                continue  # only the glyphs the map sends to ASCII letters or digits vote
            texts = [t[gid] for t in tables if gid in t]
            text = texts[0] if texts else ""
            if code <= 0x20 or code in _SUSPICIOUS_CODES or not text or (
                    not ascii and not _ARABIC_CODE.search(text)):
                continue  # unmapped or unnamed: no vote
            if len(texts) > 1 and any(_alike(chr(code), t) for t in texts):
                # Subsets that share a name number their glyphs each their own way: the
                # glyph is the one of them that names it as mapped.
                agree += 1
                continue
            mapped, named = _letters(chr(code)), _letters(text)
            if not named:
                if not ascii:
                    continue
                named = text  # a mark the map calls a letter
            if mapped and (named.startswith(mapped) or mapped.startswith(named)):
                agree += 1
            else:
                disagree += 1
    return agree, disagree


def _alike(mapped: str, named: str) -> bool:
    """Do a map's text and a font's name for one glyph give the same letters?"""
    a, b = _letters(mapped), _letters(named)
    return bool(a and b) and (a.startswith(b) or b.startswith(a))


def _letters(text: str) -> str:
    """Base letters of a text: presentation forms unfolded, marks (a hamza over alef
    too), tatweel and spaces dropped, digits of any script as ASCII."""
    return "".join(str(unicodedata.digit(c, "")) or c
                   for c in unicodedata.normalize("NFKD", text)
                   if not unicodedata.combining(c) and c not in "\u0640 ")


# Blocks no Arabic font draws for an Arabic text (arrows, technical and box-drawing
# symbols, dingbats, CJK, Hangul): Ghostscript maps marks to them (a shadda as 乑, a
# hamza as ⍎). In a font that draws Arabic letters, the font says what they are. (A set
# of codes, 30,000 of them: tested once per glyph in the trace.)
_IMPLAUSIBLE_RANGES = ((0x2190, 0x2BFF), (0x2E80, 0x9FFF), (0xAC00, 0xD7AF), (0xF900, 0xFAFF))
_IMPLAUSIBLE = re.compile("[" + "".join(f"{chr(a)}-{chr(b)}" for a, b in _IMPLAUSIBLE_RANGES)
                          + "]")
_IMPLAUSIBLE_CODES = frozenset(c for a, b in _IMPLAUSIBLE_RANGES for c in range(a, b + 1))
_ODD_IN_ARABIC_FONT = _SUSPICIOUS_CODES | _LATIN_ODD_CODES | _IMPLAUSIBLE_CODES
# The same as characters, and with ASCII letters and digits (a font that maps Arabic there).
_ODD_CHARS_ARABIC = frozenset(map(chr, _ODD_IN_ARABIC_FONT))
_ODD_CHARS_ASCII = _ODD_CHARS_ARABIC | _ASCII_ALNUM


@gc_paused
def raw_page(page: pymupdf.Page) -> RawPage:
    data = page.get_text("rawdict", flags=_FLAGS)
    regions: list[tuple[float, float, float, float, int]] = []
    if _tagged(page):
        # Read apart: with the structure collected MuPDF splits and places glyphs
        # differently (marks, spaces); only the lines' places are wanted from it.
        _structure_lines(page.get_text("dict", flags=_STRUCTURE_FLAGS)["blocks"], regions)
    broken: list[tuple[int, int, list[dict], str, frozenset[str]]] = []  # range, chars, font, odd
    # Unmapped glyphs with codes of their own, by the letter drawn before them (None: none)
    # and how many marks were drawn between: (letter, marks, font and code, glyph).
    unread: list[tuple[Glyph | None, int, str, Glyph]] = []
    recovered = unmapped = 0
    glyphs: list[Glyph] = []
    turned: list[tuple[Rect, float, float, float, float]] = []  # recovered (``_turns``)
    images = 0
    rules: list[Rule] = []
    vrules: list[VRule] = []
    marks: list[Rect] = []  # small drawn squares and discs (``_drawn_bullets``)
    # The page's text lines, each a list of spans with their text, read once: the checks
    # below look at whole fonts and the whole page (LibreOffice writes a span a word).
    lines: list[list[tuple[dict, str]]] = []
    text_blocks = data["blocks"]  # (vectors and images too: only text blocks have lines)
    for block in data["blocks"]:
        kind = block.get("type")
        if kind == _VECTOR:
            x0, y0, x1, y1 = block["bbox"]
            if y1 - y0 < 2.5 and x1 - x0 > 5:  # a thin horizontal line or bar
                rules.append(Rule(x0, x1, (y0 + y1) / 2))
            elif x1 - x0 < 2.5 and y1 - y0 > 5:  # a thin vertical one: a cell border
                vrules.append(VRule((x0 + x1) / 2, y0, y1))
            elif 1.5 < x1 - x0 < 9 and 0.7 < (y1 - y0) / (x1 - x0) < 1.4:
                marks.append((x0, y0, x1, y1))  # a small square or disc: a list's bullet?
        elif kind != _TEXT:
            images += 1
        else:
            lines += [[(span, "".join([ch["c"] for ch in span["chars"]]))
                       for span in line["spans"]] for line in block["lines"]]
    page_text = "\n".join([text for line in lines for _span, text in line])
    as_drawn = False
    if _facts(page.parent).cluster_maps is not False and len(
            _MARK_CHAR.findall(page_text)) >= _CLUSTER_MAPPED and (
            (cluster_marks := _cluster_marks(page)) is not None):
        # (A page with a tanween or two cannot show it: the trace is not read for them.)
        # A cluster's whole text given to its mark glyphs (Typst, LibreOffice) or its
        # letter's (WeasyPrint) while the others draw it too: each glyph read as drawn,
        # without the page's /ActualText, and given its own part of that text.
        as_drawn = True
        text_blocks = [block for block in page.get_text("rawdict", flags=_OWN_FLAGS)["blocks"]
                       if block.get("type") == _TEXT]
        lines = _own_cluster_texts([
            [(span, "") for span in line["spans"]]
            for block in text_blocks for line in block["lines"]], *cluster_marks,
            _told_letters(lines))
        page_text = "\n".join([text for line in lines for _span, text in line])
    if _SYMBOL_CODES.search(page_text):
        page_text = _symbols_read(lines)
    arabic_fonts, garbled, suspect, ascii_suspect, font_texts = _font_census(lines)
    # The map of an Arabic font is checked against the font once per document, and only
    # when its words mix scripts: a map that is wrong throughout is not used; one that
    # sends Arabic glyphs to ASCII (Ghostscript: ز as 8, ٥ as k) is not used for those.
    garbled |= {font for font in suspect if _map_disagrees(page, font)}
    ascii_wrong = {font for font in ascii_suspect if _map_disagrees(page, font, ascii=True)}
    presentation = bool(_PRESENTATION.search(page_text))
    # A line starts with a mark, or a mark follows a space: MuPDF put marks where they were
    # not drawn (``_marks_on_their_letters``).
    displaced = bool(_MARK_AFTER_SPACE.search(page_text)) or any(
        chars[0]["c"] in _ARABIC_MARKS for line in lines if line and (chars := line[0][0]["chars"]))
    if not displaced and _MARK_CHAR.search(page_text):
        # A mark a fifth of an em or more outside the glyph before it in its line: MuPDF
        # put it past a word space (XeTeX) or at the end of another line (ReportLab draws a
        # line's last mark in a span before the line). Where the page has clusters written
        # as /ActualText (width-less letters: Chromium), MuPDF places their marks itself,
        # a fifth of an em off at times: there only a mark an em away is displaced.
        clusters = any(ch["bbox"][2] - ch["bbox"][0] < 0.01 and ch["c"] in _LETTERS
                       for line in lines for span, _text in line for ch in span["chars"])
        far = _FAR_MARK_CLUSTERS if clusters else _FAR_MARK
        displaced = any(_far_mark(line, far) for line in lines)
    # The characters that mark a span's map as broken, by font (``None``: the font has
    # none on this page, the most common case).
    odd_chars: dict[str, frozenset[str] | None] = {}
    inside_codes: dict[str, frozenset[int]] = {}  # by font key: see ``_INSIDE_WORD``
    for font, text in font_texts.items():
        odd = _SUSPICIOUS_CHARS
        if font in garbled:
            odd = frozenset(text) - {" "}  # every code: only the font can tell
        elif font in ascii_wrong or (font in arabic_fonts and (
                not _LATIN_ODD.isdisjoint(text) or _IMPLAUSIBLE.search(text))):
            # Only the font's own odd characters: a union with the whole sets (thousands of
            # private-use codes) cost more than reading its text.
            pool = _ODD_CHARS_ASCII if font in ascii_wrong else _ODD_CHARS_ARABIC
            odd = pool.intersection(text)
        if font in arabic_fonts and (inside := _INSIDE_WORD.findall(text)):
            # A Latin letter or a symbol between two letters of an Arabic word is no text
            # (Ghostscript numbers a connector glyph it cannot map: الuكوادر, ال©كولونيل):
            # the font is asked what it draws.
            odd = odd.intersection(text) | frozenset(inside)
            inside_codes[_font_key(font)] = frozenset(map(ord, inside))
        if font in ascii_suspect and (colliding := _facts(page.parent).colliding.get(
                name := _font_key(font))) and not colliding.isdisjoint(map(ord, text)):
            # Codes the map gives Arabic glyphs and glyphs of their own (``_collided``).
            odd = odd.union(map(chr, colliding))
            inside_codes[name] = inside_codes.get(name, frozenset()) | colliding
        odd_chars[font] = None if odd.isdisjoint(text) else odd
    bold_fonts = {font: _bold_name(font) for font in font_texts}
    for line in lines:
        for span, text in line:
            flags, size, font = span["flags"], span["size"], span["font"]
            bold = bool(flags & _BOLD) or bold_fonts[font]
            superscript = bool(flags & _SUPERSCRIPT)
            chars = span["chars"]
            if any(ch["origin"][0] - ch["bbox"][0] > 0.05 for ch in chars):
                chars = _unsheared(span)
            start = len(glyphs)
            # The hot loop of extraction: one object per glyph, built in place.
            glyphs += [Glyph(c, (box := ch["bbox"]), ch["origin"][1], size, bold,
                             superscript, (info := char_info(c))[0], info[1],
                             (box[0] + box[2]) / 2)
                       for ch in chars if (c := ch["c"])]
            font_odd = odd_chars[font]
            if font_odd is not None and not font_odd.isdisjoint(text):
                # Broken mappings: recovered below, once the fonts that need it are known.
                broken.append((start, len(glyphs), chars, font, font_odd))
    if broken:
        places: dict[tuple[float, float], _Place] = {}
        continued: dict[tuple[float, float], tuple[float, float]] = {}
        # origin -> font and glyph number of each glyph drawn there, in drawing order
        unknown: dict[tuple[float, float], list[str]] = {}
        fixes = font_fixes(page, {_font_key(font) for *_, font, _odd in broken},
                           {_font_key(font) for font in garbled}, places,
                           {_font_key(font) for font in ascii_wrong}, continued, inside_codes,
                           unknown)
        dropped: set[int] = set()
        unread_at: dict[int, str] = {}  # index in ``glyphs`` -> its font and code
        asked: dict[tuple[float, float], int] = {}  # origin -> index in ``glyphs``
        spaces: dict[tuple[float, float], int] = {}  # of garbled fonts: origin -> index
        for start, end, chars, font, odd in broken:
            drawn = [ch for ch in chars if ch["c"]]  # as in glyphs[start:end]
            if font in garbled:
                spaces.update(((round(ch["origin"][0], 1), round(ch["origin"][1], 1)), at)
                              for at, ch in zip(range(start, end), drawn, strict=True)
                              if ch["c"] == " ")
            for at, ch in [(at, ch) for at, ch in zip(range(start, end), drawn, strict=True)
                           if ch["c"] in odd]:
                key = (round(ch["origin"][0], 1), round(ch["origin"][1], 1))
                if key in continued and key not in fixes:
                    # The odd code of a glyph mapped to several (MuPDF puts it where the
                    # glyph ends): the font's text goes on that glyph, in its place.
                    owner = _owner(drawn, at - start, continued[key])
                    if owner is not None:
                        dropped.add(at)
                        key = continued[key]
                        if drawn[owner]["c"] in odd or not fixes.get(key):
                            continue  # the glyph is asked for itself, or stays as it is
                        at, ch = start + owner, drawn[owner]
                old = glyphs[at]
                asked.setdefault(key, at)
                if fixes.get(key):
                    # Glyphs drawn at one origin (a lam-alef pair) may reach us as one
                    # character or as several: the first takes them all. A recovered
                    # ligature keeps its letters together, in logical order.
                    text = "".join(fixes[key])
                    fixes[key] = []
                    recovered += 1
                    presentation = presentation or bool(_PRESENTATION.search(text))
                    glyphs[at] = glyph(text, old.box, old.baseline, old.size, old.bold,
                                       old.superscript)
                else:
                    unmapped += key not in fixes  # else: its text went with the first one
                    dropped.add(at)
                    if unknown.get(key):
                        # The same glyph wherever it is drawn: OCR may name it later.
                        # (Marks stacked at one origin, a shadda and its harakah, are
                        # drawn and given in the same order.)
                        unread_at[at] = unknown[key].pop(0)
        # Glyphs with a broken map that MuPDF left out or (in a garbled font) gave as
        # spaces, but the font names: read, in place of the space or after the glyph
        # drawn before them (the drawing order tells marks apart).
        inserts: dict[int, list[Glyph]] = {}
        after = -1
        read: set[tuple[float, float]] = set()  # origins of the glyphs MuPDF gave
        if any(key not in asked and fixes.get(key) for key in places):
            # Read as drawn, every glyph is in the lines, a glyph mapped to nothing as
            # what its font names it or the /ActualText gives (``_own_cluster_texts``).
            read = {(round(ch["origin"][0], 1), round(ch["origin"][1], 1))
                    for line in lines for span, _text in line
                    for ch in span["chars"]} if as_drawn else {
                (round(ch["origin"][0], 1), round(ch["origin"][1], 1))
                for *_, chars, _font, _odd in broken for ch in chars}
        for key, (box, size, font, direction) in places.items():  # in drawing order
            if key in asked:
                after = asked[key]
            elif fixes.get(key) and (key in spaces or key not in read):
                text = "".join(fixes[key])
                fixes[key] = []
                recovered += 1
                presentation = presentation or bool(_PRESENTATION.search(text))
                new = glyph(text, box, key[1], size, _bold_name(font))
                if direction[0] < UPRIGHT:  # a turned line's: read in its frame
                    turned.append((box, *direction, *key))
                if key in spaces:
                    glyphs[spaces[key]] = new
                    after = spaces[key]
                else:
                    inserts.setdefault(after, []).append(new)
        if dropped or inserts:
            kept = inserts.get(-1, [])
            for at, g in enumerate(glyphs):
                if at not in dropped:
                    kept.append(g)
                elif at in unread_at:
                    # After the last letter before it and the marks drawn since (later
                    # passes may rebuild marks: the letter is found again at the end).
                    letter = len(kept) - 1
                    while letter >= 0 and zero_width(kept[letter]):
                        letter -= 1
                    unread.append((kept[letter] if letter >= 0 else None,
                                   len(kept) - 1 - letter, unread_at[at], g))
                elif _between_digits(glyphs, at, dropped):
                    # An unreadable glyph inside a number (a separator the font lacked):
                    # an invisible stretch, so that the number is not cut in two.
                    kept.append(glyph("\u0640", g.box, g.baseline, g.size, g.bold,
                                      g.superscript))
                kept.extend(inserts.get(at, ()))
            glyphs = kept
    if _uneven_spaces(glyphs):
        glyphs = _spaces_with_ink(page, glyphs)
    if _facts(page.parent).borrowed is not False and any(
            a.text in _ARABIC_MARKS and b.text in _ARABIC_MARKS and a.box == b.box
            and zero_width(a) for a, b in itertools.pairwise(glyphs)):
        glyphs = _without_borrowed_marks(page, glyphs)
    marks_given = len(_MARK_CHAR.findall(page_text))
    if not as_drawn and _facts(page.parent).marks_twice is not False and (
            marks_given >= _INK_MARKS):
        glyphs = _marks_given_twice(page, glyphs)
    # Clusters written as /ActualText (width-less letters: Chromium) whose marks MuPDF
    # places itself; read as drawn, a page has none.
    clustered = not as_drawn and _has_clusters(glyphs)
    if clustered:
        glyphs = _dropped_twins(page, glyphs)
    if not (as_drawn or clustered or broken) and (
            marks_given >= max(_INK_MARKS, _VOWELLED * len(page_text))):
        # A vowelled text (a shadda here and there on a page of prose is not worth its
        # trace); where a font's map is broken, the trace's codes are too.
        glyphs = _marks_left_out(page, glyphs)
    if displaced:
        as_given = glyphs  # as MuPDF gives them
        if clustered:  # (the trace is read for this page anyway)
            glyphs = _clusters_at_their_glyphs(page, glyphs)
        glyphs = _marks_on_their_letters(page, glyphs)
        if clustered:
            # Clusters written as /ActualText (Chromium): MuPDF drops some of their
            # letters and keeps the marks (قَالَ: read قَاَ:); the trace has the glyphs.
            glyphs += _dropped_letters(page, glyphs, as_given)
    if _facts(page.parent).mark_inks is not False and (
            _MARK_CHAR.search(page_text) or displaced or (  # marks read from the font too
                recovered and any(g.text in _ARABIC_MARKS for g in glyphs))):
        glyphs = _marks_at_their_ink(page, glyphs, clustered)
    if 2 <= len(marks) <= _MAX_BULLETS:  # more small shapes than that: a drawing
        glyphs += _drawn_bullets(marks, glyphs)
    visual = _document_stores_visually(page) if presentation else False
    if unread and _facts(page.parent).mark_inks is not False:
        unread = _unread_at_their_ink(page.parent, unread)
    where = {id(g): i for i, g in enumerate(glyphs)} if unread else {}
    placed = tuple((0 if letter is None else min(len(glyphs), where.get(
        id(letter), len(glyphs)) + 1 + since), key, g) for letter, since, key, g in unread)
    if placed:
        glyphs, placed = _letters_of_unread(glyphs, placed)
    return RawPage(page.number, float(page.rect.width), float(page.rect.height),
                   tuple(glyphs), tuple(rules), images, recovered, unmapped, visual,
                   tuple(vrules), tuple(regions), placed, (*_turns(text_blocks), *turned))


_MAX_SLANT = 0.6  # tan of the steepest slant read as an oblique face (about 31 degrees)


def _unsheared(span: dict) -> list[dict]:
    """A span drawn slanted, in whole or in part (an oblique face made by shearing the
    upright one, as word processors make italic Arabic, whose fonts have none; MuPDF puts
    both in one span): MuPDF gives each slanted glyph the box of its outline's frame,
    which reaches left of its origin by the descent's share of the slant and right past
    its advance by the ascent's, so that neighbours overlap and a space glyph between
    words no longer stands between them. Each such glyph's box as upright: from its origin
    to its advance. The span as given if a glyph's box is not the height of the font's
    ascent and descent (a turned or mirrored line) or shows a slant steeper than a face's."""
    chars = span["chars"]
    size, ascender, descender = span["size"], span["ascender"], span["descender"]
    if size <= 0 or descender >= 0 or ascender <= 0:
        return chars
    out = []
    for ch in chars:
        (x0, y0, x1, y1), (x, y) = ch["bbox"], ch["origin"]
        shift = x - x0
        if shift <= 0.05:
            out.append(ch)
            continue
        slant = shift / (-descender * size)
        right = ascender * size * slant  # how far the slanted top reaches past the advance
        if slant > _MAX_SLANT or abs(y - ascender * size - y0) > 0.5 or abs(
                y - descender * size - y1) > 0.5 or x1 - right < x:
            return chars
        out.append({**ch, "bbox": (x, y0, x1 - right, y1)})
    return out


def _uneven_spaces(glyphs: list[Glyph]) -> bool:
    """Do space glyphs between Arabic letters, of one size, have two widths? A font's
    space has one advance; a glyph of another width mapped to U+0020 is some other glyph
    (LibreOffice maps the kashidas it justifies a Word document's lines with so)."""
    widths: dict[float, float] = {}
    for a, g, b in zip(glyphs, glyphs[1:], glyphs[2:], strict=False):
        if g.char == " " and a.kind == R and b.kind == R:
            width = g.box[2] - g.box[0]
            seen = widths.setdefault(round(g.size, 1), width)
            if abs(seen - width) > 0.02 * max(seen, width, 0.1):
                return True
    return False


def _spaces_with_ink(page: pymupdf.Page, glyphs: list[Glyph]) -> list[Glyph]:
    """The glyphs mapped to a space that are not their font's space: where a font draws
    U+0020 with two glyphs or more (the text trace gives each its glyph number), each that
    the font itself names otherwise (a tatweel) is read as that."""
    try:
        trace = _texttrace(page)
    except Exception:
        return glyphs
    # font -> glyph number -> (origin, advance drawn, size) of each of its spaces
    by_font: dict[str, dict[int, list[tuple[tuple[float, float], float, float]]]] = {}
    for span in trace:
        for code, gid, origin, box in span["chars"]:
            if code == 0x20 and gid > 0:
                by_font.setdefault(span.get("font", ""), {}).setdefault(gid, []).append(
                    ((round(origin[0], 1), round(origin[1], 1)), box[2] - box[0],
                     float(span.get("size", 0.0))))
    named: dict[tuple[float, float], str] = {}
    for font, gids in by_font.items():
        if len(gids) < 2:
            continue
        xrefs = _font_xrefs(page, _font_key(font))
        tables = [_font_text(page.parent, xref) for xref in xrefs]
        for gid, drawn in gids.items():
            _, advance, size = drawn[0]
            text = _text_by_advance(page.parent, xrefs, tables, gid, advance, size)
            if text and not text.isspace():
                named.update(dict.fromkeys((origin for origin, *_ in drawn), text))
    # (A glyph read from the font already stands there: a map broken throughout has been
    # asked glyph by glyph, and what it named inserted beside the space MuPDF gave.)
    taken = {(round(g.box[0], 1), round(g.baseline, 1)) for g in glyphs if g.char != " "}
    named = {origin: text for origin, text in named.items() if origin not in taken}
    if not named:
        return glyphs
    out = []
    for g in glyphs:
        ink = named.get((round(g.box[0], 1), round(g.baseline, 1))) if g.char == " " else None
        out.append(g if ink is None else glyph(ink, g.box, g.baseline, g.size, g.bold,
                                               g.superscript))
    return out


def _turns(blocks: list[dict]) -> tuple[tuple[Rect, float, float, float, float], ...]:
    """The glyphs of lines not drawn along the page's x axis: each glyph's box (the key
    its ``Glyph`` keeps) with its line's direction and its origin."""
    return tuple((ch["bbox"], dx, dy, *ch["origin"])
                 for block in blocks for line in block.get("lines", ())
                 if (direction := line["dir"])[0] < UPRIGHT
                 for dx, dy in (direction,) for span in line["spans"]
                 for ch in span["chars"] if ch["c"])


def _tagged(page: pymupdf.Page) -> bool:
    """Does the page belong to a tagged PDF's structure tree? (A structure tree root in the
    catalog and the page's /StructParents; ``Document.markinfo`` misreads some files.)"""
    facts = _facts(page.parent)
    if facts.tagged is None:
        try:
            facts.tagged = _usable_structure(page.parent)
        except Exception:  # a damaged catalog or tree: read as untagged
            facts.tagged = False
    if not facts.tagged:
        return False
    try:
        return page.parent.xref_get_key(page.xref, "StructParents")[0] != "null"
    except Exception:
        return False


# MuPDF's structure pass takes time that grows with the square of the tree's depth (20,000
# nested elements: 30 s for one line of text). Real trees are a few dozen deep; a tree
# deeper than this, or too big to check at once, is not used (geometry orders the page).
_MAX_STRUCTURE_DEPTH = 100
_MAX_STRUCTURE_ELEMENTS = 50_000
_REFERENCE = re.compile(r"(\d+) 0 R")


def _usable_structure(doc: pymupdf.Document) -> bool:
    """Does the document have a structure tree worth reading? Walked once, iteratively,
    by its /K references: no deeper than ``_MAX_STRUCTURE_DEPTH``, no bigger than
    ``_MAX_STRUCTURE_ELEMENTS`` objects."""
    if not doc.is_pdf:
        return False
    kind, value = doc.xref_get_key(doc.pdf_catalog(), "StructTreeRoot")
    if kind != "xref":
        return False
    stack = [(int(value.split()[0]), 0)]
    seen: set[int] = set()
    while stack:
        xref, depth = stack.pop()
        if xref in seen:
            continue
        seen.add(xref)
        if depth > _MAX_STRUCTURE_DEPTH or len(seen) > _MAX_STRUCTURE_ELEMENTS:
            return False
        kind, value = doc.xref_get_key(xref, "K")
        if kind in ("array", "xref", "dict"):
            stack.extend((int(m.group(1)), depth + 1) for m in _REFERENCE.finditer(value))
    return True


# Standard structure types that are parts of a line, not blocks (PDF 1.7, 14.8.4.4).
_INLINE_ELEMENTS = frozenset({"Span", "Quote", "Code", "Link", "Annot", "Reference",
                              "BibEntry", "Ruby", "RB", "RT", "RP", "Warichu", "WT", "WP",
                              "Em", "Strong", "Sub"})


def _structure_lines(blocks: list[dict],
                     regions: list[tuple[float, float, float, float, int]]) -> None:
    """Each line of text drawn inside a structure element, into ``regions`` with the
    element's number in the tree's depth-first order (nested elements number after their
    parent). The walk is as deep as MuPDF's answer, which is bounded by the page."""
    count = 0
    stack: list[tuple[list[dict], int, int]] = [(blocks, 0, -1)]  # blocks, next, element
    while stack:
        items, at, element = stack.pop()
        if at >= len(items):
            continue
        stack.append((items, at + 1, element))
        block = items[at]
        if block.get("type") == 2:  # a structure element: its own blocks come next
            if element >= 0 and block.get("std") in _INLINE_ELEMENTS:
                # Inside a paragraph (LibreOffice tags a number, a run in another font,
                # as a span of its own): its text is the paragraph's, in the paragraph's
                # place. Numbered apart, a line whose middle fell in a span read after
                # the paragraph's next line.
                stack.append((block.get("blocks") or [], 0, element))
            else:
                count += 1
                stack.append((block.get("blocks") or [], 0, count))
        elif block.get("type") == _TEXT and element >= 0:
            for line in block.get("lines", ()):
                if line["dir"][0] < UPRIGHT:
                    continue  # turned text (a watermark across the page): read apart
                x0, y0, x1, y1 = line["bbox"]
                regions.append((x0, y0, x1, y1, element))


def _owner(chars: list[dict], i: int, origin: tuple[float, float]) -> int | None:
    """The index in ``chars`` of the glyph drawn at ``origin``, next to ``chars[i]``."""
    for k in (i - 1, i + 1, i - 2, i + 2):
        if 0 <= k < len(chars) and (round(chars[k]["origin"][0], 1),
                                    round(chars[k]["origin"][1], 1)) == origin:
            return k
    return None


_ARABIC_MARKS = frozenset(chr(c) for c in [*range(0x0610, 0x061B), *range(0x064B, 0x0660),
                                           0x0670, *range(0x06D6, 0x06EE)]
                          if unicodedata.combining(chr(c)))


_MARK_CODES = frozenset(map(ord, _ARABIC_MARKS))
_MARKS_TEXT = "".join(sorted(_ARABIC_MARKS))
_MARK_CLASS = "[" + "".join(sorted(_ARABIC_MARKS)) + "]"
_MARK_CHAR, _MARK_AFTER_SPACE = re.compile(_MARK_CLASS), re.compile(" " + _MARK_CLASS)
_NEAR = ((0, 0), (-1, 0), (1, 0), (0, -1), (0, 1), (-1, -1), (-1, 1), (1, -1), (1, 1))


_FAR_MARK, _FAR_MARK_CLUSTERS = 0.2, 1.0  # of the size (see raw_page)


# The bullets of a word processor's lists in its symbol fonts (Word's default list levels:
# Symbol's disc, Wingdings' square, arrow, diamond, tick), given by their private-use
# codes (U+F000 plus the code in the font's own encoding), as the characters they draw;
# read only in such fonts: an old Arabic font may give its letters private codes too.
_SYMBOL_BULLETS = {"\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "➢", "\uf076": "❖", "\uf0fc": "✓",
                   "\uf06e": "■", "\uf0a8": "◆"}
_SYMBOL_CODES = re.compile("[" + "".join(_SYMBOL_BULLETS) + "]")
_SYMBOL_FONT = re.compile("symbol|wingdings|webdings|dingbat", re.IGNORECASE)


def _symbols_read(lines: list[list[tuple[dict, str]]]) -> str:
    """The symbol fonts' bullets as the characters they draw (in place, in the spans'
    characters and texts); the page's text again."""
    for line in lines:
        for n, (span, text) in enumerate(line):
            if _SYMBOL_CODES.search(text) and _SYMBOL_FONT.search(str(span.get("font", ""))):
                for ch in span["chars"]:
                    ch["c"] = _SYMBOL_BULLETS.get(ch["c"], ch["c"])
                line[n] = (span, "".join([ch["c"] for ch in span["chars"]]))
    return "\n".join([text for line in lines for _span, text in line])


def _far_mark(line: list[tuple[dict, str]], far: float = _FAR_MARK) -> bool:
    """Does a mark of the line stand outside the glyph before it, ``far`` ems or more
    from it?"""
    previous = None
    for span, text in line:
        size = max(float(span["size"]), 1.0)
        chars = span["chars"]
        if _MARK_CHAR.search(text):
            for ch in chars:
                if ch["c"] in _ARABIC_MARKS and previous is not None and max(
                        previous["bbox"][0] - ch["bbox"][0],
                        ch["bbox"][0] - previous["bbox"][2]) > far * size:
                    return True
                previous = ch
        elif chars:
            previous = chars[-1]
    return False


Entry = tuple[str, float, float, tuple[float, ...], float]  # see _marks_on_their_letters


def _marks_on_their_letters(page: pymupdf.Page, glyphs: list[Glyph]) -> list[Glyph]:
    """Arabic marks moved to the letters they are drawn with.

    MuPDF gives a mark no place of its own: it puts it where the glyph drawn before it
    ended. Producers that shape with HarfBuzz draw a line left to right with each mark
    before its letter, so a mark lands on the glyph to its letter's left: the next word,
    or the end of another line. The text trace has every glyph in drawing order, and a
    mark belongs to the letter drawn just before or just after it: the one that can carry
    it (a hamza or madda), the one not across a space, else the one the page's decided
    marks show (before or after their letter, per direction), else the letter after it
    when the drawing moves rightwards and the one before otherwise. Each mark MuPDF gave
    is found by where MuPDF put it (the end of the glyph drawn before it) and is moved
    onto the middle of its letter."""
    try:
        trace = _texttrace(page)
    except Exception:
        return glyphs
    # (text, x, y, box, size): a mark with where MuPDF put it and where it is drawn
    # (``box``: x0, y of its origin), or a letter ("") with its origin and box.
    entries: list[Entry] = []
    spaced: list[bool] = []  # by entry: was a space drawn between it and the entry before?
    pen: tuple[float, float] | None = None  # where MuPDF's pen stands
    space = False
    for span in trace:
        chars = span["chars"]
        if len(chars) == 1 and chars[0][0] not in _MARK_CODES:
            # One glyph, no mark (Chromium writes a span a glyph): the short way, with the
            # checks below for one glyph.
            code, gid, origin, bbox = chars[0]
            if not _upright(span) or (gid == 0 and code != 32):
                pen = None
            elif gid >= 0:
                if code != 32:
                    entries.append(("", origin[0], origin[1], bbox, float(span.get("size", 0.0))))
                    spaced.append(space)
                    space = False
                else:
                    space = True
                pen = (origin[0] + bbox[2] - bbox[0], origin[1])
            continue
        if not _upright(span):
            pen = None  # rotated text: left as MuPDF gave it
            continue
        size = float(span.get("size", 0.0))
        if (solid := [c[1] for c in chars if c[0] != 32]) and 2 * solid.count(0) >= len(solid):
            # Drawn with glyph 0 (.notdef) for the most part: a font MuPDF could not load
            # (TCPDF's subsets of Amiri and Nazli). Its boxes are .notdef's, not the
            # glyphs': the span's marks are left where MuPDF gave them (from the widths
            # the PDF gives). A glyph or two a font lacks (XeTeX's) leave the rest of use.
            pen = None
            continue
        if _MARK_CODES.isdisjoint([c[0] for c in chars]):
            # No mark in it: only its first and last letters can stand beside a mark of
            # another span (most spans: the loop below is the costly part).
            drawn = [c for c in chars if c[1] >= 0]
            solid = [k for k, c in enumerate(drawn) if c[0] != 32]
            if solid:
                for n, k in enumerate(dict.fromkeys((solid[0], solid[-1]))):
                    _code, _gid, origin, bbox = drawn[k]
                    entries.append(("", origin[0], origin[1], bbox, size))
                    spaced.append(space or (n == 0 and k > 0))
                    space = False
                space = solid[-1] < len(drawn) - 1
            elif drawn:
                space = True
            if drawn:
                origin, bbox = drawn[-1][2], drawn[-1][3]
                pen = (origin[0] + bbox[2] - bbox[0], origin[1])
            continue
        for code, gid, origin, bbox in chars:
            if code in _MARK_CODES:
                if pen is not None:
                    entries.append((chr(code), pen[0], pen[1], origin, size))
                    spaced.append(space)
                    space = False
            elif gid >= 0:
                pen = (origin[0] + bbox[2] - bbox[0], origin[1])
                if code == 32:
                    space = True
                else:
                    entries.append(("", origin[0], origin[1], bbox, size))
                    spaced.append(space)
                    space = False
    letters = {(round(g.box[0] * 20), round(g.baseline * 20)): g.text for g in glyphs
               if g.text not in _ARABIC_MARKS} if _HAMZA_MARKS & {e[0] for e in entries} else {}
    # Where MuPDF put a mark (to a twentieth of a point) -> where it goes (x, baseline).
    places: dict[tuple[str, int, int], list[tuple[float, float]]] = {}

    def put(text: str, x: float, y: float, base: Entry) -> None:
        places.setdefault((text, round(x * 20), round(y * 20)), []).append(
            ((base[3][0] + base[3][2]) / 2, base[2]))

    bases = [i for i, e in enumerate(entries) if not e[0]]
    # Each mark with its two neighbours, and its letter where the page's own evidence
    # decides it: then how it was drawn (before or after its letter, and which way the
    # line runs) is a vote on the producer's habit, used for the marks nothing decides.
    undecided: list[tuple[str, float, float, tuple[float, ...], float, Entry, Entry, bool]] = []
    votes: dict[bool, list[int]] = {True: [0, 0], False: [0, 0]}  # rightwards: [before, after]
    for n, index in enumerate([i for i, e in enumerate(entries) if e[0]]):
        text, x, y, box, size = entries[index]
        at = index - n  # the letters before it: bases[at] is the first after it
        before = entries[bases[at - 1]] if at > 0 else None
        after = entries[bases[at]] if at < len(bases) else None
        reach = 0.6 * max(size, 1.0)
        if before is None or abs(before[2] - box[1]) >= reach:
            if after is not None and abs(after[2] - box[1]) < reach:
                put(text, x, y, after)
            continue
        if after is None or abs(after[2] - box[1]) >= reach:
            put(text, x, y, before)
            continue
        rightwards = after[1] > before[1]
        # A hamza or madda sits on the few letters that carry one: where only one of the
        # two can, it is that one (fonts that draw أ as alef and hamza place it either side
        # in drawing order).
        carriers = [e for e in (before, after) if _carries(text, letters, e)] if (
            text in _HAMZA_MARKS) else []
        # A mark is drawn next to its letter: never with a space between them.
        apart = (any(spaced[bases[at - 1] + 1:index + 1]),
                 any(spaced[index + 1:bases[at] + 1]))
        base = (carriers[0] if len(carriers) == 1
                else (after if apart[0] else before) if apart[0] != apart[1] else None)
        if base is None:
            undecided.append((text, x, y, box, size, before, after, rightwards))
            continue
        votes[rightwards][base is after] += 1
        put(text, x, y, base)
    for text, x, y, box, size, before, after, rightwards in undecided:
        if min(abs(after[3][0] - before[3][2]), abs(before[3][0] - after[3][2])) >= size:
            # The drawing jumps (to another cell): the letter the mark is drawn at.
            base = min((before, after),
                       key=lambda e: max(e[3][0] - box[0], box[0] - e[3][2], 0.0))
        elif sum(votes[rightwards]) >= 2 and votes[rightwards][0] != votes[rightwards][1]:
            base = after if votes[rightwards][1] > votes[rightwards][0] else before
        else:
            # Nothing on the page tells: drawn rightwards (a line in visual order), the
            # letter after; else the one before.
            base = after if rightwards else before
        put(text, x, y, base)
    if not places:
        return glyphs
    out = list(glyphs)
    unplaced: list[int] = []
    for k in [k for k, g in enumerate(glyphs) if g.text in _ARABIC_MARKS]:
        g = glyphs[k]
        gx, gy = round(g.box[0] * 20), round(g.baseline * 20)
        found = places.get((g.char, gx, gy)) or next((f for dx, dy in _NEAR if (f := places.get(
            (g.char, gx + dx, gy + dy)))), None)  # rounding may differ by one step
        if found:
            x, baseline = found.pop(0)
            out[k] = _moved(g, x, baseline)
        else:
            unplaced.append(k)
    if unplaced:
        # A mark drawn in a span of its own before its line (ReportLab): MuPDF puts it at
        # the line's end, not where the pen stood. The marks left on a line and the places
        # left for marks of that text on it pair up in order, where as many of each.
        left: dict[tuple[str, float], list[tuple[float, float]]] = {}
        for (text, _x, _y), targets in places.items():
            for x, baseline in targets:
                left.setdefault((text, round(baseline, 1)), []).append((x, baseline))
        waiting: dict[tuple[str, float], list[int]] = {}
        for k in unplaced:
            waiting.setdefault((glyphs[k].char, round(glyphs[k].baseline, 1)), []).append(k)
        for key, marks in waiting.items():
            targets = left.get(key, [])
            if len(targets) == len(marks):
                for k, (x, baseline) in zip(sorted(marks, key=lambda k: glyphs[k].box[0]),
                                            sorted(targets), strict=True):
                    out[k] = _moved(glyphs[k], x, baseline)
    return out


def _without_borrowed_marks(page: pymupdf.Page, glyphs: list[Glyph]) -> list[Glyph]:
    """Marks a mark glyph's map borrowed from the first cluster it was drawn in, left out.

    A map gives each glyph one text; WeasyPrint gives a vowel's glyph the text of the first
    cluster it drew it in: the kasra of لِّ is mapped to kasra and shadda, and every kasra of
    the page read as both (سِّرُّ for سِرُّ). The trace tells a glyph's own code from the
    further ones (no glyph number); where the font names the glyph as fewer marks than its
    map, the further marks it does not name are left out. MuPDF gives a mark where the
    glyph drawn before it ended: that is where they are looked for."""
    try:
        trace = _texttrace(page)
    except Exception:
        return glyphs
    borrowed: dict[tuple[str, float, float], int] = {}  # (mark, x, baseline) -> how many
    asked = 0  # mark glyphs looked at
    pen: tuple[float, float] | None = None  # where MuPDF's pen stands
    for span in trace:
        chars = span["chars"]
        for i, (code, gid, origin, box) in enumerate(chars):
            if gid < 0:
                continue
            if code not in _MARK_CODES:
                pen = (origin[0] + box[2] - box[0], origin[1])
                continue
            asked += 1
            further = _further(chars, i)
            if not further or pen is None:
                continue
            tables = [_font_text(page.parent, xref, outlines=False)
                      for xref in _font_xrefs(page, _font_key(str(span.get("font", ""))))]
            own = next((t[gid] for t in tables if gid in t), "")
            if not is_mark(own):
                continue  # the font does not name it a mark: its map stands
            extra = Counter([chr(code), *further]) - Counter(own)
            for mark in further:
                if extra[mark] > 0:
                    extra[mark] -= 1
                    key = (mark, round(pen[0], 1), round(pen[1], 1))
                    borrowed[key] = borrowed.get(key, 0) + 1
    facts = _facts(page.parent)
    if not borrowed:
        facts.marks_asked += asked
        if facts.marks_asked >= _BORROWED_ASKED and facts.borrowed is None:
            facts.borrowed = False  # a producer that maps each glyph its own: not asked again
        return glyphs
    facts.borrowed = True
    out: list[Glyph] = []
    for g in glyphs:
        key = (g.char, round(g.box[0], 1), round(g.baseline, 1))
        if zero_width(g) and borrowed.get(key, 0) > 0:
            borrowed[key] -= 1
            continue
        out.append(g)
    return out


_BORROWED_ASKED = 20  # mark glyphs that, none borrowing, settle the document


_TWICE_ASKED = 3  # pages of marks a document shows without a mark given twice


def _marks_given_twice(page: pymupdf.Page, glyphs: list[Glyph]) -> list[Glyph]:
    """A letter's marks its glyph's map gives again, beside the mark glyphs that draw
    them, taken away.

    LibreOffice maps a letter's glyph to its whole cluster (``أَ``, ``ئْ``, the lam-alef
    as ``لَا``) and draws the cluster's marks as glyphs of their own beside it: the text
    holds each such mark twice. MuPDF gives the map's further characters without width at
    the glyph's right edge, where they are read as the next letter's (``بَِأَنْ`` for
    ``بِأَنْ``). Only a mark that the same span draws as a glyph right beside a letter
    glyph with width is a copy; a mark only the map gives is the letter's, and stays."""
    try:
        trace = _texttrace(page)
    except Exception:
        return glyphs
    # Each such letter glyph's right edge and baseline, and the marks its map gives again.
    copies: list[tuple[float, float, list[str]]] = []
    for span in trace:
        chars = span["chars"]
        # The glyphs whose maps go on (entries without a glyph number follow them).
        gids = [c[1] for c in chars]
        if not gids or min(gids) >= 0:
            continue
        heads = [i - 1 for i in range(1, len(gids)) if gids[i] < 0 <= gids[i - 1]]
        if not heads or not _upright(span):
            continue
        for i in heads:
            code, _gid, origin, bbox = chars[i]
            if chr(code) in _ARABIC_MARKS or bbox[2] - bbox[0] < 0.01:
                continue  # (a glyph without width mapped to a cluster draws no letter)
            further = _further(chars, i)
            marks = [c for c in further if c in _ARABIC_MARKS]
            if not marks:
                continue
            # The mark glyphs drawn right before the letter, or right after its map.
            end = i + 1 + len(further)
            beside = {chr(c[0]) for c in [*chars[max(0, i - 2):i], *chars[end:end + 2]]
                      if c[1] >= 0 and chr(c[0]) in _ARABIC_MARKS}
            again = [c for c in marks if c in beside]
            if again:
                copies.append((bbox[2], origin[1], again))
    facts = _facts(page.parent)
    if not copies:
        # A document's maps keep their habits: three pages of marks without such a
        # letter, and its trace is not read for them again.
        facts.twice_asked += 1
        if facts.twice_asked >= _TWICE_ASKED and facts.marks_twice is None:
            facts.marks_twice = False
        return glyphs
    facts.marks_twice = True
    dropped: set[int] = set()
    by_line: dict[float, list[int]] = {}  # width-less marks by baseline, a tenth of a point
    for k, g in enumerate(glyphs):
        if g.text in _ARABIC_MARKS and zero_width(g):
            by_line.setdefault(round(g.baseline, 1), []).append(k)
    for right, baseline, again in copies:
        # MuPDF writes the edge as the glyph's origin plus its advance: the same number
        # reached another way, to a few hundredths of a point.
        near = [k for k in by_line.get(round(baseline, 1), ()) if k not in dropped
                and abs(glyphs[k].box[0] - right) <= 0.05]
        for mark in again:
            copy = next((k for k in near if glyphs[k].text == mark and k not in dropped),
                        None)
            if copy is not None:
                dropped.add(copy)
    if not dropped:
        return glyphs
    return [g for k, g in enumerate(glyphs) if k not in dropped]


def _marks_left_out(page: pymupdf.Page, glyphs: list[Glyph]) -> list[Glyph]:
    """Marks the page draws that MuPDF's text gives elsewhere or not at all, put back
    beside the letter drawn at their origin, on the side the page's other marks stand of
    theirs.

    iText draws each line left to right, a mark before its letter at the letter's origin;
    MuPDF gives the mark drawn first on a line where the pen stood after the glyph drawn
    before it, at the end of another line, or leaves it out (وَطَلَب for وَطَلَبَ, and
    مَِنْ). The text trace draws every mark where it is. A copy given where the pen stood
    is taken away; a mark given nowhere is added only as far as the trace draws more
    marks of its kind than the text gives."""
    try:
        trace = _texttrace(page)
    except Exception:
        return glyphs
    # The page's marks by line and mark, where MuPDF gives them (it may place a mark
    # with an advance of its own apart from where the trace draws it: matched within a
    # third of an em, nearest first).
    given: dict[tuple[float, str], list[tuple[float, int]]] = {}
    for k, g in enumerate(glyphs):
        if g.char in _ARABIC_MARKS:
            given.setdefault((round(g.baseline, 1), g.char), []).append((g.box[0], k))
    for places in given.values():
        places.sort()
    spare = Counter({char: -len(places) for (_y, char), places in given.items()})
    # Each mark drawn where the text has none: its origin, and where the pen stood after
    # the glyph drawn before it.
    missing: list[tuple[str, tuple[float, float], tuple[float, float], float]] = []
    drawn = 0
    taken: set[int] = set()  # indices of the given marks a drawn one answers for
    pen = (math.inf, math.inf)
    for span in trace:
        if not _upright(span):
            pen = (math.inf, math.inf)
            continue
        near = 0.3 * float(span.get("size", 0.0))
        for code, _gid, origin, bbox in span["chars"]:
            char = chr(code)
            if char not in _ARABIC_MARKS:
                pen = (bbox[2], origin[1])
                continue
            spare[char] += 1
            drawn += 1
            x, y = round(origin[0], 1), round(origin[1], 1)
            places = given.get((y, char), [])
            near_at = bisect.bisect_left(places, (x, -1))
            # Each given mark answers one drawn: the nearest free one a few places round
            # (a bounded look, whatever a page stacks at one place).
            nearest = min((i for i in range(max(0, near_at - _LOOK_ROUND),
                                            near_at + _LOOK_ROUND)
                           if i < len(places) and places[i][1] not in taken
                           and abs(places[i][0] - x) <= near),
                          key=lambda i: abs(places[i][0] - x), default=None)
            if nearest is not None:
                taken.add(places[nearest][1])
            else:
                missing.append((char, (x, y), pen, near))
    if not missing or len(missing) > (1 - _INK_SHARE) * drawn:
        # All given where drawn; or the text gives the page's marks its own way (their
        # offsets applied, their advances: ConTeXt, Homa), and tells nothing here.
        return glyphs
    # The letter each origin starts, and the side marks stand of theirs.
    letters = {(round(g.box[0], 1), round(g.baseline, 1)): k for k, g in enumerate(glyphs)
               if not zero_width(g) and g.char not in _ARABIC_MARKS}
    after = before = 0
    for k, g in enumerate(glyphs):
        if g.char in _ARABIC_MARKS:
            seat = letters.get((round(g.box[0], 1), round(g.baseline, 1)))
            after += seat == k - 1
            before += seat == k + 1
    inserts: dict[int, list[Glyph]] = {}
    dropped: set[int] = set()
    for char, origin, (px, py), near in missing:
        at = letters.get(origin)
        if at is None:
            continue  # no letter drawn at its origin: left as given
        # Its copy where the pen stood, given where no mark of its kind is drawn.
        places = given.get((round(py, 1), char), []) if math.isfinite(px) else []
        start = bisect.bisect_left(places, (px - near, -1))
        copy = next((k for x, k in places[start:start + _LOOK_ROUND] if abs(x - px) <= near
                     and k not in taken and k not in dropped), None)
        if copy is not None:
            dropped.add(copy)
        elif spare[char] > 0:
            spare[char] -= 1
        else:
            continue
        letter = glyphs[at]
        inserts.setdefault(at, []).append(
            glyph(char, (origin[0], letter.box[1], origin[0], letter.box[3]),
                  letter.baseline, letter.size, letter.bold, letter.superscript))
    if not inserts:
        return glyphs
    out: list[Glyph] = []
    for k, g in enumerate(glyphs):
        put = inserts.get(k, [])
        if k in dropped:
            out += put
        else:
            out += [g, *put] if after >= before else [*put, g]
    return out


def _marks_at_their_ink(page: pymupdf.Page, glyphs: list[Glyph],
                        clustered: bool) -> list[Glyph]:
    """Marks moved to the middle of their ink, where the page shows that is where marks
    are.

    MuPDF places a glyph by its origin, and a mark has no width: its box says where the pen
    stood, not where the mark is drawn. A font may draw a mark well to the side of its
    origin (Ghostscript's rewrite of Amiri: a fatha's ink two to six points right of it,
    over the letter its origin is not on). The outline in the embedded font says where.
    A document whose first ten marks say otherwise is not asked again."""
    facts = _facts(page.parent)
    if sum(1 for g in glyphs if g.text in _ARABIC_MARKS) < _INK_MARKS:
        return glyphs  # too few to tell (a tanween or two): the trace is not read for them
    if clustered:
        return glyphs  # MuPDF has placed their marks itself
    try:
        trace = _texttrace(page)
    except Exception:
        return glyphs
    # Where a width-less glyph of the trace is drawn: its font, glyph number and size.
    drawn: dict[tuple[float, float], tuple[str, int, float]] = {}
    for span in trace:
        if not _upright(span):
            continue
        for _code, gid, origin, bbox in span["chars"]:
            if gid >= 0 and bbox[2] - bbox[0] < 0.01:
                drawn[(round(origin[0], 1), round(origin[1], 1))] = (
                    str(span.get("font", "")), gid, float(span.get("size", 0.0)))
    inks: dict[int, float] = {}  # index in glyphs -> the middle of the mark's ink
    marks = 0
    for k, g in enumerate(glyphs):
        if g.text not in _ARABIC_MARKS or not zero_width(g):
            continue
        marks += 1
        found = drawn.get((round(g.box[0], 1), round(g.baseline, 1)))
        if found is None:
            continue
        font, gid, size = found
        ink = next((e for xref in _font_xrefs(page, _font_key(font))
                    if (e := _ink(page.parent, xref, gid)) is not None), None)
        if ink is not None:
            inks[k] = g.box[0] + (ink[0] + ink[1]) / 2 * size
    # Only where MuPDF gives the page's marks at the very origins they are drawn from:
    # elsewhere it has placed them itself (clusters written as /ActualText, marks drawn
    # in a span apart), in ways the repair reads as they are.
    if marks < _INK_MARKS or len(inks) < _INK_SHARE * marks:
        if marks >= _INK_MARKS and facts.mark_inks is None:
            facts.mark_inks = False
        return glyphs
    facts.mark_inks = True
    out = list(glyphs)
    for k, x in inks.items():
        if abs(x - glyphs[k].box[0]) > _INK_OFF * glyphs[k].size:
            out[k] = _moved(glyphs[k], x, glyphs[k].baseline)
    return out


_GIVEN_APART = 4  # marks looked past for a letter given beside an unread glyph


def _letters_of_unread(glyphs: list[Glyph], placed: tuple[tuple[int, str, Glyph], ...]
                       ) -> tuple[list[Glyph], tuple[tuple[int, str, Glyph], ...]]:
    """A letter given without width at the edge of an unread glyph with width, only marks
    between them in the stream, is that glyph's: fpdf2 maps a cluster whose letter glyph
    its font's cmap lacks (Amiri's medial ئ) to the cluster's mark glyph (ئْ on the sukun's
    glyph) and the letter's glyph to nothing. The letter takes the glyph's box, and the
    glyph is read."""
    out = list(glyphs)
    kept: list[tuple[int, str, Glyph]] = []
    taken: set[int] = set()
    for at, key, g in placed:
        found = None
        if not zero_width(g):
            near = 0.2 * g.size
            for step, k in ((1, at), (-1, at - 1)):
                for _ in range(_GIVEN_APART):
                    if not 0 <= k < len(out) or not zero_width(out[k]):
                        break
                    c = out[k]
                    if c.text in _LETTERS:
                        if (k not in taken and g.box[0] - near <= c.box[0] <= g.box[2] + near
                                and abs(c.baseline - g.baseline) < 0.5 * g.size):
                            found = k
                        break
                    if c.text not in _ARABIC_MARKS:
                        break
                    k += step
                if found is not None:
                    break
        if found is None:
            kept.append((at, key, g))
            continue
        taken.add(found)
        c = out[found]
        out[found] = glyph(c.char, g.box, g.baseline, c.size, c.bold, c.superscript)
    return out, tuple(kept)


def _unread_at_their_ink(doc: pymupdf.Document, unread: list[tuple[Glyph | None, int, str, Glyph]]
                         ) -> list[tuple[Glyph | None, int, str, Glyph]]:
    """Unread glyphs without width (marks, once named) moved to the middle of their ink,
    as ``_marks_at_their_ink`` moves the marks read: their box is where the pen stood."""
    out = []
    for letter, since, key, g in unread:
        fields = unread_fields(key)
        if zero_width(g) and (gid := fields.gid) is not None:
            ink = next((e for xref in fields.xrefs if (e := _ink(doc, xref, gid)) is not None),
                       None)
            if ink is not None:
                x = g.box[0] + (ink[0] + ink[1]) / 2 * g.size
                if abs(x - g.box[0]) > _INK_OFF * g.size:
                    g = _moved(g, x, g.baseline)
        out.append((letter, since, key, g))
    return out


_INK_MARKS, _INK_SHARE = 10, 0.9  # marks a page needs, and the share at their origins
_LOOK_ROUND = 4  # given marks looked at either side for the one a drawn mark is
_VOWELLED = 0.1  # marks to a page's characters: a text vowelled throughout (0.25-0.45)
_INK_OFF = 0.1  # of the size: a mark's ink this far from its origin is drawn off it


def _ink(doc: pymupdf.Document, xref: int, gid: int) -> tuple[float, float] | None:
    """The x extent of a glyph's outline in an embedded TrueType or OpenType font, in ems
    from its origin (None for a font fontTools cannot read: its marks stay where MuPDF
    put them). Each glyph is measured once per document, when asked."""
    return _outlines(doc, xref).extent(gid)


def _outlines(doc: pymupdf.Document, xref: int) -> _Outlines:
    """The embedded font's outlines, read once per document."""
    fonts = _facts(doc).inks
    if xref not in fonts:
        fonts[xref] = _Outlines(doc, xref)
    return fonts[xref]


class _Outlines:
    """One embedded font's outlines, read once, measured glyph by glyph: the extent of a
    glyph's ink, the dots of every glyph, what a glyph draws (``reader.pdf.shapes``)."""

    def __init__(self, doc: pymupdf.Document, xref: int) -> None:
        from fontTools.ttLib import TTFont

        self.known: dict[int, tuple[float, float] | None] = {}
        self.shapes: dict[int, str] = {}
        self.dots: dict[int, str] | None = None
        self.font: Any = None
        self.numbered: bool | None = None  # ``_keeps_numbering``, asked once
        try:
            _name, _ext, _kind, buffer = doc.extract_font(xref)
            font = TTFont(io.BytesIO(buffer), lazy=True)
            self.units = float(font["head"].unitsPerEm) or 1000.0
            self.order = font.getGlyphOrder()
            self.glyphs: object = font.getGlyphSet()
            self.font = font
        except Exception:
            self.order = []

    def extent(self, gid: int) -> tuple[float, float] | None:
        from fontTools.pens.boundsPen import ControlBoundsPen

        if gid not in self.known:
            self.known[gid] = None
            if 0 <= gid < len(self.order):
                try:
                    pen = ControlBoundsPen(self.glyphs)
                    self.glyphs[self.order[gid]].draw(pen)  # type: ignore[index]
                    if pen.bounds is not None:
                        self.known[gid] = (pen.bounds[0] / self.units,
                                           pen.bounds[2] / self.units)
                except Exception:  # a broken glyph: left where MuPDF put it
                    pass
        return self.known[gid]

    def advance(self, gid: int) -> float:
        """The glyph's advance, in ems (infinite if the font does not say)."""
        try:
            return float(self.font["hmtx"][self.order[gid]][0]) / self.units
        except Exception:  # no such glyph, no metrics, or no font fontTools reads
            return math.inf

    def glyph_dots(self) -> dict[int, str]:
        """``glyph_dots`` of the font ({} for a font fontTools cannot read)."""
        if self.dots is None:
            try:
                self.dots = _dots_of(self.font) if self.font is not None else {}
            except Exception:  # an unreadable embedded font: no dots to tell
                self.dots = {}
        return self.dots

    def shape(self, gid: int) -> str:
        """What the glyph draws by its outline: the harakah it is, then the digits it
        looks most like (asked of a subset that keeps its font's numbers only), apart by
        NUL ("" and "" when none). Read for the glyphs asked only: about a millisecond."""
        if gid not in self.shapes:
            found = None
            if 0 <= gid < len(self.order):
                try:
                    found = outline_shape(contours_of(self.glyphs, self.order[gid]),
                                          self.units)
                except Exception:  # a damaged outline
                    found = None
            if found is not None and self.numbered is None:
                # Digits are told by the font's order only where a subset keeps its
                # numbers (``reader.ocr_glyphs.digits_in_order``).
                self.numbered = _keeps_numbering(self.font)
            self.shapes[gid] = "\x00" if found is None else (
                f"{mark_drawn(found)}\x00{digits_like(found) if self.numbered else ''}")
        return self.shapes[gid]


def _moved(g: Glyph, x: float, baseline: float) -> Glyph:
    """The mark ``g`` put at ``x`` on ``baseline``."""
    shift = baseline - g.baseline
    return glyph(g.char, (x, g.box[1] + shift, x, g.box[3] + shift), baseline, g.size, g.bold,
                 g.superscript)


_LETTERS = frozenset("ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي")


# Code -> the Arabic letter it stands for (presentation forms unfolded), for every code
# that stands for one.
_LETTER_OF_CHAR = _LETTERS | frozenset("\u067e\u0686\u0698\u06a9\u06af\u06cc\u06c1\u06be")
_LETTER_OF = {code: letter for code in _ARABIC_LETTER_CODES
              if (letter := unicodedata.normalize("NFKC", chr(code))[:1]) in _LETTERS}


def _clusters_at_their_glyphs(page: pymupdf.Page, glyphs: list[Glyph]) -> list[Glyph]:
    """A cluster written as /ActualText (Chromium: its marks' glyphs, then its letter's)
    put where its letter's glyph is drawn. MuPDF gives the text without width at the first
    glyph's origin, a mark's: where a font draws marks off their origin (Amiri) that is
    beside the letter, in the next one's box (قَالَ read اقَلَ). The trace has each
    cluster's glyphs, the letter's with its box (after the marks', which open the
    cluster); a cluster of one letter and its marks takes that box."""
    # The glyphs without width, by index, each with its place (few: the passes below
    # look at them only, not at every glyph of the page).
    flat = [(k, g, (round(g.box[0], 1), round(g.baseline, 1)))
            for k, g in enumerate(glyphs) if g.box[2] - g.box[0] < 0.01]
    letters = Counter(key for _k, g, key in flat if g.text in _LETTERS)
    # Only a cluster with its marks there too (a lam-alef's alef MuPDF gives apart, at
    # its glyph's edge, is no cluster of this kind): the trace is read for those only.
    clusters = {key for _k, g, key in flat if g.text in _ARABIC_MARKS and letters.get(key) == 1}
    if not clusters:
        return glyphs
    try:
        trace = _texttrace(page)
    except Exception:
        return glyphs
    # first origin -> the letter glyph's x0, x1 and baseline
    boxes: dict[tuple[float, float], tuple[float, float, float]] = {}
    for span in trace:
        chars = span["chars"]
        if len(chars) < 2:
            continue  # no mark with its letter after it (Chromium writes a span a glyph)
        # A cluster's first glyph: a mark's without width where the page has such a
        # cluster (a comprehension: this runs over every glyph of the page).
        starts = [i for i, c in enumerate(chars) if c[0] in _MARK_CODES and c[1] >= 0
                  and c[3][2] - c[3][0] < 0.01 and (round(c[2][0], 1), round(c[2][1], 1))
                  in clusters]
        if not starts or not _upright(span):
            continue
        for i in starts:
            first = (round(chars[i][2][0], 1), round(chars[i][2][1], 1))
            k = i + 1  # past the cluster's other marks, to its letter's glyph
            while k < len(chars) and (chars[k][1] < 0 or chars[k][3][2] - chars[k][3][0] < 0.01):
                k += 1
            if k < len(chars) and (chars[k][0] in _LETTER_OF or chars[k][0] == 0xFFFD) and not (
                    k + 1 < len(chars) and chars[k + 1][1] < 0):
                # (one letter's glyph, or one the map leaves out: not a lam-alef's, nor
                # a space or a stop drawn after a word's last cluster)
                boxes.setdefault(first, (chars[k][3][0], chars[k][3][2], chars[k][2][1]))
    if not boxes:
        return glyphs
    # Letters MuPDF gives with a width: one the cluster's box holds already is drawn there
    # (LibreOffice with Amiri maps a hamza's own glyph to its whole letter again).
    asked = {g.text for _k, g, key in flat if g.text in _LETTERS and key in boxes}
    drawn: dict[str, list[Glyph]] = {}
    for g in glyphs:
        if g.text in asked and not zero_width(g):
            drawn.setdefault(g.text, []).append(g)
    for _k, g, key in flat:
        if g.text in _LETTERS and (box := boxes.get(key)) and any(
                d.box[0] < box[1] and box[0] < d.box[2]
                and abs(d.baseline - g.baseline) < 0.5 * g.size for d in drawn.get(g.text, ())):
            del boxes[key]  # the cluster stays as MuPDF gives it, its marks too
    out = list(glyphs)
    for k, g, key in flat:
        if box := boxes.get(key):
            # On the letter's baseline too: MuPDF gives a cluster on its first glyph's, a
            # mark's, which a mark drawn high (a shadda over a kasra) takes half a line away
            # (Chromium with Nice: the cluster was read into the line above).
            if g.text in _LETTERS:
                shift = box[2] - g.baseline
                out[k] = glyph(g.char, (box[0], g.box[1] + shift, box[1], g.box[3] + shift),
                               box[2], g.size, g.bold, g.superscript)
            elif g.text in _ARABIC_MARKS:
                out[k] = _moved(g, (box[0] + box[1]) / 2, box[2])
    return out


def _has_clusters(glyphs: list[Glyph]) -> bool:
    """Has the page clusters a producer wrote as ``/ActualText`` (Chromium, Typst)? MuPDF
    gives their letters without width."""
    return any(g.text in _LETTERS and zero_width(g) for g in glyphs)


def _dropped_twins(page: pymupdf.Page, glyphs: list[Glyph]) -> list[Glyph]:
    """Letters MuPDF left out as copies of the letter before them (its check for text drawn
    twice to look bold): a ligature's /ActualText gives its last letter without width where
    the glyph ends, and the glyph drawn next, the same letter, starts just there (Chromium
    with a font's lam-alef ligature: الاجتماع, its ﻻ given as لا, read لاجتماع). Where a
    width-less letter stands at the end of the glyph given after it, nothing starting
    there, and the trace draws that glyph as a ligature ending in the letter and the same
    letter next: put back before its twin."""
    # (Every page with clusters asks: one light pass over its glyphs for those without
    # width, the rest only over them.)
    # MuPDF gives a right-to-left line in logical order: the glyph before the width-less
    # letter stands to its right (but at a line's start), and the letter left out leaves
    # its room empty (an alef's width, an eighth of an em) between them.
    twins: dict[tuple[float, float], tuple[int, Glyph]] = {}
    last = len(glyphs) - 1
    for at in [at for at, g in enumerate(glyphs) if g.box[2] - g.box[0] < 0.01]:
        g = glyphs[at]
        if at < last and (box := g.box) and g.text in _LETTERS and (
                held := (holder := glyphs[at + 1]).box)[2] - held[0] >= 0.01 and abs(
                held[2] - box[0]) < 0.05 and abs(holder.baseline - g.baseline) < 0.1 and (
                at == 0 or abs((before := glyphs[at - 1]).baseline - g.baseline) > 0.1
                or not -0.05 < before.box[0] - box[0] < 0.12 * g.size):
            # (To a tenth of a point either way: the pen's place and the next glyph's
            # origin are one number reached two ways.)
            for d in (-0.05, 0.0, 0.05):
                twins[(round(box[0] + d, 1), round(g.baseline, 1))] = (at, holder)
    if not twins:
        return glyphs
    # No glyph given anywhere on the line starts there (MuPDF may give a line's first
    # letter last: Pango's).
    starts = {(round(g.box[0], 1), round(g.baseline, 1)) for g in glyphs
              if g.box[2] - g.box[0] >= 0.01}
    given = {at for key, (at, _holder) in twins.items() if key in starts}
    twins = {key: twin for key, twin in twins.items() if twin[0] not in given}
    if not twins:
        return glyphs
    try:
        trace = _texttrace(page)
    except Exception:
        return glyphs
    drawn: dict[tuple[float, float], str] = {}  # origin -> the text a glyph's map gives
    found: list[tuple[int, Glyph, Glyph]] = []  # twin's index, its holder, the letter left out
    for span in trace:
        if not _upright(span):
            continue
        chars = span["chars"]
        for i, (code, gid, origin, bbox) in enumerate(chars):
            if gid < 0:
                continue
            key = (round(origin[0], 1), round(origin[1], 1))
            drawn[key] = chr(code) + _further(chars, i)
            twin = twins.get(key)
            if twin is not None and code in _LETTER_OF and bbox[2] - bbox[0] >= 0.01:
                found.append((twin[0], twin[1], glyph(
                    _LETTER_OF[code], tuple(bbox), origin[1], float(span.get("size", 0.0)),
                    glyphs[twin[0]].bold)))
    placed: dict[int, Glyph] = {}
    for at, holder, letter in found:
        ligature = unicodedata.normalize("NFKC", drawn.get(
            (round(holder.box[0], 1), round(holder.baseline, 1)), ""))
        if glyphs[at].text == letter.text and len(ligature) >= 2 and ligature.endswith(
                letter.text):
            placed[at] = letter
    if not placed:
        return glyphs
    out: list[Glyph] = []
    for at, g in enumerate(glyphs):
        if at in placed:  # (MuPDF gives a right-to-left line in logical order: it is first)
            out.append(placed[at])
        out.append(g)
    return out


def _upright(span: dict) -> bool:
    """Does a span of the text trace run left to right, unrotated?"""
    direction = span.get("dir", _RIGHTWARDS)
    return direction == _RIGHTWARDS or (
        abs(direction[0] - 1.0) <= 1e-3 and abs(direction[1]) <= 1e-3)


_RIGHTWARDS = (1.0, 0.0)


_HAMZA_ON = {"ا": "أإآ", "و": "ؤ", "ي": "ئ", "ى": "ئ"}  # a seat -> the letters on it


def _dropped_letters(page: pymupdf.Page, glyphs: list[Glyph],
                     as_given: list[Glyph] | None = None) -> list[Glyph]:
    """The letters the text trace draws on the page that MuPDF's text has nowhere near:
    no glyph with that letter on the glyph's line within an em of it. Only glyphs wholly
    on the page (a clipped-away header drawn at its corner is no text), in fonts whose
    map names them (a glyph's own map: one letter each). ``as_given``: the glyphs as MuPDF
    gave them, before clusters were put at their letters' glyphs."""
    try:
        trace = _texttrace(page)
    except Exception:
        return []
    width, height = page.rect.width, page.rect.height
    # By letter and band of baselines four points high: the few glyphs a letter of the
    # trace is compared with (a page has a hundred lams).
    by_letter: dict[tuple[str, int], list[Glyph]] = {}
    # Most letters MuPDF gives just where the trace draws them: found at once by origin.
    given: set[tuple[str, float, float]] = set()
    for g in glyphs:
        for ch in g.text:
            if ch in _LETTERS:
                by_letter.setdefault((ch, int(g.baseline // 4)), []).append(g)
                given.add((ch, g.box[0], g.baseline))
    # Where MuPDF gives another letter at a glyph's very origin, the page's /ActualText
    # says what the glyph reads, not its map: Typst maps a glyph shared by clusters (a
    # vowel mark drawn first) to the first cluster's letter, and gives each cluster's text
    # as /ActualText. (Where MuPDF gives it: a cluster put at its letter's glyph stands at
    # that glyph's origin, which a lam-alef's alef drawn apart shares.)
    told = {(g.box[0], g.baseline) for g in (as_given if as_given is not None else glyphs)
            if g.text[:1] in _LETTERS}
    found: list[Glyph] = []
    # A glyph without advance mapped to a letter and its vowel is a vowel's glyph: Typst
    # and LibreOffice map a mark's glyph to the text of the first cluster it was drawn in
    # (تَ) and the letter's own glyph to nothing, the cluster's text going as /ActualText.
    vowels = {id(c) for span in trace for c, after in itertools.pairwise(span["chars"])
              if after[1] < 0 and after[0] in _MARK_CODES and c[3][2] - c[3][0] < 0.01}
    # Each letter glyph the trace draws, where (one pass: a span a glyph, at times), and
    # those MuPDF gives nowhere at their origin.
    drawn = [((_LETTER_OF[c[0]], c[2][0], c[2][1]), c, span) for span in trace
             for c in span["chars"] if c[0] in _LETTER_OF and c[1] >= 0]
    drawn_at = {key for key, _c, _span in drawn}
    letters = [(c, span) for key, c, span in drawn
               if key not in given and c[2] not in told and id(c) not in vowels]
    for (code, _gid, origin, bbox), span in letters:
        if not _upright(span) or not (
                bbox[0] >= 0 and bbox[2] <= width and bbox[1] >= 0 and bbox[3] <= height):
            continue
        size = float(span.get("size", 0.0))
        letter = _LETTER_OF[code]
        band, reach = int(origin[1] // 4), int(0.6 * size // 4) + 1
        # MuPDF puts a cluster's letters up to an em from its glyphs; a letter given at
        # the very origin of a glyph of its own is that glyph's, and stands for no other.
        # (A letter drawn as its seat and a hamza glyph is given as the whole letter.)
        if any(abs(g.baseline - origin[1]) < 0.6 * size
               and g.box[0] - size <= origin[0] <= g.box[2] + size
               and (seat, g.box[0], g.baseline) not in drawn_at
               for b in range(band - reach, band + reach + 1)
               for seat in (letter, *_HAMZA_ON.get(letter, ""))
               for g in by_letter.get((seat, b), ())):
            continue
        # Width-less at the middle of its ink, as MuPDF gives the clusters around it.
        middle = (bbox[0] + bbox[2]) / 2
        new = glyph(letter, (middle, bbox[1], middle, bbox[3]), origin[1], size)
        found.append(new)
        by_letter.setdefault((letter, band), []).append(new)
    return found


# Where the trace draws a glyph: its box, size, font and its line's direction.
_Place = tuple[Rect, float, str, tuple[float, float]]
_Key = tuple[float, float, int]  # a glyph as drawn: origin (to a tenth) and first code


def _cluster_marks(page: pymupdf.Page) -> tuple[dict[_Key, str], set[_Key]] | None:
    """The glyphs the page draws with what their font names them ("" for a glyph it does
    not name), and which of them are mark glyphs, when a cluster's text goes on the map
    of more than one of its glyphs (else None).

    A producer that maps a glyph to the text of the whole cluster it was first drawn in
    (Typst; LibreOffice with Scheherazade) gives its mark glyphs a letter and marks; one
    that maps a cluster's first glyph to its text (WeasyPrint) gives the letter's glyph
    the marks while the marks' glyphs, mapped to nothing, draw them again. A mark's glyph
    is one without advance, or one its font names a mark (Nazli's marks have widths).
    Only where most mark glyphs show it: WeasyPrint with Amiri maps a few mark glyphs to
    a letter too, and its letters' glyphs to none. A document whose first twenty mark
    glyphs show none is not asked again."""
    facts = _facts(page.parent)
    if facts.cluster_maps is False:
        return None
    try:
        trace = _texttrace(page)
    except Exception:
        return None
    drawn: dict[_Key, tuple[str, int]] = {}  # key -> font, glyph number
    marks: set[_Key] = set()
    mapped = asked = 0
    carrier = False  # the glyph before is a letter's, mapped to its cluster's marks too
    names: dict[str, dict[int, str]] = {}  # by font: the font's own names for its glyphs
    # Mark glyphs drawn one after another (one cluster's), as (font, glyph, their marks);
    # and by (font, glyph), the marks another glyph of its cluster draws alone.
    run: list[tuple[str, int, str]] = []
    others: dict[tuple[str, int], set[str]] = {}
    own_marks: dict[tuple[str, int], str] = {}  # a mark glyph's map's marks
    spaces: Counter[tuple[str, int]] = Counter()  # glyphs mapped to a space

    def name(font: str, gid: int) -> str:
        if font not in names:
            names[font] = {}
            for xref in _font_xrefs(page, _font_key(font)):
                names[font] = {**_font_text(page.parent, xref, outlines=False), **names[font]}
        return names[font].get(gid, "")

    for span in trace:
        chars = span["chars"]
        font = str(span.get("font", ""))
        for i, (code, gid, origin, bbox) in enumerate(chars):
            if gid < 0:
                continue
            key = (round(origin[0], 1), round(origin[1], 1), code)
            drawn[key] = (font, gid)
            if code == 32:
                spaces[(font, gid)] += 1
            further = _further(chars, i)
            flat = bbox[2] - bbox[0] < 0.01
            if not flat or (code not in _LETTER_OF and code not in _MARK_CODES):
                _apart(run, others)
            before, carrier = carrier, not flat and code in _LETTER_OF and bool(
                _split_cluster(chr(code) + further))
            if flat and code not in _LETTER_OF and code not in _MARK_CODES and code != 32:
                if is_mark(name(font, gid)):
                    # A mark's glyph mapped to nothing, after a letter's glyph mapped to
                    # the cluster's marks too (WeasyPrint with Scheherazade): its font
                    # names it.
                    marks.add(key)
                    asked += 1
                    mapped += before
                continue
            if code not in _MARK_CODES and not (code in _LETTER_OF
                                                and _MARK_CHAR.search(further)):
                continue  # a glyph with a letter's map: nothing to ask
            if not flat and not is_mark(name(font, gid)):
                continue
            marks.add(key)
            asked += 1
            if code in _LETTER_OF and (parts := _split_cluster(chr(code) + further)):
                mapped += 1
                if flat:
                    run.append((font, gid, parts[1]))
                    own_marks[(font, gid)] = parts[1]
            elif flat:
                run.append((font, gid, chr(code) + further))
                own_marks[(font, gid)] = chr(code) + further
    _apart(run, others)
    if mapped >= _CLUSTER_MAPPED and 2 * mapped >= asked:  # most of them: their habit
        facts.cluster_maps = True
        # A font's space: the glyph it maps to a space most (LibreOffice maps a letter's
        # glyph or two to a space too); named so, it is no letter the /ActualText says.
        space = {font: gid for (font, gid), _n in reversed(spaces.most_common())}
        return {key: name(*glyph) or (" " if space.get(glyph[0]) == glyph[1] else _unnamed(
            own_marks.get(glyph, ""), others.get(glyph))) for key, glyph in drawn.items()}, marks
    facts.cluster_asked += asked
    if facts.cluster_asked >= _BORROWED_ASKED and facts.cluster_maps is None:
        facts.cluster_maps = False
    return None


_CLUSTER_MAPPED = 3  # such mark glyphs on a page: one or two may be a font's own oddity
_FURTHER = 8  # characters a glyph's map may give beyond its first


def _further(chars: Sequence, i: int) -> str:
    """The further characters of the map of the trace's glyph ``chars[i]`` (the entries
    after it without a glyph number)."""
    k = i + 1
    while k < len(chars) and chars[k][1] < 0:
        k += 1
    return "".join([chr(c[0]) for c in chars[i + 1:k]])


def _apart(run: list[tuple[str, int, str]], others: dict[tuple[str, int], set[str]]) -> None:
    """Note, for each glyph of a run of mark glyphs (one cluster's) mapped to several
    marks, the marks another glyph of the run is mapped to alone; empty the run."""
    for font, gid, marks in run:
        if len(marks) >= 2:
            for other_font, other, alone in run:
                if (other_font, other) != (font, gid) and len(alone) == 1 and alone in marks:
                    others.setdefault((font, gid), set()).add(alone)
    run.clear()


def _unnamed(marks: str, drawn_apart: set[str] | None) -> str:
    """What a mark glyph its font does not name draws, from its map's marks: a map of
    several marks is the first cluster's (a shadda's glyph mapped to the shadda and the
    kasra of لِّ, Typst with Nice), and a mark another glyph of a cluster draws alone
    beside it is not this glyph's. "" where nothing says."""
    if len(marks) < 2 or not drawn_apart:
        return ""
    return "".join([m for m in marks if m not in drawn_apart])


def _split_cluster(text: str) -> tuple[str, str] | None:
    """A map's text as its letters and its marks, when it is Arabic letters with marks (a
    cluster's text, a lam-alef's with its vowel between its letters)."""
    letters = "".join([ch for ch in text if ch not in _ARABIC_MARKS])
    if 0 < len(letters) < len(text) and all(ch in _LETTER_OF_CHAR for ch in letters):
        return letters, "".join([ch for ch in text if ch in _ARABIC_MARKS])
    return None


def _base_letters(text: str) -> str:
    """A map's letters without their hamzas and maddas (أ → ا), its marks left out."""
    return "".join([ch for ch in unicodedata.normalize("NFD", text)
                    if not unicodedata.combining(ch)])


def _found(keys: dict[_Key, str], ch: dict) -> _Key | None:
    """The key of the glyph drawn at a character's origin with its code (or with none: the
    trace gives U+FFFD for a glyph MuPDF's text gives its font's code), give or take
    MuPDF's rounding."""
    x, y = ch["origin"]
    code = ord(ch["c"][:1] or " ")
    for dx in (0.0, -0.06, 0.06):
        for dy in (0.0, -0.06, 0.06):
            key = (round(x + dx, 1), round(y + dy, 1), code)
            if key in keys:
                return key
    if ch["c"] in _LETTER_OF_CHAR or ch["c"] in _ARABIC_MARKS:
        return None
    key = (round(x, 1), round(y, 1), 0xFFFD)
    return key if key in keys else None


def _told_letters(lines: list[list[tuple[dict, str]]]) -> dict[tuple[float, float], str]:
    """The letter MuPDF gives first at each origin of the page's lines (read with
    /ActualText)."""
    told: dict[tuple[float, float], str] = {}
    for line in lines:
        for span, _text in line:
            for ch in span["chars"]:
                if ch["c"] in _LETTER_OF_CHAR:
                    told.setdefault((round(ch["origin"][0], 1), round(ch["origin"][1], 1)),
                                    ch["c"])
    return told


def _told_here(told: dict[tuple[float, float], str], heads: dict[_Key, str],
               key: _Key) -> str:
    """The letter the /ActualText read gives at a glyph's origin, unless another glyph
    drawn there is that letter (Typst draws a line's space and its first letter at one
    origin)."""
    letter = told.get((key[0], key[1]), "")
    return "" if (key[0], key[1], ord(letter[:1] or " ")) in heads else letter


def _own_cluster_texts(lines: list[list[tuple[dict, str]]], heads: dict[_Key, str],
                       marks: set[_Key], told: dict[tuple[float, float], str],
                       ) -> list[list[tuple[dict, str]]]:
    """Each glyph's own part of the cluster text its map gives it, in the page's lines as
    read without /ActualText: a mark's glyph draws the marks (those its font names it, if
    it names it), a letter's glyph the letters (its map's marks are drawn by its
    cluster's mark glyphs). Where the font names a letter's glyph as the base letter of
    its map's letter (ا for أ: Scheherazade draws the hamza as a mark), the name holds:
    the hamza is the mark glyph's. A letter's glyph mapped to nothing or to a code of its
    font is what the font names it, else what the /ActualText read (``told``) gives at
    its origin; such a mark's glyph is what the font names it, else nothing.

    A glyph's first character is where the trace draws a glyph with that code (``heads``);
    MuPDF gives its further characters where the glyph ends, before it in a span it
    reverses (right to left), else after it."""
    out: list[list[tuple[dict, str]]] = []
    for line in lines:
        new_line: list[tuple[dict, str]] = []
        for span, _text in line:
            chars = span["chars"]
            n = len(chars)
            found = [_found(heads, c) for c in chars]
            owner: list[int | None] = [None] * n  # a further character's glyph
            further: dict[int, tuple[list[str], list[str]]] = {}  # glyph -> before, after
            owned: dict[int, list[int]] = {}  # glyph -> the indexes of its further ones
            for k, c in enumerate(chars):
                if found[k] is not None:
                    continue
                for side, step in enumerate((-1, 1)):
                    w = k + step  # past the glyph's other further characters, a few
                    while 0 <= w < n and found[w] is None and abs(w - k) < _FURTHER:
                        w += step
                    if 0 <= w < n and found[w] is not None and abs(
                            chars[w]["bbox"][2] - c["origin"][0]) < 0.05 and abs(
                            chars[w]["origin"][1] - c["origin"][1]) < 0.05:
                        owner[k] = w
                        further.setdefault(w, ([], []))[side].append(c["c"])
                        owned.setdefault(w, []).append(k)
                        break
            kept: list[dict] = []
            for w, c in enumerate(chars):
                if owner[w] is not None:
                    continue
                key = found[w]
                if key is None:
                    kept.append(c)
                    continue
                if c["c"] not in _LETTER_OF_CHAR and key not in marks and heads[key] != " " and (
                        c["bbox"][2] - c["bbox"][0] >= 0.01) and (letter := (
                        heads[key] if heads[key] and all(ch in _LETTER_OF_CHAR
                                                         for ch in heads[key])
                        else _told_here(told, heads, key))):
                    # A letter's glyph mapped to nothing or to its font's code, a space's
                    # at times (LibreOffice gives the cluster's text to its mark's glyph,
                    # and as /ActualText): what its font names it, else the letter MuPDF
                    # read there from the /ActualText.
                    kept.append({**c, "c": letter})
                    continue
                after, before = further.get(w, ([], []))  # found before them, after them
                if not (c["c"] in _LETTER_OF_CHAR or c["c"] in _ARABIC_MARKS or c["c"] == " "
                        ) and c["bbox"][2] - c["bbox"][0] < 0.01 and (
                        c["c"] == "\ufffd" or c["c"].isascii()):
                    # A mark's glyph mapped to nothing or to its font's code (LibreOffice:
                    # the cluster's text went to another glyph): what its font names it,
                    # if a mark, else nothing (its cluster's text says it).
                    if heads[key] and all(ch in _ARABIC_MARKS for ch in heads[key]):
                        kept += [{**c, "c": m} for m in heads[key]]
                    continue
                text = c["c"] + "".join(reversed(before)) + "".join(after)
                own = heads[key]
                if own and own == _base_letters(text) != text:
                    text = unicodedata.normalize("NFD", text)  # أَ drawn as ا and a mark
                parts = _split_cluster(text)
                if parts is None:
                    kept += [chars[k] for k in sorted([w, *owned.get(w, ())])]
                elif key in marks:
                    # The marks its font names it (a shadda's glyph mapped to a shadda and
                    # the kasra of the first cluster it was drawn in is a shadda).
                    drawn = "".join([m for m in unicodedata.normalize("NFD", text)
                                     if m in own]) or own if own else parts[1]
                    kept += [{**c, "c": m} for m in drawn]
                else:
                    kept.append({**c, "c": parts[0]})
            new_line.append(({**span, "chars": kept}, "".join([c["c"] for c in kept])))
        out.append(new_line)
    return out


_MAX_BULLETS = 100


def _drawn_bullets(marks: list[Rect], glyphs: list[Glyph]) -> list[Glyph]:
    """List bullets drawn as shapes (Chromium and Qt draw an HTML list's discs and squares
    as paths: no text at all), as "•" glyphs. A shape counts when it sits beside the end
    of a text line, within the line's height and an em of its first or last letter, and
    at least one other such shape stands at the same x (a list has items)."""
    found: list[tuple[Rect, Glyph]] = []
    rows: dict[int, list[Glyph]] = {}  # by whole point of height: the glyphs across it
    for g in glyphs:
        if g.text.strip() and 0 <= g.box[3] - g.box[1] < 200:
            for y in range(int(g.box[1]), int(g.box[3]) + 1):
                rows.setdefault(y, []).append(g)
    for box in marks:
        middle = (box[1] + box[3]) / 2
        width = box[2] - box[0]
        line = [g for g in rows.get(int(middle), ()) if g.box[1] <= middle <= g.box[3]
                and g.size >= 1.5 * width]
        if not line:
            continue
        size = max(g.size for g in line)
        left = min(g.box[0] for g in line)
        right = max(g.box[2] for g in line)
        if 0 < box[0] - right < size or 0 < left - box[2] < size:
            nearest = min(line, key=lambda g: min(abs(g.box[0] - box[2]), abs(box[0] - g.box[2])))
            found.append((box, nearest))
    out: list[Glyph] = []
    for box, beside in found:
        if sum(abs(other[0] - box[0]) < 1.0 for other, _ in found) >= 2:
            out.append(glyph("\u2022", box, beside.baseline, beside.size, beside.bold))
    return out


_HAMZA_MARKS = frozenset("\u0653\u0654\u0655")  # madda, hamza above, hamza below
_CARRIERS = {"\u0653": frozenset("\u0627"), "\u0655": frozenset("\u0627"),
             "\u0654": frozenset("\u0627\u0648\u064a\u0649\u0647\u06c1\u06d5\u06d2\u06cc")}


def _carries(mark: str, letters: dict[tuple[int, int], str], entry: Entry) -> bool:
    """Can the letter drawn at ``entry`` (found in ``letters`` by its origin) carry this
    hamza or madda? Other marks go on any letter: never decided this way."""
    if mark not in _HAMZA_MARKS:
        return False
    x, y = round(entry[1] * 20), round(entry[2] * 20)
    text = next((t for dx, dy in _NEAR if (t := letters.get((x + dx, y + dy)))), "")
    return bool(text) and not _CARRIERS[mark].isdisjoint(text)


def _between_digits(glyphs: list[Glyph], at: int, dropped: set[int]) -> bool:
    """Do readable digits stand right before and after glyph ``at`` in drawing order?"""
    return (0 < at < len(glyphs) - 1 and at - 1 not in dropped and at + 1 not in dropped
            and glyphs[at - 1].text.isdigit() and glyphs[at + 1].text.isdigit())


@lru_cache(maxsize=256)
def _bold_name(font: str) -> bool:
    return "bold" in font.lower()


_PRESENTATION = re.compile("[\ufb50-\ufeff]")
# One character between two Arabic letters (or their presentation forms), with no space,
# that is none of: Arabic, a digit, white space, an invisible control, the punctuation
# words are written with (الثاني/يناير, لـ"قسد", (قسد)).
_INSIDE_WORD = re.compile("(?<=[\u0621-\u064a\ufb50-\ufdff\ufe70-\ufefc])"
                          "([^\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff\\s\\d"
                          "\u200b-\u200f\u2066-\u2069\ufeff/\\-.:()\\[\\]\"'«»!?*_,])"
                          "(?=[\u0621-\u064a\ufb50-\ufdff\ufe70-\ufefc])")


@dataclass
class _DocumentFacts:
    """What one document's pages share, learnt once: kept on the document object itself,
    so that it goes with the document (an id could be reused by the next one)."""

    visual: bool | None = None  # stores Arabic in display order (one producer, one answer)
    font_text: dict[int, dict[int, str]] = field(default_factory=dict)  # xref: gid -> text
    font_xrefs: dict[int, dict[str, list[int]]] = field(default_factory=dict)  # by page
    distrusted: dict[str, bool] = field(default_factory=dict)  # _font_key -> map is wrong
    font_text_quick: dict[int, dict[int, str]] = field(default_factory=dict)  # no outlines
    tagged: bool | None = None  # has a structure tree
    inks: dict[int, _Outlines] = field(default_factory=dict)  # xref -> its outlines
    mark_inks: bool | None = None  # marks are read where their ink is (or never)
    borrowed: bool | None = None  # mark glyphs' maps borrow marks (or never: not asked)
    marks_asked: int = 0  # mark glyphs looked at for borrowed marks, none found
    marks_twice: bool | None = None  # letters' maps give marks drawn beside them again
    twice_asked: int = 0  # vowelled pages looked at for such letters, none found
    cluster_maps: bool | None = None  # mark glyphs mapped to whole clusters (or never)
    cluster_asked: int = 0  # mark glyphs looked at for cluster maps, none found
    # _font_key -> ASCII codes its map sends Arabic glyphs to, besides glyphs of their own
    colliding: dict[str, frozenset[int]] = field(default_factory=dict)


def _facts(doc: pymupdf.Document) -> _DocumentFacts:
    facts = getattr(doc, "_qari_facts", None)
    if facts is None:
        facts = _DocumentFacts()
        doc._qari_facts = facts  # type: ignore[attr-defined]
    return facts


def _document_stores_visually(page: pymupdf.Page) -> bool:
    facts = _facts(page.parent)
    if facts.visual is None:  # the first page that can tell decides
        facts.visual = _stored_visually(page)
    return facts.visual


def _stored_visually(page: pymupdf.Page) -> bool:
    """Does the content stream draw Arabic left to right, in display order (the legacy
    arabic-reshaper + python-bidi way)? Only the stream order tells: MuPDF's own text
    extraction already reorders right-to-left runs."""
    forward = backward = 0
    try:
        trace = _texttrace(page)
    except Exception:
        return False
    for span in trace:
        previous = None
        for code, _gid, origin, _bbox in span["chars"]:
            arabic = 0x0600 <= code <= 0x06FF or 0xFB50 <= code <= 0xFEFF
            if arabic and previous is not None:
                if origin[0] > previous:
                    forward += 1
                elif origin[0] < previous:
                    backward += 1
            previous = origin[0] if arabic else None
    return forward > 2 * backward and forward > 10


def _font_text(doc: pymupdf.Document, xref: int, outlines: bool = True) -> dict[int, str]:
    """Text of every glyph of an embedded font that can be recovered. ``outlines=False``
    does without matching a renumbered subset's outlines against the full font (seconds
    for a big font): enough to check a map, not to read with."""
    facts = _facts(doc)
    if xref in facts.font_text:
        return facts.font_text[xref]
    known = facts.font_text if outlines else facts.font_text_quick
    if xref not in known:
        try:
            name, ext, kind, buffer = doc.extract_font(xref)
            table = _embedded_texts(name, ext, kind, buffer, outlines)
        except Exception:  # an unreadable embedded font: nothing to recover from
            table = {}
        known[xref] = table
    return known[xref]


_NAMED_PROGRAMS = ("pfa", "pfb", "cff")  # font programs fontTools does not open whole


def _embedded_texts(name: str, ext: str, _kind: str, buffer: bytes,
                    outlines: bool) -> dict[int, str]:
    """``_font_text`` for one font as ``Document.extract_font`` gives it."""
    if not buffer:
        return {}
    if ext in _NAMED_PROGRAMS:
        # Type1 and bare CFF programs: their glyph names (no installed font's outlines
        # can be matched against them either).
        return named_glyph_texts(buffer)
    table = glyph_texts(buffer)
    if sum(1 for text in table.values() if _ARABIC_LETTER.search(text)) >= _NAMED_LETTERS:
        # Named enough to read alone; a glyph its names leave out that the same font at
        # hand names one letter, numbered alike (only then: no outlines matched), is
        # read there too (Ghostscript keeps Noto's names but for its helpers: the alef of
        # a lam-alef drawn as two glyphs, ``_1008``, read by its outline as a hamza). Not
        # a ligature: the font's ﷲ is read by where the page sets it (``_allah_ligatures``).
        reference = reference_glyph_texts(str(name), buffer, outlines=False)
        return {**{gid: text for gid, text in reference.items()
                   if len(unicodedata.normalize("NFKC", text)) == 1}, **table}
    # A subset stripped of cmap, GSUB and names (or left with its Latin glyphs' names only,
    # as Ghostscript does, and a few of its ligatures': AlArabiya's shadda forms, uniFC5E):
    # if the same font is at hand (bundled or installed) and the glyphs are the same, read
    # it there.
    return {**reference_glyph_texts(str(name), buffer, outlines), **table}


_MAX_FONT_GLYPHS = 5000  # glyphs whose dots are read, at most (a CJK font has 60,000)
# Of an em: a contour no taller or wider than that, roundish, off the baseline band and not
# a hole is a dot (two dots are often one contour, a quarter of an em wide).
_DOT_SIZE = 0.3
_MARK_INK = 0.45  # of an em: a glyph all of whose ink fits is the size of a mark
_BLANK = "blank"  # a glyph that draws nothing


def _glyph_dots(doc: pymupdf.Document, xref: int) -> dict[int, str]:
    """For each glyph of an embedded font, its dots: "a,b", how many dots (small round
    contours off the baseline band, not holes) stand above and below the baseline, and
    ",m" if all its ink fits a mark's size; "blank" for a glyph that draws nothing."""
    return _outlines(doc, xref).glyph_dots()


def _keeps_numbering(font: Any) -> bool:
    """Does a subset keep its font's glyph numbers (Ghostscript's, Chromium's: the glyphs
    it leaves out stay as empty slots), rather than number its glyphs anew (Qt's)? Told
    by TrueType's glyph offsets: most slots empty."""
    if "loca" not in font:
        return False
    offsets = list(font["loca"])
    if len(offsets) < 2:
        return False
    empty = sum(1 for a, b in itertools.pairwise(offsets) if a == b)
    return 2 * empty >= len(offsets) - 1


def _within(inner: tuple[float, ...], outer: tuple[float, ...]) -> bool:
    """Does ``inner``'s box lie inside ``outer``'s? (width, height, area, y0, y1, x0, x1)"""
    return (outer[3] <= inner[3] and inner[4] <= outer[4] and outer[5] <= inner[5]
            and inner[6] <= outer[6])


def glyph_dots(font_data: bytes) -> dict[int, str]:
    from fontTools.ttLib import TTFont

    return _dots_of(TTFont(io.BytesIO(font_data), lazy=True))


def _dots_of(font: Any) -> dict[int, str]:
    from fontTools.pens.recordingPen import DecomposingRecordingPen

    em = float(font["head"].unitsPerEm) if "head" in font else 1000.0
    glyphs = font.getGlyphSet()
    out: dict[int, str] = {}
    for gid, name in enumerate(font.getGlyphOrder()[:_MAX_FONT_GLYPHS]):
        pen = DecomposingRecordingPen(glyphs)  # a composite's parts (dots) drawn too
        try:
            glyphs[name].draw(pen)
        except Exception:
            continue
        contours: list[list[tuple[float, float]]] = [[]]
        for operator, points in pen.value:
            if operator in ("closePath", "endPath"):
                contours.append([])
            else:
                contours[-1].extend(p for p in points if p is not None)  # (None: implied)
        shapes = []
        for points in contours:
            if len(points) >= 3:
                xs, ys = [x for x, _ in points], [y for _, y in points]
                area = signed_area(points)  # its sign is the contour's direction
                shapes.append((max(xs) - min(xs), max(ys) - min(ys), area, min(ys), max(ys),
                               min(xs), max(xs)))
        if not shapes:
            out[gid] = _BLANK
            continue
        above = below = 0
        for shape in shapes:
            width, height, area, low, high, _left, _right = shape
            if max(width, height) > _DOT_SIZE * em or max(width, height) > 1.8 * min(
                    width, height) or (-0.05 * em < high and low < 0.12 * em):
                continue  # not small, not round, or on the baseline: the letter's body
            if any(other is not shape and other[2] * area < 0 and _within(shape, other)
                   for other in shapes):
                continue  # a hole (drawn the other way round inside a contour)
            if low >= 0.12 * em:
                above += 1
            else:
                below += 1
        # A glyph whose whole ink is that of a mark ("m"): drawn without advance it is a
        # mark; a letter's ink drawn without advance (Amiri stacks ج under ل so) is not.
        ink = max(max(x1 for *_, x1 in shapes) - min(x0 for *_, x0, _x1 in shapes),
                  max(high for *_, high, _x0, _x1 in shapes)
                  - min(low for *_, low, _high, _x0, _x1 in shapes))
        out[gid] = f"{above},{below}" + (",m" if ink <= _MARK_INK * em else "")
    return out


def glyph_texts(font_data: bytes, fold: bool = True) -> dict[int, str]:
    """Glyph id → the characters it draws, from the font itself.

    Three sources, best first: the cmap (glyph → code point), GSUB substitutions read
    backwards down to cmap glyphs (a lam-alef ligature → lam + alef, an initial form or an
    alternate → its letter, the first glyph of a letter drawn as several → the letter),
    and glyph names that spell Unicode out.
    """
    from fontTools.ttLib import TTFont

    font = TTFont(io.BytesIO(font_data), lazy=True)
    order = font.getGlyphOrder()
    index = {name: i for i, name in enumerate(order)}
    direct: dict[str, str] = {}
    if "cmap" in font:
        for code, name in sorted((font.getBestCmap() or {}).items(), reverse=True):
            # Prefer base letters (lower code points) over presentation forms.
            direct[name] = chr(code)
    ligatures: dict[str, list[str]] = {}
    singles: dict[str, str] = {}
    if "GSUB" in font:
        for lookup in font["GSUB"].table.LookupList.Lookup:
            for table in lookup.SubTable:
                kind = lookup.LookupType
                if kind == 7:  # extension: the real subtable is inside
                    kind, table = table.ExtensionLookupType, table.ExtSubTable
                if kind == 1:
                    for source, target in table.mapping.items():
                        singles.setdefault(target, source)
                elif kind == 2:  # one glyph drawn as several (ق as a dotless qaf + dots):
                    for source, targets in table.mapping.items():  # the first carries it
                        if targets:
                            singles.setdefault(targets[0], source)
                elif kind == 3:  # alternates of a glyph (swash, narrow forms)
                    for source, alternates in table.alternates.items():
                        for alternate in alternates:
                            singles.setdefault(alternate, source)
                elif kind == 4:
                    for first, ligs in table.ligatures.items():
                        for lig in ligs:
                            ligatures.setdefault(lig.LigGlyph, [first, *lig.Component])

    def resolve(name: str, depth: int = 0) -> str:
        if name in direct:
            return direct[name]
        if depth > 6:
            return ""
        if name in ligatures:
            parts = [resolve(part, depth + 1) for part in ligatures[name]]
            return "".join(parts) if all(parts) else ""
        if name in singles:
            return resolve(singles[name], depth + 1)
        return name_to_text(name)

    out: dict[int, str] = {}
    for name in order:
        text = resolve(name)
        if text:
            out[index[name]] = _fold(text) if fold else text
    return out


def _fold(text: str) -> str:
    """Fonts for Arabic often name glyphs after the Persian or Urdu letters that share
    their shapes (keheh, heh goal). Not the Persian yeh: drawn dotless at a word's end it
    is an alef maksura there, with its dots inside a word a yeh; ``reader.arabic.letters``
    reads it by its place in the word, on pages that are not Persian."""
    return text.replace("\u06a9", "\u0643").replace("\u06c1", "\u0647")


def _rarer(text: str) -> float:
    """A glyph drawn for several letters (Amiri's feh for ف and ڧ, its final yeh for ى
    and the Persian ی; Scheherazade's ف and ࢼ) is read as the common Arabic one: a small
    handicap for letters outside the basic Arabic letters, marks and digits."""
    return 0.5 if any(ord(c) >= 0x0600 and not 0x0621 <= ord(c) <= 0x066C
                      and c != "\u0670" for c in text) else 0.0


@lru_cache(maxsize=256)
def _font_key(name: str) -> str:
    name = name.split("+")[-1]
    return "".join(ch for ch in name.lower() if ch.isalnum())


def _reference_fonts(folders: Sequence[Path] | None = None) -> dict[str, str]:
    """Font files Qari can read: the bundled ones and those in ``folders`` (the
    system's by default), by normalized name."""
    from reader.resources import fonts as bundled

    if folders is None:
        folders = (Path("/usr/share/fonts"), Path.home() / ".local/share/fonts")
    found: dict[str, str] = {}
    for path in bundled():
        found.setdefault(_font_key(path.stem), str(path))
    for folder in folders:
        if folder.is_dir():
            for path in folder.rglob("*.[ot]tf"):
                found.setdefault(_font_key(path.stem), str(path))
    return found


_REFERENCES: dict[str, str] | None = None


def reference_glyph_texts(name: str, subset: bytes, outlines: bool = True) -> dict[int, str]:
    """Glyph texts for a stripped subset, from the full font of the same name when its
    outlines match the subset's (same glyph ids, same shapes; with ``outlines``, a
    subset that numbers its glyphs anew is matched glyph by glyph)."""
    global _REFERENCES
    from fontTools.ttLib import TTFont

    if _REFERENCES is None:
        _REFERENCES = _reference_fonts()
    key = _font_key(name)
    path = _REFERENCES.get(key) or _REFERENCES.get(key.replace("regular", ""))
    if path is None and len(key) >= 4:
        # Installed files often carry a vendor's prefix the font's own name lacks
        # (Arabeyes' ``ae_Nice.ttf`` is "Nice"): the one such file, if only one.
        found = [p for k, p in _REFERENCES.items() if k.endswith(key)]
        path = found[0] if len(set(found)) == 1 else None
    if path is None:
        return {}
    small = TTFont(io.BytesIO(subset), lazy=True)
    full = TTFont(path, lazy=True)
    if "glyf" not in small or "glyf" not in full:
        return {}
    small_order, full_order = small.getGlyphOrder(), full.getGlyphOrder()
    if len(small_order) != len(full_order):
        # A subset that numbers its glyphs anew (Qt, Cairo): match them by their outlines.
        return _texts_by_outline(small, path) if outlines else {}
    compared = 0
    for gid in range(1, len(small_order)):
        glyph = small["glyf"][small_order[gid]]
        if getattr(glyph, "numberOfContours", 0) <= 0:
            continue
        other = full["glyf"][full_order[gid]]
        if glyph.getCoordinates(small["glyf"])[0] != other.getCoordinates(full["glyf"])[0]:
            return {}
        compared += 1
        if compared >= 24:
            break
    if compared == 0:
        return {}
    with open(path, "rb") as handle:
        return glyph_texts(handle.read())


Outline = tuple[tuple[float, ...], ...]  # contours, each its points' x, y flattened


def _outline(glyf: object, name: str, scale: float) -> Outline | None:
    """A glyph's outline (composites flattened) in thousandths of an em, as contours
    sorted by their number of points (a producer that flattens a composite glyph may put
    its parts in another order: a teh marbuta's dots before its body). None if empty."""
    glyph = glyf[name]  # type: ignore[index]
    if getattr(glyph, "numberOfContours", 0) == 0:
        return None
    coordinates, ends, flags = glyph.getCoordinates(glyf)
    # Implied on-curve points (the midpoint of two off-curve ones) made explicit: some
    # producers write them out, the original font leaves them implied.
    contours: list[tuple[float, ...]] = []
    start = 0
    for end in ends:
        contour = list(range(start, end + 1))
        points: list[float] = []
        for k, i in enumerate(contour):
            j = contour[(k + 1) % len(contour)]
            x, y = coordinates[i]
            points += [x * scale, y * scale]
            if not flags[i] & 1 and not flags[j] & 1:
                nx, ny = coordinates[j]
                points += [(x + nx) / 2 * scale, (y + ny) / 2 * scale]
        contours.append(tuple(points))
        start = end + 1
    contours.sort(key=len)
    return tuple(contours)


def _distance(a: Outline, b: Outline, limit: float) -> float:
    """How far apart two outlines' points are (the worst point), contours paired with the
    closest of the same size; ``inf`` when their contours differ in number or size, or
    no pairing keeps every point within ``limit``."""
    if len(a) != len(b) or any(len(x) != len(y) for x, y in zip(a, b, strict=True)):
        return float("inf")
    # The contours in the same order (most producers): one pass, stopped at the first
    # point out of reach.
    if not any(abs(p - q) > limit for x, y in zip(a, b, strict=True)
               for p, q in zip(x, y, strict=True)):
        return max((abs(p - q) for x, y in zip(a, b, strict=True)
                    for p, q in zip(x, y, strict=True)), default=0.0)
    if len(a) == 1:
        return float("inf")
    left = list(b)
    worst = 0.0
    for contour in a:
        at = next((k for k, other in enumerate(left) if len(other) == len(contour) and not any(
            abs(p - q) > limit for p, q in zip(contour, other, strict=True))), -1)
        if at < 0:
            return float("inf")
        worst = max(worst, max(abs(p - q) for p, q in zip(contour, left[at], strict=True)))
        left.pop(at)
    return worst


class _FullFont:
    """A full font's glyphs with text, found by advance width; outlines made on demand
    (flattening thousands of outlines up front took seconds)."""

    def __init__(self, path: str) -> None:
        from fontTools.ttLib import TTFont

        with open(path, "rb") as handle:
            data = handle.read()
        self.texts = glyph_texts(data, fold=False)  # folded once a glyph is chosen
        font = TTFont(io.BytesIO(data), lazy=True)
        self.glyf, self.order = font["glyf"], font.getGlyphOrder()
        self.scale = 1000 / font["head"].unitsPerEm
        metrics = font["hmtx"].metrics
        self.by_advance: dict[int, list[int]] = {}
        for gid in sorted(self.texts):
            advance = round(metrics[self.order[gid]][0] * self.scale)
            self.by_advance.setdefault(advance, []).append(gid)
        self._outlines: dict[int, Outline | None] = {}
        self.glyphs = font.getGlyphSet()
        self._shapes: dict[int, tuple[float, ...] | None] = {}
        self._boxes: dict[int, tuple[float, ...] | None] = {}

    def outline(self, gid: int) -> Outline | None:
        if gid not in self._outlines:
            try:
                self._outlines[gid] = _outline(self.glyf, self.order[gid], self.scale)
            except Exception:
                self._outlines[gid] = None
        return self._outlines[gid]

    def box(self, gid: int) -> tuple[float, ...] | None:
        """The glyph's box as the font stores it (composites too): a cheap first test."""
        if gid not in self._boxes:
            self._boxes[gid] = _stored_box(self.glyf, self.order[gid], self.scale)
        return self._boxes[gid]

    def shape(self, gid: int) -> tuple[float, ...] | None:
        if gid not in self._shapes:
            self._shapes[gid] = _shape(self.glyphs, self.order[gid], self.scale)
        return self._shapes[gid]

    def candidates(self, advance: float) -> list[int]:
        """Glyphs with text whose advance is within a thousandth of an em or two."""
        centre = round(advance)
        return [gid for a in range(centre - 2, centre + 3) for gid in self.by_advance.get(a, ())]


@lru_cache(maxsize=16)
def _full_font(path: str) -> _FullFont:
    return _FullFont(path)


# Thousandths of an em: producers rescale outlines, round them and re-split their curves
# (Qt moves points by up to 1 %); look-alike glyphs of the same contour structure differ
# by far more.
OUTLINE_TOLERANCE = 12.0


# Thousandths of an em (area: thousandths of itself): a glyph redrawn by its producer
# (Qt rescales composites to 2,048 units and re-splits their curves: other points, the
# same shape) keeps its area, centre, spread and box to within about 2; glyphs that
# differ by a dot differ by 50 and more.
SHAPE_TOLERANCE = 8.0
BOX_TOLERANCE = 2 * OUTLINE_TOLERANCE  # of the boxes compared before the outlines


def _stored_box(glyf: object, name: str, scale: float) -> tuple[float, ...] | None:
    try:
        glyph = glyf[name]  # type: ignore[index]
        if getattr(glyph, "numberOfContours", 0) == 0:
            return None
        return (glyph.xMin * scale, glyph.yMin * scale, glyph.xMax * scale,
                glyph.yMax * scale)
    except Exception:  # a damaged glyph
        return None


def _shape(glyphs: object, name: str, scale: float) -> tuple[float, ...] | None:
    """A glyph's shape in numbers that do not depend on how its outline is split into
    points: area, centre, spread and box, in thousandths of an em. None if empty."""
    from fontTools.pens.boundsPen import BoundsPen
    from fontTools.pens.statisticsPen import StatisticsPen
    from fontTools.pens.teePen import TeePen
    from fontTools.pens.transformPen import TransformPen

    try:
        stats, bounds = StatisticsPen(glyphset=glyphs), BoundsPen(glyphs)
        glyphs[name].draw(TransformPen(TeePen(stats, bounds), (scale, 0, 0, scale, 0, 0)))  # type: ignore[index]
    except Exception:  # a damaged glyph: no shape
        return None
    if not bounds.bounds or not stats.area:
        return None
    return (abs(stats.area), stats.meanX, stats.meanY, stats.stddevX, stats.stddevY,
            *bounds.bounds)


def _shape_distance(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    area = abs(a[0] - b[0]) / max(a[0], b[0]) * 1000
    return max(area, *(abs(x - y) for x, y in zip(a[1:], b[1:], strict=True)))


def _texts_by_outline(small: object, path: str) -> dict[int, str]:
    """Texts for a subset that numbers its glyphs anew (Qt, Cairo), by matching each
    glyph's advance and outline with the full font's, even rescaled to another em size."""
    full = _full_font(path)
    glyf = small["glyf"]  # type: ignore[index]
    glyphs = small.getGlyphSet()  # type: ignore[attr-defined]
    scale = 1000 / small["head"].unitsPerEm  # type: ignore[index]
    metrics = small["hmtx"].metrics  # type: ignore[index]
    out: dict[int, str] = {}
    for gid, name in enumerate(small.getGlyphOrder()):  # type: ignore[attr-defined]
        box = _stored_box(glyf, name, scale)
        if box is None:
            continue
        # Only glyphs of the same advance and nearly the same box are compared further.
        candidates = [other for other in full.candidates(metrics[name][0] * scale)
                      if (b := full.box(other)) is not None
                      and max(abs(x - y) for x, y in zip(b, box, strict=True)) <= BOX_TOLERANCE]
        if not candidates:
            continue
        try:
            outline = _outline(glyf, name, scale)
        except Exception:  # a damaged glyph in the subset: no text for it
            continue
        if outline is None:
            continue
        best, best_text = OUTLINE_TOLERANCE, ""
        for other in candidates:
            candidate = full.outline(other)
            if candidate is None:
                continue
            worst = _distance(outline, candidate, best) + _rarer(full.texts[other])
            if worst <= best:  # the closest outline of the same structure
                best, best_text = worst, full.texts[other]
        if not best_text:  # no outline of the same points: the closest shape
            shape = _shape(glyphs, name, scale)
            best = SHAPE_TOLERANCE
            for other in candidates if shape is not None else ():
                drawn = full.shape(other)
                if shape is None or drawn is None:
                    continue
                far = _shape_distance(shape, drawn) + _rarer(full.texts[other])
                if far <= best:
                    best, best_text = far, full.texts[other]
        if best_text:
            out[gid] = _fold(best_text)
    return out


def named_glyph_texts(font_data: bytes) -> dict[int, str]:
    """Glyph id → the characters its name stands for, for the fonts fontTools does not open
    as a whole (Type1, as pdfTeX embeds arabi's ae_ fonts; bare CFF): the names as the
    font program gives them (FreeType, whose glyph ids the text trace uses)."""
    try:
        font = pymupdf.Font(fontbuffer=font_data)
        count = min(font.glyph_count, _MAX_FONT_GLYPHS)
        names = [font.this.fz_get_glyph_name2(gid) for gid in range(count)]
    except Exception:  # a font program MuPDF cannot read: nothing to name with
        return {}
    return {gid: _fold(text) for gid, name in enumerate(names) if (text := name_to_text(name))}


# Glyph names spelled out after Unicode's character names (arabi's and Arabeyes' Type1
# fonts: behinitial, lamwithalefhamzaaboveisolated, arabicindicdigitfour, arabiccomma),
# with the form a glyph takes as a suffix.
_FORMS = ("isolatedd", "isolated", "initial", "medial", "final", "isol", "init", "medi",
          "fina")


@lru_cache(maxsize=1)
def _unicode_names() -> dict[str, str]:
    out: dict[str, str] = {}
    for code in range(0x0600, 0x0700):
        if not (full := unicodedata.name(chr(code), "")):
            continue
        key = re.sub("[^a-z]", "", full.lower())  # "arabicletterbeh", "arabicindicdigitone"
        out[key] = chr(code)
        for prefix in ("arabicletter", "arabic"):
            if key.startswith(prefix) and key[len(prefix):]:
                out.setdefault(key[len(prefix):], chr(code))
    return out


def _spelled_out(name: str) -> str:
    """The Arabic character a descriptive glyph name spells out, or ''."""
    key = re.sub("[^a-z]", "", name.lower().split(".")[0]).removesuffix("arabic")
    for form in _FORMS:
        if key.endswith(form) and len(key) > len(form):
            key = key[: -len(form)]
            break
    names = _unicode_names()
    if key in names or (key := key.removeprefix("arabic")) in names:  # arabicalef too
        return names[key]
    if key.endswith("h") and key[:-1] in names:  # fathah, kasrah, dammah (Arabeyes)
        return names[key[:-1]]
    if key.startswith("lam") and len(key) > 3:  # a lam-alef: lamwithalef, lamalefhamzaabove
        rest = key[3:].removeprefix("with")
        alef = names.get(rest) or names.get(re.sub("^alef(?!with)", "alefwith", rest), "")
        return "\u0644" + alef if alef in ("\u0627", "\u0622", "\u0623", "\u0625") else ""
    return ""


@lru_cache(maxsize=4096)
def name_to_text(name: str) -> str:
    """The characters a glyph name stands for (uni0644_0645.init → لم), or ''.

    Only names that spell Unicode out (uniXXXX, uXXXXX, AGL names of Arabic letters and
    ASCII, Unicode's own names of Arabic characters) are trusted: other names are a font
    designer's labels.
    """
    from fontTools import agl

    text = agl.toUnicode(name) or _spelled_out(name)
    if not text:
        return ""
    if all(0x0600 <= ord(c) <= 0x06FF or 0xFB50 <= ord(c) <= 0xFEFF or 0x20 < ord(c) < 0x7F
           for c in text):
        return text
    return ""


def font_fixes(page: pymupdf.Page, wanted: set[str] | None = None,
               garbled: AbstractSet[str] = frozenset(),
               places: dict[tuple[float, float], _Place] | None = None,
               ascii_wrong: AbstractSet[str] = frozenset(),
               continued: dict[tuple[float, float], tuple[float, float]] | None = None,
               inside: dict[str, frozenset[int]] | None = None,
               unknown: dict[tuple[float, float], list[str]] | None = None,
               ) -> dict[tuple[float, float], list[str]]:
    """Text for glyphs whose Unicode mapping is broken, recovered from the embedded font,
    keyed by the glyph's origin (in drawing order where glyphs share an origin).

    ``wanted`` holds the ``_font_key`` of the fonts with broken glyphs (all when None);
    in ``garbled`` fonts every glyph is asked of the font. ``places`` receives each
    drawn glyph's box, size and font name (MuPDF leaves out some glyphs with a broken
    map: sent to a control or to nothing, or U+FFFD right after another). ``continued``
    receives, for a glyph mapped to several codes of which a further one is odd, where
    MuPDF puts that code (the glyph's end) and the glyph's origin: the glyph is asked.
    ``inside``: by font key, further codes to ask about (found inside Arabic words).
    ``unknown`` receives, for a glyph the font cannot name, its font and glyph number."""
    fixes: dict[tuple[float, float], list[str]] = {}
    try:
        trace = _texttrace(page)
    except Exception:
        return fixes
    doc = page.parent
    width, height = page.rect.width, page.rect.height
    keys: dict[str, str] = {}  # by the trace's font name: its key (a span a glyph, at times)
    arabic: set[str] = set()
    for span in trace:
        name = span.get("font", "")
        if (font := keys.get(name)) is None:
            font = keys[name] = _font_key(str(name))
        if font not in arabic and not _ARABIC_LETTER_CODES.isdisjoint(
                [c[0] for c in span["chars"]]):
            arabic.add(font)
    asked = {font: wanted is None or any(font.startswith(w) or w.startswith(font)
                                         for w in wanted) for font in keys.values()}
    for span in trace:
        font = keys[span.get("font", "")]
        if not asked[font]:
            continue
        odd = _ODD_IN_ARABIC_FONT if font in arabic else _SUSPICIOUS_CODES
        extra = inside.get(font, frozenset()) if inside else frozenset()
        if font not in garbled and font not in ascii_wrong and odd.isdisjoint(
                codes := [c[0] for c in span["chars"]]) and extra.isdisjoint(codes):
            continue  # nothing to ask of the font here (most spans)
        # In a garbled font even a space may be a letter MuPDF took for a control.
        broken = []
        owner = None  # the last glyph drawn: a code without a glyph continues its text
        for char in span["chars"]:
            code, gid = char[0], char[1]
            bad = code in odd or code in extra or font in garbled or (
                font in ascii_wrong and code in _ASCII_ALNUM_CODES)
            if gid >= 0:
                owner = None if bad else char
            if bad:
                if gid < 0 and owner is not None:
                    # A glyph mapped to several codes, one of them odd (Ghostscript's
                    # Allah ligature: ل and a CJK code): the whole glyph is asked.
                    broken.append(owner)
                    if continued is not None:
                        _, _, (x, y), box = owner
                        continued[(round(x + box[2] - box[0], 1), round(y, 1))] = (
                            round(x, 1), round(y, 1))
                    owner = None
                else:
                    broken.append(char)
        if not broken:
            continue
        xrefs = _font_xrefs(page, font)
        tables = [_font_text(doc, xref) for xref in xrefs]
        size = float(span.get("size", 0.0))
        for code, gid, origin, bbox in broken:
            text = _text_by_advance(doc, xrefs, tables, gid, bbox[2] - bbox[0], size)
            if (text and font not in garbled and code not in odd and (
                    (font in ascii_wrong and code not in extra)
                    or (code in extra and code in _ASCII_ALNUM_CODES))
                    and not _ARABIC_SCRIPT.search(text)):
                # Asked for sending Arabic glyphs to ASCII, the font names this one
                # otherwise (a Latin letter, or its twin in another script: a as а):
                # the map's letter stands.
                text = chr(code)
            if not text and gid > 0:
                # The glyph's dots, from its outline: OCR may take ر for ز, never a dot.
                dots = next((d[gid] for d in (_glyph_dots(doc, x) for x in xrefs)
                             if gid in d), "")
                # What its outline looks like: a harakah, digits.
                mark, _, digits = next((found for x in xrefs if (
                    found := _outlines(doc, x).shape(gid)) != "\x00"), "\x00").partition(
                    "\x00") if dots != _BLANK else ("", "", "")
                if bbox[2] - bbox[0] < 0.01 and dots.endswith(",m") and mark:
                    # A mark's glyph (no advance, a mark's ink) its outline names.
                    text = mark
                elif dots != _BLANK and unknown is not None:
                    # (A glyph that draws nothing, a space, is no letter.) The font by its
                    # objects too: two subsets may share a name (Qt's carry no prefix) and
                    # number their glyphs each its own way.
                    unknown.setdefault((round(origin[0], 1), round(origin[1], 1)), []).append(
                        unread_key(font, xrefs, gid, dots, mark, digits))
            named = bool(text) and not (code == 0x20 and text.isspace())
            key = (round(origin[0], 1), round(origin[1], 1))
            if named:
                fixes.setdefault(key, []).append(text)
            if (named or key in (unknown or {})) and places is not None and span.get(
                    "type", 0) in (0, 1) and (bbox[2] > 0 and bbox[0] < width
                                              and bbox[3] > 0 and bbox[1] < height):
                # (An unnamed glyph's place too: the drawing order it keeps tells after
                # which glyph a named one MuPDF left out goes.)
                places.setdefault(key, (tuple(bbox), float(span.get("size", 0.0)),
                                        str(span.get("font", "")),
                                        tuple(span.get("dir") or (1.0, 0.0))))
    return fixes


def _text_by_advance(doc: pymupdf.Document, xrefs: list[int], tables: list[dict[int, str]],
                     gid: int, drawn: float, size: float) -> str:
    """The text of glyph ``gid`` of a font the page embeds as several subsets of one name
    (cairo writes a font's Latin-1 glyphs in a simple subset and the rest in a CID one,
    each numbered from 1; a merged document has one per part): where they name it
    differently, the subset whose glyph has the advance drawn (``drawn`` points at
    ``size``)."""
    found = [(xref, t[gid]) for xref, t in zip(xrefs, tables, strict=True) if gid in t]
    if len({text for _, text in found}) < 2 or size <= 0:
        return found[0][1] if found else ""
    best = min(found, key=lambda item: abs(_outlines(doc, item[0]).advance(gid) * size - drawn))
    return best[1]


def _font_xrefs(page: pymupdf.Page, font: str) -> list[int]:
    """The xrefs of the fonts a text trace names ``font`` on this page. The trace names
    fonts without their xref, and one page may embed several subsets under one name: all
    are tried. By page: a document merged from several has a subset of one name in each
    part, each numbering its glyphs its own way."""
    pages = _facts(page.parent).font_xrefs
    known = pages.get(page.number)
    if known is None:
        known = {}
        try:
            for entry in page.get_fonts():
                xrefs = known.setdefault(_font_key(str(entry[3])), [])
                if int(entry[0]) not in xrefs:
                    xrefs.append(int(entry[0]))
        except Exception:
            return []
        pages[page.number] = known
    return known.get(font) or next((x for name, x in known.items()
                                    if name.startswith(font) or font.startswith(name)), [])
