from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main

ROOT = Path(__file__).resolve().parent.parent


def test_extract_text_separates_pages_with_form_feeds(sample_pdf, capsys):
    assert main(["extract", str(sample_pdf), "--pages", "2-3"]) == 0
    out = capsys.readouterr().out
    pages = out.rstrip("\n").split("\f")
    assert len(pages) == 2
    assert "المنهجية" in pages[0]
    assert "النتائج الرئيسية" in pages[1]


def test_extract_json(sample_pdf, capsys):
    assert main(["extract", str(sample_pdf), "--pages", "1", "--format", "json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    [page] = payload["pages"]
    assert page["page"] == 1 and page["quality"]["unmapped"] == 0
    heading = next(b for b in page["blocks"] if b["text"] == "ملخص تنفيذي")
    assert heading["kind"] == "heading"
    [line] = heading["lines"]
    assert len(line["boxes"]) == len(line["text"])
    # Right to left: the first letter's box is right of the last one's.
    assert line["boxes"][0][0] > line["boxes"][-1][0]
    assert [n["text"][:2] for n in page["notes"]] == ["1 "]


def test_extract_markdown_and_visual(sample_pdf, capsys):
    assert main(["extract", str(sample_pdf), "--pages", "3", "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    assert "## 2. النتائج الرئيسية" in out
    assert "| أقل من 800 م | 9 | 812 | 71% | 46 |" in out
    assert main(["extract", str(sample_pdf), "--pages", "3", "--display", "visual"]) == 0
    visual = capsys.readouterr().out
    assert "ﺔﻴﺴﻴﺋﺮﻟﺍ" in visual  # reshaped forms, reversed for a left-to-right terminal


@pytest.mark.parametrize("kind", ["missing", "empty", "not_pdf", "truncated", "corrupt",
                                  "zero_pages", "encrypted", "folder"])
def test_bad_input_one_line_exit_2(bad_files, kind, capsys):
    assert main(["extract", str(bad_files[kind])]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and captured.err.startswith("qari: ")


def test_bad_page_range(sample_pdf, capsys):
    assert main(["extract", str(sample_pdf), "--pages", "99"]) == 2
    assert "outside" in capsys.readouterr().err


@pytest.mark.parametrize("args", [["extract", "{missing}"], ["{missing}"], ["{not_pdf}"]])
def test_main_py_bad_input_process(bad_files, args):
    """The real entry point, GUI or subcommand: one line on stderr, exit code 2."""
    argv = [a.format(**{k: str(v) for k, v in bad_files.items()}) for a in args]
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), *argv], capture_output=True,
                            text=True, timeout=60, cwd=ROOT)
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1


def _w3c_file(tmp_path: Path, phrase: str, page: int = 1) -> Path:
    item = {"type": "Annotation", "body": {"type": "TextualBody", "value": "مهم <b>!"},
            "target": {"selector": [{"type": "TextQuoteSelector", "exact": phrase},
                                    {"type": "FragmentSelector", "value": f"page={page}"}]}}
    path = tmp_path / "in.json"
    path.write_text(json.dumps([item], ensure_ascii=False), encoding="utf-8")
    return path


def test_annotations_import_export_and_the_markdown_summary(sample_pdf, tmp_path, capsys):
    source = _w3c_file(tmp_path, "مسح ميداني")
    assert main(["annotations", "import", str(sample_pdf), str(source)]) == 0
    assert "imported 1 annotation (" in capsys.readouterr().out
    assert main(["annotations", "export", str(sample_pdf), "--format", "w3c",
                 "-o", str(tmp_path / "out.json")]) == 0
    exported = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert exported["total"] == 1
    assert main(["annotations", "export", str(sample_pdf), "--format", "pdf",
                 "-o", str(tmp_path / "out.pdf")]) == 0
    assert (tmp_path / "out.pdf").read_bytes().startswith(b"%PDF")
    assert main(["export", str(sample_pdf), "-o", str(tmp_path / "notes.md"),
                 "--group", "colour", "--bilingual-pages", "2"]) == 0
    md = (tmp_path / "notes.md").read_text(encoding="utf-8")
    assert "مسح ميداني" in md and "## Yellow" in md and "## Full text, p. 2" in md
    assert "مهم &lt;b&gt;" not in md and "مهم \\<b>!" in md  # only what CommonMark reads


def test_annotations_import_of_junk_is_one_line_and_exit_2(sample_pdf, tmp_path, capsys):
    junk = tmp_path / "junk.json"
    junk.write_text("{ this is not json")
    assert main(["annotations", "import", str(sample_pdf), str(junk)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not JSON" in err
    assert main(["annotations", "import", str(sample_pdf), str(tmp_path / "missing.json")]) == 2
    assert main(["export", str(sample_pdf), "--bilingual-pages", "9"]) == 2


def test_translations_export_every_format_and_import_an_xliff(sample_pdf, tmp_path, capsys):
    """Issue 14: the translated report, TMX and XLIFF from the command line; an XLIFF
    edited elsewhere comes back; bad input is one line and exit 2, nothing written."""
    for fmt in ("docx", "odt", "html", "md", "tmx", "xlf"):
        out = tmp_path / f"report.{fmt}"
        assert main(["translations", "export", str(sample_pdf), "-o", str(out)]) == 0
        assert out.stat().st_size > (200 if fmt == "tmx" else 500)  # no English yet: no tu
        assert "segments: 89 new" in capsys.readouterr().out
    assert main(["translations", "export", str(sample_pdf), "-o", str(tmp_path / "b.docx"),
                 "--bilingual", "--status", "confirmed"]) == 0
    xlf = (tmp_path / "report.xlf").read_text(encoding="utf-8")
    first = xlf.index("</source>")
    edited = xlf[:first] + '</source><target state="translated">Mine.</target>' + xlf[
        first + len("</source>"):]
    (tmp_path / "edited.xlf").write_text(edited, encoding="utf-8")
    capsys.readouterr()
    assert main(["translations", "import", str(sample_pdf), str(tmp_path / "edited.xlf")]) == 0
    assert "imported 1 changed" in capsys.readouterr().out
    assert main(["translations", "export", str(sample_pdf), "-o", str(tmp_path / "r.md")]) == 0
    assert "Mine." in (tmp_path / "r.md").read_text(encoding="utf-8")
    # Junk in, or a file that cannot be written: one line, exit 2, nothing touched.
    (tmp_path / "junk.xlf").write_bytes(b"\x00\xffnot xml")
    capsys.readouterr()
    assert main(["translations", "import", str(sample_pdf), str(tmp_path / "junk.xlf")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("qari: ") and err.count("\n") == 1
    before = (tmp_path / "report.docx").read_bytes()
    blocked = tmp_path / "blocked"
    blocked.mkdir()
    assert main(["translations", "export", str(sample_pdf), "-o",
                 str(blocked / "missing" / "x.docx")]) == 2
    assert capsys.readouterr().err.count("\n") == 1
    assert (tmp_path / "report.docx").read_bytes() == before
    assert main(["translations", "export", str(sample_pdf), "-o",
                 str(tmp_path / "report.unknown")]) == 2
    assert "--format" in capsys.readouterr().err
    assert main(["translations", "memory", "-o", str(tmp_path / "memory.tmx")]) == 0
    assert "wrote 1 translation unit " in capsys.readouterr().out


def test_models_install_a_model_file_and_list_it(capsys):
    """Issue 16: an offline install puts a carried-over model in with the program
    (install.sh --with FILE.argosmodel uses this)."""
    fixture = ROOT / "tests" / "fixtures" / "translate-ar_en-tiny.argosmodel"
    assert main(["models", "list"]) == 0
    assert capsys.readouterr().out == ""
    assert main(["models", "install", str(fixture)]) == 0
    assert capsys.readouterr().out.startswith("installed ")
    assert main(["models", "list"]) == 0
    assert "ar" in capsys.readouterr().out


def test_models_install_refuses_a_file_that_is_no_model(tmp_path, capsys):
    junk = tmp_path / "junk.argosmodel"
    junk.write_bytes(b"not a zip")
    assert main(["models", "install", str(junk)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not a translation package" in err
    assert main(["models", "list"]) == 0 and capsys.readouterr().out == ""
