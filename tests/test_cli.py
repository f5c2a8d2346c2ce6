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
    assert "imported 1 annotations" in capsys.readouterr().out
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
    assert "مهم &lt;b&gt;" not in md and "مهم \\<b\\>\\!" in md


def test_annotations_import_of_junk_is_one_line_and_exit_2(sample_pdf, tmp_path, capsys):
    junk = tmp_path / "junk.json"
    junk.write_text("{ this is not json")
    assert main(["annotations", "import", str(sample_pdf), str(junk)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not JSON" in err
    assert main(["annotations", "import", str(sample_pdf), str(tmp_path / "missing.json")]) == 2
    assert main(["export", str(sample_pdf), "--bilingual-pages", "9"]) == 2
