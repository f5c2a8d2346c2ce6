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
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from reader.arabic.raw import Glyph, RawPage, glyph
from reader.errors import Cancelled, QariError
from reader.paths import cache_dir

DPI = 300
LANGUAGES = "ara"
ENGINE_VERSION = "tesseract-tsv/2"  # part of the cache key: bump when recognition changes


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


def check() -> None:
    """Raise ``OcrError`` saying what is missing, if anything."""
    program = tesseract()
    if program is None:
        raise OcrError(OcrErrorCode.NOT_INSTALLED)
    try:
        listed = subprocess.run([program, "--list-langs"], capture_output=True, text=True,
                                timeout=20)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise OcrError(OcrErrorCode.NOT_INSTALLED, str(exc)) from exc
    languages = set(listed.stdout.split()) | set(listed.stderr.split())
    if "ara" not in languages:
        raise OcrError(OcrErrorCode.NO_ARABIC)


def available() -> bool:
    try:
        check()
    except OcrError:
        return False
    return True


def recognize(png: bytes, cancelled: Callable[[], bool] = lambda: False,
              languages: str = LANGUAGES, timeout: float = 120.0) -> list[OcrWord]:
    """The words Tesseract reads on a page image (PNG), in its reading order.

    One OCR thread per page: with OpenMP's several threads per page, two cores spend more
    time coordinating than reading (7× slower here)."""
    program = tesseract()
    if program is None:
        raise OcrError(OcrErrorCode.NOT_INSTALLED)
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    process = subprocess.Popen([program, "stdin", "stdout", "-l", languages, "--psm", "3",
                                "tsv"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, env=env)
    deadline = time.monotonic() + timeout
    try:
        assert process.stdin is not None
        process.stdin.write(png)
        process.stdin.close()
        while process.poll() is None:
            if cancelled():
                raise Cancelled()
            if time.monotonic() > deadline:
                raise OcrError(OcrErrorCode.FAILED, "Tesseract took too long")
            time.sleep(0.02)
        out = process.stdout.read() if process.stdout else b""
        err = process.stderr.read() if process.stderr else b""
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
        word = (row.get("text") or "").strip()
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
    for line_words in by_line.values():
        # One size and baseline for a line: Tesseract's word boxes follow each word's ink.
        bottoms = sorted(w.box[3] for w in line_words)
        heights = sorted(w.box[3] - w.box[1] for w in line_words)
        baseline = bottoms[len(bottoms) // 2] * scale
        size = max(4.0, heights[len(heights) // 2] * scale * 0.85)
        for word in line_words:
            text = unicodedata.normalize("NFC", word.text)
            units = _units(text)
            if not units:
                continue
            x0, _, x1, _ = (v * scale for v in word.box)
            step = (x1 - x0) / len(units)
            rtl = any(unicodedata.bidirectional(c) in ("R", "AL") for c in text)
            for i, unit in enumerate(units):
                left = x1 - (i + 1) * step if rtl else x0 + i * step
                box = (left, baseline - size, left + step, baseline + 0.25 * size)
                glyphs.append(glyph(unit, box, baseline, size))
    return RawPage(index, width, height, tuple(glyphs), (), 1)


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
        data = {"engine": ENGINE_VERSION, "dpi": DPI, "languages": LANGUAGES,
                "words": [{"text": w.text, "box": list(w.box), "block": w.block,
                           "line": w.line, "conf": w.confidence} for w in words]}
        temporary = path.with_suffix(".part")
        temporary.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        temporary.replace(path)
    except OSError:
        pass  # a cache: reading the page again later is the only cost
