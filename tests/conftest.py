"""Shared fixtures: an isolated data folder per test, offscreen Qt, sample and bad PDFs."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.resources import sample_report


def pytest_configure(config: pytest.Config) -> None:
    # Tests never need a screen; `QT_QPA_PLATFORM=xcb pytest` still shows the windows.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own QARI_DATA_DIR (settings, caches, models)."""
    folder = tmp_path_factory.mktemp("qari-data")
    monkeypatch.setenv("QARI_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def sample_pdf() -> Path:
    path = sample_report()
    assert path.exists(), "run scripts/build_sample.py"
    return path


def minimal_pdf(objects: list[str]) -> bytes:
    """A hand-written PDF with a correct cross-reference table."""
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n"
            "%%EOF\n").encode()
    return out


@pytest.fixture
def bad_files(tmp_path: Path, sample_pdf: Path) -> dict[str, Path]:
    """One file for each kind of bad input the reader must explain."""
    import pymupdf

    files = {
        "missing": tmp_path / "does-not-exist.pdf",
        "empty": tmp_path / "empty.pdf",
        "not_pdf": tmp_path / "holiday-photo.pdf",
        "truncated": tmp_path / "truncated.pdf",
        "zero_pages": tmp_path / "zero-pages.pdf",
        "encrypted": tmp_path / "protected.pdf",
        "folder": tmp_path / "folder.pdf",
        "corrupt": tmp_path / "corrupt.pdf",
    }
    files["empty"].write_bytes(b"")
    files["not_pdf"].write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    data = sample_pdf.read_bytes()
    files["truncated"].write_bytes(data[: len(data) // 3])
    # Complete on the outside (header, %%EOF) but the body is noise: nothing to rebuild.
    files["corrupt"].write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40 + b"\n%%EOF\n")
    files["zero_pages"].write_bytes(minimal_pdf(["<< /Type /Catalog /Pages 2 0 R >>",
                                                 "<< /Type /Pages /Kids [] /Count 0 >>"]))
    doc = pymupdf.open(sample_pdf)
    doc.save(files["encrypted"], encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="sesame",
             owner_pw="owner-secret")
    files["folder"].mkdir()
    return files
