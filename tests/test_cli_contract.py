"""The command line's contract on bad input (issue 11): one line on stderr, exit code 2,
nothing already saved touched; and exports that never leave half a file."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pymupdf
import pytest
from markdown_it import MarkdownIt

from reader import cli
from reader.cli import main
from tests.conftest import minimal_pdf

PAGE = ("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>")
CONTENT = "BT /F1 24 Tf 72 720 Td (Hello) Tj ET"
STREAM = f"<< /Length {len(CONTENT)} >>\nstream\n{CONTENT}\nendstream"
FONT = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def one_error_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = [line for line in capsys.readouterr().err.splitlines()
           if not line.startswith("##")]
    assert len(err) == 1, err
    assert err[0].startswith("qari: ") and "Traceback" not in err[0]
    return err[0]


@pytest.fixture
def one_bad_page(tmp_path: Path) -> Path:
    """Three pages; the second is a page-tree node that points back at itself."""
    path = tmp_path / "one-bad-page.pdf"
    path.write_bytes(minimal_pdf([
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R 6 0 R 3 0 R] /Count 3 >>", PAGE, STREAM, FONT,
        "<< /Type /Pages /Kids [6 0 R] /Count 1 /Parent 2 0 R >>"]))
    return path


def test_one_unreadable_page_leaves_the_others_readable(one_bad_page, capsys):
    assert main(["extract", str(one_bad_page)]) == 0
    captured = capsys.readouterr()
    assert captured.out.split("\f") == ["Hello", "", "Hello\n"]
    assert "page 2 could not be read" in captured.err
    assert main(["extract", str(one_bad_page), "--pages", "1"]) == 0
    assert capsys.readouterr().out == "Hello\n"
    assert main(["extract", str(one_bad_page), "--pages", "2"]) == 2
    assert "cycle in page tree" in one_error_line(capsys)


def test_the_session_samples_running_heads_past_a_bad_page(one_bad_page):
    from reader.session import DocumentSession

    session = DocumentSession.open(one_bad_page)
    assert session.running_lines() == frozenset()
    assert session.page_model(2).text == "Hello"


def test_a_lying_page_count_is_one_line(tmp_path, capsys):
    path = tmp_path / "lying.pdf"
    path.write_bytes(minimal_pdf(["<< /Type /Catalog /Pages 2 0 R >>",
                                  "<< /Type /Pages /Kids [3 0 R] /Count 1000000000 >>",
                                  PAGE, STREAM, FONT]))
    for command in (["extract", str(path)], ["export", str(path)],
                    ["annotations", "export", str(path), "-o", str(tmp_path / "x.json")]):
        assert main(command) == 2
        assert "damaged" in one_error_line(capsys)


def test_trailing_bytes_after_eof_are_no_truncation(sample_pdf, tmp_path, capsys):
    path = tmp_path / "trailing.pdf"
    path.write_bytes(sample_pdf.read_bytes() + b"\0" * 5000)
    assert main(["extract", str(path), "--pages", "1"]) == 0
    assert "ملخص تنفيذي" in capsys.readouterr().out


def test_markdown_output_keeps_hostile_text_as_text(tmp_path, capsys):
    path = tmp_path / "hostile.pdf"
    doc = pymupdf.open()
    page = doc.new_page()
    lines = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
             "[click](javascript:alert(1))", "# not a heading", "1. not a list",
             "&lt;b&gt; *stars* `code`"]
    for i, line in enumerate(lines):
        page.insert_text((72, 100 + 40 * i), line, fontsize=12)
    doc.save(path)
    assert main(["extract", str(path), "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    tokens = MarkdownIt("commonmark").parse(out)
    kinds = {t.type for t in tokens} | {c.type for t in tokens for c in t.children or []}
    assert not kinds & {"html_block", "html_inline", "link_open", "image", "heading_open",
                        "ordered_list_open", "code_inline", "em_open"}
    rendered = MarkdownIt("commonmark").render(out)
    assert "&lt;script&gt;" in rendered and "javascript:" in rendered  # shown, not live
    assert "&amp;lt;b&amp;gt;" in rendered


@pytest.mark.parametrize("target", ["missing-folder/out.md", "a-folder", "/proc/version"])
def test_an_output_path_that_cannot_be_written(sample_pdf, tmp_path, target, capsys):
    (tmp_path / "a-folder").mkdir()
    out = tmp_path / target if not target.startswith("/") else Path(target)
    assert main(["export", str(sample_pdf), "-o", str(out)]) == 2
    one_error_line(capsys)
    assert (tmp_path / "a-folder").is_dir()


def test_a_failed_pdf_export_keeps_the_previous_copy(sample_pdf, tmp_path, capsys,
                                                     monkeypatch):
    target = tmp_path / "annotated.pdf"
    assert main(["annotations", "export", str(sample_pdf), "--format", "pdf",
                 "-o", str(target)]) == 0
    before = target.read_bytes()

    def broken_save(self, *args, **kwargs):
        Path(args[0]).write_bytes(b"%PDF-1.7 half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pymupdf.Document, "save", broken_save)
    capsys.readouterr()
    assert main(["annotations", "export", str(sample_pdf), "--format", "pdf",
                 "-o", str(target)]) == 2
    assert "No space left" in one_error_line(capsys)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["annotated.pdf"]


def test_an_empty_folder_at_the_target_is_left_alone(sample_pdf, tmp_path, capsys):
    folder = tmp_path / "annotated.pdf"
    folder.mkdir()
    assert main(["annotations", "export", str(sample_pdf), "--format", "pdf",
                 "-o", str(folder)]) == 2
    one_error_line(capsys)
    assert folder.is_dir()


def test_a_data_folder_that_is_a_file(sample_pdf, tmp_path, monkeypatch, capsys):
    blocker = tmp_path / "data"
    blocker.write_text("not a folder")
    monkeypatch.setenv("QARI_DATA_DIR", str(blocker))
    assert main(["export", str(sample_pdf)]) == 2
    assert "is a file" in one_error_line(capsys)
    assert blocker.read_text() == "not a folder"


W3C_JUNK = {
    "short point": json.dumps({"type": "Annotation", "qari": {"kind": "sticky", "point": [1]},
                               "target": {"selector": [{"type": "PageSelector",
                                                        "index": 0}]}}),
    "infinity": '{"type": "Annotation", "qari": {"kind": "sticky", "point": [Infinity, 1]},'
                ' "target": {"selector": [{"type": "PageSelector", "index": 0}]}}',
    "deep": "[" * 100_000 + "]" * 100_000,
    "huge page": json.dumps({"type": "Annotation", "target": {"selector": [
        {"type": "PageSelector", "index": 10**30},
        {"type": "TextQuoteSelector", "exact": "x"}]}}),
}


@pytest.mark.parametrize("name", sorted(W3C_JUNK))
def test_junk_w3c_is_one_line_and_saves_nothing(sample_pdf, tmp_path, name, capsys):
    source = tmp_path / "junk.json"
    source.write_text(W3C_JUNK[name])
    code = main(["annotations", "import", str(sample_pdf), str(source)])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    assert code == 2 or "imported 0 annotations" in captured.out


@pytest.mark.parametrize("special", ["/dev/zero", "fifo", "folder"])
def test_special_files_as_the_source(sample_pdf, tmp_path, special, capsys):
    if special == "fifo":
        path = tmp_path / "notes.json"
        os.mkfifo(path)
    elif special == "folder":
        path = tmp_path / "notes.json"
        path.mkdir()
    else:
        path = Path(special)
    assert main(["annotations", "import", str(sample_pdf), str(path)]) == 2
    one_error_line(capsys)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-le", "utf-32"])
def test_w3c_in_any_json_encoding(sample_pdf, tmp_path, encoding, capsys):
    source = tmp_path / "notes.json"
    note = {"type": "Annotation", "body": {"type": "TextualBody", "value": "ملاحظة"},
            "target": {"source": "x"}}
    source.write_bytes(json.dumps(note, ensure_ascii=False).encode(encoding))
    assert main(["annotations", "import", str(sample_pdf), str(source)]) == 0
    assert "imported 1 annotation (" in capsys.readouterr().out


def test_the_last_resort_handler_gives_one_line(sample_pdf, monkeypatch, capsys):
    def slip(_args):
        raise RuntimeError("a bug nobody foresaw\nwith two lines")

    monkeypatch.setattr(cli, "_extract", slip)
    assert main(["extract", str(sample_pdf)]) == 2
    line = one_error_line(capsys)
    assert "internal error" in line and "RuntimeError" in line


def _slow_page_pdf(path: Path) -> Path:
    """Page 1 says Hello; page 2's content stream inflates to 256 MiB of spaces (MuPDF
    spends seconds on it)."""
    import zlib

    squeezer = zlib.compressobj(9)
    bomb = b"".join(squeezer.compress(b" " * (1 << 20)) for _ in range(256)) + squeezer.flush()
    slow = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(bomb) + bomb + (
        b"\nendstream")
    pdf = minimal_pdf(["<< /Type /Catalog /Pages 2 0 R >>",
                       "<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 2 >>", PAGE, STREAM, FONT,
                       PAGE.replace("4 0 R", "7 0 R"), "7 0 R"])  # object 7 replaced below
    pdf = pdf.replace(b"7 0 obj\n7 0 R\nendobj", b"7 0 obj\n" + slow + b"\nendobj")
    path.write_bytes(pdf)  # offsets after object 7 are off: MuPDF repairs the table
    return path


def test_a_page_over_the_time_budget_is_left_out(tmp_path, capsys):
    """Defence in depth (issue 12): a page MuPDF takes too long over is abandoned in the
    child process that reads it; the other pages are read."""
    path = _slow_page_pdf(tmp_path / "slow.pdf")
    assert main(["extract", str(path), "--page-seconds", "0.5"]) == 0
    captured = capsys.readouterr()
    assert captured.out.split("\f") == ["Hello", "\n"]
    assert "page 2 could not be read (it took longer than 0.5 s)" in captured.err


def test_the_window_session_abandons_a_slow_page_and_goes_on(tmp_path):
    from reader.errors import DocumentError
    from reader.pdf import RenderService
    from reader.session import DocumentSession

    session = DocumentSession.open(_slow_page_pdf(tmp_path / "slow.pdf"))
    session.render_service = RenderService(page_seconds=0.5)  # as the window makes it
    try:
        assert session.page_model(0).text == "Hello"
        with pytest.raises(DocumentError, match="took longer"):
            session.page_model(1)
        assert session.page_model(0).text == "Hello"  # a new child took over
        assert session.render(0, 1.0).width > 0
    finally:
        session.render_service.close()
