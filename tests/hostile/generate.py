"""Hostile inputs for every command: broken, lying, cyclic, huge, special and junk files.

    python -m tests.hostile.generate DIR     writes them all into DIR (and lists them)

Each input is made here, from nothing but the sample report and hand-written bytes, so the
set is the same on every machine. ``QUICK`` names the subset CI runs.
"""

from __future__ import annotations

import json
import os
import sys
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import pymupdf

from reader.resources import sample_report

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "tests" / "fixtures" / "translate-ar_en-tiny.argosmodel"


def pdf(objects: list[str | bytes], root: int = 1, xref: bool = True, extra: bytes = b"") -> bytes:
    """A hand-written PDF; objects numbered from 1, with a correct cross-reference table
    unless ``xref`` is False."""
    out = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        data = body if isinstance(body, bytes) else body.encode("latin-1")
        out += f"{number} 0 obj\n".encode() + data + b"\nendobj\n"
    start = len(out)
    if xref:
        out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
        out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += (f"trailer\n<< /Size {len(objects) + 1} /Root {root} 0 R >>\nstartxref\n{start}\n"
            "%%EOF\n").encode()
    return out + extra


def stream(data: bytes, extra: str = "") -> bytes:
    return f"<< /Length {len(data)} {extra}>>\nstream\n".encode() + data + b"\nendstream"


FONT = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def page(contents: str = "4 0 R", resources: str = "<< /Font << /F1 5 0 R >> >>",
         box: str = "[0 0 595 842]") -> str:
    return (f"<< /Type /Page /Parent 2 0 R /MediaBox {box} /Contents {contents} "
            f"/Resources {resources} >>")


def one_page(content: bytes, box: str = "[0 0 595 842]", font: str = FONT) -> bytes:
    return pdf(["<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", page(box=box), stream(content),
                font])


HELLO = b"BT /F1 24 Tf 72 720 Td (Hello) Tj ET"


def _sample() -> bytes:
    return sample_report().read_bytes()


def _flate_bomb() -> bytes:
    """A content stream that inflates from ~1 MB to 1 GiB of spaces."""
    squeezer = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    data = b"".join(squeezer.compress(chunk) for _ in range(1024)) + squeezer.flush()
    return one_page(b"", font=FONT).replace(
        stream(b""), stream(data, "/Filter /FlateDecode "))


def _many_glyphs() -> bytes:
    """100,000 glyphs on one page, in rows that start with spaces."""
    rows = []
    for row in range(400):
        # Spaces first, then a gap wider than a column gutter: the repair's gutter test
        # once started from minus infinity here and never ended.
        text = "Hello world " * 10
        rows.append(f"BT /F1 2 Tf 10 {830 - row * 2} Td [(    {text}) -4000 ({text})] TJ ET")
    return one_page("\n".join(rows).encode())


def _nested_arrays() -> bytes:
    return one_page(b"[" * 100_000 + b"]" * 100_000 + b" " + HELLO)


def _deep_structure() -> bytes:
    """A tagged page whose structure tree nests 100,000 elements (MuPDF's structure pass
    takes time with the square of the depth)."""
    depth = 100_000
    first = 6  # objects 1-5: catalog, pages, page, contents, font
    elements = [f"<< /Type /StructElem /S /Div /P {first + i - 1 if i else first + depth} 0 R "
                f"/Pg 3 0 R /K {f'{first + i + 1} 0 R' if i + 1 < depth else '0'} >>"
                for i in range(depth)]
    root = first + depth
    return pdf([f"<< /Type /Catalog /Pages 2 0 R /StructTreeRoot {root} 0 R "
                "/MarkInfo << /Marked true >> >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                "/Resources << /Font << /F1 5 0 R >> >> /StructParents 0 >>",
                stream(b"/P << /MCID 0 >> BDC " + HELLO + b" EMC"), FONT, *elements,
                f"<< /Type /StructTreeRoot /K {first} 0 R "
                f"/ParentTree << /Nums [0 [{first + depth - 1} 0 R]] >> >>"])


def _junk_font() -> bytes:
    junk = bytes(range(256)) * 64
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               page(), stream(HELLO),
               "<< /Type /Font /Subtype /TrueType /BaseFont /Junk /FirstChar 32 /LastChar 126 "
               "/FontDescriptor 6 0 R >>",
               "<< /Type /FontDescriptor /FontName /Junk /Flags 32 /FontBBox [0 0 1000 1000] "
               "/ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 "
               "/FontFile2 7 0 R >>", stream(junk, f"/Length1 {len(junk)} ")]
    return pdf(objects)


def _sample_variant(change: Callable[[pymupdf.Document], None]) -> Callable[[], bytes]:
    def make() -> bytes:
        doc = pymupdf.open(sample_report())
        change(doc)
        return doc.tobytes()
    return make


def _annotated_hostile(doc: pymupdf.Document) -> None:
    """Annotations with absurd rectangles, empty contents, huge comments."""
    first = doc[0]
    first.add_highlight_annot(pymupdf.Rect(-1e6, -1e6, 1e6, 1e6))
    first.add_text_annot((1e5, -1e5), "x" * 100_000)
    first.add_underline_annot(pymupdf.Rect(300, 300, 300.01, 300.01))


def _zip(entries: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _model_entries(change: Callable[[str, bytes], tuple[str, bytes] | None]) -> bytes:
    entries = {}
    with zipfile.ZipFile(MODEL) as source:
        for info in source.infolist():
            result = change(info.filename, source.read(info))
            if result is not None:
                entries[result[0]] = result[1]
    return _zip(entries)


def _zip_bomb() -> bytes:
    def change(name: str, data: bytes) -> tuple[str, bytes]:
        return name, (b"\0" * (256 << 20) if name.endswith("README.md") else data)
    return _model_entries(change)


def _patched_zip(offsets: tuple[int, int], value: int) -> bytes:
    data = bytearray(_model_entries(lambda n, d: (n, d)))
    for signature, offset in zip((b"PK\x03\x04", b"PK\x01\x02"), offsets, strict=True):
        start = 0
        while (start := data.find(signature, start)) >= 0:
            data[start + offset:start + offset + 2] = value.to_bytes(2, "little")
            start += 4
    return bytes(data)


def _w3c(item: object) -> bytes:
    return json.dumps(item).encode()


NOTE = {"type": "Annotation", "body": {"type": "TextualBody", "value": "note"},
        "target": {"source": "x", "selector": [{"type": "PageSelector", "index": 0}]}}

# name -> (kind, maker). Kinds: pdf (a document), w3c (annotations to import), model (a
# translation package), special (made by ``special``).
INPUTS: dict[str, tuple[str, Callable[[], bytes]]] = {
    # -- PDFs ---------------------------------------------------------------------------
    "empty.pdf": ("pdf", lambda: b""),
    "not-a-pdf.pdf": ("pdf", lambda: b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8),
    "truncated.pdf": ("pdf", lambda: _sample()[: len(_sample()) // 3]),
    "header-only.pdf": ("pdf", lambda: b"%PDF-1.7\n%%EOF\n"),
    "noise-body.pdf": ("pdf", lambda: b"%PDF-1.7\n" + bytes(range(256)) * 40 + b"\n%%EOF\n"),
    "no-xref.pdf": ("pdf", lambda: pdf(["<< /Type /Catalog /Pages 2 0 R >>",
                                        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", page(),
                                        stream(HELLO), FONT], xref=False)),
    "lying-count-huge.pdf": ("pdf", lambda: pdf([
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1000000000 >>", page(), stream(HELLO), FONT])),
    "lying-count-large.pdf": ("pdf", lambda: pdf([
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 99999 >>", page(), stream(HELLO), FONT])),
    "lying-count-small.pdf": ("pdf", lambda: pdf([
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R 3 0 R 3 0 R] /Count 1 >>", page(), stream(HELLO), FONT])),
    "cyclic-page-tree.pdf": ("pdf", lambda: pdf([
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R 6 0 R 3 0 R] /Count 3 >>", page(), stream(HELLO), FONT,
        "<< /Type /Pages /Kids [6 0 R] /Count 1 /Parent 2 0 R >>"])),
    "self-parent.pdf": ("pdf", lambda: pdf([
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [2 0 R] /Count 1 >>"])),
    "zero-pages.pdf": ("pdf", lambda: pdf(["<< /Type /Catalog /Pages 2 0 R >>",
                                           "<< /Type /Pages /Kids [] /Count 0 >>"])),
    "nan-matrix.pdf": ("pdf", lambda: one_page(
        b"BT /F1 24 Tf 1e30 0 0 1e30 0 0 Tm (Hello) Tj ET BT /F1 12 Tf nan 0 0 nan 5 5 Tm (x) Tj "
        b"ET " + HELLO)),
    "huge-mediabox.pdf": ("pdf", lambda: one_page(HELLO, box="[0 0 1e30 1e30]")),
    "zero-mediabox.pdf": ("pdf", lambda: one_page(HELLO, box="[0 0 0 0]")),
    "many-glyphs.pdf": ("pdf", _many_glyphs),
    "nested-arrays.pdf": ("pdf", _nested_arrays),
    "flate-bomb.pdf": ("pdf", _flate_bomb),
    "junk-font.pdf": ("pdf", _junk_font),
    "deep-structure.pdf": ("pdf", _deep_structure),
    "trailing-junk.pdf": ("pdf", lambda: _sample() + b"\0" * 10_000),
    "leading-junk.pdf": ("pdf", lambda: b"JUNK" * 100 + _sample()),
    "encrypted.pdf": ("pdf", _sample_variant(lambda d: None)),  # replaced in ``write``
    "hostile-annotations.pdf": ("pdf", _sample_variant(_annotated_hostile)),
    "script-text.pdf": ("pdf", lambda: one_page(
        b"BT /F1 12 Tf 72 720 Td (<script>alert\\(1\\)</script> [x]\\(javascript:alert\\(1\\)\\))"
        b" Tj ET")),
    # -- W3C annotation files -----------------------------------------------------------
    "short-point.json": ("w3c", lambda: _w3c({**NOTE, "qari": {"kind": "sticky",
                                                               "point": [1]}})),
    "infinity.json": ("w3c", lambda: b'{"type": "Annotation", "qari": {"kind": "sticky", '
                                     b'"point": [Infinity, NaN]}, "target": {"selector": '
                                     b'[{"type": "PageSelector", "index": 0}]}}'),
    "deep.json": ("w3c", lambda: b"[" * 100_000 + b"]" * 100_000),
    "huge-numbers.json": ("w3c", lambda: _w3c({**NOTE, "target": {"selector": [
        {"type": "PageSelector", "index": 10**40},
        {"type": "TextPositionSelector", "start": -5, "end": 10**30}]}})),
    "wrong-types.json": ("w3c", lambda: _w3c([1, "x", None, [], {"target": 5},
                                              {"target": {"selector": "x"}}])),
    "same-id-5000.json": ("w3c", lambda: _w3c([{**NOTE, "id": "urn:uuid:" + "a" * 32}] * 5000)),
    "bom-utf16.json": ("w3c", lambda: json.dumps(NOTE).encode("utf-16")),
    "not-utf8.json": ("w3c", lambda: b'{"type": "Annotation", "body": "\xff\xfe\xfa"}'),
    "not-json.json": ("w3c", lambda: b"<xml>no</xml>"),
    "big-comment.json": ("w3c", lambda: _w3c({**NOTE, "body": "x" * (5 << 20)})),
    # -- translation packages -------------------------------------------------------------
    "not-a-zip.argosmodel": ("model", lambda: b"PK\x03\x04 not really"),
    "empty.argosmodel": ("model", lambda: _zip({})),
    "zip-bomb.argosmodel": ("model", _zip_bomb),
    "broken-model.argosmodel": ("model", lambda: _model_entries(
        lambda n, d: (n, b"garbage" if n.endswith("model.bin") else d))),
    "traversal.argosmodel": ("model", lambda: _model_entries(
        lambda n, d: (n.replace("tiny/README.md", "tiny/../../evil.md"), d))),
    "encrypted-entry.argosmodel": ("model", lambda: _patched_zip((6, 8), 1)),
    "unknown-method.argosmodel": ("model", lambda: _patched_zip((8, 10), 99)),
    "bad-metadata.argosmodel": ("model", lambda: _model_entries(
        lambda n, d: (n, b"[1, 2" if n.endswith("metadata.json") else d))),
}
SPECIAL = ("fifo", "dev-zero", "folder", "symlink-loop", "missing")

# The subset CI runs: one of each family, the ones that hung or lost data before.
QUICK = ("truncated.pdf", "lying-count-huge.pdf", "cyclic-page-tree.pdf", "nan-matrix.pdf",
         "deep-structure.pdf",
         "many-glyphs.pdf", "script-text.pdf", "trailing-junk.pdf", "short-point.json",
         "deep.json", "same-id-5000.json", "broken-model.argosmodel",
         "encrypted-entry.argosmodel", "fifo", "dev-zero", "folder")


def special(folder: Path, name: str) -> Path:
    path = folder / f"special-{name}"
    if name == "fifo" and not path.exists():
        os.mkfifo(path)
    elif name == "dev-zero":
        return Path("/dev/zero")
    elif name == "folder":
        path.mkdir(exist_ok=True)
    elif name == "symlink-loop" and not path.is_symlink():
        path.symlink_to(path)
    return path


def write(folder: Path, names: tuple[str, ...] | None = None) -> dict[str, tuple[str, Path]]:
    """Write the inputs (all, or ``names``) into ``folder``: name -> (kind, path)."""
    folder.mkdir(parents=True, exist_ok=True)
    out: dict[str, tuple[str, Path]] = {}
    for name, (kind, make) in INPUTS.items():
        if names is not None and name not in names:
            continue
        path = folder / name
        if not path.exists():
            if name == "encrypted.pdf":
                pymupdf.open(sample_report()).save(
                    path, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="secret")
            else:
                path.write_bytes(make())
        out[name] = (kind, path)
    for name in SPECIAL:
        if names is None or name in names:
            out[name] = ("special", special(folder, name))
    return out


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "hostile-inputs")
    for name, (kind, path) in write(target).items():
        print(f"{kind:8} {name:32} {path}")
