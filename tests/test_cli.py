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
    assert [p["page"] for p in payload["pages"]] == [1]
    assert "ملخص تنفيذي" in payload["pages"][0]["text"]


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
