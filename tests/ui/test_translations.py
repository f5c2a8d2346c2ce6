"""The Arabic UI catalogue is complete, current and keeps placeholders and accelerators."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from reader.resources import translations_dir
from reader.ui.i18n import qm_file

TS = translations_dir() / "qari_ar.ts"
ROOT = Path(__file__).resolve().parents[2]


def _messages(path: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(path).getroot()
    return [(ctx.findtext("name"), msg.findtext("source"), msg.find("translation"))
            for ctx in root.iter("context") for msg in ctx.iter("message")]


def _lupdate(target: Path, *options: str) -> Path:
    """The catalogue Qt's lupdate makes from reader/ui now (skips without lupdate)."""
    import shutil

    import PySide6

    found = shutil.which("pyside6-lupdate")
    lupdate = Path(found) if found else Path(PySide6.__file__).parent / "lupdate"
    if not lupdate.exists():
        pytest.skip("Qt's lupdate is not installed")
    sources = sorted(str(p) for p in (ROOT / "reader" / "ui").glob("*.py"))
    subprocess.run([str(lupdate), *sources, "-ts", str(target), *options], check=True,
                   capture_output=True)
    return target


def test_every_message_is_translated():
    messages = _messages(TS)
    assert len(messages) > 90
    for context, source, translation in messages:
        assert translation.get("type") not in ("unfinished", "vanished", "obsolete"), source
        for text in _texts(translation):
            assert text and text.strip(), (context, source)
            if source != "QT_LAYOUT_DIRECTION":
                assert re.search("[\u0600-\u06ff]", text), source


def _texts(translation: ET.Element) -> list[str]:
    """The translation, or each of its plural forms (a message with %n)."""
    forms = translation.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [translation.text or ""]


def test_placeholders_and_accelerators_survive():
    for _context, source, translation in _messages(TS):
        for text in _texts(translation):
            assert sorted(re.findall(r"%\d|%p", source)) == sorted(
                re.findall(r"%\d|%p", text)), source
            assert ("&" in source.replace("&&", "")) == ("&" in text), source


def test_catalogue_matches_the_code(tmp_path):
    """Every tr() string in reader/ui is in the catalogue (run scripts/update_translations.sh)."""


    fresh = _lupdate(tmp_path / "fresh.ts")
    in_code = {(c, s) for c, s, _ in _messages(fresh)}
    in_catalogue = {(c, s) for c, s, _ in _messages(TS)}
    assert in_code - in_catalogue == set()
    assert in_catalogue - in_code == set()


def test_catalogue_compiles():
    path = qm_file("ar")
    assert path is not None and path.stat().st_size > 1000


def test_counts_read_right_in_english_and_arabic(app):
    """Issue 15: "1 annotations", "1 glyphs unreadable": every count goes through Qt's %n
    plural forms, in English (a catalogue of the plural messages only) and in Arabic."""
    from PySide6.QtCore import QCoreApplication

    from reader.ui.app import create_app

    def count(n: int) -> str:
        return QCoreApplication.translate("AnnotationsPanel", "%n annotation(s)", "", n)

    create_app(language="en")
    assert (count(1), count(2)) == ("1 annotation", "2 annotations")
    assert QCoreApplication.translate("NavigationController", "%n glyph(s) unreadable", "", 1) == (
        "1 glyph unreadable")
    create_app(language="ar")
    assert [count(n) for n in (1, 2, 3, 11)] == ["تعليق واحد", "تعليقان", "3 تعليقات",
                                                 "11 تعليقًا"]
    create_app(language="en")


def test_every_plural_message_has_its_english_forms(tmp_path):


    fresh = _lupdate(tmp_path / "plural.ts", "-pluralonly")
    english = TS.with_name("qari_en.ts")
    assert {(c, s) for c, s, _ in _messages(fresh)} == {(c, s) for c, s, _ in
                                                        _messages(english)}
    for _context, source, translation in _messages(english):
        forms = [f.text for f in translation.findall("numerusform")]
        assert len(forms) == 2 and all(f and "%n" in f for f in forms), source
