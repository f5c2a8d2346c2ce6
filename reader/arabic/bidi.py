"""Logical order from visual order: the Unicode Bidirectional Algorithm run backwards.

A PDF places glyphs; whatever order its text layer stores them in, their x positions give
the order a reader sees. For a right-to-left line, reading order is right to left except
inside left-to-right runs (Latin words, numbers), which read left to right. This module
turns a line's glyph clusters, sorted left to right, into logical order, resolving the
neutrals between runs and number separators the way UAX #9 does (rules W4, W5, W7, N1) and
mirroring brackets and guillemets outside left-to-right runs (rule L4).
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from typing import Protocol, TypeVar

R, L, EN, AN, ES, CS, ET, NSM, N = "R", "L", "EN", "AN", "ES", "CS", "ET", "NSM", "N"

_MIRROR = {"(": ")", ")": "(", "[": "]", "]": "[", "{": "}", "}": "{", "<": ">", ">": "<",
           "«": "»", "»": "«", "‹": "›", "›": "‹"}
# Arabic punctuation is only used inside Arabic text: treat it as strong right to left.
# Not the Arabic decimal and thousands separators (٫ ٬): they are part of a number (AN),
# which reads left to right ("٤٬٣٠٠" read as "٣٠٠٬٤" when they broke the run).
_ARABIC_PUNCTUATION = set("،؛؟٪۔")


@lru_cache(maxsize=4096)
def bidi_class(ch: str) -> str:
    """A simplified bidi class of one character."""
    if ch in _ARABIC_PUNCTUATION:
        return R
    kind = unicodedata.bidirectional(ch)
    if kind in ("R", "AL"):
        return R
    if kind in ("L", "EN", "AN", "NSM"):
        return kind
    if kind in ("ES", "CS"):
        return kind
    if kind == "ET":
        return ET
    return N


MIRRORING = str.maketrans(_MIRROR)  # for str.translate


class Unit(Protocol):
    """Anything with a text: a glyph cluster (a letter with its marks, a lam-alef...)."""

    @property
    def text(self) -> str: ...


U = TypeVar("U", bound=Unit)


@lru_cache(maxsize=8192)
def cluster_class(text: str) -> str:
    for ch in text:
        kind = bidi_class(ch)
        if kind != NSM:
            return kind
    return NSM


def _resolve(classes: list[str]) -> list[str]:
    """Weak types in (approximately) logical order: number separators and terminators.

    Only separators and terminators can change: the passes visit those alone."""
    n = len(classes)
    out = list(classes)
    # W4: a single separator between two numbers joins them: a European separator (+ -)
    # only European numbers, a common one (, . / :) numbers of either kind (1,250 26/1).
    for i in [i for i, c in enumerate(out) if c in (ES, CS)]:
        if 0 < i < n - 1 and out[i - 1] == out[i + 1] and (
                (out[i] == ES and out[i - 1] == EN) or (out[i] == CS and out[i - 1] in (EN, AN))):
            out[i] = out[i - 1]
    # W5: terminators (% $ € # °) next to European numbers belong to them.
    if ET in out:
        i = 0
        while i < n:
            if out[i] != ET:
                i += 1
                continue
            j = i
            while j < n and out[j] == ET:
                j += 1
            if (i > 0 and out[i - 1] == EN) or (j < n and out[j] == EN):
                for k in range(i, j):
                    out[k] = EN
            i = j
    return [N if c in _WEAK else c for c in out]


_WEAK = frozenset((ES, CS, ET, NSM))


def visual_to_logical(clusters: Sequence[U], rtl: bool,
                      kinds: Sequence[str] | None = None) -> tuple[list[U], list[bool]]:
    """Logical order of clusters given left to right, and for each whether to mirror it.

    ``rtl`` is the paragraph direction; ``kinds``, when given, holds each cluster's
    ``cluster_class``. The result lists the same clusters, reordered.
    """
    if kinds is None:
        kinds = [cluster_class(c.text) for c in clusters]
    if rtl and L not in kinds and EN not in kinds and AN not in kinds:
        # Nothing reads left to right: the line is simply reversed (the common case).
        return list(clusters)[::-1], [True] * len(clusters)
    if not rtl:
        return _order_runs(list(clusters), _resolve(list(kinds)), inner=R)
    seq = list(reversed(clusters))
    raw = list(reversed(kinds))
    # W7 first: a European number after a Latin word is part of it (F-16, "profile, 2021").
    # In reversed-visual order a left-to-right run is itself reversed, so its Latin letters
    # come *after* the number: look ahead past neutrals. Then W2: a number after Arabic
    # letters is an Arabic number, which a % sign does not join (displayed "%12" is 12%).
    numbers = [i for i, k in enumerate(raw) if k == EN]
    if numbers:
        latin = _after_latin(seq, raw, numbers)
        strong = [i for i, k in enumerate(raw) if k in (R, L)]
        for i in numbers:
            before = bisect.bisect_left(strong, i) - 1  # the last strong one before i
            if i not in latin and before >= 0 and raw[strong[before]] == R:
                raw[i] = AN
    classes = _resolve(raw)
    n = len(seq)
    for i in [i for i, k in enumerate(classes) if k == EN]:
        if classes[i] != EN:
            continue  # made L with the run before it
        j = i
        while j < n and classes[j] == EN:
            j += 1
        k = j
        while k < n and classes[k] == N and not seq[k].text.isspace():
            k += 1  # glued punctuation (F-16, A/4)
        glued_l = k < n and classes[k] == L
        m = j
        while m < n and classes[m] == N:
            m += 1
        m = _past_glued_number(seq, classes, m, (EN, N))  # (Q3 2024: 2024 joins Q3's run)
        if glued_l or (m < n and classes[m] == L and not _unit_after(seq, i, j, m)):
            for x in range(i, j):
                classes[x] = L
    return _order_runs(seq, classes, inner=L)


def _after_latin(seq: Sequence[Unit], raw: list[str], numbers: list[int]) -> set[int]:
    """The European digits (at ``numbers``) that a Latin letter follows, glued or across
    neutrals."""
    out: set[int] = set()
    n = len(seq)
    done = 0
    for i in numbers:
        if i < done:
            continue
        j = _past_glued_number(seq, raw, i, _GLUED)
        k = j
        while k < n and raw[k] not in (R, L, EN, AN):
            k += 1
        k = _past_glued_number(seq, raw, k, _GLUED)
        if k < n and raw[k] == L and not _unit_after(seq, i, j, k):
            out.update(x for x in range(i, j) if raw[x] == EN)
        done = j
    return out


_GLUED = (EN, ES, CS, ET)  # what stands in a number, glued: 1,250 F-16 12%


def _past_glued_number(seq: Sequence[Unit], kinds: Sequence[str], k: int,
                       glue: tuple[str, ...]) -> int:
    """Past the number at ``k`` with what is glued to it (of the classes ``glue``), if a
    number stands there: a number glued to a Latin word (Q3, F-16) is part of it (W7), so
    that word is the first strong one before a number after it (Q3 2024)."""
    if k < len(seq) and kinds[k] == EN:
        while k < len(seq) and kinds[k] in glue and not seq[k].text.isspace():
            k += 1
    return k


# Units and scales written after a number (10 km, 5 kWh, 2.5 million): SI symbols with
# their prefixes, a few others in reports, data sizes and the scale words.
_UNIT = re.compile(
    r"(?:[kKMGTmcdµμn]?(?:m|g|l|L|Wh|W|J|Hz|Pa|V|A|s|t|B|bps|bit|cal|mol|N)"
    r"|km/h|m/s|mph|ha|ft|yd|mi|lbs?|oz|gal|bbl|ppm|dB|°[CF]|cc)[²³23]?"
    r"|(?i:thousand|millions?|billions?|trillions?|mn|bn)")


def _unit_after(seq: Sequence[Unit], start: int, end: int, word: int) -> bool:
    """Is the Latin word at ``word`` a unit written after the number at ``start:end``
    (10 km, 5°C)? Drawn apart from it, ``2.5 million`` and ``million 2.5`` look alike in
    a right-to-left line (a number after Arabic is an Arabic number, a run of its own,
    and a sign beside it takes the line's direction); a unit follows its number, a name
    (Windows 11, ISO 9001) goes before it. ``seq`` is in reversed visual order: what
    stands between the two reads as it comes, the Latin word backwards."""
    digits = [x for x in range(start, end) if seq[x].text[:1].isdigit()]
    end = digits[-1] + 1 if digits else end
    if end == word:
        return False  # glued (10km): one run either way
    e = word
    while e < len(seq) and not seq[e].text.isspace() and cluster_class(seq[e].text) != R:
        e += 1
    token = max([end, *(x + 1 for x in range(end, word) if seq[x].text.isspace())])
    # A sign before the word (°C) reads as it comes; the word with its digits (m3),
    # backwards.
    run = token
    while run < word and cluster_class(seq[run].text) not in (L, EN):
        run += 1
    text = "".join(seq[x].text for x in range(token, run)) + "".join(
        seq[x].text for x in range(run, e))[::-1]
    return bool(_UNIT.fullmatch(text.strip(".,;:!?()[]")))


def _order_runs(seq: list[U], classes: list[str], inner: str
                ) -> tuple[list[U], list[bool]]:
    """Reverse the runs that go against the paragraph direction.

    ``inner`` is the strong class of those runs (L inside a right-to-left paragraph). Numbers
    always read left to right; in a right-to-left paragraph they form runs of their own.
    """
    against = {L, EN, AN} if inner == L else {R}
    outside, inside = inner == L, inner == R  # mirror at the paragraph's right-to-left level
    members = [i for i, k in enumerate(classes) if k in against]
    units: list[U] = []
    flips: list[bool] = []
    done = 0  # units before this one are placed
    m = 0
    while m < len(members):
        start = last = members[m]
        m += 1
        # Grow a run: members of `against`, plus neutrals that sit between two members of
        # the same strong kind (N1). Numbers act as R for neutrals (so "5000 3500" stays two
        # runs in a right-to-left paragraph).
        while m < len(members):
            k = members[m]
            if k == last + 1 or (all(classes[x] == N for x in range(last + 1, k))
                                 and _compatible(classes[last], classes[k], inner)):
                last = k
                m += 1
                continue
            break
        if inner == L:
            start, last = _bracketed(seq, classes, start, last, done)
        units += seq[done:start]
        flips += [outside] * (start - done)
        units += seq[start:last + 1][::-1]
        flips += [inside] * (last + 1 - start)
        done = last + 1
    units += seq[done:]
    flips += [outside] * (len(seq) - done)
    return units, flips


_OPENING = {"(": ")", "[": "]", "{": "}"}
_CLOSING = {v: k for k, v in _OPENING.items()}


def _bracketed(seq: Sequence[Unit], classes: list[str], start: int, last: int, done: int
               ) -> tuple[int, int]:
    """Rule N0 run backwards: a bracket pair belongs to the left-to-right run it encloses
    text of (``Human Rights Watch (HRW)``), though the bracket at the run's edge stands
    between the run and right-to-left text. ``seq[start:last + 1]`` is the run, in reversed
    visual order; the result is the run with such edge brackets taken in."""
    opened: list[str] = []
    unopened: list[str] = []
    for unit in reversed(seq[start:last + 1]):  # the run left to right: logical order
        text = unit.text
        if text in _OPENING:
            opened.append(text)
        elif text in _CLOSING:
            if opened and opened[-1] == _CLOSING[text]:
                opened.pop()
            else:
                unopened.append(text)
    if opened and start - 1 >= done and classes[start - 1] == N and (
            seq[start - 1].text == _OPENING[opened[-1]]):
        start -= 1  # the closing bracket, drawn just right of the run
    if unopened and last + 1 < len(seq) and classes[last + 1] == N and (
            seq[last + 1].text == _CLOSING[unopened[0]]):
        last += 1  # the opening one, drawn just left of it
    return start, last


def _compatible(a: str, b: str, inner: str) -> bool:
    """May a neutral between classes ``a`` and ``b`` join them into one run?"""
    if inner == R:
        return True
    return a == L and b == L
