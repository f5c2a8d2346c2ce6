"""OCR: Tesseract's words become the same page model as a text layer (tests make their own
scans of the sample report)."""

from __future__ import annotations

import shutil

import pymupdf
import pytest

from reader import ocr
from reader.arabic.repair import repair_page
from reader.cli import main
from reader.session import DocumentSession

needs_tesseract = pytest.mark.skipif(not ocr.available(),
                                     reason="Tesseract with Arabic data (.ci/run installs it)")

TSV = """level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\t\
conf\ttext
1\t1\t0\t0\t0\t0\t0\t0\t2480\t3509\t-1\t
5\t1\t1\t1\t1\t1\t1500\t300\t200\t60\t95.0\tمياه
5\t1\t1\t1\t1\t2\t1300\t300\t180\t60\t94.0\tالشرب
5\t1\t1\t1\t1\t3\t1150\t300\t120\t60\t93.0\t2025
5\t1\t1\t1\t2\t1\t1400\t400\t300\t60\t90.0\tفي القرى
"""


def test_words_become_glyphs_that_read_back_in_logical_order():
    words = ocr.parse_tsv(TSV)
    assert [w.text for w in words] == ["مياه", "الشرب", "2025", "في القرى"]
    assert words[0].line == words[2].line != words[3].line
    raw = ocr.raw_page_from_words(words, 0, 595.0, 842.0)
    first = next(g for g in raw.glyphs if g.char == "م")
    last = next(g for g in raw.glyphs if g.char == "ه")
    assert first.box[0] > last.box[0]  # Arabic: the first letter is drawn at the right
    digits = [g for g in raw.glyphs if g.char.isdigit()]
    assert digits[0].box[0] < digits[-1].box[0]  # numbers: left to right
    text = repair_page(raw).text
    # The two lines stand as close as a paragraph's: one paragraph, in reading order.
    assert text.splitlines()[0] == "مياه الشرب 2025 في القرى"


def scan(path, pages=(0,), dpi=250):
    """An image-only copy of sample pages: what a scanner gives."""
    from reader.resources import sample_report

    source = pymupdf.open(sample_report())
    out = pymupdf.open()
    for number in pages:
        page = source[number]
        image = out.new_page(width=page.rect.width, height=page.rect.height)
        image.insert_image(image.rect, pixmap=page.get_pixmap(dpi=dpi))
    out.save(path)
    return path


@needs_tesseract
def test_a_scanned_page_gets_its_text_with_boxes_and_is_read_once(tmp_path, monkeypatch):
    from reader.resources import sample_report

    session = DocumentSession.open(scan(tmp_path / "scan.pdf", dpi=300))
    assert session.page_model(0).quality.unusable and session.page_model(0).text == ""
    model = session.ocr_page(0)
    assert model.quality.ocr and not model.quality.unusable
    for phrase in ("الوصول إلى مياه الشرب", "الصهاريج المتنقلة"):
        assert phrase in model.text
    # Most words of the page (as its text layer has them) are read, in reading order.
    typed = DocumentSession.open(sample_report()).page_model(0).text.split()
    read = set(model.text.split())
    assert sum(w in read for w in typed) > 0.8 * len(typed)
    assert model.text.index("الوصول") < model.text.index("الصهاريج")
    boxes = model.char_boxes()
    assert len(boxes) == len(model.text)
    assert sum(b is not None for b in boxes) > 0.8 * len(model.text.replace(" ", ""))
    assert session.page_model(0) is model
    # Read once: a new session finds the words in the cache and does not run Tesseract.
    monkeypatch.setattr(ocr, "recognize", lambda *_a, **_k: pytest.fail("ran Tesseract"))
    again = DocumentSession.open(tmp_path / "scan.pdf").ocr_page(0)
    assert again.text == model.text


@needs_tesseract
def test_extract_reads_scans_automatically_or_when_told(tmp_path, capsys):
    pdf = scan(tmp_path / "scan.pdf")
    assert main(["extract", str(pdf)]) == 0  # --ocr auto
    assert "مياه الشرب" in capsys.readouterr().out
    assert main(["extract", str(pdf), "--ocr", "never"]) == 0
    assert capsys.readouterr().out.strip() == ""


def test_without_tesseract_auto_warns_and_always_fails_with_one_line(tmp_path, capsys,
                                                                     monkeypatch):
    pdf = tmp_path / "scan.pdf"
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_image(page.rect, pixmap=pymupdf.Pixmap(pymupdf.csRGB, (0, 0, 20, 20), False))
    doc.save(pdf)
    monkeypatch.setattr(shutil, "which", lambda _name: None)
    assert main(["extract", str(pdf)]) == 0
    assert "apt install tesseract-ocr tesseract-ocr-ara" in capsys.readouterr().err
    assert main(["extract", str(pdf), "--ocr", "always"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Tesseract OCR is not installed" in err


@needs_tesseract
def test_the_bundled_arabic_model_is_used_beside_the_systems_english(tmp_path, monkeypatch):
    monkeypatch.setenv("QARI_DATA_DIR", str(tmp_path / "data"))
    found = ocr.models()
    assert found.folder is not None and "ara" in found.languages
    assert (found.folder / "ara.traineddata").resolve() == ocr.bundled_model().resolve()
    if "eng" in found.languages:  # Latin words come from the system's English model
        assert (found.folder / "eng.traineddata").resolve() != ocr.bundled_model().resolve()
    # Without the bundled file, the system's Arabic model; without either, a clear error.
    monkeypatch.setattr(ocr, "bundled_model", lambda: tmp_path / "missing.traineddata")
    monkeypatch.setenv("QARI_DATA_DIR", str(tmp_path / "other"))
    system = ocr.models()
    assert system.folder is None and "ara" in system.languages
    monkeypatch.setenv("QARI_DATA_DIR", str(tmp_path / "third"))
    real_run = ocr.subprocess.run

    def no_arabic(command, **kwargs):
        result = real_run(command, **kwargs)
        result.stdout = "\n".join(line for line in result.stdout.splitlines()
                                  if line.strip() != "ara")
        return result

    monkeypatch.setattr(ocr.subprocess, "run", no_arabic)
    with pytest.raises(ocr.OcrError) as error:
        ocr.check()
    assert error.value.code is ocr.OcrErrorCode.NO_ARABIC
    assert "tesseract-ocr-ara" in str(error.value)


def test_numbers_and_their_punctuation_read_back_as_written_on_arabic_lines():
    # The Arabic model gives words in logical order ("14." and "1)"), the English model
    # Latin words as it sees them ("(al-Hol"): each must come back as the author wrote it.
    def row(word, left, width, line=1):
        top = 300 + 100 * line
        return f"5\t1\t1\t1\t{line}\t1\t{left}\t{top}\t{width}\t60\t95.0\t{word}\n"

    tsv = TSV.split("\n", 1)[0] + "\n" + "".join([
        row("انظر", 1900, 150), row("ص", 1840, 40), row("14.", 1720, 100),
        row("(رقم", 1550, 150), row("1)", 1480, 50),
        row("يضم", 1930, 120, 2), row("(WHO)", 1730, 180, 2), row("و40", 1590, 120, 2)])
    raw = ocr.raw_page_from_words(ocr.parse_tsv(tsv), 0, 595.0, 842.0)
    assert repair_page(raw).text.split("\n")[0] == "انظر ص 14. (رقم 1) يضم (WHO) و40"


@needs_tesseract
def test_the_lines_of_a_scanned_paragraph_join_into_one(tmp_path):
    """Issue 15: OCR text kept one line per paragraph, so sentences reaching translation
    were line fragments. The sample's first page scanned: its executive summary's lines
    form paragraphs of several lines, as in the text layer."""
    from reader.session import DocumentSession

    session = DocumentSession.open(scan(tmp_path / "scan.pdf"))
    model = session.ocr_page(0)
    assert max(len(b.lines) for b in model.body) >= 3
    assert sum(len(b.lines) > 1 for b in model.body) >= 2


def test_a_dense_page_whose_tsv_outgrows_the_pipe(tmp_path, monkeypatch):
    """Issue 11: Tesseract was polled without its pipes read; a TSV over 64 KiB made it
    wait for Qari while Qari waited for it (then failed after two minutes)."""
    fake = tmp_path / "tesseract"
    row = "5\t1\t1\t1\t1\t1\t10\t10\t20\t20\t96\tكلمة"
    fake.write_text("#!/bin/sh\ncat > /dev/null\n"
                    "printf 'level\\tpage_num\\tblock_num\\tpar_num\\tline_num\\tword_num\\t"
                    "left\\ttop\\twidth\\theight\\tconf\\ttext\\n'\n"
                    f"i=0; while [ $i -lt 8000 ]; do printf '{row}\\n'; i=$((i+1)); done\n"
                    "echo 'warning: noise on stderr' >&2\n")
    fake.chmod(0o755)
    monkeypatch.setattr(ocr, "models",
                        lambda: ocr.Models(str(fake), None, frozenset({"ara"})))
    # The old loop failed here with "Tesseract took too long".
    words = ocr._run(b"P5 1 1 255 \0", "ara", lambda: False, timeout=30)
    assert len(words) == 8000 and words[0].text == "كلمة"


def test_the_model_link_left_by_a_removed_install_is_made_again(tmp_path):
    """Issue 16: an upgrade removes the older program, whose bundled model the cache's
    model folder linked to; the next OCR links the new program's model."""
    old = tmp_path / "old" / "ara.traineddata"
    old.parent.mkdir()
    old.write_bytes(b"old model")
    folder = ocr.cache_dir() / "tessdata"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "ara.traineddata").symlink_to(old)
    old.unlink()  # the older install is gone: the link dangles
    made = ocr._model_folder(None)
    assert made == folder
    assert (folder / "ara.traineddata").resolve() == ocr.bundled_model().resolve()
    assert (folder / "ara.traineddata").read_bytes()[:4] == ocr.bundled_model().read_bytes()[:4]
