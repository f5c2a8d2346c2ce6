"""OCR with Tesseract (its Arabic and English data), for scans and unusable text layers.

Tesseract runs as a separate program on a page image rendered at 300 dpi; its word boxes
become glyphs placed where the letters are drawn (right to left within an Arabic word), so
the recognized text goes through the same repair engine as a text layer: reading order,
columns, footnotes, running heads, one page model with a box for every character. Results
are cached by document and page, so a page is read once.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import tempfile
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from reader.arabic.raw import Glyph, RawPage, glyph
from reader.errors import Cancelled, QariError
from reader.paths import cache_dir
from reader.resources import resources_dir

DPI = 300
ENGINE_VERSION = "tesseract-tsv/9"  # part of the cache key: bump when recognition changes


class OcrErrorCode(StrEnum):
    NOT_INSTALLED = "not_installed"
    NO_ARABIC = "no_arabic"
    FAILED = "failed"


class OcrError(QariError):
    INSTALL = "sudo apt install tesseract-ocr tesseract-ocr-ara"

    def __init__(self, code: OcrErrorCode, detail: str = "") -> None:
        self.code = code
        self.detail = detail
        text = {OcrErrorCode.NOT_INSTALLED: "Tesseract OCR is not installed",
                OcrErrorCode.NO_ARABIC: "Tesseract has no Arabic data",
                OcrErrorCode.FAILED: "OCR failed"}[code]
        if code is not OcrErrorCode.FAILED:
            text += f" (install it with: {self.INSTALL})"
        super().__init__(text + (f": {detail}" if detail else ""))


@dataclass(frozen=True)
class OcrWord:
    text: str
    box: tuple[float, float, float, float]  # pixels of the page image
    block: int
    line: int  # a running line number over the page
    confidence: float


def tesseract() -> str | None:
    return shutil.which("tesseract")


def bundled_model() -> Path:
    """Qari's own Arabic model: Tesseract's "best" Arabic network in integer form. Debian's
    ``tesseract-ocr-ara`` is the "fast" one, which reads a third more characters wrong on
    the scored corpus (resources/tessdata/README.md)."""
    return resources_dir() / "tessdata" / "ara.traineddata"


@dataclass(frozen=True)
class Models:
    """The Tesseract program, where it finds its data and which languages it has there."""

    program: str
    folder: Path | None  # None: Tesseract's own folder
    languages: frozenset[str]


_models: dict[tuple[str, Path], Models] = {}


def models() -> Models:
    """The model folder, made once: the bundled Arabic model beside the system's English
    one (``-l ara+eng`` wants both in one folder). Raises ``OcrError`` if Tesseract or any
    Arabic model is missing."""
    program = tesseract()
    if program is None:
        raise OcrError(OcrErrorCode.NOT_INSTALLED)
    key = (program, cache_dir())
    known = _models.get(key)
    if known is not None and (known.folder is None or known.folder.is_dir()):
        return known
    try:
        listed = subprocess.run([program, "--list-langs"], capture_output=True, text=True,
                                timeout=20)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise OcrError(OcrErrorCode.NOT_INSTALLED, str(exc)) from exc
    # 'List of available languages in "/usr/share/tesseract-ocr/5/tessdata/" (4):', then
    # one language a line.
    lines = [line.strip() for line in (listed.stdout + "\n" + listed.stderr).splitlines()]
    header = next((line for line in lines if line.count('"') >= 2), "")
    system_folder = Path(header.split('"')[1]) if header else None
    system = frozenset(line for line in lines if line and " " not in line)
    folder = _model_folder(system_folder) if bundled_model().is_file() else None
    if folder is not None:
        found = Models(program, folder, frozenset(p.name.split(".")[0]
                                                  for p in folder.glob("*.traineddata")))
    elif "ara" in system:
        found = Models(program, None, system)
    else:
        raise OcrError(OcrErrorCode.NO_ARABIC)
    _models[key] = found
    return found


def _model_folder(system: Path | None) -> Path | None:
    folder = cache_dir() / "tessdata"
    wanted = {"ara.traineddata": bundled_model()}
    if system is not None and (system / "eng.traineddata").is_file():
        wanted["eng.traineddata"] = system / "eng.traineddata"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name, target in wanted.items():
            link = folder / name
            if link.is_symlink() and link.resolve() == target.resolve():
                continue
            link.unlink(missing_ok=True)
            try:
                link.symlink_to(target)
            except OSError:  # no symbolic links here (some file systems): a copy
                shutil.copyfile(target, link)
        for stale in folder.glob("*.traineddata"):
            if stale.name not in wanted:
                stale.unlink()
    except OSError:
        return None  # an unwritable cache: Tesseract's own models still read
    return folder


def check() -> None:
    """Raise ``OcrError`` saying what is missing, if anything."""
    models()


def available() -> bool:
    try:
        check()
    except OcrError:
        return False
    return True


def recognize(image: bytes, cancelled: Callable[[], bool] = lambda: False,
              timeout: float = 120.0) -> list[OcrWord]:
    """The words on a page image (PGM or PNG), in Tesseract's reading order.

    Two readings: the Arabic model alone, which reads Arabic best (with the English model
    loaded too, Tesseract mangles vocalized text and takes some Arabic words for Latin
    gibberish); and the two together, from which only confidently read Latin words (names,
    acronyms, URLs) are taken, in place of what the Arabic model made of them."""
    arabic = _run(image, "ara", cancelled, timeout)
    if "eng" not in models().languages:
        return _bullets([_arabic_punctuation(w) for w in arabic])
    mixed = _run(image, "ara+eng", cancelled, timeout)
    latin = [w for w in mixed if _confident_latin(w)]
    return _bullets([_arabic_punctuation(w) for w in _merge(arabic, latin)])


def _bullets(words: list[OcrWord]) -> list[OcrWord]:
    """A list bullet (•) at the start of an Arabic line is read as an Arabic-Indic zero."""
    out = list(words)
    seen: set[int] = set()
    for i, word in enumerate(out):
        if word.line in seen:
            continue
        seen.add(word.line)
        if word.text in ("٠", "·", "*") and i + 1 < len(out) and out[i + 1].line == word.line \
                and has_arabic(out[i + 1].text):
            out[i] = OcrWord("•", word.box, word.block, word.line, word.confidence)
    return out


def _confident_latin(word: OcrWord) -> bool:
    return not has_arabic(word.text) and sum(c.isascii() and c.isalpha()
                                              for c in word.text) >= 2 and word.confidence >= 85


def _merge(words: list[OcrWord], latin: list[OcrWord]) -> list[OcrWord]:
    """``words`` with each Latin word put in place of the words it covers."""
    out = list(words)
    for word in latin:
        covered = [i for i, w in enumerate(out) if _overlap(w.box, word.box) > 0.5]
        # One line's words only: a box spanning lines is a misreading, not a word.
        if not covered or len({out[i].line for i in covered}) > 1 or (
                word.box[3] - word.box[1]) > 2 * max(out[i].box[3] - out[i].box[1]
                                                     for i in covered):
            continue
        first = out[covered[0]]
        out[covered[0]] = OcrWord(word.text, word.box, first.block, first.line,
                                  word.confidence)
        for i in reversed(covered[1:]):
            del out[i]
    return out


def has_arabic(text: str) -> bool:
    """Arabic letters (not the invisible right-to-left marks Tesseract adds to words)."""
    return any(unicodedata.bidirectional(c) in ("R", "AL") and c.isalpha() for c in text)


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]
             ) -> float:
    """How much of the smaller box the two share."""
    width = min(a[2], b[2]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[1], b[1])
    if width <= 0 or height <= 0:
        return 0.0
    smaller = min((a[2] - a[0]) * (a[3] - a[1]), (b[2] - b[0]) * (b[3] - b[1]))
    return width * height / smaller if smaller > 0 else 0.0


_ARABIC_MARKS = str.maketrans({",": "،", ";": "؛", "?": "؟"})


def _arabic_punctuation(word: OcrWord) -> OcrWord:
    """Arabic words take Arabic punctuation: Tesseract writes the Latin comma, and reads
    the Arabic comma at the end of a word as a closing guillemet."""
    text = word.text
    if not has_arabic(text):
        return word
    if text.endswith("»") and "«" not in text:
        text = text[:-1] + "،"
    text = text.translate(_ARABIC_MARKS)
    if text == word.text:
        return word
    return OcrWord(text, word.box, word.block, word.line, word.confidence)


def recognize_lines(image: bytes, boxes: list[tuple[int, int, int, int]],
                    cancelled: Callable[[], bool] = lambda: False,
                    timeout: float = 30.0) -> list[OcrWord]:
    """The words of single lines cut from a page image (PGM), at the pixel ``boxes``:
    where the page's reading left out lines a text layer shows are there (Tesseract's
    page segmentation drops some headings). In page coordinates, each box a line of its own."""
    width, height, pixels = _pgm(image)
    words: list[OcrWord] = []
    for number, (x0, y0, x1, y1) in enumerate(boxes):
        x0, y0 = max(0, x0), max(0, y0)
        x1, y1 = min(width, x1), min(height, y1)
        if x1 - x0 < 8 or y1 - y0 < 8:
            continue
        rows = b"".join(pixels[y * width + x0:y * width + x1] for y in range(y0, y1))
        crop = b"P5\n%d %d\n255\n" % (x1 - x0, y1 - y0) + rows
        for word in _run(crop, "ara", cancelled, timeout, psm=7):
            box = (word.box[0] + x0, word.box[1] + y0, word.box[2] + x0, word.box[3] + y0)
            words.append(OcrWord(word.text, box, -1, -1 - number, word.confidence))
    return [_arabic_punctuation(w) for w in words]


def _pgm(image: bytes) -> tuple[int, int, bytes]:
    """Width, height and pixels of an 8-bit binary PGM (as ``render_gray`` makes)."""
    fields: list[bytes] = []
    at = 2
    while len(fields) < 3:
        while image[at:at + 1].isspace():
            at += 1
        end = at
        while end < len(image) and not image[end:end + 1].isspace():
            end += 1
        if end == at:
            raise OcrError(OcrErrorCode.FAILED, "not an 8-bit grey image")
        fields.append(image[at:end])
        at = end
    try:
        width, height, top = (int(f) for f in fields)
    except ValueError:
        raise OcrError(OcrErrorCode.FAILED, "not an 8-bit grey image") from None
    if not image.startswith(b"P5") or top != 255 or len(image) < at + 1 + width * height:
        raise OcrError(OcrErrorCode.FAILED, "not an 8-bit grey image")
    return width, height, image[at + 1:at + 1 + width * height]


def _run(image: bytes, languages: str, cancelled: Callable[[], bool],
         timeout: float, psm: int = 3) -> list[OcrWord]:
    """One Tesseract run. One OCR thread per page: with OpenMP's several threads, two cores
    spend more time coordinating than reading (7× slower here)."""
    found = models()
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    folder = ["--tessdata-dir", str(found.folder)] if found.folder else []
    # --dpi: a PGM image carries no resolution, and Tesseract would guess 70 dpi and
    # segment the page badly (lines lost). TSV asked for by a variable, not the "tsv"
    # config file, which lives in the system's folder only.
    # The image goes in a file: with stdin, a time-out in communicate() stops feeding it
    # (CPython registers the pipe only when input is passed, and refuses input on a retry).
    with tempfile.NamedTemporaryFile(prefix="qari-ocr-", suffix=".pgm") as picture:
        picture.write(image)
        picture.flush()
        process = subprocess.Popen([found.program, picture.name, "stdout", *folder, "-l",
                                    languages, "--psm", str(psm), "--dpi", str(DPI),
                                    "-c", "tessedit_create_tsv=1",
                                    "-c", "tessedit_create_txt=0"],
                                   stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, env=env)
        deadline = time.monotonic() + timeout
        try:
            # Both pipes are read while Tesseract works: a dense page's TSV is larger than
            # a pipe holds, and Tesseract would wait for Qari to read while Qari waited for
            # it to end. A retry after a time-out loses no output.
            while True:
                try:
                    out, err = process.communicate(timeout=0.05)
                    break
                except subprocess.TimeoutExpired:
                    if cancelled():
                        raise Cancelled() from None
                    if time.monotonic() > deadline:
                        raise OcrError(OcrErrorCode.FAILED, "Tesseract took too long") from None
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
    if process.returncode != 0:
        raise OcrError(OcrErrorCode.FAILED, err.decode("utf-8", "replace").strip()[:200])
    return parse_tsv(out.decode("utf-8", "replace"))


def parse_tsv(text: str) -> list[OcrWord]:
    words = []
    lines: dict[tuple[str, str, str], int] = {}
    for row in csv.DictReader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE):
        if row.get("level") != "5":
            continue
        # Tesseract marks the direction of words with RLM/LRM: not part of the text.
        word = (row.get("text") or "").replace("\u200f", "").replace("\u200e", "").strip()
        if not word:
            continue
        key = (row["block_num"], row["par_num"], row["line_num"])
        line = lines.setdefault(key, len(lines))
        left, top = float(row["left"]), float(row["top"])
        box = (left, top, left + float(row["width"]), top + float(row["height"]))
        words.append(OcrWord(word, box, int(row["block_num"]), line, float(row["conf"])))
    return words


def raw_page_from_words(words: list[OcrWord], index: int, width: float, height: float,
                        dpi: int = DPI) -> RawPage:
    """Glyphs where the recognized letters are drawn, in PDF points: each word's box shared
    among its characters, right to left in an Arabic word, left to right otherwise, on the
    line's baseline and size (so the repair engine sees what a text layer would give)."""
    scale = 72.0 / dpi
    by_line: dict[int, list[OcrWord]] = {}
    for word in words:
        by_line.setdefault(word.line, []).append(word)
    glyphs: list[Glyph] = []
    # One size and baseline for a line: Tesseract's word boxes follow each word's ink, so
    # sizes measured line by line wobble; lines within 15% of the page's usual size get it
    # (paragraph lines then join up), headings and notes keep theirs.
    sizes = {}
    for number, line_words in by_line.items():
        heights = sorted(w.box[3] - w.box[1] for w in line_words)
        # A word's ink is about an em high (Arabic words have tall alefs and lams and
        # descenders): as a text layer gives the em, the lines of a paragraph then stand
        # as close as the repair expects and join into one paragraph (at 0.85 em each line
        # was a paragraph of its own, and translation got line fragments).
        sizes[number] = max(4.0, heights[len(heights) // 2] * scale)
    usual = sorted(sizes.values())[len(sizes) // 2] if sizes else 10.0
    for number, line_words in by_line.items():
        bottoms = sorted(w.box[3] for w in line_words)
        baseline = bottoms[len(bottoms) // 2] * scale
        size = usual if abs(sizes[number] - usual) < 0.15 * usual else sizes[number]
        rtl_line = any(has_arabic(w.text) for w in line_words)
        for word in line_words:
            units = _visual(_units(unicodedata.normalize("NFC", word.text)), rtl_line)
            if not units:
                continue
            x0, _, x1, _ = (v * scale for v in word.box)
            step = (x1 - x0) / len(units)
            for i, unit in enumerate(units):
                left = x0 + i * step
                box = (left, baseline - size, left + step, baseline + 0.25 * size)
                glyphs.append(glyph(unit, box, baseline, size))
    return RawPage(index, width, height, tuple(glyphs), (), 1)


def _visual(units: list[str], rtl_line: bool) -> list[str]:
    """A word's characters from left to right as drawn. The Arabic model gives words in
    logical order: on a right-to-left line the letters and the punctuation are drawn right to
    left and numbers left to right (``14.`` is drawn ``.14``, ``و40`` as ``40و``). A word
    with Latin letters comes from the English model, which gives what it sees, left to
    right."""
    classes = [unicodedata.bidirectional(u[0]) for u in units]
    if "L" in classes or not (rtl_line or "R" in classes or "AL" in classes):
        return units
    number = [c in ("EN", "AN") for c in classes]
    for i, c in enumerate(classes):  # what joins a number (UBA rules W4, W5)
        if c == "ET" and ((i > 0 and number[i - 1]) or (i + 1 < len(units) and number[i + 1])):
            number[i] = True
    for i in range(1, len(units) - 1):
        if classes[i] in ("ES", "CS") and number[i - 1] and number[i + 1]:
            number[i] = True
    runs: list[tuple[bool, list[str]]] = []
    for i, unit in enumerate(units):
        if runs and number[i] == runs[-1][0]:
            runs[-1][1].append(unit)
        else:
            runs.append((number[i], [unit]))
    return [u for is_number, run in reversed(runs) for u in (run if is_number else run[::-1])]


def visual_units(text: str, rtl_line: bool) -> list[str]:
    """A word's characters (each with its marks) from left to right as drawn."""
    return _visual(_units(text), rtl_line)


def _units(text: str) -> list[str]:
    """Characters with their combining marks: one glyph each."""
    units: list[str] = []
    for ch in text:
        if units and unicodedata.combining(ch):
            units[-1] += ch
        else:
            units.append(ch)
    return units


# -- cache --------------------------------------------------------------------------------------
def _cache_file(sha256: str, page: int) -> Path:
    return cache_dir() / "ocr" / sha256[:2] / f"{sha256}-{page}.json"


def cached(sha256: str, page: int) -> list[OcrWord] | None:
    path = _cache_file(sha256, page)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("engine") != ENGINE_VERSION:
            return None
        return [OcrWord(w["text"], tuple(w["box"]), w["block"], w["line"], w["conf"])
                for w in data["words"]]
    except (OSError, ValueError, KeyError, TypeError):
        return None


def store(sha256: str, page: int, words: list[OcrWord]) -> None:
    path = _cache_file(sha256, page)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        data = {"engine": ENGINE_VERSION, "dpi": DPI, "languages": sorted(models().languages),
                "words": [{"text": w.text, "box": list(w.box), "block": w.block,
                           "line": w.line, "conf": w.confidence} for w in words]}
        temporary = path.with_suffix(".part")
        temporary.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        temporary.replace(path)
    except OSError:
        pass  # a cache: reading the page again later is the only cost
